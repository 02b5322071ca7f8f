/**
 * Reading an .xlsx file's values straight from its XML, for the command line's `check` and `aggregate`.
 *
 * ExcelJS builds a full document model (styles, validations, every cell as an object) that the check
 * never looks at: for a ward of 100,000 members that model costs more time than the check itself, and a
 * single 100,000-member workbook needs 2 GB. This reader unzips with Node's zlib and scans the few parts
 * the core needs — workbook, relationships, shared strings, number formats and fonts, each sheet's
 * cells, merges, hidden rows and columns — into the same WorkbookModel that `workbookToModel` makes of
 * ExcelJS's model, value for value (test/xlsx/fastRead.test.ts compares the two on every workbook the
 * tests know). Anything it does not handle (ZIP64, an unknown compression, a strict-namespace
 * workbook) is a `FastReadUnsupported`, and the caller reads the file with ExcelJS instead, which also
 * gives the clerk's one-line message for a file that is not a workbook at all.
 */
import { inflateRawSync } from 'node:zlib';
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from '../core/grid';
import { parseA1, parseRange } from '../core/grid';

export class FastReadUnsupported extends Error {}

// ---------------------------------------------------------------- zip

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeader: number;
}

function zipEntries(data: Buffer): Map<string, ZipEntry> {
  const minEnd = Math.max(0, data.length - 65_557);
  let end = -1;
  for (let i = data.length - 22; i >= minEnd; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new FastReadUnsupported('not a zip');
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new FastReadUnsupported('zip64');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw new FastReadUnsupported('bad central directory');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localHeader = data.readUInt32LE(at + 42);
    if (flags & 1) throw new FastReadUnsupported('encrypted entry');
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) throw new FastReadUnsupported('zip64');
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name.replace(/\\/g, '/').replace(/^\//, ''), { method, compressedSize, localHeader });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function unzipText(data: Buffer, entry: ZipEntry): string {
  const at = entry.localHeader;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) throw new FastReadUnsupported('bad local header');
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new FastReadUnsupported('truncated entry');
  const raw = data.subarray(start, end);
  if (entry.method === 0) return raw.toString('utf8');
  if (entry.method === 8) return inflateRawSync(raw).toString('utf8');
  throw new FastReadUnsupported(`compression method ${entry.method}`);
}

// ---------------------------------------------------------------- XML scanning

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as a parser gives it: entities decoded, line ends normalised. */
function xmlText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&')) {
    text = text.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
      named ? NAMED[named] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex as string, 16)),
    );
  }
  return text;
}

/** ExcelJS's second decoding of a formula's string result (`t="str"`), kept so both readers agree. */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c, name: string) => NAMED[name] ?? c);
}

/** `_x000D_`-style escapes of shared and rich text (upper-case hex, as ExcelJS reads them). */
function unescapeX(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A tag's attributes, namespace prefixes dropped except `r:` and `xml:` (which name different things). */
function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  const length = source.length;
  let i = 0;
  while (i < length) {
    const eq = source.indexOf('=', i);
    if (eq < 0) break;
    const name = source.slice(i, eq).trim();
    let q = eq + 1;
    while (q < length && source.charCodeAt(q) !== 34 && source.charCodeAt(q) !== 39) q++;
    if (q >= length) break;
    const end = source.indexOf(source[q], q + 1);
    if (end < 0) break;
    const raw = source.slice(q + 1, end);
    const colon = name.indexOf(':');
    const key = colon >= 0 && !name.startsWith('xml:') && !name.startsWith('r:') ? name.slice(colon + 1) : name;
    out[key] = raw.includes('&') ? xmlText(raw) : raw;
    i = end + 1;
  }
  return out;
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

/** One tag or one run of text; tag names without their namespace prefix. */
const TOKEN = /<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s+[^>]*?)?)(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;

interface Token {
  readonly close: boolean;
  readonly name: string;
  readonly attrs: string;
  readonly selfClosing: boolean;
  readonly text: string | null;
}

function* tokens(xml: string, from = 0, to = xml.length): Generator<Token> {
  const re = new RegExp(TOKEN.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (m[6] !== undefined) yield { close: false, name: '', attrs: '', selfClosing: false, text: xmlText(m[6]) };
    else if (m[5] !== undefined) yield { close: false, name: '', attrs: '', selfClosing: false, text: m[5] };
    else if (m[2] !== undefined) yield { close: m[1] === '/', name: m[2], attrs: m[3], selfClosing: m[4] === '/', text: null };
  }
}

// ---------------------------------------------------------------- workbook parts

interface Relationship {
  readonly target: string;
  readonly type: string;
}

function relationships(xml: string | null, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  for (const t of tokens(xml)) {
    if (t.close || t.name !== 'Relationship') continue;
    const a = attributes(t.attrs);
    if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
    out.set(a.Id, { target: resolvePath(base, a.Target), type: a.Type ?? '' });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** A shared string: plain text, or the runs of rich text with the first run's font (for DATA-06). */
interface SharedString {
  readonly text: string;
  readonly font: string | null;
}

function sharedStrings(xml: string | null): SharedString[] {
  const out: SharedString[] = [];
  if (!xml) return out;
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
  /** Per cell style (xf index): is its number format a date, and its font's name. */
  readonly isDate: readonly boolean[];
  readonly font: readonly (string | null)[];
}

/** The built-in number formats ExcelJS reads as dates (its table, tested with its `isDateFmt`). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's `isDateFmt`: date letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function styles(xml: string | null): Styles {
  const isDate: boolean[] = [];
  const font: (string | null)[] = [];
  if (!xml) return { isDate, font };
  const formats = new Map<number, string>();
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
    if (section === 'numFmts' && t.name === 'numFmt') {
      const a = attributes(t.attrs);
      formats.set(Number(a.numFmtId), a.formatCode ?? '');
    } else if (section === 'fonts' && t.name === 'font') {
      fontNames.push(null);
      inFont = !t.selfClosing;
    } else if (section === 'fonts' && inFont && t.name === 'name') {
      fontNames[fontNames.length - 1] = attributes(t.attrs).val ?? null;
    } else if (section === 'cellXfs' && t.name === 'xf') {
      const a = attributes(t.attrs);
      const id = Number(a.numFmtId ?? 0);
      const code = formats.get(id);
      isDate.push(id ? (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) : false);
      font.push(a.fontId !== undefined ? (fontNames[Number(a.fontId)] ?? null) : null);
    }
  }
  return { isDate, font };
}

// ---------------------------------------------------------------- a sheet

const EXCEL_EPOCH_DAYS = 25569;

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_DAYS + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface CellDraft {
  col: number;
  style: number;
  type: string;
  hasStyle: boolean;
  formula: boolean;
  v: string[] | null;
  inline: string[] | null;
  runs: string[] | null;
  run: string[] | null;
  runFont: string | null;
  firstFont: string | null;
}

function sheetGrid(name: string, xml: string, strings: readonly SharedString[], style: Styles, date1904: boolean): SheetGrid {
  const values: CellValue[][] = [];
  const fonts: (string | null)[][] = [];
  let anyFont = false;
  const hiddenRows: number[] = [];
  const rowCellCounts = new Map<number, number>();
  const valueRows = new Set<number>();
  const merges: CellRange[] = [];
  const hiddenColumnSpans: [number, number][] = [];

  let row = -1;
  let lastCol = -1;
  let cell: CellDraft | null = null;
  let into: 'v' | 'f' | 't' | null = null;
  let inCols = false;

  const finishCell = (c: CellDraft): void => {
    const v = c.v ? c.v.join('') : undefined;
    // A bare <c/> (no value, no style) is ExcelJS's "Merge" type, which it drops from the row.
    if (!c.formula && !c.hasStyle && v === undefined && !c.runs && !c.inline) return;
    const counted = rowCellCounts.get(row) ?? 0;
    if (c.col + 1 > counted) rowCellCounts.set(row, c.col + 1);
    let value: CellValue | undefined;
    let font: string | null = null;
    if (c.formula) {
      if (v) {
        if (c.type === 'str') value = xmlDecodeAgain(v);
        else if (c.type === 'b') value = parseInt(v, 10) !== 0;
        else if (c.type === 'e') value = { error: v };
        else {
          const n = parseFloat(v);
          value = c.style > 0 && style.isDate[c.style] ? excelToDate(n, date1904) : n;
        }
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
        default: {
          const n = parseFloat(v);
          value = c.style > 0 && style.isDate[c.style] ? excelToDate(n, date1904) : n;
        }
      }
    } else {
      // A styled cell without a value (ExcelJS "Null"): widens the row, holds no value.
      return;
    }
    valueRows.add(row);
    let line = values[row];
    if (!line) line = values[row] = [];
    line[c.col] = value;
    if (typeof value === 'string' && /[^\x00-\x7f]/.test(value)) {
      // Style 0 is "no style" to ExcelJS (its cell then has no font at all).
      const name = font ?? (c.style > 0 ? style.font[c.style] : null) ?? null;
      if (name) {
        (fonts[row] ??= [])[c.col] = name;
        anyFont = true;
      }
    }
  };

  // A hand-rolled scan of the sheet's XML: a sheet is mostly <c> elements, and a general tokenizer's
  // object per tag costs more than the check that follows.
  const length = xml.length;
  let pos = 0;
  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) break;
    if (lt > pos && cell && into !== null) {
      const text = xmlText(xml.slice(pos, lt));
      if (into === 'v') (cell.v ??= []).push(text);
      else if (into === 'f') cell.formula = true;
      else (cell.run ?? (cell.inline ??= [])).push(text);
    }
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt);
        const stop = close < 0 ? length : close;
        if (cell && into !== null) {
          const text = xml.slice(lt + 9, stop);
          if (into === 'v') (cell.v ??= []).push(text);
          else if (into === 'f') cell.formula = true;
          else (cell.run ?? (cell.inline ??= [])).push(text);
        }
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
    const name = xml.slice(colon >= 0 ? colon + 1 : nameStart, i);
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
    const attrs = xml.slice(attrStart, selfClosing ? i - 1 : i);
    pos = i + 1;
    switch (name) {
      case 'row': {
        if (closing) break;
        const a = attributes(attrs);
        row = a.r ? Number(a.r) - 1 : row + 1;
        lastCol = -1;
        if (a.hidden === '1' || a.hidden === 'true') hiddenRows.push(row);
        break;
      }
      case 'c': {
        if (closing) {
          if (cell) finishCell(cell);
          cell = null;
          into = null;
          break;
        }
        const a = attributes(attrs);
        const at = a.r ? cellAddress(a.r) : null;
        const col = at ? at.col : lastCol + 1;
        if (at && at.row !== row) row = at.row;
        lastCol = col;
        const draft: CellDraft = { col, style: a.s ? Number(a.s) : 0, hasStyle: a.s !== undefined, type: a.t ?? 'n', formula: false, v: null, inline: null, runs: null, run: null, runFont: null, firstFont: null };
        if (selfClosing) finishCell(draft);
        else cell = draft;
        break;
      }
      case 'f':
        if (!cell || closing) {
          into = null;
          break;
        }
        // A shared or array formula's other cells carry only the attribute; any other needs its text.
        if (/(^|\s)t\s*=/.test(attrs)) cell.formula = true;
        into = selfClosing ? null : 'f';
        break;
      case 'v':
        into = closing || selfClosing ? null : 'v';
        break;
      case 't':
        into = closing || selfClosing ? null : 't';
        break;
      case 'r':
        if (!cell) break;
        if (!closing) {
          cell.run = [];
          cell.runFont = null;
        } else if (cell.run) {
          cell.runs ??= [];
          if (cell.runs.length === 0) cell.firstFont = cell.runFont;
          cell.runs.push(unescapeX(cell.run.join('')));
          cell.run = null;
        }
        break;
      case 'rFont':
        if (cell?.run && !closing) cell.runFont = attributes(attrs).val ?? null;
        break;
      case 'cols':
        inCols = !closing && !selfClosing;
        break;
      case 'col': {
        if (!inCols || closing) break;
        const a = attributes(attrs);
        if (a.hidden === '1' || a.hidden === 'true') hiddenColumnSpans.push([Number(a.min) - 1, Number(a.max) - 1]);
        break;
      }
      case 'mergeCell': {
        if (closing) break;
        const range = parseRange(attributes(attrs).ref ?? '');
        if (range) merges.push(range);
        break;
      }
    }
  }

  // Merged cells other than the top-left read empty, as in Excel (and ExcelJS skips them). ExcelJS
  // creates every cell of a merged area, so the area's rows count as rows with values and widen.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      if (m.bottom > m.top || m.right > m.left) valueRows.add(r);
      if ((rowCellCounts.get(r) ?? 0) < m.right + 1) rowCellCounts.set(r, m.right + 1);
    }
    for (let r = m.top; r <= m.bottom; r++) {
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
  let columnCount = 0;
  for (const r of valueRows) columnCount = Math.max(columnCount, rowCellCounts.get(r) ?? 0);
  const hiddenCols: number[] = [];
  for (let c = 0; c < columnCount; c++) if (hiddenColumnSpans.some(([from, to]) => c >= from && c <= to)) hiddenCols.push(c);

  const lastValueRow = Math.max(-1, ...[...valueRows]);
  values.length = Math.max(values.length, lastValueRow + 1);
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    if (!line) values[r] = [];
    else for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  }
  hiddenRows.sort((a, b) => a - b);
  const grid: SheetGrid = { name, values, originRow: 0, originCol: 0, merges, hiddenRows, hiddenCols };
  if (!anyFont) return grid;
  const fontGrid = values.map((line, r) => line.map((_v, c) => fonts[r]?.[c] ?? null));
  return { ...grid, fonts: fontGrid };
}

// ---------------------------------------------------------------- the workbook

/** The workbook's sheets as the core reads them; throws FastReadUnsupported when ExcelJS should read it. */
export function readXlsxValues(data: Buffer): WorkbookModel {
  const entries = zipEntries(data);
  const text = (path: string): string | null => {
    const entry = entries.get(path);
    return entry ? unzipText(data, entry) : null;
  };
  const rootRels = relationships(text('_rels/.rels'), '');
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  if (officeDocument && officeDocument.type.startsWith('http://purl.oclc.org/')) throw new FastReadUnsupported('strict OOXML');
  const workbookPath = officeDocument?.target ?? 'xl/workbook.xml';
  const workbookXml = text(workbookPath);
  if (!workbookXml) throw new FastReadUnsupported('no workbook part');
  const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/')) : '';
  const rels = relationships(text(`${base ? `${base}/` : ''}_rels/${workbookPath.slice(workbookPath.lastIndexOf('/') + 1)}.rels`), base);
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
  const strings = sharedStrings(text(relOfType('/sharedStrings') ?? `${base}/sharedStrings.xml`));
  const style = styles(text(relOfType('/styles') ?? `${base}/styles.xml`));
  const sheets: SheetGrid[] = [];
  for (const ref of sheetRefs) {
    const xml = text(ref.target);
    if (xml === null) throw new FastReadUnsupported(`missing sheet part ${ref.target}`);
    sheets.push(sheetGrid(ref.name, xml, strings, style, date1904));
  }
  if (sheets.length === 0) throw new FastReadUnsupported('no worksheet');
  return { sheets };
}
