/**
 * The issue list's shape: by sheet (in the order the engine reports them, which is workbook order), then
 * errors before warnings, each group in the engine's order (row, column, rule).
 */
import type { Issue, Severity } from '../core';

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
