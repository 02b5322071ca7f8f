/**
 * One chi bộ workbook in, issues and results out. The single entry point that the task pane, the ribbon
 * command and the command line all call. Never throws on any grid.
 */
import type { BallotCounts, ChiBoWorkbook } from './forms/model';
import { parseA1, type WorkbookModel } from './grid';
import type { Issue } from './issues';
import type { ChiBoResult } from './rules/cb';
import type { LeaderResult } from './rules/lead';
import type { MemberResult } from './rules/mem';
import { reportLegacyText } from './rules/data';
import { convertModel, findLegacyText } from './text/legacy';
import { newIssueSink } from './rules/issue';
import type { DateOnly } from './values/dates';
import { DEFAULT_RULE_SET, type OptionValues } from './ruleSets';
import { runEngine } from './ruleSets/engine';
import type { SettingUsed } from './ruleSets/engineOutput';
export type { SettingUsed } from './ruleSets/engineOutput';
import { chooseRuleSet } from './ruleSets/resolve';
import { newRunContext, type RunContext } from './run';
export { newRunContext, type RunContext } from './run';

export type { MemberResult } from './rules/mem';
export type { ChiBoResult } from './rules/cb';
export type { LeaderResult } from './rules/lead';

/** A cell of the checked workbook. */
export interface Place {
  readonly sheet: string;
  readonly cell: string;
}

/** What combining the ward needs to know of a member beyond the result (AGG-03, AGG-04). */
export interface PersonRef {
  /** 1-based row on the roll, as the member result's `row`. */
  readonly row: number;
  /** Normalised name (RULES.md 9.11). */
  readonly nameKey: string;
  readonly birthDate: DateOnly | null;
  /** "Sinh hoạt tạm thời". */
  readonly temporary: boolean;
  readonly name: Place;
  /** The member's round-2 vote cell in the tally, where the member has a tally row. */
  readonly round2: Place | null;
}

/** A row of `Kế hoạch`, as plain data. */
export interface ScheduleEntry {
  readonly chiBo: string;
  /** Folded name for matching (`chiBoKey`). */
  readonly key: string;
  readonly meetingDate: DateOnly | null;
  readonly inCharge: string | null;
  readonly reportDue: DateOnly | null;
  /** Chosen as an exemplary TSVM chi bộ (AGG-02). */
  readonly exemplary: boolean;
  readonly row: number;
  readonly cells: { readonly chiBo: string; readonly meetingDate: string; readonly exemplary: string };
}

export interface Schedule {
  readonly sheet: string;
  readonly year: number | null;
  readonly rows: readonly ScheduleEntry[];
}

export interface CheckOptions {
  /** A rule set's id (`hd27-2014`). */
  readonly ruleSet: string;
  /** `--option KEY=VALUE` overrides; validate them first with `resolveOptions`. */
  readonly options: Readonly<Record<string, string>>;
  /**
   * The clerk named `ruleSet` (`--rules`): a workbook whose "Bộ quy tắc" names another is then worth a
   * warning (ruleSets/resolve.ts). The workbook's field is followed either way.
   */
  readonly ruleSetExplicit?: boolean;
}

export interface CheckResult {
  readonly ruleSet: string;
  readonly options: OptionValues;
  /** The chi bộ's name from `Thông tin chi bộ`, or null when it could not be read. */
  readonly chiBo: string | null;
  /** The heading the result sheets print: party organisation, year, meeting date. */
  readonly heading: { readonly dangBo: string | null; readonly year: number | null; readonly meetingDate: DateOnly | null };
  readonly issues: readonly Issue[];
  readonly members: readonly MemberResult[];
  readonly chiBoResults: readonly ChiBoResult[];
  /** The figures behind the member levels: N, the HTTNV pool after round 1, the cap. */
  readonly figures: { readonly n: number; readonly pool: number; readonly cap: number } | null;
  /** `plan`: a workbook of the ward's own sheets (schedule, dossiers, leaders) with no chi bộ sheet. */
  readonly role: 'chi-bo' | 'plan';
  /** The leaders' tally of `Biểu quyết CBLĐQL` (LEAD-01), empty without one. */
  readonly leaders: readonly LeaderResult[];
  /** The plan's schedule of `Kế hoạch`, when the workbook carries one with rows. */
  readonly schedule: Schedule | null;
  /** One entry per member result, in the same order. */
  readonly people: readonly PersonRef[];
  /** Where the chi bộ's name and meeting date are, for issues found when combining. */
  readonly places: { readonly chiBo: Place | null; readonly meetingDate: Place | null };
  /** The meeting's counts as entered in `Thông tin chi bộ` (checked by VOTE-02/07, never corrected); null without the sheet. */
  readonly ballots: MeetingBallots | null;
  /** hd43-2025: the đảng ủy's settings (`Bộ tiêu chí`) as used, each with its source; absent under hd27-2014. */
  readonly settings?: readonly SettingUsed[];
}

/** Ballots of one round as entered; null where the cell is empty or invalid. */
export interface RoundBallots {
  readonly issued: number | null;
  readonly returned: number | null;
  readonly valid: number | null;
}

export interface MeetingBallots {
  /** "Số đảng viên chính thức có mặt": those who vote, so the number of ballots to print. */
  readonly officialPresent: number | null;
  readonly officialPresentCell: Place;
  readonly round1: RoundBallots;
  readonly round2: RoundBallots;
}

export { DEFAULT_RULE_SET };

/**
 * `run` is what the run remembers from one workbook to the next (run.ts): the command line passes one over
 * a ward's files. Without one the check remembers nothing it did not read here; the result is the same.
 */
export function checkWorkbook(model: WorkbookModel, options?: Partial<CheckOptions>, run: RunContext = newRunContext()): CheckResult {
  const sink = newIssueSink();
  // DATA-06: everything after reads legacy text as the clerk sees it, in Unicode.
  const legacy = findLegacyText(model);
  reportLegacyText(legacy, sink);
  const converted = convertModel(model, legacy);
  // The workbook's "Bộ quy tắc" first: it decides what the rest of the workbook means.
  const { ruleSet } = chooseRuleSet(converted, { ruleSet: options?.ruleSet, explicit: options?.ruleSetExplicit }, sink, run);
  const { input, options: values, leaders, memberResults, chiBoResults, figures, states, settings } = runEngine(converted, ruleSet, options?.options ?? {}, sink, run);
  const meeting = input.info?.meetingDate.value ?? null;
  const chiBo = input.info?.chiBo.value ?? null;
  const heading = { dangBo: input.info?.dangBo.value ?? null, year: input.info?.year.value ?? null, meetingDate: meeting };
  const rollRows = input.roll?.rows ?? [];
  const people: PersonRef[] = memberResults.length
    ? rollRows.map((m, i) => {
        const r2 = states[i]?.tally?.r2Excellent;
        return { row: m.row, nameKey: m.nameKey, birthDate: m.birthDate.value, temporary: m.temporary.value === true, name: { sheet: m.name.sheet, cell: m.name.cell }, round2: r2 && !r2.absent ? { sheet: r2.sheet, cell: r2.cell } : null };
      })
    : [];
  const info = input.info;
  const places = {
    chiBo: info && !info.chiBo.absent ? { sheet: info.chiBo.sheet, cell: info.chiBo.cell } : null,
    meetingDate: info && !info.meetingDate.absent ? { sheet: info.meetingDate.sheet, cell: info.meetingDate.cell } : null,
  };
  return {
    ruleSet: ruleSet.id,
    options: values,
    chiBo,
    heading,
    issues: sortIssues(sink.list, model),
    members: memberResults,
    chiBoResults,
    figures,
    role: input.role,
    leaders,
    schedule: scheduleOf(input),
    people,
    places,
    ballots: ballotsOf(input),
    ...(settings ? { settings } : {}),
  };
}

function ballotsOf(input: ChiBoWorkbook): MeetingBallots | null {
  const info = input.info;
  if (!info) return null;
  const round = (r: BallotCounts): RoundBallots => ({ issued: r.issued.value, returned: r.returned.value, valid: r.valid.value });
  return { officialPresent: info.officialPresent.value, officialPresentCell: { sheet: info.officialPresent.sheet, cell: info.officialPresent.cell }, round1: round(info.round1), round2: round(info.round2) };
}

function scheduleOf(input: ChiBoWorkbook): Schedule | null {
  const plan = input.plan;
  if (!plan || plan.rows.length === 0) return null;
  return {
    sheet: plan.sheet,
    year: plan.year.value,
    rows: plan.rows
      .filter((r) => r.key)
      .map((r) => ({
        chiBo: r.chiBo.value as string,
        key: r.key,
        meetingDate: r.meetingDate.value,
        inCharge: r.inCharge.value,
        reportDue: r.reportDue.value,
        exemplary: r.exemplary.value === true,
        row: r.row,
        cells: { chiBo: r.chiBo.cell, meetingDate: r.meetingDate.cell, exemplary: r.exemplary.cell },
      })),
  };
}

/** Issues in workbook order (sheet, row, column), then by rule: the same input always lists alike. */
function sortIssues(issues: readonly Issue[], model: WorkbookModel): Issue[] {
  const sheetOrder = new Map(model.sheets.map((s, i) => [s.name, i]));
  const position = (issue: Issue): [number, number, number] => {
    const p = issue.cell ? parseA1(issue.cell) : null;
    return [sheetOrder.get(issue.sheet) ?? -1, p?.row ?? -1, p?.col ?? -1];
  };
  return issues
    .map((issue, index) => ({ issue, index, pos: position(issue) }))
    .sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1] || a.pos[2] - b.pos[2] || (a.issue.rule < b.issue.rule ? -1 : a.issue.rule > b.issue.rule ? 1 : 0) || a.index - b.index)
    .map((x) => x.issue);
}
