/**
 * Combining the ward (RULES.md section 6): the check results of every chi bộ workbook in, the ward's
 * summary of forms 04- and 05-KĐ.ĐV and the AGG issues out. Runs only in `aggregate` (RULES.md 9.14).
 * Plain data in and out, like `checkWorkbook`: the CLI reads the files, the layouts write `Tổng hợp`.
 * This module computes the ward; the checks made when combining are the AGG rules of rules/agg.ts.
 */
import type { CheckResult, MemberResult } from './check';
import type { Issue, Severity } from './issues';
import { applyWardCap, checkChiBoLevels, checkExemplary, checkPeopleInOneChiBo, checkScheduleCoverage, combineLeaders, indexChiBo, mergeSchedules, type WardCap, type WardLeader, type WardReporter } from './rules/agg';
import type { ChiBoLevel } from './rules/cb';
import { issue } from './rules/issue';
import { findRuleSet, isHd27, DEFAULT_RULE_SET, type OptionValues, resolveOptions, type RuleSet } from './ruleSets';
import type { DateOnly } from './values/dates';
import type { MemberLevel } from './values/parse';

export type { WardCap, WardLeader } from './rules/agg';

export interface WardInput {
  /** The file's path as the user gave it; every issue names it. */
  readonly path: string;
  readonly result: CheckResult;
}

/** An issue with the file it is in. */
export interface FileIssue extends Issue {
  readonly file: string;
}

export interface Count {
  readonly count: number;
  /** Percent of the base, two decimals, for display; null when the base is 0. */
  readonly percent: number | null;
}

export const MEMBER_LEVELS: readonly MemberLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
export const CHI_BO_LEVELS: readonly ChiBoLevel[] = ['TSVM', 'HTTNV', 'HTNV', 'YK'];

/** Form 04-KĐ.ĐV over the ward: percentages of the members classified, as the official statistics. */
export interface WardMemberCounts {
  /** Members on the rolls of every chi bộ. */
  readonly total: number;
  readonly classified: number;
  readonly levels: Readonly<Record<MemberLevel, Count>>;
  readonly notClassified: { readonly exempt: number; readonly 'admitted-under-6-months': number };
  readonly deferred: { readonly absent: number; readonly 'no-self-review': number };
  readonly undetermined: number;
}

/** Form 05-KĐ.ĐV over the ward: percentages of the chi bộ whose level was decided. */
export interface WardChiBoCounts {
  /** Chi bộ workbooks combined. */
  readonly total: number;
  readonly classified: number;
  readonly levels: Readonly<Record<ChiBoLevel, Count>>;
  readonly undetermined: number;
}

/** One line of the per-chi-bộ table: a chi bộ with results, or one the schedule lists without. */
export interface WardChiBoRow {
  readonly name: string;
  readonly key: string;
  /** The workbook, or null for a chi bộ of the schedule with no results (AGG-04). */
  readonly file: string | null;
  readonly scheduledDate: DateOnly | null;
  readonly inCharge: string | null;
  readonly meetingDate: DateOnly | null;
  readonly members: number;
  readonly classified: number;
  readonly levels: Readonly<Record<MemberLevel, number>>;
  /** Not classified (exempt, under six months) and deferred (absent, no self-review). */
  readonly notClassified: number;
  readonly deferred: number;
  readonly undetermined: number;
  readonly score: number | null;
  readonly level: ChiBoLevel | null;
  readonly provisional: boolean;
  readonly exemplary: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export interface WardExemplary {
  readonly tsvm: number;
  /** The chi bộ marked "TSVM tiêu biểu" in `Kế hoạch`. */
  readonly chosen: readonly string[];
  /** Those of them that are TSVM: the number AGG-02 bounds. */
  readonly counted: number;
  /** The largest number allowed: ⌊percent × TSVM / 100⌋. */
  readonly bound: number;
  readonly percent: number;
  readonly withinBound: boolean;
}


export interface WardSchedule {
  /** The file whose `Kế hoạch` was used first, or null without a schedule. */
  readonly source: string | null;
  readonly listed: number;
  readonly withResults: number;
  readonly missing: readonly string[];
  readonly notInSchedule: readonly string[];
}


export interface WardResult {
  readonly ruleSet: string;
  readonly options: OptionValues;
  readonly heading: { readonly dangBo: string | null; readonly year: number | null };
  readonly files: readonly { readonly path: string; readonly chiBo: string | null; readonly role: 'chi-bo' | 'plan' }[];
  readonly rows: readonly WardChiBoRow[];
  readonly members: WardMemberCounts;
  readonly chiBo: WardChiBoCounts;
  readonly exemplary: WardExemplary;
  readonly cap: WardCap;
  readonly schedule: WardSchedule;
  readonly leaders: readonly WardLeader[];
  /** Each file's member results, after the ward cap (AGG-03) where that option is chosen. */
  readonly memberResults: readonly { readonly path: string; readonly members: readonly MemberResult[] }[];
  /** Issues found when combining (AGG, and PROC-02/LEAD-02 across files), each with its file. */
  readonly issues: readonly FileIssue[];
}

/** Each issue found when combining goes to `issues` with its file, in the order the checks find them. */
function reporterInto(issues: FileIssue[]): WardReporter {
  return (file, rule, place, sheetIfNone, message, messageEn, severity?: Severity) => {
    issues.push({ ...issue(rule, place?.sheet ?? sheetIfNone, place?.cell ?? null, message, messageEn, severity), file });
  };
}

/** How many items have each level, with percentages of all the items (members or chi bộ classified). */
function countByLevel<L extends string>(levels: readonly L[], items: readonly { readonly level: string | null }[]): Record<L, Count> {
  return Object.fromEntries(
    levels.map((l) => {
      const n = items.filter((item) => item.level === l).length;
      return [l, { count: n, percent: percentOf(n, items.length) }];
    }),
  ) as Record<L, Count>;
}

function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((10000 * part) / whole) / 100 : null;
}

/** A file holds a chi bộ when the check found its name or its members; otherwise it is the ward's own (the plan). */
export function holdsChiBo(result: CheckResult): boolean {
  return result.role === 'chi-bo' && (result.chiBo !== null || result.members.length > 0);
}

function emptyLevels<L extends string>(levels: readonly L[]): Record<L, number> {
  return Object.fromEntries(levels.map((l) => [l, 0])) as Record<L, number>;
}

/** Combines the checked workbooks of the ward. Never throws on any check results. */
export function aggregateWard(inputs: readonly WardInput[], options?: { readonly ruleSet?: string; readonly options?: Readonly<Record<string, string>> }): WardResult {
  const found = findRuleSet(options?.ruleSet ?? inputs[0]?.result.ruleSet ?? DEFAULT_RULE_SET);
  // TODO(issue 14, aggregate): hd43-2025's ward cap and levels; until then every ward is combined as hd27-2014.
  const ruleSet: RuleSet = found && isHd27(found) ? found : (findRuleSet(DEFAULT_RULE_SET) as RuleSet);
  const values = options?.options ? resolveOptions(ruleSet, options.options).values : (inputs[0]?.result.options ?? resolveOptions(ruleSet, {}).values);
  const issues: FileIssue[] = [];
  const members: MemberResult[][] = inputs.map(({ result }) => [...result.members]);
  const chiBoFiles = inputs.map((_, i) => i).filter((i) => holdsChiBo(inputs[i].result));

  const report = reporterInto(issues);

  // AGG-01, AGG-04: the chi bộ by name (none, or twice); a person in two chi bộ.
  const index = indexChiBo(inputs, chiBoFiles, report);
  const { fileOfKey, keyOfFile } = index;
  checkPeopleInOneChiBo(inputs, chiBoFiles, index, report);

  // AGG-03.
  const pool = chiBoFiles.reduce((acc, f) => acc + (inputs[f].result.figures?.pool ?? 0), 0);
  const ward = values.capScope === 'ward' ? applyWardCap(inputs, chiBoFiles, ruleSet, members, report) : null;
  const taken = chiBoFiles.reduce((acc, f) => acc + members[f].filter((m) => m.status === 'classified' && m.level === 'HTXSNV').length, 0);
  const cap: WardCap = ward
    ? { ...ward, taken }
    : { scope: 'chi-bo', percent: ruleSet.capPercent, pool, cap: chiBoFiles.reduce((acc, f) => acc + (inputs[f].result.figures?.cap ?? 0), 0), candidates: 0, taken, tied: 0 };

  // The schedule: coverage (AGG-04) and each chi bộ's date where its own workbook had no schedule (PROC-02).
  const { entries, source } = mergeSchedules(inputs, report);
  const scheduled = new Map(entries.map((e) => [e.entry.key, e]));
  const notInSchedule = checkScheduleCoverage(inputs, entries, source, index, report);

  // Per chi bộ lines, in the schedule's order, then the chi bộ not in it.
  const rowOf = (f: number): WardChiBoRow => {
    const { path, result } = inputs[f];
    const ms = members[f];
    const key = keyOfFile.get(f) ?? '';
    const c = result.chiBoResults[0];
    const levels = emptyLevels(MEMBER_LEVELS);
    for (const m of ms) if (m.status === 'classified' && m.level) levels[m.level]++;
    const entry = scheduled.get(key)?.entry;
    const counts = { errors: 0, warnings: 0 };
    for (const i of result.issues) counts[i.severity === 'error' ? 'errors' : 'warnings']++;
    return {
      name: result.chiBo ?? '(không tên)',
      key,
      file: path,
      scheduledDate: entry?.meetingDate ?? null,
      inCharge: entry?.inCharge ?? null,
      meetingDate: result.heading.meetingDate,
      members: ms.length,
      classified: ms.filter((m) => m.status === 'classified').length,
      levels,
      notClassified: ms.filter((m) => m.status === 'not-classified').length,
      deferred: ms.filter((m) => m.status === 'deferred').length,
      undetermined: ms.filter((m) => m.status === 'undetermined').length,
      score: c?.score ?? null,
      level: c?.level ?? null,
      provisional: c?.provisional ?? false,
      exemplary: entry?.exemplary ?? false,
      ...counts,
    };
  };
  const rows: WardChiBoRow[] = [];
  const placed = new Set<number>();
  for (const { entry } of entries) {
    const f = fileOfKey.get(entry.key);
    if (f === undefined) {
      rows.push({ name: entry.chiBo, key: entry.key, file: null, scheduledDate: entry.meetingDate, inCharge: entry.inCharge, meetingDate: null, members: 0, classified: 0, levels: emptyLevels(MEMBER_LEVELS), notClassified: 0, deferred: 0, undetermined: 0, score: null, level: null, provisional: false, exemplary: entry.exemplary, errors: 0, warnings: 0 });
      continue;
    }
    rows.push(rowOf(f));
    placed.add(f);
  }
  for (const f of chiBoFiles) if (!placed.has(f)) rows.push(rowOf(f));

  // AGG-01 over the chi bộ with results.
  const counted = rows.filter((r) => r.file !== null);
  const all = chiBoFiles.flatMap((f) => members[f]);
  const classified = all.filter((m) => m.status === 'classified');
  const memberCounts: WardMemberCounts = {
    total: all.length,
    classified: classified.length,
    levels: countByLevel(MEMBER_LEVELS, classified),
    notClassified: { exempt: all.filter((m) => m.reason === 'exempt').length, 'admitted-under-6-months': all.filter((m) => m.reason === 'admitted-under-6-months').length },
    deferred: { absent: all.filter((m) => m.status === 'deferred' && m.reason === 'absent').length, 'no-self-review': all.filter((m) => m.status === 'deferred' && m.reason === 'no-self-review').length },
    undetermined: all.filter((m) => m.status === 'undetermined').length,
  };
  const levelled = counted.filter((r) => r.level !== null);
  const chiBoCounts: WardChiBoCounts = {
    total: counted.length,
    classified: levelled.length,
    levels: countByLevel(CHI_BO_LEVELS, levelled),
    undetermined: counted.length - levelled.length,
  };
  checkChiBoLevels(inputs, chiBoFiles, report);

  // AGG-02: exemplary TSVM chi bộ.
  const tsvm = chiBoCounts.levels.TSVM.count;
  const exemplary = checkExemplary(inputs, entries, index, tsvm, ruleSet, report);

  // Leaders voted in two places (LEAD-02); the same tally carried by two files counts once.
  const leaders: WardLeader[] = combineLeaders(inputs, report);

  const firstChiBo = chiBoFiles.map((f) => inputs[f].result).find((r) => r.heading.dangBo || r.heading.year);
  const year = firstChiBo?.heading.year ?? inputs.find((i) => i.result.schedule?.year)?.result.schedule?.year ?? null;
  return {
    ruleSet: ruleSet.id,
    options: values,
    heading: { dangBo: firstChiBo?.heading.dangBo ?? null, year },
    files: inputs.map(({ path, result }) => ({ path, chiBo: result.chiBo, role: holdsChiBo(result) ? 'chi-bo' : 'plan' })),
    rows,
    members: memberCounts,
    chiBo: chiBoCounts,
    exemplary: { tsvm, chosen: exemplary.chosen, counted: exemplary.counted, bound: exemplary.bound, percent: ruleSet.exemplaryPercent, withinBound: exemplary.withinBound },
    cap,
    schedule: { source, listed: entries.length, withResults: entries.filter((e) => fileOfKey.has(e.entry.key)).length, missing: entries.filter((e) => !fileOfKey.has(e.entry.key)).map((e) => e.entry.chiBo), notInSchedule },
    leaders,
    memberResults: inputs.map(({ path }, i) => ({ path, members: members[i] })),
    issues,
  };
}
