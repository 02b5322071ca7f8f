/**
 * "Tổng hợp các chi bộ" inside Excel: chi bộ workbooks of the plan (src/xlsx/wardExample.ts), as bytes the
 * clerk picks from disk, combined into the open workbook through the fake Excel host — the same counts as
 * `xeploai aggregate --json` on the same files, a native chart over the per-level lines, an unreadable
 * file named and left out, and a sync count that does not grow with the number of files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { a1 } from '../../src/core/grid';
import { aggregateWard } from '../../src/core/aggregate';
import { checkWorkbook } from '../../src/core/check';
import { wardSheet } from '../../src/core/output/ward';
import { chartBlock } from '../../src/office/ward';
import { combineFilesIntoOpenWorkbook, ExcelUnavailableError, type PickedFile } from '../../src/office/runCheck';
import { fillWorkbook } from '../../src/xlsx/fill';
import { loadXlsxBuffer, UnreadableWorkbookError, workbookToModel } from '../../src/xlsx/readXlsx';
import { WARD_CHI_BO, wardChiBoData } from '../../src/xlsx/wardExample';
import { FakeExcelHost } from '../fake-excel';

const LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;

interface WardJson {
  ward: {
    heading: { year: number | null };
    members: { total: number; classified: number; levels: Record<string, { count: number }>; undetermined: number };
    chiBo: { total: number; classified: number; levels: Record<string, { count: number }> };
  };
}

/** Chi bộ `index` of the plan as the bytes of its .xlsx file. */
async function chiBoFile(index: number): Promise<PickedFile> {
  const { workbook } = fillWorkbook(wardChiBoData(index));
  const data = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { name: `chi-bo-${index + 1}.xlsx`, data };
}

function emptyHost(apiVersion = '1.18'): FakeExcelHost {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  return FakeExcelHost.fromWorkbook(wb, { apiVersion });
}

async function combine(host: FakeExcelHost, files: readonly PickedFile[]): ReturnType<typeof combineFilesIntoOpenWorkbook> {
  const restore = host.installGlobals();
  try {
    return await combineFilesIntoOpenWorkbook(files);
  } finally {
    restore();
  }
}

/** `xeploai aggregate … --json` on the same files, written to a temporary folder. */
async function cliAggregate(files: readonly PickedFile[]): Promise<WardJson> {
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-ward-'));
  try {
    const paths = files.map((f) => {
      const path = join(dir, f.name);
      writeFileSync(path, f.data as Uint8Array);
      return path;
    });
    let out = '';
    const code = await main(['aggregate', ...paths, '--out', join(dir, 'TONGHOP.xlsx'), '--json'], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBeLessThan(2);
    return JSON.parse(out) as WardJson;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The value of column C on the row of `Tổng hợp` whose column B reads `label`. */
function countBeside(host: FakeExcelHost, label: string): unknown {
  const rows = host.getValues('Tổng hợp');
  const row = rows.find((r) => r[1] === label);
  if (!row) throw new Error(`no row "${label}" in Tổng hợp`);
  // Nội dung is merged over B:C; Số lượng is D.
  return row[3];
}

describe('combining chi bộ workbooks into the open workbook', () => {
  let files: PickedFile[];
  beforeAll(async () => {
    files = await Promise.all([0, 1, 2, 3].map(chiBoFile));
  });

  it('writes Tổng hợp with the same counts as `xeploai aggregate` on the same files, and a chart of the levels', async () => {
    const host = emptyHost();
    const summary = await combine(host, files);
    const cli = await cliAggregate(files);
    expect(summary).toMatchObject({ files: 4, chiBo: 4, unreadable: [] });
    expect(cli.ward.chiBo.total).toBe(4);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(['Sheet1', 'Tổng hợp', 'Kiểm tra']));
    expect(host.getSelection().sheet).toBe('Tổng hợp');

    const m = cli.ward.members;
    expect(countBeside(host, 'Tổng số đảng viên trong danh sách các chi bộ')).toBe(m.total);
    expect(countBeside(host, 'Số đảng viên được phân loại')).toBe(m.classified);
    expect(countBeside(host, 'Chưa xác định (chi bộ phải xử lý)')).toBe(m.undetermined);
    // Section V lists each chi bộ by name.
    const names = host.getValues('Tổng hợp').flat();
    for (const name of WARD_CHI_BO.slice(0, 4)) expect(names.some((v) => typeof v === 'string' && v.includes(name))).toBe(true);

    // The layout the core gives for the same files says where the chart's data is.
    const checked = await Promise.all(files.map(async (f) => ({ path: f.name, result: checkWorkbook(workbookToModel(await loadXlsxBuffer(f.data, f.name))) })));
    const source = wardSheet(aggregateWard(checked)).chartSource;
    if (!source) throw new Error('Tổng hợp has no chartSource');
    const block = chartBlock(source);
    if (!block) throw new Error('the chartSource is not a two-column block');

    const charts = host.getCharts('Tổng hợp');
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.title).toBe(source.title);
    expect(chart.title).toMatch(/^Chất lượng đảng viên/);
    expect(chart.source).toBe(`'Tổng hợp'!${a1(block.top, block.left)}:${a1(block.bottom, block.right)}`);
    expect(chart.seriesBy).toBe('Columns');
    expect(chart.legend.visible).toBe(false);
    expect(chart.dataLabels.showValue).toBe(true);
    expect(chart.position).toEqual({ startCell: a1(source.anchor.top, source.anchor.left), endCell: a1(source.anchor.bottom, source.anchor.right) });
    expect(chart.series).toHaveLength(1);
    expect(chart.series[0].values).toEqual(LEVELS.map((l) => m.levels[l].count));
    expect(chart.series[0].categories).toHaveLength(LEVELS.length);
  });

  it('files of issue 12 (ISO dates, a prefixed sheet XML) are combined with the counts `xeploai aggregate` gives', async () => {
    const bad = join(__dirname, '..', 'fixtures', 'bad', 'files');
    const picked = ['iso-dates.xlsx', 'namespace-prefix.xlsx'].map((name) => ({ name, data: new Uint8Array(readFileSync(join(bad, name))) }));
    const host = emptyHost();
    const summary = await combine(host, [files[0], ...picked]);
    const cli = await cliAggregate([files[0], ...picked]);
    expect(summary.unreadable).toEqual([]);
    expect(summary.files).toBe(3);
    const m = cli.ward.members;
    expect(countBeside(host, 'Tổng số đảng viên trong danh sách các chi bộ')).toBe(m.total);
    expect(countBeside(host, 'Số đảng viên được phân loại')).toBe(m.classified);
    expect(countBeside(host, 'Chưa xác định (chi bộ phải xử lý)')).toBe(m.undetermined);
  });

  it('names a file that is not a workbook and still combines the others', async () => {
    const host = emptyHost();
    const broken: PickedFile = { name: 'hong.xlsx', data: new TextEncoder().encode('not a zip') };
    const summary = await combine(host, [files[0], broken, files[1]]);
    expect(summary.files).toBe(2);
    expect(summary.chiBo).toBe(2);
    expect(summary.unreadable).toHaveLength(1);
    expect(summary.unreadable[0].name).toBe('hong.xlsx');
    expect(summary.unreadable[0].reason).toMatch(/^hong\.xlsx: không đọc được tệp Excel \.xlsx/);
    expect(summary.unreadable[0].reason).not.toContain('\n');
    const cli = await cliAggregate([files[0], files[1]]);
    expect(countBeside(host, 'Tổng số đảng viên trong danh sách các chi bộ')).toBe(cli.ward.members.total);
  });

  it('writes nothing when no file can be read', async () => {
    const host = emptyHost();
    const summary = await combine(host, [{ name: 'a.xlsx', data: new TextEncoder().encode('not a zip') }]);
    expect(summary).toMatchObject({ files: 0, chiBo: 0, errors: 0, warnings: 0 });
    expect(summary.unreadable.map((u) => u.name)).toEqual(['a.xlsx']);
    expect(host.sheetNames()).toEqual(['Sheet1']);
    expect(host.stats.syncs).toBe(0);
  });

  it('syncs the same number of times for two files as for four, and replaces its sheets when run again', async () => {
    const two = emptyHost();
    await combine(two, files.slice(0, 2));
    const four = emptyHost();
    await combine(four, files);
    expect(two.stats.syncs).toBe(2);
    expect(four.stats.syncs).toBe(two.stats.syncs);

    four.resetStats();
    await combine(four, files.slice(0, 2));
    expect(four.stats.syncs).toBe(2);
    expect(four.sheetNames().filter((n) => n === 'Tổng hợp')).toHaveLength(1);
    expect(four.getCharts('Tổng hợp')).toHaveLength(1);
  });

  it('refuses outside Excel', async () => {
    await expect(combineFilesIntoOpenWorkbook(files)).rejects.toBeInstanceOf(ExcelUnavailableError);
  });
});

describe('loadXlsxBuffer', () => {
  it('reads the bytes of a workbook, and refuses anything else with one line', async () => {
    const file = await chiBoFile(0);
    expect((await loadXlsxBuffer(file.data, file.name)).worksheets.length).toBeGreaterThan(0);
    const ab = (file.data as Uint8Array).slice().buffer;
    expect((await loadXlsxBuffer(ab, file.name)).worksheets.length).toBeGreaterThan(0);
    await expect(loadXlsxBuffer(new TextEncoder().encode('not a zip'), 'x.xlsx')).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});
