/**
 * MEM-01 … MEM-10 (RULES.md section 3, readings of section 9), with the denominator and counting
 * options, on hand-made chi bộ (test/helpers/chibo.ts). Thresholds are exact: "more than N/2" is
 * 2 × votes > N, "more than 2N/3" is 3 × votes > 2 × N, the cap is 100 × HTXSNV ≤ 15 × HTTNV.
 */
import type { MemberResult } from '../../src/core/rules/mem';
import { type MemberSpec, type Run, SHEET, membersWith, run } from '../helpers/chibo';
import { check } from '../helpers/workbook';

/** `n` official members, present and self-reviewed, voted HTTNV unanimously unless `over` says otherwise. */
const chi = (n: number, over: Record<number, MemberSpec> = {}, extra: MemberSpec[] = []): MemberSpec[] => [...membersWith(n, (i) => over[i] ?? {}), ...extra];
const rowOf = (sheet: string, cell: string | null): string => `${sheet}!${(cell ?? '').replace(/^[A-Z]+/, '')}`;
const levels = (r: Run): (string | null)[] => r.result.members.map((m) => m.level);
const count = (r: Run, level: string): number => r.result.members.filter((m) => m.status === 'classified' && m.level === level).length;

describe('MEM-01 HTTNV: HTTNV votes > N/2', () => {
  it('MEM-01 N = 10: 6 votes pass (2 × 6 > 10), 5 do not (2 × 5 = 10)', () => {
    const r = run({ members: chi(10, { 0: { votes: [6, 4, 0] }, 1: { votes: [5, 5, 0] } }) });
    expect(r.result.figures?.n).toBe(10);
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTTNV', reason: null });
    expect(r.member(0).rules).toContain('MEM-01');
    expect(r.member(1)).toMatchObject({ status: 'classified', level: 'HTNV' });
    expect(r.member(1).rules).not.toContain('MEM-01');
  });

  it('MEM-01 N = 11: 6 votes pass (12 > 11), 5 do not (10 < 11)', () => {
    const r = run({ members: chi(11, { 0: { votes: [6, 5, 0] }, 1: { votes: [5, 6, 0] } }) });
    expect(r.result.figures?.n).toBe(11);
    expect(r.member(0)).toMatchObject({ level: 'HTTNV' });
    expect(r.member(1)).toMatchObject({ level: 'HTNV' });
  });

  it('MEM-01 default denominator: an absent official still counts in N (10 on the roll, 8 present: 5 of 8 valid is not > 10/2)', () => {
    const r = run({ members: chi(10, { 0: { votes: [5, 3, 0] }, 8: { present: false }, 9: { present: false } }) });
    expect(r.result.figures?.n).toBe(10);
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTNV' });
  });

  it('MEM-01 option denominator=present: N = officials present (8), so 5 votes pass and 4 do not', () => {
    const members = chi(10, { 0: { votes: [5, 3, 0] }, 1: { votes: [4, 4, 0] }, 8: { present: false }, 9: { present: false } });
    const r = run({ members }, { denominator: 'present' });
    expect(r.result.figures?.n).toBe(8);
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(r.member(1)).toMatchObject({ status: 'classified', level: 'HTNV' });
  });

  it('MEM-01 default denominator: temporarily attached members and probationary ones are not in N; an exempt member who attends is', () => {
    const r = run({ members: chi(10, {}, [{ temporary: true }, { probationary: true }, { exempt: true, votes: null }]) });
    expect(r.result.figures?.n).toBe(11);
  });
});

describe('MEM-02 HTNV: HTTNV + HTNV votes > N/2 (option strict: HTNV votes alone)', () => {
  it('MEM-02 cumulative (default), N = 10: 4 + 2 = 6 passes, 3 + 2 = 5 does not', () => {
    const r = run({ members: chi(10, { 0: { votes: [4, 2, 4] }, 1: { votes: [3, 2, 5] }, 2: { votes: [0, 6, 4] } }) });
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTNV' });
    expect(r.member(0).rules).toContain('MEM-02');
    expect(r.member(1)).toMatchObject({ status: 'undetermined', level: null, reason: 'no-decisive-vote' });
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'HTNV' });
  });

  it('MEM-02 option htnvCounting=strict: only HTNV votes count (6 passes, 5 does not, HTTNV votes do not help)', () => {
    const members = chi(10, { 0: { votes: [4, 2, 4] }, 1: { votes: [0, 6, 4] }, 2: { votes: [4, 5, 1] }, 3: { votes: [5, 5, 0] } });
    const r = run({ members }, { htnvCounting: 'strict' });
    expect(r.member(0)).toMatchObject({ status: 'undetermined', reason: 'no-decisive-vote' });
    expect(r.member(1)).toMatchObject({ status: 'classified', level: 'HTNV' });
    expect(r.member(2)).toMatchObject({ status: 'undetermined', reason: 'no-decisive-vote' });
    expect(r.member(3)).toMatchObject({ status: 'undetermined', reason: 'no-decisive-vote' });
    const cumulative = run({ members });
    expect(levels(cumulative).slice(0, 4)).toEqual(['HTNV', 'HTNV', 'HTNV', 'HTNV']);
  });
});

describe('MEM-03 KHTNV: KHTNV votes > N/2', () => {
  it('MEM-03 N = 10: 6 KHTNV votes give KHTNV, 5 do not', () => {
    const r = run({ members: chi(10, { 0: { votes: [2, 2, 6], failedTasks: true }, 1: { votes: [4, 0, 6], disciplined: true }, 2: { votes: [2, 3, 5] } }) });
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'KHTNV' });
    expect(r.member(0).rules).toContain('MEM-03');
    expect(r.member(1)).toMatchObject({ status: 'classified', level: 'KHTNV' });
    expect(r.member(2)).toMatchObject({ status: 'undetermined', reason: 'no-decisive-vote' });
  });
});

describe('MEM-04 no level reached: undetermined', () => {
  it('MEM-04 N = 10, votes 5 / 0 / 5: undetermined no-decisive-vote, level null, error on the member\'s tally row', () => {
    const r = run({ members: chi(10, { 3: { votes: [5, 0, 5] } }) });
    expect(r.member(3)).toMatchObject({ status: 'undetermined', level: null, reason: 'no-decisive-vote' });
    expect(r.member(3).rules).toContain('MEM-04');
    expect(r.issues('MEM-04').map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['error', rowOf(SHEET.tally, r.built.cell.tally(3, 'r1Good'))]]);
  });

  it('MEM-04 a member with no votes at all (0 / 0 / 0) is undetermined too, with the VOTE-03 blank warning', () => {
    const r = run({ members: chi(10, { 3: { votes: [0, 0, 0] } }) });
    expect(r.member(3)).toMatchObject({ status: 'undetermined', reason: 'no-decisive-vote' });
    expect(r.issues('MEM-04').map((i) => i.severity)).toEqual(['error']);
    expect(r.issues('VOTE-03').map((i) => i.severity)).toEqual(['warning']);
  });
});

describe('MEM-05 HTXSNV: round-2 votes > 2N/3', () => {
  it('MEM-05 N = 10 (pool 10, cap 1): 7 votes pass (21 > 20), 6 do not (18 ≤ 20)', () => {
    const pass = run({ members: chi(10, { 4: { votes: [10, 0, 0, 7] } }) });
    expect(pass.member(4)).toMatchObject({ status: 'classified', level: 'HTXSNV' });
    expect(pass.member(4).rules).toContain('MEM-05');
    const fail = run({ members: chi(10, { 4: { votes: [10, 0, 0, 6] } }) });
    expect(fail.member(4)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(fail.member(4).rules).not.toContain('MEM-05');
    expect(fail.issues('MEM-06')).toEqual([]);
  });

  it('MEM-05 N = 12: 8 votes do not pass (24 = 24), 9 do (27 > 24)', () => {
    expect(run({ members: chi(12, { 0: { votes: [12, 0, 0, 8] } }) }).member(0).level).toBe('HTTNV');
    expect(run({ members: chi(12, { 0: { votes: [12, 0, 0, 9] } }) }).member(0).level).toBe('HTXSNV');
  });

  it('MEM-05 with denominator=present the threshold is 2/3 of those present (N = 9: 7 pass, 6 do not)', () => {
    const base = { 9: { present: false } } as Record<number, MemberSpec>;
    expect(run({ members: chi(10, { ...base, 0: { votes: [9, 0, 0, 7] } }) }, { denominator: 'present' }).member(0).level).toBe('HTXSNV');
    expect(run({ members: chi(10, { ...base, 0: { votes: [9, 0, 0, 6] } }) }, { denominator: 'present' }).member(0).level).toBe('HTTNV');
    // The same 7 votes under the default N = 10: 21 > 20 still passes; 6 does not.
    expect(run({ members: chi(10, { ...base, 0: { votes: [9, 0, 0, 7] } }) }).member(0).level).toBe('HTXSNV');
  });
});

/**
 * N = 14 officials: the first `pool` are HTTNV after round 1 (14 / 0 / 0), the rest HTNV (0 / 14 / 0);
 * the first members of the pool get the round-2 votes `r2` (all above 2 × 14 / 3).
 */
function capCase(pool: number, r2: number[], over: Record<number, MemberSpec> = {}, options = {}): Run {
  const members = membersWith(14, (i) => ({ votes: i < pool ? [14, 0, 0, r2[i] ?? null] : [0, 14, 0], ...over[i] }));
  return run({ members }, options);
}

describe('MEM-06 at most 15 % of the HTTNV pool is HTXSNV', () => {
  it.each([
    [6, 0],
    [7, 1],
    [13, 1],
    [14, 2],
  ])('MEM-06 a pool of %i HTTNV allows %i HTXSNV', (pool, cap) => {
    const r = capCase(pool, [14, 13, 12]);
    expect(r.result.figures).toMatchObject({ n: 14, pool, cap });
    expect(count(r, 'HTXSNV')).toBe(cap);
    expect(100 * count(r, 'HTXSNV')).toBeLessThanOrEqual(15 * pool);
    // Taken highest first.
    expect(levels(r).slice(0, 3)).toEqual([0, 1, 2].map((i) => (i < cap ? 'HTXSNV' : 'HTTNV')));
  });

  it('MEM-06 a candidate outside the cap stays HTTNV, with a MEM-06 warning on the candidate naming the cap', () => {
    const r = capCase(7, [14, 13]);
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTXSNV' });
    expect(r.member(1)).toMatchObject({ status: 'classified', level: 'HTTNV', reason: null });
    const found = r.issues('MEM-06');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['warning', rowOf(SHEET.tally, r.built.cell.tally(1, 'r2Excellent'))]]);
    expect(found[0].message).toContain(r.member(1).name);
  });

  it('MEM-06 with a pool of 6 the cap is 0: every candidate stays HTTNV with a warning', () => {
    const r = capCase(6, [14, 13]);
    expect(levels(r).slice(0, 2)).toEqual(['HTTNV', 'HTTNV']);
    expect(r.issues('MEM-06').map((i) => i.severity)).toEqual(['warning', 'warning']);
  });

  it('MEM-06 a tie straddling the cap (pool 14, cap 2; votes 14, 12, 12, 11): the tied are tie-at-cap with errors, the one above keeps HTXSNV', () => {
    const r = capCase(14, [14, 12, 12, 11]);
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTXSNV' });
    for (const i of [1, 2]) expect(r.member(i)).toMatchObject({ status: 'undetermined', level: null, reason: 'tie-at-cap' });
    // The place the tie blocks is not passed down (RULES.md 9.6).
    expect(r.member(3)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    const errors = r.issues('MEM-06').filter((i) => i.severity === 'error');
    expect(errors.map((i) => rowOf(i.sheet, i.cell)).sort()).toEqual([1, 2].map((i) => rowOf(SHEET.tally, r.built.cell.tally(i, 'r2Excellent'))).sort());
    expect(r.issues('MEM-06').filter((i) => i.severity === 'warning').map((i) => rowOf(i.sheet, i.cell))).toEqual([rowOf(SHEET.tally, r.built.cell.tally(3, 'r2Excellent'))]);
  });

  it('MEM-06 a tie at a cap of 1 (pool 7; votes 12, 12): both undetermined, nobody HTXSNV', () => {
    const r = capCase(7, [12, 12]);
    expect([r.member(0), r.member(1)].map((m) => [m.status, m.reason])).toEqual([
      ['undetermined', 'tie-at-cap'],
      ['undetermined', 'tie-at-cap'],
    ]);
    expect(count(r, 'HTXSNV')).toBe(0);
    expect(r.issues('MEM-06').map((i) => i.severity)).toEqual(['error', 'error']);
  });

  it('MEM-06 a tie inside the cap (13, 13, 11 with cap 2) or wholly outside it (14, 13, 12, 12) decides nothing', () => {
    const inside = capCase(14, [13, 13, 11]);
    expect(levels(inside).slice(0, 3)).toEqual(['HTXSNV', 'HTXSNV', 'HTTNV']);
    expect(inside.result.members.filter((m) => m.status === 'undetermined')).toEqual([]);
    const outside = capCase(14, [14, 13, 12, 12]);
    expect(levels(outside).slice(0, 4)).toEqual(['HTXSNV', 'HTXSNV', 'HTTNV', 'HTTNV']);
    expect(outside.result.members.filter((m) => m.status === 'undetermined')).toEqual([]);
    expect(outside.issues('MEM-06').map((i) => i.severity)).toEqual(['warning', 'warning']);
  });

  it('MEM-06 candidates are taken by round-2 votes, not by roll order', () => {
    const r = capCase(7, [10, 14, 12]);
    expect(levels(r).slice(0, 3)).toEqual(['HTTNV', 'HTXSNV', 'HTTNV']);
  });

  it('MEM-06 the pool includes probationary members (9.5), who may be HTXSNV (9.19)', () => {
    // 13 officials (6 HTTNV, 7 HTNV) and one probationary HTTNV: pool 7, cap 1.
    const members: MemberSpec[] = [...membersWith(13, (i) => ({ votes: i < 6 ? [13, 0, 0, i === 0 ? 10 : null] : [0, 13, 0] })), { probationary: true, votes: [13, 0, 0, 13] }];
    const r = run({ members });
    expect(r.result.figures).toMatchObject({ n: 13, pool: 7, cap: 1 });
    expect(r.member(13)).toMatchObject({ status: 'classified', level: 'HTXSNV', membership: 'probationary' });
    expect(r.member(0)).toMatchObject({ level: 'HTTNV' });
  });

  it('MEM-06 the pool is counted after MEM-08: a civil servant brought down to HTNV leaves it (7 → 6, cap 0)', () => {
    const r = capCase(7, [14], { 6: { civilServant: true, civilRating: 'HTNV' } });
    expect(r.member(6)).toMatchObject({ status: 'classified', level: 'HTNV' });
    expect(r.result.figures).toMatchObject({ pool: 6, cap: 0 });
    expect(r.member(0)).toMatchObject({ level: 'HTTNV' });
  });

  it('MEM-06 undetermined members are not in the pool (9.5): a civil servant with no rating (7 → 6, cap 0)', () => {
    const r = capCase(7, [14], { 6: { civilServant: true } });
    expect(r.member(6)).toMatchObject({ status: 'undetermined', reason: 'missing-rating' });
    expect(r.result.figures).toMatchObject({ pool: 6, cap: 0 });
    expect(r.member(0)).toMatchObject({ level: 'HTTNV' });
  });

  it('MEM-06 the bundled example (through ExcelJS): N = 16, 13 HTTNV after round 1, cap 1; Nguyễn Hữu Dũng HTXSNV, Bùi Thị Ngọc stays HTTNV (MEM-07)', () => {
    const result = check();
    expect(result.figures).toEqual({ n: 16, pool: 13, cap: 1 });
    const byName = (name: string) => result.members.find((m) => m.name === name);
    expect(byName('Nguyễn Hữu Dũng')).toMatchObject({ status: 'classified', level: 'HTXSNV' });
    expect(byName('Bùi Thị Ngọc')).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(byName('Tôn Văn Yên')).toMatchObject({ status: 'classified', level: 'HTNV' }); // 8 HTTNV votes: 16 = 16, not more
    expect(result.members.filter((m) => m.level === 'HTXSNV')).toHaveLength(1);
  });

  it('MEM-06 option capScope=ward: the chi bộ\'s own cap is not applied (the ward applies it, AGG-03)', () => {
    const r = capCase(7, [14, 13], {}, { capScope: 'ward' });
    expect(levels(r).slice(0, 2)).toEqual(['HTXSNV', 'HTXSNV']);
    expect(r.issues('MEM-06')).toEqual([]);
  });
});

describe('MEM-07 a civil servant needs a ground for HTXSNV', () => {
  it('MEM-07 a civil servant passing round 2 with no ground stays HTTNV, with a warning naming the missing grounds', () => {
    const r = capCase(14, [14], { 0: { civilServant: true, civilRating: 'Hoàn thành tốt nhiệm vụ' } });
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(r.member(0).rules).toContain('MEM-07');
    const found = r.issues('MEM-07');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['warning', rowOf(SHEET.roll, r.built.cell.roll(0, 'civilRating'))]]);
    expect(found[0].message).toMatch(/Chiến sỹ thi đua/);
    expect(found[0].message).toMatch(/Bằng khen/);
  });

  it.each<[string, MemberSpec]>([
    ['a civil-service rating HTXSNV', { civilRating: 'Hoàn thành xuất sắc nhiệm vụ' }],
    ['a proposal for Chiến sỹ thi đua cơ sở', { civilRating: 'HTTNV', cstd: true }],
    ['a ministry- or province-level Bằng khen', { civilRating: 'HTTNV', commendation: true }],
  ])('MEM-07 a civil servant with %s becomes HTXSNV', (_, ground) => {
    const r = capCase(14, [14], { 0: { civilServant: true, ...ground } });
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTXSNV' });
    expect(r.issues('MEM-07')).toEqual([]);
  });

  it('MEM-07 a member who is not a civil servant needs no ground', () => {
    const r = capCase(14, [14]);
    expect(r.member(0).level).toBe('HTXSNV');
    expect(r.issues('MEM-07')).toEqual([]);
  });

  it('MEM-07 a candidate without a ground does not take a place under the cap (pool 7, cap 1)', () => {
    const r = capCase(7, [14, 12], { 0: { civilServant: true, civilRating: 'HTTNV' } });
    expect(levels(r).slice(0, 2)).toEqual(['HTTNV', 'HTXSNV']);
    expect(r.issues('MEM-06')).toEqual([]);
    expect(r.issues('MEM-07')).toHaveLength(1);
  });
});

describe('MEM-08 the party level agrees with the civil-service rating', () => {
  const cs = (civilRating: MemberSpec['civilRating'], votes: MemberSpec['votes'], more: MemberSpec = {}): MemberSpec => ({ civilServant: true, civilRating, votes, ...more });

  it.each([
    ['HTNV-HCNL', 'Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực'],
    ['HTNV', 'Hoàn thành nhiệm vụ'],
  ])('MEM-08 HTTNV by vote with a rating %s: downgraded to HTNV, warning naming the rating', (code, text) => {
    const r = run({ members: chi(10, { 2: cs(text, [8, 2, 0]) }) });
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'HTNV', reason: null });
    expect(r.member(2).rules).toEqual(expect.arrayContaining(['MEM-01', 'MEM-08']));
    const found = r.issues('MEM-08');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['warning', rowOf(SHEET.roll, r.built.cell.roll(2, 'civilRating'))]]);
    expect(found[0].message).toContain(code);
  });

  it.each(['Hoàn thành tốt nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'])('MEM-08 HTTNV by vote with a rating "%s" stays HTTNV, no issue', (rating) => {
    const r = run({ members: chi(10, { 2: cs(rating, [8, 2, 0]) }) });
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(r.issues('MEM-08')).toEqual([]);
  });

  it('MEM-08 HTNV by vote with a rating HTNV-HCNL stays HTNV, no issue', () => {
    const r = run({ members: chi(10, { 2: cs('HTNV-HCNL', [3, 5, 2]) }) });
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'HTNV' });
    expect(r.issues('MEM-08')).toEqual([]);
  });

  it('MEM-08 a civil servant with no rating: undetermined missing-rating, error on the rating cell', () => {
    const r = run({ members: chi(10, { 2: cs(null, [8, 2, 0]) }) });
    expect(r.member(2)).toMatchObject({ status: 'undetermined', level: null, reason: 'missing-rating' });
    expect(r.where('MEM-08')).toEqual([`error ${SHEET.roll}!${r.built.cell.roll(2, 'civilRating')}`]);
  });

  it('MEM-08 a civil servant with no rating cannot be classified even when the vote is KHTNV', () => {
    const r = run({ members: chi(10, { 2: cs(null, [1, 1, 8], { failedTasks: true }) }) });
    expect(r.member(2)).toMatchObject({ status: 'undetermined', reason: 'missing-rating' });
  });

  it.each<[string, [number, number, number]]>([
    ['HTTNV', [8, 2, 0]],
    ['HTNV', [4, 4, 2]],
  ])('MEM-08 a rating KHTNV with a %s vote: undetermined rating-conflict, error (RULES.md 9.3)', (_, votes) => {
    const r = run({ members: chi(10, { 2: cs('Không hoàn thành nhiệm vụ', votes) }) });
    expect(r.member(2)).toMatchObject({ status: 'undetermined', level: null, reason: 'rating-conflict' });
    expect(r.where('MEM-08')).toEqual([`error ${SHEET.roll}!${r.built.cell.roll(2, 'civilRating')}`]);
  });

  it('MEM-08 a rating KHTNV with a KHTNV vote: KHTNV through MEM-03, no MEM-08 issue, and the rating is a ground (no MEM-09)', () => {
    const r = run({ members: chi(10, { 2: cs('KHTNV', [1, 1, 8]) }) });
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'KHTNV' });
    expect(r.member(2).rules).toContain('MEM-03');
    expect(r.issues('MEM-08')).toEqual([]);
    expect(r.issues('MEM-09')).toEqual([]);
  });

  it('MEM-08 with htnvCounting=strict a vote of 6 / 0 / 4 does not support HTNV: rating HTNV-HCNL gives rating-conflict', () => {
    const r = run({ members: chi(10, { 2: cs('HTNV-HCNL', [6, 0, 4]) }) }, { htnvCounting: 'strict' });
    expect(r.member(2)).toMatchObject({ status: 'undetermined', reason: 'rating-conflict' });
    expect(r.where('MEM-08')).toEqual([`error ${SHEET.roll}!${r.built.cell.roll(2, 'civilRating')}`]);
    // Cumulative counting supports HTNV (6 + 0 > 5).
    expect(run({ members: chi(10, { 2: cs('HTNV-HCNL', [6, 0, 4]) }) }).member(2)).toMatchObject({ status: 'classified', level: 'HTNV' });
  });

  it('MEM-08 a rating of someone who is not a civil servant is ignored', () => {
    const r = run({ members: chi(10, { 2: { civilRating: 'HTNV', votes: [8, 2, 0] } }) });
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(r.issues('MEM-08')).toEqual([]);
  });
});

describe('MEM-09 grounds for KHTNV', () => {
  it.each<[string, MemberSpec, RegExp]>([
    ['under discipline', { disciplined: true }, /kỷ luật/i],
    ['did not complete the tasks assigned', { failedTasks: true }, /nhiệm vụ chi bộ giao/i],
    ['violated what members must not do', { violation: true }, /vi phạm/i],
    ['did not accept the assignment / caused disunity', { disobedience: true }, /phân công|mất đoàn kết/i],
  ])('MEM-09 a ground (%s) with a vote result not KHTNV: warning naming the ground, level unchanged', (_, ground, named) => {
    const r = run({ members: chi(10, { 5: { votes: [8, 2, 0], ...ground } }) });
    expect(r.member(5)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    const found = r.issues('MEM-09');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['warning', rowOf(SHEET.roll, r.built.cell.roll(5, 'name'))]]);
    expect(found[0].message).toMatch(named);
  });

  it('MEM-09 KHTNV by vote with no ground recorded: warning', () => {
    const r = run({ members: chi(10, { 5: { votes: [1, 1, 8] } }) });
    expect(r.member(5)).toMatchObject({ status: 'classified', level: 'KHTNV' });
    expect(r.issues('MEM-09').map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['warning', rowOf(SHEET.roll, r.built.cell.roll(5, 'name'))]]);
  });

  it('MEM-09 KHTNV by vote with a ground: no warning', () => {
    const r = run({ members: chi(10, { 5: { votes: [1, 1, 8], violation: true } }) });
    expect(r.member(5)).toMatchObject({ level: 'KHTNV' });
    expect(r.issues('MEM-09')).toEqual([]);
  });

  it('MEM-09 a ground on an HTNV member brought down by MEM-08 still warns', () => {
    const r = run({ members: chi(10, { 5: { votes: [8, 2, 0], civilServant: true, civilRating: 'HTNV', disciplined: true } }) });
    expect(r.member(5)).toMatchObject({ level: 'HTNV' });
    expect(r.issues('MEM-09').map((i) => i.severity)).toEqual(['warning']);
  });

  it('MEM-09 a civil-service rating KHTNV is a ground: with an HTTNV vote the member gets a MEM-09 warning naming it (besides the MEM-08 error)', () => {
    const r = run({ members: chi(10, { 5: { votes: [8, 2, 0], civilServant: true, civilRating: 'KHTNV' } }) });
    expect(r.member(5)).toMatchObject({ status: 'undetermined', reason: 'rating-conflict' });
    const found = r.issues('MEM-09');
    expect(found.map((i) => i.severity)).toEqual(['warning']);
    expect(found[0]?.message).toMatch(/CBCCVC/);
  });

  it('MEM-09 no ground and no KHTNV: no warning', () => {
    expect(run({ members: chi(10) }).issues('MEM-09')).toEqual([]);
  });
});

describe('MEM-10 leaders are reviewed first', () => {
  it('MEM-10 a leader ordered after a non-leader: warning on the leader\'s row', () => {
    const r = run({ members: chi(10, { 2: { leader: true } }) });
    const found = r.issues('MEM-10');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect([rowOf(SHEET.tally, r.built.cell.tally(2, 'stt')), rowOf(SHEET.roll, r.built.cell.roll(2, 'stt'))]).toContain(rowOf(found[0].sheet, found[0].cell));
    expect(found[0].message).toContain(r.member(2).name);
  });

  it('MEM-10 leaders first: no warning', () => {
    const r = run({ members: chi(10, { 0: { leader: true }, 1: { leader: true } }) });
    expect(r.issues('MEM-10')).toEqual([]);
  });

  it('MEM-10 the review order does not change anyone\'s level', () => {
    const a = run({ members: chi(10, { 2: { leader: true } }) });
    const b = run({ members: chi(10, { 0: { leader: true } }) });
    const view = (m: MemberResult) => [m.status, m.level];
    expect(a.result.members.map(view)).toEqual(b.result.members.map(view));
  });
});
