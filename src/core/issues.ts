/**
 * Problems found in a workbook are values, not exceptions: every rule reports issue records, and the
 * report, the flags and the `Kiểm tra` sheet are all built from the same list.
 */
import type { RuleId } from './rules/catalogue';

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The sheet as it is named in the workbook (or the canonical name when the sheet is missing). */
  readonly sheet: string;
  /** A1 address of the offending cell; `null` only when the place itself does not exist (a missing sheet). */
  readonly cell: string | null;
  /** Vietnamese, for the clerk: which rule, which cell, what to change. */
  readonly message: string;
  /** The same in English. */
  readonly messageEn: string;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
