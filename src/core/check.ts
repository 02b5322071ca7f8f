/**
 * One chi bộ workbook in, issues and results out. The single entry point that the task pane, the ribbon
 * command and the command line all call. Never throws on any grid.
 */
import { readChiBoWorkbook } from './forms/reader';
import type { BallotCounts, ChiBoWorkbook } from './forms/model';
import { parseA1, type WorkbookModel } from './grid';
import type { Issue, IssueSink } from './issues';
import { type ChiBoResult, classifyChiBo, finishChiBo } from './rules/cb';
import type { ChiBoContext, MemberState } from './rules/context';
import { checkDuplicateMembers, checkRowTotals, checkSheets, matchTallyToRoll, reportLegacyText } from './rules/data';
import { convertModel, findLegacyText } from './text/legacy';
import { eligibilityGiven } from './rules/elig';
import { newIssueSink } from './rules/issue';
import { classifyMembers, type MemberResult, waitingText, waitingTextEn } from './rules/mem';
import { cellsByOwner, cellsFor, commonIssues, distinctCells, draftOf, type Draft, readingsOf, unknownCells } from './rules/unknown';
import { checkBallotCounts, checkRound1Excellent, rollCountRanges, rollCounts } from './rules/vote';
import { checkLeaders, type LeaderResult } from './rules/lead';
import { checkProcedure } from './rules/proc';
import type { DateOnly } from './values/dates';
import { DEFAULT_RULE_SET, findRuleSet, type OptionValues, resolveOptions, type RuleSet } from './ruleSets';

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

export function checkWorkbook(model: WorkbookModel, options?: Partial<CheckOptions>): CheckResult {
  const ruleSet: RuleSet = findRuleSet(options?.ruleSet ?? DEFAULT_RULE_SET) ?? (findRuleSet(DEFAULT_RULE_SET) as RuleSet);
  const values = resolveOptions(ruleSet, options?.options ?? {}).values;
  const sink = newIssueSink();
  // DATA-06: everything after reads legacy text as the clerk sees it, in Unicode.
  const legacy = findLegacyText(model);
  reportLegacyText(legacy, sink);
  // The reader only reads; the rules on whole sheets then make a date after the meeting unknown.
  const input = checkSheets(readChiBoWorkbook(convertModel(model, legacy), sink), sink);
  const meeting = input.info?.meetingDate.value ?? null;
  checkDuplicateMembers(input, sink);
  checkRowTotals(input, sink);
  const leaders = checkLeaders(input, sink);
  checkProcedure(input, ruleSet, sink);

  const chiBo = input.info?.chiBo.value ?? null;
  const { memberResults, chiBoResults, figures, states } = classify(input, ruleSet, values, meeting, chiBo ?? '', sink);
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

interface Run {
  readonly issues: readonly Issue[];
  readonly members: readonly MemberResult[];
  readonly chiBo: ChiBoResult | null;
  readonly states: readonly MemberState[];
  readonly figures: { readonly n: number; readonly pool: number; readonly cap: number } | null;
}

/**
 * The member and chi bộ results under every reading of the roll's unknown cells (RULES.md 9.21,
 * rules/unknown.ts): what every reading decides alike stands, the rest waits for the cells. The rules
 * that look at the roll's counts as ranges (VOTE-02/07) and at no member (VOTE-04) run once.
 */
function classify(input: ChiBoWorkbook, ruleSet: RuleSet, options: OptionValues, meeting: DateOnly | null, name: string, sink: IssueSink) {
  const roll = input.roll?.rows ?? [];
  const cells = unknownCells(roll, input.info?.meetingDate ?? null, options.denominator === 'present');
  const byOwner = cellsByOwner(cells);
  const sharedCells = cells.filter((c) => c.shared);
  const { exact, readings } = readingsOf(cells, roll.length);
  const runs = readings.map((reading) => runOnce(input, ruleSet, options, meeting, name, draftOf(roll, meeting, ruleSet.monthsBeforeClassified, cells, reading)));
  for (const issue of commonIssues(runs.map((r) => r.issues))) sink.list.push(issue);
  const first = runs[0];
  if (!input.roll) return { memberResults: [], chiBoResults: [], figures: null, states: first.states };

  const ctx: ChiBoContext = { input, ruleSet, options, meeting, members: first.states, sink };
  const round2Held = (input.tally?.rows ?? []).some((t) => (t.r2Excellent.value ?? 0) > 0);
  checkBallotCounts(ctx, rollCountRanges(roll), round2Held);
  checkRound1Excellent(ctx);

  const shared = sharedCells.length > 0;
  const memberResults = roll.map((member, i): MemberResult => {
    const seen = runs.map((r) => r.members[i]);
    const base = { ...seen[0], membership: member.membership.value };
    const same = seen.every((m) => m.status === base.status && m.level === base.level && m.reason === base.reason);
    // Beyond the bound, a member is touched by its own unknown cells, or by shared ones when voted on.
    const touched = !exact && (byOwner.has(i) || (shared && seen.some((m) => m.status === 'classified' || m.status === 'undetermined')));
    if (same && !touched) {
      if (seen.every((m) => m.explanation === base.explanation) || cells.length === 0) return base;
      const note = cellsFor(i, cells, byOwner);
      return {
        ...base,
        explanation: `${base.explanation} (Kết quả như nhau với mọi giá trị của ${note.map((c) => `ô ${c.cell}`).join(', ')} chưa đọc được; các con số trên theo một cách đọc.)`,
        explanationEn: `${base.explanationEn} (The same result for every value of the unreadable ${note.map((c) => c.cell).join(', ')}; the figures above are one reading's.)`,
      };
    }
    const waiting = cellsFor(i, cells, byOwner);
    return {
      ...base,
      status: 'undetermined',
      level: null,
      reason: 'input-error',
      rules: [...new Set(waiting.map((c) => c.rule))],
      explanation: waitingText(waiting, input.roll?.sheet ?? null),
      explanationEn: waitingTextEn(waiting),
      unreadable: waiting,
    };
  });
  const chiBoRuns = runs.map((r) => r.chiBo).filter((c): c is ChiBoResult => c !== null);
  // The cells the chi bộ's result waits for: the unknown cells, and those a member waits for on its own (a tally name).
  const waitedFor = distinctCells([...cells, ...memberResults.flatMap((m) => (m.unreadable ?? []).map((cell) => ({ cell })))]);
  const chiBoResults = chiBoRuns.length ? [finishChiBo(ctx, chiBoRuns, memberResults, waitedFor, exact)] : [];
  return { memberResults, chiBoResults, figures: first.figures, states: first.states };
}

/** One reading: eligibility, DATA-08, the members' levels and the chi bộ's, into a sink of its own. */
function runOnce(input: ChiBoWorkbook, ruleSet: RuleSet, options: OptionValues, meeting: DateOnly | null, name: string, draft: Draft): Run {
  const sink = newIssueSink();
  const roll = input.roll;
  const read = roll && draft.members.some((m, i) => m !== roll.rows[i]) ? { ...input, roll: { ...roll, rows: draft.members } } : input;
  const eligibilityOf = new Map(draft.members.map((m, i) => [m, eligibilityGiven(m, draft.sixMonths[i])]));
  const tallyOf = matchTallyToRoll(read, (m) => eligibilityOf.get(m) ?? eligibilityGiven(m, null), sink);
  const states: MemberState[] = draft.members.map((member) => ({ member, eligibility: eligibilityOf.get(member) ?? eligibilityGiven(member, null), tally: tallyOf.get(member) }));
  if (!roll) return { issues: sink.list, members: [], chiBo: null, states, figures: null };
  const ctx: ChiBoContext = { input: read, ruleSet, options, meeting, members: states, sink };
  const counts = rollCounts(ctx);
  const outcome = classifyMembers(ctx, counts.n, name);
  const chiBo = input.info || input.scores ? classifyChiBo(ctx, outcome.results, name) : null;
  return { issues: sink.list, members: outcome.results, chiBo, states, figures: { n: counts.n, pool: outcome.pool, cap: outcome.cap } };
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
