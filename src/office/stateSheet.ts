/**
 * Reading the add-in's very hidden state sheet (remembered flags and settings). Apart from the check so
 * that the task pane can read its settings at startup without loading the engine.
 */
import { toSheetGrid } from './readWorkbook';
import { type AddinState, EMPTY_STATE, parseState, STATE_SHEET } from './state';

/** Reads the remembered state (two syncs; works on ExcelApi 1.1). */
export async function readState(context: Excel.RequestContext): Promise<{ state: AddinState; exists: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  if (!worksheets.items.some((s) => s.name === STATE_SHEET)) return { state: EMPTY_STATE, exists: false };
  const used = worksheets.getItem(STATE_SHEET).getUsedRange();
  used.load(['values', 'rowIndex', 'columnIndex']);
  await context.sync();
  return { state: parseState(toSheetGrid(STATE_SHEET, used).values), exists: true };
}

