/**
 * `tablero informe` in a real headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core): the page written for the example capture workbook is opened from disk, every
 * request the page tries is recorded (none may leave it — not even to the local disk: it is
 * self-contained), a screenshot at A4 width goes to test/output/ (look at it), and `page.pdf`
 * prints it on A4. The public version (`--publico`) is checked to carry the plan without the
 * units' analyses.
 *
 * Skipped (with a note) when Chromium is not installed: `apt-get install chromium`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { run } from '../../src/cli/main';
import { tempDir, testIO } from '../sheets/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = path.join(ROOT, 'test', 'output');
const CAPTURE = path.join(ROOT, 'examples', 'hoja-captura-T2-2025.xlsx');
const PLAN = path.join(ROOT, 'examples', 'plan-accion-2025.xlsx');

const haveChromium = existsSync(CHROMIUM);
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;
if (!haveChromium) console.warn(`informe.test.ts: no Chromium at ${CHROMIUM}; the browser test is skipped.`);

let browser: Browser;

/** Opens `file` in a fresh page; returns the page and every request it made besides its own document. */
async function open(file: string) {
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'es-CO' });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, requests, errors };
}

describeBrowser('tablero informe in Chromium', () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=es-CO'],
    });
    mkdirSync(OUTPUT, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the quarterly report at A4 with its charts, prints it, and makes no request', async () => {
    const dir = await tempDir();
    const io = testIO(dir);
    expect(await run(['informe', CAPTURE, '-o', 'informe.html'], io)).toBe(0);
    expect(io.out.join('')).toContain('informe de seguimiento al corte 30/06/2025 (11 metas, 3 rezagadas)');
    const file = path.join(dir, 'informe.html');
    const html = await fs.readFile(file, 'utf8');
    // Self-contained: nothing to fetch, and a policy that forbids fetching anything.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);

    const { context, page, requests, errors } = await open(file);
    try {
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      const text = await page.locator('body').innerText();
      expect(text).toContain('Informe de seguimiento con alertas — Plan de Acción 2025');
      expect(text).toContain('Satisfactorio (parcial, corte T2)');
      expect(text).toMatch(/Próximo reporte[\s\S]*T3 de 2025[\s\S]*15\/10\/2025/);
      expect(text).toContain('Ranking de gestión por dependencia');
      expect(text).toContain('Metas rezagadas por dependencia (3)');
      expect(text).toContain('La licitación se declaró desierta en abril'); // a unit's analysis
      expect(text).toContain('Metas por encima del 100 % (1)');
      expect(text).toContain('Ejecución presupuestal por fuente de financiación');
      // The two charts are drawn: one bar per unit and figure, in the tablero's colours.
      const charts = page.locator('figure svg');
      expect(await charts.count()).toBe(2);
      expect(await page.locator('figure svg rect[fill="#4472C4"]').count()).toBeGreaterThanOrEqual(4 + 5);
      expect(await page.locator('figure svg rect[fill="#ED7D31"]').count()).toBeGreaterThanOrEqual(4 + 5);
      // Nothing spills out of the A4 width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(OUTPUT, 'informe-a4.png'), fullPage: true });

      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const pdfFile = path.join(OUTPUT, 'informe.pdf');
      await fs.writeFile(pdfFile, pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (spawnSync('sh', ['-c', 'command -v pdfinfo']).status === 0) {
        const info = execFileSync('pdfinfo', [pdfFile]).toString();
        const [w, hgt] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
        expect([Math.round(w), Math.round(hgt)]).toEqual([595, 842]); // A4 portrait, in points
        const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
        expect(pages).toBeGreaterThanOrEqual(2);
        expect(pages).toBeLessThanOrEqual(4);
        const printed = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
        expect(printed).toContain('Por dependencia (en el orden del ranking)');
        expect(printed).toContain('Secretaría de Infraestructura');
      }
      expect(requests).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('--publico carries the plan (programs, projects with BPIN and budget, goals, indicators, units) and no internal notes', async () => {
    const dir = await tempDir();
    const io = testIO(dir);
    expect(await run(['informe', PLAN, CAPTURE, '--publico', '-o', 'publico.html'], io)).toBe(0);
    const file = path.join(dir, 'publico.html');
    const { context, page, requests, errors } = await open(file);
    try {
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      const text = await page.locator('body').innerText();
      expect(text).toContain('Publicación según el artículo 74 de la Ley 1474 de 2011');
      expect(text).toMatch(/BPIN 2024520010035/);
      expect(text).toContain('Proyecto:');
      expect(text).toContain('Secretaría de Infraestructura');
      expect(text).toMatch(/\$\u00a0\d{1,3}(\.\d{3})+/);
      // No analyses, findings or internal marks.
      expect(text).not.toContain('La licitación se declaró desierta');
      expect(text).not.toMatch(/rezagad|Análisis|Observaci|error/i);
      await page.screenshot({ path: path.join(OUTPUT, 'informe-publico-a4.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await context.close();
    }
  }, 120_000);
});
