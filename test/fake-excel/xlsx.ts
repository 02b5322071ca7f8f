/**
 * ExcelJS ↔ host model. Loading turns what ExcelJS read from an .xlsx into what Excel would hold
 * (dates become serial numbers, formulas keep their cached result, rich text its plain text, theme
 * and indexed colours their RGB); exporting writes the current state back as an ExcelJS workbook
 * (values, formulas, number formats, fills, fonts, alignment, notes, merges, hyperlinks, sizes,
 * hidden rows/columns, visibility, frozen panes, active sheet and selection).
 */
import ExcelJS from 'exceljs';
import { cellA1, parseRect, splitSheet } from './address';
import {
  type CellFormat,
  type Content,
  DEFAULT_COLUMN_WIDTH,
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
  keyCol,
  keyRow,
  sameFont,
  sameFormat,
  serialFromDate,
} from './model';

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

function formatOf(style: Partial<ExcelJS.Style> | undefined): CellFormat {
  if (!style) return DEFAULT_FORMAT;
  const format: CellFormat = {
    numberFormat: style.numFmt || 'General',
    fill: fillOf(style.fill),
    font: fontOf(style.font),
    horizontalAlignment: H_FROM[style.alignment?.horizontal ?? ''] ?? 'General',
    verticalAlignment: V_FROM[style.alignment?.vertical ?? ''] ?? 'Bottom',
    wrapText: Boolean(style.alignment?.wrapText),
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
  return style;
}

// ---------------------------------------------------------------------------------------------------
// Values

type RichText = { richText: { text?: string }[] };
const isRichText = (v: unknown): v is RichText => typeof v === 'object' && v !== null && Array.isArray((v as RichText).richText);
const plainText = (v: RichText): string => v.richText.map((run) => run.text ?? '').join('');

/** A literal ExcelJS value (or a formula's cached result) as Excel holds it. */
function contentOf(value: unknown, date1904: boolean): Content {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
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

function loadSheet(host: HostWorkbook, ws: ExcelJS.Worksheet): void {
  const sheet = host.addSheet(ws.name);
  sheet.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
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
  const ws = wb.addWorksheet(sheet.name, { state });
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
