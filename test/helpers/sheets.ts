/**
 * Builds realistic plan de acción (PE-F-012), hoja de captura and techos sheets for rule tests
 * from partial row objects: every field has a sensible, valid default, so a table row only says
 * what it is about. The sheets become real .xlsx files (test/helpers/xlsx.ts), are read back by
 * the reader and validated — the same path as the CLI.
 *
 * Layout of every sheet: title block in rows 1–3, header in row 4, data from row 5
 * (`DATA_ROW`). `planCell('amount', 0)` → `'Z5'`: the A1 address of a field in data row i.
 */
import type { CellInput, SheetSpec } from './xlsx';
import { gridsOf } from './xlsx';
import { readWorkbook } from '../../src/domain/reader';
import type { ReadWorkbook } from '../../src/domain/sheet';
import type { EngineOptions } from '../../src/domain/options';
import { defaultRatingRanges } from '../../src/domain/options';
import type { Finding } from '../../src/domain/finding';
import { validateWorkbook } from '../../src/app/validate';
import { allRulesWithBaseline } from '../../src/rules/baseline-index';
import type { ValidationResult } from '../../src/app/validate';
import type { Rule } from '../../src/rules/types';
import { columnLetter } from '../../src/domain/grid';

export const HEADER_ROW = 4;
export const DATA_ROW = 5;

export const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

type Quarter = [CellInput, CellInput, CellInput, CellInput];

export interface PlanRow {
  dimension?: CellInput;
  programCode?: CellInput;
  program?: CellInput;
  goalCode?: CellInput;
  goal?: CellInput;
  indicator?: CellInput;
  unitOfMeasure?: CellInput;
  goalType?: CellInput;
  accumulation?: CellInput;
  baseline?: CellInput;
  yearGoal?: CellInput;
  planned?: Quarter;
  weight?: CellInput;
  unit?: CellInput;
  responsible?: CellInput;
  project?: CellInput;
  bpin?: CellInput;
  activity?: CellInput;
  startDate?: CellInput;
  endDate?: CellInput;
  activityProgress?: CellInput;
  source?: CellInput;
  amount?: CellInput;
  needsContract?: CellInput;
}

type Column<R> = { key: string; header: string; get: (r: R) => CellInput };

function scalar<R>(key: keyof R & string, header: string): Column<R> {
  return { key, header, get: (r) => r[key] as CellInput };
}
function quarters<R>(key: keyof R & string, prefix: string): Column<R>[] {
  return [0, 1, 2, 3].map((i) => ({
    key: `${key}${i + 1}`,
    header: `${prefix} T${i + 1}`,
    get: (r: R) => ((r[key] as Quarter | undefined) ?? [null, null, null, null])[i],
  }));
}

export const planColumns: Column<PlanRow>[] = [
  scalar('dimension', 'Dimensión'),
  scalar('programCode', 'Código programa'),
  scalar('program', 'Programa'),
  scalar('goalCode', 'Código meta producto'),
  scalar('goal', 'Meta de producto'),
  scalar('indicator', 'Indicador'),
  scalar('unitOfMeasure', 'Unidad de medida'),
  scalar('goalType', 'Tipo de meta'),
  scalar('accumulation', 'Tipo de acumulación'),
  scalar('baseline', 'Línea base'),
  scalar('yearGoal', 'Meta vigencia'),
  ...quarters<PlanRow>('planned', 'Programado'),
  scalar('weight', 'Ponderación'),
  scalar('unit', 'Dependencia'),
  scalar('responsible', 'Responsable'),
  scalar('project', 'Proyecto'),
  scalar('bpin', 'Código BPIN'),
  scalar('activity', 'Actividad'),
  scalar('startDate', 'Fecha inicio'),
  scalar('endDate', 'Fecha fin'),
  scalar('activityProgress', '% avance actividad'),
  scalar('source', 'Fuente de financiación'),
  scalar('amount', 'Valor programado'),
  scalar('needsContract', 'Requiere contratación'),
];

export const planDefaults: Required<PlanRow> = {
  dimension: 'Social',
  programCode: '1905',
  program: 'Salud pública',
  goalCode: '1905001',
  goal: 'Vacunar 1.000 niños menores de 5 años',
  indicator: 'Niños vacunados',
  unitOfMeasure: 'Número',
  goalType: 'Producto',
  accumulation: 'Suma',
  baseline: null,
  yearGoal: 1000,
  planned: [250, 250, 250, 250],
  weight: null,
  unit: 'Secretaría de Salud',
  responsible: 'Ana Pérez',
  project: 'Vacunación sin barreras',
  bpin: '2024520010035',
  activity: 'Jornadas de vacunación',
  startDate: d('2025-02-01'),
  endDate: d('2025-11-30'),
  activityProgress: null,
  source: 'SGP Salud',
  amount: 10_000_000,
  needsContract: 'Sí',
};

export interface CaptureRow {
  goalCode?: CellInput;
  goal?: CellInput;
  unit?: CellInput;
  programCode?: CellInput;
  unitOfMeasure?: CellInput;
  accumulation?: CellInput;
  baseline?: CellInput;
  yearGoal?: CellInput;
  planned?: Quarter;
  executed?: Quarter;
  executedTotal?: CellInput;
  progressDeclared?: CellInput;
  budgetFinal?: CellInput;
  commitments?: CellInput;
  obligations?: CellInput;
  payments?: CellInput;
  numerator?: CellInput;
  denominator?: CellInput;
  analysis?: CellInput;
  evidence?: CellInput;
  goalState?: CellInput;
}

export const captureColumns: Column<CaptureRow>[] = [
  scalar('goalCode', 'Código meta producto'),
  scalar('goal', 'Meta de producto'),
  scalar('unit', 'Dependencia'),
  scalar('programCode', 'Código programa'),
  scalar('unitOfMeasure', 'Unidad de medida'),
  scalar('accumulation', 'Tipo de acumulación'),
  scalar('baseline', 'Línea base'),
  scalar('yearGoal', 'Meta vigencia'),
  ...quarters<CaptureRow>('planned', 'Programado'),
  ...quarters<CaptureRow>('executed', 'Ejecutado'),
  scalar('executedTotal', 'Ejecutado acumulado'),
  scalar('progressDeclared', '% avance'),
  scalar('budgetFinal', 'Apropiación definitiva'),
  scalar('commitments', 'Compromisos'),
  scalar('obligations', 'Obligaciones'),
  scalar('payments', 'Pagos'),
  scalar('numerator', 'Numerador'),
  scalar('denominator', 'Denominador'),
  scalar('analysis', 'Análisis del avance'),
  scalar('evidence', 'Evidencia'),
  scalar('goalState', 'Estado de la meta'),
];

/** A goal on schedule at the default cut-off (30/06/2025): 500 of 1.000, 50 %. */
export const captureDefaults: Required<CaptureRow> = {
  goalCode: '1905001',
  goal: 'Vacunar 1.000 niños menores de 5 años',
  unit: 'Secretaría de Salud',
  programCode: '1905',
  unitOfMeasure: 'Número',
  accumulation: 'Suma',
  baseline: null,
  yearGoal: 1000,
  planned: [250, 250, 250, 250],
  executed: [250, 250, null, null],
  executedTotal: 500,
  progressDeclared: 50,
  budgetFinal: 10_000_000,
  commitments: 8_000_000,
  obligations: 5_000_000,
  payments: 4_000_000,
  numerator: null,
  denominator: null,
  analysis: 'Avance conforme a lo programado.',
  evidence: 'Planillas de vacunación en la carpeta compartida',
  goalState: null,
};

export interface CeilingRow {
  programCode?: CellInput;
  program?: CellInput;
  unit?: CellInput;
  source?: CellInput;
  ceiling?: CellInput;
}

export const ceilingColumns: Column<CeilingRow>[] = [
  scalar('programCode', 'Código programa'),
  scalar('program', 'Programa'),
  scalar('unit', 'Dependencia'),
  scalar('source', 'Fuente de financiación'),
  scalar('ceiling', 'Techo'),
];

export const ceilingDefaults: Required<CeilingRow> = {
  programCode: '1905',
  program: 'Salud pública',
  unit: null,
  source: null,
  ceiling: 100_000_000,
};

export interface SheetOptions {
  name?: string;
  /** Columns left out of the sheet (their header too): field keys, `planned1`…, `executed1`…. */
  omit?: string[];
  /** Extra merges, e.g. `mergeRows('goal', 0, 2)`. */
  merges?: string[];
  formats?: Record<string, string>;
  title?: string;
}

function letterOf<R>(columns: Column<R>[], key: string, omit: readonly string[] = []): string {
  const kept = columns.filter((c) => !omit.includes(c.key));
  const i = kept.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`Sin columna ${key}`);
  return columnLetter(i + 1);
}

function build<R>(
  columns: Column<R>[],
  defaults: Required<R>,
  rows: Partial<R>[],
  opts: SheetOptions,
  defaultName: string,
  defaultTitle: string,
): SheetSpec {
  const omit = opts.omit ?? [];
  const kept = columns.filter((c) => !omit.includes(c.key));
  const data = rows.map((partial) => {
    const r = { ...defaults, ...partial } as R;
    return kept.map((c) => c.get(r));
  });
  const formats: Record<string, string> = { ...(opts.formats ?? {}) };
  kept.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    if (c.key === 'startDate' || c.key === 'endDate') formats[letter] = formats[letter] ?? 'dd/mm/yyyy';
  });
  return {
    name: opts.name ?? defaultName,
    rows: [
      ['Alcaldía de San Juan de Pasto'],
      [opts.title ?? defaultTitle],
      [],
      kept.map((c) => c.header),
      ...data,
    ],
    merges: opts.merges,
    formats,
  };
}

const defaultActivities = [
  'Jornadas de vacunación casa a casa',
  'Compra de biológicos e insumos',
  'Capacitación a vacunadores',
  'Campaña de comunicación',
  'Seguimiento a cohortes',
];

/** A plan de acción; rows without an activity get distinct realistic ones (no accidental duplicates). */
export function planSheet(rows: Partial<PlanRow>[], opts: SheetOptions = {}): SheetSpec {
  const withActivities = rows.map((r, i) =>
    r.activity === undefined ? { ...r, activity: defaultActivities[i] ?? `Actividad ${i + 1}` } : r,
  );
  return build(planColumns, planDefaults, withActivities, opts, 'Plan de Acción 2025', 'Plan de Acción - Vigencia 2025');
}
export function captureSheet(rows: Partial<CaptureRow>[], opts: SheetOptions = {}): SheetSpec {
  return build(captureColumns, captureDefaults, rows, opts, 'Hoja de captura', 'Seguimiento al Plan de Acción - Vigencia 2025');
}
export function ceilingSheet(rows: Partial<CeilingRow>[], opts: SheetOptions = {}): SheetSpec {
  return build(ceilingColumns, ceilingDefaults, rows, opts, 'Techos', 'Techos presupuestales 2025');
}

/** A1 address of a field in data row `i` (0-based) of a sheet built with these helpers. */
export function planCell(key: string, i: number, omit: string[] = []): string {
  return `${letterOf(planColumns, key, omit)}${DATA_ROW + i}`;
}
export function captureCell(key: string, i: number, omit: string[] = []): string {
  return `${letterOf(captureColumns, key, omit)}${DATA_ROW + i}`;
}
export function ceilingCell(key: string, i: number): string {
  return `${letterOf(ceilingColumns, key)}${DATA_ROW + i}`;
}

/** A vertical merge of a plan column over data rows `from`..`to` (0-based, inclusive). */
export function planMerge(key: string, from: number, to: number): string {
  return `${planCell(key, from)}:${planCell(key, to)}`;
}
/** Merges of every goal-level plan column over data rows `from`..`to`. */
export function planGoalMerges(from: number, to: number): string[] {
  const goalKeys = [
    'dimension', 'programCode', 'program', 'goalCode', 'goal', 'indicator', 'unitOfMeasure', 'goalType',
    'accumulation', 'baseline', 'yearGoal', 'planned1', 'planned2', 'planned3', 'planned4', 'weight', 'unit',
    'responsible', 'project', 'bpin',
  ];
  return goalKeys.map((k) => planMerge(k, from, to));
}

export const defaultOptions: EngineOptions = {
  cutoff: '2025-06-30',
  vigencia: 2025,
  lagThreshold: 0.8,
  ratingRanges: defaultRatingRanges,
  extraSources: [],
};

export async function readSheets(sheets: SheetSpec[]): Promise<ReadWorkbook> {
  return readWorkbook(await gridsOf(sheets));
}

/** Builds the .xlsx, reads it and validates it with every rule (or the given ones). */
export async function validateSheets(
  sheets: SheetSpec[],
  options: Partial<EngineOptions> = {},
  rules?: readonly Rule[],
): Promise<ValidationResult> {
  const wb = await readSheets(sheets);
  return validateWorkbook(wb, { ...defaultOptions, ...options }, rules ?? allRulesWithBaseline);
}

/** The findings of one rule after validating with every rule (so the run's de-duplication applies). */
export async function findingsOf(
  rule: string,
  sheets: SheetSpec[],
  options: Partial<EngineOptions> = {},
): Promise<Finding[]> {
  const result = await validateSheets(sheets, options);
  return result.findings.filter((f) => f.rule === rule);
}

const monthHeaders = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'];

export interface MonthCaptureRow {
  goalCode: string;
  goal: string;
  unit: string;
  accumulation: string;
  yearGoal: number;
  planned: (number | null)[];
  executed: (number | null)[];
  executedTotal?: number | null;
  analysis?: string | null;
  evidence?: string | null;
}

/**
 * A capture sheet with month columns (Programado Ene … Dic, Ejecutado Ene … Dic). Columns:
 * A code, B goal, C unit, D accumulation, E meta, F–Q programado, R–AC ejecutado, AD acumulado,
 * AE análisis, AF evidencia.
 */
export function monthCaptureSheet(rows: MonthCaptureRow[], name = 'Seguimiento mensual'): SheetSpec {
  const header = [
    'Código meta producto', 'Meta de producto', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia',
    ...monthHeaders.map((m) => `Programado ${m}`),
    ...monthHeaders.map((m) => `Ejecutado ${m}`),
    'Ejecutado acumulado', 'Análisis del avance', 'Evidencia',
  ];
  return {
    name,
    rows: [
      ['Alcaldía de San Juan de Pasto'],
      ['Seguimiento mensual - Vigencia 2025'],
      [],
      header,
      ...rows.map((r) => [
        r.goalCode, r.goal, r.unit, r.accumulation, r.yearGoal,
        ...r.planned, ...r.executed,
        r.executedTotal ?? null, r.analysis ?? 'Avance conforme a lo programado.', r.evidence ?? 'Informes mensuales',
      ]),
    ],
  };
}
