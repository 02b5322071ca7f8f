/** Test workbooks: the bundled example, changed one fault at a time, through the real template and reader. */
import type ExcelJS from 'exceljs';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import type { CellValue, SheetGrid, WorkbookModel } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import { exampleData } from '../../src/xlsx/example';
import { type ChiBoData, fillWorkbook, type RowInput } from '../../src/xlsx/fill';
import { workbookToModel } from '../../src/xlsx/readXlsx';

export type MutableChiBoData = {
  organisation?: string;
  info: Record<string, RowInput[string]>;
  roll: Record<string, RowInput[string]>[];
  tally: Record<string, RowInput[string]>[];
  scores: Record<string, RowInput[string]>[];
  leaders?: { fields: Record<string, RowInput[string]>; rows: Record<string, RowInput[string]>[] };
};

export function example(): MutableChiBoData {
  const data = exampleData();
  return {
    organisation: data.organisation,
    info: { ...data.info },
    roll: data.roll.map((r) => ({ ...r })),
    tally: data.tally.map((r) => ({ ...r })),
    scores: data.scores.map((r) => ({ ...r })),
  };
}

export function build(data: MutableChiBoData = example(), edit?: (wb: ExcelJS.Workbook) => void): { workbook: ExcelJS.Workbook; model: WorkbookModel } {
  const { workbook } = fillWorkbook(data as ChiBoData);
  edit?.(workbook);
  return { workbook, model: workbookToModel(workbook) };
}

export function check(data: MutableChiBoData = example(), edit?: (wb: ExcelJS.Workbook) => void): CheckResult {
  return checkWorkbook(build(data, edit).model);
}

export function issuesOf(result: CheckResult, rule: string): Issue[] {
  return result.issues.filter((i) => i.rule === rule);
}

/** A sheet from rows of values, top-left at A1. */
export function grid(name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, values: rows, originRow: 0, originCol: 0, ...extra };
}

export function modelOf(...sheets: SheetGrid[]): WorkbookModel {
  return { sheets };
}

import { a1 } from '../../src/core/grid';
import { buildTemplate, type TemplateLayout } from '../../src/xlsx/template';

let cachedLayout: TemplateLayout | null = null;
export function layout(): TemplateLayout {
  cachedLayout ??= buildTemplate().layout;
  return cachedLayout;
}

/** A1 address of a table cell in the template: `at('roll', 2, 'birthDate')` is the third member's birth date. */
export function at(table: 'roll' | 'tally' | 'scores', index: number, key: string): string {
  const t = layout()[table];
  return a1(t.firstDataRow - 1 + index, (t.columns.get(key) as number) - 1);
}

/** A1 address of a header field's value in `Thông tin chi bộ`. */
export function field(key: string): string {
  const info = layout().info;
  return a1((info.rows.get(key) as number) - 1, info.valueColumn - 1);
}
