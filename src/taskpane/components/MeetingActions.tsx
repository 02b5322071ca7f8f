import { Button } from '@fluentui/react-components';
import type { Messages } from '../i18n';
import { ActionGroup } from './ActionGroup';

export interface MeetingActionsProps {
  readonly t: Messages;
  /** False while something runs, or outside Excel. */
  readonly enabled: boolean;
  readonly onBallots: (round: 1 | 2) => void;
  readonly onMinutes: () => void;
}

/**
 * The meeting day (III.1.4 of the plan): "In phiếu lần 1", "In phiếu lần 2" (form 07-KĐ.ĐV) and "Biên bản"
 * (kiểm phiếu), each adding or replacing its sheet in the open workbook; a group of its own under
 * "Việc khác", apart from the check.
 */
export function MeetingActions({ t, enabled, onBallots, onMinutes }: MeetingActionsProps) {
  return (
    <ActionGroup title={t.meetingLabel}>
      {([1, 2] as const).map((round) => (
        <Button key={round} disabled={!enabled} onClick={() => onBallots(round)} title={t.ballotHint(round)}>
          {t.ballotButton(round)}
        </Button>
      ))}
      <Button disabled={!enabled} onClick={onMinutes} title={t.minutesHint}>
        {t.minutesButton}
      </Button>
    </ActionGroup>
  );
}
