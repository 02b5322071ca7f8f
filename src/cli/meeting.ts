/**
 * `xeploai ballots FILE --round 1|2 --out OUT` and `xeploai minutes FILE --out OUT`: a copy of the input
 * with the ballot or the minutes added (the input is never written). Exit 0 when written; 1 when the
 * ballot cannot be printed yet (its reasons, each with its rule ID) or, for the minutes, when the check found
 * errors (the minutes are written all the same, saying so); 2 when the file cannot be read.
 *
 * A workbook under hd43-2025 has no two-round ballot and no counting minutes (RULES-2025.md §6): `ballots`
 * without `--round` writes the members' scoring sheets (`Phiếu chấm điểm đảng viên`) instead, and the 2014
 * papers are refused with one line naming the rule set (exit 1). Under hd27-2014 `ballots` needs `--round`.
 */
import { checkWorkbook, type CheckResult } from '../core/check';
import { countBySeverity } from '../core/issues';
import { type BallotProblem, otherRegime } from '../core/output/ballots';
import { ruleSetName } from '../core/ruleSets';
import { membersCriteria } from '../core/output/scoreSheets';
import { loadModel } from '../xlsx/loadModel';
import { writeBallot, writeMinutes, writeScoreSheets } from '../xlsx/writeMeeting';
import { writeOutputFile } from '../xlsx/writeOutput';
import { type MeetingArgs, UsageError } from './args';
import { openForCopy } from './outputs';

export interface MeetingIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** One reason on the line itself; several as a list, one sentence per line, each with its rule as a tag. */
function reasonsText(lead: string, problems: readonly BallotProblem[]): string {
  const reasons = problems.map((p) => (p.rule ? `[${p.rule}] ${p.message}` : p.message));
  return reasons.length === 1 ? `xeploai: ${lead}: ${reasons[0]}\n` : `xeploai: ${lead} vì:\n${reasons.map((r) => `  - ${r}\n`).join('')}`;
}

/** The paper of the other regime: its one line, naming the rule set (exit 1). */
function refused(result: CheckResult, paper: 'ballots' | 'minutes', io: MeetingIo): number | null {
  const other = otherRegime(result, paper);
  if (!other) return null;
  io.err(`xeploai: ${other.message}\n`);
  return 1;
}

export async function runMeeting(args: MeetingArgs, io: MeetingIo): Promise<number> {
  // The same reader as `check` for the values, so that the ballots and minutes agree with its report;
  // the copy is written from ExcelJS's package of the same file.
  const model = await loadModel(args.file);
  const result = checkWorkbook(model, { ruleSet: args.ruleSet, options: args.options });
  if (args.command === 'ballots' && args.round === null) {
    if (otherRegime(result, 'scoreSheets')) throw new UsageError(`ballots cần --round 1 hoặc --round 2 (sổ theo ${ruleSetName(result.ruleSet)} bỏ phiếu hai lần).`);
    const workbook = await openForCopy(args.file, args.out);
    const outcome = writeScoreSheets(workbook, result, membersCriteria(model));
    if (!outcome.ok) {
      io.err(reasonsText('chưa in được phiếu chấm điểm', outcome.problems));
      return 1;
    }
    await writeOutputFile(args.out, (temporary) => workbook.xlsx.writeFile(temporary));
    const s = outcome.sheets;
    const source = s.criteriaSource === 'sheet' ? 'tiêu chí theo sheet Bộ tiêu chí' : 'sổ chưa có bảng tiêu chí: mỗi nhóm một dòng (30 và 70 điểm)';
    io.out(`Đã ghi sheet "${s.layout.name}" vào ${args.out}: ${s.names.length} đồng chí, mỗi đồng chí một trang, ${s.pages} trang A4; ${source}.\n`);
    return 0;
  }
  if (args.command === 'ballots') {
    const round = args.round as 1 | 2;
    const no = refused(result, 'ballots', io);
    if (no !== null) return no;
    const workbook = await openForCopy(args.file, args.out);
    const outcome = writeBallot(workbook, result, round);
    if (!outcome.ok) {
      io.err(reasonsText(`chưa in được phiếu lần ${round}`, outcome.problems));
      return 1;
    }
    await writeOutputFile(args.out, (temporary) => workbook.xlsx.writeFile(temporary));
    const b = outcome.ballot;
    const cap = b.cap === undefined ? '' : `; chọn không quá ${b.cap} đồng chí (15% của ${b.pool} HTTNV)`;
    const layout = b.pagesPerCopy > 1 ? `mỗi bản ${b.pagesPerCopy} trang` : `${b.perPage} bản mỗi trang`;
    io.out(`Đã ghi sheet "${b.layout.name}" vào ${args.out}: ${b.names.length} đồng chí, ${b.copies} bản (${layout}), ${b.pages} trang A4${cap}.\n`);
    return 0;
  }
  const no = refused(result, 'minutes', io);
  if (no !== null) return no;
  const workbook = await openForCopy(args.file, args.out);
  writeMinutes(workbook, result);
  await writeOutputFile(args.out, (temporary) => workbook.xlsx.writeFile(temporary));
  const { errors, warnings } = countBySeverity(result.issues);
  io.out(`Đã ghi sheet "Biên bản kiểm phiếu" vào ${args.out} (${errors} lỗi, ${warnings} cảnh báo).\n`);
  return errors > 0 ? 1 : 0;
}
