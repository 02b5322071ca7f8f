/**
 * "In phiếu" and "Biên bản" inside Excel, through the real src/office code against the fake host: the
 * sheets the CLI writes (same layouts, cell for cell), nothing written when round 2 cannot be printed,
 * a fixed small number of syncs whatever the roll's size, requests under 5 MB, ExcelApi 1.1 too.
 */
import type ExcelJS from 'exceljs';
import { a1 } from '../../src/core/grid';
import { MEETING_SHEETS } from '../../src/core/forms/definitions';
import { checkWorkbook } from '../../src/core/check';
import { round1Ballot, round2Ballot } from '../../src/core/output/ballots';
import type { SheetLayout } from '../../src/core/output/layout';
import { minutesSheet } from '../../src/core/output/minutes';
import { printBallotsInOpenWorkbook, writeMinutesInOpenWorkbook } from '../../src/office/runCheck';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { FakeExcelHost } from '../fake-excel';
import { bigChiBo } from '../helpers/generate';
import { build, example, type MutableChiBoData } from '../helpers/workbook';

async function hostOf(workbook: ExcelJS.Workbook, apiVersion = '1.18'): Promise<FakeExcelHost> {
  return FakeExcelHost.fromWorkbook(workbook, { apiVersion });
}

/** With the host's globals installed, as in the task pane. */
const inExcel = <T>(host: FakeExcelHost, fn: () => Promise<T>): Promise<T> => host.withGlobals(fn);

/** Every value of the layout is in the host's sheet, as text where it was text. */
function expectSheetHolds(host: FakeExcelHost, layout: SheetLayout): void {
  const wrong = layout.cells.filter((c) => c.value !== '' && host.getValue(layout.name, a1(c.row, c.col)) !== c.value);
  expect(wrong.slice(0, 3)).toEqual([]);
}

const exampleBook = (data: MutableChiBoData = example()) => build(data).workbook;

describe('In phiếu / Biên bản in the open workbook', () => {
  it('round 1 writes `Phiếu lần 1` as the CLI lays it out, with its print area, in 3 syncs under 5 MB', async () => {
    const workbook = exampleBook();
    const expected = round1Ballot(checkWorkbook(workbookToModel(workbook)));
    if (!expected.ok) throw new Error('example ballot');
    const host = await hostOf(workbook);
    const summary = await inExcel(host, () => printBallotsInOpenWorkbook(1));
    expect(summary).toEqual({ ok: true, sheet: MEETING_SHEETS.ballot1, names: 16, copies: 15, pages: 15, cap: null });
    expectSheetHolds(host, expected.ballot.layout);
    const area = expected.ballot.layout.print?.area as NonNullable<NonNullable<SheetLayout['print']>['area']>;
    expect(host.getPageLayout(MEETING_SHEETS.ballot1)).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', printArea: [`A1:${a1(area.bottom, area.right)}`] });
    expect(host.getRowHeight(MEETING_SHEETS.ballot1, 1)).toBe(45);
    expect(host.stats.syncs).toBe(3);
    expect(host.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('round 2 writes the 13 round-1 HTTNV members and K = 1; a second run replaces the sheet', async () => {
    const workbook = exampleBook();
    const expected = round2Ballot(checkWorkbook(workbookToModel(workbook)));
    if (!expected.ok) throw new Error('example ballot');
    const host = await hostOf(workbook);
    expect(await inExcel(host, () => printBallotsInOpenWorkbook(2))).toMatchObject({ ok: true, names: 13, cap: 1 });
    expect(await inExcel(host, () => printBallotsInOpenWorkbook(2))).toMatchObject({ ok: true, names: 13, cap: 1 });
    expect(host.sheetNames().filter((n) => n === MEETING_SHEETS.ballot2)).toHaveLength(1);
    expectSheetHolds(host, expected.ballot.layout);
    expect(host.getSelection().sheet).toBe(MEETING_SHEETS.ballot2);
  });

  it('DATA-08: round 2 without the round-1 tally returns the problem and writes nothing', async () => {
    const data = example();
    data.tally = [];
    const host = await hostOf(exampleBook(data));
    const before = host.sheetNames();
    const summary = await inExcel(host, () => printBallotsInOpenWorkbook(2));
    expect(summary.ok).toBe(false);
    if (summary.ok) return;
    expect(summary.problems.map((p) => p.rule)).toContain('DATA-08');
    expect(host.sheetNames()).toEqual(before);
    expect(host.stats.syncs).toBe(2);
  });

  it('Biên bản writes the minutes as the CLI does and reports the check`s counts', async () => {
    const workbook = exampleBook();
    const expected = minutesSheet(checkWorkbook(workbookToModel(workbook)));
    const host = await hostOf(workbook);
    expect(await inExcel(host, () => writeMinutesInOpenWorkbook())).toEqual({ errors: 0, warnings: 1 });
    expectSheetHolds(host, expected);
    expect(host.stats.syncs).toBe(3);
  });

  it('the same 3 syncs at 20 and 100 members (100 copies of several pages each), each request under 5 MB', async () => {
    for (const members of [20, 100]) {
      const host = await hostOf(bigChiBo(members).workbook);
      const summary = await inExcel(host, () => printBallotsInOpenWorkbook(1));
      expect(summary).toMatchObject({ ok: true, names: members, copies: members });
      expect({ members, syncs: host.stats.syncs }).toEqual({ members, syncs: 3 });
      expect(host.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    }
  });

  it('works on Excel 2016 (ExcelApi 1.1): the sheet without page set-up', async () => {
    const host = await hostOf(exampleBook(), '1.1');
    expect(await inExcel(host, () => printBallotsInOpenWorkbook(1))).toMatchObject({ ok: true });
    expect(host.getValue(MEETING_SHEETS.ballot1, 'B11')).toBe('Nguyễn Hữu Dũng');
  });
});
