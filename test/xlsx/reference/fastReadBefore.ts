/**
 * THE DEFINITION, frozen for comparison tests: src/xlsx/fastRead.ts as it was before the reader scanned
 * the sheet's bytes (issue 15), a decoded string per part and a scan of characters. Not used by any
 * command; test/xlsx/fastReadIdentity.test.ts holds the reader of src/ to give, for every workbook it
 * can find, exactly the grids this one gives (holes, fonts, merges, hidden rows and columns included).
 * Do not edit it but to follow a deliberate change of what the reader reads.
 */
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from '../../../src/core/grid';
import { SPARSE_ROW_WIDTH, parseA1, parseRange } from '../../../src/core/grid';
import { dayNumber, isValidDate, serialFromUnixDays } from '../../../src/core/values/dates';
import { FastReadUnsupported, UnreadableWorkbookError } from '../../../src/xlsx/errors';
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_GRID_ROWS,
  MAX_MERGED_CELLS,
  MAX_PART_BYTES,
  MAX_SHARED_STRINGS,
  MAX_UNPACKED_BYTES,
  MAX_VALUE_CELLS,
  count,
  megabytes,
} from '../../../src/xlsx/package/limits';
import { relationships, relsPartOf } from '../../../src/xlsx/package/opc';
import { attributes, tokens, unescapeX, xmlDecodeAgain, xmlText } from '../../../src/xlsx/package/xml';
import { PartTooLarge, type RawInflater, ZipPackage } from '../../../src/xlsx/package/zip';

export { FastReadUnsupported } from '../../../src/xlsx/errors';

const REFUSED = 'tệp hỏng hoặc không phải sổ của chi bộ.';

/**
 * What one workbook may still take: counted as it is read, refused with one line naming the limit as
 * soon as it is passed (never after building what passed it).
 */
class Budget {
  private cells = 0;
  private gridRows = 0;
  private mergedCells = 0;

  constructor(readonly file: string) {}

  refuse(what: string, scope: string, english: string): never {
    throw new UnreadableWorkbookError(`${this.file}: ${what} (giới hạn của XếpLoại cho ${scope}) — ${REFUSED} (limit: ${english})`);
  }

  cell(sheet: string): void {
    if (++this.cells > MAX_VALUE_CELLS) this.refuse(`sheet "${sheet}" đưa số ô có giá trị của sổ vượt ${count(MAX_VALUE_CELLS)}`, 'một sổ', `more than ${MAX_VALUE_CELLS} cells with values`);
  }

  rows(sheet: string, rows: number): void {
    this.gridRows += rows;
    if (this.gridRows > MAX_GRID_ROWS) this.refuse(`sheet "${sheet}" đưa số dòng của các sheet vượt ${count(MAX_GRID_ROWS)}`, 'một sổ', `more than ${MAX_GRID_ROWS} rows over all sheets`);
  }

  merged(sheet: string, cells: number): void {
    this.mergedCells += cells;
    if (this.mergedCells > MAX_MERGED_CELLS) this.refuse(`sheet "${sheet}" có các vùng gộp ô (merge) phủ hơn ${count(MAX_MERGED_CELLS)} ô`, 'một sổ', `merged areas over ${MAX_MERGED_CELLS} cells`);
  }

  outsideGrid(sheet: string, where: string): never {
    throw new UnreadableWorkbookError(
      `${this.file}: sheet "${sheet}" có ô ở ${where}, ngoài bảng tính của Excel (${count(EXCEL_MAX_ROWS)} dòng × ${count(EXCEL_MAX_COLUMNS)} cột) — tệp hỏng hoặc không do Excel tạo ra. (limit: a cell beyond Excel's grid)`,
    );
  }
}

/** `B12` → 0-based row and column, without a regular expression (a sheet has one per cell). */
function cellAddress(address: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else if (ch !== 36) break;
  }
  let row = 0;
  for (; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 48 || ch > 57) return ch === 36 && row === 0 ? cellAddress(address.slice(i + 1)) : null;
    row = row * 10 + (ch - 48);
  }
  return col > 0 && row > 0 ? { row: row - 1, col: col - 1 } : parseA1(address);
}

// ---------------------------------------------------------------- workbook parts

/** A shared string: plain text, or the runs of rich text with the first run's font (for DATA-06). */
interface SharedString {
  readonly text: string;
  readonly font: string | null;
}

/** `<si><t>plain text</t></si>`, as Excel and ExcelJS write a string without runs. */
const PLAIN_SI = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

/**
 * The shared strings when every one of them is plain (no runs, no phonetic guide, no CDATA, nothing
 * between them): one match each, the same texts as the tokenizer gives; null for any other table.
 */
function plainSharedStrings(xml: string, limits: Budget): SharedString[] | null {
  const out: SharedString[] = [];
  const open = xml.indexOf('<sst');
  if (open < 0) return null;
  const start = xml.indexOf('>', open);
  if (start < 0 || xml.charCodeAt(start - 1) === 47) return null;
  const re = new RegExp(PLAIN_SI.source, 'y');
  let pos = start + 1;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(xml);
    if (!m) break;
    if (out.length >= MAX_SHARED_STRINGS) limits.refuse(`bảng chuỗi dùng chung (sharedStrings) có hơn ${count(MAX_SHARED_STRINGS)} chuỗi`, 'một sổ', `more than ${MAX_SHARED_STRINGS} shared strings`);
    out.push({ text: unescapeX(xmlText(m[1])), font: null });
    pos = re.lastIndex;
  }
  // Only the table's end may follow.
  return /^<\/sst>\s*$/.test(xml.slice(pos)) ? out : null;
}

function sharedStrings(xml: string | null, limits: Budget): SharedString[] {
  if (!xml) return [];
  const simple = plainSharedStrings(xml, limits);
  if (simple) return simple;
  const out: SharedString[] = [];
  let depth = 0; // inside <rPh> (phonetic guide, not part of the text) when > 0
  let inSi = false;
  let inT = false;
  let plain: string[] | null = null;
  let runs: string[] | null = null;
  let run: string[] | null = null;
  let firstFont: string | null = null;
  let runFont: string | null = null;
  for (const t of tokens(xml)) {
    if (t.text !== null) {
      if (inT && depth === 0) (run ?? plain)?.push(t.text);
      continue;
    }
    if (t.name === 'rPh') {
      if (!t.selfClosing) depth += t.close ? -1 : 1;
      continue;
    }
    if (depth > 0) continue;
    switch (t.name) {
      case 'si':
        if (!t.close) {
          inSi = true;
          plain = null;
          runs = null;
          firstFont = null;
          if (out.length >= MAX_SHARED_STRINGS) limits.refuse(`bảng chuỗi dùng chung (sharedStrings) có hơn ${count(MAX_SHARED_STRINGS)} chuỗi`, 'một sổ', `more than ${MAX_SHARED_STRINGS} shared strings`);
          if (t.selfClosing) out.push({ text: '', font: null });
        } else if (inSi) {
          inSi = false;
          out.push({ text: runs ? runs.join('') : unescapeX(plain?.join('') ?? ''), font: runs ? firstFont : null });
        }
        break;
      case 'r':
        if (!t.close) {
          run = [];
          runFont = null;
        } else if (run) {
          runs ??= [];
          if (runs.length === 0) firstFont = runFont;
          runs.push(unescapeX(run.join('')));
          run = null;
        }
        break;
      case 'rFont':
        if (!t.close && run) runFont = attributes(t.attrs).val ?? null;
        break;
      case 't':
        if (t.selfClosing) break;
        inT = !t.close;
        if (inT && !run) plain = [];
        break;
    }
  }
  return out;
}

interface Styles {
  /** Per cell style (xf index): its font's name, for DATA-06. */
  readonly font: readonly (string | null)[];
}

function styles(xml: string | null): Styles {
  const font: (string | null)[] = [];
  if (!xml) return { font };
  const fontNames: (string | null)[] = [];
  let section = '';
  let inFont = false;
  for (const t of tokens(xml)) {
    if (t.text !== null) continue;
    if (['numFmts', 'fonts', 'cellXfs', 'cellStyleXfs', 'dxfs', 'fills', 'borders', 'cellStyles'].includes(t.name)) {
      section = t.close || t.selfClosing ? '' : t.name;
      continue;
    }
    if (t.close) {
      if (t.name === 'font') inFont = false;
      continue;
    }
    if (section === 'fonts' && t.name === 'font') {
      fontNames.push(null);
      inFont = !t.selfClosing;
    } else if (section === 'fonts' && inFont && t.name === 'name') {
      fontNames[fontNames.length - 1] = attributes(t.attrs).val ?? null;
    } else if (section === 'cellXfs' && t.name === 'xf') {
      const a = attributes(t.attrs);
      font.push(a.fontId !== undefined ? (fontNames[Number(a.fontId)] ?? null) : null);
    }
  }
  return { font };
}

// ---------------------------------------------------------------- a sheet

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/**
 * A `t="d"` cell's ISO 8601 text as the serial Excel stores when it opens the file: the date and time as
 * written (a zone, `Z` or `+07:00`, is not applied: Excel has none), in the workbook's date system; a
 * time alone is a fraction of a day. Text that is not ISO stays text, for the check to show.
 */
export function isoToSerial(text: string, date1904: boolean): number | string {
  const trimmed = text.trim();
  const m = ISO_DATE.exec(trimmed);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidDate(y, mo, d)) return text;
    const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0) + Number(m[7] ?? 0);
    return serialFromUnixDays(dayNumber({ y, m: mo, d }) + seconds / 86_400, date1904);
  }
  const t = ISO_TIME.exec(trimmed);
  if (t) return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0)) / 86_400;
  return text;
}

/** Shared by every empty row of every sheet: a sheet's memory grows with its values, not its rows. */
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/** The cell being read: one per sheet, reset for each <c> (a sheet has a million of them, not a million drafts). */
interface CellDraft {
  col: number;
  style: number;
  type: string;
  hasStyle: boolean;
  formula: boolean;
  /** The <v> text, its pieces joined as they come (null: no <v> text). */
  v: string | null;
  inline: string[] | null;
  runs: string[] | null;
  run: string[] | null;
  runFont: string | null;
  firstFont: string | null;
}

// Tag names the sheet scan acts on, recognised from their characters without making a string of each.
const TAG_OTHER = 0;
const TAG_C = 1;
const TAG_V = 2;
const TAG_F = 3;
const TAG_T = 4;
const TAG_R = 5;
const TAG_ROW = 6;
const TAG_COL = 7;
const TAG_COLS = 8;
const TAG_RFONT = 9;
const TAG_MERGECELL = 10;

function tagOf(xml: string, from: number, to: number): number {
  const first = xml.charCodeAt(from);
  switch (to - from) {
    case 1:
      return first === 99 ? TAG_C : first === 118 ? TAG_V : first === 102 ? TAG_F : first === 116 ? TAG_T : first === 114 ? TAG_R : TAG_OTHER;
    case 3:
      if (xml.startsWith('row', from)) return TAG_ROW;
      return xml.startsWith('col', from) ? TAG_COL : TAG_OTHER;
    case 4:
      return xml.startsWith('cols', from) ? TAG_COLS : TAG_OTHER;
    case 5:
      return xml.startsWith('rFont', from) ? TAG_RFONT : TAG_OTHER;
    case 9:
      return xml.startsWith('mergeCell', from) ? TAG_MERGECELL : TAG_OTHER;
    default:
      return TAG_OTHER;
  }
}

/**
 * Attributes of a tag, read from the XML between `from` and `to` as `attributes` reads them (the same
 * value for every name it would give), in one pass and without an object of all of them: `out[k]` is the
 * value of `names[k]`, undefined when absent. A sheet has one <c> tag per cell.
 */
function readAttributes(xml: string, from: number, to: number, names: readonly string[], out: (string | undefined)[]): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
  let i = from;
  while (i < to) {
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) break;
    let q = eq + 1;
    while (q < to && xml.charCodeAt(q) !== 34 && xml.charCodeAt(q) !== 39) q++;
    if (q >= to) break;
    const end = xml.indexOf(xml.charCodeAt(q) === 34 ? '"' : "'", q + 1);
    if (end < 0 || end >= to) break;
    // The name, trimmed, its namespace prefix dropped (except r: and xml:), as `attributes` keys it.
    let a = i;
    let b = eq;
    while (a < b && xml.charCodeAt(a) <= 32) a++;
    while (b > a && xml.charCodeAt(b - 1) <= 32) b--;
    let start = a;
    for (let c = a; c < b; c++) {
      if (xml.charCodeAt(c) === 58) {
        if (!xml.startsWith('xml:', a) && !xml.startsWith('r:', a)) start = c + 1;
        break;
      }
    }
    const length = b - start;
    for (let k = 0; k < names.length; k++) {
      // The last of equal names wins, as in an object.
      if (names[k].length === length && xml.startsWith(names[k], start)) {
        const raw = xml.slice(q + 1, end);
        out[k] = raw.includes('&') ? xmlText(raw) : raw;
        break;
      }
    }
    i = end + 1;
  }
}

/** One attribute of a tag (see readAttributes). */
function attributeOf(xml: string, from: number, to: number, name: string): string | undefined {
  const out: (string | undefined)[] = [undefined];
  readAttributes(xml, from, to, [name], out);
  return out[0];
}

const ROW_ATTRIBUTES = ['r', 'hidden'];
const CELL_ATTRIBUTES = ['r', 's', 't'];

/** What the reading of a <c> tag gives: its address (0-based), style index (-1: none) and type (null: none). */
interface CellHead {
  row: number;
  col: number;
  style: number;
  type: string | null;
}

/** `B12` → `head.row`, `head.col` (0-based), without a regular expression or an object per cell. */
function readAddress(address: string, head: CellHead): boolean {
  // The usual `B12`: capital letters then digits; anything else (`$B$12`, lower case) as cellAddress reads it.
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else break;
  }
  let r = 0;
  let plain = i > 0 && i < address.length;
  for (; plain && i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 48 || ch > 57) plain = false;
    else r = r * 10 + (ch - 48);
  }
  if (plain && r > 0) {
    head.row = r - 1;
    head.col = col - 1;
    return true;
  }
  const at = cellAddress(address);
  if (!at) return false;
  head.row = at.row;
  head.col = at.col;
  return true;
}

/**
 * A <row> tag that starts ` r="12"` and has no attribute named like `hidden`: its row number (1-based,
 * below Excel's last row), else 0 (the tag is then read attribute by attribute).
 */
function usualRow(xml: string, from: number, to: number): number {
  if (!xml.startsWith(' r="', from)) return 0;
  let i = from + 4;
  let r = 0;
  for (let ch = xml.charCodeAt(i); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++i)) r = r * 10 + (ch - 48);
  if (i === from + 4 || xml.charCodeAt(i) !== 34 || i >= to || r < 1 || r > EXCEL_MAX_ROWS) return 0;
  for (let k = i; k < to; k++) if (xml.charCodeAt(k) === 104 /* h */ && xml.startsWith('hidden', k)) return 0;
  return r;
}

/**
 * ` r="B12"`, then optionally ` s="8"`, then optionally ` t="s"`, and nothing else, between `from` and
 * `to`: the tag as Excel and ExcelJS write nearly every cell. True when the tag is exactly that (`head`
 * then holds what `readAttributes` would read), false for anything else, which is then read attribute by
 * attribute.
 */
function usualCell(xml: string, from: number, to: number, head: CellHead): boolean {
  if (!xml.startsWith(' r="', from)) return false;
  let i = from + 4;
  let col = 0;
  for (let ch = xml.charCodeAt(i); ch >= 65 && ch <= 90; ch = xml.charCodeAt(++i)) col = col * 26 + (ch - 64);
  let r = 0;
  const digits = i;
  for (let ch = xml.charCodeAt(i); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++i)) r = r * 10 + (ch - 48);
  if (col === 0 || i === digits || r === 0 || xml.charCodeAt(i) !== 34 || i >= to) return false;
  i++;
  let style = -1;
  let type: string | null = null;
  if (xml.startsWith(' s="', i)) {
    const start = i + 4;
    style = 0;
    for (i = start; xml.charCodeAt(i) >= 48 && xml.charCodeAt(i) <= 57; i++) style = style * 10 + (xml.charCodeAt(i) - 48);
    if (i === start || xml.charCodeAt(i) !== 34 || i >= to) return false;
    i++;
  }
  if (xml.startsWith(' t="', i)) {
    const start = i + 4;
    const end = xml.indexOf('"', start);
    if (end < 0 || end >= to) return false;
    for (let k = start; k < end; k++) if (xml.charCodeAt(k) === 38 /* & */) return false;
    type = end === start + 1 && xml.charCodeAt(start) === 115 ? 's' : xml.slice(start, end);
    i = end + 1;
  }
  if (i !== to) return false;
  head.row = r - 1;
  head.col = col - 1;
  head.style = style;
  head.type = type;
  return true;
}

function sheetGrid(sheetName: string, xml: string, strings: readonly SharedString[], style: Styles, date1904: boolean, limits: Budget): SheetGrid {
  const values: CellValue[][] = [];
  const fonts: (string | null)[][] = [];
  let anyFont = false;
  const hiddenRows: number[] = [];
  const merges: CellRange[] = [];
  const hiddenColumnSpans: [number, number][] = [];

  let row = -1;
  let lastCol = -1;
  let into: 'v' | 'f' | 't' | null = null;
  let inCols = false;
  // ExcelJS's column count (it hides columns only up to it): the widest row that holds a value,
  // counting its styled cells too.
  let columnCount = 0;

  // The cells of the row being read, made into one array of the right size when the row ends: a row
  // grown cell by cell would carry spare capacity, and a million one-cell rows would pay it a million
  // times.
  let pendingRow = -1;
  let pendingWidth = 0;
  const pendingCols: number[] = [];
  const pendingValues: CellValue[] = [];
  const pendingFonts: (string | null)[] = [];

  const flushRow = (): void => {
    const count = pendingCols.length;
    if (pendingRow < 0 || count === 0) {
      pendingRow = -1;
      pendingWidth = 0;
      return;
    }
    if (pendingWidth > columnCount) columnCount = pendingWidth;
    let line = values[pendingRow];
    if (!line) {
      let width = 0;
      for (let i = 0; i < count; i++) if (pendingCols[i] + 1 > width) width = pendingCols[i] + 1;
      // A narrow (or well filled) row is a plain array, holes as null; a wide sparse one keeps its holes.
      if (width <= SPARSE_ROW_WIDTH || count * 4 >= width) line = new Array<CellValue>(width).fill(null);
      else line = [];
      values[pendingRow] = line;
    }
    let fontLine: (string | null)[] | undefined;
    for (let i = 0; i < count; i++) {
      const col = pendingCols[i];
      line[col] = pendingValues[i];
      const font = pendingFonts[i];
      if (font) {
        fontLine ??= fonts[pendingRow] ??= [];
        fontLine[col] = font;
        anyFont = true;
      }
    }
    pendingCols.length = 0;
    pendingValues.length = 0;
    pendingFonts.length = 0;
    pendingRow = -1;
    pendingWidth = 0;
  };

  const finishCell = (c: CellDraft): void => {
    const v = c.v ?? undefined;
    // A bare <c/> (no value, no style) is ExcelJS's "Merge" type, which it drops from the row.
    if (!c.formula && !c.hasStyle && v === undefined && !c.runs && !c.inline) return;
    if (row !== pendingRow) {
      flushRow();
      pendingRow = row;
    }
    if (c.col + 1 > pendingWidth) pendingWidth = c.col + 1;
    let value: CellValue | undefined;
    let font: string | null = null;
    if (c.formula) {
      if (v) {
        if (c.type === 'str') value = xmlDecodeAgain(v);
        else if (c.type === 'b') value = parseInt(v, 10) !== 0;
        else if (c.type === 'e') value = { error: v };
        else if (c.type === 'd') value = isoToSerial(v, date1904);
        else value = parseFloat(v);
      } else value = null;
    } else if (c.type === 'inlineStr' && (c.runs || c.inline)) {
      value = c.runs ? c.runs.join('') : (c.inline as string[]).join('');
      font = c.runs ? c.firstFont : null;
    } else if (v !== undefined && c.type !== 'inlineStr') {
      switch (c.type) {
        case 's': {
          const shared = strings[parseInt(v, 10)];
          value = shared ? shared.text : null;
          font = shared?.font ?? null;
          break;
        }
        case 'str':
          value = xmlDecodeAgain(v);
          break;
        case 'b':
          value = parseInt(v, 10) !== 0;
          break;
        case 'e':
          value = { error: v };
          break;
        case 'd':
          value = isoToSerial(v, date1904);
          break;
        default:
          // A date-formatted cell stays its serial number, as Office.js gives it (the core reads the day).
          value = parseFloat(v);
      }
    } else {
      // A styled cell without a value (ExcelJS "Null"): widens the row, holds no value.
      return;
    }
    // Counted as they come, so that no row (a million copies of one cell) grows past the limit either.
    limits.cell(sheetName);
    pendingCols.push(c.col);
    pendingValues.push(value);
    // Style 0 is "no style" to ExcelJS (its cell then has no font at all).
    pendingFonts.push(typeof value === 'string' && /[^\x00-\x7f]/.test(value) ? (font ?? (c.style > 0 ? style.font[c.style] : null) ?? null) : null);
  };

  // A hand-rolled scan of the sheet's XML: a sheet is mostly <c> elements, and a general tokenizer's
  // object per tag costs more than the check that follows. Tags are recognised by their characters and
  // attributes read where they stand: no string per tag name, no object per tag or per cell.
  const draft: CellDraft = { col: 0, style: 0, hasStyle: false, type: 'n', formula: false, v: null, inline: null, runs: null, run: null, runFont: null, firstFont: null };
  let inCell = false;
  const found: (string | undefined)[] = [undefined, undefined, undefined];
  const addText = (text: string): void => {
    if (into === 'v') draft.v = draft.v === null ? text : draft.v + text;
    else if (into === 'f') draft.formula = true;
    else (draft.run ?? (draft.inline ??= [])).push(text);
  };
  const head: CellHead = { row: 0, col: 0, style: -1, type: null };
  const length = xml.length;
  let pos = 0;
  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    if (lt > pos && inCell && into !== null) addText(xmlText(xml.slice(pos, lt)));
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt);
        const stop = close < 0 ? length : close;
        if (inCell && into !== null) addText(xml.slice(lt + 9, stop));
        pos = stop + 3;
      } else {
        const close = xml.indexOf(xml.startsWith('<!--', lt) ? '-->' : '>', lt);
        pos = close < 0 ? length : close + (xml.startsWith('<!--', lt) ? 3 : 1);
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const close = xml.indexOf('?>', lt);
      pos = close < 0 ? length : close + 2;
      continue;
    }
    const closing = next === 47; /* / */
    let i = closing ? lt + 2 : lt + 1;
    const nameStart = i;
    let colon = -1;
    for (; i < length; i++) {
      const ch = xml.charCodeAt(i);
      if (ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      if (ch === 58) colon = i;
    }
    const tag = tagOf(xml, colon >= 0 ? colon + 1 : nameStart, i);
    const attrStart = i;
    // The end of the tag, past any quoted attribute value.
    for (; i < length; i++) {
      const ch = xml.charCodeAt(i);
      if (ch === 34 || ch === 39) {
        const q = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
        i = q < 0 ? length : q;
      } else if (ch === 62) break;
    }
    const selfClosing = xml.charCodeAt(i - 1) === 47;
    const attrEnd = selfClosing ? i - 1 : Math.min(i, length);
    pos = i + 1;
    switch (tag) {
      case TAG_ROW: {
        if (closing) break;
        // The usual row (` r="12"` first, no `hidden`) read where it stands; any other attribute by attribute.
        const usual = usualRow(xml, attrStart, attrEnd);
        if (usual > 0) {
          found[0] = undefined;
          found[1] = undefined;
          row = usual - 1;
          lastCol = -1;
          break;
        }
        readAttributes(xml, attrStart, attrEnd, ROW_ATTRIBUTES, found);
        const r = found[0];
        row = r ? Number(r) - 1 : row + 1;
        if (!(row >= 0 && row < EXCEL_MAX_ROWS)) limits.outsideGrid(sheetName, r ? `dòng ${r}` : `dòng ${row + 1}`);
        lastCol = -1;
        const hidden = found[1];
        if (hidden === '1' || hidden === 'true') hiddenRows.push(row);
        break;
      }
      case TAG_C: {
        if (closing) {
          if (inCell) finishCell(draft);
          inCell = false;
          into = null;
          break;
        }
        let r: string | undefined;
        let styleIndex: number;
        let styled: boolean;
        let t: string | undefined;
        let located: boolean;
        // The usual tag, ` r="B12" s="8" t="s"` (s and t optional), read where it stands; any other
        // (more attributes, another order, prefixes, entities) attribute by attribute, as before.
        if (usualCell(xml, attrStart, attrEnd, head)) {
          located = true;
          styled = head.style >= 0;
          styleIndex = styled ? head.style : 0;
          t = head.type ?? undefined;
          if (head.col >= EXCEL_MAX_COLUMNS || head.row >= EXCEL_MAX_ROWS) r = attributeOf(xml, attrStart, attrEnd, 'r');
        } else {
          readAttributes(xml, attrStart, attrEnd, CELL_ATTRIBUTES, found);
          r = found[0];
          styled = found[1] !== undefined;
          styleIndex = found[1] ? Number(found[1]) : 0;
          t = found[2];
          located = r ? readAddress(r, head) : false;
        }
        const col = located ? head.col : lastCol + 1;
        if (located && head.row !== row) row = head.row;
        if (col >= EXCEL_MAX_COLUMNS || row >= EXCEL_MAX_ROWS || row < 0) limits.outsideGrid(sheetName, r ?? `dòng ${row + 1}, cột ${col + 1}`);
        lastCol = col;
        draft.col = col;
        draft.style = styleIndex;
        draft.hasStyle = styled;
        draft.type = t ?? 'n';
        draft.formula = false;
        draft.v = null;
        draft.inline = null;
        draft.runs = null;
        draft.run = null;
        draft.runFont = null;
        draft.firstFont = null;
        if (selfClosing) finishCell(draft);
        else if (xml.startsWith('<v>', pos)) {
          // The usual cell, `<v>…</v></c>`, read in one step: what the three tags would do, in order.
          const end = xml.indexOf('<', pos + 3);
          if (end >= 0 && xml.startsWith('</v></c>', end)) {
            if (end > pos + 3) draft.v = xmlText(xml.slice(pos + 3, end));
            finishCell(draft);
            into = null;
            pos = end + 8;
          } else inCell = true;
        } else inCell = true;
        break;
      }
      case TAG_F:
        if (!inCell || closing) {
          into = null;
          break;
        }
        // A shared or array formula's other cells carry only the attribute; any other needs its text.
        if (/(^|\s)t\s*=/.test(xml.slice(attrStart, attrEnd))) draft.formula = true;
        into = selfClosing ? null : 'f';
        break;
      case TAG_V:
        into = closing || selfClosing ? null : 'v';
        break;
      case TAG_T:
        into = closing || selfClosing ? null : 't';
        break;
      case TAG_R:
        if (!inCell) break;
        if (!closing) {
          draft.run = [];
          draft.runFont = null;
        } else if (draft.run) {
          draft.runs ??= [];
          if (draft.runs.length === 0) draft.firstFont = draft.runFont;
          draft.runs.push(unescapeX(draft.run.join('')));
          draft.run = null;
        }
        break;
      case TAG_RFONT:
        if (inCell && draft.run && !closing) draft.runFont = attributeOf(xml, attrStart, attrEnd, 'val') ?? null;
        break;
      case TAG_COLS:
        inCols = !closing && !selfClosing;
        break;
      case TAG_COL: {
        if (!inCols || closing) break;
        const hidden = attributeOf(xml, attrStart, attrEnd, 'hidden');
        if (hidden === '1' || hidden === 'true') hiddenColumnSpans.push([Number(attributeOf(xml, attrStart, attrEnd, 'min')) - 1, Math.min(Number(attributeOf(xml, attrStart, attrEnd, 'max')), EXCEL_MAX_COLUMNS) - 1]);
        break;
      }
      case TAG_MERGECELL: {
        if (closing) break;
        const ref = attributeOf(xml, attrStart, attrEnd, 'ref');
        const range = parseRange(ref ?? '');
        if (range) {
          if (range.bottom >= EXCEL_MAX_ROWS || range.right >= EXCEL_MAX_COLUMNS) limits.outsideGrid(sheetName, ref ?? '');
          limits.merged(sheetName, (range.bottom - range.top + 1) * (range.right - range.left + 1));
          merges.push(range);
        }
        break;
      }
    }
  }

  flushRow();
  // Merged cells other than the top-left read empty, as in Excel (and ExcelJS skips them). ExcelJS
  // creates every cell of a merged area, so the area's rows count as rows with values and widen. The
  // merged areas' cells are capped (Budget.merged), which bounds this loop.
  let lastValueRow = values.length - 1;
  for (const m of merges) {
    const multi = m.bottom > m.top || m.right > m.left;
    if (multi) {
      columnCount = Math.max(columnCount, m.right + 1);
      lastValueRow = Math.max(lastValueRow, m.bottom);
    }
    for (let r = m.top; r <= m.bottom; r++) {
      if (!multi && values[r] !== undefined) columnCount = Math.max(columnCount, m.right + 1);
      const line = values[r];
      if (!line) continue;
      for (let c = m.left; c <= Math.min(m.right, line.length - 1); c++) {
        if (r === m.top && c === m.left) continue;
        delete line[c];
        if (fonts[r]) delete fonts[r][c];
      }
    }
  }
  // ExcelJS hides columns only up to its column count: the widest row that holds a value.
  const hiddenCols: number[] = [];
  // Counted by span ends, so that a million <col> elements cost a million steps, not a billion.
  const depth = new Int32Array(columnCount + 1);
  for (const [from, to] of hiddenColumnSpans) {
    if (!(from <= to) || from >= columnCount || to < 0) continue;
    depth[Math.max(0, from)]++;
    depth[Math.min(to, columnCount - 1) + 1]--;
  }
  for (let c = 0, open = 0; c < columnCount; c++) if ((open += depth[c]) > 0) hiddenCols.push(c);

  limits.rows(sheetName, Math.max(values.length, lastValueRow + 1));
  values.length = Math.max(values.length, lastValueRow + 1);
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    if (!line) values[r] = EMPTY_ROW as CellValue[];
    // A narrow row reads as before, holes as null; a wide one keeps its holes (cellAt reads them as null).
    else if (line.length <= SPARSE_ROW_WIDTH) for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
  hiddenRows.sort((a, b) => a - b);
  const grid: SheetGrid = { name: sheetName, values, originRow: 0, originCol: 0, merges, hiddenRows, hiddenCols };
  // Fonts stay sparse: only the cells whose text is not plain ASCII have one (DATA-06 reads fonts?.[r]?.[c]).
  return anyFont ? { ...grid, fonts } : grid;
}

// ---------------------------------------------------------------- the workbook

/**
 * The workbook's sheets as the core reads them, from the file's bytes and a raw-DEFLATE inflater (Node's
 * zlib on the command line: package/inflateNode.ts). `name` is the file as the clerk knows it, for the one line of a
 * refusal. Throws FastReadUnsupported when ExcelJS should read the file instead, and
 * UnreadableWorkbookError past a limit.
 */
export function readXlsxValues(bytes: Uint8Array, name: string, inflate: RawInflater): WorkbookModel {
  const limits = new Budget(name);
  const pkg = new ZipPackage(bytes, inflate, MAX_PART_BYTES, MAX_UNPACKED_BYTES);
  let reading = 'một phần';
  const text = (path: string, what: string): string | null => {
    reading = what;
    return pkg.text(path);
  };
  try {
    const rootRels = relationships(text('_rels/.rels', 'phần _rels/.rels'), '');
    const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
    if (officeDocument && officeDocument.type.startsWith('http://purl.oclc.org/')) throw new FastReadUnsupported('strict OOXML');
    const workbookPath = officeDocument?.target ?? 'xl/workbook.xml';
    const workbookXml = text(workbookPath, `phần ${workbookPath}`);
    if (!workbookXml) throw new FastReadUnsupported('no workbook part');
    const rels = relationships(text(relsPartOf(workbookPath), `phần ${relsPartOf(workbookPath)}`), workbookPath);
    const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/')) : '';
    const relOfType = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

    let date1904 = false;
    const sheetRefs: { name: string; target: string }[] = [];
    for (const t of tokens(workbookXml)) {
      if (t.close || t.text !== null) continue;
      if (t.name === 'workbookPr') {
        const a = attributes(t.attrs);
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (t.name === 'sheet') {
        const a = attributes(t.attrs);
        const rel = rels.get(a['r:id'] ?? a.id ?? '');
        // Chart sheets and dialog sheets are not worksheets (ExcelJS leaves them out too).
        if (rel && rel.type.endsWith('/worksheet')) sheetRefs.push({ name: a.name ?? '', target: rel.target });
      }
    }
    const strings = sharedStrings(text(relOfType('/sharedStrings') ?? `${base}/sharedStrings.xml`, 'bảng chuỗi dùng chung (sharedStrings)'), limits);
    const style = styles(text(relOfType('/styles') ?? `${base}/styles.xml`, 'phần định dạng (styles)'));
    const sheets: SheetGrid[] = [];
    for (const ref of sheetRefs) {
      const xml = text(ref.target, `sheet "${ref.name}"`);
      if (xml === null) throw new FastReadUnsupported(`missing sheet part ${ref.target}`);
      sheets.push(sheetGrid(ref.name, xml, strings, style, date1904, limits));
    }
    if (sheets.length === 0) throw new FastReadUnsupported('no worksheet');
    return date1904 ? { sheets, date1904, reader: { name: 'xlsx' } } : { sheets, reader: { name: 'xlsx' } };
  } catch (err) {
    if (!(err instanceof PartTooLarge)) throw err;
    return refuseLarge(limits, err, reading);
  }
}

function refuseLarge(limits: Budget, err: PartTooLarge, reading: string): never {
  if (err.limit === 'part') return limits.refuse(`${reading} giải nén vượt ${megabytes(MAX_PART_BYTES)}`, 'một phần của tệp', `${err.part} over ${megabytes(MAX_PART_BYTES)} unpacked`);
  return limits.refuse(`${reading} đưa dung lượng giải nén của tệp vượt tổng cộng ${megabytes(MAX_UNPACKED_BYTES)}`, 'một tệp', `over ${megabytes(MAX_UNPACKED_BYTES)} unpacked in all`);
}

/**
 * Every part of the package inflated once within the limits, and dropped: before ExcelJS, which
 * inflates every part (media, comments, anything) whatever its size, loads a file to write a copy.
 */
export function checkWholePackage(bytes: Uint8Array, name: string, inflate: RawInflater): void {
  const limits = new Budget(name);
  const pkg = new ZipPackage(bytes, inflate, MAX_PART_BYTES, MAX_UNPACKED_BYTES);
  for (const part of pkg.entries.keys()) {
    try {
      pkg.bytes(part);
    } catch (err) {
      if (!(err instanceof PartTooLarge)) throw err;
      refuseLarge(limits, err, `phần ${part}`);
    }
  }
}
