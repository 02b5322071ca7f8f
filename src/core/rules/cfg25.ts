/**
 * CFG25 (RULES-2025.md §2, §7): the đảng ủy's `Bộ tiêu chí` as data. The criteria tables (group /
 * criterion / maximum) for members and for the chi bộ, whose maxima must add up to 30 and 70 (CFG25-02),
 * and the settings with their defaults, each with `source: 'sheet' | 'default'`. CFG25-01 (a result that
 * used an unconfirmed default) is raised where a default decides a result: `unconfirmed` builds it.
 * Pure functions over what forms/reader.ts `readCriteria` read.
 */
import { CRITERIA_GROUPS, CRITERIA_SETTINGS, type CriteriaGroupDef, type SettingDef } from '../forms/definitions';
import type { CellValue } from '../grid';
import type { CriteriaRead, CriteriaRowRead, SettingCellRead } from '../forms/model';
import { foldLabel } from '../text/normalize';
import { displayValue, isBlank, parseNumber, parseYesNo } from '../values/parse';
import { type Finding, type Rule25Meta, scaled, vn } from './rules25';

export const CFG25_RULES: readonly Rule25Meta[] = [
  { id: 'CFG25-01', severity: 'warning', seed: 'RULES-2025 §7; Công văn 10072-CV/BTCTW', title: 'Kết quả dùng thiết lập mặc định chưa được đảng ủy xác nhận', titleEn: 'A result used a default the criteria sheet did not confirm' },
  { id: 'CFG25-02', severity: 'error', seed: 'RULES-2025 §2 (M25-02), §5 (CB25-01)', title: 'Điểm tối đa các tiêu chí của một nhóm không cộng đủ 30 hoặc 70', titleEn: "A group's criteria maxima do not add up to 30 or 70" },
];

export type GroupKey = CriteriaGroupDef['key'];

export interface Criterion {
  readonly group: GroupKey;
  readonly name: string;
  readonly max: number;
  /** null: the default criterion (no table on the sheet). */
  readonly row: number | null;
}

export interface CriteriaTable {
  readonly who: 'members' | 'chiBo';
  readonly criteria: readonly Criterion[];
  readonly source: 'sheet' | 'default';
  /** False when CFG25-02 (or an unreadable maximum) makes the table unusable for scoring by criterion. */
  readonly valid: boolean;
}

export interface SettingValue {
  readonly key: string;
  readonly label: string;
  readonly value: number | boolean | string;
  readonly source: 'sheet' | 'default';
  /** Where the value is (or would be) typed; null when the sheet has no such label. */
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly rule: string;
}

export interface Settings25 {
  readonly capPercent: number;
  readonly capScope: 'ward' | 'chi-bo';
  readonly failBelow: number;
  readonly scoreStep: number;
  readonly khtnvGrounds: boolean;
  readonly sickLeaveCap: boolean;
  readonly civilServantExcellent: boolean;
  readonly chiBoMemberConditions: boolean;
  readonly chiBoScoreMethod: 'mean' | 'committee';
  /** AGG-02 under hd43-2025: "Trong sạch, vững mạnh" chi bộ at most this % of the HTXSNV chi bộ (the ward applies it). */
  readonly exemplaryPercent: number;
  /** Every setting with its source, in the sheet's order (the JSON report's `settings`). */
  readonly list: readonly SettingValue[];
}

export interface CriteriaSettings {
  readonly members: CriteriaTable;
  readonly chiBo: CriteriaTable;
  readonly settings: Settings25;
  readonly findings: readonly Finding[];
}

const WHO = { members: 'đảng viên', chiBo: 'chi bộ' } as const;

function shownOf(value: CellValue): string {
  return displayValue(value).trim();
}

/** The group a cell names: its folded text (or a leading folded alias), or the number 1 or 2. */
export function groupOf(raw: CellValue): GroupKey | null {
  if (raw === null) return null;
  const folded = typeof raw === 'number' ? String(raw) : foldLabel(displayValue(raw));
  if (!folded) return null;
  for (const g of CRITERIA_GROUPS) if (g.aliases.includes(folded)) return g.key;
  // "Nhóm tiêu chí chung (30 điểm)": an alias of a few words followed by more.
  for (const g of CRITERIA_GROUPS) if (g.aliases.some((a) => a.length > 3 && folded.startsWith(`${a} `))) return g.key;
  return null;
}

const defaultCriteria = (): Criterion[] => CRITERIA_GROUPS.map((g) => ({ group: g.key, name: g.label, max: g.max, row: null }));

/**
 * One criteria table: each row's group and maximum read (DATA-02 on a cell that is not one), then each
 * group's maxima added exactly (CFG25-02 when they are not the group's maximum). No table: the default,
 * one criterion per group (M25-02).
 */
export function criteriaTable(who: 'members' | 'chiBo', sheet: string, rows: readonly CriteriaRowRead[] | null): { table: CriteriaTable; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!rows || rows.length === 0) return { table: { who, criteria: defaultCriteria(), source: 'default', valid: true }, findings };
  const criteria: Criterion[] = [];
  let readable = true;
  const lastRowOf = new Map<GroupKey, { row: number; cell: string }>();
  for (const r of rows) {
    const group = groupOf(r.groupRaw);
    if (group === null) {
      readable = false;
      if (r.group.filled) {
        findings.push({
          rule: 'DATA-02',
          severity: 'error',
          sheet,
          cell: r.group.cell,
          message: `Sheet "${sheet}", ô ${r.group.cell} (Nhóm): "${shownOf(r.groupRaw)}" không phải nhóm tiêu chí. Ghi "${CRITERIA_GROUPS[0].label}" hoặc "${CRITERIA_GROUPS[1].label}".`,
          messageEn: `Sheet "${sheet}", cell ${r.group.cell} (group): "${shownOf(r.groupRaw)}" is not a criteria group. Write "${CRITERIA_GROUPS[0].label}" or "${CRITERIA_GROUPS[1].label}".`,
        });
      }
      continue;
    }
    lastRowOf.set(group, { row: r.row, cell: r.max.cell });
    const max = r.max.value;
    if (max === null || !(max > 0) || max > 100) {
      readable = false;
      if (r.max.filled) {
        findings.push({
          rule: 'DATA-02',
          severity: 'error',
          sheet,
          cell: r.max.cell,
          message: `Sheet "${sheet}", ô ${r.max.cell} (Điểm tối đa): "${r.maxShown}" không phải số điểm. Nhập một số lớn hơn 0, ví dụ 10 hoặc 7,5.`,
          messageEn: `Sheet "${sheet}", cell ${r.max.cell} (maximum): "${r.maxShown}" is not a number of points. Enter a number above 0, e.g. 10 or 7.5.`,
        });
      }
      continue;
    }
    criteria.push({ group, name: r.criterion.value ?? '', max, row: r.row });
  }
  let sums = true;
  for (const g of CRITERIA_GROUPS) {
    const own = criteria.filter((c) => c.group === g.key);
    const total = own.reduce((acc, c) => acc + scaled(c.max), 0);
    if (total === scaled(g.max) || !readable) continue;
    sums = false;
    const at = lastRowOf.get(g.key) ?? { cell: rows[rows.length - 1].max.cell };
    findings.push({
      rule: 'CFG25-02',
      severity: 'error',
      sheet,
      cell: at.cell,
      message: `Sheet "${sheet}": các tiêu chí nhóm "${g.label}" của ${WHO[who]} cộng được ${vn(total / 1000)} điểm tối đa, phải đúng ${g.max} (CFG25-02). Sửa cột "Điểm tối đa" cho đủ ${g.max}.`,
      messageEn: `Sheet "${sheet}": the ${who === 'members' ? "members'" : "chi bộ's"} criteria of group "${g.label}" add up to ${vn(total / 1000)} points, not ${g.max}.`,
    });
  }
  if (!readable || !sums) return { table: { who, criteria, source: 'sheet', valid: false }, findings };
  return { table: { who, criteria, source: 'sheet', valid: true }, findings };
}

function settingValue(def: SettingDef, cell: SettingCellRead): { value: number | boolean | string | null; problem: string | null } {
  const raw = cell.raw;
  if (raw === null || isBlank(raw)) return { value: null, problem: null };
  const text = shownOf(raw);
  if (def.kind === 'number') {
    const parsed = parseNumber(raw);
    if (parsed.kind !== 'ok') return { value: null, problem: `"${text}" không phải số` };
    const v = parsed.value;
    const low = def.key === 'scoreStep' ? v <= 0 : v < (def.min ?? -Infinity);
    if (low || v > (def.max ?? Infinity)) return { value: null, problem: `${vn(v)} nằm ngoài khoảng cho phép (${def.key === 'scoreStep' ? 'lớn hơn 0' : `từ ${def.min}`} đến ${def.max})` };
    return { value: v, problem: null };
  }
  if (def.kind === 'yesno') {
    const parsed = parseYesNo(raw);
    return parsed.kind === 'ok' ? { value: parsed.value, problem: null } : { value: null, problem: `"${text}" không phải Có/Không` };
  }
  const folded = foldLabel(text);
  const choice = (def.choices ?? []).find((c) => [c.label, c.value, ...(c.aliases ?? [])].some((a) => foldLabel(a) === folded));
  return choice ? { value: choice.value, problem: null } : { value: null, problem: `"${text}" không phải một trong: ${(def.choices ?? []).map((c) => c.label).join(', ')}` };
}

/**
 * The settings: each from its cell when the sheet gives a readable value (`source: 'sheet'`), otherwise the
 * default (`source: 'default'`), never a guess. An unreadable value is DATA-02 on its cell.
 */
export function settingsOf(sheet: string | null, cells: readonly SettingCellRead[]): { settings: Settings25; findings: Finding[] } {
  const findings: Finding[] = [];
  const list: SettingValue[] = CRITERIA_SETTINGS.map((def) => {
    const cell = cells.find((c) => c.key === def.key) ?? { key: def.key, label: def.label, cell: null, raw: null };
    const { value, problem } = sheet ? settingValue(def, cell) : { value: null, problem: null };
    if (problem && sheet && cell.cell) {
      findings.push({
        rule: 'DATA-02',
        severity: 'error',
        sheet,
        cell: cell.cell,
        message: `Sheet "${sheet}", ô ${cell.cell} (${def.label}): ${problem}. Dùng giá trị mặc định ${shownDefault(def)} cho đến khi sửa.`,
        messageEn: `Sheet "${sheet}", cell ${cell.cell} (${def.label}): not an accepted value. The default ${String(def.default)} is used until it is fixed.`,
      });
    }
    return { key: def.key, label: def.label, value: value ?? def.default, source: value === null ? 'default' : 'sheet', sheet, cell: cell.cell, rule: def.rule };
  });
  const get = (key: string) => (list.find((s) => s.key === key) as SettingValue).value;
  const settings: Settings25 = {
    capPercent: get('capPercent') as number,
    capScope: get('capScope') as Settings25['capScope'],
    failBelow: get('failBelow') as number,
    scoreStep: get('scoreStep') as number,
    khtnvGrounds: get('khtnvGrounds') as boolean,
    sickLeaveCap: get('sickLeaveCap') as boolean,
    civilServantExcellent: get('civilServantExcellent') as boolean,
    chiBoMemberConditions: get('chiBoMemberConditions') as boolean,
    chiBoScoreMethod: get('chiBoScoreMethod') as Settings25['chiBoScoreMethod'],
    exemplaryPercent: get('exemplaryPercent') as number,
    list,
  };
  return { settings, findings };
}

/** The default as the sheet would show it. */
export function shownDefault(def: SettingDef): string {
  if (typeof def.default === 'boolean') return def.default ? 'Có' : 'Không';
  if (typeof def.default === 'number') return vn(def.default);
  return def.choices?.find((c) => c.value === def.default)?.label ?? def.default;
}

/** Every setting typed as the sheet shows its default ("20", "Đảng bộ", "Có"): a `Bộ tiêu chí` confirmed as it stands. */
export function confirmedDefaults(): Record<string, string | number> {
  return Object.fromEntries(CRITERIA_SETTINGS.map((d) => [d.key, typeof d.default === 'number' ? d.default : shownDefault(d)]));
}

/** The whole `Bộ tiêu chí` (or its absence: every default). */
export function criteriaSettings(read: CriteriaRead | null): CriteriaSettings {
  const sheet = read?.sheet ?? null;
  const members = criteriaTable('members', sheet ?? '', read?.members?.rows ?? null);
  const chiBo = criteriaTable('chiBo', sheet ?? '', read?.chiBo?.rows ?? null);
  const settings = settingsOf(sheet, read?.settings ?? []);
  return { members: members.table, chiBo: chiBo.table, settings: settings.settings, findings: [...members.findings, ...chiBo.findings, ...settings.findings] };
}

/**
 * CFG25-01: a result that a default decided, naming the setting. `where` is the result's place (the
 * member's row); the message points the clerk at the `Bộ tiêu chí` cell to confirm.
 */
export function unconfirmed(setting: SettingValue, where: { sheet: string; cell: string | null }, decided: string): Finding | null {
  if (setting.source !== 'default') return null;
  const def = CRITERIA_SETTINGS.find((d) => d.key === setting.key) as SettingDef;
  return {
    rule: 'CFG25-01',
    severity: 'warning',
    sheet: where.sheet,
    cell: where.cell,
    message: `${decided}: dùng "${setting.label}" = ${shownDefault(def)} theo mặc định; đề nghị đối chiếu hướng dẫn của cấp ủy và ghi giá trị vào sheet "Bộ tiêu chí"${setting.cell ? `, ô ${setting.cell}` : ''} (CFG25-01).`,
    messageEn: `${decided}: "${setting.label}" = ${String(setting.value)} by default; check the committee's guidance and confirm it on the criteria sheet.`,
  };
}
