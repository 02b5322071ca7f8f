import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { width: '100%', padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** One labelled group of secondary actions (a fieldset, so its buttons are announced with its name). */
export function ActionGroup({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group} aria-label={title}>
      <legend className={styles.legend}>{title}</legend>
      {children}
    </fieldset>
  );
}
