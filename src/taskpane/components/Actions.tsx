import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { type ChangeEvent, useRef } from 'react';
import type { Messages } from '../i18n';

export interface ActionsProps {
  readonly t: Messages;
  /** False while something runs, or outside Excel. */
  readonly enabled: boolean;
  readonly onCheck: () => void;
  readonly onClear: () => void;
  readonly onTemplate: () => void;
  /** The .xlsx files picked for "Tổng hợp các chi bộ" (never called with none). */
  readonly onCombine: (files: File[]) => void;
  /** Cells the last check found in a legacy encoding (DATA-06): the conversion button shows when some are. */
  readonly legacyCells?: number;
  readonly onConvert?: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
});

/**
 * "Kiểm tra" (primary), "Xoá đánh dấu", "Tạo mẫu", "Tổng hợp các chi bộ" (which opens the file picker);
 * each button's title says what it does.
 */
export function Actions({ t, enabled, onCheck, onClear, onTemplate, onCombine, legacyCells = 0, onConvert }: ActionsProps) {
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that picking the same files again is a new choice.
    event.target.value = '';
    if (files.length > 0) onCombine(files);
  };
  return (
    <div className={styles.root} role="group" aria-label={t.actionsLabel}>
      <Button appearance="primary" disabled={!enabled} onClick={onCheck} title={t.checkHint}>
        {t.checkButton}
      </Button>
      <Button disabled={!enabled} onClick={onClear} title={t.clearHint}>
        {t.clearButton}
      </Button>
      <Button disabled={!enabled} onClick={onTemplate} title={t.templateHint}>
        {t.templateButton}
      </Button>
      <Button disabled={!enabled} onClick={() => picker.current?.click()} title={t.combineHint}>
        {t.combineButton}
      </Button>
      {legacyCells > 0 && onConvert && (
        <Button disabled={!enabled} onClick={onConvert} title={t.convertHint}>
          {t.convertButton(legacyCells)}
        </Button>
      )}
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
