/**
 * "Chuyển sang Unicode" (DATA-06) through the fake Excel host: legacy cells get their Unicode text,
 * every other cell keeps its value and format, a check afterwards finds no DATA-06, and the traffic is
 * a fixed number of syncs.
 */
import ExcelJS from 'exceljs';
import { encodeTcvn3, encodeVni } from '../../src/core/text/legacy';
import { checkInExcel } from '../../src/office/checkInExcel';
import { convertLegacyInExcel } from '../../src/office/convertLegacy';
import { convertOpenWorkbookToUnicode } from '../../src/office/runCheck';
import { FakeExcelHost } from '../fake-excel';
import { bigChiBo } from '../helpers/generate';
import { at, build, example } from '../helpers/workbook';

const ROLL = 'Danh sách đảng viên';
const tcvn3 = (text: string) => encodeTcvn3(text) as string;
const vni = (text: string) => encodeVni(text) as string;

async function hostFor(wb: ExcelJS.Workbook, apiVersion = '1.18'): Promise<FakeExcelHost> {
  const buffer = await wb.xlsx.writeBuffer();
  return FakeExcelHost.fromXlsx(new Uint8Array(buffer as ArrayBuffer), { apiVersion });
}

/** With the host's globals installed, as in the task pane. */
const withGlobals = <T>(host: FakeExcelHost, fn: () => Promise<T>): Promise<T> => host.withGlobals(fn);

/** The example with three roll names typed in legacy codes, one of them in a text-formatted cell. */
function legacyExample(): { workbook: ExcelJS.Workbook; names: Map<string, string> } {
  const data = example();
  const names = new Map<string, string>();
  const edits: [number, (t: string) => string][] = [[0, tcvn3], [2, vni], [4, tcvn3]];
  for (const [i, encode] of edits) {
    const name = String(data.roll[i].name);
    names.set(at('roll', i, 'name'), name);
    data.roll[i].name = encode(name);
  }
  const { workbook } = build(data, (wb) => {
    const ws = wb.getWorksheet(ROLL) as ExcelJS.Worksheet;
    ws.getCell(at('roll', 4, 'name')).numFmt = '@';
  });
  return { workbook, names };
}

describe('DATA-06 conversion in Excel', () => {
  it('DATA-06 converts each legacy cell to its Unicode text and changes no other value', async () => {
    const { workbook, names } = legacyExample();
    const host = await hostFor(workbook);
    const beforeIssues = await withGlobals(host, () => host.run((context) => checkInExcel(context)));
    expect(beforeIssues.issues.filter((i) => i.rule === 'DATA-06').map((i) => i.cell).sort()).toEqual([...names.keys()].sort());
    expect(beforeIssues.issues.filter((i) => i.rule === 'DATA-08')).toEqual([]);

    const fresh = await hostFor(legacyExample().workbook);
    const original = fresh.getValues(ROLL) as unknown[][];
    const syncsBefore = fresh.stats.syncs;
    const result = await withGlobals(fresh, () => fresh.run((context) => convertLegacyInExcel(context)));
    expect(result).toEqual({ cells: 3, sheets: 1 });
    // Names, values, candidate formats (and fonts), writes.
    expect(fresh.stats.syncs - syncsBefore).toBe(4);
    expect(fresh.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    const after = fresh.getValues(ROLL) as unknown[][];
    for (const [address, name] of names) expect(valueAt(after, address)).toBe(name);
    // Every other cell as it was.
    const diff: string[] = [];
    for (let r = 0; r < Math.max(after.length, original.length); r++) {
      for (let c = 0; c < Math.max(after[r]?.length ?? 0, original[r]?.length ?? 0); c++) {
        const address = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (!names.has(address) && after[r]?.[c] !== original[r]?.[c]) diff.push(address);
      }
    }
    expect(diff).toEqual([]);
    const check = await withGlobals(fresh, () => fresh.run((context) => checkInExcel(context)));
    expect(check.issues.filter((i) => i.rule === 'DATA-06')).toEqual([]);
  });

  it('DATA-06 a text-formatted cell gets its text without an apostrophe; others as text, never a formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ghi chú');
    ws.getCell('A1').value = tcvn3('Bảo Thắng');
    ws.getCell('A2').value = `- ${tcvn3('Đảng bộ')}`;
    ws.getCell('A3').value = vni('Xin chào');
    ws.getCell('A3').numFmt = '@';
    ws.getCell('B1').value = 'Café';
    ws.getCell('B2').value = 42;
    const host = await hostFor(wb);
    const result = await withGlobals(host, () => host.run((context) => convertLegacyInExcel(context)));
    expect(result).toEqual({ cells: 3, sheets: 1 });
    expect(host.getValues('Ghi chú')).toEqual([
      ['Bảo Thắng', 'Café'],
      ['- Đảng bộ', 42],
      ['Xin chào', null],
    ]);
  });

  it('DATA-06 nothing to convert: no write', async () => {
    const host = await hostFor(build().workbook);
    const result = await withGlobals(host, () => host.run((context) => convertLegacyInExcel(context)));
    expect(result).toEqual({ cells: 0, sheets: 0 });
    // Names, values, and the formats of cells that only look like candidates ("Không", "Có").
    expect(host.stats.syncs).toBeLessThanOrEqual(3);
    expect(host.getValues('Danh sách đảng viên')).toEqual((await hostFor(build().workbook)).getValues('Danh sách đảng viên'));
  });

  it('DATA-06 a legacy font becomes its Unicode font (getCellProperties), keeping size, bold and colour', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ghi chú');
    ws.getCell('A1').value = tcvn3('Có');
    ws.getCell('A1').font = { name: '.VnTime', size: 13, bold: true, color: { argb: 'FFC00000' } };
    ws.getCell('A2').value = tcvn3('đảng viên');
    ws.getCell('A2').font = { name: '.VnTimeH', size: 14 };
    ws.getCell('A3').value = vni('Xin chào');
    ws.getCell('A3').font = { name: 'VNI-Helve', italic: true };
    ws.getCell('A4').value = 'Nguyen Van A';
    ws.getCell('A4').font = { name: '.VnTime', size: 13 };
    ws.getCell('A5').value = 'Có';
    ws.getCell('A5').font = { name: 'Times New Roman', size: 13 };
    const host = await hostFor(wb);
    const before = ['A4', 'A5'].map((a) => host.getFormat('Ghi chú', a));
    const result = await withGlobals(host, () => host.run((context) => convertLegacyInExcel(context)));
    expect(result).toEqual({ cells: 3, sheets: 1 });
    expect((host.getValues('Ghi chú') as unknown[][]).map((line) => line[0])).toEqual(['Có', 'ĐẢNG VIÊN', 'Xin chào', 'Nguyen Van A', 'Có']);
    expect(host.getFont('Ghi chú', 'A1')).toMatchObject({ name: 'Times New Roman', size: 13, bold: true, color: '#C00000' });
    expect(host.getFont('Ghi chú', 'A2')).toMatchObject({ name: 'Times New Roman', size: 14 });
    expect(host.getFont('Ghi chú', 'A3')).toMatchObject({ name: 'Arial', italic: true });
    expect(['A4', 'A5'].map((a) => host.getFormat('Ghi chú', a))).toEqual(before);
  });

  it('DATA-06 works on an Excel without getCellProperties (ExcelApi 1.4), from the characters alone', async () => {
    const { workbook, names } = legacyExample();
    const host = await hostFor(workbook, '1.4');
    const result = await withGlobals(host, () => host.run((context) => convertLegacyInExcel(context)));
    expect(result.cells).toBe(3);
    const after = host.getValues(ROLL) as unknown[][];
    for (const [address, name] of names) expect(valueAt(after, address)).toBe(name);
  });

  it('DATA-06 a roll of 5,000 names and tally typed in TCVN3: a write per column run, one write sync, under 5 MB', async () => {
    const { workbook } = bigChiBo(5000);
    for (const sheet of [ROLL, 'Kiểm phiếu đảng viên']) {
      const ws = workbook.getWorksheet(sheet) as ExcelJS.Worksheet;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.startsWith('Đảng viên Số')) {
            cell.value = tcvn3(cell.value);
            cell.font = { ...cell.font, name: '.VnTime' };
          }
        }),
      );
    }
    const host = await hostFor(workbook);
    const result = await withGlobals(host, () => host.run((context) => convertLegacyInExcel(context)));
    expect(result).toEqual({ cells: 10000, sheets: 2 });
    expect(host.stats.syncs).toBe(4);
    expect(host.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    // Values and fonts: two calls per run of at most 2,000 cells, a few runs per sheet.
    expect(host.stats.requests[3]).toBeLessThan(100);
    const roll = host.getValues(ROLL) as unknown[][];
    expect(roll.flat().filter((v) => typeof v === 'string' && v.startsWith('Đảng viên Số'))).toHaveLength(5000);
    expect(host.getFont(ROLL, at('roll', 4999, 'name')).name).toBe('Times New Roman');
  });

  it('DATA-06 the task pane entry point runs it in Excel.run', async () => {
    const host = await hostFor(legacyExample().workbook);
    const result = await withGlobals(host, () => convertOpenWorkbookToUnicode());
    expect(result.cells).toBe(3);
  });
});

function valueAt(values: unknown[][], address: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  return values[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}
