/** The numbers of the summary, counted once from a check result. */
import type { CheckResult } from '../core';
import { countBySeverity } from '../core/issues';
import type { ChiBoLevel } from '../core/rules/cb';
import type { MemberStatus } from '../core/rules/mem';
import type { MemberLevel } from '../core/values/parse';

export const MEMBER_LEVELS: readonly MemberLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
/** The statuses other than `classified`, in the order the summary lists them. */
export const OTHER_STATUSES: readonly Exclude<MemberStatus, 'classified'>[] = ['not-classified', 'deferred', 'undetermined'];

export interface Summary {
  readonly chiBoName: string | null;
  readonly members: number;
  readonly levels: Readonly<Record<MemberLevel, number>>;
  readonly statuses: Readonly<Record<MemberStatus, number>>;
  readonly figures: CheckResult['figures'];
  readonly chiBo: { readonly name: string; readonly level: ChiBoLevel | null; readonly score: number | null; readonly provisional: boolean; readonly proposed?: boolean } | null;
  /** The rule set the results were computed under (its words: "Đề xuất xếp loại" under hd43-2025). */
  readonly ruleSet: string;
  /** The levels are proposals (hd43-2025): the figures are then those of the score, not of the votes. */
  readonly proposed?: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export function summarise(result: CheckResult): Summary {
  const levels: Record<MemberLevel, number> = { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 };
  const statuses: Record<MemberStatus, number> = { classified: 0, 'not-classified': 0, deferred: 0, undetermined: 0 };
  for (const m of result.members) {
    statuses[m.status]++;
    if (m.status === 'classified' && m.level) levels[m.level]++;
  }
  const first = result.chiBoResults[0];
  const { errors, warnings } = countBySeverity(result.issues);
  return {
    chiBoName: result.chiBo,
    members: result.members.length,
    levels,
    statuses,
    figures: result.figures,
    chiBo: first ? { name: first.name, level: first.level, score: first.score, provisional: first.provisional, proposed: first.proposed === true } : null,
    ruleSet: result.ruleSet,
    proposed: result.members.some((m) => m.proposed === true) || first?.proposed === true,
    errors,
    warnings,
  };
}
