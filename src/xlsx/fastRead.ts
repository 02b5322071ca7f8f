/**
 * Reading an .xlsx file's values straight from its XML: the command line's reader for every command,
 * and (with an inflater handed in) any host's.
 *
 * ExcelJS builds a full document model (styles, validations, every cell as an object) that the check
 * never looks at: for a ward of 100,000 members that model costs more time than the check itself, and a
 * single 100,000-member workbook needs 2 GB. This reader scans the few parts the core needs — workbook,
 * relationships, shared strings, fonts, each sheet's cells, merges, hidden rows and columns — into the
 * one cell model of src/core/grid.ts: a date cell is its serial number, a `t="d"` ISO cell the serial of
 * its date, `date1904` says which date system. test/xlsx/fastRead.test.ts and parity.test.ts hold it to
 * ExcelJS's reading (through `workbookToModel`) and the Excel host's on every workbook the tests know.
 *
 * A sheet is scanned as bytes, never decoded whole (see "the bytes of a part" below): the usual cell,
 * `<c r="B12" s="8" t="s"><v>42</v></c>`, costs no string at all — its address, style, shared string
 * index or number are read from the bytes. test/xlsx/fastReadIdentity.test.ts holds this reader to its
 * definition, the reader as it was when it scanned decoded text (test/xlsx/reference/fastReadBefore.ts).
 *
 * What it does not handle (ZIP64, an encrypted entry, strict OOXML, an unknown compression, damaged
 * compressed data) is a declared FastReadUnsupported, and only that sends the file to ExcelJS. What is
 * beyond the limits of package/limits.ts is refused at once with one line (UnreadableWorkbookError).
 */
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from '../core/grid';
import { SPARSE_ROW_WIDTH, parseA1, parseRange } from '../core/grid';
import { dayNumber, isValidDate, serialFromUnixDays } from '../core/values/dates';
import { FastReadUnsupported, UnreadableWorkbookError } from './errors';
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
} from './package/limits';
import { type Relationship, relsPartOf, resolveTarget } from './package/opc';
import { attributeValues, attributes, forEachTag, tokens, unescapeX, xmlDecodeAgain, xmlText } from './package/xml';
import { PartTooLarge, type RawInflater, ZipPackage } from './package/zip';

export { FastReadUnsupported } from './errors';

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
  /** The text is plain ASCII (no font is then kept for its cells), worked out once for all its cells. */
  readonly ascii: boolean;
}

/** Text beyond ASCII: only such a cell keeps its font (DATA-06 reads it). */
const NOT_ASCII = /[^\x00-\x7f]/;

function sharedString(text: string, font: string | null): SharedString {
  return { text, font, ascii: !NOT_ASCII.test(text) };
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
    out.push(sharedString(unescapeX(xmlText(m[1])), null));
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
          if (t.selfClosing) out.push(sharedString('', null));
        } else if (inSi) {
          inSi = false;
          out.push(sharedString(runs ? runs.join('') : unescapeX(plain?.join('') ?? ''), runs ? firstFont : null));
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

/** The sections of styles.xml the reading of fonts tracks. */
const STYLE_SECTIONS = new Set(['numFmts', 'fonts', 'cellXfs', 'cellStyleXfs', 'dxfs', 'fills', 'borders', 'cellStyles']);
const VAL = ['val'];
const FONT_ID = ['fontId'];

function styles(xml: string | null): Styles {
  const font: (string | null)[] = [];
  if (!xml) return { font };
  const fontNames: (string | null)[] = [];
  let section = '';
  let inFont = false;
  const found: (string | undefined)[] = [undefined];
  forEachTag(xml, (close, name, attrs, selfClosing) => {
    if (STYLE_SECTIONS.has(name)) {
      section = close || selfClosing ? '' : name;
      return;
    }
    if (close) {
      if (name === 'font') inFont = false;
      return;
    }
    if (section === 'fonts' && name === 'font') {
      fontNames.push(null);
      inFont = !selfClosing;
    } else if (section === 'fonts' && inFont && name === 'name') {
      attributeValues(attrs, VAL, found);
      fontNames[fontNames.length - 1] = found[0] ?? null;
    } else if (section === 'cellXfs' && name === 'xf') {
      attributeValues(attrs, FONT_ID, found);
      const fontId = found[0];
      font.push(fontId !== undefined ? (fontNames[Number(fontId)] ?? null) : null);
    }
  });
  return { font };
}

const RELATIONSHIP_ATTRIBUTES = ['Id', 'Target', 'TargetMode', 'Type'];

/**
 * What package/opc.ts `relationships` gives (the internal relationships of a `.rels` part of
 * `sourcePart`, by id, targets resolved), read with one call per tag and no object of attributes.
 */
function packageRelationships(xml: string | null, sourcePart: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  const found: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  forEachTag(xml, (close, name, attrs) => {
    if (close || name !== 'Relationship') return;
    attributeValues(attrs, RELATIONSHIP_ATTRIBUTES, found);
    const [id, target, mode, type] = found;
    if (!id || !target || mode === 'External') return;
    out.set(id, { target: resolvedTarget(sourcePart, target), type: type ?? '' });
  });
  return out;
}

/**
 * resolveTarget's part name, at once for a plain target (`worksheets/sheet1.xml`, `/xl/styles.xml`: no
 * empty, `.` or `..` segment), which is the source's folder and the target joined; resolveTarget for any other.
 */
function resolvedTarget(sourcePart: string, target: string): string {
  const absolute = target.charCodeAt(0) === 47;
  const rest = absolute ? target.slice(1) : target;
  if (rest === '' || rest.charCodeAt(0) === 47 || rest.includes('//') || rest.endsWith('/') || /(^|\/)\.\.?(\/|$)/.test(rest)) return resolveTarget(sourcePart, target);
  if (absolute) return rest;
  const slash = sourcePart.lastIndexOf('/');
  return slash < 0 ? rest : `${sourcePart.slice(0, slash)}/${rest}`;
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

// ---------------------------------------------------------------- the bytes of a part

/**
 * A sheet is scanned as the bytes of its UTF-8 XML, never decoded whole: in UTF-8 each byte below 0x80
 * is that ASCII character and every byte of a longer character is 0x80 or above, so the markup (`<`,
 * `>`, quotes, `=`, the tag names) stands at the same places and reads the same as in the decoded text.
 * Only what the reader keeps as text (an inline string, a formula's text result, a tag read attribute
 * by attribute) is decoded, piece by piece; a piece starts and ends next to a markup character, so it
 * decodes to exactly the characters the whole part's decoding has there (a broken sequence is one
 * U+FFFD either way; a U+FEFF inside a part is kept, as in the whole part, where only a leading one goes).
 */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of the bytes from `from` to `to`, as a slice of the whole part's decoded text would be. */
function decodeRange(b: Uint8Array, from: number, to: number): string {
  if (!(to > from)) return '';
  if (to - from <= 64) {
    // Short ASCII (a number, an address, a type): its characters are its bytes.
    for (let i = from; i < to; i++) if (b[i] >= 0x80) return utf8.decode(b.subarray(from, to));
    return String.fromCharCode.apply(null, b.subarray(from, to) as unknown as number[]);
  }
  return utf8.decode(b.subarray(from, to));
}

/** `text.startsWith(lit, at)` for the bytes of a part and an ASCII literal. */
function bytesAt(b: Uint8Array, at: number, lit: string): boolean {
  if (at + lit.length > b.length) return false;
  for (let k = 0; k < lit.length; k++) if (b[at + k] !== lit.charCodeAt(k)) return false;
  return true;
}

/** ` X="` at `at` (an attribute named by one ASCII letter, its value in double quotes): the hot tests of the scan. */
function letterAttributeAt(b: Uint8Array, at: number, letter: number): boolean {
  return b[at] === 32 && b[at + 1] === letter && b[at + 2] === 61 && b[at + 3] === 34;
}

/** `text.indexOf(lit, from)` for the bytes of a part and an ASCII literal. */
function indexOfBytes(b: Uint8Array, lit: string, from: number): number {
  const first = lit.charCodeAt(0);
  for (let i = from; i + lit.length <= b.length; i++) if (b[i] === first && bytesAt(b, i, lit)) return i;
  return -1;
}

/** `text.indexOf(char, from)` for one ASCII character. */
function indexOfByte(b: Uint8Array, code: number, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i] === code) return i;
  return -1;
}

/** 10^k, exact for every k here (10^22 is the last power of ten a double holds exactly). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `parseFloat` of the bytes from `from` to `to` when they are a plain decimal (`-`, at most 15 digits, at
 * most one `.`, nothing else); NaN for anything else, which the caller then reads as text. Exact: the
 * digits make an integer below 2^53 and 10^k is exact, so their quotient is the double nearest to the
 * decimal (IEEE division rounds correctly), which is what parseFloat gives.
 */
function plainDecimal(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = b[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < to; i++) {
    const ch = b[i];
    if (ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48);
      digits++;
    } else if (ch === 46 && point < 0) point = i;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = point < 0 ? mantissa : mantissa / POW10[to - point - 1];
  return negative ? -value : value;
}

/** `parseInt(text, 10)` of the bytes when they are 1 to 15 digits and nothing else; -1 for anything else. */
function plainIndex(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = b[i];
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + (ch - 48);
  }
  return n;
}

// ---------------------------------------------------------------- a sheet's tags

// Tag names the sheet scan acts on, recognised from their bytes without making a string of each.
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

function tagOf(xml: Uint8Array, from: number, to: number): number {
  const first = xml[from];
  switch (to - from) {
    case 1:
      return first === 99 ? TAG_C : first === 118 ? TAG_V : first === 102 ? TAG_F : first === 116 ? TAG_T : first === 114 ? TAG_R : TAG_OTHER;
    case 3:
      if (bytesAt(xml, from, 'row')) return TAG_ROW;
      return bytesAt(xml, from, 'col') ? TAG_COL : TAG_OTHER;
    case 4:
      return bytesAt(xml, from, 'cols') ? TAG_COLS : TAG_OTHER;
    case 5:
      return bytesAt(xml, from, 'rFont') ? TAG_RFONT : TAG_OTHER;
    case 9:
      return bytesAt(xml, from, 'mergeCell') ? TAG_MERGECELL : TAG_OTHER;
    default:
      return TAG_OTHER;
  }
}

/**
 * Attributes of a tag, read from the XML between `from` and `to` as `attributes` reads them (the same
 * value for every name it would give), in one pass and without an object of all of them: `out[k]` is the
 * value of `names[k]`, undefined when absent.
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

/** The attributes of the tag whose bytes run from `from` to `to` (see readAttributes). */
function readTagAttributes(xml: Uint8Array, from: number, to: number, names: readonly string[], out: (string | undefined)[]): void {
  const text = decodeRange(xml, from, to);
  readAttributes(text, 0, text.length, names, out);
}

/** One attribute of a tag (see readAttributes). */
function attributeOf(xml: Uint8Array, from: number, to: number, name: string): string | undefined {
  const out: (string | undefined)[] = [undefined];
  readTagAttributes(xml, from, to, [name], out);
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
function usualRow(xml: Uint8Array, from: number, to: number): number {
  if (!bytesAt(xml, from, ' r="')) return 0;
  let i = from + 4;
  let r = 0;
  for (let ch = xml[i]; ch >= 48 && ch <= 57; ch = xml[++i]) r = r * 10 + (ch - 48);
  if (i === from + 4 || xml[i] !== 34 || i >= to || r < 1 || r > EXCEL_MAX_ROWS) return 0;
  for (let k = i; k < to; k++) if (xml[k] === 104 /* h */ && bytesAt(xml, k, 'hidden')) return 0;
  return r;
}

/** Whether the ASCII `lit` occurs in the bytes from `from` to `to`. */
function hasBytes(b: Uint8Array, from: number, to: number, lit: string): boolean {
  const first = lit.charCodeAt(0);
  for (let i = from; i + lit.length <= to; i++) if (b[i] === first && bytesAt(b, i, lit)) return true;
  return false;
}

/** `A1` of a merged area: 1 to 3 capital letters, 1 to 7 digits, from `from`; the offset after it, or -1. */
function usualCorner(xml: Uint8Array, from: number, corner: number[]): number {
  let i = from;
  let col = 0;
  for (; i < from + 3 && xml[i] >= 65 && xml[i] <= 90; i++) col = col * 26 + (xml[i] - 64);
  if (i === from) return -1;
  const digits = i;
  let row = 0;
  for (; i < digits + 7 && xml[i] >= 48 && xml[i] <= 57; i++) row = row * 10 + (xml[i] - 48);
  if (i === digits) return -1;
  corner[0] = row - 1;
  corner[1] = col - 1;
  return i;
}

/**
 * A <mergeCell> tag that is exactly ` ref="B2:D4"` (capital letters, digits) between `from` and `to`: its
 * area, as parseRange reads the attribute; null for any other, which is then read attribute by attribute.
 */
function usualMerge(xml: Uint8Array, from: number, to: number): CellRange | null {
  if (!bytesAt(xml, from, ' ref="')) return null;
  const first = [0, 0];
  const second = [0, 0];
  let i = usualCorner(xml, from + 6, first);
  if (i < 0 || xml[i] !== 58 /* : */) return null;
  i = usualCorner(xml, i + 1, second);
  if (i < 0 || xml[i] !== 34 || i + 1 !== to) return null;
  const [r1, c1] = first;
  const [r2, c2] = second;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/**
 * What usualRow says of a <row> tag, read and passed in one step from `from` (just after the name): when
 * the tag starts ` r="12"` (1 to Excel's last row), has `hidden` nowhere in it and ends with `>` (not
 * self-closing), the offset of that `>`, the row (0-based) in `head.row`; else -1 (read as any other tag).
 */
function usualRowTag(xml: Uint8Array, from: number, head: CellHead): number {
  if (!letterAttributeAt(xml, from, 114)) return -1;
  let i = from + 4;
  let r = 0;
  for (let ch = xml[i]; ch >= 48 && ch <= 57; ch = xml[++i]) r = r * 10 + (ch - 48);
  if (i === from + 4 || xml[i] !== 34 || r < 1 || r > EXCEL_MAX_ROWS) return -1;
  // The tag's end, past quoted values, as the scan finds it; `hidden` anywhere (in a value too) makes it unusual.
  const length = xml.length;
  for (i++; i < length; i++) {
    const ch = xml[i];
    if (ch === 62) break;
    if (ch === 104 && bytesAt(xml, i, 'hidden')) return -1;
    if (ch === 34 || ch === 39) {
      for (i++; i < length && xml[i] !== ch; i++) if (xml[i] === 104 && bytesAt(xml, i, 'hidden')) return -1;
      if (i >= length) return -1;
    }
  }
  if (i >= length || xml[i - 1] === 47) return -1;
  head.row = r - 1;
  return i;
}

/** A cell's type as written (`t="…"` between `from` and `to`): the usual ones without a new string. */
function cellType(xml: Uint8Array, from: number, to: number): string {
  if (to === from + 1) {
    switch (xml[from]) {
      case 115:
        return 's';
      case 110:
        return 'n';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 100:
        return 'd';
    }
  } else if (to === from + 3 && bytesAt(xml, from, 'str')) return 'str';
  else if (to === from + 9 && bytesAt(xml, from, 'inlineStr')) return 'inlineStr';
  return decodeRange(xml, from, to);
}

/**
 * ` r="B12"`, then optionally ` s="8"`, then optionally ` t="s"`, and nothing else, from `from` on, then
 * the tag's end (`>` or `/>`): the tag as Excel and ExcelJS write nearly every cell. The offset of that
 * end (`>`, or the `/` of `/>`) when the tag is exactly that (`head` then holds what `readAttributes`
 * would read), -1 for anything else, which is then read attribute by attribute.
 */
function usualCell(xml: Uint8Array, from: number, head: CellHead): number {
  if (!letterAttributeAt(xml, from, 114)) return -1;
  let i = from + 4;
  let col = 0;
  for (let ch = xml[i]; ch >= 65 && ch <= 90; ch = xml[++i]) col = col * 26 + (ch - 64);
  let r = 0;
  const digits = i;
  for (let ch = xml[i]; ch >= 48 && ch <= 57; ch = xml[++i]) r = r * 10 + (ch - 48);
  if (col === 0 || i === digits || r === 0 || xml[i] !== 34) return -1;
  i++;
  let style = -1;
  let type: string | null = null;
  if (letterAttributeAt(xml, i, 115)) {
    const start = i + 4;
    style = 0;
    for (i = start; xml[i] >= 48 && xml[i] <= 57; i++) style = style * 10 + (xml[i] - 48);
    if (i === start || xml[i] !== 34) return -1;
    i++;
  }
  if (letterAttributeAt(xml, i, 116)) {
    const start = i + 4;
    const end = indexOfByte(xml, 34, start);
    if (end < 0) return -1;
    for (let k = start; k < end; k++) if (xml[k] === 38 /* & */) return -1;
    type = cellType(xml, start, end);
    i = end + 1;
  }
  // The tag's end: `>`, or `/>`; anything else (another attribute, a space) is read attribute by attribute.
  if (xml[i] !== 62 && !(xml[i] === 47 && xml[i + 1] === 62)) return -1;
  head.row = r - 1;
  head.col = col - 1;
  head.style = style;
  head.type = type;
  return i;
}

function sheetGrid(sheetName: string, xml: Uint8Array, strings: readonly SharedString[], style: Styles, date1904: boolean, limits: Budget): SheetGrid {
  const values: CellValue[][] = [];
  const fonts: (string | null)[][] = [];
  let anyFont = false;
  const hiddenRows: number[] = [];
  const merges: CellRange[] = [];
  const hiddenColumnSpans: [number, number][] = [];
  const styleFont = style.font;

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
  // How many of the pending arrays' entries are the row's: the arrays keep their room from row to row
  // (what lies past the count is stale, values the grid holds anyway).
  let pendingCount = 0;

  const flushRow = (): void => {
    const count = pendingCount;
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
    pendingCount = 0;
    pendingRow = -1;
    pendingWidth = 0;
  };

  /** A cell that holds a value, in the row being read (`font`: its font when its text is not plain ASCII). */
  const addValue = (col: number, value: CellValue, font: string | null): void => {
    // Counted as they come, so that no row (a million copies of one cell) grows past the limit either.
    limits.cell(sheetName);
    pendingCols[pendingCount] = col;
    pendingValues[pendingCount] = value;
    pendingFonts[pendingCount] = font;
    pendingCount++;
  };

  /** The cell's place in the row being read: a new row flushes the last one, the cell widens its row. */
  const place = (col: number): void => {
    if (row !== pendingRow) {
      flushRow();
      pendingRow = row;
    }
    if (col + 1 > pendingWidth) pendingWidth = col + 1;
  };

  const finishCell = (c: CellDraft): void => {
    const v = c.v ?? undefined;
    // A bare <c/> (no value, no style) is ExcelJS's "Merge" type, which it drops from the row.
    if (!c.formula && !c.hasStyle && v === undefined && !c.runs && !c.inline) return;
    place(c.col);
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
    // Style 0 is "no style" to ExcelJS (its cell then has no font at all).
    addValue(c.col, value, typeof value === 'string' && NOT_ASCII.test(value) ? (font ?? (c.style > 0 ? styleFont[c.style] : null) ?? null) : null);
  };

  /**
   * The usual cell `<c …><v>…</v></c>` whose value's bytes run from `from` to `to` (not empty), of type
   * `s` or a number: what finishCell gives the same cell, without the value's text when its bytes are
   * a plain index or decimal. False when they are not (the caller then goes the general way).
   */
  const finishPlain = (col: number, styleIndex: number, type: string | null, from: number, to: number): boolean => {
    if (type === 's') {
      const index = plainIndex(xml, from, to);
      if (index < 0) return false;
      place(col);
      const shared = strings[index];
      if (!shared) addValue(col, null, null);
      // As finishCell: a font only for text that is not plain ASCII; style 0 is no style.
      else addValue(col, shared.text, shared.ascii ? null : (shared.font ?? (styleIndex > 0 ? styleFont[styleIndex] : null) ?? null));
      return true;
    }
    if (type !== null && type !== 'n') return false;
    const number = plainDecimal(xml, from, to);
    if (number !== number) return false;
    place(col);
    addValue(col, number, null);
    return true;
  };

  // A hand-rolled scan of the sheet's bytes: a sheet is mostly <c> elements, and a general tokenizer's
  // object per tag costs more than the check that follows. Tags are recognised by their bytes and
  // attributes read where they stand: no string per tag name, no object per tag or per cell, and the
  // usual cell's value read from its bytes (a number, a shared string's index) without a string at all.
  const draft: CellDraft = { col: 0, style: 0, hasStyle: false, type: 'n', formula: false, v: null, inline: null, runs: null, run: null, runFont: null, firstFont: null };
  let inCell = false;
  const found: (string | undefined)[] = [undefined, undefined, undefined];
  const addText = (text: string): void => {
    if (into === 'v') draft.v = draft.v === null ? text : draft.v + text;
    else if (into === 'f') draft.formula = true;
    else (draft.run ?? (draft.inline ??= [])).push(text);
  };
  const head: CellHead = { row: 0, col: 0, style: -1, type: null };

  /**
   * A <c> start tag, read (`located`: its address is in `head`; `r`: its address as written, when read;
   * `selfClosing`: it ends `/>`; `next`: the offset just after it): the cell begins, or is finished at
   * once when it holds nothing or only `<v>…</v>`. Returns where the scan goes on.
   */
  const openCell = (located: boolean, r: string | undefined, styled: boolean, styleIndex: number, t: string | undefined, selfClosing: boolean, next: number): number => {
    const col = located ? head.col : lastCol + 1;
    if (located && head.row !== row) row = head.row;
    if (col >= EXCEL_MAX_COLUMNS || row >= EXCEL_MAX_ROWS || row < 0) limits.outsideGrid(sheetName, r ?? `dòng ${row + 1}, cột ${col + 1}`);
    lastCol = col;
    if (!selfClosing && xml[next] === 60 && xml[next + 1] === 118 && xml[next + 2] === 62) {
      // The usual cell, `<v>…</v></c>`, read in one step: what the three tags would do, in order.
      const end = indexOfByte(xml, 60, next + 3);
      if (end >= 0 && xml[end + 1] === 47 && xml[end + 2] === 118 && bytesAt(xml, end, '</v></c>')) {
        into = null;
        // (Inside a cell left open, the draft is this cell's, as a later </c> finishes it again.)
        if (!inCell && end > next + 3 && finishPlain(col, styleIndex, t ?? null, next + 3, end)) return end + 8;
        resetDraft(col, styleIndex, styled, t);
        if (end > next + 3) draft.v = xmlText(decodeRange(xml, next + 3, end));
        finishCell(draft);
        return end + 8;
      }
    }
    resetDraft(col, styleIndex, styled, t);
    if (selfClosing) finishCell(draft);
    else inCell = true;
    return next;
  };
  const resetDraft = (col: number, styleIndex: number, styled: boolean, t: string | undefined): void => {
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
  };

  const length = xml.length;
  let pos = 0;
  while (pos < length) {
    let lt = pos;
    while (lt < length && xml[lt] !== 60) lt++;
    if (lt >= length) break;
    if (lt > pos && inCell && into !== null) addText(xmlText(decodeRange(xml, pos, lt)));
    const next = xml[lt + 1];
    if (next === 99 /* c */ && xml[lt + 2] === 32) {
      // The usual <c> tag, ` r="B12" s="8" t="s"` (s and t optional), read where it stands.
      const end = usualCell(xml, lt + 2, head);
      if (end >= 0) {
        const selfClosing = xml[end] === 47;
        let r: string | undefined;
        if (head.col >= EXCEL_MAX_COLUMNS || head.row >= EXCEL_MAX_ROWS) r = attributeOf(xml, lt + 2, end, 'r');
        const styled = head.style >= 0;
        pos = openCell(true, r, styled, styled ? head.style : 0, head.type ?? undefined, selfClosing, end + (selfClosing ? 2 : 1));
        continue;
      }
    }
    if (next === 114 /* r */ && xml[lt + 2] === 111 && xml[lt + 3] === 119 && xml[lt + 4] === 32) {
      // The usual <row> tag (` r="12"` first, no `hidden`), read and passed in one step.
      const end = usualRowTag(xml, lt + 4, head);
      if (end >= 0) {
        found[0] = undefined;
        found[1] = undefined;
        row = head.row;
        lastCol = -1;
        pos = end + 1;
        continue;
      }
    }
    if (next === 33 /* ! */) {
      if (bytesAt(xml, lt, '<![CDATA[')) {
        const close = indexOfBytes(xml, ']]>', lt);
        const stop = close < 0 ? length : close;
        if (inCell && into !== null) addText(decodeRange(xml, lt + 9, stop));
        pos = stop + 3;
      } else {
        const comment = bytesAt(xml, lt, '<!--');
        const close = comment ? indexOfBytes(xml, '-->', lt) : indexOfByte(xml, 62, lt);
        pos = close < 0 ? length : close + (comment ? 3 : 1);
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const close = indexOfBytes(xml, '?>', lt);
      pos = close < 0 ? length : close + 2;
      continue;
    }
    const closing = next === 47; /* / */
    let i = closing ? lt + 2 : lt + 1;
    const nameStart = i;
    let colon = -1;
    for (; i < length; i++) {
      const ch = xml[i];
      if (ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      if (ch === 58) colon = i;
    }
    const tag = tagOf(xml, colon >= 0 ? colon + 1 : nameStart, i);
    const attrStart = i;
    // The end of the tag, past any quoted attribute value.
    for (; i < length; i++) {
      const ch = xml[i];
      if (ch === 34 || ch === 39) {
        const q = indexOfByte(xml, ch, i + 1);
        i = q < 0 ? length : q;
      } else if (ch === 62) break;
    }
    const selfClosing = xml[i - 1] === 47;
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
        readTagAttributes(xml, attrStart, attrEnd, ROW_ATTRIBUTES, found);
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
        // Any <c> tag but the usual (more attributes, another order, prefixes, entities), attribute by attribute.
        let r: string | undefined;
        let styleIndex: number;
        let styled: boolean;
        let t: string | undefined;
        let located: boolean;
        if (usualCell(xml, attrStart, head) === attrEnd) {
          located = true;
          styled = head.style >= 0;
          styleIndex = styled ? head.style : 0;
          t = head.type ?? undefined;
          if (head.col >= EXCEL_MAX_COLUMNS || head.row >= EXCEL_MAX_ROWS) r = attributeOf(xml, attrStart, attrEnd, 'r');
        } else {
          readTagAttributes(xml, attrStart, attrEnd, CELL_ATTRIBUTES, found);
          r = found[0];
          styled = found[1] !== undefined;
          styleIndex = found[1] ? Number(found[1]) : 0;
          t = found[2];
          located = r ? readAddress(r, head) : false;
        }
        pos = openCell(located, r, styled, styleIndex, t, selfClosing, pos);
        break;
      }
      case TAG_F:
        if (!inCell || closing) {
          into = null;
          break;
        }
        // A shared or array formula's other cells carry only the attribute; any other needs its text.
        if (/(^|\s)t\s*=/.test(decodeRange(xml, attrStart, attrEnd))) draft.formula = true;
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
        // No `hidden` in the tag's bytes: no attribute of that name (names hold no entity), nothing to read.
        if (!inCols || closing || !hasBytes(xml, attrStart, attrEnd, 'hidden')) break;
        const hidden = attributeOf(xml, attrStart, attrEnd, 'hidden');
        if (hidden === '1' || hidden === 'true') hiddenColumnSpans.push([Number(attributeOf(xml, attrStart, attrEnd, 'min')) - 1, Math.min(Number(attributeOf(xml, attrStart, attrEnd, 'max')), EXCEL_MAX_COLUMNS) - 1]);
        break;
      }
      case TAG_MERGECELL: {
        if (closing) break;
        const usual = usualMerge(xml, attrStart, attrEnd);
        const ref = usual ? null : attributeOf(xml, attrStart, attrEnd, 'ref');
        const range = usual ?? parseRange(ref ?? '');
        if (range) {
          if (range.bottom >= EXCEL_MAX_ROWS || range.right >= EXCEL_MAX_COLUMNS) limits.outsideGrid(sheetName, (usual ? decodeRange(xml, attrStart + 6, attrEnd - 1) : ref) ?? '');
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

const WORKBOOK_PR = ['date1904'];
const SHEET_ATTRIBUTES = ['r:id', 'id', 'name'];

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
    const rootRels = packageRelationships(text('_rels/.rels', 'phần _rels/.rels'), '');
    const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
    if (officeDocument && officeDocument.type.startsWith('http://purl.oclc.org/')) throw new FastReadUnsupported('strict OOXML');
    const workbookPath = officeDocument?.target ?? 'xl/workbook.xml';
    const workbookXml = text(workbookPath, `phần ${workbookPath}`);
    if (!workbookXml) throw new FastReadUnsupported('no workbook part');
    const rels = packageRelationships(text(relsPartOf(workbookPath), `phần ${relsPartOf(workbookPath)}`), workbookPath);
    const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/')) : '';
    const relOfType = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

    let date1904 = false;
    const sheetRefs: { name: string; target: string }[] = [];
    const found: (string | undefined)[] = [undefined, undefined, undefined];
    forEachTag(workbookXml, (close, name, attrs) => {
      if (close) return;
      if (name === 'workbookPr') {
        attributeValues(attrs, WORKBOOK_PR, found);
        date1904 = found[0] === '1' || found[0] === 'true';
      } else if (name === 'sheet') {
        attributeValues(attrs, SHEET_ATTRIBUTES, found);
        const rel = rels.get(found[0] ?? found[1] ?? '');
        // Chart sheets and dialog sheets are not worksheets (ExcelJS leaves them out too).
        if (rel && rel.type.endsWith('/worksheet')) sheetRefs.push({ name: found[2] ?? '', target: rel.target });
      }
    });
    const strings = sharedStrings(text(relOfType('/sharedStrings') ?? `${base}/sharedStrings.xml`, 'bảng chuỗi dùng chung (sharedStrings)'), limits);
    const style = styles(text(relOfType('/styles') ?? `${base}/styles.xml`, 'phần định dạng (styles)'));
    const sheets: SheetGrid[] = [];
    for (const ref of sheetRefs) {
      reading = `sheet "${ref.name}"`;
      const xml = pkg.bytes(ref.target);
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
