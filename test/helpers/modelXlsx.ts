/** A hand-made WorkbookModel (test/helpers/chibo25.ts) as an .xlsx workbook: values only, as a clerk's file holds them. */
import ExcelJS from 'exceljs';
import type { WorkbookModel } from '../../src/core/grid';

export function modelWorkbook(model: WorkbookModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(sheet.originRow + r + 1, sheet.originCol + c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  return wb;
}

export async function writeModelXlsx(model: WorkbookModel, path: string): Promise<string> {
  await modelWorkbook(model).xlsx.writeFile(path);
  return path;
}
