/**
 * ELIG-01 … ELIG-04 and VOTE-01 … VOTE-07 (RULES.md sections 1 and 2, readings of section 9): each rule
 * at and on both sides of its threshold, on hand-made chi bộ (test/helpers/chibo.ts), plus a few
 * checks on the bundled example through the real template and ExcelJS.
 */
import { checkWorkbook } from '../../src/core/check';
import { type MemberSpec, type Run, SHEET, membersWith, run } from '../helpers/chibo';
import { check } from '../helpers/workbook';

/** Ten official members, present and self-reviewed, voted HTTNV unanimously unless `over` says otherwise. */
const ten = (over: Record<number, MemberSpec> = {}, extra: MemberSpec[] = []): MemberSpec[] => [...membersWith(10, (i) => over[i] ?? {}), ...extra];

/** `sheet!row` of an A1 address, to say "on this member's row" without fixing the column. */
const rowOf = (sheet: string, cell: string | null): string => `${sheet}!${(cell ?? '').replace(/^[A-Z]+/, '')}`;
const errors = (r: Run) => r.result.issues.filter((i) => i.severity === 'error');

describe('ELIG-01 exempt members', () => {
  it('ELIG-01 an exempt member who is absent is not classified (reason exempt) and is not part of N', () => {
    const r = run({ members: ten({}, [{ exempt: true, present: false, selfReviewed: false, votes: null }]) });
    expect(r.member(10)).toMatchObject({ status: 'not-classified', level: null, reason: 'exempt', rules: ['ELIG-01'] });
    expect(r.result.figures?.n).toBe(10);
    expect(errors(r)).toEqual([]);
  });

  it('ELIG-01 an exempt member who attends is still not classified, but counts in N (RULES.md 2, Denominator)', () => {
    const r = run({ members: ten({}, [{ exempt: true, present: true, votes: null }]) });
    expect(r.member(10)).toMatchObject({ status: 'not-classified', level: null, reason: 'exempt' });
    expect(r.result.figures?.n).toBe(11);
    expect(errors(r)).toEqual([]);
  });

  it('ELIG-01 is the first reason when several apply (RULES.md 9.2)', () => {
    const r = run({ members: ten({}, [{ exempt: true, present: false, selfReviewed: false, admissionDate: '01/11/2017', votes: null }]) });
    expect(r.member(10)).toMatchObject({ status: 'not-classified', reason: 'exempt' });
  });

  it('ELIG-01 the bundled example (through ExcelJS): Mai Văn Vinh is exempt', () => {
    const result = check();
    expect(result.members.find((m) => m.name === 'Mai Văn Vinh')).toMatchObject({ status: 'not-classified', level: null, reason: 'exempt' });
  });
});

describe('ELIG-02 admitted fewer than 6 full months before the meeting', () => {
  it('ELIG-02 admission 05/06/2017, meeting 05/12/2017: exactly 6 months, classified', () => {
    const r = run({ meetingDate: '05/12/2017', members: ten({ 3: { admissionDate: '05/06/2017', votes: [6, 4, 0] } }) });
    expect(r.member(3)).toMatchObject({ status: 'classified', level: 'HTTNV', reason: null });
  });

  it('ELIG-02 admission 06/06/2017, meeting 05/12/2017: not classified, admitted-under-6-months', () => {
    const r = run({ meetingDate: '05/12/2017', members: ten({ 3: { admissionDate: '06/06/2017', votes: null } }) });
    expect(r.member(3)).toMatchObject({ status: 'not-classified', level: null, reason: 'admitted-under-6-months', rules: ['ELIG-02'] });
    expect(r.issues('DATA-08')).toEqual([]);
  });

  it('ELIG-02 31/05/2017 + 6 months is clamped to 30/11/2017 (RULES.md 9.18): meeting 30/11 classified, 29/11 not', () => {
    const on = run({ meetingDate: '30/11/2017', members: ten({ 3: { admissionDate: '31/05/2017', votes: [6, 4, 0] } }) });
    expect(on.member(3)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    const before = run({ meetingDate: '29/11/2017', members: ten({ 3: { admissionDate: '31/05/2017', votes: null } }) });
    expect(before.member(3)).toMatchObject({ status: 'not-classified', reason: 'admitted-under-6-months' });
  });

  it('ELIG-02 clamping into February: 31/08/2017 + 6 months is 28/02/2018', () => {
    const on = run({ meetingDate: '28/02/2018', members: ten({ 3: { admissionDate: '31/08/2017', votes: [6, 4, 0] } }) });
    expect(on.member(3)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    const before = run({ meetingDate: '27/02/2018', members: ten({ 3: { admissionDate: '31/08/2017', votes: null } }) });
    expect(before.member(3)).toMatchObject({ status: 'not-classified', reason: 'admitted-under-6-months' });
  });

  it('ELIG-02 comes before absent and no-self-review (RULES.md 9.2)', () => {
    const r = run({ members: ten({}, [{ probationary: true, admissionDate: '15/08/2017', present: false, selfReviewed: false, votes: null }]) });
    expect(r.member(10)).toMatchObject({ status: 'not-classified', reason: 'admitted-under-6-months' });
  });

  it('ELIG-02 the bundled example: Đỗ Văn Khoa (15/08/2017) is not classified, Lâm Thị Hạnh (10/03/2017) is', () => {
    const result = check();
    expect(result.members.find((m) => m.name === 'Đỗ Văn Khoa')).toMatchObject({ status: 'not-classified', reason: 'admitted-under-6-months' });
    expect(result.members.find((m) => m.name === 'Lâm Thị Hạnh')).toMatchObject({ status: 'classified', level: 'HTTNV' });
  });
});

describe('ELIG-03 absent or no self-review: deferred', () => {
  it('ELIG-03 an absent member is deferred (absent) and needs no tally row', () => {
    const r = run({ members: ten({ 4: { present: false } }) });
    expect(r.member(4)).toMatchObject({ status: 'deferred', level: null, reason: 'absent', rules: ['ELIG-03'] });
    expect(errors(r)).toEqual([]);
  });

  it('ELIG-03 a member without a self-review is deferred (no-self-review)', () => {
    const r = run({ members: ten({ 4: { selfReviewed: false } }) });
    expect(r.member(4)).toMatchObject({ status: 'deferred', level: null, reason: 'no-self-review', rules: ['ELIG-03'] });
    expect(errors(r)).toEqual([]);
  });

  it('ELIG-03 absent and without self-review: the reason is absent (RULES.md 9.2)', () => {
    const r = run({ members: ten({ 4: { present: false, selfReviewed: false } }) });
    expect(r.member(4)).toMatchObject({ status: 'deferred', reason: 'absent' });
  });

  it('ELIG-03 the bundled example: Châu Thị Xuân is absent', () => {
    expect(check().members.find((m) => m.name === 'Châu Thị Xuân')).toMatchObject({ status: 'deferred', reason: 'absent' });
  });
});

describe('ELIG-04 probationary members', () => {
  it('ELIG-04 a probationary member is classified like an official one, by the officials\' N', () => {
    const r = run({ members: ten({}, [{ probationary: true, votes: [6, 4, 0] }, { probationary: true, votes: [5, 5, 0] }]) });
    expect(r.result.figures?.n).toBe(10);
    expect(r.member(10)).toMatchObject({ status: 'classified', level: 'HTTNV', membership: 'probationary' });
    expect(r.member(11)).toMatchObject({ status: 'classified', level: 'HTNV', membership: 'probationary' });
    expect(errors(r)).toEqual([]);
  });

  it('ELIG-04 probationary members do not vote: ballots above the officials present are VOTE-02', () => {
    const r = run({ members: ten({}, [{ probationary: true }, { probationary: true }]), info: { r1Issued: 12 } });
    expect(r.where('VOTE-02')).toEqual([`error ${SHEET.info}!${r.built.cell.info('r1Issued')}`]);
    const ok = run({ members: ten({}, [{ probationary: true }, { probationary: true }]) });
    expect(ok.issues('VOTE-02')).toEqual([]);
  });
});

describe('VOTE-01 counts are whole numbers ≥ 0', () => {
  it.each([
    ['a negative vote count', -1],
    ['a fraction', 2.5],
    ['text', 'năm'],
  ])('VOTE-01 %s in the tally is an error on its cell; the member is undetermined (vote-data-error)', (_, bad) => {
    const r = run({ members: ten({ 2: { votes: [6, 4, 0], tally: { r1Done: bad } } }) });
    expect(r.where('VOTE-01')).toEqual([`error ${SHEET.tally}!${r.built.cell.tally(2, 'r1Done')}`]);
    expect(r.member(2)).toMatchObject({ status: 'undetermined', level: null, reason: 'vote-data-error' });
  });

  it('VOTE-01 a round-2 count that is not whole is an error and the member undetermined (vote-data-error)', () => {
    const r = run({ members: ten({ 2: { votes: [10, 0, 0, 7.5] }, 3: { votes: [10, 0, 0, 1] } }) });
    expect(r.where('VOTE-01')).toEqual([`error ${SHEET.tally}!${r.built.cell.tally(2, 'r2Excellent')}`]);
    expect(r.member(2)).toMatchObject({ status: 'undetermined', reason: 'vote-data-error' });
  });

  it.each(['officialPresent', 'r1Issued', 'r1Returned', 'r1Valid'] as const)('VOTE-01 a header count %s of 9.5 is an error on its cell', (key) => {
    const r = run({ members: ten(), info: { [key]: 9.5 } });
    expect(r.where('VOTE-01')).toEqual([`error ${SHEET.info}!${r.built.cell.info(key)}`]);
  });

  it('VOTE-01 zero and whole numbers are accepted', () => {
    const r = run({ members: ten({ 2: { votes: [0, 10, 0, 0] } }) });
    expect(r.issues('VOTE-01')).toEqual([]);
  });
});

describe('VOTE-02 valid ≤ returned ≤ issued ≤ official present ≤ official on the roll', () => {
  it('VOTE-02 all equal: no issue', () => {
    const r = run({ members: ten() });
    expect(r.issues('VOTE-02')).toEqual([]);
  });

  it('VOTE-02 valid above returned (11 > 10)', () => {
    const r = run({ members: ten(), info: { r1Valid: 11 } });
    expect(r.where('VOTE-02')).toEqual([`error ${SHEET.info}!${r.built.cell.info('r1Valid')}`]);
  });

  it('VOTE-02 returned above issued (10 > 9)', () => {
    const r = run({ members: ten(), info: { r1Issued: 10, r1Returned: 10, r1Valid: 9 } });
    expect(r.issues('VOTE-02')).toEqual([]);
    const bad = run({ members: ten(), info: { r1Issued: 9, r1Returned: 10, r1Valid: 9 } });
    expect(bad.where('VOTE-02')).toEqual([`error ${SHEET.info}!${bad.built.cell.info('r1Returned')}`]);
  });

  it('VOTE-02 issued above the official members present (11 > 10)', () => {
    const r = run({ members: ten(), info: { r1Issued: 11 } });
    expect(r.where('VOTE-02')).toEqual([`error ${SHEET.info}!${r.built.cell.info('r1Issued')}`]);
  });

  it('VOTE-02 official members present above the roll (exempt absent members are not on it)', () => {
    const members = ten({}, [{ exempt: true, present: false, selfReviewed: false, votes: null }]);
    const r = run({ members, info: { officialPresent: 11 } });
    expect(r.where('VOTE-02')).toEqual([`error ${SHEET.info}!${r.built.cell.info('officialPresent')}`]);
    expect(r.where('VOTE-07')).toEqual([`error ${SHEET.info}!${r.built.cell.info('officialPresent')}`]);
  });

  it('VOTE-02 the same chain for round 2 once a round-2 vote exists', () => {
    const members = ten({ 0: { votes: [10, 0, 0, 8] } });
    const r = run({ members, info: { r2Returned: 9, r2Valid: 10 } });
    expect(r.where('VOTE-02')).toEqual([`error ${SHEET.info}!${r.built.cell.info('r2Valid')}`]);
    const issued = run({ members, info: { r2Issued: 11 } });
    expect(issued.where('VOTE-02')).toEqual([`error ${SHEET.info}!${issued.built.cell.info('r2Issued')}`]);
  });

  it('VOTE-02 counts are checked as entered (RULES.md 9.8): valid 11 > returned 10 is reported, and 11 votes are not above valid', () => {
    const r = run({ members: ten({ 5: { votes: [8, 2, 1] } }), info: { r1Valid: 11 } });
    expect(r.where('VOTE-02')).toEqual([`error ${SHEET.info}!${r.built.cell.info('r1Valid')}`]);
    expect(r.issues('VOTE-03').filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.member(5)).toMatchObject({ status: 'classified', level: 'HTTNV' });
  });
});

describe('VOTE-03 a member\'s round-1 votes ≤ valid ballots', () => {
  it('VOTE-03 more votes than valid ballots (7 + 3 + 1 = 11 > 10): error on the member\'s row, member undetermined', () => {
    const r = run({ members: ten({ 6: { votes: [7, 3, 1] } }) });
    const found = r.issues('VOTE-03');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['error', rowOf(SHEET.tally, r.built.cell.tally(6, 'r1Good'))]]);
    expect(r.member(6)).toMatchObject({ status: 'undetermined', level: null, reason: 'vote-data-error' });
  });

  it('VOTE-03 exactly the valid ballots (6 + 3 + 1 = 10): no issue', () => {
    const r = run({ members: ten({ 6: { votes: [6, 3, 1] } }) });
    expect(r.issues('VOTE-03')).toEqual([]);
    expect(r.member(6)).toMatchObject({ status: 'classified', level: 'HTTNV' });
  });

  it('VOTE-03 fewer votes than valid ballots (6 + 3 = 9 < 10): warning, the member is still classified', () => {
    const r = run({ members: ten({ 6: { votes: [6, 3, 0] } }) });
    const found = r.issues('VOTE-03');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['warning', rowOf(SHEET.tally, r.built.cell.tally(6, 'r1Good'))]]);
    expect(r.member(6)).toMatchObject({ status: 'classified', level: 'HTTNV' });
  });

  it('VOTE-03 no blank-ballot warning for members not voted on (RULES.md 9.8)', () => {
    const r = run({ members: ten({ 6: { present: false, votes: [3, 0, 0] } }) });
    expect(r.issues('VOTE-03')).toEqual([]);
    expect(r.issues('VOTE-06')).toHaveLength(1);
  });

  it('VOTE-03 the error (more votes than valid ballots) applies to every member, also one not voted on', () => {
    const r = run({ members: ten({ 6: { present: false, votes: [11, 0, 0] } }) });
    const found = r.issues('VOTE-03');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['error', rowOf(SHEET.tally, r.built.cell.tally(6, 'r1Good'))]]);
    expect(r.member(6)).toMatchObject({ status: 'deferred', reason: 'absent' });
  });
});

describe('VOTE-04 no HTXSNV column in round 1', () => {
  it('VOTE-04 a number in a "Lần 1 - Hoàn thành xuất sắc nhiệm vụ" column is an error on its cell', () => {
    const r = run({ members: ten({ 3: { tally: { r1Excellent: 2 } } }), extraTallyColumns: ['r1Excellent'] });
    expect(r.where('VOTE-04')).toEqual([`error ${SHEET.tally}!${r.built.cell.tally(3, 'r1Excellent')}`]);
  });

  it('VOTE-04 such a column left empty is no issue', () => {
    const r = run({ members: ten(), extraTallyColumns: ['r1Excellent'] });
    expect(r.issues('VOTE-04')).toEqual([]);
    expect(errors(r)).toEqual([]);
  });
});

describe('VOTE-05 round 2 only for round-1 HTTNV, and ≤ round-2 valid ballots', () => {
  it('VOTE-05 round-2 votes for a member whose round-1 result is HTNV: error on the cell, no HTXSNV', () => {
    const r = run({ members: ten({ 1: { votes: [5, 5, 0, 9] } }) });
    expect(r.where('VOTE-05')).toEqual([`error ${SHEET.tally}!${r.built.cell.tally(1, 'r2Excellent')}`]);
    expect(r.member(1)).toMatchObject({ status: 'classified', level: 'HTNV' });
  });

  it('VOTE-05 round-2 votes for a member with no decisive round-1 vote: error', () => {
    const r = run({ members: ten({ 1: { votes: [5, 0, 5, 9] } }) });
    expect(r.where('VOTE-05')).toEqual([`error ${SHEET.tally}!${r.built.cell.tally(1, 'r2Excellent')}`]);
    expect(r.member(1)).toMatchObject({ status: 'undetermined', reason: 'no-decisive-vote' });
  });

  it('VOTE-05 uses the round-1 vote result before MEM-08 (RULES.md 9.17): HTTNV by vote, HTNV by rating, no VOTE-05', () => {
    const r = run({ members: ten({ 1: { votes: [8, 2, 0, 9], civilServant: true, civilRating: 'Hoàn thành nhiệm vụ' } }) });
    expect(r.issues('VOTE-05')).toEqual([]);
    expect(r.member(1)).toMatchObject({ status: 'classified', level: 'HTNV' });
  });

  it('VOTE-05 round-2 votes above the round-2 valid ballots (10 > 9) are an error; 9 is not', () => {
    const over = run({ members: ten({ 1: { votes: [10, 0, 0, 10] } }), info: { r2Valid: 9 } });
    expect(over.where('VOTE-05')).toEqual([`error ${SHEET.tally}!${over.built.cell.tally(1, 'r2Excellent')}`]);
    const at = run({ members: ten({ 1: { votes: [10, 0, 0, 9] } }), info: { r2Valid: 9 } });
    expect(at.issues('VOTE-05')).toEqual([]);
    expect(at.member(1)).toMatchObject({ status: 'classified', level: 'HTXSNV' });
  });
});

describe('VOTE-06 no votes for members not classified or deferred', () => {
  it('VOTE-06 votes recorded for an absent member: warning on the member\'s tally row', () => {
    const r = run({ members: ten({ 7: { present: false, votes: [3, 0, 0] } }) });
    const found = r.issues('VOTE-06');
    expect(found.map((i) => [i.severity, rowOf(i.sheet, i.cell)])).toEqual([['warning', rowOf(SHEET.tally, r.built.cell.tally(7, 'r1Good'))]]);
    expect(r.member(7)).toMatchObject({ status: 'deferred', reason: 'absent', level: null });
  });

  it('VOTE-06 votes for an exempt member and for one admitted under 6 months', () => {
    const r = run({ members: ten({ 7: { exempt: true, votes: [0, 0, 0, 4] }, 8: { admissionDate: '01/09/2017', votes: [10, 0, 0] } }) });
    expect(r.issues('VOTE-06').map((i) => [i.severity, rowOf(i.sheet, i.cell)]).sort()).toEqual(
      [
        ['warning', rowOf(SHEET.tally, r.built.cell.tally(7, 'r1Good'))],
        ['warning', rowOf(SHEET.tally, r.built.cell.tally(8, 'r1Good'))],
      ].sort(),
    );
    expect(r.member(7)).toMatchObject({ status: 'not-classified', reason: 'exempt' });
    expect(r.member(8)).toMatchObject({ status: 'not-classified', reason: 'admitted-under-6-months' });
  });

  it('VOTE-06 a tally row of zeros for an absent member is no issue', () => {
    const r = run({ members: ten({ 7: { present: false, votes: [0, 0, 0, 0] } }) });
    expect(r.issues('VOTE-06')).toEqual([]);
  });
});

describe('VOTE-07 header count of officials present equals the roll', () => {
  it('VOTE-07 header 9, roll marks 10: error on the header cell', () => {
    const r = run({ members: ten(), info: { officialPresent: 9, r1Issued: 9, r1Returned: 9, r1Valid: 9 } });
    expect(r.where('VOTE-07')).toEqual([`error ${SHEET.info}!${r.built.cell.info('officialPresent')}`]);
    expect(r.issues('VOTE-02')).toEqual([]);
  });

  it('VOTE-07 header 10 with one of ten officials absent: error', () => {
    const r = run({ members: ten({ 9: { present: false } }), info: { officialPresent: 10 } });
    expect(r.where('VOTE-07')).toEqual([`error ${SHEET.info}!${r.built.cell.info('officialPresent')}`]);
  });

  it('VOTE-07 probationary members present are not counted; a temporary official is', () => {
    const members = ten({}, [{ probationary: true }, { temporary: true }]);
    const r = run({ members });
    expect(r.built.officialPresent).toBe(11);
    expect(r.issues('VOTE-07')).toEqual([]);
    const wrong = run({ members, info: { officialPresent: 12 } });
    expect(wrong.where('VOTE-07')).toEqual([`error ${SHEET.info}!${wrong.built.cell.info('officialPresent')}`]);
  });

  it('VOTE-07 header equal to the roll: no issue at all', () => {
    const r = run({ members: ten() });
    expect(checkWorkbook(r.built.model).issues).toEqual([]);
  });
});
