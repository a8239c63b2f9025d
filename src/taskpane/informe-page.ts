/**
 * The page of the «Informe» dialog (`informe.html`, opened by `excel/informe-dialog.ts`): receives
 * the report's HTML from the pane (`app/informe-handoff.ts`: parts through
 * `DialogParentMessageReceived`, or the local-storage fallback named by `?via=almacen`), shows it
 * in a frame (`srcdoc`, sandboxed: no script runs in the report, and its own Content-Security-Policy
 * forbids every request) and prints it with «Imprimir». No framework and no engine: it must open
 * fast, and the report arrives already built.
 */
import { InformeAssembler, pageMessage, takeStashedInforme, type HandoffStorage, type PageMessage } from '../app/informe-handoff';

/** What of the dialog's `Office` global the page uses. */
export interface PageOffice {
  onReady(): Promise<unknown>;
  readonly context?: { readonly ui?: Partial<Pick<Office.UI, 'messageParent' | 'addHandlerAsync'>> };
}

// Office.EventType value, spelled out: the enum object exists only once office.js has loaded.
const PARENT_MESSAGE = 'dialogParentMessageReceived' as unknown as Office.EventType.DialogParentMessageReceived;

/** What the page shows. */
export interface PageView {
  status(text: string, error?: boolean): void;
  show(html: string): void;
}

export const outsideOffice = 'Esta ventana muestra el informe que prepara el panel de Seguimiento PDM: ábrala con «Informe» en el panel de Excel.';
const lost = 'No llegó el informe a esta ventana. Ciérrela y vuelva a pulsar «Informe» en el panel.';
export const readyText = 'Listo. «Imprimir» abre la impresión: elija «Guardar como PDF» para el documento que se presenta (A4).';

/**
 * Starts the page: waits for Office, then takes the report the way the address says. Resolves
 * when the page is listening (messages) or has shown the report (storage).
 */
export async function startInformePage(office: PageOffice | undefined, search: string, storage: HandoffStorage | undefined, view: PageView): Promise<void> {
  const params = new URLSearchParams(search);
  const id = params.get('id') ?? '';
  if (office) await office.onReady();
  const ui = office?.context?.ui;
  if (!ui?.messageParent) {
    view.status(outsideOffice, true);
    return;
  }
  const send = (m: PageMessage) => ui.messageParent?.(pageMessage(m));
  if (params.get('via') === 'almacen') {
    const html = storage && id ? takeStashedInforme(storage, id) : undefined;
    if (html === undefined) {
      view.status(lost, true);
      return;
    }
    view.show(html);
    view.status(readyText);
    send({ t: 'recibido', id });
    return;
  }
  if (!ui.addHandlerAsync) {
    view.status(lost, true);
    return;
  }
  const assembler = new InformeAssembler();
  await new Promise<void>((resolve) => {
    ui.addHandlerAsync?.(
      PARENT_MESSAGE,
      (arg) => {
        const r = assembler.accept(arg.message);
        if (!r) return;
        if ('html' in r) {
          view.show(r.html);
          view.status(readyText);
          send({ t: 'recibido', id: r.id });
        } else view.status(`Recibiendo el informe… (${Math.round((100 * r.received) / r.total)} %)`);
      },
      (result) => {
        // Only now can a message from the pane arrive (one sent earlier is lost): say so.
        if (String(result.status) === 'succeeded') send({ t: 'listo' });
        else view.status(lost, true);
        resolve();
      },
    );
  });
}

/** The page in the browser: the DOM of informe.html. */
function main(): void {
  const status = document.getElementById('estado');
  const frame = document.getElementById('informe') as HTMLIFrameElement | null;
  const print = document.getElementById('imprimir') as HTMLButtonElement | null;
  const close = document.getElementById('cerrar');
  const office = (globalThis as unknown as { Office?: PageOffice }).Office;
  const view: PageView = {
    status(text, error = false) {
      if (!status) return;
      status.textContent = text;
      status.className = error ? 'error' : '';
    },
    show(html) {
      if (!frame) return;
      frame.onload = () => {
        if (print) {
          print.disabled = false;
          print.focus();
        }
      };
      frame.srcdoc = html;
      frame.hidden = false;
    },
  };
  print?.addEventListener('click', () => frame?.contentWindow?.print());
  close?.addEventListener('click', () => {
    const ui = office?.context?.ui;
    if (ui?.messageParent) ui.messageParent(pageMessage({ t: 'cerrar' }));
    else window.close();
  });
  let storage: HandoffStorage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  startInformePage(office, window.location.search, storage, view).catch(() => view.status(lost, true));
}

if (typeof document !== 'undefined' && document.getElementById('informe')) main();
