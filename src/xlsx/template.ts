/** `xeploai template`: the core's template layouts rendered into a new .xlsx workbook. */
import ExcelJS from 'exceljs';
import { type CriteriaValues, ruleSetTemplate, type RuleSetTemplate, templateSheets, type TemplateOptions, type TemplatePositions } from '../core/output/template';
import type { TableForm } from '../core/forms/definitions';
import type { AnyRuleSet } from '../core/ruleSets/types';
import { renderLayout } from './renderLayout';

export type { TableLayout, TableWithFields, TemplatePositions as TemplateLayout } from '../core/output/template';
export { TEMPLATE_ROWS } from '../core/output/template';

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'XếpLoại';
  wb.title = 'Đánh giá, phân loại chất lượng đảng viên và chi bộ';
  return wb;
}

/**
 * A new workbook holding every input sheet of FORMS.md (rule set hd27-2014), empty, and where its fields
 * and columns are; with the schedule and dossier sheets unless `withProcedure: false`.
 */
export function buildTemplate(options: TemplateOptions = {}): { workbook: ExcelJS.Workbook; layout: TemplatePositions } {
  const wb = newWorkbook();
  const { layouts, positions } = templateSheets({ withProcedure: true, ...options });
  for (const layout of layouts) renderLayout(wb, layout);
  return { workbook: wb, layout: positions };
}

/**
 * A new workbook holding the input sheets of `ruleSet` (with the schedule and dossier sheets unless
 * `withProcedure: false`), `Bộ tiêu chí` holding `criteria` when given (a ward's copy).
 */
export function buildRuleSetTemplate(ruleSet: AnyRuleSet, options: TemplateOptions & { criteria?: CriteriaValues } = {}): { workbook: ExcelJS.Workbook; layout: RuleSetTemplate } {
  const wb = newWorkbook();
  const template = ruleSetTemplate(ruleSet, { withProcedure: true, ...options });
  for (const layout of template.layouts) renderLayout(wb, layout);
  return { workbook: wb, layout: template };
}

type Cell = string | number | boolean | Date | null | undefined;
type Row = Readonly<Record<string, Cell>>;

/** What fills a rule set's template: the info fields, each table's rows (and header fields) by form key. */
export interface TemplateData {
  readonly organisation?: string;
  readonly info: Row;
  readonly tables: Partial<Readonly<Record<TableForm['key'], readonly Row[]>>>;
  readonly tableFields?: Partial<Readonly<Record<TableForm['key'], Row>>>;
  readonly criteria?: CriteriaValues;
  readonly withoutProcedure?: boolean;
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: Cell): void {
  if (value === undefined) return;
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
}

/** The template of `ruleSet` filled from plain data by field and column key (the 2025 example, tests). */
export function fillRuleSetTemplate(ruleSet: AnyRuleSet, data: TemplateData): { workbook: ExcelJS.Workbook; layout: RuleSetTemplate } {
  const { workbook, layout } = buildRuleSetTemplate(ruleSet, { organisation: data.organisation, withProcedure: !data.withoutProcedure, criteria: data.criteria });
  const info = workbook.getWorksheet(layout.info.sheet) as ExcelJS.Worksheet;
  for (const [key, value] of Object.entries(data.info)) {
    const row = layout.info.rows.get(key);
    if (row === undefined) throw new Error(`Unknown field "${key}"`);
    put(info, row, layout.info.valueColumn, value);
  }
  const keys = new Set([...Object.keys(data.tables), ...Object.keys(data.tableFields ?? {})]) as Set<TableForm['key']>;
  for (const key of keys) {
    const table = layout.tables.get(key);
    if (!table) throw new Error(`The template of ${ruleSet.id} has no sheet for "${key}"`);
    const ws = workbook.getWorksheet(table.sheet) as ExcelJS.Worksheet;
    for (const [field, value] of Object.entries(data.tableFields?.[key] ?? {})) {
      const row = table.fieldRows.get(field);
      if (row === undefined) throw new Error(`Unknown field "${field}" for sheet ${table.sheet}`);
      put(ws, row, table.valueColumn, value);
    }
    (data.tables[key] ?? []).forEach((rowData, i) => {
      for (const [column, value] of Object.entries(rowData)) {
        const col = table.columns.get(column);
        if (col === undefined) throw new Error(`Unknown column "${column}" for sheet ${table.sheet}`);
        put(ws, table.firstDataRow + i, col, value);
      }
    });
  }
  return { workbook, layout };
}
