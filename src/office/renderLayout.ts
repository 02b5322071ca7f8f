/**
 * Renders a core sheet layout through Office.js. What makes a request large is the number of calls, not
 * the number of cells, so formats are applied per property, not per style: every cell that shares a
 * value of one property (font size 11, wrapped, bordered, centred…) is turned into as few rectangles as
 * possible (runs in a row, stacked over equal runs in the next rows), and one call covers them all —
 * a RangeAreas per chunk of addresses where the host has them (ExcelApi 1.9), else a Range per
 * rectangle. A table of 50,000 rows is then a handful of rectangles per property, and rows of one
 * height share a call. Nothing is synced here except when a request would pass the size limit.
 */
import { a1, type CellRange } from '../core';
import { type CellStyle, FONT_NAME, type LayoutCell, type SheetLayout, type Validation } from '../core/output/layout';
import { API, sheetRef, supports } from './api';
import { type BatchWriter, CALL_BYTES, OBJECT_BYTES, jsonBytes, utf8Bytes } from './batch';

/**
 * Excel parses what is written to `Range.values` as if typed: "=…", "+…", "-…", "@…" become formulas,
 * "12%" or "0123" numbers, and Vietnamese-locale hosts read "87,5" as a number too. A leading apostrophe
 * makes Excel keep any text exactly as it is (the apostrophe is not part of the value).
 */
export function asCellText(value: string | number): string | number {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/**
 * Points of a column `width` units wide, as Excel shows the same width read from a file: a unit is the
 * widest digit of the workbook's default font (Calibri 11: 7 px), and Excel draws whole pixels of
 * 0.75 pt. So the add-in's columns are those of the .xlsx `xeploai` writes (ExcelJS keeps the units);
 * 5.6 pt a unit made every column 7 % wider than in the file, and the last printed column of
 * `KQ xếp loại đảng viên` went to a page of its own when printed from Excel (test/office/print.test.ts).
 */
export const columnPoints = (width: number): number => Math.round(width * 7) * 0.75;

export const rangeAddress = (r: CellRange): string => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`);
const rowsAddress = (r: CellRange): string => `${r.top + 1}:${r.bottom + 1}`;

/**
 * Cells as few rectangles as simple geometry gives: runs of adjacent columns in a row, and a run
 * continues a rectangle from the row above when it spans the same columns.
 */
export function rectanglesOf(cells: readonly { readonly row: number; readonly col: number }[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: CellRange[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.top === c.row && last.right >= c.col) continue;
    if (last && last.top === c.row && last.right === c.col - 1) runs[runs.length - 1] = { ...last, right: c.col };
    else runs.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  const done: CellRange[] = [];
  // Rectangles that reach the row before the current one, by their column span.
  let open = new Map<string, CellRange>();
  for (let i = 0; i < runs.length; ) {
    const row = runs[i].top;
    const next = new Map<string, CellRange>();
    for (; i < runs.length && runs[i].top === row; i++) {
      const run = runs[i];
      const span = `${run.left}:${run.right}`;
      const above = open.get(span);
      if (above && above.bottom === row - 1) {
        next.set(span, { ...above, bottom: row });
        open.delete(span);
      } else next.set(span, run);
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

/** Longest address list given to one `getRanges` call: hosts cap the length of a reference. */
const MAX_AREAS_ADDRESS = 2_000;

type Target = Excel.Range | Excel.RangeAreas;

/**
 * Calls `apply` on targets covering `areas`: RangeAreas of up to MAX_AREAS_ADDRESS characters where the
 * host has them, else one Range per area. `callBytes` is what `apply` adds per target.
 */
export async function forAreas(
  sheet: Excel.Worksheet,
  areas: readonly CellRange[],
  writer: BatchWriter,
  callBytes: number,
  apply: (target: Target) => void,
  address: (r: CellRange) => string = rangeAddress,
): Promise<void> {
  if (areas.length === 0) return;
  if (!supports(API.rangeAreas)) {
    for (const area of areas) {
      const text = address(area);
      await writer.room(OBJECT_BYTES + utf8Bytes(text) + callBytes);
      apply(sheet.getRange(text));
    }
    return;
  }
  let parts: string[] = [];
  let length = 0;
  const send = async (): Promise<void> => {
    const text = parts.join(',');
    // The address travels twice: in the object path and in the arguments of the calls on it.
    await writer.room(OBJECT_BYTES + utf8Bytes(text) + callBytes);
    apply(parts.length === 1 ? sheet.getRange(text) : sheet.getRanges(text));
    parts = [];
    length = 0;
  };
  for (const area of areas) {
    const text = address(area);
    if (parts.length > 0 && length + text.length + 1 > MAX_AREAS_ADDRESS) await send();
    parts.push(text);
    length += text.length + 1;
  }
  await send();
}

/** One formatting property of a style: its key (for grouping), what a call on a target costs, the call. */
interface FormatSetting {
  readonly key: string;
  readonly bytes: number;
  readonly apply: (target: Target) => void;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** What a style sets, property by property (the same calls the style applied as a whole would make). */
function settingsOf(style: CellStyle): FormatSetting[] {
  const size = style.size ?? 12;
  const out: FormatSetting[] = [
    { key: 'font.name', bytes: OBJECT_BYTES * 2 + CALL_BYTES + 20, apply: (t) => (t.format.font.name = FONT_NAME) },
    { key: `font.size=${size}`, bytes: OBJECT_BYTES * 2 + CALL_BYTES, apply: (t) => (t.format.font.size = size) },
    { key: 'verticalAlignment', bytes: OBJECT_BYTES + CALL_BYTES + 10, apply: (t) => (t.format.verticalAlignment = 'Top') },
  ];
  if (style.bold) out.push({ key: 'bold', bytes: OBJECT_BYTES * 2 + CALL_BYTES, apply: (t) => (t.format.font.bold = true) });
  if (style.italic) out.push({ key: 'italic', bytes: OBJECT_BYTES * 2 + CALL_BYTES, apply: (t) => (t.format.font.italic = true) });
  if (style.underline) out.push({ key: 'underline', bytes: OBJECT_BYTES * 2 + CALL_BYTES, apply: (t) => (t.format.font.underline = 'Single') });
  const { color, fill, align } = style;
  if (color) out.push({ key: `color=${color}`, bytes: OBJECT_BYTES * 2 + CALL_BYTES + 10, apply: (t) => (t.format.font.color = color) });
  if (fill) out.push({ key: `fill=${fill}`, bytes: OBJECT_BYTES * 2 + CALL_BYTES + 10, apply: (t) => (t.format.fill.color = fill) });
  if (align) out.push({ key: `align=${align}`, bytes: OBJECT_BYTES + CALL_BYTES + 10, apply: (t) => (t.format.horizontalAlignment = ALIGN[align]) });
  if (style.wrap) out.push({ key: 'wrap', bytes: OBJECT_BYTES + CALL_BYTES, apply: (t) => (t.format.wrapText = true) });
  if (style.border) {
    out.push({
      key: 'border',
      bytes: OBJECT_BYTES * 2 + EDGES.length * (OBJECT_BYTES + CALL_BYTES + 20),
      apply: (t) => {
        for (const edge of EDGES) t.format.borders.getItem(edge).style = 'Continuous';
      },
    });
  }
  return out;
}

/** The layout's formats, one group of cells per property value. */
function formatGroups(cells: readonly LayoutCell[]): { setting: FormatSetting; cells: LayoutCell[] }[] {
  const groups = new Map<string, { setting: FormatSetting; cells: LayoutCell[] }>();
  const byStyle = new Map<CellStyle, FormatSetting[]>();
  for (const c of cells) {
    if (!c.style) continue;
    let settings = byStyle.get(c.style);
    if (!settings) byStyle.set(c.style, (settings = settingsOf(c.style)));
    for (const setting of settings) {
      const group = groups.get(setting.key);
      if (group) group.cells.push(c);
      else groups.set(setting.key, { setting, cells: [c] });
    }
  }
  return [...groups.values()];
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
async function queueValidations(sheet: Excel.Worksheet, layout: SheetLayout, writer: BatchWriter): Promise<void> {
  if (!supports(API.dataValidation)) return;
  for (const v of layout.validations ?? []) {
    await writer.room(2 * OBJECT_BYTES + 3 * CALL_BYTES + jsonBytes(v) + 200);
    const dv = sheet.getRange(rangeAddress(v.range)).dataValidation;
    dv.rule = validationRule(v);
    if (v.prompt) dv.prompt = { showPrompt: true, title: 'Hướng dẫn', message: v.prompt };
    dv.errorAlert = { showAlert: v.strict, style: 'Stop', title: 'Giá trị không hợp lệ', message: v.prompt ?? 'Giá trị không hợp lệ' };
  }
}

/** Rows of values per write call: a members sheet of 100,000 rows must not become one 15 MB call. */
const VALUE_BLOCK_BYTES = 1024 * 1024;

async function queueValues(sheet: Excel.Worksheet, layout: SheetLayout, writer: BatchWriter): Promise<void> {
  let rows = 0;
  let cols = layout.columnWidths.length;
  for (const c of layout.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  if (rows === 0) return;
  const grid: (string | number)[][] = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(''));
  for (const c of layout.cells) grid[c.row][c.col] = asCellText(c.value);
  let blockStart = 0;
  let blockBytes = 0;
  for (let r = 0; r <= rows; r++) {
    const rowBytes = r < rows ? jsonBytes(grid[r]) + 1 : 0;
    if (r === rows || (blockBytes + rowBytes > VALUE_BLOCK_BYTES && r > blockStart)) {
      if (r > blockStart) {
        const address = rangeAddress({ top: blockStart, left: 0, bottom: r - 1, right: cols - 1 });
        await writer.room(OBJECT_BYTES + CALL_BYTES + blockBytes + 2 * address.length);
        sheet.getRange(address).values = grid.slice(blockStart, r);
      }
      blockStart = r;
      blockBytes = 0;
    }
    blockBytes += rowBytes;
  }
}

/** Rows of one height share a call: whole-row areas ("5:7,9:9") where RangeAreas exist. */
async function queueRowHeights(sheet: Excel.Worksheet, layout: SheetLayout, writer: BatchWriter): Promise<void> {
  const byHeight = new Map<number, { row: number; col: number }[]>();
  for (const [row, height] of layout.rowHeights) {
    const list = byHeight.get(height);
    if (list) list.push({ row, col: 0 });
    else byHeight.set(height, [{ row, col: 0 }]);
  }
  for (const [height, rows] of byHeight) {
    await forAreas(sheet, rectanglesOf(rows), writer, OBJECT_BYTES + CALL_BYTES, (t) => (t.format.rowHeight = height), rowsAddress);
  }
}

/** An internal link of a layout cell, set after the values (its text is the cell's value). */
export interface LayoutLink {
  readonly sheet: string;
  readonly cell: string;
  readonly documentReference: string;
  readonly text: string;
}

/** Hyperlinks (ExcelApi 1.7): one call per cell, the API has no other way. */
export async function queueLinks(context: Excel.RequestContext, links: readonly LayoutLink[], writer: BatchWriter): Promise<void> {
  if (!supports(API.hyperlinks)) return;
  const sheets = new Map<string, Excel.Worksheet>();
  for (const link of links) {
    let sheet = sheets.get(link.sheet);
    if (!sheet) sheets.set(link.sheet, (sheet = context.workbook.worksheets.getItem(link.sheet)));
    const hyperlink = { documentReference: link.documentReference, textToDisplay: link.text };
    await writer.room(OBJECT_BYTES + CALL_BYTES + utf8Bytes(link.cell) + jsonBytes(hyperlink));
    sheet.getRange(link.cell).hyperlink = hyperlink;
  }
}

export function linksOf(layout: SheetLayout): LayoutLink[] {
  return layout.cells
    .filter((c) => c.link)
    .map((c) => ({ sheet: layout.name, cell: a1(c.row, c.col), documentReference: sheetRef(c.link!.sheet, c.link!.cell), text: String(c.value) }));
}

/**
 * Queues the sheet's creation and content. The writer syncs only when what is queued nears Excel on
 * the web's 5 MB limit, so a normal sheet goes out with everything else in one sync. With
 * `{ linksLater: true }` the hyperlinks are not queued but returned, for the caller to queue in a
 * later step of its plan (they are one call per cell).
 */
export async function queueLayout(context: Excel.RequestContext, layout: SheetLayout, exists: boolean, writer: BatchWriter, options: { linksLater?: boolean } = {}): Promise<LayoutLink[]> {
  const worksheets = context.workbook.worksheets;
  await writer.room(3 * OBJECT_BYTES + CALL_BYTES + 2 * utf8Bytes(layout.name));
  if (exists) worksheets.getItem(layout.name).delete();
  const sheet = worksheets.add(layout.name);

  await queueValues(sheet, layout, writer);

  // Sizes and merges need ExcelApi 1.2; without them the sheet keeps Excel's default widths and the
  // text of a span simply stays in its first cell.
  if (supports(API.sheetLayout)) {
    const byWidth = new Map<number, { row: number; col: number }[]>();
    layout.columnWidths.forEach((w, col) => {
      const list = byWidth.get(w);
      if (list) list.push({ row: 0, col });
      else byWidth.set(w, [{ row: 0, col }]);
    });
    for (const [width, cols] of byWidth) {
      await forAreas(sheet, rectanglesOf(cols), writer, OBJECT_BYTES + CALL_BYTES, (t) => (t.format.columnWidth = columnPoints(width)));
    }
    await queueRowHeights(sheet, layout, writer);
    for (const m of layout.merges) {
      await writer.room(OBJECT_BYTES + CALL_BYTES + 20);
      sheet.getRange(rangeAddress(m)).merge(false);
    }
  }

  for (const { setting, cells } of formatGroups(layout.cells)) {
    await forAreas(sheet, rectanglesOf(cells), writer, setting.bytes, setting.apply);
  }

  for (const f of layout.numberFormats ?? []) {
    const rows = f.range.bottom - f.range.top + 1;
    const cols = f.range.right - f.range.left + 1;
    await writer.room(OBJECT_BYTES + CALL_BYTES + rows * (cols * (utf8Bytes(f.format) + 3) + 2));
    sheet.getRange(rangeAddress(f.range)).numberFormat = Array.from({ length: rows }, () => new Array<string>(cols).fill(f.format));
  }
  await queueValidations(sheet, layout, writer);
  if (supports(API.notes)) {
    for (const n of layout.notes ?? []) {
      await writer.room(OBJECT_BYTES + 2 * utf8Bytes(n.text) + 40);
      sheet.notes.add(a1(n.row, n.col), n.text);
    }
  }
  const links = linksOf(layout);
  if (!options.linksLater) await queueLinks(context, links, writer);
  if (supports(API.hyperlinks)) {
    await writer.room(4 * OBJECT_BYTES + 2 * CALL_BYTES);
    const rows = layout.freezeRows ?? 0;
    const cols = layout.freezeCols ?? 0;
    if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 })));
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (cols > 0) sheet.freezePanes.freezeColumns(cols);
    if (layout.tabColor) sheet.tabColor = layout.tabColor;
  }
  if (supports(API.pageLayout)) await queuePrintSetup(sheet, layout, writer);
  return options.linksLater ? links : [];
}

/**
 * The margins the .xlsx renderer gives every sheet (src/xlsx/renderLayout.ts), in inches; a layout's
 * `print.margins` replace the four sides. Excel's own for a new sheet ("Normal": 0.7 / 0.75 in) would
 * move every page break the layouts computed (paperPages.ts counts on 0.6 in top and bottom).
 */
export const PRINT_MARGINS = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/**
 * The print set-up, as `xeploai check --out` writes it in the file (ExcelApi 1.9, queued with the
 * sheet's other writes): A4, the orientation, one page wide or 100 %, the margins, the print titles and
 * area, and the manual page breaks (`horizontalPageBreaks.add`, a break above a row's first cell) that
 * keep a heading with its table and a ballot whole on its page. Centring is left off, as in the file.
 */
async function queuePrintSetup(sheet: Excel.Worksheet, layout: SheetLayout, writer: BatchWriter): Promise<void> {
  const print = layout.print;
  const margins = { ...PRINT_MARGINS, ...(print?.margins ?? {}) };
  const breaks = [...new Set(print?.pageBreaks ?? [])].filter((row) => row > 0).sort((a, b) => a - b);
  const calls = 4 + (layout.printTitleRows ? 1 : 0) + (print?.area ? 1 : 0);
  await writer.room(OBJECT_BYTES + calls * CALL_BYTES + jsonBytes(margins) + 100);
  const page = sheet.pageLayout;
  page.orientation = layout.landscape ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  // One page wide, or 100 % where the layout says so (its columns fit the page at their size).
  page.zoom = print?.fitToWidth === false ? { scale: 100 } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.setPrintMargins('Inches', margins);
  if (layout.printTitleRows) page.setPrintTitleRows(`$${layout.printTitleRows[0] + 1}:$${layout.printTitleRows[1] + 1}`);
  if (print?.area) page.setPrintArea(rangeAddress(print.area));
  if (breaks.length === 0) return;
  const collection = sheet.horizontalPageBreaks;
  await writer.room(OBJECT_BYTES);
  for (const row of breaks) {
    const address = a1(row, 0);
    // Each add is a call and the PageBreak object it returns.
    await writer.room(OBJECT_BYTES + CALL_BYTES + utf8Bytes(address));
    collection.add(address);
  }
}
