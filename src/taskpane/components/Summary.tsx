import { Fragment } from 'react';
import { Badge, Text, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatNumber } from '../format';
import type { Lang, Messages } from '../i18n';
import { MEMBER_LEVELS, OTHER_STATUSES, type Summary as SummaryData } from '../summary';
import { resultWords } from '../../core/rules/words';

export interface SummaryProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly summary: SummaryData;
  /** A count was pressed: show the list from its first issue of that severity. */
  readonly onShow?: (severity: 'error' | 'warning') => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, marginInlineEnd: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  grid: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { margin: 0 },
    '& dd': { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  },
  chiBo: { margin: 0 },
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '28px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    border: 'none',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'underline',
    textUnderlineOffset: '2px',
    ...createFocusOutlineStyle(),
  },
  errors: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand, ':hover': { backgroundColor: tokens.colorPaletteRedForeground1 } },
  warnings: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1, ':hover': { backgroundColor: tokens.colorPaletteYellowBorderActive } },
});

/**
 * The check at a glance, above the list: the counts (each a link to its first issue in the list) and
 * the chi bộ with its level and score. The members per level come after the list (MemberFigures).
 */
export function Summary({ t, lang, summary, onShow }: SummaryProps) {
  const styles = useStyles();
  const { chiBo } = summary;
  const count = (severity: 'error' | 'warning', n: number) =>
    n > 0 ? (
      <button type="button" className={mergeClasses(styles.count, severity === 'error' ? styles.errors : styles.warnings)} title={t.showInList} onClick={() => onShow?.(severity)}>
        {severity === 'error' ? t.errors(n) : t.warnings(n)}
      </button>
    ) : null;
  const name = summary.chiBoName || chiBo?.name || t.chiBoUnnamed;
  return (
    <section className={styles.root} aria-label={t.summaryTitle}>
      <div className={styles.head} role="status">
        <h2 className={styles.title}>{t.summaryTitle}</h2>
        {count('error', summary.errors)}
        {count('warning', summary.warnings)}
        {summary.errors === 0 && summary.warnings === 0 ? (
          <Badge appearance="filled" color="success" size="large">
            {t.allClear}
          </Badge>
        ) : null}
      </div>
      <Text as="p" className={styles.chiBo}>
        {t.chiBoLabel} <strong>{name}</strong>
        {chiBo ? (
          <>
            {': '}
            {chiBo.proposed ? `${resultWords(summary.ruleSet).levelHeading[lang]}: ` : null}
            {chiBo.level ? t.chiBoLevels[chiBo.level] : t.chiBoNoLevel}
            {chiBo.score !== null ? ` · ${t.score(formatNumber(chiBo.score, lang))}` : ` · ${t.noScore}`}
            {chiBo.provisional ? (
              <>
                {' '}
                <Badge appearance="outline" color="warning">
                  {t.provisional}
                </Badge>
              </>
            ) : null}
          </>
        ) : null}
      </Text>
    </section>
  );
}

/** The members per level, the other statuses, N and the cap (after the list of problems). */
export function MemberFigures({ t, summary }: { readonly t: Messages; readonly summary: SummaryData }) {
  const styles = useStyles();
  const { figures } = summary;
  // Under hd43-2025 N is those proposed a level and the pool is HTTNV or better before the cap.
  const labels = summary.proposed ? t.figures25 : { n: t.figuresN, pool: t.figuresPool, cap: t.figuresCap };
  return (
    <section className={styles.root} aria-label={t.memberFiguresTitle}>
      <h2 className={styles.subtitle}>{t.membersTitle(summary.members)}</h2>
      {summary.members === 0 ? (
        <Text>{t.noMembers}</Text>
      ) : (
        <dl className={styles.grid}>
          {MEMBER_LEVELS.map((level) => (
            <Fragment key={level}>
              <dt>{t.memberLevels[level]}</dt>
              <dd>{summary.levels[level]}</dd>
            </Fragment>
          ))}
          {OTHER_STATUSES.map((status) => (
            <Fragment key={status}>
              <dt>{t.statuses[status]}</dt>
              <dd>{summary.statuses[status]}</dd>
            </Fragment>
          ))}
          {figures ? (
            <>
              <dt>{labels.n}</dt>
              <dd>{summary.proposed ? figures.n : `N = ${figures.n}`}</dd>
              <dt>{labels.pool}</dt>
              <dd>{figures.pool}</dd>
              <dt>{labels.cap}</dt>
              <dd>{figures.cap}</dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}
