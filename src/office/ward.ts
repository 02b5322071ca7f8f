/**
 * The ward's `Tổng hợp` in the open workbook: the same layouts `xeploai aggregate` writes to a new file
 * (`wardSheets`), rendered by Office.js, with the distribution of levels drawn as a native chart beside
 * section I. Two syncs whatever the number of chi bộ: the sheet names, then every write in one batch
 * (plus one more only when a write nears Excel on the web's 5 MB limit).
 *
 * runCheck.ts imports this module dynamically: combining is rare, so the aggregation and the ward's
 * layouts stay out of the pane's startup bundle.
 */
import { aggregateWard, type FileIssue } from '../core/aggregate';
import type { CheckResult } from '../core/check';
import { a1, type CellRange } from '../core/grid';
import { RESULT_SHEETS } from '../core/forms/definitions';
import type { ChartSource, SheetLayout } from '../core/output/layout';
import { wardSheets } from '../core/output/ward';
import { wardIssues } from '../core/report';
import { BatchWriter } from './batch';
import { queueLayout } from './renderLayout';

/** Bytes a chart and its property sets add to a request. */
const CHART_BYTES = 3_000;

const address = (r: CellRange): string => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/**
 * The chart's source block: the categories' column and the values' column beside it, over the same rows.
 * Null when the layout's ranges do not form such a block (then no chart rather than a wrong one).
 */
export function chartBlock(source: ChartSource): CellRange | null {
  const { categories: c, values: v } = source;
  if (c.left !== c.right || v.left !== v.right || v.left !== c.left + 1 || c.top !== v.top || c.bottom !== v.bottom) return null;
  return { top: c.top, left: c.left, bottom: c.bottom, right: v.right };
}

function queueChart(sheet: Excel.Worksheet, source: ChartSource): boolean {
  const block = chartBlock(source);
  if (!block) return false;
  const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange(address(block)), Excel.ChartSeriesBy.columns);
  chart.title.text = source.title;
  chart.legend.visible = false;
  chart.dataLabels.showValue = true;
  chart.setPosition(a1(source.anchor.top, source.anchor.left), a1(source.anchor.bottom, source.anchor.right));
  return true;
}

/** Replaces (or adds) each layout's sheet, draws the charts they describe and shows `Tổng hợp`. */
export async function writeWardSummary(context: Excel.RequestContext, layouts: readonly SheetLayout[]): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = new Set(worksheets.items.map((s) => s.name));
  const writer = new BatchWriter(context);
  for (const layout of layouts) {
    await queueLayout(context, layout, existing.has(layout.name), writer);
    if (layout.chartSource && queueChart(worksheets.getItem(layout.name), layout.chartSource)) {
      writer.add(CHART_BYTES);
      await writer.flushIfFull();
    }
  }
  if (layouts.some((l) => l.name === RESULT_SHEETS.ward)) worksheets.getItem(RESULT_SHEETS.ward).activate();
  await writer.flush();
}

/**
 * The checked files combined as `xeploai aggregate` combines them: the layouts to write, the number of
 * chi bộ counted and every issue (each file's, then those found when combining).
 */
export function combineChecked(
  checked: readonly { readonly path: string; readonly result: CheckResult }[],
  options: { readonly ruleSet?: string; readonly options?: Readonly<Record<string, string>> },
): { layouts: SheetLayout[]; chiBo: number; issues: FileIssue[] } {
  const ward = aggregateWard(checked, options);
  const issues = wardIssues(checked, ward);
  return { layouts: wardSheets(ward, issues), chiBo: ward.chiBo.total, issues };
}
