/**
 * What the 2025 families (cfg25.ts, m25.ts, elig25.ts, cb25.ts; RULES-2025.md) share. Their rules return
 * findings (plain values with an issue's fields), which the engine (ruleSets/hd43-engine.ts) adds to the
 * run's issues unchanged.
 */
import type { RuleId, RuleMeta } from './catalogue';
import type { Severity } from '../severity';

/** The 2025 rule IDs (a part of the catalogue's RULE_IDS). */
export type Rule25Id = Extract<RuleId, `ELIG25-${string}` | `M25-${string}` | `CB25-${string}` | `CFG25-${string}`>;

/** A rule's metadata, as the catalogue's, for a 2025 rule. */
export type Rule25Meta = RuleMeta & { readonly id: Rule25Id };

/** A rule's finding: an issue's fields (issues.ts `Issue`), its rule a 2025 ID or a DATA rule. */
export interface Finding {
  readonly rule: Rule25Id | 'DATA-01' | 'DATA-02' | 'DATA-08' | 'DATA-09';
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string | null;
  readonly message: string;
  readonly messageEn: string;
}

/** A cell as the 2025 rules read it: compatible with forms/model.ts `Located`. */
export interface CellIn<T> {
  readonly value: T | null;
  readonly sheet: string;
  readonly cell: string;
  readonly filled: boolean;
  readonly absent?: boolean;
}

/** Numbers as exact integers of thousandths: scores in halves (or any step to 0.001) add up exactly. */
export const SCALE = 1000;
export const scaled = (x: number): number => Math.round(x * SCALE);

/** A number as a clerk writes it: 92,5. */
export function vn(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * SCALE) / SCALE).replace('.', ',');
}
