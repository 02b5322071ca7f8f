/**
 * The rule sets the engine knows, each offered to clerks (the pane, `--rules`, `template`, docs/RULES.md).
 * A new guideline is a new file registered here (docs/ARCHITECTURE.md "Adding a rule set").
 */
import { HD27_2014 } from './hd27-2014';
import { HD43_2025 } from './hd43-2025';
import type { AnyRuleSet, OptionValues, RuleSet } from './types';

export type { AnyRuleSet, OptionValues, RuleSet, RuleSetBase, Fraction } from './types';
export type { Hd43RuleSet } from './types';

export const RULE_SETS: readonly AnyRuleSet[] = [HD27_2014, HD43_2025];
/** A workbook without "Bộ quy tắc" is read as hd27-2014 (today's files keep today's results). */
export const DEFAULT_RULE_SET = HD27_2014.id;
/** New workbooks (`template`, the pane's Tạo mẫu) are written for the rules in force. */
export const TEMPLATE_RULE_SET = HD43_2025.id;

export function findRuleSet(id: string): AnyRuleSet | undefined {
  return RULE_SETS.find((r) => r.id === id);
}

/** A rule set as a clerk names it in a sentence: "Quy định 366-QĐ/TW (2025)"; an unknown id as it is. */
export function ruleSetName(id: string): string {
  return findRuleSet(id)?.shortName ?? id;
}

/** hd27-2014's shape (ballots, `--option`s), for the code that only that regime has. */
export function isHd27(ruleSet: AnyRuleSet): ruleSet is RuleSet {
  return ruleSet.engine === 'hd27';
}


export function knownRuleSet(id: string): boolean {
  return findRuleSet(id) !== undefined;
}

export type OptionProblem = { readonly key: string; readonly message: string };

/**
 * The rule set's defaults with `--option KEY=VALUE` overrides applied. Unknown keys or values are
 * problems to report, never silently ignored.
 */
export function resolveOptions(ruleSet: RuleSet, overrides: Readonly<Record<string, string>>): { values: OptionValues; problems: OptionProblem[] };
export function resolveOptions(ruleSet: AnyRuleSet, overrides: Readonly<Record<string, string>>): { values: Readonly<Record<string, string>>; problems: OptionProblem[] };
export function resolveOptions(ruleSet: AnyRuleSet, overrides: Readonly<Record<string, string>>): { values: OptionValues | Readonly<Record<string, string>>; problems: OptionProblem[] } {
  const values: Record<string, string> = {};
  const problems: OptionProblem[] = [];
  for (const [key, def] of Object.entries(ruleSet.options)) values[key] = def.default;
  for (const [key, value] of Object.entries(overrides)) {
    const def = (ruleSet.options as Record<string, { values: readonly string[] }>)[key];
    if (!def) {
      problems.push({ key, message: `Không có tuỳ chọn "${key}" trong bộ quy tắc ${ruleSet.id}. Các tuỳ chọn: ${Object.keys(ruleSet.options).join(', ')}.` });
    } else if (!def.values.includes(value)) {
      problems.push({ key, message: `Tuỳ chọn ${key} không nhận giá trị "${value}". Giá trị hợp lệ: ${def.values.join(', ')}.` });
    } else values[key] = value;
  }
  return { values, problems };
}
