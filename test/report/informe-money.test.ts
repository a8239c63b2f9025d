/**
 * On the informe's page a figure never parts from its sign at a line end: «$» and the amount, the
 * percentage and «%», are joined by a no-break space (a narrow KPI card put «$» alone on a line).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tablero, tempDir } from '../cli/io';

describe('informe: money and percentages do not break at the line end', () => {
  it.each([
    ['hoja-captura-T2-2025.xlsx', [], true],
    ['plan-accion-2025.xlsx', [], false],
    ['hoja-captura-T2-2025.xlsx', ['--publico'], false],
  ] as [string, string[], boolean][])(
    '%s %s',
    async (example, extra, percentCards) => {
      const { dir, cleanup } = tempDir('lead-informe-money-');
      try {
        const out = path.join(dir, 'informe.html');
        const r = await tablero(['informe', path.join(repoRoot, 'examples', example), ...extra, '-o', out], dir, { now: new Date(2025, 6, 15) });
        expect(r.stderr).toBe('');
        // Charts are SVG text (no wrapping); the rest of the page is what the browser lays out.
        const page = readFileSync(out, 'utf8').replace(/<svg[\s\S]*?<\/svg>/g, '');
        expect(page).toMatch(/\$\u00a0\d/);
        expect(page).not.toMatch(/\$ \d/);
        expect(page).not.toMatch(/class="v">[^<]*\d %/); // the KPI cards' figures
        if (percentCards) expect(page).toMatch(/class="v">[^<]*\d\u00a0%/);
      } finally {
        cleanup();
      }
    },
  );
});
