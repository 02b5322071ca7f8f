import { Field, ProgressBar } from '@fluentui/react-components';
import type { BusyStage, Messages } from '../i18n';

export interface ProgressProps {
  readonly t: Messages;
  readonly stage: BusyStage;
}

/** The check's three stages, in order; other work (clearing, template) has one step. */
const CHECK_STEPS: readonly BusyStage[] = ['reading', 'checking', 'writing'];

/** Step number and count for a stage, for the label and the bar's value. */
export function stepOf(stage: BusyStage): { step: number; of: number } | null {
  const index = CHECK_STEPS.indexOf(stage);
  if (index >= 0) return { step: index + 1, of: CHECK_STEPS.length };
  return stage === 'done' ? { step: CHECK_STEPS.length, of: CHECK_STEPS.length } : null;
}

/** A bar with what is happening now ("Đang đọc sổ tính…"), announced politely to screen readers. */
export function Progress({ t, stage }: ProgressProps) {
  const step = stepOf(stage);
  const label = step ? `${t.stageStep(step.step, step.of)}: ${t.stages[stage]}` : t.stages[stage];
  return (
    <Field label={t.progressLabel} validationMessage={label} validationState="none" aria-live="polite">
      {/* Indeterminate outside the check: clearing and the template have no stages to count. */}
      <ProgressBar thickness="large" value={step ? (step.step - 0.5) / step.of : undefined} />
    </Field>
  );
}
