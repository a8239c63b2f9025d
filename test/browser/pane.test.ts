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
import { saveDouble } from './saved';
import { tablero } from '../acceptance/harness';
import { toExcelSerial } from '../../src/domain/dates';
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
const PLAN = path.join(ROOT, 'examples', 'plan-accion-2025.xlsx');

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
    for (const page of ['taskpane.html', 'commands.html', 'aviso.html', 'informe.html']) {
      const html = readFileSync(path.join(dist, page), 'utf8');
      expect(html).toMatch(new RegExp(`src="?${OFFICE_JS_CDN.replace(/[./]/g, '\\$&')}office\\.js`));
      expect(html.indexOf('__tableroSinSoporte')).toBeLessThan(html.indexOf(OFFICE_JS_CDN));
    }
    expect(existsSync(path.join(dist, 'office-js'))).toBe(false);
  });

  test('the ribbon page loads no React: its actions come from taskpane/compose.ts, not from the pane', () => {
    const scriptsOf = (page: string) =>
      [...readFileSync(path.join(dist, page), 'utf8').matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)]
        .map((m) => m[1])
        .filter((src) => !src.startsWith('http'))
        .map((src) => readFileSync(path.join(dist, src), 'utf8'));
    const react = /Minified React error|__SECRET_INTERNALS/;
    expect(scriptsOf('taskpane.html').some((js) => react.test(js))).toBe(true);
    const ribbon = scriptsOf('commands.html');
    expect(ribbon.length).toBeGreaterThan(0);
    for (const js of ribbon) expect(js).not.toMatch(react);
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
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'Aprobar plan' }).waitFor();
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

  test('Consolidar: three units\' files and a damaged one → two consolidated, the other two listed with their reason; Generar on the result, and Alertas of one unit', async () => {
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

    // Alertas of one unit (as its return from `devolver`): only its goals.
    await page.getByLabel('Alertas y observaciones de').selectOption('Secretaría de Salud');
    await page.getByRole('button', { name: 'Generar alertas' }).click();
    await page.getByText('Listo: se generó la hoja «Alertas – Secretaría de Salud» (solo Secretaría de Salud).').waitFor({ timeout: 30_000 });
    const alertas = await page.evaluate(() => [...(window as unknown as DoubleWindow).__excelDouble.values('Alertas – Secretaría de Salud').values()].map(String));
    expect(alertas.some((v) => v.startsWith('Alertas de metas rezagadas') && v.endsWith('— Secretaría de Salud'))).toBe(true);
    expect(alertas.join('\n')).not.toContain('Secretaría de Educación');
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-generar-dependencia.png') });
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

  /**
   * Issue 11's flow in the pane, on the example plan de acción (PE-F-012: goal 1905021 on rows
   * 8–9, Programado T1 in N8 = 1.500; row 32 holds the totals), cut-off 30/06/2025 (T1 ended
   * 31/03/2025, so it is a measured period). After each step the double's workbook is saved as
   * an .xlsx and `tablero validar` / `tablero comparar` must give the pane's findings.
   */
  test('Plan: Aprobar → a measured period changed → Registrar modificación → a goal added, the same findings as validar/comparar', async () => {
    const BASELINE_TITLES: Record<string, string> = {
      'added-after-approval': 'Meta agregada después de aprobado el plan',
      'change-without-justification': 'Cambio sin registro justificado',
      'past-period-changed': 'Periodo ya medido reprogramado',
      'repeated-modification': 'Meta modificada más de una vez',
      'late-modification': 'Modificación después del segundo trimestre',
    };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tablero-plan-'));
    const { context, page, errors } = await openPane(await fixtureOf(PLAN, { active: 'PE-F-012' }));
    await page.getByText(/^PE-F-012 — plan de acción/).waitFor();
    await page.evaluate(() => (window as unknown as { __excelDouble: { settings: Map<string, unknown> } }).__excelDouble.settings.set('tablero-pdm.ajustes', { cutoff: '2025-06-30' }));
    type DoubleWindow = { __excelDouble: { wb: { sheets: { name: string; visibility: string }[] }; cell(s: string, c: string): { value: unknown } } };
    const visibility = () => page.evaluate(() => (window as unknown as DoubleWindow).__excelDouble.wb.sheets.map((s) => `${s.name}:${s.visibility}`));
    const values = (sheet: string, cells: string[]) =>
      page.evaluate(([s, cs]) => cs.map((c) => (window as unknown as DoubleWindow).__excelDouble.cell(s, c).value), [sheet, cells] as const);
    /** What a person types in Excel: values into a range of PE-F-012. */
    const typeInto = (address: string, values: unknown[][], formats?: string[][]) =>
      page.evaluate(
        async ([a, v, f]) => {
          const xl = (window as unknown as { Excel: { run(b: (ctx: Excel.RequestContext) => Promise<void>): Promise<void> } }).Excel;
          await xl.run(async (ctx) => {
            const r = ctx.workbook.worksheets.getItem('PE-F-012').getRange(a as string);
            if (f) r.numberFormat = f as string[][];
            r.values = v as unknown[][];
            await ctx.sync();
          });
        },
        [address, values, formats ?? null] as const,
      );
    /** The pane's findings of the baseline rules: rule → "cell message" (groups opened as needed). */
    const paneFindings = async (): Promise<Record<string, string[]>> => {
      await page.getByRole('tab', { name: 'Validar' }).click();
      await page.getByRole('button', { name: 'Validar', exact: true }).click();
      await page.getByRole('heading', { name: /^Resultado/ }).waitFor();
      await page.getByRole('region', { name: 'Errores' }).waitFor();
      const out: Record<string, string[]> = {};
      for (const [rule, title] of Object.entries(BASELINE_TITLES)) {
        const item = page.locator('.fui-AccordionItem').filter({ has: page.getByText(title, { exact: true }) });
        if ((await item.count()) === 0) continue;
        const header = item.locator('button[aria-expanded]').first();
        if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
        const labels = await item.getByRole('button', { name: /^Ir a la celda / }).allTextContents();
        out[rule] = labels.map((l) => {
          const m = /^Ir a la celda (\S+) · PE-F-012 · meta [^:]+: (.*)$/s.exec(l);
          return m ? `${m[1]} ${m[2]}` : l;
        });
      }
      return out;
    };
    /** The same from the command line, on the workbook as saved now. */
    const cliFindings = async (argv: string[]): Promise<Record<string, string[]>> => {
      const r = await tablero([...argv, '--corte', '2025-06-30', '--json'], dir);
      expect(r.stderr).toBe('');
      const out: Record<string, string[]> = {};
      for (const f of (JSON.parse(r.stdout) as { files: { findings: { rule: string; cell: string; message: string }[] }[] }).files[0].findings) {
        if (BASELINE_TITLES[f.rule]) (out[f.rule] ??= []).push(`${f.cell} ${f.message}`);
      }
      return out;
    };

    // Aprobar plan.
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.getByText(/no tiene un plan aprobado.*14 metas/).waitFor();
    await page.getByLabel('Fecha de aprobación').fill('2025-01-28');
    await page.getByLabel('Acta del Consejo de Gobierno').fill('Acta 01 de 2025');
    await page.getByRole('button', { name: 'Aprobar plan' }).click();
    await page.getByText(/Plan aprobado el 28\/01\/2025 \(Acta 01 de 2025, 14 metas\)/).waitFor();
    expect(await visibility()).toEqual(expect.arrayContaining(['_tablero_pdm_aprobado:VeryHidden', 'Control de cambios:Visible']));
    expect(await values('Control de cambios', ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1'])).toEqual([
      'Fecha', 'Código meta', 'Campo', 'Antes', 'Después', 'Justificación', 'Acta u oficio',
    ]);
    await saveDouble(page, path.join(dir, 'aprobado.xlsx'));
    expect(await cliFindings(['validar', 'aprobado.xlsx'])).toEqual({});
    expect(await paneFindings()).toEqual({});

    // A measured period changed, no «Control de cambios» row.
    await typeInto('N8', [[1400]]);
    const changed = await paneFindings();
    expect(Object.keys(changed).sort()).toEqual(['change-without-justification', 'past-period-changed']);
    expect(changed['change-without-justification']).toEqual([expect.stringMatching(/^N8 .*cambió de 1\.500 \(plan aprobado\) a 1\.400/)]);
    expect(changed['past-period-changed']).toEqual([expect.stringMatching(/^N8 /)]);
    await saveDouble(page, path.join(dir, 'sin-registro.xlsx'));
    expect(await cliFindings(['validar', 'sin-registro.xlsx'])).toEqual(changed);

    // Registrar modificación: the form offers the changed field with the approved and the sheet's value.
    await page.getByRole('tab', { name: 'Plan' }).click();
    const form = page.getByRole('form', { name: 'Registrar modificación' });
    await form.getByLabel('Meta').selectOption('1905021');
    expect(await form.getByLabel('Campo').inputValue()).toBe('Programado T1');
    expect(await form.getByLabel('Antes').inputValue()).toBe('1500');
    expect(await form.getByLabel('Después').inputValue()).toBe('1400');
    await form.getByLabel('Fecha').fill('2025-05-10');
    await form.getByRole('button', { name: 'Registrar modificación' }).click();
    await form.getByText(/Escriba la justificación/).waitFor(); // required
    await form.getByLabel('Justificación').fill('Se trasladaron 100 dosis al segundo semestre');
    await form.getByLabel('Acta u oficio').fill('Oficio OPGI-2025-041');
    await form.getByRole('button', { name: 'Registrar modificación' }).click();
    await page.getByText(/Se registró la modificación de Programado T1 de la meta 1905021/).waitFor();
    expect(await values('Control de cambios', ['A2', 'B2', 'C2', 'D2', 'E2', 'F2', 'G2'])).toEqual([
      toExcelSerial('2025-05-10'), '1905021', 'Programado T1', 1500, 1400, 'Se trasladaron 100 dosis al segundo semestre', 'Oficio OPGI-2025-041',
    ]);
    // Only what the criteria still forbid remains: T1 had been measured when it was changed.
    const logged = await paneFindings();
    expect(Object.keys(logged)).toEqual(['past-period-changed']);
    expect(logged['past-period-changed']).toEqual([expect.stringContaining('se modificó el 10/05/2025, cuando ese periodo ya había terminado (31/03/2025)')]);

    // A goal added after the approval (row 32, where the totals were).
    await typeInto(
      'A32:AA32',
      [[
        'Dimensión Social', 'Salud y protección social', 1905, 'Salud pública', '1905099', 'Realizar 10 brigadas de salud oral',
        'Brigadas realizadas', 'Número', 'Producto', 'Suma', '', 40, 10, 0, 0, 5, 5, 'Secretaría de Salud', 'Diana Carolina Erazo Muñoz',
        'Atención integral en salud a la primera infancia', '2024520010041', 'Realizar brigadas en los corregimientos',
        toExcelSerial('2025-07-01'), toExcelSerial('2025-12-15'), 'Recursos propios', 20_000_000, 'No',
      ]],
      [Array.from({ length: 27 }, (_, j) => (j === 4 || j === 20 ? '@' : j === 22 || j === 23 ? 'dd/mm/yyyy' : 'General'))],
    );
    const added = await paneFindings();
    expect(Object.keys(added).sort()).toEqual(['added-after-approval', 'past-period-changed']);
    expect(added['added-after-approval']).toEqual([expect.stringMatching(/^E32 La meta 1905099 no está en el plan de acción aprobado el 28\/01\/2025 \(Acta 01 de 2025\)/)]);
    await saveDouble(page, path.join(dir, 'actual.xlsx'));
    // The contract: the same findings from validar on the saved file and from comparar on the two files.
    expect(await cliFindings(['validar', 'actual.xlsx'])).toEqual(added);
    expect(await cliFindings(['comparar', 'aprobado.xlsx', 'actual.xlsx'])).toEqual(added);
    const all = JSON.parse((await tablero(['validar', 'actual.xlsx', '--corte', '2025-06-30', '--json'], dir)).stdout) as { errors: number; warnings: number };
    // …and the pane's counts of every rule are the command line's.
    await page.getByRole('tab', { name: 'Validar' }).click();
    await page.getByText(plural(all.errors, 'error', 'errores'), { exact: true }).waitFor();
    await page.getByText(plural(all.warnings, 'advertencia', 'advertencias'), { exact: true }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-plan-hallazgos.png'), fullPage: true });

    // A second approval asks first; Cancelar keeps the first, Reemplazar writes over it (never deleted).
    await page.getByRole('tab', { name: 'Plan' }).click();
    await page.getByText(/Este libro tiene el plan aprobado el 28\/01\/2025/).waitFor();
    await page.getByLabel('Fecha de aprobación').fill('2025-03-15');
    await page.getByLabel('Acta del Consejo de Gobierno').fill('Acta 04 de 2025');
    await page.getByRole('button', { name: 'Reemplazar la aprobación' }).click();
    await page.getByRole('dialog').getByText(/ya tiene el plan aprobado el 28\/01\/2025 \(Acta 01 de 2025, 14 metas\)/).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-plan-reemplazar.png') });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
    expect(await values('_tablero_pdm_aprobado', ['B3'])).toEqual(['Acta 01 de 2025']);
    await page.getByRole('button', { name: 'Reemplazar la aprobación' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reemplazar' }).click();
    await page.getByText(/Se reemplazó la aprobación anterior, el 28\/01\/2025 \(Acta 01 de 2025, 14 metas\)\. Plan aprobado el 15\/03\/2025 \(Acta 04 de 2025, 15 metas\)/).waitFor();
    expect(await values('_tablero_pdm_aprobado', ['B3'])).toEqual(['Acta 04 de 2025']);
    expect((await visibility()).filter((v) => v.startsWith('_tablero_pdm_aprobado'))).toEqual(['_tablero_pdm_aprobado:VeryHidden']);
    // The form fits the 320 px pane (a goal's long name is cut, not scrolled sideways).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(OUTPUT, 'pane-320-plan.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);

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
