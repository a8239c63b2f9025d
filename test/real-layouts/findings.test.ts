/**
 * What `validar` finds on the four real samples (`../shared/real-layouts/`), against the list of
 * their mistakes beside the golden files (`test/golden/real-layouts/mistakes.json`):
 *
 * - every mistake the samples' README plants is reported on its row by the rule that covers it;
 * - every real mistake of the real rows, checked by hand, is reported too (so the list cannot rot);
 * - errors on rows with neither (noise of the reading) stay under 5 per 100 data rows — the figure
 *   is computed and printed per sample;
 * - `generar` writes the copy of every sample on both copy paths (exceljs's model and the package
 *   edit), and its Observaciones list the same findings as `validar`.
 *
 * Today is 20/10/2025: the samples' data run to the third quarter (Tenjo, DNP) or name their
 * quarter in their titles (Cali: "II TRIMESTRE 2025").
 */
import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CliDeps } from '../../src/cli/deps';
import { generateCopy } from '../../src/xlsx/generate';
import { repoRoot, tablero, tempDir } from '../cli/io';
import { ruleIdOf } from '../helpers/generated-sheets';
import type { JsonFinding as Finding } from '../helpers/validar-json';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const maybe = existsSync(samples) ? describe : describe.skip;
const NOW = new Date(2025, 9, 20);

interface Mistake {
  readonly sheet: string;
  readonly row: number;
  readonly rule: string;
}
interface SampleMistakes {
  readonly dataRows: number;
  readonly planted: readonly (Mistake & { what: string })[];
  readonly real: readonly (Mistake & { why: string })[];
}
const list = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'golden', 'real-layouts', 'mistakes.json'), 'utf8')) as {
  files: Record<string, SampleMistakes>;
};
const names = Object.keys(list.files);

interface Validated {
  sheets: { name: string; dataRows: number }[];
  findings: Finding[];
}

const cache = new Map<string, Promise<Validated>>();
function validar(name: string): Promise<Validated> {
  let p = cache.get(name);
  if (!p) {
    p = (async () => {
      const { dir, cleanup } = tempDir();
      try {
        const r = await tablero(['validar', path.join(samples, name), '--json'], dir, { now: NOW });
        expect(r.stderr).toBe('');
        return (JSON.parse(r.stdout) as { files: Validated[] }).files[0];
      } finally {
        cleanup();
      }
    })();
    cache.set(name, p);
  }
  return p;
}

const key = (m: Pick<Mistake, 'sheet' | 'row'>) => `${m.sheet}\u0000${m.row}`;

maybe('the real samples: planted and real mistakes, and no noise', () => {
  it.each(names.flatMap((name) => list.files[name].planted.map((m) => [name, m.row, m.rule, m] as const)))(
    '%s: the planted mistake of row %i is reported (%s)',
    async (name, _row, _rule, m) => {
      const v = await validar(name);
      expect(v.findings.filter((f) => f.sheet === m.sheet && f.row === m.row).map((f) => f.rule)).toContain(m.rule);
    },
  );

  it.each(names.flatMap((name) => list.files[name].real.map((m) => [name, m.row, m.rule, m] as const)))(
    '%s: the real mistake of row %i is reported (%s)',
    async (name, _row, _rule, m) => {
      const v = await validar(name);
      expect(v.findings.filter((f) => f.sheet === m.sheet && f.row === m.row && f.severity === 'error').map((f) => f.rule)).toContain(m.rule);
    },
  );

  it.each(names)('%s: errors on rows with no planted or real mistake stay under 5 per 100 data rows', async (name) => {
    const v = await validar(name);
    const s = list.files[name];
    const rows = v.sheets.reduce((a, x) => a + x.dataRows, 0);
    expect(rows).toBe(s.dataRows);
    const known = new Set([...s.planted, ...s.real].map(key));
    const noise = v.findings.filter((f) => f.severity === 'error' && !known.has(key(f)));
    const density = (noise.length * 100) / rows;
    console.log(`${name}: ${noise.length} errores de ruido en ${rows} filas = ${density.toFixed(1)} por 100 filas`);
    expect(noise).toEqual([]);
    expect(density).toBeLessThan(5);
  });
});

/** Sheet, cell and rule of each finding Observaciones lists (its table starts under "N.º"). */
async function observaciones(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Observaciones');
  if (!ws) throw new Error('sin hoja Observaciones');
  const out: string[] = [];
  let inTable = false;
  ws.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === 'N.º') {
      inTable = true;
      return;
    }
    if (inTable && typeof first === 'number') out.push(`${String(row.getCell(2).value)}!${String(row.getCell(3).text)} ${ruleIdOf(String(row.getCell(7).value))}`);
  });
  return out.sort();
}

const viaModel: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, Number.MAX_SAFE_INTEGER);
const viaPackage: CliDeps['generateCopy'] = (request, progress) => generateCopy(request, progress, 0);

maybe('generar on the real samples', () => {
  it.each(names.flatMap((n) => [[n, 'model'] as const, [n, 'package'] as const]))('%s (%s path): the copy is written and lists the findings of validar', async (name, how) => {
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'salida.xlsx');
      const g = await tablero(['generar', path.join(samples, name), '-o', out], dir, { now: NOW, deps: { generateCopy: how === 'model' ? viaModel : viaPackage } });
      expect(g.stderr).toBe('');
      expect(g.code).toBe(0);
      const v = await validar(name);
      expect(await observaciones(out)).toEqual(v.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort());
    } finally {
      cleanup();
    }
  });
});

interface HandCheck {
  readonly code: string;
  readonly accumulation: string;
  readonly plannedToDate: number | null;
  readonly executedToDate: number | null;
  readonly compliance: number | null;
  readonly progress: number | null;
  readonly state: string;
}
const hand = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'golden', 'real-layouts', 'hand-check.json'), 'utf8')) as {
  files: Record<string, { cutoff: string; goals: readonly HandCheck[] }>;
};

maybe('compliance of goals checked by hand (test/golden/real-layouts/hand-check.json)', () => {
  it.each(Object.keys(hand.files))('%s: reporte --json gives the hand-computed figures', async (name) => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await tablero(['reporte', path.join(samples, name), '--json'], dir, { now: NOW });
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as { cutoff: string; goals: (HandCheck & Record<string, unknown>)[] };
      expect(report.cutoff).toBe(hand.files[name].cutoff);
      for (const want of hand.files[name].goals) {
        const got = report.goals.find((g) => g.code === want.code);
        expect(got).toBeDefined();
        const close = (a: number | null | undefined, b: number | null) => (b === null ? a === null : a !== null && a !== undefined && Math.abs(a - b) < 1e-9);
        const pick = { code: got?.code, accumulation: got?.accumulation, state: got?.state };
        expect(pick).toEqual({ code: want.code, accumulation: want.accumulation, state: want.state });
        for (const k of ['plannedToDate', 'executedToDate', 'compliance', 'progress'] as const) {
          expect({ code: want.code, [k]: close(got?.[k], want[k]) }).toEqual({ code: want.code, [k]: true });
        }
      }
    } finally {
      cleanup();
    }
  });
});
