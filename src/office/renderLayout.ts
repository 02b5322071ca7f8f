/**
 * Renders a core sheet layout through Office.js: all values in one write, formats grouped by style so
 * that many cells cost few calls, nothing synced here (the caller decides when to sync).
 */
import { a1, type CellRange } from '../core';
import { type CellStyle, FONT_NAME, type LayoutCell, type SheetLayout, type Validation } from '../core/output/layout';
import { API, sheetRef, supports } from './api';

/**
 * Excel parses what is written to `Range.values` as if typed: "=…", "+…", "-…", "@…" become formulas,
 * "12%" or "0123" numbers, and Vietnamese-locale hosts read "87,5" as a number too. A leading apostrophe
 * makes Excel keep any text exactly as it is (the apostrophe is not part of the value).
 */
export function asCellText(value: string | number): string | number {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/** Points per character of column width, for Times New Roman 12 (Excel's default ~5.6). */
const POINTS_PER_CHAR = 5.6;

const rangeAddress = (r: CellRange): string => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`);

/** Cells of one style as row runs ("A5:L5"), so a table row is one area, not twelve. */
function runsOf(cells: readonly LayoutCell[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: CellRange[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === c.row && last.right === c.col - 1) runs[runs.length - 1] = { ...last, right: c.col };
    else runs.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  return runs;
}

/** A format target: one RangeAreas for many areas where the host has it, else one Range per area. */
function targets(sheet: Excel.Worksheet, areas: readonly CellRange[]): (Excel.Range | Excel.RangeAreas)[] {
  if (supports(API.rangeAreas)) {
    const out: Excel.RangeAreas[] = [];
    // Keep each address list short: hosts cap the length of a RangeAreas address.
    for (let i = 0; i < areas.length; i += 100) out.push(sheet.getRanges(areas.slice(i, i + 100).map(rangeAddress).join(',')));
    return out;
  }
  return areas.map((area) => sheet.getRange(rangeAddress(area)));
}

function applyStyle(target: Excel.Range | Excel.RangeAreas, style: CellStyle): void {
  const format = target.format;
  format.font.name = FONT_NAME;
  format.font.size = style.size ?? 12;
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.underline) format.font.underline = 'Single';
  if (style.color) format.font.color = style.color;
  if (style.fill) format.fill.color = style.fill;
  if (style.align) format.horizontalAlignment = style.align === 'left' ? 'Left' : style.align === 'center' ? 'Center' : 'Right';
  format.verticalAlignment = 'Top';
  if (style.wrap) format.wrapText = true;
  if (style.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      format.borders.getItem(edge).style = 'Continuous';
    }
  }
}

function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.rule.items.join(',') } };
    case 'whole':
      return { wholeNumber: { formula1: v.rule.min, operator: 'GreaterThanOrEqualTo' } };
    case 'decimal':
      return { decimal: { formula1: v.rule.min, formula2: v.rule.max, operator: 'Between' } };
    case 'date':
      return { date: { formula1: '1900-01-01', operator: 'GreaterThan' } };
  }
}

/** Dropdowns and checks (ExcelApi 1.8); an older Excel still gets the sheet, without them. */
function queueValidations(sheet: Excel.Worksheet, layout: SheetLayout): number {
  if (!supports(API.dataValidation)) return 0;
  let bytes = 0;
  for (const v of layout.validations ?? []) {
    const dv = sheet.getRange(rangeAddress(v.range)).dataValidation;
    dv.rule = validationRule(v);
    if (v.prompt) dv.prompt = { showPrompt: true, title: 'Hướng dẫn', message: v.prompt };
    dv.errorAlert = { showAlert: v.strict, style: 'Stop', title: 'Giá trị không hợp lệ', message: v.prompt ?? 'Giá trị không hợp lệ' };
    bytes += 400;
  }
  return bytes;
}

/** Queues the sheet's creation and content; returns an estimate of the request's size in bytes. */
export function queueLayout(context: Excel.RequestContext, layout: SheetLayout, exists: boolean): number {
  const worksheets = context.workbook.worksheets;
  if (exists) worksheets.getItem(layout.name).delete();
  const sheet = worksheets.add(layout.name);

  let rows = 0;
  let cols = layout.columnWidths.length;
  for (const c of layout.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  const grid: (string | number)[][] = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(''));
  for (const c of layout.cells) grid[c.row][c.col] = asCellText(c.value);
  if (rows > 0) sheet.getRange(rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 })).values = grid;
  let bytes = JSON.stringify(grid).length;

  // Sizes and merges need ExcelApi 1.2; without them the sheet keeps Excel's default widths and the
  // text of a span simply stays in its first cell.
  if (supports(API.sheetLayout)) {
    layout.columnWidths.forEach((w, i) => {
      sheet.getRange(a1(0, i)).format.columnWidth = w * POINTS_PER_CHAR;
    });
    for (const [row, height] of layout.rowHeights) sheet.getRange(a1(row, 0)).format.rowHeight = height;
    for (const m of layout.merges) sheet.getRange(rangeAddress(m)).merge(false);
  }

  // Equal styles built separately (`{ ...BODY, bold: true }`) still share their calls.
  const byStyle = new Map<string, { style: CellStyle; cells: LayoutCell[] }>();
  for (const c of layout.cells) {
    if (!c.style) continue;
    const key = JSON.stringify(c.style);
    const group = byStyle.get(key);
    if (group) group.cells.push(c);
    else byStyle.set(key, { style: c.style, cells: [c] });
  }
  for (const { style, cells } of byStyle.values()) {
    const areas = runsOf(cells);
    for (const target of targets(sheet, areas)) applyStyle(target, style);
    bytes += areas.length * 24 + 400;
  }

  for (const f of layout.numberFormats ?? []) {
    const rows = f.range.bottom - f.range.top + 1;
    const cols = f.range.right - f.range.left + 1;
    sheet.getRange(rangeAddress(f.range)).numberFormat = Array.from({ length: rows }, () => new Array<string>(cols).fill(f.format));
    bytes += rows * cols * (f.format.length + 3);
  }
  bytes += queueValidations(sheet, layout);
  if (supports(API.notes)) {
    for (const n of layout.notes ?? []) {
      context.workbook.notes.add(sheetRef(layout.name, a1(n.row, n.col)), n.text);
      bytes += n.text.length * 2 + 120;
    }
  }
  if (supports(API.hyperlinks)) {
    for (const c of layout.cells) {
      if (!c.link) continue;
      sheet.getRange(a1(c.row, c.col)).hyperlink = { documentReference: sheetRef(c.link.sheet, c.link.cell), textToDisplay: String(c.value) };
      bytes += 120;
    }
    const rows = layout.freezeRows ?? 0;
    const cols = layout.freezeCols ?? 0;
    if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 })));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (cols > 0) sheet.freezePanes.freezeColumns(cols);
    if (layout.tabColor) sheet.tabColor = layout.tabColor;
  }
  if (supports(API.pageLayout)) {
    sheet.pageLayout.orientation = layout.landscape ? 'Landscape' : 'Portrait';
    sheet.pageLayout.paperSize = 'A4';
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (layout.printTitleRows) sheet.pageLayout.setPrintTitleRows(`$${layout.printTitleRows[0] + 1}:$${layout.printTitleRows[1] + 1}`);
  }
  return bytes;
}
