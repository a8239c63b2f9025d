/**
 * `reporte` and `informe` over several files (issue 9): the report's vigencia and cut-off are
 * `--vigencia` / `--corte` when given, else those of the first file that states them — judged as
 * `consolidar` judges its files (`ConsolidationIntake`) —; files of another vigencia or cut-off
 * are left out of the figures and listed with their reason (text, the informe page, and `files` /
 * `basis` added after the documented fields of `--json`); a plan indicativo with no execution is
 * listed as such, with its summary apart; every file left out is an error (exit 2). Before, every
 * file was merged at the first file's cut-off in silence and the SisPT plan vanished.
 *
 * On the real samples, read on 03/12/2026: Cali's Cuadro 1S names «II TRIMESTRE 2025» (corte
 * 30/06/2025, 20 products); Tenjo's 2025 block is filled through T3 (a finished vigencia: corte
 * 30/09/2025); SisPT is the plan indicativo 2024–2027 (40 products programmed in 2025).
 */
import { existsSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { captureVariant, examples, expectOneCleanLine, repoRoot, tablero, tempDir } from '../cli/io';
import type { Report } from '../../src/app/report';

const real = (name: string) => path.join(repoRoot, '..', 'shared', 'real-layouts', name);
const cali = real('cali-cuadro1s-plan-accion-T2-2025.xlsx');
const tenjo = real('tenjo-pdm-seguimiento.xlsx');
const sispt = real('sispt-plan-indicativo-cajica.xlsx');
const maybe = existsSync(cali) && existsSync(tenjo) && existsSync(sispt) ? describe : describe.skip;
const now = new Date(2026, 11, 3);

const { dir, cleanup } = tempDir('formats-several-');
afterAll(cleanup);

async function json(argv: string[]): Promise<Report> {
  const r = await tablero(['reporte', ...argv, '--json'], dir, { now });
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout) as Report;
}

const brief = (r: Report) => r.files?.map((f) => [f.file, f.included, f.leftOut, f.vigencia, f.cutoff]);

maybe('reporte over real samples of different cut-offs and a plan-only file', () => {
  it('Cali + Tenjo + SisPT: Cali sets 2025 / 30/06/2025; Tenjo (30/09/2025) and SisPT (plan only) are listed, not merged nor dropped', async () => {
    const alone = await json([cali]);
    expect(alone.files).toBeUndefined(); // one file: the documented report, nothing added
    const r = await json([cali, tenjo, sispt]);
    expect([r.vigencia, r.cutoff, r.period]).toEqual([2025, '2025-06-30', 'T2']);
    // Only Cali's goals are in the figures: the same as Cali alone.
    expect(r.plan).toEqual(alone.plan);
    expect(r.goals.length).toBe(alone.goals.length);
    expect(brief(r)).toEqual([
      ['cali-cuadro1s-plan-accion-T2-2025.xlsx', true, null, 2025, '2025-06-30'],
      ['tenjo-pdm-seguimiento.xlsx', false, 'cutoff', 2025, '2025-09-30'],
      ['sispt-plan-indicativo-cajica.xlsx', false, 'plan-only', 2025, null],
    ]);
    expect(r.files![1].reason).toBe(
      '«tenjo-pdm-seguimiento.xlsx» tiene corte 30/09/2025 y «cali-cuadro1s-plan-accion-T2-2025.xlsx» 30/06/2025: queda por fuera de las cifras del reporte (con --corte AAAA-MM-DD todos los archivos se miden a ese corte).',
    );
    // The plan indicativo's own summary for the report's vigencia, as `reporte` on it alone with --vigencia 2025.
    const plan = await json([sispt, '--vigencia', '2025']);
    expect(r.files![2].planSummary?.goals).toBe(plan.planSummary?.goals);
    expect(r.files![2].planSummary?.amount).toBe(plan.planSummary?.amount);
    expect(r.files![2].reason).toContain('trae solo el plan indicativo 2024–2027, sin ejecución');
    expect(r.basis).toBe(
      'Vigencia 2025 y corte 30/06/2025: los de «cali-cuadro1s-plan-accion-T2-2025.xlsx», el primer archivo que los indica; los archivos de otra vigencia o de otro corte quedan por fuera de las cifras.',
    );
    // The documented fields keep their order; the new ones come after them.
    expect(Object.keys(r)).toEqual([...Object.keys(alone), 'files', 'basis']);
  }, 120_000);

  it('the first file that states the period sets it: Tenjo first → 30/09/2025 with Tenjo\'s goals, Cali left out', async () => {
    const alone = await json([tenjo]);
    const r = await json([tenjo, cali]);
    expect([r.cutoff, r.plan.goals]).toEqual(['2025-09-30', alone.plan.goals]);
    expect(brief(r)?.map((x) => x.slice(0, 3))).toEqual([
      ['tenjo-pdm-seguimiento.xlsx', true, null],
      ['cali-cuadro1s-plan-accion-T2-2025.xlsx', false, 'cutoff'],
    ]);
  }, 120_000);

  it('--corte measures every file at it: Cali + Tenjo at 30/09/2025 hold both files\' goals', async () => {
    const [a, b] = [await json([cali, '--corte', '2025-09-30']), await json([tenjo, '--corte', '2025-09-30'])];
    const r = await json([cali, tenjo, '--corte', '2025-09-30']);
    expect([r.cutoff, r.plan.goals]).toEqual(['2025-09-30', a.plan.goals + b.plan.goals]);
    expect(r.files?.every((f) => f.included)).toBe(true);
    expect(r.basis).toContain('(el indicado con --corte): todos los archivos se miden a ese corte');
  }, 120_000);

  it('text output: how the period was chosen, and each file left out with its reason and the plan summary apart', async () => {
    const r = await tablero(['reporte', cali, tenjo, sispt], dir, { now });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Reporte de avance — vigencia 2025, corte 30/06/2025 (T2)');
    expect(lines[1].trim()).toBe(cali); // only the file in the figures
    expect(r.stdout).toContain('  Por fuera de las cifras (2 de 3 archivos)\n');
    expect(r.stdout).toContain('    · «tenjo-pdm-seguimiento.xlsx» tiene corte 30/09/2025 y «cali-cuadro1s-plan-accion-T2-2025.xlsx» 30/06/2025');
    expect(r.stdout).toMatch(/ {4}Plan indicativo 2024–2027 de «sispt-plan-indicativo-cajica\.xlsx», vigencia 2025: \d+ productos con meta/);
  }, 120_000);

  it('informe: the page lists the files left out and their reason; its sources are the files in the figures', async () => {
    const r = await tablero(['informe', cali, tenjo, sispt, '-o', 'varios.html'], dir, { now });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const html = readFileSync(path.join(dir, 'varios.html'), 'utf8');
    expect(html).toContain('<h2>Archivos por fuera de las cifras (2)</h2>');
    expect(html).toContain('«tenjo-pdm-seguimiento.xlsx» tiene corte 30/09/2025');
    expect(html).toContain('«sispt-plan-indicativo-cajica.xlsx» trae solo el plan indicativo 2024–2027');
    expect(html).toMatch(/Fuente: cali-cuadro1s-plan-accion-T2-2025\.xlsx\. Generado/);
  }, 120_000);

  it('--vigencia a file does not hold leaves that file out; if every file is left out there is no report (exit 2, one line)', async () => {
    const r = await json([tenjo, cali, '--vigencia', '2024']);
    expect([r.vigencia, r.cutoff]).toEqual([2024, '2024-12-31']);
    expect(brief(r)?.map((x) => x.slice(0, 3))).toEqual([
      ['tenjo-pdm-seguimiento.xlsx', true, null],
      ['cali-cuadro1s-plan-accion-T2-2025.xlsx', false, 'vigencia'],
    ]);
    expect(r.files![1].reason).toBe('cali-cuadro1s-plan-accion-T2-2025.xlsx: El libro trae el seguimiento de la vigencia 2025, no de 2024: quite --vigencia o indique --vigencia 2025.');
    for (const verb of [['reporte'], ['reporte', '--json'], ['informe', '-o', 'nada.html']]) {
      const none = await tablero([verb[0], tenjo, cali, '--vigencia', '2030', ...verb.slice(1)], dir, { now });
      expect(none.code).toBe(2);
      expectOneCleanLine(none.stderr);
      expect(none.stderr).toMatch(/^tablero: Ningún archivo entra en las cifras: tenjo-pdm-seguimiento\.xlsx: El libro trae el seguimiento de 2024 a 2027, no de 2030/);
      if (verb[1] === '--json') expect(none.stdout).toBe('');
    }
    expect(existsSync(path.join(dir, 'nada.html'))).toBe(false);
  }, 120_000);

  it('consolidar judges the real files the same way: Tenjo (30/09/2025) is not consolidated at Cali\'s 30/06/2025', async () => {
    const r = await tablero(['consolidar', cali, tenjo, '-o', 'cali-tenjo.xlsx'], dir, { now });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tenjo-pdm-seguimiento\.xlsx» tiene corte 30\/09\/2025 y «.*cali-cuadro1s-plan-accion-T2-2025\.xlsx» 30\/06\/2025: consolide hojas de un mismo corte/);
  }, 120_000);
});

const variant = (name: string, vigencia: string, corte: string): Promise<string> => captureVariant(dir, name, vigencia, corte);

describe('reporte over built workbooks of several periods', () => {
  it('T2 + T3 + a 2024 sheet: the T2 file sets the period, the other two are listed with their reason', async () => {
    const t2 = path.join(dir, 'salud-T2.xlsx');
    await fs.copyFile(examples.capture, t2);
    const t3 = await variant('educacion-T3.xlsx', '2025', '30/09/2025');
    const old = await variant('cultura-2024.xlsx', '2024', '30/06/2024');
    const alone = await tablero(['reporte', t2, '--json'], dir);
    const r = await tablero(['reporte', t2, t3, old, '--json'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.plan).toEqual((JSON.parse(alone.stdout) as Report).plan);
    expect(report.files?.map((f) => [f.file, f.included, f.leftOut, f.vigencia, f.cutoff])).toEqual([
      ['salud-T2.xlsx', true, null, 2025, '2025-06-30'],
      ['educacion-T3.xlsx', false, 'cutoff', 2025, '2025-09-30'],
      ['cultura-2024.xlsx', false, 'vigencia', 2024, '2024-06-30'],
    ]);
    expect(report.files![2].reason).toBe('«cultura-2024.xlsx» es de la vigencia 2024 y «salud-T2.xlsx» de la 2025: queda por fuera de las cifras del reporte.');
  }, 120_000);

  it('the plan de acción beside its capture sheet stays in the figures (it is the plan they report against)', async () => {
    const r = await tablero(['reporte', examples.plan, examples.capture, '--json'], dir);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files?.map((f) => f.included)).toEqual([true, true]);
    expect(report.cutoff).toBe('2025-06-30');
  }, 120_000);
});
