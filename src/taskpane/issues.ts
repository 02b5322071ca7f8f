/**
 * The issue list's shape: by sheet (in the order the engine reports them, which is workbook order), then
 * errors before warnings, each group in the engine's order (row, column, rule).
 */
import type { Issue, Severity } from '../core';
import { withoutPlace } from '../core/rules/words';

export interface SeverityGroup {
  readonly severity: Severity;
  readonly issues: readonly Issue[];
}

export interface SheetGroup {
  readonly sheet: string;
  readonly errors: number;
  readonly warnings: number;
  /** Errors first; a severity without issues has no group. */
  readonly groups: readonly SeverityGroup[];
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning'];

export function groupIssues(issues: readonly Issue[]): SheetGroup[] {
  const bySheet = new Map<string, Map<Severity, Issue[]>>();
  for (const issue of issues) {
    let severities = bySheet.get(issue.sheet);
    if (!severities) bySheet.set(issue.sheet, (severities = new Map()));
    const list = severities.get(issue.severity);
    if (list) list.push(issue);
    else severities.set(issue.severity, [issue]);
  }
  return [...bySheet].map(([sheet, severities]) => {
    const groups = SEVERITY_ORDER.filter((s) => severities.has(s)).map((severity) => ({ severity, issues: severities.get(severity) as Issue[] }));
    return {
      sheet,
      errors: severities.get('error')?.length ?? 0,
      warnings: severities.get('warning')?.length ?? 0,
      groups,
    };
  });
}

/** How many rows a group shows at first, and how many more each "Xem thêm" adds. */
export const PAGE_SIZE = 200;
/** Up to this many issues in all, every sheet starts open; beyond it every sheet starts collapsed. */
export const OPEN_ALL_LIMIT = 100;

/** The sheets whose group starts open: all of them for a short list, none for a long one. */
export function initiallyOpenSheets(groups: readonly SheetGroup[], total: number): string[] {
  return total <= OPEN_ALL_LIMIT ? groups.map((g) => g.sheet) : [];
}

/** The next number of rows to show after "Xem thêm". */
export function nextLimit(shown: number, total: number, page = PAGE_SIZE): number {
  return Math.min(total, shown + page);
}

/** A stable key for a row: the engine may report two rules on one cell, or one rule twice. */
export function issueKey(issue: Issue, index: number): string {
  return `${index}:${issue.rule}:${issue.cell ?? ''}`;
}

/** Issues with one cause: the same rule and the same words once the place is taken out (H8 and H9 both "Y"). */
export interface Cause {
  readonly rule: string;
  readonly severity: Severity;
  /** In the engine's order; the first one's words are shown. */
  readonly issues: readonly Issue[];
}

/** One card per cause, in the order of each cause's first issue. */
export function groupCauses(issues: readonly Issue[]): Cause[] {
  const byKey = new Map<string, Issue[]>();
  for (const issue of issues) {
    // Issues without a cell each stand alone: their words are all there is to tell them apart.
    const key = issue.cell === null ? `\u0001${byKey.size}` : `${issue.severity}\u0000${issue.rule}\u0000${withoutPlace(issue)}`;
    const list = byKey.get(key);
    if (list) list.push(issue);
    else byKey.set(key, [issue]);
  }
  return [...byKey.values()].map((list) => ({ rule: list[0].rule, severity: list[0].severity, issues: list }));
}
