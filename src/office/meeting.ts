/**
 * "In phiếu", "Biên bản" and "Phiếu chấm điểm" in the open workbook: the same layouts as
 * `xeploai ballots` and `minutes`, from the same check, added to (or replacing) their sheets. Reading is
 * the one reader's two syncs (readWorkbook.ts: more only for hidden rows among shown ones, or sheets past
 * FIRST_READ_ROWS rows), writing one more (the writer splits it only past the request budget); no sync in
 * a loop. The papers follow the workbook's rule set: under hd43-2025 the members' scoring sheets, the
 * 2014 ballots and minutes refused in one line naming the rule set (and the other way round).
 */
import { checkWorkbook, type CheckResult } from '../core/check';
import type { WorkbookModel } from '../core/grid';
import { type BallotOutcome, type BallotProblem, ballotFor, otherRegime } from '../core/output/ballots';
import type { SheetLayout } from '../core/output/layout';
import { minutesSheet } from '../core/output/minutes';
import { membersCriteria, type ScoreSheetOutcome, scoreSheetsFor } from '../core/output/scoreSheets';
import { BatchWriter } from './batch';
import { readWorkbook } from './readWorkbook';
import { queueLayout } from './renderLayout';

export interface MeetingOptions {
  readonly ruleSet?: string;
  readonly options?: Readonly<Record<string, string>>;
}

async function readAndCheck(context: Excel.RequestContext, settings: MeetingOptions): Promise<{ result: CheckResult; names: Set<string>; model: WorkbookModel }> {
  const model = await readWorkbook(context);
  const result = checkWorkbook(model, { ruleSet: settings.ruleSet, options: settings.options ?? {} });
  return { result, names: new Set(model.sheets.map((s) => s.name)), model };
}

/** Replaces (or adds) the sheet and shows it. */
async function writeSheet(context: Excel.RequestContext, layout: SheetLayout, existing: ReadonlySet<string>): Promise<void> {
  const writer = new BatchWriter(context);
  await queueLayout(context, layout, existing.has(layout.name), writer);
  context.workbook.worksheets.getItem(layout.name).activate();
  await writer.flush();
}

/** `Phiếu lần 1` / `Phiếu lần 2`; nothing is written when the outcome lists problems. */
export async function writeBallotInExcel(context: Excel.RequestContext, round: 1 | 2, settings: MeetingOptions = {}): Promise<BallotOutcome> {
  const { result, names } = await readAndCheck(context, settings);
  const outcome = ballotFor(result, round);
  if (outcome.ok) await writeSheet(context, outcome.ballot.layout, names);
  return outcome;
}

/**
 * `Biên bản kiểm phiếu`, regenerated whole; the check result tells the pane about errors. Under a rule set
 * without the two rounds (hd43-2025) nothing is written and `refused` says why.
 */
export async function writeMinutesInExcel(context: Excel.RequestContext, settings: MeetingOptions = {}): Promise<{ readonly result: CheckResult; readonly refused: BallotProblem | null }> {
  const { result, names } = await readAndCheck(context, settings);
  const refused = otherRegime(result, 'minutes');
  if (!refused) await writeSheet(context, minutesSheet(result), names);
  return { result, refused };
}

/** `Phiếu chấm điểm đảng viên` (hd43-2025): one page per member, from the workbook's `Bộ tiêu chí`; nothing is written when refused. */
export async function writeScoreSheetsInExcel(context: Excel.RequestContext, settings: MeetingOptions = {}): Promise<ScoreSheetOutcome> {
  const { result, names, model } = await readAndCheck(context, settings);
  const outcome = scoreSheetsFor(result, membersCriteria(model));
  if (outcome.ok) await writeSheet(context, outcome.sheets.layout, names);
  return outcome;
}
