import { useMemo } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { CheckResult, Issue } from '../../core';
import type { Lang, Messages } from '../i18n';
import { groupIssues } from '../issues';
import { summarise } from '../summary';
import { Explanations } from './Explanations';
import { IssueList } from './IssueList';
import { Summary } from './Summary';

export interface ResultsProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly result: CheckResult;
  /** The settings changed since this check. */
  readonly stale: boolean;
  readonly onSelect: (issue: Issue) => void;
}

/** One check's summary, issues and explanations; the pane keys it by the run so every new check starts fresh. */
export function Results({ t, lang, result, stale, onSelect }: ResultsProps) {
  const summary = useMemo(() => summarise(result), [result]);
  const groups = useMemo(() => groupIssues(result.issues), [result]);
  return (
    <>
      {stale ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.staleResult}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Summary t={t} lang={lang} summary={summary} />
      <IssueList t={t} lang={lang} groups={groups} total={result.issues.length} onSelect={onSelect} />
      <Explanations t={t} lang={lang} members={result.members} chiBo={result.chiBoResults} />
    </>
  );
}
