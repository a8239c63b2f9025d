/**
 * React state around the controller's actions: one piece of long work at a time, its progress,
 * its cancellation, the last validation, the detection line and the status message. Components
 * read this state and call these callbacks; they never see Office or the host.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookSettings } from '../app/ports';
import type { Finding } from '../domain/finding';
import type { GeneralKind } from '../domain/fields';
import { toUserMessage, type PaneActions, type RunControl, type ValidationScope } from './controller';
import { type PaneSheetKind } from '../app/pane';
import { CancelledError } from '../app/ports';
import { type Detection, type ValidationOutcome } from '../app/pane';

export interface Busy {
  /** What is running, for the progress title ("Validando el libro"). */
  readonly title: string;
  /** Current step ("Leyendo hojas"). */
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly cancellable: boolean;
  readonly cancelling: boolean;
}

export type StatusIntent = 'success' | 'error' | 'info' | 'warning';

export interface Status {
  readonly intent: StatusIntent;
  readonly title?: string;
  readonly text: string;
}

export interface PaneState {
  readonly detection: Detection | null;
  readonly detecting: boolean;
  readonly busy: Busy | null;
  readonly outcome: ValidationOutcome | null;
  readonly outcomeScope: ValidationScope | null;
  readonly status: Status | null;
  readonly settings: WorkbookSettings | null;
  /** Bumped after each validation, so the results can take the focus. */
  readonly resultsVersion: number;
  /** What this Excel cannot do (notes, drop-down lists…), from the host, each once. */
  readonly notices: readonly string[];
}

/** One piece of long work with the pane's progress, Cancelar and Spanish errors (`usePane`'s runner). */
export type RunTask = <T>(title: string, cancellable: boolean, work: (control: RunControl) => Promise<T>, onDone: (value: T) => void) => Promise<void>;

export interface PaneCallbacks {
  refreshDetection(): void;
  validate(scope: ValidationScope): void;
  selectFinding(finding: Finding): void;
  clearMarks(): void;
  generate(kind: PaneSheetKind, unit?: string): void;
  insertTemplate(kind: GeneralKind): void;
  /** «Informe»: the quarterly report in its dialog (`publico`: the Ley 1474 version). */
  informe(publico: boolean): void;
  saveSettings(settings: WorkbookSettings): void;
  cancel(): void;
  dismissStatus(): void;
  dismissNotices(): void;
  ruleTitle(rule: string): string;
  /** Runs other long work (Consolidar) the same way: one at a time, progress, Cancelar. */
  task: RunTask;
  /** Shows a status message (what other work says when it ends). */
  setStatus(status: Status | null): void;
}

const generatedNames: Record<PaneSheetKind, string> = {
  tablero: 'el tablero de control',
  alertas: 'las alertas',
  observaciones: 'las observaciones',
};

export function usePane(actions: PaneActions): [PaneState, PaneCallbacks] {
  const [detection, setDetection] = useState<Detection | null>(null);
  const [detecting, setDetecting] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<ValidationOutcome | null>(null);
  const [outcomeScope, setOutcomeScope] = useState<ValidationScope | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [settings, setSettings] = useState<WorkbookSettings | null>(null);
  const [resultsVersion, setResultsVersion] = useState(0);
  const [notices, setNotices] = useState<readonly string[]>([]);

  const token = useRef<{ cancelled: boolean; cancel: () => void } | null>(null);
  /** The work still settling after a cancel: the next run waits for it (one Excel job at a time). */
  const pending = useRef<Promise<unknown>>(Promise.resolve());
  const busyRef = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Runs one piece of work with progress, cancel and Spanish errors. Ignored while busy. */
  const run = useCallback(
    async <T>(title: string, cancellable: boolean, work: (control: RunControl) => Promise<T>, onDone: (value: T) => void) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setStatus(null);
      setBusy({ title, label: 'Preparando', done: 0, total: 0, cancellable, cancelling: false });
      await pending.current.catch(() => undefined);

      let cancelRun: () => void = () => undefined;
      const cancelled = new Promise<never>((_, reject) => {
        cancelRun = () => reject(new CancelledError());
      });
      const control = {
        cancelled: false,
        cancel() {
          this.cancelled = true;
          cancelRun();
        },
      };
      token.current = control;
      const progress = {
        report(label: string, done: number, total: number) {
          if (!mounted.current || control.cancelled) return;
          setBusy((b) => (b ? { ...b, label, done, total } : b));
        },
      };
      const job = work({ progress, cancel: control });
      pending.current = job;
      try {
        // A host that does not look at the token often enough must not hold the pane:
        // Cancelar answers at once, and the job stops at its next check.
        const value = await Promise.race([job, cancelled]);
        if (mounted.current) onDone(value);
      } catch (e) {
        if (!mounted.current) return;
        if (e instanceof CancelledError || control.cancelled) {
          setStatus({ intent: 'info', text: 'Operación cancelada. Lo que alcanzó a hacerse queda en el libro; puede volver a empezar cuando quiera.' });
        } else {
          setStatus({ intent: 'error', title: 'No se pudo completar', text: toUserMessage(e) });
        }
      } finally {
        token.current = null;
        busyRef.current = false;
        if (mounted.current) setBusy(null);
      }
    },
    [],
  );

  const refreshDetection = useCallback(() => {
    setDetecting(true);
    actions
      .detect()
      .then((d) => mounted.current && setDetection(d))
      .catch((e: unknown) => mounted.current && setStatus({ intent: 'error', title: 'No se pudo leer el libro', text: toUserMessage(e) }))
      .finally(() => mounted.current && setDetecting(false));
  }, [actions]);

  useEffect(
    () => actions.onNotice((message) => mounted.current && setNotices((n) => (n.includes(message) ? n : [...n, message]))),
    [actions],
  );

  useEffect(() => {
    refreshDetection();
    actions
      .loadSettings()
      .then((s) => mounted.current && setSettings(s))
      .catch(() => mounted.current && setSettings({}));
  }, [actions, refreshDetection]);

  const validate = useCallback(
    (scope: ValidationScope) => {
      void run(
        scope === 'active' ? 'Validando la hoja activa' : 'Validando el libro',
        true,
        (c) => actions.validate(scope, c),
        (o) => {
          setOutcome(o);
          setOutcomeScope(scope);
          if (scope === 'workbook') setDetection(o.detection);
          setResultsVersion((v) => v + 1);
        },
      );
    },
    [actions, run],
  );

  const selectFinding = useCallback(
    (finding: Finding) => {
      actions.selectFinding(finding).catch((e: unknown) => {
        if (mounted.current) setStatus({ intent: 'error', title: 'No se pudo ir a la celda', text: toUserMessage(e) });
      });
    },
    [actions],
  );

  const clearMarks = useCallback(() => {
    void run('Quitando las marcas', false, () => actions.clearMarks(), () => {
      setStatus({ intent: 'success', text: 'Se quitaron las marcas: las celdas recuperaron su relleno y sus notas.' });
    });
  }, [actions, run]);

  const generate = useCallback(
    (kind: PaneSheetKind, unit?: string) => {
      const of = unit ? ` de ${unit}` : '';
      void run(`Generando ${generatedNames[kind]}${of}`, true, (c) => actions.generate(kind, c, unit), (sheet) => {
        setStatus({ intent: 'success', text: `Listo: se generó la hoja «${sheet}»${unit ? ` (solo ${unit})` : ''}.` });
      });
    },
    [actions, run],
  );

  const informe = useCallback(
    (publico: boolean) => {
      void run(publico ? 'Preparando la versión para publicar' : 'Preparando el informe', true, (c) => actions.informe(publico, c), (summary) => {
        setStatus({ intent: 'success', text: `Se abrió en una ventana el ${summary}. Use «Imprimir» en esa ventana (o «Guardar como PDF»).` });
      });
    },
    [actions, run],
  );

  const insertTemplate = useCallback(
    (kind: GeneralKind) => {
      void run('Insertando la plantilla', false, () => actions.insertTemplate(kind), (sheet) => {
        setStatus({ intent: 'success', text: `Se insertó la plantilla en la hoja «${sheet}».` });
      });
    },
    [actions, run],
  );

  const saveSettings = useCallback(
    (next: WorkbookSettings) => {
      void run('Guardando los ajustes', false, () => actions.saveSettings(next), () => {
        setSettings(next);
        setStatus({ intent: 'success', text: 'Ajustes guardados en el libro.' });
      });
    },
    [actions, run],
  );

  const cancel = useCallback(() => {
    const t = token.current;
    if (!t || t.cancelled) return;
    setBusy((b) => (b ? { ...b, cancelling: true, label: 'Cancelando' } : b));
    t.cancel();
  }, []);

  const dismissStatus = useCallback(() => setStatus(null), []);
  const dismissNotices = useCallback(() => setNotices([]), []);

  return [
    { detection, detecting, busy, outcome, outcomeScope, status, settings, resultsVersion, notices },
    {
      refreshDetection,
      validate,
      selectFinding,
      clearMarks,
      generate,
      insertTemplate,
      informe,
      saveSettings,
      cancel,
      dismissStatus,
      dismissNotices,
      ruleTitle: actions.ruleTitle,
      task: run,
      setStatus,
    },
  ];
}
