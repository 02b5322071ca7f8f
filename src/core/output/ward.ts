/**
 * What `xeploai aggregate` writes, as layouts: `Tổng hợp` (forms 04- and 05-KĐ.ĐV over the ward, with the
 * exemplary bound, the cap, the schedule and one line per chi bộ), the leaders' tally and a `Kiểm tra`
 * listing every file's issues with the file's name. A4 landscape, the official heading, signed
 * "T/M BAN THƯỜNG VỤ".
 */
import { CHI_BO_LEVELS, type FileIssue, MEMBER_LEVELS, type WardResult } from '../aggregate';
import { RESULT_SHEETS } from '../forms/definitions';
import type { CellRange } from '../grid';
import { levelName } from '../rules/mem';
import { formatDate } from '../values/dates';
import { type CellStyle, LayoutBuilder, type SheetLayout } from './layout';
import { CHI_BO_LEVEL_NAME, FLAG_FILL, leadersSheet, percent } from './resultSheets';

const HEADER: CellStyle = { bold: true, size: 11, fill: '#DDEBF7', align: 'center', wrap: true, border: true };
const BODY: CellStyle = { size: 11, wrap: true, border: true };
const NUMBER: CellStyle = { size: 11, border: true, align: 'center' };
const TOTAL: CellStyle = { size: 11, border: true, align: 'center', bold: true };
const TITLE: CellStyle = { bold: true, size: 14, align: 'center', wrap: true };
const SUBTITLE: CellStyle = { italic: true, size: 11, align: 'center', wrap: true };
const SECTION: CellStyle = { bold: true, size: 12 };
const NOTE: CellStyle = { size: 11, wrap: true };

/** Columns of `Tổng hợp`: the summary tables use A–D, the chart sits over F–N beside them, the per-chi-bộ table uses A–N. */
const WIDTHS = [5, 36, 11, 11, 10, 10, 9, 9, 9, 9, 11, 9, 17, 11];

/** "Đảng bộ phường Hương Xuân" → "ĐẢNG ỦY PHƯỜNG HƯƠNG XUÂN", the body that issues the ward's report. */
function committeeName(dangBo: string | null): string {
  if (!dangBo) return 'ĐẢNG ỦY ……………………';
  const rest = dangBo.replace(/^\s*đảng\s+bộ\s*/i, '').trim();
  return rest ? `ĐẢNG ỦY ${rest.toUpperCase()}` : dangBo.toUpperCase();
}

function placeOf(dangBo: string | null): string {
  if (!dangBo) return '……';
  return dangBo.replace(/^\s*đảng\s+bộ\s+(phường|xã|thị\s+trấn)?\s*/i, '').trim() || '……';
}

function heading(b: LayoutBuilder, ward: WardResult): void {
  const half = 4;
  const last = b.width - 1;
  b.span(0, 0, half - 1, committeeName(ward.heading.dangBo), { bold: true, size: 12, align: 'center', wrap: true });
  b.span(1, 0, half - 1, '*', { align: 'center' });
  b.span(0, half, last, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 12, align: 'center' });
  b.span(2, half, last, `${placeOf(ward.heading.dangBo)}, ngày …… tháng …… năm ${ward.heading.year ?? '……'}`, { italic: true, size: 12, align: 'center' });
}

function signatures(b: LayoutBuilder, row: number): void {
  const last = b.width - 1;
  b.span(row, 0, 3, 'NGƯỜI TỔNG HỢP', { bold: true, size: 12, align: 'center' });
  b.span(row, 6, last, 'T/M BAN THƯỜNG VỤ', { bold: true, size: 12, align: 'center' });
  b.span(row + 1, 6, last, 'BÍ THƯ', { bold: true, size: 12, align: 'center' });
  b.span(row + 2, 0, 3, '(Ký, ghi rõ họ tên)', { italic: true, size: 11, align: 'center' });
  b.span(row + 2, 6, last, '(Ký tên, đóng dấu)', { italic: true, size: 11, align: 'center' });
}

function countRow(b: LayoutBuilder, row: number, n: number | string, label: string, value: number, share: string, style: CellStyle = NUMBER): void {
  b.set(row, 0, n, NUMBER);
  b.set(row, 1, label, style === TOTAL ? { ...BODY, bold: true } : BODY);
  b.set(row, 2, value, style);
  b.set(row, 3, share, style);
}

const date = (d: { y: number; m: number; d: number } | null): string => (d ? formatDate(d) : '');

/** `Tổng hợp`, with `chartSource` on the members' per-level lines (labels in B, counts in C). */
export function wardSheet(ward: WardResult): SheetLayout {
  const b = new LayoutBuilder(RESULT_SHEETS.ward, WIDTHS, true);
  heading(b, ward);
  b.span(4, 0, b.width - 1, `BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN${ward.heading.year ? ` NĂM ${ward.heading.year}` : ''}`, TITLE);
  b.span(5, 0, b.width - 1, `(Mẫu 04-KĐ.ĐV và 05-KĐ.ĐV; tổng hợp từ ${ward.chiBo.total} chi bộ; bộ quy tắc ${ward.ruleSet})`, SUBTITLE);

  // I. Members (form 04-KĐ.ĐV): percentages of the members classified.
  let row = 7;
  b.span(row++, 0, 3, 'I. ĐẢNG VIÊN (Mẫu 04-KĐ.ĐV)', SECTION);
  const chartTop = row;
  ['TT', 'Nội dung', 'Số lượng', 'Tỷ lệ (trên số được phân loại)'].forEach((label, c) => b.set(row, c, label, HEADER));
  b.height(row++, 32);
  const m = ward.members;
  countRow(b, row++, 1, 'Tổng số đảng viên trong danh sách các chi bộ', m.total, '');
  countRow(b, row++, 2, 'Không phân loại: miễn công tác, sinh hoạt đảng', m.notClassified.exempt, '');
  countRow(b, row++, 3, 'Không phân loại: vào Đảng chưa đủ 6 tháng', m.notClassified['admitted-under-6-months'], '');
  countRow(b, row++, 4, 'Phân loại sau: vắng mặt', m.deferred.absent, '');
  countRow(b, row++, 5, 'Phân loại sau: chưa kiểm điểm', m.deferred['no-self-review'], '');
  countRow(b, row++, 6, 'Chưa xác định (chi bộ phải xử lý)', m.undetermined, '');
  countRow(b, row++, 7, 'Số đảng viên được phân loại', m.classified, m.classified ? '100,00%' : '—', TOTAL);
  const levelsTop = row;
  for (const level of MEMBER_LEVELS) countRow(b, row++, '', levelName(level), m.levels[level].count, percent(m.levels[level].count, m.classified));
  const levelsBottom = row - 1;

  // II. Chi bộ (form 05-KĐ.ĐV): percentages of the chi bộ whose level was decided.
  row++;
  b.span(row++, 0, 3, 'II. CHI BỘ (Mẫu 05-KĐ.ĐV)', SECTION);
  ['TT', 'Nội dung', 'Số lượng', 'Tỷ lệ (trên số được xếp loại)'].forEach((label, c) => b.set(row, c, label, HEADER));
  b.height(row++, 32);
  const c = ward.chiBo;
  countRow(b, row++, 1, 'Tổng số chi bộ có kết quả', c.total, '');
  countRow(b, row++, 2, 'Chi bộ được xếp loại', c.classified, c.classified ? '100,00%' : '—', TOTAL);
  for (const level of CHI_BO_LEVELS) countRow(b, row++, '', CHI_BO_LEVEL_NAME[level], c.levels[level].count, percent(c.levels[level].count, c.classified));
  countRow(b, row++, 3, 'Chưa xác định được mức', c.undetermined, '');
  const e = ward.exemplary;
  countRow(b, row++, 4, 'Chi bộ TSVM tiêu biểu được chọn (AGG-02)', e.counted, `tối đa ${e.bound}`);
  const chartBottom = row - 1;
  b.span(row++, 0, b.width - 1, `Chi bộ TSVM tiêu biểu không quá ${e.percent}% số chi bộ Trong sạch, vững mạnh (III.2.3.b): ${e.percent}% của ${e.tsvm} = tối đa ${e.bound}; đã chọn ${e.counted}${e.chosen.length ? ` (${e.chosen.join(', ')})` : ''}${e.withinBound ? '' : ' — VƯỢT GIỚI HẠN'}.`, NOTE);

  // III. The 15 % cap; IV. the schedule.
  row++;
  b.span(row++, 0, b.width - 1, 'III. GIỚI HẠN ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ (15%)', SECTION);
  const cap = ward.cap;
  const capText =
    cap.scope === 'ward'
      ? `Áp dụng trên toàn Đảng bộ (AGG-03): ${cap.percent}% của ${cap.pool} đảng viên HTTNV sau lần 1 = tối đa ${cap.cap}; ${cap.candidates} đồng chí đủ điều kiện, ${cap.taken} được công nhận HTXSNV${cap.tied ? `, ${cap.tied} bằng tỷ lệ phiếu ở ngưỡng (Ban Chấp hành quyết định)` : ''}.`
      : `Áp dụng trong từng chi bộ (MEM-06): tổng các giới hạn ${cap.cap} trên ${cap.pool} đảng viên HTTNV sau lần 1; ${cap.taken} đảng viên HTXSNV.`;
  b.span(row, 0, b.width - 1, capText, NOTE);
  b.height(row++, 32);
  row++;
  b.span(row++, 0, b.width - 1, 'IV. LỊCH KIỂM ĐIỂM THEO KẾ HOẠCH (mục IV.7)', SECTION);
  const s = ward.schedule;
  const scheduleText =
    s.listed === 0
      ? 'Không tệp nào có sheet "Kế hoạch": chưa đối chiếu được với lịch.'
      : `Theo lịch: ${s.listed} chi bộ; đã có kết quả: ${s.withResults}${s.missing.length ? `; chưa có kết quả: ${s.missing.join(', ')}` : ''}${s.notInSchedule.length ? `; có kết quả nhưng không có trong lịch: ${s.notInSchedule.join(', ')}` : ''}.`;
  b.span(row, 0, b.width - 1, scheduleText, NOTE);
  b.height(row++, 32);

  // V. One line per chi bộ, and the totals.
  row++;
  b.span(row++, 0, b.width - 1, 'V. KẾT QUẢ TỪNG CHI BỘ', SECTION);
  const tableTop = row;
  const labels = ['TT', 'Chi bộ', 'Ngày họp theo lịch', 'Ngày họp', 'Tổng số đảng viên', 'Được phân loại', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Không PL, PL sau, chưa XĐ', 'Điểm', 'Xếp loại chi bộ', 'Lỗi / cảnh báo'];
  labels.forEach((label, col) => b.set(row, col, label, HEADER));
  b.height(row++, 45);
  ward.rows.forEach((r, i) => {
    const missing = r.file === null;
    const level = missing ? 'Chưa có kết quả' : r.level ? `${CHI_BO_LEVEL_NAME[r.level]}${r.provisional ? ' (tạm thời)' : ''}${r.exemplary && r.level === 'TSVM' ? ' — tiêu biểu' : ''}` : 'Chưa xác định';
    const values: (string | number)[] = [
      i + 1,
      r.name,
      date(r.scheduledDate),
      date(r.meetingDate),
      missing ? '' : r.members,
      missing ? '' : r.classified,
      ...MEMBER_LEVELS.map((l) => (missing ? '' : r.levels[l])),
      missing ? '' : r.notClassified + r.deferred + r.undetermined,
      r.score ?? '',
      level,
      missing ? '' : `${r.errors} / ${r.warnings}`,
    ];
    values.forEach((v, col) => b.set(row, col, v, typeof v === 'number' || col >= 2 ? (col === 12 ? { ...BODY, color: missing ? '#C00000' : undefined } : NUMBER) : BODY));
    row++;
  });
  const done = ward.rows.filter((r) => r.file !== null);
  const sum = (f: (r: (typeof done)[number]) => number): number => done.reduce((acc, r) => acc + f(r), 0);
  const totals: (string | number)[] = ['', 'Cộng', '', '', sum((r) => r.members), sum((r) => r.classified), ...MEMBER_LEVELS.map((l) => sum((r) => r.levels[l])), sum((r) => r.notClassified + r.deferred + r.undetermined), '', '', `${sum((r) => r.errors)} / ${sum((r) => r.warnings)}`];
  totals.forEach((v, col) => b.set(row, col, v, col === 1 ? { ...BODY, bold: true } : TOTAL));
  row++;
  signatures(b, row + 1);

  const categories: CellRange = { top: levelsTop, left: 1, bottom: levelsBottom, right: 1 };
  const values: CellRange = { top: levelsTop, left: 2, bottom: levelsBottom, right: 2 };
  const anchor: CellRange = { top: chartTop, left: 5, bottom: chartBottom, right: b.width - 1 };
  return b.build({
    printTitleRows: [tableTop, tableTop],
    chartSource: { categories, values, title: `Chất lượng đảng viên${ward.heading.year ? ` năm ${ward.heading.year}` : ''}`, anchor },
  });
}

/** `Kiểm tra` of the ward: every file's issues and those found when combining, each with its file. */
export function wardIssuesSheet(issues: readonly FileIssue[]): SheetLayout {
  const b = new LayoutBuilder(RESULT_SHEETS.issues, [6, 28, 10, 10, 22, 8, 100], true);
  b.span(0, 0, 6, 'KIỂM TRA SỐ LIỆU CÁC CHI BỘ', TITLE);
  const errors = issues.filter((i) => i.severity === 'error').length;
  b.span(1, 0, 6, `${errors} lỗi, ${issues.length - errors} cảnh báo trong các tệp đã tổng hợp. Mở tệp của chi bộ tại sheet và ô ghi bên cạnh để sửa.`, { italic: true, size: 11 });
  ['STT', 'Tệp', 'Mức độ', 'Quy tắc', 'Sheet', 'Ô', 'Nội dung'].forEach((label, c) => b.set(3, c, label, HEADER));
  b.height(3, 22);
  issues.forEach((issue, i) => {
    const r = 4 + i;
    b.set(r, 0, i + 1, NUMBER);
    b.set(r, 1, issue.file, BODY);
    b.set(r, 2, issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo', { ...BODY, fill: FLAG_FILL[issue.severity] });
    b.set(r, 3, issue.rule, BODY);
    b.set(r, 4, issue.sheet, BODY);
    b.set(r, 5, issue.cell ?? '—', BODY);
    b.set(r, 6, issue.message, BODY);
  });
  return b.build({ printTitleRows: [3, 3], freezeRows: 4 });
}

/** Every sheet of the ward's workbook: `Tổng hợp`, the leaders' tally when there is one, `Kiểm tra`. */
export function wardSheets(ward: WardResult, issues: readonly FileIssue[]): SheetLayout[] {
  const sheets = [wardSheet(ward)];
  if (ward.leaders.length > 0) sheets.push(leadersSheet(ward.leaders, ward.heading, ['T/M BAN THƯỜNG VỤ']));
  sheets.push(wardIssuesSheet(issues));
  return sheets;
}
