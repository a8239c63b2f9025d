/**
 * Cundinamarca's quarters (docs/formatos/cundinamarca-pdm.md): parts of the year's expected value
 * that the template adds up, or one level held all year. On the Guasca 2026 instance
 * (test/helpers/other-instances.ts), goal 100 (row 6, TENDENCIA I, expected 1 for 2026):
 *
 * - 0,2 in each quarter of a year expecting 1 are shares that fall short (0,8 of 1), not a level of
 *   0,2: read as a flow — compliance 0,5 ÷ 0,4 at T2, as the template's own «% TOTAL AVANCE» — and
 *   `programming-coherence` says the quarters add up to 0,8. (A level short of the year's value,
 *   Tenjo's 136 ×4 for 150, stays a level: its value is nearer the year's than its sum is.)
 * - a level to raise whose product L.B (50) is above its expected value (1): no figure can be
 *   computed honestly — «no medible», listed for correction, with `programming-coherence` naming the
 *   baseline; never «al día» with a message saying nothing was programmed.
 * - a `#VALUE!` in the row's totals names the number typed as text as its likely cause, never the
 *   L.B the template's authors describe in words («3 parques intervenidos»).
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { tablero } from '../cli/io';
import { otherInstancesInTempDir, withCell, CUNDINAMARCA_2026, CUNDINAMARCA_HEADER_ROW as H, CUNDINAMARCA_SHEET as S } from '../helpers/other-instances';
import type { JsonFinding } from '../helpers/validar-json';

const built = otherInstancesInTempDir('tablero-level-');

const ROW = 6;
const NOW = { now: new Date(2026, 7, 10) };

interface GoalJson {
  code: string;
  accumulation: string;
  plannedToDate: number | null;
  executedToDate: number | null;
  compliance: number | null;
  progress: number | null;
  state: string;
}

async function edited(cells: [string, number | string][]): Promise<string> {
  let file = built.files[CUNDINAMARCA_2026];
  for (const [header, value] of cells) file = await withCell(file, S, H, header, ROW, value);
  return file;
}

async function read(file: string): Promise<{ goal: GoalJson; findings: JsonFinding[] }> {
  const r = await tablero(['reporte', file, '--corte', '2026-06-30', '--json'], built.dir, NOW);
  expect(r.stderr).toBe('');
  const v = await tablero(['validar', file, '--corte', '2026-06-30', '--json'], built.dir, NOW);
  const goal = (JSON.parse(r.stdout) as { goals: GoalJson[] }).goals.find((g) => g.code === '100');
  if (!goal) throw new Error('sin la meta 100');
  return { goal, findings: (JSON.parse(v.stdout) as { files: { findings: JsonFinding[] }[] }).files[0].findings.filter((f) => f.row === ROW) };
}

it('0,2 in each quarter of a year expecting 1 are shares that fall short, not a level of 0,2', async () => {
  const file = await edited([['T1. PLANEADO 2026', 0.2], ['T2. PLANEADO 2026', 0.2], ['T3. PLANEADO 2026', 0.2], ['T4. PLANEADO 2026', 0.2]]);
  const { goal, findings } = await read(file);
  expect(goal).toMatchObject({ accumulation: 'suma', plannedToDate: 0.4, executedToDate: 0.5 });
  expect(goal.compliance).toBeCloseTo(1.25, 9);
  const coherence = findings.filter((f) => f.rule === 'programming-coherence');
  expect(coherence).toHaveLength(1);
  expect(coherence[0].message).toContain('suma 0,8 (T1 0,2 + T2 0,2 + T3 0,2 + T4 0,2) y la meta vigencia es 1');
}, 60_000);

it('a level to raise whose L.B is above its expected value is «no medible», not «al día» with nothing programmed', async () => {
  const file = await edited([['T1. PLANEADO 2026', 1], ['T2. PLANEADO 2026', 1], ['T3. PLANEADO 2026', 1], ['T4. PLANEADO 2026', 1], ['T1. EJECUTADO 2026', 1], ['T2. EJECUTADO 2026', 1], ['L.B', 50]]);
  const { goal, findings } = await read(file);
  expect(goal).toMatchObject({ accumulation: 'creciente', state: 'no-medible', compliance: null, progress: null, plannedToDate: 1, executedToDate: 1 });
  expect(findings.filter((f) => f.rule === 'over-execution')).toEqual([]);
  expect(findings.map((f) => f.message).join(' ')).not.toContain('sin tener nada programado');
  const coherence = findings.filter((f) => f.rule === 'programming-coherence');
  expect(coherence).toHaveLength(1);
  expect(coherence[0].message).toMatch(/línea base/);
}, 60_000);

it('the likely cause of a #VALUE! is the number typed as text, not the L.B written in words', async () => {
  const file = await edited([['L.B', '3 parques intervenidos'], ['T1. EJECUTADO 2026', '0,15']]);
  // The template's totals show the error the text causes (two cells: one finding naming its cause).
  const withError = await withCell(await withCell(file, S, H, 'TOTAL EJECUTADO 2026', ROW, { error: '#VALUE!' }), S, H, '% TOTAL AVANCE 2026', ROW, { error: '#VALUE!' });
  const { findings } = await read(withError);
  const f = findings.filter((x) => x.rule === 'formula-error');
  expect(f).toHaveLength(1);
  expect(f[0].message).toContain('La causa probable está en la misma fila: «0,15» en «T1. EJECUTADO 2026»');
  expect(f[0].message).not.toContain('3 parques intervenidos');
}, 60_000);

it('a tipo de acumulación the format derives from the quarters is not compared with the approved plan', async () => {
  // Goal 105 (row 11, TENDENCIA M, quarters 0, 2, 2, 2: a level) approved; its T4 later raised to 3
  // with its justified entry. The quarters now read as shares, but nobody changed the TENDENCIA.
  const approved = path.join(built.dir, 'guasca-aprobado.xlsx');
  expect((await tablero(['aprobar', built.files[CUNDINAMARCA_2026], '--fecha', '2026-01-28', '--acta', 'Acta 01 de 2026', '-o', approved], built.dir, NOW)).code).toBe(0);
  const changed = await withCell(approved, S, H, 'T4. PLANEADO 2026', 11, 3);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(changed);
  wb.getWorksheet('Control de cambios')?.addRow([new Date(Date.UTC(2026, 4, 10)), '105', 'Programado T4', 2, 3, 'Ajuste de la meta del trimestre', 'Oficio 041']);
  const logged = path.join(built.dir, 'guasca-aprobado-cambio.xlsx');
  await wb.xlsx.writeFile(logged);
  const v = await tablero(['validar', logged, '--corte', '2026-06-30', '--json'], built.dir, NOW);
  const found = (JSON.parse(v.stdout) as { files: { findings: JsonFinding[] }[] }).files[0].findings.filter((f) => f.rule === 'change-without-justification');
  expect(found).toEqual([]);
}, 60_000);
