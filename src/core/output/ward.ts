/**
 * What `xeploai aggregate` writes, as layouts: `Tổng hợp` (forms 04- and 05-KĐ.ĐV over the ward, with the
 * exemplary bound, the cap, the schedule and one line per chi bộ), the leaders' tally and a `Kiểm tra`
 * listing every file's issues with the file's name. A4 landscape at 100 %, the Party's document heading
 * (HD 36-HD/VPTW), signed "T/M BAN THƯỜNG VỤ"; rule IDs on screen only (notes, screen columns).
 */
import { type FileIssue, MEMBER_LEVELS, type WardSummary, type WardRules } from '../aggregate';
import type { ChiBoLevel } from '../rules/cb';
import { vn } from '../rules/rules25';
import { RESULT_SHEETS } from '../forms/definitions';
import type { CellRange } from '../grid';
import { levelName } from '../rules/mem';
import { formatDate } from '../values/dates';
import { type CellStyle, documentHeading, documentTitle, type HeadingColumns, withoutRuleIds, LayoutBuilder, numberLine, placeOf, type SheetLayout, signatureBlock, viNumber } from './layout';
import { keepTogether, PAGE_ROOM, settledHeights } from './paperPages';
import { CHI_BO_LEVEL_NAME, FLAG_FILL, leadersSheet, percent } from './resultSheets';

const HEADER: CellStyle = { bold: true, size: 11, fill: '#DDEBF7', align: 'center', wrap: true, border: true };
const BODY: CellStyle = { size: 11, wrap: true, border: true };
const NUMBER: CellStyle = { size: 11, border: true, align: 'center' };
const TOTAL: CellStyle = { size: 11, border: true, align: 'center', bold: true };
const SUBTITLE: CellStyle = { italic: true, size: 11, align: 'center', wrap: true };
const SECTION: CellStyle = { bold: true, size: 12 };
const NOTE: CellStyle = { size: 12, wrap: true };
const SCREEN_HEADER: CellStyle = { ...HEADER, fill: '#EDEDED', color: '#595959' };
const SCREEN: CellStyle = { size: 10, wrap: true, border: true, color: '#595959' };

/**
 * Columns of `Tổng hợp`. Printed: A–M (136 character widths: A4 landscape at 100 %, 11 pt). The summary
 * tables of forms 04 and 05 use A (TT), B:C (Nội dung), D (Số lượng), E:F (Tỷ lệ); the chart sits over
 * H–M beside the members' table; the per-chi-bộ table uses A–M. Outside the print area, for the screen:
 * N (errors and warnings of each file) and O:P (the chart's data: the levels and their counts side by
 * side, as both chart writers need them).
 */
const WIDTHS = [4, 22, 11, 11, 7.5, 8, 8, 8, 8, 8, 9.5, 7, 24, 16, 28, 12];
/** hd43-2025: the chi bộ's level, "Hoàn thành xuất sắc nhiệm vụ", needs 31 widths in M (still 136 in A–M). */
const WIDTHS_2025 = [4, 20, 10.5, 10.5, 7, 7.5, 7.5, 7.5, 7.5, 7.5, 9, 6.5, 31, 16, 28, 12];
const PRINTED = 13;
const LAST = PRINTED - 1;

/** "Đảng bộ phường Hương Xuân" → "Đảng ủy phường Hương Xuân": the ward's committee issues its report. */
export function committeeName(dangBo: string | null): string {
  if (!dangBo) return 'Đảng ủy ……………………';
  const rest = dangBo.replace(/^\s*đảng\s+(bộ|ủy|uỷ)\s*/i, '').trim();
  return rest ? `Đảng ủy ${rest}` : dangBo;
}

/** A file's name without its folders: the paper names the workbook, not where it sat on one computer. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** One line of a summary table: TT, Nội dung (B:C), Số lượng (D), Tỷ lệ (E:F). */
function countRow(b: LayoutBuilder, row: number, n: number | string, label: string, value: number, share: string, bold = false): void {
  const style = bold ? TOTAL : NUMBER;
  b.set(row, 0, n, NUMBER);
  b.span(row, 1, 2, label, bold ? { ...BODY, bold: true } : BODY);
  b.set(row, 2, '', BODY);
  b.set(row, 3, value, style);
  b.span(row, 4, 5, share, style);
  b.set(row, 5, '', style);
}

function countHeader(b: LayoutBuilder, row: number, share: string): void {
  b.set(row, 0, 'TT', HEADER);
  b.span(row, 1, 2, 'Nội dung', HEADER);
  b.set(row, 2, '', HEADER);
  b.set(row, 3, 'Số lượng', HEADER);
  b.span(row, 4, 5, share, HEADER);
  b.set(row, 5, '', HEADER);
  b.height(row, 32);
}

const date = (d: { y: number; m: number; d: number } | null): string => (d ? formatDate(d) : '');

/** A chi bộ level in words, under either rule set (hd43-2025's HTXSNV and KHTNV are the members' words). */
const chiBoLevelName = (level: ChiBoLevel): string => CHI_BO_LEVEL_NAME[level] ?? levelName(level as 'HTXSNV' | 'KHTNV');

/**
 * The words of `Tổng hợp` that differ between rule sets: hd27-2014 reports forms 04- and 05-KĐ.ĐV of
 * Hướng dẫn 27; hd43-2025 reports the chi bộ's proposals ("Đề xuất xếp loại", RULES-2025.md) under Quy
 * định 366 and Hướng dẫn 43, with the 20 % cap over the ward and "Trong sạch, vững mạnh" as a
 * commendation among the HTXSNV chi bộ. Which words a ward gets is its rule set's (`WardSummary.rules`).
 */
interface WardWords {
  /** The column widths (A–M printed, 136 character widths in all; N–P for the screen). */
  readonly widths: readonly number[];
  readonly title: string;
  readonly basis: (chiBo: number) => string;
  readonly members: string;
  readonly chiBo: string;
  readonly levelHeader: string;
  readonly exemplaryLine: string;
  readonly exemplaryNote: (e: WardSummary['exemplary']) => string;
  readonly exemplaryMark: string;
  readonly capTitle: (percent: number) => string;
  readonly capText: (ward: WardSummary) => string;
  readonly capNote: (ward: WardSummary) => string;
  readonly schedule: string;
  readonly chart: string;
  /** A chi bộ checked under the other rule set (a mixed ward). */
  readonly otherRules: string;
  /** An issue's message as `Kiểm tra` prints it (the rule is in the screen's column). */
  readonly printed: (message: string) => string;
}

const WORDS: Readonly<Record<WardRules['engine'], WardWords>> = {
  hd27: {
    widths: WIDTHS,
    title: 'Tổng hợp kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên',
    basis: (n) => `(Theo Mẫu 04-KĐ.ĐV và 05-KĐ.ĐV; tổng hợp từ kết quả của ${n} chi bộ)`,
    members: 'I. CHẤT LƯỢNG ĐẢNG VIÊN (Mẫu 04-KĐ.ĐV)',
    chiBo: 'II. CHẤT LƯỢNG CHI BỘ (Mẫu 05-KĐ.ĐV)',
    levelHeader: 'Xếp loại chi bộ',
    exemplaryLine: 'Chi bộ trong sạch, vững mạnh tiêu biểu được chọn',
    exemplaryNote: (e) =>
      `Số chi bộ trong sạch, vững mạnh tiêu biểu không quá ${e.percent}% số chi bộ trong sạch, vững mạnh (mục III.2.3.b của Kế hoạch): ${e.percent}% của ${e.tsvm} là tối đa ${e.bound}; đã chọn ${e.counted}${e.chosen.length ? ` (${e.chosen.join(', ')})` : ''}${e.withinBound ? '' : ' — VƯỢT GIỚI HẠN'}.`,
    exemplaryMark: ', tiêu biểu',
    capTitle: () => 'III. GIỚI HẠN ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ (15%)',
    capText: ({ cap }) =>
      cap.scope === 'ward'
        ? `Áp dụng trên toàn Đảng bộ: ${cap.percent}% của ${cap.pool} đảng viên hoàn thành tốt nhiệm vụ sau lần bỏ phiếu thứ nhất là tối đa ${cap.cap}; ${cap.candidates} đồng chí đủ điều kiện, ${cap.taken} đồng chí được công nhận hoàn thành xuất sắc nhiệm vụ${cap.tied ? `, ${cap.tied} đồng chí bằng tỷ lệ phiếu ở ngưỡng (Ban Chấp hành quyết định)` : ''}.`
        : `Áp dụng trong từng chi bộ: tổng các giới hạn là ${cap.cap} trên ${cap.pool} đảng viên hoàn thành tốt nhiệm vụ sau lần bỏ phiếu thứ nhất; ${cap.taken} đảng viên hoàn thành xuất sắc nhiệm vụ.`,
    capNote: ({ cap }) => (cap.scope === 'ward' ? 'AGG-03: giới hạn 15% tính trên toàn Đảng bộ.' : 'MEM-06: giới hạn 15% tính trong từng chi bộ.'),
    schedule: 'IV. LỊCH KIỂM ĐIỂM THEO KẾ HOẠCH (mục IV.7)',
    chart: 'Chất lượng đảng viên',
    otherRules: 'theo Hướng dẫn 43-HD/BTCTW',
    printed: (message) => message,
  },
  hd43: {
    // "Hoàn thành xuất sắc nhiệm vụ" whole on a chi bộ's line: M widened, the name and the dates narrower.
    widths: WIDTHS_2025,
    title: 'Tổng hợp kết quả kiểm điểm và đề xuất xếp loại chất lượng tổ chức đảng, đảng viên',
    basis: (n) => `(Theo Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW; tổng hợp đề xuất của ${n} chi bộ)`,
    members: 'I. ĐỀ XUẤT XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN',
    chiBo: 'II. ĐỀ XUẤT XẾP LOẠI CHẤT LƯỢNG CHI BỘ',
    levelHeader: 'Đề xuất xếp loại chi bộ',
    exemplaryLine: 'Chi bộ được chọn đề nghị khen "Trong sạch, vững mạnh"',
    exemplaryNote: (e) =>
      `Chi bộ "Trong sạch, vững mạnh" được chọn trong số chi bộ hoàn thành xuất sắc nhiệm vụ, không quá ${e.percent}%: ${e.percent}% của ${e.tsvm} là tối đa ${e.bound}; đã chọn ${e.counted}${e.chosen.length ? ` (${e.chosen.join(', ')})` : ''}${e.withinBound ? '' : ' — VƯỢT GIỚI HẠN'}.`,
    exemplaryMark: ', "Trong sạch, vững mạnh"',
    capTitle: (percent) => `III. GIỚI HẠN ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ (${vn(percent)}%)`,
    capText: ({ cap, settings }) => {
      const byDefault = settings?.find((x) => x.key === 'capPercent')?.source === 'default' ? ' Tỷ lệ này lấy theo mặc định (Hướng dẫn 21-HD/BTCTW), chưa ghi trong Bộ tiêu chí; đề nghị đối chiếu hướng dẫn của cấp ủy.' : '';
      return cap.scope === 'ward'
        ? `Áp dụng trên toàn Đảng bộ: số đảng viên hoàn thành xuất sắc nhiệm vụ không quá ${vn(cap.percent)}% của ${cap.pool} đảng viên được đề xuất hoàn thành tốt hoặc xuất sắc nhiệm vụ, tức tối đa ${cap.cap}; ${cap.candidates} đồng chí đủ điều kiện, chọn theo điểm từ cao xuống: ${cap.taken} đồng chí được đề xuất hoàn thành xuất sắc nhiệm vụ${cap.tied ? `, ${cap.tied} đồng chí bằng điểm ở ngưỡng (Đảng ủy quyết định)` : ''}.${byDefault}`
        : `Áp dụng trong từng chi bộ (theo Bộ tiêu chí): tổng các giới hạn là ${cap.cap} trên ${cap.pool} đảng viên được đề xuất hoàn thành tốt hoặc xuất sắc nhiệm vụ; ${cap.taken} đảng viên được đề xuất hoàn thành xuất sắc nhiệm vụ.${byDefault}`;
    },
    capNote: ({ cap }) => `M25-20: 100 × HTXSNV ≤ ${cap.percent} × ${cap.pool}; phạm vi ${cap.scope === 'ward' ? 'Đảng bộ' : 'Chi bộ'}.`,
    schedule: 'IV. LỊCH KIỂM ĐIỂM THEO KẾ HOẠCH',
    chart: 'Đề xuất xếp loại đảng viên',
    otherRules: 'theo Hướng dẫn 27-HD/BTCTW',
    // The 2025 messages cite their rule ("(M25-20)") on screen; paper carries no rule ID.
    printed: withoutRuleIds,
  },
};

/** The report's title under the ward's rule set, without the year (the workbook's title). */
export function wardTitle(ward: WardSummary): string {
  return WORDS[ward.rules.engine].title;
}

/**
 * `Tổng hợp`: the ward committee's report of forms 04- and 05-KĐ.ĐV (HD 27-HD/BTCTW 2014) in the Party's
 * document format (HD 36-HD/VPTW 2018): the superior body (left blank to write in: the workbooks do not
 * name it), "ĐẢNG ỦY PHƯỜNG …", the star, "Số …-BC/ĐU"; "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date;
 * "BÁO CÁO" and its summary; I. members (04-KĐ.ĐV) with the chart beside; II. chi bộ (05-KĐ.ĐV) and the
 * exemplary bound; III. the 15 % cap; IV. the schedule; V. one line per chi bộ; "T/M BAN THƯỜNG VỤ".
 * Printed at 100 % on A4 landscape; a section never starts at a page foot (manual breaks); the rule IDs
 * are in the cells' notes and the errors per file in a screen column, outside the print area.
 * `chartSource` is the screen's copy of the members' per-level lines (labels in O, counts in P).
 */
export function wardSheet(ward: WardSummary): SheetLayout {
  const words = WORDS[ward.rules.engine];
  const b = new LayoutBuilder(RESULT_SHEETS.ward, words.widths, true);
  const cols: HeadingColumns = { leftEnd: 4, rightStart: 6, rightEnd: LAST };
  const year = ward.heading.year ? ` năm ${ward.heading.year}` : '';
  let row = documentHeading(b, { superior: 'Đảng bộ ……………………', issuer: committeeName(ward.heading.dangBo), number: numberLine('BC', 'ĐU'), place: placeOf(ward.heading.dangBo), date: null }, 0, cols);
  for (let r = 0; r < row; r++) b.height(r, 18);
  row = documentTitle(b, row, 'Báo cáo', `${words.title}${year}`, LAST);
  b.span(row - 1, 0, LAST, words.basis(ward.chiBo.total), SUBTITLE);
  const blocks: { start: number; end: number; keep?: number }[] = [];

  // I. Members (form 04-KĐ.ĐV): percentages of the members classified.
  const m = ward.members;
  const sectionI = row;
  b.span(row++, 0, LAST, words.members, SECTION);
  const chartTop = row;
  countHeader(b, row++, 'Tỷ lệ (trên số được phân loại)');
  countRow(b, row++, 1, 'Tổng số đảng viên trong danh sách các chi bộ', m.total, '');
  countRow(b, row++, 2, 'Không phân loại: miễn công tác, sinh hoạt đảng', m.notClassified.exempt, '');
  countRow(b, row++, 3, 'Không phân loại: vào Đảng chưa đủ 6 tháng', m.notClassified['admitted-under-6-months'], '');
  let n = 4;
  if (m.notClassified.suspended !== undefined) countRow(b, row++, n++, 'Không phân loại: đình chỉ sinh hoạt đảng', m.notClassified.suspended, '');
  countRow(b, row++, n++, 'Phân loại sau: vắng mặt', m.deferred.absent, '');
  countRow(b, row++, n++, 'Phân loại sau: chưa kiểm điểm', m.deferred['no-self-review'], '');
  countRow(b, row++, n++, 'Chưa xác định (chi bộ phải xử lý)', m.undetermined, '');
  countRow(b, row++, n++, ward.rules.proposed ? 'Số đảng viên được đề xuất xếp loại' : 'Số đảng viên được phân loại', m.classified, percent(m.classified, m.classified), true);
  const levelsTop = row;
  b.set(levelsTop - 1, 14, 'Biểu đồ: mức xếp loại (không in)', { ...SCREEN_HEADER, wrap: false });
  b.set(levelsTop - 1, 15, 'Số đảng viên', { ...SCREEN_HEADER, wrap: false });
  for (const level of MEMBER_LEVELS) {
    b.set(row, 14, levelName(level), { ...SCREEN, wrap: false });
    b.set(row, 15, m.levels[level].count, { ...SCREEN, wrap: false, align: 'center' });
    countRow(b, row++, '', levelName(level), m.levels[level].count, percent(m.levels[level].count, m.classified));
  }
  const levelsBottom = row - 1;
  blocks.push({ start: sectionI, end: row - 1 });

  // II. Chi bộ (form 05-KĐ.ĐV): percentages of the chi bộ whose level was decided.
  row++;
  const c = ward.chiBo;
  const e = ward.exemplary;
  const sectionII = row;
  b.span(row++, 0, LAST, words.chiBo, SECTION);
  countHeader(b, row++, 'Tỷ lệ (trên số được xếp loại)');
  countRow(b, row++, 1, 'Tổng số chi bộ có kết quả', c.total, '');
  countRow(b, row++, 2, ward.rules.proposed ? 'Chi bộ được đề xuất xếp loại' : 'Chi bộ được xếp loại', c.classified, percent(c.classified, c.classified), true);
  for (const level of ward.rules.chiBoLevels) countRow(b, row++, '', chiBoLevelName(level), c.levels[level].count, percent(c.levels[level].count, c.classified));
  countRow(b, row++, 3, 'Chưa xác định được mức', c.undetermined, '');
  countRow(b, row, 4, words.exemplaryLine, e.counted, `tối đa ${e.bound}`);
  b.note(row++, 1, `AGG-02: không quá ${e.percent}% số chi bộ ${ward.rules.exemplary.among}: ⌊${e.percent} × ${e.tsvm} / 100⌋ = ${e.bound}.`);
  b.span(row, 0, LAST, words.exemplaryNote(e), NOTE);
  blocks.push({ start: sectionII, end: row++ });

  // III. The 15 % cap; IV. the schedule.
  row++;
  const capText = words.capText(ward);
  b.span(row, 0, LAST, words.capTitle(ward.cap.percent), SECTION);
  b.note(row, 0, words.capNote(ward));
  blocks.push({ start: row, end: row + 1 });
  row++;
  b.span(row++, 0, LAST, capText, NOTE);
  row++;
  const s = ward.schedule;
  const scheduleText =
    s.listed === 0
      ? 'Không tệp nào có sheet "Kế hoạch": chưa đối chiếu được với lịch.'
      : `Theo lịch: ${s.listed} chi bộ; đã có kết quả: ${s.withResults}${s.missing.length ? `; chưa có kết quả: ${s.missing.join(', ')}` : ''}${s.notInSchedule.length ? `; có kết quả nhưng không có trong lịch: ${s.notInSchedule.join(', ')}` : ''}.`;
  b.span(row, 0, LAST, words.schedule, SECTION);
  b.note(row, 0, 'AGG-04: mỗi chi bộ trong lịch có một tệp kết quả.');
  blocks.push({ start: row, end: row + 1 });
  row++;
  b.span(row++, 0, LAST, scheduleText, NOTE);

  // V. One line per chi bộ, and the totals.
  row++;
  const sectionV = row;
  b.span(row++, 0, LAST, 'V. KẾT QUẢ TỪNG CHI BỘ', SECTION);
  const tableTop = row;
  const labels = ['TT', 'Chi bộ', 'Ngày họp theo lịch', 'Ngày họp', 'Tổng số đảng viên', 'Được phân loại', ...MEMBER_LEVELS.map(levelName), 'Không hoặc chưa phân loại', 'Điểm', words.levelHeader];
  labels.forEach((label, col) => b.set(row, col, label, HEADER));
  b.set(row, PRINTED, 'Lỗi / cảnh báo, tệp (không in)', SCREEN_HEADER);
  b.height(row++, 62);
  ward.rows.forEach((r, i) => {
    const missing = r.file === null;
    const other = r.file !== null && ward.otherRuleSets.some((o) => o.path === r.file);
    const level = missing
      ? 'Chưa có kết quả'
      : r.level
        ? `${chiBoLevelName(r.level)}${other ? ` (${words.otherRules})` : ''}${r.provisional ? ' (tạm thời)' : ''}${r.exemplary && r.level === ward.rules.exemplary.among && !other ? words.exemplaryMark : ''}`
        : 'Chưa xác định';
    const values: (string | number)[] = [
      i + 1,
      r.name,
      date(r.scheduledDate),
      date(r.meetingDate),
      missing ? '' : r.members,
      missing ? '' : r.classified,
      ...MEMBER_LEVELS.map((l) => (missing ? '' : r.levels[l])),
      missing ? '' : r.notClassified + r.deferred + r.undetermined,
      r.score === null ? '' : viNumber(r.score, 2),
      level,
    ];
    values.forEach((v, col) => b.set(row, col, v, col === 1 ? BODY : col === 12 ? { ...BODY, color: missing ? '#C00000' : undefined } : NUMBER));
    // Not wrapped: the screen's column must not make the printed row taller.
    b.set(row, PRINTED, missing ? '' : `${r.errors} / ${r.warnings}${r.file ? ` — ${fileName(r.file)}` : ''}`, { ...SCREEN, wrap: false });
    row++;
  });
  const done = ward.rows.filter((r) => r.file !== null);
  const sum = (f: (r: (typeof done)[number]) => number): number => done.reduce((acc, r) => acc + f(r), 0);
  const totals: (string | number)[] = ['', 'Cộng', '', '', sum((r) => r.members), sum((r) => r.classified), ...MEMBER_LEVELS.map((l) => sum((r) => r.levels[l])), sum((r) => r.notClassified + r.deferred + r.undetermined), '', ''];
  totals.forEach((v, col) => b.set(row, col, v, col === 1 ? { ...BODY, bold: true } : TOTAL));
  b.set(row, PRINTED, `${sum((r) => r.errors)} / ${sum((r) => r.warnings)}`, SCREEN);
  const tableBottom = row++;
  blocks.push({ start: sectionV, end: tableBottom, keep: 5 });
  const signTop = row;
  const end = signatureBlock(b, signTop, { signer: ['T/M Ban Thường vụ', 'Bí thư'], recipients: ['- Ban Thường vụ cấp ủy cấp trên (b/c);', '- Các chi bộ trực thuộc;', '- Lưu Văn phòng Đảng ủy.'] }, cols);
  // The last rows of the table go with the signatures when these would start a page of their own.
  blocks.push({ start: Math.max(tableTop + 1, tableBottom - 2), end: end - 1 });

  const categories: CellRange = { top: levelsTop, left: 14, bottom: levelsBottom, right: 14 };
  const values: CellRange = { top: levelsTop, left: 15, bottom: levelsBottom, right: 15 };
  const anchor: CellRange = { top: chartTop, left: 7, bottom: levelsBottom, right: LAST };
  const built = b.build({
    printTitleRows: [tableTop, tableTop],
    chartSource: { categories, values, title: `${words.chart}${year}`, anchor },
    print: { fitToWidth: false, area: { top: 0, left: 0, bottom: end - 1, right: LAST } },
  });
  const heights = settledHeights(built, end - 1);
  const pageBreaks = keepTogether(heights, end - 1, PAGE_ROOM.landscape, blocks, { top: tableTop, bottom: tableTop, until: tableBottom });
  return { ...built, rowHeights: heights, print: { ...built.print, pageBreaks } };
}

/**
 * `Kiểm tra` of the ward: every file's issues and those found when combining, each with the file's name
 * (not its full path; the messages name the files the same way: `paths`, the files combined). The screen's sheet, printable: A4 landscape at 100 %, the rule of each issue in
 * the last column, outside the print area.
 */
export function wardIssuesSheet(issues: readonly FileIssue[], paths: readonly string[] = [], printed: (message: string) => string = (m) => m): SheetLayout {
  // A message that cites another file (PROC-02 names the plan) names it as the "Tệp" column does.
  const known = [...new Set([...paths, ...issues.map((i) => i.file)])].filter((p) => fileName(p) !== p).sort((a, b) => b.length - a.length);
  const words = (text: string): string => known.reduce((t, p) => t.split(p).join(fileName(p)), text);
  const b = new LayoutBuilder(RESULT_SHEETS.issues, [5, 24, 9, 18, 7, 74, 11], true);
  const last = 5;
  b.span(0, 0, last, 'KIỂM TRA SỐ LIỆU CÁC CHI BỘ', { bold: true, size: 14, align: 'center', wrap: true });
  const errors = issues.filter((i) => i.severity === 'error').length;
  b.span(1, 0, last, `${errors} lỗi, ${issues.length - errors} cảnh báo trong các tệp đã tổng hợp. Mở tệp của chi bộ tại sheet và ô ghi bên cạnh để sửa.`, { italic: true, size: 11, wrap: true });
  ['STT', 'Tệp', 'Mức độ', 'Sheet', 'Ô', 'Nội dung'].forEach((label, c) => b.set(3, c, label, HEADER));
  b.set(3, 6, 'Quy tắc (không in)', SCREEN_HEADER);
  b.height(3, 22);
  issues.forEach((issue, i) => {
    const r = 4 + i;
    b.set(r, 0, i + 1, NUMBER);
    b.set(r, 1, fileName(issue.file), BODY);
    b.set(r, 2, issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo', { ...BODY, fill: FLAG_FILL[issue.severity] });
    b.set(r, 3, issue.sheet, BODY);
    b.set(r, 4, issue.cell ?? '—', BODY);
    b.set(r, 5, printed(words(issue.message)), BODY);
    b.set(r, 6, issue.rule, SCREEN);
  });
  const bottom = Math.max(3, 3 + issues.length);
  return b.build({ printTitleRows: [3, 3], freezeRows: 4, print: { fitToWidth: false, area: { top: 0, left: 0, bottom, right: last } } });
}

/** Every sheet of the ward's workbook: `Tổng hợp`, the leaders' tally when there is one, `Kiểm tra`. */
export function wardSheets(ward: WardSummary, issues: readonly FileIssue[]): SheetLayout[] {
  const sheets = [wardSheet(ward)];
  if (ward.leaders.length > 0) sheets.push(leadersSheet(ward.leaders, ward.heading, ['T/M BAN THƯỜNG VỤ']));
  sheets.push(wardIssuesSheet(issues, ward.files.map((f) => f.path), WORDS[ward.rules.engine].printed));
  return sheets;
}
