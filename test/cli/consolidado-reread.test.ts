/**
 * A «Consolidado» made from real-format files, read again on its own (issue 13): `validar`,
 * `reporte`, `generar` and `devolver` on the consolidated workbook give the verdicts they give on
 * the units' own files — Cali's activity rows grouped into products, Tenjo's 2025 block, DNP's
 * annual goals with the money of its joined financial sheet — because the workbook keeps how each
 * origin sheet was read (`domain/consolidated.ts`) and the consolidated sheet is read that way.
 *
 * The only differences allowed are addresses: a finding on the consolidated sheet is on its copied
 * row, whose origin columns point back to the file, sheet and row it came from — the finding's row
 * there is the one `validar` gives on that file.
 */
import { copyFileSync, existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gridsOfWorkbook } from '../../src/xlsx/read';
import { originsOf } from '../../src/domain/consolidated';
import type { FindingJson } from '../../src/cli/validar';
import { loadXlsx, observations } from '../helpers/generated-sheets';
import { repoRoot, tablero, tempDir } from './io';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const maybe = existsSync(samples) ? describe : describe.skip;
const NOW = new Date(2025, 9, 20);

interface GoalJson {
  code: string;
  unit: string | null;
  state: string;
  plannedToDate: number | null;
  executedToDate: number | null;
  budget: { final: number | null; commitments: number | null; obligations: number | null; payments: number | null };
}
interface ReportJson {
  cutoff: string;
  goals: GoalJson[];
  plan: { goals: number; states: Record<string, number>; budgetExecution: number | null; compliance: number | null };
}
interface ValidarJson {
  files: { file: string; findings: FindingJson[]; errors: number; warnings: number }[];
}

async function json<T>(argv: readonly string[], cwd: string): Promise<T> {
  const r = await tablero([...argv], cwd, { now: NOW });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

/**
 * A column's header as a message quotes it, without the letter the consolidated sheet adds to a
 * header its file repeats (Cali's «% de Avance Producto (AI)», one per quarter): an address.
 */
const headers = (message: string) => message.replace(/ \([A-Z]{1,3}\)»/g, '»');
/** A finding's words with its row and column numbers taken out (they are addresses). */
const words = (f: Pick<FindingJson, 'rule' | 'severity' | 'goal' | 'message'>) =>
  [f.rule, f.severity, f.goal ?? '', headers(f.message).replace(/fila \d+/g, 'fila N').replace(/columna [A-Z]+\b/g, 'columna X').replace(/\(([A-Z]{1,3})\d+\)/g, '(celda)')].join('|');
const sorted = (xs: readonly string[]) => [...xs].sort();
const goalLine = (g: GoalJson) => JSON.stringify([g.code, g.unit, g.state, g.plannedToDate, g.executedToDate, g.budget]);

/**
 * Consolidates `files` (copied from the samples) into `consolidado.xlsx`, then checks that
 * `validar`, `reporte` and `devolver` on it alone give what they give on the files.
 */
async function expectSameOnConsolidated(files: readonly string[], flags: readonly string[]) {
  const { dir, cleanup } = tempDir('tablero-consolidado-reread-');
  try {
    for (const f of files) copyFileSync(path.join(samples, f), path.join(dir, f));
    const c = await tablero(['consolidar', ...files, ...flags, '-o', 'consolidado.xlsx'], dir, { now: NOW });
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);

    // validar: the same findings, each on the copied row of the row `validar` names in its file.
    const own = await json<ValidarJson>(['validar', ...files, ...flags, '--json'], dir);
    const cons = await json<ValidarJson>(['validar', 'consolidado.xlsx', '--json'], dir);
    const wb = await loadXlsx(path.join(dir, 'consolidado.xlsx'));
    const grid = gridsOfWorkbook(wb, 'consolidado.xlsx').sheets.find((g) => g.name === 'Consolidado')!;
    const origins = originsOf(grid, 5);
    const copied = new Set([...origins.values()].map((o) => `${o.file}|${o.sheet}|${o.row}`));
    const ownKeys = own.files.flatMap((file) =>
      file.findings.map((f) => `${copied.has(`${file.file}|${f.sheet}|${f.row}`) ? `${file.file}|${f.sheet}|${f.row}` : `${file.file}|${f.sheet}|encabezado`}|${words(f)}`),
    );
    const consKeys = cons.files[0].findings.map((f) => {
      expect(f.sheet).toBe('Consolidado');
      const o = origins.get(f.row);
      // A finding on the header (a column the format requires and the file lacks) is on the consolidated header.
      const file = o?.file ?? files.find((x) => f.message.includes(x)) ?? '';
      return `${o ? `${o.file}|${o.sheet}|${o.row}` : `${file}|${f.sheet}|encabezado`}|${words(f)}`;
    });
    expect(consKeys.length).toBeGreaterThan(0);
    expect(sorted(consKeys.filter((k) => !k.includes('|encabezado|')))).toEqual(sorted(ownKeys.filter((k) => !k.includes('|encabezado|'))));
    expect(sorted(consKeys.filter((k) => k.includes('|encabezado|')).map((k) => k.split('|').slice(3).join('|')))).toEqual(
      sorted(ownKeys.filter((k) => k.includes('|encabezado|')).map((k) => k.split('|').slice(3).join('|'))),
    );
    expect(cons.files[0].errors).toBe(own.files.reduce((n, f) => n + f.errors, 0));
    expect(cons.files[0].warnings).toBe(own.files.reduce((n, f) => n + f.warnings, 0));

    // reporte: the same goals (activities grouped into products), states, figures and money.
    const ownReport = await json<ReportJson>(['reporte', ...files, ...flags, '--json'], dir);
    const consReport = await json<ReportJson>(['reporte', 'consolidado.xlsx', '--json'], dir);
    expect(consReport.cutoff).toBe(ownReport.cutoff);
    expect(sorted(consReport.goals.map(goalLine))).toEqual(sorted(ownReport.goals.map(goalLine)));
    expect(consReport.plan.goals).toBe(ownReport.plan.goals);
    expect(consReport.plan.states).toEqual(ownReport.plan.states);

    // generar on it: the same counts as validar.
    const g = await tablero(['generar', 'consolidado.xlsx', '-o', 'tablero.xlsx'], dir, { now: NOW });
    expect(g.code).toBe(0);
    const e = cons.files[0].errors;
    expect(g.stdout).toContain(`${e} ${e === 1 ? 'error' : 'errores'}`);

    // devolver on it alone: the returns devolver writes from the files — each finding on the unit's
    // own cell (file, sheet, cell) and the rows its message cites as the unit's rows.
    const alone = await tablero(['devolver', 'consolidado.xlsx', '-o', 'solo'], dir, { now: NOW });
    const fromFiles = await tablero(['devolver', ...files, ...flags, '-o', 'archivos'], dir, { now: NOW });
    expect(alone.code).toBe(0);
    const lines = (out: string, folder: string) => out.split('\n').filter((l) => l.includes(`${folder}/devolucion-`)).map((l) => l.replace(`${folder}/`, ''));
    expect(lines(alone.stdout, 'solo')).toEqual(lines(fromFiles.stdout, 'archivos'));
    expect(lines(alone.stdout, 'solo').length).toBeGreaterThan(0);
    for (const name of await fs.readdir(path.join(dir, 'solo'))) {
      const at = (o: { file: string; sheet: string; cell: string; rule: string; message: string; goal: string }) => `${o.file}|${o.sheet}|${o.cell}|${o.rule}|${o.goal}|${headers(o.message)}`;
      const a = observations((await loadXlsx(path.join(dir, 'solo', name))).getWorksheet('Observaciones')!).map(at);
      const b = observations((await loadXlsx(path.join(dir, 'archivos', name))).getWorksheet('Observaciones')!).map(at);
      expect(sorted(a)).toEqual(sorted(b));
    }
    return { consReport, ownReport };
  } finally {
    cleanup();
  }
}

maybe('a consolidated workbook of real formats, read again, gives the verdicts of its files', () => {
  it('Cali (activity rows) and Tenjo (year blocks), consolidated at 30/09/2025', async () => {
    const { consReport } = await expectSameOnConsolidated(['cali-cuadro1s-plan-accion-T2-2025.xlsx', 'tenjo-pdm-seguimiento.xlsx'], ['--corte', '2025-09-30']);
    // Cali's 45 activity rows are its 20 products; Tenjo's 45 goals.
    expect(consReport.plan.goals).toBe(65);
  }, 300_000);

  it('DNP (annual goals joined to its financial sheet): the money of every goal survives', async () => {
    const { consReport, ownReport } = await expectSameOnConsolidated(['dnp-seguimiento-pdt-cajica.xlsx'], []);
    const withMoney = consReport.goals.filter((g) => g.budget.final !== null && g.budget.commitments !== null);
    expect(withMoney.length).toBeGreaterThan(10);
    expect(consReport.plan.budgetExecution).not.toBeNull();
    expect(consReport.plan.budgetExecution).toBe(ownReport.plan.budgetExecution);
  }, 300_000);
});
