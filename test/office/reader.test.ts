/**
 * One Office reader and one requirement-set check (issue 12): the check, the meeting sheets and the
 * conversion load cell values only through readWorkbook.ts's `readOpenWorkbook`, in its syncs; the
 * requirement check answers false outside Office; the workbook's date system is read where the host
 * can tell it (ExcelApi 1.2, the DATE function), in the names' sync, and not asked of an older host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { API, supports } from '../../src/office/api';
import { checkInExcel } from '../../src/office/checkInExcel';
import { convertLegacyInExcel } from '../../src/office/convertLegacy';
import { writeBallotInExcel, writeMinutesInExcel } from '../../src/office/meeting';
import { readOpenWorkbook } from '../../src/office/readWorkbook';
import { isExcelAvailable } from '../../src/office/runCheck';
import { STATE_SHEET } from '../../src/office/state';
import { FakeExcelHost, type FakeWorkbookSnapshot, type SnapshotFormat } from '../fake-excel';
import { buildPackage } from '../fake-excel/packages';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const OFFICE = join(__dirname, '..', '..', 'src', 'office');

const example = (apiVersion = '1.18') => FakeExcelHost.fromXlsx(readFileSync(EXAMPLE), { apiVersion });

/** The syncs (0-based) in which a command loaded `Range.values`, one entry per load. */
const valueLoads = (host: FakeExcelHost): number[] => host.stats.log.flatMap((sync, i) => sync.loads.filter((l) => l === 'Range.values').map(() => i));

describe('one Office reader', () => {
  it('no module of src/office but readWorkbook.ts reads used ranges or loads cell values', () => {
    const readers = readdirSync(OFFICE)
      .filter((file) => file.endsWith('.ts') && file !== 'readWorkbook.ts')
      .filter((file) => {
        const source = readFileSync(join(OFFICE, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        return /getUsedRange|\.load\([^)]*\bvalues\b|\bvalueTypes\b|\btext\b'\)/.test(source);
      });
    expect(readers).toEqual([]);
  });

  it('check, ballot, minutes and conversion load values only in the reader`s two syncs, once per sheet', async () => {
    const sheets = (await example()).sheetNames();
    const inputs = sheets.filter((s) => s !== STATE_SHEET);

    const checked = await example();
    await checked.withGlobals(() => checked.run((context) => checkInExcel(context)));
    // Each input sheet's first rows, and the state sheet (absent: its null object still loads).
    expect(valueLoads(checked)).toEqual([0, ...inputs.map(() => 1)]);

    const commands: ((context: Excel.RequestContext) => Promise<unknown>)[] = [
      (context: Excel.RequestContext) => writeBallotInExcel(context, 1),
      (context: Excel.RequestContext) => writeMinutesInExcel(context),
      (context: Excel.RequestContext) => convertLegacyInExcel(context),
    ];
    for (const command of commands) {
      const host = await example();
      await host.withGlobals(() => host.run(command));
      expect(valueLoads(host)).toEqual(inputs.map(() => 1));
    }
  });

  it('the same model for every command: the check`s and the meeting`s are equal', async () => {
    const host = await example();
    const all = await host.withGlobals(() => host.run((context) => readOpenWorkbook(context)));
    const inputs = await host.withGlobals(() => host.run((context) => readOpenWorkbook(context, { include: (n) => n !== STATE_SHEET, shapes: false })));
    expect(all.model.reader).toEqual({ name: 'excel' });
    expect(inputs.model.sheets.map((s) => s.values)).toEqual(all.model.sheets.map((s) => s.values));
    expect(all.model.sheets.find((s) => s.name === 'Danh sách đảng viên')?.values.length).toBeGreaterThan(5);
  });
});

describe('one requirement-set check', () => {
  it('only api.ts asks Office for requirement sets', () => {
    const SRC = join(__dirname, '..', '..', 'src');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const askers = files(SRC)
      .filter((file) => /isSetSupported\s*\(/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((file) => file.slice(SRC.length + 1));
    expect(askers).toEqual([join('office', 'api.ts')]);
  });

  it('outside Office: false for every version, and Excel is not available', () => {
    expect(typeof Office).toBe('undefined');
    expect(supports('1.1')).toBe(false);
    expect(supports(API.nullObjects)).toBe(false);
    expect(isExcelAvailable()).toBe(false);
  });

  it('office.js loaded outside an Office host (no requirements object): false, without throwing', () => {
    const g = globalThis as Record<string, unknown>;
    g.Office = { context: {} };
    g.Excel = {};
    try {
      expect(supports('1.1')).toBe(false);
      expect(isExcelAvailable()).toBe(false);
    } finally {
      delete g.Office;
      delete g.Excel;
    }
  });

  it('in Excel: what the host says, up to its version', async () => {
    const host = await example('1.4');
    await host.withGlobals(async () => {
      expect(supports('1.1')).toBe(true);
      expect(supports(API.nullObjects)).toBe(true);
      expect(supports(API.rangeAreas)).toBe(false);
      expect(isExcelAvailable()).toBe(true);
    });
  });
});

/** The same workbook in the 1904 date system: every date cell's serial 1462 less. */
function as1904(snapshot: FakeWorkbookSnapshot): FakeWorkbookSnapshot {
  const formats = snapshot.formats ?? [];
  const formatOf = (f: number | SnapshotFormat | undefined): SnapshotFormat | undefined => (typeof f === 'number' ? formats[f] : f);
  const isDate = (f: SnapshotFormat | undefined) => /[dy]/i.test(f?.numberFormat?.replace(/"[^"]*"/g, '') ?? '');
  let shifted = 0;
  const sheets = snapshot.sheets.map((sheet) => ({
    ...sheet,
    cells: Object.fromEntries(
      Object.entries(sheet.cells ?? {}).map(([address, cell]) => {
        if (cell === null || typeof cell !== 'object' || 'error' in cell) return [address, cell];
        const c = cell as { value?: unknown; format?: number | SnapshotFormat };
        if (typeof c.value !== 'number' || !isDate(formatOf(c.format))) return [address, cell];
        shifted++;
        return [address, { ...c, value: c.value - 1462 }];
      }),
    ),
  }));
  expect(shifted).toBeGreaterThan(10);
  return { ...snapshot, date1904: true, sheets } as FakeWorkbookSnapshot;
}

describe('the workbook date system in Excel', () => {
  it('a 1904 workbook gives the same check as its 1900 copy (dates read in the workbook`s system)', async () => {
    const host1900 = await example();
    const host1904 = FakeExcelHost.fromSnapshot(as1904(host1900.toSnapshot()));
    const check = (host: FakeExcelHost) => host.withGlobals(() => host.run((context) => checkInExcel(context)));
    const [a, b] = [await check(host1900), await check(host1904)];
    expect(JSON.parse(JSON.stringify(b.members))).toEqual(JSON.parse(JSON.stringify(a.members)));
    expect(b.issues.map((i) => `${i.rule} ${i.cell}`)).toEqual(a.issues.map((i) => `${i.rule} ${i.cell}`));
  });

  it('read with the names (no sync more) where the host has Workbook.functions (1.2)', async () => {
    const bytes = await buildPackage({ date1904: true, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>41608</v></c></row>' }] });
    const host = await FakeExcelHost.fromXlsx(bytes, { apiVersion: '1.2' });
    const read = await host.withGlobals(() => host.run((context) => readOpenWorkbook(context)));
    expect(read.model.date1904).toBe(true);
    expect(read.model.sheets[0].values).toEqual([[41608]]);
    expect(host.stats.log[0].loads).toContain('FunctionResult.value');
    expect(host.stats.syncs).toBe(2);
  });

  it('not asked of Excel 2016 before 1.2 (the host would refuse): taken as 1900, and said so by the model', async () => {
    const bytes = await buildPackage({ date1904: true, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>41608</v></c></row>' }] });
    const host = await FakeExcelHost.fromXlsx(bytes, { apiVersion: '1.1' });
    const read = await host.withGlobals(() => host.run((context) => readOpenWorkbook(context)));
    expect(read.model.date1904).toBeUndefined();
    expect(host.stats.log.flatMap((s) => s.loads)).not.toContain('FunctionResult.value');
    expect(host.stats.log.every((s) => s.error === null)).toBe(true);
  });
});

describe('the files of issue 12 in Excel', () => {
  const BAD = join(__dirname, '..', 'fixtures', 'bad', 'files');
  it.each(['iso-dates.xlsx', 'namespace-prefix.xlsx', 'count-formatted-as-date.xlsx'])('%s: the same members and issues as `xeploai check`', async (file) => {
    const path = join(BAD, file);
    const host = await FakeExcelHost.fromXlsx(readFileSync(path));
    const inExcel = await host.withGlobals(() => host.run((context) => checkInExcel(context)));
    let out = '';
    await main(['check', path, '--json'], { out: (t) => (out += t), err: () => undefined });
    const cli = JSON.parse(out) as { members: unknown[]; issues: { file: string; rule: string; cell: string | null }[] };
    expect(cli.members.length).toBeGreaterThan(5);
    expect(JSON.parse(JSON.stringify(inExcel.members))).toEqual(cli.members);
    expect(inExcel.issues.map((i) => `${i.rule} ${i.sheet} ${i.cell}`)).toEqual(cli.issues.map((i) => `${i.rule} ${(i as { sheet?: string }).sheet} ${i.cell}`));
  });
});
