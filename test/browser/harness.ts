/**
 * What a browser test of the built pane needs: the production build with the Excel double's entry
 * (`--env withDouble`), a local server for it, Debian's Chromium offline, and a page of
 * taskpane.html with the double standing in for Excel (the CDN office.js answered with an empty
 * script). Used by `book.test.ts`; `pane.test.ts` keeps its own copy of the same steps.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PaneFixture } from './double-entry';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUTPUT = path.join(ROOT, 'test', 'output');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 (a free port): the built pane's files, 404 for anything else. */
export function serveDir(dir: string): Promise<Server> {
  const s = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('no encontrado');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

export interface BuiltPane {
  readonly dist: string;
  readonly base: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Builds the pane (production, with the double's entry), serves it on 127.0.0.1 and launches Chromium. */
export async function builtPane(): Promise<BuiltPane> {
  // TABLERO_PANE_DIST: a build to reuse while developing a browser test (`--env withDouble`); never removed.
  const reuse = process.env.TABLERO_PANE_DIST;
  const dist = reuse ?? mkdtempSync(path.join(os.tmpdir(), 'tablero-pane-'));
  if (!reuse) execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `outputPath=${dist}`, '--env', 'withDouble'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const server = await serveDir(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=es-CO'],
  });
  return {
    dist,
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!reuse) rmSync(dist, { recursive: true, force: true });
    },
  };
}

export interface OpenedPane {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

/**
 * A new page at `width` px (es-CO, reduced motion) that can reach only `base`, collecting the
 * page's errors and console errors.
 */
export async function offlinePage(browser: Browser, base: string, width: number, userAgent?: string): Promise<OpenedPane> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 2, locale: 'es-CO', reducedMotion: 'reduce', ...(userAgent ? { userAgent } : {}) });
  // Offline: nothing leaves 127.0.0.1.
  await context.route(
    (url) => !url.href.startsWith(base) && !url.href.startsWith('data:'),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/** taskpane.html at `width` px over the Excel double loaded with `fixture`; nothing leaves 127.0.0.1. */
export async function openPaneOn(pane: BuiltPane, fixture: PaneFixture, width = 320): Promise<OpenedPane> {
  const opened = await offlinePage(pane.browser, pane.base, width);
  const { page } = opened;
  await page.route(`${OFFICE_JS_CDN}office.js`, (route) => route.fulfill({ body: '/* office.js: the Excel double stands in */', contentType: 'text/javascript' }));
  await page.addInitScript({ content: `window.__paneFixture = ${JSON.stringify(fixture)};` });
  await page.addInitScript({ path: path.join(pane.dist, 'test-double.js') });
  await page.goto(`${pane.base}/taskpane.html`);
  return opened;
}
