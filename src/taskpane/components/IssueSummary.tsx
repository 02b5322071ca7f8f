import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatSummary } from '../format';

export interface IssueSummaryProps {
  readonly errors: number;
  readonly warnings: number;
  /** The chi bộ named in the workbook, when the core could read it. */
  readonly chiBo?: string | null;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
});

/** One line of counts, so the clerk knows at a glance whether anything is left to fix. */
export function IssueSummary({ errors, warnings, chiBo }: IssueSummaryProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      {chiBo ? <Text size={200}>Chi bộ: {chiBo}</Text> : null}
      <Text weight="semibold">{formatSummary(errors, warnings)}</Text>
      {errors === 0 && warnings === 0 ? <Text size={200}>Không tìm thấy vấn đề nào.</Text> : null}
    </div>
  );
}
