import { useMemo, useState } from 'react';
import {
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
import { withoutPlace } from '../../core/rules/words';
import { type Cause, groupCauses, initiallyOpenSheets, issueKey, nextLimit, PAGE_SIZE, type SeverityGroup, type SheetGroup } from '../issues';

export interface IssueListProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly groups: readonly SheetGroup[];
  /** Every issue's count, to decide whether the sheets start open. */
  readonly total: number;
  /** Called for an issue that has a cell; without it no row is clickable. */
  readonly onSelect?: (issue: Issue) => void;
  /** The section's id, for the counts that lead to it. */
  readonly id?: string;
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
    borderInlineStartWidth: '4px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...createFocusOutlineStyle(),
  },
  error: { borderInlineStartColor: tokens.colorPaletteRedBorder2 },
  warning: { borderInlineStartColor: tokens.colorPaletteYellowBorder2 },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  message: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  place: { fontFamily: tokens.fontFamilyMonospace },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: 'none',
    background: 'none',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    cursor: 'pointer',
    ...createFocusOutlineStyle(),
  },
  tag: {
    marginInlineStart: 'auto',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
  },
  more: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

/** The words of a cause: its first issue's message, without the sheet and cell the card already shows. */
export function causeText(cause: Cause, lang: Lang): string {
  const first = cause.issues[0];
  return withoutPlace(first, lang, localized(first, lang));
}

/**
 * One card per cause: the problem in words first, then, small, the cells and the rule ID. A card with
 * one cell is a button that selects it; a card with several has one small button per cell.
 */
function CauseCard({ t, lang, cause, onSelect }: { readonly t: Messages; readonly lang: Lang; readonly cause: Cause; readonly onSelect?: (issue: Issue) => void }) {
  const styles = useStyles();
  const first = cause.issues[0];
  const withCells = cause.issues.filter((i) => i.cell !== null);
  const text = causeText(cause, lang);
  const tag = (
    <span className={styles.tag} title={t.ruleTag(cause.rule)}>
      {cause.rule}
    </span>
  );
  const severityClass = cause.severity === 'error' ? styles.error : styles.warning;
  if (cause.issues.length === 1) {
    const place = first.cell ?? t.noCell;
    const content = (
      <>
        <Text size={300} className={styles.message}>
          {text}
        </Text>
        <span className={styles.meta}>
          <span className={styles.place}>{first.cell ? t.cellsOf([first.cell]) : place}</span>
          {tag}
        </span>
      </>
    );
    if (first.cell === null || !onSelect) {
      return (
        <div className={mergeClasses(styles.row, severityClass)} tabIndex={-1} data-severity={cause.severity}>
          {content}
        </div>
      );
    }
    // A div with the button role rather than a <button>: the card holds block content.
    return (
      <div
        role="button"
        tabIndex={0}
        data-severity={cause.severity}
        className={mergeClasses(styles.row, severityClass, styles.clickable)}
        title={t.goToCell(formatPlace(first.sheet, first.cell))}
        onClick={() => onSelect(first)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onSelect(first);
          }
        }}
      >
        {content}
      </div>
    );
  }
  return (
    <div className={mergeClasses(styles.row, severityClass)} tabIndex={-1} data-severity={cause.severity}>
      <Text size={300} className={styles.message}>
        {text}
      </Text>
      <span className={styles.meta}>
        <span>{t.cellsOf([]).trim()}</span>
        {withCells.map((issue, i) =>
          onSelect ? (
            <button key={i} type="button" className={styles.cell} title={t.goToCell(formatPlace(issue.sheet, issue.cell))} onClick={() => onSelect(issue)}>
              {issue.cell}
            </button>
          ) : (
            <span key={i} className={styles.place}>
              {issue.cell}
            </span>
          ),
        )}
        {tag}
      </span>
    </div>
  );
}

/** The errors (or warnings) of one sheet, one card per cause: the first PAGE_SIZE, then "Xem thêm". */
export function SeverityBlock({ t, lang, group, onSelect }: { readonly t: Messages; readonly lang: Lang; readonly group: SeverityGroup; readonly onSelect?: (issue: Issue) => void }) {
  const styles = useStyles();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const causes = useMemo(() => groupCauses(group.issues), [group.issues]);
  const total = causes.length;
  const shown = Math.min(limit, total);
  return (
    <>
      <h4 className={styles.severity}>{t.severityGroup[group.severity](group.issues.length)}</h4>
      <ul className={styles.list}>
        {causes.slice(0, shown).map((cause, index) => (
          <li key={issueKey(cause.issues[0], index)}>
            <CauseCard t={t} lang={lang} cause={cause} onSelect={onSelect} />
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
export function IssueList({ t, lang, groups, total, onSelect, id }: IssueListProps) {
  const styles = useStyles();
  if (groups.length === 0) return null;
  const open = new Set(initiallyOpenSheets(groups, total));
  return (
    <section aria-label={t.issuesLabel} id={id}>
      <h2 className={styles.title} tabIndex={-1}>
        {t.issuesTitle}
      </h2>
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
