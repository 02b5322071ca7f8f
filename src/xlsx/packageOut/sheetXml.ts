/**
 * A result sheet's layout (src/core/output) as worksheet XML, written piece by piece into the package:
 * what src/xlsx/renderLayout.ts gives ExcelJS, without ExcelJS's model. Values (text as inline strings,
 * never formulas), styles (StyleBook), merged cells, column widths, row heights, frozen panes, tab colour,
 * internal links, data validations, notes, number formats, and the print set-up: A4, orientation, shrink
 * to one page wide or 100 %, margins, manual page breaks; the print area and title rows are defined names
 * of the workbook (returned for workbook.xml).
 */
import { a1, columnLetter } from '../../core/grid';
import type { CellStyle, LayoutCell, SheetLayout, Validation } from '../../core/output/layout';
import { escapeAttr, escapeText } from '../package/xml';
import type { Note } from './notes';
import type { StyleBook } from './styles';
import type { PartSink } from './zipWriter';

export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface RenderedSheet {
  /** The notes of the sheet (for its comments part), 0-based. */
  readonly notes: readonly Note[];
  /** `_xlnm.Print_Area` and `_xlnm.Print_Titles`, without the sheet (`$A$1:$I$51`, `$24:$25`). */
  readonly printArea: string | null;
  readonly printTitles: string | null;
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
const abs = (row: number, col: number): string => `$${columnLetter(col)}$${row + 1}`;

/** Text as an inline string's `<t>`: XML-escaped, `_xHHHH_` look-alikes kept literal, spaces kept. */
function inlineText(value: string): string {
  let text = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(value) ? escapeText(value) : value;
  if (text.includes('_x')) text = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<is><t${space}>${text}</t></is>`;
}

/** A number as Excel stores it; a number that is not finite goes in as its text. */
function numberCell(ref: string, s: number, value: number): string {
  if (!Number.isFinite(value)) return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr">${inlineText(String(value))}</c>`;
  return `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${value}</v></c>`;
}

function validationXml(v: Validation): string {
  const sqref = `${a1(v.range.top, v.range.left)}:${a1(v.range.bottom, v.range.right)}`;
  const prompt = v.prompt ? ` showInputMessage="1" promptTitle="Hướng dẫn" prompt="${escapeAttr(v.prompt)}"` : '';
  const error = `${v.strict ? ' showErrorMessage="1"' : ''} errorTitle="Giá trị không hợp lệ" error="${escapeAttr(v.prompt ?? 'Giá trị không hợp lệ')}"`;
  const f = (n: number, value: string | number): string => `<formula${n}>${escapeText(String(value))}</formula${n}>`;
  switch (v.rule.kind) {
    case 'list':
      return `<dataValidation type="list" allowBlank="1"${prompt}${error} sqref="${sqref}">${f(1, `"${v.rule.items.join(',')}"`)}</dataValidation>`;
    case 'whole':
      return `<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1"${prompt}${error} sqref="${sqref}">${f(1, v.rule.min)}</dataValidation>`;
    case 'decimal':
      return `<dataValidation type="decimal" operator="between" allowBlank="1"${prompt}${error} sqref="${sqref}">${f(1, v.rule.min)}${f(2, v.rule.max)}</dataValidation>`;
    case 'date':
      // 1900-01-01, the serial 1 (ExcelJS writes the Date it is given as its serial).
      return `<dataValidation type="date" operator="greaterThan" allowBlank="1"${prompt}${error} sqref="${sqref}">${f(1, 1)}</dataValidation>`;
  }
}

/** A style written over another, as ExcelJS's setters leave it: font and alignment replaced, fill and border kept. */
function accumulate(before: CellStyle | undefined, style: CellStyle): CellStyle {
  if (!before || before === style) return style;
  if ((before.fill === undefined || style.fill !== undefined) && (!before.border || style.border)) return style;
  return { ...style, fill: style.fill ?? before.fill, border: style.border || before.border };
}

/** The layout's cells in row order (a counting sort: the builders set header rows out of order). */
function byRow(cells: readonly LayoutCell[]): { order: Int32Array; rowStart: Int32Array; rows: number } {
  let rows = 0;
  for (const c of cells) if (c.row + 1 > rows) rows = c.row + 1;
  const rowStart = new Int32Array(rows + 1);
  for (const c of cells) rowStart[c.row + 1]++;
  for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
  const fill = rowStart.slice(0, rows);
  const order = new Int32Array(cells.length);
  cells.forEach((c, i) => (order[fill[c.row]++] = i));
  return { order, rowStart, rows };
}

/**
 * Writes the worksheet part of `layout` into `sink`. `legacyDrawingId` is the relationship of its notes'
 * VML drawing, when it has notes; `emptyString` the shared string "" (a merged area's empty first cell
 * holds an empty text, as in the ExcelJS path: ExcelJS cannot read the text of a merged cell whose first
 * cell has no value, and an inline string cannot be empty for it).
 */
export function renderSheetXml(layout: SheetLayout, styles: StyleBook, sink: PartSink, legacyDrawingId: string | null, emptyString: number): RenderedSheet {
  const cells: (LayoutCell & { readonly only?: 'style' })[] = [...layout.cells];
  // Number formats: every cell of each range gets the format over its own style (a cell the layout
  // does not name gets one too, as ExcelJS creates it).
  const formats = new Map<number, string>();
  for (const f of layout.numberFormats ?? []) {
    for (let r = f.range.top; r <= f.range.bottom; r++) {
      for (let c = f.range.left; c <= f.range.right; c++) {
        formats.set(r * 16384 + c, f.format);
        cells.push({ row: r, col: c, value: '', only: 'style' });
      }
    }
  }
  const masters = new Set(layout.merges.map((m) => m.top * 16384 + m.left));
  // ExcelJS gives the cells of a merged area one shared style object, which every style written to any
  // of its cells changes (the font and alignment replaced, a fill or border added): the area's cells all
  // print with the style so accumulated, the cells the layout does not name included.
  const mergeOf = new Map<number, number>();
  layout.merges.forEach((m, i) => {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeOf.set(r * 16384 + c, i);
  });
  const mergeStyles: (CellStyle | undefined)[] = layout.merges.map(() => undefined);
  if (mergeOf.size > 0) {
    for (const c of cells) {
      const m = c.style ? mergeOf.get(c.row * 16384 + c.col) : undefined;
      if (m !== undefined) mergeStyles[m] = accumulate(mergeStyles[m], c.style as CellStyle);
    }
    layout.merges.forEach((m, i) => {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) cells.push({ row: r, col: c, value: '', style: mergeStyles[i], only: 'style' });
    });
  }
  const { order, rowStart, rows } = byRow(cells);
  const notes: Note[] = (layout.notes ?? []).map((n) => ({ row: n.row, col: n.col, text: n.text }));
  const links: string[] = [];
  // An internal link as Excel writes one: its location, no relationship. (ExcelJS writes a relationship
  // to "#'Sheet'!A1" and the same text as the location, which LibreOffice joins into a link to
  // "file#'Sheet'!A1##'Sheet'!A1" that goes nowhere; ExcelJS, in turn, reads no location.)
  const link = (ref: string, to: NonNullable<LayoutCell['link']>): void => {
    links.push(`<hyperlink ref="${ref}" location="${escapeAttr(`${quoteSheet(to.sheet)}!${to.cell}`)}" display="${escapeAttr(to.cell)}"/>`);
  };

  // The used range, as the dimension.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const widen = (r0: number, c0: number, r1: number, c1: number): void => {
    top = Math.min(top, r0);
    left = Math.min(left, c0);
    bottom = Math.max(bottom, r1);
    right = Math.max(right, c1);
  };
  for (const c of cells) widen(c.row, c.col, c.row, c.col);
  for (const m of layout.merges) widen(m.top, m.left, m.bottom, m.right);

  const shrink = layout.print?.fitToWidth !== false;
  const sheetPr = (layout.tabColor ? `<tabColor rgb="${argb(layout.tabColor)}"/>` : '') + (shrink ? '<pageSetUpPr fitToPage="1"/>' : '');
  sink.text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`);
  if (sheetPr) sink.text(`<sheetPr>${sheetPr}</sheetPr>`);
  sink.text(`<dimension ref="${bottom < 0 ? 'A1' : `${a1(top, left)}:${a1(bottom, right)}`}"/>`);
  const fr = layout.freezeRows ?? 0;
  const fc = layout.freezeCols ?? 0;
  if (fr || fc) {
    const pane = fr && fc ? 'bottomRight' : fr ? 'bottomLeft' : 'topRight';
    sink.text(`<sheetViews><sheetView workbookViewId="0"><pane${fc ? ` xSplit="${fc}"` : ''}${fr ? ` ySplit="${fr}"` : ''} topLeftCell="${a1(fr, fc)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`);
  }
  sink.text('<sheetFormatPr defaultRowHeight="15"/>');
  if (layout.columnWidths.length > 0) {
    sink.text('<cols>');
    layout.columnWidths.forEach((w, i) => sink.text(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    sink.text('</cols>');
  }

  sink.text('<sheetData>');
  const heights = layout.rowHeights;
  let lastRow = rows - 1;
  for (const r of heights.keys()) if (r > lastRow) lastRow = r;
  const styleOf = (style: CellStyle | undefined, key: number): number => {
    const format = formats.size ? formats.get(key) : undefined;
    return format === undefined ? styles.xf(style) : styles.xf(style, format);
  };
  // The cells of one row, merged as ExcelJS merges repeated writes to one cell: a value ('' only on a
  // merged area's first cell) and a style each replace the earlier one.
  const rowCols: number[] = [];
  const rowCells = new Map<number, { value: string | number | null; style: CellStyle | undefined; link?: LayoutCell['link'] }>();
  for (let r = 0; r <= lastRow; r++) {
    const height = heights.get(r);
    const from = r < rows ? rowStart[r] : 0;
    const to = r < rows ? rowStart[r + 1] : 0;
    if (from === to && height === undefined) continue;
    let xml = `<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}`;
    if (from === to) {
      sink.text(`${xml}/>`);
      continue;
    }
    // Most rows name each cell once, left to right: written as they come.
    let simple = true;
    for (let i = from; i < to && simple; i++) {
      const c = cells[order[i]];
      if (c.only !== undefined || (i > from && cells[order[i - 1]].col >= c.col) || (c.value === '' && masters.has(r * 16384 + c.col))) simple = false;
    }
    if (simple) {
      xml += '>';
      for (let i = from; i < to; i++) {
        const c = cells[order[i]];
        const ref = `${columnLetter(c.col)}${r + 1}`;
        const s = styleOf(c.style, r * 16384 + c.col);
        const v = c.value;
        if (v === '') xml += `<c r="${ref}"${s ? ` s="${s}"` : ''}/>`;
        else if (typeof v === 'number') xml += numberCell(ref, s, v);
        else xml += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr">${inlineText(v)}</c>`;
        if (c.link && v !== '') link(ref, c.link);
      }
      sink.text(`${xml}</row>`);
      continue;
    }
    rowCells.clear();
    rowCols.length = 0;
    for (let i = from; i < to; i++) {
      const c = cells[order[i]];
      let slot = rowCells.get(c.col);
      if (!slot) {
        slot = { value: null, style: undefined };
        rowCells.set(c.col, slot);
        rowCols.push(c.col);
      }
      if (c.only === 'style') {
        // The area's accumulated style (a merged cell), or nothing (a number format's cell).
        if (c.style) slot.style = c.style;
        continue;
      }
      if (c.value !== '') {
        slot.value = c.value;
        slot.link = c.link;
      } else if (masters.has(r * 16384 + c.col)) {
        slot.value = '';
        slot.link = undefined;
      }
      if (c.style) slot.style = slot.style ? accumulate(slot.style, c.style) : c.style;
    }
    rowCols.sort((a, b) => a - b);
    xml += '>';
    for (const col of rowCols) {
      const slot = rowCells.get(col) as { value: string | number | null; style: CellStyle | undefined; link?: LayoutCell['link'] };
      const ref = `${columnLetter(col)}${r + 1}`;
      const s = styleOf(slot.style, r * 16384 + col);
      const v = slot.value;
      if (v === null) xml += `<c r="${ref}"${s ? ` s="${s}"` : ''}/>`;
      else if (v === '') xml += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="s"><v>${emptyString}</v></c>`;
      else if (typeof v === 'number') xml += numberCell(ref, s, v);
      else xml += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr">${inlineText(v)}</c>`;
      if (slot.link && v !== null && v !== '') link(ref, slot.link);
    }
    sink.text(`${xml}</row>`);
  }
  sink.text('</sheetData>');

  if (layout.merges.length > 0) {
    sink.text(`<mergeCells count="${layout.merges.length}">`);
    for (const m of layout.merges) sink.text(`<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`);
    sink.text('</mergeCells>');
  }
  const validations = layout.validations ?? [];
  if (validations.length > 0) sink.text(`<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>`);
  if (links.length > 0) sink.text(`<hyperlinks>${links.join('')}</hyperlinks>`);
  const m = layout.print?.margins ?? { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6 };
  sink.text(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`);
  sink.text(`<pageSetup paperSize="9"${shrink ? ' fitToWidth="1" fitToHeight="0"' : ' scale="100"'} orientation="${layout.landscape ? 'landscape' : 'portrait'}"/>`);
  // A break "before 0-based row r" is below 1-based row r (ExcelJS's addPageBreak on row r).
  const breaks = (layout.print?.pageBreaks ?? []).filter((row) => row > 0);
  if (breaks.length > 0) sink.text(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
  if (legacyDrawingId && notes.length > 0) sink.text(`<legacyDrawing r:id="${legacyDrawingId}"/>`);
  sink.text('</worksheet>');

  const area = layout.print?.area;
  return {
    notes,
    printArea: area ? `${abs(area.top, area.left)}:${abs(area.bottom, area.right)}` : null,
    printTitles: layout.printTitleRows ? `$${layout.printTitleRows[0] + 1}:$${layout.printTitleRows[1] + 1}` : null,
  };
}

export { quoteSheet };
