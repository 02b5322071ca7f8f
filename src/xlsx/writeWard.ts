/**
 * The ward's workbook that `xeploai aggregate` writes: a new workbook holding `Tổng hợp`, the leaders'
 * tally (when any file has one) and `Kiểm tra`, rendered from the core's layouts. `Tổng hợp`'s layout
 * carries a `chartSource` (the per-level lines and where a chart goes), drawn as a native chart into the
 * finished package, since ExcelJS cannot write charts.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { FileIssue, WardSummary } from '../core/aggregate';
import { a1, type CellRange } from '../core/grid';
import type { SheetLayout } from '../core/output/layout';
import { wardSheets, wardTitle } from '../core/output/ward';
import { addColumnChart, sheetRange } from './chart';
import { renderLayout } from './renderLayout';
import { writeOutputFile } from './writeOutput';

export function buildWardWorkbook(ward: WardSummary, issues: readonly FileIssue[]): { workbook: ExcelJS.Workbook; layouts: SheetLayout[] } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'XếpLoại';
  workbook.title = wardTitle(ward);
  const layouts = wardSheets(ward, issues);
  for (const layout of layouts) renderLayout(workbook, layout);
  return { workbook, layouts };
}

const address = (r: CellRange): string => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** The values a layout puts in a one-column range, top to bottom. */
function columnValues(layout: SheetLayout, range: CellRange): (string | number)[] {
  const out: (string | number)[] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    const cell = layout.cells.find((c) => c.row === row && c.col === range.left);
    out.push(cell ? cell.value : '');
  }
  return out;
}

/** The workbook's bytes with the chart of every layout that describes one, drawn as a native chart. */
export async function withCharts(bytes: Buffer, layouts: readonly SheetLayout[]): Promise<Buffer> {
  let out = bytes;
  for (const layout of layouts) {
    const source = layout.chartSource;
    if (!source) continue;
    out = await addColumnChart(out, {
      sheet: layout.name,
      title: source.title,
      seriesName: 'Số đảng viên',
      categories: sheetRange(layout.name, address(source.categories)),
      values: sheetRange(layout.name, address(source.values)),
      cachedCategories: columnValues(layout, source.categories).map(String),
      cachedValues: columnValues(layout, source.values).map((v) => (typeof v === 'number' ? v : Number(v) || 0)),
      anchor: { from: { col: source.anchor.left, row: source.anchor.top }, to: { col: source.anchor.right + 1, row: source.anchor.bottom + 1 } },
    });
  }
  return out;
}

/** Writes the ward's workbook to `path` (never an input file: the CLI checks that first). */
export async function writeWardWorkbook(path: string, ward: WardSummary, issues: readonly FileIssue[]): Promise<void> {
  const { workbook, layouts } = buildWardWorkbook(ward, issues);
  // ExcelJS cannot write charts: the chart goes into the finished package.
  const bytes = await withCharts(Buffer.from(await workbook.xlsx.writeBuffer()), layouts);
  await writeOutputFile(path, (temporary) => writeFile(temporary, bytes));
}
