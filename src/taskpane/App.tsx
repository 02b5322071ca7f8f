import { makeStyles, tokens } from '@fluentui/react-components';
import { Actions } from './components/Actions';
import { Header } from './components/Header';
import { NoticeBar } from './components/NoticeBar';
import { Progress } from './components/Progress';
import { Results } from './components/Results';
import { SettingsPanel } from './components/SettingsPanel';
import { messagesFor } from './i18n';
import { describeNotice } from './notices';
import { resultWords } from '../core/rules/words';
import { settingsMatchResult } from './settings';
import { usePane } from './usePane';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '640px',
  },
  settings: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

/**
 * The pane: header, "Kiểm tra" with the other actions grouped under "Việc khác", progress, notices, then
 * the results led by the problems, and the settings last. The Excel calls live in usePane.
 */
export function App() {
  const styles = useStyles();
  const pane = usePane();
  const t = messagesFor(pane.lang);
  const idle = pane.busy === null;
  const stale = pane.checked !== null && !settingsMatchResult(pane.settings, pane.checked.result);

  return (
    <main className={styles.root} lang={t.htmlLang}>
      <Header t={t} lang={pane.lang} onLangChange={pane.setLang} />

      {pane.excelAvailable ? null : <NoticeBar notice={{ intent: 'warning', title: t.notInExcelTitle, message: t.notInExcelMessage, detail: null }} />}

      <Actions
        t={t}
        enabled={pane.excelAvailable && idle && !pane.settingsLoading}
        onCheck={pane.check}
        onClear={pane.clearFlags}
        onTemplate={pane.addTemplate}
        onCombine={pane.combine}
        legacyCells={pane.checked?.result.issues.filter((i) => i.rule === 'DATA-06').length ?? 0}
        onConvert={pane.convertToUnicode}
        onBallots={pane.printBallots}
        onMinutes={pane.writeMinutes}
        papers={resultWords(pane.checked?.result.ruleSet ?? pane.settings.ruleSet).meetingPapers}
        onScoreSheets={pane.printScoreSheets}
      />

      {pane.busy !== null ? <Progress t={t} stage={pane.busy} /> : null}

      {pane.notice ? <NoticeBar notice={describeNotice(pane.notice, t)} dismissLabel={t.dismiss} onDismiss={pane.dismissNotice} /> : null}

      {pane.checked ? <Results key={pane.checked.run} t={t} lang={pane.lang} result={pane.checked.result} stale={stale} onSelect={pane.goTo} /> : null}

      <div className={styles.settings}>
        <SettingsPanel
          t={t}
          lang={pane.lang}
          settings={pane.settings}
          disabled={!pane.excelAvailable || !idle || pane.settingsLoading}
          loading={pane.settingsLoading}
          onChange={pane.changeSettings}
        />
      </div>
    </main>
  );
}
