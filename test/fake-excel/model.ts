/**
 * The host side of the fake: the workbook as Excel holds it, and the operations Excel performs when a
 * request of a batch reaches it. Nothing here knows about proxies, loading or syncing (client.ts).
 *
 * Cells are stored sparsely (a Map keyed by row and column); formats are immutable objects that cells
 * share, so "clear the fill of 2,000 cells" is cheap and a format can be compared field by field.
 */
import { MAX_COLS, type Rect, isWholeColumns, isWholeRows, rectCells, rectContains, rectsIntersect } from './address';
import type { HostChart } from './charts';
import { invalidArgument, invalidOperation, itemAlreadyExists, responsePayloadTooLarge } from './errors';

// ---------------------------------------------------------------------------------------------------
// Values and formats

export interface ErrorValue {
  readonly error: string;
}
export type Literal = number | string | boolean;
/** A cell's value as stored: a literal, a formula error, or null for an empty cell. */
export type Content = Literal | ErrorValue | null;

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type Underline = 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant';
export type HorizontalAlignment = 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed';
export type VerticalAlignment = 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';

export const UNDERLINES: readonly Underline[] = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
export const HORIZONTAL: readonly HorizontalAlignment[] = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
export const VERTICAL: readonly VerticalAlignment[] = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export interface FontState {
  readonly name: string;
  readonly size: number;
  /** '#RRGGBB' */
  readonly color: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: Underline;
  readonly strikethrough: boolean;
}

/** `RangeBorder.style` values other than 'None' (a side without a line is null). */
export type BorderStyle = 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot';
export type BorderWeight = 'Hairline' | 'Thin' | 'Medium' | 'Thick';
export const BORDER_STYLES: readonly (BorderStyle | 'None')[] = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
export const BORDER_WEIGHTS: readonly BorderWeight[] = ['Hairline', 'Thin', 'Medium', 'Thick'];

export interface BorderLine {
  readonly style: BorderStyle;
  readonly weight: BorderWeight;
  /** '#RRGGBB' */
  readonly color: string;
}

/** The lines a cell's own format draws; null where it draws none. */
export interface CellBorders {
  readonly top: BorderLine | null;
  readonly bottom: BorderLine | null;
  readonly left: BorderLine | null;
  readonly right: BorderLine | null;
  readonly diagonalDown: BorderLine | null;
  readonly diagonalUp: BorderLine | null;
}
export type BorderSide = keyof CellBorders;

export const NO_BORDERS: CellBorders = { top: null, bottom: null, left: null, right: null, diagonalDown: null, diagonalUp: null };

export interface CellFormat {
  readonly numberFormat: string;
  /** '#RRGGBB', or null for no fill (which `RangeFill.color` reports as '#FFFFFF'). */
  readonly fill: string | null;
  readonly font: FontState;
  readonly horizontalAlignment: HorizontalAlignment;
  readonly verticalAlignment: VerticalAlignment;
  readonly wrapText: boolean;
  readonly borders: CellBorders;
}

export interface Hyperlink {
  readonly address?: string;
  readonly documentReference?: string;
  readonly screenTip?: string;
  readonly textToDisplay?: string;
}

export interface HostCell {
  content: Content;
  /** '=…' when the cell holds a formula; `content` is then its cached result (null: not calculated). */
  formula?: string;
  format: CellFormat;
  hyperlink?: Hyperlink;
}

export interface HostNote {
  content: string;
  authorName: string;
}

export type DataValidationType = 'None' | 'WholeNumber' | 'Decimal' | 'List' | 'Date' | 'Time' | 'TextLength' | 'Custom';

/** One data validation as Excel stores it for a set of cells (the API's `DataValidation`, normalised). */
export interface ValidationState {
  readonly type: DataValidationType;
  /** `{}` for type None, else one key (`list`, `wholeNumber`, …) with the criteria as set. */
  readonly rule: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly prompt: { readonly showPrompt: boolean; readonly title: string; readonly message: string };
  readonly errorAlert: { readonly showAlert: boolean; readonly style: 'Stop' | 'Warning' | 'Information'; readonly title: string; readonly message: string };
  readonly ignoreBlanks: boolean;
}

export interface ValidationRecord {
  rects: Rect[];
  readonly dv: ValidationState;
}

export type PaperType = (typeof PAPER_TYPES)[number];
/** Excel.PaperType in the order of SpreadsheetML's paperSize codes 1–41 (Letter is 1, A4 is 9). */
export const PAPER_TYPES = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio',
  'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet',
  'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6',
  'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman',
] as const;

/** `PageLayout.zoom`: a percentage, or pages to fit to (0 = as many as needed). */
export type PageZoom = { readonly scale: number } | { readonly horizontalFitToPages: number; readonly verticalFitToPages: number };

export interface PageLayoutState {
  readonly orientation: 'Portrait' | 'Landscape';
  readonly paperSize: PaperType;
  readonly zoom: PageZoom;
  /** Whole rows / whole columns repeated on every printed page. */
  readonly printTitleRows: Rect | null;
  readonly printTitleColumns: Rect | null;
  readonly printArea: readonly Rect[] | null;
  /** In inches, as SpreadsheetML keeps them (`<pageMargins>`); the API reads and sets points (× 72). */
  readonly margins: PageMargins;
  readonly centerHorizontally: boolean;
  readonly centerVertically: boolean;
  /** Manual horizontal page breaks: 0-based rows that begin a new page, ascending (`<rowBreaks>`). */
  readonly rowBreaks: readonly number[];
}

export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** Excel's "Normal" margins of a new sheet, in inches. */
export const DEFAULT_MARGINS: PageMargins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

export const DEFAULT_PAGE_LAYOUT: PageLayoutState = {
  orientation: 'Portrait',
  paperSize: 'Letter',
  zoom: { scale: 100 },
  printTitleRows: null,
  printTitleColumns: null,
  printArea: null,
  margins: DEFAULT_MARGINS,
  centerHorizontally: false,
  centerVertically: false,
  rowBreaks: [],
};

export const DEFAULT_FONT: FontState = { name: 'Calibri', size: 11, color: '#000000', bold: false, italic: false, underline: 'None', strikethrough: false };
export const DEFAULT_FORMAT: CellFormat = {
  numberFormat: 'General',
  fill: null,
  font: DEFAULT_FONT,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  borders: NO_BORDERS,
};

/** Excel's default column: 8.43 characters of Calibri 11 = 64 px = 48 pt; default row 15 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function sameFont(a: FontState, b: FontState): boolean {
  return a === b || (a.name === b.name && a.size === b.size && a.color === b.color && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strikethrough === b.strikethrough);
}

export function sameLine(a: BorderLine | null, b: BorderLine | null): boolean {
  return a === b || (a !== null && b !== null && a.style === b.style && a.weight === b.weight && a.color === b.color);
}

export function sameBorders(a: CellBorders, b: CellBorders): boolean {
  return (
    a === b ||
    (sameLine(a.top, b.top) &&
      sameLine(a.bottom, b.bottom) &&
      sameLine(a.left, b.left) &&
      sameLine(a.right, b.right) &&
      sameLine(a.diagonalDown, b.diagonalDown) &&
      sameLine(a.diagonalUp, b.diagonalUp))
  );
}

export function sameFormat(a: CellFormat, b: CellFormat): boolean {
  return (
    a === b ||
    (a.numberFormat === b.numberFormat &&
      a.fill === b.fill &&
      sameFont(a.font, b.font) &&
      a.horizontalAlignment === b.horizontalAlignment &&
      a.verticalAlignment === b.verticalAlignment &&
      a.wrapText === b.wrapText &&
      sameBorders(a.borders, b.borders))
  );
}

/** '1.10' > '1.9': requirement-set versions compare part by part as numbers. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Workbook and sheets

export class HostSheet {
  readonly cells = new Map<number, HostCell>();
  /** Formats given to whole rows / columns; a cell without its own format shows row, then column. */
  readonly rowFormats = new Map<number, CellFormat>();
  readonly colFormats = new Map<number, CellFormat>();
  /** In points, as `RangeFormat.columnWidth` / `rowHeight` report them. */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  readonly notes = new Map<number, HostNote>();
  /** Data validation as Excel keeps it: settings per (disjoint) set of rectangles. */
  validations: ValidationRecord[] = [];
  pageLayout: PageLayoutState = { ...DEFAULT_PAGE_LAYOUT };
  /** The sheet's charts in the order of its ChartCollection (charts.ts). */
  charts: HostChart[] = [];
  /** The number of the last "Chart N" name given on this sheet. */
  chartSerial = 0;
  merges: Rect[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  /** '#RRGGBB', or null for Excel's automatic tab colour. */
  tabColor: string | null = null;
  /** Each sheet remembers its own selection, as Excel does; A1 by default. */
  selection: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };
  defaultColumnWidth = DEFAULT_COLUMN_WIDTH;
  defaultRowHeight = DEFAULT_ROW_HEIGHT;
  deleted = false;

  constructor(
    readonly book: HostWorkbook,
    readonly id: string,
    public name: string,
    public visibility: Visibility = 'Visible',
  ) {}
}

export class HostWorkbook {
  readonly sheets: HostSheet[] = [];
  active: HostSheet | null = null;
  date1904 = false;
  /** For chart ids. */
  chartSerial = 0;
  private sheetSerial = 0;

  constructor(
    readonly apiVersion: string,
    readonly userName: string,
  ) {}

  supports(version: string): boolean {
    return compareVersions(this.apiVersion, version) >= 0;
  }

  /** By name (case-insensitively, as Excel compares sheet names) or by id. */
  findSheet(key: string): HostSheet | undefined {
    const folded = key.toLocaleUpperCase();
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLocaleUpperCase() === folded);
  }

  addSheet(name?: string): HostSheet {
    let sheetName = name;
    if (sheetName === undefined || sheetName === null || sheetName === '') {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.checkNewName(sheetName, null);
    this.sheetSerial++;
    const id = `{00000000-0001-0000-${String(this.sheetSerial).padStart(4, '0')}-000000000000}`;
    const sheet = new HostSheet(this, id, sheetName);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** Excel's rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end, unique. */
  checkNewName(name: unknown, self: HostSheet | null): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw invalidArgument(`invalid worksheet name ${JSON.stringify(name)}`);
    }
    const other = this.findSheet(name);
    if (other && other !== self && other.name.toLocaleUpperCase() === name.toLocaleUpperCase()) throw itemAlreadyExists();
  }

  rename(sheet: HostSheet, name: unknown): void {
    this.checkNewName(name, sheet);
    sheet.name = name as string;
  }

  visibleSheets(): HostSheet[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  setVisibility(sheet: HostSheet, visibility: unknown): void {
    if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden') throw invalidArgument(`visibility ${JSON.stringify(visibility)}`);
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw invalidOperation('a workbook must keep at least one visible worksheet');
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.active === sheet) this.active = this.neighbourOf(sheet);
  }

  activate(sheet: HostSheet): void {
    if (sheet.visibility !== 'Visible') throw invalidOperation('cannot activate a hidden worksheet');
    this.active = sheet;
  }

  deleteSheet(sheet: HostSheet): void {
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) throw invalidOperation('a workbook must keep at least one visible worksheet');
    const next = this.active === sheet ? this.neighbourOf(sheet) : this.active;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    // Its charts go with it; charts elsewhere that plot its cells lose their series (#REF!).
    for (const chart of sheet.charts) chart.deleted = true;
    for (const other of this.sheets) for (const chart of other.charts) if (chart.source?.sheet === sheet) chart.source = null;
    this.active = next;
  }

  moveSheet(sheet: HostSheet, position: unknown): void {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw invalidArgument(`position ${String(position)}`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** The visible sheet Excel shows when `sheet` goes away: the next one, else the previous one. */
  private neighbourOf(sheet: HostSheet): HostSheet | null {
    const i = this.sheets.indexOf(sheet);
    const after = this.sheets.slice(i + 1).find((s) => s.visibility === 'Visible' && s !== sheet);
    const before = this.sheets.slice(0, i).reverse().find((s) => s.visibility === 'Visible');
    return after ?? before ?? null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Cells

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLS);
export const keyCol = (key: number): number => key % MAX_COLS;

/** Reading one value per cell of more cells than this would be a response Excel on the web refuses. */
const PER_CELL_LIMIT = 5_000_000;

export function checkPerCellSize(rect: Rect): void {
  if (rectCells(rect) > PER_CELL_LIMIT) throw responsePayloadTooLarge();
}

export function effectiveFormat(sheet: HostSheet, row: number, col: number): CellFormat {
  return sheet.cells.get(cellKey(row, col))?.format ?? sheet.rowFormats.get(row) ?? sheet.colFormats.get(col) ?? DEFAULT_FORMAT;
}

export function ensureCell(sheet: HostSheet, row: number, col: number): HostCell {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { content: null, format: effectiveFormat(sheet, row, col) };
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Drops a cell that holds nothing its row or column would not give it anyway. */
function prune(sheet: HostSheet, row: number, col: number): void {
  const key = cellKey(row, col);
  const cell = sheet.cells.get(key);
  if (!cell || cell.content !== null || cell.formula !== undefined || cell.hyperlink) return;
  const inherited = sheet.rowFormats.get(row) ?? sheet.colFormats.get(col) ?? DEFAULT_FORMAT;
  if (sameFormat(cell.format, inherited)) sheet.cells.delete(key);
}

/** The existing cells inside `rect`, whichever is cheaper: walking the rectangle or the map. */
export function* cellsIn(sheet: HostSheet, rect: Rect): Generator<[number, number, HostCell]> {
  if (rectCells(rect) <= sheet.cells.size) {
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        if (cell) yield [r, c, cell];
      }
    }
  } else {
    for (const [key, cell] of [...sheet.cells]) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (rectContains(rect, r, c)) yield [r, c, cell];
    }
  }
}

export function mergeAt(sheet: HostSheet, row: number, col: number): Rect | undefined {
  return sheet.merges.find((m) => rectContains(m, row, col));
}

/** Excel shows a merged area's value in its top-left cell only; the others read empty. */
export function isCoveredByMerge(sheet: HostSheet, row: number, col: number): boolean {
  const m = mergeAt(sheet, row, col);
  return m !== undefined && (m.r0 !== row || m.c0 !== col);
}

/** One cell as `Range.values` gives it: "" when empty, the error text for an error. */
export function valueOf(sheet: HostSheet, row: number, col: number): Literal {
  if (isCoveredByMerge(sheet, row, col)) return '';
  const content = sheet.cells.get(cellKey(row, col))?.content ?? null;
  if (content === null) return '';
  return typeof content === 'object' ? content.error : content;
}

export function formulaOf(sheet: HostSheet, row: number, col: number): Literal {
  const cell = sheet.cells.get(cellKey(row, col));
  return cell?.formula ?? valueOf(sheet, row, col);
}

export function valueTypeOf(sheet: HostSheet, row: number, col: number): string {
  if (isCoveredByMerge(sheet, row, col)) return 'Empty';
  const content = sheet.cells.get(cellKey(row, col))?.content ?? null;
  if (content === null) return 'Empty';
  if (typeof content === 'object') return 'Error';
  if (typeof content === 'number') return 'Double';
  return typeof content === 'boolean' ? 'Boolean' : 'String';
}

/** Calls `fn` for each cell of `rect`, row by row, building a 2D array as Office.js returns them. */
export function grid<T>(rect: Rect, fn: (row: number, col: number) => T): T[][] {
  checkPerCellSize(rect);
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const line: T[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) line.push(fn(r, c));
    out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Writing values: what Excel makes of what the add-in sends

type Coerced = { readonly skip: true } | { readonly skip: false; readonly content: Content; readonly formula?: string; readonly numberFormat?: string };

const SKIP: Coerced = { skip: true };
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Turns one element of a `values` (or `formulas`) array into what Excel stores, as if typed:
 * null leaves the cell alone; "" empties it; "=…" (and "+…"/"-…" that is not a number) becomes a
 * formula; "'…" is text without the apostrophe; numeric text becomes a number ("12%" a percentage);
 * "TRUE"/"FALSE" booleans; ISO "yyyy-mm-dd" a date serial. A cell formatted as Text ("@") keeps text.
 */
export function coerceInput(input: unknown, numberFormat: string, date1904: boolean): Coerced {
  if (input === null || input === undefined) return SKIP;
  if (typeof input === 'number') return Number.isFinite(input) ? { skip: false, content: input } : SKIP;
  if (typeof input === 'boolean') return { skip: false, content: input };
  if (typeof input !== 'string') throw invalidArgument(`a cell value must be a number, string or boolean, not ${JSON.stringify(input)}`);
  if (input === '') return { skip: false, content: null };
  if (input.startsWith("'")) return { skip: false, content: input.slice(1) };
  if (numberFormat === '@') return { skip: false, content: input };
  if (input.length > 1 && input.startsWith('=')) return { skip: false, content: null, formula: input };
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { skip: false, content: Number(trimmed) };
  const pct = PERCENT.exec(trimmed);
  if (pct) {
    const decimals = pct[1].split('.')[1]?.length ?? 0;
    return { skip: false, content: Number(pct[1]) / 100, numberFormat: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { skip: false, content: upper === 'TRUE' };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const serial = serialFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), date1904);
    if (serial !== null) return { skip: false, content: serial, numberFormat: 'yyyy-mm-dd' };
  }
  if (input.length > 1 && (input.startsWith('+') || input.startsWith('-'))) return { skip: false, content: null, formula: `=${input}` };
  return { skip: false, content: input };
}

export function writeCell(sheet: HostSheet, row: number, col: number, coerced: Coerced): void {
  if (coerced.skip) return;
  // Excel keeps only the top-left value of a merged area; what is sent for the others is dropped.
  if (isCoveredByMerge(sheet, row, col)) return;
  const cell = ensureCell(sheet, row, col);
  cell.content = coerced.content;
  if (coerced.formula === undefined) delete cell.formula;
  else cell.formula = coerced.formula;
  if (coerced.numberFormat && cell.format.numberFormat === 'General') cell.format = { ...cell.format, numberFormat: coerced.numberFormat };
  prune(sheet, row, col);
}

/**
 * Applies a 2D array (or one value for every cell) to a rectangle. The shape must match the range
 * exactly, as Excel requires; each element goes through `apply`.
 */
export function writeGrid(rect: Rect, input: unknown, apply: (row: number, col: number, value: unknown) => void): void {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (!Array.isArray(input)) {
    // A single value is applied to every cell of the range.
    checkPerCellSize(rect);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) apply(r, c, input);
    return;
  }
  if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
    const shape = `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}`;
    throw invalidArgument(`the array is ${shape} but the range is ${rows}×${cols}`);
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) apply(rect.r0 + i, rect.c0 + j, (input[i] as unknown[])[j]);
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (the 1900 system's day 0, past Excel's phantom 1900-02-29) to 1970-01-01. */
const EPOCH_1900 = 25569;
/** The 1904 system counts from 1904-01-01, 1462 days later. */
const EPOCH_1904 = EPOCH_1900 - 1462;

/** ExcelJS gives dates as UTC `Date`s; Excel's `Range.values` gives the serial number. */
export function serialFromDate(date: Date, date1904: boolean): number {
  const days = date.getTime() / MS_PER_DAY + (date1904 ? EPOCH_1904 : EPOCH_1900);
  // Round to the millisecond so that whole days stay whole numbers.
  return Math.round(days * MS_PER_DAY) / MS_PER_DAY;
}

export function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * MS_PER_DAY));
}

function serialFromParts(y: number, m: number, d: number, date1904: boolean): number | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return serialFromDate(date, date1904);
}

// ---------------------------------------------------------------------------------------------------
// Used range

/**
 * The smallest rectangle holding every cell with a value (valuesOnly) or with a value or a format of
 * its own, merged areas included; null for a sheet with none. Whole-row/column formats do not count,
 * as in Excel. With `within`, only that part of the sheet is looked at (Range.getUsedRange).
 */
export function usedRect(sheet: HostSheet, valuesOnly: boolean, within?: Rect): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const take = (r: number, c: number): void => {
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  };
  for (const [key, cell] of sheet.cells) {
    const r = keyRow(key);
    const c = keyCol(key);
    if (within && !rectContains(within, r, c)) continue;
    const hasValue = cell.content !== null || cell.formula !== undefined;
    const used = hasValue ? !isCoveredByMerge(sheet, r, c) : !valuesOnly && (cell.hyperlink !== undefined || !sameFormat(cell.format, DEFAULT_FORMAT));
    if (used) take(r, c);
  }
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      if (within && !rectsIntersect(m, within)) continue;
      take(within ? Math.max(m.r0, within.r0) : m.r0, within ? Math.max(m.c0, within.c0) : m.c0);
      take(within ? Math.min(m.r1, within.r1) : m.r1, within ? Math.min(m.c1, within.c1) : m.c1);
    }
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

// ---------------------------------------------------------------------------------------------------
// Formats

/**
 * The value all cells of `rects` share, or null when they differ (as Excel reports a mixed range).
 * Ranges beyond 100,000 cells are judged from their stored cells, row and column formats (exactly for
 * whole rows and columns; other large ranges count the default and every row/column format they touch).
 */
export function commonFormatValue<T>(sheet: HostSheet, rects: readonly Rect[], pick: (f: CellFormat) => T): T | null {
  let seen = false;
  let value: T | undefined;
  let mixed = false;
  const see = (v: T): void => {
    if (!seen) {
      seen = true;
      value = v;
    } else if (!Object.is(v, value)) mixed = true;
  };
  for (const rect of rects) {
    if (rectCells(rect) <= 100_000) {
      for (let r = rect.r0; r <= rect.r1 && !mixed; r++) for (let c = rect.c0; c <= rect.c1; c++) see(pick(effectiveFormat(sheet, r, c)));
    } else if (isWholeColumns(rect)) {
      // A cell shows its own format, else its row's, else its column's: every column has cells of
      // neither (a million rows), and a formatted row shows its format where it has no cell.
      for (const [, , cell] of cellsIn(sheet, rect)) see(pick(cell.format));
      for (let c = rect.c0; c <= rect.c1 && !mixed; c++) {
        see(pick(sheet.colFormats.get(c) ?? DEFAULT_FORMAT));
        for (const [r, f] of sheet.rowFormats) if (!sheet.cells.has(cellKey(r, c))) see(pick(f));
      }
    } else if (isWholeRows(rect)) {
      for (const [, , cell] of cellsIn(sheet, rect)) see(pick(cell.format));
      for (let r = rect.r0; r <= rect.r1 && !mixed; r++) {
        const rowFormat = sheet.rowFormats.get(r);
        if (rowFormat) {
          see(pick(rowFormat));
          continue;
        }
        see(pick(DEFAULT_FORMAT));
        for (const [c, f] of sheet.colFormats) if (!sheet.cells.has(cellKey(r, c))) see(pick(f));
      }
    } else {
      for (const [, , cell] of cellsIn(sheet, rect)) see(pick(cell.format));
      for (const [r, f] of sheet.rowFormats) if (r >= rect.r0 && r <= rect.r1) see(pick(f));
      for (const [c, f] of sheet.colFormats) if (c >= rect.c0 && c <= rect.c1) see(pick(f));
      see(pick(DEFAULT_FORMAT));
    }
    if (mixed) return null;
  }
  return seen ? (value as T) : null;
}

/** Applies `change` to every cell of `rects`; whole rows/columns also change the row/column format. */
export function updateFormat(sheet: HostSheet, rects: readonly Rect[], change: (f: CellFormat) => CellFormat): void {
  for (const rect of rects) {
    if (isWholeColumns(rect) || isWholeRows(rect)) {
      const done = new Set<number>();
      for (const [r, c, cell] of cellsIn(sheet, rect)) {
        cell.format = change(cell.format);
        done.add(cellKey(r, c));
        prune(sheet, r, c);
      }
      // Where a formatted row crosses a formatted column, Excel stores the cell itself.
      const crossings = isWholeColumns(rect)
        ? [...sheet.rowFormats.keys()].flatMap((r) => range(rect.c0, rect.c1).map((c) => [r, c] as const))
        : [...sheet.colFormats.keys()].filter((c) => c >= rect.c0 && c <= rect.c1).flatMap((c) => range(rect.r0, rect.r1).map((r) => [r, c] as const));
      for (const [r, c] of crossings) {
        if (done.has(cellKey(r, c))) continue;
        const cell = ensureCell(sheet, r, c);
        cell.format = change(cell.format);
      }
      if (isWholeColumns(rect)) for (let c = rect.c0; c <= rect.c1; c++) setOrDrop(sheet.colFormats, c, change(sheet.colFormats.get(c) ?? DEFAULT_FORMAT));
      else for (let r = rect.r0; r <= rect.r1; r++) setOrDrop(sheet.rowFormats, r, change(sheet.rowFormats.get(r) ?? DEFAULT_FORMAT));
    } else {
      checkPerCellSize(rect);
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = ensureCell(sheet, r, c);
          cell.format = change(cell.format);
          prune(sheet, r, c);
        }
      }
    }
  }
}

function setOrDrop(map: Map<number, CellFormat>, key: number, format: CellFormat): void {
  if (sameFormat(format, DEFAULT_FORMAT)) map.delete(key);
  else map.set(key, format);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

export function updateFont(sheet: HostSheet, rects: readonly Rect[], change: Partial<FontState>): void {
  updateFormat(sheet, rects, (f) => ({ ...f, font: { ...f.font, ...change } }));
}

// ---------------------------------------------------------------------------------------------------
// Clearing, merging, sizes, hyperlinks

export type ClearApplyTo = 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents';

export function clearRange(sheet: HostSheet, rects: readonly Rect[], applyTo: ClearApplyTo): void {
  for (const rect of rects) {
    const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
    const formats = applyTo === 'All' || applyTo === 'Formats' || applyTo === 'RemoveHyperlinks';
    const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
    for (const [r, c, cell] of cellsIn(sheet, rect)) {
      if (contents) {
        cell.content = null;
        delete cell.formula;
      }
      if (links) delete cell.hyperlink;
      if (formats) cell.format = DEFAULT_FORMAT;
      prune(sheet, r, c);
    }
    if (formats) {
      if (isWholeColumns(rect)) for (let c = rect.c0; c <= rect.c1; c++) sheet.colFormats.delete(c);
      if (isWholeRows(rect)) for (let r = rect.r0; r <= rect.r1; r++) sheet.rowFormats.delete(r);
      if (!isWholeColumns(rect) && !isWholeRows(rect)) {
        // A cleared cell inside a formatted row or column keeps an explicit default format.
        for (let r = rect.r0; r <= rect.r1; r++) {
          for (let c = rect.c0; c <= rect.c1; c++) {
            if (!sheet.cells.has(cellKey(r, c)) && (sheet.rowFormats.has(r) || sheet.colFormats.has(c))) ensureCell(sheet, r, c).format = DEFAULT_FORMAT;
          }
        }
      }
    }
  }
}

/** Merges `rect` (each row of it when `across`); only the top-left value survives, as in Excel. */
export function mergeRange(sheet: HostSheet, rect: Rect, across: boolean): void {
  const targets: Rect[] = across ? range(rect.r0, rect.r1).map((r) => ({ r0: r, c0: rect.c0, r1: r, c1: rect.c1 })) : [rect];
  for (const t of targets) {
    if (rectCells(t) === 1) continue;
    checkPerCellSize(t);
    const overlapping = sheet.merges.filter((m) => rectsIntersect(m, t));
    if (overlapping.some((m) => m.r0 < t.r0 || m.c0 < t.c0 || m.r1 > t.r1 || m.c1 > t.c1)) throw invalidOperation('the range partly overlaps a merged area');
    sheet.merges = sheet.merges.filter((m) => !overlapping.includes(m));
    for (const [r, c, cell] of cellsIn(sheet, t)) {
      if (r === t.r0 && c === t.c0) continue;
      cell.content = null;
      delete cell.formula;
      prune(sheet, r, c);
    }
    sheet.merges.push(t);
  }
}

/** Unmerges every merged area that `rect` touches. */
export function unmergeRange(sheet: HostSheet, rect: Rect): void {
  sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, rect));
}

export function mergedAreasIn(sheet: HostSheet, rects: readonly Rect[]): Rect[] {
  return sheet.merges.filter((m) => rects.some((r) => rectsIntersect(m, r)));
}

function commonOf<T>(values: Iterable<T>): T | null {
  let first = true;
  let value: T | null = null;
  for (const v of values) {
    if (first) {
      value = v;
      first = false;
    } else if (!Object.is(v, value)) return null;
  }
  return value;
}

export function columnWidthOf(sheet: HostSheet, rects: readonly Rect[]): number | null {
  return commonOf(rects.flatMap((r) => range(r.c0, r.c1)).map((c) => sheet.columnWidths.get(c) ?? sheet.defaultColumnWidth));
}

export function rowHeightOf(sheet: HostSheet, rects: readonly Rect[]): number | null {
  const heights = rects.flatMap((r) => (isWholeColumns(r) ? [...sheet.rowHeights.values(), sheet.defaultRowHeight] : range(r.r0, r.r1).map((row) => sheet.rowHeights.get(row) ?? sheet.defaultRowHeight)));
  return commonOf(heights);
}

export function setColumnWidth(sheet: HostSheet, rects: readonly Rect[], points: unknown): void {
  if (typeof points !== 'number' || !(points >= 0) || points > 1790) throw invalidArgument(`column width ${String(points)}`);
  for (const r of rects) for (let c = r.c0; c <= r.c1; c++) sheet.columnWidths.set(c, points);
}

export function setRowHeight(sheet: HostSheet, rects: readonly Rect[], points: unknown): void {
  if (typeof points !== 'number' || !(points >= 0) || points > 409.5) throw invalidArgument(`row height ${String(points)}`);
  for (const r of rects) {
    if (isWholeColumns(r)) {
      sheet.defaultRowHeight = points;
      sheet.rowHeights.clear();
    } else for (let row = r.r0; row <= r.r1; row++) sheet.rowHeights.set(row, points);
  }
}

/** true when every row (column) of the range is hidden, false when none is, null when mixed. */
export function hiddenState(set: Set<number>, from: number, to: number): boolean | null {
  let hidden = 0;
  for (const i of set) if (i >= from && i <= to) hidden++;
  if (hidden === 0) return false;
  return hidden === to - from + 1 ? true : null;
}

export function setHidden(set: Set<number>, from: number, to: number, value: unknown): void {
  if (typeof value !== 'boolean') throw invalidArgument(`hidden ${String(value)}`);
  for (let i = from; i <= to; i++) {
    if (value) set.add(i);
    else set.delete(i);
  }
}

export function setHyperlink(sheet: HostSheet, rect: Rect, link: unknown): void {
  if (link !== null && (typeof link !== 'object' || Array.isArray(link))) throw invalidArgument('hyperlink must be an object');
  const value = link as Hyperlink | null;
  checkPerCellSize(rect);
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const cell = ensureCell(sheet, r, c);
      if (value === null || (!value.address && !value.documentReference)) delete cell.hyperlink;
      else cell.hyperlink = { ...value };
      if (value?.textToDisplay !== undefined) {
        cell.content = value.textToDisplay;
        delete cell.formula;
      }
      prune(sheet, r, c);
    }
  }
}
