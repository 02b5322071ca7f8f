/**
 * The thin Office.js adapter: turns the open workbook into the core's host-neutral `WorkbookModel`.
 *
 * Everything Office-specific stays here so that the core sees the same model from Excel as from an
 * .xlsx file read by the CLI. Each `context.sync()` is a round trip to Excel (across processes on
 * desktop, across the network on the web), so all reads are queued first and flushed in two syncs
 * whatever the number of sheets.
 */
import type { CellValue, SheetGrid, WorkbookModel } from '../core';

/**
 * The error texts Office.js puts in `Range.values` for a formula error. Only these become
 * `CellError`s; any other text, even one starting with `#`, is the clerk's own text.
 */
export const OFFICE_ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

/** Converts one value from `Range.values` into the core's cell value. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return OFFICE_ERROR_VALUES.has(value) ? { error: value } : value;
  // Dates arrive as serial numbers; the core converts them, knowing which columns hold dates.
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // Not expected from `values`, but keep the text rather than lose the cell.
  return String(value);
}

/** Builds a sheet from a used range; `range` is null when the sheet has no values at all. */
export function toSheetGrid(
  name: string,
  range: { readonly values: readonly (readonly unknown[])[]; readonly rowIndex: number; readonly columnIndex: number } | null,
): SheetGrid {
  if (range === null) return { name, values: [], originRow: 0, originCol: 0 };
  return {
    name,
    values: range.values.map((row) => row.map(toCellValue)),
    originRow: range.rowIndex,
    originCol: range.columnIndex,
  };
}

function isExcelApiSupported(version: string): boolean {
  // Outside a real host (unit tests, a plain browser) there is no requirements object; assume the
  // newest API there, since nothing is being read from a real old Excel anyway.
  const requirements = typeof Office === 'undefined' ? undefined : Office.context?.requirements;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
}

/** The used range to read, or null for an empty sheet (only detectable this way from ExcelApi 1.4). */
function queueUsedRange(sheet: Excel.Worksheet): Excel.Range {
  // The manifest asks only for ExcelApi 1.1, where neither `getUsedRangeOrNullObject` (1.4) nor the
  // `valuesOnly` argument (1.2) exists. `getUsedRange()` there returns A1 for an empty sheet, which
  // reads as one empty cell: the same model as "no values".
  if (isExcelApiSupported('1.4')) return sheet.getUsedRangeOrNullObject(true);
  if (isExcelApiSupported('1.2')) return sheet.getUsedRange(true);
  return sheet.getUsedRange();
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookModel> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const pending = worksheets.items.map((sheet) => {
    const range = queueUsedRange(sheet);
    range.load(['values', 'rowIndex', 'columnIndex']);
    return { name: sheet.name, range };
  });
  await context.sync();

  return {
    sheets: pending.map(({ name, range }) => toSheetGrid(name, range.isNullObject ? null : range)),
  };
}
