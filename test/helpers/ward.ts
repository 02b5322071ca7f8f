/**
 * Hand-made ward sheets for the LEAD, PROC and AGG tests: `Biểu quyết CBLĐQL`, `Kế hoạch` and the two
 * dossier checklists as grids, built from the form definitions (canonical labels), and a way to add them
 * to a chi bộ built by test/helpers/chibo.ts. Header fields come first (label in A, value in B), then a
 * blank row, then the header row, then the data rows.
 */
import { type WardInput, aggregateWard, type WardResult } from '../../src/core/aggregate';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { CHI_BO_DOSSIER_FORM, LEADER_DOSSIER_FORM, LEADERS_FORM, PLAN_FORM, type TableForm } from '../../src/core/forms/definitions';
import { a1, type CellValue, type SheetGrid, type WorkbookModel } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import { buildChiBo, type ChiBoSpec, day, type EngineOptions } from './chibo';

export interface FormSheet {
  readonly grid: SheetGrid;
  /** Address of column `key` on data row `i` (0-based). */
  cell(i: number, key: string): string;
  /** Address of a header field's value. */
  field(key: string): string;
}

const asDate = (v: CellValue): CellValue => (typeof v === 'string' && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v) ? day(v) : v);

/** A sheet of `form` holding `rows` (by column key) under `fields` (by field key). */
export function formSheet(form: TableForm, rows: readonly Record<string, CellValue>[], fields: Record<string, CellValue> = {}, options: { omitColumns?: readonly string[]; name?: string } = {}): FormSheet {
  const defs = (form.fields ?? []).filter((f) => f.key in fields);
  const values: CellValue[][] = defs.map((f) => [f.label, asDate(fields[f.key])]);
  if (defs.length) values.push([]);
  const columns = form.columns.filter((c) => !c.notInTemplate && !(options.omitColumns ?? []).includes(c.key));
  const headerRow = values.length;
  values.push(columns.map((c) => (c.group ? `${c.group} - ${c.label}` : c.label)));
  for (const row of rows) values.push(columns.map((c) => (row[c.key] === undefined ? null : asDate(row[c.key]))));
  const fieldRow = new Map(defs.map((f, i) => [f.key, i]));
  return {
    grid: { name: options.name ?? form.sheet, values, originRow: 0, originCol: 0 },
    cell: (i, key) => {
      const c = columns.findIndex((x) => x.key === key);
      if (c < 0) throw new Error(`no column ${key}`);
      return a1(headerRow + 1 + i, c);
    },
    field: (key) => {
      const r = fieldRow.get(key);
      if (r === undefined) throw new Error(`no field ${key}`);
      return a1(r, 1);
    },
  };
}

export const leadersSheet = (rows: readonly Record<string, CellValue>[], fields: Record<string, CellValue> = {}, options = {}): FormSheet =>
  formSheet(LEADERS_FORM, rows, { place: 'Hội nghị Ban Chấp hành Đảng bộ', issued: 15, valid: 15, ...fields }, options);
export const planSheet = (rows: readonly Record<string, CellValue>[], fields: Record<string, CellValue> = {}, options = {}): FormSheet => formSheet(PLAN_FORM, rows, fields, options);
export const chiBoDossierSheet = (rows: readonly Record<string, CellValue>[], options = {}): FormSheet => formSheet(CHI_BO_DOSSIER_FORM, rows, {}, options);
export const leaderDossierSheet = (rows: readonly Record<string, CellValue>[], fields: Record<string, CellValue> = {}, options = {}): FormSheet => formSheet(LEADER_DOSSIER_FORM, rows, fields, options);

/** Every document of a checklist ticked. */
export function ticked(keys: readonly string[]): Record<string, CellValue> {
  return Object.fromEntries(keys.map((k) => [k, 'x']));
}

/** A chi bộ (test/helpers/chibo.ts) with more sheets. */
export function chiBoWith(spec: ChiBoSpec, ...sheets: FormSheet[]): WorkbookModel {
  const built = buildChiBo(spec);
  return { sheets: [...built.model.sheets, ...sheets.map((s) => s.grid)] };
}

/** A workbook of the ward's own sheets only. */
export function wardBook(...sheets: FormSheet[]): WorkbookModel {
  return { sheets: sheets.map((s) => s.grid) };
}

export function checked(model: WorkbookModel, options: EngineOptions = {}): CheckResult {
  return checkWorkbook(model, { options: options as Record<string, string> });
}

export function issuesOf(result: { issues: readonly Issue[] }, rule: string): Issue[] {
  return result.issues.filter((i) => i.rule === rule);
}

/** `RULE severity sheet!cell` of every issue of a rule. */
export function whereOf(result: { issues: readonly Issue[] }, rule: string): string[] {
  return issuesOf(result, rule).map((i) => `${i.severity} ${i.sheet}!${i.cell}`);
}

/** Aggregates named models, each checked first. */
export function aggregate(files: Record<string, WorkbookModel>, options: EngineOptions = {}): { ward: WardResult; inputs: WardInput[] } {
  const inputs = Object.entries(files).map(([path, model]) => ({ path, result: checked(model, options) }));
  return { ward: aggregateWard(inputs, { options: options as Record<string, string> }), inputs };
}
