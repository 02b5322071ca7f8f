/**
 * Reading one cell as a person would: the spellings of FORMS.md for yes/no and levels, day-first dates,
 * Vietnamese decimal commas. A parser never throws and never guesses: it returns the value or says why not.
 */
import { type CellValue, isCellError } from '../grid';
import { Memo, memoKind } from '../run';
import { cleanText, foldLabel, isBlankText } from '../text/normalize';
import { type DateOnly, formatDate, fromExcelSerial, isValidDate } from './dates';

export type Parsed<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'empty' }
  | { readonly kind: 'formula-error'; readonly error: string }
  | { readonly kind: 'invalid'; readonly text: string };

const EMPTY: Parsed<never> = { kind: 'empty' };
const ok = <T>(value: T): Parsed<T> => ({ kind: 'ok', value });
// Shared, since a roll holds a dozen yes/no cells per member; Parsed values are never mutated.
const YES: Parsed<boolean> = ok(true);
const NO: Parsed<boolean> = ok(false);

/** How a cell reads back to the clerk in a message. */
export function displayValue(value: CellValue): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && isBlankText(value));
}

function preflight(value: CellValue): Parsed<never> | null {
  if (isBlank(value)) return EMPTY;
  if (isCellError(value)) return { kind: 'formula-error', error: value.error };
  return null;
}

export function parseText(value: CellValue): Parsed<string> {
  const early = preflight(value);
  if (early) return early;
  const text = typeof value === 'string' ? value : displayValue(value);
  return ok(/\s{2}|[^\S ]|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text);
}

/** A number as typed: `12`, `12,5`, `12.5`, ` 7 `. */
export function parseNumber(value: CellValue): Parsed<number> {
  const early = preflight(value);
  if (early) return early;
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : { kind: 'invalid', text: String(value) };
  if (typeof value === 'string') {
    const t = cleanText(value).replace(/\s/g, '');
    if (/^[+-]?\d+([.,]\d+)?$/.test(t)) return ok(Number(t.replace(',', '.')));
    return { kind: 'invalid', text: cleanText(value) };
  }
  return { kind: 'invalid', text: displayValue(value) };
}

/** A choice from a fixed list: each accepted spelling folds to one code; matched whole, never by prefix. */
export interface Vocabulary<T extends string> {
  readonly name: string;
  /** The spellings shown to the clerk as the accepted values. */
  readonly shown: readonly string[];
  readonly lookup: ReadonlyMap<string, T>;
  /** One shared `ok` result per code (Parsed values are never mutated). */
  readonly accepted: ReadonlyMap<T, Parsed<T>>;
}

/**
 * A run's answers of parseChoice, by vocabulary: raw text → code (or null), so a roll of thousands folds
 * each distinct spelling once. Bounded per vocabulary, as spellings repeat and typos do not.
 */
export type ChoiceMemo = Map<Vocabulary<string>, Memo<string, string | null>>;
export const CHOICE_MEMO = memoKind<ChoiceMemo>('choices', () => new Map());
const CHOICE_MEMO_LIMIT = 10_000;

export function vocabulary<T extends string>(name: string, entries: readonly (readonly [T, readonly string[]])[], shown: readonly string[]): Vocabulary<T> {
  const lookup = new Map<string, T>();
  const accepted = new Map<T, Parsed<T>>();
  for (const [code, spellings] of entries) {
    accepted.set(code, ok(code));
    for (const spelling of spellings) {
      lookup.set(foldLabel(spelling), code);
      lookup.set(foldLabel(spelling).replace(/ /g, ''), code);
    }
  }
  return { name, shown, lookup, accepted };
}

/** The run's memo of a vocabulary's answers (undefined: not kept, each text folded afresh). */
export function choiceMemo<T extends string>(memos: ChoiceMemo | undefined, vocab: Vocabulary<T>): Memo<string, T | null> | undefined {
  if (!memos) return undefined;
  let memo = memos.get(vocab);
  if (!memo) memos.set(vocab, (memo = new Memo<string, string | null>(CHOICE_MEMO_LIMIT)));
  return memo as Memo<string, T | null>;
}

function codeOf<T extends string>(text: string, vocab: Vocabulary<T>, memo: Memo<string, T | null> | undefined): T | null {
  const known = memo?.get(text);
  if (known !== undefined) return known;
  const folded = foldLabel(text);
  const code = vocab.lookup.get(folded) ?? vocab.lookup.get(folded.replace(/ /g, '')) ?? null;
  memo?.set(text, code);
  return code;
}

export function parseChoice<T extends string>(value: CellValue, vocab: Vocabulary<T>, memo?: Memo<string, T | null>): Parsed<T> {
  const early = preflight(value);
  if (early) return early;
  const text = displayValue(value);
  const code = codeOf(text, vocab, memo);
  if (code === null) return { kind: 'invalid', text: cleanText(text) };
  return vocab.accepted.get(code) as Parsed<T>;
}

export const YES_NO = vocabulary<'yes' | 'no'>(
  'có/không',
  [
    ['yes', ['x', 'có', 'co', '1', 'true', 'yes', 'đúng', 'c']],
    ['no', ['không', 'khong', 'ko', 'k', '0', 'false', 'no', 'sai']],
  ],
  ['x', 'Có', '1', 'TRUE', '✓', '(trống) = không', 'Không', '0', 'FALSE'],
);

const CHECK_MARKS: ReadonlySet<string> = new Set(['✓', '✔', '☑', '√', '✅']);

/** Yes/no cell: an empty cell is "no" (RULES.md 9.1). */
export function parseYesNo(value: CellValue, memo?: Memo<string, 'yes' | 'no' | null>): Parsed<boolean> {
  if (value === null) return NO;
  if (typeof value === 'boolean') return value ? YES : NO;
  if (typeof value === 'number') return value === 1 ? YES : value === 0 ? NO : { kind: 'invalid', text: String(value) };
  if (typeof value === 'string') {
    // Most cells repeat a handful of spellings ("x", "", "Có"): in a run, one map lookup, no folding.
    const seen = memo?.get(value);
    if (seen !== undefined && seen !== null) return seen === 'yes' ? YES : NO;
    if (CHECK_MARKS.has(cleanText(value))) return YES;
  }
  const parsed = parseChoice(value, YES_NO, memo);
  if (parsed.kind === 'empty') return NO;
  return parsed.kind === 'ok' ? (parsed.value === 'yes' ? YES : NO) : parsed;
}

export type MemberLevel = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';
export type CivilServiceRating = MemberLevel | 'HTNV-HCNL';

const LEVEL_SPELLINGS: readonly (readonly [CivilServiceRating, readonly string[]])[] = [
  ['HTXSNV', ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV', 'HTXS', 'Xuất sắc']],
  ['HTTNV', ['Hoàn thành tốt nhiệm vụ', 'HTTNV', 'HTT', 'Tốt']],
  ['HTNV', ['Hoàn thành nhiệm vụ', 'HTNV', 'HT', 'Hoàn thành']],
  ['HTNV-HCNL', ['Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực', 'HTNV-HCNL', 'HTNV HCNL', 'HCNL', 'Hoàn thành nhiệm vụ nhưng hạn chế về năng lực', 'Còn hạn chế về năng lực']],
  ['KHTNV', ['Không hoàn thành nhiệm vụ', 'KHTNV', 'KHT', 'Không hoàn thành']],
];

export const MEMBER_LEVEL = vocabulary<MemberLevel>(
  'mức xếp loại đảng viên',
  LEVEL_SPELLINGS.filter(([code]) => code !== 'HTNV-HCNL') as readonly (readonly [MemberLevel, readonly string[]])[],
  ['Hoàn thành xuất sắc nhiệm vụ (HTXSNV)', 'Hoàn thành tốt nhiệm vụ (HTTNV)', 'Hoàn thành nhiệm vụ (HTNV)', 'Không hoàn thành nhiệm vụ (KHTNV)'],
);

export const CIVIL_SERVICE_RATING = vocabulary<CivilServiceRating>(
  'xếp loại CBCCVC',
  LEVEL_SPELLINGS,
  [
    'Hoàn thành xuất sắc nhiệm vụ (HTXSNV)',
    'Hoàn thành tốt nhiệm vụ (HTTNV)',
    'Hoàn thành nhiệm vụ (HTNV)',
    'Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực (HTNV-HCNL)',
    'Không hoàn thành nhiệm vụ (KHTNV)',
  ],
);

export type Membership = 'official' | 'probationary';
export const MEMBERSHIP = vocabulary<Membership>(
  'chính thức/dự bị',
  [
    ['official', ['Chính thức', 'CT', 'Đảng viên chính thức', 'ĐVCT']],
    ['probationary', ['Dự bị', 'DB', 'Đảng viên dự bị', 'ĐVDB']],
  ],
  ['Chính thức', 'Dự bị'],
);

export type OrgRating = 'highest' | 'second' | 'lower';
/** The rating as the sheet says it, for results and papers. */
export const ORG_RATING_WORDS: Readonly<Record<OrgRating, string>> = { highest: 'Cao nhất', second: 'Cao thứ hai', lower: 'Thấp hơn' };
export const ORG_RATING = vocabulary<OrgRating>(
  'xếp loại chính quyền, Mặt trận, đoàn thể',
  [
    ['highest', ['Cao nhất', 'Mức cao nhất', 'Đạt mức cao nhất']],
    ['second', ['Cao thứ hai', 'Mức cao thứ hai', 'Đạt mức cao thứ hai', 'Thứ hai']],
    ['lower', ['Thấp hơn', 'Mức thấp hơn', 'Thấp']],
  ],
  Object.values(ORG_RATING_WORDS),
);

export type DateProblem = 'year-only' | 'not-a-date';

/**
 * A number in a date cell as Excel shows it (DECISIONS 48): the day, `00/01/1900` for the 1900
 * system's day 0, and `#####` for what no date format can show (before the system's first day, after
 * 31/12/9999, and the 1900 system's phantom 29/02/1900 shows as itself).
 */
export function displayDateSerial(serial: number, date1904 = false): string {
  const date = fromExcelSerial(serial, date1904);
  if (date) return formatDate(date);
  if (!Number.isFinite(serial)) return String(serial);
  const whole = Math.floor(serial);
  if (!date1904 && whole === 60) return '29/02/1900';
  if (!date1904 && whole === 0) return '00/01/1900';
  return '#####';
}

/**
 * A day-first date (DATA-03): an Excel serial number in the workbook's date system (`date1904`), as
 * every reader gives a date cell; or text such as `01/12/2017`, `1-12-2017`, `01.12.17`,
 * `ngày 01 tháng 12 năm 2017`, or ISO `2017-12-01`. An invalid number's `text` is the cell as Excel
 * shows it in a date format.
 */
export function parseDate(value: CellValue, date1904 = false): Parsed<DateOnly> {
  const early = preflight(value);
  if (early) return early;
  if (typeof value === 'number') {
    // A bare year typed into a date cell would otherwise read as a serial day in 1905.
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return { kind: 'invalid', text: String(value) };
    const date = fromExcelSerial(value, date1904);
    return date ? ok(date) : { kind: 'invalid', text: displayDateSerial(value, date1904) };
  }
  if (typeof value !== 'string') return { kind: 'invalid', text: displayValue(value) };
  const text = cleanText(value);
  const folded = foldLabel(text);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$/.exec(text);
  if (m) return checked(fullYear(m[3]), Number(m[2]), Number(m[1]), text);
  m = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(folded);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]), text);
  return { kind: 'invalid', text };
}

/**
 * Two-digit years: 00–29 are this century, 30–99 the last. Births go back to the 1930s and the
 * assessments this tool serves run into the 2020s; a four-digit year is never guessed at.
 */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function checked(y: number, m: number, d: number, text: string): Parsed<DateOnly> {
  return isValidDate(y, m, d) ? ok({ y, m, d }) : { kind: 'invalid', text };
}

/** A year such as `2017` (number or text). */
export function parseYear(value: CellValue): Parsed<number> {
  const n = parseNumber(value);
  if (n.kind !== 'ok') return n;
  return Number.isInteger(n.value) && n.value >= 1930 && n.value <= 2200 ? n : { kind: 'invalid', text: displayValue(value) };
}
