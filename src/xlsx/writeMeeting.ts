/**
 * The meeting-day sheets in an .xlsx copy: a ballot (`Phiếu lần 1` / `Phiếu lần 2`) or the minutes
 * (`Biên bản kiểm phiếu`) under hd27-2014, the members' scoring sheets (`Phiếu chấm điểm đảng viên`)
 * under hd43-2025, each replacing its sheet of the same name. Only ever called on a workbook loaded from
 * the input and saved elsewhere.
 */
import type ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import { type BallotOutcome, ballotFor } from '../core/output/ballots';
import { minutesSheet } from '../core/output/minutes';
import { type ScoreSheetOutcome, scoreSheetsFor } from '../core/output/scoreSheets';
import type { CriteriaTable } from '../core/rules/cfg25';
import { renderLayout } from './renderLayout';

/** Adds the round's ballot when it can be printed; the outcome says why not otherwise. */
export function writeBallot(wb: ExcelJS.Workbook, result: CheckResult, round: 1 | 2): BallotOutcome {
  const outcome = ballotFor(result, round);
  if (outcome.ok) renderLayout(wb, outcome.ballot.layout);
  return outcome;
}

export function writeMinutes(wb: ExcelJS.Workbook, result: CheckResult): void {
  renderLayout(wb, minutesSheet(result));
}

/** Adds the members' scoring sheets when they can be printed; the outcome says why not otherwise. */
export function writeScoreSheets(wb: ExcelJS.Workbook, result: CheckResult, criteria: CriteriaTable): ScoreSheetOutcome {
  const outcome = scoreSheetsFor(result, criteria);
  if (outcome.ok) renderLayout(wb, outcome.sheets.layout);
  return outcome;
}
