import type { ChiBoForms, FormDef } from '../forms/definitions';
import type { RuleFamily } from '../rules/catalogue';

/**
 * What every rule set declares, whatever its regime (docs/ARCHITECTURE.md "Adding a rule set"): its id,
 * the input sheets it reads (forms/definitions.ts data), the rule families it runs (rules/registry.ts)
 * and its options. How it computes member and chi bộ levels is its engine (ruleSets/engines.ts), kept
 * apart from this data so that the pane's settings, which import the rule sets, never load an engine.
 */
export interface RuleSetBase {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
  /** How a clerk names it in a sentence ("Quy định 366-QĐ/TW (2025)"): messages say this, not the id. */
  readonly shortName: string;
  /** Other ways a clerk may write it in "Bộ quy tắc" besides the id (folded when compared). */
  readonly names: readonly string[];
  /** The input sheets this rule set reads and the template writes for it. */
  readonly reads: readonly FormDef[];
  /** The rule families it runs (those of the catalogue, and families not yet offered: `M25`, `CFG25`). */
  readonly families: readonly (RuleFamily | PendingFamily)[];
  readonly options: { readonly [key: string]: OptionDef };
  /** The chi bộ sheets by role, as this rule set lays them out (forms/reader.ts reads through these). */
  readonly forms: ChiBoForms;
}

/** Families whose rules are built but not yet offered to clerks (kept out of the catalogue until then). */
export type PendingFamily = 'ELIG25' | 'M25' | 'CB25' | 'CFG25';

/**
 * A rule set: the numbers and readings a guideline fixes (RULES.md "Default"/"Option"). The engine reads
 * every threshold from here, so a later guideline is a new file, not an edit of the engine.
 */

/** A fraction, compared exactly: `votes > num/den × N` is `den × votes > num × N`. */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

export interface OptionDef<V extends string = string> {
  readonly values: readonly V[];
  readonly default: V;
  readonly label: string;
  readonly labelEn: string;
  /** One line per value, for the settings UI and `--help`. */
  readonly describe: Readonly<Record<V, string>>;
  readonly describeEn: Readonly<Record<V, string>>;
}

export interface RuleSetOptions {
  /** RULES.md 2, "Denominator": N from the roll (default) or from those present. */
  readonly denominator: 'roll' | 'present';
  /** MEM-02: a vote for HTTNV also approves HTNV (cumulative, default) or not (strict). */
  readonly htnvCounting: 'cumulative' | 'strict';
  /** MEM-06: the cap applies per chi bộ (default) or over the whole ward (AGG-03). */
  readonly capScope: 'chi-bo' | 'ward';
}

export interface RuleSet extends RuleSetBase {
  readonly engine: 'hd27';
  /** MEM-01..03: a level needs more than this share of N. */
  readonly majority: Fraction;
  /** MEM-05: HTXSNV needs more than this share of N in round 2. */
  readonly excellentShare: Fraction;
  /** MEM-06: HTXSNV ≤ capPercent % of HTTNV after round 1. */
  readonly capPercent: number;
  /** ELIG-02: full calendar months since admission. */
  readonly monthsBeforeClassified: number;
  /** CB-03..06: score bounds (TSVM ≥ tsvm, HTTNV ≥ good, HTNV ≥ done; below done is YK). */
  readonly scoreBounds: { readonly tsvm: number; readonly good: number; readonly done: number };
  /** CB-06: this many Front/mass organisations at the lowest level make the chi bộ YK. */
  readonly lowestOrgsForYK: number;
  /** AGG-02: exemplary chi bộ ≤ this % of TSVM chi bộ. */
  readonly exemplaryPercent: number;
  /** PROC rules (RULES.md 7): the plan's deadlines. */
  readonly procedure: {
    /** PROC-01: "the first weeks of the next year" end on this day of the next year (inclusive). */
    readonly nextYearUntil: { readonly m: number; readonly d: number };
    /** PROC-03: the chi bộ reports within this many days of its meeting (IV.8). */
    readonly reportWithinDays: number;
    /** PROC-04: a collective's draft report reaches its members at least this many days before the review (II.3.1.a). */
    readonly draftDaysBefore: number;
  };
  readonly options: { readonly [K in keyof RuleSetOptions]: OptionDef<RuleSetOptions[K]> };
}

/** Any rule set, offered or not: the engine tag tells which shape (and which engine) it has. */
export type AnyRuleSet = RuleSet | Hd43RuleSet;

/** Rule set hd43-2025's fixed figures (RULES-2025.md "fixed"); its settings are the workbook's `Bộ tiêu chí`. */
export interface Hd43RuleSet extends RuleSetBase {
  readonly engine: 'hd43';
  /** M25-01, CB25-01: the two groups' maxima (common criteria, task results) and the whole. */
  readonly frame: { readonly common: number; readonly tasks: number; readonly total: number };
  /** M25-10..12, CB25-02..04: the score bands (HTXSNV ≥ excellent, HTTNV ≥ good, HTNV ≥ done). */
  readonly bands: { readonly excellent: number; readonly good: number; readonly done: number };
  /** M25-10, CB25-02: at least this % of the tasks beyond requirements. */
  readonly exceededPercent: number;
  /** CB25-04: at most this % of the chi bộ's tasks late. */
  readonly latePercent: number;
  /** ELIG-02, carried from HD 21. */
  readonly monthsBeforeClassified: number;
  /** CB25-02 (setting, default on): at least this % of the classified members at HTTNV or better. */
  readonly chiBoGoodPercent: number;
  /** PROC rules: the ward plan's deadlines, as under hd27-2014 (RULES-2025.md §6). */
  readonly procedure: RuleSet['procedure'];
}


export type OptionValues = RuleSetOptions;
