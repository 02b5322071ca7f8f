/**
 * PROC-01 … PROC-05 (RULES.md section 7, readings 9.13): the assessment year, the plan's schedule, the
 * report and draft-report deadlines, and the dossiers of IV.8 and IV.5. Hand-made sheets
 * (test/helpers/ward.ts) under a clean chi bộ (test/helpers/chibo.ts); the plan as the seed writes it
 * through the real template (src/xlsx/plan.ts).
 */
import { CHI_BO_DOCUMENTS, INFO_FORM, LEADER_DOCUMENTS } from '../../src/core/forms/definitions';
import { checkWorkbook } from '../../src/core/check';
import { exampleData } from '../../src/xlsx/example';
import { fillWorkbook } from '../../src/xlsx/fill';
import { planData, SEED_SCHEDULE } from '../../src/xlsx/plan';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { type ChiBoSpec, day as dateCell, membersWith, SHEET as CHI_BO_SHEET } from '../helpers/chibo';
import { checked, chiBoDossierSheet, chiBoWith, issuesOf, leaderDossierSheet, leadersSheet, planSheet, ticked, wardBook, whereOf } from '../helpers/ward';
import { check } from '../helpers/workbook';

const INFO = CHI_BO_SHEET.info;
const PLAN = 'Kế hoạch';
const members = membersWith(10, () => ({}));
/** The chi bộ "Thử nghiệm" meeting on `meeting`, with header fields overridden. */
const chiBo = (info: ChiBoSpec['info'] = {}, meetingDate = '01/12/2017'): ChiBoSpec => ({ members, meetingDate, info });
/** A header field's value cell in test/helpers/chibo.ts's info sheet (one field per row, from row 1). */
const infoCell = (key: string): string => `B${INFO_FORM.fields.findIndex((f) => f.key === key) + 1}`;
const proc = (r: { issues: readonly { rule: string }[] }) => r.issues.filter((i) => i.rule.startsWith('PROC-'));

describe('PROC-01 event dates lie in the assessment year or up to 31/01 of the next', () => {
  it.each([
    ['01/01/2017', false],
    ['01/12/2017', false],
    ['31/12/2017', false],
    ['31/01/2018', false],
    ['01/02/2018', true],
    ['31/12/2016', true],
    ['07/12/2016', true],
  ])('PROC-01 a meeting on %s in assessment year 2017: warned %s', (meeting, warned) => {
    const r = checked(chiBoWith(chiBo({}, meeting)));
    expect(whereOf(r, 'PROC-01')).toEqual(warned ? [`warning ${INFO}!${infoCell('meetingDate')}`] : []);
  });

  it('PROC-01 the report and draft-report dates too; the message suggests the year that was meant', () => {
    const r = checked(chiBoWith(chiBo({ reportDate: dateCell('02/12/2016'), draftSentDate: dateCell('25/11/2016') })));
    expect(whereOf(r, 'PROC-01').sort()).toEqual([`warning ${INFO}!${infoCell('draftSentDate')}`, `warning ${INFO}!${infoCell('reportDate')}`].sort());
    expect(issuesOf(r, 'PROC-01').find((i) => i.cell === infoCell('reportDate'))?.message).toMatch(/02\/12\/2016 không thuộc năm đánh giá 2017.*02\/12\/2017\?/);
  });

  it('PROC-01 never looks at births or admissions (RULES.md 9.13)', () => {
    const r = checked(chiBoWith({ members: membersWith(10, (i) => (i === 0 ? { birthDate: '01/01/1950', admissionDate: '03/02/1975' } : {})) }));
    expect(proc(r)).toEqual([]);
  });

  it('PROC-01 catches the plan\'s own slip: "07/12/2016" in the 2017 schedule, entered as written (template --example --plan)', () => {
    const { workbook } = fillWorkbook({ ...exampleData(), plan: planData() });
    const result = checkWorkbook(workbookToModel(workbook));
    const slips = issuesOf(result, 'PROC-01');
    expect(slips.map((i) => [i.severity, i.sheet])).toEqual([
      ['warning', PLAN],
      ['warning', PLAN],
      ['warning', PLAN],
    ]);
    const slipped = SEED_SCHEDULE.filter((p) => p.date.endsWith('2016')).map((p) => p.chiBo);
    expect(slipped).toEqual(['Trung Thôn', 'Thanh Lương 3', 'Thanh Tiên']);
    slips.forEach((issue, i) => {
      expect(issue.message).toContain('07/12/2016');
      expect(issue.message).toContain(slipped[i]);
      expect(issue.message).toContain('07/12/2017?');
    });
    // Thanh Khê met on 01/12/2017, as scheduled: nothing else about the schedule.
    expect(issuesOf(result, 'PROC-02')).toEqual([]);
  });

  it('PROC-01 a plan-only workbook takes the year from its own "Năm đánh giá"; without a year nothing is checked', () => {
    const rows = [{ stt: 1, chiBo: 'Thanh Khê', meetingDate: '01/12/2017' }, { stt: 2, chiBo: 'Trung Thôn', meetingDate: '07/12/2016' }];
    const withYear = planSheet(rows, { year: 2017 });
    expect(whereOf(checked(wardBook(withYear)), 'PROC-01')).toEqual([`warning ${PLAN}!${withYear.cell(1, 'meetingDate')}`]);
    expect(proc(checked(wardBook(planSheet(rows))))).toEqual([]);
  });

  it('PROC-01 the bundled example (no schedule, no dossier, dates in 2017) has no PROC issue at all', () => {
    expect(proc(check())).toEqual([]);
  });
});

describe('PROC-02 the chi bộ\'s meeting date matches the plan\'s schedule', () => {
  const schedule = (date: string, name = 'Thử nghiệm') => planSheet([{ stt: 1, chiBo: 'Thanh Khê', meetingDate: '01/12/2017', inCharge: 'Nguyễn Minh Phụng' }, { stt: 2, chiBo: name, meetingDate: date, inCharge: 'Ngô Quang Thảo' }]);

  it('PROC-02 the scheduled date: no issue', () => {
    expect(proc(checked(chiBoWith(chiBo(), schedule('01/12/2017'))))).toEqual([]);
  });

  it('PROC-02 another date: warning on the meeting date naming the schedule\'s cell and date', () => {
    const plan = schedule('03/12/2017');
    const r = checked(chiBoWith(chiBo(), plan));
    expect(whereOf(r, 'PROC-02')).toEqual([`warning ${INFO}!${infoCell('meetingDate')}`]);
    expect(issuesOf(r, 'PROC-02')[0].message).toContain(`ô ${plan.cell(1, 'meetingDate')}) là ngày 03/12/2017`);
  });

  it('PROC-02 the chi bộ is found whatever the case, diacritics or a leading "Chi bộ"', () => {
    expect(proc(checked(chiBoWith(chiBo(), schedule('01/12/2017', 'CHI BỘ THU NGHIEM'))))).toEqual([]);
  });

  it('PROC-02 a chi bộ missing from the schedule: warning on its name', () => {
    const r = checked(chiBoWith(chiBo(), schedule('01/12/2017', 'Thượng Thôn')));
    expect(whereOf(r, 'PROC-02')).toEqual([`warning ${INFO}!${infoCell('chiBo')}`]);
  });

  it('PROC-02 a chi bộ listed twice in the schedule: warning on the second row', () => {
    const plan = planSheet([{ chiBo: 'Thử nghiệm', meetingDate: '01/12/2017' }, { chiBo: 'Chi bộ Thử nghiệm', meetingDate: '01/12/2017' }]);
    expect(whereOf(checked(chiBoWith(chiBo(), plan)), 'PROC-02')).toEqual([`warning ${PLAN}!${plan.cell(1, 'chiBo')}`]);
  });

  it('PROC-02 no schedule sheet, or an empty one: no PROC-02 (RULES.md 9.13)', () => {
    expect(issuesOf(checked(chiBoWith(chiBo({}, '05/12/2017'))), 'PROC-02')).toEqual([]);
    expect(issuesOf(checked(chiBoWith(chiBo({}, '05/12/2017'), planSheet([]))), 'PROC-02')).toEqual([]);
  });
});

describe('PROC-03 the report reaches the standing committee within 2 days of the meeting', () => {
  const day = (d: number, m = 12) => dateCell(`${d}/${m}/2017`);
  it.each([
    [1, false],
    [3, false],
    [4, true],
  ])('PROC-03 meeting 01/12/2017, report %i/12/2017: warned %s', (d, warned) => {
    const r = checked(chiBoWith(chiBo({ reportDate: day(d) })));
    expect(whereOf(r, 'PROC-03')).toEqual(warned ? [`warning ${INFO}!${infoCell('reportDate')}`] : []);
  });

  it('PROC-03 a report dated before the meeting is warned', () => {
    const r = checked(chiBoWith(chiBo({ reportDate: day(30, 11) })));
    expect(whereOf(r, 'PROC-03')).toEqual([`warning ${INFO}!${infoCell('reportDate')}`]);
    expect(issuesOf(r, 'PROC-03')[0].message).toContain('trước ngày họp');
  });

  it('PROC-03 the schedule\'s "Hạn báo cáo" for the chi bộ is a deadline too', () => {
    const plan = planSheet([{ chiBo: 'Thử nghiệm', meetingDate: '01/12/2017', reportDue: '02/12/2017' }]);
    const r = checked(chiBoWith(chiBo({ reportDate: day(3) }), plan));
    expect(whereOf(r, 'PROC-03')).toEqual([`warning ${INFO}!${infoCell('reportDate')}`]);
    expect(issuesOf(r, 'PROC-03')[0].message).toContain('02/12/2017');
  });

  it('PROC-03 no report date entered: nothing to check', () => {
    expect(issuesOf(checked(chiBoWith(chiBo())), 'PROC-03')).toEqual([]);
  });
});

describe('PROC-04 the collective\'s draft report reaches the members at least 3 days before the review', () => {
  const day = (d: number, m = 11) => dateCell(`${d}/${m}/2017`);
  it.each([
    [28, false],
    [29, true],
    [30, true],
  ])('PROC-04 meeting 01/12/2017, draft sent %i/11/2017: warned %s', (d, warned) => {
    const r = checked(chiBoWith(chiBo({ draftSentDate: day(d) })));
    expect(whereOf(r, 'PROC-04')).toEqual(warned ? [`warning ${INFO}!${infoCell('draftSentDate')}`] : []);
  });

  it('PROC-04 on the leaders\' sheet: the collective\'s review date and its draft report', () => {
    const rows = [{ stt: 1, name: 'Trần Văn Bảo', position: 'Bí thư Đảng ủy', excellent: 2, good: 10, done: 1, failed: 0 }];
    const late = leadersSheet(rows, { reviewDate: '05/12/2017', draftSentDate: '04/12/2017' });
    const r = checked(chiBoWith(chiBo(), late));
    expect(whereOf(r, 'PROC-04')).toEqual([`warning Biểu quyết CBLĐQL!${late.field('draftSentDate')}`]);
    expect(issuesOf(r, 'PROC-04')[0].message).toContain('chậm nhất ngày 02/12/2017');
    const onTime = leadersSheet(rows, { reviewDate: '05/12/2017', draftSentDate: '02/12/2017' });
    expect(issuesOf(checked(chiBoWith(chiBo(), onTime)), 'PROC-04')).toEqual([]);
  });

  it('PROC-04 no draft date entered: nothing to check', () => {
    expect(issuesOf(checked(chiBoWith(chiBo())), 'PROC-04')).toEqual([]);
  });
});

describe('PROC-05 the dossiers hold the documents of IV.8 and IV.5', () => {
  const DOSSIER = 'Hồ sơ chi bộ';
  const LEADERS = 'Hồ sơ CBLĐQL';
  const allChiBo = ticked(CHI_BO_DOCUMENTS.map((d) => d.key));

  it('PROC-05 a chi bộ\'s dossier with every document ticked: no issue', () => {
    expect(proc(checked(chiBoWith(chiBo(), chiBoDossierSheet([{ stt: 1, subject: 'Thử nghiệm', ...allChiBo }]))))).toEqual([]);
  });

  it('PROC-05 each missing document is a warning on its cell naming the form (03-KĐ.ĐV, the minutes)', () => {
    const dossier = chiBoDossierSheet([{ stt: 1, subject: 'Thử nghiệm', ...allChiBo, d2: null, d8: 'Không' }]);
    const r = checked(chiBoWith(chiBo(), dossier));
    expect(whereOf(r, 'PROC-05')).toEqual([`warning ${DOSSIER}!${dossier.cell(0, 'd2')}`, `warning ${DOSSIER}!${dossier.cell(0, 'd8')}`]);
    expect(issuesOf(r, 'PROC-05')[0].message).toContain('Mẫu 03-KĐ.ĐV');
    expect(issuesOf(r, 'PROC-05')[1].message).toContain('Biên bản họp kiểm điểm');
  });

  it('PROC-05 the ward office\'s checklist of several chi bộ: each row on its own', () => {
    const dossier = chiBoDossierSheet([{ subject: 'Thanh Khê', ...allChiBo }, { subject: 'Công an', ...allChiBo, d4: null }]);
    expect(whereOf(checked(wardBook(dossier)), 'PROC-05')).toEqual([`warning ${DOSSIER}!${dossier.cell(1, 'd4')}`]);
  });

  it('PROC-05 a checklist without a document\'s column is warned once, naming the document', () => {
    const dossier = chiBoDossierSheet([{ subject: 'Thử nghiệm', ...allChiBo }], { omitColumns: ['d6'] });
    const r = checked(chiBoWith(chiBo(), dossier));
    expect(issuesOf(r, 'PROC-05')).toHaveLength(1);
    expect(issuesOf(r, 'PROC-05')[0].message).toContain('Mẫu 06-KĐ.ĐV');
  });

  it('PROC-05 the chi bộ\'s own row missing from a non-empty checklist is warned', () => {
    const dossier = chiBoDossierSheet([{ subject: 'Thanh Khê', ...allChiBo }]);
    const r = checked(chiBoWith(chiBo(), dossier));
    expect(issuesOf(r, 'PROC-05').map((i) => i.message)).toEqual([expect.stringContaining('không có dòng nào cho chi bộ "Thử nghiệm"')]);
  });

  it('PROC-05 no dossier sheet, or an empty one (as the template writes it): no PROC-05 (RULES.md 9.13)', () => {
    expect(proc(checked(chiBoWith(chiBo())))).toEqual([]);
    expect(proc(checked(chiBoWith(chiBo(), chiBoDossierSheet([]), leaderDossierSheet([]))))).toEqual([]);
  });

  it('PROC-05 the leaders\' dossier: the collective\'s two documents, each leader\'s seven; the asset declaration only for cadres the town committee manages', () => {
    const all = ticked(LEADER_DOCUMENTS.map((d) => d.key));
    const dossier = leaderDossierSheet(
      [
        { stt: 1, subject: 'Trần Văn Bảo', position: 'Bí thư Đảng ủy', managed: 'x', ...all, l6: null },
        { stt: 2, subject: 'Phạm Thị Dung', position: 'Chủ tịch Hội LHPN', ...all, l6: null, l3: null },
      ],
      { collective: 'Ban Chấp hành Đảng bộ', c1: 'Có', c2: null },
    );
    const r = checked(chiBoWith(chiBo(), dossier));
    expect(whereOf(r, 'PROC-05')).toEqual([`warning ${LEADERS}!${dossier.field('c2')}`, `warning ${LEADERS}!${dossier.cell(0, 'l6')}`, `warning ${LEADERS}!${dossier.cell(1, 'l3')}`]);
    expect(issuesOf(r, 'PROC-05').map((i) => i.message)).toEqual([
      expect.stringContaining('Biên bản họp kiểm điểm tập thể'),
      expect.stringContaining('Thông tư 08/2013/TT-TTCP'),
      expect.stringContaining('Mẫu 4a-BNV/2007'),
    ]);
  });

  it('PROC-05 a leader voted on (Biểu quyết CBLĐQL) with no row in a non-empty leaders\' dossier is warned on the vote\'s row', () => {
    const all = ticked(LEADER_DOCUMENTS.map((d) => d.key));
    const votes = leadersSheet([
      { stt: 1, name: 'Trần Văn Bảo', position: 'Bí thư Đảng ủy', excellent: 2, good: 10, done: 1, failed: 0 },
      { stt: 2, name: 'Lê Văn Cường', position: 'Phó Bí thư Đảng ủy', excellent: 2, good: 10, done: 1, failed: 0 },
    ]);
    const dossier = leaderDossierSheet([{ stt: 1, subject: 'Trần Văn Bảo', ...all }], { collective: 'Ban Chấp hành Đảng bộ', c1: 'x', c2: 'x' });
    const r = checked(chiBoWith(chiBo(), votes, dossier));
    expect(whereOf(r, 'PROC-05')).toEqual([`warning Biểu quyết CBLĐQL!${votes.cell(1, 'name')}`]);
  });
});
