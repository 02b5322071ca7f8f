/**
 * The add-in's real Office.js code against the fake Excel host: the same results as the command line,
 * flags that come and go and restore exactly what was there, result sheets, and a sync count that does
 * not grow with the workbook.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { MORE_RESULT_SHEETS, RESULT_SHEETS } from '../../src/core/forms/definitions';
import { FONT_NAME } from '../../src/core/output/layout';
import { FLAG_FILL, resultSheets } from '../../src/core/output/resultSheets';
import { rectanglesOf } from '../../src/office/renderLayout';
import { a1 } from '../../src/core';
import { checkInExcel, clearFlags, readState, saveSettings } from '../../src/office/checkInExcel';
import { readWorkbook } from '../../src/office/readWorkbook';
import { STATE_SHEET } from '../../src/office/state';
import { writeCases } from '../fixtures/bad/generate';
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

/** With the host's globals installed, as in the task pane. */
const withGlobals = <T>(host: FakeExcelHost, fn: () => Promise<T>): Promise<T> => host.withGlobals(fn);

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
    const before = inputValues(host);
    const everything = () => ({ values: host.sheetNames().map((name) => [name, host.getValues(name)]), notes: host.getNotes() });
    await check(host);
    const afterOnce = everything();
    const once = await (await host.toExcelJs()).xlsx.writeBuffer();
    await check(host);
    const twice = await (await host.toExcelJs()).xlsx.writeBuffer();
    const onceWb = new ExcelJS.Workbook();
    await onceWb.xlsx.load(once as ArrayBuffer);
    const twiceWb = new ExcelJS.Workbook();
    await twiceWb.xlsx.load(twice as ArrayBuffer);
    expect(twiceWb.worksheets.map((w) => w.name)).toEqual(onceWb.worksheets.map((w) => w.name));
    // Every sheet's values (inputs, result sheets, the state sheet) and every note are as after one check,
    // and the input values as before any.
    expect(everything()).toEqual(afterOnce);
    expect(inputValues(host)).toEqual(before);
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

  it('formats every cell of the result sheets as its layout says, though calls go per property over rectangles', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    const result = await check(host);
    const inputs = new Set(host.sheetNames());
    for (const layout of resultSheets(result, (name) => inputs.has(name))) {
      for (const cell of layout.cells) {
        const style = cell.style;
        if (!style) continue;
        const address = a1(cell.row, cell.col);
        const format = host.getFormat(layout.name, address);
        const seen = { name: format.font.name, size: format.font.size, bold: format.font.bold, fill: format.fill, wrap: format.wrapText, align: format.horizontalAlignment, top: format.verticalAlignment };
        const wanted = { name: FONT_NAME, size: style.size ?? 12, bold: Boolean(style.bold), fill: style.fill ?? null, wrap: Boolean(style.wrap), align: style.align ? { left: 'Left', center: 'Center', right: 'Right' }[style.align] : 'General', top: 'Top' };
        expect({ sheet: layout.name, address, ...seen }).toEqual({ sheet: layout.name, address, ...wanted });
        if (style.border) expect(Object.values(host.getBorders(layout.name, address))).toEqual(['Continuous', 'Continuous', 'Continuous', 'Continuous']);
      }
      for (const [row, height] of layout.rowHeights) expect(host.getRowHeight(layout.name, row + 1)).toBe(height);
    }
  });

  it('rectanglesOf covers exactly the cells given, stacking equal runs of consecutive rows', () => {
    const cells = [
      ...[0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => ({ row, col }))),
      { row: 3, col: 1 },
      { row: 5, col: 0 },
      { row: 5, col: 1 },
      { row: 6, col: 0 },
      { row: 6, col: 1 },
      { row: 6, col: 4 },
      { row: 1, col: 1 },
    ];
    const rects = rectanglesOf(cells);
    expect(rects).toHaveLength(4);
    const covered = rects.flatMap((r) => Array.from({ length: (r.bottom - r.top + 1) * (r.right - r.left + 1) }, (_, i) => `${r.top + Math.floor(i / (r.right - r.left + 1))},${r.left + (i % (r.right - r.left + 1))}`));
    expect(new Set(covered).size).toBe(covered.length);
    expect(new Set(covered)).toEqual(new Set(cells.map((c) => `${c.row},${c.col}`)));
  });

  it('works on Excel 2016 (ExcelApi 1.1): no notes, one range per cell, same results, no more syncs', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    const host = await hostFor(build(data).workbook, '1.1');
    host.resetStats();
    const result = await check(host);
    expect(host.stats.syncs).toBeLessThanOrEqual(6);
    expect(host.getFill(ROLL, at('roll', 4, 'birthDate'))).toBe(FLAG_FILL.error);
    expect(result.issues.some((i) => i.rule === 'DATA-03')).toBe(true);
    expect(host.sheetNames()).toContain(RESULT_SHEETS.issues);
  });
});

describe('DATA-07 in Excel: hidden rows and columns, merged cells inside a table', () => {
  let dir: string;
  let corpus: Map<string, string>;
  const CASES = ['hidden-rows', 'hidden-columns', 'merged-data-cells'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xeploai-data07-'));
    corpus = await writeCases(dir, { only: (c) => CASES.includes(c.id) });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const data07 = <T extends { rule: string }>(issues: readonly T[]): T[] => issues.filter((i) => i.rule === 'DATA-07');

  it.each(CASES)('%s: the same DATA-07 issues through the fake host as from `xeploai check`, on ExcelApi 1.18 and 1.8', async (id) => {
    const path = corpus.get(id) as string;
    let out = '';
    await main(['check', path, '--json'], { out: (t) => (out += t), err: () => undefined });
    const cli = data07((JSON.parse(out) as { issues: { rule: string; file: string }[] }).issues).map(({ file: _file, ...rest }) => rest);
    expect(cli.length).toBeGreaterThan(0);
    const latest = await check(await FakeExcelHost.fromXlsx(readFileSync(path)));
    expect(data07(latest.issues)).toEqual(cli);
    // Before getRowProperties (1.9) hidden rows are found one row at a time; merges need 1.13.
    const older = await check(await FakeExcelHost.fromXlsx(readFileSync(path), { apiVersion: '1.8' }));
    expect(data07(older.issues)).toEqual(id === 'merged-data-cells' ? [] : cli);
  });

  async function syncsOf(edit: (roll: ExcelJS.Worksheet) => void, apiVersion = '1.18') {
    const { workbook } = build(example(), (wb) => edit(wb.getWorksheet(ROLL) as ExcelJS.Worksheet));
    const host = await hostFor(workbook, apiVersion);
    host.resetStats();
    const result = await check(host);
    return { syncs: host.stats.syncs, issues: data07(result.issues), log: host.stats.log };
  }
  const rowOf = (key: string, index: number): number => Number(/\d+$/.exec(at('roll', index, key))![0]);

  it('a merged area inside the roll costs no sync; a hidden row or column one more, whole or in part', async () => {
    const none = await syncsOf(() => undefined);
    expect(none.issues).toEqual([]);
    const merged = await syncsOf((roll) => roll.mergeCells(`${at('roll', 2, 'note')}:${at('roll', 3, 'note')}`));
    expect(merged.issues.map((i) => i.cell)).toEqual([at('roll', 2, 'note')]);
    expect(merged.syncs).toBe(none.syncs);
    const hiddenRow = await syncsOf((roll) => void (roll.getRow(rowOf('name', 3)).hidden = true));
    expect(hiddenRow.issues.map((i) => i.cell)).toEqual([at('roll', 3, 'stt')]);
    expect(hiddenRow.syncs).toBe(none.syncs + 1);
    const both = await syncsOf((roll) => {
      roll.getRow(rowOf('name', 3)).hidden = true;
      roll.getRow(rowOf('name', 7)).hidden = true;
      roll.getColumn(/^[A-Z]+/.exec(at('roll', 0, 'birthDate'))![0]).hidden = true;
      roll.mergeCells(`${at('roll', 2, 'note')}:${at('roll', 3, 'note')}`);
    });
    expect(both.issues).toHaveLength(3);
    expect(both.issues.find((i) => i.messageEn.includes('hidden row'))?.messageEn).toContain(`rows ${rowOf('name', 3)}, ${rowOf('name', 7)})`);
    expect(both.syncs).toBe(none.syncs + 1);
  });

  it('a sheet of more than 512 merged areas (which Excel will not list) is read without merges, in one sync more', async () => {
    const none = await syncsOf(() => undefined);
    const many = await syncsOf((roll) => {
      // Far right of the table, empty: Excel still counts them.
      for (let r = 1; r <= 520; r++) roll.mergeCells(r, 40, r, 41);
      roll.getRow(rowOf('name', 3)).hidden = true;
    });
    expect(many.log.some((r) => r.error === 'GeneralException')).toBe(true);
    expect(many.issues.map((i) => i.cell)).toEqual([at('roll', 3, 'stt')]);
    expect(many.syncs).toBe(none.syncs + 2);
  });

  it('hidden rows among 50,000 are found in one sync whose response stays under 5 MB (readWorkbook)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dài');
    for (let r = 1; r <= 50_000; r++) ws.getCell(r, 1).value = r;
    for (const r of [2, 25_000, 50_000]) ws.getRow(r).hidden = true;
    const host = await hostFor(wb);
    host.resetStats();
    const model = await withGlobals(host, () => host.run((context) => readWorkbook(context)));
    expect(model.sheets[0].hiddenRows).toEqual([1, 24_999, 49_999]);
    expect(model.sheets[0].hiddenCols).toEqual([]);
    expect(model.sheets[0].merges).toEqual([]);
    // Names, first rows with the shape, the hidden rows located, then the rows after FIRST_READ_ROWS in
    // one part: the meeting sheets read as the check does (one reader), never all 50,000 rows at once.
    expect(host.stats.syncs).toBe(4);
    expect(model.sheets[0].values.map((row) => row[0])).toEqual(Array.from({ length: 50_000 }, (_, i) => i + 1));
    const locate = host.stats.log[2];
    expect(locate.responseBytes).toBeGreaterThan(50_000 * 15);
    expect(locate.responseBytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('Office round trips do not grow with the workbook', () => {
  const LIMIT = 5 * 1024 * 1024;

  async function traffic(workbook: ExcelJS.Workbook, options: { responseLimitBytes?: number } = {}) {
    const buffer = await workbook.xlsx.writeBuffer();
    const host = await FakeExcelHost.fromXlsx(new Uint8Array(buffer as ArrayBuffer), options);
    host.resetStats();
    const result = await check(host);
    // A response refused for its size is recorded with the size it would have had; count those delivered.
    const maxResponse = Math.max(...host.stats.log.filter((r) => r.error === null).map((r) => r.responseBytes));
    return { host, result, syncs: host.stats.syncs, maxRequest: host.stats.maxRequestBytes, maxResponse };
  }

  /** A chi bộ of `members` with `cells` misspelt yes/no answers that change nothing else (each one DATA-02 flag). */
  function misspelt(members: number, cells: number): ExcelJS.Workbook {
    const { workbook, layout } = bigChiBo(members);
    const roll = workbook.getWorksheet(ROLL) as ExcelJS.Worksheet;
    const columns = [layout.roll.columns.get('cstd') as number, layout.roll.columns.get('commendation') as number];
    for (let i = 0; i < cells; i++) roll.getCell(layout.roll.firstDataRow + Math.floor(i / 2), columns[i % 2]).value = i % 2 ? 'chắc là' : 'có lẽ';
    return workbook;
  }

  it('the same number of syncs (at most 6) at 50 and 5,000 members, every request and response under 5 MB', async () => {
    const small = await traffic(bigChiBo(50).workbook);
    const large = await traffic(bigChiBo(5000).workbook);
    expect(small.result.members).toHaveLength(50);
    expect(large.result.members).toHaveLength(5000);
    expect(large.syncs).toBe(small.syncs);
    expect(large.syncs).toBeLessThanOrEqual(6);
    expect(large.maxRequest).toBeLessThan(LIMIT);
    expect(large.maxResponse).toBeLessThan(LIMIT);
  }, 120_000);

  it('DATA-02 on 10,000 cells costs no more syncs than on 10, every request under 5 MB, every flag with its fill and note', async () => {
    const few = await traffic(misspelt(5000, 10));
    const many = await traffic(misspelt(5000, 10_000));
    expect(few.result.issues.filter((i) => i.rule === 'DATA-02')).toHaveLength(10);
    expect(many.result.issues.filter((i) => i.rule === 'DATA-02')).toHaveLength(10_000);
    expect(many.syncs).toBeLessThanOrEqual(few.syncs);
    expect(many.maxRequest).toBeLessThan(LIMIT);
    expect(many.maxResponse).toBeLessThan(LIMIT);
    const last = at('roll', 4999, 'cstd');
    expect(many.host.getFill(ROLL, last)).toBe(FLAG_FILL.error);
    expect(many.host.getNote(ROLL, last)).toMatch(/^\[DATA-02\] /);
    // Checked again: the add-in's own notes are replaced without probing them, in as many syncs.
    many.host.resetStats();
    await check(many.host);
    expect(many.host.stats.syncs).toBeLessThanOrEqual(few.syncs);
    expect(many.host.getNote(ROLL, last)).toMatch(/^\[DATA-02\] /);
    expect(many.host.getNotes().filter((n) => n.sheet === ROLL && n.content.startsWith('[DATA-02]'))).toHaveLength(10_000);
  }, 120_000);

  it('a flag note names the rule and the message, not the cell it is on', async () => {
    const { result, host } = await traffic(misspelt(50, 1));
    const issue = result.issues.find((i) => i.rule === 'DATA-02')!;
    const note = host.getNote(ROLL, issue.cell!) as string;
    expect(issue.message).toContain(issue.cell!);
    expect(note.startsWith('[DATA-02] ')).toBe(true);
    expect(note).not.toContain(`ô ${issue.cell}`);
  });

  it('a response over the limit is read again in smaller parts: same results', async () => {
    const workbook = bigChiBo(2000).workbook;
    const normal = await traffic(workbook);
    // 200 KB: the first rows of the roll alone pass it, so the sheets are read in parts.
    const small = await traffic(workbook, { responseLimitBytes: 200 * 1024 });
    expect(small.maxResponse).toBeLessThan(200 * 1024);
    expect(small.syncs).toBeGreaterThan(normal.syncs);
    expect(small.result.members).toEqual(normal.result.members);
    expect(small.result.issues).toEqual(normal.result.issues);
  }, 120_000);
});
