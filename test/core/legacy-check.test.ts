/**
 * DATA-06 in the check: one warning per legacy cell, naming the sheet, the cell, the encoding and the
 * Unicode reading; and the rest of the check reads the converted text, so a roll typed in TCVN3 still
 * matches a tally typed in Unicode (DATA-08).
 */
import type ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import { convertModel, encodeTcvn3, encodeVni, findLegacyText } from '../../src/core/text/legacy';
import { at, build, check, example, issuesOf } from '../helpers/workbook';

const ROLL = 'Danh sách đảng viên';
const TALLY = 'Kiểm phiếu đảng viên';

it('DATA-06 the bundled example has no legacy text', () => {
  expect(issuesOf(check(), 'DATA-06')).toEqual([]);
});

it('DATA-06 a roll name in TCVN3 is a warning on its cell and still matches the tally (DATA-08)', () => {
  const data = example();
  const name = String(data.roll[1].name);
  data.roll[1].name = encodeTcvn3(name);
  const result = check(data);
  const found = issuesOf(result, 'DATA-06');
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ sheet: ROLL, cell: at('roll', 1, 'name'), severity: 'warning' });
  expect(found[0].message).toContain('TCVN3');
  expect(found[0].message).toContain(`"${name}"`);
  expect(found[0].messageEn).toContain(`read as "${name}"`);
  expect(issuesOf(result, 'DATA-08')).toEqual([]);
  expect(result.members.map((m) => m.name)).toContain(name);
});

it('DATA-06 a tally typed in VNI with a VNI-Times font matches the Unicode roll', () => {
  const data = example();
  const result = check(data, (wb) => {
    const ws = wb.getWorksheet(TALLY) as ExcelJS.Worksheet;
    for (let i = 0; i < data.tally.length; i++) {
      const cell = ws.getCell(at('tally', i, 'name'));
      if (typeof cell.value !== 'string') continue;
      cell.value = encodeVni(cell.value);
      cell.font = { ...cell.font, name: 'VNI-Times' };
    }
  });
  const found = issuesOf(result, 'DATA-06');
  expect(found.length).toBeGreaterThan(3);
  expect(found.every((i) => i.sheet === TALLY && i.message.includes('VNI-Windows'))).toBe(true);
  expect(issuesOf(result, 'DATA-08')).toEqual([]);
});

it('DATA-06 a legacy name of someone not on the tally is still a DATA-08 error, named in Unicode', () => {
  const data = example();
  data.roll[1].name = encodeTcvn3('Bảo Thắng');
  const result = check(data);
  expect(issuesOf(result, 'DATA-06')).toHaveLength(1);
  const mismatch = issuesOf(result, 'DATA-08').find((i) => i.sheet === ROLL);
  expect(mismatch?.message).toContain('"Bảo Thắng"');
});

it('DATA-06 the .xlsx reader gives each non-ASCII text cell its font, so a faint cell in .VnTime is found', () => {
  const { model } = build(example(), (wb) => {
    const ws = wb.addWorksheet('Ghi chú');
    ws.getCell('A1').value = encodeTcvn3('Có');
    ws.getCell('A1').font = { name: '.VnTime', size: 13 };
    ws.getCell('A2').value = 'Có';
    ws.getCell('A2').font = { name: 'Times New Roman' };
    ws.getCell('A3').value = 'Nguyen Van A';
    ws.getCell('A3').font = { name: '.VnTime' };
    ws.getCell('A4').value = { richText: [{ text: encodeTcvn3('Hồ') as string, font: { name: '.VnTimeH' } }] };
  });
  const sheet = model.sheets.find((s) => s.name === 'Ghi chú');
  expect(sheet?.fonts).toEqual([['.VnTime'], ['Times New Roman'], [null], ['.VnTimeH']]);
  const found = findLegacyText(model);
  expect(found.map((f) => `${f.sheet}!${f.cell} ${f.converted} ${f.unicodeFont}`)).toEqual(['Ghi chú!A1 Có Times New Roman', 'Ghi chú!A4 HỒ Times New Roman']);
});

it('DATA-06 two sheets of one name (a damaged file): each reading goes to the sheet it was found on, and nothing throws', () => {
  // The shape fast-check found (seed -448932869): an empty sheet, then one of the same name with a legacy text.
  const legacy = encodeTcvn3('Trần Văn Bình');
  const model = {
    sheets: [
      { name: 'Trang', values: [], originRow: 0, originCol: 0 },
      { name: 'Trang', values: [['Chi bộ'], [legacy]], originRow: 0, originCol: 0 },
      { name: 'Trang', values: [['Khác'], ['Khác nữa']], originRow: 0, originCol: 0 },
    ],
  };
  const findings = findLegacyText(model);
  expect(findings.map((f) => f.cell)).toEqual(['A2']);
  const converted = convertModel(model, findings);
  expect(converted.sheets.map((s) => s.values)).toEqual([[], [['Chi bộ'], ['Trần Văn Bình']], [['Khác'], ['Khác nữa']]]);
  // What the clerk typed is not touched: the model given is unchanged.
  expect(model.sheets[1].values[1][0]).toBe(legacy);
  expect(() => checkWorkbook(model)).not.toThrow();
});
