import type { Issue, Severity } from '../issues';
import { type RuleId, ruleMeta } from './registry';

/** Builds an issue record with the rule's default severity unless one is given. */
export function issue(rule: RuleId, sheet: string, cell: string | null, message: string, messageEn: string, severity?: Severity): Issue {
  return { rule, severity: severity ?? ruleMeta(rule).severity, sheet, cell, message, messageEn };
}

/** Collects issues; rules receive one and add to it. */
export class IssueSink {
  readonly list: Issue[] = [];
  add(rule: RuleId, sheet: string, cell: string | null, message: string, messageEn: string, severity?: Severity): void {
    this.list.push(issue(rule, sheet, cell, message, messageEn, severity));
  }
}
