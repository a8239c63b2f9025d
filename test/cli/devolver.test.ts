/**
 * `tablero devolver`: the example workbook (five units in one capture sheet) plus two unit files
 * — Cultura's own, and a second file of Salud that repeats one of the example's goal codes — give
 * one workbook per unit, each holding ONLY its unit's findings and goals. The returns are checked
 * against what `tablero consolidar` writes for the same files: its Observaciones (every finding
 * reaches exactly one unit, or every unit of a shared sheet) and the `reporte --json` states.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { plainValue } from '../../src/xlsx/read';
import { alertCodes, loadXlsx as load, observations, rowsOf, type ObsRow } from '../helpers/generated-sheets';
import { captureCell, captureSheet, planSheet } from '../helpers/sheets';
import { sha256, tempDir, testIO, writeFixture } from '../sheets/fixtures';
import { isOverExecuted } from '../../src/domain/progress';
import type { GoalState } from '../../src/domain/goal';

const example = path.resolve(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx');

const key = (o: ObsRow) => `${o.rule}|${o.goal}|${o.message}`;

describe('tablero devolver', () => {
  it('writes one workbook per unit with only its findings and goals, matching the consolidated review', async () => {
    const dir = await tempDir();
    const cultura = await writeFixture(dir, 'cultura.xlsx', [
      captureSheet(
        [
          { goalCode: 'CUL-01', goal: 'Realizar 12 festivales de música', unit: 'Secretaría de Cultura', programCode: '3301', yearGoal: 12, planned: [3, 3, 3, 3], executed: [1, 1, null, null], executedTotal: 2, progressDeclared: 16.67, analysis: null },
          { goalCode: 'CUL-02', goal: 'Dotar 8 bibliotecas', unit: 'Secretaría de Cultura', programCode: '3301', yearGoal: 8, planned: [2, 2, 2, 2], executed: [2, 2, null, null], executedTotal: 4, progressDeclared: 50, obligations: 9_000_000, commitments: 8_000_000 },
        ],
        { name: 'HC Cultura' },
      ),
    ]);
    // A second file of Salud, repeating the example's goal 1905021: a finding only the consolidation sees.
    const salud = await writeFixture(dir, 'salud.xlsx', [
      captureSheet([
        { goalCode: '1905021', goal: 'Vacunar 1.000 niños menores de 5 años', unit: 'Secretaría de Salud' },
        { goalCode: '1905099', goal: 'Realizar 40 jornadas de salud rural', unit: 'Secretaría de Salud', yearGoal: 40, planned: [10, 10, 10, 10], executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0, analysis: 'Sin contratista.' },
      ], { name: 'HC Salud' }),
    ]);
    const files = [example, cultura, salud];
    const hashes = await Promise.all(files.map(sha256));

    const io = testIO(dir);
    expect(await run(['consolidar', ...files, '--corte', '2025-06-30', '-o', 'consolidado.xlsx'], io)).toBe(0);
    const consolidated = observations((await load(path.join(dir, 'consolidado.xlsx'))).getWorksheet('Observaciones')!);
    expect(await run(['reporte', ...files, '--corte', '2025-06-30', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out[io.out.length - 1]) as { goals: { code: string; unit: string; state: GoalState; compliance: number | null; executedToDate: number | null; plannedToDate: number | null }[] };

    const dio = testIO(dir);
    expect(await run(['devolver', ...files, '--corte', '2025-06-30', '-o', 'devoluciones'], dio)).toBe(0);
    expect(dio.err.join('')).toBe('');
    const written = (await fs.readdir(path.join(dir, 'devoluciones'))).sort();
    const units = [...new Set(report.goals.map((g) => g.unit))].sort((a, b) => a.localeCompare(b, 'es'));
    expect(units).toEqual(['Secretaría de Agricultura', 'Secretaría de Cultura', 'Secretaría de Educación', 'Secretaría de Gobierno', 'Secretaría de Infraestructura', 'Secretaría de Salud']);
    expect(written).toEqual(units.map((u) => `devolucion-${u.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ /g, '-')}.xlsx`));
    expect(dio.out.join('')).toContain('plazo de respuesta 15/07/2025');

    const unitOfGoal = new Map(report.goals.map((g) => [g.code, g.unit]));
    const returned: ObsRow[] = [];
    for (const [i, unit] of units.entries()) {
      const wb = await load(path.join(dir, 'devoluciones', written[i]));
      expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Devolución', 'Observaciones', 'Alertas']);
      const cover = rowsOf(wb.getWorksheet('Devolución')!).flat().filter((v) => typeof v === 'string').join('\n');
      expect(cover).toContain(`Devolución a la dependencia — ${unit}`);
      expect(cover).toContain('Plazo de respuesta:');
      expect(cover).toContain('a más tardar el 15/07/2025');

      // Observaciones: only this unit's goals; every row points at a unit file's own cell.
      const obs = observations(wb.getWorksheet('Observaciones')!);
      for (const o of obs) {
        if (/^\d{7}$|^CUL-/.test(o.goal)) expect(unitOfGoal.get(o.goal)).toBe(unit);
        expect(o.sheet).not.toBe('Consolidado');
        expect(['hoja-captura-T2-2025.xlsx', 'cultura.xlsx', 'salud.xlsx']).toContain(path.basename(o.file));
      }
      returned.push(...obs);

      // Alertas: exactly the unit's lagging goals and goals above what was due at the cut-off
      // (over-execution, progress.md), with the blank columns.
      const alertas = wb.getWorksheet('Alertas')!;
      const mine = report.goals.filter((g) => g.unit === unit);
      expect(alertCodes(alertas, 1).sort()).toEqual(mine.filter((g) => g.state === 'atrasada' || g.state === 'no-iniciada').map((g) => g.code).sort());
      expect(alertCodes(alertas, 2).sort()).toEqual(mine.filter((g) => g.state !== 'eliminada' && g.state !== 'no-medible' && isOverExecuted(g)).map((g) => g.code).sort());
      const text = rowsOf(alertas).flat().join('\n');
      for (const h of ['Causa del rezago', 'Acción correctiva', 'Responsable', 'Fecha de compromiso']) expect(text).toContain(h);
    }

    // Every consolidated observation reaches the units, and nothing else does.
    expect(returned.map(key).sort()).toEqual(consolidated.map(key).sort());
    // The units' own findings keep their file, sheet and cell exactly.
    const own = consolidated.filter((o) => o.sheet !== 'Consolidado');
    for (const o of own) expect(returned).toContainEqual(o);

    // The finding only the consolidation sees (the repeated goal) points back into the units' files.
    const dup = returned.filter((o) => o.rule === 'duplicate');
    expect(dup.length).toBeGreaterThanOrEqual(1);
    for (const o of dup) {
      const src = await load(path.isAbsolute(o.file) ? o.file : path.join(dir, o.file));
      expect(plainValue(src.getWorksheet(o.sheet)!.getCell(o.cell).value)).toBe('1905021');
    }
    expect(await Promise.all(files.map(sha256))).toEqual(hashes);
  }, 60_000);

  it('returns a consolidated workbook given alone, and never replaces a return without --force', async () => {
    const dir = await tempDir();
    const io = testIO(dir);
    expect(await run(['consolidar', example, '--corte', '2025-06-30', '-o', 'consolidado.xlsx'], io)).toBe(0);
    expect(await run(['devolver', 'consolidado.xlsx', '-o', 'dev'], io)).toBe(0);
    const files = (await fs.readdir(path.join(dir, 'dev'))).sort();
    expect(files).toHaveLength(5);
    const wb = await load(path.join(dir, 'dev', 'devolucion-secretaria-de-educacion.xlsx'));
    const obs = observations(wb.getWorksheet('Observaciones')!);
    expect(obs.map((o) => o.goal)).toContain('2201015');
    // From the consolidated sheet alone: the file, sheet, row and cell of origin.
    for (const o of obs) expect(o.file).toContain('hoja-captura-T2-2025.xlsx');

    // Each observation on the unit's own cell, as `devolver` on the unit's file gives it.
    expect(await run(['devolver', example, '--corte', '2025-06-30', '-o', 'propio'], testIO(dir))).toBe(0);
    const own = observations((await load(path.join(dir, 'propio', 'devolucion-secretaria-de-educacion.xlsx'))).getWorksheet('Observaciones')!);
    const at = (o: ObsRow) => `${o.sheet}|${o.cell}|${o.rule}|${o.goal}|${o.message}`;
    expect(obs.map(at).sort()).toEqual(own.map(at).sort());
    // Not in this workbook: no link, and the subtitle does not promise one.
    expect(rowsOf(wb.getWorksheet('Observaciones')!)[3]?.[1]).toMatch(/corrija cada observación en su libro, en el archivo, la hoja y la celda indicados/);

    const before = await sha256(path.join(dir, 'dev', files[0]));
    const again = testIO(dir);
    expect(await run(['devolver', 'consolidado.xlsx', '-o', 'dev'], again)).toBe(2);
    expect(again.err.join('')).toMatch(/ya existe; use --force/);
    expect(await sha256(path.join(dir, 'dev', files[0]))).toBe(before);
    expect(await run(['devolver', 'consolidado.xlsx', '-o', 'dev', '--force'], testIO(dir))).toBe(0);
  }, 60_000);

  it('from a consolidated workbook, a finding names the unit’s own cell and the rows its message cites are the unit’s', async () => {
    const dir = await tempDir();
    // Infraestructura's file repeats goal 2402090 on its third row, with its columns in
    // its own order (no dimension, no program): the consolidated sheet puts them elsewhere.
    const infra = await writeFixture(dir, 'infra.xlsx', [
      captureSheet(
        [
          { goalCode: '2402089', goal: 'Placa huella 12 km rurales', unit: 'Secretaría de Infraestructura', yearGoal: 25, planned: [5, 5, 5, 10], executed: [5, 5, null, null], executedTotal: 10, progressDeclared: 40 },
          { goalCode: '2402090', goal: 'Mejorar 40 puentes peatonales', unit: 'Secretaría de Infraestructura', yearGoal: 40, planned: [10, 10, 10, 10], executed: [10, 10, null, null], executedTotal: 20, progressDeclared: 50 },
          { goalCode: '2402090', goal: 'Mejorar 40 puentes peatonales', unit: 'Secretaría de Infraestructura', yearGoal: 40, planned: [10, 10, 10, 10], executed: [10, 10, null, null], executedTotal: 20, progressDeclared: 50 },
        ],
        { name: 'HC Infraestructura', omit: ['dimension', 'programCode'] },
      ),
    ]);
    const io = testIO(dir);
    expect(await run(['consolidar', example, infra, '--corte', '2025-06-30', '-o', 'consolidado.xlsx'], io)).toBe(0);
    expect(await run(['devolver', 'consolidado.xlsx', '-o', 'dev'], testIO(dir))).toBe(0);
    const obs = observations((await load(path.join(dir, 'dev', 'devolucion-secretaria-de-infraestructura.xlsx'))).getWorksheet('Observaciones')!);
    const dup = obs.filter((o) => o.rule === 'duplicate' && o.file === infra);
    expect(dup).toHaveLength(1);
    expect(dup[0].sheet).toBe('HC Infraestructura');
    expect(dup[0].cell).toBe(captureCell('goalCode', 2, ['dimension', 'programCode']));
    expect(dup[0].message).toContain(`ya aparece en la fila ${captureCell('goalCode', 1).replace(/^[A-Z]+/, '')}.`);
    // The same as returning the unit's own file.
    expect(await run(['devolver', infra, '--corte', '2025-06-30', '-o', 'propio'], testIO(dir))).toBe(0);
    const own = observations((await load(path.join(dir, 'propio', 'devolucion-secretaria-de-infraestructura.xlsx'))).getWorksheet('Observaciones')!);
    const at = (o: ObsRow) => `${o.sheet}|${o.cell}|${o.rule}|${o.goal}|${o.message}`;
    expect(obs.filter((o) => o.file === infra).map(at).sort()).toEqual(own.map(at).sort());
  }, 60_000);

  it('a consolidated workbook read again still sees the goal two of its files report, and returns it to the unit', async () => {
    const dir = await tempDir();
    // Salud's second file repeats the example's goal 1905021 (its own row 5).
    const salud = await writeFixture(dir, 'salud.xlsx', [
      captureSheet([{ goalCode: '1905021', goal: 'Vacunar 1.000 niños menores de 5 años', unit: 'Secretaría de Salud' }], { name: 'HC Salud' }),
    ]);
    expect(await run(['consolidar', example, salud, '--corte', '2025-06-30', '-o', 'consolidado.xlsx'], testIO(dir))).toBe(0);
    const io = testIO(dir);
    await run(['validar', 'consolidado.xlsx', '--json'], io);
    const v = JSON.parse(io.out.join('')) as { files: { findings: { rule: string; sheet: string; row: number; goal?: string; message: string }[] }[] };
    const dup = v.files[0].findings.filter((f) => f.rule === 'duplicate' && f.goal === '1905021');
    expect(dup).toHaveLength(1);
    expect(dup[0].sheet).toBe('Consolidado');
    expect(dup[0].message).toMatch(/ya aparece en la fila \d+\. Cada meta se reporta en un solo libro\./);

    expect(await run(['devolver', 'consolidado.xlsx', '-o', 'dev'], testIO(dir))).toBe(0);
    const obs = observations((await load(path.join(dir, 'dev', 'devolucion-secretaria-de-salud.xlsx'))).getWorksheet('Observaciones')!);
    const returned = obs.filter((o) => o.rule === 'duplicate');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ file: salud, sheet: 'HC Salud', cell: captureCell('goalCode', 0), goal: '1905021' });
    expect(returned[0].message).toMatch(/ya aparece en la fila \d+ de «.*hoja-captura-T2-2025\.xlsx» \(hoja «HC T2»\)\./);
  }, 60_000);

  it('from a consolidated workbook, a row of ANOTHER sheet that a message cites stays as it is', async () => {
    const dir = await tempDir();
    expect(await run(['consolidar', example, '--corte', '2025-06-30', '-o', 'consolidado.xlsx'], testIO(dir))).toBe(0);
    // The consolidated workbook gets the plan de acción, whose goal 1905021 says 7.000 for the year.
    const wb = await load(path.join(dir, 'consolidado.xlsx'));
    // On its third data row (row 7): consolidated row 7 is a copied row, whose origin row is another.
    const plan = planSheet([{ goalCode: '1905031' }, { goalCode: '1905044' }, { goalCode: '1905021', yearGoal: 7000 }], { name: 'PE-F-012' });
    const ws = wb.addWorksheet('PE-F-012');
    plan.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v === 'string' || typeof v === 'number') ws.getCell(i + 1, j + 1).value = v;
      }),
    );
    await wb.xlsx.writeFile(path.join(dir, 'con-plan.xlsx'));
    const io = testIO(dir);
    await run(['validar', 'con-plan.xlsx', '--json'], io);
    const said = (JSON.parse(io.out.join('')) as { files: { findings: { rule: string; goal?: string; message: string }[] }[] }).files[0].findings.filter(
      (f) => f.rule === 'plan-mismatch' && f.goal === '1905021',
    );
    expect(said.length).toBeGreaterThan(0);
    expect(said[0].message).toContain('(hoja «PE-F-012», fila 7)');
    expect(await run(['devolver', 'con-plan.xlsx', '-o', 'dev'], testIO(dir))).toBe(0);
    const obs = observations((await load(path.join(dir, 'dev', 'devolucion-secretaria-de-salud.xlsx'))).getWorksheet('Observaciones')!);
    expect(obs.filter((o) => o.rule === 'plan-mismatch' && o.goal === '1905021').map((o) => o.message)).toEqual(said.map((f) => f.message));
  }, 60_000);
});
