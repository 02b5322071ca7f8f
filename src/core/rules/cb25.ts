/**
 * CB25 (RULES-2025.md §5): the chi bộ's score out of 100 (30 + 70) and its proposed level under
 * hd43-2025. Pure functions: the scoring sheets (or the chi ủy's score), the chi bộ's task figures, its
 * conditions and its members' levels in; the score, the level, the words and the findings out. Exact
 * arithmetic: scores as integer thousandths, percentages as integer inequalities.
 */
import type { ChiBoInfo, Located, ScoreSheetRow } from '../forms/model';
import type { Hd43RuleSet } from '../ruleSets/types';
import type { OrgRating } from '../values/parse';
import type { Settings25 } from './cfg25';
import { type Level25, LEVEL25_NAME } from './m25';
import { type Finding, type Rule25Id, type Rule25Meta, SCALE, scaled, vn } from './rules25';

export const CB25_RULES: readonly Rule25Meta[] = [
  { id: 'CB25-01', severity: 'error', seed: 'RULES-2025 §5', title: 'Điểm chi bộ trên 100 (30 + 70): trung bình các phiếu, hoặc chi ủy nhập', titleEn: "The chi bộ's score out of 100 (30 + 70): the sheets' mean, or the chi ủy's" },
  { id: 'CB25-02', severity: 'warning', seed: 'RULES-2025 §5; QĐ 366 Điều 11, HD 21', title: 'Chi bộ Hoàn thành xuất sắc nhiệm vụ', titleEn: 'Chi bộ HTXSNV' },
  { id: 'CB25-03', severity: 'warning', seed: 'RULES-2025 §5; QĐ 366 Điều 11', title: 'Chi bộ Hoàn thành tốt nhiệm vụ', titleEn: 'Chi bộ HTTNV' },
  { id: 'CB25-04', severity: 'warning', seed: 'RULES-2025 §5; QĐ 366 Điều 11', title: 'Chi bộ Hoàn thành nhiệm vụ', titleEn: 'Chi bộ HTNV' },
  { id: 'CB25-05', severity: 'warning', seed: 'RULES-2025 §5', title: 'Chi bộ Không hoàn thành nhiệm vụ', titleEn: 'Chi bộ KHTNV' },
];

export interface ChiBoScore25 {
  /** The score (exact), null without a valid sheet (or the chi ủy's score). */
  readonly score: number | null;
  readonly parts: { readonly common: number | null; readonly tasks: number | null };
  readonly sheets: { readonly total: number; readonly valid: number };
  readonly method: Settings25['chiBoScoreMethod'];
  readonly findings: readonly Finding[];
}

const GROUPS = [
  { key: 'common', label: 'Tiêu chí chung' },
  { key: 'tasks', label: 'Kết quả thực hiện nhiệm vụ' },
] as const;

function scoreProblem(c: Located<number>, max: number, step: number, label: string): Finding | null {
  const v = c.value;
  const where = `Sheet "${c.sheet}", ô ${c.cell} (${label})`;
  if (v === null) {
    if (!c.filled) return null;
    return { rule: 'CB25-01', severity: 'error', sheet: c.sheet, cell: c.cell, message: `${where}: không phải số điểm. Nhập điểm từ 0 đến ${max} (CB25-01).`, messageEn: `${c.sheet}!${c.cell}: not a score; enter 0 to ${max}.` };
  }
  const x = scaled(v);
  if (x < 0 || x > max * SCALE) {
    return { rule: 'CB25-01', severity: 'error', sheet: c.sheet, cell: c.cell, message: `${where}: ${vn(v)} điểm ${x < 0 ? 'nhỏ hơn 0' : `vượt tối đa ${max} của nhóm`} (CB25-01). Nhập điểm từ 0 đến ${max}.`, messageEn: `${c.sheet}!${c.cell}: ${v} is outside 0–${max}.` };
  }
  const s = scaled(step);
  if (s > 0 && x % s !== 0) {
    return { rule: 'CB25-01', severity: 'error', sheet: c.sheet, cell: c.cell, message: `${where}: ${vn(v)} điểm không theo bước ${vn(step)} điểm (CB25-01).`, messageEn: `${c.sheet}!${c.cell}: ${v} is not in steps of ${step}.` };
  }
  return null;
}

/**
 * CB25-01: by default each member present fills a scoring sheet (one row of `Chấm điểm chi bộ`: the two
 * groups) and the score is the mean of the valid sheets' totals; with "Chi ủy nhập" the chi ủy's two
 * group scores on `Thông tin chi bộ`. A blank row is no sheet; a row with a blank or invalid score is not
 * valid and is left out of the mean (its cell says why); a typed total that differs is DATA-09.
 */
export function chiBoScore25(rows: readonly ScoreSheetRow[], info: ChiBoInfo | null, settings: Pick<Settings25, 'chiBoScoreMethod' | 'scoreStep'>, ruleSet: Pick<Hd43RuleSet, 'frame'>): ChiBoScore25 {
  const findings: Finding[] = [];
  const max = { common: ruleSet.frame.common, tasks: ruleSet.frame.tasks };
  if (settings.chiBoScoreMethod === 'committee') {
    const cells = info?.committeeScore;
    if (!cells) return { score: null, parts: { common: null, tasks: null }, sheets: { total: 0, valid: 0 }, method: 'committee', findings };
    const parts = { common: cells.common.value, tasks: cells.tasks.value };
    let ok = true;
    for (const g of GROUPS) {
      const c = cells[g.key];
      const problem = scoreProblem(c, max[g.key], settings.scoreStep, `Điểm chi bộ do chi ủy chấm - ${g.label}`);
      if (problem) findings.push(problem);
      if (problem || c.value === null) ok = false;
      if (!c.filled && !c.absent) {
        findings.push({ rule: 'CB25-01', severity: 'error', sheet: c.sheet, cell: c.cell, message: `Sheet "${c.sheet}", ô ${c.cell}: chưa nhập điểm chi bộ do chi ủy chấm (${g.label}, tối đa ${max[g.key]}) (CB25-01).`, messageEn: `${c.sheet}!${c.cell}: the chi ủy's score (${g.key}) is empty.` });
      }
    }
    const score = ok && parts.common !== null && parts.tasks !== null ? (scaled(parts.common) + scaled(parts.tasks)) / SCALE : null;
    return { score, parts: ok ? parts : { common: null, tasks: null }, sheets: { total: 0, valid: 0 }, method: 'committee', findings };
  }
  const sheets = rows.filter((r) => r.scores.some((c) => c.filled) || r.total.filled);
  const valid: { common: number; tasks: number }[] = [];
  for (const r of sheets) {
    let ok = true;
    for (const [i, g] of GROUPS.entries()) {
      const c = r.scores[i];
      if (!c) {
        ok = false;
        continue;
      }
      const problem = scoreProblem(c, max[g.key], settings.scoreStep, g.label);
      if (problem) findings.push(problem);
      if (problem || c.value === null) ok = false;
      if (!c.filled && !c.absent) {
        findings.push({ rule: 'DATA-01', severity: 'error', sheet: c.sheet, cell: c.cell, message: `Sheet "${c.sheet}", ô ${c.cell} (${g.label}): phiếu này chưa có điểm nhóm "${g.label}"; phiếu được tính khi đủ hai nhóm.`, messageEn: `${c.sheet}!${c.cell}: this sheet has no ${g.key} score; it counts once both groups are filled.` });
      }
    }
    if (!ok) continue;
    const common = r.scores[0].value as number;
    const tasks = r.scores[1].value as number;
    valid.push({ common, tasks });
    const sum = (scaled(common) + scaled(tasks)) / SCALE;
    if (r.total.value !== null && scaled(r.total.value) !== scaled(sum)) {
      findings.push({ rule: 'DATA-09', severity: 'warning', sheet: r.total.sheet, cell: r.total.cell, message: `Sheet "${r.total.sheet}", ô ${r.total.cell} (Tổng): ghi ${vn(r.total.value)} nhưng hai nhóm cộng lại được ${vn(sum)}. Dùng ${vn(sum)}; sửa ô này cho khớp.`, messageEn: `${r.total.sheet}!${r.total.cell}: total ${r.total.value} but the groups add up to ${sum}; ${sum} is used.` });
    }
  }
  if (valid.length === 0) return { score: null, parts: { common: null, tasks: null }, sheets: { total: sheets.length, valid: 0 }, method: 'mean', findings };
  const n = valid.length;
  const sumCommon = valid.reduce((a, v) => a + scaled(v.common), 0);
  const sumTasks = valid.reduce((a, v) => a + scaled(v.tasks), 0);
  return {
    score: (sumCommon + sumTasks) / SCALE / n,
    parts: { common: sumCommon / SCALE / n, tasks: sumTasks / SCALE / n },
    sheets: { total: sheets.length, valid: n },
    method: 'mean',
    findings,
  };
}

export interface ChiBoTasks {
  readonly assigned: number;
  readonly completed: number;
  readonly onTime: number;
  readonly exceeded: number;
}

const TASK_WORDS: Readonly<Record<keyof ChiBoTasks, string>> = {
  assigned: 'Số nhiệm vụ chi bộ được giao',
  completed: 'Số nhiệm vụ chi bộ đã hoàn thành',
  onTime: 'Số nhiệm vụ chi bộ hoàn thành đúng hạn',
  exceeded: 'Số nhiệm vụ chi bộ vượt yêu cầu',
};

/** The chi bộ's task figures: whole numbers ≥ 0 with exceeded ≤ onTime ≤ completed ≤ assigned (M25-04's arithmetic). */
export function chiBoTasks(info: ChiBoInfo | null): { tasks: ChiBoTasks | null; findings: Finding[] } {
  const cells = info?.tasks;
  if (!cells) return { tasks: null, findings: [] };
  const findings: Finding[] = [];
  const out: Partial<Record<keyof ChiBoTasks, number>> = {};
  for (const key of Object.keys(TASK_WORDS) as (keyof ChiBoTasks)[]) {
    const v = cells[key].value;
    // An empty or unreadable count is the reader's DATA-01/02 already: the figures stay unknown.
    if (v === null) return { tasks: null, findings };
    out[key] = v;
  }
  const t = out as ChiBoTasks;
  const pairs: [keyof ChiBoTasks, keyof ChiBoTasks][] = [
    ['exceeded', 'onTime'],
    ['onTime', 'completed'],
    ['completed', 'assigned'],
  ];
  for (const [small, big] of pairs) {
    if (t[small] <= t[big]) continue;
    const c = cells[small];
    findings.push({
      rule: 'M25-04',
      severity: 'error',
      sheet: c.sheet,
      cell: c.cell,
      message: `Sheet "${c.sheet}", ô ${c.cell} (${TASK_WORDS[small]}): ${t[small]} lớn hơn "${TASK_WORDS[big]}" (${t[big]}, ô ${cells[big].cell}); số này phải nhỏ hơn hoặc bằng (M25-04).`,
      messageEn: `${c.sheet}!${c.cell}: ${t[small]} is more than ${big} (${t[big]}).`,
    });
  }
  return { tasks: findings.length ? null : t, findings };
}

/** The members' levels the chi bộ's conditions look at (CB25-02, CB25-05). */
export interface MemberCounts {
  readonly classified: number;
  readonly HTXSNV: number;
  readonly HTTNV: number;
  readonly HTNV: number;
  readonly KHTNV: number;
  /** Members still undetermined: the chi bộ's result is provisional. */
  readonly undetermined: number;
}

export interface ChiBoLevel25 {
  readonly level: Level25 | null;
  readonly rules: readonly Rule25Id[];
  readonly unmet: readonly { readonly rule: Rule25Id; readonly text: string }[];
  readonly explanation: string;
  readonly explanationEn: string;
  /** True when "Điều kiện đảng viên cho chi bộ HTXSNV" decided the level. */
  readonly memberConditionsUsed: boolean;
}

const ORG_GOOD: ReadonlySet<OrgRating> = new Set<OrgRating>(['highest', 'second']);

interface Cond {
  readonly rule: Rule25Id;
  /** null: not entered (unknown). */
  readonly holds: boolean | null;
  readonly text: string;
}

/**
 * CB25-02..05: the highest level whose band and conditions hold. A condition not entered is unknown:
 * when it alone stands between two levels, the level is open (null) and the words say which cell to fill.
 */
export function chiBoLevel25(
  score: number | null,
  tasks: ChiBoTasks | null,
  conditions: { readonly subordinateDisciplined: boolean | null; readonly orgRating: OrgRating | null },
  members: MemberCounts,
  settings: Pick<Settings25, 'chiBoMemberConditions'>,
  ruleSet: Pick<Hd43RuleSet, 'bands' | 'exceededPercent' | 'latePercent' | 'chiBoGoodPercent'>,
): ChiBoLevel25 {
  const { excellent, good, done } = ruleSet.bands;
  const none = { rules: [] as Rule25Id[], unmet: [], memberConditionsUsed: false };
  if (score === null) return { ...none, level: null, rules: ['CB25-01'], explanation: 'Chưa có điểm chi bộ hợp lệ (CB25-01): chưa xếp loại được.', explanationEn: "No valid chi bộ score (CB25-01): not classified yet." };
  const pts = `${vn(Math.round(score * 100) / 100)} điểm`;
  const s = scaled(score);
  if (s < scaled(done)) return { ...none, level: 'KHTNV', rules: ['CB25-05'], explanation: `${pts} < ${done} (CB25-05) → ${LEVEL25_NAME.KHTNV}.`, explanationEn: `${score} points < ${done} (CB25-05) → KHTNV.` };
  // CB25-05's default ground: more than half of the classified members KHTNV.
  if (members.classified > 0 && 2 * members.KHTNV > members.classified) {
    return { ...none, level: 'KHTNV', rules: ['CB25-05'], explanation: `${members.KHTNV}/${members.classified} đảng viên được xếp loại là ${LEVEL25_NAME.KHTNV}, quá một nửa (CB25-05) → ${LEVEL25_NAME.KHTNV}.`, explanationEn: `${members.KHTNV}/${members.classified} classified members KHTNV, more than half (CB25-05) → KHTNV.` };
  }
  if (tasks === null) return { ...none, level: null, rules: ['M25-04'], explanation: `${pts} ≥ ${done} nhưng số nhiệm vụ của chi bộ chưa đọc được (M25-04): chưa xếp loại được.`, explanationEn: `${score} points but the chi bộ's task figures are unknown: not classified yet.` };
  const t = tasks;
  const onTimeAll: Cond = { rule: 'CB25-03', holds: t.onTime === t.assigned, text: `chỉ ${t.onTime}/${t.assigned} nhiệm vụ hoàn thành đúng hạn, cần tất cả` };
  const steps: string[] = [];
  const unmet: { rule: Rule25Id; text: string }[] = [];
  let memberConditionsUsed = false;
  let open: Cond[] = [];
  if (s >= scaled(excellent)) {
    const conds: Cond[] = [
      { ...onTimeAll, rule: 'CB25-02' },
      { rule: 'CB25-02', holds: 100 * t.exceeded >= ruleSet.exceededPercent * t.assigned, text: `chỉ ${t.exceeded}/${t.assigned} nhiệm vụ vượt yêu cầu, cần ít nhất ${ruleSet.exceededPercent} %` },
      { rule: 'CB25-02', holds: conditions.subordinateDisciplined === null ? null : !conditions.subordinateDisciplined, text: conditions.subordinateDisciplined === null ? 'chưa nhập "Cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật"' : 'có cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật' },
    ];
    if (settings.chiBoMemberConditions) {
      memberConditionsUsed = true;
      const goodOrBetter = members.HTXSNV + members.HTTNV;
      conds.push(
        { rule: 'CB25-02', holds: members.KHTNV === 0, text: `có ${members.KHTNV} đảng viên ${LEVEL25_NAME.KHTNV}, cần mọi đảng viên từ ${LEVEL25_NAME.HTNV} trở lên` },
        { rule: 'CB25-02', holds: 100 * goodOrBetter >= ruleSet.chiBoGoodPercent * members.classified, text: `chỉ ${goodOrBetter}/${members.classified} đảng viên từ ${LEVEL25_NAME.HTTNV} trở lên, cần ít nhất ${ruleSet.chiBoGoodPercent} %` },
        { rule: 'CB25-02', holds: conditions.orgRating === null ? null : ORG_GOOD.has(conditions.orgRating), text: conditions.orgRating === null ? 'chưa nhập "Xếp loại chính quyền, Mặt trận, đoàn thể"' : `chính quyền, Mặt trận, đoàn thể chưa từ ${LEVEL25_NAME.HTTNV} trở lên` },
      );
    }
    const failed = conds.filter((c) => c.holds === false);
    const unknown = conds.filter((c) => c.holds === null);
    if (failed.length === 0 && unknown.length === 0) {
      return {
        level: 'HTXSNV',
        rules: ['CB25-02'],
        unmet: [],
        memberConditionsUsed,
        explanation: `${pts} ≥ ${excellent}, ${t.onTime}/${t.assigned} nhiệm vụ đúng hạn, ${t.exceeded}/${t.assigned} vượt yêu cầu (cần ít nhất ${ruleSet.exceededPercent} %), không có cấp ủy viên, tổ chức trực thuộc bị kỷ luật${settings.chiBoMemberConditions ? `, ${members.HTXSNV + members.HTTNV}/${members.classified} đảng viên từ ${LEVEL25_NAME.HTTNV} trở lên` : ''} (CB25-02) → ${LEVEL25_NAME.HTXSNV}.`,
        explanationEn: `${score} points ≥ ${excellent} and every condition holds (CB25-02) → HTXSNV.`,
      };
    }
    if (failed.length === 0) open = unknown;
    for (const c of failed) unmet.push({ rule: c.rule, text: `${c.text} (${c.rule})` });
    steps.push(`${pts} ≥ ${excellent} nhưng ${[...failed, ...unknown].map((c) => `${c.text} (${c.rule})`).join(', ')}`);
  }
  const finish = (level: Level25, rule: Rule25Id, lead: string): ChiBoLevel25 => {
    if (open.length) {
      return {
        level: null,
        rules: ['CB25-02'],
        unmet,
        memberConditionsUsed,
        explanation: `${steps.join('; ')}: chưa xếp loại được; nhập ${open.map((c) => c.text.replace(/^chưa nhập /, '')).join(', ')} (có thể là ${LEVEL25_NAME.HTXSNV} hoặc ${LEVEL25_NAME[level]}).`,
        explanationEn: `${score} points: a condition of HTXSNV is not entered; the level is HTXSNV or ${level}.`,
      };
    }
    return { level, rules: [rule], unmet, memberConditionsUsed, explanation: `${steps.length ? `${steps.join('; ')}; ` : ''}${lead} → ${LEVEL25_NAME[level]}.`, explanationEn: `${score} points (${rule}) → ${level}.` };
  };
  if (s >= scaled(good)) {
    if (onTimeAll.holds) return finish('HTTNV', 'CB25-03', `${pts} ≥ ${good}, ${t.onTime}/${t.assigned} nhiệm vụ đúng hạn (CB25-03)`);
    unmet.push({ rule: 'CB25-03', text: `${onTimeAll.text} (CB25-03)` });
    steps.push(`${steps.length ? '' : `${pts} `}≥ ${good} nhưng ${onTimeAll.text} (CB25-03)`);
  }
  const late = t.completed - t.onTime;
  const allDone = t.completed === t.assigned;
  const fewLate = 100 * (t.assigned - t.onTime) <= ruleSet.latePercent * t.assigned;
  if (allDone && fewLate) return finish('HTNV', 'CB25-04', `${pts} ≥ ${done}, hoàn thành ${t.completed}/${t.assigned} nhiệm vụ, ${late} chậm hạn (không quá ${ruleSet.latePercent} %) (CB25-04)`);
  const why = !allDone ? `mới hoàn thành ${t.completed}/${t.assigned} nhiệm vụ` : `${t.assigned - t.onTime}/${t.assigned} nhiệm vụ chậm hạn, quá ${ruleSet.latePercent} %`;
  unmet.push({ rule: 'CB25-04', text: `${why} (CB25-04)` });
  return finish('KHTNV', 'CB25-05', `${steps.length ? '' : `${pts} ≥ ${done} nhưng `}${why} (CB25-04, CB25-05)`);
}

/** The chi bộ's late tasks: completed but not on time (CB25-04), for the result's `tasks`. */
export function lateOf(t: ChiBoTasks): number {
  return t.assigned - t.onTime;
}
