import { Field, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, Messages } from '../i18n';
import { Disclosure } from './Disclosure';
import { noOptionsNote, optionFields, type PaneSettings, ruleSetChoices, withOption, withRuleSet } from '../settings';

export interface SettingsPanelProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly settings: PaneSettings;
  /** While a check runs, while the saved settings load, or outside Excel. */
  readonly disabled: boolean;
  /** True until the settings saved in the workbook have been read. */
  readonly loading: boolean;
  readonly onChange: (next: PaneSettings) => void;
  /** Collapsed unless asked: the clerk rarely needs it. */
  readonly defaultOpen?: boolean;
}

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM, minWidth: 0 },
  // A long rule-set title must not push the dropdown past the pane's edge.
  select: { width: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
});

/**
 * The rule set and each of its options, generated from the rule set itself (label, values, one-line
 * description of each value), so a new option needs no change here. Each is said in words: the codes
 * (`hd27-2014`, `present` …) are what is saved in the workbook, not what the clerk reads.
 */
export function SettingsPanel({ t, lang, settings, disabled, loading, onChange, defaultOpen = false }: SettingsPanelProps) {
  const styles = useStyles();
  const fields = optionFields(settings, lang);
  const note = noOptionsNote(settings, lang);
  return (
    <Disclosure title={t.settingsTitle} defaultOpen={defaultOpen}>
          <div className={styles.panel}>
            <Text size={200}>{loading ? t.settingsLoading : t.settingsIntro}</Text>
            <Field label={t.ruleSetLabel}>
              <Select className={styles.select} value={settings.ruleSet} disabled={disabled} onChange={(_event, data) => onChange(withRuleSet(settings, data.value))}>
                {ruleSetChoices(lang).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </Select>
            </Field>
            {note ? <Text size={200}>{note}</Text> : null}
            {fields.map((field) => (
              <Field key={field.key} label={field.label}>
                <RadioGroup value={field.value} disabled={disabled} onChange={(_event, data) => onChange(withOption(settings, field.key, data.value))}>
                  {field.choices.map((choice) => (
                    <Radio
                      key={choice.value}
                      value={choice.value}
                      label={`${choice.description}${choice.isDefault ? ` (${t.defaultValue})` : ''}`}
                    />
                  ))}
                </RadioGroup>
              </Field>
            ))}
          </div>
    </Disclosure>
  );
}
