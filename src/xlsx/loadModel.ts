/** Node only (the file system and zlib): the task pane reads picked files with loadXlsxBuffer instead. */
import { readFile } from 'node:fs/promises';
import type { WorkbookModel } from '../core/grid';
import { readXlsxValues } from './fastRead';
import { loadXlsx, workbookToModel } from './readXlsx';

/**
 * The values of a workbook file, for a check: read by the project's own reader of the sheet XML
 * (src/xlsx/fastRead.ts, the same model in a fraction of ExcelJS's time and memory), or by ExcelJS
 * when that reader declines the file — which also gives the clerk's one line for a file that is not
 * a workbook.
 */
export async function loadModel(path: string): Promise<WorkbookModel> {
  let bytes: Buffer | null = null;
  try {
    bytes = await readFile(path);
  } catch {
    // The file system's complaint is worded by loadXlsx below, as for every other failure.
  }
  if (bytes) {
    try {
      return readXlsxValues(bytes);
    } catch {
      // Not handled by the fast reader (or not a workbook at all): ExcelJS decides.
    }
  }
  return workbookToModel(await loadXlsx(path));
}

