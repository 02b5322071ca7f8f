/**
 * The result sheets of FORMS.md as layouts: `KQ xếp loại đảng viên` (each member, then the counts of
 * form 04-KĐ.ĐV), `KQ xếp loại chi bộ` and `Kiểm tra`. Replaced whole on every run; A4 with the official
 * heading and a signature block.
 */
import type { CheckResult, MemberResult } from '../check';
import { CRITERION_MAX, MORE_RESULT_SHEETS, RESULT_SHEETS } from '../forms/definitions';
import type { Issue, Severity } from '../issues';
import { LEADER_LEVELS, type LeaderResult } from '../rules/lead';
import { levelName } from '../rules/mem';
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

/** A member's reason in words; for `input-error` the cells it waits for (RULES.md 9.21). */
export function reasonText(m: MemberResult): string {
  if (!m.reason) return '';
  if (m.reason === 'input-error' && m.unreadable?.length) return `Chờ sửa ${m.unreadable.map((c) => `ô ${c.cell} (${c.label})`).join(', ')}: không đọc được`;
  return REASON_TEXT[m.reason] ?? m.reason;
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(2).replace('.', ',')}%` : '—';
}

/** Printed columns of `KQ xếp loại đảng viên` (A..I); the screen-only columns follow them. */
const MEMBER_PRINTED = 9;

/**
 * `KQ xếp loại đảng viên`, printed as the chi bộ's report of its members' results (form 04-KĐ.ĐV):
 * the Party's heading, "BÁO CÁO …", I. the counts and percentages per level (and who is not
 * classified, why, in words), II. the members with their level and votes, the signatures. A4 landscape
 * at 100 %: the nine printed columns fit the page at 11 pt, so nothing is shrunk. The rule IDs and the
 * arithmetic ("Quy tắc", "Cách tính") are screen columns to the right, outside the print area; the
 * member table's two header rows repeat over its pages only (the counts come before it).
 */
export function membersSheet(result: CheckResult): SheetLayout {
  const b = new LayoutBuilder(RESULT_SHEETS.members, [5, 24, 11, 25, 28, 13, 9, 9, 13, 18, 80], true);
  const cols = headingColumns(b, MEMBER_PRINTED);
  const last = MEMBER_PRINTED - 1;
  const f = result.figures;
  let row = heading(b, result, cols);
  row = documentTitle(b, row, 'Báo cáo', `Kết quả đánh giá, xếp loại chất lượng đảng viên${result.heading.year ? ` năm ${result.heading.year}` : ''}`, last);
  b.span(row - 1, 0, last, '(Mẫu 04-KĐ.ĐV)', { italic: true, size: 11, align: 'center' });
  b.set(row - 1, MEMBER_PRINTED, 'Trên màn hình, ngoài vùng in:', { italic: true, size: 11 });
  b.set(row - 1, MEMBER_PRINTED + 1, `Bộ quy tắc ${result.ruleSet}; N = ${f?.n ?? '—'} đảng viên chính thức; giới hạn HTXSNV: ${f ? `${f.cap} (15% của ${f.pool} HTTNV)` : '—'}`, { italic: true, size: 11, wrap: true });

  // I. Form 04-KĐ.ĐV: counts per level, percentages of the members classified.
  b.span(row++, 0, last, 'I. TỔNG HỢP KẾT QUẢ', { bold: true, size: 12 });
  b.set(row, 0, 'TT', HEADER);
  b.span(row, 1, 4, 'Nội dung', HEADER);
  for (let c = 2; c <= 4; c++) b.set(row, c, '', HEADER);
  b.set(row, 5, 'Số lượng', HEADER);
  b.span(row, 6, 8, 'Tỷ lệ (trên số được phân loại)', HEADER);
  for (let c = 7; c <= 8; c++) b.set(row, c, '', HEADER);
  b.height(row++, 22);
  for (const [i, [label, value, pct]] of form04(result.members).entries()) {
    b.set(row, 0, i + 1, BODY_NUMBER);
    b.span(row, 1, 4, label, BODY);
    for (let c = 2; c <= 4; c++) b.set(row, c, '', BODY);
    b.set(row, 5, value, BODY_NUMBER);
    b.span(row, 6, 8, pct, BODY_NUMBER);
    for (let c = 7; c <= 8; c++) b.set(row, c, '', BODY_NUMBER);
    row++;
  }
  row++;

  // II. The members.
  b.span(row++, 0, last, 'II. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN', { bold: true, size: 12 });
  const top = row;
  for (const [c, label] of ['STT', 'Họ và tên', 'Chính thức/ Dự bị', 'Mức xếp loại', 'Ghi chú'].entries()) {
    b.merge({ top, left: c, bottom: top + 1, right: c });
    b.set(top, c, label, HEADER);
    b.set(top + 1, c, '', HEADER);
  }
  b.span(top, 5, 7, 'Bỏ phiếu lần 1 (số phiếu)', HEADER);
  for (let c = 6; c <= 7; c++) b.set(top, c, '', HEADER);
  b.set(top, 8, 'Lần 2 (số phiếu)', HEADER);
  b.set(top + 1, 5, 'HTTNV (tỷ lệ trên N)', HEADER);
  b.set(top + 1, 6, 'HTNV', HEADER);
  b.set(top + 1, 7, 'KHTNV', HEADER);
  b.set(top + 1, 8, 'HTXSNV (tỷ lệ trên N)', HEADER);
  b.merge({ top, left: MEMBER_PRINTED, bottom: top + 1, right: MEMBER_PRINTED });
  b.set(top, MEMBER_PRINTED, 'Quy tắc (không in)', SCREEN_HEADER);
  b.set(top + 1, MEMBER_PRINTED, '', SCREEN_HEADER);
  b.merge({ top, left: MEMBER_PRINTED + 1, bottom: top + 1, right: MEMBER_PRINTED + 1 });
  b.set(top, MEMBER_PRINTED + 1, 'Cách tính (không in)', SCREEN_HEADER);
  b.set(top + 1, MEMBER_PRINTED + 1, '', SCREEN_HEADER);
  b.height(top, 22);
  b.height(top + 1, 36);
  row = top + 2;
  const n = f?.n ?? 0;
  const share = (v: number) => (n ? `${v} (${percent(v, n)})` : String(v));
  result.members.forEach((m, i) => {
    const values: (string | number)[] = [
      i + 1,
      m.name,
      m.membership === 'official' ? 'Chính thức' : m.membership === 'probationary' ? 'Dự bị' : '',
      m.status === 'classified' && m.level ? levelName(m.level) : STATUS[m.status],
      m.status === 'classified' ? '' : withoutRuleIds(reasonText(m)),
      m.votes ? share(m.votes.HTTNV) : '',
      m.votes ? m.votes.HTNV : '',
      m.votes ? m.votes.KHTNV : '',
      m.votes ? share(m.votes.HTXSNV) : '',
    ];
    values.forEach((v, c) => b.set(row, c, v, typeof v === 'number' ? BODY_NUMBER : BODY));
    b.set(row, MEMBER_PRINTED, m.rules.join(', '), { ...SCREEN, wrap: false });
    // Not wrapped: a long explanation must not make the printed row taller (the formula bar shows it).
    b.set(row, MEMBER_PRINTED + 1, m.explanation, { ...SCREEN, wrap: false });
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

/** The lines of form 04-KĐ.ĐV: label, count, percentage of the members classified. */
export function form04(members: readonly MemberResult[]): [string, number, string][] {
  const count = (pred: (m: MemberResult) => boolean) => members.filter(pred).length;
  const classified = members.filter((m) => m.status === 'classified');
  return [
    ['Tổng số đảng viên trong danh sách', members.length, ''],
    ['Không phân loại: miễn công tác, sinh hoạt', count((m) => m.reason === 'exempt'), ''],
    ['Không phân loại: vào Đảng chưa đủ 6 tháng', count((m) => m.reason === 'admitted-under-6-months'), ''],
    ['Phân loại sau: vắng mặt', count((m) => m.status === 'deferred' && m.reason === 'absent'), ''],
    ['Phân loại sau: chưa kiểm điểm', count((m) => m.status === 'deferred' && m.reason !== 'absent'), ''],
    ['Chưa xác định (chi bộ phải xử lý)', count((m) => m.status === 'undetermined'), ''],
    ['Số đảng viên được phân loại', classified.length, classified.length ? '100,00%' : '—'],
    ...(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const).map((level): [string, number, string] => {
      const c = classified.filter((m) => m.level === level).length;
      return [`— ${levelName(level)}`, c, percent(c, classified.length)];
    }),
  ];
}

export const CHI_BO_LEVEL_NAME: Record<string, string> = { TSVM: 'Trong sạch, vững mạnh', HTTNV: 'Hoàn thành tốt nhiệm vụ', HTNV: 'Hoàn thành nhiệm vụ', YK: 'Yếu kém' };
const CRITERIA = ['Thực hiện nhiệm vụ chính trị', 'Công tác chính trị tư tưởng', 'Công tác tổ chức cán bộ và xây dựng chi bộ', 'Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội', 'Công tác kiểm tra, giám sát và kỷ luật Đảng'];

function conditionText(value: boolean | number | string | null): string {
  if (value === null) return 'Chưa nhập';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}

/** Printed columns of `KQ xếp loại chi bộ` (A..E); F is for the screen. */
const CHI_BO_PRINTED = 5;

/**
 * `KQ xếp loại chi bộ`: the chi bộ's result as a Party paper, A4 portrait at 100 %. Scores are written as
 * Vietnamese text with two decimals ("35,53", "87,63"): a number format would print the computer's
 * decimal point. The rule IDs stay in column F, outside the print area.
 */
export function chiBoSheet(result: CheckResult): SheetLayout {
  const b = new LayoutBuilder(RESULT_SHEETS.chiBo, [6, 36, 22, 12, 16, 60], false);
  const cols = headingColumns(b, CHI_BO_PRINTED);
  const last = CHI_BO_PRINTED - 1;
  let row = heading(b, result, cols);
  row = documentTitle(b, row, 'Báo cáo', `Kết quả đánh giá, xếp loại chất lượng chi bộ${result.heading.year ? ` năm ${result.heading.year}` : ''}`, last);
  const c = result.chiBoResults[0];
  b.span(row++, 0, last, 'I. ĐIỂM CHẤM THEO TIÊU CHÍ', { bold: true, size: 12 });
  const criteriaRow = (r: number, tt: string | number, label: string, max: string | number, mean: string, style: CellStyle = BODY) => {
    b.set(r, 0, tt, BODY_NUMBER);
    b.span(r, 1, 2, label, style);
    b.set(r, 2, '', style);
    b.set(r, 3, max, BODY_NUMBER);
    b.set(r, 4, mean, { ...BODY_NUMBER, align: 'right', bold: style.bold });
  };
  b.set(row, 0, 'TT', HEADER);
  b.span(row, 1, 2, 'Tiêu chí', HEADER);
  b.set(row, 2, '', HEADER);
  b.set(row, 3, 'Điểm tối đa', HEADER);
  b.set(row, 4, 'Điểm bình quân', HEADER);
  b.height(row++, 36);
  CRITERIA.forEach((name, i) => criteriaRow(row++, i + 1, name, CRITERION_MAX[i], viNumber(c?.criteria[i], 2)));
  criteriaRow(row++, '', 'Tổng điểm (bình quân các phiếu hợp lệ)', 100, viNumber(c?.score, 2), { ...BODY, bold: true });
  criteriaRow(row++, '', 'Số phiếu chấm điểm hợp lệ / đã nhập', '', c ? `${c.sheets.valid} / ${c.sheets.total}` : '—');
  row++;
  b.span(row++, 0, last, 'II. CÁC ĐIỀU KIỆN XẾP LOẠI', { bold: true, size: 12 });
  b.set(row, 0, 'TT', HEADER);
  b.span(row, 1, 3, 'Điều kiện', HEADER);
  for (let col = 2; col <= 3; col++) b.set(row, col, '', HEADER);
  b.set(row, 4, 'Giá trị', HEADER);
  b.height(row++, 22);
  (c?.conditions ?? []).forEach((cond, i) => {
    b.set(row, 0, i + 1, BODY_NUMBER);
    b.span(row, 1, 3, cond.label, BODY);
    for (let col = 2; col <= 3; col++) b.set(row, col, '', BODY);
    b.set(row, 4, conditionText(cond.value), BODY_NUMBER);
    row++;
  });
  row++;
  b.span(row, 0, 2, 'III. MỨC XẾP LOẠI', { bold: true, size: 12 });
  b.span(row, 3, last, c?.level ? `${CHI_BO_LEVEL_NAME[c.level]}${c.provisional ? ' (tạm thời)' : ''}` : 'Chưa xác định', { bold: true, size: 12, color: '#C00000', wrap: true });
  b.set(row, CHI_BO_PRINTED, c ? `Quy tắc (không in): ${c.rules.join(', ')}` : '', SCREEN);
  row++;
  b.span(row, 0, last, withoutRuleIds(c?.explanation ?? ''), { italic: true, size: 11, wrap: true });
  b.set(row, CHI_BO_PRINTED, c?.explanation ?? '', SCREEN);
  row++;
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
  const bottom = Math.max(3, 3 + issues.length);
  return b.build({ printTitleRows: [3, 3], freezeRows: 4, print: { fitToWidth: false, area: { top: 0, left: 0, bottom, right: last } } });
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
