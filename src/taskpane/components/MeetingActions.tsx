import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Messages } from '../i18n';

export interface MeetingActionsProps {
  readonly t: Messages;
  /** False while something runs, or outside Excel. */
  readonly enabled: boolean;
  readonly onBallots: (round: 1 | 2) => void;
  readonly onMinutes: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { width: '100%', color: tokens.colorNeutralForeground3 },
});

/**
 * The meeting day (III.1.4 of the plan): "In phiếu lần 1", "In phiếu lần 2" (form 07-KĐ.ĐV) and "Biên bản"
 * (kiểm phiếu), each adding or replacing its sheet in the open workbook; a group of its own, apart from
 * the checking actions.
 */
export function MeetingActions({ t, enabled, onBallots, onMinutes }: MeetingActionsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label={t.meetingLabel}>
      <Text size={200} className={styles.label}>
        {t.meetingLabel}
      </Text>
      {([1, 2] as const).map((round) => (
        <Button key={round} disabled={!enabled} onClick={() => onBallots(round)} title={t.ballotHint(round)}>
          {t.ballotButton(round)}
        </Button>
      ))}
      <Button disabled={!enabled} onClick={onMinutes} title={t.minutesHint}>
        {t.minutesButton}
      </Button>
    </div>
  );
}
