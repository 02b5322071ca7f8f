/** What the rule families share while checking one chi bộ. */
import type { ChiBoWorkbook, RollMember, TallyRow } from '../forms/model';
import type { OptionValues, RuleSet } from '../ruleSets';
import type { DateOnly } from '../values/dates';
import type { Eligibility } from './elig';
import type { IssueSink } from '../issues';

export interface MemberState {
  readonly member: RollMember;
  readonly eligibility: Eligibility;
  /** The member's tally row, matched by DATA-08. */
  readonly tally: TallyRow | undefined;
}

export interface ChiBoContext {
  readonly input: ChiBoWorkbook;
  readonly ruleSet: RuleSet;
  readonly options: OptionValues;
  readonly meeting: DateOnly | null;
  readonly members: readonly MemberState[];
  readonly sink: IssueSink;
}

/** `x > num/den × n`, exactly. */
export function exceeds(x: number, fraction: { num: number; den: number }, n: number): boolean {
  return fraction.den * x > fraction.num * n;
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // N/2, written into every member's explanation: "12,5" without toFixed and three replacements.
  if (Number.isInteger(n * 2) && Math.abs(n) < 1e15) return `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n))},5`;
  return n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '').replace('.', ',');
}
