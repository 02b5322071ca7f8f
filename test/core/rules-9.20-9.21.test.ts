/**
 * RULES.md section 9, items 20 and 21: what a blank tally or score cell means (9.20), and one cause, one
 * message (9.21): a cell that breaks DATA-02/03/04 is unknown, no other rule reports a consequence of it,
 * and a result that could differ for some reading of it waits for it (`input-error`, provisional).
 */
import { round1Ballot, round2Ballot } from '../../src/core/output/ballots';
import { resultText } from '../../src/core/output/minutes';
import { membersSheet, reasonText } from '../../src/core/output/resultSheets';
import { type MemberSpec, type Run, SHEET, membersWith, run, sheetOf } from '../helpers/chibo';

/** Ten official members, present and self-reviewed, voted HTTNV unanimously unless `over` says otherwise. */
const ten = (over: Record<number, MemberSpec> = {}): MemberSpec[] => membersWith(10, (i) => over[i] ?? {});
/** Every issue as `RULE severity sheet!cell`. */
const all = (r: Run): string[] => r.result.issues.map((i) => `${i.rule} ${i.severity} ${i.sheet}!${i.cell}`);
const at = (rule: string, sheet: string, cell: string, severity = 'error'): string => `${rule} ${severity} ${sheet}!${cell}`;

describe('RULES.md 9.20 blank tally cells', () => {
  it('DATA-01 9.20 blank cells beside a count are 0: no issue, the member is classified', () => {
    const r = run({ members: ten({ 3: { tally: { r1Done: null, r1Failed: null } }, 4: { tally: { r1Good: 6, r1Done: 4, r1Failed: null } } }) });
    expect(all(r)).toEqual([]);
    expect(r.member(3)).toMatchObject({ status: 'classified', level: 'HTTNV', votes: { HTTNV: 10, HTNV: 0, KHTNV: 0, HTXSNV: 0 } });
    expect(r.member(4)).toMatchObject({ status: 'classified', level: 'HTTNV', votes: { HTTNV: 6, HTNV: 4, KHTNV: 0 } });
  });

  it('DATA-01 9.20 all three round-1 cells blank: one DATA-01 on the row\'s first round-1 cell, undetermined vote-data-error', () => {
    const r = run({ members: ten({ 3: { tally: { r1Good: null, r1Done: null, r1Failed: null } } }) });
    expect(r.where('DATA-01')).toEqual([`error ${SHEET.tally}!${r.built.cell.tally(3, 'r1Good')}`]);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', level: null, reason: 'vote-data-error', rules: ['DATA-01'] });
    expect(r.member(3).explanation).toContain('DATA-01');
    // The one cause gives one error (and the chi bộ's provisional warning of CB-08, as for any undetermined member).
    expect(r.result.issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(['DATA-01']);
  });

  it('VOTE-06 9.20 a member excluded by ELIG-03 with a blank tally row: nothing to report', () => {
    const r = run({ members: ten({ 3: { present: false, tally: { r1Good: null, r1Done: null, r1Failed: null } } }) });
    expect(all(r)).toEqual([]);
    expect(r.member(3)).toMatchObject({ status: 'deferred', reason: 'absent' });
  });

  it('VOTE-06 9.20 an exempt member (ELIG-01) with blank cells: nothing to report', () => {
    const r = run({ members: ten({ 3: { exempt: true, present: false, selfReviewed: false, tally: { r1Good: null, r1Done: null, r1Failed: null, r2Excellent: null } } }) });
    expect(all(r)).toEqual([]);
    expect(r.member(3)).toMatchObject({ status: 'not-classified', reason: 'exempt' });
  });

  it('MEM-05 9.20 a blank round-2 cell is 0 beside the round-2 votes of others', () => {
    // 40 HTTNV: the cap is 6; two candidates pass, the rest have a blank round-2 cell.
    const r = run({ members: membersWith(40, (i) => ({ votes: [40, 0, 0, i < 2 ? 30 : null] })) });
    expect(all(r)).toEqual([]);
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTXSNV' });
    expect(r.member(5)).toMatchObject({ status: 'classified', level: 'HTTNV', votes: { HTXSNV: 0 } });
  });

  it('CB-02 9.20 a scoring row with every score blank is no scoring sheet: ignored, no issue', () => {
    const r = run({ members: ten(), scores: [sheetOf(89), [null, null, null, null, null, 90]] });
    expect(all(r)).toEqual([]);
    expect(r.result.chiBoResults[0]).toMatchObject({ score: 89, sheets: { total: 1, valid: 1 } });
  });

  it('DATA-01 9.20 a scoring sheet with some scores blank: DATA-01 on each blank score, left out of the mean', () => {
    const r = run({ members: ten(), scores: [sheetOf(89), [40, null, 15, null, 10], sheetOf(93)] });
    expect(r.where('DATA-01')).toEqual([`error ${SHEET.scores}!${r.built.cell.scores(1, 'c2')}`, `error ${SHEET.scores}!${r.built.cell.scores(1, 'c4')}`]);
    expect(all(r).filter((i) => !i.startsWith('DATA-01'))).toEqual([]);
    // (89 + 93) / 2: the partly blank sheet (65 points as typed) is not in the mean.
    expect(r.result.chiBoResults[0]).toMatchObject({ score: 91, sheets: { total: 3, valid: 2 } });
  });
});

describe('RULES.md 9.21 one cause, one message', () => {
  it('DATA-02 9.21 "Y" in Có mặt: exactly one issue (DATA-02); the member is undetermined (input-error), not absent', () => {
    const r = run({ members: ten({ 3: { roll: { present: 'Y' } } }) });
    const cell = r.built.cell.roll(3, 'present');
    expect(all(r)).toEqual([at('DATA-02', SHEET.roll, cell)]);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', level: null, reason: 'input-error', rules: ['DATA-02'], unreadable: [{ sheet: SHEET.roll, cell, label: 'Có mặt', shown: 'Y', rule: 'DATA-02' }] });
    expect(r.member(3).explanation).toBe(`Chưa xác định: ô ${cell} (Có mặt) không đọc được ("Y", DATA-02) — kết quả chờ ô đó; sửa rồi kiểm tra lại.`);
    expect(r.member(3).explanationEn).toContain(`cell ${cell}`);
    // The others stand; so does the chi bộ, whose level is the same for both readings.
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(r.result.chiBoResults[0]).toMatchObject({ level: 'HTTNV', provisional: false });
  });

  it('VOTE-07 9.21 silent when one reading of the unknown "Có mặt" matches the header\'s count', () => {
    const nine = { officialPresent: 9, r1Issued: 9, r1Returned: 9, r1Valid: 9 };
    const r = run({ members: ten({ 3: { roll: { present: 'Y' } } }), info: nine });
    expect(r.issues('VOTE-07')).toEqual([]);
    expect(all(r)).toEqual([at('DATA-02', SHEET.roll, r.built.cell.roll(3, 'present'))]);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', reason: 'input-error' });
  });

  it('VOTE-07 9.21 reported when no reading matches, with the range of the readings', () => {
    const seven = { officialPresent: 7, r1Issued: 7, r1Returned: 7, r1Valid: 7 };
    const r = run({ members: ten({ 3: { roll: { present: 'Y' } } }), info: seven });
    expect(r.where('VOTE-07')).toEqual([`error ${SHEET.info}!${r.built.cell.info('officialPresent')}`]);
    expect(r.issues('VOTE-07')[0].message).toContain('từ 9 đến 10');
    expect(r.result.issues.map((i) => i.rule).sort()).toEqual(['DATA-02', 'VOTE-07']);
  });

  it('VOTE-06 9.21 silent for votes of a member whose "Có mặt" is unknown', () => {
    const r = run({ members: ten({ 3: { roll: { present: 'Y' }, votes: [10, 0, 0, null] } }) });
    expect(r.issues('VOTE-06')).toEqual([]);
    expect(r.issues('VOTE-03')).toEqual([]);
  });

  it('DATA-02 9.21 a bad yes/no that cannot change the result: the result stands', () => {
    const r = run({
      members: ten({
        3: { exempt: true, present: false, selfReviewed: false, votes: null, roll: { selfReviewed: 'Y' } },
        4: { roll: { leader: 'maybe' } },
      }),
    });
    expect(all(r)).toEqual([at('DATA-02', SHEET.roll, r.built.cell.roll(3, 'selfReviewed')), at('DATA-02', SHEET.roll, r.built.cell.roll(4, 'leader'))]);
    expect(r.member(3)).toMatchObject({ status: 'not-classified', reason: 'exempt' });
    expect(r.member(4)).toMatchObject({ status: 'classified', level: 'HTTNV' });
    expect(r.issues('MEM-10')).toEqual([]);
  });

  it('MEM-09 9.21 a KHTNV ground that cannot be read: no "KHTNV without a ground" warning', () => {
    const r = run({ members: ten({ 3: { votes: [0, 0, 10], roll: { disciplined: '??' } } }) });
    expect(r.member(3)).toMatchObject({ status: 'classified', level: 'KHTNV' });
    expect(r.issues('MEM-09')).toEqual([]);
    expect(r.where('DATA-02')).toEqual([`error ${SHEET.roll}!${r.built.cell.roll(3, 'disciplined')}`]);
  });

  it('DATA-03 9.21 a bad admission date is DATA-03 only; the member is undetermined (input-error) unless exempt', () => {
    const r = run({ members: ten({ 3: { admissionDate: '31-02-2017' }, 5: { exempt: true, present: false, votes: null, admissionDate: '99/99/2016' } }) });
    expect(all(r)).toEqual([at('DATA-03', SHEET.roll, r.built.cell.roll(3, 'admissionDate')), at('DATA-03', SHEET.roll, r.built.cell.roll(5, 'admissionDate'))]);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', reason: 'input-error', rules: ['DATA-03'] });
    expect(r.member(3).explanation).toContain('Ngày vào Đảng');
    expect(r.member(5)).toMatchObject({ status: 'not-classified', reason: 'exempt' });
  });

  it('DATA-03 9.21 an admission date after the meeting is DATA-03 only, not "admitted under six months"', () => {
    const r = run({ members: ten({ 3: { admissionDate: '05/12/2017' } }) });
    expect(all(r)).toEqual([at('DATA-03', SHEET.roll, r.built.cell.roll(3, 'admissionDate'))]);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', reason: 'input-error' });
  });

  it('DATA-03 9.21 an unreadable meeting date is DATA-03 only: every member it could exclude (ELIG-02) waits, the chi bộ is provisional', () => {
    const r = run({ members: ten({ 3: { exempt: true, present: false, selfReviewed: false, votes: null } }), info: { meetingDate: 'abc' } });
    expect(all(r)).toEqual([at('DATA-03', SHEET.info, r.built.cell.info('meetingDate'))]);
    expect(r.member(0)).toMatchObject({ status: 'undetermined', reason: 'input-error', rules: ['DATA-03'] });
    expect(r.member(0).explanation).toContain('Ngày họp đánh giá');
    expect(r.member(3)).toMatchObject({ status: 'not-classified', reason: 'exempt' });
    expect(r.result.chiBoResults[0]).toMatchObject({ level: null, provisional: true });
  });

  it('DATA-04 9.21 a formula error in Chính thức/Dự bị is DATA-04 only; a result the same either way stands', () => {
    const r = run({ members: ten({ 3: { roll: { membership: { error: '#N/A' } } } }) });
    expect(all(r)).toEqual([at('DATA-04', SHEET.roll, r.built.cell.roll(3, 'membership'))]);
    expect(r.member(3)).toMatchObject({ status: 'classified', level: 'HTTNV', membership: null });
  });

  it('DATA-04 9.21 a formula error in Chính thức/Dự bị that changes N: the member waits (input-error)', () => {
    // Official: N = 10, 5 HTTNV votes are not above 5 → HTNV; probationary: N = 9, 5 > 4.5 → HTTNV.
    const r = run({ members: ten({ 3: { votes: [5, 5, 0], roll: { membership: { error: '#N/A' } } } }) });
    expect(all(r)).toEqual([at('DATA-04', SHEET.roll, r.built.cell.roll(3, 'membership'))]);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', level: null, reason: 'input-error', rules: ['DATA-04'] });
    expect(r.member(3).explanation).toContain('#N/A');
    expect(r.member(2)).toMatchObject({ status: 'classified', level: 'HTTNV' });
  });

  it('MEM-08 9.21 an unreadable civil-service rating: DATA-02 only, the member waits', () => {
    const r = run({ members: ten({ 3: { civilServant: true, roll: { civilRating: 'Giỏi' } } }) });
    expect(all(r)).toEqual([at('DATA-02', SHEET.roll, r.built.cell.roll(3, 'civilRating'))]);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', reason: 'input-error' });
  });

  it('CB-08 9.21 the chi bộ is provisional when its level could differ for a reading of an unknown cell', () => {
    // Score 95 and every TSVM condition: TSVM unless member 3, KHTNV by vote, is classified.
    const r = run({ members: ten({ 3: { votes: [0, 0, 10], disciplined: true, roll: { present: 'Y' } } }), scores: [sheetOf(95)] });
    expect(all(r)).toEqual([at('DATA-02', SHEET.roll, r.built.cell.roll(3, 'present'))]);
    const chiBo = r.result.chiBoResults[0];
    expect(chiBo).toMatchObject({ level: null, provisional: true });
    expect(chiBo.rules).toContain('CB-08');
    expect(chiBo.explanation).toContain(`ô ${r.built.cell.roll(3, 'present')}`);
    expect(chiBo.explanation).toMatch(/Trong sạch, vững mạnh hoặc Hoàn thành tốt nhiệm vụ|Hoàn thành tốt nhiệm vụ hoặc Trong sạch, vững mạnh/);
  });

  it('CB-07 9.21 an unreadable header condition is DATA-02 only; the level waits for it', () => {
    const r = run({ members: ten(), scores: [sheetOf(95)], info: { excellentUnited: 'Y' } });
    expect(all(r)).toEqual([at('DATA-02', SHEET.info, r.built.cell.info('excellentUnited'))]);
    const chiBo = r.result.chiBoResults[0];
    expect(chiBo).toMatchObject({ level: null, provisional: true });
    expect(chiBo.explanation).toContain(`ô ${r.built.cell.info('excellentUnited')}`);
  });

  it('VOTE-01 9.21 keeps 9.3: a formula error in a vote cell is DATA-04 and vote-data-error', () => {
    const r = run({ members: ten({ 3: { tally: { r1Done: { error: '#VALUE!' } } } }) });
    expect(r.result.issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(['DATA-04']);
    expect(r.member(3)).toMatchObject({ status: 'undetermined', reason: 'vote-data-error' });
  });

  it('DATA-09 9.21 a totals row is not checked against a column holding an unreadable cell', () => {
    const r = run({ members: ten({ 3: { tally: { r1Done: { error: '#N/A' } } } }) });
    expect(r.issues('DATA-09')).toEqual([]);
  });
});

describe('RULES.md 9.21 downstream: ballots, minutes, result sheets', () => {
  const waiting = () => run({ members: ten({ 3: { roll: { present: 'Y' } } }) });

  it('DATA-02 9.21 a member waiting for an unreadable cell is on no ballot: the refusal names the member and the cell', () => {
    const r = waiting();
    const name = r.member(3).name;
    const cell = r.built.cell.roll(3, 'present');
    for (const outcome of [round1Ballot(r.result), round2Ballot(r.result)]) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      const problem = outcome.problems.find((p) => p.message.includes(name));
      expect(problem?.rule).toBe('DATA-02');
      expect(problem?.message).toContain(`ô ${cell}`);
      expect(problem?.message).toContain('"Y"');
    }
  });

  it('DATA-02 9.21 the minutes and the result sheet say the member waits for the cell', () => {
    const r = waiting();
    const cell = r.built.cell.roll(3, 'present');
    expect(resultText(r.member(3))).toBe(`Chưa xác định (chờ sửa ô ${cell} (Có mặt): không đọc được)`);
    expect(reasonText(r.member(3))).toBe(`Chờ sửa ô ${cell} (Có mặt): không đọc được`);
    const texts = membersSheet(r.result).cells.map((c) => c.value);
    expect(texts).toContain(`Chờ sửa ô ${cell} (Có mặt): không đọc được`);
  });
});
