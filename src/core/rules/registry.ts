/**
 * The rule registry: one module per family registers its rules' metadata here, as HyperFormula
 * registers one plugin per function family. Adding a family means adding a module to FAMILIES.
 */
import { RULE_DESCRIPTIONS, RULE_IDS, type RuleId, type RuleMeta } from './catalogue';
import { DATA_RULES } from './data';
import { CB_RULES } from './cb';
import { ELIG_RULES } from './elig';
import { MEM_RULES } from './mem';
import { VOTE_RULES } from './vote';
import { LEAD_RULES } from './lead';
import { AGG_RULES } from './agg';
import { PROC_RULES } from './proc';
import { ELIG25_RULES } from './elig25';
import { M25_RULES } from './m25';
import { CB25_RULES } from './cb25';
import { CFG25_RULES } from './cfg25';

export type { RuleId, RuleMeta } from './catalogue';

const FAMILIES: readonly (readonly RuleMeta[])[] = [ELIG_RULES, VOTE_RULES, MEM_RULES, CB_RULES, LEAD_RULES, AGG_RULES, PROC_RULES, DATA_RULES, ELIG25_RULES, M25_RULES, CB25_RULES, CFG25_RULES];

const BY_ID: ReadonlyMap<RuleId, RuleMeta> = new Map(FAMILIES.flatMap((family) => family.map((meta): [RuleId, RuleMeta] => [meta.id, { ...RULE_DESCRIPTIONS[meta.id], ...meta }])));

/** Metadata for a rule; an ID no family registers gets a neutral entry. */
export function ruleMeta(id: RuleId): RuleMeta {
  return BY_ID.get(id) ?? { id, severity: 'error', seed: 'RULES.md', title: id, titleEn: id };
}

export function registeredRules(): readonly RuleMeta[] {
  return RULE_IDS.filter((id) => BY_ID.has(id)).map((id) => BY_ID.get(id) as RuleMeta);
}
