/** The progress of long work, with Cancelar. Announced politely to screen readers. */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Busy } from '../usePane';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  field: { flexGrow: 1, minWidth: 0 },
});

export interface ProgressAreaProps {
  readonly busy: Busy | null;
  readonly onCancel: () => void;
}

function stepText(busy: Busy): string {
  if (busy.cancelling) return 'Cancelando…';
  if (busy.total > 1 && busy.done > 0) return `${busy.label}: ${busy.done.toLocaleString('es-CO')} de ${busy.total.toLocaleString('es-CO')}`;
  return `${busy.label}…`;
}

export function ProgressArea({ busy, onCancel }: ProgressAreaProps) {
  const s = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="false">
      {busy && (
        <div className={s.root}>
          <Field className={s.field} label={busy.title} hint={stepText(busy)} validationState="none">
            <ProgressBar
              aria-label={busy.title}
              thickness="medium"
              value={busy.total > 1 ? Math.min(busy.done / busy.total, 1) : undefined}
            />
          </Field>
          {busy.cancellable && (
            <Button size="small" onClick={onCancel} disabled={busy.cancelling}>
              Cancelar
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
