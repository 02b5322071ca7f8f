/**
 * CB-01 … CB-08 (RULES.md section 4, readings 9.4, 9.10, 9.15, 9.16): the chi bộ's score and level,
 * at the score bounds 90 / 70 / 50 and with each condition flipping the level, on hand-made chi bộ
 * (test/helpers/chibo.ts). The base chi bộ has ten HTTNV members and every condition of TSVM answered
 * in its favour, so that only the score decides unless a test changes a condition.
 */
import type { CellValue } from '../../src/core/grid';
import type { ChiBoResult } from '../../src/core/rules/cb';
import { type ChiBoSpec, type InfoKey, type MemberSpec, type Run, SHEET, membersWith, run, sheetOf } from '../helpers/chibo';
import { check } from '../helpers/workbook';

const ten = (over: Record<number, MemberSpec> = {}): MemberSpec[] => membersWith(10, (i) => over[i] ?? {});

/** The chi bộ with scoring sheets of the given totals, other things as `more` says. */
function scored(totals: number[], more: Partial<ChiBoSpec> = {}): Run {
  return run({ members: ten(), scores: totals.map(sheetOf), ...more });
}
const cb = (r: Run): ChiBoResult => {
  expect(r.result.chiBoResults).toHaveLength(1);
  return r.result.chiBoResults[0];
};

describe('CB-01 each score from 0 to its maximum, halves allowed', () => {
  it.each<[string, CellValue[], number]>([
    ['criterion 1 above its maximum (41 > 40)', [41, 20, 15, 15, 9], 0],
    ['a negative score', [40, -1, 15, 15, 10], 1],
    ['a score that is not a half (12,3)', [40, 20, 12.3, 15, 10], 2],
    ['criterion 5 above its maximum (10,5 > 10)', [40, 20, 15, 14, 10.5], 4],
    ['text that is not a number', [40, 20, 15, 'mười lăm', 10], 3],
  ])('CB-01 %s is an error on its cell, and the sheet is left out of the mean', (_, bad, criterion) => {
    const r = run({ members: ten(), scores: [bad, sheetOf(80)] });
    expect(r.where('CB-01')).toEqual([`error ${SHEET.scores}!${r.built.cell.scores(0, `c${criterion + 1}`)}`]);
    expect(cb(r)).toMatchObject({ score: 80, level: 'HTTNV', sheets: { total: 2, valid: 1 } });
  });

  it('CB-01 every maximum exactly, zeros and halves are accepted', () => {
    const r = run({ members: ten(), scores: [[40, 20, 15, 15, 10], [0, 0, 0, 0, 0], [12.5, 7.5, 0.5, 14.5, 9.5]] });
    expect(r.issues('CB-01')).toEqual([]);
    expect(cb(r).sheets).toEqual({ total: 3, valid: 3 });
    expect(cb(r).score).toBeCloseTo(144.5 / 3, 2);
  });
});

describe('CB-02 the chi bộ score is the mean of the valid sheets', () => {
  it('CB-02 mean of 90 and 89 is 89.5: below 90, so HTTNV', () => {
    const r = scored([90, 89]);
    expect(cb(r)).toMatchObject({ score: 89.5, level: 'HTTNV' });
    expect(cb(r).rules).toContain('CB-02');
  });

  it('CB-02 the bundled example (through ExcelJS): 15 sheets, 1314.5 / 15 = 87.63, HTTNV', () => {
    const [result] = check().chiBoResults;
    expect(result.sheets).toEqual({ total: 15, valid: 15 });
    expect(result.score).toBeCloseTo(1314.5 / 15, 2);
    expect(result).toMatchObject({ level: 'HTTNV', provisional: false });
  });

  it('CB-02 mean of 80, 85 and 90.5 is 85.1666… (shown to two decimals)', () => {
    const r = scored([80, 85, 90.5]);
    expect(cb(r).score).toBeCloseTo(255.5 / 3, 2);
    expect(cb(r).level).toBe('HTTNV');
  });

  it('CB-02 a clerk\'s total that disagrees is reported (DATA-09) and the computed sum is used (RULES.md 9.10)', () => {
    const r = run({ members: ten(), scores: [[...sheetOf(90), 95]] });
    expect(r.issues('DATA-09')).toHaveLength(1);
    expect(cb(r)).toMatchObject({ score: 90, level: 'TSVM' });
  });

  it('CB-02 as many sheets as members present: no issue; one more: error on the scoring sheet', () => {
    expect(scored(Array(10).fill(85)).issues('CB-02')).toEqual([]);
    const r = scored(Array(11).fill(85));
    const found = r.issues('CB-02');
    expect(found.map((i) => [i.severity, i.sheet])).toEqual([['error', SHEET.scores]]);
  });

  it('CB-02 members absent do not score: 9 sheets for 8 present is an error', () => {
    const r = run({ members: ten({ 8: { present: false }, 9: { present: false } }), scores: Array(9).fill(sheetOf(85)) });
    expect(r.issues('CB-02').map((i) => [i.severity, i.sheet])).toEqual([['error', SHEET.scores]]);
    const ok = run({ members: ten({ 8: { present: false }, 9: { present: false } }), scores: Array(8).fill(sheetOf(85)) });
    expect(ok.issues('CB-02')).toEqual([]);
  });
});

describe('CB-03 TSVM: score ≥ 90 and every condition', () => {
  it('CB-03 score 90 with every condition: TSVM', () => {
    const r = scored([90]);
    expect(cb(r)).toMatchObject({ score: 90, level: 'TSVM', provisional: false });
    expect(cb(r).rules).toContain('CB-03');
    expect(r.result.issues).toEqual([]);
  });

  it('CB-03 score 89.5 with every condition: HTTNV', () => {
    expect(cb(scored([89.5]))).toMatchObject({ score: 89.5, level: 'HTTNV' });
  });

  it.each<[string, Partial<Record<InfoKey, CellValue>>]>([
    ['not united and excellent in the political task', { excellentUnited: 'Không' }],
    ['meetings not held as required', { meetingsRegular: 'Không' }],
    ['government, Front and organisations only at the second-highest level', { orgRating: 'Cao thứ hai' }],
  ])('CB-03 score 95 but %s: HTTNV', (_, info) => {
    expect(cb(scored([95], { info }))).toMatchObject({ score: 95, level: 'HTTNV' });
  });

  it('CB-03 score 95 but a classified member KHTNV (computed from the results): HTTNV', () => {
    const r = run({ members: ten({ 3: { votes: [1, 1, 8], failedTasks: true } }), scores: [sheetOf(95)] });
    expect(r.member(3).level).toBe('KHTNV');
    expect(cb(r)).toMatchObject({ level: 'HTTNV' });
  });

  it('CB-03 counts classified members only (RULES.md 9.4): an undetermined member does not stop TSVM, which is provisional', () => {
    const r = run({ members: ten({ 3: { votes: [5, 0, 5] } }), scores: [sheetOf(95)] });
    expect(r.member(3).status).toBe('undetermined');
    expect(cb(r)).toMatchObject({ level: 'TSVM', provisional: true });
  });

  it('CB-03 members not classified or deferred do not count either', () => {
    const r = run({ members: ten({ 3: { present: false }, 4: { exempt: true, present: false, votes: null } }), scores: [sheetOf(95)] });
    expect(cb(r)).toMatchObject({ level: 'TSVM', provisional: false });
  });
});

describe('CB-04 HTTNV: score 70 to < 90 (or ≥ 90 without TSVM) and its conditions', () => {
  it('CB-04 score 70: HTTNV; 69.5: HTNV', () => {
    expect(cb(scored([70]))).toMatchObject({ score: 70, level: 'HTTNV' });
    expect(cb(scored([70])).rules).toContain('CB-04');
    expect(cb(scored([69.5]))).toMatchObject({ score: 69.5, level: 'HTNV' });
  });

  it('CB-04 score ≥ 90 without TSVM is HTTNV', () => {
    const r = scored([100], { info: { excellentUnited: 'Không' } });
    expect(cb(r)).toMatchObject({ score: 100, level: 'HTTNV' });
  });

  it.each<[string, Partial<Record<InfoKey, CellValue>>]>([
    ['not united and good in the political task', { excellentUnited: 'Không', goodUnited: 'Không' }],
    ['a committee member or key official disciplined', { leadersDisciplined: 'Có' }],
    ['government, Front and organisations below the second-highest level', { orgRating: 'Thấp hơn' }],
  ])('CB-04 score 80 but %s: HTNV', (_, info) => {
    const r = scored([80], { info });
    expect(cb(r)).toMatchObject({ score: 80, level: 'HTNV' });
    expect(cb(r).rules).toContain('CB-05');
  });

  it('CB-04 "Không" to the discipline question expresses the exception (RULES.md 9.16): HTTNV', () => {
    expect(cb(scored([80], { info: { leadersDisciplined: 'Không' } })).level).toBe('HTTNV');
  });
});

describe('CB-05 HTNV: score 50 to < 70, or ≥ 70 without HTTNV', () => {
  it('CB-05 score 50: HTNV; 49.5: YK', () => {
    const at = cb(scored([50]));
    expect(at).toMatchObject({ score: 50, level: 'HTNV' });
    expect(at.rules).toContain('CB-05');
    expect(cb(scored([49.5]))).toMatchObject({ score: 49.5, level: 'YK' });
  });

  it('CB-05 score 95 with neither TSVM nor HTTNV conditions: HTNV', () => {
    const r = scored([95], { info: { excellentUnited: 'Không', goodUnited: 'Không' } });
    expect(cb(r)).toMatchObject({ score: 95, level: 'HTNV' });
  });
});

describe('CB-06 YK: score < 50, or any YK condition whatever the score', () => {
  it('CB-06 score 49.5 with every TSVM condition: YK', () => {
    const r = scored([49.5]);
    expect(cb(r)).toMatchObject({ level: 'YK' });
    expect(cb(r).rules).toContain('CB-06');
  });

  it.each<[string, Partial<Record<InfoKey, CellValue>>]>([
    ['internal disunity', { disunity: 'Có', excellentUnited: 'Không', goodUnited: 'Không' }],
    ['a member disciplined for corruption or degradation', { corruption: 'Có' }],
    ['two Front/mass organisations at their lowest level', { lowestOrgCount: 2, orgRating: 'Thấp hơn' }],
  ])('CB-06 score 100 but %s: YK (overrides every other level)', (_, info) => {
    const r = scored([100], { info });
    expect(cb(r)).toMatchObject({ score: 100, level: 'YK' });
    expect(cb(r).rules).toContain('CB-06');
  });

  it('CB-06 one organisation at its lowest level is not enough', () => {
    expect(cb(scored([100], { info: { lowestOrgCount: 1, orgRating: 'Cao thứ hai' } })).level).toBe('HTTNV');
  });

  it('CB-06 more than half of the classified members KHTNV: 6 of 10 is YK, 5 of 10 is not', () => {
    const khtnv = (k: number) => ten(Object.fromEntries(Array.from({ length: k }, (_, i) => [i, { votes: [0, 0, 10], failedTasks: true } as MemberSpec])));
    const six = run({ members: khtnv(6), scores: [sheetOf(95)] });
    expect(six.result.members.filter((m) => m.level === 'KHTNV')).toHaveLength(6);
    expect(cb(six)).toMatchObject({ level: 'YK' });
    const five = run({ members: khtnv(5), scores: [sheetOf(95)] });
    expect(cb(five)).toMatchObject({ level: 'HTTNV' });
  });

  it('CB-06 counts classified members only (RULES.md 9.4): 4 KHTNV of 7 classified (3 undetermined) is YK', () => {
    const over: Record<number, MemberSpec> = {};
    for (const i of [0, 1, 2, 3]) over[i] = { votes: [0, 0, 10], failedTasks: true };
    for (const i of [4, 5, 6]) over[i] = { votes: [5, 0, 5] };
    const r = run({ members: ten(over), scores: [sheetOf(95)] });
    expect(r.result.members.filter((m) => m.status === 'classified')).toHaveLength(7);
    expect(cb(r)).toMatchObject({ level: 'YK', provisional: true });
  });

  it('CB-06 4 KHTNV of 8 classified (2 absent, deferred) is exactly half: not YK', () => {
    const over: Record<number, MemberSpec> = { 8: { present: false }, 9: { present: false } };
    for (const i of [0, 1, 2, 3]) over[i] = { votes: [0, 0, 8], failedTasks: true };
    const r = run({ members: ten(over), scores: [sheetOf(95)] });
    expect(r.result.members.filter((m) => m.level === 'KHTNV')).toHaveLength(4);
    expect(cb(r).level).toBe('HTTNV');
  });
});

describe('CB-07 conditions entered and consistent', () => {
  const CONDITIONS: InfoKey[] = ['excellentUnited', 'goodUnited', 'meetingsRegular', 'leadersDisciplined', 'disunity', 'corruption', 'orgRating', 'lowestOrgCount'];

  it.each(CONDITIONS)('CB-07 the condition %s left empty is an error on its cell (RULES.md 9.1)', (key) => {
    const r = scored([80], { info: { [key]: null } });
    const found = r.issues('CB-07').filter((i) => i.severity === 'error');
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`${SHEET.info}!${r.built.cell.info(key)}`]);
  });

  it('CB-07 an empty condition is not a silent "no": score 95, excellentUnited empty, no level is decided', () => {
    const r = scored([95], { info: { excellentUnited: null } });
    expect(cb(r).level).toBeNull();
  });

  it('CB-07 an empty condition that cannot change the level leaves the level decided (RULES.md 9.10)', () => {
    const r = scored([75], { info: { excellentUnited: null } });
    expect(cb(r).level).toBe('HTTNV');
  });

  it('CB-07 both "đoàn kết, hoàn thành xuất sắc" and "mất đoàn kết" marked yes: warning (RULES.md 9.15)', () => {
    const r = scored([95], { info: { excellentUnited: 'Có', disunity: 'Có' } });
    const found = r.issues('CB-07');
    expect(found.map((i) => [i.severity, i.sheet])).toEqual([['warning', SHEET.info]]);
    expect([r.built.cell.info('excellentUnited'), r.built.cell.info('disunity')]).toContain(found[0].cell);
    expect(cb(r).level).toBe('YK');
  });

  it('CB-07 both "đoàn kết, hoàn thành tốt" and "mất đoàn kết" marked yes: warning', () => {
    const r = scored([80], { info: { excellentUnited: 'Không', goodUnited: 'Có', disunity: 'Có' } });
    expect(r.issues('CB-07').map((i) => [i.severity, i.sheet])).toEqual([['warning', SHEET.info]]);
  });

  it('CB-07 consistent answers: no issue', () => {
    expect(scored([80], { info: { excellentUnited: 'Không', goodUnited: 'Có' } }).issues('CB-07')).toEqual([]);
  });
});

describe('CB-08 provisional while a member is undetermined', () => {
  it('CB-08 an undetermined member: warning, provisional, the level is still given', () => {
    const r = run({ members: ten({ 6: { votes: [5, 0, 5] } }), scores: [sheetOf(80)] });
    const found = r.issues('CB-08');
    expect(found.map((i) => [i.severity, i.sheet])).toEqual([['warning', SHEET.info]]);
    expect(found[0].message).toContain(r.member(6).name);
    expect(cb(r)).toMatchObject({ level: 'HTTNV', provisional: true });
    expect(cb(r).rules).toContain('CB-08');
  });

  it('CB-08 a tie at the cap makes the chi bộ provisional too', () => {
    const members = membersWith(10, (i) => ({ votes: [10, 0, 0, i < 2 ? 9 : null] }));
    const r = run({ members, scores: [sheetOf(80)] });
    expect(r.result.members.filter((m) => m.reason === 'tie-at-cap')).toHaveLength(2);
    expect(cb(r).provisional).toBe(true);
    expect(r.issues('CB-08')).toHaveLength(1);
  });

  it('CB-08 no undetermined member: not provisional, no warning', () => {
    const r = run({ members: ten({ 6: { present: false } }), scores: [sheetOf(80)] });
    expect(cb(r).provisional).toBe(false);
    expect(r.issues('CB-08')).toEqual([]);
  });
});
