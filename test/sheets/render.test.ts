/**
 * LOOK AT IT: renders the demo's generated workbook with LibreOffice (headless → PDF → PNG with
 * pdftoppm) and checks pages come out, in A4 landscape, with Colombian formats. LibreOffice runs
 * with a private profile (parallel runs do not collide) and `LANG=es_CO.UTF-8`, so the number
 * formats show as a Colombian Excel shows them: `$ 1.234.567`, `45,5 %`, `30/06/2025`.
 *
 * Skipped, with a message, only when `libreoffice` / `pdftoppm` are not installed (CI installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { generateCopy } from '../../src/xlsx/generate';
import { tempDir, testIO } from './fixtures';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const available = has('libreoffice') && has('pdftoppm');
if (!available) {
  console.warn('test/sheets/render.test.ts: instale libreoffice-calc y poppler-utils para renderizar las hojas a PNG (en CI la prueba corre y falla sin ellos).');
}
// Skipped only on a developer machine without LibreOffice; CI installs it, so there it must run.
const maybe = available || process.env.CI ? it : it.skip;

/** LibreOffice (private profile, Colombian locale) → PDF next to `xlsx` in `dir`; returns the PDF's path. */
function toPdf(xlsx: string, dir: string): string {
  const profile = path.join(dir, `lo-profile-${process.pid}`);
  execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
    env: { ...process.env, HOME: dir, LANG: 'es_CO.UTF-8', LC_ALL: 'es_CO.UTF-8' },
    timeout: 240_000,
    stdio: 'pipe',
  });
  return path.join(dir, `${path.basename(xlsx, '.xlsx')}.pdf`);
}

/** Share of the pixels of a binary PPM (P6) image within a small distance of `rgb`. */
function colourShare(ppm: Buffer, rgb: [number, number, number]): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('no es una imagen PPM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let hits = 0;
  for (let i = 0; i + 2 < data.length; i += 3) {
    if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 40) hits++;
  }
  return hits / (w * h);
}

describe('rendering the generated workbook (LibreOffice → PDF → PNG)', () => {
  maybe(
    'produces A4 landscape pages with the tablero, the alerts and the observations',
    async () => {
      const dir = await tempDir();
      const example = path.resolve(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx');
      const out = path.join(dir, 'demo.tablero.xlsx');
      const io = testIO(dir);
      const code = await run(['generar', example, '--corte', '2025-06-30', '-o', out], io);
      expect(io.err.join('')).toBe('');
      expect(code).toBe(0);

      const pdf = toPdf(out, dir);
      const info = execFileSync('pdfinfo', [pdf]).toString();
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect(w).toBeGreaterThan(h); // landscape
      expect(Math.round(w)).toBe(842); // A4: 842 × 595 pt

      execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '4', pdf, path.join(dir, 'page')], { timeout: 120_000 });
      const pngs = (await fs.readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f));
      expect(pngs.length).toBeGreaterThanOrEqual(3);
      for (const p of pngs) expect((await fs.stat(path.join(dir, p))).size).toBeGreaterThan(10_000);

      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      expect(text).toContain('Tablero de control — Plan de Acción 2025');
      expect(text).toContain('Alertas de metas rezagadas');
      expect(text).toContain('Observaciones a la revisión');
      expect(text).toContain('30/06/2025');
      expect(text).toMatch(/\d+,\d %/); // 45,5 %
      expect(text).not.toContain('###');

      // The charts' page: their titles are text drawn by LibreOffice from the chart parts, and their
      // bars are the series' colours (blue physical, orange budget) in the rendered image.
      const pageTexts = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-']).toString());
      const chartPage = pageTexts.findIndex((t) => t.includes('Por dependencia (en el orden del ranking)')) + 1;
      expect(chartPage).toBeGreaterThan(0);
      const page = pageTexts[chartPage - 1];
      expect(page).toContain('Por dimensión');
      expect(page).toContain('Cumplimiento físico al corte');
      expect(page).toMatch(/100\s?%/); // the value axis
      const ppm = execFileSync('pdftoppm', ['-r', '40', '-f', String(chartPage), '-l', String(chartPage), pdf]);
      expect(colourShare(ppm, [0x44, 0x72, 0xc4])).toBeGreaterThan(0.005);
      expect(colourShare(ppm, [0xed, 0x7d, 0x31])).toBeGreaterThan(0.005);
    },
    300_000,
  );

  maybe(
    'opens the package-level copy of a large workbook the same way (generar above the cell limit)',
    async () => {
      const dir = await tempDir();
      const example = path.resolve(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx');
      const out = path.join(dir, 'grande.tablero.xlsx');
      const io = testIO(dir);
      const code = await run(['generar', example, '--corte', '2025-06-30', '-o', out], io, { generateCopy: (request, progress) => generateCopy(request, progress, 0) });
      expect(io.err.join('')).toBe('');
      expect(code).toBe(0);
      const pdf = toPdf(out, dir);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
      expect(pages).toBeGreaterThanOrEqual(4);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
      expect(text).toContain('Tablero de control — Plan de Acción 2025');
      expect(text).toContain('Alertas de metas rezagadas');
      expect(text).toContain('Observaciones a la revisión');
      expect(text).toContain('Secretaría de Salud'); // the units' own sheet, copied byte for byte
      expect(text).not.toContain('###');
    },
    300_000,
  );
});
