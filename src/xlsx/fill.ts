/**
 * Fills a template from plain data, by field and column key. Used for the bundled example workbook
 * and by the tests, so both go through the very layout clerks get from `xeploai template`.
 */
import type ExcelJS from 'exceljs';
import { buildTemplate, type TableLayout, type TableWithFields, type TemplateLayout } from './template';

export type CellInput = string | number | boolean | Date | null | undefined;
export type RowInput = Readonly<Record<string, CellInput>>;

export interface ChiBoData {
  readonly organisation?: string;
  readonly info: RowInput;
  readonly roll: readonly RowInput[];
  readonly tally: readonly RowInput[];
  readonly scores: readonly RowInput[];
  readonly leaders?: { readonly fields: RowInput; readonly rows: readonly RowInput[] };
  /** `Kế hoạch`: the plan's year and schedule. */
  readonly plan?: { readonly fields?: RowInput; readonly rows: readonly RowInput[] };
  /** `Hồ sơ chi bộ`: one row per chi bộ (`subject`, `d1`…`d8`). */
  readonly chiBoDossier?: readonly RowInput[];
  /** `Hồ sơ CBLĐQL`: the collective (`collective`, `c1`, `c2`) and one row per leader (`subject`, `l1`…`l7`). */
  readonly leaderDossier?: { readonly fields?: RowInput; readonly rows: readonly RowInput[] };
  /** Leave out the schedule and dossier sheets (as the add-in's "Tạo mẫu" does). */
  readonly withoutProcedure?: boolean;
}

/** A date as clerks type it, `dd/mm/yyyy`, stored as a real Excel date. */
export function date(text: string): Date {
  const [d, m, y] = text.split('/').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: CellInput): void {
  if (value === undefined) return;
  const cell = ws.getCell(row, col);
  cell.value = value;
  if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
}

function fillTable(wb: ExcelJS.Workbook, layout: TableLayout, rows: readonly RowInput[]): void {
  const ws = wb.getWorksheet(layout.sheet) as ExcelJS.Worksheet;
  rows.forEach((data, i) => {
    for (const [key, value] of Object.entries(data)) {
      const col = layout.columns.get(key);
      if (col === undefined) throw new Error(`Unknown column "${key}" for sheet ${layout.sheet}`);
      put(ws, layout.firstDataRow + i, col, value);
    }
  });
}

function fillFields(wb: ExcelJS.Workbook, layout: TableWithFields, fields: RowInput): void {
  const ws = wb.getWorksheet(layout.sheet) as ExcelJS.Worksheet;
  for (const [key, value] of Object.entries(fields)) {
    const row = layout.fieldRows.get(key);
    if (row === undefined) throw new Error(`Unknown field "${key}" for sheet ${layout.sheet}`);
    put(ws, row, layout.valueColumn, value);
  }
}

function sheetOf(layout: TableWithFields | undefined, what: string): TableWithFields {
  if (!layout) throw new Error(`The template has no ${what} sheet`);
  return layout;
}

export function fillWorkbook(data: ChiBoData): { workbook: ExcelJS.Workbook; layout: TemplateLayout } {
  const { workbook, layout } = buildTemplate({ organisation: data.organisation, withProcedure: !data.withoutProcedure });
  const info = workbook.getWorksheet(layout.info.sheet) as ExcelJS.Worksheet;
  for (const [key, value] of Object.entries(data.info)) {
    const row = layout.info.rows.get(key);
    if (row === undefined) throw new Error(`Unknown field "${key}"`);
    put(info, row, layout.info.valueColumn, value);
  }
  fillTable(workbook, layout.roll, data.roll);
  fillTable(workbook, layout.tally, data.tally);
  fillTable(workbook, layout.scores, data.scores);
  if (data.leaders) {
    fillFields(workbook, layout.leaders, data.leaders.fields);
    fillTable(workbook, layout.leaders, data.leaders.rows);
  }
  if (data.plan) {
    const plan = sheetOf(layout.plan, 'schedule');
    if (data.plan.fields) fillFields(workbook, plan, data.plan.fields);
    fillTable(workbook, plan, data.plan.rows);
  }
  if (data.chiBoDossier) fillTable(workbook, sheetOf(layout.chiBoDossier, 'dossier'), data.chiBoDossier);
  if (data.leaderDossier) {
    const dossier = sheetOf(layout.leaderDossier, "leaders' dossier");
    if (data.leaderDossier.fields) fillFields(workbook, dossier, data.leaderDossier.fields);
    fillTable(workbook, dossier, data.leaderDossier.rows);
  }
  return { workbook, layout };
}
