/** VOTE rules (RULES.md section 2): ballots and counts, and the denominator N. */
import type { BallotCounts, Located, RollMember } from '../forms/model';
import type { RuleMeta } from './catalogue';
import type { ChiBoContext, MemberState } from './context';

export const VOTE_RULES: readonly RuleMeta[] = [
  { id: 'VOTE-01', severity: 'error', seed: 'III.1.4', title: 'Số phiếu, số người là số nguyên ≥ 0', titleEn: 'Counts are whole numbers ≥ 0' },
  { id: 'VOTE-02', severity: 'error', seed: 'III.1.4', title: 'Hợp lệ ≤ thu về ≤ phát ra ≤ có mặt ≤ danh sách', titleEn: 'valid ≤ returned ≤ issued ≤ present ≤ on the roll' },
  { id: 'VOTE-03', severity: 'error', seed: 'III.1.4', title: 'Tổng phiếu lần 1 của một đảng viên ≤ phiếu hợp lệ', titleEn: "A member's round-1 votes ≤ valid ballots" },
  { id: 'VOTE-04', severity: 'error', seed: 'III.1.4', title: 'Lần 1 không đánh dấu ô Hoàn thành xuất sắc', titleEn: 'Round 1 has no HTXSNV column' },
  { id: 'VOTE-05', severity: 'error', seed: 'III.1.4', title: 'Lần 2 chỉ bầu trong số đảng viên HTTNV', titleEn: 'Round 2 only among round-1 HTTNV members' },
  { id: 'VOTE-06', severity: 'warning', seed: 'III.1.1, III.1.4', title: 'Đảng viên không phân loại không có phiếu', titleEn: 'No votes for members not classified' },
  { id: 'VOTE-07', severity: 'error', seed: 'III.1.4', title: 'Số đảng viên chính thức có mặt khớp danh sách', titleEn: 'Official members present match the roll' },
];

/** The figures of the roll the counts are checked against. */
export interface RollCounts {
  /** Official members on the roll, less exempt members who did not attend (VOTE-02's upper bound). */
  readonly officialOnRoll: number;
  /** Official members marked present (VOTE-07). */
  readonly officialPresent: number;
  /** N under the rule set's denominator option (RULES.md 2). */
  readonly n: number;
}

export function rollCounts(ctx: ChiBoContext): RollCounts {
  let officialOnRoll = 0;
  let officialPresent = 0;
  let nRoll = 0;
  for (const { member } of ctx.members) {
    if (member.membership.value !== 'official') continue;
    const present = member.present.value === true;
    const exemptAbsent = member.exempt.value === true && !present;
    if (present) officialPresent++;
    if (exemptAbsent) continue;
    officialOnRoll++;
    if (member.temporary.value !== true) nRoll++;
  }
  return { officialOnRoll, officialPresent, n: ctx.options.denominator === 'present' ? officialPresent : nRoll };
}

/** A count over the roll as the smallest and largest it can be for any reading of its unknown cells (RULES.md 9.21). */
export interface CountRange {
  readonly min: number;
  readonly max: number;
}

/** The roll's counts of VOTE-02/07 as ranges: an unknown cell (DATA-02/04) counts both ways. */
export interface RollCountRanges {
  readonly officialOnRoll: CountRange;
  readonly officialPresent: CountRange;
}

type Tri = boolean | null;
const known = (l: Located<unknown>, yes: (v: unknown) => boolean): Tri => (l.unreadable ? null : yes(l.value));

/**
 * Each member's cells are independent, so every count between the smallest and the largest is some
 * reading's: VOTE-07 "matches some reading" exactly when the header's count lies in the range.
 */
export function rollCountRanges(members: readonly RollMember[]): RollCountRanges {
  let onMin = 0;
  let onMax = 0;
  let presentMin = 0;
  let presentMax = 0;
  for (const m of members) {
    const official = known(m.membership, (v) => v === 'official');
    if (official === false) continue;
    const present = known(m.present, (v) => v === true);
    const exempt = known(m.exempt, (v) => v === true);
    if (official === true && present === true) presentMin++;
    if (present !== false) presentMax++;
    // An exempt member who did not attend is off the roll's count (VOTE-02).
    if (official === true && (exempt === false || present === true)) onMin++;
    if (exempt !== true || present !== false) onMax++;
  }
  return { officialOnRoll: { min: onMin, max: onMax }, officialPresent: { min: presentMin, max: presentMax } };
}

const COUNT_NAMES = { valid: 'Số phiếu hợp lệ', returned: 'Số phiếu thu về', issued: 'Số phiếu phát ra' } as const;

/**
 * VOTE-02 and VOTE-07: the chain valid ≤ returned ≤ issued ≤ present ≤ roll, checked as entered (9.8).
 * Where the roll holds unknown cells, a check fails only when it fails for every reading (9.21).
 */
export function checkBallotCounts(ctx: ChiBoContext, counts: RollCountRanges, round2Held: boolean): void {
  const info = ctx.input.info;
  if (!info) return;
  const present = info.officialPresent;
  const check = (smaller: Located<number>, smallerName: string, larger: number | null, largerName: string, largerPlace: string) => {
    if (smaller.value === null || larger === null || smaller.value <= larger) return;
    ctx.sink.add(
      'VOTE-02',
      smaller.sheet,
      smaller.cell,
      `Sheet "${smaller.sheet}", ô ${smaller.cell}: ${smallerName} là ${smaller.value}, lớn hơn ${largerName} (${larger}${largerPlace}). Phải có: hợp lệ ≤ thu về ≤ phát ra ≤ đảng viên chính thức có mặt ≤ đảng viên chính thức trong danh sách. Kiểm tra lại số đã nhập.`,
      `Sheet "${smaller.sheet}", cell ${smaller.cell}: ${smallerName} is ${smaller.value}, more than ${largerName} (${larger}). Required: valid ≤ returned ≤ issued ≤ official present ≤ official on the roll.`,
    );
  };
  const rounds: [string, BallotCounts][] = [['lần 1', info.round1]];
  if (round2Held) rounds.push(['lần 2', info.round2]);
  for (const [label, r] of rounds) {
    check(r.valid, `${COUNT_NAMES.valid} ${label}`, r.returned.value, `${COUNT_NAMES.returned} ${label}`, `, ô ${r.returned.cell}`);
    check(r.returned, `${COUNT_NAMES.returned} ${label}`, r.issued.value, `${COUNT_NAMES.issued} ${label}`, `, ô ${r.issued.cell}`);
    check(r.issued, `${COUNT_NAMES.issued} ${label}`, present.value, 'số đảng viên chính thức có mặt', `, ô ${present.cell}; đảng viên dự bị không bỏ phiếu (ELIG-04)`);
  }
  check(present, 'số đảng viên chính thức có mặt', counts.officialOnRoll.max, 'số đảng viên chính thức trong danh sách', ', không kể người miễn sinh hoạt vắng mặt');

  const marked = counts.officialPresent;
  if (present.value !== null && ctx.input.roll && (present.value < marked.min || present.value > marked.max)) {
    const exact = marked.min === marked.max;
    const shown = exact ? `${marked.min}` : `từ ${marked.min} đến ${marked.max} (tùy cách đọc các ô chưa đọc được)`;
    const shownEn = exact ? `${marked.min}` : `${marked.min} to ${marked.max} (whatever the unreadable cells hold)`;
    ctx.sink.add(
      'VOTE-07',
      present.sheet,
      present.cell,
      `Sheet "${present.sheet}", ô ${present.cell}: ghi ${present.value} đảng viên chính thức có mặt, nhưng sheet "${ctx.input.roll.sheet}" đánh dấu có mặt ${shown} đảng viên chính thức. Sửa số này hoặc cột "Có mặt" cho khớp.`,
      `Sheet "${present.sheet}", cell ${present.cell}: ${present.value} official members present entered, but the roll marks ${shownEn}. Make them agree.`,
    );
  }
}

/** VOTE-04: a round-1 HTXSNV column, where a form has one, must stay empty. */
export function checkRound1Excellent(ctx: ChiBoContext): void {
  for (const t of ctx.input.tally?.rows ?? []) {
    const v = t.r1Excellent;
    // An unreadable cell is DATA-04's alone (RULES.md 9.21).
    if (!v.filled || v.value === 0 || v.unreadable) continue;
    ctx.sink.add(
      'VOTE-04',
      v.sheet,
      v.cell,
      `Sheet "${v.sheet}", ô ${v.cell}: lần bỏ phiếu thứ nhất không đánh dấu ô "Hoàn thành xuất sắc nhiệm vụ" (III.1.4). Xoá số này; phiếu HTXSNV chỉ ghi ở cột Lần 2.`,
      `Sheet "${v.sheet}", cell ${v.cell}: round 1 has no HTXSNV box (III.1.4). Clear it; HTXSNV votes belong to round 2.`,
    );
  }
}

export interface Round1Votes {
  readonly good: number;
  readonly done: number;
  readonly failed: number;
}

/** A member's own vote cells that cannot be used, and the rule that said so (RULES.md 9.3 `vote-data-error`). */
export interface BrokenVotes {
  readonly broken: 'DATA-01' | 'VOTE-01' | 'VOTE-03' | 'VOTE-05';
}

/**
 * VOTE-03: more round-1 votes than valid ballots is an error for every tally row; fewer is a warning only
 * for a member voted on (RULES.md 9.8). Returns the member's round-1 votes, or what broke them.
 */
export function memberRound1(ctx: ChiBoContext, state: MemberState, votedOn = true): Round1Votes | BrokenVotes {
  const t = state.tally;
  if (!t) return { broken: 'VOTE-01' };
  const cells = [t.r1Good, t.r1Done, t.r1Failed];
  // A filled cell whose value could not be read was already reported (VOTE-01, or DATA-04 for a formula error).
  if (cells.some((c) => c.filled && c.value === null)) return { broken: 'VOTE-01' };
  // RULES.md 9.20: a blank count is 0 beside a count; three blanks are no round-1 result for a member voted
  // on (one DATA-01 for the row), and exactly what VOTE-06 asks of anyone else. A missing column is
  // DATA-01's on the header already.
  if (votedOn && cells.every((c) => !c.filled)) {
    if (cells.some((c) => c.absent)) return { broken: 'DATA-01' };
    const c = t.r1Good;
    ctx.sink.add(
      'DATA-01',
      c.sheet,
      c.cell,
      `Sheet "${c.sheet}", dòng ${t.row}: "${t.name.value}" chưa có số phiếu lần 1 nào (ba cột Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ đều trống). Nhập số phiếu của từng mức, 0 nếu không có phiếu nào.`,
      `Sheet "${c.sheet}", row ${t.row}: "${t.name.value}" has no round-1 count at all (all three columns are blank). Enter the votes for each level, 0 where there are none.`,
    );
    return { broken: 'DATA-01' };
  }
  const votes = { good: t.r1Good.value ?? 0, done: t.r1Done.value ?? 0, failed: t.r1Failed.value ?? 0 };
  const valid = ctx.input.info?.round1.valid.value ?? null;
  if (valid === null) return votes;
  const sum = votes.good + votes.done + votes.failed;
  if (sum > valid) {
    ctx.sink.add(
      'VOTE-03',
      t.r1Good.sheet,
      t.r1Good.cell,
      `Sheet "${t.r1Good.sheet}", dòng ${t.row}: "${t.name.value}" có ${votes.good} + ${votes.done} + ${votes.failed} = ${sum} phiếu lần 1, nhiều hơn ${valid} phiếu hợp lệ. Kiểm tra lại số phiếu của đảng viên này.`,
      `Sheet "${t.r1Good.sheet}", row ${t.row}: "${t.name.value}" has ${sum} round-1 votes, more than the ${valid} valid ballots.`,
    );
    return { broken: 'VOTE-03' };
  }
  if (sum < valid && votedOn) {
    ctx.sink.add(
      'VOTE-03',
      t.r1Good.sheet,
      t.r1Good.cell,
      `Sheet "${t.r1Good.sheet}", dòng ${t.row}: "${t.name.value}" có ${sum} phiếu lần 1 trên ${valid} phiếu hợp lệ: ${valid - sum} phiếu để trống đảng viên này. Nếu đúng như phiếu thì không cần sửa.`,
      `Sheet "${t.r1Good.sheet}", row ${t.row}: "${t.name.value}" has ${sum} round-1 votes of ${valid} valid ballots; ${valid - sum} ballot(s) left this member blank.`,
      'warning',
    );
  }
  return votes;
}

/** VOTE-06: votes recorded for a member who is not classified or is deferred. */
export function checkVotesOfExcluded(ctx: ChiBoContext, state: MemberState): void {
  const t = state.tally;
  if (!t || state.eligibility.status === 'eligible') return;
  const recorded = [t.r1Good, t.r1Done, t.r1Failed, t.r2Excellent].filter((c) => (c.value ?? 0) > 0);
  if (recorded.length === 0) return;
  const why = { exempt: 'miễn công tác và sinh hoạt đảng (ELIG-01)', 'admitted-under-6-months': 'vào Đảng chưa đủ 6 tháng (ELIG-02)', absent: 'vắng mặt (ELIG-03)', 'no-self-review': 'chưa kiểm điểm (ELIG-03)', suspended: 'đang bị đình chỉ sinh hoạt đảng (ELIG25-01)' }[state.eligibility.reason ?? 'absent'];
  ctx.sink.add(
    'VOTE-06',
    recorded[0].sheet,
    recorded[0].cell,
    `Sheet "${recorded[0].sheet}", dòng ${t.row}: "${t.name.value}" ${why} nên không được phân loại tại cuộc họp này, nhưng có phiếu ghi nhận. Xoá các số phiếu này hoặc sửa thông tin trong danh sách đảng viên.`,
    `Sheet "${recorded[0].sheet}", row ${t.row}: "${t.name.value}" is not classified at this meeting but has votes recorded.`,
  );
}

/** VOTE-05's second half: round-2 votes ≤ valid ballots of round 2. Returns the usable count. */
export function memberRound2(ctx: ChiBoContext, state: MemberState): number | BrokenVotes {
  const v = state.tally?.r2Excellent;
  if (!v || !v.filled) return 0;
  if (v.value === null) return { broken: 'VOTE-01' };
  const valid = ctx.input.info?.round2.valid.value ?? null;
  if (valid !== null && v.value > valid) {
    ctx.sink.add(
      'VOTE-05',
      v.sheet,
      v.cell,
      `Sheet "${v.sheet}", ô ${v.cell}: ${v.value} phiếu lần 2, nhiều hơn ${valid} phiếu hợp lệ lần 2. Kiểm tra lại.`,
      `Sheet "${v.sheet}", cell ${v.cell}: ${v.value} round-2 votes, more than the ${valid} valid round-2 ballots.`,
    );
    return { broken: 'VOTE-05' };
  }
  return v.value;
}
