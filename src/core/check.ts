/**
 * One chi bộ workbook in, issues and results out. The single entry point that the task pane, the ribbon
 * command and the command line all call.
 */
import { readChiBoWorkbook } from './forms/reader';
import type { ChiBoWorkbook } from './forms/model';
import { parseA1, type WorkbookModel } from './grid';
import type { Issue } from './issues';
import { checkDuplicateMembers, checkRowTotals, matchTallyToRoll } from './rules/data';
import { eligibility } from './rules/elig';
import { IssueSink } from './rules/issue';

export interface CheckOptions {
  readonly ruleSet: string;
  readonly options: Readonly<Record<string, string>>;
}

export interface MemberResult {
  readonly chiBo: string;
  readonly name: string;
  readonly row: number;
  readonly status: 'classified' | 'not-classified' | 'deferred' | 'undetermined';
  readonly level: string | null;
  readonly reason: string | null;
  readonly rules: readonly string[];
}

export interface ChiBoResult {
  readonly name: string;
  readonly score: number | null;
  readonly level: string | null;
  readonly rules: readonly string[];
}

export interface CheckResult {
  readonly ruleSet: string;
  /** The chi bộ's name from `Thông tin chi bộ`, or null when it could not be read. */
  readonly chiBo: string | null;
  readonly issues: readonly Issue[];
  readonly members: readonly MemberResult[];
  readonly chiBoResults: readonly ChiBoResult[];
}

export const DEFAULT_RULE_SET = 'hd27-2014';

export function checkWorkbook(model: WorkbookModel, options?: Partial<CheckOptions>): CheckResult {
  const sink = new IssueSink();
  const input = readChiBoWorkbook(model, sink);
  runDataRules(input, sink);
  return {
    ruleSet: options?.ruleSet ?? DEFAULT_RULE_SET,
    chiBo: input.info?.chiBo.value ?? null,
    issues: sortIssues(sink.list, model),
    members: [],
    chiBoResults: [],
  };
}

function runDataRules(input: ChiBoWorkbook, sink: IssueSink): void {
  const meeting = input.info?.meetingDate.value ?? null;
  checkDuplicateMembers(input, sink);
  matchTallyToRoll(input, (m) => eligibility(m, meeting), sink);
  checkRowTotals(input, sink);
}

/** Issues in workbook order (sheet, row, column), then by rule: the same input always lists alike. */
function sortIssues(issues: readonly Issue[], model: WorkbookModel): Issue[] {
  const sheetOrder = new Map(model.sheets.map((s, i) => [s.name, i]));
  const position = (issue: Issue): [number, number, number] => {
    const p = issue.cell ? parseA1(issue.cell) : null;
    return [sheetOrder.get(issue.sheet) ?? -1, p?.row ?? -1, p?.col ?? -1];
  };
  return issues
    .map((issue, index) => ({ issue, index, pos: position(issue) }))
    .sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1] || a.pos[2] - b.pos[2] || (a.issue.rule < b.issue.rule ? -1 : a.issue.rule > b.issue.rule ? 1 : 0) || a.index - b.index)
    .map((x) => x.issue);
}
