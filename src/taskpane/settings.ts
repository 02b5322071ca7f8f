/**
 * The rule-set settings the pane shows and saves, generated from `RULE_SETS` and each rule set's
 * `options`: a new option or a new rule set appears in the pane without a change here.
 *
 * In the workbook they are one record: `{ ruleSet: 'hd27-2014', denominator: 'roll', … }`, which is what
 * `saveWorkbookSettings` stores and `checkInExcel` reads back.
 */
import type { CheckResult } from '../core';
import { type AnyRuleSet, DEFAULT_RULE_SET, findRuleSet, RULE_SETS } from '../core/ruleSets';
import type { OptionDef } from '../core/ruleSets/types';
import { type Lang, optionLabel } from './i18n';

export interface PaneSettings {
  readonly ruleSet: string;
  /** One value for every option of the rule set, each one of its allowed values. */
  readonly options: Readonly<Record<string, string>>;
}

/** The key under which the rule set's id is saved, next to the option keys. */
export const RULE_SET_KEY = 'ruleSet';

function ruleSetOf(id: string): AnyRuleSet {
  return findRuleSet(id) ?? RULE_SETS.find((r) => r.id === DEFAULT_RULE_SET) ?? RULE_SETS[0];
}

function optionDefs(ruleSet: AnyRuleSet): [string, OptionDef][] {
  return Object.entries(ruleSet.options as unknown as Record<string, OptionDef>);
}

/**
 * Saved settings made usable: an unknown rule set becomes the default one, and each option takes the
 * saved value when the rule set allows it, else its default. Keys the rule set does not know are dropped.
 */
export function normaliseSettings(saved: Readonly<Record<string, string>>): PaneSettings {
  const ruleSet = ruleSetOf(saved[RULE_SET_KEY] ?? DEFAULT_RULE_SET);
  const options: Record<string, string> = {};
  for (const [key, def] of optionDefs(ruleSet)) {
    const value = saved[key];
    options[key] = value !== undefined && def.values.includes(value) ? value : def.default;
  }
  return { ruleSet: ruleSet.id, options };
}

export const DEFAULT_SETTINGS: PaneSettings = normaliseSettings({});

/** Another rule set: options it shares with the current one keep their value when still allowed. */
export function withRuleSet(settings: PaneSettings, ruleSet: string): PaneSettings {
  return normaliseSettings({ ...settings.options, [RULE_SET_KEY]: ruleSet });
}

export function withOption(settings: PaneSettings, key: string, value: string): PaneSettings {
  return normaliseSettings({ ...settings.options, [key]: value, [RULE_SET_KEY]: settings.ruleSet });
}

/** The record saved in the workbook. */
export function toWorkbookSettings(settings: PaneSettings): Record<string, string> {
  return { [RULE_SET_KEY]: settings.ruleSet, ...settings.options };
}

/** What `checkOpenWorkbook` gets: the pane's settings, explicitly, so they win over anything saved. */
export function toCheckOptions(settings: PaneSettings): { ruleSet: string; options: Record<string, string> } {
  return { ruleSet: settings.ruleSet, options: { ...settings.options } };
}

/** True when the result was computed with these settings (else the pane says to check again). */
export function settingsMatchResult(settings: PaneSettings, result: Pick<CheckResult, 'ruleSet' | 'options'>): boolean {
  if (settings.ruleSet !== result.ruleSet) return false;
  const used = result.options as unknown as Readonly<Record<string, string>>;
  return Object.entries(settings.options).every(([key, value]) => used[key] === value);
}

export interface RuleSetChoice {
  readonly id: string;
  readonly title: string;
}

export function ruleSetChoices(lang: Lang = 'vi'): RuleSetChoice[] {
  return RULE_SETS.map((r) => ({ id: r.id, title: lang === 'en' ? r.titleEn : r.title }));
}

export interface OptionChoice {
  readonly value: string;
  /** The rule set's one-line description of the value. */
  readonly description: string;
  readonly isDefault: boolean;
}

export interface OptionField {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly choices: readonly OptionChoice[];
}

/** One field per option of the chosen rule set, labelled as the rule set words it. */
export function optionFields(settings: PaneSettings, lang: Lang): OptionField[] {
  return optionDefs(ruleSetOf(settings.ruleSet)).map(([key, def]) => ({
    key,
    label: optionLabel(def, lang),
    value: settings.options[key] ?? def.default,
    choices: def.values.map((value) => ({ value, description: (lang === 'en' ? def.describeEn[value] : def.describe[value]) ?? value, isDefault: value === def.default })),
  }));
}

/**
 * What the pane says where a rule set offers no option to choose: hd43-2025's settings are the đảng ủy's,
 * typed on the workbook's own criteria sheet (`Bộ tiêu chí`), not chosen here. Null when it has options.
 */
export function noOptionsNote(settings: PaneSettings, lang: Lang): string | null {
  const ruleSet = ruleSetOf(settings.ruleSet);
  if (optionDefs(ruleSet).length > 0) return null;
  const sheet = ruleSet.forms.criteria?.sheet;
  if (sheet) {
    return lang === 'en'
      ? `This rule set has no options here: its settings (the HTXSNV cap, the score thresholds, how the chi bộ's score is computed…) are the party committee's, typed on the workbook's "${sheet}" sheet. "Tạo mẫu" adds that sheet with each default shown.`
      : `Bộ quy tắc này không có tuỳ chọn ở đây: các thiết lập (tỷ lệ HTXSNV tối đa, ngưỡng điểm, cách tính điểm chi bộ…) do đảng ủy ghi ở sheet "${sheet}" của sổ. Nút "Tạo mẫu" thêm sheet đó, có ghi sẵn mức mặc định.`;
  }
  return lang === 'en' ? 'This rule set has no options.' : 'Bộ quy tắc này không có tuỳ chọn.';
}
