/**
 * `xeploai convert` (DATA-06): legacy-encoded cells become the expected Unicode with a Unicode font;
 * every other cell's value and style is identical in the ExcelJS model; the input file is unchanged.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { encodeTcvn3, encodeVni } from '../../src/core/text/legacy';
import { run } from '../helpers/cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-convert-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const tcvn3 = (text: string) => encodeTcvn3(text) as string;
const vni = (text: string) => encodeVni(text) as string;

/** Cell → [text before, Unicode after, font before, font after]. */
const EXPECTED: Record<string, [string, string, string | undefined, string | undefined]> = {
  A2: [tcvn3('Bảo Thắng'), 'Bảo Thắng', '.VnTime', 'Times New Roman'],
  A3: [tcvn3('Nguyễn Thị Hoà'), 'Nguyễn Thị Hoà', '.VnTime', 'Times New Roman'],
  A4: [encodeTcvn3('ĐẢNG BỘ PHƯỜNG', true) as string, 'ĐẢNG BỘ PHƯỜNG', '.VnTimeH', 'Times New Roman'],
  A5: [vni('Xin chào'), 'Xin chào', 'VNI-Times', 'Times New Roman'],
  A6: [vni('Đảng bộ phường'), 'Đảng bộ phường', 'VNI-Helve', 'Arial'],
  // No legacy font (the file was re-saved in Calibri): found from the characters, font kept.
  A7: [tcvn3('Trần Văn Hùng'), 'Trần Văn Hùng', 'Calibri', 'Calibri'],
};

async function legacyWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'Họ và tên';
  ws.getCell('A1').font = { bold: true, name: 'Times New Roman', size: 13 };
  for (const [address, [before, , font]] of Object.entries(EXPECTED)) {
    const cell = ws.getCell(address);
    cell.value = before;
    cell.font = { name: font, size: 12, bold: address === 'A4', color: { argb: 'FF1F3864' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  }
  // Same style as A2 but plain ASCII: must keep its .VnTime font.
  ws.getCell('A8').value = 'Nguyen Van A';
  ws.getCell('A8').style = ws.getCell('A2').style;
  ws.getCell('B2').value = 'Café';
  ws.getCell('B3').value = 'Nguyễn Thị Hoà';
  ws.getCell('B4').value = 42;
  ws.getCell('B5').value = new Date(Date.UTC(2017, 2, 12));
  ws.getCell('B6').value = { formula: 'B4*2', result: 84 };
  ws.getCell('B7').value = 'naïve';
  ws.getCell('C2').value = { richText: [{ text: tcvn3('Chi bộ '), font: { name: '.VnTime', bold: true } }, { text: 'Thanh Khê', font: { name: 'Arial', italic: true } }] };
  ws.getCell('C3').value = 'Lê Tú';
  ws.getCell('C3').font = { name: 'Times New Roman' };
  const other = wb.addWorksheet('Ghi chú');
  other.getCell('A1').value = vni('Ngày họp chi bộ');
  other.mergeCells('A1:B1');
  other.getCell('A3').value = 'x';
  await wb.xlsx.writeFile(path);
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell of every sheet: address → JSON of value and style. */
function cells(wb: ExcelJS.Workbook): Map<string, string> {
  const map = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => map.set(`${ws.name}!${cell.address}`, JSON.stringify({ value: cell.value, style: cell.style }))));
  }
  return map;
}

describe('xeploai convert', () => {
  let input: string;
  let output: string;
  let hashBefore: string;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    input = join(dir, 'cu.xlsx');
    output = join(dir, 'moi.xlsx');
    await legacyWorkbook(input);
    hashBefore = sha256(input);
    result = await run('convert', input, '--out', output);
  });

  it('DATA-06 convert exits 0 with a one-line summary and leaves the input unchanged', () => {
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('Đã chuyển 8 ô sang Unicode');
    expect(sha256(input)).toBe(hashBefore);
  });

  it('DATA-06 convert gives the expected Unicode and a Unicode font for a legacy one, keeping the rest of the font', async () => {
    const ws = (await load(output)).getWorksheet('Danh sách') as ExcelJS.Worksheet;
    for (const [address, [, after, , fontAfter]] of Object.entries(EXPECTED)) {
      const cell = ws.getCell(address);
      expect([address, cell.value, cell.font?.name]).toEqual([address, after, fontAfter]);
      expect(cell.font).toMatchObject({ size: 12, color: { argb: 'FF1F3864' } });
      expect(Boolean(cell.font.bold)).toBe(address === 'A4');
    }
    const rich = ws.getCell('C2').value as ExcelJS.CellRichTextValue;
    expect(rich.richText).toEqual([
      { text: 'Chi bộ ', font: { name: 'Times New Roman', bold: true } },
      { text: 'Thanh Khê', font: { name: 'Arial', italic: true } },
    ]);
    const other = (await load(output)).getWorksheet('Ghi chú') as ExcelJS.Worksheet;
    expect(other.getCell('A1').value).toBe('Ngày họp chi bộ');
  });

  it('DATA-06 convert leaves every other cell\'s value and style identical', async () => {
    const before = cells(await load(input));
    const after = cells(await load(output));
    // B1 is merged into A1: ExcelJS reads it as A1's value.
    const converted = new Set([...Object.keys(EXPECTED).map((a) => `Danh sách!${a}`), 'Danh sách!C2', 'Ghi chú!A1', 'Ghi chú!B1']);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before.keys()].filter((k) => before.get(k) !== after.get(k));
    expect(changed.sort()).toEqual([...converted].sort());
    expect(after.get('Danh sách!A8')).toContain('.VnTime');
  });

  it('DATA-06 a converted copy has nothing left to convert', async () => {
    const again = join(dir, 'lan2.xlsx');
    const second = await run('convert', output, '--out', again);
    expect(second.code).toBe(0);
    expect(second.err).toContain('Đã chuyển 0 ô sang Unicode');
  });

  it('DATA-06 convert refuses --out equal to the input, and a missing --out', async () => {
    const same = await run('convert', input, '--out', input);
    expect(same.code).toBe(2);
    expect(same.err.trim().split('\n')).toHaveLength(1);
    expect(sha256(input)).toBe(hashBefore);
    const missing = await run('convert', input);
    expect(missing.code).toBe(2);
  });

  it('DATA-06 convert on an unreadable file exits 2 with one line and writes nothing', async () => {
    const out = join(dir, 'none.xlsx');
    const bad = await run('convert', join(dir, 'khong-co.xlsx'), '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('DATA-06 check reports each legacy cell of the same file', async () => {
    const checked = await run('check', input, '--json');
    const report = JSON.parse(checked.out) as { files?: { issues: { rule: string; cell: string }[] }[]; issues?: { rule: string; cell: string }[] };
    const issues = report.issues ?? report.files?.flatMap((f) => f.issues) ?? [];
    expect(issues.filter((i) => i.rule === 'DATA-06').map((i) => i.cell).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'C2']);
  });
});
