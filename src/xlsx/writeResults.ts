/**
 * Writes a checked copy: the result sheets (replaced whole) and inline flags on the input cells. Only
 * ever called on a workbook loaded from the input file and saved elsewhere: the input is never written.
 */
import ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import { RESULT_SHEETS } from '../core/forms/definitions';
import type { Issue, Severity } from '../core/issues';
import { replaceSheet, writeChiBoSheet, writeMembersSheet } from './resultSheets';

export const FLAG_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };
const FONT = 'Times New Roman';



function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function writeIssuesSheet(wb: ExcelJS.Workbook, issues: readonly Issue[], chiBo: string | null): void {
  const ws = replaceSheet(wb, RESULT_SHEETS.issues);
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.mergeCells(1, 1, 1, 6);
  ws.getCell(1, 1).value = `KIỂM TRA SỐ LIỆU${chiBo ? ` — CHI BỘ ${chiBo.toUpperCase()}` : ''}`;
  ws.getCell(1, 1).font = { name: FONT, bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const errors = issues.filter((i) => i.severity === 'error').length;
  ws.getCell(2, 1).value = `${errors} lỗi, ${issues.length - errors} cảnh báo. Bấm vào địa chỉ ô để đến chỗ cần sửa.`;
  ws.getCell(2, 1).font = { name: FONT, italic: true };
  const header = ['STT', 'Mức độ', 'Quy tắc', 'Sheet', 'Ô', 'Nội dung'];
  header.forEach((h, i) => {
    const c = ws.getCell(4, i + 1);
    c.value = h;
    c.font = { name: FONT, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  [6, 10, 10, 24, 8, 110].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  issues.forEach((issue, i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo';
    ws.getCell(r, 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FLAG_FILL[issue.severity] } };
    ws.getCell(r, 3).value = issue.rule;
    ws.getCell(r, 4).value = issue.sheet;
    const target = issue.cell && wb.getWorksheet(issue.sheet) ? `#${quoteSheet(issue.sheet)}!${issue.cell}` : null;
    ws.getCell(r, 5).value = target ? { text: issue.cell as string, hyperlink: target } : (issue.cell ?? '—');
    if (target) ws.getCell(r, 5).font = { color: { argb: 'FF0563C1' }, underline: true };
    ws.getCell(r, 6).value = issue.message;
    ws.getCell(r, 6).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
}

/** A fill and a note per flagged cell; several issues on one cell share one note, worst colour wins. */
export function writeFlags(wb: ExcelJS.Workbook, issues: readonly Issue[]): void {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (!issue.cell || !wb.getWorksheet(issue.sheet)) continue;
    const key = `${issue.sheet}\u0000${issue.cell}`;
    const list = byCell.get(key);
    if (list) list.push(issue);
    else byCell.set(key, [issue]);
  }
  for (const [key, list] of byCell) {
    const [sheet, address] = key.split('\u0000');
    const cell = (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address);
    const severity: Severity = list.some((i) => i.severity === 'error') ? 'error' : 'warning';
    // A loaded workbook shares one style object among all cells of a style: give this cell its own,
    // or every cell styled like it (a whole date column) would turn red too.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FLAG_FILL[severity] } } };
    cell.note = list.map((i) => `[${i.rule}] ${i.message}`).join('\n\n');
  }
}

export function writeCheckedCopy(wb: ExcelJS.Workbook, result: CheckResult): void {
  writeFlags(wb, result.issues);
  writeMembersSheet(wb, result);
  writeChiBoSheet(wb, result);
  writeIssuesSheet(wb, result.issues, result.chiBo);
}
