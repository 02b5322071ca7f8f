/**
 * The fake Excel host's own contract: what a test of the add-in's Office.js code can rely on.
 * Every workbook is built here with ExcelJS and passed as bytes, as a real .xlsx would be.
 */
import ExcelJS from 'exceljs';
import path from 'path';
import { loadXlsx, workbookToModel } from '../../src/xlsx/readXlsx';
import { FakeExcelHost, type FakeExcelOptions } from './index';
import { richError } from './expect-error';

const PEACH = 'FFFFC7CE';

/** A small workbook: typed values, a date, formulas, rich text, a merge, a fill, a note, a hidden sheet. */
async function sampleXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.getCell('A1').value = 'Họ và tên';
  ws.getCell('B1').value = 'Ngày sinh';
  ws.getCell('A2').value = 'Nguyễn Văn A';
  ws.getCell('B2').value = new Date(Date.UTC(2017, 0, 2));
  ws.getCell('B2').numFmt = 'dd/mm/yyyy';
  ws.getCell('C2').value = 42;
  ws.getCell('D2').value = true;
  ws.getCell('E2').value = { formula: 'C2*2', result: 84 };
  ws.getCell('F2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('G2').value = { richText: [{ text: 'Đảng ' }, { font: { bold: true }, text: 'viên' }] };
  ws.getCell('H2').value = { error: '#N/A' };
  ws.getCell('A3').value = 'merged';
  ws.mergeCells('A3:C3');
  ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PEACH } };
  ws.getCell('A2').note = 'Kiểm tra tên';
  ws.getCell('C2').font = { bold: true, color: { argb: 'FFFF0000' }, name: 'Times New Roman', size: 13 };
  const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.getCell('A1').value = 'secret';
  wb.addWorksheet('Trống');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sampleHost(options: FakeExcelOptions = {}): Promise<FakeExcelHost> {
  return FakeExcelHost.fromXlsx(await sampleXlsx(), options);
}


describe('loading from a real .xlsx, as Range.values reports it', () => {
  it('gives numbers, text, booleans, "" for empty, date serials, cached formula results, error texts, plain rich text', async () => {
    const host = await sampleHost();
    const values = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Danh sách').getRange('A2:I3');
      range.load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([
      // 2017-01-02 is serial 42737 in the 1900 date system (days since 1899-12-30).
      ['Nguyễn Văn A', 42737, 42, true, 84, '#DIV/0!', 'Đảng viên', '#N/A', ''],
      // A merged area shows its value in the top-left cell only.
      ['merged', '', '', '', '', '', '', '', ''],
    ]);
  });

  it('reports number formats, formulas and text as Excel would', async () => {
    const host = await sampleHost();
    const range = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Danh sách').getRange('B2:E2');
      r.load('numberFormat, formulas, text, address');
      await context.sync();
      return r;
    });
    expect(range.numberFormat).toEqual([['dd/mm/yyyy', 'General', 'General', 'General']]);
    expect(range.formulas).toEqual([[42737, 42, true, '=C2*2']]);
    expect(range.text).toEqual([['02/01/2017', '42', 'TRUE', '84']]);
    // Sheet names that are not plain identifiers are quoted, as in Excel.
    expect(range.address).toBe("'Danh sách'!B2:E2");
  });

  it('keeps sheet order, visibility, fills, fonts and notes', async () => {
    const host = await sampleHost();
    expect(host.sheetNames()).toEqual(['Danh sách', 'Ẩn', 'Trống']);
    expect(host.getVisibility('Ẩn')).toBe('Hidden');
    expect(host.getFill('Danh sách', 'A2')).toBe('#FFC7CE');
    expect(host.getFill('Danh sách', 'B2')).toBeNull();
    expect(host.getNote('Danh sách', 'A2')).toBe('Kiểm tra tên');
    expect(host.getFont('Danh sách', 'C2')).toMatchObject({ bold: true, color: '#FF0000', name: 'Times New Roman', size: 13 });
    expect(host.getValue('Danh sách', 'E2')).toEqual({ formula: '=C2*2', result: 84 });
    expect(host.getValue('Danh sách', 'H2')).toEqual({ error: '#N/A' });

    const read = await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name, items/visibility');
      const filled = sheets.getItem('Danh sách').getRange('A2').format.fill;
      const plain = sheets.getItem('Danh sách').getRange('B2').format.fill;
      filled.load('color');
      plain.load('color');
      await context.sync();
      return { sheets: sheets.items.map((s) => [s.name, s.visibility]), filled: filled.color, plain: plain.color };
    });
    expect(read.sheets).toEqual([
      ['Danh sách', 'Visible'],
      ['Ẩn', 'Hidden'],
      ['Trống', 'Visible'],
    ]);
    expect(read.filled).toBe('#FFC7CE');
    // Excel reports no fill as white; only the inspection API tells "no fill" (null) from white.
    expect(read.plain).toBe('#FFFFFF');
  });

  it('gives the used range, A1 for an empty sheet, and a null object from getUsedRangeOrNullObject', async () => {
    const host = await sampleHost();
    const result = await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const used = sheets.getItem('Danh sách').getUsedRange(true);
      const empty = sheets.getItem('Trống').getUsedRange();
      const none = sheets.getItem('Trống').getUsedRangeOrNullObject(true);
      used.load('address, rowIndex, columnIndex, rowCount, columnCount');
      empty.load('address');
      none.load('values');
      await context.sync();
      return { used: used.toJSON(), empty: empty.address, isNull: none.isNullObject, nullValues: none.values };
    });
    expect(result.used).toEqual({ address: "'Danh sách'!A1:H3", rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 8 });
    expect(result.empty).toBe('Trống!A1');
    expect(result.isNull).toBe(true);
    // A null object's properties read undefined instead of throwing.
    expect(result.nullValues).toBeUndefined();
  });
  it('shows the file\'s own value where ExcelJS makes an Invalid Date: a formula error or a huge number in a date cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ngày 'x' & y");
    for (const cell of ['A1', 'B1', 'C1', 'D1']) ws.getCell(cell).numFmt = 'dd/mm/yyyy';
    ws.getCell('A1').value = { formula: 'VLOOKUP(B1,Z:Z,2,0)', result: { error: '#REF!' } } as unknown as ExcelJS.CellValue;
    ws.getCell('B1').value = 1e15;
    ws.getCell('C1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellValue;
    ws.getCell('D1').value = new Date(Date.UTC(2017, 11, 1));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    // The premise: ExcelJS itself gives these cells as Invalid Dates.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const cell = again.worksheets[0].getCell('A1').value as { result?: unknown };
    expect(cell.result instanceof Date && Number.isNaN(cell.result.getTime())).toBe(true);
    expect(Number.isNaN((again.worksheets[0].getCell('B1').value as Date).getTime())).toBe(true);

    const host = await FakeExcelHost.fromXlsx(bytes);
    expect(host.getValue("Ngày 'x' & y", 'A1')).toEqual({ formula: '=VLOOKUP(B1,Z:Z,2,0)', result: { error: '#REF!' } });
    expect(host.getValue("Ngày 'x' & y", 'B1')).toBe(1e15);
    const values = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ngày 'x' & y").getRange('A1:D1');
      range.load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([['#REF!', 1e15, '#DIV/0!', 43070]]);
  });

  it('reads the bundled example exactly as the CLI\'s ExcelJS reader does, dates aside', async () => {
    const file = path.join(__dirname, '../../examples/chi-bo-thanh-khe-2017.xlsx');
    const host = await FakeExcelHost.fromXlsx(file);
    const fromApi = await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const used = sheets.items.map((sheet) => sheet.getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex'));
      await context.sync();
      return sheets.items.map((sheet, i) => ({ name: sheet.name, values: used[i].values, row: used[i].rowIndex, col: used[i].columnIndex }));
    });
    const expected = workbookToModel(await loadXlsx(file));
    expect(fromApi.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    expected.sheets.forEach((sheet, i) => {
      const { values, row, col } = fromApi[i];
      // ExcelJS gives Dates, { error } and null; Office.js gives serials, the error text and "".
      const asOffice = (v: unknown): unknown => (v instanceof Date ? v.getTime() / 86_400_000 + 25569 : v && typeof v === 'object' ? (v as { error: string }).error : (v ?? ''));
      const want = values.map((line, r) => line.map((_, c) => asOffice(sheet.values[row + r]?.[col + c])));
      expect(values).toEqual(want);
      // …and the used range ends where the last value does.
      expect(row + values.length).toBe(sheet.values.length);
      expect(col + values[0].length).toBe(Math.max(...sheet.values.map((line) => line.length)));
    });
  });
});

describe('proxy objects: nothing is readable before load + sync', () => {
  it('throws PropertyNotLoaded, shaped like RichApi.Error, until a sync has loaded the property', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Danh sách').getRange('C2');
      let thrown: unknown;
      try {
        void range.values;
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toMatchObject({
        name: 'RichApi.Error',
        code: 'PropertyNotLoaded',
        message:
          "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        debugInfo: { errorLocation: 'Range.values' },
      });

      range.load('values');
      // Loaded but not yet synced: still not available.
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => range.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[42]]);
      expect(range.isNullObject).toBe(false);
      // Only what was loaded.
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      // Collections: items need a load too.
      expect(() => context.workbook.worksheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(3);
    });
  });

  it('reads back what the add-in set, before the sync, as office.js proxies do', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Trống').getRange('A1:B1');
      range.values = [['x', 'y']];
      expect(range.values).toEqual([['x', 'y']]);
      // What Excel made of it comes back with the next load.
      range.values = [['007', 'z']];
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[7, 'z']]);
    });
  });

  it('accepts load paths, arrays and { select } and loads nested objects', async () => {
    const host = await sampleHost();
    const json = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Danh sách').getRange('C2');
      range.load(['format/font/bold', 'format/font/color']);
      const other = context.workbook.worksheets.getItem('Danh sách').getRange('A2');
      other.load({ select: 'values, format/fill/color' });
      await context.sync();
      return { range: range.toJSON(), other: other.toJSON(), bold: range.format.font.bold };
    });
    expect(json.range).toEqual({ format: { font: { bold: true, color: '#FF0000' } } });
    expect(json.other).toEqual({ values: [['Nguyễn Văn A']], format: { fill: { color: '#FFC7CE' } } });
    expect(json.bold).toBe(true);
  });

  it('refuses objects of a finished run', async () => {
    const host = await sampleHost();
    const range = await host.run(async (context) => context.workbook.worksheets.getItem('Trống').getRange('A1'));
    expect(() => (range.values = [[1]])).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });
});

describe('writes are queued until sync', () => {
  it('changes nothing on the host before the sync, everything after', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Trống');
      sheet.getRange('A1:B2').values = [
        [1, 'a'],
        [true, ''],
      ];
      sheet.getRange('B2').format.fill.color = 'yellow';
      context.workbook.notes.add('Trống!A1', 'ghi chú');
      expect(host.getValue('Trống', 'A1')).toBeNull();
      expect(host.getFill('Trống', 'B2')).toBeNull();
      expect(host.getNote('Trống', 'A1')).toBeNull();
      await context.sync();
      expect(host.getValues('Trống')).toEqual([
        [1, 'a'],
        [true, null],
      ]);
      expect(host.getFill('Trống', 'B2')).toBe('#FFFF00');
      expect(host.getNote('Trống', 'A1')).toBe('ghi chú');
    });
  });

  it('syncs what is still queued when the batch returns, as Excel.run does', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Trống').getRange('C3').values = [['late']];
    });
    expect(host.getValue('Trống', 'C3')).toBe('late');
    expect(host.stats.syncs).toBe(1);
  });

  it('drops what is queued when the batch throws', async () => {
    const host = await sampleHost();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Trống').getRange('C3').values = [['never']];
        throw new Error('add-in bug');
      }),
    ).rejects.toThrow('add-in bug');
    expect(host.getValue('Trống', 'C3')).toBeNull();
    expect(host.stats.syncs).toBe(0);
  });
});

describe('sync accounting', () => {
  it('counts round trips, requests and bytes; a sync with nothing queued is no round trip', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      // workbook, worksheets, getItem, getRange: four objects, each instantiated by a request; one set.
      context.workbook.worksheets.getItem('Trống').getRange('A1').values = [[1]];
      await context.sync();
      await context.sync();
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
    });
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.emptySyncs).toBe(2); // the explicit empty one and Excel.run's final one
    expect(host.stats.requests).toEqual([5, 1]);
    expect(host.stats.bytes.every((b) => b > 50)).toBe(true);
    expect(host.stats.maxRequestBytes).toBe(Math.max(...host.stats.bytes));
    // The load's answer carries the three sheet names.
    expect(host.stats.responseBytes[1]).toBeGreaterThan(JSON.stringify(['Danh sách', 'Ẩn', 'Trống']).length);

    host.resetStats();
    expect(host.stats).toMatchObject({ syncs: 0, requests: [], bytes: [], maxRequestBytes: 0 });
  });

  it('counts the bytes of written values (UTF-8), so a bigger write is a bigger request', async () => {
    const host = await sampleHost();
    const write = (text: string) =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Trống').getRange('A1').values = [[text]];
        await context.sync();
      });
    await write('a');
    await write('a'.repeat(1001));
    await write('ạ'.repeat(1001)); // three bytes each in UTF-8
    const [small, ascii, vietnamese] = host.stats.bytes;
    expect(ascii - small).toBe(1000);
    expect(vietnamese - ascii).toBe(2002);
  });

  it('fails a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it', async () => {
    const host = await sampleHost();
    const rows = 60_000;
    const big = Array.from({ length: rows }, (_, i) => [`${i}`.padEnd(100, 'x')]);
    const error = await richError(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Trống');
        sheet.getRange('B1').values = [['small write in the same batch']];
        sheet.getRange(`A1:A${rows}`).values = big;
        await context.sync();
      }),
      'RequestPayloadSizeLimitExceeded',
    );
    expect(error.message).toMatch(/request payload size has exceeded the limit/);
    expect(host.getValue('Trống', 'B1')).toBeNull();
    expect(host.getValue('Trống', 'A1')).toBeNull();
    expect(host.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(host.stats.log.at(-1)).toMatchObject({ error: 'RequestPayloadSizeLimitExceeded' });

    // The same data in chunks under the limit goes through.
    host.resetStats();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Trống');
      for (let start = 0; start < rows; start += 20_000) {
        sheet.getRange(`A${start + 1}:A${start + 20_000}`).values = big.slice(start, start + 20_000);
        await context.sync();
      }
    });
    expect(host.stats.syncs).toBe(3);
    expect(host.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(host.getValue('Trống', `A${rows}`)).toBe(big[rows - 1][0]);
  });

  it('fails a response over 5 MB with ResponsePayloadSizeLimitExceeded and delivers none of its loads', async () => {
    const host = await sampleHost();
    const rows = 60_000;
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Trống');
      for (let start = 0; start < rows; start += 20_000) {
        sheet.getRange(`A${start + 1}:A${start + 20_000}`).values = Array.from({ length: 20_000 }, (_, i) => [`${start + i}`.padEnd(100, 'x')]);
        await context.sync();
      }
    });
    host.resetStats();
    let small: { values: unknown[][] } | null = null;
    await richError(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Trống');
        small = sheet.getRange('A1').load('values');
        sheet.getRange(`A1:A${rows}`).load('values');
        await context.sync();
      }),
      'ResponsePayloadSizeLimitExceeded',
    );
    expect(host.stats.log.at(-1)).toMatchObject({ error: 'ResponsePayloadSizeLimitExceeded' });
    expect(host.stats.log.at(-1)!.responseBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(() => small!.values).toThrow(/is not available/);
    // A host without the limit (Excel on the desktop) answers.
    const desktop = await sampleHost({ requestLimitBytes: Infinity, responseLimitBytes: Infinity });
    await desktop.run(async (context) => {
      context.workbook.worksheets.getItem('Trống').getRange(`A1:A${rows}`).values = Array.from({ length: rows }, () => ['x'.repeat(100)]);
      await context.sync();
      const all = context.workbook.worksheets.getItem('Trống').getRange(`A1:A${rows}`).load('values');
      await context.sync();
      expect(all.values).toHaveLength(rows);
    });
  });

  it('getCellProperties (ExcelApi 1.9) gives per cell only what was asked for; older hosts refuse it at the call', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Trống');
      sheet.getRange('B2').format.fill.color = '#FFC7CE';
      sheet.getRange('B3').format.font.bold = true;
      const props = sheet.getRange('B1:B3').getCellProperties({ address: true, format: { fill: { color: true }, font: { bold: true } } });
      await context.sync();
      expect(props.value).toEqual([
        [{ address: 'Trống!B1', format: { fill: { color: '#FFFFFF' }, font: { bold: false } } }],
        [{ address: 'Trống!B2', format: { fill: { color: '#FFC7CE' }, font: { bold: false } } }],
        [{ address: 'Trống!B3', format: { fill: { color: '#FFFFFF' }, font: { bold: true } } }],
      ]);
    });
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Trống').getRange('B1').getCellProperties({ style: true });
        await context.sync();
      }),
      'InvalidArgument',
    );
    const old = await sampleHost({ apiVersion: '1.8' });
    await richError(
      old.run(async (context) => {
        context.workbook.worksheets.getItem('Trống').getRange('B1').getCellProperties({ format: { fill: { color: true } } });
        await context.sync();
      }),
      'ApiNotFound',
    );
  });
});

describe('host errors surface at sync', () => {
  it('ItemNotFound for a missing sheet, even when nothing else uses it; null object with getItemOrNullObject', async () => {
    const host = await sampleHost();
    const error = await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Không có');
        await context.sync();
      }),
      'ItemNotFound',
    );
    expect(error.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');

    const isNull = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Không có');
      await context.sync();
      return sheet.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it('ItemNotFound for a note on a cell without one; getItemOrNullObject gives a null object', async () => {
    const host = await sampleHost();
    await richError(
      host.run(async (context) => {
        const note = context.workbook.notes.getItem("'Danh sách'!B2");
        note.load('content');
        await context.sync();
      }),
      'ItemNotFound',
    );
    const found = await host.run(async (context) => {
      const existing = context.workbook.notes.getItem("'Danh sách'!A2");
      const missing = context.workbook.notes.getItemOrNullObject("'Danh sách'!B2");
      existing.load('content');
      await context.sync();
      return { content: existing.content, missing: missing.isNullObject };
    });
    expect(found).toEqual({ content: 'Kiểm tra tên', missing: true });
  });

  it('stops the batch at the failing request: earlier requests stay applied, later ones are dropped', async () => {
    const host = await sampleHost();
    await richError(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Trống');
        sheet.getRange('A1').values = [['before']];
        sheet.getRange('A2:B2').values = [['only one']]; // wrong shape: InvalidArgument
        sheet.getRange('A3').values = [['after']];
        await context.sync();
      }),
      'InvalidArgument',
    );
    expect(host.getValue('Trống', 'A1')).toBe('before');
    expect(host.getValue('Trống', 'A2')).toBeNull();
    expect(host.getValue('Trống', 'A3')).toBeNull();
  });

  it('needs the sheet in a workbook-level note address', async () => {
    const host = await sampleHost();
    await richError(
      host.run(async (context) => {
        context.workbook.notes.add('B2', 'no sheet');
        await context.sync();
      }),
      'InvalidArgument',
    );
  });
});

describe('what Excel makes of written values', () => {
  it('turns "=…" (and "+…"/"-…" text) into formulas, keeps apostrophe text as text, parses numbers', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Trống');
      sheet.getRange('A1:H1').values = [['=SUM(1,2)', "'=SUM(1,2)", '+84 912 345 678', "'+84 912 345 678", '-5', '0123', "'0123", 'TRUE']];
      sheet.getRange('A2').numberFormat = [['@']];
      sheet.getRange('A2').values = [['=1+1']]; // a Text-formatted cell keeps it as text
      await context.sync();
    });
    expect(host.getValue('Trống', 'A1')).toEqual({ formula: '=SUM(1,2)', result: null });
    expect(host.getValue('Trống', 'B1')).toBe('=SUM(1,2)');
    expect(host.getValue('Trống', 'C1')).toEqual({ formula: '=+84 912 345 678', result: null });
    expect(host.getValue('Trống', 'D1')).toBe('+84 912 345 678');
    expect(host.getValue('Trống', 'E1')).toBe(-5);
    expect(host.getValue('Trống', 'F1')).toBe(123);
    expect(host.getValue('Trống', 'G1')).toBe('0123');
    expect(host.getValue('Trống', 'H1')).toBe(true);
    expect(host.getValue('Trống', 'A2')).toBe('=1+1');
  });

  it('sends a Date as its JSON text (Office.js serialises requests), and null leaves a cell alone', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Danh sách').getRange('B2:C2');
      range.values = [[new Date(Date.UTC(2017, 0, 3)), null]];
      await context.sync();
    });
    expect(host.getValue('Danh sách', 'B2')).toBe('2017-01-03T00:00:00.000Z');
    expect(host.getValue('Danh sách', 'C2')).toBe(42);
  });
});

describe('fills, notes and more round-trip through toExcelJs()', () => {
  it('writes fills (cleared vs white), notes, merges, visibility and widths that ExcelJS reads back', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Danh sách');
      sheet.getRange('A2').format.fill.clear();
      sheet.getRange('B2').format.fill.color = '#ffffff';
      sheet.getRange('C2:D2').format.fill.color = 'FFC7CE';
      context.workbook.notes.add("'Danh sách'!C2", 'Tuổi không hợp lệ');
      const old = context.workbook.notes.getItem("'Danh sách'!A2");
      old.delete();
      sheet.getRange('A5:C5').merge();
      sheet.getRange('A:A').format.columnWidth = 120;
      context.workbook.worksheets.getItem('Trống').visibility = 'VeryHidden';
      await context.sync();
    });
    expect(host.getFill('Danh sách', 'A2')).toBeNull();
    expect(host.getFill('Danh sách', 'B2')).toBe('#FFFFFF');

    const buffer = await host.toExcelJs().xlsx.writeBuffer();
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(buffer);
    const ws = reread.getWorksheet('Danh sách')!;
    expect(ws.getCell('A2').fill).toBeUndefined();
    expect(ws.getCell('B2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } });
    expect(ws.getCell('D2').fill).toMatchObject({ fgColor: { argb: PEACH } });
    expect(ws.getCell('C2').note).toBe('Tuổi không hợp lệ');
    expect(ws.getCell('A2').note).toBeUndefined();
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2017, 0, 2)));
    expect(ws.getCell('E2').value).toEqual({ formula: 'C2*2', result: 84 });
    expect((ws.model as { merges?: string[] }).merges).toEqual(expect.arrayContaining(['A3:C3', 'A5:C5']));
    expect(reread.getWorksheet('Trống')!.state).toBe('veryHidden');
    expect(reread.getWorksheet('Ẩn')!.state).toBe('hidden');

    // And the fake reads its own output back to the same state.
    const again = await FakeExcelHost.fromXlsx(new Uint8Array(buffer));
    expect(again.getFill('Danh sách', 'A2')).toBeNull();
    expect(again.getFill('Danh sách', 'B2')).toBe('#FFFFFF');
    expect(again.getNote('Danh sách', 'C2')).toBe('Tuổi không hợp lệ');
    expect(again.getColumnWidth('Danh sách', 'A')).toBe(120);
    expect(again.getMerges('Danh sách')).toEqual(['A3:C3', 'A5:C5']);
    expect(again.getValues('Danh sách')).toEqual(host.getValues('Danh sách'));
  });
});

describe('requirement sets (apiVersion)', () => {
  it("an ExcelApi 1.1 host rejects getUsedRangeOrNullObject and notes, as office.js does, but has getUsedRange()", async () => {
    const host = await sampleHost({ apiVersion: '1.1' });
    expect(host.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(host.isSetSupported('ExcelApi', '1.4')).toBe(false);
    expect(host.isSetSupported('WordApi', '1.1')).toBe(false);

    // office.js checks these on the client, at the call: the batch fails before any sync.
    await richError(host.run(async (context) => context.workbook.worksheets.getItem('Trống').getUsedRangeOrNullObject(true)), 'ApiNotFound');
    await richError(host.run(async (context) => context.workbook.notes), 'ApiNotFound');
    await richError(host.run(async (context) => context.workbook.worksheets.getItem('Trống').notes.getCount()), 'ApiNotFound');
    expect(host.stats.syncs).toBe(0);

    // The host itself refuses what it does not know, at sync.
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Trống').getUsedRange(true);
        await context.sync();
      }),
      'ApiNotFound',
    );
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Trống').visibility = 'Hidden';
        await context.sync();
      }),
      'ApiNotFound',
    );

    const address = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Trống').getUsedRange();
      used.load('address');
      await context.sync();
      return used.address;
    });
    expect(address).toBe('Trống!A1');
  });
});

describe('globals', () => {
  it('defines Excel, Office and OfficeExtension, and puts back what was there', async () => {
    const host = await sampleHost({ apiVersion: '1.4' });
    const restore = host.installGlobals();
    try {
      await expect(Office.onReady()).resolves.toMatchObject({ host: 'Excel' });
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.4')).toBe(true);
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(false);
      expect(Office.HostType.Excel).toBe('Excel');
      expect(Excel.SheetVisibility.veryHidden).toBe('VeryHidden');
      const handler = (): void => undefined;
      Office.actions.associate('runCheck', handler);
      expect(host.associations.get('runCheck')).toBe(handler);

      const names = await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        return sheets.items.map((s) => s.name);
      });
      expect(names).toEqual(['Danh sách', 'Ẩn', 'Trống']);
      const error = await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('x');
        await context.sync();
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OfficeExtension.Error);
    } finally {
      restore();
    }
    expect(typeof (globalThis as Record<string, unknown>).Excel).toBe('undefined');
  });
});

describe('selection and sheets', () => {
  it('selects on a range\'s own sheet; activate() switches sheets', async () => {
    const host = await sampleHost();
    host.setSelection('Danh sách', 'C2');
    await host.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load('address');
      await context.sync();
      expect(selected.address).toBe("'Danh sách'!C2");

      context.workbook.worksheets.getItem('Trống').getRange('B3').select();
      await context.sync();
      expect(host.getSelection()).toEqual({ sheet: 'Danh sách', address: 'C2' });

      const sheet = context.workbook.worksheets.getItem('Trống');
      sheet.activate();
      sheet.getRange('B3:C4').select();
      await context.sync();
    });
    expect(host.getSelection()).toEqual({ sheet: 'Trống', address: 'B3:C4' });
  });

  it('adds, renames and deletes sheets with Excel\'s rules', async () => {
    const host = await sampleHost();
    await host.run(async (context) => {
      const added = context.workbook.worksheets.add('Kiểm tra');
      added.getRange('A1').values = [['ok']];
      added.freezePanes.freezeRows(1);
      context.workbook.worksheets.getItem('Trống').name = 'Rỗng';
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(['Danh sách', 'Ẩn', 'Rỗng', 'Kiểm tra']);
    expect(host.getFrozenPanes('Kiểm tra')).toEqual({ rows: 1, columns: 0 });
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.add('kiểm TRA'); // names compare case-insensitively
        await context.sync();
      }),
      'ItemAlreadyExists',
    );
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Rỗng').delete();
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(['Danh sách', 'Ẩn', 'Kiểm tra']);
  });
});

describe('ranges beyond one rectangle', () => {
  it('formats RangeAreas, lists merged areas, reports hidden rows and columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.mergeCells('B2:C3');
    ws.getRow(5).hidden = true;
    ws.getColumn(4).hidden = true;
    const host = FakeExcelHost.fromWorkbook(wb);
    const out = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const areas = sheet.getRanges('A1, C5:D6');
      areas.format.fill.color = 'red';
      areas.format.font.set({ bold: true, color: '#00ff00' });
      areas.load('address, areaCount');
      const merged = sheet.getRange('A1:Z20').getMergedAreasOrNullObject();
      merged.load('areas/items/address');
      const noMerges = sheet.getRange('E1:F2').getMergedAreasOrNullObject();
      const rows = sheet.getRange('4:6').load('rowHidden');
      const row5 = sheet.getRange('5:5').load('rowHidden, address');
      const colD = sheet.getRange('D:D').load('columnHidden, address');
      await context.sync();
      return {
        areas: { address: areas.address, areaCount: areas.areaCount },
        merged: merged.areas.items.map((r) => r.address),
        noMerges: noMerges.isNullObject,
        rows: rows.rowHidden,
        row5: row5.toJSON(),
        colD: colD.toJSON(),
      };
    });
    expect(out).toEqual({
      areas: { address: 'S!A1, S!C5:D6', areaCount: 2 },
      merged: ['S!B2:C3'],
      noMerges: true,
      rows: null, // mixed: row 5 hidden, rows 4 and 6 not
      row5: { rowHidden: true, address: 'S!5:5' },
      colD: { columnHidden: true, address: 'S!D:D' },
    });
    expect(host.getFill('S', 'D6')).toBe('#FF0000');
    expect(host.getFill('S', 'B1')).toBeNull();
    expect(host.getFont('S', 'A1')).toMatchObject({ bold: true, color: '#00FF00' });
  });

  it('getMergedAreasOrNullObject (1.13) lists only areas whose top-left cell is in the range (office-js#3611), and fails above 512', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.mergeCells('B2:C3');
    ws.mergeCells('E5:F5');
    const host = FakeExcelHost.fromWorkbook(wb);
    const out = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const fromTopLeft = sheet.getRange('B2:F9').getMergedAreasOrNullObject().load('areas/items/address, areaCount');
      // C3 is inside B2:C3 but not its top-left cell: not listed.
      const overlapOnly = sheet.getRange('C3:D4').getMergedAreasOrNullObject();
      await context.sync();
      return { areas: fromTopLeft.areas.items.map((r) => r.address), count: fromTopLeft.areaCount, overlapOnly: overlapOnly.isNullObject };
    });
    expect(out).toEqual({ areas: ['S!B2:C3', 'S!E5:F5'], count: 2, overlapOnly: true });

    const many = new ExcelJS.Workbook();
    const big = many.addWorksheet('S');
    for (let r = 1; r <= 513; r++) big.mergeCells(r, 1, r, 2);
    const tooMany = FakeExcelHost.fromWorkbook(many);
    await expect(
      tooMany.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.getRange('A1:B512').getMergedAreasOrNullObject().load('areaCount');
        await context.sync();
        sheet.getRange().getMergedAreasOrNullObject().load('areaCount');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', debugInfo: { errorLocation: 'Range.getMergedAreasOrNullObject' } });
    expect(tooMany.stats.syncs).toBe(2);
    await expect(FakeExcelHost.fromWorkbook(wb, { apiVersion: '1.12' }).run(async (context) => void context.workbook.worksheets.getItem('S').getRange().getMergedAreasOrNullObject())).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('getRowProperties/getColumnProperties (1.9) give per row (column) only what was asked for; rowHidden reads null when mixed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getRow(3).hidden = true;
    ws.getColumn(2).hidden = true;
    const host = FakeExcelHost.fromWorkbook(wb);
    host.resetStats();
    const out = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A2:C4');
      range.load('rowHidden, columnHidden');
      const rows = range.getRowProperties({ rowHidden: true });
      const cols = range.getColumnProperties({ columnHidden: true, columnIndex: true, address: true });
      expect(() => rows.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      expect(() => range.rowHidden).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      return { rowHidden: range.rowHidden, columnHidden: range.columnHidden, rows: rows.value, cols: cols.value };
    });
    expect(out).toEqual({
      rowHidden: null,
      columnHidden: null,
      rows: [{ rowHidden: false }, { rowHidden: true }, { rowHidden: false }],
      cols: [
        { address: 'S!A2:A4', columnIndex: 0, columnHidden: false },
        { address: 'S!B2:B4', columnIndex: 1, columnHidden: true },
        { address: 'S!C2:C4', columnIndex: 2, columnHidden: false },
      ],
    });
    // The arrays come back in the response: it grows with the rows asked for.
    const bytesFor = async (address: string): Promise<number> => {
      host.resetStats();
      await host.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange(address).getRowProperties({ rowHidden: true });
        await context.sync();
      });
      return host.stats.log[0].responseBytes;
    };
    const ten = await bytesFor('A1:A10');
    const thousand = await bytesFor('A1:A1000');
    expect(thousand - ten).toBeGreaterThan(990 * 15);
    expect(thousand - ten).toBeLessThan(990 * 30);
    await expect(host.run(async (context) => void context.workbook.worksheets.getItem('S').getRange('A1:A2').getRowProperties({ rowHidden: true, format: { rowHeight: true } })).then(() => undefined)).rejects.toMatchObject({ code: 'InvalidArgument' });
    const old = FakeExcelHost.fromWorkbook(wb, { apiVersion: '1.8' });
    await expect(old.run(async (context) => void context.workbook.worksheets.getItem('S').getRange('A1:A2').getRowProperties({ rowHidden: true }))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('shows values through number formats in Range.text', async () => {
    const host = await sampleHost();
    const text = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Trống').getRange('A1:D1');
      range.values = [[0.1234, 1234567.891, '2017-03-04', 5]];
      // null leaves the format Excel chose for the ISO date.
      range.numberFormat = [['0.0%', '#,##0.00 "đ"', null, '00']];
      range.load('text, values, numberFormat');
      await context.sync();
      return { text: range.text, values: range.values, numberFormat: range.numberFormat };
    });
    expect(text).toEqual({
      text: [['12.3%', '1,234,567.89 đ', '2017-03-04', '05']],
      values: [[0.1234, 1234567.891, 42798, 5]],
      numberFormat: [['0.0%', '#,##0.00 "đ"', 'yyyy-mm-dd', '00']],
    });
  });
});
