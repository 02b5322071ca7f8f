import { useCallback, useMemo } from 'react';
import { MessageBar, MessageBarBody, useId } from '@fluentui/react-components';
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
      <IssueList id={listId} t={t} lang={lang} groups={groups} total={result.issues.length} onSelect={onSelect} />
      <MemberFigures t={t} summary={summary} />
      <Explanations t={t} lang={lang} members={result.members} chiBo={result.chiBoResults} />
    </>
  );
}
