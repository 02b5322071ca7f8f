/**
 * The result sheets of FORMS.md as layouts: `KQ xếp loại đảng viên` (each member, then the counts of
 * form 04-KĐ.ĐV), `KQ xếp loại chi bộ` and `Kiểm tra`. Replaced whole on every run; A4 with the official
 * heading and a signature block.
 */
import type { ChiBoResult, CheckResult, MemberResult, SettingUsed } from '../check';
import { CRITERION_MAX, MORE_RESULT_SHEETS, RESULT_SHEETS } from '../forms/definitions';
import type { Issue, Severity } from '../issues';
import { LEADER_LEVELS, type LeaderResult } from '../rules/lead';
import { levelName } from '../rules/mem';
import { CHI_BO_LEVEL_WORDS } from '../rules/cb';
import { ORG_RATING_WORDS } from '../values/parse';
import { vn } from '../rules/rules25';
import { defaultSettings, REASON_WORDS, RESULT_WORDS, resultWords, settingValueWords } from '../rules/words';
import { findRuleSet, isHd27, type AnyRuleSet } from '../ruleSets';
import { keepTogether, PAGE_ROOM, settledHeights } from './paperPages';
import { type CellStyle, documentHeading, documentTitle, type HeadingColumns, headingColumns, LayoutBuilder, numberLine, type PartyDate, placeOf, type SheetLayout, signatureBlock, viNumber, withoutRuleIds } from './layout';

export const FLAG_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C' };
const HEADER: CellStyle = { bold: true, size: 11, fill: '#DDEBF7', align: 'center', wrap: true, border: true };
const BODY: CellStyle = { size: 11, wrap: true, border: true };
const BODY_NUMBER: CellStyle = { size: 11, border: true, align: 'center' };
const TITLE: CellStyle = { bold: true, size: 14, align: 'center', wrap: true };
const SUBTITLE: CellStyle = { italic: true, size: 11, align: 'center', wrap: true };
/** Columns kept for the screen, outside the print area: grey, smaller. */
const SCREEN_HEADER: CellStyle = { ...HEADER, fill: '#EDEDED', color: '#595959' };
const SCREEN: CellStyle = { size: 10, wrap: true, border: true, color: '#595959' };
/** A screen column's cell on one line (codes, arithmetic): one object for every row, so its style is looked up once. */
const SCREEN_ONE_LINE: CellStyle = { ...SCREEN, wrap: false };
const LINK: CellStyle = { size: 11, border: true, color: '#0563C1', underline: true };

export function placeName(dangBo: string | null): string {
  return placeOf(dangBo);
}

/** The document heading of the chi bộ's papers over the printed columns `cols` (HD 36-HD/VPTW). */
function heading(b: LayoutBuilder, result: CheckResult, cols: HeadingColumns, number: string | null = numberLine('BC', 'CB')): number {
  return documentHeading(b, { superior: result.heading.dangBo ?? 'Đảng bộ ……', issuer: `Chi bộ ${result.chiBo ?? '……'}`, number, place: placeOf(result.heading.dangBo), date: result.heading.meetingDate }, 0, cols);
}

const RECIPIENTS = ['- Đảng ủy (b/c);', '- Lưu chi bộ.'];

function tableHeader(b: LayoutBuilder, row: number, labels: readonly string[], height = 45): void {
  labels.forEach((label, i) => b.set(row, i, label, HEADER));
  b.height(row, height);
}

const STATUS: Record<MemberResult['status'], string> = { classified: 'Đã phân loại', 'not-classified': 'Không phân loại', deferred: 'Phân loại sau', undetermined: 'Chưa xác định' };
export const REASON_TEXT: Record<string, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  'admitted-under-6-months': 'Vào Đảng chưa đủ 6 tháng',
  suspended: 'Đang bị đình chỉ sinh hoạt đảng',
  absent: 'Vắng mặt',
  'no-self-review': 'Chưa kiểm điểm',
  'no-decisive-vote': 'Không mức nào đủ phiếu: bỏ phiếu lại',
  'tie-at-cap': 'Bằng phiếu ở ngưỡng 15%: chi bộ quyết định',
  'missing-rating': 'Thiếu xếp loại CBCCVC',
  'rating-conflict': 'Phiếu bầu mâu thuẫn xếp loại CBCCVC',
  'vote-data-error': 'Số phiếu có lỗi',
  'no-tally-row': 'Không có dòng kiểm phiếu',
  'input-error': 'Chờ sửa ô không đọc được',
};

/**
 * A member's reason in words; for `input-error` the cells it waits for (RULES.md 9.21). With the rule set,
 * its own wording where it has one (the cap's tie under hd43-2025 is of scores, not of 15 % of votes).
 */
export function reasonText(m: MemberResult, ruleSet?: string): string {
  if (!m.reason) return '';
  if (m.reason === 'input-error' && m.unreadable?.length) return `Chờ sửa ${m.unreadable.map((c) => `ô ${c.cell} (${c.label})`).join(', ')}: không đọc được`;
  const own = ruleSet === undefined ? undefined : resultWords(ruleSet).reasons[m.reason];
  return own?.vi ?? REASON_TEXT[m.reason] ?? REASON_WORDS[m.reason]?.vi ?? m.reason;
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(2).replace('.', ',')}%` : '—';
}

/**
 * What differs between the rule sets' member papers, as data the one layout below receives: the
 * widths and printed columns of the member table, its two header rows, each member's printed cells, the
 * words of the title and of the counts, and the figures line on screen. Chosen by the result's rule set
 * (`paperOf`), so `membersSheet` has no `if` on a rule set.
 */
interface MemberPaper {
  /** Every column's width: the printed ones, then "Quy tắc" and "Cách tính" for the screen. */
  readonly widths: readonly number[];
  readonly printed: number;
  readonly summary: string;
  /** The line under the title (the form it follows); the proposal's note under hd43-2025. */
  readonly formNote: string;
  readonly countsTitle: string;
  readonly membersTitle: string;
  /** The member table's two header rows over the printed columns (merges included). */
  readonly header: (b: LayoutBuilder, top: number) => void;
  readonly cells: (m: MemberResult, result: CheckResult) => (string | number)[];
  /** Printed columns whose text is a figure (a score written as Vietnamese text), centred as numbers are. */
  readonly figureColumns: readonly number[];
  readonly counts: (members: readonly MemberResult[]) => [string, number, string][];
  /** The figures behind the levels, on screen beside the title. */
  readonly figures: (result: CheckResult) => string;
}

/** Header labels over two rows (merged) in the columns `from` on. */
function tallHeaders(b: LayoutBuilder, top: number, labels: readonly string[], from = 0, style: CellStyle = HEADER): void {
  for (const [i, label] of labels.entries()) {
    const c = from + i;
    b.merge({ top, left: c, bottom: top + 1, right: c });
    b.set(top, c, label, style);
    b.set(top + 1, c, '', style);
  }
}

/** A span of header cells over one row, with its sub-headers below. */
function groupHeader(b: LayoutBuilder, top: number, from: number, label: string, subs: readonly string[]): void {
  const to = from + subs.length - 1;
  b.span(top, from, to, label, HEADER);
  for (let c = from + 1; c <= to; c++) b.set(top, c, '', HEADER);
  subs.forEach((s, i) => b.set(top + 1, from + i, s, HEADER));
}

const membership = (m: MemberResult): string => (m.membership === 'official' ? 'Chính thức' : m.membership === 'probationary' ? 'Dự bị' : '');

const HD27_MEMBERS: MemberPaper = {
  widths: [5, 24, 11, 25, 28, 13, 9, 9, 13, 18, 80],
  printed: 9,
  summary: 'Kết quả đánh giá, xếp loại chất lượng đảng viên',
  formNote: '(Mẫu 04-KĐ.ĐV)',
  countsTitle: 'I. TỔNG HỢP KẾT QUẢ',
  membersTitle: 'II. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN',
  header: (b, top) => {
    tallHeaders(b, top, ['STT', 'Họ và tên', 'Chính thức/ Dự bị', 'Mức xếp loại', 'Ghi chú']);
    b.span(top, 5, 7, 'Bỏ phiếu lần 1 (số phiếu)', HEADER);
    for (let c = 6; c <= 7; c++) b.set(top, c, '', HEADER);
    b.set(top, 8, 'Lần 2 (số phiếu)', HEADER);
    b.set(top + 1, 5, 'HTTNV (tỷ lệ trên N)', HEADER);
    b.set(top + 1, 6, 'HTNV', HEADER);
    b.set(top + 1, 7, 'KHTNV', HEADER);
    b.set(top + 1, 8, 'HTXSNV (tỷ lệ trên N)', HEADER);
  },
  cells: (m, result) => {
    const n = result.figures?.n ?? 0;
    const share = (v: number) => (n ? `${v} (${percent(v, n)})` : String(v));
    return [
      membership(m),
      m.status === 'classified' && m.level ? levelName(m.level) : STATUS[m.status],
      m.status === 'classified' ? '' : withoutRuleIds(reasonText(m)),
      m.votes ? share(m.votes.HTTNV) : '',
      m.votes ? m.votes.HTNV : '',
      m.votes ? m.votes.KHTNV : '',
      m.votes ? share(m.votes.HTXSNV) : '',
    ];
  },
  figureColumns: [],
  counts: (members) => form04(members),
  figures: (result) => {
    const f = result.figures;
    return `Bộ quy tắc ${result.ruleSet}; N = ${f?.n ?? '—'} đảng viên chính thức; giới hạn HTXSNV: ${f ? `${f.cap} (15% của ${f.pool} HTTNV)` : '—'}`;
  },
};

/** A score as the sheets print it: "92", "87,5"; empty when there is none. */
export function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : vn(value);
}

/** The setting a result used, by key (hd43-2025). */
function settingOf(result: CheckResult, key: string): SettingUsed | undefined {
  return result.settings?.find((s) => s.key === key);
}

/**
 * Under hd43-2025, the note of a member's row: why there is no level (for an undetermined member the
 * engine's sentence, which says what is missing), or what kept a higher one.
 */
function note25(m: MemberResult, ruleSet: string): string {
  if (m.status === 'undetermined' && !m.unreadable?.length && m.explanation) return withoutRuleIds(m.explanation);
  if (m.status !== 'classified') return withoutRuleIds(reasonText(m, ruleSet));
  if (m.unmet?.length) return `Chưa đạt: ${m.unmet.map((u) => withoutRuleIds(u.text)).join('; ')}`;
  return '';
}

/** The frame of hd43-2025's score (30 + 70 = 100), from the rule set. */
function frameOf(result: CheckResult): { common: number; tasks: number; total: number } {
  const rs = findRuleSet(result.ruleSet);
  return rs && !isHd27(rs) ? rs.frame : { common: 30, tasks: 70, total: 100 };
}

const HD43_MEMBERS: MemberPaper = {
  widths: [5, 26, 11, 11, 11, 9, 25, 39, 18, 80],
  printed: 8,
  summary: 'Kết quả đánh giá và đề xuất xếp loại chất lượng đảng viên',
  formNote: '(Mức xếp loại là đề xuất của chi bộ; cấp ủy có thẩm quyền xem xét, quyết định)',
  countsTitle: 'I. TỔNG HỢP ĐỀ XUẤT XẾP LOẠI',
  membersTitle: 'II. ĐIỂM VÀ ĐỀ XUẤT XẾP LOẠI TỪNG ĐẢNG VIÊN',
  header: (b, top) => {
    tallHeaders(b, top, ['STT', 'Họ và tên', 'Chính thức/ Dự bị']);
    groupHeader(b, top, 3, 'Điểm đánh giá', ['Tiêu chí chung', 'Kết quả nhiệm vụ', 'Tổng']);
    tallHeaders(b, top, [RESULT_WORDS.hd43.levelHeading.vi, 'Ghi chú'], 6);
  },
  cells: (m, result) => [
    membership(m),
    scoreText(m.scoreParts?.common),
    scoreText(m.scoreParts?.tasks),
    scoreText(m.score),
    m.status === 'classified' && m.level ? levelName(m.level) : STATUS[m.status],
    note25(m, result.ruleSet),
  ],
  figureColumns: [3, 4, 5],
  counts: (members) => countLines(members, [...COUNTS_NOT_CLASSIFIED, ['Không phân loại: đang bị đình chỉ sinh hoạt đảng', (m) => m.reason === 'suspended']], 'Số đảng viên được đề xuất xếp loại'),
  figures: (result) => {
    const f = result.figures;
    const percentUsed = settingOf(result, 'capPercent')?.value ?? 20;
    const scope = settingOf(result, 'capScope')?.value === 'chi-bo' ? 'trong chi bộ' : 'tạm tính trong chi bộ; Đảng ủy áp dụng trên toàn Đảng bộ';
    const frame = frameOf(result);
    const defaults = defaultSettings(result.settings).length;
    return `Bộ quy tắc ${result.ruleSet}; điểm ${frame.common} + ${frame.tasks} = ${frame.total}; ${f?.n ?? '—'} đảng viên được phân loại; giới hạn HTXSNV (${scope}): ${f ? `${f.cap} (${vn(Number(percentUsed))}% của ${f.pool} đảng viên đạt từ HTTNV)` : '—'}${defaults ? `; ${defaults} thiết lập theo mặc định (xem sheet Kiểm tra)` : ''}`;
  },
};

const MEMBER_PAPERS: Readonly<Record<AnyRuleSet['engine'], MemberPaper>> = { hd27: HD27_MEMBERS, hd43: HD43_MEMBERS };

/** The paper of the rule set the result was computed under (hd27-2014's for an id no rule set has). */
function engineOf(result: Pick<CheckResult, 'ruleSet'>): AnyRuleSet['engine'] {
  return findRuleSet(result.ruleSet)?.engine ?? 'hd27';
}

/**
 * `KQ xếp loại đảng viên`, printed as the chi bộ's report of its members' results (form 04-KĐ.ĐV):
 * the Party's heading, "BÁO CÁO …", I. the counts and percentages per level (and who is not
 * classified, why, in words), II. the members with their level and votes, the signatures. A4 landscape
 * at 100 %: the printed columns fit the page at 11 pt, so nothing is shrunk. The rule IDs and the
 * arithmetic ("Quy tắc", "Cách tính") are screen columns to the right, outside the print area; the
 * member table's two header rows repeat over its pages only (the counts come before it). Under
 * hd43-2025 (RULES-2025.md) the votes' columns are the score's (common, tasks, total), the level column
 * is "Đề xuất xếp loại" and the note names what kept a higher level: the MemberPaper of the rule set.
 */
export function membersSheet(result: CheckResult): SheetLayout {
  const paper = MEMBER_PAPERS[engineOf(result)];
  const PRINTED = paper.printed;
  const b = new LayoutBuilder(RESULT_SHEETS.members, paper.widths, true);
  const cols = headingColumns(b, PRINTED);
  const last = PRINTED - 1;
  let row = heading(b, result, cols);
  row = documentTitle(b, row, 'Báo cáo', `${paper.summary}${result.heading.year ? ` năm ${result.heading.year}` : ''}`, last);
  b.span(row - 1, 0, last, paper.formNote, { italic: true, size: 11, align: 'center' });
  b.set(row - 1, PRINTED, 'Trên màn hình, ngoài vùng in:', { italic: true, size: 11 });
  b.set(row - 1, PRINTED + 1, paper.figures(result), { italic: true, size: 11, wrap: true });

  // I. Form 04-KĐ.ĐV: counts per level, percentages of the members classified.
  b.span(row++, 0, last, paper.countsTitle, { bold: true, size: 12 });
  b.set(row, 0, 'TT', HEADER);
  b.span(row, 1, 4, 'Nội dung', HEADER);
  for (let c = 2; c <= 4; c++) b.set(row, c, '', HEADER);
  b.set(row, 5, 'Số lượng', HEADER);
  b.span(row, 6, last, 'Tỷ lệ (trên số được phân loại)', HEADER);
  for (let c = 7; c <= last; c++) b.set(row, c, '', HEADER);
  b.height(row++, 22);
  for (const [i, [label, value, pct]] of paper.counts(result.members).entries()) {
    b.set(row, 0, i + 1, BODY_NUMBER);
    b.span(row, 1, 4, label, BODY);
    for (let c = 2; c <= 4; c++) b.set(row, c, '', BODY);
    b.set(row, 5, value, BODY_NUMBER);
    b.span(row, 6, last, pct, BODY_NUMBER);
    for (let c = 7; c <= last; c++) b.set(row, c, '', BODY_NUMBER);
    row++;
  }
  row++;

  // II. The members.
  b.span(row++, 0, last, paper.membersTitle, { bold: true, size: 12 });
  const top = row;
  paper.header(b, top);
  tallHeaders(b, top, ['Quy tắc (không in)', 'Cách tính (không in)'], PRINTED, SCREEN_HEADER);
  b.height(top, 22);
  b.height(top + 1, 36);
  row = top + 2;
  result.members.forEach((m, i) => {
    const values: (string | number)[] = [i + 1, m.name, ...paper.cells(m, result)];
    values.forEach((v, c) => b.set(row, c, v, typeof v === 'number' || paper.figureColumns.includes(c) ? BODY_NUMBER : BODY));
    b.set(row, PRINTED, m.rules.join(', '), SCREEN_ONE_LINE);
    // Not wrapped: a long explanation must not make the printed row taller (the formula bar shows it).
    b.set(row, PRINTED + 1, m.explanation, SCREEN_ONE_LINE);
    row++;
  });
  const signature = row + 1;
  const end = signatureBlock(b, signature, { signer: ['T/M CHI BỘ', 'BÍ THƯ'], recipients: RECIPIENTS }, cols) - 1;
  const built = b.build({ printTitleRows: [top, top + 1], freezeRows: top + 2 });
  // The signatures are one block: a page break before them rather than "T/M CHI BỘ" at one page's foot
  // and the room to sign on the next (every row gets the height the pages are computed with).
  const heights = settledHeights(built, end);
  // The member section's heading, its header and its first two members stay together too.
  // The signatures never stand alone on a page: the last two members go with them.
  const blocks = [{ start: top - 1, end: signature - 1, keep: 5 }, { start: Math.max(top + 4, signature - 3), end }];
  const breaks = keepTogether(heights, end, PAGE_ROOM.landscape, blocks, { top, bottom: top + 1, until: end });
  return { ...built, rowHeights: heights, print: { fitToWidth: false, area: { top: 0, left: 0, bottom: end, right: last }, pageBreaks: breaks } };
}

type CountLine = readonly [string, (m: MemberResult) => boolean];

/** Who is not classified (and why), as form 04-KĐ.ĐV counts them. */
const COUNTS_NOT_CLASSIFIED: readonly CountLine[] = [
  ['Không phân loại: miễn công tác, sinh hoạt', (m) => m.reason === 'exempt'],
  ['Không phân loại: vào Đảng chưa đủ 6 tháng', (m) => m.reason === 'admitted-under-6-months'],
];

/** The counts: the roll, those not classified by `notClassified`, deferred, undetermined, then per level. */
function countLines(members: readonly MemberResult[], notClassified: readonly CountLine[], classifiedLabel: string): [string, number, string][] {
  const count = (pred: (m: MemberResult) => boolean) => members.filter(pred).length;
  const classified = members.filter((m) => m.status === 'classified');
  return [
    ['Tổng số đảng viên trong danh sách', members.length, ''],
    ...notClassified.map(([label, pred]): [string, number, string] => [label, count(pred), '']),
    ['Phân loại sau: vắng mặt', count((m) => m.status === 'deferred' && m.reason === 'absent'), ''],
    ['Phân loại sau: chưa kiểm điểm', count((m) => m.status === 'deferred' && m.reason !== 'absent'), ''],
    ['Chưa xác định (chi bộ phải xử lý)', count((m) => m.status === 'undetermined'), ''],
    [classifiedLabel, classified.length, classified.length ? '100,00%' : '—'],
    ...(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const).map((level): [string, number, string] => {
      const c = classified.filter((m) => m.level === level).length;
      return [`— ${levelName(level)}`, c, percent(c, classified.length)];
    }),
  ];
}

/** The lines of form 04-KĐ.ĐV: label, count, percentage of the members classified. */
export function form04(members: readonly MemberResult[]): [string, number, string][] {
  return countLines(members, COUNTS_NOT_CLASSIFIED, 'Số đảng viên được phân loại');
}

export const CHI_BO_LEVEL_NAME: Readonly<Record<string, string>> = CHI_BO_LEVEL_WORDS;
const CRITERIA = ['Thực hiện nhiệm vụ chính trị', 'Công tác chính trị tư tưởng', 'Công tác tổ chức cán bộ và xây dựng chi bộ', 'Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội', 'Công tác kiểm tra, giám sát và kỷ luật Đảng'];


function conditionText(value: boolean | number | string | null): string {
  if (value === null) return 'Chưa nhập';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return (ORG_RATING_WORDS as Readonly<Record<string, string>>)[String(value)] ?? String(value);
}

/** Printed columns of `KQ xếp loại chi bộ` (A..E); F is for the screen. */
const CHI_BO_PRINTED = 5;

/** What differs between the rule sets' chi bộ papers: the title's words and the body between title and signatures. */
interface ChiBoPaper {
  readonly summary: string;
  /** Writes the sections from `row`; returns the row after them. */
  readonly body: (b: LayoutBuilder, result: CheckResult, row: number) => number;
}

const CHI_BO_SECTION: CellStyle = { bold: true, size: 12 };

/** One row of a four-column table (TT, label over B–C, a figure in D, another in E). */
function tableRow(b: LayoutBuilder, r: number, tt: string | number, label: string, d: string | number, e: string, style: CellStyle = BODY): void {
  b.set(r, 0, tt, BODY_NUMBER);
  b.span(r, 1, 2, label, style);
  b.set(r, 2, '', style);
  b.set(r, 3, d, BODY_NUMBER);
  b.set(r, 4, e, { ...BODY_NUMBER, align: 'right', bold: style.bold });
}

function tableHead(b: LayoutBuilder, r: number, label: string, d: string, e: string): void {
  b.set(r, 0, 'TT', HEADER);
  b.span(r, 1, 2, label, HEADER);
  b.set(r, 2, '', HEADER);
  b.set(r, 3, d, HEADER);
  b.set(r, 4, e, HEADER);
  b.height(r, 36);
}

/** The conditions' table (label over B–D, the value in E). */
function conditionsTable(b: LayoutBuilder, row: number, conditions: readonly { label: string; value: boolean | number | string | null }[]): number {
  b.set(row, 0, 'TT', HEADER);
  b.span(row, 1, 3, 'Điều kiện', HEADER);
  for (let col = 2; col <= 3; col++) b.set(row, col, '', HEADER);
  b.set(row, 4, 'Giá trị', HEADER);
  b.height(row++, 22);
  conditions.forEach((cond, i) => {
    b.set(row, 0, i + 1, BODY_NUMBER);
    b.span(row, 1, 3, cond.label, BODY);
    for (let col = 2; col <= 3; col++) b.set(row, col, '', BODY);
    b.set(row, 4, conditionText(cond.value), BODY_NUMBER);
    row++;
  });
  return row;
}

/** The level line and the explanation in words; the rules and the explanation with IDs on screen (column F). */
function levelLines(b: LayoutBuilder, row: number, heading: string, c: ChiBoResult | undefined): number {
  const last = CHI_BO_PRINTED - 1;
  b.span(row, 0, 2, heading, CHI_BO_SECTION);
  b.span(row, 3, last, c?.level ? `${CHI_BO_LEVEL_NAME[c.level]}${c.provisional ? ' (tạm thời)' : ''}` : 'Chưa xác định', { bold: true, size: 12, color: '#C00000', wrap: true });
  b.set(row, CHI_BO_PRINTED, c ? `Quy tắc (không in): ${c.rules.join(', ')}` : '', SCREEN);
  row++;
  b.span(row, 0, last, withoutRuleIds(c?.explanation ?? ''), { italic: true, size: 11, wrap: true });
  b.set(row, CHI_BO_PRINTED, c?.explanation ?? '', SCREEN);
  return row + 1;
}

const HD27_CHI_BO: ChiBoPaper = {
  summary: 'Kết quả đánh giá, xếp loại chất lượng chi bộ',
  body: (b, result, row) => {
    const last = CHI_BO_PRINTED - 1;
    const c = result.chiBoResults[0];
    b.span(row++, 0, last, 'I. ĐIỂM CHẤM THEO TIÊU CHÍ', CHI_BO_SECTION);
    tableHead(b, row++, 'Tiêu chí', 'Điểm tối đa', 'Điểm bình quân');
    CRITERIA.forEach((name, i) => tableRow(b, row++, i + 1, name, CRITERION_MAX[i], viNumber(c?.criteria[i], 2)));
    tableRow(b, row++, '', 'Tổng điểm (bình quân các phiếu hợp lệ)', 100, viNumber(c?.score, 2), { ...BODY, bold: true });
    tableRow(b, row++, '', 'Số phiếu chấm điểm hợp lệ / đã nhập', '', c ? `${c.sheets.valid} / ${c.sheets.total}` : '—');
    row++;
    b.span(row++, 0, last, 'II. CÁC ĐIỀU KIỆN XẾP LOẠI', CHI_BO_SECTION);
    row = conditionsTable(b, row, c?.conditions ?? []);
    row++;
    return levelLines(b, row, 'III. MỨC XẾP LOẠI', c);
  },
};

/**
 * hd43-2025 (RULES-2025.md §5): the score out of 100 in its two groups (30 + 70), the chi bộ's task
 * figures, the conditions as entered and those not met, then the proposed level ("Đề xuất xếp loại"),
 * which the ban thường vụ of the level above decides.
 */
/** A chi bộ's score: as scored ("86,5") when in half points, else the mean to two decimals ("86,33"); "—" for none. */
function meanText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value * 2) ? vn(value) : viNumber(value, 2);
}

const HD43_CHI_BO: ChiBoPaper = {
  summary: 'Kết quả tự đánh giá và đề xuất xếp loại chất lượng chi bộ',
  body: (b, result, row) => {
    const last = CHI_BO_PRINTED - 1;
    const c = result.chiBoResults[0];
    const frame = frameOf(result);
    b.span(row++, 0, last, 'I. ĐIỂM ĐÁNH GIÁ', CHI_BO_SECTION);
    tableHead(b, row++, 'Nhóm tiêu chí', 'Điểm tối đa', 'Điểm đạt');
    tableRow(b, row++, 1, 'Nhóm tiêu chí chung', frame.common, meanText(c?.scoreParts?.common));
    tableRow(b, row++, 2, 'Kết quả thực hiện nhiệm vụ', frame.tasks, meanText(c?.scoreParts?.tasks));
    tableRow(b, row++, '', 'Tổng điểm', frame.total, meanText(c?.score), { ...BODY, bold: true });
    if (c && c.sheets.total > 0) tableRow(b, row++, '', 'Số phiếu chấm điểm hợp lệ / đã nhập', '', `${c.sheets.valid} / ${c.sheets.total}`);
    row++;
    b.span(row++, 0, last, 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ', CHI_BO_SECTION);
    tableHead(b, row++, 'Nội dung', 'Số lượng', 'Tỷ lệ (trên số được giao)');
    const t = c?.tasks ?? null;
    const figure = (v: number | undefined) => (t ? (v as number) : '—');
    tableRow(b, row++, 1, 'Nhiệm vụ được giao', figure(t?.assigned), '');
    tableRow(b, row++, 2, 'Hoàn thành đúng hạn', figure(t?.onTime), t ? percent(t.onTime, t.assigned) : '');
    tableRow(b, row++, 3, 'Hoàn thành vượt yêu cầu', figure(t?.exceeded), t ? percent(t.exceeded, t.assigned) : '');
    tableRow(b, row++, 4, 'Hoàn thành chậm', figure(t?.late), t ? percent(t.late, t.assigned) : '');
    row++;
    b.span(row++, 0, last, 'III. CÁC ĐIỀU KIỆN XẾP LOẠI', CHI_BO_SECTION);
    row = conditionsTable(b, row, c?.conditions ?? []);
    for (const u of c?.unmet ?? []) {
      b.span(row, 0, last, `Chưa đạt: ${withoutRuleIds(u.text)}`, { size: 11, wrap: true });
      b.set(row++, CHI_BO_PRINTED, u.rule, SCREEN);
    }
    row++;
    return levelLines(b, row, `IV. ${RESULT_WORDS.hd43.levelHeading.vi.toLocaleUpperCase('vi')}`, c);
  },
};

const CHI_BO_PAPERS: Readonly<Record<AnyRuleSet['engine'], ChiBoPaper>> = { hd27: HD27_CHI_BO, hd43: HD43_CHI_BO };

/**
 * `KQ xếp loại chi bộ`: the chi bộ's result as a Party paper, A4 portrait at 100 %. Scores are written as
 * Vietnamese text with two decimals ("35,53", "87,63"): a number format would print the computer's
 * decimal point. The rule IDs stay in column F, outside the print area. The sections between the title
 * and the signatures are the rule set's (ChiBoPaper).
 */
export function chiBoSheet(result: CheckResult): SheetLayout {
  const paper = CHI_BO_PAPERS[engineOf(result)];
  const b = new LayoutBuilder(RESULT_SHEETS.chiBo, [6, 36, 22, 12, 16, 60], false);
  const cols = headingColumns(b, CHI_BO_PRINTED);
  const last = CHI_BO_PRINTED - 1;
  let row = heading(b, result, cols);
  row = documentTitle(b, row, 'Báo cáo', `${paper.summary}${result.heading.year ? ` năm ${result.heading.year}` : ''}`, last);
  row = paper.body(b, result, row);
  const end = signatureBlock(b, row + 1, { signer: ['T/M CHI BỘ', 'BÍ THƯ'], recipients: RECIPIENTS }, cols);
  return b.build({ print: { fitToWidth: false, area: { top: 0, left: 0, bottom: end, right: last } } });
}

/**
 * `Kiểm tra`: every issue with a link to its cell (when the cell exists) and its rule. A screen sheet,
 * laid out as the ward's (`wardIssuesSheet`): printable on A4 landscape at 100 %, 11 pt, the message
 * wrapped, and the rule of each issue in the last column, outside the print area (codes on screen, words
 * on paper).
 */
export function issuesSheet(result: CheckResult, sheetExists: (name: string) => boolean): SheetLayout {
  const b = new LayoutBuilder(RESULT_SHEETS.issues, [6, 10, 24, 8, 86, 11], true);
  const last = 4;
  const issues = result.issues;
  b.span(0, 0, last, `KIỂM TRA SỐ LIỆU${result.chiBo ? ` — CHI BỘ ${result.chiBo.toUpperCase()}` : ''}`, TITLE);
  const errors = issues.filter((i) => i.severity === 'error').length;
  b.span(1, 0, last, `${errors} lỗi, ${issues.length - errors} cảnh báo. Bấm vào địa chỉ ô để đến chỗ cần sửa.`, { italic: true, size: 11 });
  tableHeader(b, 3, ['STT', 'Mức độ', 'Sheet', 'Ô', 'Nội dung'], 22);
  b.set(3, 5, 'Quy tắc (không in)', SCREEN_HEADER);
  issues.forEach((issue: Issue, i) => {
    const r = 4 + i;
    b.set(r, 0, i + 1, BODY_NUMBER);
    b.set(r, 1, issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo', { ...BODY, fill: FLAG_FILL[issue.severity] });
    b.set(r, 2, issue.sheet, BODY);
    if (issue.cell && sheetExists(issue.sheet)) b.set(r, 3, issue.cell, LINK, { sheet: issue.sheet, cell: issue.cell });
    else b.set(r, 3, issue.cell ?? '—', BODY);
    b.set(r, 4, issue.message, BODY);
    b.set(r, 5, issue.rule, SCREEN);
  });
  let bottom = Math.max(3, 3 + issues.length);
  const defaults = defaultSettings(result.settings);
  if (defaults.length > 0) bottom = defaultSettingsTable(b, bottom + 2, defaults, sheetExists);
  return b.build({ printTitleRows: [3, 3], freezeRows: 4, print: { fitToWidth: false, area: { top: 0, left: 0, bottom, right: last } } });
}

/**
 * Under `Kiểm tra`, the đảng ủy's settings (`Bộ tiêu chí`) this check used by default (RULES-2025.md §7,
 * CFG25-01): each with the value used and a link to the cell where the đảng ủy confirms it. Only a result
 * with settings (hd43-2025) has any. Returns the last row written.
 */
function defaultSettingsTable(b: LayoutBuilder, top: number, defaults: readonly SettingUsed[], sheetExists: (name: string) => boolean): number {
  const last = 4;
  b.span(top, 0, last, 'THIẾT LẬP CỦA ĐẢNG ỦY ĐANG DÙNG GIÁ TRỊ MẶC ĐỊNH', { bold: true, size: 12 });
  b.span(top + 1, 0, last, 'Sheet "Bộ tiêu chí" chưa ghi các giá trị dưới đây; kết quả dùng giá trị mặc định. Đề nghị đối chiếu hướng dẫn của cấp ủy và ghi giá trị vào ô tương ứng.', { italic: true, size: 11, wrap: true });
  tableHeader(b, top + 2, ['STT', 'Giá trị', 'Sheet', 'Ô', 'Thiết lập'], 22);
  b.set(top + 2, 5, 'Quy tắc (không in)', SCREEN_HEADER);
  defaults.forEach((s, i) => {
    const r = top + 3 + i;
    b.set(r, 0, i + 1, BODY_NUMBER);
    b.set(r, 1, settingValueWords(s), { ...BODY_NUMBER, fill: FLAG_FILL.warning });
    b.set(r, 2, s.sheet ?? 'Bộ tiêu chí', BODY);
    if (s.sheet && s.cell && sheetExists(s.sheet)) b.set(r, 3, s.cell, LINK, { sheet: s.sheet, cell: s.cell });
    else b.set(r, 3, s.cell ?? '—', BODY);
    b.set(r, 4, `${s.label}: ${settingValueWords(s)} theo mặc định${s.sheet ? '' : ' (sổ chưa có sheet "Bộ tiêu chí")'}`, BODY);
    b.set(r, 5, `CFG25-01, ${s.rule}`, SCREEN);
  });
  return top + 2 + defaults.length;
}

export function resultSheets(result: CheckResult, sheetExists: (name: string) => boolean): SheetLayout[] {
  return [membersSheet(result), chiBoSheet(result), issuesSheet(result, sheetExists)];
}

/**
 * The result sheets written only when there is something to show: the leaders' tally of form
 * 05-ĐG.CBLĐQL when the workbook has leaders' votes. `xeploai check --out` writes them after
 * `resultSheets`.
 */
export function moreResultSheets(result: CheckResult): SheetLayout[] {
  if (result.leaders.length === 0) return [];
  return [leadersSheet(result.leaders, result.heading, ['CHỦ TRÌ HỘI NGHỊ'])];
}

const pct = (v: number | null): string => (v === null ? '—' : `${v.toFixed(2).replace('.', ',')}%`);

/**
 * `KQ biểu quyết CBLĐQL`: form 05-ĐG.CBLĐQL, the votes per level and their share of the valid ballots,
 * grouped by the place of the vote (LEAD-01). The date line is the meeting's date where the workbook has
 * one (`check`), dots to fill in by hand where it has none (the ward's tally of several meetings).
 */
export function leadersSheet(
  leaders: readonly (LeaderResult & { readonly file?: string })[],
  heading: { readonly dangBo: string | null; readonly year: number | null; readonly meetingDate?: PartyDate | null },
  signer: readonly string[],
): SheetLayout {
  const b = new LayoutBuilder(MORE_RESULT_SHEETS.leaders, [5, 24, 24, 8, 9, 8, 9, 8, 9, 8, 9, 12], true);
  const cols = headingColumns(b);
  let row0 = documentHeading(b, { superior: null, issuer: heading.dangBo ?? 'Đảng bộ ……', number: null, place: placeOf(heading.dangBo), date: heading.meetingDate ?? null }, 0, cols);
  row0 = documentTitle(b, row0, 'Tổng hợp', `Kết quả biểu quyết nhận xét, đánh giá cán bộ lãnh đạo, quản lý${heading.year ? ` năm ${heading.year}` : ''}`);
  b.span(row0 - 1, 0, b.width - 1, '(Mẫu 05-ĐG.CBLĐQL; tỷ lệ tính trên số phiếu hợp lệ)', { ...SUBTITLE });
  const top = row0 + 1;
  for (const [c, label] of ['TT', 'Họ và tên', 'Chức vụ'].entries()) {
    b.merge({ top, left: c, bottom: top + 1, right: c });
    b.set(top, c, label, HEADER);
    b.set(top + 1, c, '', HEADER);
  }
  LEADER_LEVELS.forEach((level, i) => {
    const col = 3 + 2 * i;
    b.span(top, col, col + 1, levelName(level), HEADER);
    b.set(top, col + 1, '', HEADER);
    b.set(top + 1, col, 'Số phiếu', HEADER);
    b.set(top + 1, col + 1, 'Tỷ lệ', HEADER);
  });
  b.merge({ top, left: 11, bottom: top + 1, right: 11 });
  b.set(top, 11, 'Ghi chú', HEADER);
  b.set(top + 1, 11, '', HEADER);
  b.height(top, 36);
  let row = top + 2;
  const places = new Map<string, (LeaderResult & { readonly file?: string })[]>();
  for (const leader of leaders) {
    const key = `${leader.place ?? ''}\u0000${leader.file ?? ''}`;
    const list = places.get(key);
    if (list) list.push(leader);
    else places.set(key, [leader]);
  }
  let n = 0;
  for (const list of places.values()) {
    const first = list[0];
    const ballots = `số phiếu phát ra: ${first.issuedBallots ?? '—'}; số phiếu hợp lệ: ${first.validBallots ?? '—'}`;
    b.span(row, 0, b.width - 1, `Nơi biểu quyết: ${first.place ?? '(chưa ghi)'} — ${ballots}${first.file ? ` (tệp ${first.file})` : ''}`, { ...BODY, bold: true, fill: '#F2F2F2' });
    row++;
    for (const leader of list) {
      b.set(row, 0, ++n, BODY_NUMBER);
      b.set(row, 1, leader.name, BODY);
      b.set(row, 2, leader.position ?? '', BODY);
      LEADER_LEVELS.forEach((level, i) => {
        b.set(row, 3 + 2 * i, leader.votes[level] ?? '', BODY_NUMBER);
        b.set(row, 4 + 2 * i, pct(leader.percents[level]), BODY_NUMBER);
      });
      b.set(row, 11, leader.btv ? 'Ủy viên BTV Đảng ủy' : '', BODY);
      row++;
    }
  }
  signatureBlock(b, row + 1, { signer, leftSigner: ['Người tổng hợp'] }, cols);
  return b.build({ printTitleRows: [top, top + 1], freezeRows: top + 2, print: { fitToWidth: false } });
}

export interface Flag {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly fill: string;
  /** Rule IDs and messages of every issue on the cell, without saying which cell (`Kiểm tra` has that). */
  readonly note: string;
}

/**
 * A message as a note on its own cell: the leading 'Sheet "…", ô E7' or 'Sheet "…", dòng 12' would only
 * repeat where the note is (and every note travels to Excel in the check's requests).
 */
function onTheCell(message: string): string {
  return message.replace(/^Sheet "[^"]*", (?:ô [A-Z]+\d+|dòng \d+)(?:: | (?=\())/, '');
}

/** One flag per offending cell: several issues share one note, the worst severity sets the colour. */
export function flagsOf(issues: readonly Issue[], sheetExists: (name: string) => boolean): Flag[] {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (!issue.cell || !sheetExists(issue.sheet)) continue;
    const key = `${issue.sheet}\u0000${issue.cell}`;
    const list = byCell.get(key);
    if (list) list.push(issue);
    else byCell.set(key, [issue]);
  }
  return [...byCell.values()].map((list) => {
    const severity: Severity = list.some((i) => i.severity === 'error') ? 'error' : 'warning';
    const note = [...new Set(list.map((i) => `[${i.rule}] ${onTheCell(i.message)}`))].join('\n\n');
    return { sheet: list[0].sheet, cell: list[0].cell as string, severity, fill: FLAG_FILL[severity], note };
  });
}
