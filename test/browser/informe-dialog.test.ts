/**
 * «Informe» from the PRODUCTION build of the pane, in Chromium, over the Excel double (issue 13,
 * item 4): Generar › Informe opens `informe.html` as the double's dialog (a real window, as
 * `displayDialogAsync` opens one), hands it the report through `Dialog.messageChild` in parts
 * (Cali's Cuadro 1S: two), and the dialog shows the same page `tablero informe` writes in its
 * frame, with «Imprimir» ready. Nothing leaves 127.0.0.1 (the CDN office.js is answered with an
 * empty script: the double stands in), and the report's frame makes no request at all.
 * Screenshots of the dialog in test/output/ — look at them.
 *
 * Skipped (with a note) when Chromium is not installed: `apt-get install chromium`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { builtPane, CHROMIUM, offlinePage, OUTPUT, type BuiltPane } from './harness';
import { fixtureOf } from './fixture';
import { readyText } from '../../src/taskpane/informe-page';
import { repoRoot } from '../cli/io';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CALI = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
const haveChromium = existsSync(CHROMIUM);
const describeBrowser = (haveChromium || process.env.CI) && existsSync(CALI) ? describe : describe.skip;
if (!haveChromium) console.warn(`informe-dialog.test.ts: no Chromium at ${CHROMIUM}; the browser test is skipped.`);

describeBrowser('«Informe» in the built pane, over the Excel double’s dialog', () => {
  let pane: BuiltPane;

  beforeAll(async () => {
    pane = await builtPane();
    mkdirSync(OUTPUT, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await pane?.close();
  });

  test('the dialog page loads no React and no engine: one small script of its own', () => {
    const scripts = [...readFileSync(path.join(pane.dist, 'informe.html'), 'utf8').matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !src.startsWith('http'));
    expect(scripts).toHaveLength(1);
    const js = readFileSync(path.join(pane.dist, scripts[0]), 'utf8');
    expect(js.length).toBeLessThan(10_000);
    expect(js).not.toMatch(/Minified React error|__SECRET_INTERNALS/);
  });

  test('Informe opens the dialog, which shows the report ready to print; no request leaves the page', async () => {
    const { context, page, errors } = await offlinePage(pane.browser, pane.base, 320);
    // Context-wide, so the dialog's window gets them too: the double, and office.js answered locally.
    await context.route(OFFICE_JS, (route) => route.fulfill({ body: '/* office.js: the Excel double stands in */', contentType: 'text/javascript' }));
    await context.addInitScript({ content: `window.__paneFixture = ${JSON.stringify(await fixtureOf(CALI))};` });
    await context.addInitScript({ path: path.join(pane.dist, 'test-double.js') });
    const requests: Request[] = [];
    context.on('request', (r) => void requests.push(r));
    await page.goto(`${pane.base}/taskpane.html`);
    await page.evaluate(() => (window as unknown as { __excelDouble: { settings: Map<string, unknown> } }).__excelDouble.settings.set('tablero-pdm.ajustes', { cutoff: '2025-06-30' }));

    await page.getByRole('tab', { name: 'Generar' }).click();
    const opened = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Informe', exact: true }).click();
    const dialog: Page = await opened;
    const errorsInDialog: string[] = [];
    dialog.on('pageerror', (e) => errorsInDialog.push(String(e)));

    // The pane says what opened; the dialog holds the report, with «Imprimir» enabled.
    await page.getByText(/Se abrió en una ventana el informe de seguimiento al corte 30\/06\/2025 \(\d+ metas, \d+ rezagadas\)/).waitFor({ timeout: 60_000 });
    expect(new URL(dialog.url()).pathname).toBe('/informe.html');
    await dialog.getByText(readyText).waitFor();
    const report = dialog.frameLocator('#informe');
    await expect(report.locator('h1').first().textContent()).resolves.toMatch(/^Informe de seguimiento con alertas/);
    expect(await report.locator('svg').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('button', { name: 'Imprimir' }).isEnabled()).toBe(true);
    const parts = await page.evaluate(() => (window as unknown as { __excelDouble: { dialogs: { log: { delivered: number; lost: unknown[] } } } }).__excelDouble.dialogs.log);
    expect(parts.lost).toEqual([]);
    expect(parts.delivered).toBeGreaterThan(1);

    await dialog.setViewportSize({ width: 900, height: 1000 });
    await dialog.screenshot({ path: path.join(OUTPUT, 'informe-dialogo.png') });

    // Nothing left 127.0.0.1 but the CDN office.js (answered here, never fetched); the report's frame asked for nothing.
    const reportFrame = dialog.frames().find((f) => f !== dialog.mainFrame());
    expect(reportFrame).toBeDefined();
    expect(requests.filter((r) => !r.url().startsWith(pane.base) && r.url() !== OFFICE_JS && !r.url().startsWith('data:')).map((r) => r.url())).toEqual([]);
    expect(requests.filter((r) => r.frame() === reportFrame).map((r) => r.url())).toEqual([]);

    // «Cerrar» closes the dialog through the pane (messageParent → Dialog.close).
    const closed = dialog.waitForEvent('close');
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    await closed;
    expect(errors).toEqual([]);
    expect(errorsInDialog).toEqual([]);
    await context.close();
  }, 180_000);
});
