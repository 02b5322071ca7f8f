/**
 * The Excel API classes the add-in uses, with the real names, arguments and requirement sets
 * (from @types/office-js and office.js's own `_throwIfApiNotSupported` calls). Each class is a
 * `FakeClientObject` plus a `TypeDef` telling the engine what it can load and set on the host.
 *
 * Requirement sets are enforced where the real stack enforces them:
 * - `clientSince`: office.js throws ApiNotFound synchronously, at the call (getItemOrNullObject 1.4,
 *   getUsedRangeOrNullObject 1.4, Workbook.functions 1.2, getRangeByIndexes 1.7, freezePanes 1.7, getRanges 1.9,
 *   Range.getCellProperties/getRowProperties/getColumnProperties 1.9, merge 1.2,
 *   getResizedRange 1.3, getMergedAreasOrNullObject 1.13, Range.dataValidation 1.8,
 *   Worksheet.pageLayout and horizontalPageBreaks 1.9, the 1.18 notes API, charts' getItemOrNullObject/getCount 1.4,
 *   Chart.worksheet 1.2, ChartSeries.getDimensionValues 1.12);
 * - `since`: an older Excel refuses the request, so `context.sync()` rejects with ApiNotFound
 *   (setting visibility before 1.2, hyperlink before 1.7, getUsedRange(valuesOnly) before 1.2, …).
 */
import { MAX_COLS, MAX_ROWS, type Rect, cellA1, isWholeColumns, isWholeRows, parseRect, qualified, rectCells, splitSheet } from './address';
import { BORDER_INDEXES, type BorderIndex, changeBorder, checkBorderIndex, lineWithColor, lineWithStyle, lineWithWeight, readBorder } from './borders';
import {
  type ChartFontState,
  type ChartPoints,
  type ChartSource,
  DATA_LABEL_FLAGS,
  type HostChart,
  addChart,
  chartFontChange,
  chartPoints,
  chartSeries,
  checkBool,
  checkChartName,
  checkChartType,
  checkLegendPosition,
  checkTitleText,
  deleteChart,
  findChart,
  setChartData,
  setChartPoint,
  setChartPosition,
  setPlotBy,
} from './charts';
import { type Binding, FakeClientObject, type FakeClientResult, type NavDef, type PropertyDef, type ProxyClass, type TypeDef } from './client';
import { ErrorCodes, FakeRichApiError, apiNotFoundByHost, generalException, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { formatText, parseColor } from './format';
import {
  BORDER_STYLES,
  BORDER_WEIGHTS,
  type BorderStyle,
  type CellFormat,
  PAPER_TYPES,
  type PageMargins,
  type PageZoom,
  type ClearApplyTo,
  type FontState,
  HORIZONTAL,
  type HostSheet,
  type HostWorkbook,
  UNDERLINES,
  VERTICAL,
  cellKey,
  checkPerCellSize,
  clearRange,
  coerceInput,
  columnWidthOf,
  commonFormatValue,
  effectiveFormat,
  formulaOf,
  grid,
  hiddenState,
  isCoveredByMerge,
  keyCol,
  keyRow,
  mergeRange,
  mergedAreasIn,
  rowHeightOf,
  serialFromDate,
  setColumnWidth,
  setHidden,
  setHyperlink,
  setRowHeight,
  unmergeRange,
  updateFont,
  updateFormat,
  usedRect,
  valueOf,
  valueTypeOf,
  writeCell,
  writeGrid,
} from './model';
import { clearValidation, parseErrorAlert, parseIgnoreBlanks, parsePrompt, setRule, updateValidation, validationOf, validity } from './validation';

/** A range on the host: one rectangle for a Range, one or more for RangeAreas. */
export interface RangeRef {
  readonly sheet: HostSheet;
  readonly rects: readonly Rect[];
}
interface NotesScope {
  readonly book: HostWorkbook;
  /** null for `workbook.notes`, the sheet for `worksheet.notes`. */
  readonly sheet: HostSheet | null;
}
interface NoteRef {
  readonly sheet: HostSheet;
  readonly key: number;
}
/** One border index of a range. */
interface BorderRef extends RangeRef {
  readonly index: BorderIndex;
}

const fail = (error: Error): never => {
  throw error;
};
const one = (ref: RangeRef): Rect => ref.rects[0];
const cellRect = (row: number, col: number): Rect => ({ r0: row, c0: col, r1: row, c1: col });
const WHOLE_SHEET: Rect = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };

function isIndex(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < max;
}

function checkedRect(r0: number, c0: number, r1: number, c1: number): Rect {
  if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLS || r1 < r0 || c1 < c0) throw invalidArgument('the range would leave the sheet');
  return { r0, c0, r1, c1 };
}

/** An address given to a Worksheet method: relative to that sheet; a sheet part must name it. */
function rectOnSheet(sheet: HostSheet, address: unknown): Rect {
  if (address === null || address === undefined) return WHOLE_SHEET;
  if (typeof address !== 'string') throw invalidArgument('address must be a string');
  const { sheet: named, ref } = splitSheet(address);
  if (named !== undefined && sheet.book.findSheet(named) !== sheet) throw invalidArgument(`${address} is not on sheet ${sheet.name}`);
  return parseRect(ref) ?? fail(invalidArgument(`cannot read the address ${JSON.stringify(address)}`));
}

/** Clears every cell of a range, the way `Range.clear(applyTo)` does. */
function clearWith(ref: RangeRef, applyTo: unknown, host: HostWorkbook, location: string): void {
  const mode = (applyTo ?? 'All') as ClearApplyTo;
  const since: Record<string, string> = { All: '1.1', Formats: '1.1', Contents: '1.1', Hyperlinks: '1.7', RemoveHyperlinks: '1.7', ResetContents: '1.18' };
  if (!since[mode]) throw invalidArgument(`applyTo ${JSON.stringify(applyTo)}`);
  if (!host.supports(since[mode])) throw apiNotFoundByHost(location);
  clearRange(ref.sheet, ref.rects, mode);
  // Clearing everything removes data validation too (as Home > Clear > Clear All does); formats or contents alone keep it.
  if (mode === 'All') clearValidation(ref.sheet, ref.rects);
}

function checkValuesOnly(valuesOnly: unknown, host: HostWorkbook, location: string): boolean {
  // The valuesOnly argument arrived with ExcelApi 1.2; an older Excel does not know it.
  if (valuesOnly !== null && valuesOnly !== undefined && !host.supports('1.2')) throw apiNotFoundByHost(location);
  return valuesOnly === true;
}

/** Installs the properties of `def` as accessors on the class, as office.js defines them. */
function define(type: ProxyClass, def: TypeDef): void {
  Object.defineProperty(type, 'def', { value: def });
  for (const [name, prop] of Object.entries(def.props)) {
    Object.defineProperty(type.prototype, name, {
      configurable: true,
      get(this: FakeClientObject) {
        return this._get(name);
      },
      ...(prop.write
        ? {
            set(this: FakeClientObject, value: unknown) {
              this._set(name, value);
            },
          }
        : {}),
    });
  }
  for (const name of Object.keys(def.navs)) {
    Object.defineProperty(type.prototype, name, {
      configurable: true,
      get(this: FakeClientObject) {
        return this._nav(name);
      },
    });
  }
  if (def.items) {
    Object.defineProperty(type.prototype, 'items', {
      configurable: true,
      get(this: FakeClientObject) {
        return this._itemsLoaded;
      },
    });
  }
}

function boolProp(pick: (f: CellFormat) => boolean, change: (v: boolean) => (f: CellFormat) => CellFormat): PropertyDef {
  return {
    read: (b: RangeRef) => commonFormatValue(b.sheet, b.rects, pick),
    write: (b: RangeRef, v) => updateFormat(b.sheet, b.rects, change(typeof v === 'boolean' ? v : fail(invalidArgument(`expected true or false, got ${JSON.stringify(v)}`)))),
  };
}

function fontProp<K extends keyof FontState>(key: K, check: (v: unknown) => FontState[K]): PropertyDef {
  return {
    read: (b: RangeRef) => commonFormatValue(b.sheet, b.rects, (f) => f.font[key]),
    write: (b: RangeRef, v) => updateFont(b.sheet, b.rects, { [key]: check(v) } as Partial<FontState>),
  };
}

const oneOf =
  <T extends string>(allowed: readonly T[], what: string) =>
  (v: unknown): T =>
    allowed.includes(v as T) ? (v as T) : fail(invalidArgument(`${what} ${JSON.stringify(v)}`));

// ---------------------------------------------------------------------------------------------------
// Workbook

export class FakeWorkbook extends FakeClientObject {
  declare readonly worksheets: FakeWorksheetCollection;
  /** ExcelApi 1.18. */
  declare readonly notes: FakeNoteCollection;
  /** ExcelApi 1.2 (office.js checks it in the getter). */
  declare readonly functions: FakeFunctions;

  getSelectedRange(): FakeRange {
    return this._method(FakeRange, 'getSelectedRange', [], (book: HostWorkbook) => {
      const sheet = book.active ?? fail(invalidOperation('no active worksheet'));
      return { sheet, rects: [sheet.selection] };
    });
  }

  /** ExcelApi 1.7. */
  getActiveCell(): FakeRange {
    return this._method(
      FakeRange,
      'getActiveCell',
      [],
      (book: HostWorkbook) => {
        const sheet = book.active ?? fail(invalidOperation('no active worksheet'));
        return { sheet, rects: [cellRect(sheet.selection.r0, sheet.selection.c0)] };
      },
      { clientSince: '1.7' },
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Worksheet functions (only DATE: how an add-in can tell the workbook's date system)

/** What Excel's DATE gives: the serial in the workbook's date system, or `#NUM!` before its first day. */
function dateFunction(book: HostWorkbook, args: unknown[]): { value: number | string; error: string | null } {
  const [y, m, d] = args.map((a) => Math.trunc(Number(a)));
  if (![y, m, d].every(Number.isFinite) || y < 0 || y > 9999) return { value: '#NUM!', error: '#NUM!' };
  // Excel takes a year below 1900 as counted from 1900 (DATE(104, 1, 1) is 2004), and rolls months and days over.
  const year = y < 1900 ? y + 1900 : y;
  const serial = serialFromDate(new Date(Date.UTC(year, m - 1, d)), book.date1904);
  return serial < 0 ? { value: '#NUM!', error: '#NUM!' } : { value: serial, error: null };
}

/** `workbook.functions`: the worksheet functions an add-in can call (ExcelApi 1.2). */
export class FakeFunctions extends FakeClientObject {
  date(year: number, month: number, day: number): FakeFunctionResult {
    return this._method(FakeFunctionResult, 'date', [year, month, day], (book: HostWorkbook, _h, args) => dateFunction(book, args));
  }
}

/** A function's result: `value`, or `error` (its text) when the function gives an error. */
export class FakeFunctionResult extends FakeClientObject {
  declare readonly value: unknown;
  declare readonly error: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Worksheets

export class FakeWorksheetCollection extends FakeClientObject {
  declare readonly items: FakeWorksheet[];

  getItem(key: string): FakeWorksheet {
    return this._method(FakeWorksheet, 'getItem', [key], (book: HostWorkbook, _h, [k]) => book.findSheet(String(k)) ?? fail(itemNotFound()), { indexer: true });
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): FakeWorksheet {
    return this._method(FakeWorksheet, 'getItemOrNullObject', [key], (book: HostWorkbook, _h, [k]) => book.findSheet(String(k)) ?? null, { clientSince: '1.4' });
  }

  /** Adds a sheet at the end; it does not become active (call activate()). */
  add(name?: string): FakeWorksheet {
    return this._method(FakeWorksheet, 'add', [name], (book: HostWorkbook, _h, [n]) => book.addSheet(n === null ? undefined : (n as string)));
  }

  getActiveWorksheet(): FakeWorksheet {
    return this._method(FakeWorksheet, 'getActiveWorksheet', [], (book: HostWorkbook) => book.active ?? fail(itemNotFound()));
  }

  /** ExcelApi 1.4. */
  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return this._invoke('getCount', [visibleOnly], (book: HostWorkbook, [v]) => (v === true ? book.visibleSheets() : book.sheets).length, { since: '1.4' }) as FakeClientResult<number>;
  }
}

export class FakeWorksheet extends FakeClientObject {
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** ExcelApi 1.7: '#RRGGBB', '' for automatic; null on a hidden sheet. */
  declare tabColor: string | null;
  /** ExcelApi 1.7. */
  declare readonly freezePanes: FakeWorksheetFreezePanes;
  /** ExcelApi 1.18. */
  declare readonly notes: FakeNoteCollection;
  /** ExcelApi 1.9. */
  declare readonly pageLayout: FakePageLayout;
  /** ExcelApi 1.9: the manual breaks only. */
  declare readonly horizontalPageBreaks: FakePageBreakCollection;
  declare readonly charts: FakeChartCollection;

  /** "B7", "A1:C3", "3:5", "A:C"; no address: the whole sheet. */
  getRange(address?: string): FakeRange {
    return this._method(FakeRange, 'getRange', [address], (sheet: HostSheet, _h, [a]) => ({ sheet, rects: [rectOnSheet(sheet, a)] }));
  }

  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this._method(
      FakeRange,
      'getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
      (sheet: HostSheet, _h, [r, c, n, m]) => {
        if (!isIndex(r, MAX_ROWS) || !isIndex(c, MAX_COLS) || !isIndex(n, MAX_ROWS + 1) || !isIndex(m, MAX_COLS + 1) || n === 0 || m === 0) {
          throw invalidArgument('getRangeByIndexes needs whole numbers, counts of at least 1');
        }
        return { sheet, rects: [checkedRect(r, c, r + n - 1, c + m - 1)] };
      },
      { clientSince: '1.7' },
    );
  }

  /** ExcelApi 1.9: "A1, B2:C3". */
  getRanges(address?: string): FakeRangeAreas {
    return this._method(
      FakeRangeAreas,
      'getRanges',
      [address],
      (sheet: HostSheet, _h, [a]) => {
        if (a === null || a === undefined) return { sheet, rects: [WHOLE_SHEET] };
        if (typeof a !== 'string') throw invalidArgument('address must be a string');
        return { sheet, rects: a.split(',').map((part) => rectOnSheet(sheet, part.trim())) };
      },
      { clientSince: '1.9' },
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this._method(FakeRange, 'getCell', [row, column], (sheet: HostSheet, _h, [r, c]) => {
      if (!isIndex(r, MAX_ROWS) || !isIndex(c, MAX_COLS)) throw invalidArgument('getCell needs a row and column inside the sheet');
      return { sheet, rects: [cellRect(r, c)] };
    });
  }

  /** An empty sheet gives A1. `valuesOnly` needs ExcelApi 1.2. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._method(FakeRange, 'getUsedRange', [valuesOnly], (sheet: HostSheet, host, [v]) => ({
      sheet,
      rects: [usedRect(sheet, checkValuesOnly(v, host, 'Worksheet.getUsedRange')) ?? cellRect(0, 0)],
    }));
  }

  /** ExcelApi 1.4. An empty sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._method(
      FakeRange,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (sheet: HostSheet, _h, [v]) => {
        const used = usedRect(sheet, v === true);
        return used ? { sheet, rects: [used] } : null;
      },
      { clientSince: '1.4' },
    );
  }

  activate(): void {
    this._invoke('activate', [], (sheet: HostSheet, _a, host) => host.activate(sheet));
  }

  delete(): void {
    this._invoke('delete', [], (sheet: HostSheet, _a, host) => host.deleteSheet(sheet));
  }
}

export class FakeWorksheetFreezePanes extends FakeClientObject {
  freezeRows(count = 1): void {
    this._invoke('freezeRows', [count], (sheet: HostSheet, [n]) => {
      sheet.frozenRows = isIndex(n ?? 1, MAX_ROWS) ? ((n ?? 1) as number) : fail(invalidArgument(`count ${String(n)}`));
      sheet.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._invoke('freezeColumns', [count], (sheet: HostSheet, [n]) => {
      sheet.frozenColumns = isIndex(n ?? 1, MAX_COLS) ? ((n ?? 1) as number) : fail(invalidArgument(`count ${String(n)}`));
      sheet.frozenRows = 0;
    });
  }

  /** Freezes the rows above and columns left of the range's bottom-right corner, inclusive. */
  freezeAt(frozenRange: FakeRange | string): void {
    // A Range travels as a reference to its object path (office.js does the same).
    this._invoke('freezeAt', [frozenRange], (sheet: HostSheet, [address], host) => {
      const rect = frozenRange instanceof FakeRange ? one(frozenRange._bind(host) as RangeRef) : rectOnSheet(sheet, address);
      sheet.frozenRows = isWholeColumns(rect) ? 0 : rect.r1 + 1;
      sheet.frozenColumns = isWholeRows(rect) ? 0 : rect.c1 + 1;
    });
  }

  unfreeze(): void {
    this._invoke('unfreeze', [], (sheet: HostSheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Ranges

export class FakeRange extends FakeClientObject {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare values: any[][];
  declare formulas: any[][];
  declare numberFormat: any[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  /** ExcelApi 1.7. */
  declare hyperlink: { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string } | null;
  /** ExcelApi 1.2. */
  declare rowHidden: boolean;
  declare columnHidden: boolean;
  declare readonly isEntireRow: boolean;
  declare readonly isEntireColumn: boolean;
  declare readonly format: FakeRangeFormat;
  declare readonly worksheet: FakeWorksheet;
  /** ExcelApi 1.8. */
  declare readonly dataValidation: FakeDataValidation;

  /** Selects the range on its own sheet; it does not switch sheets (see README: activate() first). */
  select(): void {
    this._invoke('select', [], (ref: RangeRef) => {
      if (ref.sheet.visibility !== 'Visible') throw invalidOperation('cannot select on a hidden worksheet');
      ref.sheet.selection = one(ref);
    });
  }

  /** ExcelApi 1.2. Keeps only the top-left value, as Excel does. */
  merge(across = false): void {
    this._invoke('merge', [across], (ref: RangeRef, [a]) => mergeRange(ref.sheet, one(ref), a === true), { clientSince: '1.2' });
  }

  /** ExcelApi 1.2. */
  unmerge(): void {
    this._invoke('unmerge', [], (ref: RangeRef) => unmergeRange(ref.sheet, one(ref)), { clientSince: '1.2' });
  }

  clear(applyTo?: string): void {
    this._invoke('clear', [applyTo], (ref: RangeRef, [a], host) => clearWith(ref, a, host, 'Range.clear'));
  }

  /** Relative to the range's top-left cell; may lie outside the range, not outside the sheet. */
  getCell(row: number, column: number): FakeRange {
    return this._method(FakeRange, 'getCell', [row, column], (ref: RangeRef, _h, [r, c]) => {
      const rect = one(ref);
      if (typeof r !== 'number' || typeof c !== 'number') throw invalidArgument('getCell needs numbers');
      return { sheet: ref.sheet, rects: [checkedRect(rect.r0 + r, rect.c0 + c, rect.r0 + r, rect.c0 + c)] };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._method(FakeRange, 'getOffsetRange', [rowOffset, columnOffset], (ref: RangeRef, _h, [dr, dc]) => {
      const rect = one(ref);
      const r = Number(dr);
      const c = Number(dc);
      return { sheet: ref.sheet, rects: [checkedRect(rect.r0 + r, rect.c0 + c, rect.r1 + r, rect.c1 + c)] };
    });
  }

  /** ExcelApi 1.3. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._method(
      FakeRange,
      'getResizedRange',
      [deltaRows, deltaColumns],
      (ref: RangeRef, _h, [dr, dc]) => {
        const rect = one(ref);
        return { sheet: ref.sheet, rects: [checkedRect(rect.r0, rect.c0, rect.r1 + Number(dr), rect.c1 + Number(dc))] };
      },
      { clientSince: '1.3' },
    );
  }

  getRow(row: number): FakeRange {
    return this._method(FakeRange, 'getRow', [row], (ref: RangeRef, _h, [r]) => {
      const rect = one(ref);
      if (!isIndex(r, rect.r1 - rect.r0 + 1)) throw invalidArgument(`row ${String(r)} is outside the range`);
      return { sheet: ref.sheet, rects: [{ ...rect, r0: rect.r0 + r, r1: rect.r0 + r }] };
    });
  }

  getColumn(column: number): FakeRange {
    return this._method(FakeRange, 'getColumn', [column], (ref: RangeRef, _h, [c]) => {
      const rect = one(ref);
      if (!isIndex(c, rect.c1 - rect.c0 + 1)) throw invalidArgument(`column ${String(c)} is outside the range`);
      return { sheet: ref.sheet, rects: [{ ...rect, c0: rect.c0 + c, c1: rect.c0 + c }] };
    });
  }

  getEntireRow(): FakeRange {
    return this._method(FakeRange, 'getEntireRow', [], (ref: RangeRef) => ({ sheet: ref.sheet, rects: [{ ...one(ref), c0: 0, c1: MAX_COLS - 1 }] }));
  }

  getEntireColumn(): FakeRange {
    return this._method(FakeRange, 'getEntireColumn', [], (ref: RangeRef) => ({ sheet: ref.sheet, rects: [{ ...one(ref), r0: 0, r1: MAX_ROWS - 1 }] }));
  }

  /**
   * ExcelApi 1.13: the merged areas whose top-left cell is in the range (not the others that overlap it:
   * OfficeDev/office-js#3611), or a null object when there are none. More than 512 fail the request, as
   * documented (the error code is a guess).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return this._method(
      FakeRangeAreas,
      'getMergedAreasOrNullObject',
      [],
      (ref: RangeRef) => {
        const areas = mergedAreasIn(ref.sheet, ref.rects).filter((m) => ref.rects.some((r) => m.r0 >= r.r0 && m.r0 <= r.r1 && m.c0 >= r.c0 && m.c0 <= r.c1));
        if (areas.length > MAX_MERGED_AREAS) throw generalException(`more than ${MAX_MERGED_AREAS} merged areas`);
        return areas.length ? { sheet: ref.sheet, rects: areas } : null;
      },
      { clientSince: '1.13' },
    );
  }

  /**
   * ExcelApi 1.9: per row of the range, only what `rowPropertiesLoadOptions` asks for. Modelled:
   * rowHidden, rowIndex, address, addressLocal (the row's part of the range); `format` is refused as not
   * modelled.
   */
  getRowProperties(rowPropertiesLoadOptions: unknown): FakeClientResult<unknown[]> {
    return this._invoke(
      'getRowProperties',
      [rowPropertiesLoadOptions],
      (ref: RangeRef, [options]) => {
        const rect = one(ref);
        const o = checkOptionKeys(options, ['rowHidden', 'rowIndex', 'address', 'addressLocal'], 'rowPropertiesLoadOptions');
        return Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => {
          const row = rect.r0 + i;
          const address = qualified(ref.sheet.name, { ...rect, r0: row, r1: row });
          return {
            ...(o.address === true ? { address } : {}),
            ...(o.addressLocal === true ? { addressLocal: address } : {}),
            ...(o.rowIndex === true ? { rowIndex: row } : {}),
            ...(o.rowHidden === true ? { rowHidden: ref.sheet.hiddenRows.has(row) } : {}),
          };
        });
      },
      { clientSince: '1.9' },
    ) as FakeClientResult<unknown[]>;
  }

  /** ExcelApi 1.9: per column of the range, as getRowProperties (columnHidden, columnIndex, address, addressLocal). */
  getColumnProperties(columnPropertiesLoadOptions: unknown): FakeClientResult<unknown[]> {
    return this._invoke(
      'getColumnProperties',
      [columnPropertiesLoadOptions],
      (ref: RangeRef, [options]) => {
        const rect = one(ref);
        const o = checkOptionKeys(options, ['columnHidden', 'columnIndex', 'address', 'addressLocal'], 'columnPropertiesLoadOptions');
        return Array.from({ length: rect.c1 - rect.c0 + 1 }, (_, i) => {
          const col = rect.c0 + i;
          const address = qualified(ref.sheet.name, { ...rect, c0: col, c1: col });
          return {
            ...(o.address === true ? { address } : {}),
            ...(o.addressLocal === true ? { addressLocal: address } : {}),
            ...(o.columnIndex === true ? { columnIndex: col } : {}),
            ...(o.columnHidden === true ? { columnHidden: ref.sheet.hiddenColumns.has(col) } : {}),
          };
        });
      },
      { clientSince: '1.9' },
    ) as FakeClientResult<unknown[]>;
  }

  /** The used part of this range; ItemNotFound when it has none. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._method(FakeRange, 'getUsedRange', [valuesOnly], (ref: RangeRef, host, [v]) => ({
      sheet: ref.sheet,
      rects: [usedRect(ref.sheet, checkValuesOnly(v, host, 'Range.getUsedRange'), one(ref)) ?? fail(itemNotFound())],
    }));
  }

  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._method(
      FakeRange,
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (ref: RangeRef, _h, [v]) => {
        const used = usedRect(ref.sheet, v === true, one(ref));
        return used ? { sheet: ref.sheet, rects: [used] } : null;
      },
      { clientSince: '1.4' },
    );
  }

  /**
   * ExcelApi 1.9: per cell, only the properties asked for (`{ address, format: { fill: { color } } }`),
   * as a rows × columns array. Modelled: address, addressLocal, hidden, format.fill (color, pattern),
   * format.font (name, size, color, bold, italic, underline, strikethrough), format.horizontalAlignment,
   * verticalAlignment, wrapText; any other option is refused as not modelled.
   */
  getCellProperties(cellPropertiesLoadOptions: unknown): FakeClientResult<unknown[][]> {
    return this._invoke(
      'getCellProperties',
      [cellPropertiesLoadOptions],
      (ref: RangeRef, [options]) => {
        const rect = one(ref);
        checkPerCellSize(rect);
        return grid(rect, (row, col) => cellProperties(ref.sheet, row, col, options));
      },
      { clientSince: '1.9' },
    ) as FakeClientResult<unknown[][]>;
  }
}

/** `getMergedAreasOrNullObject` fails above this many areas (documented). */
const MAX_MERGED_AREAS = 512;

const CELL_FORMAT_OPTIONS = ['fill', 'font', 'horizontalAlignment', 'verticalAlignment', 'wrapText'] as const;
const CELL_FONT_OPTIONS = ['name', 'size', 'color', 'bold', 'italic', 'underline', 'strikethrough'] as const;

function checkOptionKeys(options: unknown, allowed: readonly string[], what: string): Record<string, unknown> {
  if (!options || typeof options !== 'object' || Array.isArray(options)) throw invalidArgument(`${what} must be an object`);
  for (const key of Object.keys(options)) if (!allowed.includes(key)) throw invalidArgument(`${what}.${key} is not modelled by the fake`);
  return options as Record<string, unknown>;
}

/** One cell of `getCellProperties`: only the keys asked for with `true`. */
function cellProperties(sheet: HostSheet, row: number, col: number, options: unknown): Record<string, unknown> {
  const o = checkOptionKeys(options, ['address', 'addressLocal', 'hidden', 'format'], 'cellPropertiesLoadOptions');
  const out: Record<string, unknown> = {};
  if (o.address === true) out.address = qualified(sheet.name, cellRect(row, col));
  if (o.addressLocal === true) out.addressLocal = qualified(sheet.name, cellRect(row, col));
  if (o.hidden === true) out.hidden = sheet.hiddenRows.has(row) || sheet.hiddenColumns.has(col);
  if (o.format) {
    const f = checkOptionKeys(o.format, CELL_FORMAT_OPTIONS, 'format');
    const cell = effectiveFormat(sheet, row, col);
    const format: Record<string, unknown> = {};
    if (f.fill) {
      const fill = checkOptionKeys(f.fill, ['color', 'pattern'], 'format.fill');
      format.fill = {
        ...(fill.color === true ? { color: cell.fill ?? '#FFFFFF' } : {}),
        ...(fill.pattern === true ? { pattern: cell.fill ? 'Solid' : 'None' } : {}),
      };
    }
    if (f.font) {
      const font = checkOptionKeys(f.font, CELL_FONT_OPTIONS, 'format.font');
      format.font = Object.fromEntries(CELL_FONT_OPTIONS.filter((k) => font[k] === true).map((k) => [k, cell.font[k]]));
    }
    if (f.horizontalAlignment === true) format.horizontalAlignment = cell.horizontalAlignment;
    if (f.verticalAlignment === true) format.verticalAlignment = cell.verticalAlignment;
    if (f.wrapText === true) format.wrapText = cell.wrapText;
    out.format = format;
  }
  return out;
}

/** ExcelApi 1.9: several rectangles of one sheet. */
export class FakeRangeAreas extends FakeClientObject {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  declare readonly format: FakeRangeFormat;
  declare readonly areas: FakeRangeCollection;
  declare readonly worksheet: FakeWorksheet;
  declare readonly dataValidation: FakeDataValidation;

  clear(applyTo?: string): void {
    this._invoke('clear', [applyTo], (ref: RangeRef, [a], host) => clearWith(ref, a, host, 'RangeAreas.clear'));
  }
}

export class FakeRangeCollection extends FakeClientObject {
  declare readonly items: FakeRange[];
}

export class FakeRangeFormat extends FakeClientObject {
  declare wrapText: boolean | null;
  declare horizontalAlignment: string | null;
  declare verticalAlignment: string | null;
  /** Points. ExcelApi 1.2. */
  declare columnWidth: number | null;
  declare rowHeight: number | null;
  declare readonly fill: FakeRangeFill;
  declare readonly font: FakeRangeFont;
  declare readonly borders: FakeRangeBorderCollection;

  /** ExcelApi 1.2. The fake cannot measure text: it records nothing. */
  autofitColumns(): void {
    this._invoke('autofitColumns', [], () => undefined, { since: '1.2' });
  }

  autofitRows(): void {
    this._invoke('autofitRows', [], () => undefined, { since: '1.2' });
  }
}

export class FakeRangeFill extends FakeClientObject {
  /** '#RRGGBB'; '#FFFFFF' when there is no fill; null when the cells differ. */
  declare color: string | null;
  declare readonly pattern: string | null;

  /** Removes the fill (unlike setting white, which is a fill). */
  clear(): void {
    this._invoke('clear', [], (ref: RangeRef) => updateFormat(ref.sheet, ref.rects, (f) => ({ ...f, fill: null })));
  }
}

export class FakeRangeFont extends FakeClientObject {
  declare bold: boolean | null;
  declare italic: boolean | null;
  declare underline: string | null;
  declare strikethrough: boolean | null;
  declare color: string | null;
  declare size: number | null;
  declare name: string | null;
}

export class FakeRangeBorderCollection extends FakeClientObject {
  declare readonly items: FakeRangeBorder[];
  declare readonly count: number;

  /** 'EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'. */
  getItem(index: string): FakeRangeBorder {
    return this._method(FakeRangeBorder, 'getItem', [index], (ref: RangeRef, _h, [i]) => ({ ...ref, index: checkBorderIndex(i) }), { indexer: true });
  }

  getItemAt(index: number): FakeRangeBorder {
    return this._method(FakeRangeBorder, 'getItemAt', [index], (ref: RangeRef, _h, [i]) => {
      if (!isIndex(i, BORDER_INDEXES.length)) throw invalidArgument(`border position ${String(i)}`);
      return { ...ref, index: BORDER_INDEXES[i] };
    });
  }
}

export class FakeRangeBorder extends FakeClientObject {
  declare readonly sideIndex: string;
  /** 'None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'; null when the lines differ. */
  declare style: string | null;
  /** 'Hairline', 'Thin', 'Medium', 'Thick'. */
  declare weight: string | null;
  /** '#RRGGBB'. */
  declare color: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8)

export class FakeDataValidation extends FakeClientObject {
  declare rule: Record<string, unknown> | null;
  declare readonly type: string;
  declare prompt: { showPrompt?: boolean; title?: string; message?: string } | null;
  declare errorAlert: { showAlert?: boolean; style?: string; title?: string; message?: string } | null;
  declare ignoreBlanks: boolean | null;
  declare readonly valid: boolean | null;

  /** Removes the validation of the range's cells (only those: a wider validation keeps its other cells). */
  clear(): void {
    this._invoke('clear', [], (ref: RangeRef) => clearValidation(ref.sheet, ref.rects));
  }
}

// ---------------------------------------------------------------------------------------------------
// Page layout (ExcelApi 1.9)

/** A print-titles or print-area argument: a Range (of the same sheet) or an address. */
function printRects(sheet: HostSheet, arg: unknown, proxy: FakeClientObject | null, host: HostWorkbook): Rect[] {
  if (proxy) {
    const ref = proxy._bind(host) as RangeRef | null;
    if (!ref) throw invalidArgument('the range is a null object');
    if (ref.sheet !== sheet) throw invalidArgument('the range is on another worksheet');
    return [...ref.rects];
  }
  if (typeof arg !== 'string') throw invalidArgument('expected a Range or an address');
  return arg.split(',').map((part) => rectOnSheet(sheet, part.trim()));
}

const wholeRows = (r: Rect): Rect => ({ r0: r.r0, r1: r.r1, c0: 0, c1: MAX_COLS - 1 });
const wholeColumns = (r: Rect): Rect => ({ r0: 0, r1: MAX_ROWS - 1, c0: r.c0, c1: r.c1 });
const isClearing = (arg: unknown, proxy: FakeClientObject | null): boolean => !proxy && (arg === null || arg === undefined || arg === '');

export class FakePageLayout extends FakeClientObject {
  declare orientation: 'Portrait' | 'Landscape';
  declare paperSize: string;
  declare zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Points. */
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;

  /** Margins in 'Points', 'Inches' or 'Centimeters'; those not given stay as they are. */
  setPrintMargins(unit: 'Points' | 'Inches' | 'Centimeters', marginOptions: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number }): void {
    this._invoke('setPrintMargins', [unit, marginOptions], (sheet: HostSheet, [u, o]) => {
      const perInch = u === 'Inches' ? 1 : u === 'Points' ? 72 : u === 'Centimeters' ? 2.54 : fail(invalidArgument(`unit ${JSON.stringify(u)}`));
      if (!o || typeof o !== 'object' || Array.isArray(o)) throw invalidArgument('marginOptions must be an object');
      const given = o as Record<string, unknown>;
      const margins: Record<string, number> = { ...sheet.pageLayout.margins };
      for (const [key, value] of Object.entries(given)) {
        if (!(key in margins)) throw invalidArgument(`marginOptions.${key}`);
        if (value === null || value === undefined) continue;
        margins[key] = marginInches(value, perInch, key);
      }
      sheet.pageLayout = { ...sheet.pageLayout, margins: margins as unknown as PageMargins };
    });
  }

  /** Rows repeated at the top of each printed page: "1:3", "$1:$3", or a Range (its whole rows). */
  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    const proxy = printTitleRows instanceof FakeClientObject ? printTitleRows : null;
    this._invoke('setPrintTitleRows', [printTitleRows], (sheet: HostSheet, [a], host) => {
      const rects = isClearing(a, proxy) ? null : printRects(sheet, a, proxy, host);
      if (rects && rects.length !== 1) throw invalidArgument('print titles must be one block of rows');
      sheet.pageLayout = { ...sheet.pageLayout, printTitleRows: rects ? wholeRows(rects[0]) : null };
    });
  }

  setPrintTitleColumns(printTitleColumns: FakeRange | string): void {
    const proxy = printTitleColumns instanceof FakeClientObject ? printTitleColumns : null;
    this._invoke('setPrintTitleColumns', [printTitleColumns], (sheet: HostSheet, [a], host) => {
      const rects = isClearing(a, proxy) ? null : printRects(sheet, a, proxy, host);
      if (rects && rects.length !== 1) throw invalidArgument('print titles must be one block of columns');
      sheet.pageLayout = { ...sheet.pageLayout, printTitleColumns: rects ? wholeColumns(rects[0]) : null };
    });
  }

  /** A Range, RangeAreas or address ("A1:F40", "A1:B2, D1:E5"). */
  setPrintArea(printArea: FakeRange | FakeRangeAreas | string): void {
    const proxy = printArea instanceof FakeClientObject ? printArea : null;
    this._invoke('setPrintArea', [printArea], (sheet: HostSheet, [a], host) => {
      sheet.pageLayout = { ...sheet.pageLayout, printArea: isClearing(a, proxy) ? null : printRects(sheet, a, proxy, host) };
    });
  }

  getPrintTitleRows(): FakeRange {
    return this._method(FakeRange, 'getPrintTitleRows', [], (sheet: HostSheet) => ({ sheet, rects: [sheet.pageLayout.printTitleRows ?? fail(itemNotFound())] }));
  }

  getPrintTitleRowsOrNullObject(): FakeRange {
    return this._method(FakeRange, 'getPrintTitleRowsOrNullObject', [], (sheet: HostSheet) => (sheet.pageLayout.printTitleRows ? { sheet, rects: [sheet.pageLayout.printTitleRows] } : null));
  }

  getPrintTitleColumns(): FakeRange {
    return this._method(FakeRange, 'getPrintTitleColumns', [], (sheet: HostSheet) => ({ sheet, rects: [sheet.pageLayout.printTitleColumns ?? fail(itemNotFound())] }));
  }

  getPrintTitleColumnsOrNullObject(): FakeRange {
    return this._method(FakeRange, 'getPrintTitleColumnsOrNullObject', [], (sheet: HostSheet) =>
      sheet.pageLayout.printTitleColumns ? { sheet, rects: [sheet.pageLayout.printTitleColumns] } : null,
    );
  }

  getPrintArea(): FakeRangeAreas {
    return this._method(FakeRangeAreas, 'getPrintArea', [], (sheet: HostSheet) => ({ sheet, rects: [...(sheet.pageLayout.printArea ?? fail(itemNotFound()))] }));
  }

  getPrintAreaOrNullObject(): FakeRangeAreas {
    return this._method(FakeRangeAreas, 'getPrintAreaOrNullObject', [], (sheet: HostSheet) => (sheet.pageLayout.printArea ? { sheet, rects: [...sheet.pageLayout.printArea] } : null));
  }
}

/** A margin given in a unit with `perInch` units to the inch, as inches (kept to 1/10,000 inch). */
function marginInches(value: unknown, perInch: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalidArgument(`${what} margin ${JSON.stringify(value)}`);
  const inches = Math.round((value / perInch) * 10_000) / 10_000;
  // Excel's Page Setup refuses margins that leave no room on the page (49 inches is above any paper).
  if (inches >= 49) throw invalidArgument(`${what} margin ${value} is larger than the page`);
  return inches;
}

const marginProp = (key: keyof PageMargins): PropertyDef => ({
  read: (s: HostSheet) => Math.round(s.pageLayout.margins[key] * 72 * 10_000) / 10_000,
  write: (s: HostSheet, v) => {
    s.pageLayout = { ...s.pageLayout, margins: { ...s.pageLayout.margins, [key]: marginInches(v, 72, key) } };
  },
});

/**
 * Manual horizontal page breaks (ExcelApi 1.9). A break is bound to its sheet and the row that begins
 * the next page; `add(range)` puts one above the range's top-left cell.
 */
interface PageBreakRef {
  readonly sheet: HostSheet;
  readonly row: number;
}

function liveBreak(ref: PageBreakRef): PageBreakRef {
  if (!ref.sheet.pageLayout.rowBreaks.includes(ref.row)) throw itemNotFound();
  return ref;
}

export class FakePageBreakCollection extends FakeClientObject {
  declare readonly items: FakePageBreak[];

  /** A break before the top-left cell of `pageBreakRange` (a Range of the same sheet, or an address). */
  add(pageBreakRange: FakeRange | string): FakePageBreak {
    const range = pageBreakRange instanceof FakeRange ? pageBreakRange : null;
    return this._method(
      FakePageBreak,
      'add',
      [pageBreakRange],
      (sheet: HostSheet, host, [address]) => {
        let row: number;
        if (range) {
          const ref = range._bind(host) as RangeRef | null;
          if (!ref) throw invalidArgument('the range is a null object');
          if (ref.sheet !== sheet) throw invalidArgument('the range is on another worksheet');
          row = one(ref).r0;
        } else {
          if (typeof address !== 'string') throw invalidArgument('expected a Range or an address');
          row = rectOnSheet(sheet, address).r0;
        }
        // Guess: there is no page before row 1, so no break above it (Excel's dialog greys it out).
        if (row === 0) throw invalidArgument('no page break can go above the first row');
        const breaks = sheet.pageLayout.rowBreaks;
        if (!breaks.includes(row)) sheet.pageLayout = { ...sheet.pageLayout, rowBreaks: [...breaks, row].sort((a, b) => a - b) };
        return { sheet, row };
      },
      { references: range ? [range] : [] },
    );
  }

  getCount(): FakeClientResult<number> {
    return this._invoke('getCount', [], (sheet: HostSheet) => sheet.pageLayout.rowBreaks.length) as FakeClientResult<number>;
  }

  getItem(index: number): FakePageBreak {
    return this._method(
      FakePageBreak,
      'getItem',
      [index],
      (sheet: HostSheet, _h, [i]) => {
        const row = sheet.pageLayout.rowBreaks[Number(i)];
        return row === undefined ? fail(itemNotFound()) : { sheet, row };
      },
      { indexer: true },
    );
  }

  /** Removes every manual break of the sheet. */
  removePageBreaks(): void {
    this._invoke('removePageBreaks', [], (sheet: HostSheet) => {
      sheet.pageLayout = { ...sheet.pageLayout, rowBreaks: [] };
    });
  }
}

export class FakePageBreak extends FakeClientObject {
  /** The 0-based row that begins the page after the break (a guess: Excel does not document the base). */
  declare readonly rowIndex: number;
  /** 0 for a horizontal break (a guess). */
  declare readonly columnIndex: number;

  delete(): void {
    this._invoke('delete', [], (ref: PageBreakRef) => {
      liveBreak(ref);
      ref.sheet.pageLayout = { ...ref.sheet.pageLayout, rowBreaks: ref.sheet.pageLayout.rowBreaks.filter((r) => r !== ref.row) };
    });
  }

  /** The first cell after the break: column A of the row that begins the next page. */
  getCellAfterBreak(): FakeRange {
    return this._method(FakeRange, 'getCellAfterBreak', [], (ref: PageBreakRef) => ({ sheet: liveBreak(ref).sheet, rects: [cellRect(ref.row, 0)] }));
  }
}

/** `zoom = { scale }` or `{ horizontalFitToPages, verticalFitToPages }` (a missing one keeps its value, 1 at first). */
function parseZoom(value: unknown, current: PageZoom): PageZoom {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidArgument('zoom must be an object');
  const v = value as Record<string, unknown>;
  const has = (k: string): boolean => v[k] !== undefined && v[k] !== null;
  const pages = (k: string): number => {
    const n = v[k];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 32767) throw invalidArgument(`zoom.${k} ${String(n)}`);
    return n;
  };
  const fit = has('horizontalFitToPages') || has('verticalFitToPages');
  if (has('scale')) {
    if (fit) throw invalidArgument('zoom takes a scale or pages to fit to, not both');
    const scale = v.scale;
    if (typeof scale !== 'number' || scale < 10 || scale > 400) throw invalidArgument(`zoom.scale ${String(scale)} (10–400)`);
    return { scale };
  }
  if (!fit) throw invalidArgument('zoom needs scale, horizontalFitToPages or verticalFitToPages');
  const before = 'horizontalFitToPages' in current ? current : { horizontalFitToPages: 1, verticalFitToPages: 1 };
  return {
    horizontalFitToPages: has('horizontalFitToPages') ? pages('horizontalFitToPages') : before.horizontalFitToPages,
    verticalFitToPages: has('verticalFitToPages') ? pages('verticalFitToPages') : before.verticalFitToPages,
  };
}

// ---------------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18)

/** Resolves a note address: `workbook.notes` needs the sheet in it ("'Sheet 1'!B7"). */
function noteCell(scope: NotesScope, address: unknown): { sheet: HostSheet; row: number; col: number } {
  if (typeof address !== 'string') throw invalidArgument('a note address must be a string or a Range');
  const { sheet: named, ref } = splitSheet(address);
  if (named === undefined && scope.sheet === null) throw invalidArgument(`${address}: workbook.notes needs a sheet-qualified address such as 'Sheet1'!A1`);
  const sheet = named === undefined ? (scope.sheet as HostSheet) : (scope.book.findSheet(named) ?? fail(invalidArgument(`no sheet named ${named}`)));
  if (scope.sheet && sheet !== scope.sheet) throw invalidArgument(`${address} is not on sheet ${scope.sheet.name}`);
  const rect = parseRect(ref);
  if (!rect || rectCells(rect) !== 1) throw invalidArgument(`${address} is not a single cell`);
  return { sheet, row: rect.r0, col: rect.c0 };
}

function notesIn(scope: NotesScope): { binding: NoteRef; key: string }[] {
  const sheets = scope.sheet ? [scope.sheet] : scope.book.sheets;
  return sheets.flatMap((sheet) =>
    [...sheet.notes.keys()].sort((a, b) => keyRow(a) - keyRow(b) || keyCol(a) - keyCol(b)).map((key) => ({ binding: { sheet, key }, key: `${qualified(sheet.name, cellRect(keyRow(key), keyCol(key)))}` })),
  );
}

function liveNote(ref: NoteRef): { content: string; authorName: string } {
  return ref.sheet.notes.get(ref.key) ?? fail(itemNotFound());
}

export class FakeNoteCollection extends FakeClientObject {
  declare readonly items: FakeNote[];

  /** A note on one cell: a Range, or an address ("'Sheet 1'!B7"; on worksheet.notes "B7" will do). */
  add(cellAddress: FakeRange | string, content: unknown): FakeNote {
    const range = cellAddress instanceof FakeRange ? cellAddress : null;
    return this._method(
      FakeNote,
      'add',
      [cellAddress, content],
      (scope: NotesScope, host, [address, text]) => {
        let target: { sheet: HostSheet; row: number; col: number };
        if (range) {
          const ref = range._bind(host) as RangeRef | null;
          if (!ref || rectCells(one(ref)) !== 1) throw invalidArgument('a note goes on a single cell');
          if (scope.sheet && ref.sheet !== scope.sheet) throw invalidArgument('the cell is on another sheet');
          target = { sheet: ref.sheet, row: one(ref).r0, col: one(ref).c0 };
        } else target = noteCell(scope, address);
        const key = cellKey(target.row, target.col);
        if (target.sheet.notes.has(key)) throw invalidArgument(`${cellA1(target.row, target.col)} already has a note`);
        target.sheet.notes.set(key, { content: text === null || text === undefined ? '' : String(text), authorName: host.userName });
        return { sheet: target.sheet, key };
      },
      { references: range ? [range] : [] },
    );
  }

  /** By cell address; ItemNotFound at sync when the cell has no note. */
  getItem(key: string): FakeNote {
    return this._method(FakeNote, 'getItem', [key], (scope: NotesScope, _h, [address]) => {
      const { sheet, row, col } = noteCell(scope, address);
      return sheet.notes.has(cellKey(row, col)) ? { sheet, key: cellKey(row, col) } : fail(itemNotFound());
    });
  }

  getItemOrNullObject(key: string): FakeNote {
    return this._method(FakeNote, 'getItemOrNullObject', [key], (scope: NotesScope, _h, [address]) => {
      const { sheet, row, col } = noteCell(scope, address);
      return sheet.notes.has(cellKey(row, col)) ? { sheet, key: cellKey(row, col) } : null;
    });
  }

  getItemAt(index: number): FakeNote {
    return this._method(FakeNote, 'getItemAt', [index], (scope: NotesScope, _h, [i]) => notesIn(scope)[Number(i)]?.binding ?? fail(itemNotFound()));
  }

  getCount(): FakeClientResult<number> {
    return this._invoke('getCount', [], (scope: NotesScope) => notesIn(scope).length) as FakeClientResult<number>;
  }
}

export class FakeNote extends FakeClientObject {
  declare content: string;
  declare readonly authorName: string;

  delete(): void {
    this._invoke('delete', [], (ref: NoteRef) => {
      liveNote(ref);
      ref.sheet.notes.delete(ref.key);
    });
  }

  getLocation(): FakeRange {
    return this._method(FakeRange, 'getLocation', [], (ref: NoteRef) => {
      liveNote(ref);
      return { sheet: ref.sheet, rects: [cellRect(keyRow(ref.key), keyCol(ref.key))] };
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Charts (ExcelApi 1.1; the host side is in charts.ts)

/** A chart's font: only the title's is modelled. */
interface ChartFontRef {
  readonly chart: HostChart;
  readonly part: 'title';
}
interface ChartSeriesRef {
  readonly chart: HostChart;
  readonly index: number;
}

/** office.js refuses anything but a Range as chart data on the client (`_CC.ChartCollection_Add`, `Chart_SetData`). */
function checkSourceData(sourceData: unknown, location: string): FakeRange {
  if (!(sourceData instanceof FakeRange)) throw new FakeRichApiError(ErrorCodes.invalidArgument, 'sourceData', location);
  return sourceData;
}

function chartSource(range: FakeRange, host: HostWorkbook): ChartSource {
  const ref = range._bind(host) as RangeRef | null;
  if (!ref) throw invalidArgument('sourceData is a null object');
  return { sheet: ref.sheet, rect: one(ref) };
}

/** A `setPosition` cell: a Range or an address on the chart's own sheet. */
function chartCell(chart: HostChart, arg: unknown, proxy: FakeClientObject | null, host: HostWorkbook, what: string): Rect {
  if (proxy) {
    const ref = proxy instanceof FakeRange ? (proxy._bind(host) as RangeRef | null) : null;
    if (!ref) throw invalidArgument(`${what} must be a Range`);
    if (ref.sheet !== chart.sheet) throw invalidArgument(`${what} is on another worksheet than the chart`);
    return one(ref);
  }
  if (typeof arg !== 'string' || arg.trim() === '') throw invalidArgument(`${what} must be a Range or an address`);
  return rectOnSheet(chart.sheet, arg);
}

function seriesAt(ref: ChartSeriesRef, host: HostWorkbook) {
  return chartSeries(ref.chart, host.date1904)[ref.index] ?? fail(itemNotFound());
}

export class FakeChartCollection extends FakeClientObject {
  declare readonly items: FakeChart[];
  declare readonly count: number;

  /** `sourceData` must be a Range (office.js refuses an address on the client); it may be on another sheet. */
  add(type: string, sourceData: FakeRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): FakeChart {
    const range = checkSourceData(sourceData, 'Charts.Add');
    return this._method(FakeChart, 'add', [type, sourceData, seriesBy], (sheet: HostSheet, host, [t, , by]) => addChart(sheet, t, chartSource(range, host), by, host.date1904), {
      references: [range],
    });
  }

  /** The first chart with that name (case-insensitively); ItemNotFound at sync when there is none. */
  getItem(name: string): FakeChart {
    return this._method(FakeChart, 'getItem', [name], (sheet: HostSheet, _h, [n]) => findChart(sheet, n) ?? fail(itemNotFound()));
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): FakeChart {
    return this._method(FakeChart, 'getItemOrNullObject', [name], (sheet: HostSheet, _h, [n]) => findChart(sheet, n) ?? null, { clientSince: '1.4' });
  }

  getItemAt(index: number): FakeChart {
    return this._method(FakeChart, 'getItemAt', [index], (sheet: HostSheet, _h, [i]) => (isIndex(i, sheet.charts.length) ? sheet.charts[i] : fail(invalidArgument(`chart index ${String(i)}`))));
  }

  /** ExcelApi 1.4. */
  getCount(): FakeClientResult<number> {
    return this._invoke('getCount', [], (sheet: HostSheet) => sheet.charts.length, { clientSince: '1.4' }) as FakeClientResult<number>;
  }
}

export class FakeChart extends FakeClientObject {
  declare name: string;
  /** ExcelApi 1.7. */
  declare readonly id: string;
  /** ExcelApi 1.7 ('ColumnClustered', 'Line', 'Pie', …). */
  declare chartType: string;
  /** Points. */
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  /** ExcelApi 1.8: 'Columns' or 'Rows'. */
  declare plotBy: string;
  declare readonly title: FakeChartTitle;
  declare readonly legend: FakeChartLegend;
  declare readonly dataLabels: FakeChartDataLabels;
  declare readonly series: FakeChartSeriesCollection;
  /** ExcelApi 1.2. */
  declare readonly worksheet: FakeWorksheet;

  /** From startCell's top-left to endCell's bottom-right (Ranges or addresses on the chart's sheet); without endCell the size is kept. */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const startProxy = startCell instanceof FakeClientObject ? startCell : null;
    const endProxy = endCell instanceof FakeClientObject ? endCell : null;
    this._invoke('setPosition', [startCell, endCell], (chart: HostChart, [s, e], host) => {
      const start = chartCell(chart, s, startProxy, host, 'startCell');
      const end = !endProxy && (e === null || e === undefined || e === '') ? null : chartCell(chart, e, endProxy, host, 'endCell');
      setChartPosition(chart, start, end);
    });
  }

  /** New source data, read as `add` reads it (series names set before are dropped). */
  setData(sourceData: FakeRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): void {
    const range = checkSourceData(sourceData, 'Chart.setData');
    this._invoke('setData', [sourceData, seriesBy], (chart: HostChart, [, by], host) => setChartData(chart, chartSource(range, host), by));
  }

  delete(): void {
    this._invoke('delete', [], (chart: HostChart) => deleteChart(chart));
  }
}

export class FakeChartTitle extends FakeClientObject {
  declare text: string;
  declare visible: boolean;
  declare overlay: boolean;
  declare readonly format: FakeChartTitleFormat;
}

export class FakeChartTitleFormat extends FakeClientObject {
  declare readonly font: FakeChartFont;
}

export class FakeChartFont extends FakeClientObject {
  declare bold: boolean;
  declare italic: boolean;
  /** '#RRGGBB'. */
  declare color: string;
  declare name: string;
  declare size: number;
  /** 'None' or 'Single'. */
  declare underline: string;
}

export class FakeChartLegend extends FakeClientObject {
  declare visible: boolean;
  /** 'Top', 'Bottom', 'Left', 'Right', 'Corner'. */
  declare position: string;
  declare overlay: boolean;
}

export class FakeChartDataLabels extends FakeClientObject {
  declare showValue: boolean;
  declare showSeriesName: boolean;
  declare showCategoryName: boolean;
  declare showLegendKey: boolean;
  declare showPercentage: boolean;
  declare showBubbleSize: boolean;
}

export class FakeChartSeriesCollection extends FakeClientObject {
  declare readonly items: FakeChartSeries[];
  declare readonly count: number;

  getItemAt(index: number): FakeChartSeries {
    return this._method(FakeChartSeries, 'getItemAt', [index], (chart: HostChart, host, [i]) =>
      isIndex(i, chartSeries(chart, host.date1904).length) ? { chart, index: i } : fail(invalidArgument(`series index ${String(i)}`)),
    );
  }

  /** ExcelApi 1.4. */
  getCount(): FakeClientResult<number> {
    return this._invoke('getCount', [], (chart: HostChart, _a, host) => chartSeries(chart, host.date1904).length, { clientSince: '1.4' }) as FakeClientResult<number>;
  }
}

export class FakeChartSeries extends FakeClientObject {
  /** The header cell's text, 'Series1', …, or what was set. */
  declare name: string;

  /**
   * ExcelApi 1.12: 'Categories'/'XValues' give the category labels as shown, 'Values'/'YValues' the
   * values as text ('' for an empty cell); 'BubbleSizes' is InvalidArgument (no bubble charts here).
   */
  getDimensionValues(dimension: 'Categories' | 'Values' | 'XValues' | 'YValues' | 'BubbleSizes'): FakeClientResult<string[]> {
    return this._invoke(
      'getDimensionValues',
      [dimension],
      (ref: ChartSeriesRef, [d], host) => {
        const series = seriesAt(ref, host);
        if (d === 'Categories' || d === 'XValues') return series.categories;
        if (d === 'Values' || d === 'YValues') return series.values.map((v) => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v)));
        throw invalidArgument(`dimension ${JSON.stringify(d)}`);
      },
      { clientSince: '1.12' },
    ) as FakeClientResult<string[]>;
  }
}

// ---------------------------------------------------------------------------------------------------
// Type definitions (after the classes, which they refer to)

const sheetNav = (resolve: (b: any) => HostSheet): NavDef => ({ type: FakeWorksheet, resolve });
const notesNav: NavDef = { type: FakeNoteCollection, resolve: (sheet: HostSheet) => ({ book: sheet.book, sheet }), clientSince: '1.18' };

define(FakeWorkbook, {
  name: 'Workbook',
  props: {},
  navs: {
    worksheets: { type: FakeWorksheetCollection, resolve: (book: HostWorkbook) => book },
    notes: { type: FakeNoteCollection, resolve: (book: HostWorkbook) => ({ book, sheet: null }), clientSince: '1.18' },
    functions: { type: FakeFunctions, resolve: (book: HostWorkbook) => book, clientSince: '1.2' },
  },
});

define(FakeFunctions, { name: 'Functions', props: {}, navs: {} });

define(FakeFunctionResult, {
  name: 'FunctionResult',
  props: {
    value: { read: (r: { value: unknown }) => r.value },
    error: { read: (r: { error: string | null }) => r.error },
  },
  navs: {},
});

define(FakeWorksheetCollection, {
  name: 'WorksheetCollection',
  props: {},
  navs: {},
  items: { type: FakeWorksheet, list: (book: HostWorkbook) => book.sheets.map((sheet) => ({ binding: sheet, key: sheet.id })) },
});

define(FakeWorksheet, {
  name: 'Worksheet',
  props: {
    name: { read: (s: HostSheet) => s.name, write: (s: HostSheet, v, host) => host.rename(s, v) },
    id: { read: (s: HostSheet) => s.id },
    position: { read: (s: HostSheet) => s.book.sheets.indexOf(s), write: (s: HostSheet, v, host) => host.moveSheet(s, v) },
    visibility: { read: (s: HostSheet) => s.visibility, write: (s: HostSheet, v, host) => host.setVisibility(s, v), writeSince: '1.2' },
    tabColor: {
      read: (s: HostSheet) => (s.visibility !== 'Visible' ? null : (s.tabColor ?? '')),
      write: (s: HostSheet, v) => {
        s.tabColor = v === '' ? null : parseColor(v);
      },
      since: '1.7',
      clientCheck: true,
    },
  },
  navs: {
    freezePanes: { type: FakeWorksheetFreezePanes, resolve: (s: HostSheet) => s, clientSince: '1.7' },
    notes: notesNav,
    pageLayout: { type: FakePageLayout, resolve: (s: HostSheet) => s, clientSince: '1.9' },
    horizontalPageBreaks: { type: FakePageBreakCollection, resolve: (s: HostSheet) => s, clientSince: '1.9' },
    charts: { type: FakeChartCollection, resolve: (s: HostSheet) => s },
  },
});

define(FakeWorksheetFreezePanes, { name: 'WorksheetFreezePanes', props: {}, navs: {} });

const cellContent = (sheet: HostSheet, r: number, c: number) => (isCoveredByMerge(sheet, r, c) ? null : (sheet.cells.get(cellKey(r, c))?.content ?? null));

const writeValues = (b: RangeRef, v: unknown, host: HostWorkbook): void =>
  writeGrid(one(b), v, (r, c, x) => writeCell(b.sheet, r, c, coerceInput(x, effectiveFormat(b.sheet, r, c).numberFormat, host.date1904)));

define(FakeRange, {
  name: 'Range',
  props: {
    address: { read: (b: RangeRef) => qualified(b.sheet.name, one(b)) },
    addressLocal: { read: (b: RangeRef) => qualified(b.sheet.name, one(b)) },
    rowIndex: { read: (b: RangeRef) => one(b).r0 },
    columnIndex: { read: (b: RangeRef) => one(b).c0 },
    rowCount: { read: (b: RangeRef) => one(b).r1 - one(b).r0 + 1 },
    columnCount: { read: (b: RangeRef) => one(b).c1 - one(b).c0 + 1 },
    cellCount: { read: (b: RangeRef) => rectCells(one(b)) },
    values: { read: (b: RangeRef) => grid(one(b), (r, c) => valueOf(b.sheet, r, c)), write: writeValues },
    formulas: { read: (b: RangeRef) => grid(one(b), (r, c) => formulaOf(b.sheet, r, c)), write: writeValues },
    numberFormat: {
      read: (b: RangeRef) => grid(one(b), (r, c) => effectiveFormat(b.sheet, r, c).numberFormat),
      write: (b: RangeRef, v) =>
        writeGrid(one(b), v, (r, c, x) => {
          if (x === null) return;
          if (typeof x !== 'string') throw invalidArgument(`number format ${JSON.stringify(x)}`);
          updateFormat(b.sheet, [cellRect(r, c)], (f) => ({ ...f, numberFormat: x }));
        }),
    },
    text: { read: (b: RangeRef, host) => grid(one(b), (r, c) => formatText(cellContent(b.sheet, r, c), effectiveFormat(b.sheet, r, c).numberFormat, host.date1904)) },
    valueTypes: { read: (b: RangeRef) => grid(one(b), (r, c) => valueTypeOf(b.sheet, r, c)) },
    hyperlink: {
      read: (b: RangeRef) => {
        checkPerCellSize(one(b));
        const link = b.sheet.cells.get(cellKey(one(b).r0, one(b).c0))?.hyperlink;
        return link ? { ...link } : null;
      },
      write: (b: RangeRef, v) => setHyperlink(b.sheet, one(b), v),
      since: '1.7',
      clientCheck: true,
    },
    rowHidden: {
      read: (b: RangeRef) => hiddenState(b.sheet.hiddenRows, one(b).r0, one(b).r1),
      write: (b: RangeRef, v) => setHidden(b.sheet.hiddenRows, one(b).r0, one(b).r1, v),
      since: '1.2',
    },
    columnHidden: {
      read: (b: RangeRef) => hiddenState(b.sheet.hiddenColumns, one(b).c0, one(b).c1),
      write: (b: RangeRef, v) => setHidden(b.sheet.hiddenColumns, one(b).c0, one(b).c1, v),
      since: '1.2',
    },
    isEntireRow: { read: (b: RangeRef) => isWholeRows(one(b)), since: '1.7' },
    isEntireColumn: { read: (b: RangeRef) => isWholeColumns(one(b)), since: '1.7' },
  },
  navs: {
    format: { type: FakeRangeFormat, resolve: (b: RangeRef) => b },
    worksheet: sheetNav((b: RangeRef) => b.sheet),
    dataValidation: { type: FakeDataValidation, resolve: (b: RangeRef) => b, clientSince: '1.8' },
  },
});

define(FakeRangeAreas, {
  name: 'RangeAreas',
  props: {
    address: { read: (b: RangeRef) => b.rects.map((r) => qualified(b.sheet.name, r)).join(', ') },
    addressLocal: { read: (b: RangeRef) => b.rects.map((r) => qualified(b.sheet.name, r)).join(', ') },
    areaCount: { read: (b: RangeRef) => b.rects.length },
    cellCount: { read: (b: RangeRef) => b.rects.reduce((n, r) => n + rectCells(r), 0) },
  },
  navs: {
    format: { type: FakeRangeFormat, resolve: (b: RangeRef) => b },
    areas: { type: FakeRangeCollection, resolve: (b: RangeRef) => b },
    worksheet: sheetNav((b: RangeRef) => b.sheet),
    // RangeAreas itself is ExcelApi 1.9, so office.js checks nothing more here.
    dataValidation: { type: FakeDataValidation, resolve: (b: RangeRef) => b },
  },
});

define(FakeRangeCollection, {
  name: 'RangeCollection',
  props: {},
  navs: {},
  items: { type: FakeRange, list: (b: RangeRef) => b.rects.map((rect, i) => ({ binding: { sheet: b.sheet, rects: [rect] } as Binding, key: i })) },
});

define(FakeRangeFormat, {
  name: 'RangeFormat',
  props: {
    wrapText: boolProp(
      (f) => f.wrapText,
      (v) => (f) => ({ ...f, wrapText: v }),
    ),
    horizontalAlignment: {
      read: (b: RangeRef) => commonFormatValue(b.sheet, b.rects, (f) => f.horizontalAlignment),
      write: (b: RangeRef, v) => {
        const value = oneOf(HORIZONTAL, 'horizontalAlignment')(v);
        updateFormat(b.sheet, b.rects, (f) => ({ ...f, horizontalAlignment: value }));
      },
    },
    verticalAlignment: {
      read: (b: RangeRef) => commonFormatValue(b.sheet, b.rects, (f) => f.verticalAlignment),
      write: (b: RangeRef, v) => {
        const value = oneOf(VERTICAL, 'verticalAlignment')(v);
        updateFormat(b.sheet, b.rects, (f) => ({ ...f, verticalAlignment: value }));
      },
    },
    columnWidth: { read: (b: RangeRef) => columnWidthOf(b.sheet, b.rects), write: (b: RangeRef, v) => setColumnWidth(b.sheet, b.rects, v), since: '1.2', clientCheck: true },
    rowHeight: { read: (b: RangeRef) => rowHeightOf(b.sheet, b.rects), write: (b: RangeRef, v) => setRowHeight(b.sheet, b.rects, v), since: '1.2', clientCheck: true },
  },
  navs: {
    fill: { type: FakeRangeFill, resolve: (b: RangeRef) => b },
    font: { type: FakeRangeFont, resolve: (b: RangeRef) => b },
    borders: { type: FakeRangeBorderCollection, resolve: (b: RangeRef) => b },
  },
});

define(FakeRangeBorderCollection, {
  name: 'RangeBorderCollection',
  props: { count: { read: () => BORDER_INDEXES.length } },
  navs: {},
  items: { type: FakeRangeBorder, list: (b: RangeRef) => BORDER_INDEXES.map((index, i) => ({ binding: { sheet: b.sheet, rects: b.rects, index } as BorderRef, key: i })) },
});

define(FakeRangeBorder, {
  name: 'RangeBorder',
  props: {
    sideIndex: { read: (b: BorderRef) => b.index },
    style: {
      read: (b: BorderRef) => readBorder(b.sheet, b.rects, b.index, (line) => line?.style ?? 'None'),
      write: (b: BorderRef, v) => {
        const style = oneOf(BORDER_STYLES, 'border style')(v);
        changeBorder(b.sheet, b.rects, b.index, (line) => lineWithStyle(line, style as BorderStyle | 'None'));
      },
    },
    weight: {
      read: (b: BorderRef) => readBorder(b.sheet, b.rects, b.index, (line) => line?.weight ?? 'Thin'),
      write: (b: BorderRef, v) => {
        const weight = oneOf(BORDER_WEIGHTS, 'border weight')(v);
        changeBorder(b.sheet, b.rects, b.index, (line) => lineWithWeight(line, weight));
      },
    },
    color: {
      read: (b: BorderRef) => readBorder(b.sheet, b.rects, b.index, (line) => line?.color ?? '#000000'),
      write: (b: BorderRef, v) => {
        const color = parseColor(v);
        changeBorder(b.sheet, b.rects, b.index, (line) => lineWithColor(line, color));
      },
    },
  },
  navs: {},
});

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

define(FakeDataValidation, {
  name: 'DataValidation',
  props: {
    type: { read: (b: RangeRef) => validationOf(b.sheet, b.rects).type },
    rule: {
      read: (b: RangeRef) => {
        const { state } = validationOf(b.sheet, b.rects);
        return state ? copy(state.rule) : null;
      },
      write: (b: RangeRef, v) => setRule(b.sheet, b.rects, v),
    },
    prompt: {
      read: (b: RangeRef) => validationOf(b.sheet, b.rects).state?.prompt ?? null,
      write: (b: RangeRef, v) => {
        parsePrompt(v, { showPrompt: false, title: '', message: '' });
        updateValidation(b.sheet, b.rects, (s) => ({ ...s, prompt: parsePrompt(v, s.prompt) }));
      },
    },
    errorAlert: {
      read: (b: RangeRef) => validationOf(b.sheet, b.rects).state?.errorAlert ?? null,
      write: (b: RangeRef, v) => {
        parseErrorAlert(v, { showAlert: true, style: 'Stop', title: '', message: '' });
        updateValidation(b.sheet, b.rects, (s) => ({ ...s, errorAlert: parseErrorAlert(v, s.errorAlert) }));
      },
    },
    ignoreBlanks: {
      read: (b: RangeRef) => validationOf(b.sheet, b.rects).state?.ignoreBlanks ?? null,
      write: (b: RangeRef, v) => {
        const ignoreBlanks = parseIgnoreBlanks(v);
        updateValidation(b.sheet, b.rects, (s) => ({ ...s, ignoreBlanks }));
      },
    },
    valid: { read: (b: RangeRef) => validity(b.sheet, b.rects) },
  },
  navs: {},
});

define(FakePageLayout, {
  name: 'PageLayout',
  props: {
    orientation: {
      read: (s: HostSheet) => s.pageLayout.orientation,
      write: (s: HostSheet, v) => {
        s.pageLayout = { ...s.pageLayout, orientation: oneOf(['Portrait', 'Landscape'] as const, 'orientation')(v) };
      },
    },
    paperSize: {
      read: (s: HostSheet) => s.pageLayout.paperSize,
      write: (s: HostSheet, v) => {
        s.pageLayout = { ...s.pageLayout, paperSize: oneOf(PAPER_TYPES, 'paperSize')(v) };
      },
    },
    zoom: {
      read: (s: HostSheet) => ({ ...s.pageLayout.zoom }),
      write: (s: HostSheet, v) => {
        s.pageLayout = { ...s.pageLayout, zoom: parseZoom(v, s.pageLayout.zoom) };
      },
    },
    centerHorizontally: {
      read: (s: HostSheet) => s.pageLayout.centerHorizontally,
      write: (s: HostSheet, v) => {
        s.pageLayout = { ...s.pageLayout, centerHorizontally: isBool(v) };
      },
    },
    centerVertically: {
      read: (s: HostSheet) => s.pageLayout.centerVertically,
      write: (s: HostSheet, v) => {
        s.pageLayout = { ...s.pageLayout, centerVertically: isBool(v) };
      },
    },
    leftMargin: marginProp('left'),
    rightMargin: marginProp('right'),
    topMargin: marginProp('top'),
    bottomMargin: marginProp('bottom'),
    headerMargin: marginProp('header'),
    footerMargin: marginProp('footer'),
  },
  navs: {},
});

define(FakePageBreakCollection, {
  name: 'PageBreakCollection',
  props: {},
  navs: {},
  items: { type: FakePageBreak, list: (sheet: HostSheet) => sheet.pageLayout.rowBreaks.map((row) => ({ binding: { sheet, row } as PageBreakRef, key: row })) },
});

define(FakePageBreak, {
  name: 'PageBreak',
  props: {
    rowIndex: { read: (ref: PageBreakRef) => liveBreak(ref).row },
    columnIndex: { read: (ref: PageBreakRef) => (liveBreak(ref), 0) },
  },
  navs: {},
});

define(FakeRangeFill, {
  name: 'RangeFill',
  props: {
    color: {
      read: (b: RangeRef) => commonFormatValue(b.sheet, b.rects, (f) => f.fill ?? '#FFFFFF'),
      write: (b: RangeRef, v) => {
        const color = parseColor(v);
        updateFormat(b.sheet, b.rects, (f) => ({ ...f, fill: color }));
      },
    },
    pattern: { read: (b: RangeRef) => commonFormatValue(b.sheet, b.rects, (f) => (f.fill ? 'Solid' : 'None')) },
  },
  navs: {},
});

const isBool = (v: unknown): boolean => (typeof v === 'boolean' ? v : fail(invalidArgument(`expected true or false, got ${JSON.stringify(v)}`)));

define(FakeRangeFont, {
  name: 'RangeFont',
  props: {
    bold: fontProp('bold', isBool),
    italic: fontProp('italic', isBool),
    strikethrough: fontProp('strikethrough', isBool),
    underline: fontProp('underline', oneOf(UNDERLINES, 'underline')),
    color: fontProp('color', parseColor),
    size: fontProp('size', (v) => (typeof v === 'number' && v >= 1 && v <= 409 ? v : fail(invalidArgument(`font size ${String(v)}`)))),
    name: fontProp('name', (v) => (typeof v === 'string' && v.trim() !== '' ? v : fail(invalidArgument(`font name ${String(v)}`)))),
  },
  navs: {},
});

define(FakeNoteCollection, {
  name: 'NoteCollection',
  props: {},
  navs: {},
  items: { type: FakeNote, list: (scope: NotesScope) => notesIn(scope) },
});

define(FakeNote, {
  name: 'Note',
  props: {
    content: {
      read: (ref: NoteRef) => liveNote(ref).content,
      write: (ref: NoteRef, v) => {
        liveNote(ref).content = v === null || v === undefined ? '' : String(v);
      },
    },
    authorName: { read: (ref: NoteRef) => liveNote(ref).authorName },
  },
  navs: {},
});

define(FakeChartCollection, {
  name: 'ChartCollection',
  props: { count: { read: (sheet: HostSheet) => sheet.charts.length } },
  navs: {},
  items: { type: FakeChart, list: (sheet: HostSheet) => sheet.charts.map((chart) => ({ binding: chart, key: chart.id })) },
});

const pointProp = (key: keyof ChartPoints): PropertyDef => ({ read: (c: HostChart) => chartPoints(c)[key], write: (c: HostChart, v) => setChartPoint(c, key, v) });

define(FakeChart, {
  name: 'Chart',
  props: {
    name: {
      read: (c: HostChart) => c.name,
      write: (c: HostChart, v) => {
        c.name = checkChartName(v);
      },
    },
    id: { read: (c: HostChart) => c.id, since: '1.7', clientCheck: true },
    chartType: {
      read: (c: HostChart) => c.type,
      write: (c: HostChart, v) => {
        c.type = checkChartType(v);
      },
      since: '1.7',
      clientCheck: true,
    },
    top: pointProp('top'),
    left: pointProp('left'),
    width: pointProp('width'),
    height: pointProp('height'),
    plotBy: { read: (c: HostChart) => c.layout.seriesBy, write: (c: HostChart, v) => setPlotBy(c, v), since: '1.8', clientCheck: true },
  },
  navs: {
    title: { type: FakeChartTitle, resolve: (c: HostChart) => c },
    legend: { type: FakeChartLegend, resolve: (c: HostChart) => c },
    dataLabels: { type: FakeChartDataLabels, resolve: (c: HostChart) => c },
    series: { type: FakeChartSeriesCollection, resolve: (c: HostChart) => c },
    worksheet: { type: FakeWorksheet, resolve: (c: HostChart) => c.sheet, clientSince: '1.2' },
  },
});

define(FakeChartTitle, {
  name: 'ChartTitle',
  props: {
    text: {
      read: (c: HostChart) => c.title.text,
      write: (c: HostChart, v) => {
        c.title.text = checkTitleText(v);
      },
    },
    visible: {
      read: (c: HostChart) => c.title.visible,
      write: (c: HostChart, v) => {
        c.title.visible = checkBool(v, 'title.visible');
      },
    },
    overlay: {
      read: (c: HostChart) => c.title.overlay,
      write: (c: HostChart, v) => {
        c.title.overlay = checkBool(v, 'title.overlay');
      },
    },
  },
  navs: { format: { type: FakeChartTitleFormat, resolve: (c: HostChart) => c } },
});

define(FakeChartTitleFormat, {
  name: 'ChartTitleFormat',
  props: {},
  navs: { font: { type: FakeChartFont, resolve: (c: HostChart): ChartFontRef => ({ chart: c, part: 'title' }) } },
});

const chartFontProp = (key: keyof ChartFontState): PropertyDef => ({
  read: (b: ChartFontRef) => b.chart.title.font[key],
  write: (b: ChartFontRef, v) => {
    b.chart.title.font = { ...b.chart.title.font, ...chartFontChange(key, v) };
  },
});

define(FakeChartFont, {
  name: 'ChartFont',
  props: {
    bold: chartFontProp('bold'),
    color: chartFontProp('color'),
    italic: chartFontProp('italic'),
    name: chartFontProp('name'),
    size: chartFontProp('size'),
    underline: chartFontProp('underline'),
  },
  navs: {},
});

define(FakeChartLegend, {
  name: 'ChartLegend',
  props: {
    visible: {
      read: (c: HostChart) => c.legend.visible,
      write: (c: HostChart, v) => {
        c.legend.visible = checkBool(v, 'legend.visible');
      },
    },
    position: {
      read: (c: HostChart) => c.legend.position,
      write: (c: HostChart, v) => {
        c.legend.position = checkLegendPosition(v);
      },
    },
    overlay: {
      read: (c: HostChart) => c.legend.overlay,
      write: (c: HostChart, v) => {
        c.legend.overlay = checkBool(v, 'legend.overlay');
      },
    },
  },
  navs: {},
});

define(FakeChartDataLabels, {
  name: 'ChartDataLabels',
  props: Object.fromEntries(
    DATA_LABEL_FLAGS.map((flag): [string, PropertyDef] => [
      flag,
      {
        read: (c: HostChart) => c.dataLabels[flag],
        write: (c: HostChart, v) => {
          c.dataLabels[flag] = checkBool(v, `dataLabels.${flag}`);
        },
      },
    ]),
  ),
  navs: {},
});

define(FakeChartSeriesCollection, {
  name: 'ChartSeriesCollection',
  props: { count: { read: (c: HostChart, host) => chartSeries(c, host.date1904).length } },
  navs: {},
  items: { type: FakeChartSeries, list: (c: HostChart, host) => chartSeries(c, host.date1904).map((_, index) => ({ binding: { chart: c, index } as ChartSeriesRef, key: index })) },
});

define(FakeChartSeries, {
  name: 'ChartSeries',
  props: {
    name: {
      read: (ref: ChartSeriesRef, host) => seriesAt(ref, host).name,
      write: (ref: ChartSeriesRef, v, host) => {
        seriesAt(ref, host);
        ref.chart.seriesNames.set(ref.index, checkChartName(v));
      },
    },
  },
  navs: {},
});
