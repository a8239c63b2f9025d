/**
 * «Informe» from the pane: how the report's HTML (built by the same `informePage` as `tablero
 * informe`) travels from the task pane to its Office dialog page (`informe.html`), host-neutrally.
 * The office-js side (opening the dialog, its error codes) is `excel/informe-dialog.ts`; the page
 * is `taskpane/informe-page.ts`.
 *
 * Two ways, as "Use the Office dialog API" and "Alternative ways of passing messages to a dialog
 * box from its host page" (learn.microsoft.com) describe them:
 *
 * - **Messages** (DialogApi 1.2, `Dialog.messageChild`): the page registers its
 *   `DialogParentMessageReceived` handler and says `listo` through `messageParent`; only then does
 *   the pane send — a message sent before the handler exists is lost (office-js#2372). The HTML
 *   goes in numbered parts of at most `INFORME_PART_CHARS` characters each (the message size
 *   is not documented: see the double's catalog), and the page answers `recibido` once it has
 *   them all.
 * - **Local storage** (no DialogApi 1.2): the pane stores the HTML under a key named after the
 *   report's id before it opens the dialog, the page (same origin) takes it and removes it, then
 *   answers `recibido` (`messageParent` is DialogApi 1.1).
 *
 * Either way the pane knows the report arrived; the page's «Cerrar» sends `cerrar`.
 */

/** Longest message the pane sends to the dialog, in characters (JSON included). */
export const INFORME_PART_CHARS = 30_000;

/** Prefix of the local-storage keys of a report waiting for its dialog (fallback way). */
export const INFORME_STORAGE_PREFIX = 'tablero-pdm.informe.';

/** From the page to the pane. */
export type PageMessage = { readonly t: 'listo' } | { readonly t: 'recibido'; readonly id: string } | { readonly t: 'cerrar' };

/** One part of the report, from the pane to the page. */
export interface InformePart {
  readonly t: 'parte';
  readonly id: string;
  /** 0-based. */
  readonly i: number;
  readonly n: number;
  readonly s: string;
}

export function pageMessage(m: PageMessage): string {
  return JSON.stringify(m);
}

function parsed(message: unknown): Record<string, unknown> | undefined {
  if (typeof message !== 'string') return undefined;
  try {
    const v = JSON.parse(message) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A message from the page, or `undefined` when it is not one of ours. */
export function readPageMessage(message: unknown): PageMessage | undefined {
  const m = parsed(message);
  if (m?.t === 'listo' || m?.t === 'cerrar') return { t: m.t };
  if (m?.t === 'recibido' && typeof m.id === 'string') return { t: 'recibido', id: m.id };
  return undefined;
}

/**
 * The report as messages of at most `limit` characters each: `{t:'parte', id, i, n, s}` in
 * order. A part never splits a surrogate pair, and its JSON escaping is counted.
 */
export function informeParts(html: string, id: string, limit = INFORME_PART_CHARS): string[] {
  const overhead = JSON.stringify({ t: 'parte', id, i: 0, n: 0, s: '' }).length + 24;
  if (limit - overhead < 16) throw new RangeError('informeParts: límite demasiado pequeño');
  const pieces: string[] = [];
  let at = 0;
  while (at < html.length) {
    let size = Math.min(limit - overhead, html.length - at);
    for (;;) {
      let end = at + size;
      // Never cut between the two halves of a surrogate pair.
      if (end < html.length && /[\uD800-\uDBFF]/.test(html[end - 1])) end--;
      const s = html.slice(at, end);
      if (JSON.stringify(s).length <= limit - overhead) {
        pieces.push(s);
        at = end;
        break;
      }
      size = Math.max(1, Math.floor(size / 2));
    }
  }
  if (pieces.length === 0) pieces.push('');
  return pieces.map((s, i) => JSON.stringify({ t: 'parte', id, i, n: pieces.length, s } satisfies InformePart));
}

/** The page's side of the messages: collects the parts of one report (a new id starts over). */
export class InformeAssembler {
  private id: string | undefined;
  private parts: (string | undefined)[] = [];
  private have = 0;

  /**
   * Takes one message: the whole report once every part of it has arrived, `received`/`total`
   * while parts are missing, or `undefined` for a message that is not a part.
   */
  accept(message: unknown): { readonly id: string; readonly html: string } | { readonly received: number; readonly total: number } | undefined {
    const m = parsed(message);
    if (!m || m.t !== 'parte' || typeof m.id !== 'string' || typeof m.s !== 'string') return undefined;
    const { i, n } = m;
    if (!Number.isInteger(i) || !Number.isInteger(n) || (n as number) < 1 || (n as number) > 100_000 || (i as number) < 0 || (i as number) >= (n as number)) return undefined;
    if (m.id !== this.id || this.parts.length !== n) {
      this.id = m.id;
      this.parts = new Array<string | undefined>(n as number).fill(undefined);
      this.have = 0;
    }
    if (this.parts[i as number] === undefined) {
      this.parts[i as number] = m.s;
      this.have++;
    }
    if (this.have < this.parts.length) return { received: this.have, total: this.parts.length };
    const html = this.parts.join('');
    this.parts = [];
    this.have = 0;
    return { id: m.id, html };
  }
}

/** The part of `window.localStorage` the fallback uses. */
export interface HandoffStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The fallback way: stores the report for the page under `id`, after removing any report an
 * earlier dialog never took. `false` when the storage refuses it (full, or not allowed).
 */
export function stashInforme(storage: HandoffStorage, id: string, html: string): boolean {
  try {
    const stale: string[] = [];
    for (let k = 0; k < storage.length; k++) {
      const name = storage.key(k);
      if (name?.startsWith(INFORME_STORAGE_PREFIX)) stale.push(name);
    }
    stale.forEach((name) => storage.removeItem(name));
    storage.setItem(INFORME_STORAGE_PREFIX + id, html);
    return true;
  } catch {
    return false;
  }
}

/** The page's side of the fallback: the stored report of `id`, removed from the storage. */
export function takeStashedInforme(storage: HandoffStorage, id: string): string | undefined {
  try {
    const html = storage.getItem(INFORME_STORAGE_PREFIX + id);
    storage.removeItem(INFORME_STORAGE_PREFIX + id);
    return html ?? undefined;
  } catch {
    return undefined;
  }
}

/** `informe.html?id=…` beside `base` (the pane's own address); `almacen`: the fallback way. */
export function informePageUrl(base: string, id: string, almacen: boolean): string {
  const url = new URL('informe.html', base);
  url.searchParams.set('id', id);
  if (almacen) url.searchParams.set('via', 'almacen');
  return url.href;
}
