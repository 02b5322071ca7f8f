/**
 * The host-neutral model of a workbook: what the form reader needs and nothing more.
 * Excel (Office.js) and .xlsx files (ExcelJS) are both turned into this before the core sees them,
 * so that the same input gives the same result everywhere.
 */

/** A formula error shown in the cell (`#N/A`, `#VALUE!`, …). */
export interface CellError {
  readonly error: string;
}

/**
 * One cell's value as the file stores it and Office.js `Range.values` returns it. A date-formatted cell
 * is its serial number, in the workbook's date system (`WorkbookModel.date1904`): every reader hands the
 * core the same value for the same cell, and only the core, where a form's column is a date, makes it a
 * day (values/dates.ts `fromExcelSerial`).
 */
export type CellValue = string | number | boolean | CellError | null;

/** A rectangle of cells, 0-based and inclusive, in sheet coordinates (A1 is row 0, column 0). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /**
   * Row-major values of the used range; `values[0][0]` is the cell at (originRow, originCol). Rows may
   * be sparse (a hole reads as null through `cellAt`) and empty rows may share one frozen empty array,
   * so that a sheet's memory grows with the cells that hold values, not with their coordinates.
   */
  readonly values: readonly (readonly CellValue[])[];
  readonly originRow: number;
  readonly originCol: number;
  /** Merged areas, where the host reports them. */
  readonly merges?: readonly CellRange[];
  /** Hidden rows and columns (0-based sheet indices), where the host reports them. */
  readonly hiddenRows?: readonly number[];
  readonly hiddenCols?: readonly number[];
  /**
   * Font names parallel to `values` (null: not known, or the default), where the host gives them: a
   * legacy Vietnamese font (`.VnTime`, `VNI-Times`) says how the cell's text is to be read (DATA-06).
   */
  readonly fonts?: readonly (readonly (string | null)[])[];
}

/** Which reader made a model: the JSON report names it per file. */
export interface ReaderInfo {
  readonly name: 'xlsx' | 'exceljs' | 'excel';
  /** For the ExcelJS fallback: the declared reason the project's own reader declined the file. */
  readonly fallback?: string;
}

export interface WorkbookModel {
  readonly sheets: readonly SheetGrid[];
  /** The workbook counts dates from 1904 (Excel for Mac's old default): serials are days since 01/01/1904. */
  readonly date1904?: boolean;
  readonly reader?: ReaderInfo;
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && typeof (value as CellError).error === 'string';
}

/** Rows wider than this may be sparse: walk them by the cells they hold, not by every column. */
export const SPARSE_ROW_WIDTH = 1024;

/**
 * The columns (indices into the row) that hold a cell, for a row wider than SPARSE_ROW_WIDTH; null for
 * a narrower row, which the caller walks index by index. A value in column XFD then costs one cell.
 */
export function presentColumns(line: readonly unknown[]): readonly number[] | null {
  if (line.length <= SPARSE_ROW_WIDTH) return null;
  const out: number[] = [];
  // for…in visits only the indices a sparse (dictionary) array holds, in ascending order.
  for (const key in line) {
    const c = Number(key);
    if (Number.isInteger(c) && line[c] !== undefined) out.push(c);
  }
  return out;
}

/** Reads a cell by sheet coordinates; outside the used range is empty. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = row - sheet.originRow;
  const c = col - sheet.originCol;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? (line[c] ?? null) : null;
}

export function lastRow(sheet: SheetGrid): number {
  return sheet.originRow + sheet.values.length - 1;
}

/** The last column of the used range: a pass over the rows (not the cells), however sparse they are. */
export function lastCol(sheet: SheetGrid): number {
  let width = 0;
  for (const line of sheet.values) if (line.length > width) width = line.length;
  return sheet.originCol + width - 1;
}

/** `0 → A`, `27 → AB`. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters of A…ZZ by index, a constant made at load: an address is built for every cell the reader types. */
const LETTERS: readonly string[] = Array.from({ length: 26 * 27 }, (_, col) => columnLetter(col));

/** A1 address of a 0-based cell. */
export function a1(row: number, col: number): string {
  return (col < LETTERS.length ? LETTERS[col] : columnLetter(col)) + String(row + 1);
}

/** Parses `B7` into 0-based coordinates; `null` for anything else. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses `A1:C3` (or a single cell) into a range. */
export function parseRange(address: string): CellRange | null {
  const [from, to] = address.split(':');
  const a = parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
