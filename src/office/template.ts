/**
 * "Tạo mẫu": adds the blank input sheets of FORMS.md, then the optional schedule and dossier sheets of
 * WARD.md (`Kế hoạch`, `Hồ sơ chi bộ`, `Hồ sơ CBLĐQL`), to the open workbook. A sheet the workbook already
 * has (by the reader's own matching, so "Danh sach dang vien" counts) is left exactly as it is.
 */
import { findSheet } from '../core/forms/locate';
import { ALL_INPUT_FORMS } from '../core/forms/definitions';
import { templateSheets } from '../core/output/template';
import { toSheetGrid } from './readWorkbook';
import { BatchWriter } from './batch';
import { queueLayout } from './renderLayout';

export async function addTemplateSheets(context: Excel.RequestContext, organisation?: string): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  // Only names matter here: a sheet found by title needs its values, which a template never overwrites anyway.
  const model = { sheets: worksheets.items.map((s) => toSheetGrid(s.name, null)) };
  const present = new Set(ALL_INPUT_FORMS.filter((form) => findSheet(model, form, new Set()) !== null).map((form) => form.sheet));
  const added: string[] = [];
  const writer = new BatchWriter(context);
  for (const layout of templateSheets({ organisation, withProcedure: true }).layouts) {
    if (present.has(layout.name)) continue;
    await queueLayout(context, layout, false, writer);
    added.push(layout.name);
  }
  if (writer.hasPending) await writer.flush();
  return added;
}
