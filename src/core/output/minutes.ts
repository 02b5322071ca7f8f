/**
 * `Biên bản kiểm phiếu`: the minutes of the count (III.1.4 of the seed), filled from the check result —
 * ballots issued, returned, valid and invalid per round, each member's votes and result, the MEM-06 cap
 * and who was chosen, the counts of form 04-KĐ.ĐV, then the counting committee's and the chair's
 * signatures. Regenerated whole on each run; every figure is the check's own.
 */
import type { CheckResult, MemberResult, RoundBallots } from '../check';
import { MEETING_SHEETS } from '../forms/definitions';
import { countBySeverity } from '../issues';
import { levelName } from '../rules/mem';
import { meetingDateText, toBeClassified } from './ballots';
import { type CellStyle, documentHeading, documentTitle, type HeadingColumns, LayoutBuilder, numberLine, placeOf, type SheetLayout, wrappedLines } from './layout';
import { keepTogether, type KeepBlock, PAGE_ROOM, pagesOfRows, settledHeights } from './paperPages';
import { form04, reasonText } from './resultSheets';

const TEXT: CellStyle = { size: 12, wrap: true };
const SECTION: CellStyle = { bold: true, size: 12 };
const HEADER: CellStyle = { bold: true, size: 11, align: 'center', wrap: true, border: true, fill: '#F2F2F2' };
const CELL: CellStyle = { size: 11, border: true, wrap: true };
const NUMBER: CellStyle = { size: 11, border: true, align: 'center' };
const MARGINS = { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6 };
/** TT, Họ và tên, the three round-1 counts, the round-2 count, Kết quả: 92 character widths, A4 portrait at 100 %. */
const WIDTHS = [4.5, 21, 8, 8, 8.5, 9, 33];
/** The heading's halves: the chi bộ over A–D, the Party's name and the date over E–G. */
const HEADING: HeadingColumns = { leftEnd: 3, rightStart: 4, rightEnd: 6 };

/** Invalid ballots = returned − valid, where both are entered. */
export function invalidBallots(r: RoundBallots): number | null {
  return r.returned === null || r.valid === null ? null : r.returned - r.valid;
}

const shown = (v: number | null | undefined): string | number => (v === null || v === undefined ? '—' : v);

/** The result as the minutes write it: the level, or why there is none. */
export function resultText(m: MemberResult): string {
  if (m.status === 'classified' && m.level) return levelName(m.level);
  const reason = reasonText(m);
  return m.status === 'undetermined' ? `Chưa xác định (${reason.charAt(0).toLowerCase()}${reason.slice(1)})` : reason;
}

/**
 * The minutes in the Party's document format (HD 36-HD/VPTW): the superior body and the chi bộ with the
 * star and "Số …-BB/CB" at the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date at the right,
 * "BIÊN BẢN KIỂM PHIẾU" and its summary, the body, the signatures of the counting committee and the
 * chair. A4 portrait at 100 % (text 11–14 pt); a section heading never sits alone at a page foot and the
 * closing sentence stays with the signatures (manual page breaks); the rules behind the figures (MEM-05,
 * MEM-06, the errors' rule IDs) are in the cells' notes, not on the paper.
 */
export function minutesSheet(result: CheckResult): SheetLayout {
  const b = new LayoutBuilder(MEETING_SHEETS.minutes, WIDTHS, false);
  const last = b.width - 1;
  const line = (row: number, text: string, style: CellStyle = TEXT) => b.span(row, 0, last, text, style);
  const blocks: KeepBlock[] = [];
  const year = result.heading.year ? ` năm ${result.heading.year}` : '';
  let row = documentHeading(b, { superior: result.heading.dangBo ?? 'Đảng bộ ……', issuer: `Chi bộ ${result.chiBo ?? '……'}`, number: numberLine('BB', 'CB'), place: placeOf(result.heading.dangBo), date: result.heading.meetingDate }, 0, HEADING);
  row = documentTitle(b, row, 'Biên bản kiểm phiếu', `Đánh giá, phân loại chất lượng đảng viên${year}`);
  const chiBo = result.chiBo ?? '……';
  line(row++, `Hôm nay, vào lúc …… giờ ……, ${meetingDateText(result)}, tại ……………………………………, Chi bộ ${chiBo} tiến hành bỏ phiếu kín đánh giá, phân loại chất lượng đảng viên${year} (hai lần bỏ phiếu, theo mục III.1.4 của Kế hoạch).`);
  line(row++, 'Ban kiểm phiếu gồm các đồng chí:');
  for (const [i, role] of ['Trưởng ban', 'Thành viên', 'Thành viên'].entries()) line(row++, `${i + 1}. Đồng chí …………………………………………………… — ${role}`);
  const members = result.members;
  const official = members.filter((m) => m.membership === 'official').length;
  const probationary = members.filter((m) => m.membership === 'probationary').length;
  const present = result.ballots?.officialPresent ?? null;
  line(row++, `Tổng số đảng viên của chi bộ: ${members.length} (chính thức ${official}, dự bị ${probationary}); số đảng viên chính thức có mặt: ${shown(present)}; số đảng viên chính thức làm căn cứ tính tỷ lệ (N): ${shown(result.figures?.n)}.`);
  row++;

  const sectionI = row;
  line(row++, 'I. SỐ PHIẾU', SECTION);
  b.span(row, 0, 1, 'Lần bỏ phiếu', HEADER);
  b.set(row, 1, '', HEADER);
  ['Phát ra', 'Thu về', 'Hợp lệ'].forEach((label, i) => b.set(row, 2 + i, label, HEADER));
  b.span(row, 5, 6, 'Không hợp lệ', HEADER);
  b.set(row, 6, '', HEADER);
  b.height(row++, 22);
  const rounds: [string, RoundBallots | undefined][] = [
    ['Lần thứ nhất', result.ballots?.round1],
    ['Lần thứ hai', result.ballots?.round2],
  ];
  for (const [label, r] of rounds) {
    b.span(row, 0, 1, label, CELL);
    b.set(row, 1, '', CELL);
    b.set(row, 2, shown(r?.issued), NUMBER);
    b.set(row, 3, shown(r?.returned), NUMBER);
    b.set(row, 4, shown(r?.valid), NUMBER);
    b.span(row, 5, 6, String(r ? shown(invalidBallots(r)) : '—'), NUMBER);
    b.set(row, 6, '', NUMBER);
    row++;
  }
  blocks.push({ start: sectionI, end: row - 1 });
  row++;

  const sectionII = row;
  line(row++, 'II. KẾT QUẢ KIỂM PHIẾU TỪNG ĐỒNG CHÍ', SECTION);
  const top = row;
  for (const [c, label] of [[0, 'TT'], [1, 'Họ và tên'], [5, 'Lần 2: HTXSNV'], [6, 'Kết quả']] as const) {
    b.merge({ top, left: c, bottom: top + 1, right: c });
    b.set(top, c, label, HEADER);
    b.set(top + 1, c, '', HEADER);
  }
  b.span(top, 2, 4, 'Lần 1 (số phiếu)', HEADER);
  b.set(top, 3, '', HEADER);
  b.set(top, 4, '', HEADER);
  ['HTTNV', 'HTNV', 'KHTNV'].forEach((label, i) => b.set(top + 1, 2 + i, label, HEADER));
  b.height(top, 20);
  b.height(top + 1, 20);
  row = top + 2;
  const voted = toBeClassified(result);
  voted.forEach((m, i) => {
    b.set(row, 0, i + 1, NUMBER);
    b.set(row, 1, m.name, CELL);
    b.set(row, 2, shown(m.votes?.HTTNV), NUMBER);
    b.set(row, 3, shown(m.votes?.HTNV), NUMBER);
    b.set(row, 4, shown(m.votes?.KHTNV), NUMBER);
    b.set(row, 5, shown(m.votes?.HTXSNV), NUMBER);
    const text = resultText(m);
    b.set(row, 6, text, CELL);
    // Sized for the widest serif a printer may substitute (0.85 characters per unit at 11 pt), so that
    // "Hoàn thành xuất sắc nhiệm vụ" or a reason never loses its last line.
    const lines = Math.max(wrappedLines(m.name, Math.floor(WIDTHS[1] * 0.85)), wrappedLines(text, Math.floor(WIDTHS[6] * 0.85)));
    b.height(row, Math.max(17, lines * 15 + 3));
    row++;
  });
  const tableBottom = row - 1;
  blocks.push({ start: sectionII, end: tableBottom, keep: 5 });
  // No lone last row on a page of its own: the table's last three rows go over together, with the legend.
  if (tableBottom - 2 > top + 4) blocks.push({ start: tableBottom - 2, end: tableBottom + 1 });
  line(row++, 'HTXSNV: Hoàn thành xuất sắc nhiệm vụ; HTTNV: Hoàn thành tốt nhiệm vụ; HTNV: Hoàn thành nhiệm vụ; KHTNV: Không hoàn thành nhiệm vụ.', { italic: true, size: 11, wrap: true });
  const excluded = members.filter((m) => m.status === 'not-classified' || m.status === 'deferred');
  if (excluded.length > 0) line(row++, `Không đánh giá, phân loại ở cuộc họp này: ${excluded.map((m) => `${m.name} (${resultText(m).toLowerCase()})`).join('; ')}.`);
  row++;

  const sectionIII = row;
  line(row++, 'III. BẦU ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ (LẦN THỨ HAI)', SECTION);
  const f = result.figures;
  if (f) {
    b.note(row, 0, `MEM-06: giới hạn ⌊15 × ${f.pool} / 100⌋ = ${f.cap}. MEM-05: cần trên 2/3 × ${f.n} phiếu tán thành ở lần 2.`);
    line(row++, `Số đảng viên hoàn thành tốt nhiệm vụ sau lần thứ nhất: ${f.pool}; số được chọn không quá 15%: ${f.cap} đồng chí. Đồng chí được chọn phải được trên 2/3 số đảng viên chính thức (N = ${f.n}) tán thành.`);
  }
  const chosen = members.filter((m) => m.level === 'HTXSNV');
  line(row++, `Đảng viên hoàn thành xuất sắc nhiệm vụ: ${chosen.length > 0 ? chosen.map((m) => `${m.name} (${m.votes?.HTXSNV ?? 0} phiếu)`).join(', ') : 'không có'}.`);
  const tied = members.filter((m) => m.reason === 'tie-at-cap');
  if (tied.length > 0) line(row++, `Bằng phiếu ở ngưỡng giới hạn, chi bộ quyết định: ${tied.map((m) => `${m.name} (${m.votes?.HTXSNV ?? 0} phiếu)`).join(', ')}.`);
  blocks.push({ start: sectionIII, end: row - 1 });
  row++;

  const sectionIV = row;
  line(row++, `IV. TỔNG HỢP KẾT QUẢ PHÂN LOẠI (Mẫu 04-KĐ.ĐV)`, SECTION);
  b.set(row, 0, 'TT', HEADER);
  b.span(row, 1, 4, 'Nội dung', HEADER);
  for (let c = 2; c <= 4; c++) b.set(row, c, '', HEADER);
  b.set(row, 5, 'Số lượng', HEADER);
  b.set(row, 6, 'Tỷ lệ', HEADER);
  b.height(row++, 20);
  for (const [i, [label, count, pct]] of form04(members).entries()) {
    b.set(row, 0, i + 1, NUMBER);
    b.span(row, 1, 4, label, CELL);
    for (let c = 2; c <= 4; c++) b.set(row, c, '', CELL);
    b.set(row, 5, count, NUMBER);
    b.set(row, 6, pct, NUMBER);
    row++;
  }
  const { errors } = countBySeverity(result.issues);
  if (errors > 0) {
    const rules = [...new Set(result.issues.filter((i) => i.severity === 'error').map((i) => i.rule))].join(', ');
    b.note(row, 0, `Quy tắc: ${rules}`);
    line(row++, `Lưu ý: số liệu còn ${errors} lỗi; xem sheet "Kiểm tra" và sửa trước khi ký.`, { italic: true, size: 11, wrap: true, color: '#C00000' });
  }
  blocks.push({ start: sectionIV, end: row - 1 });
  row++;
  const closing = row;
  line(row++, 'Biên bản kết thúc lúc …… giờ …… cùng ngày, đã đọc lại cho chi bộ nghe và nhất trí thông qua.');
  row++;
  // Three signers side by side: the counting committee's head, its members, the chair (11 pt bold: the
  // titles fit their columns in the widest substituted serif).
  const signers: [number, number, string][] = [
    [0, 2, 'TRƯỞNG BAN KIỂM PHIẾU'],
    [3, 5, 'CÁC THÀNH VIÊN'],
    [6, 6, 'CHỦ TRÌ'],
  ];
  for (const [from, to, label] of signers) {
    b.span(row, from, to, label, { bold: true, size: 11, align: 'center' });
    b.span(row + 1, from, to, '(Ký, ghi rõ họ tên)', { italic: true, size: 11, align: 'center' });
  }
  b.height(row + 2, 60);
  const end = row + 2;
  blocks.push({ start: closing, end });
  const built = b.build({ print: { fitToWidth: false, area: { top: 0, left: 0, bottom: end, right: last }, margins: MARGINS } });
  const heights = settledHeights(built, end);
  // The member table's header repeats only when the table runs onto the last page (where it continues);
  // a header repeated over the signatures of a third page would belong to no table.
  const titles = { top, bottom: top + 1, until: tableBottom };
  const pageBreaks = keepTogether(heights, end, PAGE_ROOM.portrait, blocks, titles);
  const pages = pagesOfRows(heights, end, PAGE_ROOM.portrait, pageBreaks, titles);
  const splits = pages[tableBottom] > pages[top + 2];
  const repeat = splits && pages[tableBottom] === pages[end];
  return { ...built, rowHeights: heights, printTitleRows: repeat ? [top, top + 1] : undefined, print: { ...built.print, pageBreaks } };
}
