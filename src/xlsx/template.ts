/** `xeploai template`: the core's template layouts rendered into a new .xlsx workbook. */
import ExcelJS from 'exceljs';
import { templateSheets, type TemplateOptions, type TemplatePositions } from '../core/output/template';
import { renderLayout } from './renderLayout';

export type { TableLayout, TableWithFields, TemplatePositions as TemplateLayout } from '../core/output/template';
export { TEMPLATE_ROWS } from '../core/output/template';

/**
 * A new workbook holding every input sheet of FORMS.md, empty, and where its fields and columns are;
 * with the schedule and dossier sheets unless `withProcedure: false`.
 */
export function buildTemplate(options: TemplateOptions = {}): { workbook: ExcelJS.Workbook; layout: TemplatePositions } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'XếpLoại';
  wb.title = 'Đánh giá, phân loại chất lượng đảng viên và chi bộ';
  const { layouts, positions } = templateSheets({ withProcedure: true, ...options });
  for (const layout of layouts) renderLayout(wb, layout);
  return { workbook: wb, layout: positions };
}
