/**
 * The dialog page of the ribbon commands (`dialog.ts`): shows the Spanish message given in `?m=`
 * and closes through `Office.context.ui.messageParent`. No framework: it must open fast.
 */
import { CLOSE_MESSAGE } from './dialog';

const text = new URLSearchParams(window.location.search).get('m') ?? '';
const box = document.getElementById('mensaje');
if (box) box.textContent = text || 'No se pudo completar la operación.';

const button = document.getElementById('cerrar');
button?.addEventListener('click', () => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office?.context?.ui?.messageParent) office.context.ui.messageParent(CLOSE_MESSAGE);
  else window.close();
});
if (typeof Office !== 'undefined') void Office.onReady(() => button?.focus());
