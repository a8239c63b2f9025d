/**
 * Capture workbooks for the generated-sheet tests: three units, goals in every state at the
 * 30/06/2025 cut-off, a goal whose name is a formula and an analysis that starts with "+57".
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { captureSheet, planSheet, ceilingSheet } from '../helpers/sheets';
import type { CaptureRow } from '../helpers/sheets';
import { writeXlsx } from '../helpers/xlsx';
import type { SheetSpec } from '../helpers/xlsx';
import type { CliIO } from '../../src/cli/types';

export const INJECTED_GOAL = '=HYPERLINK("http://malo.example","clic")';
export const INJECTED_ANALYSIS = '+57 300 123 4567 llamar al enlace';

export const captureRows: Partial<CaptureRow>[] = [
  // Salud: on schedule, lagging (60 %), not started.
  { goalCode: '1905001', unit: 'Secretaría de Salud' },
  {
    goalCode: '1905002', goal: 'Realizar 40 jornadas de salud rural', unit: 'Secretaría de Salud', yearGoal: 40,
    planned: [10, 10, 10, 10], executed: [6, 6, null, null], executedTotal: 12, progressDeclared: 30,
    analysis: 'Lluvias en zona rural impidieron jornadas.',
  },
  {
    // Reported zeros (not blanks): not started, and no missing-report on blank cells (exceljs drops a
    // note on an empty cell, so a mark there would not survive a save).
    goalCode: '1905003', goal: INJECTED_GOAL, unit: 'Secretaría de Salud', yearGoal: 12,
    planned: [3, 3, 3, 3], executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0,
    analysis: INJECTED_ANALYSIS,
  },
  // Educación: over 100 %, on schedule.
  {
    goalCode: '2201001', goal: 'Dotar 10 sedes educativas', unit: 'Secretaría de Educación', programCode: '2201', yearGoal: 10,
    planned: [2, 3, 3, 2], executed: [6, 6, null, null], executedTotal: 12, progressDeclared: 120,
    budgetFinal: 50_000_000, commitments: 45_000_000, obligations: 30_000_000, payments: 20_000_000,
    analysis: 'Donación adicional del Ministerio.',
  },
  {
    goalCode: '2201002', goal: 'Capacitar 200 docentes', unit: 'Secretaría de Educación', programCode: '2201', yearGoal: 200,
    planned: [50, 50, 50, 50], executed: [50, 45, null, null], executedTotal: 95, progressDeclared: 47.5,
  },
  // Gobierno: lagging at 25 % with a budget-chain error (payments > obligations).
  {
    goalCode: 'GOB-01', goal: 'Implementar 4 consejos comunitarios', unit: 'Secretaría de Gobierno', programCode: '4502', yearGoal: 4,
    planned: [1, 1, 1, 1], executed: [0, 0.5, null, null], executedTotal: 0.5, progressDeclared: 12.5,
    budgetFinal: 20_000_000, commitments: 10_000_000, obligations: 5_000_000, payments: 6_000_000,
    analysis: 'Demoras en la contratación.',
  },
];

export function captureWorkbook(rows: Partial<CaptureRow>[] = captureRows, name = 'HC T2'): SheetSpec[] {
  return [captureSheet(rows, { name })];
}

export function planOnlyWorkbook(): SheetSpec[] {
  return [
    planSheet([
      { goalCode: '1905001', amount: 30_000_000 },
      { goalCode: '1905001', amount: 20_000_000 },
      { goalCode: '2201001', programCode: '2201', program: 'Calidad educativa', unit: 'Secretaría de Educación', goal: 'Dotar 10 sedes educativas', yearGoal: 10, planned: [2, 3, 3, 2], source: 'Recursos propios', amount: 80_000_000 },
    ]),
    ceilingSheet([{ programCode: '1905', ceiling: 40_000_000 }, { programCode: '2201', program: 'Calidad educativa', ceiling: 100_000_000 }]),
  ];
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'tablero-sheets-'));
}

export async function writeFixture(dir: string, name: string, sheets: SheetSpec[]): Promise<string> {
  const p = path.join(dir, name);
  await writeXlsx(p, sheets);
  return p;
}

export async function sha256(p: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(p)).digest('hex');
}

export function testIO(cwd: string, now = new Date(2025, 6, 10, 9, 30)): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), stderrIsTTY: false, cwd, now, out, err };
}
