/**
 * The meeting-day paper of rule set hd43-2025 (RULES-2025.md §2, M25-01..03): one scoring sheet (phiếu
 * chấm điểm) per member to be classified, print-ready on A4 portrait at 100 %, one member per page. Each
 * page carries the Party's heading (HD 36-HD/VPTW, layout.ts), the title "PHIẾU CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI
 * CHẤT LƯỢNG ĐẢNG VIÊN NĂM …", the member's name, the members' criteria of the đảng ủy's `Bộ tiêu chí`
 * (group, criterion, maximum) with two blank columns for the self-score and the chi bộ's score, a blank
 * total, the level self-assessed and proposed (blank), and the signatures. It replaces the 2014 two-round
 * ballots (ballots.ts), which hd43-2025 does not have: `xeploai ballots` without `--round`, the pane's
 * "Phiếu chấm điểm". Who is listed comes from the engine's results, the criteria from rules/cfg25.ts.
 */
import type { CheckResult, MemberResult } from '../check';
import { CRITERIA_GROUPS, MEETING_SHEETS } from '../forms/definitions';
import { readCriteria } from '../forms/reader';
import type { WorkbookModel } from '../grid';
import { type CriteriaTable, criteriaSettings } from '../rules/cfg25';
import { newIssueSink } from '../rules/issue';
import { vn } from '../rules/rules25';
import { type BallotProblem, officialHeading, otherRegime, PAGE_HEIGHT_POINTS, TOP_ROW } from './ballots';
import { type CellStyle, LayoutBuilder, type SheetLayout, signatureBlock } from './layout';
import { settledHeights } from './paperPages';
import { foldLabel } from '../text/normalize';

const TITLE: CellStyle = { bold: true, size: 14, align: 'center', wrap: true };
const SUBTITLE: CellStyle = { italic: true, size: 11, align: 'center', wrap: true };
const TEXT: CellStyle = { size: 12 };
const HEADER: CellStyle = { bold: true, size: 11, align: 'center', wrap: true, border: true, fill: '#F2F2F2' };
const CELL: CellStyle = { size: 12, border: true, wrap: true };
const GROUP: CellStyle = { ...CELL, bold: true };
const NUMBER: CellStyle = { size: 12, border: true, align: 'center' };
const GROUP_NUMBER: CellStyle = { ...NUMBER, bold: true };
const MARGINS = { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6 };
/** TT, Tiêu chí, Điểm tối đa, Điểm tự chấm, Điểm chi bộ chấm: 90 character widths, A4 portrait at 100 %. */
const WIDTHS = [6, 46, 11, 13, 14];
/** The heading's left half (the chi bộ) over A–B, the Party's name and the date over C–E. */
const HEADING_SPLIT = 2;
const ROMAN = ['I', 'II', 'III', 'IV'];

const PIXEL = 0.75;
const toPixels = (points: number): number => Math.ceil(points / PIXEL - 1e-9) * PIXEL;

export interface ScoreSheets {
  readonly layout: SheetLayout;
  /** The members with a sheet, in roll order. */
  readonly names: readonly string[];
  readonly pages: number;
  /** Criteria rows on each sheet (groups included), and where they came from. */
  readonly rows: number;
  readonly criteriaSource: 'sheet' | 'default';
}

export type ScoreSheetOutcome = { readonly ok: true; readonly sheets: ScoreSheets } | { readonly ok: false; readonly problems: readonly BallotProblem[] };

/** The members' criteria table of the workbook's `Bộ tiêu chí` (the default, one per group, without it). */
export function membersCriteria(model: WorkbookModel): CriteriaTable {
  // The check reports the sheet's problems (DATA, CFG25-02); here only the table is wanted.
  return criteriaSettings(readCriteria(model, newIssueSink())).members;
}

/** Who gets a sheet: every member on the roll but those not classified (exempt, under 6 months, suspended). */
export function toBeScored(result: CheckResult): MemberResult[] {
  return result.members.filter((m) => m.status !== 'not-classified');
}

/** A criteria group's rows: the group with its maximum, then its criteria unless the group is its only one. */
function groupRows(table: CriteriaTable): { label: string; max: number; group: boolean; tt: string }[] {
  const rows: { label: string; max: number; group: boolean; tt: string }[] = [];
  let n = 0;
  CRITERIA_GROUPS.forEach((g, gi) => {
    const own = table.criteria.filter((c) => c.group === g.key);
    rows.push({ label: `${g.label} (tối đa ${vn(g.max)} điểm)`, max: g.max, group: true, tt: ROMAN[gi] ?? String(gi + 1) });
    const alone = own.length === 1 && (own[0].row === null || !own[0].name.trim() || foldLabel(own[0].name) === foldLabel(g.label));
    if (alone) return;
    for (const c of own) rows.push({ label: c.name || '(chưa ghi tên tiêu chí)', max: c.max, group: false, tt: String(++n) });
  });
  return rows;
}

/** One member's page from `top` (TOP_ROW first); returns the row after it (its last row is the filler). */
function writePage(b: LayoutBuilder, top: number, result: CheckResult, name: string, rows: ReturnType<typeof groupRows>): { next: number; filler: number } {
  const last = WIDTHS.length - 1;
  let row = top;
  b.height(row++, TOP_ROW);
  row = officialHeading(b, row, result, HEADING_SPLIT);
  row++;
  b.span(row, 0, last, `PHIẾU CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN${result.heading.year ? ` NĂM ${result.heading.year}` : ' NĂM ……'}`, TITLE);
  // Two lines of bold capitals at 14 pt: wider than the builder's estimate for wrapped text.
  b.height(row++, 40);
  b.span(row++, 0, last, '(Theo Bộ tiêu chí của Đảng ủy; tổng điểm tối đa 100)', SUBTITLE);
  row++;
  b.span(row++, 0, last, `Họ và tên đảng viên: ${name}`, { ...TEXT, bold: true });
  const chiBo = (result.chiBo ?? '').replace(/^\s*chi\s+bộ\s+/iu, '').trim();
  b.span(row++, 0, last, `Chức vụ: …………………………………………………  Chi bộ: ${chiBo || '……………………'}`, TEXT);
  row++;
  ['TT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm chi bộ chấm'].forEach((label, c) => b.set(row, c, label, HEADER));
  b.height(row++, 33);
  for (const r of rows) {
    b.set(row, 0, r.tt, r.group ? GROUP_NUMBER : NUMBER);
    b.set(row, 1, r.label, r.group ? GROUP : CELL);
    b.set(row, 2, vn(r.max), r.group ? GROUP_NUMBER : NUMBER);
    b.set(row, 3, '', NUMBER);
    b.set(row, 4, '', NUMBER);
    row++;
  }
  const total = CRITERIA_GROUPS.reduce((a, g) => a + g.max, 0);
  b.set(row, 0, '', GROUP_NUMBER);
  b.set(row, 1, 'Tổng cộng', GROUP);
  b.set(row, 2, vn(total), GROUP_NUMBER);
  b.set(row, 3, '', GROUP_NUMBER);
  b.set(row, 4, '', GROUP_NUMBER);
  row += 2;
  b.span(row++, 0, last, 'Tự nhận mức xếp loại: ………………………………………………………………………', TEXT);
  b.span(row++, 0, last, 'Chi bộ đề xuất mức xếp loại: …………………………………………………………', TEXT);
  row++;
  row = signatureBlock(b, row, { signer: ['T/M chi bộ', 'Bí thư'], leftSigner: ['Đảng viên tự chấm'] }, { leftEnd: 1, rightStart: 2, rightEnd: last });
  // The filler row: its height is set once every row's height is known (a page of exactly PAGE_HEIGHT_POINTS).
  return { next: row + 1, filler: row };
}

/**
 * `Phiếu chấm điểm đảng viên`: one page per member to be scored. Refused, with the reasons, under a rule
 * set that votes instead (hd27-2014), when the members' criteria do not add up (CFG25-02) or nobody is to
 * be scored.
 */
export function scoreSheetsFor(result: CheckResult, criteria: CriteriaTable): ScoreSheetOutcome {
  const other = otherRegime(result, 'scoreSheets');
  if (other) return { ok: false, problems: [other] };
  const problems: BallotProblem[] = [];
  if (!criteria.valid) {
    problems.push({
      rule: 'CFG25-02',
      message: 'Bảng tiêu chí đánh giá đảng viên của sheet "Bộ tiêu chí" chưa dùng được (điểm tối đa các tiêu chí của một nhóm phải cộng đủ 30 và 70, mỗi dòng có nhóm và điểm tối đa): sửa theo sheet Kiểm tra rồi in lại.',
      messageEn: 'The members\' criteria table of "Bộ tiêu chí" is not usable (each group must add up to 30 and 70): fix it and print again.',
    });
  }
  const members = toBeScored(result);
  if (members.length === 0) {
    problems.push({ rule: 'DATA-01', message: 'Không có đảng viên nào cần chấm điểm (sheet "Danh sách đảng viên" trống hoặc không đọc được).', messageEn: 'No member to score (the roll is empty or unreadable).' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows = groupRows(criteria);
  const b = new LayoutBuilder(MEETING_SHEETS.scoreSheets, WIDTHS, false);
  const pages: { top: number; filler: number }[] = [];
  let row = 0;
  for (const m of members) {
    const { next, filler } = writePage(b, row, result, m.name, rows);
    pages.push({ top: row, filler });
    row = next;
  }
  const end = row - 1;
  const built = b.build();
  // Every row a whole number of pixels, and each member's page filled to PAGE_HEIGHT_POINTS: the next
  // member starts a page even where a host ignores the manual breaks (as the ballots do).
  const heights = settledHeights(built, end);
  for (const [r, h] of heights) heights.set(r, toPixels(h));
  let pageCount = 0;
  for (const p of pages) {
    let used = 0;
    for (let r = p.top; r < p.filler; r++) used += heights.get(r) ?? 15;
    const over = used > PAGE_HEIGHT_POINTS;
    heights.set(p.filler, over ? PIXEL : Math.max(PIXEL, Math.floor((PAGE_HEIGHT_POINTS - used) / PIXEL + 1e-9) * PIXEL));
    pageCount += over ? Math.ceil(used / PAGE_HEIGHT_POINTS) : 1;
  }
  const layout: SheetLayout = {
    ...built,
    rowHeights: heights,
    print: { fitToWidth: false, area: { top: 0, left: 0, bottom: end, right: WIDTHS.length - 1 }, pageBreaks: pages.slice(1).map((p) => p.top), margins: MARGINS },
  };
  return { ok: true, sheets: { layout, names: members.map((m) => m.name), pages: pageCount, rows: rows.length + 1, criteriaSource: criteria.source } };
}
