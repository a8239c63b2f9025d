/**
 * «Plan aprobado»: Aprobar plan (date and act of the Consejo de Gobierno; a second approval asks
 * for confirmation) and Registrar modificación (a row of «Control de cambios»: date, goal, field,
 * before — filled from the approved plan —, after — filled from the sheet —, justification and
 * oficio). Validar then applies the rules against the approved plan. Loaded with its tab.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle20Regular, History20Regular } from '@fluentui/react-icons';
import type { ApprovalActions, ApprovalState, ChangeGoalChoice } from '../approval';
import { toUserMessage } from '../controller';
import { todayIso } from '../../domain/dates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // A goal's name is long: the list keeps the pane's width (320 px) and cuts the text.
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  muted: { color: tokens.colorNeutralForeground3 },
  button: { alignSelf: 'flex-start' },
  body: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

export interface ApprovalPanelProps {
  readonly actions: ApprovalActions;
  /** Another action of the pane is running: nothing here starts. */
  readonly busy: boolean;
}

interface Outcome {
  readonly intent: 'success' | 'error';
  readonly text: string;
}

interface ChangeDraft {
  date: string;
  goal: string;
  field: string;
  before: string;
  after: string;
  justification: string;
  act: string;
}

/** The draft for `goal`, on `field` (default: the first field whose value differs from the approved one). */
function draftFor(goal: ChangeGoalChoice | undefined, base: ChangeDraft, field?: string): ChangeDraft {
  if (!goal) return { ...base, goal: '', field: '', before: '', after: '' };
  const choice = goal.fields.find((f) => f.label === field) ?? goal.fields.find((f) => f.before !== f.current) ?? goal.fields[0];
  return { ...base, goal: goal.code, field: choice.label, before: choice.before, after: choice.current };
}

export function ApprovalPanel({ actions, busy }: ApprovalPanelProps) {
  const s = useStyles();
  const approveTitle = useId();
  const changeTitle = useId();
  const [state, setState] = useState<ApprovalState | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [approvedOn, setApprovedOn] = useState('');
  const [act, setAct] = useState('');
  const [approveErrors, setApproveErrors] = useState<{ date?: string; act?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const [change, setChange] = useState<ChangeDraft>({ date: todayIso(), goal: '', field: '', before: '', after: '', justification: '', act: '' });
  const [changeError, setChangeError] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    const next = await actions.state();
    setState(next);
    setChange((c) => draftFor(next.goals.find((g) => g.code === c.goal) ?? next.goals[0], c, c.field || undefined));
  }, [actions]);

  useEffect(() => {
    refresh().catch((e: unknown) => setOutcome({ intent: 'error', text: toUserMessage(e) }));
  }, [refresh]);

  const work = async (label: string, job: () => Promise<string>) => {
    setWorking(label);
    setOutcome(null);
    try {
      const text = await job();
      await refresh();
      setOutcome({ intent: 'success', text });
    } catch (e) {
      setOutcome({ intent: 'error', text: toUserMessage(e) });
    } finally {
      setWorking(null);
    }
  };

  const approve = (replace: boolean) =>
    work('Guardando el plan aprobado', async () => {
      const r = await actions.approve(approvedOn, act.trim(), replace);
      return (
        (r.replaced ? `Se reemplazó la aprobación anterior, ${r.replaced}. ` : '') +
        `Plan aprobado ${r.description}. Registre cada cambio con «Registrar modificación»; Validar revisa los cambios frente al plan aprobado.`
      );
    });

  const submitApproval = (e: FormEvent) => {
    e.preventDefault();
    const errors = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(approvedOn) ? {} : { date: 'Escriba la fecha en que el Consejo de Gobierno aprobó el plan.' }),
      ...(act.trim() ? {} : { act: 'Escriba el acta, por ejemplo «Acta 01 de 2025».' }),
    };
    setApproveErrors(errors);
    if (Object.keys(errors).length) return;
    if (state?.approved) setConfirming(true);
    else void approve(false);
  };

  const submitChange = (e: FormEvent) => {
    e.preventDefault();
    if (!change.justification.trim()) {
      setChangeError('Escriba la justificación: sin ella el cambio queda como no justificado.');
      return;
    }
    setChangeError(undefined);
    void work('Registrando la modificación', async () => {
      await actions.register(change);
      setChange((c) => ({ ...c, justification: '', act: '' }));
      return `Se registró la modificación de ${change.field} de la meta ${change.goal} en «Control de cambios». Vuelva a validar para ver lo que aún queda.`;
    });
  };

  const disabled = busy || working !== null;
  const goal = state?.goals.find((g) => g.code === change.goal);
  const set = (k: keyof ChangeDraft) => (_: unknown, d: { value: string }) => setChange((c) => ({ ...c, [k]: d.value }));

  if (!state) {
    return outcome ? <Message outcome={outcome} /> : <Spinner size="tiny" label="Leyendo el plan aprobado…" />;
  }

  return (
    <div className={s.root}>
      <form className={s.form} onSubmit={submitApproval} aria-labelledby={approveTitle} noValidate>
        <h2 id={approveTitle} className={s.title}>
          Aprobar plan
        </h2>
        <Text size={200} className={s.muted}>
          {state.approved
            ? `Este libro tiene el plan aprobado ${state.approved.description}.`
            : `Este libro no tiene un plan aprobado. Se guardará la programación de ${state.goalsToApprove} ${state.goalsToApprove === 1 ? 'meta' : 'metas'} con la fecha y el acta del Consejo de Gobierno.`}
        </Text>
        <Field label="Fecha de aprobación" required validationMessage={approveErrors.date} validationState={approveErrors.date ? 'error' : 'none'}>
          <Input type="date" value={approvedOn} onChange={(_, d) => setApprovedOn(d.value)} />
        </Field>
        <Field label="Acta del Consejo de Gobierno" required validationMessage={approveErrors.act} validationState={approveErrors.act ? 'error' : 'none'}>
          <Input value={act} onChange={(_, d) => setAct(d.value)} placeholder="Acta 01 de 2025" />
        </Field>
        <Button type="submit" appearance={state.approved ? 'secondary' : 'primary'} icon={<CheckmarkCircle20Regular />} className={s.button} disabled={disabled}>
          {state.approved ? 'Reemplazar la aprobación' : 'Aprobar plan'}
        </Button>
      </form>

      {state.approved && (
        <form className={s.form} onSubmit={submitChange} aria-labelledby={changeTitle} noValidate>
          <h2 id={changeTitle} className={s.title}>
            Registrar modificación
          </h2>
          <Text size={200} className={s.muted}>
            Una fila en «Control de cambios» ({state.changes} {state.changes === 1 ? 'registrada' : 'registradas'}). «Antes» viene del plan aprobado y «Después» de la hoja.
          </Text>
          <Field label="Fecha" required>
            <Input type="date" value={change.date} onChange={set('date')} />
          </Field>
          <Field label="Meta" required>
            <Select className={s.select} value={change.goal} onChange={(_, d) => setChange((c) => draftFor(state.goals.find((g) => g.code === d.value), c))}>
              {state.goals.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Campo" required>
            <Select className={s.select} value={change.field} onChange={(_, d) => setChange((c) => draftFor(goal, c, d.value))}>
              {(goal?.fields ?? []).map((f) => (
                <option key={f.field} value={f.label}>
                  {f.label}
                  {f.before !== f.current ? ' (cambió)' : ''}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Antes">
            <Input value={change.before} onChange={set('before')} />
          </Field>
          <Field label="Después">
            <Input value={change.after} onChange={set('after')} />
          </Field>
          <Field label="Justificación" required validationMessage={changeError} validationState={changeError ? 'error' : 'none'}>
            <Textarea value={change.justification} onChange={set('justification')} resize="vertical" />
          </Field>
          <Field label="Acta u oficio">
            <Input value={change.act} onChange={set('act')} placeholder="Oficio 2025-041" />
          </Field>
          <Button type="submit" appearance="primary" icon={<History20Regular />} className={s.button} disabled={disabled || !goal}>
            Registrar modificación
          </Button>
        </form>
      )}

      {working && <Spinner size="tiny" label={working} />}
      <div aria-live="polite">{outcome && <Message outcome={outcome} />}</div>

      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>¿Reemplazar el plan aprobado?</DialogTitle>
            <DialogContent>
              El libro ya tiene el plan aprobado {state.approved?.description}. Si lo reemplaza, los cambios se revisarán frente a la nueva aprobación; las
              filas de «Control de cambios» se conservan.
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  void approve(true);
                }}
              >
                Reemplazar
              </Button>
              <Button onClick={() => setConfirming(false)}>Cancelar</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

function Message({ outcome }: { readonly outcome: Outcome }) {
  const s = useStyles();
  return (
    <MessageBar intent={outcome.intent} layout="multiline">
      <MessageBarBody className={s.body}>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}
