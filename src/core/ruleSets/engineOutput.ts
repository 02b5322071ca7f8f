/** What a rule set's engine gives check.ts (ruleSets/engine.ts). */
import type { ChiBoWorkbook } from '../forms/model';
import type { ChiBoResult } from '../rules/cb';
import type { MemberState } from '../rules/context';
import type { LeaderResult } from '../rules/lead';
import type { MemberResult } from '../rules/mem';
import type { SettingValue } from '../rules/cfg25';
import type { OptionValues } from './types';

export interface EngineOutput {
  readonly input: ChiBoWorkbook;
  /**
   * The options the results were computed with. Typed as hd27-2014's until the report and the result
   * sheets learn other rule sets' settings (issue 14); hd43-2025 reports its settings separately.
   */
  readonly options: OptionValues;
  readonly leaders: readonly LeaderResult[];
  readonly memberResults: readonly MemberResult[];
  readonly chiBoResults: readonly ChiBoResult[];
  readonly figures: { readonly n: number; readonly pool: number; readonly cap: number } | null;
  /** One per roll row (what combining the ward needs of each member). */
  readonly states: readonly MemberState[];
  /** hd43-2025: the đảng ủy's settings as used, each from the sheet or the default (RULES-2025.md §7). */
  readonly settings?: readonly SettingUsed[];
}

/** One setting of `Bộ tiêu chí` as the results used it (rules/cfg25.ts): the JSON report's `settings` entry. */
export type SettingUsed = SettingValue;
