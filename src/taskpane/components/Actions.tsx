import { Button, makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import { type ChangeEvent, useRef, useState } from 'react';
import type { Messages } from '../i18n';
import { ActionGroup } from './ActionGroup';
import { MeetingActions } from './MeetingActions';

export interface ActionsProps {
  readonly t: Messages;
  /** False while something runs, or outside Excel. */
  readonly enabled: boolean;
  readonly onCheck: () => void;
  readonly onClear: () => void;
  readonly onTemplate: () => void;
  /** The .xlsx files picked for "Tổng hợp các chi bộ" (never called with none). */
  readonly onCombine: (files: File[]) => void;
  /** Cells the last check found in a legacy encoding (DATA-06): conversion is offered when some are. */
  readonly legacyCells?: number;
  readonly onConvert?: () => void;
  readonly onBallots?: (round: 1 | 2) => void;
  readonly onMinutes?: () => void;
  /** The meeting papers of the workbook's rule set, and hd43-2025's "Phiếu chấm điểm". */
  readonly papers?: 'ballots' | 'scoreSheets';
  readonly onScoreSheets?: () => void;
  /** "Việc khác" starts open (the screenshots and tests); the pane starts it closed. */
  readonly defaultOpen?: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  check: { minWidth: '112px' },
  chevron: { transitionProperty: 'transform', transitionDuration: tokens.durationFast, '@media (prefers-reduced-motion: reduce)': { transitionDuration: '0s' } },
  open: { transform: 'rotate(90deg)' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  note: { width: '100%', color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
});

/**
 * One primary action, "Kiểm tra", and "Việc khác", which opens the others in groups: the meeting day
 * (ballots, minutes), the input sheets, combining at the ward, text in a legacy encoding, the flags.
 * When the last check found legacy text, "Chuyển sang Unicode" also stands next to "Kiểm tra": the
 * DATA-06 cards tell the clerk to press it.
 */
export function Actions({ t, enabled, onCheck, onClear, onTemplate, onCombine, legacyCells = 0, onConvert, onBallots, onMinutes, papers, onScoreSheets, defaultOpen = false }: ActionsProps) {
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId('more');
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that picking the same files again is a new choice.
    event.target.value = '';
    if (files.length > 0) onCombine(files);
  };
  const convert = legacyCells > 0 && onConvert;
  return (
    <div className={styles.root}>
      <div className={styles.bar} role="group" aria-label={t.actionsLabel}>
        <Button appearance="primary" className={styles.check} disabled={!enabled} onClick={onCheck} title={t.checkHint}>
          {t.checkButton}
        </Button>
        {convert ? (
          <Button disabled={!enabled} onClick={onConvert} title={t.convertHint}>
            {t.convertButton(legacyCells)}
          </Button>
        ) : null}
        <Button
          appearance="subtle"
          aria-expanded={open}
          aria-controls={panelId}
          title={t.moreHint}
          onClick={() => setOpen((o) => !o)}
          icon={
            <svg className={mergeClasses(styles.chevron, open && styles.open)} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <path d="M4.5 2 8.5 6l-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          }
        >
          {t.moreButton}
        </Button>
      </div>
      {/* The class's display would override `hidden`: closed, the panel is not displayed at all. */}
      <div id={panelId} className={mergeClasses(styles.panel, !open && styles.hidden)} hidden={!open}>
        {open ? (
          <>
            {onBallots && onMinutes ? <MeetingActions t={t} enabled={enabled} onBallots={onBallots} onMinutes={onMinutes} papers={papers} onScoreSheets={onScoreSheets} /> : null}
            <ActionGroup title={t.groupTitles.template}>
              <Button disabled={!enabled} onClick={onTemplate} title={t.templateHint}>
                {t.templateButton}
              </Button>
            </ActionGroup>
            <ActionGroup title={t.groupTitles.combine}>
              <Button disabled={!enabled} onClick={() => picker.current?.click()} title={t.combineHint}>
                {t.combineButton}
              </Button>
            </ActionGroup>
            {onConvert ? (
              <ActionGroup title={t.groupTitles.convert}>
                <Button disabled={!enabled || legacyCells === 0} onClick={onConvert} title={t.convertHint}>
                  {legacyCells > 0 ? t.convertButton(legacyCells) : t.convertButtonIdle}
                </Button>
                {legacyCells === 0 ? (
                  <Text size={200} className={styles.note}>
                    {t.convertIdle}
                  </Text>
                ) : null}
              </ActionGroup>
            ) : null}
            <ActionGroup title={t.groupTitles.flags}>
              <Button disabled={!enabled} onClick={onClear} title={t.clearHint}>
                {t.clearButton}
              </Button>
            </ActionGroup>
          </>
        ) : null}
      </div>
      <input
        ref={picker}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        aria-hidden="true"
        tabIndex={-1}
        disabled={!enabled}
        onChange={picked}
      />
    </div>
  );
}
