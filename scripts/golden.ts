/**
 * Golden files: the expected `tablero validar --json` and `tablero reporte --json` of every example
 * workbook (beside it in examples/) and of every real-layout sample in ../shared/real-layouts/
 * (stored in test/golden/real-layouts/, since ../shared is read-only). `test/golden/golden.test.ts`
 * compares them in `npm test`; `npm run golden` rewrites them on purpose — read the diff before
 * committing it.
 *
 * Each run is the real command line, in-process, with the file given by its name from its own
 * folder and "today" fixed at 10/07/2025 (the cut-off comes from the workbook, else from that day).
 */
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { tablero } from '../test/cli/io';

const repoRoot = path.resolve(__dirname, '..');
export const realLayoutsDir = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const TODAY = new Date(2025, 6, 10);

export interface GoldenCase {
  /** The input workbook. */
  readonly input: string;
  /** Where its expected `validar --json` and `reporte --json` are kept. */
  readonly validar: string;
  readonly reporte: string;
}

function xlsxIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$'))
    .sort();
}

function goldenCase(input: string, goldenDir: string): GoldenCase {
  const base = path.join(goldenDir, path.basename(input, '.xlsx'));
  return { input, validar: `${base}.validar.json`, reporte: `${base}.reporte.json` };
}

/** Every example and every real sample, with its golden files. */
export function goldenCases(): GoldenCase[] {
  const examples = path.join(repoRoot, 'examples');
  const real = existsSync(realLayoutsDir) ? xlsxIn(realLayoutsDir) : [];
  return [
    ...xlsxIn(examples).map((f) => goldenCase(path.join(examples, f), examples)),
    ...real.map((f) => goldenCase(path.join(realLayoutsDir, f), path.join(repoRoot, 'test', 'golden', 'real-layouts'))),
  ];
}

/**
 * What `tablero <verb> <file> --json` prints: its JSON on stdout (also when it exits 1 or 2), or —
 * when it prints none, as `reporte` on a workbook with no recognisable sheet — its Spanish line on
 * stderr.
 */
export async function jsonOutput(verb: 'validar' | 'reporte', input: string): Promise<string> {
  const r = await tablero([verb, path.basename(input), '--json'], path.dirname(input), { now: TODAY });
  return r.stdout || r.stderr;
}

async function main(): Promise<void> {
  for (const c of goldenCases()) {
    for (const verb of ['validar', 'reporte'] as const) {
      const out = c[verb];
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, await jsonOutput(verb, c.input));
      console.log(path.relative(repoRoot, out));
    }
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
