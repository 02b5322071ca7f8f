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

export interface RuleSet {
  readonly id: string;
  readonly title: string;
  readonly titleEn: string;
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

export type OptionValues = RuleSetOptions;
