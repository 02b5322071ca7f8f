/**
 * The command line's own .xlsx reader (src/xlsx/fastRead.ts) against ExcelJS: every workbook the tests
 * can make or find must give the same WorkbookModel both ways, so that `xeploai check` and the add-in
 * agree whatever reader ran. Grids are compared after dropping what no reader of the core can see
 * (trailing empty cells and rows; the order of merges).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid, WorkbookModel } from '../../src/core/grid';
import { checkWorkbook } from '../../src/core/check';
import { FastReadUnsupported } from '../../src/xlsx/fastRead';
import { readXlsxFile } from '../../src/xlsx/loadModel';
import { normaliseForExcelJs } from '../../src/xlsx/package/normalise';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { exampleData } from '../../src/xlsx/example';
import { fillWorkbook } from '../../src/xlsx/fill';
import { planData } from '../../src/xlsx/plan';
import { wardExampleData } from '../../src/xlsx/wardExample';
import { writeCheckedCopy } from '../../src/xlsx/writeResults';
import { bigChiBo } from '../helpers/generate';
import { build, example } from '../helpers/workbook';

function trimmed(sheet: SheetGrid): unknown {
  const rows = sheet.values.map((line) => {
    const copy: CellValue[] = [...line];
    while (copy.length > 0 && (copy[copy.length - 1] === null || copy[copy.length - 1] === undefined)) copy.pop();
    return copy;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const fonts = sheet.fonts?.flatMap((line, r) => line.map((f, c) => (f ? `${r},${c}:${f}` : null)).filter(Boolean)) ?? [];
  return {
    name: sheet.name,
    rows,
    merges: [...(sheet.merges ?? [])].map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort(),
    hiddenRows: [...(sheet.hiddenRows ?? [])].sort((a, b) => a - b),
    hiddenCols: [...(sheet.hiddenCols ?? [])].sort((a, b) => a - b),
    fonts,
  };
}

const comparable = (model: WorkbookModel): unknown => ({ date1904: model.date1904 === true, sheets: model.sheets.map(trimmed) });

const readXlsxValues = (bytes: Buffer): WorkbookModel => readXlsxFile(bytes, 'thử.xlsx');

async function bothReaders(bytes: Buffer): Promise<{ fast: WorkbookModel; excel: WorkbookModel }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { fast: readXlsxValues(bytes), excel: workbookToModel(wb) };
}

async function expectSameModel(bytes: Buffer): Promise<WorkbookModel> {
  const { fast, excel } = await bothReaders(bytes);
  expect(comparable(fast)).toEqual(comparable(excel));
  // And so the same check: every issue, member and chi bộ result.
  expect(checkWorkbook(fast)).toEqual(checkWorkbook(excel));
  return fast;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every .xlsx committed under a folder (the example, the fixtures of other tests). */
function committedWorkbooks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return committedWorkbooks(path);
    return name.endsWith('.xlsx') ? [path] : [];
  });
}

describe('fast .xlsx reader gives the model ExcelJS gives', () => {
  test('the bundled example and its check agree', async () => {
    const bytes = readFileSync('examples/chi-bo-thanh-khe-2017.xlsx');
    const fast = await expectSameModel(bytes);
    expect(checkWorkbook(fast).members.length).toBe(19);
  });

  test('every committed workbook of the tests', async () => {
    const files = [...committedWorkbooks('test/fixtures'), ...committedWorkbooks('examples')];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      let excelOpens = true;
      try {
        // Legal packages ExcelJS cannot load as they are (x:row, no r, other part names) it loads once normalised.
        const normalised = await normaliseForExcelJs(bytes).catch(() => null);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((normalised?.bytes ?? bytes) as unknown as ArrayBuffer);
      } catch {
        excelOpens = false;
      }
      if (!excelOpens) {
        // What ExcelJS cannot open even normalised, the fast reader must refuse too (ExcelJS's line then).
        expect(() => readXlsxValues(bytes)).toThrow();
        continue;
      }
      let fast: WorkbookModel | null = null;
      try {
        fast = readXlsxValues(bytes);
      } catch (err) {
        if (!(err instanceof FastReadUnsupported)) throw new Error(`${file}: ${String(err)}`);
      }
      if (fast) {
        // ExcelJS as the commands that write a copy use it: through the package normaliser, which
        // also turns ISO `t="d"` cells into the serials ExcelJS would otherwise misread as years.
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(((await normaliseForExcelJs(bytes))?.bytes ?? bytes) as unknown as ArrayBuffer);
        expect({ file, model: comparable(fast) }).toEqual({ file, model: comparable(workbookToModel(wb)) });
      }
    }
  });

  test('the blank template, the plan and the ward example', async () => {
    await expectSameModel(await bytesOf(fillWorkbook({ info: {}, roll: [], tally: [], scores: [] }).workbook));
    await expectSameModel(await bytesOf(fillWorkbook({ ...exampleData(), plan: planData() }).workbook));
    for (const data of wardExampleData().slice(0, 4)) await expectSameModel(await bytesOf(fillWorkbook(data).workbook));
  });

  test('a checked copy: result sheets, notes, hyperlinks, fills, merged headings', async () => {
    const { workbook, model } = build();
    writeCheckedCopy(workbook, checkWorkbook(model));
    await expectSameModel(await bytesOf(workbook));
  });

  test('formulas, errors, rich text, booleans, dates, merges, hidden rows and columns', async () => {
    const { workbook } = build(example(), (wb) => {
      const ws = wb.addWorksheet('Thử');
      ws.getCell('A1').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('A2').value = { formula: 'A9', result: { error: '#REF!' } } as ExcelJS.CellValue;
      ws.getCell('A3').value = { formula: '"a"&"b"', result: 'ab' };
      ws.getCell('A4').value = { formula: 'TRUE()', result: true };
      ws.getCell('A5').value = { formula: 'NOW()' } as ExcelJS.CellValue;
      ws.getCell('B1').value = { richText: [{ text: 'Nguyễn ', font: { name: 'Arial' } }, { text: 'Văn A', font: { bold: true } }] };
      ws.getCell('B2').value = { error: '#N/A' } as ExcelJS.CellValue;
      ws.getCell('B3').value = false;
      ws.getCell('B4').value = new Date(Date.UTC(2017, 11, 5));
      ws.getCell('B5').value = 43074.5;
      ws.getCell('B5').numFmt = 'dd/mm/yyyy hh:mm';
      ws.getCell('B6').value = 12.5;
      ws.getCell('B6').numFmt = '0.00" ngày"';
      ws.getCell('C1').value = 'a & b < c > "d" \'e\'';
      ws.getCell('C2').value = '  khoảng trắng  ';
      ws.getCell('C3').value = 'dòng 1\ndòng 2';
      ws.getCell('C4').value = 'B¶o Th¾ng';
      ws.getCell('C4').font = { name: '.VnTime' };
      ws.getCell('C5').value = 'Xin chaøo';
      ws.getCell('C5').font = { name: 'VNI-Times' };
      ws.getCell('D1').value = 'gộp';
      ws.mergeCells('D1:F2');
      ws.getCell('E1').style = { font: { bold: true } };
      ws.getCell('H10').value = 'xa';
      ws.getRow(3).hidden = true;
      ws.getRow(12).hidden = true;
      ws.getColumn(2).hidden = true;
      ws.getColumn(30).hidden = true;
      ws.getCell('J4').value = { text: 'liên kết', hyperlink: 'https://example.invalid' };
    });
    const model = await expectSameModel(await bytesOf(workbook));
    const sheet = model.sheets.find((s) => s.name === 'Thử') as SheetGrid;
    expect(sheet.values[0][0]).toBe(3);
    expect(sheet.values[1][0]).toEqual({ error: '#REF!' });
    expect(sheet.values[4][0]).toBeNull();
    expect(sheet.values[0][1]).toBe('Nguyễn Văn A');
    // A date cell is its serial number, from either reader.
    expect(sheet.values[3][1]).toBe(43074);
    expect(sheet.values[4][1]).toBe(43074.5);
    expect(sheet.values[0][2]).toBe('a & b < c > "d" \'e\'');
    expect(sheet.hiddenRows).toEqual([2]);
  });

  test('a workbook saved by LibreOffice (another writer of the format)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xeploai-fast-'));
    try {
      const { workbook } = build(example(), (wb) => {
        const roll = wb.getWorksheet('Danh sách đảng viên') as ExcelJS.Worksheet;
        roll.getRow(7).hidden = true;
        roll.getCell('B8').value = { richText: [{ text: 'Trần Văn ' }, { text: 'Bình', font: { bold: true } }] };
      });
      const source = join(dir, 'nguon.xlsx');
      writeFileSync(source, await bytesOf(workbook));
      const out = join(dir, 'lo');
      execFileSync('libreoffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, source], { stdio: 'ignore', timeout: 120_000 });
      const saved = readFileSync(join(out, 'nguon.xlsx'));
      const model = await expectSameModel(saved);
      expect(checkWorkbook(model).members.length).toBe(19);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);

  test('a 3,000-member roll', async () => {
    const { workbook } = bigChiBo(3000);
    await expectSameModel(await bytesOf(workbook));
  });

  test('refuses what it does not read, so that ExcelJS reads it instead', () => {
    expect(() => readXlsxValues(Buffer.from('not a zip at all'))).toThrow(FastReadUnsupported);
    expect(() => readXlsxValues(Buffer.alloc(0))).toThrow(FastReadUnsupported);
  });

});
