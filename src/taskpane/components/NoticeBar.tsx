import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { NoticeText } from '../notices';

export interface NoticeBarProps {
  readonly notice: NoticeText;
  /** Shown as a "×"-less text button, so it needs no icon package. */
  readonly dismissLabel?: string;
  readonly onDismiss?: () => void;
}

/** A problem with running the add-in, or the outcome of an action — not a problem in the workbook. */
export function NoticeBar({ notice, dismissLabel, onDismiss }: NoticeBarProps) {
  return (
    <MessageBar intent={notice.intent} layout="multiline" politeness={notice.intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.message}
        {notice.items && notice.items.length > 0 ? (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', rowGap: '4px' }}>
            {notice.items.map((item, i) => (
              <li key={i}>
                {item.text}
                {item.tag ? (
                  <>
                    {' '}
                    <Text size={100} style={{ opacity: 0.75 }}>
                      ({item.tag})
                    </Text>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {notice.detail ? (
          <>
            {' '}
            <Text size={200}>({notice.detail})</Text>
          </>
        ) : null}
      </MessageBarBody>
      {onDismiss && dismissLabel ? (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {dismissLabel}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
