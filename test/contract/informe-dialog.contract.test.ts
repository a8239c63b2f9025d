/**
 * «Informe» from the pane (issue 13, item 4): the report's HTML handed to its Office dialog.
 *
 * - The parts (`app/informe-handoff.ts`): none longer than the limit, JSON escaping counted, no
 *   surrogate pair split, put back together in any order; a foreign message is ignored and a new
 *   report starts over.
 * - Over the Excel double's dialogs (test/excel-double/dialog.ts, CATALOG.md #16–#21), the pane's
 *   action (`createPaneActions` → `informe`) on a real workbook (Cali's Cuadro 1S: two parts) hands
 *   the page (`startInformePage`) the same page `tablero informe` writes for that file and cut-off;
 *   with DialogApi 1.1 through local storage (taken and removed by the page).
 * - The page registers its handler before the pane sends (a message sent earlier is lost in the
 *   double, as in Office); a message over the limit is lost too, and the pane never sends one.
 * - Failures in plain Spanish: 12007 (another dialog), 12009 (declined), 12011 (blocked), 12004 /
 *   12005 (address), a page that never answers; closing the dialog with its ✕ is not an error; a
 *   second «Informe» while the dialog is open goes to the same dialog.
 */
import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { InformeAssembler, informeParts, INFORME_PART_CHARS, INFORME_STORAGE_PREFIX, type HandoffStorage } from '../../src/app/informe-handoff';
import { createPaneUseCases } from '../../src/app/pane';
import { showInformeDialog, type DialogOffice } from '../../src/excel/informe-dialog';
import { createPaneActions, type RunControl } from '../../src/taskpane/controller';
import { readyText, startInformePage, type PageOffice, type PageView } from '../../src/taskpane/informe-page';
import { ExcelDouble } from '../excel-double/index';
import { hostOn } from '../excel-double/harness';
import { doubleFromWorkbook, workbookOf } from './hosts';
import { repoRoot, tablero, tempDir } from '../cli/io';

const CALI = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
const haveCali = existsSync(CALI);
const run: RunControl = { progress: { report: () => undefined }, cancel: { cancelled: false } };
const BASE = 'https://localhost:3000/taskpane.html';

/** A local storage stand-in (what `window.localStorage` offers the fallback). */
class MemoryStorage implements HandoffStorage {
  readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** The dialog page's view, remembered. */
function pageView() {
  const seen = { html: [] as string[], status: [] as { text: string; error: boolean }[] };
  const view: PageView = { show: (html) => void seen.html.push(html), status: (text, error = false) => void seen.status.push({ text, error }) };
  return { seen, view };
}

/** Runs the real page code in every dialog the double opens (what Office loads in its window). */
function servePage(xl: ExcelDouble, storage?: HandoffStorage) {
  const page = pageView();
  xl.dialogs.onOpen = (url, win) => void startInformePage(xl.dialogs.childOffice(win) as PageOffice, new URL(url).search, storage, page.view);
  return page.seen;
}

const office = (xl: ExcelDouble) => xl.Office as unknown as DialogOffice;
const generatedStamp = /\d{2}\/\d{2}\/\d{4},? \d{1,2}:\d{2}(\s?[ap]\.?\s?m\.?)?/g;

describe('informe parts', () => {
  const tricky = ['<p>«Meta» 100 % — ñandú</p>', '"comillas" \\ barra', 'línea\r\nnueva\t', '😀🇨🇴', '</script><script>', '\u0001\u001f'].join('');

  it('are never longer than the limit, split no surrogate pair, and put back the same text in any order', () => {
    const html = tricky.repeat(4000);
    for (const limit of [INFORME_PART_CHARS, 2_000, 300]) {
      const parts = informeParts(html, 'abc', limit);
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(limit);
        const s = (JSON.parse(p) as { s: string }).s;
        expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(s)).toBe(false);
      }
      const assembler = new InformeAssembler();
      const shuffled = parts.map((p, i) => [p, (i * 7919) % parts.length] as const).sort((a, b) => a[1] - b[1]).map(([p]) => p);
      const results = shuffled.map((p) => assembler.accept(p));
      expect(results.slice(0, -1).every((r) => r !== undefined && 'received' in r)).toBe(true);
      expect(results.at(-1)).toEqual({ id: 'abc', html });
    }
  });

  it('an empty report is one part; foreign messages are ignored; a repeated part counts once; a new report starts over', () => {
    expect(informeParts('', 'x')).toHaveLength(1);
    const a = new InformeAssembler();
    expect(a.accept('hola')).toBeUndefined();
    expect(a.accept(JSON.stringify({ t: 'parte', id: 'x', i: 3, n: 2, s: '' }))).toBeUndefined();
    const first = informeParts('A'.repeat(1000), 'uno', 300);
    const second = informeParts('B'.repeat(500), 'dos', 300);
    a.accept(first[0]);
    a.accept(first[0]);
    expect(a.accept(first[1])).toEqual({ received: 2, total: first.length });
    let last;
    for (const p of second) last = a.accept(p);
    expect(last).toEqual({ id: 'dos', html: 'B'.repeat(500) });
  });
});

describe('the Excel double’s dialogs behave as documented', () => {
  it('a message sent before the page listens, or longer than the limit, is lost; one dialog at a time (12007); 12004 and 12005', async () => {
    const xl = new ExcelDouble({ hostOrigin: 'https://localhost:3000' });
    type Opened = { status: string; error?: { code: number }; value?: { messageChild(m: string): void; close(): void } };
    const open = (url: string) => new Promise<Opened>((resolve) => xl.Office.context.ui.displayDialogAsync(url, {}, (r) => resolve(r as unknown as Opened)));
    const r = await open('https://localhost:3000/informe.html');
    expect(r.status).toBe('succeeded');
    r.value!.messageChild('antes de tiempo');
    expect(xl.dialogs.log.lost).toEqual([{ reason: 'sin-manejador', length: 15 }]);
    const child = xl.dialogs.childOffice(xl.dialogs.open!.window) as { context: { ui: { addHandlerAsync(t: string, h: (a: { message: string }) => void, cb: (r: { status: string }) => void): void } } };
    const got: string[] = [];
    await new Promise<void>((resolve) => child.context.ui.addHandlerAsync('dialogParentMessageReceived', (a) => void got.push(a.message), () => resolve()));
    r.value!.messageChild('x'.repeat(xl.dialogs.limits.messageChars + 1));
    r.value!.messageChild('a tiempo');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(got).toEqual(['a tiempo']);
    expect(xl.dialogs.log.lost.map((l) => l.reason)).toEqual(['sin-manejador', 'demasiado-largo']);
    const results: Opened[] = [await open('https://localhost:3000/informe.html')];
    r.value!.close();
    results.push(await open('https://otro.example/informe.html'));
    results.push(await open('http://intranet.alcaldia.gov.co/informe.html'));
    expect(results.map((x) => x.error?.code)).toEqual([12007, 12004, 12005]);
  });
});

describe('«Informe» from the pane, over the Excel double', () => {
  const maybe = haveCali ? it : it.skip;

  maybe('hands the dialog the same page tablero informe writes (Cali, two parts; DialogApi 1.2), and the page says it is ready', async () => {
    const xl = doubleFromWorkbook(await workbookOf(readFileSync(CALI)), { workbookName: path.basename(CALI), hostOrigin: 'https://localhost:3000' });
    const host = hostOn(xl);
    await host.saveSettings({ cutoff: '2025-06-30' });
    const seen = servePage(xl);
    const actions = createPaneActions(host, createPaneUseCases(async () => 'x'), undefined, (html) => showInformeDialog(html, { office: office(xl), base: BASE }).then(() => undefined));
    const summary = await actions.informe(false, run);
    expect(summary).toMatch(/^informe de seguimiento al corte 30\/06\/2025 \(\d+ metas, \d+ rezagadas\)$/);
    expect(seen.html).toHaveLength(1);
    expect(seen.status.at(-1)).toEqual({ text: readyText, error: false });
    expect(xl.dialogs.log.opened).toEqual([expect.stringMatching(/^https:\/\/localhost:3000\/informe\.html\?id=[\w-]+$/)]);
    expect(xl.dialogs.log.lost).toEqual([]);
    expect(xl.dialogs.log.delivered).toBeGreaterThan(1);

    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'informe.html');
      const r = await tablero(['informe', CALI, '--corte', '2025-06-30', '-o', out], dir);
      expect(r.code).toBe(0);
      const cli = readFileSync(out, 'utf8');
      expect(cli.length).toBeGreaterThan(INFORME_PART_CHARS);
      expect(seen.html[0].replace(generatedStamp, '…')).toBe(cli.replace(generatedStamp, '…'));
    } finally {
      cleanup();
    }

    // A second «Informe» while the dialog is open goes to the same dialog (no 12007).
    await actions.informe(true, run);
    expect(xl.dialogs.log.opened).toHaveLength(1);
    expect(seen.html).toHaveLength(2);
    expect(seen.html[1]).toContain('Ley 1474');
    xl.dialogs.open!.window.close();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(xl.dialogs.open).toBeUndefined();
  }, 60_000);

  it('without DialogApi 1.2 the report goes through local storage, which the page empties', async () => {
    const xl = new ExcelDouble({ dialogApi: '1.1', hostOrigin: 'https://localhost:3000' });
    const storage = new MemoryStorage();
    storage.setItem(`${INFORME_STORAGE_PREFIX}viejo`, 'un informe que nadie recogió');
    const seen = servePage(xl, storage);
    const html = '<!doctype html><title>Informe</title><p>«Metas» 😀</p>'.repeat(3000);
    await expect(showInformeDialog(html, { office: office(xl), base: BASE, storage })).resolves.toBe('almacen');
    expect(seen.html).toEqual([html]);
    expect(storage.length).toBe(0);
    expect(xl.dialogs.log.opened[0]).toMatch(/informe\.html\?id=[\w-]+&via=almacen$/);
    xl.dialogs.open!.window.close();
    await new Promise((resolve) => setTimeout(resolve, 120));
  });

  it('says in Spanish why the dialog did not open, and a closed dialog is not an error', async () => {
    const xl = new ExcelDouble({ hostOrigin: 'https://localhost:3000' });
    const show = (o: Partial<Parameters<typeof showInformeDialog>[1]> = {}) => showInformeDialog('<p>informe</p>', { office: office(xl), base: BASE, timeoutMs: 300, ...o });

    xl.dialogs.faults.refuse = 12009;
    await expect(show()).rejects.toThrow('Se eligió no mostrar la ventana del informe. Vuelva a pulsar «Informe» y elija «Permitir».');
    xl.dialogs.faults.refuse = 12011;
    await expect(show()).rejects.toThrow(/El navegador bloqueó la ventana del informe\. Permita las ventanas emergentes/);
    xl.dialogs.faults.refuse = undefined;
    await expect(show({ base: 'https://otro.example/taskpane.html' })).rejects.toThrow(/no es la del complemento/);
    await expect(show({ base: 'http://intranet.alcaldia.gov.co/taskpane.html' })).rejects.toThrow(/no es segura \(https\)/);

    // Another dialog of this page is open (opened by someone else): 12007.
    const other = await new Promise<{ value: { close(): void } }>((resolve) => xl.Office.context.ui.displayDialogAsync('https://localhost:3000/aviso.html', {}, (r) => resolve(r as unknown as { value: { close(): void } })));
    await expect(show()).rejects.toThrow('Ya hay una ventana del complemento abierta. Ciérrela y vuelva a pulsar «Informe».');
    other.value.close();

    // A page that never answers (it did not load its script): a Spanish line after the wait.
    xl.dialogs.onOpen = undefined;
    await expect(show()).rejects.toThrow('La ventana del informe no respondió. Ciérrela y vuelva a pulsar «Informe».');
    xl.dialogs.open?.window.close();
    await new Promise((resolve) => setTimeout(resolve, 120));

    // The user closes it with its ✕ before it is ready: not an error.
    xl.dialogs.onOpen = (_url, win) => setTimeout(() => win.close(), 5);
    await expect(show({ timeoutMs: 5_000 })).resolves.toBe('mensajes');
    expect(xl.dialogs.open).toBeUndefined();
  });

  it('the page opened outside Office says where to open it from', async () => {
    const { seen, view } = pageView();
    await startInformePage(undefined, '?id=1', undefined, view);
    expect(seen.status).toEqual([{ text: expect.stringContaining('ábrala con «Informe» en el panel de Excel'), error: true }]);
  });
});
