/**
 * Fills a template from plain data, by field and column key. Used for the bundled example workbook
 * and by the tests, so both go through the very layout clerks get from `xeploai template`.
 */
import type ExcelJS from 'exceljs';
import { buildTemplate, type TableLayout, type TemplateLayout } from './template';

export type CellInput = string | number | boolean | Date | null | undefined;
export type RowInput = Readonly<Record<string, CellInput>>;

export interface ChiBoData {
  readonly organisation?: string;
  readonly info: RowInput;
  readonly roll: readonly RowInput[];
  readonly tally: readonly RowInput[];
  readonly scores: readonly RowInput[];
  readonly leaders?: { readonly fields: RowInput; readonly rows: readonly RowInput[] };
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

export function fillWorkbook(data: ChiBoData): { workbook: ExcelJS.Workbook; layout: TemplateLayout } {
  const { workbook, layout } = buildTemplate({ organisation: data.organisation });
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
    const ws = workbook.getWorksheet(layout.leaders.sheet) as ExcelJS.Worksheet;
    for (const [key, value] of Object.entries(data.leaders.fields)) {
      const row = layout.leaders.fieldRows.get(key);
      if (row === undefined) throw new Error(`Unknown leaders field "${key}"`);
      put(ws, row, layout.leaders.valueColumn, value);
    }
    fillTable(workbook, layout.leaders, data.leaders.rows);
  }
  return { workbook, layout };
}
