/** The outcome of the last action, in plain Spanish: success, cancel, or an error (never a stack). */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { Status } from '../usePane';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  bar: { alignItems: 'flex-start' },
  body: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

export interface StatusBarProps {
  readonly status: Status | null;
  readonly onDismiss: () => void;
}

export function StatusBar({ status, onDismiss }: StatusBarProps) {
  const s = useStyles();
  return (
    <div aria-live={status?.intent === 'error' ? 'assertive' : 'polite'} className={status ? s.root : undefined}>
      {status && (
        <MessageBar intent={status.intent} layout="multiline" className={s.bar}>
          <MessageBarBody className={s.body}>
            {status.title && <MessageBarTitle>{status.title}</MessageBarTitle>}
            {status.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" size="small" aria-label="Cerrar el mensaje" icon={<Dismiss20Regular />} onClick={onDismiss} />}
          />
        </MessageBar>
      )}
    </div>
  );
}
