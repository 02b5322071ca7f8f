import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface ErrorBarProps {
  readonly title: string;
  readonly message: string;
  readonly intent?: 'error' | 'warning';
}

/** A problem with running the add-in itself, as opposed to a problem found in the workbook. */
export function ErrorBar({ title, message, intent = 'error' }: ErrorBarProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
