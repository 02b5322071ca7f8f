/**
 * "Tạo mẫu": adds the blank input sheets of a rule set to the open workbook: those of FORMS.md and the
 * optional schedule and dossier sheets of WARD.md (`Kế hoạch`, `Hồ sơ chi bộ`, `Hồ sơ CBLĐQL`), and under
 * hd43-2025 `Bộ tiêu chí` and `Chấm điểm đảng viên`. A sheet the workbook already has (by the reader's own
 * matching, so "Danh sach dang vien" counts) is left exactly as it is: a `Bộ tiêu chí` the đảng ủy already
 * put in the workbook stays, with its values, and is the one the check reads.
 *
 * Which rule set: the one the workbook will be checked under (ruleSets/resolve.ts `chooseRuleSet`). A
 * workbook whose `Thông tin chi bộ` names one ("Bộ quy tắc") gets that rule set's sheets; one whose
 * `Thông tin chi bộ` has no such field is read as the pane's rule set (`ruleSet`, hd27-2014 by default), so
 * it is completed with that rule set's sheets; a workbook without `Thông tin chi bộ` is new: it gets the
 * rule set in force (TEMPLATE_RULE_SET), "Bộ quy tắc" filled in.
 */
import { findSheet } from '../core/forms/locate';
import { INFO_FORM } from '../core/forms/definitions';
import { ruleSetTemplate } from '../core/output/template';
import { DEFAULT_RULE_SET, TEMPLATE_RULE_SET } from '../core/ruleSets';
import { chooseRuleSet } from '../core/ruleSets/resolve';
import { newIssueSink } from '../core/rules/issue';
import { readOpenWorkbook, toSheetGrid } from './readWorkbook';
import { BatchWriter } from './batch';
import { queueLayout } from './renderLayout';

export async function addTemplateSheets(context: Excel.RequestContext, organisation?: string, ruleSet?: string): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  // Only names matter here: a sheet found by title needs its values, which a template never overwrites anyway.
  const names = { sheets: worksheets.items.map((s) => toSheetGrid(s.name, null)) };
  const info = findSheet(names, INFO_FORM, new Set(), 'name');
  // The info sheet's values, for its "Bộ quy tắc" (the one sheet read).
  const model = info ? (await readOpenWorkbook(context, { include: (name) => name === info.name, shapes: false })).model : names;
  const chosen = chooseRuleSet(model, { ruleSet: info ? (ruleSet ?? DEFAULT_RULE_SET) : TEMPLATE_RULE_SET }, newIssueSink()).ruleSet;
  const present = new Set(chosen.reads.filter((form) => findSheet(names, form, new Set()) !== null).map((form) => form.sheet));
  const added: string[] = [];
  const writer = new BatchWriter(context);
  for (const layout of ruleSetTemplate(chosen, { organisation, withProcedure: true }).layouts) {
    if (present.has(layout.name)) continue;
    await queueLayout(context, layout, false, writer);
    added.push(layout.name);
  }
  if (writer.hasPending) await writer.flush();
  return added;
}
