/**
 * One cell model, one verdict on readability, bounded resources (issue 12): what the fast reader reads
 * of files other programs write, when ExcelJS may read instead, what every command can write a copy
 * of, and the limits, each refused in one line and within seconds.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import type { CellValue, SheetGrid, WorkbookModel } from '../../src/core/grid';
import { cellAt } from '../../src/core/grid';
import { FastReadUnsupported, UnreadableWorkbookError } from '../../src/xlsx/errors';
import { isoToSerial } from '../../src/xlsx/fastRead';
import { loadModel, readXlsxFile } from '../../src/xlsx/loadModel';
import { openForWriting } from '../../src/xlsx/openForWriting';
import { READ_LIMITS, megabytes } from '../../src/xlsx/package/limits';
import { normaliseForExcelJs } from '../../src/xlsx/package/normalise';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { build } from '../helpers/workbook';
import { asZip64, asZip64Entries, deflated, renamedSheets, repeatedDeflate, rewriteParts, sheetPackage, strictPackageWithBomb, withPrefix, withoutAddresses, workbookParts, zipOf } from './packages';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-readers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (bytes: Uint8Array): WorkbookModel => readXlsxFile(bytes, 'thử.xlsx');

/** The values a reader gives, trailing empties dropped, so two readers' grids compare. */
function valuesOf(model: WorkbookModel): unknown {
  return {
    date1904: model.date1904 === true,
    sheets: model.sheets.map((s) => {
      const rows = s.values.map((line) => {
        const copy: CellValue[] = Array.from({ length: line.length }, (_v, c) => line[c] ?? null);
        while (copy.length && copy[copy.length - 1] === null) copy.pop();
        return copy;
      });
      while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
      return { name: s.name, rows, merges: [...(s.merges ?? [])].map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort(), hiddenRows: s.hiddenRows, hiddenCols: s.hiddenCols };
    }),
  };
}

async function exampleBytes(edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  return Buffer.from(await build(undefined, edit).workbook.xlsx.writeBuffer());
}

async function excelJsModel(bytes: Uint8Array): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbookToModel(wb);
}

/** Milliseconds a call takes (and what it threw). */
function timed(run: () => unknown): { ms: number; error: unknown } {
  const started = Date.now();
  try {
    run();
    return { ms: Date.now() - started, error: null };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

function expectOneLineRefusal(error: unknown, mention: RegExp): void {
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  const message = (error as Error).message;
  expect(message).not.toMatch(/\n/);
  expect(message).toMatch(/^thử\.xlsx: /);
  expect(message).toMatch(mention);
}

describe('dates are serial numbers in the workbook\'s own system', () => {
  test('t="d" ISO cells: a date, a date-time with a fraction, with and without Z, a time, and text that is no date', () => {
    const model = read(
      sheetPackage(
        '<row r="1"><c r="A1" t="d"><v>2017-12-01</v></c><c r="B1" t="d"><v>2017-12-01T18:00:00</v></c><c r="C1" t="d"><v>2017-12-01T06:00:00.000Z</v></c>' +
          '<c r="D1" t="d"><v>1900-01-01</v></c><c r="E1" t="d"><v>T12:00:00</v></c><c r="F1" t="d"><v>hôm qua</v></c></row>',
      ),
    );
    expect(model.sheets[0].values[0]).toEqual([43070, 43070.75, 43070.25, 1, 0.5, 'hôm qua']);
    expect(model.reader).toEqual({ name: 'xlsx' });
  });

  test('a 1904 workbook: the flag, serials as stored, t="d" in its system, and the check reads the same days', async () => {
    const model = read(sheetPackage('<row r="1"><c r="A1"><v>41608</v></c><c r="B1" t="d"><v>2017-12-01</v></c></row>', '<workbookPr date1904="1"/>'));
    expect(model.date1904).toBe(true);
    expect(model.sheets[0].values[0]).toEqual([41608, 41608]);
    expect(isoToSerial('2017-12-01', true)).toBe(43070 - 1462);

    // The example saved as a 1904 workbook: ExcelJS writes each date's serial in that system; every
    // reader gives those numbers and the flag, and the check finds the same members and issues.
    const plain = await exampleBytes();
    const bytes1904 = await exampleBytes((wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
    });
    const fast = read(bytes1904);
    const excel = await excelJsModel(bytes1904);
    expect(fast.date1904).toBe(true);
    expect(valuesOf(fast)).toEqual(valuesOf(excel));
    const withoutFlag = { ...fast, date1904: undefined };
    const result = checkWorkbook(fast);
    expect(result).toEqual(checkWorkbook(read(plain)));
    // Read in the wrong system every date would be four years off: the flag is what makes them right.
    expect(checkWorkbook(withoutFlag)).not.toEqual(result);
  });

  test('ExcelJS\'s Dates come back as the serials the file stores', async () => {
    const bytes = await exampleBytes((wb) => {
      const ws = wb.addWorksheet('Ngày');
      ws.getCell('A1').value = new Date(Date.UTC(2017, 11, 1));
      ws.getCell('A2').value = 43070.75;
      ws.getCell('A2').numFmt = 'dd/mm/yyyy hh:mm';
      ws.getCell('A3').value = -5;
      ws.getCell('A3').numFmt = 'dd/mm/yyyy';
    });
    const fast = read(bytes).sheets.find((s) => s.name === 'Ngày') as SheetGrid;
    const excel = (await excelJsModel(bytes)).sheets.find((s) => s.name === 'Ngày') as SheetGrid;
    expect([0, 1, 2].map((r) => cellAt(fast, r, 0))).toEqual([43070, 43070.75, -5]);
    expect([0, 1, 2].map((r) => cellAt(excel, r, 0))).toEqual([43070, 43070.75, -5]);
  });
});

describe('legal packages other programs write', () => {
  const variants: [string, (bytes: Buffer) => Promise<Buffer>][] = [
    ['SpreadsheetML under a prefix (x:row, x:c)', (b) => rewriteParts(b, /^xl\/(workbook|sharedStrings|styles|worksheets\/sheet\d+)\.xml$/, withPrefix)],
    ['rows and cells without r', (b) => rewriteParts(b, /^xl\/worksheets\/sheet\d+\.xml$/, withoutAddresses)],
    ['sheet parts with other names than sheetN.xml', renamedSheets],
    ['all three at once', async (b) => renamedSheets(await rewriteParts(await rewriteParts(b, /^xl\/worksheets\/sheet\d+\.xml$/, withoutAddresses), /^xl\/.*\.xml$/, withPrefix))],
  ];

  test.each(variants)('%s: the fast reader reads the same model and check result', async (_what, variant) => {
    const original = await exampleBytes();
    const bytes = await variant(original);
    const model = read(bytes);
    expect(model.reader).toEqual({ name: 'xlsx' });
    expect(valuesOf(model)).toEqual(valuesOf(read(original)));
    expect(checkWorkbook(model)).toEqual(checkWorkbook(read(original)));
  });

  test.each(variants)('%s: a copy can be written (normalised for ExcelJS), and ExcelJS then reads the same model', async (_what, variant) => {
    const bytes = await variant(await exampleBytes());
    // ExcelJS alone fails on it or reads something else (no sheets, no values).
    const unaided = await excelJsModel(bytes).then(valuesOf, () => 'refused');
    expect(unaided).not.toEqual(valuesOf(read(bytes)));
    const normalised = await normaliseForExcelJs(bytes);
    expect(normalised).not.toBeNull();
    expect(valuesOf(await excelJsModel((normalised as { bytes: Uint8Array }).bytes))).toEqual(valuesOf(read(bytes)));
    const wb = await openForWriting(bytes, 'thử.xlsx');
    expect(valuesOf(workbookToModel(wb))).toEqual(valuesOf(read(bytes)));
    // And the copy it writes reads back the same.
    const copy = Buffer.from(await wb.xlsx.writeBuffer());
    expect(valuesOf(read(copy))).toEqual(valuesOf(read(bytes)));
  });

  test('sheets listed in another order than their parts: the normalised package keeps each name with its own part', async () => {
    // sheet9 → sheet1 and sheet1 → sheet9 in one package: renamed one by one, the second move used to
    // retarget the first one's relationship too, and a copy would carry one sheet's rows under another's name.
    const reversed = await exampleBytes((wb) => wb.worksheets.forEach((ws, i) => { (ws as unknown as { orderNo: number }).orderNo = wb.worksheets.length - i; }));
    const bytes = await rewriteParts(reversed, /^xl\/(workbook|sharedStrings|styles|worksheets\/sheet\d+)\.xml$/, withPrefix);
    const normalised = await normaliseForExcelJs(bytes);
    expect(normalised?.changes.some((c) => /sheet\d+\.xml → /.test(c))).toBe(true);
    const again = read((normalised as { bytes: Uint8Array }).bytes);
    expect(valuesOf(again)).toEqual(valuesOf(read(bytes)));
    expect(checkWorkbook(again)).toEqual(checkWorkbook(read(bytes)));
  });

  test('a file ExcelJS loads as it is is not rewritten', async () => {
    expect(await normaliseForExcelJs(await exampleBytes())).toBeNull();
  });

  test('t="d" cells: the copy holds the serial, not ExcelJS\'s 2017', async () => {
    const bytes = sheetPackage('<row r="1"><c r="A1" t="d"><v>2017-12-01</v></c><c r="B1" t="d"><v>không phải ngày</v></c></row>');
    const wb = await openForWriting(bytes, 'thử.xlsx');
    expect(workbookToModel(wb).sheets[0].values[0]).toEqual([43070, 'không phải ngày']);
  });

  test('more than 125,000 rows: read by the fast reader itself, no fallback', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 130_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const file = join(dir, 'nhieu-dong.xlsx');
    writeFileSync(file, sheetPackage(rows.join('')));
    const model = await loadModel(file);
    expect(model.reader).toEqual({ name: 'xlsx' });
    expect(model.sheets[0].values.length).toBe(130_000);
    expect(cellAt(model.sheets[0], 129_999, 0)).toBe(130_000);
  });

  test('a value in column XFD costs one cell, and empty rows share one array', () => {
    const model = read(sheetPackage('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="5000"><c r="XFD5000"><v>3</v></c></row>'));
    const sheet = model.sheets[0];
    expect(Object.keys(sheet.values[0])).toEqual(['0', '16383']);
    expect(cellAt(sheet, 0, 16383)).toBe(2);
    expect(cellAt(sheet, 0, 5)).toBeNull();
    expect(sheet.values[1]).toBe(sheet.values[2]);
    expect(Object.isFrozen(sheet.values[1])).toBe(true);
    expect(cellAt(sheet, 4999, 16383)).toBe(3);
  });
});

describe('only a declared reason falls back to ExcelJS, and the model names it', () => {
  test('ZIP64 archives are read by the fast reader itself, within its limits (no reader without limits)', async () => {
    const bytes = await exampleBytes();
    for (const zip64 of [asZip64(bytes), asZip64Entries(bytes)]) {
      // JSZip (ExcelJS) reads them too: the same file.
      expect(valuesOf(await excelJsModel(zip64))).toEqual(valuesOf(await excelJsModel(bytes)));
      const model = read(zip64);
      expect(model.reader).toEqual({ name: 'xlsx' });
      expect(valuesOf(model)).toEqual(valuesOf(read(bytes)));
    }
  });

  test('a declared reason (here: as if the reader declined) sends the file to ExcelJS, the same check, the reason in the model', async () => {
    const file = join(dir, 'du-phong.xlsx');
    const bytes = await exampleBytes();
    writeFileSync(file, bytes);
    const expected = checkWorkbook(read(bytes));
    const fastRead = await import('../../src/xlsx/fastRead');
    const spy = jest.spyOn(fastRead, 'readXlsxValues').mockImplementation(() => {
      throw new FastReadUnsupported('strict OOXML');
    });
    try {
      const model = await loadModel(file);
      expect(model.reader).toEqual({ name: 'exceljs', fallback: 'strict OOXML' });
      expect(checkWorkbook(model)).toEqual(expected);
    } finally {
      spy.mockRestore();
    }
  });

  test('an encrypted entry goes to ExcelJS with its reason; ExcelJS then words the one line', async () => {
    const bytes = await exampleBytes();
    const patched = Buffer.from(bytes);
    // The general-purpose flag of every central directory entry: bit 0 (encrypted).
    for (let at = patched.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = patched.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) patched.writeUInt16LE(patched.readUInt16LE(at + 8) | 1, at + 8);
    expect(() => read(patched)).toThrow(new FastReadUnsupported('encrypted entry'));
  });

  test('anything else the fast reader throws surfaces: no silent second reading', async () => {
    const file = join(dir, 'loi.xlsx');
    writeFileSync(file, sheetPackage('<row r="1"><c r="A1"><v>1</v></c></row>'));
    const fastRead = await import('../../src/xlsx/fastRead');
    const spy = jest.spyOn(fastRead, 'readXlsxValues').mockImplementation(() => {
      throw new TypeError('a bug');
    });
    try {
      await expect(loadModel(file)).rejects.toThrow('a bug');
    } finally {
      spy.mockRestore();
    }
  });

  test('a file that is not a zip gets ExcelJS\'s one line', async () => {
    const file = join(dir, 'khong-phai.xlsx');
    writeFileSync(file, 'not a zip at all');
    await expect(loadModel(file)).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});

describe('limits: refused in one line naming the limit, within seconds', () => {
  const SECONDS = 10_000;

  test('a sheet that inflates past the per-part limit (3 GB from 3 MB) is refused before it is inflated', () => {
    const bomb = repeatedDeflate(' '.repeat(1 << 20), 3 * 1024);
    const bytes = zipOf([...workbookParts([{ name: 'Danh sách', part: 'xl/worksheets/sheet1.xml' }]), { name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declaredSize: 1000 }]);
    const { ms, error } = timed(() => read(bytes));
    expectOneLineRefusal(error, new RegExp(`sheet "Danh sách" giải nén vượt ${megabytes(READ_LIMITS.MAX_PART_BYTES)} \\(giới hạn của XếpLoại cho một phần của tệp\\)`));
    expect(ms).toBeLessThan(SECONDS);
  });

  test('a file the fast reader declines goes to ExcelJS only within the same limits (a bomb in a part the check never reads)', async () => {
    const file = join(dir, 'strict-bomb.xlsx');
    const bytes = strictPackageWithBomb();
    expect(() => read(bytes)).toThrow(new FastReadUnsupported('strict OOXML'));
    writeFileSync(file, bytes);
    const started = Date.now();
    await expect(loadModel(file)).rejects.toThrow(new RegExp(`strict-bomb\\.xlsx: phần xl/media/image1\\.bin giải nén vượt ${megabytes(READ_LIMITS.MAX_PART_BYTES)}`));
    await expect(openForWriting(file, file)).rejects.toThrow(/phần xl\/media\/image1\.bin giải nén vượt/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a declared size past the limit is refused without inflating anything', () => {
    const bytes = zipOf([...workbookParts([{ name: 'S', part: 'xl/worksheets/sheet1.xml' }]), { ...deflated('xl/worksheets/sheet1.xml', '<worksheet/>'), declaredSize: READ_LIMITS.MAX_PART_BYTES + 1 }]);
    const { ms, error } = timed(() => read(bytes));
    expectOneLineRefusal(error, new RegExp(`giải nén vượt ${megabytes(READ_LIMITS.MAX_PART_BYTES)}`));
    expect(ms).toBeLessThan(1000);
  });

  test('parts that together inflate past the per-file limit', () => {
    // Parts each within the per-part limit, together past the per-file one.
    const mebibytes = Math.floor(READ_LIMITS.MAX_PART_BYTES / (1 << 20)) - 1;
    const part = repeatedDeflate(' '.repeat(1 << 20), mebibytes);
    const count = Math.floor(READ_LIMITS.MAX_UNPACKED_BYTES / (mebibytes << 20)) + 1;
    const sheets = Array.from({ length: count }, (_v, i) => ({ name: `S${i + 1}`, part: `xl/worksheets/sheet${i + 1}.xml` }));
    const bytes = zipOf([...workbookParts(sheets), ...sheets.map((s) => ({ name: s.part, data: part, method: 8 as const, declaredSize: mebibytes << 20 }))]);
    const { ms, error } = timed(() => read(bytes));
    expectOneLineRefusal(error, new RegExp(`sheet "S${count}" đưa dung lượng giải nén của tệp vượt tổng cộng ${megabytes(READ_LIMITS.MAX_UNPACKED_BYTES)} \\(giới hạn của XếpLoại cho một tệp\\)`));
    expect(ms).toBeLessThan(SECONDS);
  });

  test('cells beyond Excel\'s grid (row 1,048,577; column XFE)', () => {
    expectOneLineRefusal(timed(() => read(sheetPackage('<row r="1048577"><c r="A1048577"><v>1</v></c></row>', '', 'Danh sách'))).error, /sheet "Danh sách" có ô ở dòng 1048577, ngoài bảng tính của Excel \(1\.048\.576 dòng × 16\.384 cột\)/);
    expectOneLineRefusal(timed(() => read(sheetPackage('<row r="1"><c r="XFE1"><v>1</v></c></row>', '', 'Danh sách'))).error, /sheet "Danh sách" có ô ở XFE1,/);
  });

  test('more cells with values than a workbook may hold', () => {
    // Two sheets, each within the size limits, together past the cells' limit.
    const row = `<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`;
    const rows = Math.ceil(READ_LIMITS.MAX_VALUE_CELLS / 2000) + 1;
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(rows)}</sheetData></worksheet>`;
    const sheets = [{ name: 'Ít ô', part: 'xl/worksheets/sheet1.xml' }, { name: 'Nhiều ô', part: 'xl/worksheets/sheet2.xml' }];
    const bytes = zipOf([...workbookParts(sheets), deflated(sheets[0].part, sheet), deflated(sheets[1].part, sheet)]);
    const { ms, error } = timed(() => read(bytes));
    expectOneLineRefusal(error, /sheet "Nhiều ô" đưa số ô có giá trị của sổ vượt 8\.000\.000/);
    expect(ms).toBeLessThan(3 * SECONDS);
  }, 60_000);

  test('too many shared strings', () => {
    const strings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>a</t></si>'.repeat(READ_LIMITS.MAX_SHARED_STRINGS + 1)}</sst>`;
    const parts = workbookParts([{ name: 'S', part: 'xl/worksheets/sheet1.xml' }]);
    const rels = deflated(
      'xl/_rels/workbook.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const bytes = zipOf([...parts.filter((p) => p.name !== rels.name), rels, deflated('xl/sharedStrings.xml', strings), deflated('xl/worksheets/sheet1.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')]);
    const { ms, error } = timed(() => read(bytes));
    expectOneLineRefusal(error, /bảng chuỗi dùng chung \(sharedStrings\) có hơn 4\.000\.000 chuỗi/);
    expect(ms).toBeLessThan(3 * SECONDS);
  }, 60_000);

  test('rows over all sheets past the limit (each sheet\'s last value at row 1,048,576)', () => {
    const sheets = [1, 2, 3, 4, 5].map((n) => ({ name: `S${n}`, part: `xl/worksheets/sheet${n}.xml` }));
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>';
    const { ms, error } = timed(() => read(zipOf([...workbookParts(sheets), ...sheets.map((s) => deflated(s.part, xml))])));
    expectOneLineRefusal(error, /sheet "S5" đưa số dòng của các sheet vượt 4\.194\.304/);
    expect(ms).toBeLessThan(SECONDS);
  });

  test('merged areas covering more cells than the limit', () => {
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>';
    const { ms, error } = timed(() => read(zipOf([...workbookParts([{ name: 'Gộp', part: 'xl/worksheets/sheet1.xml' }]), deflated('xl/worksheets/sheet1.xml', xml)])));
    expectOneLineRefusal(error, /sheet "Gộp" có các vùng gộp ô \(merge\) phủ hơn 10\.000\.000 ô/);
    expect(ms).toBeLessThan(1000);
  });

  test('a file larger than the limit is refused before it is read', async () => {
    const file = join(dir, 'qua-lon.xlsx');
    writeFileSync(file, '');
    truncateSync(file, READ_LIMITS.MAX_FILE_BYTES + 1);
    const size = megabytes(READ_LIMITS.MAX_FILE_BYTES);
    await expect(loadModel(file)).rejects.toThrow(`qua-lon.xlsx: tệp nặng ${size}, vượt ${size} (giới hạn của XếpLoại cho một tệp .xlsx)`);
    await expect(openForWriting(file, file)).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});
