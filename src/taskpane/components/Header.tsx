import { Select, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { isLang, type Lang, LANGS, type Messages } from '../i18n';

export interface HeaderProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly onLangChange: (lang: Lang) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
  language: { minWidth: '112px' },
});

/** The pane's name, one line on what it does, and the language switch. */
export function Header({ t, lang, onLangChange }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.top}>
        <Title3 as="h1">{t.appTitle}</Title3>
        <Select
          className={styles.language}
          size="small"
          aria-label={t.languageLabel}
          value={lang}
          onChange={(_event, data) => {
            if (isLang(data.value)) onLangChange(data.value);
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {t.languageNames[l]}
            </option>
          ))}
        </Select>
      </div>
      <Text size={200}>{t.appSubtitle}</Text>
    </header>
  );
}
