/**
 * Shared plumbing of the acceptance tests: a capture-sheet builder with its own header (independent
 * of the rule-test helpers), and an in-process `tablero` runner.
 *
 * The acceptance tests never compute an expected figure with the code under test: every expected
 * value is a literal worked out by hand from the spec text, with the arithmetic in a comment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/types';
import type { CellInput, SheetSpec } from '../helpers/xlsx';

export interface Cli {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tablero <argv>` in-process, cwd = `dir`, today = 10/07/2025. */
export async function tablero(argv: string[], dir: string): Promise<Cli> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: false,
    cwd: dir,
    now: new Date(2025, 6, 10),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tablero-acc-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A capture goal, as a liaison types it. Quarters: [T1, T2, T3, T4]. */
export interface Goal {
  code: CellInput;
  goal?: CellInput;
  unit?: CellInput;
  dimension?: CellInput;
  program?: CellInput;
  acc: CellInput;
  lb?: CellInput;
  m: CellInput;
  p: CellInput[];
  e: CellInput[];
  total?: CellInput;
  pct?: CellInput;
  weight?: CellInput;
  final?: CellInput;
  commitments?: CellInput;
  obligations?: CellInput;
  payments?: CellInput;
  analysis?: CellInput;
  evidence?: CellInput;
  state?: CellInput;
}

export const CAPTURE_HEADER = [
  'Código meta producto', 'Meta de producto', 'Dependencia', 'Dimensión', 'Código programa', 'Tipo de acumulación',
  'Línea base', 'Meta vigencia', 'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4',
  'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4', 'Ejecutado acumulado', '% avance', 'Ponderación',
  'Apropiación definitiva', 'Compromisos', 'Obligaciones', 'Pagos', 'Análisis del avance', 'Evidencia', 'Estado de la meta',
];
/** Column letters of CAPTURE_HEADER, for cell addresses in findings. */
export const COL = {
  code: 'A', goal: 'B', unit: 'C', dimension: 'D', program: 'E', acc: 'F', lb: 'G', m: 'H',
  p1: 'I', p2: 'J', p3: 'K', p4: 'L', e1: 'M', e2: 'N', e3: 'O', e4: 'P', total: 'Q', pct: 'R', weight: 'S',
  final: 'T', commitments: 'U', obligations: 'V', payments: 'W', analysis: 'X', evidence: 'Y', state: 'Z',
} as const;
/** Title rows 1–3, header in row 4, first goal in row 5. */
export const FIRST_ROW = 5;

export function captureRow(g: Goal): CellInput[] {
  const q = (xs: CellInput[]) => [0, 1, 2, 3].map((i) => xs[i] ?? null);
  return [
    g.code, g.goal ?? `Meta ${String(g.code)}`, g.unit ?? 'Secretaría de Salud', g.dimension ?? 'Social', g.program ?? '1905',
    g.acc, g.lb ?? null, g.m, ...q(g.p), ...q(g.e), g.total ?? null, g.pct ?? null, g.weight ?? null,
    g.final ?? 10_000_000, g.commitments ?? 8_000_000, g.obligations ?? 5_000_000, g.payments ?? 4_000_000,
    g.analysis === undefined ? 'Se avanza según el cronograma.' : g.analysis,
    g.evidence === undefined ? 'Actas y listados de asistencia' : g.evidence,
    g.state ?? null,
  ];
}

export function captureSpec(goals: Goal[], name = 'HC 2025'): SheetSpec {
  return {
    name,
    rows: [
      ['Alcaldía de San Juan de Pasto'],
      ['Hoja de captura — Seguimiento al Plan de Acción — Vigencia 2025'],
      [],
      CAPTURE_HEADER,
      ...goals.map(captureRow),
    ],
  };
}

// Types of the documented JSON, as the tests read them.
export interface JGoal {
  code: string;
  goal: string;
  unit: string;
  dimension: string | null;
  programCode: string | null;
  accumulation: string | null;
  yearGoal: number | null;
  plannedToDate: number | null;
  executedToDate: number | null;
  compliance: number | null;
  progress: number | null;
  state: string;
  budget: { final: number | null; commitments: number | null; obligations: number | null; payments: number | null };
  goalType: string | null;
}
export interface JFigures {
  name?: string;
  goals: number;
  compliance: number | null;
  progress: number | null;
  budgetExecution: number | null;
  obligationsRatio: number | null;
  paymentsRatio: number | null;
  rating: string | null;
  rank?: number;
  states: Record<string, number>;
  partial?: boolean;
  programCode?: string | null;
}
export interface JSource {
  name: string;
  final: number;
  budgetExecution: number | null;
  obligationsRatio: number | null;
  paymentsRatio: number | null;
}
export interface JReport {
  vigencia: number;
  cutoff: string;
  period: string | null;
  goals: JGoal[];
  units: JFigures[];
  dimensions: JFigures[];
  plan: JFigures;
  programs: JFigures[];
  gestion: JFigures | null;
  sources: JSource[];
}
