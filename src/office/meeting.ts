/**
 * "In phiếu" and "Biên bản" in the open workbook: the same layouts as `xeploai ballots` and `minutes`,
 * from the same check, added to (or replacing) their sheets. Reading is the one reader's two syncs
 * (readWorkbook.ts: more only for hidden rows among shown ones, or sheets past FIRST_READ_ROWS rows),
 * writing one more (the writer splits it only past the request budget); no sync in a loop.
 */
import { checkWorkbook, type CheckResult } from '../core/check';
import { type BallotOutcome, ballotFor } from '../core/output/ballots';
import type { SheetLayout } from '../core/output/layout';
import { minutesSheet } from '../core/output/minutes';
import { BatchWriter } from './batch';
import { readWorkbook } from './readWorkbook';
import { queueLayout } from './renderLayout';

export interface MeetingOptions {
  readonly ruleSet?: string;
  readonly options?: Readonly<Record<string, string>>;
}

async function readAndCheck(context: Excel.RequestContext, settings: MeetingOptions): Promise<{ result: CheckResult; names: Set<string> }> {
  const model = await readWorkbook(context);
  const result = checkWorkbook(model, { ruleSet: settings.ruleSet, options: settings.options ?? {} });
  return { result, names: new Set(model.sheets.map((s) => s.name)) };
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

/** `Biên bản kiểm phiếu`, regenerated whole; the check result tells the pane about errors. */
export async function writeMinutesInExcel(context: Excel.RequestContext, settings: MeetingOptions = {}): Promise<CheckResult> {
  const { result, names } = await readAndCheck(context, settings);
  await writeSheet(context, minutesSheet(result), names);
  return result;
}
