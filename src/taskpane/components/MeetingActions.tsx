import { Button } from '@fluentui/react-components';
import type { Messages } from '../i18n';
import { ActionGroup } from './ActionGroup';

export interface MeetingActionsProps {
  readonly t: Messages;
  /** False while something runs, or outside Excel. */
  readonly enabled: boolean;
  readonly onBallots: (round: 1 | 2) => void;
  readonly onMinutes: () => void;
  /**
   * The papers of the workbook's rule set (core/rules/words.ts RESULT_WORDS): the two-round ballots and
   * minutes of 2014, or hd43-2025's one scoring sheet per member.
   */
  readonly papers?: 'ballots' | 'scoreSheets';
  readonly onScoreSheets?: () => void;
}

/**
 * The meeting day (III.1.4 of the plan): "In phiếu lần 1", "In phiếu lần 2" (form 07-KĐ.ĐV) and "Biên bản"
 * (kiểm phiếu), each adding or replacing its sheet in the open workbook; a group of its own under
 * "Việc khác", apart from the check.
 */
export function MeetingActions({ t, enabled, onBallots, onMinutes, papers = 'ballots', onScoreSheets }: MeetingActionsProps) {
  if (papers === 'scoreSheets' && onScoreSheets) {
    return (
      <ActionGroup title={t.meetingLabel}>
        <Button disabled={!enabled} onClick={onScoreSheets} title={t.scoreSheetsHint}>
          {t.scoreSheetsButton}
        </Button>
      </ActionGroup>
    );
  }
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
