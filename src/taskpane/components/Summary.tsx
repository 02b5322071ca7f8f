import { Fragment } from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../format';
import type { Lang, Messages } from '../i18n';
import { MEMBER_LEVELS, OTHER_STATUSES, type Summary as SummaryData } from '../summary';

export interface SummaryProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly summary: SummaryData;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
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
  pairs: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { margin: 0 },
    '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
  code: { color: tokens.colorNeutralForeground3 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** Counts at a glance: the chi bộ's level and score, members per level, N and the cap, errors and warnings. */
export function Summary({ t, lang, summary }: SummaryProps) {
  const styles = useStyles();
  const { chiBo, figures } = summary;
  return (
    <section className={styles.root} aria-label={t.summaryTitle}>
      <h2 className={styles.title}>{t.summaryTitle}</h2>

      <div className={styles.line} role="status">
        {summary.errors > 0 ? (
          <Badge appearance="filled" color="danger" size="large">
            {t.errors(summary.errors)}
          </Badge>
        ) : null}
        {summary.warnings > 0 ? (
          <Badge appearance="filled" color="warning" size="large">
            {t.warnings(summary.warnings)}
          </Badge>
        ) : null}
        {summary.errors === 0 && summary.warnings === 0 ? (
          <Badge appearance="filled" color="success" size="large">
            {t.allClear}
          </Badge>
        ) : null}
      </div>

      <dl className={styles.pairs}>
        <dt>{t.chiBoLabel}</dt>
        <dd>{summary.chiBoName || chiBo?.name || t.chiBoUnnamed}</dd>
        {chiBo ? (
          <>
            <dt>{t.chiBoLevelLabel}</dt>
            <dd>
              {chiBo.level ? `${t.chiBoLevels[chiBo.level]} (${chiBo.level})` : t.chiBoNoLevel}
              {' · '}
              {chiBo.score !== null ? t.score(formatNumber(chiBo.score, lang)) : t.noScore}
              {chiBo.provisional ? (
                <>
                  {' '}
                  <Badge appearance="outline" color="warning">
                    {t.provisional}
                  </Badge>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>

      <h3 className={styles.subtitle}>{t.membersTitle(summary.members)}</h3>
      {summary.members === 0 ? (
        <Text>{t.noMembers}</Text>
      ) : (
        <dl className={styles.grid}>
          {MEMBER_LEVELS.map((level) => (
            <Fragment key={level}>
              <dt>
                {t.memberLevels[level]} <span className={styles.code}>({level})</span>
              </dt>
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
              <dt>{t.figuresN}</dt>
              <dd>N = {figures.n}</dd>
              <dt>{t.figuresPool}</dt>
              <dd>{figures.pool}</dd>
              <dt>{t.figuresCap}</dt>
              <dd>{figures.cap}</dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}
