/**
 * DATA-01 … DATA-09 (DATA-06 has its own tests: legacy.test.ts, legacy-check.test.ts): each fault, put into the bundled example one at a
 * time, is reported by its rule on its cell. The unchanged example has no issue at all.
 */
import type ExcelJS from 'exceljs';
import { at, check, example, field, issuesOf } from '../helpers/workbook';
import { date } from '../../src/xlsx/fill';

const ROLL = 'Danh sách đảng viên';
const TALLY = 'Kiểm phiếu đảng viên';
const SCORES = 'Chấm điểm chi bộ';
const INFO = 'Thông tin chi bộ';

const cellsOf = (result: ReturnType<typeof check>, rule: string) => issuesOf(result, rule).map((i) => `${i.sheet}!${i.cell}`);

/** The example's one intended finding: a civil servant who passes round 2 without a ground (MEM-07). */
const EXAMPLE_FINDINGS = [`MEM-07 ${ROLL}!${at('roll', 7, 'civilRating')}`];
const findings = (result: ReturnType<typeof check>) => result.issues.map((i) => `${i.rule} ${i.sheet}!${i.cell}`);

it('the bundled example reads without a data issue; its only finding is the intended MEM-07 warning', () => {
  expect(findings(check())).toEqual(EXAMPLE_FINDINGS);
});

describe('DATA-01 required sheet, column or field', () => {
  it('DATA-01 a missing sheet is named', () => {
    const result = check(example(), (wb) => wb.removeWorksheet((wb.getWorksheet(SCORES) as ExcelJS.Worksheet).id));
    const found = issuesOf(result, 'DATA-01');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: SCORES, cell: null, severity: 'error' });
    expect(found[0].message).toContain(SCORES);
  });
  it('DATA-01 an empty header field is flagged on its value cell', () => {
    const data = example();
    data.info.chiBo = null;
    expect(cellsOf(check(data), 'DATA-01')).toEqual([`${INFO}!${field('chiBo')}`]);
  });
  it('DATA-01 a missing column is flagged on the header row', () => {
    const result = check(example(), (wb) => {
      const ws = wb.getWorksheet(ROLL) as ExcelJS.Worksheet;
      const header = at('roll', -1, 'birthDate');
      ws.getCell(header).value = 'Quê quán';
    });
    const found = issuesOf(result, 'DATA-01');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('Ngày sinh');
    expect(found[0].cell?.replace(/^[A-Z]+/, '')).toBe(at('roll', -1, 'name').replace(/^[A-Z]+/, ''));
  });
  it('DATA-01 an empty required cell in a row', () => {
    const data = example();
    data.roll[2].birthDate = null;
    expect(cellsOf(check(data), 'DATA-01')).toEqual([`${ROLL}!${at('roll', 2, 'birthDate')}`]);
  });
  it('DATA-01 an empty yes/no cell is not an error (RULES.md 9.1)', () => {
    const data = example();
    data.roll[0].leader = null;
    data.roll[0].present = 'x';
    expect(issuesOf(check(data), 'DATA-01')).toEqual([]);
  });
  it('DATA-01 round-2 ballot counts are required once a round-2 vote exists', () => {
    const data = example();
    data.info.r2Valid = null;
    expect(cellsOf(check(data), 'DATA-01')).toEqual([`${INFO}!${field('r2Valid')}`]);
    const noRound2 = example();
    noRound2.info.r2Valid = null;
    for (const t of noRound2.tally) t.r2Excellent = null;
    expect(issuesOf(check(noRound2), 'DATA-01')).toEqual([]);
  });
});

describe('DATA-02 values from a fixed list', () => {
  it('DATA-02 a misspelt membership lists the accepted values', () => {
    const data = example();
    data.roll[0].membership = 'Chính thúc ạ';
    const found = issuesOf(check(data), 'DATA-02');
    expect(found.map((i) => i.cell)).toEqual([at('roll', 0, 'membership')]);
    expect(found[0].message).toContain('Chính thức, Dự bị');
  });
  it('DATA-02 yes/no, civil-service rating and organisation rating', () => {
    const data = example();
    data.roll[1].present = 'có lẽ';
    data.roll[3].civilRating = 'Tốt lắm';
    data.info.orgRating = 'Cao';
    expect(cellsOf(check(data), 'DATA-02').sort()).toEqual(
      [`${INFO}!${field('orgRating')}`, `${ROLL}!${at('roll', 1, 'present')}`, `${ROLL}!${at('roll', 3, 'civilRating')}`].sort(),
    );
  });
  it('DATA-02 accepts every spelling FORMS.md lists', () => {
    const data = example();
    ['x', 'X', 'có', 'co', '1', 'TRUE', '✓'].forEach((yes, i) => (data.roll[i].selfReviewed = yes));
    data.roll[3].civilRating = 'httnv';
    data.info.orgRating = 'CAO THỨ HAI';
    expect(findings(check(data))).toEqual(EXAMPLE_FINDINGS);
  });
});

describe('DATA-03 dates', () => {
  it('DATA-03 text that cannot be a date', () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    expect(cellsOf(check(data), 'DATA-03')).toEqual([`${ROLL}!${at('roll', 4, 'birthDate')}`]);
  });
  it('DATA-03 a date after the meeting', () => {
    const data = example();
    data.roll[17].admissionDate = date('05/12/2017');
    const found = issuesOf(check(data), 'DATA-03');
    expect(found.map((i) => i.cell)).toEqual([at('roll', 17, 'admissionDate')]);
    expect(found[0].message).toContain('01/12/2017');
  });
  it('DATA-03 day-first text dates are read, not flagged', () => {
    const data = example();
    data.roll[0].birthDate = '12/03/1952';
    data.info.meetingDate = '01/12/2017';
    expect(findings(check(data))).toEqual(EXAMPLE_FINDINGS);
  });
  it('DATA-03 an unreadable meeting date', () => {
    const data = example();
    data.info.meetingDate = 'đầu tháng 12';
    expect(cellsOf(check(data), 'DATA-03')).toEqual([`${INFO}!${field('meetingDate')}`]);
  });
});

describe('DATA-04 formula errors', () => {
  it('DATA-04 a formula error anywhere in an input sheet', () => {
    const cell = at('tally', 3, 'r1Done');
    const result = check(example(), (wb) => {
      (wb.getWorksheet(TALLY) as ExcelJS.Worksheet).getCell(cell).value = { formula: 'B2/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    });
    const found = issuesOf(result, 'DATA-04');
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`${TALLY}!${cell}`]);
    expect(found[0].message).toContain('#DIV/0!');
  });
});

describe('DATA-05 duplicates in the roll', () => {
  it('DATA-05 same name (tone placed elsewhere) and birth date', () => {
    const data = example();
    data.roll.push({ ...data.roll[3], stt: 20, name: 'Phạm Thị Hòa' });
    const found = issuesOf(check(data), 'DATA-05');
    expect(found.map((i) => i.cell)).toEqual([at('roll', 19, 'name')]);
    expect(found[0].message).toContain(`dòng ${Number(at('roll', 3, 'name').slice(1))}`);
  });
  it('DATA-05 same name, other birth date: two people', () => {
    const data = example();
    data.roll.push({ ...data.roll[3], stt: 20, birthDate: date('01/01/1990'), present: null });
    expect(issuesOf(check(data), 'DATA-05')).toEqual([]);
  });
});

describe('DATA-07 merged or hidden cells inside a table', () => {
  it('DATA-07 merged cells in the data rows', () => {
    const from = at('roll', 5, 'note');
    const to = at('roll', 6, 'note');
    const result = check(example(), (wb) => (wb.getWorksheet(ROLL) as ExcelJS.Worksheet).mergeCells(`${from}:${to}`));
    expect(issuesOf(result, 'DATA-07').map((i) => i.cell)).toEqual([from]);
  });
  it('DATA-07 a hidden row and a hidden column', () => {
    const row = Number(at('roll', 8, 'name').slice(1));
    const result = check(example(), (wb) => {
      const ws = wb.getWorksheet(ROLL) as ExcelJS.Worksheet;
      ws.getRow(row).hidden = true;
      ws.getColumn(3).hidden = true;
    });
    const found = issuesOf(result, 'DATA-07');
    expect(found).toHaveLength(2);
    expect(found.every((i) => i.severity === 'warning')).toBe(true);
    expect(found.map((i) => i.cell).sort()).toEqual([`A${row}`, at('roll', -1, 'birthDate')].sort());
  });
  it('DATA-07 merges in the heading block are not flagged', () => {
    expect(issuesOf(check(), 'DATA-07')).toEqual([]);
  });
});

describe('DATA-08 tally and roll must match', () => {
  it('DATA-08 a tally name not on the roll, and the roll member without a tally row', () => {
    const data = example();
    data.tally[5].name = 'Võ Thị Lân';
    const found = issuesOf(check(data), 'DATA-08');
    expect(found.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual([`${ROLL}!${at('roll', 5, 'name')}`, `${TALLY}!${at('tally', 5, 'name')}`].sort());
    const tallySide = found.find((i) => i.sheet === TALLY);
    expect(tallySide?.message).toContain('Võ Thị Lan');
  });
  it('DATA-08 names match across case, spacing, Unicode form and tone placement', () => {
    const data = example();
    data.tally[3].name = '  PHẠM   thị hòa '.normalize('NFD');
    expect(issuesOf(check(data), 'DATA-08')).toEqual([]);
  });
  it('DATA-08 "Nhân" and "Nhẫn" are different people', () => {
    const data = example();
    data.roll[0].name = 'Trần Văn Nhân';
    data.tally[0].name = 'Trần Văn Nhẫn';
    expect(issuesOf(check(data), 'DATA-08')).toHaveLength(2);
  });
  it('DATA-08 a member not to be classified needs no tally row', () => {
    const data = example();
    expect(data.roll[15].present).toBeNull();
    expect(issuesOf(check(data), 'DATA-08')).toEqual([]);
  });
  it('DATA-08 two members of the same name are told apart by order number', () => {
    const data = example();
    data.roll.push({ stt: 20, name: 'Trần Văn Bình', birthDate: date('01/01/1980'), admissionDate: date('01/01/2005'), membership: 'Chính thức', present: 'x', selfReviewed: 'x' });
    data.tally.push({ stt: 20, name: 'Trần Văn Bình', r1Good: 10, r1Done: 5, r1Failed: 0 });
    expect(issuesOf(check(data), 'DATA-08')).toEqual([]);
    data.tally.pop();
    expect(issuesOf(check(data), 'DATA-08').map((i) => i.cell)).toEqual([at('roll', 19, 'name')]);
  });
});

describe('DATA-09 totals entered by the clerk', () => {
  it('DATA-09 a scoring sheet total that is not the sum shows both numbers', () => {
    const data = example();
    data.scores[0].total = 90;
    const found = issuesOf(check(data), 'DATA-09');
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`${SCORES}!${at('scores', 0, 'total')}`]);
    expect(found[0].message).toContain('90');
    expect(found[0].message).toContain('89');
  });
  it('DATA-09 a totals row under the tally', () => {
    const totalRow = Number(at('tally', 20, 'name').slice(1));
    const result = check(example(), (wb) => {
      const ws = wb.getWorksheet(TALLY) as ExcelJS.Worksheet;
      ws.getCell(`A${totalRow}`).value = 'Cộng';
      ws.getCell(`C${totalRow}`).value = 999;
    });
    expect(issuesOf(result, 'DATA-09').map((i) => i.cell)).toEqual([`C${totalRow}`]);
  });
  it('DATA-09 a correct total is accepted', () => {
    const data = example();
    data.scores[1].total = 87;
    expect(issuesOf(check(data), 'DATA-09')).toEqual([]);
  });
});
