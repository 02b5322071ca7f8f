/**
 * LEAD-01 and LEAD-02 (RULES.md section 5, seed II.3.2 and IV.5): the leaders' ballots of
 * `Biểu quyết CBLĐQL`, tallied with percentages of the valid ballots, and the place of each vote against
 * the leader's position; across workbooks, a leader voted in two places. Hand-made sheets
 * (test/helpers/ward.ts) under a clean chi bộ (test/helpers/chibo.ts).
 */
import { buildReport } from '../../src/core/report';
import { leadersSheet as leadersLayout } from '../../src/core/output/resultSheets';
import { placeIsBch, positionIsBtv } from '../../src/core/rules/lead';
import { membersWith } from '../helpers/chibo';
import { aggregate, checked, chiBoWith, issuesOf, leadersSheet, wardBook, whereOf } from '../helpers/ward';

const SHEET = 'Biểu quyết CBLĐQL';
const chiBo = { members: membersWith(10, () => ({})) };
const leader = (name: string, position: string, votes: [number, number, number, number], more: Record<string, string> = {}) => ({
  stt: 1,
  name,
  position,
  excellent: votes[0],
  good: votes[1],
  done: votes[2],
  failed: votes[3],
  ...more,
});

describe('LEAD-01 the tally, with percentages of the valid ballots', () => {
  it('LEAD-01 votes per level and their share of the valid ballots (3, 9, 1, 0 of 13)', () => {
    const sheet = leadersSheet([leader('Nguyễn Văn Thành', 'Bí thư Đảng ủy', [3, 9, 1, 0])], { issued: 14, valid: 13 });
    const r = checked(chiBoWith(chiBo, sheet));
    expect(issuesOf(r, 'LEAD-01')).toEqual([]);
    expect(r.leaders).toHaveLength(1);
    expect(r.leaders[0]).toMatchObject({
      name: 'Nguyễn Văn Thành',
      position: 'Bí thư Đảng ủy',
      place: 'Hội nghị Ban Chấp hành Đảng bộ',
      btv: true,
      votes: { HTXSNV: 3, HTTNV: 9, HTNV: 1, KHTNV: 0 },
      validBallots: 13,
      issuedBallots: 14,
      percents: { HTXSNV: 23.08, HTTNV: 69.23, HTNV: 7.69, KHTNV: 0 },
      sheet: SHEET,
    });
  });

  it('LEAD-01 the JSON report carries the leaders in the FORMS.md shape (name, votes, validBallots)', () => {
    const sheet = leadersSheet([leader('Nguyễn Văn Thành', 'Bí thư Đảng ủy', [3, 9, 1, 0])], { valid: 13, issued: 13 });
    const report = buildReport('hd27-2014', [{ path: 'a.xlsx', result: checked(chiBoWith(chiBo, sheet)) }]);
    expect(report.leaders).toEqual([expect.objectContaining({ name: 'Nguyễn Văn Thành', votes: { HTXSNV: 3, HTTNV: 9, HTNV: 1, KHTNV: 0 }, validBallots: 13, file: 'a.xlsx' })]);
    expect(JSON.parse(JSON.stringify(report)).leaders[0].votes).toEqual({ HTXSNV: 3, HTTNV: 9, HTNV: 1, KHTNV: 0 });
  });

  it('LEAD-01 a leader with more votes than valid ballots (4 + 9 + 1 + 0 = 14 > 13) is an error on the row', () => {
    const sheet = leadersSheet([leader('Nguyễn Văn Thành', 'Bí thư Đảng ủy', [4, 9, 1, 0])], { issued: 14, valid: 13 });
    const r = checked(chiBoWith(chiBo, sheet));
    expect(whereOf(r, 'LEAD-01')).toEqual([`error ${SHEET}!${sheet.cell(0, 'excellent')}`]);
    expect(issuesOf(r, 'LEAD-01')[0].message).toMatch(/= 14 phiếu, nhiều hơn 13 phiếu hợp lệ/);
  });

  it('LEAD-01 exactly the valid ballots, or fewer (blank ballots), is no issue', () => {
    const sheet = leadersSheet([leader('A Văn Một', 'Bí thư Đảng ủy', [4, 8, 1, 0]), { ...leader('B Văn Hai', 'Phó Bí thư Đảng ủy', [1, 1, 1, 1]), stt: 2 }], { valid: 13, issued: 13 });
    expect(issuesOf(checked(chiBoWith(chiBo, sheet)), 'LEAD-01')).toEqual([]);
  });

  it('LEAD-01 more valid ballots than issued is an error on "Số phiếu hợp lệ"', () => {
    const sheet = leadersSheet([leader('Nguyễn Văn Thành', 'Bí thư Đảng ủy', [3, 9, 1, 0])], { issued: 12, valid: 13 });
    const r = checked(chiBoWith(chiBo, sheet));
    expect(whereOf(r, 'LEAD-01')).toEqual([`error ${SHEET}!${sheet.field('valid')}`]);
  });

  it('LEAD-01 a workbook without the leaders\' sheet, or with it empty, has no leaders and no LEAD issue', () => {
    const without = checked(chiBoWith(chiBo));
    expect(without.leaders).toEqual([]);
    const empty = checked(chiBoWith(chiBo, leadersSheet([])));
    expect(empty.leaders).toEqual([]);
    for (const r of [without, empty]) expect(r.issues.filter((i) => i.rule.startsWith('LEAD-'))).toEqual([]);
  });

  it('LEAD-01 the result sheet "KQ biểu quyết CBLĐQL" (form 05-ĐG.CBLĐQL) lists counts and percentages by place', () => {
    const sheet = leadersSheet([leader('Nguyễn Văn Thành', 'Bí thư Đảng ủy', [3, 9, 1, 0])], { valid: 13, issued: 13 });
    const r = checked(chiBoWith(chiBo, sheet));
    const layout = leadersLayout(r.leaders, { dangBo: 'Đảng bộ phường Hương Xuân', year: 2017 }, ['CHỦ TRÌ HỘI NGHỊ']);
    expect(layout.name).toBe('KQ biểu quyết CBLĐQL');
    const texts = layout.cells.map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(['Nguyễn Văn Thành', 3, '23,08%', 9, '69,23%', 1, '7,69%']));
    expect(texts.some((t) => typeof t === 'string' && t.includes('Mẫu 05-ĐG.CBLĐQL'))).toBe(true);
    expect(texts.some((t) => typeof t === 'string' && t.startsWith('Nơi biểu quyết: Hội nghị Ban Chấp hành Đảng bộ'))).toBe(true);
  });
});

describe('LEAD-02 each leader voted at the right place, once', () => {
  it('LEAD-02 a standing-committee member (column "Ủy viên BTV Đảng ủy") voted at the UBND is warned; at the BCH session not', () => {
    const rows = [leader('Trần Văn Bảo', 'Chủ tịch UBND phường', [2, 10, 1, 0], { btv: 'x' })];
    const atUbnd = leadersSheet(rows, { place: 'UBND phường' });
    const r = checked(chiBoWith(chiBo, atUbnd));
    expect(whereOf(r, 'LEAD-02')).toEqual([`warning ${SHEET}!${atUbnd.cell(0, 'name')}`]);
    expect(issuesOf(r, 'LEAD-02')[0].message).toMatch(/Ủy viên Ban Thường vụ Đảng ủy.*Ban Chấp hành \(II\.3\.2\)/);
    expect(issuesOf(checked(chiBoWith(chiBo, leadersSheet(rows))), 'LEAD-02')).toEqual([]);
  });

  it('LEAD-02 the position alone says so: "Phó Bí thư Đảng ủy, Chủ tịch UBND" voted at the UBND is warned', () => {
    const sheet = leadersSheet([leader('Lê Văn Cường', 'Phó Bí thư Đảng ủy, Chủ tịch UBND', [2, 10, 1, 0])], { place: 'Ủy ban nhân dân phường' });
    expect(whereOf(checked(chiBoWith(chiBo, sheet)), 'LEAD-02')).toEqual([`warning ${SHEET}!${sheet.cell(0, 'name')}`]);
  });

  it('LEAD-02 who is on the standing committee, read from the position', () => {
    expect(positionIsBtv('Bí thư Đảng ủy')).toBe(true);
    expect(positionIsBtv('UVBTV Đảng ủy, Trưởng Công an phường')).toBe(true);
    expect(positionIsBtv('Ủy viên Ban Thường vụ Đảng ủy')).toBe(true);
    expect(positionIsBtv('Ủy viên BTV')).toBe(true);
    expect(positionIsBtv('Ủy viên BTV Hội LHPN phường')).toBe(false);
    expect(positionIsBtv('Bí thư Đoàn TNCS Hồ Chí Minh phường')).toBe(false);
    expect(positionIsBtv('Phó Chủ tịch HĐND phường')).toBe(false);
    expect(placeIsBch('Hội nghị Ban Chấp hành Đảng bộ')).toBe(true);
    expect(placeIsBch('BCH Đảng bộ phường')).toBe(true);
    expect(placeIsBch('Ban Chấp hành Hội Nông dân phường')).toBe(false);
  });

  it('LEAD-02 a leader who is not on the standing committee voted at the BCH session is warned', () => {
    const sheet = leadersSheet([leader('Phạm Thị Dung', 'Chủ tịch Hội LHPN phường', [1, 12, 0, 0])]);
    const r = checked(chiBoWith(chiBo, sheet));
    expect(whereOf(r, 'LEAD-02')).toEqual([`warning ${SHEET}!${sheet.cell(0, 'name')}`]);
    expect(issuesOf(r, 'LEAD-02')[0].message).toMatch(/không phải Ủy viên Ban Thường vụ Đảng ủy/);
  });

  it('LEAD-02 the head of a mass organisation is voted where he leads: at the Hội Nông dân fine, at the UBND warned', () => {
    const rows = [leader('Hoàng Văn Em', 'Chủ tịch Hội Nông dân phường', [1, 12, 0, 0])];
    expect(issuesOf(checked(chiBoWith(chiBo, leadersSheet(rows, { place: 'Ban Chấp hành Hội Nông dân phường' }))), 'LEAD-02')).toEqual([]);
    const wrong = leadersSheet(rows, { place: 'UBND phường' });
    const r = checked(chiBoWith(chiBo, wrong));
    expect(whereOf(r, 'LEAD-02')).toEqual([`warning ${SHEET}!${wrong.cell(0, 'name')}`]);
    expect(issuesOf(r, 'LEAD-02')[0].message).toContain('Hội Nông dân');
  });

  it('LEAD-02 the deputy chair of the People\'s Council voted at the HĐND is fine', () => {
    const sheet = leadersSheet([leader('Võ Thị Giang', 'Phó Chủ tịch HĐND phường', [0, 11, 2, 0])], { place: 'Thường trực HĐND phường' });
    expect(issuesOf(checked(chiBoWith(chiBo, sheet)), 'LEAD-02')).toEqual([]);
  });

  it('LEAD-02 the same leader twice on one sheet ("Hòa"/"Hoà" spelt either way) is warned on the second row', () => {
    const sheet = leadersSheet([leader('Nguyễn Văn Hòa', 'Bí thư Đảng ủy', [3, 9, 1, 0]), { ...leader('Nguyễn Văn Hoà', 'Bí thư Đảng ủy', [3, 9, 1, 0]), stt: 2 }]);
    expect(whereOf(checked(chiBoWith(chiBo, sheet)), 'LEAD-02')).toEqual([`warning ${SHEET}!${sheet.cell(1, 'name')}`]);
  });

  it('LEAD-02 a leader voted in two places, in two workbooks, is warned when combined; the ward keeps the first', () => {
    const bch = leadersSheet([leader('Trần Văn Bảo', 'Chủ tịch UBND phường', [2, 10, 1, 0], { btv: 'x' })]);
    const ubnd = leadersSheet([leader('Trần Văn Bảo', 'Chủ tịch UBND phường', [1, 12, 0, 0], { btv: 'x' })], { place: 'UBND phường' });
    const { ward } = aggregate({ 'bch.xlsx': wardBook(bch), 'ubnd.xlsx': wardBook(ubnd) });
    const lead = ward.issues.filter((i) => i.rule === 'LEAD-02');
    expect(lead.map((i) => `${i.file} ${i.severity} ${i.sheet}!${i.cell}`)).toEqual([`ubnd.xlsx warning ${SHEET}!${ubnd.cell(0, 'name')}`]);
    expect(lead[0].message).toMatch(/hai nơi.*bch\.xlsx.*ubnd\.xlsx/);
    expect(ward.leaders.map((l) => [l.name, l.file, l.votes.HTTNV])).toEqual([['Trần Văn Bảo', 'bch.xlsx', 10]]);
  });

  it('LEAD-02 the same tally carried by two workbooks (a copy) is one vote, not two places', () => {
    const rows = [leader('Trần Văn Bảo', 'Chủ tịch UBND phường', [2, 10, 1, 0], { btv: 'x' })];
    const { ward } = aggregate({ 'a.xlsx': wardBook(leadersSheet(rows)), 'b.xlsx': wardBook(leadersSheet(rows)) });
    expect(ward.issues.filter((i) => i.rule === 'LEAD-02')).toEqual([]);
    expect(ward.leaders).toHaveLength(1);
  });
});
