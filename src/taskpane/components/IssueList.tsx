import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Issue } from '../../core';
import { formatPlace } from '../format';

export interface IssueListProps {
  readonly issues: readonly Issue[];
  /** Called for an issue that has a cell; without it the rows are not clickable. */
  readonly onSelect?: (issue: Issue) => void;
}

const useStyles = makeStyles({
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
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  heading: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  place: { fontFamily: tokens.fontFamilyMonospace },
});

function IssueContent({ issue }: { readonly issue: Issue }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.heading}>
        <Badge appearance="filled" color={issue.severity === 'error' ? 'danger' : 'warning'}>
          {issue.rule}
        </Badge>
        <Text size={200} className={styles.place}>
          {formatPlace(issue.sheet, issue.cell)}
        </Text>
      </div>
      <Text size={300}>{issue.message}</Text>
    </>
  );
}

/** The issues in the order the core reported them; a row with a cell is a button that goes to it. */
export function IssueList({ issues, onSelect }: IssueListProps) {
  const styles = useStyles();
  if (issues.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Danh sách lỗi và cảnh báo">
      {issues.map((issue, index) => {
        const cell = issue.cell;
        // Index in the key: the core may report two rules on the same cell, or one rule twice.
        const key = `${index}:${issue.rule}:${issue.sheet}!${cell ?? ''}`;
        const severity = issue.severity === 'error' ? 'Lỗi' : 'Cảnh báo';
        return (
          <li key={key}>
            {cell !== null && onSelect ? (
              // A div with the button role rather than a <button>: Badge renders a <div>, which a
              // <button> may not contain.
              <div
                role="button"
                tabIndex={0}
                className={mergeClasses(styles.row, styles.clickable)}
                title={`${severity} — chọn ô ${formatPlace(issue.sheet, cell)}`}
                onClick={() => onSelect(issue)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onSelect(issue);
                  }
                }}
              >
                <IssueContent issue={issue} />
              </div>
            ) : (
              <div className={styles.row} title={severity}>
                <IssueContent issue={issue} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
