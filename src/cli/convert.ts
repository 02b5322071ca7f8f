/**
 * `xeploai convert FILE.xlsx --out OUT.xlsx` (DATA-06): a copy of the workbook with every cell typed in
 * TCVN3 or VNI converted to Unicode and its legacy font replaced by a Unicode one; nothing else is
 * changed and the input is never written.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadXlsx } from '../xlsx/readXlsx';
import { convertLegacyWorkbook } from '../xlsx/convertLegacy';
import { type ConvertArgs, UsageError } from './args';
import type { Io } from './main';

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export async function runConvert(args: ConvertArgs, io: Io): Promise<number> {
  if (realOrResolved(args.out) === realOrResolved(args.file)) {
    throw new UsageError(`--out không được trùng tệp đầu vào ${args.file}: tệp gốc không bao giờ bị ghi đè (--out must differ from the input).`);
  }
  const workbook = await loadXlsx(args.file);
  const changed = convertLegacyWorkbook(workbook);
  await workbook.xlsx.writeFile(args.out);
  io.err(`Đã chuyển ${changed.length} ô sang Unicode → ${args.out} (${changed.length} cells converted to Unicode).\n`);
  return 0;
}
