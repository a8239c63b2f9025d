/**
 * Consolidar then Generar in the pane, over the Excel double, with real-format files (issue 13):
 * the reviewer consolidates Cali's Cuadro 1S and Tenjo's PDM (cut-off 30/09/2025 in Ajustes), then
 * validates and generates on the open workbook. The «Consolidado» is read as each file was read —
 * Cali's activities grouped into its products, Tenjo's 2025 block — so the pane gives the goals,
 * states and findings `tablero` gives on the two files; and DNP's follow-up keeps the money of its
 * joined financial sheet. The workbook saved from the double gives the same to `tablero reporte`.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createExcelWiring } from '../../src/excel/wiring';
import { createPaneUseCases, engineOptions, readPane } from '../../src/app/pane';
import { buildProgressModel } from '../../src/domain/progress-model';
import { originsOf } from '../../src/domain/consolidated';
import type { WorkbookSettings } from '../../src/app/ports';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { writeSnapshot } from '../browser/saved';
import { repoRoot, tablero, tempDir } from '../cli/io';
import { doubleWith, excelOf, officeOf } from './harness';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const maybe = existsSync(samples) ? describe : describe.skip;
const NOW = new Date(2025, 9, 20);
const noProgress = { report: () => undefined };
const notCancelled = { cancelled: false };

interface GoalJson {
  code: string;
  unit: string | null;
  state: string;
  budget: { final: number | null; commitments: number | null };
}

/**
 * A finding's words without addresses — rows, columns and cells named in a message are positions
 * (the consolidated sheet has its own), and so is the letter it adds to a header its file repeats
 * («% de Avance Producto (AI)»).
 */
const words = (f: { rule: string; message: string }) =>
  `${f.rule}|${f.message.replace(/ \([A-Z]{1,3}\)»/g, '»').replace(/fila \d+/g, 'fila N').replace(/columna [A-Z]+\b/g, 'columna X').replace(/\(([A-Z]{1,3})\d+\)/g, '(celda)')}`;
const sorted = (xs: readonly string[]) => [...xs].sort();

async function consolidatedInPane(files: readonly string[], settings: WorkbookSettings) {
  const xl = doubleWith({ workbookName: 'revision.xlsx' });
  xl.addSheet({ name: 'Hoja1', rows: [] });
  const wiring = createExcelWiring({ excel: excelOf(xl), office: officeOf(xl) });
  await wiring.host.saveSettings(settings);
  const picked = files.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(samples, name))) }));
  const outcome = await wiring.consolidate(picked, readXlsxGrids, noProgress, notCancelled);
  expect(outcome.files.map((f) => f.admitted)).toEqual(files.map(() => true));
  expect(outcome.sheet).toBe('Consolidado');
  const pane = createPaneUseCases(wiring.generateSheet);
  return { xl, wiring, pane, grids: await wiring.host.readGrids('workbook') };
}

async function cli<T>(argv: string[], dir: string): Promise<T> {
  const r = await tablero(argv, dir, { now: NOW });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

maybe('Consolidar then Generar in the pane, on real formats', () => {
  it('Cali and Tenjo: the goals, states and findings of the two files', async () => {
    const files = ['cali-cuadro1s-plan-accion-T2-2025.xlsx', 'tenjo-pdm-seguimiento.xlsx'];
    const settings: WorkbookSettings = { cutoff: '2025-09-30' };
    const { xl, pane, grids } = await consolidatedInPane(files, settings);
    const { dir, cleanup } = tempDir('tablero-consolidado-pane-real-');
    try {
      const paths = files.map((f) => path.join(samples, f));
      const own = await cli<{ files: { findings: { rule: string; message: string }[] }[] }>(['validar', ...paths, '--corte', '2025-09-30', '--json'], dir);
      const report = await cli<{ goals: GoalJson[] }>(['reporte', ...paths, '--corte', '2025-09-30', '--json'], dir);

      // The pane's reading: 20 Cali products (45 activity rows) and 45 Tenjo goals, in the same states.
      const read = readPane(grids, settings);
      const model = buildProgressModel(read, engineOptions(settings, read));
      expect(model.goals).toHaveLength(65);
      expect(sorted(model.goals.map((g) => `${g.input.code}|${g.state}`))).toEqual(sorted(report.goals.map((g) => `${g.code}|${g.state}`)));

      // Validar in the pane: the files' findings, on the consolidated rows that came from their rows.
      const v = await pane.validate(grids, settings);
      expect(sorted(v.findings.map(words))).toEqual(sorted(own.files.flatMap((f) => f.findings).map(words)));
      const origins = originsOf(grids.sheets.find((g) => g.name === 'Consolidado')!, 5);
      expect(v.findings.every((f) => f.sheet === 'Consolidado' && (origins.has(f.row) || f.row === 5))).toBe(true);
      expect(v.findings.filter((f) => origins.get(f.row)?.file === files[0]).length).toBeGreaterThan(0);

      // Generar writes the tablero; the saved workbook gives tablero reporte the same goals.
      expect(await pane.generate('tablero', grids, settings, noProgress, notCancelled)).toBe('Tablero de control');
      await writeSnapshot(xl.snapshot(), path.join(dir, 'revision.xlsx'));
      const saved = await cli<{ goals: GoalJson[] }>(['reporte', 'revision.xlsx', '--json'], dir);
      expect(sorted(saved.goals.map((g) => `${g.code}|${g.unit}|${g.state}`))).toEqual(sorted(report.goals.map((g) => `${g.code}|${g.unit}|${g.state}`)));
    } finally {
      cleanup();
    }
  }, 300_000);

  it('DNP: the money of its joined financial sheet reaches the consolidated goals', async () => {
    const file = 'dnp-seguimiento-pdt-cajica.xlsx';
    const { grids } = await consolidatedInPane([file], {});
    const { dir, cleanup } = tempDir('tablero-consolidado-pane-dnp-');
    try {
      const report = await cli<{ goals: GoalJson[]; plan: { budgetExecution: number | null } }>(['reporte', path.join(samples, file), '--json'], dir);
      const read = readPane(grids, {});
      const model = buildProgressModel(read, engineOptions({}, read));
      const money = (code: string, final: number | null, commitments: number | null) => `${code}|${final}|${commitments}`;
      expect(sorted(model.goals.map((g) => money(g.input.code ?? '', g.input.budget.final, g.input.budget.commitments)))).toEqual(
        sorted(report.goals.map((g) => money(g.code, g.budget.final, g.budget.commitments))),
      );
      expect(model.goals.filter((g) => g.input.budget.commitments !== null).length).toBeGreaterThan(10);
      expect(model.plan.budgetExecution).toBe(report.plan.budgetExecution);
    } finally {
      cleanup();
    }
  }, 300_000);
});
