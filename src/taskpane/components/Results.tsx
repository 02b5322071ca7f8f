import { useCallback, useMemo } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, useId } from '@fluentui/react-components';
import { defaultSettings, settingValueWords } from '../../core/rules/words';
import type { CheckResult, Issue } from '../../core';
import type { Lang, Messages } from '../i18n';
import { groupIssues } from '../issues';
import { summarise } from '../summary';
import { Explanations } from './Explanations';
import { IssueList } from './IssueList';
import { MemberFigures, Summary } from './Summary';

export interface ResultsProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly result: CheckResult;
  /** The settings changed since this check. */
  readonly stale: boolean;
  readonly onSelect: (issue: Issue) => void;
}

/**
 * One check: the counts and the chi bộ's level, then the problems, then the members per level and the
 * arithmetic. The pane keys it by the run so every new check starts fresh.
 */
export function Results({ t, lang, result, stale, onSelect }: ResultsProps) {
  const summary = useMemo(() => summarise(result), [result]);
  const groups = useMemo(() => groupIssues(result.issues), [result]);
  const listId = useId('issues');
  const defaults = useMemo(() => defaultSettings(result.settings), [result]);
  // A count leads to its first card in the list (or to the list's heading while its sheets are closed).
  const show = useCallback(
    (severity: 'error' | 'warning') => {
      const list = typeof document === 'undefined' ? null : document.getElementById(listId);
      if (!list) return;
      const target = list.querySelector<HTMLElement>(`[data-severity="${severity}"]`) ?? list.querySelector<HTMLElement>('h2');
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    },
    [listId],
  );
  return (
    <>
      {stale ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.staleResult}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Summary t={t} lang={lang} summary={summary} onShow={show} />
      {defaults.length > 0 ? (
        // CFG25-01: the đảng ủy has not confirmed these on `Bộ tiêu chí`; nothing unconfirmed is shown as the law.
        <MessageBar intent="warning" layout="multiline" data-testid="default-settings">
          <MessageBarBody>
            <MessageBarTitle>{t.defaultSettingsTitle}</MessageBarTitle> {t.defaultSettingsIntro(defaults.length)}
            <ul>
              {defaults.map((s) => (
                <li key={s.key}>{t.defaultSetting(s.label, settingValueWords(s, lang), s.cell ? `${s.sheet ?? ''}!${s.cell}` : null)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <IssueList id={listId} t={t} lang={lang} groups={groups} total={result.issues.length} onSelect={onSelect} />
      <MemberFigures t={t} summary={summary} />
      <Explanations t={t} lang={lang} members={result.members} chiBo={result.chiBoResults} ruleSet={result.ruleSet} />
    </>
  );
}
