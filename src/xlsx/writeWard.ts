/**
 * The ward's workbook that `xeploai aggregate` writes: a new workbook holding `Tổng hợp`, the leaders'
 * tally (when any file has one) and `Kiểm tra`, rendered from the core's layouts. `Tổng hợp`'s layout
 * carries a `chartSource` (the per-level lines and where a chart goes); drawing it belongs here, after
 * the ExcelJS write (ExcelJS cannot write charts).
 */
import ExcelJS from 'exceljs';
import type { FileIssue, WardResult } from '../core/aggregate';
import type { SheetLayout } from '../core/output/layout';
import { wardSheets } from '../core/output/ward';
import { renderLayout } from './renderLayout';

export function buildWardWorkbook(ward: WardResult, issues: readonly FileIssue[]): { workbook: ExcelJS.Workbook; layouts: SheetLayout[] } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'XếpLoại';
  workbook.title = 'Tổng hợp kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên';
  const layouts = wardSheets(ward, issues);
  for (const layout of layouts) renderLayout(workbook, layout);
  return { workbook, layouts };
}

/** Writes the ward's workbook to `path` (never an input file: the CLI checks that first). */
export async function writeWardWorkbook(path: string, ward: WardResult, issues: readonly FileIssue[]): Promise<void> {
  const { workbook } = buildWardWorkbook(ward, issues);
  await workbook.xlsx.writeFile(path);
}
