/**
 * The meeting's ballots (form 07-KĐ.ĐV, III.1.4 of the seed) as print-ready layouts: `Phiếu lần 1` lists
 * every member to be classified with the three boxes of round 1; `Phiếu lần 2` lists the round-1 HTTNV
 * members (the MEM-06 pool) with one box each and the cap K. One copy per ballot to issue (the official
 * members present), as many copies to an A4 page as fit, a page break before every page.
 * Who is on a ballot comes from the engine's results (checkWorkbook), never re-derived here.
 */
import type { CheckResult, MemberResult } from '../check';
import { MEETING_SHEETS } from '../forms/definitions';
import type { Issue } from '../issues';
import { findRuleSet, isHd27 } from '../ruleSets';
import { type CellStyle, documentHeading, LayoutBuilder, partyDateText, placeOf, type SheetLayout } from './layout';

/**
 * What one A4 page holds, in points: Excel's default margins (0.75 in top and bottom) leave 734 pt, the
 * margins the .xlsx gets (0.6 in) 756 pt. Every page is filled to exactly this height and the next begins
 * with a row taller than what is left of either, so the pages break between copies even where a host
 * ignores manual page breaks (Excel under "Fit to"; the Office.js renderer sets none).
 */
export const PAGE_HEIGHT_POINTS = 720;
const MARGINS = { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6 };

/*
 * Heights are whole pixels at 96 dpi (multiples of 0.75 pt): Excel rounds each row to pixels, and a
 * page of rounded rows must still add up to what was computed.
 */
const PIXEL = 0.75;
const toPixels = (points: number): number => Math.ceil(points / PIXEL - 1e-9) * PIXEL;
const MEMBER_ROW = 21;
/** Space between two copies on one page, where the clerk cuts them apart. */
const GAP_ROW = 27;
/** The first row of every page: taller than what a page has left after PAGE_HEIGHT_POINTS (36 pt in the .xlsx). */
export const TOP_ROW = 45;

const TITLE: CellStyle = { bold: true, size: 14, align: 'center', wrap: true };
const SUBTITLE: CellStyle = { italic: true, size: 11, align: 'center', wrap: true };
const NOTE: CellStyle = { size: 11, wrap: true };
const HEADER: CellStyle = { bold: true, size: 11, align: 'center', wrap: true, border: true };
const NAME: CellStyle = { size: 12, border: true };
const NUMBER: CellStyle = { size: 12, border: true, align: 'center' };
const BOX: CellStyle = { size: 12, border: true, align: 'center' };

export function meetingDateText(result: CheckResult): string {
  return partyDateText(result.heading.meetingDate);
}

/**
 * The Party's document heading (HD 36-HD/VPTW, layout.ts's documentHeading) from row `top`: the superior
 * body, the chi bộ and the star at the left; "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date at the right
 * from column `half`. A ballot has no number. Rows of fixed height (a copy's pages are computed from
 * them). Returns the next free row.
 */
export function officialHeading(b: LayoutBuilder, top: number, result: CheckResult, half = Math.max(1, Math.floor(b.width / 2))): number {
  const cols = { leftEnd: half - 1, rightStart: half, rightEnd: b.width - 1 };
  const next = documentHeading(b, { superior: result.heading.dangBo ?? 'Đảng bộ ……', issuer: `Chi bộ ${result.chiBo ?? '……'}`, number: null, place: placeOf(result.heading.dangBo), date: result.heading.meetingDate }, top, cols);
  for (let r = top; r < next; r++) b.height(r, 18);
  return next;
}

/** Why a ballot cannot be printed: the rule and one line for the clerk, in Vietnamese and English. */
export interface BallotProblem {
  readonly rule: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface Ballot {
  readonly layout: SheetLayout;
  /** The names on the ballot, in roll order. */
  readonly names: readonly string[];
  /** Ballots to issue: the official members present. */
  readonly copies: number;
  /** Copies on one page (1 also when a copy takes several pages). */
  readonly perPage: number;
  /** Pages one copy takes. */
  readonly pagesPerCopy: number;
  readonly pages: number;
  /** Round 2: the cap K of MEM-06, and the pool it was taken of. */
  readonly cap?: number;
  readonly pool?: number;
}

export type BallotOutcome = { readonly ok: true; readonly ballot: Ballot } | { readonly ok: false; readonly problems: readonly BallotProblem[] };

/** Members to be classified at the meeting: everyone not excluded by ELIG-01..03. */
export function toBeClassified(result: CheckResult): MemberResult[] {
  return result.members.filter((m) => m.status === 'classified' || m.status === 'undetermined');
}

/**
 * Members whose result waits for a cell that cannot be read (RULES.md 9.21): whether they are voted on
 * at all may depend on it, so no ballot lists them until the cell is fixed.
 */
export function waitingForInput(result: CheckResult): MemberResult[] {
  return result.members.filter((m) => m.reason === 'input-error');
}

/** One problem per member waiting for an unreadable cell, naming the member and the cell in words. */
function waitingProblems(result: CheckResult): BallotProblem[] {
  return waitingForInput(result).map((m) => {
    const cells = m.unreadable ?? [];
    const words = cells.map((c) => `ô ${c.cell} sheet "${c.sheet}" (${c.label}) không đọc được ("${c.shown}")`).join('; ');
    const wordsEn = cells.map((c) => `cell ${c.cell} of "${c.sheet}" (${c.label}) cannot be read ("${c.shown}")`).join('; ');
    return {
      rule: [...new Set(cells.map((c) => c.rule))].join(', ') || m.rules.join(', '),
      message: `Chưa đưa đồng chí ${m.name} vào phiếu: ${words || 'có ô dữ liệu không đọc được'}. Kết quả của đồng chí này chờ ô đó; sửa ô đó rồi tạo lại phiếu.`,
      messageEn: `${m.name} is not put on a ballot: ${wordsEn || 'a cell cannot be read'}. The result waits for it; fix it and make the ballots again.`,
    };
  });
}

/**
 * The round-2 pool (RULES.md 9.5): HTTNV after round 1 and MEM-08. After round 2 the same members are
 * HTXSNV, still HTTNV, or undetermined at a tie at the cap — nobody else becomes any of these.
 */
export function round2Pool(result: CheckResult): MemberResult[] {
  return result.members.filter((m) => (m.status === 'classified' && (m.level === 'HTTNV' || m.level === 'HTXSNV')) || (m.status === 'undetermined' && m.reason === 'tie-at-cap'));
}

const ROUND1_RULES = /^(DATA-0[1-5]|ELIG-\d\d|VOTE-07)$/;

/** What stops round 1: no one to list, no number of copies, or errors in what the list is made of. */
export function round1Problems(result: CheckResult): BallotProblem[] {
  const problems: BallotProblem[] = [];
  const rollSheets = new Set(result.people.map((p) => p.name.sheet));
  if (toBeClassified(result).length === 0) {
    problems.push({ rule: 'DATA-01', message: 'Không có đảng viên nào cần phân loại (sheet "Danh sách đảng viên" trống hoặc không đọc được).', messageEn: 'No member to classify (the roll is empty or unreadable).' });
  }
  const at = (p: { sheet: string; cell: string } | null | undefined) => (p ? `${p.sheet}!${p.cell}` : '');
  const presentCell = at(result.ballots?.officialPresentCell);
  const dateCell = at(result.places.meetingDate);
  const issueCell = (i: Issue) => (i.cell ? `${i.sheet}!${i.cell}` : '');
  const blocking = (i: Issue) => i.severity === 'error' && ROUND1_RULES.test(i.rule) && (rollSheets.has(i.sheet) || [presentCell, dateCell].includes(issueCell(i)) || i.rule === 'VOTE-07');
  const issues = result.issues.filter(blocking);
  const reported = new Set(issues.map(issueCell));
  const present = result.ballots?.officialPresent ?? null;
  if ((present === null || present <= 0) && !reported.has(presentCell)) {
    const where = result.ballots ? ` (ô ${result.ballots.officialPresentCell.cell} của sheet "${result.ballots.officialPresentCell.sheet}")` : '';
    problems.push({ rule: 'DATA-01', message: `Chưa có "Số đảng viên chính thức có mặt"${where}: đó là số phiếu cần in.`, messageEn: 'The number of official members present (the ballots to print) is missing.' });
  }
  if (!result.heading.meetingDate && !reported.has(dateCell)) {
    problems.push({ rule: 'ELIG-02', message: 'Chưa có "Ngày họp đánh giá": không xác định được ai vào Đảng chưa đủ 6 tháng.', messageEn: 'No meeting date: ELIG-02 cannot be applied.' });
  }
  for (const issue of issues) problems.push({ rule: issue.rule, message: issue.message, messageEn: issue.messageEn });
  problems.push(...waitingProblems(result));
  return problems;
}

/** What stops round 2: round 1's problems, members round 1 left undetermined, or nobody to choose. */
export function round2Problems(result: CheckResult): BallotProblem[] {
  const problems = round1Problems(result);
  // Members waiting for an unreadable cell are named by round 1's problems already.
  const open = result.members.filter((m) => m.status === 'undetermined' && m.reason !== 'tie-at-cap' && m.reason !== 'input-error');
  if (open.length > 0) {
    const rules = [...new Set(open.flatMap((m) => m.rules.filter((r) => !r.startsWith('ELIG'))))];
    const names = open.map((m) => m.name);
    const noTally = open.every((m) => m.reason === 'no-tally-row');
    problems.push({
      rule: rules.join(', ') || 'MEM-04',
      message: noTally
        ? `Chưa nhập kết quả kiểm phiếu lần 1 (sheet "Kiểm phiếu đảng viên") cho ${open.length} đồng chí: ${names.join(', ')}.`
        : `Kết quả lần 1 chưa xác định cho ${open.length} đồng chí (${names.join(', ')}): sửa số liệu hoặc bỏ phiếu lại rồi mới in phiếu lần 2.`,
      messageEn: noTally ? `The round-1 tally is missing for ${open.length} member(s).` : `Round 1 leaves ${open.length} member(s) undetermined: fix the tally or vote again first.`,
    });
  }
  const pool = round2Pool(result);
  const f = result.figures;
  if (problems.length === 0 && f && pool.length !== f.pool) {
    problems.push({ rule: 'MEM-06', message: `Danh sách lần 2 (${pool.length}) khác số HTTNV sau lần 1 (${f.pool}).`, messageEn: `The round-2 list (${pool.length}) differs from the HTTNV pool (${f.pool}).` });
  }
  if (problems.length === 0 && pool.length === 0) {
    problems.push({ rule: 'MEM-06', message: 'Sau lần 1 không có đảng viên Hoàn thành tốt nhiệm vụ: không bỏ phiếu lần 2.', messageEn: 'No member is HTTNV after round 1: there is no round 2.' });
  } else if (problems.length === 0 && f && f.cap === 0) {
    problems.push({ rule: 'MEM-06', message: `15% của ${f.pool} đảng viên Hoàn thành tốt nhiệm vụ là 0: không đồng chí nào được Hoàn thành xuất sắc nhiệm vụ, không bỏ phiếu lần 2.`, messageEn: `15 % of ${f.pool} HTTNV is 0: nobody can be HTXSNV, there is no round 2.` });
  }
  return problems;
}

interface BallotSpec {
  readonly name: string;
  readonly widths: readonly number[];
  readonly subtitle: string;
  readonly instructions: readonly string[];
  readonly header: readonly string[];
  readonly names: readonly string[];
  /** First column of the heading's right half, where the column count does not halve the width. */
  readonly headingSplit?: number;
}

/**
 * One copy's head (heading, title, instructions, table header) from `top`; returns the table header's
 * row. `heights`: the head's rows as measured, which the copy then keeps.
 */
function writeHead(b: LayoutBuilder, top: number, result: CheckResult, spec: BallotSpec, heights?: readonly number[]): number {
  let row = officialHeading(b, top, result, spec.headingSplit);
  b.span(row, 0, b.width - 1, `PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN${result.heading.year ? ` NĂM ${result.heading.year}` : ''}`, TITLE);
  b.height(row++, 21);
  b.span(row, 0, b.width - 1, spec.subtitle, SUBTITLE);
  b.height(row++, 16.5);
  for (const line of spec.instructions) {
    b.span(row, 0, b.width - 1, line, NOTE);
    b.height(row++, 18);
  }
  writeTableHeader(b, row, spec);
  heights?.forEach((h, i) => b.height(top + i, h));
  return row;
}

function writeTableHeader(b: LayoutBuilder, row: number, spec: BallotSpec, height = 33): void {
  spec.header.forEach((label, c) => b.set(row, c, label, HEADER));
  b.height(row, height);
}

function writeMember(b: LayoutBuilder, row: number, index: number, name: string, spec: BallotSpec): void {
  b.set(row, 0, index + 1, NUMBER);
  b.set(row, 1, name, NAME);
  for (let c = 2; c < spec.widths.length; c++) b.set(row, c, '', BOX);
  b.height(row, MEMBER_ROW);
}

/** A copy's head rows as the finished layout has them (wrapped text may grow a row), in whole pixels. */
function measureHead(result: CheckResult, spec: BallotSpec): number[] {
  const scratch = new LayoutBuilder(spec.name, spec.widths, false);
  const headerRow = writeHead(scratch, 0, result, spec);
  const heights = scratch.build().rowHeights;
  return Array.from({ length: headerRow + 1 }, (_, r) => toPixels(heights.get(r) ?? 15));
}

/**
 * Lays out `copies` copies. A copy that fits a page shares it with as many others as fit; a longer one
 * starts a page of its own and continues on the next with the table header repeated. Every page begins
 * with TOP_ROW (and, but the first, a manual page break) and is filled to PAGE_HEIGHT_POINTS.
 */
function ballotLayout(result: CheckResult, spec: BallotSpec, copies: number): Omit<Ballot, 'cap' | 'pool'> {
  const b = new LayoutBuilder(spec.name, spec.widths, false);
  const headHeights = measureHead(result, spec);
  const head = headHeights.reduce((a, h) => a + h, 0);
  const header = headHeights[headHeights.length - 1];
  const room = PAGE_HEIGHT_POINTS - TOP_ROW;
  const n = spec.names.length;
  const copyHeight = head + n * MEMBER_ROW;
  const fits = copyHeight <= room;
  const perPage = fits ? Math.max(1, Math.floor((room + GAP_ROW) / (copyHeight + GAP_ROW))) : 1;
  const firstPageRows = Math.max(1, Math.floor((room - head) / MEMBER_ROW));
  const laterPageRows = Math.max(1, Math.floor((room - header) / MEMBER_ROW));
  const pagesPerCopy = fits ? 1 : 1 + Math.ceil((n - firstPageRows) / laterPageRows);
  const breaks: number[] = [];
  let row = 0;
  let used = 0;
  const add = (height: number) => {
    b.height(row++, height);
    used += height;
  };
  const newPage = () => {
    if (row > 0) {
      if (used < PAGE_HEIGHT_POINTS) add(PAGE_HEIGHT_POINTS - used);
      breaks.push(row);
    }
    used = 0;
    add(TOP_ROW);
  };
  for (let copy = 0; copy < copies; copy++) {
    if (copy % perPage === 0) newPage();
    else add(GAP_ROW);
    row = writeHead(b, row, result, spec, headHeights) + 1;
    used += head;
    let onPage = firstPageRows;
    spec.names.forEach((name, i) => {
      if (!fits && onPage === 0) {
        newPage();
        writeTableHeader(b, row++, spec, header);
        used += header;
        onPage = laterPageRows;
      }
      writeMember(b, row++, i, name, spec);
      used += MEMBER_ROW;
      onPage--;
    });
  }
  const pages = Math.ceil(copies / perPage) * pagesPerCopy;
  const layout = b.build({ print: { fitToWidth: false, area: { top: 0, left: 0, bottom: Math.max(0, row - 1), right: spec.widths.length - 1 }, pageBreaks: breaks, margins: MARGINS } });
  return { layout, names: spec.names, copies, perPage, pagesPerCopy, pages };
}

const LEVEL_HEADERS = ['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ'];

/** `Phiếu lần 1`: every member to be classified, three boxes each (III.1.4: no HTXSNV in round 1). */
export function round1Ballot(result: CheckResult): BallotOutcome {
  const problems = round1Problems(result);
  if (problems.length > 0) return { ok: false, problems };
  const spec: BallotSpec = {
    name: MEETING_SHEETS.ballot1,
    widths: [5, 33, 15, 15, 15],
    subtitle: '(Mẫu 07-KĐ.ĐV — bỏ phiếu lần thứ nhất)',
    instructions: [
      'Với mỗi đồng chí, đánh dấu (x) vào một trong ba ô: Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ.',
      '(Lần thứ nhất không đánh dấu vào ô hoàn thành xuất sắc nhiệm vụ.)',
    ],
    header: ['TT', 'Họ và tên', ...LEVEL_HEADERS],
    names: toBeClassified(result)
      .filter((m) => m.reason !== 'input-error')
      .map((m) => m.name),
  };
  return { ok: true, ballot: ballotLayout(result, spec, result.ballots?.officialPresent as number) };
}

/** `Phiếu lần 2`: the round-1 HTTNV members, one box each, "chọn không quá K đồng chí" (MEM-06). */
export function round2Ballot(result: CheckResult): BallotOutcome {
  const problems = round2Problems(result);
  if (problems.length > 0) return { ok: false, problems };
  const f = result.figures as NonNullable<CheckResult['figures']>;
  const spec: BallotSpec = {
    name: MEETING_SHEETS.ballot2,
    widths: [5, 33, 45],
    headingSplit: 2,
    subtitle: '(Mẫu 07-KĐ.ĐV — bỏ phiếu lần thứ hai)',
    instructions: [
      'Bầu đảng viên "Hoàn thành xuất sắc nhiệm vụ" trong số những đảng viên "Hoàn thành tốt nhiệm vụ": đánh dấu (x) vào ô của đồng chí được chọn.',
      `Chọn không quá ${f.cap} đồng chí (số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá 15% của ${f.pool} đảng viên hoàn thành tốt nhiệm vụ).`,
    ],
    header: ['TT', 'Họ và tên', 'Hoàn thành xuất sắc nhiệm vụ'],
    names: round2Pool(result).map((m) => m.name),
  };
  return { ok: true, ballot: { ...ballotLayout(result, spec, result.ballots?.officialPresent as number), cap: f.cap, pool: f.pool } };
}

/**
 * The one line for a paper of the other regime: under hd43-2025 the 2014 ballots and counting minutes
 * (form 07-KĐ.ĐV, two rounds) are not used; under hd27-2014 the scoring sheets are not. Named by the
 * result's rule set; null when the paper belongs to it.
 */
export function otherRegime(result: CheckResult, paper: 'ballots' | 'minutes' | 'scoreSheets'): BallotProblem | null {
  const ruleSet = findRuleSet(result.ruleSet);
  const twoRounds = !ruleSet || isHd27(ruleSet);
  if (paper === 'scoreSheets' ? !twoRounds : twoRounds) return null;
  const title = ruleSet?.title ?? result.ruleSet;
  const what = paper === 'ballots' ? 'phiếu bỏ phiếu hai lần (Mẫu 07-KĐ.ĐV)' : paper === 'minutes' ? 'biên bản kiểm phiếu hai lần bỏ phiếu' : 'phiếu chấm điểm';
  const instead = paper === 'scoreSheets' ? 'Sổ này bỏ phiếu hai lần: dùng "In phiếu lần 1", "In phiếu lần 2" và "Biên bản".' : 'Đảng viên được chấm điểm theo Bộ tiêu chí: dùng "Phiếu chấm điểm" (xeploai ballots không có --round).';
  const insteadEn = paper === 'scoreSheets' ? 'This workbook votes in two rounds: use the ballots and the minutes.' : 'Members are scored against the criteria: use the scoring sheets (xeploai ballots without --round).';
  return {
    rule: '',
    message: `Sổ này theo ${title}: không dùng ${what}. ${instead}`,
    messageEn: `This workbook follows ${ruleSet?.titleEn ?? result.ruleSet}: ${paper === 'scoreSheets' ? 'it has no scoring sheets' : 'it has no two-round ballots or counting minutes'}. ${insteadEn}`,
  };
}

/** The round's ballot; under a rule set without the two rounds (hd43-2025), the one line that says so. */
export function ballotFor(result: CheckResult, round: 1 | 2): BallotOutcome {
  const other = otherRegime(result, 'ballots');
  if (other) return { ok: false, problems: [other] };
  return round === 1 ? round1Ballot(result) : round2Ballot(result);
}

/** The problems as one line: "[DATA-08] …; [MEM-04] …". */
export function problemLine(problems: readonly BallotProblem[]): string {
  return problems.map((p) => `[${p.rule}] ${p.message}`).join(' ');
}
