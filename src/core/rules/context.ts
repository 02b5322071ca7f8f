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
  // The same N/2 and 2N/3 are written into every member's explanation.
  let text = formatted.get(n);
  if (text === undefined) {
    text = n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '').replace('.', ',');
    if (formatted.size >= 1000) formatted.clear();
    formatted.set(n, text);
  }
  return text;
}

const formatted = new Map<number, string>();
