/**
 * ExcelJS ↔ host model. Loading turns what ExcelJS read from an .xlsx into what Excel would hold
 * (dates become serial numbers, formulas keep their cached result, rich text its plain text, theme
 * and indexed colours their RGB); exporting writes the current state back as an ExcelJS workbook
 * (values, formulas, number formats, fills, fonts, alignment, borders, notes, merges, hyperlinks,
 * sizes, hidden rows/columns, visibility, frozen panes, active sheet and selection, data validation as
 * `cell.dataValidation`, page layout as `ws.pageSetup`). Charts are neither read nor written: ExcelJS has
 * no chart support, so `toExcelJs()` drops them and an .xlsx loads without them.
 *
 * Only index.ts imports this file: the browser build must not pull ExcelJS in.
 */
import ExcelJS from 'exceljs';
import { MAX_COLS, MAX_ROWS, type Rect, cellA1, formatRect, isWholeColumns, isWholeRows, lettersToColumn, parseRect, rectCells, splitSheet } from './address';
import { fileBorderStyle, lineFromFile } from './borders';
import {
  type BorderLine,
  type CellBorders,
  type CellFormat,
  NO_BORDERS,
  PAPER_TYPES,
  type PageLayoutState,
  type ValidationState,
  type Content,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_MARGINS,
  DEFAULT_FONT,
  DEFAULT_FORMAT,
  type FontState,
  type HorizontalAlignment,
  type HostCell,
  type HostSheet,
  HostWorkbook,
  type Underline,
  type VerticalAlignment,
  cellKey,
  isCoveredByMerge,
  keyCol,
  keyRow,
  sameFont,
  sameFormat,
  serialFromDate,
} from './model';
import type { PackageSheet, PackageWorkbook } from './package';
import { DEFAULT_ALERT, DEFAULT_PROMPT, RULE_TYPES, isoSerial } from './validation';

// ---------------------------------------------------------------------------------------------------
// Colours in .xlsx files

/** Office 2013+ default theme, in the order of SpreadsheetML's `theme` index (light 1 first). */
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72'];

/** The legacy 56-colour palette behind `indexed` colours 8–63 (0–7 repeat its first 8). */
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF', '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF', '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99', '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const channel = (i: number): string => {
    const v = parseInt(hex.slice(i, i + 2), 16);
    const out = tint < 0 ? v * (1 + tint) : v + (255 - v) * tint;
    return Math.round(out).toString(16).padStart(2, '0').toUpperCase();
  };
  return channel(0) + channel(2) + channel(4);
}

/** '#RRGGBB' for an ExcelJS colour, or undefined when it names none. */
export function colorOf(color: Partial<ExcelJS.Color> & { indexed?: number; tint?: number } | undefined): string | undefined {
  if (!color) return undefined;
  if (typeof color.argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(color.argb)) return `#${color.argb.slice(-6).toUpperCase()}`;
  if (typeof color.theme === 'number' && THEME[color.theme]) return `#${applyTint(THEME[color.theme], color.tint ?? 0)}`;
  if (typeof color.indexed === 'number') {
    if (color.indexed === 64) return '#000000'; // system foreground
    const hex = INDEXED[color.indexed < 8 ? color.indexed : color.indexed - 8];
    if (hex) return `#${hex}`;
  }
  return undefined;
}

const argb = (hex: string): string => `FF${hex.slice(1)}`;

// ---------------------------------------------------------------------------------------------------
// Styles

const H_FROM: Record<string, HorizontalAlignment> = {
  left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerContinuous: 'CenterAcrossSelection', distributed: 'Distributed',
};
const V_FROM: Record<string, VerticalAlignment> = { top: 'Top', middle: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' };
const U_FROM: Record<string, Underline> = { single: 'Single', double: 'Double', singleAccounting: 'SingleAccountant', doubleAccounting: 'DoubleAccountant' };

function fillOf(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill) return null;
  if (fill.type === 'pattern') {
    if (!fill.pattern || fill.pattern === 'none') return null;
    // A solid fill shows its foreground colour; Excel's default foreground is black.
    return colorOf(fill.fgColor) ?? (fill.pattern === 'solid' ? '#000000' : '#FFFFFF');
  }
  if (fill.type === 'gradient') return colorOf(fill.stops?.[0]?.color) ?? '#FFFFFF';
  return null;
}

function fontOf(font: Partial<ExcelJS.Font> | undefined): FontState {
  if (!font) return DEFAULT_FONT;
  const underline = font.underline === true ? 'Single' : typeof font.underline === 'string' ? (U_FROM[font.underline] ?? 'None') : 'None';
  return {
    name: font.name ?? DEFAULT_FONT.name,
    size: font.size ?? DEFAULT_FONT.size,
    color: colorOf(font.color) ?? DEFAULT_FONT.color,
    bold: Boolean(font.bold),
    italic: Boolean(font.italic),
    underline,
    strikethrough: Boolean(font.strike),
  };
}

function bordersOf(border: Partial<ExcelJS.Borders> | undefined): CellBorders {
  if (!border) return NO_BORDERS;
  const line = (b: Partial<ExcelJS.Border> | undefined): BorderLine | null => lineFromFile(b?.style, colorOf(b?.color));
  const diagonal = border.diagonal;
  const borders: CellBorders = {
    top: line(border.top),
    bottom: line(border.bottom),
    left: line(border.left),
    right: line(border.right),
    diagonalDown: diagonal?.down ? line(diagonal) : null,
    diagonalUp: diagonal?.up ? line(diagonal) : null,
  };
  return Object.values(borders).some(Boolean) ? borders : NO_BORDERS;
}

function borderStyleOf(borders: CellBorders): Partial<ExcelJS.Borders> | undefined {
  const line = (l: BorderLine | null): Partial<ExcelJS.Border> | undefined => (l ? { style: fileBorderStyle(l) as ExcelJS.BorderStyle, color: { argb: argb(l.color) } } : undefined);
  const out: Partial<ExcelJS.Borders> = {};
  for (const side of ['top', 'left', 'bottom', 'right'] as const) {
    const l = line(borders[side]);
    if (l) out[side] = l;
  }
  // SpreadsheetML has one diagonal line per cell, drawn down and/or up.
  const diagonal = borders.diagonalDown ?? borders.diagonalUp;
  if (diagonal) out.diagonal = { ...line(diagonal), up: Boolean(borders.diagonalUp), down: Boolean(borders.diagonalDown) };
  return Object.keys(out).length ? out : undefined;
}

function formatOf(style: Partial<ExcelJS.Style> | undefined): CellFormat {
  if (!style) return DEFAULT_FORMAT;
  const format: CellFormat = {
    numberFormat: style.numFmt || 'General',
    fill: fillOf(style.fill),
    font: fontOf(style.font),
    horizontalAlignment: H_FROM[style.alignment?.horizontal ?? ''] ?? 'General',
    verticalAlignment: V_FROM[style.alignment?.vertical ?? ''] ?? 'Bottom',
    wrapText: Boolean(style.alignment?.wrapText),
    borders: bordersOf(style.border),
  };
  return sameFormat(format, DEFAULT_FORMAT) ? DEFAULT_FORMAT : format;
}

function styleOf(format: CellFormat): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (format.numberFormat !== 'General') style.numFmt = format.numberFormat;
  if (format.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.fill) } };
  if (!sameFont(format.font, DEFAULT_FONT)) {
    const f = format.font;
    const underline = ({ None: undefined, Single: true, Double: 'double', SingleAccountant: 'singleAccounting', DoubleAccountant: 'doubleAccounting' } as const)[f.underline];
    style.font = {
      name: f.name,
      size: f.size,
      color: { argb: argb(f.color) },
      ...(f.bold ? { bold: true } : {}),
      ...(f.italic ? { italic: true } : {}),
      ...(underline ? { underline } : {}),
      ...(f.strikethrough ? { strike: true } : {}),
    };
  }
  const horizontal = Object.entries(H_FROM).find(([, v]) => v === format.horizontalAlignment)?.[0];
  const vertical = Object.entries(V_FROM).find(([, v]) => v === format.verticalAlignment)?.[0];
  if (horizontal || format.verticalAlignment !== 'Bottom' || format.wrapText) {
    style.alignment = {
      ...(horizontal ? { horizontal: horizontal as ExcelJS.Alignment['horizontal'] } : {}),
      ...(format.verticalAlignment !== 'Bottom' ? { vertical: vertical as ExcelJS.Alignment['vertical'] } : {}),
      ...(format.wrapText ? { wrapText: true } : {}),
    };
  }
  const border = borderStyleOf(format.borders);
  if (border) style.border = border;
  return style;
}

// ---------------------------------------------------------------------------------------------------
// Values

type RichText = { richText: { text?: string }[] };
const isRichText = (v: unknown): v is RichText => typeof v === 'object' && v !== null && Array.isArray((v as RichText).richText);
const plainText = (v: RichText): string => v.richText.map((run) => run.text ?? '').join('');

const isInvalidDate = (value: unknown): boolean => value instanceof Date && Number.isNaN(value.getTime());

/**
 * A literal ExcelJS value (or a formula's cached result) as Excel holds it. An Invalid Date (ExcelJS's
 * reading of a date-formatted error or of a number past any date) is left empty here: `fromXlsx` takes
 * every value from the package itself (package.ts), and `fromWorkbook` has no file to take it from.
 */
function contentOf(value: unknown, date1904: boolean): Content {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (isInvalidDate(value)) return null;
  if (value instanceof Date) return serialFromDate(value, date1904);
  if (isRichText(value)) return plainText(value);
  if (typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string') return { error: (value as { error: string }).error };
  return null;
}

function loadCell(cell: ExcelJS.Cell, date1904: boolean): { content: Content; formula?: string; hyperlink?: HostCell['hyperlink'] } {
  const value = cell.value as unknown;
  if (cell.type === ExcelJS.ValueType.Merge) return { content: null };
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    if (typeof v.formula === 'string' || typeof v.sharedFormula === 'string') {
      const text = typeof v.formula === 'string' ? v.formula : (cell.formula ?? String(v.sharedFormula));
      return { content: contentOf(v.result, date1904), formula: `=${text}` };
    }
    if (typeof v.hyperlink === 'string') {
      const text = isRichText(v.text) ? plainText(v.text) : typeof v.text === 'string' ? v.text : '';
      const { sheet, ref } = v.hyperlink.startsWith('#') ? splitSheet(v.hyperlink.slice(1)) : { sheet: undefined, ref: '' };
      const link = v.hyperlink.startsWith('#')
        ? { documentReference: sheet ? `${sheet}!${ref}` : ref, textToDisplay: text }
        : { address: v.hyperlink, textToDisplay: text, ...(typeof v.tooltip === 'string' ? { screenTip: v.tooltip } : {}) };
      return { content: text, hyperlink: link };
    }
  }
  return { content: contentOf(value, date1904) };
}

function noteText(note: ExcelJS.Cell['note'] | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text ?? '').join('');
}

/**
 * ExcelJS widths are the file's: characters of the default font's digit (7 px for Calibri 11) with the
 * padding included, in 1/256ths; Excel draws trunc(7 × width + 128/7/256·7) px and reports points.
 */
const charsToPoints = (width: number): number => Math.trunc(width * 7 + Math.trunc(128 / 7) / 256 * 7) * 0.75;
const pointsToChars = (points: number): number => Math.round(((Math.round(points / 0.75)) / 7) * 256) / 256;

// ---------------------------------------------------------------------------------------------------
// Load

export function hostFromExcelJs(wb: ExcelJS.Workbook, apiVersion: string, userName: string): HostWorkbook {
  const host = new HostWorkbook(apiVersion, userName);
  host.date1904 = Boolean((wb.properties as Partial<ExcelJS.WorkbookProperties> | undefined)?.date1904);
  for (const ws of wb.worksheets) loadSheet(host, ws);
  if (host.sheets.length === 0) host.addSheet('Sheet1');
  const activeTab = wb.views?.[0]?.activeTab ?? 0;
  const wanted = host.sheets[activeTab];
  host.active = wanted && wanted.visibility === 'Visible' ? wanted : (host.visibleSheets()[0] ?? host.sheets[0]);
  return host;
}

/**
 * An .xlsx file as Excel shows it: the workbook and every value from the package itself (package.ts:
 * sheets, date system, values, as Excel reads them), the rest (formats, notes, sizes, validation, page
 * layout, views) from ExcelJS where ExcelJS reads the same sheets. Where it cannot (it throws on a
 * prefixed or `r`-less sheet XML and finds no sheet in oddly named parts), the host is built from the
 * package alone: values, merges, hidden rows and columns and visibility, every cell in the default format.
 */
export function hostFromXlsx(pkg: PackageWorkbook, wb: ExcelJS.Workbook | null, apiVersion: string, userName: string): HostWorkbook {
  const sameSheets =
    wb !== null && wb.worksheets.length === pkg.sheets.length && pkg.sheets.every((p) => wb.worksheets.some((ws) => ws.name === p.name));
  if (!sameSheets) return hostFromPackage(pkg, apiVersion, userName);
  const host = hostFromExcelJs(wb, apiVersion, userName);
  host.date1904 = pkg.date1904;
  for (const sheet of host.sheets) {
    const values = pkg.sheets.find((p) => p.name === sheet.name);
    if (values) {
      overlayValues(sheet, values);
      // ExcelJS does not read page breaks back: the package has them.
      sheet.pageLayout = { ...sheet.pageLayout, rowBreaks: [...values.rowBreaks] };
    }
  }
  return host;
}

function hostFromPackage(pkg: PackageWorkbook, apiVersion: string, userName: string): HostWorkbook {
  const host = new HostWorkbook(apiVersion, userName);
  host.date1904 = pkg.date1904;
  for (const p of pkg.sheets) {
    const sheet = host.addSheet(p.name);
    sheet.visibility = p.visibility;
    sheet.merges.push(...p.merges);
    for (const r of p.hiddenRows) sheet.hiddenRows.add(r);
    for (const c of p.hiddenColumns) sheet.hiddenColumns.add(c);
    sheet.pageLayout = { ...sheet.pageLayout, rowBreaks: [...p.rowBreaks] };
    overlayValues(sheet, p);
  }
  if (host.sheets.length === 0) host.addSheet('Sheet1');
  host.active = host.visibleSheets()[0] ?? host.sheets[0];
  return host;
}

/** Every cell's value (and written-out formula) from the package; formats stay those ExcelJS gave. */
function overlayValues(sheet: HostSheet, pkg: PackageSheet): void {
  for (const [key, cell] of sheet.cells) if (!pkg.values.has(key)) cell.content = null;
  for (const [key, value] of pkg.values) {
    const r = keyRow(key);
    const c = keyCol(key);
    // Excel shows a merged area's value in its top-left cell only.
    if (isCoveredByMerge(sheet, r, c)) continue;
    const cell = sheet.cells.get(key);
    if (cell) cell.content = value;
    else sheet.cells.set(key, { content: value, format: sheet.rowFormats.get(r) ?? sheet.colFormats.get(c) ?? DEFAULT_FORMAT });
  }
  for (const [key, formula] of pkg.formulas) {
    const cell = sheet.cells.get(key);
    if (cell && cell.formula === undefined) cell.formula = formula;
  }
}

function loadSheet(host: HostWorkbook, ws: ExcelJS.Worksheet): void {
  const sheet = host.addSheet(ws.name);
  sheet.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
  sheet.tabColor = colorOf((ws.properties as Partial<ExcelJS.WorksheetProperties> | undefined)?.tabColor) ?? null;
  const defaultWidth = ws.properties?.defaultColWidth;
  if (defaultWidth) sheet.defaultColumnWidth = charsToPoints(defaultWidth);
  if (ws.properties?.defaultRowHeight) sheet.defaultRowHeight = ws.properties.defaultRowHeight;

  (ws.columns ?? []).forEach((col, i) => {
    if (!col) return;
    const c = (col.number ?? i + 1) - 1;
    if (col.width !== undefined && charsToPoints(col.width) !== DEFAULT_COLUMN_WIDTH) sheet.columnWidths.set(c, charsToPoints(col.width));
    if (col.hidden) sheet.hiddenColumns.add(c);
    const format = formatOf(col.style);
    if (format !== DEFAULT_FORMAT) sheet.colFormats.set(c, format);
  });

  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    if (row.height !== undefined && row.height !== null) sheet.rowHeights.set(r - 1, row.height);
    if (row.hidden) sheet.hiddenRows.add(r - 1);
    const rowFormat = formatOf((row as unknown as { style?: Partial<ExcelJS.Style> }).style);
    if (rowFormat !== DEFAULT_FORMAT) sheet.rowFormats.set(r - 1, rowFormat);
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      const { content, formula, hyperlink } = loadCell(cell, host.date1904);
      const format = formatOf(cell.style);
      const inherited = sheet.rowFormats.get(r - 1) ?? sheet.colFormats.get(c - 1) ?? DEFAULT_FORMAT;
      const note = noteText(cell.note);
      if (note !== null) sheet.notes.set(cellKey(r - 1, c - 1), { content: note, authorName: '' });
      if (content === null && formula === undefined && !hyperlink && sameFormat(format, inherited)) continue;
      sheet.cells.set(cellKey(r - 1, c - 1), { content, format, ...(formula !== undefined ? { formula } : {}), ...(hyperlink ? { hyperlink } : {}) });
    }
  }

  for (const address of (ws.model as { merges?: string[] }).merges ?? []) {
    const rect = parseRect(address);
    if (rect) sheet.merges.push(rect);
  }

  const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen & ExcelJS.WorksheetViewCommon> | undefined;
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenColumns = view.xSplit ?? 0;
  }
  const active = view?.activeCell ? parseRect(view.activeCell) : null;
  if (active) sheet.selection = active;

  loadValidations(sheet, ws);
  sheet.pageLayout = pageLayoutOf(ws.pageSetup as Partial<ExcelJS.PageSetup> | undefined);
}

// ---------------------------------------------------------------------------------------------------
// Export

export function hostToExcelJs(host: HostWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (host.date1904) wb.properties.date1904 = true;
  for (const sheet of host.sheets) exportSheet(wb, sheet);
  const activeTab = host.active ? host.sheets.indexOf(host.active) : 0;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: 'visible' }];
  return wb;
}

function exportSheet(wb: ExcelJS.Workbook, sheet: HostSheet): void {
  const state = sheet.visibility === 'Hidden' ? 'hidden' : sheet.visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
  const ws = wb.addWorksheet(sheet.name, { state, ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}) });
  if (sheet.defaultRowHeight !== 15) ws.properties.defaultRowHeight = sheet.defaultRowHeight;
  if (sheet.defaultColumnWidth !== DEFAULT_COLUMN_WIDTH) ws.properties.defaultColWidth = pointsToChars(sheet.defaultColumnWidth);

  const columns = new Set([...sheet.columnWidths.keys(), ...sheet.hiddenColumns, ...sheet.colFormats.keys()]);
  for (const c of columns) {
    const col = ws.getColumn(c + 1);
    const width = sheet.columnWidths.get(c);
    if (width !== undefined) col.width = pointsToChars(width);
    if (sheet.hiddenColumns.has(c)) col.hidden = true;
    const format = sheet.colFormats.get(c);
    if (format) col.style = styleOf(format);
  }
  const rows = new Set([...sheet.rowHeights.keys(), ...sheet.hiddenRows, ...sheet.rowFormats.keys()]);
  for (const r of rows) {
    const row = ws.getRow(r + 1);
    const height = sheet.rowHeights.get(r);
    if (height !== undefined) row.height = height;
    if (sheet.hiddenRows.has(r)) row.hidden = true;
    const format = sheet.rowFormats.get(r);
    if (format) (row as unknown as { style: Partial<ExcelJS.Style> }).style = styleOf(format);
  }

  // Merge first, without styles, so that each cell keeps the format of its own below.
  for (const m of sheet.merges) ws.mergeCellsWithoutStyle(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);

  for (const [key, cell] of sheet.cells) {
    const target = ws.getCell(keyRow(key) + 1, keyCol(key) + 1);
    const value = exportValue(cell);
    if (value !== null && target.type !== ExcelJS.ValueType.Merge) target.value = value;
    target.style = styleOf(cell.format);
  }
  for (const [key, note] of sheet.notes) ws.getCell(keyRow(key) + 1, keyCol(key) + 1).note = note.content;

  exportValidations(ws, sheet);
  exportPageLayout(ws, sheet.pageLayout);

  const view: Partial<ExcelJS.WorksheetView> = { activeCell: cellA1(sheet.selection.r0, sheet.selection.c0) };
  ws.views = [
    sheet.frozenRows || sheet.frozenColumns
      ? ({ ...view, state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows } as Partial<ExcelJS.WorksheetView>)
      : view,
  ] as ExcelJS.WorksheetView[];
}

function exportValue(cell: HostCell): ExcelJS.CellValue {
  const literal = (c: Content): number | string | boolean | ExcelJS.CellErrorValue | undefined =>
    c === null ? undefined : typeof c === 'object' ? ({ error: c.error } as ExcelJS.CellErrorValue) : c;
  if (cell.formula !== undefined) {
    const result = literal(cell.content);
    return { formula: cell.formula.slice(1), ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
  }
  if (cell.hyperlink && (cell.hyperlink.address || cell.hyperlink.documentReference)) {
    const text = typeof cell.content === 'string' || typeof cell.content === 'number' ? String(cell.content) : (cell.hyperlink.textToDisplay ?? '');
    const target = cell.hyperlink.address ?? `#${cell.hyperlink.documentReference}`;
    return { text, hyperlink: target, ...(cell.hyperlink.screenTip ? { tooltip: cell.hyperlink.screenTip } : {}) };
  }
  return literal(cell.content) ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Data validation ↔ ExcelJS (`cell.dataValidation`, i.e. `ws.dataValidations.model` keyed by address)

const OPERATOR_TO_FILE: Record<string, ExcelJS.DataValidationOperator> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};
const TYPE_TO_FILE: Record<string, string> = { WholeNumber: 'whole', Decimal: 'decimal', List: 'list', Date: 'date', Time: 'time', TextLength: 'textLength', Custom: 'custom', None: 'any' };
const KEY_OF_TYPE = Object.fromEntries(Object.entries(RULE_TYPES).map(([k, t]) => [t, k]));
const ERROR_STYLE_TO_FILE: Record<string, string> = { Stop: 'stop', Warning: 'warning', Information: 'information' };

const withoutEquals = (f: unknown): unknown => (typeof f === 'string' && f.trim().startsWith('=') ? f.trim().slice(1) : f);

/** A criteria operand as ExcelJS writes it: numbers as numbers, dates as Date (ExcelJS makes the serial), formulas without '='. */
function fileOperand(value: unknown, type: string): unknown {
  if (type === 'Date' && typeof value === 'string' && !value.trim().startsWith('=')) {
    const serial = isoSerial(value, false);
    if (serial !== null) return new Date(Math.round((serial - 25569) * 86_400_000));
  }
  if (type === 'Time' && typeof value === 'string' && !value.trim().startsWith('=')) {
    const m = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value);
    if (m) return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400;
  }
  return withoutEquals(value);
}

function toFileValidation(dv: ValidationState): ExcelJS.DataValidation {
  const criteria = Object.values(dv.rule)[0] ?? {};
  let formulae: unknown[] = [];
  if (dv.type === 'List') {
    const source = String(criteria.source).trim();
    // A literal list is one quoted string in the file; a reference is written without its '='.
    formulae = [source.startsWith('=') ? source.slice(1) : `"${String(criteria.source)}"`];
  } else if (dv.type === 'Custom') formulae = [withoutEquals(criteria.formula)];
  else if (dv.type !== 'None') formulae = [criteria.formula1, ...(criteria.formula2 !== undefined ? [criteria.formula2] : [])].map((f) => fileOperand(f, dv.type));
  const out: Record<string, unknown> = {
    type: TYPE_TO_FILE[dv.type],
    ...(formulae.length ? { formulae } : {}),
    ...(criteria.operator ? { operator: OPERATOR_TO_FILE[String(criteria.operator)] } : {}),
    allowBlank: dv.ignoreBlanks,
    showInputMessage: dv.prompt.showPrompt,
    ...(dv.prompt.title ? { promptTitle: dv.prompt.title } : {}),
    ...(dv.prompt.message ? { prompt: dv.prompt.message } : {}),
    showErrorMessage: dv.errorAlert.showAlert,
    errorStyle: ERROR_STYLE_TO_FILE[dv.errorAlert.style],
    ...(dv.errorAlert.title ? { errorTitle: dv.errorAlert.title } : {}),
    ...(dv.errorAlert.message ? { error: dv.errorAlert.message } : {}),
  };
  return out as unknown as ExcelJS.DataValidation;
}

/** Up to this many cells an area is written cell by cell (so `cell.dataValidation` finds it); larger ones as one range. */
const PER_CELL_VALIDATION = 20_000;

function exportValidations(ws: ExcelJS.Worksheet, sheet: HostSheet): void {
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  for (const record of sheet.validations) {
    const dv = toFileValidation(record.dv);
    for (const rect of record.rects) {
      if (rectCells(rect) <= PER_CELL_VALIDATION) {
        for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) model[cellA1(r, c)] = dv;
      } else model[isWholeColumns(rect) || isWholeRows(rect) ? `${cellA1(rect.r0, rect.c0)}:${cellA1(rect.r1, rect.c1)}` : formatRect(rect)] = dv;
    }
  }
}

const OPERATOR_FROM_FILE = Object.fromEntries(Object.entries(OPERATOR_TO_FILE).map(([k, v]) => [v, k]));
const TYPE_FROM_FILE = Object.fromEntries(Object.entries(TYPE_TO_FILE).map(([k, v]) => [v, k]));
const ERROR_STYLE_FROM_FILE: Record<string, ValidationState['errorAlert']['style']> = { stop: 'Stop', warning: 'Warning', information: 'Information' };

function fromFileOperand(value: unknown, type: string): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return type === 'Time' ? iso.slice(11, 19) : iso.slice(0, 10);
  }
  if ((typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))) && type === 'Time') {
    const seconds = Math.round(Number(value) * 86400);
    return [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  }
  if (typeof value === 'string' && Number.isNaN(Number(value)) && !value.startsWith('=')) return `=${value}`;
  return value;
}

function fromFileValidation(v: Partial<ExcelJS.DataValidation> & { type?: string }): ValidationState | null {
  const type = TYPE_FROM_FILE[v.type ?? 'any'] as ValidationState['type'] | undefined;
  if (!type) return null;
  const formulae = (v.formulae ?? []) as unknown[];
  let rule: ValidationState['rule'] = {};
  if (type === 'List') {
    const f = String(formulae[0] ?? '');
    // ExcelJS does not read showDropDown (the file's inverted "hide the arrow" flag): assume the arrow shows.
    rule = { list: { inCellDropDown: true, source: f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : `=${f}` } };
  } else if (type === 'Custom') rule = { custom: { formula: `=${String(formulae[0] ?? '')}` } };
  else if (type !== 'None') {
    const operator = OPERATOR_FROM_FILE[v.operator ?? 'between'] ?? 'Between';
    const ternary = operator === 'Between' || operator === 'NotBetween';
    rule = {
      [KEY_OF_TYPE[type]]: {
        formula1: fromFileOperand(formulae[0], type),
        ...(ternary ? { formula2: fromFileOperand(formulae[1], type) } : {}),
        operator,
      },
    };
  }
  return {
    type,
    rule,
    prompt: { ...DEFAULT_PROMPT, showPrompt: Boolean(v.showInputMessage), title: v.promptTitle ?? '', message: v.prompt ?? '' },
    errorAlert: { ...DEFAULT_ALERT, showAlert: Boolean(v.showErrorMessage), style: ERROR_STYLE_FROM_FILE[v.errorStyle ?? 'stop'] ?? 'Stop', title: v.errorTitle ?? '', message: v.error ?? '' },
    // ExcelJS writes allowBlank only for a typed rule; a prompt-only validation ignores blanks.
    ignoreBlanks: type === 'None' ? true : Boolean(v.allowBlank),
  };
}

/**
 * ExcelJS keeps one entry per cell (sharing the object of one `sqref`, so a whole-column validation is a
 * million entries); the cells sharing one become rectangles again.
 */
function loadValidations(sheet: HostSheet, ws: ExcelJS.Worksheet): void {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, Partial<ExcelJS.DataValidation> | undefined> } }).dataValidations?.model ?? {};
  const groups = new Map<unknown, { cells: number[]; rects: Rect[] }>();
  const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;
  for (const address in model) {
    const v = model[address];
    if (!v) continue;
    let group = groups.get(v);
    if (!group) groups.set(v, (group = { cells: [], rects: [] }));
    const m = CELL.exec(address);
    if (m) group.cells.push(cellKey(Number(m[2]) - 1, lettersToColumn(m[1])));
    else {
      const rect = parseRect(address);
      if (rect) group.rects.push(rect);
    }
  }
  for (const [v, { cells, rects }] of groups) {
    const dv = fromFileValidation(v as Partial<ExcelJS.DataValidation>);
    if (dv) sheet.validations.push({ rects: [...rects, ...rectanglesOf(cells)], dv });
  }
}

/** Cells (by key) joined into rectangles: runs along each row, then equal runs of consecutive rows. */
function rectanglesOf(cells: number[]): Rect[] {
  const sorted = Float64Array.from(cells).sort();
  const out: Rect[] = [];
  const below = new Map<string, number>();
  let i = 0;
  while (i < sorted.length) {
    const row = keyRow(sorted[i]);
    const c0 = keyCol(sorted[i]);
    let c1 = c0;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1 && keyRow(sorted[i + 1]) === row) {
      i++;
      c1++;
    }
    i++;
    const span = `${c0}:${c1}`;
    const j = below.get(span);
    if (j !== undefined && out[j].r1 + 1 === row) out[j] = { ...out[j], r1: row };
    else below.set(span, out.push({ r0: row, c0, r1: row, c1 }) - 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Page layout ↔ ExcelJS `ws.pageSetup`

function exportPageLayout(ws: ExcelJS.Worksheet, layout: PageLayoutState): void {
  const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & Record<string, unknown>;
  setup.orientation = layout.orientation === 'Landscape' ? 'landscape' : 'portrait';
  // SpreadsheetML paper sizes are PAPER_TYPES' positions from 1; ExcelJS leaves Letter (1) undefined.
  const code = PAPER_TYPES.indexOf(layout.paperSize) + 1;
  setup.paperSize = (code === 1 ? undefined : code) as ExcelJS.PageSetup['paperSize'];
  if ('scale' in layout.zoom) {
    setup.fitToPage = false;
    setup.scale = layout.zoom.scale;
  } else {
    setup.fitToPage = true;
    setup.fitToWidth = layout.zoom.horizontalFitToPages;
    setup.fitToHeight = layout.zoom.verticalFitToPages;
  }
  if (layout.printTitleRows) setup.printTitlesRow = `${layout.printTitleRows.r0 + 1}:${layout.printTitleRows.r1 + 1}`;
  if (layout.printTitleColumns) setup.printTitlesColumn = formatRect(layout.printTitleColumns);
  // ExcelJS adds '$' before each corner: "A$1" becomes $A$1, the absolute reference Excel writes (a bare
  // "A1" would give $A1, which LibreOffice does not take for a print range and then prints everything).
  const absolute = (row: number, col: number): string => cellA1(row, col).replace(/^([A-Z]+)(\d+)$/, '$1$$$2');
  if (layout.printArea) setup.printArea = layout.printArea.map((r) => `${absolute(r.r0, r.c0)}:${absolute(r.r1, r.c1)}`).join('&&');
  setup.margins = { ...layout.margins };
  setup.horizontalCentered = layout.centerHorizontally;
  setup.verticalCentered = layout.centerVertically;
  // ExcelJS puts a break below the row it is given: below 1-based row r is before 0-based row r.
  for (const row of layout.rowBreaks) ws.getRow(row).addPageBreak();
}

function pageLayoutOf(setup: Partial<ExcelJS.PageSetup> | undefined): PageLayoutState {
  const s = setup ?? {};
  const code = typeof s.paperSize === 'number' ? s.paperSize : 1;
  const titleRows = s.printTitlesRow ? /^\$?(\d+):\$?(\d+)$/.exec(s.printTitlesRow) : null;
  const titleColumns = s.printTitlesColumn ? parseRect(s.printTitlesColumn) : null;
  const area = s.printArea ? s.printArea.split('&&').map((a) => parseRect(a.replace(/\$/g, ''))) : [];
  return {
    orientation: s.orientation === 'landscape' ? 'Landscape' : 'Portrait',
    paperSize: PAPER_TYPES[code - 1] ?? 'Letter',
    zoom: s.fitToPage ? { horizontalFitToPages: s.fitToWidth ?? 1, verticalFitToPages: s.fitToHeight ?? 1 } : { scale: s.scale ?? 100 },
    printTitleRows: titleRows ? { r0: Number(titleRows[1]) - 1, r1: Number(titleRows[2]) - 1, c0: 0, c1: MAX_COLS - 1 } : null,
    printTitleColumns: titleColumns ? { ...titleColumns, r0: 0, r1: MAX_ROWS - 1 } : null,
    printArea: area.length && area.every(Boolean) ? (area as Rect[]) : null,
    margins: { ...DEFAULT_MARGINS, ...(s.margins ?? {}) },
    centerHorizontally: s.horizontalCentered === true,
    centerVertically: s.verticalCentered === true,
    // Filled in from the package (ExcelJS does not read `<rowBreaks>`).
    rowBreaks: [],
  };
}
