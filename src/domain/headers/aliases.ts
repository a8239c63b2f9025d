/** The alias tables per sheet kind (workbooks.md "Columns"): every header people write for each field, and the period words. */
import type { GeneralKind, ScalarField } from '../fields';
import { normalize } from '../text';

/**
 * Every header of a scalar field: canonical header first, then the aliases of workbooks.md and a
 * few common variants. `activityProgress` (plan de acción) and `progressDeclared` (hoja de
 * captura) share "% avance" and "Porcentaje de avance": they never belong to the same kind.
 */
export const scalarAliases: Readonly<Record<ScalarField, readonly string[]>> = {
  dimension: ['Dimensión', 'Eje', 'Eje estratégico', 'Línea estratégica', 'Pilar', 'Dimensión del plan'],
  sector: ['Sector'],
  programCode: ['Código programa', 'Cód. programa', 'Código del programa', 'Código de programa', 'Cód programa'],
  program: ['Programa', 'Nombre del programa'],
  goalCode: [
    'Código meta producto', 'Cód. meta', 'Código meta', 'Código producto', 'Código indicador de producto',
    'Código de la meta', 'Código meta de producto', 'No. meta', 'N° meta', 'Número de meta', 'Número meta',
  ],
  goal: ['Meta de producto', 'Meta producto', 'Descripción de la meta', 'Meta'],
  indicator: ['Indicador', 'Indicador de producto'],
  unitOfMeasure: ['Unidad de medida', 'Unidad'],
  goalType: ['Tipo de meta', 'Clasificación de la meta', 'Tipología'],
  accumulation: ['Tipo de acumulación', 'Tipo de programación', 'Tipo de indicador', 'Comportamiento'],
  baseline: ['Línea base', 'LB'],
  termGoal: ['Meta cuatrienio', 'Meta del cuatrienio', 'Meta plan'],
  yearGoal: ['Meta vigencia', 'Meta programada vigencia', 'Meta año', 'Magnitud', 'Meta de la vigencia'],
  weight: ['Ponderación', 'Peso', 'Peso porcentual', '% ponderación'],
  unit: ['Dependencia', 'Dependencia responsable', 'Secretaría', 'Secretaría responsable', 'Oficina responsable', 'Proceso', 'Alcaldía local', 'Entidad'],
  responsible: ['Responsable', 'Nombre del responsable', 'Líder'],
  project: ['Proyecto', 'Proyecto de inversión', 'Nombre del proyecto'],
  bpin: ['Código BPIN', 'BPIN', 'Código proyecto'],
  projectObjective: ['Objetivo del proyecto', 'Objetivo'],
  activity: ['Actividad', 'Actividades', 'Acción'],
  startDate: ['Fecha inicio', 'Fecha de inicio'],
  endDate: ['Fecha fin', 'Fecha terminación', 'Fecha de terminación', 'Fecha final'],
  activityProgress: ['% avance actividad', 'Porcentaje de avance', '% avance', '% de avance actividad'],
  source: ['Fuente de financiación', 'Fuente', 'Fuente de recursos'],
  amount: ['Valor programado', 'Monto', 'Valor', 'Valor ($)', 'Recursos', 'Presupuesto'],
  needsContract: ['Requiere contratación', '¿Requiere contratación?', 'Contratación'],
  executedTotal: ['Ejecutado acumulado', 'Acumulado', 'Avance acumulado', 'Ejecución acumulada'],
  progressDeclared: ['% avance', '% de avance', 'Porcentaje de avance', '% avance acumulado'],
  // progress.md: "% cumplimiento" is the declared compliance at cut-off, not progress of the year.
  complianceDeclared: ['% cumplimiento', '% de cumplimiento', 'Porcentaje de cumplimiento', '% cumplimiento al corte'],
  budgetFinal: ['Apropiación definitiva', 'Presupuesto definitivo', 'Apropiación'],
  commitments: ['Compromisos', 'Registros presupuestales', 'RP'],
  obligations: ['Obligaciones'],
  payments: ['Pagos'],
  analysis: ['Análisis del avance', 'Análisis', 'Observaciones', 'Justificación'],
  evidence: ['Evidencia', 'Evidencias', 'Medio de verificación', 'Soporte'],
  goalState: ['Estado de la meta', 'Estado'],
  numerator: ['Numerador'],
  denominator: ['Denominador'],
  ceiling: ['Techo', 'Techo presupuestal', 'Valor techo', 'Asignación'],
  productCode: ['Código producto MGA', 'Código del producto MGA', 'Código producto (MGA)'],
  product: ['Producto', 'Producto MGA', 'Nombre del producto', 'Nombre producto MGA'],
  indicatorCode: ['Código indicador', 'Código del indicador'],
  projectCode: ['Código del proyecto', 'Código BP'],
  activityCode: ['Código de la actividad', 'Código actividad'],
  activityWeight: ['Ponderación de la actividad', 'Ponderación actividad', 'Peso de la actividad'],
  activityNote: ['Explicación de la actividad', 'Explicación actividad'],
};

/**
 * Scalar fields each kind knows. The capture sheet also knows a few plan columns that capture
 * sheets often carry (programa, indicador, responsable …) so that they reach the rules.
 */
export const kindFields: Readonly<Record<GeneralKind, readonly ScalarField[]>> = {
  'plan-accion': [
    'dimension', 'sector', 'programCode', 'program', 'goalCode', 'goal', 'indicator', 'unitOfMeasure',
    'goalType', 'accumulation', 'baseline', 'termGoal', 'yearGoal', 'weight', 'unit', 'responsible',
    'project', 'bpin', 'projectObjective', 'activity', 'startDate', 'endDate', 'activityProgress',
    'source', 'amount', 'needsContract',
  ],
  'hoja-captura': [
    'goalCode', 'goal', 'unit', 'dimension', 'programCode', 'accumulation', 'baseline', 'yearGoal',
    'executedTotal', 'progressDeclared', 'complianceDeclared', 'weight', 'budgetFinal', 'commitments', 'obligations', 'payments',
    'analysis', 'evidence', 'goalState', 'numerator', 'denominator',
    'program', 'sector', 'indicator', 'unitOfMeasure', 'goalType', 'responsible', 'termGoal', 'source',
  ],
  techos: ['programCode', 'program', 'unit', 'source', 'ceiling'],
};

/** Which period families a kind has: a plan de acción is programmed, not executed. */
export const kindHasExecuted: Readonly<Record<GeneralKind, boolean>> = {
  'plan-accion': false,
  'hoja-captura': true,
  techos: false,
};
export const kindHasPlanned: Readonly<Record<GeneralKind, boolean>> = {
  'plan-accion': true,
  'hoja-captura': true,
  techos: false,
};

/** Per kind: scalar fields as people write them (for docs, templates and tests). */
export const headerAliases: Readonly<Record<GeneralKind, Readonly<Partial<Record<ScalarField, readonly string[]>>>>> = {
  'plan-accion': pick(kindFields['plan-accion']),
  'hoja-captura': pick(kindFields['hoja-captura']),
  techos: pick(kindFields.techos),
};

function pick(fields: readonly ScalarField[]): Partial<Record<ScalarField, readonly string[]>> {
  const out: Partial<Record<ScalarField, readonly string[]>> = {};
  for (const f of fields) out[f] = scalarAliases[f];
  return out;
}

/**
 * Words that name a period column, besides the period itself ("Programado T1", "Avance Ene").
 * A period with no word at all ("Trimestre 1", "I trimestre", "Ene") is programmed.
 */
export const periodWords: Readonly<{ planned: readonly string[]; executed: readonly string[]; filler: readonly string[] }> = {
  planned: ['Programado', 'Programada', 'Programados', 'Programación', 'Meta', 'Metas', 'Planeado', 'Planeada', 'Plan'],
  executed: [
    'Ejecutado', 'Ejecutada', 'Ejecutados', 'Ejecución', 'Avance', 'Avances', 'Reportado', 'Reportada', 'Logro',
    'Logros', 'Logrado', 'Lograda', 'Resultado', 'Real',
  ],
  filler: ['de', 'del', 'la', 'el', 'en', 'físico', 'física', 'físicos', 'magnitud', 'cantidad'],
};

/** Headers that, with a year, name the meta vigencia ("Meta 2025", "Programado 2025"). */
export const yearGoalWithYear: readonly string[] = ['Meta', 'Meta programada', 'Programado', 'Programación', 'Meta física'];

/** Ordinals and numerals that go with "trimestre" ("I trimestre", "Trimestre 1", "primer trimestre"). */
export const quarterNumbers: ReadonlyMap<string, number> = new Map([
  ['1', 1], ['2', 2], ['3', 3], ['4', 4],
  ['i', 1], ['ii', 2], ['iii', 3], ['iv', 4],
  ['primer', 1], ['primero', 1], ['segundo', 2], ['tercer', 3], ['tercero', 3], ['cuarto', 4],
  ['1er', 1], ['1ro', 1], ['1o', 1], ['2do', 2], ['2o', 2], ['3er', 3], ['3ro', 3], ['3o', 3], ['4to', 4], ['4o', 4],
]);

export const plannedWords = new Set(periodWords.planned.map(normalize));
export const executedWords = new Set(periodWords.executed.map(normalize));
export const fillerWords = new Set(periodWords.filler.map(normalize));
export const yearGoalKeys = new Set(yearGoalWithYear.map(normalize));

/** Normalised alias → field, per kind. Two fields sharing an alias within a kind is a bug. */
export const aliasMaps: Readonly<Record<GeneralKind, ReadonlyMap<string, ScalarField>>> = {
  'plan-accion': buildAliasMap('plan-accion'),
  'hoja-captura': buildAliasMap('hoja-captura'),
  techos: buildAliasMap('techos'),
};

function buildAliasMap(kind: GeneralKind): Map<string, ScalarField> {
  const map = new Map<string, ScalarField>();
  for (const field of kindFields[kind]) {
    for (const alias of scalarAliases[field]) {
      const key = normalize(alias);
      const prev = map.get(key);
      if (prev && prev !== field) throw new Error(`Alias "${alias}" de ${kind} repetido: ${prev} y ${field}`);
      map.set(key, field);
    }
  }
  return map;
}
