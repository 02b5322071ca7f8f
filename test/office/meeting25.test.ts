/**
 * The meeting day inside Excel on a hd43-2025 workbook, through the real src/office code against the fake
 * host: "Phiếu chấm điểm" writes the same layout as `xeploai ballots` without `--round` (one page per
 * member, A4 portrait), in a fixed number of syncs; "In phiếu" and "Biên bản" write nothing and say why in
 * one line naming the rule set; on a hd27-2014 workbook the scoring sheets are refused the same way.
 */
import { a1 } from '../../src/core/grid';
import { MEETING_SHEETS } from '../../src/core/forms/definitions';
import { checkWorkbook } from '../../src/core/check';
import { membersCriteria, scoreSheetsFor } from '../../src/core/output/scoreSheets';
import { printBallotsInOpenWorkbook, printScoreSheetsInOpenWorkbook, writeMinutesInOpenWorkbook } from '../../src/office/runCheck';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { FakeExcelHost } from '../fake-excel';
import { buildChiBo25, members25 } from '../helpers/chibo25';
import { modelWorkbook } from '../helpers/modelXlsx';
import { build } from '../helpers/workbook';

const book25 = () => modelWorkbook(buildChiBo25({ members: members25(5, (i) => (i === 3 ? { roll: { suspended: 'x' } } : {})), memberCriteria: [['Nhóm tiêu chí chung', 'Phẩm chất chính trị', 20], ['Nhóm tiêu chí chung', 'Tự phê bình', 10], ['Kết quả thực hiện nhiệm vụ', 'Nhiệm vụ được giao', 70]] }).model);

describe('Phiếu chấm điểm in the open workbook (hd43-2025)', () => {
  it('M25-02: writes the CLI\'s layout, one page per member to be scored, A4 portrait, in 3 syncs', async () => {
    const workbook = book25();
    const model = workbookToModel(workbook);
    const expected = scoreSheetsFor(checkWorkbook(model), membersCriteria(model));
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    const host = await FakeExcelHost.fromWorkbook(workbook, { apiVersion: '1.18' });
    const summary = await host.withGlobals(() => printScoreSheetsInOpenWorkbook());
    expect(summary).toEqual({ ok: true, sheet: MEETING_SHEETS.scoreSheets, names: 4, pages: 4, criteriaSource: 'sheet' });
    const wrong = expected.sheets.layout.cells.filter((c) => c.value !== '' && host.getValue(MEETING_SHEETS.scoreSheets, a1(c.row, c.col)) !== c.value);
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(host.getPageLayout(MEETING_SHEETS.scoreSheets)).toMatchObject({ paperSize: 'A4', orientation: 'Portrait' });
    expect(host.stats.syncs).toBe(3);
    expect(host.getSelection().sheet).toBe(MEETING_SHEETS.scoreSheets);
  });

  it('the 2014 ballots and minutes: nothing written, one line naming hd43-2025', async () => {
    const host = await FakeExcelHost.fromWorkbook(book25(), { apiVersion: '1.18' });
    const before = host.sheetNames();
    const ballot = await host.withGlobals(() => printBallotsInOpenWorkbook(1));
    expect(ballot.ok).toBe(false);
    if (!ballot.ok) expect(ballot.problems.map((p) => [p.rule, /^Sổ này theo Quy định 366-QĐ\/TW /.test(p.message)])).toEqual([['', true]]);
    const minutes = await host.withGlobals(() => writeMinutesInOpenWorkbook());
    expect(minutes.refused?.message).toMatch(/^Sổ này theo Quy định 366-QĐ\/TW .*biên bản kiểm phiếu/);
    expect(host.sheetNames()).toEqual(before);
  });

  it('a hd27-2014 workbook: the scoring sheets are refused naming hd27-2014, nothing written', async () => {
    const host = await FakeExcelHost.fromWorkbook(build().workbook, { apiVersion: '1.18' });
    const before = host.sheetNames();
    const summary = await host.withGlobals(() => printScoreSheetsInOpenWorkbook());
    expect(summary.ok).toBe(false);
    if (!summary.ok) expect(summary.problems[0].message).toMatch(/^Sổ này theo Hướng dẫn 27-HD\/BTCTW /);
    expect(host.sheetNames()).toEqual(before);
    // The minutes are written as before.
    expect((await host.withGlobals(() => writeMinutesInOpenWorkbook())).refused).toBeUndefined();
  });
});
