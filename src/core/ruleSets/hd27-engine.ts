/**
 * Rule set hd27-2014's engine: what check.ts ran before rule sets had engines, moved here unchanged. It
 * reads the chi bộ's sheets, runs DATA, LEAD, PROC, then ELIG, VOTE, MEM and CB under every reading of
 * the roll's unknown cells (RULES.md 9.21).
 */
import { readChiBoWorkbook } from '../forms/reader';
import type { ChiBoWorkbook } from '../forms/model';
import type { WorkbookModel } from '../grid';
import type { Issue, IssueSink } from '../issues';
import type { RunContext } from '../run';
import { type ChiBoResult, classifyChiBo, finishChiBo } from '../rules/cb';
import type { ChiBoContext, MemberState } from '../rules/context';
import { checkDuplicateMembers, checkRowTotals, checkSheets, matchTallyToRoll } from '../rules/data';
import { eligibilityGiven } from '../rules/elig';
import { newIssueSink } from '../rules/issue';
import { classifyMembers, type MemberResult, waitingText, waitingTextEn } from '../rules/mem';
import { cellsByOwner, cellsFor, commonIssues, distinctCells, draftOf, type Draft, readingsOf, unknownCells } from '../rules/unknown';
import { checkBallotCounts, checkRound1Excellent, rollCountRanges, rollCounts } from '../rules/vote';
import { checkLeaders } from '../rules/lead';
import { checkProcedure } from '../rules/proc';
import type { DateOnly } from '../values/dates';
import type { EngineOutput } from './engineOutput';
import { resolveOptions } from './index';
import type { OptionValues, RuleSet } from './types';

export function runHd27(model: WorkbookModel, ruleSet: RuleSet, overrides: Readonly<Record<string, string>>, sink: IssueSink, run?: RunContext): EngineOutput {
  const values = resolveOptions(ruleSet, overrides).values;
  // The reader only reads; the rules on whole sheets then make a date after the meeting unknown.
  const input = checkSheets(readChiBoWorkbook(model, sink, undefined, run), sink);
  const meeting = input.info?.meetingDate.value ?? null;
  checkDuplicateMembers(input, sink);
  checkRowTotals(input, sink);
  const leaders = checkLeaders(input, sink);
  checkProcedure(input, ruleSet, sink);
  const chiBo = input.info?.chiBo.value ?? null;
  const { memberResults, chiBoResults, figures, states } = classify(input, ruleSet, values, meeting, chiBo ?? '', sink);
  return { input, options: values, leaders, memberResults, chiBoResults, figures, states };
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

