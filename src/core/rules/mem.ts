/** MEM rules (RULES.md section 3): each member's level from the two ballot rounds. */
import type { RollMember, Unreadable, UnreadableCell } from '../forms/model';
import type { CivilServiceRating, MemberLevel } from '../values/parse';
import type { RuleId, RuleMeta } from './catalogue';
import { type ChiBoContext, exceeds, formatNumber, type MemberState } from './context';
import type { ExclusionReason } from './elig';
import { type BrokenVotes, checkVotesOfExcluded, memberRound1, memberRound2, type Round1Votes } from './vote';

export const MEM_RULES: readonly RuleMeta[] = [
  { id: 'MEM-01', severity: 'error', seed: 'III.1.3.b', title: 'HTTNV: phiếu HTTNV trên 1/2 N', titleEn: 'HTTNV: HTTNV votes > N/2' },
  { id: 'MEM-02', severity: 'error', seed: 'III.1.3.c', title: 'HTNV: phiếu HTTNV + HTNV trên 1/2 N', titleEn: 'HTNV: HTTNV + HTNV votes > N/2' },
  { id: 'MEM-03', severity: 'error', seed: 'III.1.3.d', title: 'KHTNV: phiếu KHTNV trên 1/2 N', titleEn: 'KHTNV: KHTNV votes > N/2' },
  { id: 'MEM-04', severity: 'error', seed: 'III.1.3', title: 'Không mức nào đủ phiếu: chi bộ bỏ phiếu lại', titleEn: 'No level reached: vote again' },
  { id: 'MEM-05', severity: 'error', seed: 'III.1.3.a', title: 'HTXSNV: phiếu lần 2 trên 2/3 N', titleEn: 'HTXSNV: round-2 votes > 2N/3' },
  { id: 'MEM-06', severity: 'warning', seed: 'III.1.4', title: 'HTXSNV không quá 15% số HTTNV', titleEn: 'HTXSNV at most 15 % of HTTNV' },
  { id: 'MEM-07', severity: 'warning', seed: 'III.1.3.a', title: 'CBCCVC được HTXSNV phải có căn cứ', titleEn: 'Civil servants need a ground for HTXSNV' },
  { id: 'MEM-08', severity: 'warning', seed: 'III.1.3.b–c, III.1.4', title: 'Mức đảng viên thống nhất với xếp loại CBCCVC', titleEn: 'Party level agrees with the civil-service rating' },
  { id: 'MEM-09', severity: 'warning', seed: 'III.1.3.d', title: 'Căn cứ xếp loại Không hoàn thành nhiệm vụ', titleEn: 'Grounds for KHTNV' },
  { id: 'MEM-10', severity: 'warning', seed: 'II.3, Lưu ý', title: 'Cán bộ lãnh đạo, quản lý kiểm điểm trước', titleEn: 'Leaders are reviewed first' },
];

export type MemberStatus = 'classified' | 'not-classified' | 'deferred' | 'undetermined';
/** `no-score-row`, `no-score`: hd43-2025, a member to classify without a row or a valid score on `Chấm điểm đảng viên`. */
export type UndeterminedReason = 'no-decisive-vote' | 'tie-at-cap' | 'missing-rating' | 'rating-conflict' | 'vote-data-error' | 'no-tally-row' | 'input-error' | 'no-score-row' | 'no-score';

export interface MemberVotes {
  readonly HTTNV: number;
  readonly HTNV: number;
  readonly KHTNV: number;
  readonly HTXSNV: number;
}

export interface MemberResult {
  readonly chiBo: string;
  readonly name: string;
  /** 1-based row on the roll sheet. */
  readonly row: number;
  readonly status: MemberStatus;
  readonly level: MemberLevel | null;
  readonly reason: ExclusionReason | UndeterminedReason | null;
  /** The rule IDs that decided the result, in the order they applied. */
  readonly rules: readonly RuleId[];
  readonly membership: 'official' | 'probationary' | null;
  readonly votes: MemberVotes | null;
  /** N, the denominator the thresholds were taken of. */
  readonly n: number;
  /** The arithmetic, for the clerk (Vietnamese) and in English. */
  readonly explanation: string;
  readonly explanationEn: string;
  /** Reason `input-error` only: the unreadable cells the result waits for (RULES.md 9.21). */
  readonly unreadable?: readonly UnreadableCell[];
  /**
   * Rule set hd43-2025 only (RULES-2025.md): the total score out of 100 (null when a score is missing or
   * invalid), its two groups, the row of `Chấm điểm đảng viên`, and `proposed: true` (the level is the
   * chi bộ's proposal, "Đề xuất xếp loại"; the cấp ủy decides). Absent under hd27-2014.
   */
  readonly score?: number | null;
  readonly scoreParts?: { readonly common: number | null; readonly tasks: number | null } | null;
  readonly scoreRow?: number | null;
  readonly proposed?: true;
  /** hd43-2025: the level before M25-20's cap (what combining the ward caps again over the whole ward). */
  readonly levelBeforeCap?: MemberLevel | null;
  /** hd43-2025: the conditions that kept a higher level, in words, each with its rule (M25-15). */
  readonly unmet?: readonly { readonly rule: string; readonly text: string }[];
  /** hd43-2025: the task figures the level was decided on (M25-04), null when unknown. */
  readonly tasks?: { readonly assigned: number; readonly onTime: number; readonly exceeded: number; readonly pointedOut: number; readonly fixed: number } | null;
}

const LEVEL_NAME: Record<MemberLevel, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};
const RANK: Record<MemberLevel, number> = { HTXSNV: 4, HTTNV: 3, HTNV: 2, KHTNV: 1 };

export function levelName(level: MemberLevel): string {
  return LEVEL_NAME[level];
}

/** The highest party level a civil-service rating allows (MEM-08); KHTNV allows only KHTNV. */
function ratingCeiling(rating: CivilServiceRating): MemberLevel {
  if (rating === 'HTXSNV') return 'HTXSNV';
  if (rating === 'HTTNV') return 'HTTNV';
  if (rating === 'HTNV' || rating === 'HTNV-HCNL') return 'HTNV';
  return 'KHTNV';
}

interface Draft {
  state: MemberState;
  status: MemberStatus;
  level: MemberLevel | null;
  reason: MemberResult['reason'];
  rules: RuleId[];
  votes: MemberVotes | null;
  lines: string[];
  linesEn: string[];
  round2: number | null;
  /** Reason `input-error`: the cells the result waits for. */
  unreadable: UnreadableCell[] | null;
}

/** MEM-01..04: the round-1 result, before MEM-08. */
function round1Level(v: Round1Votes, n: number, ctx: ChiBoContext): { level: MemberLevel | null; rule: RuleId; line: string; lineEn: string } {
  const half = `${n}/2 = ${formatNumber(n / 2)}`;
  const maj = ctx.ruleSet.majority;
  if (exceeds(v.good, maj, n)) return { level: 'HTTNV', rule: 'MEM-01', line: `Lần 1: ${v.good} phiếu HTTNV > ${half} → HTTNV (MEM-01).`, lineEn: `Round 1: ${v.good} HTTNV votes > ${n}/2 → HTTNV (MEM-01).` };
  const strict = ctx.options.htnvCounting === 'strict';
  const forDone = strict ? v.done : v.good + v.done;
  const doneText = strict ? `${v.done} phiếu HTNV` : `${v.good} + ${v.done} = ${forDone} phiếu HTTNV + HTNV`;
  if (exceeds(forDone, maj, n)) {
    return { level: 'HTNV', rule: 'MEM-02', line: `Lần 1: ${v.good} phiếu HTTNV không quá ${half}; ${doneText} > ${half} → HTNV (MEM-02).`, lineEn: `Round 1: ${v.good} HTTNV votes not above ${n}/2; ${forDone} for HTNV > ${n}/2 → HTNV (MEM-02).` };
  }
  if (exceeds(v.failed, maj, n)) return { level: 'KHTNV', rule: 'MEM-03', line: `Lần 1: ${v.failed} phiếu KHTNV > ${half} → KHTNV (MEM-03).`, lineEn: `Round 1: ${v.failed} KHTNV votes > ${n}/2 → KHTNV (MEM-03).` };
  return {
    level: null,
    rule: 'MEM-04',
    line: `Lần 1: HTTNV ${v.good}, ${strict ? 'HTNV' : 'HTTNV + HTNV'} ${forDone}, KHTNV ${v.failed}: không mức nào trên ${half} (MEM-04).`,
    lineEn: `Round 1: HTTNV ${v.good}, for HTNV ${forDone}, KHTNV ${v.failed}: no level above ${n}/2 (MEM-04).`,
  };
}

function supportsHtnv(v: Round1Votes, n: number, ctx: ChiBoContext): boolean {
  const forDone = ctx.options.htnvCounting === 'strict' ? v.done : v.good + v.done;
  return exceeds(forDone, ctx.ruleSet.majority, n);
}

function nameOf(m: RollMember): string {
  return m.name.value ?? `(dòng ${m.row})`;
}

/** Whether a ground for KHTNV could be in a cell that could not be read (DATA-02/04, RULES.md 9.21). */
function unknownGround(m: RollMember): boolean {
  // The civil-service cells are read both ways by rules/unknown.ts; these four are never read as a default.
  return Boolean(m.disciplined.unreadable || m.failedTasks.unreadable || m.violation.unreadable || m.disobedience.unreadable);
}

function cellWords(c: UnreadableCell, rollSheet: string | null): string {
  return `ô ${c.cell}${c.sheet === rollSheet ? '' : ` sheet "${c.sheet}"`} (${c.label}) không đọc được ("${c.shown}", ${c.rule})`;
}

/**
 * The words of an `input-error` result (RULES.md 9.21): which cells cannot be read, and that the result
 * waits for them. The roll's own sheet is not named, other sheets are.
 */
export function waitingText(cells: readonly UnreadableCell[], rollSheet: string | null = cells[0]?.sheet ?? null): string {
  const shown = cells.slice(0, 3).map((c) => cellWords(c, rollSheet));
  const more = cells.length > 3 ? ` và ${cells.length - 3} ô khác` : '';
  return `Chưa xác định: ${shown.join('; ')}${more} — kết quả chờ ${cells.length > 1 ? 'các ô đó' : 'ô đó'}; sửa rồi kiểm tra lại.`;
}

export function waitingTextEn(cells: readonly UnreadableCell[]): string {
  const shown = cells.slice(0, 3).map((c) => `cell ${c.cell} of "${c.sheet}" (${c.label}) cannot be read ("${c.shown}", ${c.rule})`);
  const more = cells.length > 3 ? ` and ${cells.length - 3} more` : '';
  return `Undetermined: ${shown.join('; ')}${more}; the result waits for ${cells.length > 1 ? 'them' : 'it'}: fix and check again.`;
}

/** The grounds for KHTNV a member has (MEM-09). */
function khtnvGrounds(m: RollMember): string[] {
  const grounds: string[] = [];
  if (m.disciplined.value) grounds.push('đang chấp hành kỷ luật');
  if (m.failedTasks.value) grounds.push('không hoàn thành nhiệm vụ chi bộ giao');
  if (m.civilServant.value && m.civilRating.value === 'KHTNV') grounds.push('xếp loại CBCCVC Không hoàn thành nhiệm vụ');
  if (m.violation.value) grounds.push('vi phạm điều đảng viên không được làm');
  if (m.disobedience.value) grounds.push('không chấp hành phân công, gây mất đoàn kết');
  return grounds;
}

function undetermined(d: Draft, reason: UndeterminedReason, rule: RuleId): void {
  d.status = 'undetermined';
  d.level = null;
  d.reason = reason;
  if (!d.rules.includes(rule)) d.rules.push(rule);
}

/** Round 1 and MEM-08/09 for one member; round 2 is decided for all together. */
function classifyRound1(ctx: ChiBoContext, state: MemberState, n: number): Draft {
  const m = state.member;
  const d: Draft = { state, status: 'classified', level: null, reason: null, rules: [], votes: null, lines: [`N = ${n}.`], linesEn: [`N = ${n}.`], round2: null, unreadable: null };
  const sink = ctx.sink;
  checkVotesOfExcluded(ctx, state);
  if (state.eligibility.status !== 'eligible' && state.tally) memberRound1(ctx, state, false);
  if (state.eligibility.status !== 'eligible') {
    d.status = state.eligibility.status;
    d.reason = state.eligibility.reason;
    d.rules.push(state.eligibility.rule as RuleId);
    d.lines = [{ exempt: 'Miễn công tác và sinh hoạt đảng: không phân loại (ELIG-01).', 'admitted-under-6-months': 'Vào Đảng chưa đủ 6 tháng tính đến ngày họp: không phân loại (ELIG-02).', absent: 'Vắng mặt: phân loại ở cuộc họp gần nhất khi có mặt (ELIG-03).', 'no-self-review': 'Chưa kiểm điểm: phân loại khi hoàn thành kiểm điểm (ELIG-03).', suspended: 'Đang bị đình chỉ sinh hoạt đảng: không xếp loại (ELIG25-01).' }[state.eligibility.reason ?? 'absent']];
    d.linesEn = [{ exempt: 'Exempt from party work and activities: not classified (ELIG-01).', 'admitted-under-6-months': 'Admitted less than 6 months before the meeting: not classified (ELIG-02).', absent: 'Absent: classified at the next meeting attended (ELIG-03).', 'no-self-review': 'No self-review: classified once the review is done (ELIG-03).', suspended: 'Suspended from party activity: not classified (ELIG25-01).' }[state.eligibility.reason ?? 'absent']];
    return d;
  }
  if (m.membership.value === 'probationary') d.rules.push('ELIG-04');
  if (!state.tally) {
    // The member's own name, or a tally name, that could not be read: the tally row may be there (9.21).
    const unknownNames = [m.name, ...(ctx.input.tally?.rows ?? []).map((t) => t.name)].filter((l) => l.unreadable);
    if (unknownNames.length > 0) {
      const cells = unknownNames.map((l) => ({ ...(l.unreadable as Unreadable), sheet: l.sheet, cell: l.cell }));
      undetermined(d, 'input-error', cells[0].rule);
      d.unreadable = cells;
      d.lines = [waitingText(cells)];
      d.linesEn = [waitingTextEn(cells)];
      return d;
    }
    undetermined(d, 'no-tally-row', 'DATA-08');
    d.lines.push('Không có dòng kiểm phiếu (DATA-08).');
    d.linesEn.push('No tally row (DATA-08).');
    return d;
  }
  const r1 = memberRound1(ctx, state);
  const r2 = memberRound2(ctx, state);
  const t = state.tally;
  d.votes = { HTTNV: t.r1Good.value ?? 0, HTNV: t.r1Done.value ?? 0, KHTNV: t.r1Failed.value ?? 0, HTXSNV: t.r2Excellent.value ?? 0 };
  if ('broken' in r1 || typeof r2 !== 'number') {
    const broken = 'broken' in r1 ? r1.broken : (r2 as BrokenVotes).broken;
    undetermined(d, 'vote-data-error', broken);
    if (broken === 'DATA-01') {
      d.lines.push(`Chưa nhập số phiếu lần 1 (ba ô đều trống, DATA-01): nhập số phiếu tại dòng ${t.row} sheet "${t.r1Good.sheet}" rồi kiểm tra lại.`);
      d.linesEn.push(`No round-1 count entered (all three cells blank, DATA-01): enter the votes on row ${t.row} and check again.`);
    } else {
      d.lines.push('Số phiếu của đảng viên này có lỗi (VOTE-01/VOTE-03/DATA-04): sửa số phiếu rồi kiểm tra lại.');
      d.linesEn.push("The member's vote cells have errors: fix them and check again.");
    }
    return d;
  }
  d.round2 = r2;
  const vote = round1Level(r1, n, ctx);
  d.rules.push(vote.rule);
  d.lines.push(vote.line);
  d.linesEn.push(vote.lineEn);
  if (vote.level === null) {
    undetermined(d, 'no-decisive-vote', 'MEM-04');
    sink.add('MEM-04', t.r1Good.sheet, t.r1Good.cell, `"${nameOf(m)}": ${vote.line} Chi bộ phải bỏ phiếu lại cho đảng viên này.`, `"${nameOf(m)}": ${vote.lineEn} The chi bộ must vote again.`, 'error');
  }
  // VOTE-05 looks at the round-1 vote result, before MEM-08 (RULES.md 9.17).
  if (r2 > 0 && vote.level !== 'HTTNV') {
    const v = t.r2Excellent;
    sink.add('VOTE-05', v.sheet, v.cell, `Sheet "${v.sheet}", ô ${v.cell}: "${nameOf(m)}" có ${r2} phiếu lần 2 nhưng kết quả lần 1 không phải HTTNV; lần 2 chỉ bầu trong số đảng viên HTTNV. Xoá số phiếu này.`, `Sheet "${v.sheet}", cell ${v.cell}: "${nameOf(m)}" has round-2 votes but is not HTTNV after round 1.`);
    d.round2 = 0;
  }
  if (vote.level === null) return d;
  d.level = vote.level;

  if (m.civilServant.value === true) applyCivilService(ctx, d, r1, n);
  // MEM-09 compares the grounds with the vote's result, whatever MEM-08 then made of it.
  checkKhtnvGrounds(ctx, d, vote.level);
  return d;
}

/** MEM-08: a serving civil servant's party level agrees with the civil-service rating. */
function applyCivilService(ctx: ChiBoContext, d: Draft, r1: Round1Votes, n: number): void {
  const m = d.state.member;
  const place = m.civilRating.absent ? m.name : m.civilRating;
  const rating = m.civilRating.value;
  if (!rating) {
    undetermined(d, 'missing-rating', 'MEM-08');
    d.lines.push('Là CBCCVC nhưng chưa có xếp loại CBCCVC (MEM-08).');
    d.linesEn.push('Civil servant with no civil-service rating (MEM-08).');
    ctx.sink.add('MEM-08', place.sheet, place.cell, `"${nameOf(m)}" là CBCCVC nhưng ô ${place.cell} chưa có xếp loại CBCCVC năm đánh giá. Nhập xếp loại CBCCVC để phân loại đảng viên (kết quả phải thống nhất).`, `"${nameOf(m)}" is a civil servant with no civil-service rating at ${place.cell}. Enter it.`, 'error');
    return;
  }
  const level = d.level as MemberLevel;
  if (level === 'KHTNV') return;
  const ceiling = ratingCeiling(rating);
  if (RANK[level] <= RANK[ceiling]) return;
  if (ceiling === 'HTNV' && supportsHtnv(r1, n, ctx)) {
    d.level = 'HTNV';
    d.rules.push('MEM-08');
    d.lines.push(`Xếp loại CBCCVC ${rating} chỉ cho phép tối đa HTNV → HTNV (MEM-08).`);
    d.linesEn.push(`Civil-service rating ${rating} allows at most HTNV → HTNV (MEM-08).`);
    ctx.sink.add('MEM-08', place.sheet, place.cell, `"${nameOf(m)}": phiếu bầu đạt ${level} nhưng xếp loại CBCCVC là ${rating}, chỉ cho phép tối đa Hoàn thành nhiệm vụ. Kết quả: HTNV.`, `"${nameOf(m)}": the vote gives ${level} but the civil-service rating ${rating} allows at most HTNV. Result: HTNV.`, 'warning');
    return;
  }
  undetermined(d, 'rating-conflict', 'MEM-08');
  d.lines.push(`Phiếu bầu đạt ${level} nhưng xếp loại CBCCVC ${rating} không cho phép mức nào phiếu bầu ủng hộ (MEM-08).`);
  d.linesEn.push(`The vote gives ${level} but the rating ${rating} allows no level the vote supports (MEM-08).`);
  ctx.sink.add('MEM-08', place.sheet, place.cell, `"${nameOf(m)}": phiếu bầu đạt ${level} nhưng xếp loại CBCCVC là ${rating}; không có mức nào vừa được phiếu bầu vừa được xếp loại CBCCVC cho phép. Chi bộ xem xét lại (bỏ phiếu lại hoặc kiểm tra xếp loại CBCCVC).`, `"${nameOf(m)}": vote ${level} conflicts with civil-service rating ${rating}; no level fits. The chi bộ must reconsider.`, 'error');
}

/** MEM-09: grounds and the KHTNV level go together. */
function checkKhtnvGrounds(ctx: ChiBoContext, d: Draft, voteLevel: MemberLevel): void {
  const m = d.state.member;
  const grounds = khtnvGrounds(m);
  if (grounds.length > 0 && voteLevel !== 'KHTNV') {
    ctx.sink.add('MEM-09', m.name.sheet, m.name.cell, `"${nameOf(m)}" có căn cứ xếp loại Không hoàn thành nhiệm vụ (${grounds.join('; ')}) nhưng kết quả bỏ phiếu là ${voteLevel}. Chi bộ xem xét lại.`, `"${nameOf(m)}" has a ground for KHTNV (${grounds.join('; ')}) but the vote gives ${voteLevel}.`);
  }
  // A ground could be in a cell that could not be read: its DATA-02/04 is the only message (9.21).
  if (grounds.length === 0 && voteLevel === 'KHTNV' && !unknownGround(m)) {
    ctx.sink.add('MEM-09', m.name.sheet, m.name.cell, `"${nameOf(m)}" bị xếp loại Không hoàn thành nhiệm vụ nhưng danh sách không ghi căn cứ nào (kỷ luật, không hoàn thành nhiệm vụ chi bộ giao, vi phạm, …). Đánh dấu căn cứ ở các cột tương ứng.`, `"${nameOf(m)}" is KHTNV by vote with no ground recorded.`);
  }
}

/** MEM-07: a civil servant's ground for HTXSNV, or the names of the missing ones. */
function excellentGround(m: RollMember): boolean {
  if (m.civilServant.value !== true) return true;
  return m.civilRating.value === 'HTXSNV' || m.cstd.value === true || m.commendation.value === true;
}

/** MEM-05..07: round 2 over the HTTNV pool, with the cap. */
function classifyRound2(ctx: ChiBoContext, drafts: Draft[], n: number): { pool: number; cap: number } {
  const pool = drafts.filter((d) => d.status === 'classified' && d.level === 'HTTNV');
  const capPercent = ctx.ruleSet.capPercent;
  const cap = Math.floor((capPercent * pool.length) / 100);
  const threshold = `2×${n}/3 = ${formatNumber((2 * n) / 3)}`;
  const candidates: Draft[] = [];
  for (const d of pool) {
    const votes = d.round2 ?? 0;
    if (!exceeds(votes, ctx.ruleSet.excellentShare, n)) {
      if (votes > 0) {
        d.lines.push(`Lần 2: ${votes} phiếu, không quá ${threshold} (MEM-05).`);
        d.linesEn.push(`Round 2: ${votes} votes, not above 2N/3 (MEM-05).`);
      }
      continue;
    }
    d.rules.push('MEM-05');
    d.lines.push(`Lần 2: ${votes} phiếu > ${threshold} (MEM-05).`);
    d.linesEn.push(`Round 2: ${votes} votes > 2×${n}/3 (MEM-05).`);
    const m = d.state.member;
    if (!excellentGround(m)) {
      d.rules.push('MEM-07');
      d.lines.push('Là CBCCVC nhưng không có căn cứ HTXSNV (MEM-07) → giữ HTTNV.');
      d.linesEn.push('Civil servant without a ground for HTXSNV (MEM-07) → stays HTTNV.');
      const place = m.civilRating.absent ? m.name : m.civilRating;
      ctx.sink.add('MEM-07', place.sheet, place.cell, `"${nameOf(m)}" đủ phiếu lần 2 nhưng là CBCCVC chưa có một trong các căn cứ: xếp loại CBCCVC Hoàn thành xuất sắc nhiệm vụ; đề nghị Chiến sỹ thi đua cơ sở; Bằng khen cấp Bộ, Tỉnh. Giữ mức HTTNV.`, `"${nameOf(m)}" passes round 2 but as a civil servant lacks every ground (rating HTXSNV, CSTĐ proposal, ministry/province commendation). Stays HTTNV.`);
      continue;
    }
    candidates.push(d);
  }
  const capLine = `Giới hạn: ${capPercent}% của ${pool.length} HTTNV = ${cap} (MEM-06).`;
  const capLineEn = `Cap: ${capPercent} % of ${pool.length} HTTNV = ${cap} (MEM-06).`;
  if (ctx.options.capScope === 'ward') {
    for (const d of candidates) {
      d.level = 'HTXSNV';
      d.rules.push('MEM-06');
      d.lines.push('Giới hạn 15% áp dụng trên toàn Đảng bộ khi tổng hợp (AGG-03) → HTXSNV (tạm).');
      d.linesEn.push('The cap applies over the ward when combined (AGG-03) → HTXSNV (provisional).');
    }
    return { pool: pool.length, cap };
  }
  candidates.sort((a, b) => (b.round2 ?? 0) - (a.round2 ?? 0));
  let taken = candidates.length <= cap ? candidates.length : cap;
  let tied: Draft[] = [];
  if (candidates.length > cap && cap > 0) {
    const boundary = candidates[cap - 1].round2;
    if (candidates[cap].round2 === boundary) {
      tied = candidates.filter((c) => c.round2 === boundary);
      taken = candidates.findIndex((c) => c.round2 === boundary);
    }
  }
  candidates.forEach((d, i) => {
    const m = d.state.member;
    d.rules.push('MEM-06');
    if (i < taken) {
      d.level = 'HTXSNV';
      d.lines.push(`${capLine} Xếp thứ ${i + 1} theo số phiếu lần 2 → HTXSNV.`);
      d.linesEn.push(`${capLineEn} Ranked ${i + 1} by round-2 votes → HTXSNV.`);
    } else if (tied.includes(d)) {
      undetermined(d, 'tie-at-cap', 'MEM-06');
      d.lines.push(`${capLine} Bằng phiếu (${d.round2}) với người khác ở ngưỡng giới hạn: chi bộ quyết định.`);
      d.linesEn.push(`${capLineEn} Tied (${d.round2} votes) at the cap: the chi bộ decides.`);
      const place = d.state.tally?.r2Excellent ?? m.name;
      ctx.sink.add('MEM-06', place.sheet, place.cell, `"${nameOf(m)}": ${tied.length} đồng chí bằng ${d.round2} phiếu lần 2 ở ngưỡng giới hạn ${cap} HTXSNV (${capPercent}% của ${pool.length} HTTNV): ${tied.map((t) => nameOf(t.state.member)).join(', ')}. Chi bộ quyết định (bỏ phiếu lại giữa các đồng chí này).`, `"${nameOf(m)}": ${tied.length} candidates tie at the cap of ${cap}. The chi bộ decides.`, 'error');
    } else {
      d.lines.push(`${capLine} Ngoài giới hạn → giữ HTTNV.`);
      d.linesEn.push(`${capLineEn} Outside the cap → stays HTTNV.`);
      const place = d.state.tally?.r2Excellent ?? m.name;
      ctx.sink.add('MEM-06', place.sheet, place.cell, `"${nameOf(m)}" đủ phiếu lần 2 (${d.round2}) nhưng vượt giới hạn ${cap} đảng viên HTXSNV (${capPercent}% của ${pool.length} HTTNV): giữ mức HTTNV.`, `"${nameOf(m)}" passes round 2 (${d.round2}) but is outside the cap of ${cap} (${capPercent} % of ${pool.length}): stays HTTNV.`, 'warning');
    }
  });
  return { pool: pool.length, cap };
}

/** MEM-10: leaders and managers are reviewed before the other members, by the tally's order numbers. */
function checkReviewOrder(ctx: ChiBoContext): void {
  const rows = ctx.members.filter((s) => s.tally && s.tally.stt.value !== null).sort((a, b) => (a.tally?.stt.value ?? 0) - (b.tally?.stt.value ?? 0));
  let firstOther: MemberState | null = null;
  for (const s of rows) {
    // Leader or not is unknown: this member says nothing about the order (RULES.md 9.21).
    if (s.member.leader.unreadable) continue;
    if (s.member.leader.value !== true) {
      firstOther ??= s;
      continue;
    }
    if (!firstOther) continue;
    const stt = (s.tally as NonNullable<MemberState['tally']>).stt;
    ctx.sink.add('MEM-10', stt.sheet, stt.cell, `"${nameOf(s.member)}" là cán bộ lãnh đạo, quản lý nhưng số thứ tự ${stt.value} đứng sau "${nameOf(firstOther.member)}". Đảng viên giữ chức vụ lãnh đạo, quản lý kiểm điểm trước (II.3, Lưu ý).`, `"${nameOf(s.member)}" is a leader but is ordered after "${nameOf(firstOther.member)}". Leaders are reviewed first.`);
  }
}

export interface MemberOutcome {
  readonly results: MemberResult[];
  readonly pool: number;
  readonly cap: number;
}

export function classifyMembers(ctx: ChiBoContext, n: number, chiBo: string): MemberOutcome {
  const drafts = ctx.members.map((s) => classifyRound1(ctx, s, n));
  const { pool, cap } = classifyRound2(ctx, drafts, n);
  checkReviewOrder(ctx);
  const results = drafts.map((d): MemberResult => {
    if (d.status === 'classified' && d.level) {
      d.lines.push(`Kết quả: ${LEVEL_NAME[d.level]}.`);
      d.linesEn.push(`Result: ${d.level}.`);
    }
    return {
      chiBo,
      name: nameOf(d.state.member),
      row: d.state.member.row,
      status: d.status,
      level: d.status === 'classified' ? d.level : null,
      reason: d.reason,
      rules: d.rules,
      membership: d.state.member.membership.value,
      votes: d.votes,
      n,
      explanation: d.lines.join(' '),
      explanationEn: d.linesEn.join(' '),
      ...(d.unreadable ? { unreadable: d.unreadable } : {}),
    };
  });
  return { results, pool, cap };
}
