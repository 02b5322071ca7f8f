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
import { type CellStyle, LayoutBuilder, type SheetLayout } from './layout';

export const FLAG_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C' };
const HEADER: CellStyle = { bold: true, size: 11, fill: '#DDEBF7', align: 'center', wrap: true, border: true };
const BODY: CellStyle = { size: 11, wrap: true, border: true };
const BODY_NUMBER: CellStyle = { size: 11, border: true, align: 'center' };
const TITLE: CellStyle = { bold: true, size: 14, align: 'center', wrap: true };
const SUBTITLE: CellStyle = { italic: true, size: 11, align: 'center', wrap: true };
const LINK: CellStyle = { size: 11, border: true, color: '#0563C1', underline: true };

export function placeName(dangBo: string | null): string {
  if (!dangBo) return '……';
  return dangBo.replace(/^\s*đảng\s+bộ\s+(phường|xã|thị\s+trấn)?\s*/i, '').trim() || '……';
}

/** Party organisation at the left; the Party's name and the place and date at the right. Returns the next free row. */
function heading(b: LayoutBuilder, result: CheckResult): number {
  const half = Math.max(1, Math.floor(b.width / 2));
  const last = b.width - 1;
  b.span(0, 0, half - 1, (result.heading.dangBo ?? 'ĐẢNG BỘ ……').toUpperCase(), { size: 12, align: 'center', wrap: true });
  b.span(1, 0, half - 1, `CHI BỘ ${(result.chiBo ?? '……').toUpperCase()}`, { bold: true, size: 12, align: 'center' });
  b.span(2, 0, half - 1, '*', { align: 'center' });
  b.span(0, half, last, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 12, align: 'center' });
  const m = result.heading.meetingDate;
  const date = m ? `ngày ${String(m.d).padStart(2, '0')} tháng ${String(m.m).padStart(2, '0')} năm ${m.y}` : 'ngày …… tháng …… năm ……';
  b.span(2, half, last, `${placeName(result.heading.dangBo)}, ${date}`, { italic: true, size: 12, align: 'center', wrap: true });
  return 4;
}

function signatures(b: LayoutBuilder, row: number, left: string, right: readonly string[]): void {
  const half = Math.max(1, Math.floor(b.width / 2));
  const last = b.width - 1;
  b.span(row, 0, half - 1, left, { bold: true, size: 12, align: 'center' });
  right.forEach((line, i) => b.span(row + i, half, last, line, { bold: true, size: 12, align: 'center' }));
  const below = row + right.length;
  b.span(below, 0, half - 1, '(Ký, ghi rõ họ tên)', { italic: true, size: 11, align: 'center' });
  b.span(below, half, last, '(Ký, ghi rõ họ tên)', { italic: true, size: 11, align: 'center' });
}

function tableHeader(b: LayoutBuilder, row: number, labels: readonly string[], height = 45): void {
  labels.forEach((label, i) => b.set(row, i, label, HEADER));
  b.height(row, height);
}

const STATUS: Record<MemberResult['status'], string> = { classified: 'Đã phân loại', 'not-classified': 'Không phân loại', deferred: 'Phân loại sau', undetermined: 'Chưa xác định' };
export const REASON_TEXT: Record<string, string> = {
  exempt: 'Miễn công tác, sinh hoạt đảng',
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

export function membersSheet(result: CheckResult): SheetLayout {
  const labels = ['STT', 'Họ và tên', 'Chính thức/ Dự bị', 'Tình trạng', 'Mức xếp loại', 'Lý do', 'Quy tắc', 'Lần 1: HTTNV (tỷ lệ/N)', 'Lần 1: HTNV', 'Lần 1: KHTNV', 'Lần 2: HTXSNV (tỷ lệ/N)', 'Cách tính'];
  const b = new LayoutBuilder(RESULT_SHEETS.members, [5, 24, 10, 13, 22, 22, 16, 12, 8, 8, 12, 70], true);
  let row = heading(b, result);
  const f = result.figures;
  b.span(row++, 0, b.width - 1, `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN${result.heading.year ? ` NĂM ${result.heading.year}` : ''}`, TITLE);
  b.span(row, 0, b.width - 1, `Bộ quy tắc ${result.ruleSet}; N = ${f?.n ?? '—'} đảng viên chính thức; giới hạn HTXSNV: ${f ? `${f.cap} (15% của ${f.pool} HTTNV)` : '—'}`, SUBTITLE);
  row += 2;
  const headerRow = row;
  tableHeader(b, row++, labels);
  const n = f?.n ?? 0;
  const share = (v: number) => (n ? `${v} (${percent(v, n)})` : String(v));
  result.members.forEach((m, i) => {
    const values: (string | number)[] = [
      i + 1,
      m.name,
      m.membership === 'official' ? 'Chính thức' : m.membership === 'probationary' ? 'Dự bị' : '',
      STATUS[m.status],
      m.level ? levelName(m.level) : '',
      reasonText(m),
      m.rules.join(', '),
      m.votes ? share(m.votes.HTTNV) : '',
      m.votes ? m.votes.HTNV : '',
      m.votes ? m.votes.KHTNV : '',
      m.votes ? share(m.votes.HTXSNV) : '',
      m.explanation,
    ];
    values.forEach((v, c) => b.set(row, c, v, typeof v === 'number' ? BODY_NUMBER : BODY));
    row++;
  });

  // Form 04-KĐ.ĐV: counts per level, percentages of the members classified.
  row++;
  b.span(row++, 0, 3, 'TỔNG HỢP (Mẫu 04-KĐ.ĐV)', { bold: true, size: 12 });
  tableHeader(b, row++, ['TT', 'Nội dung', 'Số lượng', 'Tỷ lệ (trên số được phân loại)'], 30);
  for (const [i, [label, value, pct]] of form04(result.members).entries()) {
    b.set(row, 0, i + 1, BODY_NUMBER);
    b.set(row, 1, label, BODY);
    b.set(row, 2, value, BODY_NUMBER);
    b.set(row, 3, pct, BODY_NUMBER);
    row++;
  }
  signatures(b, row + 1, 'NGƯỜI LẬP BIỂU', ['T/M CHI BỘ', 'BÍ THƯ']);
  return b.build({ printTitleRows: [headerRow, headerRow], freezeRows: headerRow + 1 });
}

/** The lines of form 04-KĐ.ĐV: label, count, percentage of the members classified. */
export function form04(members: readonly MemberResult[]): [string, number, string][] {
  const count = (pred: (m: MemberResult) => boolean) => members.filter(pred).length;
  const classified = members.filter((m) => m.status === 'classified');
  return [
    ['Tổng số đảng viên trong danh sách', members.length, ''],
    ['Không phân loại: miễn công tác, sinh hoạt', count((m) => m.reason === 'exempt'), ''],
    ['Không phân loại: vào Đảng chưa đủ 6 tháng', count((m) => m.reason === 'admitted-under-6-months'), ''],
    ['Phân loại sau: vắng mặt, chưa kiểm điểm', count((m) => m.status === 'deferred'), ''],
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

export function chiBoSheet(result: CheckResult): SheetLayout {
  const b = new LayoutBuilder(RESULT_SHEETS.chiBo, [6, 62, 14, 18], false);
  let row = heading(b, result);
  b.span(row, 0, b.width - 1, `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CHI BỘ${result.heading.year ? ` NĂM ${result.heading.year}` : ''}`, TITLE);
  row += 2;
  const c = result.chiBoResults[0];
  tableHeader(b, row++, ['TT', 'Tiêu chí', 'Điểm tối đa', 'Điểm bình quân']);
  CRITERIA.forEach((name, i) => {
    const mean = c?.criteria[i];
    b.set(row, 0, i + 1, BODY_NUMBER);
    b.set(row, 1, name, BODY);
    b.set(row, 2, CRITERION_MAX[i], BODY_NUMBER);
    b.set(row, 3, mean === null || mean === undefined ? '—' : Math.round(mean * 100) / 100, BODY_NUMBER);
    row++;
  });
  b.set(row, 0, '', BODY);
  b.set(row, 1, 'Tổng điểm (bình quân các phiếu hợp lệ)', { ...BODY, bold: true });
  b.set(row, 2, 100, BODY_NUMBER);
  b.set(row, 3, c?.score ?? '—', { ...BODY_NUMBER, bold: true });
  row++;
  b.set(row, 0, '', BODY);
  b.set(row, 1, 'Số phiếu chấm điểm hợp lệ / đã nhập', BODY);
  b.set(row, 2, '', BODY);
  b.set(row, 3, c ? `${c.sheets.valid} / ${c.sheets.total}` : '—', BODY_NUMBER);
  row += 2;
  tableHeader(b, row++, ['TT', 'Điều kiện', 'Giá trị', ''], 22);
  (c?.conditions ?? []).forEach((cond, i) => {
    b.set(row, 0, i + 1, BODY_NUMBER);
    b.set(row, 1, cond.label, BODY);
    b.set(row, 2, conditionText(cond.value), BODY_NUMBER);
    b.set(row, 3, '', BODY);
    row++;
  });
  row++;
  b.span(row, 0, 1, 'Mức xếp loại', { bold: true, size: 12 });
  b.span(row++, 2, 3, c?.level ? CHI_BO_LEVEL_NAME[c.level] : 'Chưa xác định', { bold: true, size: 12, color: '#C00000' });
  b.span(row, 0, 1, 'Quy tắc quyết định', { size: 12 });
  b.span(row++, 2, 3, c ? c.rules.join(', ') + (c.provisional ? ' (tạm thời)' : '') : '', { size: 12 });
  b.span(row, 0, b.width - 1, c?.explanation ?? '', { italic: true, size: 11, wrap: true });
  b.height(row, 48);
  signatures(b, row + 2, 'NGƯỜI LẬP BIỂU', ['T/M CHI BỘ', 'BÍ THƯ']);
  return b.build();
}

/** `Kiểm tra`: every issue with its rule and a link to its cell (when the cell exists). */
export function issuesSheet(result: CheckResult, sheetExists: (name: string) => boolean): SheetLayout {
  const b = new LayoutBuilder(RESULT_SHEETS.issues, [6, 10, 10, 24, 8, 110], true);
  const issues = result.issues;
  b.span(0, 0, 5, `KIỂM TRA SỐ LIỆU${result.chiBo ? ` — CHI BỘ ${result.chiBo.toUpperCase()}` : ''}`, TITLE);
  const errors = issues.filter((i) => i.severity === 'error').length;
  b.span(1, 0, 5, `${errors} lỗi, ${issues.length - errors} cảnh báo. Bấm vào địa chỉ ô để đến chỗ cần sửa.`, { italic: true, size: 11 });
  tableHeader(b, 3, ['STT', 'Mức độ', 'Quy tắc', 'Sheet', 'Ô', 'Nội dung'], 22);
  issues.forEach((issue: Issue, i) => {
    const r = 4 + i;
    b.set(r, 0, i + 1, BODY_NUMBER);
    b.set(r, 1, issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo', { ...BODY, fill: FLAG_FILL[issue.severity] });
    b.set(r, 2, issue.rule, BODY);
    b.set(r, 3, issue.sheet, BODY);
    if (issue.cell && sheetExists(issue.sheet)) b.set(r, 4, issue.cell, LINK, { sheet: issue.sheet, cell: issue.cell });
    else b.set(r, 4, issue.cell ?? '—', BODY);
    b.set(r, 5, issue.message, BODY);
  });
  return b.build({ printTitleRows: [3, 3], freezeRows: 4 });
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
  return [leadersSheet(result.leaders, { dangBo: result.heading.dangBo, year: result.heading.year }, ['CHỦ TRÌ HỘI NGHỊ'])];
}

const pct = (v: number | null): string => (v === null ? '—' : `${v.toFixed(2).replace('.', ',')}%`);

/**
 * `KQ biểu quyết CBLĐQL`: form 05-ĐG.CBLĐQL, the votes per level and their share of the valid ballots,
 * grouped by the place of the vote (LEAD-01).
 */
export function leadersSheet(leaders: readonly (LeaderResult & { readonly file?: string })[], heading: { readonly dangBo: string | null; readonly year: number | null }, signer: readonly string[]): SheetLayout {
  const b = new LayoutBuilder(MORE_RESULT_SHEETS.leaders, [5, 24, 24, 8, 9, 8, 9, 8, 9, 8, 9, 12], true);
  const half = Math.floor(b.width / 2);
  b.span(0, 0, half - 1, (heading.dangBo ?? 'ĐẢNG BỘ ……').toUpperCase(), { bold: true, size: 12, align: 'center', wrap: true });
  b.span(1, 0, half - 1, '*', { align: 'center' });
  b.span(0, half, b.width - 1, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 12, align: 'center' });
  b.span(3, 0, b.width - 1, `TỔNG HỢP KẾT QUẢ BIỂU QUYẾT NHẬN XÉT, ĐÁNH GIÁ CÁN BỘ LÃNH ĐẠO, QUẢN LÝ${heading.year ? ` NĂM ${heading.year}` : ''}`, TITLE);
  b.span(4, 0, b.width - 1, 'Mẫu 05-ĐG.CBLĐQL; tỷ lệ tính trên số phiếu hợp lệ', SUBTITLE);
  const top = 6;
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
  signatures(b, row + 1, 'NGƯỜI TỔNG HỢP', signer);
  return b.build({ printTitleRows: [top, top + 1], freezeRows: top + 2 });
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
