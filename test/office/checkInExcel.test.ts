/**
 * The add-in's real Office.js code against the fake Excel host: the same results as the command line,
 * flags that come and go and restore exactly what was there, result sheets, and a sync count that does
 * not grow with the workbook.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { MORE_RESULT_SHEETS, RESULT_SHEETS } from '../../src/core/forms/definitions';
import { FLAG_FILL } from '../../src/core/output/resultSheets';
import { checkInExcel, clearFlags, readState, saveSettings } from '../../src/office/checkInExcel';
import { STATE_SHEET } from '../../src/office/state';
import { fillWorkbook } from '../../src/xlsx/fill';
import { FakeExcelHost } from '../fake-excel';
import { bigChiBo } from '../helpers/generate';
import { at, build, example } from '../helpers/workbook';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const ROLL = 'Danh sách đảng viên';
const INPUT_SHEETS = ['Thông tin chi bộ', ROLL, 'Kiểm phiếu đảng viên', 'Chấm điểm chi bộ', 'Biểu quyết CBLĐQL'];

async function hostFor(wb: ExcelJS.Workbook, apiVersion = '1.18'): Promise<FakeExcelHost> {
  // Through bytes, as a clerk's file arrives: what ExcelJS writes is what the fake loads.
  const buffer = await wb.xlsx.writeBuffer();
  return FakeExcelHost.fromXlsx(new Uint8Array(buffer as ArrayBuffer), { apiVersion });
}

/** Calls `run` with the host's globals installed, as in the task pane. */
async function withGlobals<T>(host: FakeExcelHost, fn: () => Promise<T>): Promise<T> {
  const restore = host.installGlobals();
  try {
    return await fn();
  } finally {
    restore();
  }
}

const check = (host: FakeExcelHost) => withGlobals(host, () => host.run((context) => checkInExcel(context)));

function inputValues(host: FakeExcelHost): unknown {
  return INPUT_SHEETS.map((s) => host.getValues(s));
}

describe('a check through the fake Excel host', () => {
  it('gives the same members, chi bộ and issues as `xeploai check` on the same file', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    const inExcel = await check(host);
    let out = '';
    const code = await main(['check', EXAMPLE, '--json'], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(0);
    const cli = JSON.parse(out) as { members: unknown[]; chiBo: unknown[]; issues: { file: string }[] };
    expect(JSON.parse(JSON.stringify(inExcel.members))).toEqual(cli.members);
    expect(JSON.parse(JSON.stringify(inExcel.chiBoResults))).toEqual(cli.chiBo);
    expect(inExcel.issues).toEqual(cli.issues.map(({ file: _file, ...rest }) => rest));
    expect(inExcel.members.find((m) => m.level === 'HTXSNV')?.name).toBe('Nguyễn Hữu Dũng');
  });

  it('writes the result sheets and never changes an input value', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    const before = inputValues(host);
    await check(host);
    expect(inputValues(host)).toEqual(before);
    for (const name of Object.values(RESULT_SHEETS).filter((n) => n !== RESULT_SHEETS.ward)) expect(host.sheetNames()).toContain(name);
    const members = host.getValues(RESULT_SHEETS.members) as unknown[][];
    expect(members.flat()).toContain('Nguyễn Hữu Dũng');
    expect(members.flat()).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(host.getVisibility(STATE_SHEET)).toBe('VeryHidden');
  });

  it('writes the leaders\' tally (05-ĐG.CBLĐQL) after the result sheets when there are leaders\' votes, and never reads it back as input', async () => {
    const leaders = {
      fields: { place: 'Hội nghị Ban Chấp hành Đảng bộ', issued: 15, valid: 15 },
      rows: [
        { stt: 1, name: 'Trần Văn Bảo', position: 'Bí thư Đảng ủy', btv: 'x', excellent: 4, good: 10, done: 1, failed: 0 },
        { stt: 2, name: 'Lê Thị Cẩm', position: 'Phó Bí thư Đảng ủy', btv: 'x', excellent: 2, good: 12, done: 1, failed: 0 },
      ],
    };
    const host = await hostFor(fillWorkbook({ ...example(), leaders } as never).workbook);
    const first = await check(host);
    expect(first.leaders.map((l) => l.name)).toEqual(['Trần Văn Bảo', 'Lê Thị Cẩm']);
    const names = host.sheetNames();
    expect(names).toContain(MORE_RESULT_SHEETS.leaders);
    expect(names.indexOf(MORE_RESULT_SHEETS.leaders)).toBeGreaterThan(names.indexOf(RESULT_SHEETS.issues));
    const tally = (host.getValues(MORE_RESULT_SHEETS.leaders) as unknown[][]).flat();
    expect(tally).toContain(first.leaders[0].name);
    const again = await check(host);
    expect(again.issues).toEqual(first.issues);
    expect(host.sheetNames().filter((n) => n === MORE_RESULT_SHEETS.leaders)).toHaveLength(1);
    // The clerk clears the leaders' table: the next check's result sheets no longer include the tally.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Biểu quyết CBLĐQL').getRange('A10:J20').clear('Contents');
      await context.sync();
    });
    const cleared = await check(host);
    expect(cleared.leaders).toEqual([]);
    expect(host.sheetNames()).not.toContain(MORE_RESULT_SHEETS.leaders);
  });

  it('flags the offending cell with a fill and a note naming the rule, and only that cell', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    const host = await hostFor(build(data).workbook);
    const result = await check(host);
    const cell = at('roll', 4, 'birthDate');
    expect(result.issues.map((i) => `${i.rule} ${i.cell}`)).toContain(`DATA-03 ${cell}`);
    expect(host.getFill(ROLL, cell)).toBe(FLAG_FILL.error);
    expect(host.getNote(ROLL, cell)).toContain('[DATA-03]');
    expect(host.getFill(ROLL, at('roll', 5, 'birthDate'))).toBeNull();
    expect(host.getValue(ROLL, cell)).toBe('31/02/1949');
  });

  it('a flag whose cause is gone disappears and the cell gets back the exact fill it had', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    const cell = at('roll', 4, 'birthDate');
    const { workbook } = build(data);
    (workbook.getWorksheet(ROLL) as ExcelJS.Worksheet).getCell(cell).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } };
    const host = await hostFor(workbook);
    await check(host);
    expect(host.getFill(ROLL, cell)).toBe(FLAG_FILL.error);
    // The clerk corrects the date, through Excel.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(ROLL).getRange(cell).values = [['28/02/1949']];
      await context.sync();
    });
    const again = await check(host);
    expect(again.issues.some((i) => i.cell === cell)).toBe(false);
    expect(host.getFill(ROLL, cell)).toBe('#92D050');
    expect(host.getNote(ROLL, cell)).toBeNull();
  });

  it('"Xoá đánh dấu" restores every fill and removes the add-in notes, but keeps the clerk\'s own note', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    data.roll[1].present = 'có lẽ';
    const dateCell = at('roll', 4, 'birthDate');
    const presentCell = at('roll', 1, 'present');
    const { workbook } = build(data);
    const ws = workbook.getWorksheet(ROLL) as ExcelJS.Worksheet;
    ws.getCell(presentCell).note = 'Hỏi lại đồng chí Bình';
    const host = await hostFor(workbook);
    const fillsBefore = [host.getFill(ROLL, dateCell), host.getFill(ROLL, presentCell)];
    await check(host);
    expect(host.getFill(ROLL, presentCell)).toBe(FLAG_FILL.error);
    expect(host.getNote(ROLL, presentCell)).toBe('Hỏi lại đồng chí Bình');
    const cleared = await withGlobals(host, () => host.run((context) => clearFlags(context)));
    expect(cleared).toBeGreaterThanOrEqual(2);
    expect([host.getFill(ROLL, dateCell), host.getFill(ROLL, presentCell)]).toEqual(fillsBefore);
    expect(host.getNote(ROLL, dateCell)).toBeNull();
    expect(host.getNote(ROLL, presentCell)).toBe('Hỏi lại đồng chí Bình');
  });

  it('checking twice gives the same workbook as checking once', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    const host = await hostFor(build(data).workbook);
    await check(host);
    const once = await (await host.toExcelJs()).xlsx.writeBuffer();
    await check(host);
    const twice = await (await host.toExcelJs()).xlsx.writeBuffer();
    const onceWb = new ExcelJS.Workbook();
    await onceWb.xlsx.load(once as ArrayBuffer);
    const twiceWb = new ExcelJS.Workbook();
    await twiceWb.xlsx.load(twice as ArrayBuffer);
    expect(twiceWb.worksheets.map((w) => w.name)).toEqual(onceWb.worksheets.map((w) => w.name));
    for (const name of INPUT_SHEETS) expect(host.getValues(name)).toBeDefined();
    expect(host.getFill(ROLL, at('roll', 4, 'birthDate'))).toBe(FLAG_FILL.error);
  });

  it('text that looks like a formula is written as text', async () => {
    const data = example();
    data.roll[0].name = '=1+1';
    data.tally[0].name = '=1+1';
    const host = await hostFor(build(data).workbook);
    await check(host);
    for (const name of [RESULT_SHEETS.members, RESULT_SHEETS.issues, RESULT_SHEETS.chiBo]) {
      for (const row of host.getValues(name) as unknown[][]) for (const v of row) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
    }
    expect((host.getValues(RESULT_SHEETS.members) as unknown[][]).flat()).toContain('=1+1');
  });

  it('settings are saved in the workbook and used by the next check', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    await withGlobals(host, () => host.run((context) => saveSettings(context, { denominator: 'present' })));
    const saved = await withGlobals(host, () => host.run((context) => readState(context)));
    expect(saved.state.settings).toEqual({ denominator: 'present' });
    const result = await check(host);
    expect(result.options.denominator).toBe('present');
    expect(result.figures?.n).toBe(15);
  });

  it('works on Excel 2016 (ExcelApi 1.1): no notes, one range per cell, same results', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    const host = await hostFor(build(data).workbook, '1.1');
    const result = await check(host);
    expect(host.getFill(ROLL, at('roll', 4, 'birthDate'))).toBe(FLAG_FILL.error);
    expect(result.issues.some((i) => i.rule === 'DATA-03')).toBe(true);
    expect(host.sheetNames()).toContain(RESULT_SHEETS.issues);
  });
});

describe('Office round trips do not grow with the workbook', () => {
  async function syncsFor(members: number) {
    const host = await hostFor(bigChiBo(members).workbook);
    host.resetStats();
    const result = await check(host);
    return { syncs: host.stats.syncs, maxBytes: host.stats.maxRequestBytes, members: result.members.length };
  }

  it('10,000 flagged cells: the check goes through, every request under 5 MB', async () => {
    const { workbook, layout } = bigChiBo(5000);
    const roll = workbook.getWorksheet(ROLL) as ExcelJS.Worksheet;
    const present = layout.roll.columns.get('present') as number;
    const reviewed = layout.roll.columns.get('selfReviewed') as number;
    for (let i = 0; i < 5000; i++) {
      roll.getCell(layout.roll.firstDataRow + i, present).value = 'có lẽ';
      roll.getCell(layout.roll.firstDataRow + i, reviewed).value = 'chắc là';
    }
    const host = await hostFor(workbook);
    host.resetStats();
    const result = await check(host);
    expect(result.issues.filter((i) => i.rule === 'DATA-02').length).toBe(10_000);
    expect(host.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(host.getFill(ROLL, at('roll', 4999, 'present'))).toBe(FLAG_FILL.error);
  }, 120_000);

  it('the same number of syncs (at most 6) at 50 and 5,000 members, every request under 5 MB', async () => {
    const small = await syncsFor(50);
    const large = await syncsFor(5000);
    expect(small.members).toBe(50);
    expect(large.members).toBe(5000);
    expect(large.syncs).toBe(small.syncs);
    expect(large.syncs).toBeLessThanOrEqual(6);
    expect(large.maxBytes).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);
});
