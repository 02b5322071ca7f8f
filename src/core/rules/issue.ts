import { type Issue, IssueSink, type Severity } from '../issues';
import { type RuleId, ruleMeta } from './registry';

const registeredSeverity = (rule: RuleId): Severity => ruleMeta(rule).severity;

/** Builds an issue record with the rule's default severity unless one is given. */
export function issue(rule: RuleId, sheet: string, cell: string | null, message: string, messageEn: string, severity?: Severity): Issue {
  return { rule, severity: severity ?? registeredSeverity(rule), sheet, cell, message, messageEn };
}

/** A sink whose issues take their rule's registered severity unless they name one. */
export function newIssueSink(): IssueSink {
  return new IssueSink(registeredSeverity);
}
