/**
 * The host state as plain JSON, and back: how a workbook reaches the browser build of the fake (which
 * has no ExcelJS), or how a test writes a small workbook by hand. `toSnapshot` gives the canonical
 * form; `fromSnapshot` also takes shorthands (a cell as a bare value, a format inline).
 *
 *   {
 *     "format": "fake-excel-snapshot", "version": 1,
 *     "activeSheet": "Danh sách",
 *     "formats": [ { "fill": "#FFC7CE", "font": { "bold": true } } ],   // full CellFormats from toSnapshot
 *     "sheets": [ {
 *       "name": "Danh sách", "visibility": "Visible", "selection": "B7",
 *       "cells": { "A1": "Họ và tên", "B2": { "value": 42737, "format": 0 }, "E2": { "formula": "=C2*2", "value": 84 } },
 *       "merges": ["A3:C3"], "notes": { "A2": { "content": "…", "authorName": "" } }, …
 *     } ]
 *   }
 */
import { MAX_COLS, MAX_ROWS, type Rect, cellA1, columnLetters, formatRect, lettersToColumn, parseRect, splitSheet } from './address';
import {
  type ChartDataLabelsState,
  type ChartFontState,
  type ChartLegendState,
  type ChartPoints,
  DATA_LABEL_FLAGS,
  addChart,
  chartSourceAddress,
  checkLegendPosition,
  placementForInspection,
  setChartPosition,
} from './charts';
import {
  type BorderLine,
  type CellBorders,
  type CellFormat,
  type Content,
  DEFAULT_FONT,
  DEFAULT_FORMAT,
  DEFAULT_PAGE_LAYOUT,
  type FontState,
  type HostCell,
  type HostSheet,
  HostWorkbook,
  type Hyperlink,
  NO_BORDERS,
  type PageLayoutState,
  type PageMargins,
  type PageZoom,
  type PaperType,
  type ValidationState,
  type Visibility,
  cellKey,
  keyCol,
  keyRow,
  sameFormat,
} from './model';

export const SNAPSHOT_FORMAT = 'fake-excel-snapshot';

export type SnapshotLiteral = number | string | boolean | { readonly error: string };

export interface SnapshotCell {
  /** The stored value (a formula's cached result); omitted or null for none. Not parsed: "0123" stays text. */
  readonly value?: SnapshotLiteral | null;
  /** '=…' */
  readonly formula?: string;
  /** An index into `formats`, or a (partial) format inline. */
  readonly format?: number | SnapshotFormat;
  readonly hyperlink?: Hyperlink;
}

/** A cell format; every field is optional in input (missing ones are Excel's defaults). */
export interface SnapshotFormat {
  readonly numberFormat?: string;
  readonly fill?: string | null;
  readonly font?: Partial<FontState>;
  readonly horizontalAlignment?: CellFormat['horizontalAlignment'];
  readonly verticalAlignment?: CellFormat['verticalAlignment'];
  readonly wrapText?: boolean;
  readonly borders?: Partial<Record<keyof CellBorders, BorderLine | null>>;
}

export interface SnapshotValidation {
  /** Rectangles such as "B7:B100". */
  readonly ranges: readonly string[];
  readonly type: ValidationState['type'];
  readonly rule: ValidationState['rule'];
  readonly prompt: ValidationState['prompt'];
  readonly errorAlert: ValidationState['errorAlert'];
  readonly ignoreBlanks: boolean;
}

export interface SnapshotPageLayout {
  readonly orientation?: 'Portrait' | 'Landscape';
  readonly paperSize?: PaperType;
  readonly zoom?: PageZoom;
  /** "1:3" */
  readonly printTitleRows?: string | null;
  /** "A:B" */
  readonly printTitleColumns?: string | null;
  /** "A1:F40" or several */
  readonly printArea?: readonly string[] | null;
  /** Inches (as in the file); Excel's "Normal" margins (0.7, 0.7, 0.75, 0.75, 0.3, 0.3) without them. */
  readonly margins?: Partial<PageMargins>;
  readonly centerHorizontally?: boolean;
  readonly centerVertically?: boolean;
  /** Manual page breaks: the 1-based rows that begin a new page. */
  readonly horizontalPageBreaks?: readonly number[];
}

/**
 * A chart. Only `type` and `source` are needed in a hand-written snapshot: the rest is then what
 * `charts.add(type, source, seriesBy)` would make.
 */
export interface SnapshotChart {
  /** "Chart 1", … by default. */
  readonly name?: string;
  /** 'ColumnClustered', 'Line', 'Pie', … */
  readonly type: string;
  /** "'Danh sách'!A1:C5" (an address without a sheet is on the chart's own sheet); null: its sheet was deleted. */
  readonly source: string | null;
  /** 'Columns' or 'Rows'; 'Auto' or omitted: as `add` decides. */
  readonly seriesBy?: 'Auto' | 'Columns' | 'Rows';
  /** Whether the first row (by columns; column by rows) holds the series names, and the first column (row) the categories; detected as `add` does when omitted. */
  readonly headers?: { readonly names: boolean; readonly categories: boolean };
  /** Series names set through the API, by series index ("0"). */
  readonly seriesNames?: Readonly<Record<string, string>>;
  readonly title?: { readonly text?: string; readonly visible?: boolean; readonly overlay?: boolean; readonly font?: Partial<ChartFontState> };
  readonly legend?: Partial<ChartLegendState>;
  readonly dataLabels?: Partial<ChartDataLabelsState>;
  /** Two cells ("B2", "H20"), or points; beside the source data (as `add` puts it) when omitted. */
  readonly position?: { readonly startCell: string; readonly endCell: string } | Partial<ChartPoints>;
}

export interface SnapshotSheet {
  readonly name: string;
  readonly visibility?: Visibility;
  /** '#RRGGBB', or null / omitted for automatic. */
  readonly tabColor?: string | null;
  /** The sheet's selected range; A1 by default. */
  readonly selection?: string;
  readonly cells?: Readonly<Record<string, SnapshotCell | SnapshotLiteral | null>>;
  /** Formats of whole rows (1-based row number) and whole columns (letters). */
  readonly rowFormats?: Readonly<Record<string, number | SnapshotFormat>>;
  readonly columnFormats?: Readonly<Record<string, number | SnapshotFormat>>;
  readonly merges?: readonly string[];
  readonly notes?: Readonly<Record<string, string | { readonly content: string; readonly authorName?: string }>>;
  /** Points, by column letter / 1-based row number. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  readonly rowHeights?: Readonly<Record<string, number>>;
  readonly defaultColumnWidth?: number;
  readonly defaultRowHeight?: number;
  /** 1-based row numbers; column letters. */
  readonly hiddenRows?: readonly number[];
  readonly hiddenColumns?: readonly string[];
  readonly frozenRows?: number;
  readonly frozenColumns?: number;
  readonly validations?: readonly SnapshotValidation[];
  readonly pageLayout?: SnapshotPageLayout;
  readonly charts?: readonly SnapshotChart[];
}

export interface FakeWorkbookSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: 1;
  readonly date1904?: boolean;
  /** The active sheet's name; the first visible sheet when omitted. */
  readonly activeSheet?: string | null;
  readonly formats?: readonly SnapshotFormat[];
  readonly sheets: readonly SnapshotSheet[];
}

// ---------------------------------------------------------------------------------------------------
// Host → snapshot

const byPosition = (a: number, b: number): number => keyRow(a) - keyRow(b) || keyCol(a) - keyCol(b);
const sortedEntries = <V>(map: ReadonlyMap<number, V>): [number, V][] => [...map].sort(([a], [b]) => a - b);

export function snapshotOf(book: HostWorkbook): FakeWorkbookSnapshot {
  const formats: CellFormat[] = [];
  const formatIndex = (f: CellFormat): number => {
    let i = formats.findIndex((g) => g === f || sameFormat(g, f));
    if (i < 0) i = formats.push(f) - 1;
    return i;
  };
  const sheets = book.sheets.map((s): SnapshotSheet => {
    const cells: Record<string, SnapshotCell> = {};
    for (const [key, cell] of [...s.cells].sort(([a], [b]) => byPosition(a, b))) {
      const r = keyRow(key);
      const c = keyCol(key);
      // A cell without `format` takes its row's, else its column's, else the default (as on load).
      const inherited = s.rowFormats.get(r) ?? s.colFormats.get(c) ?? DEFAULT_FORMAT;
      cells[cellA1(r, c)] = {
        ...(cell.content !== null ? { value: cell.content } : {}),
        ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
        ...(sameFormat(cell.format, inherited) ? {} : { format: formatIndex(cell.format) }),
        ...(cell.hyperlink ? { hyperlink: { ...cell.hyperlink } } : {}),
      };
    }
    const notes: Record<string, { content: string; authorName: string }> = {};
    for (const [key, note] of [...s.notes].sort(([a], [b]) => byPosition(a, b))) notes[cellA1(keyRow(key), keyCol(key))] = { ...note };
    const layout = s.pageLayout;
    return {
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      selection: formatRect(s.selection),
      cells,
      rowFormats: Object.fromEntries(sortedEntries(s.rowFormats).map(([r, f]) => [String(r + 1), formatIndex(f)])),
      columnFormats: Object.fromEntries(sortedEntries(s.colFormats).map(([c, f]) => [columnLetters(c), formatIndex(f)])),
      merges: s.merges.map(formatRect),
      notes,
      columnWidths: Object.fromEntries(sortedEntries(s.columnWidths).map(([c, w]) => [columnLetters(c), w])),
      rowHeights: Object.fromEntries(sortedEntries(s.rowHeights).map(([r, h]) => [String(r + 1), h])),
      defaultColumnWidth: s.defaultColumnWidth,
      defaultRowHeight: s.defaultRowHeight,
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
      hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      validations: s.validations.map((v) => ({ ranges: v.rects.map(formatRect), ...v.dv })),
      pageLayout: {
        orientation: layout.orientation,
        paperSize: layout.paperSize,
        zoom: { ...layout.zoom },
        printTitleRows: layout.printTitleRows ? formatRect(layout.printTitleRows) : null,
        printTitleColumns: layout.printTitleColumns ? formatRect(layout.printTitleColumns) : null,
        printArea: layout.printArea ? layout.printArea.map(formatRect) : null,
        margins: { ...layout.margins },
        centerHorizontally: layout.centerHorizontally,
        centerVertically: layout.centerVertically,
        horizontalPageBreaks: layout.rowBreaks.map((r) => r + 1),
      },
      charts: s.charts.map(
        (c): SnapshotChart => ({
          name: c.name,
          type: c.type,
          source: chartSourceAddress(c),
          seriesBy: c.layout.seriesBy,
          headers: { names: c.layout.names, categories: c.layout.categories },
          seriesNames: Object.fromEntries([...c.seriesNames].sort(([a], [b]) => a - b).map(([i, name]) => [String(i), name])),
          title: { text: c.title.text, visible: c.title.visible, overlay: c.title.overlay, font: { ...c.title.font } },
          legend: { ...c.legend },
          dataLabels: { ...c.dataLabels },
          position: placementForInspection(c),
        }),
      ),
    };
  });
  // A JSON round trip: the snapshot shares nothing with the host and is exactly what JSON can carry.
  return JSON.parse(
    JSON.stringify({ format: SNAPSHOT_FORMAT, version: 1, date1904: book.date1904, activeSheet: book.active?.name ?? null, formats, sheets }),
  ) as FakeWorkbookSnapshot;
}

// ---------------------------------------------------------------------------------------------------
// Snapshot → host

function bad(what: string): never {
  throw new Error(`FakeExcelHost.fromSnapshot: ${what}`);
}

function rectOf(address: string, where: string): Rect {
  return (typeof address === 'string' ? parseRect(address) : null) ?? bad(`${where}: ${JSON.stringify(address)} is not an A1 address`);
}

function formatFrom(input: SnapshotFormat, where: string): CellFormat {
  if (!input || typeof input !== 'object') bad(`${where}: a format must be an object or an index into formats`);
  const format: CellFormat = {
    numberFormat: input.numberFormat ?? DEFAULT_FORMAT.numberFormat,
    fill: input.fill ?? null,
    font: input.font ? { ...DEFAULT_FONT, ...input.font } : DEFAULT_FONT,
    horizontalAlignment: input.horizontalAlignment ?? DEFAULT_FORMAT.horizontalAlignment,
    verticalAlignment: input.verticalAlignment ?? DEFAULT_FORMAT.verticalAlignment,
    wrapText: input.wrapText ?? false,
    borders: input.borders ? { ...NO_BORDERS, ...input.borders } : NO_BORDERS,
  };
  return sameFormat(format, DEFAULT_FORMAT) ? DEFAULT_FORMAT : format;
}

function contentFrom(value: unknown, where: string): Content {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string') return { error: (value as { error: string }).error };
  return bad(`${where}: ${JSON.stringify(value)} is not a number, string, boolean or { error }`);
}

/** `{ value, formula, format, hyperlink }` rather than a bare value (`{ error }` is a value). */
const isCellObject = (v: unknown): v is SnapshotCell => typeof v === 'object' && v !== null && !('error' in v);

/** Parses a snapshot (an object or its JSON text) into a host workbook. */
export function bookFromSnapshot(input: unknown, apiVersion: string, userName: string): HostWorkbook {
  const snapshot = (typeof input === 'string' ? JSON.parse(input) : input) as Partial<FakeWorkbookSnapshot> | null;
  if (!snapshot || typeof snapshot !== 'object') bad('expected a snapshot object or its JSON');
  if (snapshot.format !== undefined && snapshot.format !== SNAPSHOT_FORMAT) bad(`format ${JSON.stringify(snapshot.format)} is not ${SNAPSHOT_FORMAT}`);
  if (snapshot.version !== undefined && snapshot.version !== 1) bad(`version ${String(snapshot.version)} is not supported (1 is)`);
  if (!Array.isArray(snapshot.sheets)) bad('sheets must be an array');
  const table = (snapshot.formats ?? []).map((f, i) => formatFrom(f, `formats[${i}]`));
  const formatRef = (ref: number | SnapshotFormat | undefined, where: string): CellFormat =>
    ref === undefined ? DEFAULT_FORMAT : typeof ref === 'number' ? (table[ref] ?? bad(`${where}: no formats[${ref}]`)) : formatFrom(ref, where);

  const book = new HostWorkbook(apiVersion, userName);
  book.date1904 = Boolean(snapshot.date1904);
  for (const s of snapshot.sheets) loadSheet(book, s, formatRef);
  // Charts after every sheet's cells: a chart may plot another sheet, and add() reads the cells.
  snapshot.sheets.forEach((s, i) => loadCharts(book, book.sheets[i], s.charts ?? []));
  if (book.sheets.length === 0) book.addSheet('Sheet1');
  const wanted = snapshot.activeSheet ? book.findSheet(snapshot.activeSheet) : undefined;
  if (snapshot.activeSheet && !wanted) bad(`activeSheet ${JSON.stringify(snapshot.activeSheet)} is not a sheet`);
  book.active = wanted && wanted.visibility === 'Visible' ? wanted : (book.visibleSheets()[0] ?? book.sheets[0]);
  return book;
}

function loadSheet(book: HostWorkbook, s: SnapshotSheet, formatRef: (ref: number | SnapshotFormat | undefined, where: string) => CellFormat): void {
  if (!s || typeof s.name !== 'string') bad('every sheet needs a name');
  const sheet: HostSheet = book.addSheet(s.name);
  const at = `sheet ${JSON.stringify(s.name)}`;
  sheet.visibility = s.visibility ?? 'Visible';
  if (!['Visible', 'Hidden', 'VeryHidden'].includes(sheet.visibility)) bad(`${at}: visibility ${JSON.stringify(s.visibility)}`);
  if (s.selection) sheet.selection = rectOf(s.selection, `${at} selection`);
  sheet.tabColor = s.tabColor ?? null;
  if (s.defaultColumnWidth !== undefined) sheet.defaultColumnWidth = s.defaultColumnWidth;
  if (s.defaultRowHeight !== undefined) sheet.defaultRowHeight = s.defaultRowHeight;
  for (const [letters, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(lettersToColumn(letters), w);
  for (const [row, h] of Object.entries(s.rowHeights ?? {})) sheet.rowHeights.set(Number(row) - 1, h);
  for (const row of s.hiddenRows ?? []) sheet.hiddenRows.add(row - 1);
  for (const letters of s.hiddenColumns ?? []) sheet.hiddenColumns.add(lettersToColumn(letters));
  sheet.frozenRows = s.frozenRows ?? 0;
  sheet.frozenColumns = s.frozenColumns ?? 0;
  for (const [row, ref] of Object.entries(s.rowFormats ?? {})) sheet.rowFormats.set(Number(row) - 1, formatRef(ref, `${at} row ${row}`));
  for (const [letters, ref] of Object.entries(s.columnFormats ?? {})) sheet.colFormats.set(lettersToColumn(letters), formatRef(ref, `${at} column ${letters}`));

  for (const [address, raw] of Object.entries(s.cells ?? {})) {
    const where = `${at} cell ${address}`;
    const rect = rectOf(address, where);
    if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) bad(`${where}: cells are keyed by single-cell addresses`);
    const entry: SnapshotCell = isCellObject(raw) ? raw : { value: raw as SnapshotLiteral | null };
    const inherited = sheet.rowFormats.get(rect.r0) ?? sheet.colFormats.get(rect.c0) ?? DEFAULT_FORMAT;
    const cell: HostCell = { content: contentFrom(entry.value, where), format: entry.format === undefined ? inherited : formatRef(entry.format, where) };
    if (entry.formula !== undefined) {
      if (typeof entry.formula !== 'string' || !entry.formula.startsWith('=')) bad(`${where}: a formula starts with '='`);
      cell.formula = entry.formula;
    }
    if (entry.hyperlink) cell.hyperlink = { ...entry.hyperlink };
    sheet.cells.set(cellKey(rect.r0, rect.c0), cell);
  }
  sheet.merges = (s.merges ?? []).map((m) => rectOf(m, `${at} merge`));
  for (const [address, note] of Object.entries(s.notes ?? {})) {
    const rect = rectOf(address, `${at} note`);
    const n = typeof note === 'string' ? { content: note, authorName: '' } : { content: String(note.content), authorName: note.authorName ?? '' };
    sheet.notes.set(cellKey(rect.r0, rect.c0), n);
  }
  sheet.validations = (s.validations ?? []).map((v) => {
    const { ranges, ...dv } = v;
    return { rects: ranges.map((r) => rectOf(r, `${at} validation`)), dv: { type: dv.type, rule: dv.rule ?? {}, prompt: dv.prompt, errorAlert: dv.errorAlert, ignoreBlanks: dv.ignoreBlanks } };
  });
  const p = s.pageLayout ?? {};
  const rows = p.printTitleRows ? rectOf(p.printTitleRows, `${at} printTitleRows`) : null;
  const cols = p.printTitleColumns ? rectOf(p.printTitleColumns, `${at} printTitleColumns`) : null;
  const layout: PageLayoutState = {
    orientation: p.orientation ?? DEFAULT_PAGE_LAYOUT.orientation,
    paperSize: p.paperSize ?? DEFAULT_PAGE_LAYOUT.paperSize,
    zoom: p.zoom ?? DEFAULT_PAGE_LAYOUT.zoom,
    printTitleRows: rows ? { ...rows, c0: 0, c1: MAX_COLS - 1 } : null,
    printTitleColumns: cols ? { ...cols, r0: 0, r1: MAX_ROWS - 1 } : null,
    printArea: p.printArea ? p.printArea.map((a) => rectOf(a, `${at} printArea`)) : null,
    margins: { ...DEFAULT_PAGE_LAYOUT.margins, ...(p.margins ?? {}) },
    centerHorizontally: p.centerHorizontally === true,
    centerVertically: p.centerVertically === true,
    rowBreaks: [...new Set((p.horizontalPageBreaks ?? []).map((r) => (Number.isInteger(r) && r > 1 && r <= MAX_ROWS ? r - 1 : bad(`${at} horizontalPageBreaks: ${JSON.stringify(r)} is not a row after the first`))))].sort((a, b) => a - b),
  };
  sheet.pageLayout = layout;
}

function loadCharts(book: HostWorkbook, sheet: HostSheet, charts: readonly SnapshotChart[]): void {
  if (!Array.isArray(charts)) bad(`sheet ${JSON.stringify(sheet.name)}: charts must be an array`);
  charts.forEach((spec, i) => {
    const at = `sheet ${JSON.stringify(sheet.name)} chart ${spec?.name ?? i}`;
    if (!spec || typeof spec !== 'object') bad(`${at}: a chart must be an object`);
    let source = null;
    if (spec.source !== null) {
      if (typeof spec.source !== 'string') bad(`${at}: source must be an address or null`);
      const { sheet: named, ref } = splitSheet(spec.source);
      const sourceSheet = named === undefined ? sheet : (book.findSheet(named) ?? bad(`${at}: source ${JSON.stringify(spec.source)} names no sheet`));
      source = { sheet: sourceSheet, rect: rectOf(ref, `${at} source`) };
    }
    const attempt = <T>(what: string, fn: () => T): T => {
      try {
        return fn();
      } catch (error) {
        return bad(`${at}: ${what}: ${(error as Error).message}`);
      }
    };
    const chart = attempt('type, source or seriesBy', () => addChart(sheet, spec.type, source, spec.seriesBy, book.date1904));
    if (spec.name !== undefined) chart.name = String(spec.name);
    if (spec.headers) chart.layout = { ...chart.layout, names: Boolean(spec.headers.names), categories: Boolean(spec.headers.categories) };
    for (const [index, name] of Object.entries(spec.seriesNames ?? {})) chart.seriesNames.set(Number(index), String(name));
    const t = spec.title ?? {};
    chart.title = { text: t.text ?? chart.title.text, visible: t.visible ?? chart.title.visible, overlay: t.overlay ?? chart.title.overlay, font: { ...chart.title.font, ...t.font } };
    const l = spec.legend ?? {};
    chart.legend = { visible: l.visible ?? chart.legend.visible, position: l.position ? attempt('legend', () => checkLegendPosition(l.position)) : chart.legend.position, overlay: l.overlay ?? chart.legend.overlay };
    for (const flag of DATA_LABEL_FLAGS) if (spec.dataLabels?.[flag] !== undefined) chart.dataLabels[flag] = Boolean(spec.dataLabels[flag]);
    const p = spec.position;
    if (p && 'startCell' in p) setChartPosition(chart, rectOf(p.startCell, `${at} startCell`), rectOf(p.endCell, `${at} endCell`));
    else if (p) {
      const now = chart.placement.kind === 'points' ? chart.placement : { top: 0, left: 0, width: 0, height: 0 };
      chart.placement = { kind: 'points', top: p.top ?? now.top, left: p.left ?? now.left, width: p.width ?? now.width, height: p.height ?? now.height };
    }
  });
  // "Chart N" numbering goes on after the highest number, as when Excel opens a file.
  sheet.chartSerial = Math.max(0, ...sheet.charts.map((c) => Number(/^Chart (\d+)$/.exec(c.name)?.[1] ?? 0)));
}
