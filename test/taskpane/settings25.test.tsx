/**
 * The pane's settings with both rule sets (issue 14): hd43-2025 is offered beside hd27-2014, has no option
 * to choose (its settings are the đảng ủy's, on `Bộ tiêu chí`), and the panel says so in a sentence instead
 * of showing ballot options.
 */
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { findRuleSet } from '../../src/core/ruleSets';
import { SettingsPanel } from '../../src/taskpane/components/SettingsPanel';
import { en, vi } from '../../src/taskpane/i18n';
import {
  DEFAULT_SETTINGS,
  noOptionsNote,
  normaliseSettings,
  optionFields,
  ruleSetChoices,
  settingsMatchResult,
  toCheckOptions,
  toWorkbookSettings,
  withOption,
  withRuleSet,
} from '../../src/taskpane/settings';

const noop = () => undefined;
const html = (element: ReactElement): string => renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
const text = (markup: string): string => markup.replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const HD43 = withRuleSet(DEFAULT_SETTINGS, 'hd43-2025');

describe('settings with hd43-2025', () => {
  it('offers both rule sets, by their titles', () => {
    expect(ruleSetChoices().map((r) => r.id)).toEqual(['hd27-2014', 'hd43-2025']);
    expect(ruleSetChoices('en').find((r) => r.id === 'hd43-2025')?.title).toBe(findRuleSet('hd43-2025')?.titleEn);
  });

  it('has no option: nothing saved but the rule set, nothing passed to the check but the rule set', () => {
    expect(HD43).toEqual({ ruleSet: 'hd43-2025', options: {} });
    expect(optionFields(HD43, 'vi')).toEqual([]);
    expect(toWorkbookSettings(HD43)).toEqual({ ruleSet: 'hd43-2025' });
    expect(toCheckOptions(HD43)).toEqual({ ruleSet: 'hd43-2025', options: {} });
    // A 2014 option saved beside it is dropped, and ignored when set.
    expect(normaliseSettings({ ruleSet: 'hd43-2025', denominator: 'present' })).toEqual(HD43);
    expect(withOption(HD43, 'denominator', 'present')).toEqual(HD43);
  });

  it('going back to hd27-2014 brings its options back at their defaults', () => {
    expect(withRuleSet(HD43, 'hd27-2014')).toEqual(DEFAULT_SETTINGS);
  });

  it('a result checked under hd43-2025 matches hd43-2025\'s settings and not hd27-2014\'s', () => {
    const result = { ruleSet: 'hd43-2025', options: {} } as never;
    expect(settingsMatchResult(HD43, result)).toBe(true);
    expect(settingsMatchResult(DEFAULT_SETTINGS, result)).toBe(false);
  });

  it('says where its settings live (Bộ tiêu chí), in both languages; hd27-2014 needs no such sentence', () => {
    expect(noOptionsNote(HD43, 'vi')).toContain('sheet "Bộ tiêu chí"');
    expect(noOptionsNote(HD43, 'en')).toContain('"Bộ tiêu chí" sheet');
    expect(noOptionsNote(DEFAULT_SETTINGS, 'vi')).toBeNull();
  });
});

describe('SettingsPanel with hd43-2025', () => {
  it('shows the rule set chosen and the sentence, and no ballot option', () => {
    const markup = html(<SettingsPanel t={vi} lang="vi" settings={HD43} disabled={false} loading={false} onChange={noop} defaultOpen />);
    const shown = text(markup);
    expect(markup).toMatch(/<option[^>]*value="hd43-2025"[^>]*selected=""/);
    expect(shown).toContain(noOptionsNote(HD43, 'vi') as string);
    expect(markup).not.toContain('role="radiogroup"');
    for (const def of Object.values(findRuleSet('hd27-2014')?.options ?? {})) expect(shown).not.toContain((def as { label: string }).label);
  });

  it('in English too', () => {
    const shown = text(html(<SettingsPanel t={en} lang="en" settings={HD43} disabled={false} loading={false} onChange={noop} defaultOpen />));
    expect(shown).toContain(noOptionsNote(HD43, 'en') as string);
  });

  it('keeps hd27-2014\'s options and no such sentence', () => {
    const markup = html(<SettingsPanel t={vi} lang="vi" settings={DEFAULT_SETTINGS} disabled={false} loading={false} onChange={noop} defaultOpen />);
    expect(markup).toContain('role="radiogroup"');
    expect(text(markup)).not.toContain('Bộ tiêu chí');
  });
});
