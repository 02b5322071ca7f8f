/**
 * `xeploai ballots FILE --round 1|2 --out OUT` and `xeploai minutes FILE --out OUT`: a copy of the input
 * with the ballot or the minutes added (the input is never written). Exit 0 when written; 1 when the
 * ballot cannot be printed yet (its reasons, each with its rule ID) or, for the minutes, when the check found
 * errors (the minutes are written all the same, saying so); 2 when the file cannot be read.
 */
import { checkWorkbook } from '../core/check';
import { countBySeverity } from '../core/issues';
import { loadModel } from '../xlsx/loadModel';
import { writeBallot, writeMinutes } from '../xlsx/writeMeeting';
import { writeOutputFile } from '../xlsx/writeOutput';
import type { MeetingArgs } from './args';
import { openForCopy } from './outputs';

export interface MeetingIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function runMeeting(args: MeetingArgs, io: MeetingIo): Promise<number> {
  // The same reader as `check` for the values, so that the ballots and minutes agree with its report;
  // the copy is written from ExcelJS's package of the same file.
  const result = checkWorkbook(await loadModel(args.file), { ruleSet: args.ruleSet, options: args.options });
  const workbook = await openForCopy(args.file, args.out);
  if (args.command === 'ballots') {
    const outcome = writeBallot(workbook, result, args.round);
    if (!outcome.ok) {
      // One reason on the line itself; several as a list, one sentence per line, each with its rule as a tag.
      const reasons = outcome.problems.map((p) => `[${p.rule}] ${p.message}`);
      io.err(reasons.length === 1 ? `xeploai: chưa in được phiếu lần ${args.round}: ${reasons[0]}\n` : `xeploai: chưa in được phiếu lần ${args.round} vì:\n${reasons.map((r) => `  - ${r}\n`).join('')}`);
      return 1;
    }
    await writeOutputFile(args.out, (temporary) => workbook.xlsx.writeFile(temporary));
    const b = outcome.ballot;
    const cap = b.cap === undefined ? '' : `; chọn không quá ${b.cap} đồng chí (15% của ${b.pool} HTTNV)`;
    const layout = b.pagesPerCopy > 1 ? `mỗi bản ${b.pagesPerCopy} trang` : `${b.perPage} bản mỗi trang`;
    io.out(`Đã ghi sheet "${b.layout.name}" vào ${args.out}: ${b.names.length} đồng chí, ${b.copies} bản (${layout}), ${b.pages} trang A4${cap}.\n`);
    return 0;
  }
  writeMinutes(workbook, result);
  await writeOutputFile(args.out, (temporary) => workbook.xlsx.writeFile(temporary));
  const { errors, warnings } = countBySeverity(result.issues);
  io.out(`Đã ghi sheet "Biên bản kiểm phiếu" vào ${args.out} (${errors} lỗi, ${warnings} cảnh báo).\n`);
  return errors > 0 ? 1 : 0;
}
