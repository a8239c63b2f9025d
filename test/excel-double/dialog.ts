/**
 * Office dialogs in the double: `Office.context.ui.displayDialogAsync`, the `Dialog` it gives
 * (`addEventHandler`, `messageChild`, `close`) and the dialog page's own `Office`
 * (`context.ui.messageParent`, `context.ui.addHandlerAsync`), as documented — CATALOG.md #16–#21:
 *
 * - the address must be the add-in's own origin (12004) and https (12005; the double lets
 *   http://localhost and http://127.0.0.1 through, for the browser test's local server);
 * - one dialog at a time per host page (12007); the user may decline it (12009, Excel on the
 *   web's prompt) and the browser may block its window (12011) — `faults.refuse`, or a
 *   `window.open` that returns null;
 * - `messageChild` exists only with DialogApi 1.2 (`isSetSupported('DialogApi', '1.2')`); a message
 *   sent before the page registered its `DialogParentMessageReceived` handler is lost
 *   (office-js#2372), and so is one longer than `limits.messageChars` (the size is not
 *   documented: the double takes a strict reading, test/manual/README.md section 9, step 6);
 * - messages and events arrive asynchronously; closing the page with its ✕ raises
 *   `DialogEventReceived` with 12006 in the host page; `Dialog.close()` raises nothing.
 *
 * In a browser the dialog is a real window (`window.open`), whose page gets its `Office` from
 * `childOffice(window)` (test/browser/double-entry.ts); in Node it is a stand-in window, and
 * `onOpen` lets a test run the page's code against `childOffice`.
 */

export interface DialogWindow {
  readonly closed: boolean;
  close(): void;
}

type Handler = (arg: Record<string, unknown>) => void;

interface AsyncResult {
  status: 'succeeded' | 'failed';
  value: unknown;
  error?: { code: number; name: string; message: string };
}

interface OpenDialogRecord {
  readonly url: string;
  readonly window: DialogWindow;
  readonly handlers: { message: Handler[]; event: Handler[] };
  childHandler?: Handler;
  closed: boolean;
  timer?: ReturnType<typeof setInterval>;
}

export interface DialogDoubleOptions {
  /** DialogApi requirement set of this host: '1.1' (no `messageChild`) or '1.2' (default). */
  readonly dialogApi?: '1.1' | '1.2';
  /** The add-in's origin (default: the page's `location.origin`, else https://localhost:3000). */
  readonly hostOrigin?: string;
}

const errorTexts: Record<number, string> = {
  12004: 'El dominio de la dirección URL no es de confianza.',
  12005: 'La dirección URL usa el protocolo HTTP. Se necesita HTTPS.',
  12007: 'Ya hay un cuadro de diálogo abierto desde esta ventana.',
  12009: 'El usuario eligió omitir el cuadro de diálogo.',
  12011: 'La configuración del explorador bloquea las ventanas emergentes.',
};

export class DialogDouble {
  readonly dialogApiMinor: number;
  readonly hostOrigin: string;
  /** Longest `messageChild` message delivered (CATALOG.md #19). */
  readonly limits = { messageChars: 32_000 };
  /** `refuse`: the next openings fail with that code (12009: the user declined; 12011: the browser blocked it). */
  readonly faults: { refuse?: 12009 | 12011 } = {};
  /** What happened, for tests: addresses opened, messages delivered to the page and lost (with why). */
  readonly log = { opened: [] as string[], delivered: 0, lost: [] as { reason: 'sin-manejador' | 'demasiado-largo' | 'cerrado'; length: number }[] };
  /** Node: called with each dialog opened (its address and stand-in window), once its page would have loaded, to run the page. */
  onOpen?: (url: string, window: DialogWindow) => void;
  private current?: OpenDialogRecord;

  constructor(opts: DialogDoubleOptions = {}) {
    this.dialogApiMinor = opts.dialogApi === '1.1' ? 1 : 2;
    const location = (globalThis as { location?: { origin?: string } }).location;
    this.hostOrigin = opts.hostOrigin ?? (location?.origin && location.origin !== 'null' ? location.origin : 'https://localhost:3000');
  }

  supports(version?: string): boolean {
    return version === undefined || Number(version.split('.')[1] ?? 0) <= this.dialogApiMinor;
  }

  /** The dialog open now, if any (its address and window). */
  get open(): { readonly url: string; readonly window: DialogWindow } | undefined {
    return this.current && !this.current.closed ? { url: this.current.url, window: this.current.window } : undefined;
  }

  /** `Office.context.ui` of the host page. */
  readonly ui = {
    displayDialogAsync: (url: string, optionsOrCallback?: unknown, maybeCallback?: (r: AsyncResult) => void): void => {
      const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as ((r: AsyncResult) => void) | undefined;
      const answer = (r: AsyncResult) => setTimeout(() => callback?.(r), 0);
      const fail = (code: number) => answer({ status: 'failed', value: undefined, error: { code, name: 'Error', message: errorTexts[code] ?? '' } });
      let address: URL;
      try {
        address = new URL(url);
      } catch {
        fail(12004);
        return;
      }
      if (address.protocol === 'http:' && !['localhost', '127.0.0.1'].includes(address.hostname)) return void fail(12005);
      if (address.origin !== this.hostOrigin) return void fail(12004);
      if (this.current && !this.current.closed) return void fail(12007);
      if (this.faults.refuse) return void fail(this.faults.refuse);
      const win = this.openWindow(url);
      if (!win) return void fail(12011);
      const record: OpenDialogRecord = { url, window: win, handlers: { message: [], event: [] }, closed: false };
      this.current = record;
      this.log.opened.push(url);
      // Closed with its ✕: the host page hears 12006.
      record.timer = setInterval(() => {
        if (!win.closed || record.closed) return;
        this.finish(record);
        for (const h of record.handlers.event) h({ error: 12006, type: 'dialogEventReceived' });
      }, 50);
      answer({ status: 'succeeded', value: this.dialogObject(record) });
      // The page loads after the host page has its Dialog (what it sends meanwhile is lost).
      setTimeout(() => this.onOpen?.(url, win), 20);
    },
  };

  /** The `Office` global of the page shown in `window` (a dialog this double opened). */
  childOffice(window: DialogWindow): unknown {
    const record = () => (this.current && !this.current.closed && this.current.window === window ? this.current : undefined);
    const ui: Record<string, unknown> = {
      messageParent: (message: unknown) => {
        if (typeof message !== 'string' && typeof message !== 'boolean') throw new TypeError('messageParent: se espera un texto o un booleano');
        const r = record();
        if (!r) return;
        setTimeout(() => {
          if (r.closed) return;
          for (const h of r.handlers.message) h({ message, origin: this.hostOrigin, type: 'dialogMessageReceived' });
        }, 0);
      },
    };
    if (this.dialogApiMinor >= 2) {
      ui.addHandlerAsync = (eventType: string, handler: Handler, callback?: (r: AsyncResult) => void) => {
        const r = record();
        const ok = r !== undefined && eventType === 'dialogParentMessageReceived' && typeof handler === 'function';
        if (ok) r.childHandler = handler;
        setTimeout(() => callback?.(ok ? { status: 'succeeded', value: undefined } : { status: 'failed', value: undefined, error: { code: 5001, name: 'Error', message: '' } }), 0);
      };
    }
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    return {
      context: { ui, requirements: { isSetSupported: (name: string, version?: string) => name === 'DialogApi' && this.supports(version) } },
      onReady: (cb?: (i: typeof info) => void) => {
        cb?.(info);
        return Promise.resolve(info);
      },
    };
  }

  private dialogObject(record: OpenDialogRecord): Record<string, unknown> {
    const dialog: Record<string, unknown> = {
      addEventHandler: (eventType: string, handler: Handler) => {
        if (eventType === 'dialogMessageReceived') record.handlers.message.push(handler);
        else if (eventType === 'dialogEventReceived') record.handlers.event.push(handler);
        else throw new TypeError(`addEventHandler: evento no admitido ${eventType}`);
      },
      close: () => {
        if (record.closed) return;
        this.finish(record);
        record.window.close();
      },
    };
    if (this.dialogApiMinor >= 2) {
      dialog.messageChild = (message: unknown) => {
        if (typeof message !== 'string') throw new TypeError('messageChild: se espera un texto');
        const lose = (reason: 'sin-manejador' | 'demasiado-largo' | 'cerrado') => void this.log.lost.push({ reason, length: message.length });
        if (record.closed) return lose('cerrado');
        if (message.length > this.limits.messageChars) return lose('demasiado-largo');
        const handler = record.childHandler;
        if (!handler) return lose('sin-manejador');
        setTimeout(() => {
          if (record.closed) return lose('cerrado');
          this.log.delivered++;
          handler({ message, origin: this.hostOrigin, type: 'dialogParentMessageReceived' });
        }, 0);
      };
    }
    return dialog;
  }

  private finish(record: OpenDialogRecord): void {
    record.closed = true;
    if (record.timer) clearInterval(record.timer);
  }

  private openWindow(url: string): DialogWindow | null {
    const w = (globalThis as { window?: { open?: (url: string, target: string, features: string) => DialogWindow | null } }).window;
    if (w?.open) return w.open(url, '_blank', 'popup,width=900,height=800');
    let closed = false;
    return {
      get closed() {
        return closed;
      },
      close() {
        closed = true;
      },
    };
  }
}
