/** The JSON report of FORMS.md, built from check results; the CLI prints it, tests read it. */
import type { CheckResult } from './check';

export interface ReportFile {
  readonly path: string;
  readonly chiBo: string | null;
}

export interface Report {
  readonly ruleSet: string;
  readonly files: readonly ReportFile[];
  readonly issues: readonly {
    readonly rule: string;
    readonly severity: 'error' | 'warning';
    readonly file: string;
    readonly sheet: string;
    readonly cell: string | null;
    readonly message: string;
    readonly messageEn: string;
  }[];
  readonly members: readonly unknown[];
  readonly chiBo: readonly unknown[];
  readonly leaders: readonly unknown[];
}

export function buildReport(ruleSet: string, checked: readonly { readonly path: string; readonly result: CheckResult }[]): Report {
  return {
    ruleSet,
    files: checked.map(({ path, result }) => ({ path, chiBo: result.chiBo })),
    issues: checked.flatMap(({ path, result }) =>
      result.issues.map((i) => ({ rule: i.rule, severity: i.severity, file: path, sheet: i.sheet, cell: i.cell, message: i.message, messageEn: i.messageEn })),
    ),
    members: checked.flatMap(({ result }) => result.members),
    chiBo: checked.flatMap(({ result }) => result.chiBoResults),
    leaders: [],
  };
}
