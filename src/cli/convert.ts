/**
 * `xeploai convert FILE.xlsx --out OUT.xlsx` (DATA-06): a copy of the workbook with every cell typed in
 * TCVN3 or VNI converted to Unicode and its legacy font replaced by a Unicode one; nothing else is
 * changed and the input is never written.
 */
import { convertLegacyWorkbook } from '../xlsx/convertLegacy';
import { writeOutputFile } from '../xlsx/writeOutput';
import type { ConvertArgs } from './args';
import type { Io } from './main';
import { openForCopy, refuseOutputsOnInputs } from './outputs';

export async function runConvert(args: ConvertArgs, io: Io): Promise<number> {
  refuseOutputsOnInputs([args.out], [args.file]);
  const workbook = await openForCopy(args.file);
  const changed = convertLegacyWorkbook(workbook);
  await writeOutputFile(args.out, (temporary) => workbook.xlsx.writeFile(temporary));
  io.err(`Đã chuyển ${changed.length} ô sang Unicode và ghi ra ${args.out}.\n`);
  return 0;
}
