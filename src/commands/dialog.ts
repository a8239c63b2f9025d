/**
 * The one place the add-in opens an Office dialog: a promise over `displayDialogAsync` with
 * message passing. The ribbon commands (no pane, no shared runtime) have nowhere else to tell the
 * user what went wrong.
 *
 * `@microsoft/office-js-helpers` offers the same (`new Dialog(url).result`); it was judged for this
 * one use and declined (README, «Notas de diseño»): unmaintained (1.0.2), it depends on rxjs 5,
 * lodash-es, core-js 2 and `@types/office-js` 0.0.x (whose globals clash with today's: `skipLibCheck`),
 * all for ~40 lines. If it is ever adopted, only this module changes.
 *
 *   await showMessageDialog(Office.context.ui, new URL('aviso.html', location.href).href, 'La hoja … está protegida …');
 *
 * The page (`aviso.html`, `aviso.ts`) shows `?m=` and answers `cerrar` through `messageParent`.
 * Resolves when the dialog closes (button, or the user's ✕); never rejects: when Office cannot open
 * it (another dialog is open, DialogApi missing) there is nothing better to do than to finish.
 */

/** The part of `Office.context.ui` the wrapper uses (real Office or a test's). */
export type DialogUi = Pick<Office.UI, 'displayDialogAsync'>;

// Office.EventType values, spelled out: the enum object exists only once office.js has loaded.
const MESSAGE_RECEIVED = 'dialogMessageReceived' as unknown as Office.EventType.DialogMessageReceived;
const EVENT_RECEIVED = 'dialogEventReceived' as unknown as Office.EventType.DialogEventReceived;

/** The message the dialog page sends when its button is pressed. */
export const CLOSE_MESSAGE = 'cerrar';

/** `aviso.html?m=<message>` next to `base` (the commands page's own address). */
export function messagePageUrl(base: string, message: string): string {
  const url = new URL('aviso.html', base);
  url.searchParams.set('m', message);
  return url.href;
}

export function showMessageDialog(ui: DialogUi | undefined, pageUrl: string, message: string): Promise<void> {
  if (!ui || typeof ui.displayDialogAsync !== 'function') return Promise.resolve();
  return new Promise<void>((resolve) => {
    try {
      ui.displayDialogAsync(messagePageUrl(pageUrl, message), { height: 30, width: 30, displayInIframe: true, promptBeforeOpen: false }, (result: Office.AsyncResult<Office.Dialog>) => {
        const dialog = result.value;
        if (String(result.status) !== 'succeeded' || !dialog) {
          resolve();
          return;
        }
        const done = () => {
          try {
            dialog.close();
          } catch {
            // Already closed by the user.
          }
          resolve();
        };
        // DialogMessageReceived: the page's button; DialogEventReceived: closed with ✕ or failed.
        dialog.addEventHandler(MESSAGE_RECEIVED, (arg) => {
          if ('message' in arg && arg.message === CLOSE_MESSAGE) done();
        });
        dialog.addEventHandler(EVENT_RECEIVED, () => resolve());
      });
    } catch {
      resolve();
    }
  });
}
