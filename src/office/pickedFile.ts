/**
 * A chi bộ file the clerk picked in the task pane, read as `xeploai` reads a file (src/xlsx/loadModel.ts):
 * by the project's own reader, and by ExcelJS only when that reader declines the file for a declared
 * reason (FastReadUnsupported), the model saying so. One verdict on readability in the pane and on the
 * command line: a file `check` reads is combined, never called corrupt because ExcelJS stumbles on it
 * (a namespace prefix, cells without `r`, ISO dates read as the year).
 */
import type { WorkbookModel } from '../core/grid';
import { FastReadUnsupported, UnreadableWorkbookError } from '../xlsx/errors';
import { checkWholePackage, readXlsxValues } from '../xlsx/fastRead';
import { MAX_FILE_BYTES, megabytes } from '../xlsx/package/limits';
import { inflateBrowser } from './inflate';

export { UnreadableWorkbookError } from '../xlsx/errors';

export async function readPickedFile(data: ArrayBuffer | Uint8Array, name: string): Promise<WorkbookModel> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableWorkbookError(
      `${name}: tệp nặng ${megabytes(bytes.length)}, vượt ${megabytes(MAX_FILE_BYTES)} (giới hạn của XếpLoại cho một tệp .xlsx) — tệp hỏng hoặc không phải sổ của chi bộ. (limit: file over ${megabytes(MAX_FILE_BYTES)})`,
    );
  }
  try {
    return readXlsxValues(bytes, name, inflateBrowser);
  } catch (err) {
    if (!(err instanceof FastReadUnsupported)) throw err;
    // ExcelJS inflates every part with no cap: the package passes the same limits first, as in
    // loadModel's withinLimitsForExcelJs (a package too damaged to list is left to ExcelJS's one line).
    try {
      checkWholePackage(bytes, name, inflateBrowser);
    } catch (limit) {
      if (!(limit instanceof FastReadUnsupported)) throw limit;
    }
    // ExcelJS (its own chunk, loaded only now) also words the clerk's one line for a file that is no workbook.
    const { loadXlsxBuffer, workbookToModel } = await import('../xlsx/readXlsx');
    return workbookToModel(await loadXlsxBuffer(bytes, name), err.message);
  }
}
