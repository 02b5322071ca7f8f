/**
 * The fake host's own reading of an .xlsx package: the workbook's sheets, date system and every cell's
 * value as Excel shows it once the file is open (what `Range.values` then returns), written from
 * ECMA-376 Part 1 (§18.3.1.4 c, §18.3.1.73 row, §18.18.11 ST_CellType, §18.2.28 workbookPr) and
 * nothing else.
 *
 * Why the fake has a reader of its own rather than the project's (src/xlsx/fastRead.ts): the parity
 * test compares what the fast reader, ExcelJS and this host give for the same file. Were the host's
 * values the fast reader's, that comparison would hold by construction, and a defect of the fast
 * reader would pass unseen in both. So this reader shares no code with src/: it is small, slow and
 * plain (regular expressions over the whole part), and stands for Excel, which opens all of these.
 *
 * What Excel does that it models: a shared, inline or rich string is its plain text (phonetic runs
 * left out, `_xHHHH_` escapes decoded); `t="b"` a boolean; `t="e"` the error text; `t="d"` (ISO 8601)
 * the serial of that date and time in the workbook's date system, as Excel converts it on opening; a
 * formula cell its cached result; elements with any namespace prefix (`x:row`); rows and cells without
 * `r` (the next row, the next column); sheet parts named anything, found through the workbook's
 * relationships; hidden rows and columns, merged areas, the sheets' visibility.
 */
import JSZip from 'jszip';
import type { Rect } from './address';
import { type Content, cellKey, serialFromDate } from './model';

export interface PackageSheet {
  readonly name: string;
  readonly visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Values by `cellKey(row, column)`, 0-based; empty cells are absent. */
  readonly values: Map<number, Content>;
  /** The formula text (with its '='), where the cell has one written out (not the followers of a shared formula). */
  readonly formulas: Map<number, string>;
  readonly merges: Rect[];
  readonly hiddenRows: Set<number>;
  readonly hiddenColumns: Set<number>;
  /**
   * Manual page breaks (`<rowBreaks><brk id="r" man="1"/>`): a break below 1-based row r, i.e. before
   * 0-based row r, ascending. ExcelJS writes them but does not read them back.
   */
  readonly rowBreaks: number[];
}

export interface PackageWorkbook {
  readonly date1904: boolean;
  readonly sheets: PackageSheet[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) =>
    ENTITIES[e] ?? String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** ST_Xstring: a character XML cannot hold is written `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
const decodeXstring = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** An attribute's value, whatever prefix its name has (`r:id`, `ns1:id`); `local` is the name after the prefix. */
function attribute(tag: string, local: string, prefixed = false): string | undefined {
  const name = prefixed ? `[\\w.-]+:${local}` : `${local}`;
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** Every element `local` (any prefix): its start tag and, unless empty, its content. */
function* elements(xml: string, local: string): Generator<{ tag: string; body: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>)`, 'g');
  for (const m of xml.matchAll(re)) yield { tag: m[1], body: m[2] ?? '' };
}

/** The text of every `<t>` of an element (a string item or an inline string), phonetic runs left out. */
function textOf(body: string): string {
  const withoutPhonetic = body.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let text = '';
  for (const t of elements(withoutPhonetic, 't')) text += decodeXstring(unescapeXml(t.body));
  return text;
}

const isTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

/** 'A' → 0, 'AB' → 27. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/**
 * A `t="d"` value as Excel stores it once open: the serial of that date (and time) in the workbook's
 * system. A time alone (`T10:30:00`, no date) is a fraction of a day; text that is no ISO date is kept.
 */
export function isoDateSerial(text: string, date1904: boolean): Content {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return text;
  const [y, mo, d] = m[1] === undefined ? [1899, 12, 30] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = m[4] === undefined ? 0 : ((Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6] ?? 0)) * 1000 + Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  const date = new Date(Date.UTC(y, mo - 1, d) + ms);
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return text;
  if (m[1] === undefined) return ms / 86_400_000;
  return serialFromDate(date, date1904);
}

function cellValue(tag: string, body: string, shared: readonly string[], date1904: boolean): Content {
  const type = attribute(tag, 't') ?? 'n';
  if (type === 'inlineStr') {
    const inline = elements(body, 'is').next();
    return inline.done ? null : textOf(inline.value.body);
  }
  const v = elements(body, 'v').next();
  if (v.done) return null;
  const raw = unescapeXml(v.value.body);
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'str':
      return decodeXstring(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { error: raw.trim() };
    case 'd':
      return isoDateSerial(raw, date1904);
    default: {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
  }
}

function readSheet(name: string, visibility: PackageSheet['visibility'], xml: string, shared: readonly string[], date1904: boolean): PackageSheet {
  const sheet: PackageSheet = { name, visibility, values: new Map(), formulas: new Map(), merges: [], hiddenRows: new Set(), hiddenColumns: new Set(), rowBreaks: [] };
  for (const { tag } of elements(xml, 'col')) {
    if (!isTrue(attribute(tag, 'hidden'))) continue;
    const min = Number(attribute(tag, 'min'));
    const max = Number(attribute(tag, 'max') ?? min);
    for (let c = min; c <= max && c <= 16_384; c++) sheet.hiddenColumns.add(c - 1);
  }
  let row = -1;
  for (const r of elements(xml, 'row')) {
    const number = attribute(r.tag, 'r');
    row = number === undefined ? row + 1 : Number(number) - 1;
    if (isTrue(attribute(r.tag, 'hidden'))) sheet.hiddenRows.add(row);
    let col = -1;
    for (const c of elements(r.body, 'c')) {
      const ref = attribute(c.tag, 'r');
      const at = ref === undefined ? null : parseRef(ref);
      col = at ? at.col : col + 1;
      const cellRow = at ? at.row : row;
      const value = cellValue(c.tag, c.body, shared, date1904);
      const key = cellKey(cellRow, col);
      if (value !== null && value !== '') sheet.values.set(key, value);
      const formula = elements(c.body, 'f').next();
      if (!formula.done && formula.value.body.trim() !== '') sheet.formulas.set(key, `=${unescapeXml(formula.value.body)}`);
    }
  }
  for (const { tag } of elements(xml, 'mergeCell')) {
    const [a, b] = (attribute(tag, 'ref') ?? '').split(':');
    const from = parseRef(a ?? '');
    const to = parseRef(b ?? a ?? '');
    if (from && to) sheet.merges.push({ r0: Math.min(from.row, to.row), c0: Math.min(from.col, to.col), r1: Math.max(from.row, to.row), c1: Math.max(from.col, to.col) });
  }
  for (const breaks of elements(xml, 'rowBreaks')) {
    for (const { tag } of elements(breaks.body ?? '', 'brk')) {
      const id = Number(attribute(tag, 'id') ?? '0');
      if (isTrue(attribute(tag, 'man')) && Number.isInteger(id) && id > 0 && !sheet.rowBreaks.includes(id)) sheet.rowBreaks.push(id);
    }
  }
  sheet.rowBreaks.sort((a, b) => a - b);
  return sheet;
}

/** A relationship's target as a path inside the package, relative to the part that has the relationships. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/** The relationships of `part`: by id, its type (last segment) and target path. */
async function relationships(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = await partText(zip, relsPath);
  const out = new Map<string, { type: string; target: string }>();
  for (const { tag } of elements(xml, 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target && attribute(tag, 'TargetMode') !== 'External') out.set(id, { type: (attribute(tag, 'Type') ?? '').split('/').pop() ?? '', target: resolveTarget(part, target) });
  }
  return out;
}

/**
 * A part's text, found whatever the case of its name (zip names are case-sensitive, OPC part names are
 * not); '' when absent. A part that declares more than MAX_PART_BYTES is refused, as Excel refuses a
 * file it cannot open, rather than inflated in a test (the hostile workbooks of test/fixtures/bad).
 */
async function partText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i'))[0];
  if (!file) return '';
  const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > MAX_PART_BYTES) throw new Error(`FakeExcelHost: ${path} inflates to ${declared} bytes; Excel would not open this file`);
  return file.async('string');
}

const MAX_PART_BYTES = 512 * 1024 * 1024;

export async function readPackage(bytes: Uint8Array): Promise<PackageWorkbook> {
  const zip = await JSZip.loadAsync(bytes);
  const root = await relationships(zip, '');
  const workbookPath = [...root.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbook = await partText(zip, workbookPath);
  const rels = await relationships(zip, workbookPath);
  const properties = elements(workbook, 'workbookPr').next();
  const date1904 = !properties.done && isTrue(attribute(properties.value.tag, 'date1904'));
  const sharedPath = [...rels.values()].find((r) => r.type === 'sharedStrings')?.target;
  const sharedXml = sharedPath ? await partText(zip, sharedPath) : '';
  const shared = [...elements(sharedXml, 'si')].map((si) => textOf(si.body));
  const sheets: PackageSheet[] = [];
  for (const { tag } of elements(workbook, 'sheet')) {
    const target = rels.get(attribute(tag, 'id', true) ?? '');
    if (!target || target.type !== 'worksheet') continue;
    const xml = await partText(zip, target.target);
    const state = attribute(tag, 'state');
    sheets.push(readSheet(attribute(tag, 'name') ?? '', state === 'hidden' ? 'Hidden' : state === 'veryHidden' ? 'VeryHidden' : 'Visible', xml, shared, date1904));
  }
  return { date1904, sheets };
}
