/**
 * M25 (RULES-2025.md §2–3): a member's score out of 100 and level by score band and conditions, for rule
 * set hd43-2025. Pure functions: the scores and task figures as read (forms/reader.ts `readMemberScores`)
 * and the settings (cfg25.ts) in, the score, the level, its words and findings out. Exact arithmetic:
 * scores as integer thousandths (rules25.ts `scaled`), percentages as integer inequalities
 * (`100 × exceeded ≥ 30 × assigned`). Not yet wired into the engine (ruleSets/hd43-engine.ts).
 */
import type { Hd43RuleSet } from '../ruleSets/types';
import type { Settings25 } from './cfg25';
import { type CellIn, type Finding, type Rule25Id, type Rule25Meta, SCALE, scaled, vn } from './rules25';

export const M25_RULES: readonly Rule25Meta[] = [
  { id: 'M25-01', severity: 'error', seed: 'RULES-2025 §2; QĐ 366 (khung 30 + 70)', title: 'Điểm một nhóm không vượt tối đa của nhóm (30 tiêu chí chung, 70 kết quả nhiệm vụ)', titleEn: "A group's score is at most its maximum (30 common, 70 tasks)" },
  { id: 'M25-02', severity: 'error', seed: 'RULES-2025 §2; CV 10072 (bộ tiêu chí của đảng ủy)', title: 'Tiêu chí và điểm tối đa theo Bộ tiêu chí của đảng ủy', titleEn: "Criteria and maxima from the committee's criteria sheet" },
  { id: 'M25-03', severity: 'error', seed: 'RULES-2025 §2', title: 'Điểm từ 0 đến tối đa của tiêu chí, theo bước điểm', titleEn: "A score is from 0 to its criterion's maximum, in steps" },
  { id: 'M25-04', severity: 'error', seed: 'RULES-2025 §2; Mẫu 2C-HD KĐ.ĐG 2025', title: 'Số nhiệm vụ, khuyết điểm là số nguyên và lồng nhau', titleEn: 'Task and shortcoming counts are whole numbers that nest' },
  { id: 'M25-10', severity: 'error', seed: 'RULES-2025 §3; QĐ 366 Điều 11', title: 'Hoàn thành xuất sắc nhiệm vụ: từ 90 điểm, mọi nhiệm vụ đúng hạn, ít nhất 30 % vượt mức, khắc phục hết khuyết điểm', titleEn: 'HTXSNV: 90+, all tasks on time, 30 % beyond, every shortcoming fixed' },
  { id: 'M25-11', severity: 'error', seed: 'RULES-2025 §3; QĐ 366 Điều 11', title: 'Hoàn thành tốt nhiệm vụ: từ 70 điểm, mọi nhiệm vụ đúng hạn', titleEn: 'HTTNV: 70+, all tasks on time' },
  { id: 'M25-12', severity: 'error', seed: 'RULES-2025 §3; QĐ 366 Điều 11', title: 'Hoàn thành nhiệm vụ: từ 50 điểm', titleEn: 'HTNV: 50+' },
  { id: 'M25-13', severity: 'error', seed: 'RULES-2025 §3; QĐ 366 Điều 11', title: 'Không hoàn thành nhiệm vụ: dưới 50 điểm hoặc có căn cứ M25-14', titleEn: 'KHTNV: below 50, or a ground of M25-14' },
  { id: 'M25-14', severity: 'error', seed: 'RULES-2025 §3; HD 43', title: 'Căn cứ Không hoàn thành nhiệm vụ bất kể điểm', titleEn: 'Grounds for KHTNV whatever the score' },
  { id: 'M25-15', severity: 'warning', seed: 'RULES-2025 §3', title: 'Mức cao nhất mà cả khung điểm và điều kiện đều đạt; điều kiện chưa đạt được nêu rõ', titleEn: 'The highest level whose band and conditions both hold; the unmet condition is named' },
  { id: 'M25-16', severity: 'warning', seed: 'RULES-2025 §3; HD 21', title: 'Nghỉ ốm từ 3 tháng trong năm: tối đa Hoàn thành nhiệm vụ; nghỉ thai sản: theo thời gian làm việc', titleEn: 'Sick leave of 3 months or more: at most HTNV; maternity leave: on the time worked' },
  { id: 'M25-17', severity: 'warning', seed: 'RULES-2025 §3; HD 21', title: 'CBCCVC chỉ Hoàn thành xuất sắc nhiệm vụ khi xếp loại CBCCVC Hoàn thành xuất sắc nhiệm vụ', titleEn: 'A civil servant is HTXSNV only with a civil-service rating of HTXSNV' },
  { id: 'M25-20', severity: 'warning', seed: 'RULES-2025 §4; HD 21, QĐ 124', title: 'Hoàn thành xuất sắc nhiệm vụ không quá 20 % số Hoàn thành tốt nhiệm vụ trở lên', titleEn: 'HTXSNV at most 20 % of those at HTTNV or above' },
  { id: 'M25-30', severity: 'warning', seed: 'RULES-2025 §6', title: 'Đa số phiếu khác mức theo điểm', titleEn: "The tally's majority differs from the score's level" },
];

export type Level25 = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';

export const LEVEL25_NAME: Readonly<Record<Level25, string>> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Highest first: a higher rank is a better level (for the property "monotone in the score"). */
export const LEVEL25_RANK: Readonly<Record<Level25, number>> = { HTXSNV: 3, HTTNV: 2, HTNV: 1, KHTNV: 0 };

// ---------------------------------------------------------------------------------------------------
// M25-01..03: the score

/** A scored criterion (or a group total, when the sheet scores by group): its cell and maximum. */
export interface ScoreCell {
  readonly group: 'common' | 'tasks';
  readonly label: string;
  readonly max: number;
  readonly cell: CellIn<number>;
  /** The cell as the clerk sees it, for a message when it is not a number. */
  readonly shown?: string;
}

export interface ScoreOutcome {
  /** The computed total (sum of the scores), or null when a score is missing or invalid. */
  readonly score: number | null;
  readonly parts: { readonly common: number | null; readonly tasks: number | null };
  readonly findings: readonly Finding[];
}

const where = (c: CellIn<unknown>, label: string) => `Sheet "${c.sheet}", ô ${c.cell} (${label})`;

/**
 * M25-03 each score from 0 to its criterion's maximum in steps of `settings.scoreStep`; M25-01 each
 * group's sum at most its maximum (30, 70); DATA-09 a clerk's total that differs from the sum (the sum is
 * used). An empty or invalid score leaves the score unknown (null), never 0.
 */
export function scoreOf(cells: readonly ScoreCell[], total: CellIn<number> | null, settings: Pick<Settings25, 'scoreStep'>, ruleSet: Pick<Hd43RuleSet, 'frame'>): ScoreOutcome {
  const findings: Finding[] = [];
  const step = scaled(settings.scoreStep);
  const sums = { common: 0, tasks: 0 };
  const known = { common: true, tasks: true };
  for (const s of cells) {
    const v = s.cell.value;
    if (v === null) {
      known[s.group] = false;
      findings.push({
        rule: 'M25-03',
        severity: 'error',
        sheet: s.cell.sheet,
        cell: s.cell.cell,
        message: s.cell.filled
          ? `${where(s.cell, s.label)}: "${s.shown ?? ''}" không phải số điểm. Nhập điểm từ 0 đến ${vn(s.max)} (M25-03).`
          : `${where(s.cell, s.label)}: chưa chấm điểm. Nhập điểm từ 0 đến ${vn(s.max)} (M25-03).`,
        messageEn: s.cell.filled ? `${s.cell.sheet}!${s.cell.cell} (${s.label}): not a score. Enter 0 to ${s.max}.` : `${s.cell.sheet}!${s.cell.cell} (${s.label}): no score. Enter 0 to ${s.max}.`,
      });
      continue;
    }
    const x = scaled(v);
    const outOfRange = x < 0 || x > scaled(s.max);
    const offStep = step > 0 && x % step !== 0;
    if (outOfRange || offStep) {
      known[s.group] = false;
      findings.push({
        rule: 'M25-03',
        severity: 'error',
        sheet: s.cell.sheet,
        cell: s.cell.cell,
        message: outOfRange
          ? `${where(s.cell, s.label)}: ${vn(v)} điểm ${x < 0 ? 'nhỏ hơn 0' : `vượt điểm tối đa ${vn(s.max)} của tiêu chí`} (M25-03). Nhập điểm từ 0 đến ${vn(s.max)}.`
          : `${where(s.cell, s.label)}: ${vn(v)} điểm không theo bước ${vn(settings.scoreStep)} điểm (M25-03).`,
        messageEn: outOfRange ? `${s.cell.sheet}!${s.cell.cell}: ${v} is outside 0–${s.max}.` : `${s.cell.sheet}!${s.cell.cell}: ${v} is not in steps of ${settings.scoreStep}.`,
      });
      continue;
    }
    sums[s.group] += x;
  }
  for (const group of ['common', 'tasks'] as const) {
    const max = ruleSet.frame[group];
    const own = cells.filter((c) => c.group === group);
    if (!known[group] || sums[group] <= max * SCALE || own.length === 0) continue;
    known[group] = false;
    const last = own[own.length - 1].cell;
    findings.push({
      rule: 'M25-01',
      severity: 'error',
      sheet: last.sheet,
      cell: last.cell,
      message: `Sheet "${last.sheet}": điểm nhóm ${group === 'common' ? 'tiêu chí chung' : 'kết quả thực hiện nhiệm vụ'} cộng được ${vn(sums[group] / SCALE)}, vượt tối đa ${max} của nhóm (M25-01).`,
      messageEn: `Sheet "${last.sheet}": the ${group} group adds up to ${sums[group] / SCALE}, above its maximum ${max}.`,
    });
  }
  const parts = { common: known.common ? sums.common / SCALE : null, tasks: known.tasks ? sums.tasks / SCALE : null };
  const score = parts.common !== null && parts.tasks !== null ? (sums.common + sums.tasks) / SCALE : null;
  if (score !== null && total && total.value !== null && scaled(total.value) !== sums.common + sums.tasks) {
    findings.push({
      rule: 'DATA-09',
      severity: 'warning',
      sheet: total.sheet,
      cell: total.cell,
      message: `${where(total, 'Tổng')}: ghi ${vn(total.value)} nhưng các điểm cộng lại được ${vn(score)}. Dùng tổng tính được ${vn(score)}; sửa ô này cho khớp.`,
      messageEn: `${total.sheet}!${total.cell}: the total reads ${total.value} but the scores add up to ${score}; ${score} is used.`,
    });
  }
  return { score, parts, findings };
}

// ---------------------------------------------------------------------------------------------------
// M25-04: task figures

export interface TaskFigures {
  readonly assigned: number;
  readonly onTime: number;
  readonly exceeded: number;
  readonly pointedOut: number;
  readonly fixed: number;
}

export type TaskCells = { readonly [K in keyof TaskFigures]: CellIn<number> };

const TASK_LABEL: Readonly<Record<keyof TaskFigures, string>> = {
  assigned: 'Nhiệm vụ được giao',
  onTime: 'Nhiệm vụ hoàn thành đúng hạn',
  exceeded: 'Nhiệm vụ vượt yêu cầu',
  pointedOut: 'Hạn chế, khuyết điểm được chỉ ra',
  fixed: 'Hạn chế, khuyết điểm đã khắc phục',
};

/**
 * M25-04: whole numbers ≥ 0 with `exceeded ≤ onTime ≤ assigned` and `fixed ≤ pointedOut`. An empty count
 * of tasks is unknown (the levels' conditions need it); an empty count of shortcomings is none (0).
 * Any error leaves the figures unknown (null).
 */
export function taskFiguresOf(cells: TaskCells): { figures: TaskFigures | null; findings: Finding[] } {
  const findings: Finding[] = [];
  const out: Partial<Record<keyof TaskFigures, number>> = {};
  let ok = true;
  for (const key of Object.keys(TASK_LABEL) as (keyof TaskFigures)[]) {
    const c = cells[key];
    const v = c.value;
    if (v === null && !c.filled && (key === 'pointedOut' || key === 'fixed')) {
      out[key] = 0;
      continue;
    }
    if (v === null || !Number.isInteger(v) || v < 0) {
      ok = false;
      findings.push({
        rule: 'M25-04',
        severity: 'error',
        sheet: c.sheet,
        cell: c.cell,
        message: c.filled ? `${where(c, TASK_LABEL[key])}: phải là số nguyên ≥ 0 (M25-04).` : `${where(c, TASK_LABEL[key])}: chưa nhập; nhập 0 nếu không có (M25-04).`,
        messageEn: c.filled ? `${c.sheet}!${c.cell}: must be a whole number ≥ 0.` : `${c.sheet}!${c.cell}: empty; enter 0 if none.`,
      });
      continue;
    }
    out[key] = v;
  }
  if (!ok) return { figures: null, findings };
  const f = out as TaskFigures;
  const nest = (small: keyof TaskFigures, big: keyof TaskFigures) => {
    if (f[small] <= f[big]) return true;
    const c = cells[small];
    findings.push({
      rule: 'M25-04',
      severity: 'error',
      sheet: c.sheet,
      cell: c.cell,
      message: `${where(c, TASK_LABEL[small])}: ${f[small]} lớn hơn "${TASK_LABEL[big]}" (${f[big]}, ô ${cells[big].cell}); số này phải nhỏ hơn hoặc bằng (M25-04).`,
      messageEn: `${c.sheet}!${c.cell}: ${f[small]} is more than ${big} (${f[big]}).`,
    });
    return false;
  };
  const nested = [nest('exceeded', 'onTime'), nest('onTime', 'assigned'), nest('fixed', 'pointedOut')].every(Boolean);
  return { figures: nested ? f : null, findings };
}

// ---------------------------------------------------------------------------------------------------
// M25-10..15: the level

/** M25-14's grounds, each a yes/no column; the result names the ground. */
export interface KhtnvGrounds {
  readonly disciplined: boolean;
  readonly degraded: boolean;
  readonly civilServiceKhtnv: boolean;
  readonly violation: boolean;
}

const GROUND_WORDS: Readonly<Record<keyof KhtnvGrounds, string>> = {
  disciplined: 'bị kỷ luật trong năm đánh giá',
  degraded: 'bị cấp có thẩm quyền kết luận suy thoái, "tự diễn biến", "tự chuyển hóa"',
  civilServiceKhtnv: 'xếp loại cán bộ, công chức, viên chức Không hoàn thành nhiệm vụ',
  violation: 'vi phạm điều đảng viên không được làm',
};

export interface LevelOutcome {
  /** null: the figures the level depends on are unknown (see `waiting`). */
  readonly level: Level25 | null;
  /** The rules that decided, in order. */
  readonly rules: readonly Rule25Id[];
  /** The conditions that kept a higher band's level, with their rule, in words. */
  readonly unmet: readonly { readonly rule: Rule25Id; readonly text: string }[];
  readonly explanation: string;
  readonly explanationEn: string;
}

interface Condition {
  readonly rule: Rule25Id;
  readonly holds: boolean;
  readonly text: string;
  readonly textEn: string;
}

/** `100 × part ≥ percent × whole`, exactly; 0 of 0 meets every percentage (M25-04). */
export function atLeastPercent(part: number, whole: number, percent: number): boolean {
  return 100 * part >= percent * whole;
}

function onTimeCondition(t: TaskFigures, rule: Rule25Id): Condition {
  return {
    rule,
    holds: t.onTime === t.assigned,
    text: `chỉ ${t.onTime}/${t.assigned} nhiệm vụ hoàn thành đúng hạn, cần tất cả (${rule})`,
    textEn: `only ${t.onTime}/${t.assigned} tasks on time, all needed (${rule})`,
  };
}

function excellentConditions(t: TaskFigures, percent: number): Condition[] {
  return [
    onTimeCondition(t, 'M25-10'),
    {
      rule: 'M25-10',
      holds: atLeastPercent(t.exceeded, t.assigned, percent),
      text: `chỉ ${t.exceeded}/${t.assigned} nhiệm vụ vượt mức, cần ít nhất ${percent} % (M25-10)`,
      textEn: `only ${t.exceeded}/${t.assigned} tasks beyond requirements, at least ${percent} % needed (M25-10)`,
    },
    {
      rule: 'M25-10',
      holds: t.fixed === t.pointedOut,
      text: `mới khắc phục ${t.fixed}/${t.pointedOut} hạn chế, khuyết điểm được chỉ ra, cần khắc phục hết (M25-10)`,
      textEn: `only ${t.fixed}/${t.pointedOut} shortcomings fixed, all needed (M25-10)`,
    },
  ];
}

/**
 * M25-10..15: the highest level whose score band and conditions both hold. M25-14's grounds (when the
 * setting applies them) make the member KHTNV whatever the score; M25-13's threshold (`failBelow`) can
 * raise the fixed band of 50 but never lower it: HTNV needs both. An unmet condition is named in the
 * explanation ("92 điểm ≥ 90 nhưng chỉ 2/10 nhiệm vụ vượt mức, cần ít nhất 30 % (M25-10) → Hoàn thành tốt
 * nhiệm vụ"). With the task figures unknown, a score that reaches a band with conditions is undetermined.
 */
export function levelOf(
  score: number | null,
  tasks: TaskFigures | null,
  grounds: Partial<KhtnvGrounds>,
  settings: Pick<Settings25, 'failBelow' | 'khtnvGrounds'>,
  ruleSet: Pick<Hd43RuleSet, 'bands' | 'exceededPercent'>,
): LevelOutcome {
  const named = settings.khtnvGrounds ? (Object.keys(GROUND_WORDS) as (keyof KhtnvGrounds)[]).filter((g) => grounds[g] === true) : [];
  if (named.length) {
    const words = named.map((g) => GROUND_WORDS[g]).join('; ');
    return {
      level: 'KHTNV',
      rules: ['M25-14', 'M25-13'],
      unmet: [],
      explanation: `Có căn cứ không hoàn thành nhiệm vụ: ${words} (M25-14) → ${LEVEL25_NAME.KHTNV}, bất kể điểm.`,
      explanationEn: `A ground for KHTNV: ${named.join(', ')} (M25-14) → KHTNV whatever the score.`,
    };
  }
  if (score === null) {
    return { level: null, rules: ['M25-03'], unmet: [], explanation: 'Chưa có điểm hợp lệ (M25-03): chưa xếp loại được.', explanationEn: 'No valid score (M25-03): not classified yet.' };
  }
  const s = scaled(score);
  const { excellent, good, done } = ruleSet.bands;
  const floor = Math.max(done, settings.failBelow);
  const pts = `${vn(score)} điểm`;
  if (s < scaled(floor)) {
    const because = s < scaled(done) ? `${pts} < ${done}` : `${pts} < ${vn(settings.failBelow)} (mức KHTNV của đảng ủy)`;
    return { level: 'KHTNV', rules: ['M25-13'], unmet: [], explanation: `${because} (M25-13) → ${LEVEL25_NAME.KHTNV}.`, explanationEn: `${score} points below ${vn(floor)} (M25-13) → KHTNV.` };
  }
  if (s >= scaled(good) && tasks === null) {
    return {
      level: null,
      rules: ['M25-04'],
      unmet: [],
      explanation: `${pts} ≥ ${good} nhưng số nhiệm vụ chưa đọc được (M25-04): chưa xếp loại được.`,
      explanationEn: `${score} points ≥ ${good} but the task figures are unknown (M25-04): not classified yet.`,
    };
  }
  const unmet: Condition[] = [];
  const steps: string[] = [];
  const stepsEn: string[] = [];
  if (s >= scaled(excellent) && tasks) {
    const failed = excellentConditions(tasks, ruleSet.exceededPercent).filter((c) => !c.holds);
    if (failed.length === 0) {
      return {
        level: 'HTXSNV',
        rules: ['M25-10'],
        unmet: [],
        explanation: `${pts} ≥ ${excellent}, ${tasks.onTime}/${tasks.assigned} nhiệm vụ đúng hạn, ${tasks.exceeded}/${tasks.assigned} vượt mức (cần ít nhất ${ruleSet.exceededPercent} %), ${tasks.pointedOut === 0 ? 'không có hạn chế, khuyết điểm phải khắc phục' : `khắc phục ${tasks.fixed}/${tasks.pointedOut} khuyết điểm`} (M25-10) → ${LEVEL25_NAME.HTXSNV}.`,
        explanationEn: `${score} points ≥ ${excellent}, all tasks on time, ${tasks.exceeded}/${tasks.assigned} beyond requirements, every shortcoming fixed (M25-10) → HTXSNV.`,
      };
    }
    unmet.push(...failed);
    steps.push(`${pts} ≥ ${excellent} nhưng ${failed.map((c) => c.text).join(', ')}`);
    stepsEn.push(`${score} points ≥ ${excellent} but ${failed.map((c) => c.textEn).join(', ')}`);
  }
  if (s >= scaled(good) && tasks) {
    const onTime = onTimeCondition(tasks, 'M25-11');
    if (onTime.holds) {
      const lead = steps.length ? steps.join('; ') : `${pts} ≥ ${good}, ${tasks.onTime}/${tasks.assigned} nhiệm vụ đúng hạn (M25-11)`;
      return {
        level: 'HTTNV',
        rules: steps.length ? ['M25-15', 'M25-11'] : ['M25-11'],
        unmet: unmet.map((c) => ({ rule: c.rule, text: c.text })),
        explanation: `${lead} → ${LEVEL25_NAME.HTTNV}.`,
        explanationEn: `${stepsEn.length ? stepsEn.join('; ') : `${score} points ≥ ${good}, all tasks on time (M25-11)`} → HTTNV.`,
      };
    }
    unmet.push(onTime);
    steps.push(steps.length ? `≥ ${good} nhưng ${onTime.text}` : `${pts} ≥ ${good} nhưng ${onTime.text}`);
    stepsEn.push(`≥ ${good} but ${onTime.textEn}`);
  }
  const lead = steps.length ? steps.join('; ') : `${pts} ≥ ${floor} (M25-12)`;
  return {
    level: 'HTNV',
    rules: steps.length ? ['M25-15', 'M25-12'] : ['M25-12'],
    unmet: unmet.map((c) => ({ rule: c.rule, text: c.text })),
    explanation: `${lead} → ${LEVEL25_NAME.HTNV}.`,
    explanationEn: `${stepsEn.length ? stepsEn.join('; ') : `${score} points ≥ ${floor} (M25-12)`} → HTNV.`,
  };
}

// ---------------------------------------------------------------------------------------------------
// M25-16, M25-17: special cases after the level

/** M25-16: sick leave of at least this many months in the year caps the level at HTNV. */
export const SICK_LEAVE_MONTHS = 3;

export interface Adjusted {
  readonly level: Level25;
  /** The words added to the explanation, and the rule. */
  readonly line: string;
  readonly lineEn: string;
  readonly rule: Rule25Id;
  /** The condition that kept the higher level (M25-15), when the level fell. */
  readonly unmet?: string;
}

/** M25-16: 3 months of sick leave or more → at most HTNV (when the setting applies); null: no change. */
export function sickLeaveCap(level: Level25, sickMonths: number | null, applies: boolean): Adjusted | null {
  if (!applies || sickMonths === null || sickMonths < SICK_LEAVE_MONTHS || LEVEL25_RANK[level] <= LEVEL25_RANK.HTNV) return null;
  const months = vn(sickMonths);
  return {
    level: 'HTNV',
    rule: 'M25-16',
    line: `nghỉ ốm ${months} tháng trong năm (từ ${SICK_LEAVE_MONTHS} tháng) nên tối đa ${LEVEL25_NAME.HTNV} (M25-16) → ${LEVEL25_NAME.HTNV}.`,
    lineEn: `Sick leave of ${months} months in the year (${SICK_LEAVE_MONTHS} or more): at most HTNV (M25-16).`,
    unmet: `nghỉ ốm ${months} tháng, từ ${SICK_LEAVE_MONTHS} tháng thì tối đa ${LEVEL25_NAME.HTNV} (M25-16)`,
  };
}

const RATING_CEILING: Readonly<Record<string, Level25>> = { HTXSNV: 'HTXSNV', HTTNV: 'HTTNV', HTNV: 'HTNV', 'HTNV-HCNL': 'HTNV', KHTNV: 'KHTNV' };
const RATING_WORDS: Readonly<Record<string, string>> = { HTXSNV: LEVEL25_NAME.HTXSNV, HTTNV: LEVEL25_NAME.HTTNV, HTNV: LEVEL25_NAME.HTNV, 'HTNV-HCNL': 'Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực', KHTNV: LEVEL25_NAME.KHTNV };

export interface CivilServantOutcome {
  /** The level after M25-17; null: a civil servant reaching HTXSNV without a rating (undetermined). */
  readonly level: Level25 | null;
  readonly adjusted: Adjusted | null;
  /** A party level above the civil-service rating (a warning naming both). */
  readonly above: { readonly text: string; readonly textEn: string } | null;
  /** True when the setting decided the result (HTXSNV reached by the score and conditions). */
  readonly settingUsed: boolean;
}

/**
 * M25-17: a serving civil servant can be HTXSNV only with a civil-service rating of HTXSNV (when the
 * setting applies: else the level stands); a party level above the rating is a warning naming both.
 */
export function civilServantCheck(level: Level25, civilServant: boolean | null, rating: string | null, applies: boolean): CivilServantOutcome {
  if (civilServant !== true) return { level, adjusted: null, above: null, settingUsed: false };
  let out: Level25 = level;
  let adjusted: Adjusted | null = null;
  const settingUsed = level === 'HTXSNV';
  if (level === 'HTXSNV' && applies) {
    if (rating === null) return { level: null, adjusted: null, above: null, settingUsed };
    if (rating !== 'HTXSNV') {
      out = 'HTTNV';
      adjusted = {
        level: 'HTTNV',
        rule: 'M25-17',
        line: `là cán bộ, công chức, viên chức với xếp loại CBCCVC "${RATING_WORDS[rating] ?? rating}", chưa là ${LEVEL25_NAME.HTXSNV}, nên tối đa ${LEVEL25_NAME.HTTNV} (M25-17) → ${LEVEL25_NAME.HTTNV}.`,
        lineEn: `A civil servant rated ${rating}, not HTXSNV: at most HTTNV (M25-17).`,
        unmet: `xếp loại CBCCVC là "${RATING_WORDS[rating] ?? rating}", cần ${LEVEL25_NAME.HTXSNV} (M25-17)`,
      };
    }
  }
  const ceiling = rating ? RATING_CEILING[rating] : undefined;
  const above =
    ceiling && LEVEL25_RANK[out] > LEVEL25_RANK[ceiling]
      ? {
          text: `Mức đề xuất "${LEVEL25_NAME[out]}" cao hơn xếp loại CBCCVC "${RATING_WORDS[rating as string] ?? rating}" (M25-17); đề nghị cấp ủy xem lại cho thống nhất.`,
          textEn: `The proposed level ${out} is above the civil-service rating ${rating} (M25-17).`,
        }
      : null;
  return { level: out, adjusted, above, settingUsed };
}

// ---------------------------------------------------------------------------------------------------
// M25-20: the cap

export interface CapCandidate {
  /** The caller's index of the member. */
  readonly index: number;
  /** The score (exact); candidates are taken highest first. */
  readonly score: number;
}

export interface CapOutcome {
  /** `100 × HTXSNV ≤ percent × base`: the largest whole number of HTXSNV allowed. */
  readonly cap: number;
  readonly base: number;
  readonly taken: ReadonlySet<number>;
  /** Tied at the last place the cap allows, straddling it: undetermined (`tie-at-cap`). */
  readonly tied: ReadonlySet<number>;
  /** Not taken: HTTNV. */
  readonly dropped: ReadonlySet<number>;
  /** The lowest score taken, when some were dropped or tied (for the words). */
  readonly cutScore: number | null;
}

/**
 * M25-20: of the candidates (level HTXSNV before the cap) at most ⌊percent × base / 100⌋ stay HTXSNV,
 * base = the members at HTTNV or HTXSNV before the cap. Highest score first; members tied on the score
 * that straddles the cap are neither taken nor dropped (the chi bộ or the đảng ủy decides between them).
 * Order independent: only scores decide.
 */
export function capChoice(candidates: readonly CapCandidate[], base: number, percent: number): CapOutcome {
  const cap = Math.floor((percent * base) / 100);
  if (candidates.length <= cap) return { cap, base, taken: new Set(candidates.map((c) => c.index)), tied: new Set(), dropped: new Set(), cutScore: null };
  const byScore = [...candidates].sort((a, b) => scaled(b.score) - scaled(a.score) || a.index - b.index);
  const taken = new Set<number>();
  const tied = new Set<number>();
  const dropped = new Set<number>();
  // The score of the last place the cap allows, and of the first place it does not.
  const last = cap > 0 ? scaled(byScore[cap - 1].score) : null;
  const first = scaled(byScore[cap].score);
  for (const [i, c] of byScore.entries()) {
    const s = scaled(c.score);
    if (last !== null && s === last && s === first) tied.add(c.index);
    else if (i < cap) taken.add(c.index);
    else dropped.add(c.index);
  }
  return { cap, base, taken, tied, dropped, cutScore: cap > 0 ? byScore[cap - 1].score : null };
}

// ---------------------------------------------------------------------------------------------------
// M25-30: a tally kept beside the scores

export interface TallyCounts {
  readonly good: number | null;
  readonly done: number | null;
  readonly failed: number | null;
  readonly excellent: number | null;
  /** Valid ballots of each round (from `Thông tin chi bộ`, else the round's counts added up). */
  readonly valid1: number | null;
  readonly valid2: number | null;
}

/** The level a tally's majority gives (RULES.md MEM-01..05 with their default fractions), or null. */
export function tallyLevel(t: TallyCounts): Level25 | null {
  const v1 = t.valid1 ?? (t.good !== null && t.done !== null && t.failed !== null ? t.good + t.done + t.failed : null);
  if (v1 === null || v1 <= 0) return null;
  if (t.excellent !== null && t.valid2 !== null && t.valid2 > 0 && 3 * t.excellent > 2 * t.valid2) return 'HTXSNV';
  if (t.good !== null && 2 * t.good > v1) return 'HTTNV';
  if (t.good !== null && t.done !== null && 2 * (t.good + t.done) > v1) return 'HTNV';
  if (t.failed !== null && 2 * t.failed > v1) return 'KHTNV';
  return null;
}
