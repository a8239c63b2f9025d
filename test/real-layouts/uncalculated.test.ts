/**
 * A goal whose figures are formulas saved with no calculated value (a book written by a tool that
 * does not calculate) is «sin dato» — `no-medible`, compliance and progress `null` — never 0 %;
 * and `consolidar`, which reads each unit's file, reads those cells as `validar` does (unknown,
 * not blank: no missing report, one formula-error naming them), not as exceljs's model would.
 *
 * Proven on a copy of the Tenjo sample and on another instance of its format (Guasca, built by
 * `test/helpers/other-instances.ts`): the executed cells of one goal lose their cached values.
 * Which goal is read from `reporte` (the first one with execution reported), which columns from
 * `columnas`; nothing is typed from the files.
 */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildOtherInstances, CUNDINAMARCA_2026, CUNDINAMARCA_SHEET } from '../helpers/other-instances';
import { repoRoot, tablero, tempDir } from '../cli/io';
import type { JsonFinding as Finding } from '../helpers/validar-json';

const TENJO = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'tenjo-pdm-seguimiento.xlsx');

interface Goal {
  code: string;
  state: string;
  plannedToDate: number | null;
  executedToDate: number | null;
  compliance: number | null;
  progress: number | null;
}

let dir = '';
let cleanup = () => {};
let guasca = '';
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  guasca = (await buildOtherInstances(dir))[CUNDINAMARCA_2026];
}, 60_000);
afterAll(() => cleanup());

const cases = () =>
  [
    { name: 'Tenjo (sample)', file: TENJO, sheet: 'PDM', now: new Date(2025, 9, 20) },
    { name: 'Guasca (other instance)', file: guasca, sheet: CUNDINAMARCA_SHEET, now: new Date(2026, 6, 25) },
  ] as const;

async function json<T>(argv: string[], now: Date): Promise<T> {
  const r = await tablero(argv, dir, { now });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

it.each([0, 1])('case %i: uncalculated executed cells make the goal «sin dato» in reporte, and consolidar reads them as validar', async (k) => {
  const c = cases()[k];
  if (!existsSync(c.file)) return;
  const before = await json<{ goals: Goal[]; period: string }>(['reporte', c.file, '--json'], c.now);
  const cut = Number(before.period.replace(/\D/g, ''));
  const goal = before.goals.find((g) => g.state === 'al-dia' && (g.executedToDate ?? 0) > 0 && g.compliance !== null);
  expect(goal).toBeDefined();
  const cols = (await json<{ files: { sheets: { name: string; headerRow: number; columns: { column: string; field: string | null }[] }[] }[] }>(['columnas', c.file, '--json'], c.now)).files[0].sheets.find(
    (s) => s.name === c.sheet,
  );
  const executedCols = Array.from({ length: cut }, (_, i) => cols?.columns.find((x) => x.field === `executed${i + 1}`)?.column ?? '');
  const codeCol = cols?.columns.find((x) => x.field === 'goalCode')?.column ?? '';

  // The goal's executed cells up to the cut-off become formulas saved with no cached value.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(c.file);
  const ws = wb.getWorksheet(c.sheet);
  if (!ws) throw new Error('sin hoja');
  let row = 0;
  ws.getColumn(codeCol).eachCell((cell, r) => {
    if (row === 0 && r > (cols?.headerRow ?? 0) && String(cell.value).trim() === goal?.code) row = r;
  });
  expect(row).toBeGreaterThan(0);
  const cells = executedCols.map((col) => `${col}${row}`);
  for (const a of cells) ws.getCell(a).value = { formula: '1*1' } as ExcelJS.CellFormulaValue;
  const file = path.join(dir, `sin-calcular-${k}.xlsx`);
  await wb.xlsx.writeFile(file);

  // reporte: «sin dato», not 0 %.
  const after = await json<{ goals: Goal[] }>(['reporte', file, '--json'], c.now);
  const got = after.goals.find((g) => g.code === goal?.code);
  expect(got && { state: got.state, executedToDate: got.executedToDate, compliance: got.compliance, progress: got.progress }).toEqual({
    state: 'no-medible',
    executedToDate: null,
    compliance: null,
    progress: null,
  });

  // validar: no missing report on them; the formula-error names them.
  const v = (await json<{ files: { findings: Finding[] }[] }>(['validar', file, '--json'], c.now)).files[0].findings;
  expect(v.filter((f) => f.rule === 'missing-report' && f.row === row)).toEqual([]);
  const uncalculated = v.filter((f) => f.rule === 'formula-error' && f.message.includes('sin valor calculado'));
  expect(uncalculated).toHaveLength(1);
  for (const a of cells) expect(uncalculated[0].message).toContain(a);

  // consolidar: the same findings as validar, the goal «sin dato» in the consolidated figures.
  const out = path.join(dir, `consolidado-${k}.xlsx`);
  const r = await tablero(['consolidar', file, '-o', out], dir, { now: c.now });
  expect(r.stderr).toBe('');
  const cons = new ExcelJS.Workbook();
  await cons.xlsx.readFile(out);
  const obs: string[] = [];
  let header: string[] | undefined;
  cons.getWorksheet('Observaciones')?.eachRow((x) => {
    if (x.getCell(1).value === 'N.º') header = (x.values as unknown[]).map((y) => String(y ?? ''));
    else if (header && typeof x.getCell(1).value === 'number') {
      const at = (h: string) => String(x.getCell(header?.indexOf(h) ?? -1).text);
      obs.push(`${at('Fila')} ${at('Regla')}`);
    }
  });
  const rows = obs.filter((o) => o.startsWith(`${row} `));
  expect(rows.some((o) => o.includes('missing-report'))).toBe(false);
  expect(obs.some((o) => o.includes('formula-error'))).toBe(true);
  expect(obs).toHaveLength(v.length);
});
