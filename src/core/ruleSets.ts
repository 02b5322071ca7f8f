/** Named rule sets (RULES.md). The plan's rules are `hd27-2014`. */
export const RULE_SETS = ['hd27-2014'] as const;

export function knownRuleSet(name: string): boolean {
  return (RULE_SETS as readonly string[]).includes(name);
}
