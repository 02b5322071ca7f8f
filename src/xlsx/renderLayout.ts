/** Renders the core's sheet layouts into an ExcelJS workbook, replacing any sheet of the same name. */
import type ExcelJS from 'exceljs';
import { a1 } from '../core/grid';
import { type CellStyle, FONT_NAME, type SheetLayout, type Validation } from '../core/output/layout';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = { name: FONT_NAME, size: style.size ?? 12, bold: style.bold, italic: style.italic, underline: style.underline, color: style.color ? { argb: argb(style.color) } : undefined };
  cell.alignment = { horizontal: style.align, vertical: 'top', wrapText: style.wrap };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.border) cell.border = THIN;
}

const absoluteRow = (cell: string): string => cell.replace(/^([A-Z]+)(\d+)$/, '$1$$$2');

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function toExcelJs(v: Validation): ExcelJS.DataValidation {
  const prompt = v.prompt ? { showInputMessage: true, promptTitle: 'Hướng dẫn', prompt: v.prompt } : {};
  const error = { showErrorMessage: v.strict, errorTitle: 'Giá trị không hợp lệ', error: v.prompt ?? 'Giá trị không hợp lệ' };
  switch (v.rule.kind) {
    case 'list':
      return { type: 'list', allowBlank: true, formulae: [`"${v.rule.items.join(',')}"`], ...prompt, ...error };
    case 'whole':
      return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [v.rule.min], ...prompt, ...error };
    case 'decimal':
      return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [v.rule.min, v.rule.max], ...prompt, ...error };
    case 'date':
      return { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], ...prompt, ...error };
  }
}

/** ExcelJS writes one validation over a whole range this way; its typings omit it. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

export function renderLayout(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(layout.name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(layout.name, layout.tabColor ? { properties: { tabColor: { argb: argb(layout.tabColor) } } } : undefined);
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const masters = new Set(layout.merges.map((m) => `${m.top},${m.left}`));
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    // A string goes in as a string: ExcelJS never turns one into a formula, so "=1+1" stays text.
    // An empty cell only carries a style: in ExcelJS a value set on a merged cell lands on the whole area.
    if (c.value !== '') cell.value = c.link ? { text: String(c.value), hyperlink: `#${quoteSheet(c.link.sheet)}!${c.link.cell}` } : c.value;
    // An empty merged area (a blank percentage) holds an empty text: ExcelJS cannot read the text of a
    // merged cell whose first cell has no value at all.
    else if (masters.has(`${c.row},${c.col}`)) cell.value = '';
    if (c.style) applyStyle(cell, c.style);
  }
  for (const [row, height] of layout.rowHeights) ws.getRow(row + 1).height = height;
  const shrink = layout.print?.fitToWidth !== false;
  ws.pageSetup = {
    paperSize: 9,
    orientation: layout.landscape ? 'landscape' : 'portrait',
    // At 100 % (no shrinking) the printed text keeps its size; the layout's columns fit the page.
    ...(shrink ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 100 }),
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (layout.print) {
    const { area, pageBreaks, margins } = layout.print;
    if (margins) ws.pageSetup.margins = { ...margins, header: 0.3, footer: 0.3 };
    // ExcelJS writes '$' + each corner: "A$1" becomes the absolute $A$1 (a bare "A1" gives $A1, which
    // LibreOffice does not read as a print range, printing the whole sheet).
    if (area) ws.pageSetup.printArea = `${absoluteRow(a1(area.top, area.left))}:${absoluteRow(a1(area.bottom, area.right))}`;
    // ExcelJS puts a row's break below it: below 1-based row r is before 0-based row r.
    for (const row of pageBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  }
  if (layout.printTitleRows) ws.pageSetup.printTitlesRow = `${layout.printTitleRows[0] + 1}:${layout.printTitleRows[1] + 1}`;
  if (layout.freezeRows || layout.freezeCols) ws.views = [{ state: 'frozen', ySplit: layout.freezeRows ?? 0, xSplit: layout.freezeCols ?? 0 }];
  for (const v of layout.validations ?? []) rangeValidations(ws).add(`${a1(v.range.top, v.range.left)}:${a1(v.range.bottom, v.range.right)}`, toExcelJs(v));
  for (const n of layout.notes ?? []) ws.getCell(n.row + 1, n.col + 1).note = n.text;
  for (const f of layout.numberFormats ?? []) {
    for (let r = f.range.top; r <= f.range.bottom; r++) for (let c = f.range.left; c <= f.range.right; c++) ws.getCell(r + 1, c + 1).numFmt = f.format;
  }
  return ws;
}
