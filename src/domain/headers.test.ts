import type { GeneralKind } from './fields';
import { canonicalHeaders } from './fields';
import {
  headerAliases,
  kindOfHeaders,
  matchHeader,
  matchHeaderPair,
  matchHeaderRow,
  scalarAliases,
  type HeaderMatch,
} from './headers';
import { normalize } from './text';

/** The column tables of workbooks.md, copied as written there ("as above" spelled out). */
const specPlan: Record<string, string[]> = {
  dimension: ['Dimensión', 'Eje', 'Eje estratégico', 'Línea estratégica', 'Pilar'],
  sector: ['Sector'],
  programCode: ['Código programa', 'Cód. programa', 'Código del programa'],
  program: ['Programa', 'Nombre del programa'],
  goalCode: ['Código meta producto', 'Cód. meta', 'Código meta', 'Código producto', 'Código indicador de producto'],
  goal: ['Meta de producto', 'Meta producto', 'Descripción de la meta', 'Meta'],
  indicator: ['Indicador', 'Indicador de producto'],
  unitOfMeasure: ['Unidad de medida', 'Unidad'],
  goalType: ['Tipo de meta', 'Clasificación de la meta', 'Tipología'],
  accumulation: ['Tipo de acumulación', 'Tipo de programación', 'Tipo de indicador', 'Comportamiento'],
  baseline: ['Línea base', 'LB'],
  termGoal: ['Meta cuatrienio', 'Meta del cuatrienio', 'Meta plan'],
  yearGoal: ['Meta vigencia', 'Meta programada vigencia', 'Meta año', 'Magnitud'],
  weight: ['Ponderación', 'Peso', 'Peso porcentual', '% ponderación'],
  unit: ['Dependencia', 'Dependencia responsable', 'Secretaría', 'Secretaría responsable', 'Oficina responsable', 'Proceso', 'Alcaldía local', 'Entidad'],
  responsible: ['Responsable', 'Nombre del responsable', 'Líder'],
  project: ['Proyecto', 'Proyecto de inversión', 'Nombre del proyecto'],
  bpin: ['Código BPIN', 'BPIN', 'Código proyecto'],
  projectObjective: ['Objetivo del proyecto', 'Objetivo'],
  activity: ['Actividad', 'Actividades', 'Acción'],
  startDate: ['Fecha inicio', 'Fecha de inicio'],
  endDate: ['Fecha fin', 'Fecha terminación', 'Fecha de terminación', 'Fecha final'],
  activityProgress: ['% avance actividad', 'Porcentaje de avance', '% avance'],
  source: ['Fuente de financiación', 'Fuente', 'Fuente de recursos'],
  amount: ['Valor programado', 'Monto', 'Valor', 'Valor ($)', 'Recursos', 'Presupuesto'],
  needsContract: ['Requiere contratación', '¿Requiere contratación?', 'Contratación'],
};

const specCapture: Record<string, string[]> = {
  goalCode: specPlan.goalCode,
  goal: specPlan.goal,
  unit: specPlan.unit,
  dimension: specPlan.dimension,
  programCode: specPlan.programCode,
  accumulation: specPlan.accumulation,
  baseline: specPlan.baseline,
  yearGoal: specPlan.yearGoal,
  executedTotal: ['Ejecutado acumulado', 'Acumulado', 'Avance acumulado', 'Ejecución acumulada'],
  progressDeclared: ['% avance', '% de avance', 'Porcentaje de avance', '% avance acumulado'],
  // progress.md: "% cumplimiento" is the declared compliance at cut-off, not progress of the year.
  complianceDeclared: ['% cumplimiento', '% de cumplimiento', 'Porcentaje de cumplimiento'],
  weight: specPlan.weight,
  budgetFinal: ['Apropiación definitiva', 'Presupuesto definitivo', 'Apropiación'],
  commitments: ['Compromisos', 'Registros presupuestales', 'RP'],
  obligations: ['Obligaciones'],
  payments: ['Pagos'],
  analysis: ['Análisis del avance', 'Análisis', 'Observaciones', 'Justificación'],
  evidence: ['Evidencia', 'Evidencias', 'Medio de verificación', 'Soporte'],
  goalState: ['Estado de la meta', 'Estado'],
  numerator: ['Numerador'],
  denominator: ['Denominador'],
};

const specTechos: Record<string, string[]> = {
  programCode: specPlan.programCode,
  program: ['Programa'],
  unit: specPlan.unit,
  source: specPlan.source,
  ceiling: ['Techo', 'Techo presupuestal', 'Valor techo', 'Asignación'],
};

function cases(table: Record<string, string[]>): [string, string][] {
  return Object.entries(table).flatMap(([field, aliases]) => aliases.map((a) => [a, field] as [string, string]));
}

describe.each<[GeneralKind, Record<string, string[]>]>([
  ['plan-accion', specPlan],
  ['hoja-captura', specCapture],
  ['techos', specTechos],
])('every header of workbooks.md for %s', (kind, table) => {
  it.each(cases(table))('%j names %s', (header, field) => {
    expect(matchHeader(header, kind)?.field).toBe(field);
  });

  it.each(cases(table))('%j names its field however it is spaced and cased', (header, field) => {
    const messy = `  ${header.toUpperCase().replace(/ /g, '  \n')} `;
    expect(matchHeader(messy, kind)?.field).toBe(field);
  });
});

describe('period columns', () => {
  const planned = ['Programado T1', 'Programación T1', 'Meta T1', 'Trimestre 1', 'I trimestre', 'Programado\nT1', 'PROGRAMADO T1'];
  it.each(planned)('%j is programado T1 in a plan and in a capture sheet', (header) => {
    expect(matchHeader(header, 'plan-accion')).toEqual({ field: 'planned1', periodKind: 'quarter' });
    expect(matchHeader(header, 'hoja-captura')).toEqual({ field: 'planned1', periodKind: 'quarter' });
  });

  it.each([
    ['Programado T2', 'planned2'],
    ['Programado T3', 'planned3'],
    ['Programado T4', 'planned4'],
    ['II trimestre', 'planned2'],
    ['III Trimestre', 'planned3'],
    ['IV trimestre', 'planned4'],
    ['Trimestre 4', 'planned4'],
    ['Meta T3', 'planned3'],
  ])('%j names %s', (header, field) => {
    expect(matchHeader(header, 'hoja-captura')?.field).toBe(field);
  });

  const executed = ['Ejecutado T1', 'Avance T1', 'Ejecución T1', 'Reportado T1', 'Logro T1'];
  it.each(executed)('%j is ejecutado T1 in a capture sheet', (header) => {
    expect(matchHeader(header, 'hoja-captura')).toEqual({ field: 'executed1', periodKind: 'quarter' });
  });

  it.each(executed)('%j names nothing in a plan de acción (a plan is not executed)', (header) => {
    expect(matchHeader(header, 'plan-accion')).toBeUndefined();
  });

  const months = ['Ene', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Jul', 'Ago', 'Sep', 'Oct', 'Nov', 'Dic'];
  const fullMonths = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];
  it.each(months.map((m, i) => [m, fullMonths[i], i + 1] as const))('months: %s / %s are period %d', (short, full, n) => {
    for (const name of [short, full]) {
      expect(matchHeader(`Programado ${name}`, 'hoja-captura')).toEqual({ field: `planned${n}`, periodKind: 'month' });
      expect(matchHeader(`Ejecutado ${name}`, 'hoja-captura')).toEqual({ field: `executed${n}`, periodKind: 'month' });
    }
  });

  it('does not take a percent per period for a magnitude', () => {
    expect(matchHeader('% avance T1', 'hoja-captura')).toBeUndefined();
    expect(matchHeader('Programado T1 y T2', 'hoja-captura')).toBeUndefined();
  });
});

describe('ambiguous headers', () => {
  it.each<[string, GeneralKind, HeaderMatch]>([
    ['Meta', 'hoja-captura', { field: 'goal' }],
    ['Meta vigencia', 'hoja-captura', { field: 'yearGoal' }],
    ['Meta 2025', 'hoja-captura', { field: 'yearGoal', vigencia: 2025 }],
    ['Meta vigencia 2025', 'plan-accion', { field: 'yearGoal', vigencia: 2025 }],
    ['META VIGENCIA (2026)', 'plan-accion', { field: 'yearGoal', vigencia: 2026 }],
    ['Meta T1', 'plan-accion', { field: 'planned1', periodKind: 'quarter' }],
    ['Código meta', 'plan-accion', { field: 'goalCode' }],
    ['% avance', 'hoja-captura', { field: 'progressDeclared' }],
    ['% avance', 'plan-accion', { field: 'activityProgress' }],
    ['% avance actividad', 'plan-accion', { field: 'activityProgress' }],
    ['Avance acumulado', 'hoja-captura', { field: 'executedTotal' }],
    ['Acumulado', 'hoja-captura', { field: 'executedTotal' }],
    ['Estado', 'hoja-captura', { field: 'goalState' }],
    ['Observaciones', 'hoja-captura', { field: 'analysis' }],
    ['Proceso', 'hoja-captura', { field: 'unit' }],
    ['Alcaldía local', 'hoja-captura', { field: 'unit' }],
    ['Programado T1 2025', 'hoja-captura', { field: 'planned1', periodKind: 'quarter', vigencia: 2025 }],
  ])('%j in %s', (header, kind, expected) => {
    expect(matchHeader(header, kind)).toEqual(expected);
  });

  it('keeps "% avance" apart from "avance"', () => {
    expect(normalize('%Avance')).toBe('% avance');
    expect(normalize('% avance')).not.toBe(normalize('avance'));
    expect(matchHeader('Avance', 'hoja-captura')).toBeUndefined();
  });

  it('does not read a cuatrienio range as a vigencia', () => {
    expect(matchHeader('Meta cuatrienio 2024-2027', 'plan-accion')).toEqual({ field: 'termGoal' });
  });

  it('ignores unknown headers and titles', () => {
    for (const h of ['Observación del supervisor', 'PLAN DE ACCIÓN 2025', '', 'x'.repeat(500), '__proto__', 'constructor', 'toString']) {
      expect(matchHeader(h, 'hoja-captura')).toBeUndefined();
    }
  });
});

describe('two-row headers', () => {
  it.each<[string, string, string]>([
    ['PROGRAMACIÓN', 'T1', 'planned1'],
    ['PROGRAMADO', 'T4', 'planned4'],
    ['EJECUCIÓN', 'T2', 'executed2'],
    ['AVANCE', 'T3', 'executed3'],
    ['I TRIMESTRE', 'Programado', 'planned1'],
    ['I TRIMESTRE', 'Ejecutado', 'executed1'],
    ['Trimestre 2', 'Avance', 'executed2'],
    ['PROGRAMADO', 'Ene', 'planned1'],
    ['EJECUTADO', 'Diciembre', 'executed12'],
    ['PRESUPUESTO', 'Compromisos', 'commitments'],
    ['PROGRAMACIÓN', 'Meta vigencia', 'yearGoal'],
    ['Código meta', 'Código meta', 'goalCode'],
  ])('%j over %j names %s', (group, sub, field) => {
    expect(matchHeaderPair(group, sub, 'hoja-captura')?.field).toBe(field);
  });

  it('a group with a period never stands alone', () => {
    expect(matchHeaderPair('I TRIMESTRE', '% avance', 'hoja-captura')).toBeUndefined();
  });

  it('reads a header row whose group cells span their sub-columns', () => {
    const group = [undefined, undefined, 'PROGRAMACIÓN', 'PROGRAMACIÓN', 'EJECUCIÓN', 'EJECUCIÓN'];
    const text = ['Código meta', 'Meta', 'T1', 'T2', 'T1', 'T2'];
    const m = matchHeaderRow(text.map((t, i) => ({ col: i + 1, group: group[i], text: t })), 'hoja-captura');
    expect([...m.columns.entries()].map(([f, c]) => [f, c.col, c.text])).toEqual([
      ['goalCode', 1, 'Código meta'],
      ['goal', 2, 'Meta'],
      ['planned1', 3, 'PROGRAMACIÓN T1'],
      ['planned2', 4, 'PROGRAMACIÓN T2'],
      ['executed1', 5, 'EJECUCIÓN T1'],
      ['executed2', 6, 'EJECUCIÓN T2'],
    ]);
  });
});

describe('sheet kind from the header row', () => {
  it('reads a plan de acción by its activities, dates, source and amount', () => {
    const m = kindOfHeaders([
      'Dimensión', 'Código programa', 'Programa', 'Código meta producto', 'Meta de producto', 'Tipo de meta',
      'Tipo de acumulación', 'Meta vigencia', 'Dependencia', 'Responsable', 'Actividad', 'Fecha inicio', 'Fecha fin',
      'Fuente de financiación', 'Valor programado', '% avance',
    ]);
    expect(m?.kind).toBe('plan-accion');
    expect(m?.missing).toEqual([]);
  });

  it('reads a capture sheet by its executed columns', () => {
    const m = kindOfHeaders(['Código meta', 'Meta', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', 'Ejecutado T1', '% avance']);
    expect(m?.kind).toBe('hoja-captura');
    expect(m?.columns.get('progressDeclared')?.col).toBe(7);
  });

  it('reads a Bogotá plan de gestión as a capture sheet', () => {
    const m = kindOfHeaders(['Proceso', 'Meta', 'Tipo de programación', 'Magnitud', 'Programación T1', 'Ejecución T1', 'Análisis']);
    expect(m?.kind).toBe('hoja-captura');
    expect(m?.missing).toEqual(['goalCode']);
  });

  it('reads techos by program code and ceiling', () => {
    const m = kindOfHeaders(['Código programa', 'Programa', 'Dependencia', 'Fuente', 'Techo']);
    expect(m?.kind).toBe('techos');
  });

  it('needs program code and ceiling for techos', () => {
    expect(kindOfHeaders(['Programa', 'Techo'])).toBeUndefined();
  });

  it('needs at least three required columns for a plan or a capture sheet', () => {
    expect(kindOfHeaders(['Código meta', 'Meta', 'Observaciones'])).toBeUndefined();
    expect(kindOfHeaders(['Código meta', 'Meta', 'Dependencia'])?.kind).toBe('hoja-captura');
  });

  it('lists the missing executed family of a capture sheet as "executed"', () => {
    const m = kindOfHeaders(['Código meta', 'Meta', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', 'Análisis']);
    expect(m?.kind).toBe('hoja-captura');
    expect(m?.missing).toEqual(['executed']);
  });

  it('chooses months when the sheet has month columns', () => {
    const m = kindOfHeaders(['Código meta', 'Meta', 'Dependencia', 'Meta vigencia', 'Ejecutado Enero', 'Ejecutado Febrero', 'Ejecutado Marzo']);
    expect(m?.periodKind).toBe('month');
    expect(m?.columns.get('executed3')?.col).toBe(7);
  });
});

describe('alias tables', () => {
  it('give every canonical header as the first alias', () => {
    for (const [field, aliases] of Object.entries(scalarAliases)) {
      expect(normalize(aliases[0])).toBe(normalize(canonicalHeaders[field as keyof typeof canonicalHeaders]));
    }
  });

  it('list per kind only fields of that kind', () => {
    expect(headerAliases.techos.ceiling).toContain('Techo');
    expect(headerAliases['plan-accion'].ceiling).toBeUndefined();
    expect(headerAliases['hoja-captura'].activityProgress).toBeUndefined();
  });
});
