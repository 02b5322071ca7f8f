/**
 * Rule set hd43-2025's engine (RULES-2025.md): the chi bộ's sheets as the rule set lays them out, the
 * đảng ủy's `Bộ tiêu chí` (CFG25), each member's score and proposed level (ELIG, ELIG25, M25), the cap
 * (M25-20, provisional in one chi bộ's workbook when the ward applies it), the chi bộ's score and level
 * (CB25), and the warnings for settings used by default (CFG25-01). Unknown roll cells are read every
 * way that can change a result (RULES.md 9.21), as under hd27-2014.
 */
import type { ChiBoWorkbook, RollMember, TallyRow } from '../forms/model';
import { readChiBoWorkbook, readCriteria, readMemberScores, type MemberScoreRowRead } from '../forms/reader';
import type { WorkbookModel } from '../grid';
import type { IssueSink } from '../issues';
import type { RunContext } from '../run';
import { type Criterion, type CriteriaSettings, criteriaSettings, type SettingValue, unconfirmed } from '../rules/cfg25';
import { chiBoLevel25, chiBoScore25, chiBoTasks, lateOf, type MemberCounts } from '../rules/cb25';
import type { ChiBoResult } from '../rules/cb';
import type { ChiBoContext, MemberState } from '../rules/context';
import { checkBallotCounts, checkRound1Excellent, checkVotesOfExcluded, memberRound1, rollCountRanges } from '../rules/vote';
import { HD27_2014 } from './hd27-2014';
import { resolveOptions } from './index';
import { checkDuplicateMembers, checkSheets, pairWithRoll } from '../rules/data';
import { eligibility25, ELIGIBILITY25_WORDS } from '../rules/elig25';
import { newIssueSink } from '../rules/issue';
import { checkLeaders } from '../rules/lead';
import { type Level25, LEVEL25_NAME, capChoice, civilServantCheck, levelOf, type ScoreCell, scoreOf, sickLeaveCap, tallyLevel, type TaskFigures, taskFiguresOf, type ScoreOutcome } from '../rules/m25';
import type { MemberResult, UndeterminedReason } from '../rules/mem';
import { checkProcedure } from '../rules/proc';
import type { Finding, Rule25Id } from '../rules/rules25';
import { scaled, vn } from '../rules/rules25';
import { ORG_RATING_WORDS } from '../values/parse';
import { cellsByOwner, cellsFor, commonIssues, distinctCells, draftOf, readingsOf, unknownCells } from '../rules/unknown';
import { waitingText, waitingTextEn } from '../rules/mem';
import type { EngineOutput, SettingUsed } from './engineOutput';
import type { Hd43RuleSet } from './hd43-2025';
import type { OptionValues } from './types';

const addFinding = (sink: IssueSink, f: Finding) => sink.add(f.rule, f.sheet, f.cell, f.message, f.messageEn, f.severity);

/** What one member's score row gives, worked out once (it does not depend on the roll's readings). */
interface Scored {
  readonly row: MemberScoreRowRead;
  readonly score: ScoreOutcome;
  readonly tasks: TaskFigures | null;
}

export function runHd43(model: WorkbookModel, ruleSet: Hd43RuleSet, sink: IssueSink, run?: RunContext): EngineOutput {
  const forms = ruleSet.forms;
  // The tally is kept only by chi bộ that still vote (RULES-2025.md §6); the scoring sheet of the chi bộ is
  // needed only when its score is the members' mean (CB25-01, checked below).
  const input = checkSheets(readChiBoWorkbook(model, sink, forms, run), sink, forms, new Set([forms.tally, forms.scores]));
  checkDuplicateMembers(input, sink);
  const leaders = checkLeaders(input, sink);
  checkProcedure(input, ruleSet, sink);

  const criteria = criteriaSettings(readCriteria(model, sink, run));
  for (const f of criteria.findings) addFinding(sink, f);
  const settingsUsed: SettingUsed[] = criteria.settings.list.map((s) => ({ ...s }));
  const none: EngineOutput = { input, options: {} as OptionValues, leaders, memberResults: [], chiBoResults: [], figures: null, states: [], settings: settingsUsed };
  if (input.role !== 'chi-bo') return none;

  // M25-02: a column per criterion of the đảng ủy's table, where the sheet has them.
  const memberCriteria = criteria.members.source === 'sheet' && criteria.members.valid ? criteria.members.criteria : [];
  const scoresRead = readMemberScores(model, sink, memberCriteria, run);
  if (!scoresRead && forms.memberScores) {
    sink.add(
      'DATA-01',
      forms.memberScores.sheet,
      null,
      `Không tìm thấy sheet "${forms.memberScores.sheet}". Thêm sheet này (nút "Tạo mẫu" hoặc lệnh xeploai template tạo sẵn) để chấm điểm đảng viên.`,
      `Sheet "${forms.memberScores.sheet}" was not found. Add it (the template creates it) to score the members.`,
    );
  }
  const roll = input.roll?.rows ?? [];
  const scoreOfMember = matchScoresToRoll(input, scoresRead?.rows ?? [], scoresRead?.sheet ?? null, sink);
  const scored = new Map<RollMember, Scored>();
  for (const [member, row] of scoreOfMember) {
    const { cells: byCriterion, findings: groupTotals } = scoreCells(row, memberCriteria);
    const score = scoreOf(byCriterion, row.total, criteria.settings, ruleSet);
    if (score.score !== null) for (const f of groupTotals(score)) addFinding(sink, f);
    const tasks = taskFiguresOf({ assigned: row.assigned, onTime: row.onTime, exceeded: row.exceeded, pointedOut: row.pointedOut, fixed: row.fixed });
    for (const f of [...score.findings, ...tasks.findings]) addFinding(sink, f);
    scored.set(member, { row, score, tasks: tasks.figures });
  }
  const tallyOf = matchTally(input);
  checkKeptTally(input, tallyOf, sink);

  const meeting = input.info?.meetingDate.value ?? null;
  const chiBoName = input.info?.chiBo.value ?? '';
  const cells = unknownCells(roll, input.info?.meetingDate ?? null, false, true);
  const byOwner = cellsByOwner(cells);
  const { exact, readings } = readingsOf(cells, roll.length);
  const runs = readings.map((reading) => {
    const draft = draftOf(roll, meeting, ruleSet.monthsBeforeClassified, cells, reading);
    const own = newIssueSink();
    const results = classifyMembers(draft.members, draft.sixMonths, roll, scored, tallyOf, criteria, ruleSet, chiBoName, input, own);
    return { results, issues: own.list };
  });
  for (const issue of commonIssues(runs.map((r) => r.issues))) sink.list.push(issue);
  const first = runs[0];
  const shared = cells.some((c) => c.shared);
  const memberResults = roll.map((_member, i): MemberResult => {
    const seen = runs.map((r) => r.results.members[i]);
    const base = seen[0];
    const same = seen.every((m) => m.status === base.status && m.level === base.level && m.reason === base.reason);
    const touched = !exact && (byOwner.has(i) || (shared && seen.some((m) => m.status === 'classified' || m.status === 'undetermined')));
    if (same && !touched) return base;
    const waiting = cellsFor(i, cells, byOwner);
    return { ...base, status: 'undetermined', level: null, reason: 'input-error', rules: [...new Set(waiting.map((c) => c.rule))], explanation: waitingText(waiting, input.roll?.sheet ?? null), explanationEn: waitingTextEn(waiting), unreadable: waiting };
  });

  const decided = first.results.decided;
  const chiBo = chiBoResult(input, memberResults, criteria, ruleSet, chiBoName, distinctCells([...cells, ...memberResults.flatMap((m) => (m.unreadable ?? []).map((cell) => ({ cell })))]), sink, decided);
  reportDefaults(criteria, decided, sink);
  const states: MemberState[] = roll.map((member) => ({ member, eligibility: eligibility25(member, null), tally: tallyOf.get(member) }));
  const classified = memberResults.filter((m) => m.status === 'classified');
  const pool = memberResults.filter((m) => m.levelBeforeCap === 'HTTNV' || m.levelBeforeCap === 'HTXSNV').length;
  const figures = input.roll ? { n: classified.length, pool, cap: Math.floor((criteria.settings.capPercent * pool) / 100) } : null;
  return { input, options: {} as OptionValues, leaders, memberResults, chiBoResults: chiBo ? [chiBo] : [], figures, states, settings: settingsUsed };
}

const GROUP_CELLS = [
  { group: 'common', label: 'Tiêu chí chung', max: 30 },
  { group: 'tasks', label: 'Kết quả thực hiện nhiệm vụ', max: 70 },
] as const;

/**
 * M25-02: a group is scored by its criteria where the sheet has a column for every criterion of the group
 * (each checked against its own maximum), else by the group's column. A group column typed beside the
 * criteria must equal their sum (DATA-09, the sum is used).
 */
function scoreCells(row: MemberScoreRowRead, criteria: readonly Criterion[]): { cells: ScoreCell[]; findings: (score: ScoreOutcome) => Finding[] } {
  const cells: ScoreCell[] = [];
  const checks: { group: 'common' | 'tasks'; cell: MemberScoreRowRead['common']; label: string }[] = [];
  for (const g of GROUP_CELLS) {
    const own = criteria.map((c, index) => ({ c, index })).filter((x) => x.c.group === g.group);
    const found = own.map((x) => row.criteria.find((k) => k.index === x.index));
    const groupCell = row[g.group];
    if (own.length > 0 && found.every((f) => f !== undefined)) {
      own.forEach((x, k) => cells.push({ group: g.group, label: x.c.name, max: x.c.max, cell: (found[k] as { cell: MemberScoreRowRead['common'] }).cell }));
      if (groupCell.value !== null) checks.push({ group: g.group, cell: groupCell, label: g.label });
    } else cells.push({ group: g.group, label: g.label, max: g.max, cell: groupCell });
  }
  const findings = (score: ScoreOutcome): Finding[] =>
    checks.flatMap((c) => {
      const sum = score.parts[c.group];
      if (sum === null || c.cell.value === null || scaled(c.cell.value) === scaled(sum)) return [];
      return [
        {
          rule: 'DATA-09',
          severity: 'warning',
          sheet: c.cell.sheet,
          cell: c.cell.cell,
          message: `Sheet "${c.cell.sheet}", ô ${c.cell.cell} (${c.label}): ghi ${vn(c.cell.value)} nhưng các tiêu chí của nhóm cộng lại được ${vn(sum)}. Dùng ${vn(sum)}; sửa ô này cho khớp.`,
          messageEn: `${c.cell.sheet}!${c.cell.cell} (${c.label}): ${c.cell.value} but the group's criteria add up to ${sum}; ${sum} is used.`,
        },
      ];
    });
  return { cells, findings };
}

/**
 * `Chấm điểm đảng viên` rows to the roll, by normalised name (RULES.md 9.11), the same name twice paired
 * by STT: a row not on the roll is DATA-08 (the score is not lost: the clerk fixes the name).
 */
function matchScoresToRoll(input: ChiBoWorkbook, rows: readonly MemberScoreRowRead[], sheet: string | null, sink: IssueSink): Map<RollMember, MemberScoreRowRead> {
  const roll = input.roll;
  if (!roll || !sheet) return new Map();
  const { matched, unmatched } = pairWithRoll(roll.rows, rows);
  for (const r of unmatched) {
    sink.add(
      'DATA-08',
      sheet,
      r.name.cell,
      `Sheet "${sheet}", ô ${r.name.cell}: "${r.name.value}" có dòng chấm điểm nhưng không có trong sheet "${roll.sheet}". Sửa họ tên cho giống danh sách (kể cả dấu) hoặc thêm đảng viên vào danh sách.`,
      `Sheet "${sheet}", cell ${r.name.cell}: "${r.name.value}" has a scoring row but is not on the roll "${roll.sheet}".`,
    );
  }
  return matched;
}

/** A tally kept beside the scores (M25-30): rows by name, without DATA-08 (the tally is optional). */
function matchTally(input: ChiBoWorkbook): Map<RollMember, TallyRow> {
  if (!input.roll || !input.tally) return new Map();
  return pairWithRoll(input.roll.rows, input.tally.rows).matched;
}

/**
 * RULES-2025.md §6: a tally kept beside the scores is checked as hd27-2014 checks one (VOTE-01..07 with
 * that rule set's fractions), though it decides no level: the counts on `Thông tin chi bộ`, a round-1
 * HTXSNV column, each member's round-1 votes against the valid ballots, votes recorded for someone not
 * classified. M25-30 then compares its majority with the score's level.
 */
function checkKeptTally(input: ChiBoWorkbook, tallyOf: ReadonlyMap<RollMember, TallyRow>, sink: IssueSink): void {
  const tally = input.tally;
  const roll = input.roll;
  if (!tally || tally.rows.length === 0 || !roll) return;
  const members: MemberState[] = roll.rows.map((member) => ({ member, eligibility: eligibility25(member, null), tally: tallyOf.get(member) }));
  const ctx: ChiBoContext = { input, ruleSet: HD27_2014, options: resolveOptions(HD27_2014, {}).values, meeting: input.info?.meetingDate.value ?? null, members, sink };
  const round2Held = tally.rows.some((t) => (t.r2Excellent.value ?? 0) > 0);
  checkBallotCounts(ctx, rollCountRanges(roll.rows), round2Held);
  checkRound1Excellent(ctx);
  for (const state of members) {
    if (!state.tally) continue;
    if (state.eligibility.status === 'eligible') memberRound1(ctx, state, true);
    else checkVotesOfExcluded(ctx, state);
  }
}

/** Which defaults decided which results (CFG25-01): per setting key, the members' names (or the chi bộ). */
type Decided = Map<string, string[]>;

interface MembersRun {
  readonly members: MemberResult[];
  readonly decided: Decided;
}

function note(decided: Decided, key: string, who: string): void {
  const list = decided.get(key);
  if (list) list.push(who);
  else decided.set(key, [who]);
}

/**
 * One reading of the roll: each member's eligibility, score, level, special cases, then the cap over the
 * chi bộ's own members (final with "Phạm vi giới hạn: Chi bộ", provisional with the ward's).
 */
function classifyMembers(
  members: readonly RollMember[],
  sixMonths: readonly (boolean | null)[],
  original: readonly RollMember[],
  scored: ReadonlyMap<RollMember, Scored>,
  tallyOf: ReadonlyMap<RollMember, TallyRow>,
  criteria: CriteriaSettings,
  ruleSet: Hd43RuleSet,
  chiBo: string,
  input: ChiBoWorkbook,
  sink: IssueSink,
): MembersRun {
  const settings = criteria.settings;
  const decided: Decided = new Map();
  const results: MemberResult[] = members.map((member, i) => {
    const s = scored.get(original[i]);
    const name = member.name.value ?? '';
    const base: MemberResult = {
      chiBo,
      name,
      row: member.row,
      status: 'classified',
      level: null,
      reason: null,
      rules: [],
      membership: member.membership.value,
      votes: null,
      n: 0,
      explanation: '',
      explanationEn: '',
      score: s?.score.score ?? null,
      scoreParts: s ? s.score.parts : null,
      scoreRow: s?.row.row ?? null,
      proposed: true,
      tasks: s?.tasks ?? null,
    };
    const elig = eligibility25(member, sixMonths[i]);
    if (elig.status !== 'eligible') {
      const words = ELIGIBILITY25_WORDS[elig.reason ?? 'absent'];
      return { ...base, status: elig.status, reason: elig.reason, rules: elig.rule ? [elig.rule] : [], explanation: words.vi, explanationEn: words.en, levelBeforeCap: null };
    }
    const undetermined = (reason: UndeterminedReason, rules: Rule25Id[], vi: string, en: string): MemberResult => ({ ...base, status: 'undetermined', reason, rules, explanation: vi, explanationEn: en, levelBeforeCap: null });
    if (!s) {
      const sheet = input.found.size ? 'Chấm điểm đảng viên' : '';
      return undetermined('no-score-row', ['M25-03'], `Chưa có dòng chấm điểm trong sheet "${sheet}" (M25-03): chưa xếp loại được. Thêm dòng chấm điểm cho đảng viên này.`, 'No scoring row (M25-03): not classified yet.');
    }
    const grounds = {
      disciplined: member.disciplined.value === true,
      degraded: member.degraded.value === true,
      civilServiceKhtnv: member.civilServant.value === true && member.civilRating.value === 'KHTNV',
      violation: member.violation.value === true,
    };
    const lvl = levelOf(s.score.score, s.tasks, grounds, settings, ruleSet);
    if (Object.values(grounds).some(Boolean)) note(decided, 'khtnvGrounds', name);
    if (lvl.level === null) {
      const reason: UndeterminedReason = s.score.score === null ? 'no-score' : 'input-error';
      return undetermined(reason, lvl.rules as Rule25Id[], lvl.explanation, lvl.explanationEn);
    }
    if (lvl.level === 'HTNV' || (lvl.level === 'KHTNV' && lvl.rules.includes('M25-13') && !lvl.rules.includes('M25-14'))) note(decided, 'failBelow', name);
    note(decided, 'scoreStep', name);
    let level: Level25 = lvl.level;
    const rules: Rule25Id[] = [...(lvl.rules as Rule25Id[])];
    const unmet = [...lvl.unmet];
    const lines = [lvl.explanation];
    const linesEn = [lvl.explanationEn];
    const sick = sickLeaveCap(level, member.sickMonths.value, settings.sickLeaveCap);
    if (member.sickMonths.value !== null && member.sickMonths.value >= 3 && level !== 'HTNV' && level !== 'KHTNV') note(decided, 'sickLeaveCap', name);
    if (sick) {
      lines[0] = byScore(lines[0], level);
      level = sick.level;
      rules.push(sick.rule);
      lines.push(sick.line);
      linesEn.push(sick.lineEn);
      if (sick.unmet) unmet.push({ rule: sick.rule, text: sick.unmet });
    }
    const civil = civilServantCheck(level, member.civilServant.value, member.civilRating.value, settings.civilServantExcellent);
    if (civil.settingUsed) note(decided, 'civilServantExcellent', name);
    if (civil.level === null) {
      return undetermined('missing-rating', ['M25-17'], `${lines.join(' ')} Là cán bộ, công chức, viên chức nhưng chưa có xếp loại CBCCVC: cần xếp loại CBCCVC để đề xuất ${LEVEL25_NAME.HTXSNV} (M25-17). Nhập ô ${member.civilRating.cell}.`, `A civil servant without a civil-service rating reaching HTXSNV (M25-17): enter ${member.civilRating.cell}.`);
    }
    if (civil.adjusted) {
      lines[0] = byScore(lines[0], level);
      level = civil.adjusted.level;
      rules.push('M25-17');
      lines.push(civil.adjusted.line);
      linesEn.push(civil.adjusted.lineEn);
      if (civil.adjusted.unmet) unmet.push({ rule: 'M25-17', text: civil.adjusted.unmet });
    }
    if (civil.above) {
      sink.add('M25-17', member.civilRating.sheet, member.civilRating.cell, `Sheet "${member.civilRating.sheet}", ô ${member.civilRating.cell} (${name}): ${civil.above.text}`, `${member.civilRating.sheet}!${member.civilRating.cell} (${name}): ${civil.above.textEn}`);
    }
    if (member.maternity.value === true) {
      lines.push('Nghỉ thai sản: đánh giá theo thời gian thực tế làm việc, không giới hạn mức (M25-16).');
      linesEn.push('Maternity leave: assessed on the time worked, no cap (M25-16).');
    }
    const t = tallyOf.get(original[i]);
    if (t) checkTally(t, level, name, input, sink);
    return { ...base, level, rules: [...new Set(rules)], unmet, explanation: lines.join(' '), explanationEn: linesEn.join(' '), levelBeforeCap: level };
  });
  applyCap(results, criteria, sink, input, decided);
  return { members: results, decided };
}

/** "… → Hoàn thành tốt nhiệm vụ." becomes "… → theo điểm: Hoàn thành tốt nhiệm vụ;" when a special case then lowers it. */
function byScore(explanation: string, level: Level25): string {
  const end = ` → ${LEVEL25_NAME[level]}.`;
  return explanation.endsWith(end) ? `${explanation.slice(0, -end.length)} → theo điểm: ${LEVEL25_NAME[level]}; nhưng` : explanation;
}

/** M25-30: a kept tally whose majority gives another level than the score. */
function checkTally(t: TallyRow, level: Level25, name: string, input: ChiBoWorkbook, sink: IssueSink): void {
  const counts = { good: t.r1Good.value, done: t.r1Done.value, failed: t.r1Failed.value, excellent: t.r2Excellent.value, valid1: input.info?.round1.valid.value ?? null, valid2: input.info?.round2.valid.value ?? null };
  const byVotes = tallyLevel(counts);
  if (byVotes === null || byVotes === level) return;
  sink.add(
    'M25-30',
    t.name.sheet,
    t.name.cell,
    `Sheet "${t.name.sheet}", ô ${t.name.cell} (${name}): đa số phiếu là "${LEVEL25_NAME[byVotes]}" nhưng theo điểm là "${LEVEL25_NAME[level]}" (M25-30). Mức đề xuất theo điểm; đề nghị chi bộ xem lại.`,
    `${t.name.sheet}!${t.name.cell} (${name}): the majority vote is ${byVotes} but the score gives ${level}; the score's level is proposed.`,
  );
}

/**
 * M25-20 over the chi bộ's own members: the final cap with "Phạm vi giới hạn: Chi bộ"; with the ward's
 * scope (the default) the same figures, provisional: combining the ward applies the cap again over every
 * chi bộ from `levelBeforeCap`.
 */
function applyCap(results: MemberResult[], criteria: CriteriaSettings, sink: IssueSink, input: ChiBoWorkbook, decided: Decided): void {
  const settings = criteria.settings;
  const candidates = results.flatMap((m, index) => (m.status === 'classified' && m.level === 'HTXSNV' ? [{ index, score: m.score ?? 0 }] : []));
  if (candidates.length === 0) return;
  note(decided, 'capPercent', 'chi bộ');
  note(decided, 'capScope', 'chi bộ');
  const base = results.filter((m) => m.status === 'classified' && (m.level === 'HTTNV' || m.level === 'HTXSNV')).length;
  const outcome = capChoice(candidates, base, settings.capPercent);
  if (outcome.dropped.size === 0 && outcome.tied.size === 0) return;
  const provisional = settings.capScope === 'ward';
  const capWords = `${settings.capPercent} % của ${base} đảng viên từ ${LEVEL25_NAME.HTTNV} trở lên là tối đa ${outcome.cap} ${LEVEL25_NAME.HTXSNV}`;
  const scope = provisional ? ' Tạm tính theo riêng chi bộ; Đảng bộ áp dụng giới hạn trên toàn Đảng bộ khi tổng hợp.' : '';
  const scopeEn = provisional ? ' Provisional, this chi bộ alone; the ward applies the cap over the whole ward.' : '';
  const sheet = input.roll?.sheet ?? '';
  for (const index of [...outcome.dropped, ...outcome.tied]) {
    const m = results[index];
    const tied = outcome.tied.has(index);
    // Results are in roll order: the member's own row, without a search (a ward-sized roll drops thousands).
    const cell = input.roll?.rows[index]?.name.cell ?? null;
    const words = tied
      ? `${capWords}; ${vn(m.score ?? 0)} điểm bằng điểm ở ngưỡng giới hạn (M25-20): chi bộ cân nhắc, quyết định giữa những người bằng điểm.${scope}`
      : `${capWords}; ${vn(m.score ?? 0)} điểm thấp hơn những người được chọn (M25-20) → ${LEVEL25_NAME.HTTNV}.${scope}`;
    const wordsEn = tied ? `Tied at the cap of ${outcome.cap} HTXSNV (M25-20).${scopeEn}` : `Beyond the cap of ${outcome.cap} HTXSNV (M25-20) → HTTNV.${scopeEn}`;
    results[index] = tied
      ? { ...m, status: 'undetermined', level: null, reason: 'tie-at-cap', rules: [...m.rules, 'M25-20'], explanation: `${m.explanation} ${words}`, explanationEn: `${m.explanationEn} ${wordsEn}` }
      : { ...m, level: 'HTTNV', rules: [...m.rules, 'M25-20'], unmet: [...(m.unmet ?? []), { rule: 'M25-20', text: `vượt giới hạn ${settings.capPercent} % (M25-20)` }], explanation: `${m.explanation} ${words}`, explanationEn: `${m.explanationEn} ${wordsEn}` };
    sink.add('M25-20', sheet, cell, `Sheet "${sheet}", ô ${cell ?? ''} (${m.name}): ${words}`, `${sheet}!${cell ?? ''} (${m.name}): ${wordsEn}`);
  }
}

function levelCounts(members: readonly MemberResult[]): MemberCounts {
  const c = { classified: 0, HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0, undetermined: 0 };
  for (const m of members) {
    if (m.status === 'undetermined') c.undetermined++;
    if (m.status !== 'classified' || !m.level) continue;
    c.classified++;
    c[m.level]++;
  }
  return c;
}

/** CB25: the chi bộ's score, task figures and proposed level; provisional while members wait. */
function chiBoResult(
  input: ChiBoWorkbook,
  members: readonly MemberResult[],
  criteria: CriteriaSettings,
  ruleSet: Hd43RuleSet,
  name: string,
  waitedFor: ReturnType<typeof distinctCells>,
  sink: IssueSink,
  decided: Decided,
): ChiBoResult | null {
  if (!input.info && !input.scores) return null;
  const settings = criteria.settings;
  const scoreRows = input.scores?.rows ?? [];
  if (settings.chiBoScoreMethod === 'mean' && !input.scores) {
    sink.add('DATA-01', ruleSet.forms.scores.sheet, null, `Không tìm thấy sheet "${ruleSet.forms.scores.sheet}": điểm chi bộ là trung bình các phiếu chấm của đảng viên có mặt (CB25-01). Thêm sheet này, hoặc chọn "Chi ủy nhập" ở sheet "Bộ tiêu chí".`, `Sheet "${ruleSet.forms.scores.sheet}" was not found: the chi bộ's score is the mean of the members' sheets (CB25-01).`);
  }
  const score = chiBoScore25(scoreRows, input.info, settings, ruleSet);
  for (const f of score.findings) addFinding(sink, f);
  note(decided, 'chiBoScoreMethod', 'chi bộ');
  const tasks = chiBoTasks(input.info);
  for (const f of tasks.findings) addFinding(sink, f);
  const counts = levelCounts(members);
  const lvl = chiBoLevel25(score.score, tasks.tasks, { subordinateDisciplined: input.info?.subordinateDisciplined?.value ?? null, orgRating: input.info?.orgRating.value ?? null }, counts, settings, ruleSet);
  if (lvl.memberConditionsUsed) note(decided, 'chiBoMemberConditions', 'chi bộ');
  const provisional = counts.undetermined > 0 || waitedFor.length > 0;
  const waiting = provisional ? ` Kết quả tạm thời: còn ${counts.undetermined} đảng viên chưa xác định${waitedFor.length ? ` (chờ ${waitedFor.map((c) => `ô ${c.cell}`).join(', ')})` : ''}.` : '';
  const conditions = [
    { key: 'subordinateDisciplined', label: 'Cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật', value: input.info?.subordinateDisciplined?.value ?? null },
    { key: 'orgRating', label: 'Xếp loại chính quyền, Mặt trận, đoàn thể', value: input.info?.orgRating.value ? ORG_RATING_WORDS[input.info.orgRating.value] : null },
  ];
  const t = tasks.tasks;
  return {
    name,
    score: score.score,
    level: lvl.level,
    rules: [...(score.score === null ? ['CB25-01' as const] : []), ...lvl.rules],
    provisional,
    criteria: [score.parts.common, score.parts.tasks],
    sheets: score.sheets,
    conditions,
    explanation: `${lvl.explanation}${waiting}`,
    explanationEn: `${lvl.explanationEn}${provisional ? ' Provisional: members are undetermined.' : ''}`,
    scoreParts: score.parts,
    tasks: t ? { assigned: t.assigned, onTime: t.onTime, exceeded: t.exceeded, late: lateOf(t) } : null,
    proposed: true,
    unmet: lvl.unmet,
  };
}

/**
 * CFG25-01, one message per setting (RULES.md 9.21: one cause, one message): a setting the sheet left
 * empty that decided results, naming how many and whose, pointing at the cell to confirm.
 */
function reportDefaults(criteria: CriteriaSettings, decided: Decided, sink: IssueSink): void {
  for (const setting of criteria.settings.list) {
    const who = decided.get(setting.key);
    if (!who || setting.source !== 'default') continue;
    const people = who.filter((w) => w !== 'chi bộ');
    const names = people.slice(0, 5).join(', ');
    const what = people.length ? `Kết quả của ${people.length} đảng viên (${names}${people.length > 5 ? ', …' : ''})` : 'Kết quả của chi bộ';
    const finding = unconfirmed(setting as SettingValue, { sheet: setting.sheet ?? 'Bộ tiêu chí', cell: setting.cell }, what);
    if (finding) addFinding(sink, finding);
  }
}

