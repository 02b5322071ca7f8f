import { type ReactNode, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';

export interface DisclosureProps {
  /** The heading's text (and the button's accessible name). */
  readonly title: ReactNode;
  /** Shown after the title, in a lighter colour (counts). */
  readonly extra?: ReactNode;
  /** The heading level; the button sits inside it, as the WAI-ARIA disclosure pattern has it. */
  readonly level?: 2 | 3;
  readonly defaultOpen?: boolean;
  readonly children: ReactNode;
}

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  button: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', paddingInlineStart: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  h2: { fontSize: tokens.fontSizeBase400 },
  extra: { marginInlineStart: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  chevron: { flexShrink: 0, transitionProperty: 'transform', transitionDuration: tokens.durationFast, '@media (prefers-reduced-motion: reduce)': { transitionDuration: '0s' } },
  open: { transform: 'rotate(90deg)' },
  panel: { paddingInlineStart: tokens.spacingHorizontalXL, paddingBlock: tokens.spacingVerticalXS, minWidth: 0 },
});

/**
 * A heading that opens and closes the section under it (a button with aria-expanded). A closed section
 * renders nothing, which keeps long issue lists cheap. Lighter than Fluent's Accordion, which brings in
 * Tabster's focus management and motion for the same result here.
 */
export function Disclosure({ title, extra, level = 2, defaultOpen = false, children }: DisclosureProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const panelId = useId('section');
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div>
      <Heading className={styles.heading}>
        <Button
          appearance="subtle"
          className={mergeClasses(styles.button, level === 2 && styles.h2)}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          icon={
            <svg className={mergeClasses(styles.chevron, open && styles.open)} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
              <path d="M4.5 2 8.5 6l-4 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          }
        >
          <span>
            {title}
            {extra ? <span className={styles.extra}>{extra}</span> : null}
          </span>
        </Button>
      </Heading>
      <div id={panelId} className={styles.panel} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  );
}
