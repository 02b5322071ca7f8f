/**
 * FakeExcelHost: an in-memory Excel for testing the add-in's real Office.js code without Excel.
 *
 *   const host = await FakeExcelHost.fromXlsx(buffer);            // or fromWorkbook(exceljsWorkbook)
 *   const model = await host.run((context) => readWorkbook(context));
 *   expect(host.stats.syncs).toBe(2);
 *   expect(host.getFill('Danh sách', 'B7')).toBe('#FFC7CE');
 *
 * `run` is `Excel.run`; `installGlobals()` also defines `Excel`, `Office` and `OfficeExtension` for
 * code that uses the globals. The inspection methods (`getValue`, `getFill`, …) read the host state
 * directly, so a test sees exactly what a sync has applied and nothing that is still queued.
 * See README.md in this folder for the semantics and the known differences from Excel.
 */
import ExcelJS from 'exceljs';
import { type Rect, cellA1, formatRect, lettersToColumn, parseRect } from './address';
import { FakeRequestContext, type HostPort } from './client';
import { FakeRichApiError, ErrorCodes, runMustReturnPromise } from './errors';
import { type CellFormat, type Content, type FontState, type HostSheet, type HostWorkbook, type Visibility, cellKey, compareVersions, effectiveFormat, keyCol, keyRow, usedRect } from './model';
import { FakeWorkbook } from './objects';
import { hostFromExcelJs, hostToExcelJs } from './xlsx';

export { FakeRichApiError, ErrorCodes } from './errors';
export { FakeClientResult, FakeRequestContext } from './client';
export {
  FakeNote,
  FakeNoteCollection,
  FakeRange,
  FakeRangeAreas,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
  FakeWorkbook,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorksheetFreezePanes,
} from './objects';
export type { CellFormat, FontState, Visibility } from './model';

export interface FakeExcelOptions {
  /** The ExcelApi requirement set this Excel supports: '1.18' by default; '1.1' is Excel 2016 RTM. */
  readonly apiVersion?: string;
  /** Author recorded on notes added through the API. */
  readonly userName?: string;
  /** Request payload limit in bytes; Excel's is 5 MB. */
  readonly requestLimitBytes?: number;
  /** Response payload limit in bytes; none unless set (Excel on the web refuses responses over 5 MB). */
  readonly responseLimitBytes?: number;
}

export interface FakeSyncRecord {
  /** Requests in the batch (object creations, loads, property sets, method calls). */
  readonly requests: number;
  /** UTF-8 size of the request body (JSON of the requests and the object paths they use). */
  readonly bytes: number;
  /** UTF-8 size of the response body (JSON of the loaded values and results). */
  readonly responseBytes: number;
  /** The error code the batch failed with, or null. */
  readonly error: string | null;
}

export interface FakeSyncStats {
  /** Round trips: syncs that had at least one request (a failed one included). */
  syncs: number;
  /** `sync()` calls with nothing queued: office.js makes no round trip for them. */
  emptySyncs: number;
  /** Per round trip, in order. */
  requests: number[];
  bytes: number[];
  responseBytes: number[];
  maxRequestBytes: number;
  log: FakeSyncRecord[];
}

/** A cell as stored, for assertions: a literal, null when empty, an error, or a formula. */
export type InspectedLiteral = number | string | boolean | { readonly error: string } | null;
export type InspectedValue = InspectedLiteral | { readonly formula: string; readonly result: InspectedLiteral };

type AnyFunction = (...args: any[]) => unknown;

const emptyStats = (): FakeSyncStats => ({ syncs: 0, emptySyncs: 0, requests: [], bytes: [], responseBytes: [], maxRequestBytes: 0, log: [] });

const inspected = (content: Content): InspectedLiteral => (content !== null && typeof content === 'object' ? { error: content.error } : content);

export class FakeExcelHost {
  static readonly REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

  /** Counted per round trip; reset with `resetStats()`. */
  readonly stats: FakeSyncStats = emptyStats();
  /** What `Office.actions.associate(name, fn)` recorded. */
  readonly associations = new Map<string, AnyFunction>();
  private readonly port: HostPort;

  private constructor(
    private readonly book: HostWorkbook,
    options: FakeExcelOptions,
  ) {
    const stats = this.stats;
    this.port = {
      book,
      requestLimitBytes: options.requestLimitBytes ?? FakeExcelHost.REQUEST_LIMIT_BYTES,
      responseLimitBytes: options.responseLimitBytes ?? Infinity,
      recordSync(record) {
        stats.syncs++;
        stats.requests.push(record.requests);
        stats.bytes.push(record.bytes);
        stats.responseBytes.push(record.responseBytes);
        stats.maxRequestBytes = Math.max(stats.maxRequestBytes, record.bytes);
        stats.log.push({ ...record });
      },
      recordEmptySync() {
        stats.emptySyncs++;
      },
    };
  }

  /** Opens an .xlsx file (path) or its bytes, as Excel would show it. */
  static async fromXlsx(source: string | ArrayBuffer | Uint8Array, options: FakeExcelOptions = {}): Promise<FakeExcelHost> {
    const wb = new ExcelJS.Workbook();
    if (typeof source === 'string') await wb.xlsx.readFile(source);
    else await wb.xlsx.load(Buffer.from(source instanceof ArrayBuffer ? new Uint8Array(source) : source) as unknown as ExcelJS.Buffer);
    return FakeExcelHost.fromWorkbook(wb, options);
  }

  /** Takes an ExcelJS workbook's current content (it is copied: later changes to it are not seen). */
  static fromWorkbook(workbook: ExcelJS.Workbook, options: FakeExcelOptions = {}): FakeExcelHost {
    return new FakeExcelHost(hostFromExcelJs(workbook, options.apiVersion ?? '1.18', options.userName ?? 'Fake User'), options);
  }

  get apiVersion(): string {
    return this.book.apiVersion;
  }

  /** `Office.context.requirements.isSetSupported`: only ExcelApi, up to `apiVersion`. */
  isSetSupported(name: string, minVersion?: string | number): boolean {
    if (name.toLowerCase() !== 'excelapi') return false;
    return minVersion === undefined || compareVersions(this.book.apiVersion, String(minVersion)) >= 0;
  }

  /**
   * `Excel.run`: a fresh request context; after the batch's promise resolves, whatever is still
   * queued is synced (as Excel.run does); then the context's objects are released.
   */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(this.port, FakeWorkbook);
    try {
      const pending = batch(context as unknown as Excel.RequestContext) as unknown;
      if (!pending || typeof (pending as PromiseLike<T>).then !== 'function') throw runMustReturnPromise();
      const result = await (pending as Promise<T>);
      await context.sync();
      return result;
    } finally {
      context._closed = true;
      context._pending = [];
    }
  }

  /**
   * Defines `Excel`, `Office` and `OfficeExtension` on `target` (globalThis by default) and returns a
   * function that puts back what was there before.
   */
  installGlobals(target: object = globalThis): () => void {
    const t = target as Record<string, unknown>;
    const names = ['Excel', 'Office', 'OfficeExtension'] as const;
    const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(t, name)] as const);
    const info = { host: 'Excel', platform: 'PC' };
    t.Excel = {
      run: (...args: unknown[]) => {
        const batch = args[args.length - 1];
        return typeof batch === 'function' ? this.run(batch as (c: Excel.RequestContext) => Promise<unknown>) : Promise.reject(runMustReturnPromise());
      },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks', resetContents: 'ResetContents' },
      HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerAcrossSelection: 'CenterAcrossSelection', distributed: 'Distributed' },
      VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' },
      RangeUnderlineStyle: { none: 'None', single: 'Single', double: 'Double', singleAccountant: 'SingleAccountant', doubleAccountant: 'DoubleAccountant' },
      ErrorCodes: { ...ErrorCodes },
    };
    t.OfficeExtension = { Error: FakeRichApiError, ErrorCodes: { ...ErrorCodes } };
    t.Office = {
      HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
      onReady: (callback?: (i: typeof info) => void) =>
        Promise.resolve().then(() => {
          callback?.({ ...info });
          return { ...info };
        }),
      context: {
        host: 'Excel',
        platform: 'PC',
        requirements: { isSetSupported: (name: string, minVersion?: string | number) => this.isSetSupported(name, minVersion) },
      },
      actions: {
        associate: (name: string, fn: AnyFunction) => {
          this.associations.set(name, fn);
        },
      },
    };
    return () => {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(t, name, descriptor);
        else delete t[name];
      }
    };
  }

  resetStats(): void {
    Object.assign(this.stats, emptyStats());
  }

  // ---- Inspection: the host's state as it is now, for assertions and test setup ----

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  /** What the cell stores: a literal, null when empty, `{ error }`, or `{ formula, result }`. */
  getValue(sheet: string, address: string): InspectedValue {
    const s = this.sheet(sheet);
    const { r0, c0 } = this.cell(address);
    const cell = s.cells.get(cellKey(r0, c0));
    if (!cell) return null;
    const content = inspected(cell.content);
    return cell.formula !== undefined ? { formula: cell.formula, result: content } : content;
  }

  /** Every cell from A1 to the last row and column holding a value, as `getValue` gives them. */
  getValues(sheet: string): InspectedValue[][] {
    const s = this.sheet(sheet);
    const used = usedRect(s, true);
    if (!used) return [];
    const out: InspectedValue[][] = [];
    for (let r = 0; r <= used.r1; r++) {
      const line: InspectedValue[] = [];
      for (let c = 0; c <= used.c1; c++) line.push(this.getValue(sheet, cellA1(r, c)));
      out.push(line);
    }
    return out;
  }

  /** '#RRGGBB', or null when the cell has no fill (cleared, or never filled). */
  getFill(sheet: string, address: string): string | null {
    return this.getFormat(sheet, address).fill;
  }

  getFont(sheet: string, address: string): FontState {
    return { ...this.getFormat(sheet, address).font };
  }

  /** The whole format of one cell (number format, fill, font, alignment, wrap). */
  getFormat(sheet: string, address: string): CellFormat {
    const { r0, c0 } = this.cell(address);
    return { ...effectiveFormat(this.sheet(sheet), r0, c0) };
  }

  getNote(sheet: string, address: string): string | null {
    const { r0, c0 } = this.cell(address);
    return this.sheet(sheet).notes.get(cellKey(r0, c0))?.content ?? null;
  }

  /** Every note, sheet by sheet, row by row. */
  getNotes(): { sheet: string; address: string; content: string; authorName: string }[] {
    return this.book.sheets.flatMap((s) =>
      [...s.notes]
        .sort(([a], [b]) => keyRow(a) - keyRow(b) || keyCol(a) - keyCol(b))
        .map(([key, note]) => ({ sheet: s.name, address: cellA1(keyRow(key), keyCol(key)), content: note.content, authorName: note.authorName })),
    );
  }

  getHyperlink(sheet: string, address: string): { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string } | null {
    const { r0, c0 } = this.cell(address);
    const link = this.sheet(sheet).cells.get(cellKey(r0, c0))?.hyperlink;
    return link ? { ...link } : null;
  }

  /** The active sheet and its selected range ("B7", "A1:C3"). */
  getSelection(): { sheet: string; address: string } {
    const active = this.book.active;
    if (!active) throw new Error('FakeExcelHost: no active sheet');
    return { sheet: active.name, address: formatRect(active.selection) };
  }

  /** Test setup: makes `sheet` active with `address` selected, as a user's click would. */
  setSelection(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    s.selection = this.cell(address, true);
    this.book.active = s;
  }

  getVisibility(sheet: string): Visibility {
    return this.sheet(sheet).visibility;
  }

  isVisible(sheet: string): boolean {
    return this.getVisibility(sheet) === 'Visible';
  }

  /** Merged areas as "A1:C1". */
  getMerges(sheet: string): string[] {
    return this.sheet(sheet).merges.map(formatRect);
  }

  /** In points; `column` is a letter ("B") or a 0-based index. */
  getColumnWidth(sheet: string, column: string | number): number {
    const s = this.sheet(sheet);
    const c = typeof column === 'number' ? column : lettersToColumn(column);
    return s.columnWidths.get(c) ?? s.defaultColumnWidth;
  }

  /** In points; `row` is 1-based as Excel shows it. */
  getRowHeight(sheet: string, row: number): number {
    const s = this.sheet(sheet);
    return s.rowHeights.get(row - 1) ?? s.defaultRowHeight;
  }

  getFrozenPanes(sheet: string): { rows: number; columns: number } {
    const s = this.sheet(sheet);
    return { rows: s.frozenRows, columns: s.frozenColumns };
  }

  isRowHidden(sheet: string, row: number): boolean {
    return this.sheet(sheet).hiddenRows.has(row - 1);
  }

  isColumnHidden(sheet: string, column: string): boolean {
    return this.sheet(sheet).hiddenColumns.has(lettersToColumn(column));
  }

  /** The current state as a new ExcelJS workbook (save it with `xlsx.writeBuffer()` to re-read it). */
  toExcelJs(): ExcelJS.Workbook {
    return hostToExcelJs(this.book);
  }

  private sheet(name: string): HostSheet {
    const sheet = this.book.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`FakeExcelHost: no sheet named ${JSON.stringify(name)} (sheets: ${this.sheetNames().join(', ')})`);
    return sheet;
  }

  private cell(address: string, allowRange = false): Rect {
    const rect = parseRect(address);
    if (!rect || (!allowRange && (rect.r0 !== rect.r1 || rect.c0 !== rect.c1))) throw new Error(`FakeExcelHost: ${JSON.stringify(address)} is not a ${allowRange ? 'range' : 'cell'} address like "B7"`);
    return rect;
  }
}

