/**
 * What the 2025 families (cfg25.ts, m25.ts; RULES-2025.md) share. Their IDs are NOT in catalogue.ts yet:
 * docs/RULES.md is generated from the catalogue and documents what clerks are offered, and hd43-2025 is
 * not offered until issue 14 is complete. Until then these rules return findings (plain values) instead
 * of issues; when the rule set is offered, the IDs move into RULE_IDS and the families into registry.ts,
 * and a finding becomes an issue unchanged (same fields).
 */
import type { Severity } from '../severity';

export const RULE25_IDS = [
  'ELIG25-01',
  'M25-01', 'M25-02', 'M25-03', 'M25-04',
  'M25-10', 'M25-11', 'M25-12', 'M25-13', 'M25-14', 'M25-15', 'M25-16', 'M25-17',
  'M25-20', 'M25-30',
  'CB25-01', 'CB25-02', 'CB25-03', 'CB25-04', 'CB25-05',
  'CFG25-01', 'CFG25-02',
] as const;

export type Rule25Id = (typeof RULE25_IDS)[number];

/** A rule's metadata, as catalogue.ts `RuleMeta` but for a family not yet offered. */
export interface Rule25Meta {
  readonly id: Rule25Id;
  readonly severity: Severity;
  /** The section of RULES-2025.md the rule comes from, and its source text. */
  readonly seed: string;
  readonly title: string;
  readonly titleEn: string;
}

/** A rule's finding: an issue's fields (issues.ts `Issue`), its rule a 2025 ID or a DATA rule. */
export interface Finding {
  readonly rule: Rule25Id | 'DATA-01' | 'DATA-02' | 'DATA-09';
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
