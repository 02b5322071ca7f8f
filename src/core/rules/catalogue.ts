/**
 * Every rule of ../shared/spec/RULES.md, by its stable ID, with the seed section it comes from. The IDs
 * are used verbatim in issues, reports, flags and test names. Each family module (data.ts, …) adds
 * its checks; this file is only the metadata, so a rule's ID can be shown even where its check lives
 * in the reader.
 */
import type { Severity } from '../severity';

export const RULE_IDS = [
  'ELIG-01', 'ELIG-02', 'ELIG-03', 'ELIG-04',
  'VOTE-01', 'VOTE-02', 'VOTE-03', 'VOTE-04', 'VOTE-05', 'VOTE-06', 'VOTE-07',
  'MEM-01', 'MEM-02', 'MEM-03', 'MEM-04', 'MEM-05', 'MEM-06', 'MEM-07', 'MEM-08', 'MEM-09', 'MEM-10',
  'CB-01', 'CB-02', 'CB-03', 'CB-04', 'CB-05', 'CB-06', 'CB-07', 'CB-08',
  'LEAD-01', 'LEAD-02',
  'AGG-01', 'AGG-02', 'AGG-03', 'AGG-04',
  'PROC-01', 'PROC-02', 'PROC-03', 'PROC-04', 'PROC-05',
  'DATA-01', 'DATA-02', 'DATA-03', 'DATA-04', 'DATA-05', 'DATA-06', 'DATA-07', 'DATA-08', 'DATA-09',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
export type RuleFamily = 'ELIG' | 'VOTE' | 'MEM' | 'CB' | 'LEAD' | 'AGG' | 'PROC' | 'DATA';

export interface RuleMeta {
  readonly id: RuleId;
  /** The severity the rule reports by default; some rules also report the other one (e.g. VOTE-03). */
  readonly severity: Severity;
  /** Where in the seed plan the rule comes from ("III.1.3.a"), or the spec section for data rules. */
  readonly seed: string;
  readonly title: string;
  readonly titleEn: string;
}

export function familyOf(id: RuleId): RuleFamily {
  return id.slice(0, id.indexOf('-')) as RuleFamily;
}
