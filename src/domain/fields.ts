/**
 * The columns the engine knows (workbooks.md "Columns"). Aliases and header matching live in
 * `headers.ts`; this file only names fields and says what type of value each holds.
 */

/** The kinds the general header matcher tells apart (workbooks.md "Sheet kinds"). */
export type GeneralKind = 'plan-accion' | 'hoja-captura' | 'techos';
/**
 * Every kind of data sheet: the general ones and the four-year plan indicativo
 * (real-formats.md "Kinds added"), which a format description of the catalog recognises.
 */
export type SheetKind = GeneralKind | 'plan-indicativo';

/** Spanish name of each sheet kind, as it reads inside a sentence ("la hoja de captura"). */
export const kindLabels: Readonly<Record<SheetKind, string>> = {
  'plan-accion': 'plan de acción',
  'hoja-captura': 'hoja de captura',
  techos: 'techos presupuestales',
  'plan-indicativo': 'plan indicativo',
};

/**
 * Periods are quarters (T1–T4) or, when the sheet has month columns, months (Ene–Dic); an annual
 * follow-up (DNP) has one period, the year; a plan indicativo's periods are the years of its term.
 */
export type PeriodKind = 'quarter' | 'month' | 'year';

export type ValueType =
  | 'text'
  | 'number' // magnitude: may be negative only where the rules allow (línea base, acumulado)
  | 'magnitude' // number ≥ 0 (meta vigencia, programado, ejecutado)
  | 'percent'
  | 'money' // pesos ≥ 0
  | 'date'
  | 'programCode'
  | 'goalCode'
  | 'bpin'
  | 'goalType' // enum: Producto, Gestión, Administrativa
  | 'accumulation' // enum: progress.md
  | 'source' // enum: fuente de financiación
  | 'yesNo'
  | 'goalState'; // blank, Activa, Eliminada / Meta eliminada

/**
 * Per-period fields carry their period number (1..4 for quarters, 1..12 for months, 1..n for the
 * years of a plan indicativo's term). A plan indicativo also has each year's cost: its total
 * (`cost<n>`) and its funding sources (`source<n>_<k>`, k = the source's place in the sheet's
 * list of sources).
 */
export type PeriodField = `planned${number}` | `executed${number}` | `cost${number}` | `source${number}_${number}`;

export type ScalarField =
  | 'dimension'
  | 'sector'
  | 'programCode'
  | 'program'
  | 'goalCode'
  | 'goal'
  | 'indicator'
  | 'unitOfMeasure'
  | 'goalType'
  | 'accumulation'
  | 'baseline'
  | 'termGoal'
  | 'yearGoal'
  | 'weight'
  | 'unit'
  | 'responsible'
  | 'project'
  | 'bpin'
  | 'projectObjective'
  | 'activity'
  | 'startDate'
  | 'endDate'
  | 'activityProgress'
  | 'source'
  | 'amount'
  | 'needsContract'
  | 'executedTotal'
  | 'progressDeclared'
  | 'complianceDeclared'
  | 'budgetFinal'
  | 'commitments'
  | 'obligations'
  | 'payments'
  | 'analysis'
  | 'evidence'
  | 'goalState'
  | 'numerator'
  | 'denominator'
  | 'ceiling'
  | 'productCode'
  | 'product'
  | 'indicatorCode'
  | 'projectCode'
  | 'activityCode'
  | 'activityWeight'
  | 'activityNote';

export type FieldId = ScalarField | PeriodField;

export function plannedField(period: number): PeriodField {
  return `planned${period}`;
}
export function executedField(period: number): PeriodField {
  return `executed${period}`;
}

/** Value type of a field (period fields are magnitudes). */
export function fieldType(field: FieldId): ValueType {
  if (field.startsWith('planned') || field.startsWith('executed')) {
    return field === 'executedTotal' ? 'number' : 'magnitude';
  }
  if (/^(cost|source)\d/.test(field)) return 'money';
  return scalarTypes[field as ScalarField];
}

const scalarTypes: Record<ScalarField, ValueType> = {
  dimension: 'text',
  sector: 'text',
  programCode: 'programCode',
  program: 'text',
  goalCode: 'goalCode',
  goal: 'text',
  indicator: 'text',
  unitOfMeasure: 'text',
  goalType: 'goalType',
  accumulation: 'accumulation',
  baseline: 'number',
  termGoal: 'magnitude',
  yearGoal: 'magnitude',
  weight: 'percent',
  unit: 'text',
  responsible: 'text',
  project: 'text',
  bpin: 'bpin',
  projectObjective: 'text',
  activity: 'text',
  startDate: 'date',
  endDate: 'date',
  activityProgress: 'percent',
  source: 'source',
  amount: 'money',
  needsContract: 'yesNo',
  executedTotal: 'number',
  progressDeclared: 'percent',
  complianceDeclared: 'percent',
  budgetFinal: 'money',
  commitments: 'money',
  obligations: 'money',
  payments: 'money',
  analysis: 'text',
  evidence: 'text',
  goalState: 'goalState',
  numerator: 'number',
  denominator: 'number',
  ceiling: 'money',
  productCode: 'text',
  product: 'text',
  indicatorCode: 'text',
  projectCode: 'text',
  activityCode: 'text',
  activityWeight: 'percent',
  activityNote: 'text',
};

/**
 * Required columns per kind (`*` in workbooks.md). For period fields, "planned" / "executed"
 * stand for the whole family: a capture sheet needs its executed columns.
 */
export type RequiredField = ScalarField | 'executed' | 'planned';

export const requiredFields: Record<SheetKind, readonly RequiredField[]> = {
  'plan-accion': [
    'dimension',
    'programCode',
    'program',
    'goalCode',
    'goal',
    'goalType',
    'accumulation',
    'yearGoal',
    'unit',
    'responsible',
    'activity',
    'startDate',
    'endDate',
    'source',
    'amount',
  ],
  'hoja-captura': ['goalCode', 'goal', 'unit', 'accumulation', 'yearGoal', 'executed'],
  techos: ['programCode', 'ceiling'],
  'plan-indicativo': ['goalCode', 'goal', 'termGoal', 'accumulation', 'planned'],
};

/** Spanish canonical header of each scalar field (used in messages, templates and generated sheets). */
export const canonicalHeaders: Record<ScalarField, string> = {
  dimension: 'Dimensión',
  sector: 'Sector',
  programCode: 'Código programa',
  program: 'Programa',
  goalCode: 'Código meta producto',
  goal: 'Meta de producto',
  indicator: 'Indicador',
  unitOfMeasure: 'Unidad de medida',
  goalType: 'Tipo de meta',
  accumulation: 'Tipo de acumulación',
  baseline: 'Línea base',
  termGoal: 'Meta cuatrienio',
  yearGoal: 'Meta vigencia',
  weight: 'Ponderación',
  unit: 'Dependencia',
  responsible: 'Responsable',
  project: 'Proyecto',
  bpin: 'Código BPIN',
  projectObjective: 'Objetivo del proyecto',
  activity: 'Actividad',
  startDate: 'Fecha inicio',
  endDate: 'Fecha fin',
  activityProgress: '% avance actividad',
  source: 'Fuente de financiación',
  amount: 'Valor programado',
  needsContract: 'Requiere contratación',
  executedTotal: 'Ejecutado acumulado',
  progressDeclared: '% avance',
  complianceDeclared: '% cumplimiento',
  budgetFinal: 'Apropiación definitiva',
  commitments: 'Compromisos',
  obligations: 'Obligaciones',
  payments: 'Pagos',
  analysis: 'Análisis del avance',
  evidence: 'Evidencia',
  goalState: 'Estado de la meta',
  numerator: 'Numerador',
  denominator: 'Denominador',
  ceiling: 'Techo',
  productCode: 'Código producto MGA',
  product: 'Producto',
  indicatorCode: 'Código indicador',
  projectCode: 'Código del proyecto',
  activityCode: 'Código de la actividad',
  activityWeight: 'Ponderación de la actividad',
  activityNote: 'Explicación de la actividad',
};

export const monthNames = [
  'Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic',
] as const;

/** Spanish header of a field, including period fields ("Programado T2", "Ejecutado Mar"). */
/** Spanish name of a required field (`executed` / `planned` stand for the period family). */
export function requiredLabel(field: string): string {
  if (field === 'executed') return 'Ejecutado (por periodo)';
  if (field === 'planned') return 'Programado (por periodo)';
  return headerOf(field as FieldId);
}

export function headerOf(field: FieldId, periodKind: PeriodKind = 'quarter'): string {
  const c = /^(cost|source)(\d+)/.exec(field);
  if (c) return `${c[1] === 'cost' ? 'Total' : 'Fuente'} año ${c[2]}`;
  const m = /^(planned|executed)(\d+)$/.exec(field);
  if (m) {
    const n = Number(m[2]);
    const label = periodKind === 'month' ? monthNames[n - 1] : periodKind === 'year' ? `año ${n}` : `T${n}`;
    return `${m[1] === 'planned' ? 'Programado' : 'Ejecutado'} ${label}`;
  }
  return canonicalHeaders[field as ScalarField];
}
