/**
 * "Tạo mẫu" under the rule sets (issue 14), in the fake Excel host: a new workbook gets hd43-2025 with
 * "Bộ quy tắc" filled in; a workbook completes with the sheets of the rule set it will be checked under
 * (its own "Bộ quy tắc", else the pane's for a workbook that already has `Thông tin chi bộ`); a `Bộ tiêu
 * chí` the workbook already has (the đảng ủy's copy) is kept with its values, and is what the check reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import { CRITERIA_SETTINGS, HD43_INPUT_FORMS } from '../../src/core/forms/definitions';
import { readWorkbook } from '../../src/office/readWorkbook';
import { addTemplateSheets } from '../../src/office/template';
import { FakeExcelHost } from '../fake-excel';
import { hostWith, run } from '../helpers/excelHost';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE_2017 = join(ROOT, 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const EXAMPLE_2025 = join(ROOT, 'examples', 'chi-bo-thanh-khe-2025.xlsx');

/** A workbook holding only the 2025 example's `Bộ tiêu chí` (as a đảng ủy sends it to its chi bộ). */
async function wardCriteriaHost(apiVersion = '1.18'): Promise<FakeExcelHost> {
  const ward = new ExcelJS.Workbook();
  await ward.xlsx.readFile(EXAMPLE_2025);
  for (const ws of [...ward.worksheets]) if (ws.name !== 'Bộ tiêu chí') ward.removeWorksheet(ws.id);
  const buffer = await ward.xlsx.writeBuffer();
  return FakeExcelHost.fromXlsx(new Uint8Array(buffer as ArrayBuffer), { apiVersion });
}

const HD43_SHEETS = HD43_INPUT_FORMS.map((f) => f.sheet);

describe('Tạo mẫu: which rule set', () => {
  it('a new workbook: the hd43-2025 sheets, "Bộ quy tắc" filled in with its dropdown, Bộ tiêu chí with its defaults, checked as hd43-2025', async () => {
    const host = await hostWith((wb) => wb.addWorksheet('Sheet1'));
    // The pane's setting (hd27-2014 by default) does not make a new workbook a 2014 one.
    expect(await run(host, (context) => addTemplateSheets(context, 'ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN', 'hd27-2014'))).toEqual(HD43_SHEETS);
    const info = host.getValues('Thông tin chi bộ');
    const row = info.findIndex((r) => r[0] === 'Bộ quy tắc');
    expect(info[row][1]).toBe('hd43-2025');
    expect(JSON.stringify(host.getValidations('Thông tin chi bộ'))).toContain('hd27-2014,hd43-2025');
    const criteria = JSON.stringify(host.getValidations('Bộ tiêu chí'));
    expect(criteria).toContain('Đảng bộ,Chi bộ');
    expect(criteria).toContain('Trung bình phiếu,Chi ủy nhập');
    const result = checkWorkbook(await run(host, (context) => readWorkbook(context)));
    expect(result.ruleSet).toBe('hd43-2025');
    expect(result.settings?.map((s) => s.source)).toEqual(CRITERIA_SETTINGS.map(() => 'default'));
    expect(result.issues.filter((i) => i.rule === 'DATA-01' && (i.cell === null || /thiếu cột/.test(i.message)))).toEqual([]);
  });

  it('a 2014 workbook (Thông tin chi bộ without "Bộ quy tắc") is completed as the pane reads it: the 2014 sheets by default', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE_2017);
    wb.removeWorksheet((wb.getWorksheet('Kiểm phiếu đảng viên') as ExcelJS.Worksheet).id);
    const host = await FakeExcelHost.fromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const before = host.sheetNames();
    const values = before.map((s) => host.getValues(s));
    const added = await run(host, (context) => addTemplateSheets(context));
    expect(added).toEqual(['Kiểm phiếu đảng viên']);
    expect(before.map((s) => host.getValues(s))).toEqual(values);
  });

  it('… and with the hd43-2025 sheets it lacks when the pane is set to hd43-2025', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE_2017));
    const added = await run(host, (context) => addTemplateSheets(context, undefined, 'hd43-2025'));
    expect(added).toEqual(['Bộ tiêu chí', 'Chấm điểm đảng viên']);
  });

  it('the workbook\'s own "Bộ quy tắc" wins over the pane\'s setting', async () => {
    const host = await hostWith((wb) => {
      const ws = wb.addWorksheet('Thông tin chi bộ');
      ws.getCell('A1').value = 'Bộ quy tắc';
      ws.getCell('B1').value = 'hd27-2014';
    });
    const added = await run(host, (context) => addTemplateSheets(context, undefined, 'hd43-2025'));
    expect(added).toContain('Kiểm phiếu đảng viên');
    expect(added).not.toContain('Bộ tiêu chí');
    expect(host.getValue('Thông tin chi bộ', 'B1')).toBe('hd27-2014');
  });
});

describe('Tạo mẫu with the đảng ủy\'s Bộ tiêu chí already in the workbook (CFG25)', () => {
  it('CFG25-01 keeps it as it is, adds the rest, and the check reads the ward\'s settings (confirmed, not defaults)', async () => {
    const host = await wardCriteriaHost();
    const before = host.getValues('Bộ tiêu chí');
    const added = await run(host, (context) => addTemplateSheets(context));
    expect(added).toEqual(HD43_SHEETS.filter((s) => s !== 'Bộ tiêu chí'));
    expect(host.getValues('Bộ tiêu chí')).toEqual(before);
    const result = checkWorkbook(await run(host, (context) => readWorkbook(context)));
    expect(result.ruleSet).toBe('hd43-2025');
    expect(result.settings?.map((s) => s.source)).toEqual(CRITERIA_SETTINGS.map(() => 'sheet'));
    expect(result.issues.filter((i) => i.rule === 'CFG25-01')).toEqual([]);
  });

  it('works on Excel 2016 (ExcelApi 1.1): the same sheets, without dropdowns', async () => {
    const host = await wardCriteriaHost('1.1');
    const added = await run(host, (context) => addTemplateSheets(context));
    expect(added).toEqual(HD43_SHEETS.filter((s) => s !== 'Bộ tiêu chí'));
    expect(host.getValidations('Thông tin chi bộ')).toEqual([]);
  });
});
