/**
 * The workbook a command writes a copy of (`check --out`, `ballots`, `minutes`, `convert`): ExcelJS's
 * full model, of a file the fast reader has already accepted. Node only (the file system, zlib).
 */
import type ExcelJS from 'exceljs';
import { FastReadUnsupported, UnreadableWorkbookError } from './errors';
import { readXlsxValues } from './fastRead';
import { readWorkbookFile, withinLimitsForExcelJs } from './loadModel';
import { inflateNode } from './package/inflateNode';
import { normaliseForExcelJs } from './package/normalise';
import { loadXlsxBuffer } from './readXlsx';

const CANNOT_WRITE = 'đọc được để kiểm tra nhưng không ghi được bản sao';
const WHAT_TO_DO = 'Mở tệp bằng Excel, lưu lại (Save As .xlsx) rồi chạy lại.';

/**
 * One verdict on readability: a file `check` reads, every command can write a copy of. The limits are
 * the fast reader's (a file past them is refused here as in `check`); a package ExcelJS cannot load as
 * it is (a namespace prefix such as `x:row`, cells without `r`, parts with other names, ISO `t="d"`
 * cells) is first rewritten at package level (package/normalise.ts). What ExcelJS still cannot load is
 * refused in one line saying what cannot be done and why.
 */
export async function openForWriting(source: string | Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const bytes = typeof source === 'string' ? await readWorkbookFile(source) : source;
  let fastReads = true;
  try {
    readXlsxValues(bytes, name, inflateNode);
  } catch (err) {
    if (!(err instanceof FastReadUnsupported)) throw err;
    fastReads = false;
  }
  // ExcelJS inflates every part, also those the check never reads: each within the same limits first.
  withinLimitsForExcelJs(bytes, name);
  if (!fastReads) return loadXlsxBuffer(bytes, name);
  let normalised: Uint8Array | null = null;
  try {
    normalised = (await normaliseForExcelJs(bytes))?.bytes ?? null;
  } catch (err) {
    throw new UnreadableWorkbookError(`${name}: ${CANNOT_WRITE}: cấu trúc gói tệp lạ (${err instanceof Error ? err.message : String(err)}). ${WHAT_TO_DO} (readable for a check, but the copy cannot be written)`);
  }
  try {
    return await loadXlsxBuffer(normalised ?? bytes, name);
  } catch (err) {
    const why = err instanceof UnreadableWorkbookError ? 'thư viện ghi tệp (ExcelJS) không mở được tệp này' : String(err);
    throw new UnreadableWorkbookError(`${name}: ${CANNOT_WRITE}: ${why}. ${WHAT_TO_DO} (readable for a check, but the copy cannot be written)`);
  }
}
