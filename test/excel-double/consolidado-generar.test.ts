/**
 * Generar after Consolidar (issue 13): the reviewer has a unit's own workbook open — Salud's — and
 * consolidates Salud's and Educación's files into it. The «Consolidado» already holds Salud's rows,
 * so the workbook's own capture sheet is not read again: a goal never counts twice. The pane says
 * what it read, and `tablero reporte`, `generar` and `validar` on the saved workbook read the
 * same goals and say the same.
 */
import * as path from 'node:path';
import { createExcelWiring } from '../../src/excel/wiring';
import { createPaneUseCases, readPane } from '../../src/app/pane';
import { buildProgressModel } from '../../src/domain/progress-model';
import { engineOptions } from '../../src/app/pane';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';
import { sheetsOfGrids } from '../browser/fixture';
import { writeSnapshot } from '../browser/saved';
import { unitFile } from '../helpers/unit-files';
import { tablero, tempDir } from '../cli/io';
import { doubleWith, excelOf, officeOf } from './harness';

const noProgress = { report: () => undefined };
const notCancelled = { cancelled: false };

it('a workbook with its «Consolidado» is read through it: its own capture sheet is not read again, in the pane and in the CLI', async () => {
  const salud = await unitFile('Secretaría de Salud');
  const educacion = await unitFile('Secretaría de Educación');
  const xl = doubleWith({ workbookName: 'salud.xlsx' });
  for (const sheet of sheetsOfGrids(gridsOfWorkbook(await loadWorkbook(salud), 'salud.xlsx'))) xl.addSheet(sheet);
  const wiring = createExcelWiring({ excel: excelOf(xl), office: officeOf(xl) });
  const pane = createPaneUseCases(wiring.generateSheet);

  // Before: Salud's own goals.
  const own = readPane(await wiring.host.readGrids('workbook'), {});
  const ownGoals = buildProgressModel(own, engineOptions({}, own)).goals.length;
  expect(ownGoals).toBeGreaterThan(0);

  const picked = [
    { name: 'salud.xlsx', bytes: new Uint8Array(salud) },
    { name: 'educacion.xlsx', bytes: new Uint8Array(educacion) },
  ];
  const outcome = await wiring.consolidate(picked, readXlsxGrids, noProgress, notCancelled);
  expect(outcome.sheet).toBe('Consolidado');

  // After: the consolidated rows only — Salud's goals once, Educación's — and the pane says so.
  const grids = await wiring.host.readGrids('workbook');
  const read = readPane(grids, {});
  // One part of «Consolidado» per unit file, each read as that file was read.
  const captures = read.sheets.filter((s) => s.kind === 'hoja-captura');
  expect(captures.map((s) => [s.name, s.part?.file])).toEqual([
    ['Consolidado', 'salud.xlsx'],
    ['Consolidado', 'educacion.xlsx'],
  ]);
  const model = buildProgressModel(read, engineOptions({}, read));
  const units = new Map<string, number>();
  for (const g of model.goals) units.set(g.input.unit ?? '', (units.get(g.input.unit ?? '') ?? 0) + 1);
  expect(units.get('Secretaría de Salud')).toBe(ownGoals);
  expect(units.get('Secretaría de Educación')).toBeGreaterThan(0);
  expect(model.goals).toHaveLength(outcome.rows);
  const detection = pane.detect(grids, {});
  expect(detection.note).toBe(
    'Se leyó la hoja consolidada «Consolidado»; la hoja de captura propia del libro («HC T2») no se leyó: el consolidado la reemplaza (si sus filas no están en él, incluya este libro al consolidar).',
  );
  expect(await pane.generate('tablero', grids, {}, noProgress, notCancelled)).toBe('Tablero de control');

  // The same workbook saved and given to the command line: the same goals, the same words.
  const { dir, cleanup } = tempDir('tablero-consolidado-generar-');
  try {
    await writeSnapshot(xl.snapshot(), path.join(dir, 'salud-consolidado.xlsx'));
    const r = await tablero(['reporte', 'salud-consolidado.xlsx', '--json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { goals: { code: string; unit: string; state: string }[] };
    expect(report.goals.map((g) => [g.code, g.unit, g.state])).toEqual(model.goals.map((g) => [g.input.code, g.input.unit, g.state]));
    const g = await tablero(['generar', 'salud-consolidado.xlsx', '-o', 'tablero.xlsx'], dir);
    expect(g.code).toBe(0);
    expect(g.stdout).toContain(detection.note!);
    const v = await tablero(['validar', 'salud-consolidado.xlsx'], dir);
    expect(v.stdout).toContain(detection.note!);
  } finally {
    cleanup();
  }
}, 120_000);
