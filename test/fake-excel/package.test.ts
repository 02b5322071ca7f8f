/**
 * `FakeExcelHost.fromXlsx` shows the values Excel shows for the files of issue 12, which ExcelJS
 * misreads or refuses: ISO dates (`t="d"`), 1904 workbooks, sheet XML with a namespace prefix, cells
 * without `r`, sheet parts with other names; and the host tells the date system as Excel does (the
 * DATE function, ExcelApi 1.2), refusing it on an older host.
 */
import { FakeExcelHost } from '.';
import { buildPackage } from './packages';
import { isoDateSerial } from './package';

/** 2017-12-01 in the 1900 and 1904 systems. */
const DEC_1_2017 = 43070;
const DEC_1_2017_1904 = DEC_1_2017 - 1462;

async function valuesOf(host: FakeExcelHost, sheet: string, address: string): Promise<unknown[][]> {
  return host.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.load('values');
    await context.sync();
    return range.values;
  });
}

describe('fromXlsx: the values Excel shows', () => {
  it('a t="d" cell is the serial of its date (and time), not the year read as a number', async () => {
    const bytes = await buildPackage({
      sheets: [{ name: 'Ngày', rows: '<row r="1"><c r="A1" t="d" s="1"><v>2017-12-01</v></c><c r="B1" t="d" s="1"><v>2017-12-01T12:00:00</v></c><c r="C1" s="1"><v>43070</v></c></row>' }],
    });
    const host = await FakeExcelHost.fromXlsx(bytes);
    expect(await valuesOf(host, 'Ngày', 'A1:C1')).toEqual([[DEC_1_2017, DEC_1_2017 + 0.5, DEC_1_2017]]);
    expect(host.getValue('Ngày', 'A1')).toBe(DEC_1_2017);
  });

  it('a 1904 workbook keeps its serials and counts t="d" dates from 1904', async () => {
    const bytes = await buildPackage({
      date1904: true,
      sheets: [{ name: 'Mac', rows: `<row r="1"><c r="A1" s="1"><v>${DEC_1_2017_1904}</v></c><c r="B1" t="d" s="1"><v>2017-12-01</v></c></row>` }],
    });
    const host = await FakeExcelHost.fromXlsx(bytes);
    expect(await valuesOf(host, 'Mac', 'A1:B1')).toEqual([[DEC_1_2017_1904, DEC_1_2017_1904]]);
    expect(host.toSnapshot()).toMatchObject({ date1904: true });
  });

  it('sheet XML with a namespace prefix (x:row, x:c) reads as the unprefixed one', async () => {
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#REF!</v></c></row>';
    const plain = await FakeExcelHost.fromXlsx(await buildPackage({ sheets: [{ name: 'S', rows }], sharedStrings: ['Nguyễn Văn An'] }));
    const prefixed = await FakeExcelHost.fromXlsx(await buildPackage({ prefixed: true, sheets: [{ name: 'S', rows }], sharedStrings: ['Nguyễn Văn An'] }));
    const expected = [['Nguyễn Văn An', 7, true, '#REF!']];
    expect(await valuesOf(plain, 'S', 'A1:D1')).toEqual(expected);
    expect(await valuesOf(prefixed, 'S', 'A1:D1')).toEqual(expected);
    expect(prefixed.getValue('S', 'D1')).toEqual({ error: '#REF!' });
  });

  it('rows and cells without `r` are the next row and the next column', async () => {
    const bytes = await buildPackage({
      sheets: [{ name: 'S', rows: '<row><c><v>1</v></c><c t="inlineStr"><is><t>hai</t></is></c></row><row r="4"><c><v>4</v></c><c r="C4"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>' }],
    });
    const host = await FakeExcelHost.fromXlsx(bytes);
    expect(host.getValues('S')).toEqual([
      [1, 'hai', null, null],
      [null, null, null, null],
      [null, null, null, null],
      [4, null, 5, 6],
      [7, null, null, null],
    ]);
  });

  it('a sheet part named otherwise than sheetN.xml is found through the workbook relationships', async () => {
    const bytes = await buildPackage({
      sheets: [
        { name: 'Danh sách', part: 'xl/worksheets/data/Trang tinh.xml', rows: '<row r="2"><c r="B2"><v>5</v></c></row>' },
        { name: 'Khác', part: 'xl/other.xml', rows: '<row r="1"><c r="A1"><v>9</v></c></row>' },
      ],
    });
    const host = await FakeExcelHost.fromXlsx(bytes);
    expect(host.sheetNames()).toEqual(['Danh sách', 'Khác']);
    expect(host.getValue('Danh sách', 'B2')).toBe(5);
    expect(host.getValue('Khác', 'A1')).toBe(9);
  });

  it('ISO dates: date, date and time, time alone; text that is no date stays text', () => {
    expect(isoDateSerial('2017-12-01', false)).toBe(DEC_1_2017);
    expect(isoDateSerial('2017-12-01T06:00:00Z', false)).toBe(DEC_1_2017 + 0.25);
    expect(isoDateSerial('2017-12-01', true)).toBe(DEC_1_2017_1904);
    expect(isoDateSerial('T12:00:00', false)).toBe(0.5);
    expect(isoDateSerial('2017-02-30', false)).toBe('2017-02-30');
    expect(isoDateSerial('mùng 1', false)).toBe('mùng 1');
  });
});

describe('the workbook date system through the API', () => {
  async function dateOf1904(host: FakeExcelHost): Promise<unknown> {
    return host.run(async (context) => {
      const day = context.workbook.functions.date(1904, 1, 1);
      day.load('value');
      await context.sync();
      return day.value;
    });
  }

  it('DATE(1904, 1, 1) is 1462 in a 1900 workbook and 0 in a 1904 one', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
    expect(await dateOf1904(await FakeExcelHost.fromXlsx(await buildPackage({ sheets: [{ name: 'S', rows }] })))).toBe(1462);
    expect(await dateOf1904(await FakeExcelHost.fromXlsx(await buildPackage({ date1904: true, sheets: [{ name: 'S', rows }] })))).toBe(0);
  });

  it('Workbook.functions is refused before ExcelApi 1.2, at the call, as office.js does', async () => {
    const host = await FakeExcelHost.fromXlsx(await buildPackage({ sheets: [{ name: 'S', rows: '' }] }), { apiVersion: '1.1' });
    await expect(dateOf1904(host)).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(host.stats.syncs).toBe(0);
  });
});
