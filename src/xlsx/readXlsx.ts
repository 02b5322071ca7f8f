/**
 * The ExcelJS adapter: an .xlsx file's sheets as the core's WorkbookModel. Formula cells give their
 * cached result, as Excel shows them; merged cells other than the top-left read empty, as in Excel.
 * ExcelJS makes a date-formatted number a Date: it is turned back into the serial the file stores, in
 * the workbook's date system, so that this model is the one cell model every reader gives.
 */
import ExcelJS from 'exceljs';
import type { CellValue, CellRange, SheetGrid, WorkbookModel } from '../core/grid';
import { parseRange } from '../core/grid';
import { UnreadableWorkbookError } from './errors';

export { UnreadableWorkbookError } from './errors';

type ExcelValue = ExcelJS.CellValue;

/** The error shown for a formula error whose text ExcelJS lost (see toCellValue). */
export const FORMULA_ERROR_LOST = '#LỖI';

/**
 * The serial ExcelJS read before it made a Date of it (the inverse of its `excelToDate`). A number no
 * date can hold (1e15) became an Invalid Date and is lost: it reads as a number past 31/12/9999, which
 * a date column shows as `#####`, as Excel does.
 */
export function serialOfExcelJsDate(date: Date, date1904: boolean): number {
  const time = date.getTime();
  if (Number.isNaN(time)) return LOST_DATE_NUMBER;
  return 25569 + time / 86_400_000 - (date1904 ? 1462 : 0);
}

/** What an Invalid Date from ExcelJS reads as: past any date (the number itself is lost). */
export const LOST_DATE_NUMBER = Number.MAX_SAFE_INTEGER;

export function toCellValue(value: ExcelValue, date1904 = false): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialOfExcelJsDate(value, date1904);
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return { error: value.error };
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      // ExcelJS turns an error result in a date-formatted cell into an Invalid Date, losing the error's
      // text: it is a formula error all the same (DATA-04), not a date.
      if (result instanceof Date && Number.isNaN(result.getTime())) return { error: FORMULA_ERROR_LOST };
      return toCellValue(result as ExcelValue, date1904);
    }
    if ('text' in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === 'string') return text;
      if (text && typeof text === 'object' && 'richText' in text) return toCellValue(text as ExcelValue, date1904);
    }
  }
  return null;
}

export function sheetToGrid(ws: ExcelJS.Worksheet, date1904 = false): SheetGrid {
  const values: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      line[colNumber - 1] = toCellValue(cell.value, date1904);
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    values[rowNumber - 1] = line;
  });
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];

  const merges: CellRange[] = [];
  for (const address of ((ws.model as { merges?: string[] }).merges ?? [])) {
    const range = parseRange(address);
    if (range) merges.push(range);
  }
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
  });
  const hiddenCols: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);
  return { name: ws.name, values, originRow: 0, originCol: 0, merges, hiddenRows, hiddenCols };
}

/**
 * The model of a workbook ExcelJS loaded. `fallback` is the declared reason the project's own reader
 * declined the file, when that is why ExcelJS read it (the JSON report names it).
 */
export function workbookToModel(wb: ExcelJS.Workbook, fallback?: string): WorkbookModel {
  const date1904 = (wb.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  const sheets = wb.worksheets.map((ws) => withFontNames(sheetToGrid(ws, date1904), ws));
  const reader = fallback === undefined ? { name: 'exceljs' as const } : { name: 'exceljs' as const, fallback };
  return date1904 ? { sheets, date1904, reader } : { sheets, reader };
}

/**
 * DATA-06: the font of each cell whose text is not plain ASCII (only such text can be in a legacy
 * code), parallel to `values`; the grid is returned as it is when there is none to tell.
 */
export function withFontNames(grid: SheetGrid, ws: ExcelJS.Worksheet): SheetGrid {
  let any = false;
  const fonts = grid.values.map((line, r) =>
    line.map((value, c) => {
      if (typeof value !== 'string' || !/[^\x00-\x7f]/.test(value)) return null;
      const cell = ws.findCell(grid.originRow + r + 1, grid.originCol + c + 1);
      const runs = cell && typeof cell.value === 'object' && cell.value && 'richText' in cell.value ? cell.value.richText : [];
      const name = runs[0]?.font?.name ?? cell?.font?.name ?? null;
      if (name) any = true;
      return name;
    }),
  );
  return any ? { ...grid, fonts } : grid;
}

export async function loadXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new UnreadableWorkbookError(describeReadFailure(path, err));
  }
  // Any zip loads (a .docx renamed to .xlsx too) but a workbook always has a sheet.
  if (wb.worksheets.length === 0) {
    throw new UnreadableWorkbookError(`${path}: tệp không có sheet nào — không phải sổ Excel .xlsx (ví dụ tệp Word đổi tên). (no worksheet: not an .xlsx workbook)`);
  }
  return wb;
}

/**
 * A workbook from bytes (a file the clerk picked in the task pane): the same checks as `loadXlsx`,
 * without the file system, so it also runs in the browser. `name` is only for the message.
 */
export async function loadXlsxBuffer(data: ArrayBuffer | Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's own typing wants a Node Buffer; in the browser build any ArrayBuffer or view loads.
    await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw new UnreadableWorkbookError(`${name}: không đọc được tệp Excel .xlsx — tệp hỏng, không phải .xlsx (ví dụ .xls cũ đổi tên) hoặc đang được bảo vệ bằng mật khẩu. (not a readable .xlsx file)`);
  }
  if (wb.worksheets.length === 0) {
    throw new UnreadableWorkbookError(`${name}: tệp không có sheet nào — không phải sổ Excel .xlsx. (no worksheet: not an .xlsx workbook)`);
  }
  return wb;
}

function describeReadFailure(path: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  // ExcelJS checks for the file itself and throws a plain Error without a code.
  if (code === 'ENOENT' || (err instanceof Error && err.message.startsWith('File not found'))) return `${path}: không tìm thấy tệp (file not found).`;
  if (code === 'EACCES') return `${path}: không có quyền đọc tệp (permission denied).`;
  if (code === 'EISDIR') return `${path}: đây là thư mục, không phải tệp .xlsx (is a directory).`;
  return `${path}: không đọc được tệp Excel .xlsx — tệp hỏng, không phải .xlsx (ví dụ .xls cũ đổi tên) hoặc đang được bảo vệ bằng mật khẩu. Mở bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)". (not a readable .xlsx file)`;
}
