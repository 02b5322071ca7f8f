/**
 * Renders a core sheet layout through Office.js: all values in one write, formats grouped by style so
 * that many cells cost few calls, nothing synced here (the caller decides when to sync).
 */
import { a1, type CellRange } from '../core';
import { type CellStyle, FONT_NAME, type LayoutCell, type SheetLayout, type Validation } from '../core/output/layout';
import { API, sheetRef, supports } from './api';
import type { BatchWriter } from './batch';

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

/**
 * Format targets: one RangeAreas per hundred areas where the host has them, else one Range per area;
 * each with the size of its address, for the request budget.
 */
function targets(sheet: Excel.Worksheet, areas: readonly CellRange[]): { target: Excel.Range | Excel.RangeAreas; addressBytes: number }[] {
  if (supports(API.rangeAreas)) {
    const out: { target: Excel.RangeAreas; addressBytes: number }[] = [];
    // Keep each address list short: hosts cap the length of a RangeAreas address.
    for (let i = 0; i < areas.length; i += 100) {
      const address = areas.slice(i, i + 100).map(rangeAddress).join(',');
      out.push({ target: sheet.getRanges(address), addressBytes: address.length });
    }
    return out;
  }
  return areas.map((area) => ({ target: sheet.getRange(rangeAddress(area)), addressBytes: 20 }));
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

/** What one queued call costs in a request: the action and the object paths it creates. */
const CALL_BYTES = 700;

/** Rows of values per write: a members sheet of 100,000 rows must not become one 15 MB request. */
const VALUE_BLOCK_BYTES = 1024 * 1024;

/**
 * Queues the sheet's creation and content. The writer syncs only when what is queued nears Excel on
 * the web's 5 MB limit, so a normal sheet goes out with everything else in one sync.
 */
export async function queueLayout(context: Excel.RequestContext, layout: SheetLayout, exists: boolean, writer: BatchWriter): Promise<void> {
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
  let blockStart = 0;
  let blockBytes = 0;
  for (let r = 0; r <= rows; r++) {
    const rowBytes = r < rows ? JSON.stringify(grid[r]).length * 2 : 0;
    if (r === rows || (blockBytes + rowBytes > VALUE_BLOCK_BYTES && r > blockStart)) {
      if (r > blockStart) {
        sheet.getRange(rangeAddress({ top: blockStart, left: 0, bottom: r - 1, right: cols - 1 })).values = grid.slice(blockStart, r);
        writer.add(blockBytes);
        await writer.flushIfFull();
      }
      blockStart = r;
      blockBytes = 0;
    }
    blockBytes += rowBytes;
  }
  let bytes = 0;

  // Sizes and merges need ExcelApi 1.2; without them the sheet keeps Excel's default widths and the
  // text of a span simply stays in its first cell.
  if (supports(API.sheetLayout)) {
    layout.columnWidths.forEach((w, i) => {
      sheet.getRange(a1(0, i)).format.columnWidth = w * POINTS_PER_CHAR;
      bytes += CALL_BYTES;
    });
    // Consecutive rows of one height share a call: a members sheet is thousands of two-line rows.
    const heights = [...layout.rowHeights].sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < heights.length; ) {
      let j = i;
      while (j + 1 < heights.length && heights[j + 1][0] === heights[j][0] + 1 && heights[j + 1][1] === heights[i][1]) j++;
      sheet.getRange(`A${heights[i][0] + 1}:A${heights[j][0] + 1}`).format.rowHeight = heights[i][1];
      writer.add(CALL_BYTES);
      await writer.flushIfFull();
      i = j + 1;
    }
    for (const m of layout.merges) {
      sheet.getRange(rangeAddress(m)).merge(false);
      writer.add(CALL_BYTES);
      await writer.flushIfFull();
    }
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
    for (const { target, addressBytes } of targets(sheet, runsOf(cells))) {
      applyStyle(target, style);
      // About twenty property sets, each naming the target's path (and so its address) again.
      writer.add(3_000 + 2 * addressBytes);
      await writer.flushIfFull();
    }
  }

  for (const f of layout.numberFormats ?? []) {
    const rows = f.range.bottom - f.range.top + 1;
    const cols = f.range.right - f.range.left + 1;
    sheet.getRange(rangeAddress(f.range)).numberFormat = Array.from({ length: rows }, () => new Array<string>(cols).fill(f.format));
    writer.add(CALL_BYTES + rows * cols * (f.format.length + 3));
    await writer.flushIfFull();
  }
  writer.add(queueValidations(sheet, layout));
  await writer.flushIfFull();
  if (supports(API.notes)) {
    for (const n of layout.notes ?? []) {
      context.workbook.notes.add(sheetRef(layout.name, a1(n.row, n.col)), n.text);
      writer.add(CALL_BYTES + n.text.length * 3);
      await writer.flushIfFull();
    }
  }
  if (supports(API.hyperlinks)) {
    for (const c of layout.cells) {
      if (!c.link) continue;
      sheet.getRange(a1(c.row, c.col)).hyperlink = { documentReference: sheetRef(c.link.sheet, c.link.cell), textToDisplay: String(c.value) };
      writer.add(CALL_BYTES + 200);
      await writer.flushIfFull();
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
  writer.add(bytes);
  await writer.flushIfFull();
}
