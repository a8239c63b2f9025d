/**
 * A level goal whose meta is on the wrong side of its línea base — to raise, with the meta below it;
 * to bring down, with the meta above it — has no honest figure: both of progress.md's ratios would
 * divide by a negative gap. It is «no medible» (listed for correction; `programming-coherence` says
 * why), never «al día» with an over-execution saying nothing was programmed. So is a goal with a
 * quantity programmed below zero (`negative`).
 */
import { run } from '../../src/cli/main';
import { captureSheet } from '../helpers/sheets';
import { tempDir, testIO, writeFixture } from '../sheets/fixtures';

interface GoalJson {
  code: string;
  state: string;
  compliance: number | null;
  progress: number | null;
}

it('creciente below its línea base, decreciente above it, and a quantity programmed below zero are «no medible», with no over-execution', async () => {
  const dir = await tempDir();
  const file = await writeFixture(dir, 'linea-base.xlsx', [
    captureSheet([
      { goalCode: '1905031', goal: 'Cobertura de vacunación', unit: 'Secretaría de Salud', accumulation: 'Creciente', baseline: 95, yearGoal: 90, planned: [90, 90, 90, 90], executed: [91, 92, null, null] },
      { goalCode: '1905044', goal: 'Tasa de mortalidad infantil', unit: 'Secretaría de Salud', accumulation: 'Decreciente', baseline: 5, yearGoal: 9.5, planned: [9.5, 9.5, 9.5, 9.5], executed: [9, 8, null, null] },
      { goalCode: '1905045', goal: 'Tasa de embarazo adolescente', unit: 'Secretaría de Salud', accumulation: 'Decreciente', baseline: 12, yearGoal: 10, planned: [11, 10, 10, 10], executed: [11, 10, null, null] },
      // A quantity programmed below zero (a `negative` error): no ratio of it means anything either.
      { goalCode: '1905050', goal: 'Realizar 4 jornadas', unit: 'Secretaría de Salud', accumulation: 'Suma', yearGoal: 4, planned: [-1, 2, 2, 1], executed: [1, 1, null, null] },
    ]),
  ]);
  const io = testIO(dir);
  expect(await run(['reporte', file, '--corte', '2025-06-30', '--json'], io)).toBe(0);
  const goals = (JSON.parse(io.out.join('')) as { goals: GoalJson[] }).goals;
  expect(goals.map((g) => [g.code, g.state, g.compliance, g.progress])).toEqual([
    ['1905031', 'no-medible', null, null],
    ['1905044', 'no-medible', null, null],
    ['1905045', 'al-dia', 1, 1],
    ['1905050', 'no-medible', null, null],
  ]);
  const v = testIO(dir);
  await run(['validar', file, '--corte', '2025-06-30', '--json'], v);
  const findings = (JSON.parse(v.out.join('')) as { files: { findings: { rule: string; goal?: string; message: string }[] }[] }).files[0].findings;
  expect(findings.filter((f) => f.rule === 'over-execution' && ['1905031', '1905044', '1905050'].includes(f.goal ?? ''))).toEqual([]);
  expect(findings.filter((f) => f.rule === 'negative').map((f) => f.goal)).toEqual(['1905050']);
  expect(findings.filter((f) => f.rule === 'programming-coherence').map((f) => f.goal).sort()).toEqual(['1905031', '1905044']);
});
