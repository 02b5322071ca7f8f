/**
 * Problems found in a workbook are values, not exceptions: every rule reports issue records, and the
 * report, the flags and the `Kiểm tra` sheet are all built from the same list.
 */
import type { RuleId } from './rules/catalogue';
import type { Severity } from './severity';

export type { Severity } from './severity';

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

/**
 * Collects issues; rules receive one and add to it. A rule that names no severity reports its default
 * one, which only the rule registry knows: the sink is given that lookup (rules/issue.ts `newIssueSink`)
 * so that this module, which every rule family imports, imports none of them.
 */
export class IssueSink {
  readonly list: Issue[] = [];

  constructor(private readonly defaultSeverity: (rule: RuleId) => Severity) {}

  add(rule: RuleId, sheet: string, cell: string | null, message: string, messageEn: string, severity?: Severity): void {
    this.list.push({ rule, severity: severity ?? this.defaultSeverity(rule), sheet, cell, message, messageEn });
  }
}
