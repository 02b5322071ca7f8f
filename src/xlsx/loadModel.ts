/** Node only (the file system and zlib): the task pane reads picked files with loadXlsxBuffer instead. */
import { readFileSync, statSync } from 'node:fs';
import type { WorkbookModel } from '../core/grid';
import { FastReadUnsupported, UnreadableWorkbookError } from './errors';
import { checkWholePackage, readXlsxValues } from './fastRead';
import { inflateNode } from './package/inflateNode';
import { MAX_FILE_BYTES, megabytes } from './package/limits';

/**
 * The values of a workbook file, for every command: read by the project's own reader of the sheet XML
 * (src/xlsx/fastRead.ts, the same model in a fraction of ExcelJS's time and memory). Only a declared
 * FastReadUnsupported (ZIP64, encryption, strict OOXML, an unknown compression, damaged data) sends
 * the file to ExcelJS, and the model says so (`reader.fallback`); a limit refuses the file in one
 * line, and any other throw is a bug that must surface, not be hidden by a second reader.
 */
export async function loadModel(path: string): Promise<WorkbookModel> {
  const bytes = await readWorkbookFile(path);
  try {
    return readXlsxValues(bytes, path, inflateNode);
  } catch (err) {
    if (!(err instanceof FastReadUnsupported)) throw err;
    withinLimitsForExcelJs(bytes, path);
    // ExcelJS is loaded only for this declared fallback (a plain check of a file the reader reads never
    // loads it). It also words the clerk's one line for a file that is not a workbook at all.
    const { loadXlsx, workbookToModel } = await import('./readXlsx');
    return workbookToModel(await loadXlsx(path), err.message);
  }
}

/**
 * The file's bytes, refused in one line when missing, unreadable or past MAX_FILE_BYTES. Read at once
 * (the commands read their files one after the other): node:fs/promises's round trips through the
 * thread pool (open, stat, read, close) cost `check` of a ward of 2,794 files 0.7 s of CPU more. One
 * turn of the event loop first, as the promises gave: without it, a ward's check ran without one and
 * its peak memory grew from 285 MB to 310-420 MB (what Node and V8 release between turns waited).
 */
export async function readWorkbookFile(path: string): Promise<Buffer> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_FILE_BYTES) {
      throw new UnreadableWorkbookError(
        `${path}: tệp nặng ${megabytes(info.size)}, vượt ${megabytes(MAX_FILE_BYTES)} (giới hạn của XếpLoại cho một tệp .xlsx) — tệp hỏng hoặc không phải sổ của chi bộ. (limit: file over ${megabytes(MAX_FILE_BYTES)})`,
      );
    }
    return readFileSync(path);
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw err;
    throw new UnreadableWorkbookError(describeFileFailure(path, err));
  }
}

function describeFileFailure(path: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return `${path}: không tìm thấy tệp (file not found).`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: không có quyền đọc tệp (permission denied).`;
  if (code === 'EISDIR') return `${path}: đây là thư mục, không phải tệp .xlsx (is a directory).`;
  return `${path}: không đọc được tệp (${code ?? 'I/O error'}).`;
}

/** The fast reader on a file's bytes with Node's inflater (tests, the benchmark). */
export function readXlsxFile(bytes: Uint8Array, name: string): WorkbookModel {
  return readXlsxValues(bytes, name, inflateNode);
}

/**
 * ExcelJS inflates every part of a package without a limit: before it reads a file the fast reader
 * declined, every part is inflated once within the same limits (and dropped). A package too damaged
 * for that is left to ExcelJS, which then words the one line.
 */
export function withinLimitsForExcelJs(bytes: Uint8Array, name: string): void {
  try {
    checkWholePackage(bytes, name, inflateNode);
  } catch (err) {
    if (!(err instanceof FastReadUnsupported)) throw err;
  }
}

