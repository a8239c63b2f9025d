/**
 * Gzipped size of the JavaScript that taskpane.html loads (the add-in's own bundles), per file and
 * in total, against the 200 KB budget. First load: the scripts the page itself names; the chunks an
 * action fetches on first use (`paneChunks` in app/pane.ts, `lazyChunks` in excel/host.ts, the lazy
 * panels of the taskpane — docs/architecture.md, «Carga diferida») are not counted. office.js and the Excel runtime it pulls in are Microsoft's
 * (the same files every add-in loads, from the CDN or from office-js/), so they are listed apart
 * and left out of the budget.
 *
 *   npx tsx scripts/bundle-size.ts [dist/addin]      (after `npm run build`)
 *
 * Exit code 1 when the total is over budget.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The limit. The first load was 182.5 KB at the end of issue 10; what a new pane feature adds comes out of the rest. */
export const BUDGET_BYTES = 200 * 1024;

export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

export interface BundleReport {
  /** The add-in's own scripts, in load order. */
  readonly files: readonly FileSize[];
  readonly total: FileSize;
  /** office.js as referenced by the page (local copy only; `null` for the CDN). */
  readonly officeJs: FileSize | null;
}

function sizeOf(dir: string, file: string): FileSize {
  const data = readFileSync(path.join(dir, file));
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** Script sources of an HTML page, in document order. */
export function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)["']?[^>]*>/gi)].map((m) => m[1]);
}

export function measureBundle(dir: string, page = 'taskpane.html'): BundleReport {
  const html = readFileSync(path.join(dir, page), 'utf8');
  const files: FileSize[] = [];
  let officeJs: FileSize | null = null;
  for (const src of scriptSources(html)) {
    if (/^https?:/i.test(src)) continue; // the CDN office.js
    if (/(^|\/)office-js\//.test(src)) {
      officeJs = sizeOf(dir, src);
      continue;
    }
    files.push(sizeOf(dir, src));
  }
  const total = files.reduce<FileSize>((t, f) => ({ file: 'total', bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip }), { file: 'total', bytes: 0, gzip: 0 });
  return { files, total, officeJs };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatReport(r: BundleReport): string {
  const width = Math.max(...r.files.map((f) => f.file.length), 'total'.length, 12);
  const line = (f: FileSize) => `${f.file.padEnd(width)}  ${kb(f.bytes).padStart(10)}  ${kb(f.gzip).padStart(10)}`;
  const out = [`${'file'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzipped'.padStart(10)}`, ...r.files.map(line), line(r.total)];
  out.push(`budget: ${kb(BUDGET_BYTES)} gzipped — ${r.total.gzip <= BUDGET_BYTES ? 'OK' : 'OVER BUDGET'} (${((r.total.gzip / BUDGET_BYTES) * 100).toFixed(0)} %)`);
  if (r.officeJs) out.push(`not counted: office.js ${kb(r.officeJs.gzip)} gzipped (Microsoft's loader; it then loads Excel's runtime for the platform)`);
  return out.join('\n');
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'addin'));
  const report = measureBundle(dir);
  console.log(formatReport(report));
  if (report.total.gzip > BUDGET_BYTES) process.exitCode = 1;
}
