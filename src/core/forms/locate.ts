/**
 * Finding things the way a person does: a sheet by its name or by the title or form code printed in
 * its first rows; a table's header row by its labels; a header field by its label.
 */
import { type CellRange, type CellValue, type SheetGrid, type WorkbookModel, a1, cellAt, isCellError, lastCol, lastRow, presentColumns } from '../grid';
import { Memo, memoKind, newRunContext, type RunContext, TEXT_MEMO_LIMIT } from '../run';
import { foldLabel, type TextMemo } from '../text/normalize';
import type { ColumnDef, FieldDef, FormDef, TableForm } from './definitions';
import { MEETING_SHEETS, MORE_RESULT_SHEETS, RESULT_SHEETS } from './definitions';

/** How far down a header row or a title may be (FORMS.md: the first 15 rows). */
export const HEADER_SEARCH_ROWS = 15;

export function cellText(value: CellValue): string {
  if (value === null || isCellError(value)) return '';
  return String(value);
}

/** Header text folded, with "(40 điểm)"-style remarks dropped. */
export function foldHeader(text: string, memo?: LocateMemo): string {
  if (!memo) return foldHeaderText(text);
  // The same labels head the sheets of every workbook of a ward; names in the first rows do not repeat.
  return memo.headerFolds.get(text) ?? memo.headerFolds.set(text, foldHeaderText(text, memo.folds));
}

function foldHeaderText(text: string, folds?: TextMemo): string {
  return foldLabel(text.includes('(') ? text.replace(/\([^)]*\)/g, ' ') : text, folds);
}

/**
 * What finding things remembers in a run (run.ts): folded headers, each sheet's header window, the
 * headers of blank forms, and the folded labels of the definitions. Nothing here outlives the run.
 */
export interface LocateMemo {
  readonly folds: TextMemo;
  readonly headerFolds: Memo<string, string>;
  readonly windows: WeakMap<SheetGrid, HeaderWindow>;
  readonly smallSheetHeaders: Map<TableForm, Map<string, HeaderMatch | null>>;
  /** Long sheets' headers that named every column, by the rows above the data (findLongHeader). */
  readonly headerPrefixes: Map<TableForm, { readonly depths: number[]; readonly byKey: Map<string, HeaderMatch> }>;
  readonly columnKeys: Map<ColumnDef, { keys: readonly string[]; prefixes: readonly string[] }>;
  readonly formKeys: Map<TableForm, { keys: ReadonlySet<string>; prefixes: readonly string[] }>;
  readonly fieldKeys: Map<FieldDef, { readonly keys: readonly string[]; readonly sorted: readonly string[] }>;
  readonly labelLengths: Map<readonly FieldDef[], ReadonlySet<number>>;
}

const LOCATE_MEMO = memoKind<Omit<LocateMemo, 'folds'>>('locate', () => ({
  headerFolds: new Memo<string, string>(TEXT_MEMO_LIMIT),
  windows: new WeakMap(),
  smallSheetHeaders: new Map(),
  headerPrefixes: new Map(),
  columnKeys: new Map(),
  formKeys: new Map(),
  fieldKeys: new Map(),
  labelLengths: new Map(),
}));

/** The run's memo for finding things; a caller with no run gets a fresh one (nothing remembered). */
export function locateMemo(run: RunContext = newRunContext()): LocateMemo {
  const own = run.memo(LOCATE_MEMO);
  return { ...own, folds: run.folds };
}

const RESULT_NAMES: ReadonlySet<string> = new Set([...Object.values(RESULT_SHEETS), ...Object.values(MORE_RESULT_SHEETS), ...Object.values(MEETING_SHEETS)].map((name) => foldLabel(name)));

/**
 * The sheet holding a form: by name first (any sheet whose folded name is the form's or an alias),
 * then by the form's code or title in a cell of its first rows. `by` limits the search to one of the two
 * (the reader finds every form by name before any by content).
 */
export function findSheet(workbook: WorkbookModel, form: FormDef, taken: ReadonlySet<SheetGrid>, by: 'name' | 'content' | 'both' = 'both', memo: LocateMemo = locateMemo()): SheetGrid | null {
  const fold = (text: string): string => foldLabel(text, memo.folds);
  const names = [form.sheet, ...form.sheetAliases].map(fold);
  const candidates = workbook.sheets.filter((s) => !taken.has(s) && !RESULT_NAMES.has(fold(s.name)));
  if (by !== 'content') {
    for (const name of names) {
      const hit = candidates.find((s) => fold(s.name) === name);
      if (hit) return hit;
    }
  }
  if (by === 'name') return null;
  const title = fold(form.title);
  const canonical = fold(form.sheet);
  for (const sheet of candidates) {
    const rows = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
    for (let r = 0; r < rows; r++) {
      for (const value of sheet.values[r]) {
        const text = cellText(value);
        if (!text) continue;
        const folded = ` ${fold(text)} `;
        if (form.formCodes.some((code) => folded.includes(` ${code} `))) return sheet;
        const trimmed = folded.trim();
        if (trimmed === title) return sheet;
        if (form.kind === 'table' && form.titleOnly) continue;
        if (trimmed === canonical || trimmed.startsWith(`${canonical} `)) return sheet;
      }
    }
  }
  return null;
}

/** Looks up the top-left cell of the merged area covering a cell, for the rows a header may use. */
export class MergeIndex {
  private readonly byCell = new Map<number, CellRange>();
  constructor(merges: readonly CellRange[] | undefined, rows?: { top: number; bottom: number }) {
    for (const m of merges ?? []) {
      if (rows && (m.bottom < rows.top || m.top > rows.bottom)) continue;
      // Only small areas matter for headers; a huge merge is indexed by its rows' first cells lazily.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 10_000) continue;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.byCell.set(r * MAX_COLUMNS + c, m);
    }
  }
  areaOf(row: number, col: number): CellRange | undefined {
    return this.byCell.get(row * MAX_COLUMNS + col);
  }
}

/** Excel's column count: a cell's number key is row × this + column. */
const MAX_COLUMNS = 16384;

/** Folded labels and prefixes of each definition, computed once a run: header search compares many cells. */
function keysOf(column: ColumnDef, memo: LocateMemo): { keys: readonly string[]; prefixes: readonly string[] } {
  let cached = memo.columnKeys.get(column);
  if (!cached) {
    const own = column.group ? `${column.group} ${column.label}` : column.label;
    const fold = (text: string): string => foldHeader(text, memo);
    cached = { keys: [own, ...(column.aliases ?? [])].map(fold), prefixes: (column.prefixes ?? []).map(fold) };
    memo.columnKeys.set(column, cached);
  }
  return cached;
}

export function columnMatches(column: ColumnDef, folded: string, memo: LocateMemo = locateMemo()): boolean {
  if (!folded) return false;
  const { keys, prefixes } = keysOf(column, memo);
  if (keys.includes(folded)) return true;
  return prefixes.some((key) => folded === key || folded.startsWith(`${key} `));
}

/** Every key and prefix of a form's columns: most header-window cells match none, and say so at once. */
function couldMatch(form: TableForm, folded: string, memo: LocateMemo): boolean {
  let cached = memo.formKeys.get(form);
  if (!cached) {
    const own = form.columns.map((c) => keysOf(c, memo));
    cached = { keys: new Set(own.flatMap((k) => k.keys)), prefixes: own.flatMap((k) => k.prefixes) };
    memo.formKeys.set(form, cached);
  }
  if (cached.keys.has(folded)) return true;
  for (const key of cached.prefixes) if (folded === key || folded.startsWith(`${key} `)) return true;
  return false;
}

export interface HeaderMatch {
  /** The last header row (data starts below it), 0-based sheet row. */
  readonly headerRow: number;
  /** The first header row (the group row of a two-row header). */
  readonly headerTop: number;
  /** Column key → 0-based sheet column. */
  readonly columns: ReadonlyMap<string, number>;
}

/**
 * The first rows of a sheet as header search reads them, each row folded once when first asked for:
 * every table form of a workbook searches the same rows, and a search that has matched every column
 * never looks further down (the data rows, names mostly, are never folded).
 */
export class HeaderWindow {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  private readonly merges: MergeIndex;
  /** Per row and column: the texts read as a one-row header, best first (see headerTexts). */
  private readonly one: (readonly string[])[][] = [];
  /** Per row and column: the texts read as the second row of a two-row header. */
  private readonly two: (readonly string[])[][] = [];

  constructor(
    private readonly sheet: SheetGrid,
    private readonly memo: LocateMemo,
  ) {
    this.top = sheet.originRow;
    this.bottom = Math.min(lastRow(sheet), this.top + HEADER_SEARCH_ROWS - 1);
    this.left = sheet.originCol;
    this.right = lastCol(sheet);
    this.merges = new MergeIndex(sheet.merges, { top: this.top, bottom: this.bottom });
  }

  /** Cells of row r with any text (through merges): no reading of the row names more columns. */
  private readonly filledCells: boolean[][] = [];

  private filled(r: number): boolean[] {
    let line = this.filledCells[r - this.top];
    if (!line) {
      line = [];
      for (let c = this.left; c <= this.right; c++) line.push(valueThroughMerge(this.sheet, this.merges, r, c) !== '');
      this.filledCells[r - this.top] = line;
    }
    return line;
  }

  /**
   * At most how many columns row r can name, counted without folding a label: a cell with text, or
   * (as a second header row) an empty cell under a group label, which is typed at most 6 columns to
   * its left in the row above.
   */
  bound(r: number, twoRows: boolean): number {
    const own = this.filled(r);
    let count = 0;
    if (!twoRows) {
      for (const f of own) if (f) count++;
      return count;
    }
    const above = this.filled(r - 1);
    let lastAbove = -Infinity;
    for (let i = 0; i < own.length; i++) {
      if (above[i]) lastAbove = i;
      if (own[i] || i - lastAbove <= 6) count++;
    }
    return count;
  }

  texts(r: number, twoRows: boolean): readonly (readonly string[])[] {
    const cache = twoRows ? this.two : this.one;
    let line = cache[r - this.top];
    if (!line) {
      line = [];
      for (let c = this.left; c <= this.right; c++) line.push(twoRows && r === this.top ? NO_TEXTS : headerTexts(this.sheet, this.merges, r, c, twoRows, this.memo));
      cache[r - this.top] = line;
    }
    return line;
  }
}

const NO_TEXTS: readonly string[] = [];

function headerWindow(sheet: SheetGrid, memo: LocateMemo): HeaderWindow {
  let window = memo.windows.get(sheet);
  if (!window) {
    window = new HeaderWindow(sheet, memo);
    memo.windows.set(sheet, window);
  }
  return window;
}

/**
 * The header row is the row (or pair of rows, for a merged group label above) among the first rows
 * whose labels name the most of the form's columns.
 */
export function findHeader(sheet: SheetGrid, form: TableForm, memo: LocateMemo = locateMemo()): HeaderMatch | null {
  const key = smallSheetKey(sheet);
  if (key === null) return findLongHeader(sheet, form, memo);
  let byForm = memo.smallSheetHeaders.get(form);
  if (!byForm) memo.smallSheetHeaders.set(form, (byForm = new Map()));
  let found = byForm.get(key);
  if (found === undefined) {
    found = searchHeader(sheet, form, memo);
    if (byForm.size >= SMALL_SHEET_LIMIT) byForm.clear();
    byForm.set(key, found);
  }
  return found;
}

/**
 * Blank forms (the template's leaders', schedule and dossier sheets that every chi bộ workbook carries)
 * are the same few rows in every workbook of a ward: their header is searched once. The key is the whole
 * sheet — every cell's text through merges, the merges, its place — so equal keys give equal answers; a
 * sheet longer than the search window is not keyed (its data rows make every key new).
 */
const SMALL_SHEET_LIMIT = 200;

function smallSheetKey(sheet: SheetGrid): string | null {
  if (sheet.values.length > HEADER_SEARCH_ROWS) return null;
  const parts: string[] = [String(sheet.originRow), String(sheet.originCol)];
  for (const m of sheet.merges ?? []) parts.push(`${m.top},${m.left},${m.bottom},${m.right}`);
  parts.push('|');
  for (const line of sheet.values) {
    for (const v of line) parts.push(keyText(v));
    parts.push('\n');
  }
  return parts.join('\u0001');
}

/** A cell's text in a key, its length first, so that no text (holding the separator, say) reads as two cells. */
function keyText(value: CellValue | undefined): string {
  const text = cellText(value ?? null);
  return text === '' ? '' : `${text.length}:${text}`;
}

/**
 * A long sheet's header, looked up by the rows above its data. A search that names every column of the form
 * stops at that row (searchHeader), so its answer depends on those rows only: their texts, the merges among
 * them, where the sheet starts and how wide it is. The rolls and tallies of a ward's workbooks, made from one
 * template, share those rows, so the search runs once a run; their data rows (names) never enter the key.
 * A header that names fewer columns is kept for another sheet when that sheet's rows below it could not
 * win the search (noLaterRowCanWin).
 */
function findLongHeader(sheet: SheetGrid, form: TableForm, memo: LocateMemo): HeaderMatch | null {
  let known = memo.headerPrefixes.get(form);
  if (!known) memo.headerPrefixes.set(form, (known = { depths: [], byKey: new Map() }));
  const width = lastCol(sheet);
  for (const depth of known.depths) {
    const hit = known.byKey.get(prefixKey(sheet, depth, width));
    if (hit && (hit.columns.size === form.columns.length || noLaterRowCanWin(sheet, hit, memo))) return hit;
  }
  const found = searchHeader(sheet, form, memo);
  if (found && known.byKey.size < SMALL_SHEET_LIMIT) {
    const depth = found.headerRow - sheet.originRow;
    if (!known.depths.includes(depth)) known.depths.push(depth);
    known.byKey.set(prefixKey(sheet, depth, width), found);
  }
  return found;
}

/**
 * Whether the search, having reached `hit` at its row, would keep it to the end of the window: a later row
 * wins only if it may name more columns (HeaderWindow.bound, the search's own test). A header that names
 * every column is kept at once; one that does not (the tally's template lacks two optional columns) is
 * kept when no row below can beat it, which the bounds of those rows tell without folding a label.
 */
function noLaterRowCanWin(sheet: SheetGrid, hit: HeaderMatch, memo: LocateMemo): boolean {
  const window = headerWindow(sheet, memo);
  const named = hit.columns.size;
  for (let r = hit.headerRow + 1; r <= window.bottom; r++) {
    if (window.bound(r, false) > named || window.bound(r, true) > named) return false;
  }
  return true;
}

/** The rows top…top+depth of a sheet as a key: its place and width, the merges that reach them, every cell's text. */
function prefixKey(sheet: SheetGrid, depth: number, width: number): string {
  const top = sheet.originRow;
  const parts: string[] = [String(top), String(sheet.originCol), String(width)];
  for (const m of sheet.merges ?? []) if (m.top <= top + depth && m.bottom >= top) parts.push(`${m.top},${m.left},${m.bottom},${m.right}`);
  parts.push('|');
  for (let i = 0; i <= depth && i < sheet.values.length; i++) {
    const line = sheet.values[i];
    // A wide sparse row is keyed by the cells it holds, with their columns.
    const present = presentColumns(line);
    if (present) for (const c of present) parts.push(`${c}:${keyText(line[c])}`);
    else for (const v of line) parts.push(keyText(v));
    parts.push('\n');
  }
  return parts.join('\u0001');
}

function searchHeader(sheet: SheetGrid, form: TableForm, memo: LocateMemo): HeaderMatch | null {
  const window = headerWindow(sheet, memo);
  let best: HeaderMatch | null = null;
  for (let r = window.top; r <= window.bottom; r++) {
    for (const twoRows of [false, true]) {
      if (twoRows && r === window.top) continue;
      // A row wins only with at least 2 columns and more than the best so far: most rows (titles, data)
      // cannot, and are never folded.
      const bound = window.bound(r, twoRows);
      if (bound < 2 || (best && bound <= best.columns.size)) continue;
      const line = window.texts(r, twoRows);
      const columns = new Map<string, number>();
      for (let c = window.left; c <= window.right; c++) {
        for (const text of line[c - window.left]) {
          if (!couldMatch(form, text, memo)) continue;
          const column = form.columns.find((col) => !columns.has(col.key) && columnMatches(col, text, memo));
          if (column) {
            columns.set(column.key, c);
            break;
          }
        }
      }
      if (columns.size >= 2 && (!best || columns.size > best.columns.size)) {
        best = { headerRow: r, headerTop: twoRows ? r - 1 : r, columns };
        // No later row can name more columns than all of them (a later row wins only with more).
        if (columns.size === form.columns.length) return best;
      }
    }
  }
  return best;
}

/**
 * The texts a header cell may be read as, best first: group label + own label for a two-row header
 * (the group taken from a merged area above, or carried from the left when the host gives no merges),
 * then the own label, then a label merged down from the row above.
 */
function headerTexts(sheet: SheetGrid, merges: MergeIndex, r: number, c: number, twoRows: boolean, memo: LocateMemo): readonly string[] {
  const own = valueThroughMerge(sheet, merges, r, c);
  if (twoRows) {
    const out: string[] = [];
    const group = groupLabel(sheet, merges, r - 1, c);
    if (group && own && group !== own) out.push(foldPair(group, own, memo));
    if (own) out.push(foldHeader(own, memo));
    else if (group) out.push(foldHeader(group, memo));
    return out;
  }
  return own ? [foldHeader(own, memo)] : NO_TEXTS;
}

/**
 * `foldHeader(group + " " + own)`, from the two folds: folding never joins across a space, so the fold
 * of the pair is the two folds joined — unless a "(" in the group opens a remark the own label closes.
 * Data rows pair every name with the name above it; this keeps those pairs from being folded afresh.
 */
function foldPair(group: string, own: string, memo: LocateMemo): string {
  if (group.includes('(')) return foldHeader(`${group} ${own}`, memo);
  const a = foldHeader(group, memo);
  const b = foldHeader(own, memo);
  return a && b ? `${a} ${b}` : a || b;
}

function valueThroughMerge(sheet: SheetGrid, merges: MergeIndex, r: number, c: number): string {
  const area = merges.areaOf(r, c);
  return cellText(area ? cellAt(sheet, area.top, area.left) : cellAt(sheet, r, c)).trim();
}

function groupLabel(sheet: SheetGrid, merges: MergeIndex, r: number, c: number): string {
  const direct = valueThroughMerge(sheet, merges, r, c);
  if (direct) return direct;
  if (merges.areaOf(r, c)) return '';
  // A group label typed once, not merged, stands over the empty cells to its right. A merged label
  // covers its area only, so the search stops at a merged cell.
  for (let cc = c - 1; cc >= sheet.originCol && c - cc <= 6; cc--) {
    if (merges.areaOf(r, cc)) return '';
    const t = cellText(cellAt(sheet, r, cc)).trim();
    if (t) return t;
  }
  return '';
}

export interface FieldHit {
  /** The cell holding the value (or where the value should be typed). */
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly labelAddress: string;
}

const sortedWords = (folded: string): string => folded.split(' ').sort().join(' ');

/** A field's folded labels, and each one's words in sorted order (for labels typed in another order). */
function fieldMatches(field: FieldDef, folded: string, memo: LocateMemo): boolean {
  let cached = memo.fieldKeys.get(field);
  if (!cached) {
    const keys = [field.label, ...(field.aliases ?? [])].map((k) => foldLabel(k, memo.folds));
    memo.fieldKeys.set(field, (cached = { keys, sorted: keys.map(sortedWords) }));
  }
  // `sameWords(key, folded)`, with the key's words sorted once and the text's at most once per call.
  let words: string | undefined;
  for (let k = 0; k < cached.keys.length; k++) {
    const key = cached.keys[k];
    if (key === folded) return true;
    if (key.length === folded.length && cached.sorted[k] === (words ??= sortedWords(folded))) return true;
  }
  return false;
}

/** The lengths of every folded field label: a text of another length names no field (not even reordered). */
function couldBeLabel(fields: readonly FieldDef[], folded: string, memo: LocateMemo): boolean {
  let lengths = memo.labelLengths.get(fields);
  if (!lengths) {
    lengths = new Set(fields.flatMap((f) => [f.label, ...(f.aliases ?? [])].map((k) => foldLabel(k, memo.folds).length)));
    memo.labelLengths.set(fields, lengths);
  }
  return lengths.has(folded.length);
}

/** A label that holds a colon itself ("Nghỉ ốm từ 3 tháng: tối đa HTNV") is the whole cell, not "label: value". */
function wholeLabel(fields: readonly FieldDef[], text: string, memo: LocateMemo): FieldDef | undefined {
  if (!text.includes(':')) return undefined;
  const folded = foldLabel(text, memo.folds);
  return folded && couldBeLabel(fields, folded, memo) ? fields.find((f) => fieldMatches(f, folded, memo)) : undefined;
}

function isFieldLabel(fields: readonly FieldDef[], text: string, memo: LocateMemo): boolean {
  if (wholeLabel(fields, text, memo)) return true;
  const colon = text.indexOf(':');
  const folded = foldLabel(colon >= 0 ? text.slice(0, colon) : text, memo.folds);
  return folded !== '' && couldBeLabel(fields, folded, memo) && fields.some((f) => fieldMatches(f, folded, memo));
}

/**
 * Header fields: a label cell with its value in the next non-empty cell to its right, or in the same
 * cell after a colon ("Chi bộ: Thanh Khê"). The first label found wins.
 */
export function findFields(sheet: SheetGrid, fields: readonly FieldDef[], rows?: { top: number; bottom: number }, memo: LocateMemo = locateMemo()): Map<string, FieldHit> {
  const found = new Map<string, FieldHit>();
  const top = rows?.top ?? sheet.originRow;
  const bottom = rows?.bottom ?? lastRow(sheet);
  for (let r = top; r <= bottom; r++) {
    // The row's own cells: a value in column XFD must not make every row cost 16,384 steps.
    const line = sheet.values[r - sheet.originRow];
    if (!line || line.length === 0) continue;
    const present = presentColumns(line);
    const count = present ? present.length : line.length;
    for (let i = 0; i < count; i++) {
      const c = sheet.originCol + (present ? present[i] : i);
      const text = cellText(line[c - sheet.originCol] ?? null);
      if (!text || text.length > 200) continue;
      const whole = wholeLabel(fields, text, memo);
      const colon = whole ? -1 : text.indexOf(':');
      const labelPart = colon >= 0 ? text.slice(0, colon) : text;
      const folded = foldLabel(labelPart, memo.folds);
      if (!folded || !couldBeLabel(fields, folded, memo)) continue;
      const field = whole && !found.has(whole.key) ? whole : fields.find((f) => !found.has(f.key) && fieldMatches(f, folded, memo));
      if (!field) continue;
      const after = colon >= 0 ? text.slice(colon + 1).trim() : '';
      if (after) {
        found.set(field.key, { row: r, col: c, value: after, labelAddress: a1(r, c) });
        continue;
      }
      let valueCol = c + 1;
      let value: CellValue = null;
      for (let j = i + 1; j < count; j++) {
        const cc = sheet.originCol + (present ? present[j] : j);
        const v = line[cc - sheet.originCol] ?? null;
        if (v !== null && !(typeof v === 'string' && v.trim() === '')) {
          // The next label on the row ("Chi bộ | | Năm đánh giá | 2017"): this field's value is missing.
          if (typeof v === 'string' && isFieldLabel(fields, v, memo)) break;
          valueCol = cc;
          value = v;
          break;
        }
      }
      found.set(field.key, { row: r, col: valueCol, value, labelAddress: a1(r, c) });
    }
  }
  return found;
}
