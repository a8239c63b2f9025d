/**
 * «Informe» in an Office dialog: opens `informe.html` with `Office.context.ui.displayDialogAsync`
 * and hands it the report's HTML (`app/informe-handoff.ts`: parts through `Dialog.messageChild`
 * where DialogApi 1.2 is supported, local storage where not). Every failure reaches the pane as
 * one Spanish line (`UserError`), by the codes of "Handle errors and events in the Office dialog
 * box" (learn.microsoft.com): 12004/12005 (address refused), 12007 (a dialog already open),
 * 12009 (the user declined it), 12011 (the browser blocked it); in the dialog 12002 (the page did
 * not load), 12006 (closed by the user: not an error).
 *
 * A second «Informe» while the first dialog is still open sends the new report to it (with
 * messages), instead of meeting 12007.
 */
import { UserError } from '../app/errors';
import {
  informePageUrl,
  informeParts,
  readPageMessage,
  stashInforme,
  type HandoffStorage,
} from '../app/informe-handoff';

// Office.EventType values, spelled out: the enum object exists only once office.js has loaded.
const MESSAGE_RECEIVED = 'dialogMessageReceived' as unknown as Office.EventType.DialogMessageReceived;
const EVENT_RECEIVED = 'dialogEventReceived' as unknown as Office.EventType.DialogEventReceived;

/** What of the `Office` global the dialog needs. */
export interface DialogOffice {
  readonly context: {
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly ui?: Pick<Office.UI, 'displayDialogAsync'>;
  };
}

export interface InformeDialogOptions {
  /** Default: the global `Office` at call time. */
  readonly office?: DialogOffice;
  /** The pane's address, beside which `informe.html` is (default `location.href`). */
  readonly base?: string;
  /** Default `window.localStorage` (where there is one). */
  readonly storage?: HandoffStorage;
  /** How long to wait for the page to answer, ms (default 30 s). */
  readonly timeoutMs?: number;
}

/** How the report reached the dialog. */
export type InformeDelivery = 'mensajes' | 'almacen';

type DialogArg = { message: string; origin: string | undefined } | { error: number };

const openErrors: Record<number, string> = {
  12004: 'Office no abrió la ventana del informe porque su dirección no es la del complemento. Reinstale el complemento con su manifiesto (el que indica su dirección https).',
  12005: 'Office no abrió la ventana del informe porque su dirección no es segura (https). Instale el complemento desde su dirección https.',
  12007: 'Ya hay una ventana del complemento abierta. Ciérrela y vuelva a pulsar «Informe».',
  12009: 'Se eligió no mostrar la ventana del informe. Vuelva a pulsar «Informe» y elija «Permitir».',
  12011: 'El navegador bloqueó la ventana del informe. Permita las ventanas emergentes para Excel en la web (o use otro navegador) y vuelva a pulsar «Informe».',
};
const pageNotLoaded = 'No se pudo cargar la página del informe (informe.html). Revise la conexión y vuelva a pulsar «Informe».';
const noAnswer = 'La ventana del informe no respondió. Ciérrela y vuelva a pulsar «Informe».';

interface OpenDialog {
  readonly dialog: Office.Dialog;
  /** Resolves the current delivery when the page answers. */
  waiting?: { id: string; resolve: () => void; reject: (e: Error) => void };
  ready: boolean;
  onReady?: () => void;
  closed: boolean;
}

/** The dialog this page opened and that is still open (a task pane has at most one: 12007). */
let current: OpenDialog | undefined;

function newId(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

function storageOf(options: InformeDialogOptions): HandoffStorage | undefined {
  if (options.storage) return options.storage;
  try {
    return (globalThis as { localStorage?: HandoffStorage }).localStorage;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new UserError(noAnswer));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function opened(ui: Pick<Office.UI, 'displayDialogAsync'>, url: string): Promise<Office.Dialog> {
  return new Promise((resolve, reject) => {
    try {
      // displayInIframe: in Excel on the web, a floating frame rather than a pop-up window (no
      // pop-up blocker); the desktop hosts ignore it.
      ui.displayDialogAsync(url, { height: 90, width: 70, displayInIframe: true, promptBeforeOpen: false }, (result: Office.AsyncResult<Office.Dialog>) => {
        if (String(result.status) === 'succeeded' && result.value) resolve(result.value);
        else reject(new UserError(openErrors[result.error?.code ?? 0] ?? 'Office no pudo abrir la ventana del informe. Vuelva a intentarlo.', result.error));
      });
    } catch (e) {
      reject(new UserError('Office no pudo abrir la ventana del informe. Vuelva a intentarlo.', e));
    }
  });
}

function track(dialog: Office.Dialog): OpenDialog {
  const state: OpenDialog = { dialog, ready: false, closed: false };
  dialog.addEventHandler(MESSAGE_RECEIVED, (arg: DialogArg) => {
    if (!('message' in arg)) return;
    const m = readPageMessage(arg.message);
    if (!m) return;
    if (m.t === 'listo') {
      state.ready = true;
      state.onReady?.();
    } else if (m.t === 'recibido' && state.waiting?.id === m.id) {
      state.waiting.resolve();
      state.waiting = undefined;
    } else if (m.t === 'cerrar') {
      end(state);
      try {
        dialog.close();
      } catch {
        // Already closed.
      }
    }
  });
  dialog.addEventHandler(EVENT_RECEIVED, (arg: DialogArg) => {
    const code = 'error' in arg ? arg.error : 0;
    // 12006: closed with its ✕ (not an error). 12002: the page could not be loaded.
    end(state, code === 12006 ? undefined : new UserError(code === 12002 ? pageNotLoaded : 'La ventana del informe se cerró por un error. Vuelva a pulsar «Informe».'));
  });
  return state;
}

/** The dialog is gone: a delivery still waiting ends (quietly when the user closed it). */
function end(state: OpenDialog, error?: Error): void {
  state.closed = true;
  if (current === state) current = undefined;
  const w = state.waiting;
  state.waiting = undefined;
  state.onReady?.();
  if (w && error) w.reject(error);
  else w?.resolve();
}

/** Sends the report's parts once the page is listening, and waits for its `recibido`. */
async function sendParts(state: OpenDialog, html: string, timeoutMs: number): Promise<void> {
  const id = newId();
  const received = new Promise<void>((resolve, reject) => (state.waiting = { id, resolve, reject }));
  const listening = state.ready ? Promise.resolve() : new Promise<void>((resolve) => (state.onReady = resolve));
  await withTimeout(
    listening.then(() => {
      if (state.closed) return;
      for (const part of informeParts(html, id)) state.dialog.messageChild(part);
      return received;
    }),
    timeoutMs,
    () => (state.waiting = undefined),
  );
}

/**
 * Opens the informe's dialog with `html` (or sends it to the dialog already open) and resolves
 * once the page holds it — or quietly if the user closed the dialog first. Rejects with a
 * `UserError` (Spanish) when the dialog cannot be opened or does not answer.
 */
export async function showInformeDialog(html: string, options: InformeDialogOptions = {}): Promise<InformeDelivery> {
  const office = options.office ?? (globalThis as { Office?: DialogOffice }).Office;
  const ui = office?.context.ui;
  if (!ui || typeof ui.displayDialogAsync !== 'function') throw new UserError('Esta versión de Office no puede abrir ventanas del complemento. Use «tablero informe» en la línea de comandos.');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const messages = office.context.requirements?.isSetSupported('DialogApi', '1.2') === true;
  const base = options.base ?? (globalThis as { location?: { href: string } }).location?.href ?? '';

  if (messages && current && !current.closed) {
    await sendParts(current, html, timeoutMs);
    return 'mensajes';
  }
  if (messages) {
    const state = track(await opened(ui, informePageUrl(base, newId(), false)));
    current = state;
    await sendParts(state, html, timeoutMs);
    return 'mensajes';
  }
  // Without DialogApi 1.2: the page takes the report from the storage both share (same origin).
  const id = newId();
  const storage = storageOf(options);
  if (!storage || !stashInforme(storage, id, html)) {
    throw new UserError('Esta versión de Office no deja pasar el informe a su ventana (no hay almacenamiento local disponible). Use «tablero informe» en la línea de comandos.');
  }
  const dialog = await opened(ui, informePageUrl(base, id, true));
  const state = track(dialog);
  current = state;
  const received = new Promise<void>((resolve, reject) => (state.waiting = { id, resolve, reject }));
  await withTimeout(received, timeoutMs, () => (state.waiting = undefined));
  return 'almacen';
}
