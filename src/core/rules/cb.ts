/** CB rules (RULES.md section 4): the chi bộ's score and level. */
import { CRITERION_MAX } from '../forms/definitions';
import type { ChiBoInfo, Located, UnreadableCell } from '../forms/model';
import { ORG_RATING_WORDS, type OrgRating } from '../values/parse';
import type { RuleId, RuleMeta } from './catalogue';
import { type ChiBoContext, formatNumber } from './context';
import { type MemberResult, waitingText, waitingTextEn } from './mem';

export const CB_RULES: readonly RuleMeta[] = [
  { id: 'CB-01', severity: 'error', seed: 'III.2.3.a', title: 'Điểm từng tiêu chí trong khung điểm', titleEn: 'Each score within its maximum' },
  { id: 'CB-02', severity: 'error', seed: 'III.2.3.a', title: 'Điểm chi bộ là bình quân tổng điểm các phiếu hợp lệ', titleEn: 'Score is the mean of the valid sheets' },
  { id: 'CB-03', severity: 'warning', seed: 'III.2.3.a', title: 'Trong sạch, vững mạnh', titleEn: 'TSVM' },
  { id: 'CB-04', severity: 'warning', seed: 'III.2.3.a', title: 'Hoàn thành tốt nhiệm vụ', titleEn: 'HTTNV' },
  { id: 'CB-05', severity: 'warning', seed: 'III.2.3.a', title: 'Hoàn thành nhiệm vụ', titleEn: 'HTNV' },
  { id: 'CB-06', severity: 'warning', seed: 'III.2.3.a', title: 'Yếu kém', titleEn: 'YK' },
  { id: 'CB-07', severity: 'error', seed: 'III.2.3.a', title: 'Điều kiện xếp loại phải được nhập, không mâu thuẫn', titleEn: 'Conditions entered and consistent' },
  { id: 'CB-08', severity: 'warning', seed: 'III.2.3.a', title: 'Kết quả chi bộ tạm thời khi còn đảng viên chưa xác định', titleEn: 'Provisional while members are undetermined' },
];

/** hd27-2014: TSVM, HTTNV, HTNV, YK. hd43-2025 (CB25): HTXSNV, HTTNV, HTNV, KHTNV (TSVM is a commendation, AGG-02). */
export type ChiBoLevel = 'TSVM' | 'HTTNV' | 'HTNV' | 'YK' | 'HTXSNV' | 'KHTNV';

export interface Condition {
  readonly key: string;
  readonly label: string;
  /** null when not entered (CB-07). */
  readonly value: boolean | number | string | null;
}

export interface ChiBoResult {
  readonly name: string;
  /** Mean of the valid sheets' totals, exact to two decimals for display; null without a valid sheet. */
  readonly score: number | null;
  readonly level: ChiBoLevel | null;
  readonly rules: readonly RuleId[];
  readonly provisional: boolean;
  /** Mean per criterion over the valid sheets. */
  readonly criteria: readonly (number | null)[];
  readonly sheets: { readonly total: number; readonly valid: number };
  readonly conditions: readonly Condition[];
  readonly explanation: string;
  readonly explanationEn: string;
  /** hd43-2025 only: the score's two groups, the chi bộ's task figures, and `proposed: true` (CB25). */
  readonly scoreParts?: { readonly common: number | null; readonly tasks: number | null } | null;
  readonly tasks?: { readonly assigned: number; readonly onTime: number; readonly exceeded: number; readonly late: number } | null;
  readonly proposed?: true;
  readonly unmet?: readonly { readonly rule: string; readonly text: string }[];
}

/** Three-valued logic: a condition not entered is unknown, never a silent "no" (CB-07). */
type Tri = boolean | null;
const and = (...xs: Tri[]): Tri => (xs.some((x) => x === false) ? false : xs.some((x) => x === null) ? null : true);
const or = (...xs: Tri[]): Tri => (xs.some((x) => x === true) ? true : xs.some((x) => x === null) ? null : false);

const CONDITION_LABELS: Record<string, string> = {
  excellentUnited: 'Chi bộ đoàn kết, hoàn thành xuất sắc nhiệm vụ chính trị',
  goodUnited: 'Chi bộ đoàn kết, hoàn thành tốt nhiệm vụ chính trị',
  meetingsRegular: 'Chi bộ sinh hoạt đúng quy định',
  leadersDisciplined: 'Có cấp ủy viên, cán bộ chủ chốt bị kỷ luật',
  disunity: 'Nội bộ mất đoàn kết',
  corruption: 'Có đảng viên bị kỷ luật do tham nhũng, tiêu cực, suy thoái',
  orgRating: 'Xếp loại chính quyền, Mặt trận, đoàn thể',
  lowestOrgCount: 'Số tổ chức Mặt trận, đoàn thể xếp loại thấp nhất',
};

/** CB-07: every condition entered; contradictions warned (RULES.md 9.15). */
function checkConditions(ctx: ChiBoContext, info: ChiBoInfo): void {
  const entries: [string, Located<unknown>][] = [
    ['excellentUnited', info.excellentUnited],
    ['goodUnited', info.goodUnited],
    ['meetingsRegular', info.meetingsRegular],
    ['leadersDisciplined', info.leadersDisciplined],
    ['disunity', info.disunity],
    ['corruption', info.corruption],
    ['orgRating', info.orgRating],
    ['lowestOrgCount', info.lowestOrgCount],
  ];
  for (const [key, located] of entries) {
    // A value typed but not accepted was reported by DATA-02; only the empty ones are CB-07's.
    if (located.filled || located.value !== null) continue;
    const cell = located.cell;
    ctx.sink.add('CB-07', info.sheet, cell, `Sheet "${info.sheet}", ô ${cell}: chưa nhập "${CONDITION_LABELS[key]}". Điều kiện xếp loại chi bộ phải ghi rõ (${key === 'orgRating' ? 'Cao nhất, Cao thứ hai hoặc Thấp hơn' : key === 'lowestOrgCount' ? 'một số, 0 nếu không có' : 'Có hoặc Không'}); ô trống không được hiểu là "Không".`, `Sheet "${info.sheet}", cell ${cell}: "${CONDITION_LABELS[key]}" is not answered. Enter Có or Không.`);
  }
  const contradiction = (a: Located<unknown>, b: Located<unknown>, text: string, textEn: string) => {
    ctx.sink.add('CB-07', info.sheet, b.cell, `Sheet "${info.sheet}": ${text} Kiểm tra lại hai ô ${a.cell} và ${b.cell}.`, `Sheet "${info.sheet}": ${textEn} Check ${a.cell} and ${b.cell}.`, 'warning');
  };
  if (info.excellentUnited.value === true && info.disunity.value === true) contradiction(info.excellentUnited, info.disunity, 'vừa ghi "đoàn kết, hoàn thành xuất sắc nhiệm vụ" vừa ghi "nội bộ mất đoàn kết".', 'both "united, excellent" and "internal disunity" are marked.');
  else if (info.goodUnited.value === true && info.disunity.value === true) contradiction(info.goodUnited, info.disunity, 'vừa ghi "đoàn kết, hoàn thành tốt nhiệm vụ" vừa ghi "nội bộ mất đoàn kết".', 'both "united, good" and "internal disunity" are marked.');
  if (info.excellentUnited.value === true && info.goodUnited.value === false) contradiction(info.excellentUnited, info.goodUnited, 'ghi "hoàn thành xuất sắc nhiệm vụ chính trị" nhưng lại ghi Không ở "hoàn thành tốt nhiệm vụ chính trị".', 'excellent is marked but good is not.');
  if (info.orgRating.value === 'highest' && (info.lowestOrgCount.value ?? 0) >= ctx.ruleSet.lowestOrgsForYK) contradiction(info.orgRating, info.lowestOrgCount, `ghi các tổ chức xếp loại "Cao nhất" nhưng có ${info.lowestOrgCount.value} tổ chức xếp loại thấp nhất.`, 'organisations rated highest yet some at the lowest level.');
}

/**
 * RULES.md 9.20 on `Chấm điểm chi bộ`: a row with every score blank is no scoring sheet; a row with some
 * blank is DATA-01 on each blank score and is left out of the mean, as for CB-01. Returns the sheets.
 */
function scoringSheets(ctx: ChiBoContext) {
  const sheets = (ctx.input.scores?.rows ?? []).filter((r) => r.scores.some((c) => c.filled));
  for (const r of sheets) {
    for (const [i, c] of r.scores.entries()) {
      if (c.filled || c.absent) continue;
      ctx.sink.add(
        'DATA-01',
        c.sheet,
        c.cell,
        `Sheet "${c.sheet}", ô ${c.cell}: phiếu ở dòng ${r.row} chưa có điểm tiêu chí ${i + 1} (tối đa ${CRITERION_MAX[i]}). Nhập điểm (0 nếu chấm 0 điểm); đến khi đó phiếu này không được tính vào điểm bình quân.`,
        `Sheet "${c.sheet}", cell ${c.cell}: the sheet on row ${r.row} has no score for criterion ${i + 1}. Enter it (0 if so); until then the sheet is left out of the mean.`,
      );
    }
  }
  return sheets;
}

/** CB-01/02: the mean of the valid sheets, with sums kept in half points to stay exact. */
function score(ctx: ChiBoContext, presentCount: number): { halfPointSum: number; valid: number; total: number; criteria: (number | null)[] } {
  const rows = scoringSheets(ctx);
  const validRows = rows.filter((r) => r.scores.every((s) => s.value !== null));
  const halfPointSum = validRows.reduce((acc, r) => acc + r.scores.reduce((a, s) => a + Math.round((s.value as number) * 2), 0), 0);
  const criteria = CRITERION_MAX.map((_, i) => (validRows.length ? validRows.reduce((a, r) => a + (r.scores[i].value as number), 0) / validRows.length : null));
  const scores = ctx.input.scores;
  if (scores && rows.length > presentCount && ctx.input.roll) {
    const last = rows[rows.length - 1].sheetNo;
    ctx.sink.add('CB-02', scores.sheet, last.cell, `Sheet "${scores.sheet}": có ${rows.length} phiếu chấm điểm nhưng chỉ ${presentCount} đảng viên có mặt. Số phiếu không được vượt số đảng viên có mặt; kiểm tra phiếu nhập thừa.`, `Sheet "${scores.sheet}": ${rows.length} scoring sheets but only ${presentCount} members present.`);
  }
  if (scores && validRows.length === 0) {
    ctx.sink.add('CB-02', scores.sheet, `A${scores.headerRow + 1}`, `Sheet "${scores.sheet}": không có phiếu chấm điểm hợp lệ nào nên chưa tính được điểm chi bộ. Nhập điểm năm tiêu chí của từng phiếu.`, `Sheet "${scores.sheet}": no valid scoring sheet, so the chi bộ has no score.`);
  }
  return { halfPointSum, valid: validRows.length, total: rows.length, criteria };
}

export function classifyChiBo(ctx: ChiBoContext, members: readonly MemberResult[], name: string): ChiBoResult {
  const info = ctx.input.info;
  if (info) checkConditions(ctx, info);
  const presentCount = ctx.members.filter((s) => s.member.present.value === true).length;
  const s = score(ctx, presentCount);
  const { tsvm, good, done } = ctx.ruleSet.scoreBounds;
  // score ≥ X  ⇔  halfPointSum ≥ 2·X·valid, all integers.
  const atLeast = (x: number): Tri => (s.valid === 0 ? null : s.halfPointSum >= 2 * x * s.valid);
  const classified = members.filter((m) => m.status === 'classified');
  const khtnv = classified.filter((m) => m.level === 'KHTNV').length;
  const allAtLeastHtnv = khtnv === 0;
  const mostlyKhtnv = 2 * khtnv > classified.length;
  const yes = (l: Located<boolean> | undefined): Tri => (l ? l.value : null);
  // A condition that could not be read (DATA-02/04) is unknown like one not entered, but its words differ (9.21).
  const unreadable = info ? unreadableConditions(info) : [];
  const open = unreadable.length ? `Chưa xác định được: ${waitingText(unreadable, null).replace(/^Chưa xác định: /, '')}` : null;
  const rating = (info?.orgRating.value ?? null) as OrgRating | null;
  const lowest = info?.lowestOrgCount.value ?? null;

  const lines: string[] = [];
  const linesEn: string[] = [];
  const scoreValue = s.valid ? Math.round((s.halfPointSum / 2 / s.valid) * 100) / 100 : null;
  lines.push(s.valid ? `Điểm: ${formatNumber(s.halfPointSum / 2)} / ${s.valid} phiếu hợp lệ = ${formatNumber(scoreValue as number)} (CB-02).` : 'Chưa có điểm (CB-02).');
  linesEn.push(s.valid ? `Score: ${s.halfPointSum / 2} / ${s.valid} valid sheets = ${scoreValue} (CB-02).` : 'No score (CB-02).');

  const ykReasons: string[] = [];
  if (atLeast(done) === false) ykReasons.push(`điểm dưới ${done}`);
  if (info?.disunity.value === true) ykReasons.push('nội bộ mất đoàn kết');
  if (info?.corruption.value === true) ykReasons.push('có đảng viên bị kỷ luật do tham nhũng, tiêu cực, suy thoái');
  if (lowest !== null && lowest >= ctx.ruleSet.lowestOrgsForYK) ykReasons.push(`${lowest} tổ chức Mặt trận, đoàn thể xếp loại thấp nhất`);
  if (mostlyKhtnv) ykReasons.push(`${khtnv}/${classified.length} đảng viên Không hoàn thành nhiệm vụ (trên 1/2)`);
  const yk = or(atLeast(done) === null ? null : !atLeast(done), yes(info?.disunity), yes(info?.corruption), lowest === null ? null : lowest >= ctx.ruleSet.lowestOrgsForYK, mostlyKhtnv);
  const isTsvm = and(atLeast(tsvm), yes(info?.excellentUnited), yes(info?.meetingsRegular), allAtLeastHtnv, rating === null ? null : rating === 'highest');
  const isGood = and(atLeast(good), or(yes(info?.goodUnited), yes(info?.excellentUnited)), yes(info?.leadersDisciplined) === null ? null : !yes(info?.leadersDisciplined), rating === null ? null : rating !== 'lower');
  const isDone = atLeast(done);

  let level: ChiBoLevel | null = null;
  const rules: RuleId[] = ['CB-02'];
  if (yk === true) {
    level = 'YK';
    rules.push('CB-06');
    lines.push(`Yếu kém (CB-06): ${ykReasons.join('; ')}.`);
  } else if (yk === null) {
    lines.push(open ?? 'Chưa xác định được: thiếu điều kiện để loại trừ mức Yếu kém (CB-07).');
  } else if (isTsvm === true) {
    level = 'TSVM';
    rules.push('CB-03');
    lines.push(`Điểm ≥ ${tsvm}, đủ các điều kiện → Trong sạch, vững mạnh (CB-03).`);
  } else if (isTsvm === null) {
    lines.push(open ?? 'Chưa xác định được: thiếu điều kiện của mức Trong sạch, vững mạnh (CB-07).');
  } else if (isGood === true) {
    level = 'HTTNV';
    rules.push('CB-04');
    lines.push(`Điểm ≥ ${good}, đủ các điều kiện → Hoàn thành tốt nhiệm vụ (CB-04)${atLeast(tsvm) ? `; chưa đủ điều kiện Trong sạch, vững mạnh: ${missingTsvm(info, allAtLeastHtnv, rating)}` : ''}.`);
  } else if (isGood === null) {
    lines.push(open ?? 'Chưa xác định được: thiếu điều kiện của mức Hoàn thành tốt nhiệm vụ (CB-07).');
  } else if (isDone === true) {
    level = 'HTNV';
    rules.push('CB-05');
    lines.push(`Điểm ≥ ${done} → Hoàn thành nhiệm vụ (CB-05).`);
  }
  const waiting = !level && open !== null && (yk === null || isTsvm === null || isGood === null);
  if (level) linesEn.push(`Level ${level} (${rules[rules.length - 1]}).`);
  else linesEn.push(waiting ? `Level undetermined: ${waitingTextEn(unreadable).replace(/^Undetermined: /, '')}` : 'Level undetermined: conditions or scores missing (CB-07, CB-02).');
  if (!level && info) rules.push(waiting ? unreadable[0].rule : 'CB-07');

  // CB-08 is decided once every reading of the unknown cells is known (finishChiBo).
  const provisional = members.some((m) => m.status === 'undetermined') || waiting;

  const conditions: Condition[] = [
    { key: 'excellentUnited', label: CONDITION_LABELS.excellentUnited, value: info?.excellentUnited.value ?? null },
    { key: 'goodUnited', label: CONDITION_LABELS.goodUnited, value: info?.goodUnited.value ?? null },
    { key: 'meetingsRegular', label: CONDITION_LABELS.meetingsRegular, value: info?.meetingsRegular.value ?? null },
    { key: 'allAtLeastHtnv', label: '100% đảng viên đạt Hoàn thành nhiệm vụ trở lên (tính từ kết quả)', value: allAtLeastHtnv },
    { key: 'leadersDisciplined', label: CONDITION_LABELS.leadersDisciplined, value: info?.leadersDisciplined.value ?? null },
    { key: 'disunity', label: CONDITION_LABELS.disunity, value: info?.disunity.value ?? null },
    { key: 'corruption', label: CONDITION_LABELS.corruption, value: info?.corruption.value ?? null },
    { key: 'orgRating', label: CONDITION_LABELS.orgRating, value: rating === null ? null : ORG_RATING_WORDS[rating] },
    { key: 'lowestOrgCount', label: CONDITION_LABELS.lowestOrgCount, value: lowest },
    { key: 'mostlyKhtnv', label: 'Trên 1/2 đảng viên Không hoàn thành nhiệm vụ (tính từ kết quả)', value: mostlyKhtnv },
  ];
  return { name, score: scoreValue, level, rules, provisional, criteria: s.criteria, sheets: { total: s.total, valid: s.valid }, conditions, explanation: lines.join(' '), explanationEn: linesEn.join(' ') };
}

/** The CB-03 conditions answered "no" (an unreadable one is not a "no", RULES.md 9.21). */
function missingTsvm(info: ChiBoInfo | null, allAtLeastHtnv: boolean, rating: OrgRating | null): string {
  const missing: string[] = [];
  if (info?.excellentUnited.value === false) missing.push('chưa đoàn kết, hoàn thành xuất sắc nhiệm vụ chính trị');
  if (info?.meetingsRegular.value === false) missing.push('sinh hoạt chưa đúng quy định');
  if (!allAtLeastHtnv) missing.push('có đảng viên Không hoàn thành nhiệm vụ');
  if (rating !== null && rating !== 'highest') missing.push('chính quyền, Mặt trận, đoàn thể chưa đạt mức cao nhất');
  return missing.join('; ');
}

const CONDITION_KEYS = ['excellentUnited', 'goodUnited', 'meetingsRegular', 'leadersDisciplined', 'disunity', 'corruption', 'orgRating', 'lowestOrgCount'] as const;

/** The level's conditions that hold a value the reader could not accept (DATA-02/04). */
function unreadableConditions(info: ChiBoInfo): UnreadableCell[] {
  return CONDITION_KEYS.map((k) => info[k] as Located<unknown>).flatMap((l) => (l.unreadable ? [{ ...l.unreadable, sheet: l.sheet, cell: l.cell }] : []));
}

/** Every chi bộ level in words (both rule sets' levels), for results, papers and the ward. */
export const CHI_BO_LEVEL_WORDS: Readonly<Record<ChiBoLevel, string>> = { TSVM: 'Trong sạch, vững mạnh', HTTNV: 'Hoàn thành tốt nhiệm vụ', HTNV: 'Hoàn thành nhiệm vụ', YK: 'Yếu kém', HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ', KHTNV: 'Không hoàn thành nhiệm vụ' };

/**
 * The chi bộ's result over every reading of the roll's unknown cells (RULES.md 9.21, rules/unknown.ts):
 * the same level for every reading stands; levels that differ leave it open (null) and provisional,
 * with words naming the cells. CB-08 (a warning) is for members undetermined for another reason; a
 * result waiting for an unreadable cell says so in its words only, the cell's own error being the one
 * message about it.
 */
export function finishChiBo(ctx: ChiBoContext, runs: readonly ChiBoResult[], members: readonly MemberResult[], unknownCells: readonly UnreadableCell[], exact = true): ChiBoResult {
  const first = runs[0];
  const info = ctx.input.info;
  const levels = [...new Set(runs.map((r) => r.level))];
  // Beyond the bound on readings, not every level was seen: the result waits for the cells.
  const open = levels.length > 1 || (!exact && unknownCells.length > 0);
  const undetermined = members.filter((m) => m.status === 'undetermined' && m.reason !== 'input-error');
  const waitsForInput = members.some((m) => m.reason === 'input-error') && runs.some((r) => r.provisional);
  const rules = first.rules.filter((r) => !open || !['CB-03', 'CB-04', 'CB-05', 'CB-06'].includes(r));
  const lines: string[] = [];
  const linesEn: string[] = [];
  if (open) {
    const possible = levels.filter((l): l is ChiBoLevel => l !== null).map((l) => CHI_BO_LEVEL_WORDS[l]);
    lines.push(first.score === null ? 'Chưa có điểm (CB-02).' : `Điểm: ${formatNumber(first.score)} (${first.sheets.valid} phiếu hợp lệ, CB-02).`);
    // Beyond the bound on readings only some levels were seen: naming them would say too much.
    const could = levels.length > 1 ? ` Tùy giá trị ${unknownCells.length > 1 ? 'các ô đó' : 'ô đó'}, chi bộ có thể ${possible.length ? `là ${possible.join(' hoặc ')}` : 'chưa xếp loại được'}${levels.includes(null) && possible.length ? ' hoặc chưa xếp loại được' : ''}.` : '';
    const couldEn = levels.length > 1 ? ` Depending on ${unknownCells.length > 1 ? 'them' : 'it'}, the level could be ${levels.map((l) => l ?? 'undetermined').join(' or ')}.` : '';
    lines.push(`Tạm thời: ${waitingText(unknownCells, null).replace(/^Chưa xác định: /, '')}${could}`);
    linesEn.push(`Provisional: ${waitingTextEn(unknownCells).replace(/^Undetermined: /, '')}${couldEn}`);
  } else {
    lines.push(first.explanation);
    linesEn.push(first.explanationEn);
    if (waitsForInput && unknownCells.length) {
      lines.push(`Tạm thời: ${waitingText(unknownCells, null).replace(/^Chưa xác định: /, '')}`);
      linesEn.push(`Provisional: ${waitingTextEn(unknownCells).replace(/^Undetermined: /, '')}`);
    }
  }
  const provisional = open || waitsForInput || undetermined.length > 0 || runs.some((r) => r.provisional);
  if (undetermined.length > 0 && info) {
    ctx.sink.add('CB-08', info.sheet, info.chiBo.cell, `Kết quả xếp loại chi bộ là tạm thời: còn ${undetermined.length} đảng viên chưa xác định được mức (${undetermined.map((m) => m.name).join(', ')}). Giải quyết các lỗi của những đảng viên này rồi kiểm tra lại.`, `The chi bộ's level is provisional: ${undetermined.length} member(s) undetermined.`);
    lines.push('Tạm thời (CB-08).');
  }
  if (provisional && !rules.includes('CB-08') && (undetermined.length > 0 || open || waitsForInput)) rules.push('CB-08');
  return { ...first, level: open ? null : first.level, rules, provisional, explanation: lines.join(' '), explanationEn: linesEn.join(' ') };
}
