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
  /** Notes on what this Excel cannot do, shown apart from the last action's outcome. */
  readonly notices?: readonly string[];
  readonly onDismissNotices?: () => void;
}

export function StatusBar({ status, onDismiss, notices = [], onDismissNotices }: StatusBarProps) {
  const s = useStyles();
  return (
    <>
    {notices.length > 0 && (
      <div className={s.root} aria-live="polite">
        <MessageBar intent="warning" layout="multiline" className={s.bar}>
          <MessageBarBody className={s.body}>
            <MessageBarTitle>En esta versión de Excel</MessageBarTitle>
            {notices.join(' ')}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" size="small" aria-label="Cerrar el aviso" icon={<Dismiss20Regular />} onClick={onDismissNotices} />}
          />
        </MessageBar>
      </div>
    )}
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
    </>
  );
}
