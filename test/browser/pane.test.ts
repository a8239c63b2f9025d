/**
 * The PRODUCTION build of the pane in a real headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core), offline. The pages reference the CDN office.js, as shipped; the test answers
 * that address locally (the npm copy, or an empty script when the double stands in for Excel).
 * The strict in-memory Excel double (test/excel-double/CATALOG.md) is injected before the page's scripts:
 * the same office-js adapter the add-in ships, over the double loaded with the bundled example
 * capture sheet (with its realistic mistakes).
 *
 * Validar → findings with counts (the same as the engine gives in Node); a click (and Enter) on a
 * finding → the double's selection is that cell; Generar tablero → the double has the sheet;
 * Limpiar marcas → notes gone; axe-core → no serious/critical violation; screenshots at 320 px
 * (light and dark) in test/output/ — look at them.
 *
 * Skipped (with a note) when Chromium is not installed: `apt-get install chromium`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fixtureOf } from './fixture';
import { offlinePage, serveDir } from './harness';
import type { PaneFixture } from './double-entry';
import { createPaneUseCases } from '../../src/app/pane';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { BUDGET_BYTES, formatReport, measureBundle } from '../../scripts/bundle-size';
import { parse } from 'acorn';
import { consolidatePicked } from '../../src/app/consolidate-picked';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { cutShort, unitFile } from '../helpers/unit-files';

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = path.join(ROOT, 'test', 'output');
const EXAMPLE = path.join(ROOT, 'examples', 'hoja-captura-T2-2025.xlsx');
const CLEAN = path.join(ROOT, 'test', 'fixtures', 'hoja-captura-limpia.xlsx');

const haveChromium = existsSync(CHROMIUM);
// Skipped only on a developer machine without Chromium; CI installs it, so there it must run.
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;
if (!haveChromium) console.warn(`pane.test.ts: no Chromium at ${CHROMIUM}; the browser test is skipped.`);

let dist = '';
let server: Server;
let base = '';
let browser: Browser;

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

/** Opens taskpane.html at `width` px; with a fixture, the Excel double stands in for Excel. */
async function openPane(fixture: PaneFixture | null, width = 320, userAgent?: string): Promise<Opened> {
  const { context, page, errors } = await offlinePage(browser, base, width, userAgent);
  // The CDN office.js (and what it loads next to it), answered locally from the npm copy.
  await page.route(`${OFFICE_JS_CDN}**`, (route) => {
    const file = path.join(OFFICE_JS_DIR, new URL(route.request().url()).pathname.replace('/lib/1/hosted/', ''));
    if (!file.startsWith(OFFICE_JS_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ body: readFileSync(file), contentType: 'text/javascript' });
  });
  if (fixture) {
    await page.route(`${OFFICE_JS_CDN}office.js`, (route) => route.fulfill({ body: '/* office.js: the Excel double stands in */', contentType: 'text/javascript' }));
    await page.addInitScript({ content: `window.__paneFixture = ${JSON.stringify(fixture)};` });
    await page.addInitScript({ path: path.join(dist, 'test-double.js') });
  }
  await page.goto(`${base}/taskpane.html`);
  return { context, page, errors };
}

/** What the engine says in Node for the same workbook: the browser must agree. */
async function engineCounts(file: string): Promise<{ errors: number; warnings: number; first: { sheet: string; cell: string; rule: string }; firstTitle: string }> {
  const grids = gridsOfWorkbook(await loadWorkbook(readFileSync(file)), path.basename(file));
  const useCases = createPaneUseCases(async () => 'x');
  const o = await useCases.validate(grids, {});
  return { errors: o.errors, warnings: o.warnings, first: o.findings[0], firstTitle: useCases.ruleTitle(o.findings[0].rule) };
}

/** Retries `read` until it equals `expected` (or fails with the last value after `ms`). */
async function eventually<T>(read: () => Promise<T>, expected: T, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** "Ir a la celda R14 · HC T2 · meta 1905021: mensaje" → cell, sheet. */
const findingTarget = /^Ir a la celda (\S+) · (.+?)(?: · meta [^:]+)?: /;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('es-CO')} ${n === 1 ? one : many}`;

describeBrowser('the built pane in Chromium, over the Excel double', () => {
  let example: PaneFixture;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'tablero-pane-'));
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `outputPath=${dist}`, '--env', 'withDouble'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    server = await serveDir(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=es-CO'],
    });
    example = await fixtureOf(EXAMPLE, { active: 'HC T2' });
    mkdirSync(OUTPUT, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  test('the JavaScript that taskpane.html loads first is within 200 KB gzipped', () => {
    const report = measureBundle(dist);
    console.log(formatReport(report));
    expect(report.files.length).toBeGreaterThan(0);
    expect(report.total.gzip).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  test('every bundle parses as ES2019 (WebView2, Safari on Mac); the pages load office.js from the CDN', () => {
    for (const file of readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'test-double.js')) {
      expect(() => parse(readFileSync(path.join(dist, file), 'utf8'), { ecmaVersion: 2019, sourceType: 'script' })).not.toThrow();
    }
    for (const page of ['taskpane.html', 'commands.html', 'aviso.html']) {
      const html = readFileSync(path.join(dist, page), 'utf8');
      expect(html).toMatch(new RegExp(`src="?${OFFICE_JS_CDN.replace(/[./]/g, '\\$&')}office\\.js`));
      expect(html.indexOf('__tableroSinSoporte')).toBeLessThan(html.indexOf(OFFICE_JS_CDN));
    }
    expect(existsSync(path.join(dist, 'office-js'))).toBe(false);
  });

  test('Internet Explorer / Edge heredado: the page says in Spanish which Excel versions work', async () => {
    const { context, page } = await openPane(example, 320, TRIDENT);
    await page.getByText(/Internet Explorer o con Edge heredado/).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/Excel para Mac o Excel en la web/).count()).toBe(1);
    await context.close();
  }, 60_000);

  test('two Validar → Limpiar → Generar cycles in a row, with no error', async () => {
    const { context, page, errors } = await openPane(example);
    await page.getByText(/^Hoja de captura T2/).waitFor();
    for (let cycle = 1; cycle <= 2; cycle++) {
      await page.getByRole('tab', { name: 'Validar' }).click();
      await page.getByRole('button', { name: 'Validar', exact: true }).click();
      await page.getByRole('heading', { name: /^Resultado/ }).waitFor();
      await page.getByRole('button', { name: 'Limpiar marcas' }).click();
      await page.getByText(/Se quitaron las marcas/).waitFor();
      await page.getByRole('tab', { name: 'Generar' }).click();
      await page.getByRole('button', { name: 'Generar tablero' }).click();
      await page.getByText('Listo: se generó la hoja «Tablero de control».').waitFor({ timeout: 30_000 });
      expect(await page.getByRole('alert').filter({ hasText: /no pudo|Error/ }).count()).toBe(0);
    }
    const sheets = await page.evaluate(() => (window as unknown as { __excelDouble: { wb: { sheets: { name: string; visibility: string }[] } } }).__excelDouble.wb.sheets.map((s) => `${s.name}:${s.visibility}`));
    expect(sheets.filter((s) => s.startsWith('Tablero de control'))).toEqual(['Tablero de control:Visible']);
    expect(sheets).toContain('_tablero_pdm:VeryHidden');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test('outside Excel, office.js (the CDN address, answered locally) loads and the pane says where it works', async () => {
    const { context, page } = await openPane(null);
    await page.getByText('funciona dentro de Excel').waitFor({ timeout: 20_000 });
    await context.close();
  });

  test('validates the example, marks it, navigates, generates the tablero and clears the marks', async () => {
    const expected = await engineCounts(EXAMPLE);
    expect(expected.errors).toBeGreaterThan(0);
    const { context, page, errors } = await openPane(example);

    // What was detected.
    await page.getByText(/^PE-F-012 — plan de acción, \d+ filas$/).waitFor();
    await page.getByText(/^Hoja de captura T2, \d+ metas$/).waitFor();

    // Validar → grouped findings with the engine's counts.
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    await page.getByRole('heading', { name: /^Resultado/ }).waitFor();
    await page.getByText(plural(expected.errors, 'error', 'errores'), { exact: true }).waitFor();
    await page.getByText(plural(expected.warnings, 'advertencia', 'advertencias'), { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Errores' }).waitFor(); // the results list is a lazy chunk
    expect(await page.getByRole('region', { name: 'Errores' }).count()).toBe(1);
    // Group headings are the rules' titles (the rule catalog is a lazy chunk too), not their ids.
    expect(expected.firstTitle).not.toBe(expected.first.rule);
    await page.getByText(expected.firstTitle, { exact: true }).first().waitFor();
    expect(await page.getByText('Listo para enviar').count()).toBe(0);
    // Results take the focus (keyboard and screen-reader users land on them).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resultado-titulo');

    // Marks: the first finding's cell carries a note with its message.
    const firstNote = await page.evaluate(([s, c]) => (window as unknown as { __excelDouble: { cell(s: string, c: string): { note?: string } } }).__excelDouble.cell(s, c).note ?? '', [expected.first.sheet, expected.first.cell]);
    expect(firstNote.length).toBeGreaterThan(0);

    await page.screenshot({ path: path.join(OUTPUT, 'pane-320.png'), fullPage: false });
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-full.png'), fullPage: true });

    // A click on a finding selects its cell in the (double's) workbook.
    const selection = () => page.evaluate(() => (window as unknown as { __excelDouble: { selection?: { sheet: string; address: string } } }).__excelDouble.selection);
    const findings = page.getByRole('button', { name: /^Ir a la celda / });
    const label = (await findings.first().textContent()) ?? '';
    const [, cell, sheet] = findingTarget.exec(label) ?? [];
    await findings.first().click();
    await eventually(selection, { sheet, address: cell });

    // …and with the keyboard: focus the second finding, press Enter.
    const label2 = (await findings.nth(1).textContent()) ?? '';
    const [, cell2, sheet2] = findingTarget.exec(label2) ?? [];
    await findings.nth(1).focus();
    await page.keyboard.press('Enter');
    await eventually(selection, { sheet: sheet2, address: cell2 });

    // Generar tablero → the sheet exists in the workbook.
    await page.getByRole('tab', { name: 'Generar' }).click();
    await page.getByRole('button', { name: 'Generar tablero' }).click();
    await page.getByText('Listo: se generó la hoja «Tablero de control».').waitFor({ timeout: 30_000 });
    const sheets = await page.evaluate(() => (window as unknown as { __excelDouble: { wb: { sheets: { name: string }[] } } }).__excelDouble.wb.sheets.map((s) => s.name));
    expect(sheets).toContain('Tablero de control');
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-generar.png') });

    // Limpiar marcas → the note is gone.
    await page.getByRole('tab', { name: 'Validar' }).click();
    await page.getByRole('button', { name: 'Limpiar marcas' }).click();
    await page.getByText(/Se quitaron las marcas/).waitFor();
    const noteAfter = await page.evaluate(([s, c]) => (window as unknown as { __excelDouble: { cell(s: string, c: string): { note?: string } } }).__excelDouble.cell(s, c).note ?? '', [expected.first.sheet, expected.first.cell]);
    expect(noteAfter).toBe('');

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test('axe-core finds no serious or critical violation (results, settings, generate)', async () => {
    const { context, page } = await openPane(example);
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    await page.getByRole('heading', { name: /^Resultado/ }).waitFor();
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const scan = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
        // Tabster's focus-trap dummies (<i data-tabster-dummy aria-hidden tabindex=0>) are Fluent UI's
        // documented mechanism for keyboard cycling; axe's aria-hidden-focus flags them by design.
        const r = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
    const all: { id: string; impact: string | null; help: string; nodes: string[] }[] = [];
    all.push(...(await scan()));
    await page.getByRole('tab', { name: 'Ajustes' }).click();
    await page.getByRole('button', { name: 'Guardar ajustes' }).waitFor();
    all.push(...(await scan()));
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-ajustes.png') });
    await page.getByRole('tab', { name: 'Generar' }).click();
    all.push(...(await scan()));
    console.log('axe violations (all impacts):', JSON.stringify(all, null, 1));
    expect(all.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  }, 60_000);

  test('dark Office theme: dark pane (screenshot)', async () => {
    const { context, page } = await openPane({ ...example, bodyBackgroundColor: '#262626' });
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    await page.getByRole('heading', { name: /^Resultado/ }).waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-dark.png') });
    await context.close();
  }, 60_000);

  test('a clean capture sheet is "Listo para enviar"', async () => {
    const clean = await engineCounts(CLEAN);
    expect(clean.errors).toBe(0);
    const { context, page } = await openPane(await fixtureOf(CLEAN));
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    await page.getByText('Listo para enviar').waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-listo.png') });
    await context.close();
  }, 60_000);

  test('Consolidar: three units\' files and a damaged one → two consolidated, the other two listed with their reason; Generar on the result', async () => {
    const files = [
      { name: 'salud.xlsx', buffer: await unitFile('Secretaría de Salud') },
      { name: 'educacion.xlsx', buffer: await unitFile('Secretaría de Educación') },
      { name: 'infraestructura-2024.xlsx', buffer: await unitFile('Secretaría de Infraestructura', { vigencia: 2024, corte: '30/06/2024' }) },
      { name: 'agricultura.xlsx', buffer: cutShort(await unitFile('Secretaría de Agricultura')) },
    ];
    // What the engine decides in Node for the same files: the pane must show exactly that.
    const expected = await consolidatePicked(
      files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) })),
      readXlsxGrids,
      {},
      { report: () => undefined },
      { cancelled: false },
    );
    expect(expected.files.map((f) => f.admitted)).toEqual([true, true, false, false]);
    const rows = expected.consolidation!.rows;

    const { context, page, errors } = await openPane({ workbookName: 'Consolidado T2.xlsx', sheets: [{ name: 'Hoja1', rows: [[null]] }] });
    await page.getByRole('tab', { name: 'Consolidar' }).click();
    await page.getByRole('button', { name: 'Elegir archivos…' }).waitFor();
    await page.setInputFiles('input[type=file]', files.map((f) => ({ name: f.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: f.buffer })));
    await page.getByRole('button', { name: 'Consolidar 4 archivos' }).click();
    await page.getByText(`Se consolidaron ${plural(rows, 'fila', 'filas')} de 2 archivos en la hoja «Consolidado»; ya puede usar Generar. 2 archivos quedaron por fuera: vea el motivo en la lista.`).waitFor({ timeout: 30_000 });

    const listed = page.getByRole('list', { name: 'Resultado por archivo' }).getByRole('listitem');
    expect(await listed.count()).toBe(4);
    for (const [i, f] of expected.files.entries()) {
      const item = listed.nth(i);
      expect(await item.getAttribute('data-consolidar')).toBe(f.admitted ? 'incluido' : 'omitido');
      const text = (await item.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain(f.file);
      if (f.reason) expect(text).toContain(f.reason);
    }
    const text = (await listed.nth(0).innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Secretaría de Salud · vigencia 2025 · corte 30/06/2025');
    expect((await listed.nth(2).innerText()).replace(/\s+/g, ' ')).toContain('es de la vigencia 2024');
    expect((await listed.nth(3).innerText()).replace(/\s+/g, ' ')).toMatch(/«agricultura\.xlsx».*(dañado|incompleto)/);
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-consolidar.png'), fullPage: true });

    // The «Consolidado» sheet of the open workbook: the rows, with their origin.
    type DoubleWindow = { __excelDouble: { wb: { sheets: { name: string }[] }; values(s: string): Map<string, string | number | boolean> } };
    const consolidated = await page.evaluate(() => [...(window as unknown as DoubleWindow).__excelDouble.values('Consolidado').values()].map(String));
    expect(consolidated).toContain('Archivo de origen');
    expect(consolidated.filter((v) => v === 'salud.xlsx' || v === 'educacion.xlsx')).toHaveLength(rows);
    expect(consolidated).not.toContain('infraestructura-2024.xlsx');

    await page.getByRole('tab', { name: 'Generar' }).click();
    await page.getByRole('button', { name: 'Generar tablero' }).click();
    await page.getByText('Listo: se generó la hoja «Tablero de control».').waitFor({ timeout: 30_000 });
    const tablero = await page.evaluate(() => [...(window as unknown as DoubleWindow).__excelDouble.values('Tablero de control').values()].map(String));
    expect(tablero).toContain('Secretaría de Salud');
    expect(tablero).toContain('Secretaría de Educación');
    expect(tablero).not.toContain('Secretaría de Infraestructura');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test('long work shows progress and Cancelar stops it', async () => {
    const { context, page } = await openPane(example);
    await page.getByText(/^Hoja de captura T2/).waitFor();
    // Make every Excel.run wait 1.5 s, as a big workbook on a slow machine would.
    await page.evaluate(() => {
      const w = window as unknown as { Excel: { run: (...a: unknown[]) => Promise<unknown> } };
      const real = w.Excel;
      w.Excel = { ...real, run: (...a: unknown[]) => new Promise((r) => setTimeout(r, 1500)).then(() => real.run(...a)) };
    });
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('button', { name: 'Cancelar' }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-progreso.png') });
    await page.getByRole('button', { name: 'Cancelar' }).click();
    await page.getByText(/Operación cancelada/).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('heading', { name: /^Resultado/ }).count()).toBe(0);
    await context.close();
  }, 60_000);

  test('a protected sheet: the error is plain Spanish in the pane', async () => {
    const fixture: PaneFixture = { ...example, sheets: example.sheets.map((s) => (s.name === 'HC T2' ? { ...s, protected: true } : s)) };
    const { context, page } = await openPane(fixture);
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    const alert = page.getByText(/protegida/).first();
    await alert.waitFor();
    const text = (await page.locator('body').innerText()) ?? '';
    expect(text).not.toMatch(/AccessDenied|protected sheet|\bat\s+\S+\.js/);
    await context.close();
  }, 60_000);
});
