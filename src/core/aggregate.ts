/**
 * Combining the ward (RULES.md section 6; RULES-2025.md §4–§6 under hd43-2025): the check results of every
 * chi bộ workbook in, the ward's summary (forms 04- and 05-KĐ.ĐV under hd27-2014; the chi bộ's proposals
 * by the 2025 level names under hd43-2025) and the AGG issues out. Runs only in `aggregate` (RULES.md 9.14).
 * Plain data in and out, like `checkWorkbook`: the CLI reads the files, the layouts write `Tổng hợp`.
 * This module computes the ward; the checks made when combining are the AGG rules of rules/agg.ts, and the
 * ward's HTXSNV cap is AGG-03 (hd27-2014, an option) or M25-20 (hd43-2025, over the ward by default).
 * The ward's rule set is its files' (most of them); what differs between rule sets is `WardRules` (data).
 */
import type { CheckResult, MemberResult } from './check';
import type { Issue, Severity } from './issues';
import {
  applyWardCap,
  applyWardCap25,
  beforeCapExcellent,
  checkChiBoLevels,
  checkExemplary,
  checkPeopleInOneChiBo,
  checkScheduleCoverage,
  chiBoCaps25,
  type ChiBoView,
  combineLeaders,
  EXEMPLARY_WORDS_2014,
  EXEMPLARY_WORDS_2025,
  type ExemplaryWords,
  indexChiBo,
  type CandidateView,
  type CellPlace,
  type MemberView,
  mergeSchedules,
  type PersonView,
  provisionalAfterCap,
  reportUnconfirmed,
  type WardCap,
  type WardLeader,
  type WardReporter,
  type WardSetting,
  wardCapCandidate,
  wardSetting,
} from './rules/agg';
import type { RuleId } from './rules/catalogue';
import type { ChiBoLevel } from './rules/cb';
import { issue } from './rules/issue';
import { type AnyRuleSet, findRuleSet, isHd27, ruleSetName, DEFAULT_RULE_SET, type OptionValues, resolveOptions, type RuleSet } from './ruleSets';
import { ownCopy } from './run';
import type { DateOnly } from './values/dates';
import type { MemberLevel } from './values/parse';

export { appliedCap, type CappedView, type MemberView, type WardCap, type WardLeader, type WardSetting } from './rules/agg';

/**
 * What combining reads of one checked file: a `CheckResult` has all of it; `compactResult` keeps only
 * this (the command line keeps one per file until every file is checked). `M` is the members' type: whole
 * `MemberResult`s, or `MemberView`s (`CandidateView`s where the ward's cap may change the member).
 */
export type WardFileResult<M extends MemberView = MemberView> = Omit<CheckResult, 'members' | 'chiBoResults' | 'people' | 'ballots'> & {
  readonly members: readonly M[];
  readonly chiBoResults: readonly ChiBoView[];
  readonly people: readonly (PersonView | null)[];
};

/** A checked file to combine: its check result (`R`), or its compact record (`compactResult`). */
export interface WardInput<R extends WardFileResult = CheckResult> {
  /** The file's path as the user gave it; every issue names it. */
  readonly path: string;
  readonly result: R;
}

/**
 * Whether the ward's cap may change a member of this file: AGG-03 over an hd27-2014 ward (a file checked
 * with `capScope=ward`), M25-20 over an hd43-2025 ward. The cap covers only the files of the ward's rule
 * set, so a file's own rule set decides which of the two can reach it.
 */
export function mayBeCapped(result: Pick<WardFileResult, 'ruleSet' | 'options'>, m: MemberView): boolean {
  const engine = findRuleSet(result.ruleSet)?.engine;
  return (engine !== 'hd43' && wardCapCandidate(result.options, m)) || (engine !== 'hd27' && beforeCapExcellent(m));
}

/**
 * What the compact records of one run share: the few combinations of a member's status, level and reason,
 * the birth dates, sheet names and cells that recur from file to file. Made by the caller once per run (the
 * core keeps no state between calls).
 */
export interface CompactMemo {
  readonly views: Map<string, MemberView>;
  readonly dates: Map<number, DateOnly>;
  readonly places: Map<string, CellPlace>;
  /**
   * A sheet's name as a reader gives it may be a slice of the text it was read from (V8 keeps that whole
   * text alive with it): each file's record names its sheets with the run's first copy.
   */
  readonly sheets: Map<string, string>;
}

export function newCompactMemo(): CompactMemo {
  return { views: new Map(), dates: new Map(), places: new Map(), sheets: new Map() };
}

function shared<K, V>(memo: Map<K, V>, key: K, value: V): V {
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, value);
  return value;
}

/**
 * What combining the ward needs of a checked file, and nothing more (issue 15, "stream the ward"): the
 * file's issues, leaders, schedule, settings, heading, figures and places as they are; the chi bộ's level,
 * score and whether it is provisional; per member only its status, level and reason (counts, the chi bộ's
 * rows), and its row's name key, birth date, "tạm thời" and cell with the member's name (AGG-04); for a
 * member the ward's cap may change (`mayBeCapped`), also its rules, votes, N and score (what the cap ranks
 * by) and its whole row (the cells the cap's messages name). Its whole result is not kept: the command line
 * spools it, and the cap's change (`CappedView`) is applied to it when the report is written. Combining
 * compact records gives exactly what combining the check results gives (test/cli/aggregateCompact.test.ts).
 */
export function compactResult(result: CheckResult, memo: CompactMemo = newCompactMemo()): WardFileResult {
  const { members, chiBoResults, people, ballots: _ballots, issues, places, settings, ...rest } = result;
  const whole = members.map((m) => mayBeCapped(result, m));
  const sheet = (name: string): string => shared(memo.sheets, name, name);
  const place = (p: CellPlace): CellPlace => shared(memo.places, `${p.sheet}\u0000${p.cell}`, { sheet: sheet(p.sheet), cell: p.cell });
  const view = (m: MemberResult): MemberView => shared(memo.views, `${m.status}|${m.level}|${m.reason}`, { status: m.status, level: m.level, reason: m.reason });
  // What the cap ranks a candidate by and tests it with; its whole result goes to the report's spool.
  const candidate = (m: MemberResult): CandidateView => ({ name: m.name, status: m.status, level: m.level, reason: m.reason, rules: m.rules, n: m.n, votes: m.votes, ...(m.unmet ? { unmet: m.unmet } : {}), ...(m.score !== undefined ? { score: m.score } : {}) });
  const person = (p: CheckResult['people'][number], member: string): PersonView | null => {
    if (!p.nameKey || !p.birthDate) return null;
    const { y, m, d } = p.birthDate;
    return { nameKey: p.nameKey, birthDate: shared(memo.dates, (y * 100 + m) * 100 + d, p.birthDate), temporary: p.temporary, name: place(p.name), member };
  };
  return {
    ...rest,
    issues: issues.map((i) => ({ ...i, sheet: sheet(i.sheet), message: ownCopy(i.message), messageEn: ownCopy(i.messageEn) })),
    places: { chiBo: places.chiBo && place(places.chiBo), meetingDate: places.meetingDate && place(places.meetingDate) },
    ...(settings ? { settings: settings.map((x) => (x.sheet === null ? x : { ...x, sheet: sheet(x.sheet) })) } : {}),
    members: members.map((m, i) => (whole[i] ? candidate(m) : view(m))),
    chiBoResults: chiBoResults.map((c) => ({ level: c.level, score: c.score, provisional: c.provisional })),
    people: people.map((p, i) => (whole[i] ? { ...p, name: place(p.name), round2: p.round2 && place(p.round2) } : person(p, members[i].name))),
  };
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
/** hd27-2014's chi bộ levels (form 05-KĐ.ĐV); each rule set's are `WardRules.chiBoLevels`. */
export const CHI_BO_LEVELS: readonly ChiBoLevel[] = ['TSVM', 'HTTNV', 'HTNV', 'YK'];

/**
 * What combining a ward needs to know of its rule set, as data: the chi bộ levels it counts (form 05's
 * lines), the level the commendation of AGG-02 is chosen among and its bound, and whether the levels are
 * proposals ("Đề xuất", hd43-2025). The engine tag picks one; everything else reads these fields.
 */
export interface WardRules {
  readonly engine: AnyRuleSet['engine'];
  readonly chiBoLevels: readonly ChiBoLevel[];
  readonly exemplary: { readonly among: ChiBoLevel; readonly percent: number };
  /** The levels are the chi bộ's proposals: the cấp ủy decides (RULES-2025.md, "Đề xuất xếp loại"). */
  readonly proposed: boolean;
}

/** hd43-2025's bound on the commendation "Trong sạch, vững mạnh" (RULES-2025.md §5: a setting, default 20 %). */
const EXEMPLARY_PERCENT_2025 = 20;

function wardRulesOf(ruleSet: AnyRuleSet): WardRules {
  switch (ruleSet.engine) {
    case 'hd27':
      return { engine: 'hd27', chiBoLevels: CHI_BO_LEVELS, exemplary: { among: 'TSVM', percent: ruleSet.exemplaryPercent }, proposed: false };
    case 'hd43':
      return { engine: 'hd43', chiBoLevels: ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'], exemplary: { among: 'HTXSNV', percent: EXEMPLARY_PERCENT_2025 }, proposed: true };
  }
}

/** AGG-02's messages in each rule set's words. */
const EXEMPLARY_WORDS: Readonly<Record<WardRules['engine'], ExemplaryWords>> = { hd27: EXEMPLARY_WORDS_2014, hd43: EXEMPLARY_WORDS_2025 };

/** Form 04-KĐ.ĐV over the ward: percentages of the members classified, as the official statistics. */
export interface WardMemberCounts {
  /** Members on the rolls of every chi bộ. */
  readonly total: number;
  readonly classified: number;
  readonly levels: Readonly<Record<MemberLevel, Count>>;
  /** `suspended` (ELIG25-01) under hd43-2025 only. */
  readonly notClassified: { readonly exempt: number; readonly 'admitted-under-6-months': number; readonly suspended?: number };
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
  /** The chi bộ the choice is made among: TSVM under hd27-2014, HTXSNV under hd43-2025 (`rules.exemplary.among`). */
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


export interface WardResult<M extends MemberView = MemberResult> {
  readonly ruleSet: string;
  /** What the ward's rule set counts and how `Tổng hợp` words it (not in the JSON report). */
  readonly rules: WardRules;
  /**
   * hd43-2025: the settings the ward used (the cap's percentage and scope, the commendation's bound), each
   * with the file and cell it came from or `default`. Absent under hd27-2014.
   */
  readonly settings?: readonly WardSetting<number | string>[];
  /** Chi bộ files checked under another rule set than the ward's (a mixed ward), with theirs. */
  readonly otherRuleSets: readonly { readonly path: string; readonly ruleSet: string }[];
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
  /**
   * Each file's member results, after the ward cap (AGG-03, M25-20), as the input gave them (`M`): those the
   * cap changed are whole `MemberResult`s where the input's were whole, else `CappedView`s (the change to
   * apply to the whole result, which the command line spooled: cli/wardJson.ts).
   */
  readonly memberResults: readonly { readonly path: string; readonly members: readonly (M | MemberResult)[] }[];
  /** Issues found when combining (AGG, and PROC-02/LEAD-02 across files), each with its file. */
  readonly issues: readonly FileIssue[];
}

/** What the ward's outputs read (`Tổng hợp`, the summary on the terminal, the report's `ward`): all but each file's member results. */
export type WardSummary = Omit<WardResult<MemberView>, 'memberResults'>;

/** Each issue found when combining goes to `issues` with its file, in the order the checks find them. */
function reporterInto(issues: FileIssue[]): WardReporter {
  return (file, rule, place, sheetIfNone, message, messageEn, severity?: Severity) => {
    // The 2025 IDs are always reported with their severity (rules/agg.ts), so no registry look-up is needed.
    issues.push({ ...issue(rule as RuleId, place?.sheet ?? sheetIfNone, place?.cell ?? null, message, messageEn, severity), file });
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
export function holdsChiBo(result: Pick<WardFileResult, 'role' | 'chiBo' | 'members'>): boolean {
  return result.role === 'chi-bo' && (result.chiBo !== null || result.members.length > 0);
}

function emptyLevels<L extends string>(levels: readonly L[]): Record<L, number> {
  return Object.fromEntries(levels.map((l) => [l, 0])) as Record<L, number>;
}

/**
 * The ward's rule set: the one most chi bộ files were checked under (a tie: the first file's), or the
 * caller's when no file holds a chi bộ. The clerk's `--rules` does not override the files: each file was
 * checked under its own "Bộ quy tắc" (check.ts), and the ward follows what its files are.
 */
function wardRuleSet(inputs: readonly WardInput<WardFileResult>[], chiBoFiles: readonly number[], asked: string | undefined): AnyRuleSet {
  const counts = new Map<string, number>();
  for (const f of chiBoFiles) {
    const id = inputs[f].result.ruleSet;
    if (findRuleSet(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = id;
  return findRuleSet(best ?? asked ?? inputs[0]?.result.ruleSet ?? DEFAULT_RULE_SET) ?? (findRuleSet(DEFAULT_RULE_SET) as AnyRuleSet);
}

/**
 * A mixed ward (AGG-01): one error naming every chi bộ file checked under another rule set than the
 * ward's. Members are still counted (both rule sets use the same four member levels); a chi bộ's level
 * that the ward's rule set does not have is counted as undetermined; the ward's cap covers only the files
 * of the ward's rule set, the others keeping their HTXSNV as their own check decided.
 */
function reportMixedWard(inputs: readonly WardInput<WardFileResult>[], others: readonly number[], same: number, ruleSet: AnyRuleSet, report: WardReporter): void {
  if (others.length === 0) return;
  const first = inputs[others[0]];
  const named = others.map((f) => `${inputs[f].path} (${inputs[f].result.chiBo ?? 'không tên'}: ${ruleSetName(inputs[f].result.ruleSet)})`).join(', ');
  const namedEn = others.map((f) => `${inputs[f].path} (${findRuleSet(inputs[f].result.ruleSet)?.titleEn ?? inputs[f].result.ruleSet})`).join(', ');
  report(
    first.path,
    'AGG-01',
    first.result.places.chiBo,
    'Thông tin chi bộ',
    `Các tệp không cùng bộ quy tắc: ${named} khác với ${ruleSet.shortName} của ${same} tệp còn lại. Tổng hợp theo ${ruleSet.shortName}: đảng viên của các tệp này được cộng theo mức của từng tệp (cùng bốn mức); mức chi bộ không có trong bộ quy tắc này được ghi "Chưa xác định"; giới hạn đảng viên hoàn thành xuất sắc nhiệm vụ toàn Đảng bộ chỉ tính trên các tệp theo ${ruleSet.shortName}. Ghi cùng một "Bộ quy tắc" trong sheet "Thông tin chi bộ" của mọi chi bộ, kiểm tra lại rồi tổng hợp lại.`,
    `The files do not share one rule set: ${namedEn} differ from the ${same} other files (${ruleSet.titleEn}). The ward is combined under the latter; a chi bộ level it does not have is counted as undetermined, and the ward cap covers only its files.`,
    'error',
  );
}

/** Combines the checked workbooks of the ward. Never throws on any check results. */
export function aggregateWard<M extends MemberView = MemberResult>(inputs: readonly WardInput<WardFileResult<M>>[], options?: { readonly ruleSet?: string; readonly options?: Readonly<Record<string, string>> }): WardResult<M> {
  const issues: FileIssue[] = [];
  const report = reporterInto(issues);
  const members: MemberView[][] = inputs.map(({ result }) => [...result.members]);
  const chiBoFiles = inputs.map((_, i) => i).filter((i) => holdsChiBo(inputs[i].result));
  const found = wardRuleSet(inputs, chiBoFiles, options?.ruleSet);
  const rules = wardRulesOf(found);
  // The files of the ward's rule set: its cap and its chi bộ levels apply to them (a mixed ward: AGG-01).
  const own = chiBoFiles.filter((f) => inputs[f].result.ruleSet === found.id || !findRuleSet(inputs[f].result.ruleSet));
  const others = chiBoFiles.filter((f) => !own.includes(f));
  reportMixedWard(inputs, others, own.length, found, report);

  // AGG-01, AGG-04: the chi bộ by name (none, or twice); a person in two chi bộ.
  const index = indexChiBo(inputs, chiBoFiles, report);
  const { fileOfKey, keyOfFile } = index;
  checkPeopleInOneChiBo(inputs, chiBoFiles, index, report);

  // The cap: AGG-03 (hd27-2014, an option) or M25-20 (hd43-2025, over the ward by default).
  let values: OptionValues;
  let cap: WardCap;
  let settings: WardSetting<number | string>[] | undefined;
  let exemplaryPercent = rules.exemplary.percent;
  const takenOf = (files: readonly number[]): number => files.reduce((acc, f) => acc + members[f].filter((m) => m.status === 'classified' && m.level === 'HTXSNV').length, 0);
  if (isHd27(found)) {
    const ruleSet: RuleSet = found;
    values = options?.options ? resolveOptions(ruleSet, options.options).values : (inputs[0]?.result.options ?? resolveOptions(ruleSet, {}).values);
    const pool = own.reduce((acc, f) => acc + (inputs[f].result.figures?.pool ?? 0), 0);
    const ward = values.capScope === 'ward' ? applyWardCap(inputs, own, ruleSet, members, report) : null;
    const taken = takenOf(own);
    cap = ward ? { ...ward, taken } : { scope: 'chi-bo', percent: ruleSet.capPercent, pool, cap: own.reduce((acc, f) => acc + (inputs[f].result.figures?.cap ?? 0), 0), candidates: 0, taken, tied: 0 };
  } else {
    values = {} as OptionValues;
    // The đảng ủy's settings, as the files carry them (`Bộ tiêu chí`): the same in every file.
    const percent = wardSetting<number>(inputs, own, 'capPercent', { label: 'Tỷ lệ HTXSNV tối đa (%)', default: 20, rule: 'M25-20' }, report);
    const scope = wardSetting<string>(inputs, own, 'capScope', { label: 'Phạm vi giới hạn', default: 'ward', rule: 'M25-20' }, report);
    const bound = wardSetting<number>(inputs, own, 'exemplaryPercent', { label: 'Tỷ lệ chi bộ "Trong sạch, vững mạnh" tối đa (%)', default: EXEMPLARY_PERCENT_2025, rule: 'AGG-02' }, report);
    exemplaryPercent = bound.value;
    settings = [percent, scope, bound];
    const ward = scope.value === 'ward' ? applyWardCap25(inputs, own, percent.value, members, report) : chiBoCaps25(inputs, own, percent.value, members);
    cap = { ...ward, taken: takenOf(own) };
    // CFG25-01: a default percentage (or scope) decided who stays below HTXSNV.
    if (ward.candidates > ward.cap && own.length > 0) {
      const decided = `Giới hạn đảng viên hoàn thành xuất sắc nhiệm vụ toàn Đảng bộ (tối đa ${ward.cap} trên ${ward.pool})`;
      reportUnconfirmed(percent, inputs[own[0]].path, decided, report);
      reportUnconfirmed(scope, inputs[own[0]].path, decided, report);
    }
  }

  // Under hd43-2025 with the ward's cap, a chi bộ's level waits for what the ward left undetermined.
  const wardCapped = rules.engine === 'hd43' && cap.scope === 'ward';
  const provisionalOf = (f: number): boolean => {
    const c = inputs[f].result.chiBoResults[0];
    return wardCapped && own.includes(f) ? provisionalAfterCap(c, inputs[f].result.members, members[f]) : (c?.provisional ?? false);
  };

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
      provisional: provisionalOf(f),
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
    notClassified: {
      exempt: all.filter((m) => m.reason === 'exempt').length,
      'admitted-under-6-months': all.filter((m) => m.reason === 'admitted-under-6-months').length,
      ...(rules.engine === 'hd43' ? { suspended: all.filter((m) => m.reason === 'suspended').length } : {}),
    },
    deferred: { absent: all.filter((m) => m.status === 'deferred' && m.reason === 'absent').length, 'no-self-review': all.filter((m) => m.status === 'deferred' && m.reason === 'no-self-review').length },
    undetermined: all.filter((m) => m.status === 'undetermined').length,
  };
  // A chi bộ level the ward's rule set does not have (a mixed ward) is counted as undetermined.
  const levelled = counted.filter((r) => r.level !== null && rules.chiBoLevels.includes(r.level));
  const chiBoCounts: WardChiBoCounts = {
    total: counted.length,
    classified: levelled.length,
    // Only the rule set's levels are keys (WardResult.rules.chiBoLevels): the JSON report shows those.
    levels: countByLevel(rules.chiBoLevels, levelled) as Record<ChiBoLevel, Count>,
    undetermined: counted.length - levelled.length,
  };
  checkChiBoLevels(inputs, chiBoFiles, report, provisionalOf);

  // AGG-02: the commendation, chosen among the chi bộ of one level (TSVM; HTXSNV under hd43-2025).
  const among = levelled.filter((r) => r.level === rules.exemplary.among).length;
  const exemplaryRule = { ...rules.exemplary, percent: exemplaryPercent };
  const exemplary = checkExemplary(inputs, entries, index, among, { ...exemplaryRule, words: EXEMPLARY_WORDS[rules.engine] }, report);

  // Leaders voted in two places (LEAD-02); the same tally carried by two files counts once.
  const leaders: WardLeader[] = combineLeaders(inputs, report);

  const firstChiBo = chiBoFiles.map((f) => inputs[f].result).find((r) => r.heading.dangBo || r.heading.year);
  const year = firstChiBo?.heading.year ?? inputs.find((i) => i.result.schedule?.year)?.result.schedule?.year ?? null;
  return {
    ruleSet: found.id,
    rules: { ...rules, exemplary: exemplaryRule },
    ...(settings ? { settings } : {}),
    otherRuleSets: others.map((f) => ({ path: inputs[f].path, ruleSet: inputs[f].result.ruleSet })),
    options: values,
    heading: { dangBo: firstChiBo?.heading.dangBo ?? null, year },
    files: inputs.map(({ path, result }) => ({ path, chiBo: result.chiBo, role: holdsChiBo(result) ? 'chi-bo' : 'plan' })),
    rows,
    members: memberCounts,
    chiBo: chiBoCounts,
    exemplary: { tsvm: among, chosen: exemplary.chosen, counted: exemplary.counted, bound: exemplary.bound, percent: exemplaryPercent, withinBound: exemplary.withinBound },
    cap,
    schedule: { source, listed: entries.length, withResults: entries.filter((e) => fileOfKey.has(e.entry.key)).length, missing: entries.filter((e) => !fileOfKey.has(e.entry.key)).map((e) => e.entry.chiBo), notInSchedule },
    leaders,
    memberResults: inputs.map(({ path }, i) => ({ path, members: members[i] as (M | MemberResult)[] })),
    issues,
  };
}
