/**
 * The fake Excel host without ExcelJS or Node: what both the Node entry (index.ts, which adds
 * `fromXlsx`/`fromWorkbook`/`toExcelJs`) and the browser build (browser.ts) are made of.
 *
 * `run` is `Excel.run`; `installGlobals()` also defines `Excel`, `Office` and `OfficeExtension` for
 * code that uses the globals. The inspection methods (`getValue`, `getFill`, …) read the host state
 * directly, so a test sees exactly what a sync has applied and nothing that is still queued.
 * See README.md in this folder for the semantics and the known differences from Excel.
 */
import { type Rect, cellA1, formatRect, lettersToColumn, parseRect } from './address';
import { BORDER_INDEXES, type BorderIndex, readBorder, visibleLine } from './borders';
import {
  CHART_TYPE_ENUM,
  type ChartDataLabelsState,
  type ChartFontState,
  type ChartPoints,
  type ChartSeriesState,
  type SeriesBy,
  chartSeries,
  chartSourceAddress,
  placementForInspection,
} from './charts';
import { FakeRequestContext, type HostPort } from './client';
import { FakeRichApiError, ErrorCodes, runMustReturnPromise } from './errors';
import {
  type BorderLine,
  type CellFormat,
  type Content,
  type FontState,
  type HostSheet,
  type HostWorkbook,
  PAPER_TYPES,
  type PageZoom,
  type PageMargins,
  type PaperType,
  type ValidationState,
  type Visibility,
  cellKey,
  compareVersions,
  effectiveFormat,
  keyCol,
  keyRow,
  usedRect,
} from './model';
import { FakeWorkbook } from './objects';
import { type FakeWorkbookSnapshot, bookFromSnapshot, snapshotOf } from './snapshot';
import { OPERATORS, validationOf } from './validation';

export interface FakeExcelOptions {
  /** The ExcelApi requirement set this Excel supports: '1.18' by default; '1.1' is Excel 2016 RTM. */
  readonly apiVersion?: string;
  /** Author recorded on notes added through the API. */
  readonly userName?: string;
  /** Request payload limit in bytes; Excel's is 5 MB. */
  readonly requestLimitBytes?: number;
  /** Response payload limit in bytes; Excel on the web's is 5 MB too. */
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
  /** The properties each load of the batch asked for, as `Type.property` ('Range.values'), in order. */
  readonly loads: readonly string[];
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

export interface InspectedBorders {
  /** 'None', 'Continuous', 'Dash', … as `RangeBorder.style` reads for that side of the cell. */
  readonly top: string;
  readonly bottom: string;
  readonly left: string;
  readonly right: string;
}

/** A cell's data validation as `Range.dataValidation` would read it; type 'None' without one. */
export type InspectedValidation = ValidationState;

export interface InspectedPageLayout {
  readonly orientation: 'Portrait' | 'Landscape';
  readonly paperSize: PaperType;
  readonly zoom: PageZoom;
  /** "1:3", or null. */
  readonly printTitleRows: string | null;
  /** "A:B", or null. */
  readonly printTitleColumns: string | null;
  /** ["A1:F40"], or null. */
  readonly printArea: string[] | null;
  /** Inches. */
  readonly margins: PageMargins;
  readonly centerHorizontally: boolean;
  readonly centerVertically: boolean;
  /** Manual page breaks: the 1-based rows that begin a new page. */
  readonly horizontalPageBreaks: number[];
}

/** A chart as Excel shows it, for assertions. */
export interface InspectedChart {
  readonly name: string;
  readonly id: string;
  /** 'ColumnClustered', 'Line', … */
  readonly type: string;
  /** The title's text when the title is shown, else null. */
  readonly title: string | null;
  readonly titleFont: ChartFontState;
  /** The source range ("'Danh sách'!A1:C5"); null when its sheet was deleted. */
  readonly source: string | null;
  readonly seriesBy: SeriesBy;
  /** Two cells after `setPosition(start, end)`; points otherwise. */
  readonly position: { readonly startCell: string; readonly endCell: string } | ChartPoints;
  readonly legend: { readonly visible: boolean; readonly position: string };
  readonly dataLabels: ChartDataLabelsState;
  /** Read from the source cells now: name, values (null for empty), category labels as shown. */
  readonly series: ChartSeriesState[];
}

const enumOf = (values: readonly string[]): Record<string, string> => Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));

export class FakeExcelHostCore {
  static readonly REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
  /** Excel on the web limits responses too ("payload size limit for requests and responses of 5MB"). */
  static readonly RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

  /** Counted per round trip; reset with `resetStats()`. */
  readonly stats: FakeSyncStats = emptyStats();
  /** What `Office.actions.associate(name, fn)` recorded. */
  readonly associations = new Map<string, AnyFunction>();
  private readonly port: HostPort;

  /** @internal Use `fromSnapshot` (or, in Node, `FakeExcelHost.fromXlsx` / `fromWorkbook`). */
  constructor(
    /** @internal */ protected readonly book: HostWorkbook,
    options: FakeExcelOptions,
  ) {
    const stats = this.stats;
    this.port = {
      book,
      requestLimitBytes: options.requestLimitBytes ?? FakeExcelHostCore.REQUEST_LIMIT_BYTES,
      responseLimitBytes: options.responseLimitBytes ?? FakeExcelHostCore.RESPONSE_LIMIT_BYTES,
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

  /**
   * A host holding the workbook of a snapshot (`toSnapshot()`'s result, or its JSON text). No ExcelJS is
   * involved, so this is how the browser build gets its workbook.
   */
  static fromSnapshot(snapshot: FakeWorkbookSnapshot | string | unknown, options: FakeExcelOptions = {}): FakeExcelHostCore {
    return new FakeExcelHostCore(bookFromSnapshot(snapshot, options.apiVersion ?? '1.18', options.userName ?? 'Fake User'), options);
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

  /** Runs `fn` with this host's globals installed (as the task pane runs), then puts back what was there. */
  async withGlobals<T>(fn: () => Promise<T>): Promise<T> {
    const restore = this.installGlobals();
    try {
      return await fn();
    } finally {
      restore();
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
      BorderIndex: enumOf(BORDER_INDEXES),
      BorderLineStyle: enumOf(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']),
      BorderWeight: enumOf(['Hairline', 'Thin', 'Medium', 'Thick']),
      DataValidationType: enumOf(['None', 'WholeNumber', 'Decimal', 'List', 'Date', 'Time', 'TextLength', 'Custom', 'Inconsistent', 'MixedCriteria']),
      DataValidationOperator: enumOf(OPERATORS),
      DataValidationAlertStyle: enumOf(['Stop', 'Warning', 'Information']),
      PageOrientation: enumOf(['Portrait', 'Landscape']),
      PaperType: enumOf(PAPER_TYPES),
      PrintMarginUnit: enumOf(['Points', 'Inches', 'Centimeters']),
      ChartType: { ...CHART_TYPE_ENUM },
      ChartSeriesBy: enumOf(['Auto', 'Columns', 'Rows']),
      ChartPlotBy: enumOf(['Rows', 'Columns']),
      ChartLegendPosition: enumOf(['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom']),
      ChartSeriesDimension: { categories: 'Categories', values: 'Values', xvalues: 'XValues', yvalues: 'YValues', bubbleSizes: 'BubbleSizes' },
      ChartUnderlineStyle: enumOf(['None', 'Single']),
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

  /** '#RRGGBB', or null for the automatic colour. */
  getTabColor(sheet: string): string | null {
    return this.sheet(sheet).tabColor;
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

  /** The style of each side of one cell as Excel shows it ('None' where no line is drawn). */
  getBorders(sheet: string, address: string): InspectedBorders {
    const s = this.sheet(sheet);
    const { r0, c0 } = this.cell(address);
    const style = (side: 'top' | 'bottom' | 'left' | 'right'): string => visibleLine(s, r0, c0, side)?.style ?? 'None';
    return { top: style('top'), bottom: style('bottom'), left: style('left'), right: style('right') };
  }

  /** One border of a cell or range in full (null where no line is drawn); throws when the lines differ. */
  getBorder(sheet: string, address: string, index: BorderIndex): BorderLine | null {
    if (!BORDER_INDEXES.includes(index)) throw new Error(`FakeExcelHost: ${JSON.stringify(index)} is not a border index (${BORDER_INDEXES.join(', ')})`);
    const s = this.sheet(sheet);
    const rect = this.cell(address, true);
    const key = readBorder(s, [rect], index, (line) => JSON.stringify(line));
    if (key === null) throw new Error(`FakeExcelHost: the ${index} lines of ${address} differ`);
    return JSON.parse(key) as BorderLine | null;
  }

  /** The data validation of one cell (type 'None' without one). */
  getValidation(sheet: string, address: string): InspectedValidation {
    const { state } = validationOf(this.sheet(sheet), [this.cell(address)]);
    return JSON.parse(JSON.stringify(state)) as InspectedValidation;
  }

  /** Every data validation of a sheet with the ranges it covers. */
  getValidations(sheet: string): (InspectedValidation & { ranges: string[] })[] {
    return this.sheet(sheet).validations.map((v) => ({ ranges: v.rects.map(formatRect), ...(JSON.parse(JSON.stringify(v.dv)) as InspectedValidation) }));
  }

  getPageLayout(sheet: string): InspectedPageLayout {
    const p = this.sheet(sheet).pageLayout;
    return {
      orientation: p.orientation,
      paperSize: p.paperSize,
      zoom: { ...p.zoom },
      printTitleRows: p.printTitleRows ? formatRect(p.printTitleRows) : null,
      printTitleColumns: p.printTitleColumns ? formatRect(p.printTitleColumns) : null,
      printArea: p.printArea ? p.printArea.map(formatRect) : null,
      margins: { ...p.margins },
      centerHorizontally: p.centerHorizontally,
      centerVertically: p.centerVertically,
      horizontalPageBreaks: p.rowBreaks.map((r) => r + 1),
    };
  }

  /** The charts of a sheet, in the order of its ChartCollection. */
  getCharts(sheet: string): InspectedChart[] {
    return this.sheet(sheet).charts.map((c) => ({
      name: c.name,
      id: c.id,
      type: c.type,
      title: c.title.visible ? c.title.text : null,
      titleFont: { ...c.title.font },
      source: chartSourceAddress(c),
      seriesBy: c.layout.seriesBy,
      position: placementForInspection(c),
      legend: { visible: c.legend.visible, position: c.legend.position },
      dataLabels: { ...c.dataLabels },
      series: chartSeries(c, this.book.date1904),
    }));
  }

  /**
   * The whole current state as plain JSON data (sheets, cells with values, formulas and formats, merges,
   * notes, sizes, hidden rows/columns, visibility, frozen panes, selection, active sheet, data validation,
   * page layout, charts): `FakeExcelHost.fromSnapshot(host.toSnapshot())` is the same workbook.
   */
  toSnapshot(): FakeWorkbookSnapshot {
    return snapshotOf(this.book);
  }

  protected sheet(name: string): HostSheet {
    const sheet = this.book.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`FakeExcelHost: no sheet named ${JSON.stringify(name)} (sheets: ${this.sheetNames().join(', ')})`);
    return sheet;
  }

  protected cell(address: string, allowRange = false): Rect {
    const rect = parseRect(address);
    if (!rect || (!allowRange && (rect.r0 !== rect.r1 || rect.c0 !== rect.c1))) throw new Error(`FakeExcelHost: ${JSON.stringify(address)} is not a ${allowRange ? 'range' : 'cell'} address like "B7"`);
    return rect;
  }
}

