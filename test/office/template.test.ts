/** "Tạo mẫu" inside Excel: the missing input sheets appear with their dropdowns; nothing typed is touched. */
import { checkWorkbook } from '../../src/core/check';
import { readWorkbook } from '../../src/office/readWorkbook';
import { addTemplateSheets } from '../../src/office/template';
import { hostWith, run } from '../helpers/excelHost';

// A new workbook gets the rule set in force, hd43-2025 (the 2014 sheets: test/office/template25.test.ts).
const INPUT = ['Thông tin chi bộ', 'Danh sách đảng viên', 'Bộ tiêu chí', 'Chấm điểm đảng viên', 'Chấm điểm chi bộ', 'Biểu quyết CBLĐQL', 'Kế hoạch', 'Hồ sơ chi bộ', 'Hồ sơ CBLĐQL'];

describe('Tạo mẫu in the open workbook', () => {
  it('adds every input sheet (the plan and dossier sheets too) with dropdowns, readable by the checker without a missing sheet or column', async () => {
    const host = await hostWith((wb) => wb.addWorksheet('Sheet1').getCell('A1').value = 'ghi chú của tôi');
    const added = await run(host, (context) => addTemplateSheets(context, 'ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN'));
    expect(added).toEqual(INPUT);
    expect(host.getValue('Sheet1', 'A1')).toBe('ghi chú của tôi');
    const validations = host.getValidations('Danh sách đảng viên');
    expect(JSON.stringify(validations)).toContain('Chính thức,Dự bị');
    expect(JSON.stringify(validations)).toContain('Có,Không');
    const model = await run(host, (context) => readWorkbook(context));
    const result = checkWorkbook(model);
    const structural = result.issues.filter((i) => i.rule === 'DATA-01' && (i.cell === null || /thiếu cột/.test(i.message)));
    expect(structural).toEqual([]);
    // The schedule and dossier sheets, empty as the template leaves them, bring no PROC warning (RULES.md 9.13).
    expect(result.issues.filter((i) => i.rule.startsWith('PROC'))).toEqual([]);
  });

  it('leaves a sheet the workbook already has exactly as it is, even under another spelling', async () => {
    const host = await hostWith((wb) => {
      const ws = wb.addWorksheet('DANH SACH DANG VIEN');
      ws.getCell('B7').value = 'Nguyễn Văn An';
    });
    const added = await run(host, (context) => addTemplateSheets(context));
    expect(added).not.toContain('Danh sách đảng viên');
    expect(added).toContain('Kế hoạch');
    expect(host.sheetNames()).not.toContain('Danh sách đảng viên');
    expect(host.getValue('DANH SACH DANG VIEN', 'B7')).toBe('Nguyễn Văn An');
  });

  it('works on Excel 2016 (ExcelApi 1.1): the sheets without dropdowns', async () => {
    const host = await hostWith((wb) => wb.addWorksheet('Sheet1'), '1.1');
    const added = await run(host, (context) => addTemplateSheets(context));
    expect(added).toEqual(INPUT);
    expect(host.getValidations('Danh sách đảng viên')).toEqual([]);
  });
});
