/**
 * Reading the add-in's very hidden state sheet (remembered flags and settings). Apart from the check so
 * that the task pane can read its settings at startup without loading the engine.
 */
import { readOpenWorkbook } from './readWorkbook';
import { type AddinState, EMPTY_STATE, parseState, STATE_SHEET } from './state';

/** Reads the remembered state (one sync from ExcelApi 1.4, two before; works on ExcelApi 1.1). */
export async function readState(context: Excel.RequestContext): Promise<{ state: AddinState; exists: boolean }> {
  // Through the one reader, reading no input sheet: the state sheet by name, with the names.
  const read = await readOpenWorkbook(context, { include: () => false, byName: [STATE_SHEET] });
  const sheet = read.byName.get(STATE_SHEET);
  if (sheet) return { state: parseState(sheet.values), exists: true };
  return { state: EMPTY_STATE, exists: read.sheetNames.includes(STATE_SHEET) };
}
