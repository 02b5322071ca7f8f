/**
 * Writes a checked copy: the result sheets (replaced whole) and inline flags on the input cells. Only
 * ever called on a workbook loaded from the input file and saved elsewhere: the input is never written.
 */
import type ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import { MORE_RESULT_SHEETS } from '../core/forms/definitions';
import { flagsOf, moreResultSheets, resultSheets } from '../core/output/resultSheets';
import { renderLayout } from './renderLayout';

export function writeFlags(wb: ExcelJS.Workbook, result: CheckResult): void {
  for (const flag of flagsOf(result.issues, (name) => Boolean(wb.getWorksheet(name)))) {
    const cell = (wb.getWorksheet(flag.sheet) as ExcelJS.Worksheet).getCell(flag.cell);
    // A loaded workbook shares one style object among all cells of a style: give this cell its own,
    // or every cell styled like it (a whole date column) would turn red too.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${flag.fill.slice(1)}` } } };
    cell.note = flag.note;
  }
}

export function writeCheckedCopy(wb: ExcelJS.Workbook, result: CheckResult): void {
  const existed = new Set(wb.worksheets.map((w) => w.name));
  writeFlags(wb, result);
  const layouts = [...resultSheets(result, (name) => existed.has(name)), ...moreResultSheets(result)];
  for (const layout of layouts) renderLayout(wb, layout);
  // Result sheets are replaced whole: one this run has nothing for (no leaders' votes any more) goes.
  for (const name of Object.values(MORE_RESULT_SHEETS)) {
    const stale = wb.getWorksheet(name);
    if (stale && !layouts.some((l) => l.name === name)) wb.removeWorksheet(stale.id);
  }
}
