import { useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ChiBoResult, MemberResult } from '../../core';
import { resultWords } from '../../core/rules/words';
import { formatNumber } from '../format';
import { type Lang, localizedExplanation, type Messages } from '../i18n';
import { nextLimit, PAGE_SIZE } from '../issues';
import { Disclosure } from './Disclosure';

export interface ExplanationsProps {
  readonly t: Messages;
  readonly lang: Lang;
  readonly members: readonly MemberResult[];
  readonly chiBo: readonly ChiBoResult[];
  /** The results' rule set: its words ("Đề xuất xếp loại" under hd43-2025). */
  readonly ruleSet?: string;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

/**
 * Why a member is not classified or undetermined, in words; for `input-error` (RULES.md 9.21) with the
 * cells the result waits for, so the clerk knows what to fix.
 */
export function reasonWords(t: Messages, member: MemberResult, ruleSet?: string): string {
  if (!member.reason) return '';
  // A rule set's own wording where it has one (the cap's tie is of scores under hd43-2025).
  const own = ruleSet === undefined ? undefined : resultWords(ruleSet).reasons[member.reason];
  const words = own ? own[t.htmlLang === 'en' ? 'en' : 'vi'] : t.reasons[member.reason];
  const cells = member.reason === 'input-error' ? (member.unreadable ?? []).map((c) => `${c.sheet}!${c.cell}`) : [];
  return cells.length > 0 ? `${words}: ${cells.join(', ')}` : words;
}

/** "92 điểm (28 + 64)": a score and its two groups (hd43-2025); empty without a score. */
export function scoreText(t: Messages, lang: Lang, result: Pick<MemberResult, 'score' | 'scoreParts'>): string {
  if (result.score === null || result.score === undefined) return '';
  const parts = result.scoreParts;
  const both = parts && parts.common !== null && parts.tasks !== null ? ` (${formatNumber(parts.common, lang)} + ${formatNumber(parts.tasks, lang)})` : '';
  return `${t.score(formatNumber(result.score, lang))}${both}`;
}

/** The engine's arithmetic for each member and for the chi bộ, collapsed until the clerk asks for it. */
export function Explanations({ t, lang, members, chiBo, ruleSet = '' }: ExplanationsProps) {
  const proposal = resultWords(ruleSet).levelHeading[lang];
  const styles = useStyles();
  const [limit, setLimit] = useState(PAGE_SIZE);
  if (members.length === 0 && chiBo.length === 0) return null;
  const shown = Math.min(limit, members.length);
  return (
    <>
      {chiBo.length > 0 ? (
        <Disclosure title={t.chiBoExplanationTitle}>
            {chiBo.map((c, i) => (
              <Text as="p" key={i} block>
                {localizedExplanation(c, lang)}
              </Text>
            ))}
        </Disclosure>
      ) : null}
      {members.length > 0 ? (
        <Disclosure title={t.membersListTitle(members.length)}>
            <ol className={styles.list}>
              {members.slice(0, shown).map((m) => (
                <li key={`${m.row}:${m.name}`}>
                  <Text className={styles.name}>{m.name}</Text> <Text className={styles.muted}>({t.memberRow(m.row)})</Text>
                  {' — '}
                  <Text>{m.level ? `${m.proposed ? `${proposal}: ` : ''}${t.memberLevels[m.level]} (${m.level})` : t.statuses[m.status]}</Text>
                  {scoreText(t, lang, m) ? <Text>{` · ${scoreText(t, lang, m)}`}</Text> : null}
                  {m.reason ? <Text className={styles.muted}>{` — ${reasonWords(t, m, ruleSet)}`}</Text> : null}
                  <Text as="p" block size={200}>
                    {localizedExplanation(m, lang)}
                  </Text>
                </li>
              ))}
            </ol>
            {shown < members.length ? (
              <Button className={styles.more} size="small" onClick={() => setLimit(nextLimit(shown, members.length))}>
                {t.showMore(shown, members.length)}
              </Button>
            ) : null}
        </Disclosure>
      ) : null}
    </>
  );
}
