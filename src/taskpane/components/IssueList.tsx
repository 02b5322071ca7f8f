import { useState } from 'react';
import {
  Badge,
  Button,
  Text,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Issue } from '../../core';
import { formatPlace } from '../format';
import { type Lang, localized, type Messages } from '../i18n';
import { Disclosure } from './Disclosure';
import { initiallyOpenSheets, issueKey, nextLimit, PAGE_SIZE, type SeverityGroup, type SheetGroup } from '../issues';

export interface IssueListProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly groups: readonly SheetGroup[];
  /** Every issue's count, to decide whether the sheets start open. */
  readonly total: number;
  /** Called for an issue that has a cell; without it no row is clickable. */
  readonly onSelect?: (issue: Issue) => void;
}

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  severity: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    boxSizing: 'border-box',
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  heading: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  place: { fontFamily: tokens.fontFamilyMonospace },
  more: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

function IssueContent({ t, lang, issue }: { readonly t: Messages; readonly lang: Lang; readonly issue: Issue }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.heading}>
        <Badge appearance="filled" color={issue.severity === 'error' ? 'danger' : 'warning'}>
          {issue.rule}
        </Badge>
        <Text size={200} className={styles.place}>
          {issue.cell ?? t.noCell}
        </Text>
      </div>
      <Text size={300}>{localized(issue, lang)}</Text>
    </>
  );
}

/** One row: a button that selects the issue's cell, or plain text when the issue has no cell. */
function IssueRow({ t, lang, issue, onSelect }: { readonly t: Messages; readonly lang: Lang; readonly issue: Issue; readonly onSelect?: (issue: Issue) => void }) {
  const styles = useStyles();
  if (issue.cell === null || !onSelect) {
    return (
      <div className={styles.row}>
        <IssueContent t={t} lang={lang} issue={issue} />
      </div>
    );
  }
  // A div with the button role rather than a <button>: Badge renders a <div>, which a <button> may not contain.
  return (
    <div
      role="button"
      tabIndex={0}
      className={mergeClasses(styles.row, styles.clickable)}
      title={t.goToCell(formatPlace(issue.sheet, issue.cell))}
      onClick={() => onSelect(issue)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(issue);
        }
      }}
    >
      <IssueContent t={t} lang={lang} issue={issue} />
    </div>
  );
}

/** The errors (or warnings) of one sheet: the first PAGE_SIZE rows, then "Xem thêm" for the rest. */
export function SeverityBlock({ t, lang, group, onSelect }: { readonly t: Messages; readonly lang: Lang; readonly group: SeverityGroup; readonly onSelect?: (issue: Issue) => void }) {
  const styles = useStyles();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const total = group.issues.length;
  const shown = Math.min(limit, total);
  return (
    <>
      <h4 className={styles.severity}>{t.severityGroup[group.severity](total)}</h4>
      <ul className={styles.list}>
        {group.issues.slice(0, shown).map((issue, index) => (
          <li key={issueKey(issue, index)}>
            <IssueRow t={t} lang={lang} issue={issue} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {shown < total ? (
        <Button className={styles.more} size="small" onClick={() => setLimit(nextLimit(shown, total))}>
          {t.showMore(shown, total)}
        </Button>
      ) : null}
    </>
  );
}

/**
 * The issues by sheet (one collapsible section each, all open for a short list), errors before
 * warnings. Collapsed sections render nothing, so a list of thousands stays quick.
 */
export function IssueList({ t, lang, groups, total, onSelect }: IssueListProps) {
  const styles = useStyles();
  if (groups.length === 0) return null;
  const open = new Set(initiallyOpenSheets(groups, total));
  return (
    <section aria-label={t.issuesLabel}>
      <h2 className={styles.title}>{t.issuesTitle}</h2>
      {groups.map((g) => (
        <Disclosure key={g.sheet} level={3} title={g.sheet} extra={t.sheetCounts(g.errors, g.warnings)} defaultOpen={open.has(g.sheet)}>
          {g.groups.map((s) => (
            <SeverityBlock key={s.severity} t={t} lang={lang} group={s} onSelect={onSelect} />
          ))}
        </Disclosure>
      ))}
    </section>
  );
}
