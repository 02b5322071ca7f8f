import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Messages } from '../i18n';

export interface ActionsProps {
  readonly t: Messages;
  /** False while something runs, or outside Excel. */
  readonly enabled: boolean;
  readonly onCheck: () => void;
  readonly onClear: () => void;
  readonly onTemplate: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** "Kiểm tra" (primary), "Xoá đánh dấu", "Tạo mẫu"; each button's title says what it does. */
export function Actions({ t, enabled, onCheck, onClear, onTemplate }: ActionsProps) {
  const styles = useStyles();
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
    </div>
  );
}
