import { RULE_SETS } from '../../src/core/ruleSets';
import type { OptionDef } from '../../src/core/ruleSets/types';
import {
  DEFAULT_SETTINGS,
  normaliseSettings,
  optionFields,
  ruleSetChoices,
  settingsMatchResult,
  toCheckOptions,
  toWorkbookSettings,
  withOption,
  withRuleSet,
} from '../../src/taskpane/settings';
import { exampleResult } from './fixtures';

const defs = (i = 0) => Object.entries(RULE_SETS[i].options as unknown as Record<string, OptionDef>);

describe('settings from the rule sets', () => {
  it('defaults to the default rule set with every option at its default', () => {
    expect(DEFAULT_SETTINGS.ruleSet).toBe('hd27-2014');
    expect(DEFAULT_SETTINGS.options).toEqual(Object.fromEntries(defs().map(([k, d]) => [k, d.default])));
  });

  it('offers every rule set', () => {
    expect(ruleSetChoices().map((r) => r.id)).toEqual(RULE_SETS.map((r) => r.id));
  });

  it('has one field per option, labelled and described by the rule set itself', () => {
    const fields = optionFields(DEFAULT_SETTINGS, 'vi');
    expect(fields.map((f) => f.key)).toEqual(defs().map(([k]) => k));
    for (const [key, def] of defs()) {
      const field = fields.find((f) => f.key === key);
      expect(field?.label).toBe(def.label);
      expect(field?.choices.map((c) => c.value)).toEqual(def.values);
      expect(field?.choices.map((c) => c.description)).toEqual(def.values.map((v) => def.describe[v]));
      expect(field?.choices.filter((c) => c.isDefault).map((c) => c.value)).toEqual([def.default]);
    }
    expect(optionFields(DEFAULT_SETTINGS, 'en').map((f) => f.label)).toEqual(defs().map(([, d]) => d.labelEn));
  });
});

describe('saved settings', () => {
  it('reads what was saved', () => {
    const s = normaliseSettings({ ruleSet: 'hd27-2014', denominator: 'present', capScope: 'ward' });
    expect(s.options).toMatchObject({ denominator: 'present', capScope: 'ward', htnvCounting: 'cumulative' });
  });

  it('drops what a rule set does not allow, instead of failing', () => {
    const s = normaliseSettings({ ruleSet: 'hd99-2030', denominator: 'everyone', unknownKey: 'x' });
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  it('is written back as one record, with the rule set next to the options', () => {
    const s = withOption(DEFAULT_SETTINGS, 'htnvCounting', 'strict');
    expect(toWorkbookSettings(s)).toEqual({ ruleSet: 'hd27-2014', denominator: 'roll', htnvCounting: 'strict', capScope: 'chi-bo' });
    expect(normaliseSettings(toWorkbookSettings(s))).toEqual(s);
  });

  it('passes the rule set and every option to the check explicitly', () => {
    const s = withOption(DEFAULT_SETTINGS, 'denominator', 'present');
    expect(toCheckOptions(s)).toEqual({ ruleSet: 'hd27-2014', options: { denominator: 'present', htnvCounting: 'cumulative', capScope: 'chi-bo' } });
  });

  it('ignores a value the option does not have', () => {
    expect(withOption(DEFAULT_SETTINGS, 'denominator', 'nonsense')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the options on changing to a rule set that has them', () => {
    const s = withOption(DEFAULT_SETTINGS, 'capScope', 'ward');
    expect(withRuleSet(s, 'hd27-2014')).toEqual(s);
  });

  it('knows when a result was computed with other settings', () => {
    const result = exampleResult();
    expect(settingsMatchResult(DEFAULT_SETTINGS, result)).toBe(true);
    expect(settingsMatchResult(withOption(DEFAULT_SETTINGS, 'denominator', 'present'), result)).toBe(false);
  });
});
