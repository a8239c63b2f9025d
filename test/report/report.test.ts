/**
 * `reporte --json` end to end on REAL .xlsx files: workbooks built with exceljs the way units fill
 * them (title block, text numbers, percents in points), read back through the exceljs host and the
 * reader, then reported. Every expected number is worked out by hand in the comments — never by
 * calling the engine.
 */
import { buildReport, resolveOptions, toReportJson } from '../../src/app/report';
import { buildProgressModel } from '../../src/domain/progress-model';
import type { EngineOptions } from '../../src/domain/options';
import { defaultRatingRanges } from '../../src/domain/options';
import { readWorkbook } from '../../src/domain/reader';
import type { ReadWorkbook } from '../../src/domain/sheet';
import { gridsOf } from '../helpers/xlsx';
import type { CellInput, SheetSpec } from '../helpers/xlsx';

const header = [
  'Código meta producto', 'Meta de producto', 'Dependencia', 'Dimensión', 'Código programa', 'Tipo de acumulación',
  'Línea base', 'Meta vigencia 2025', 'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4',
  'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4', 'Ponderación', 'Apropiación definitiva',
  'Compromisos', 'Obligaciones', 'Pagos', 'Análisis del avance', 'Estado de la meta',
];

const title = (unit: string): CellInput[][] => [
  ['Alcaldía de San Juan de Pasto'],
  ['Hoja de captura — Seguimiento al Plan de Acción'],
  ['Dependencia:', unit],
  ['Fecha de corte:', '30/06/2025'],
  [],
];

// prettier-ignore
const salud: SheetSpec = {
  name: 'HC Salud',
  rows: [
    ...title('Secretaría de Salud'),
    header,
    // G1 suma, M 10: p = 2 + 3 = 5, e = 1 + 2 = 3 → compliance 0.6, progress 0.3 → atrasada. Weight 50 (points).
    ['1905021', 'Niños vacunados', 'Secretaría de Salud', 'Social', '1905', 'Sumatoria', null, 10, 2, 3, 3, 2, 1, 2, null, null, 50, '$ 100.000.000', 50000000, 20000000, 10000000, 'Retraso en contratación', null],
    // G2 creciente, LB 50, M 70: p = 60, e = 58 → (58−50)/(60−50) = 0.8 → al-dia; progress 8/20 = 0.4. Weight 30.
    ['1905022', 'Cobertura de salud', 'Secretaría de Salud', 'Social', '1905', 'Stock', 50, 70, 55, 60, 65, 70, 54, 58, null, null, 30, 200000000, 150000000, 100000000, 50000000, null, 'Activa'],
    // G3 constante, M 100: p = 100, e = 100 → 1, 1 → al-dia (a level kept in T2 is not yet kept all year). Weight 20.
    ['1905023', 'Red de frío mantenida', 'Secretaría de Salud', 'Social', '1905', 'Mantenimiento', null, 100, 100, 100, 100, 100, 100, 100, null, null, 20, 100000000, 100000000, 0, 0, null, null],
  ],
};

// prettier-ignore
const educacion: SheetSpec = {
  name: 'HC Educación',
  rows: [
    ...title('Secretaría de Educación'),
    header,
    // G4 decreciente, LB 20, M 10: p = 16, e = 17 → (20−17)/(20−16) = 0.75 → atrasada; progress 3/10 = 0.3.
    ['2201001', 'Deserción escolar', 'Secretaría de Educación', 'Social', '2201', 'Reducción', 20, 10, 18, 16, 13, 10, 19, 17, null, null, null, 50000000, 10000000, 5000000, 0, 'Se reforzó el PAE', null],
    // G5 suma, M 4, nothing programmed by T2, nothing executed → p 0, e null → compliance null, progress 0 → sin-programacion.
    ['2201002', 'Aulas dotadas', 'Secretaría de Educación', 'Social', '2201', 'Suma', null, 4, 0, 0, 2, 2, null, null, null, null, null, 50000000, 0, 0, 0, null, null],
    // G6 suma, M 10: p = 10, e = '6' + 6 = 12 → 1.2, 1.2 → sobreejecutada (number typed as text).
    ['2201003', 'Docentes formados', 'Secretaría de Educación', 'Social', '2201', 'Suma', null, 10, 5, 5, 0, 0, '6', 6, null, null, null, null, null, null, null, 'Mayor demanda', null],
    // G7 eliminated: p = 5, e = 1 → 0.2, 0.2, state eliminada; left out of every aggregate.
    ['2201004', 'Meta eliminada', 'Secretaría de Educación', 'Social', '2201', 'Suma', null, 5, 5, null, null, null, 1, null, null, null, null, 900000000, 900000000, 0, 0, null, 'Meta eliminada'],
  ],
};

// prettier-ignore
const gobierno: SheetSpec = {
  name: 'HC Gobierno',
  rows: [
    ...title('Secretaría de Gobierno'),
    header,
    // G8 suma, M 8: p = 2 + 2 = 4, no report → e null, compliance 0, progress 0 → no-iniciada.
    ['GOB-01', 'Consejos de seguridad', 'Secretaría de Gobierno', 'Institucional', '4599', 'Suma', null, 8, 2, 2, 2, 2, null, null, null, null, null, 30000000, 0, 0, 0, null, null],
  ],
};

async function workbookOf(sheets: SheetSpec[]): Promise<ReadWorkbook> {
  return readWorkbook(await gridsOf(sheets));
}

const opts = (over: Partial<EngineOptions> = {}): EngineOptions => ({
  cutoff: '2025-06-30',
  vigencia: 2025,
  lagThreshold: 0.8,
  ratingRanges: defaultRatingRanges,
  extraSources: [],
  ...over,
});

describe('buildReport on capture sheets', () => {
  let wb: ReadWorkbook;
  beforeAll(async () => {
    wb = await workbookOf([salud, educacion, gobierno]);
  });

  it('reads the three capture sheets', () => {
    expect(wb.sheets.map((s) => [s.name, s.kind, s.rows.length])).toEqual([
      ['HC Salud', 'hoja-captura', 3],
      ['HC Educación', 'hoja-captura', 4],
      ['HC Gobierno', 'hoja-captura', 1],
    ]);
  });

  it('reports vigencia, cut-off and period', () => {
    const r = buildReport(wb, opts());
    expect([r.vigencia, r.cutoff, r.period]).toEqual([2025, '2025-06-30', 'T2']);
  });

  it('reports every goal of every capture sheet, in sheet order, with its figures', () => {
    const r = buildReport(wb, opts());
    expect(r.goals.map((g) => [g.code, g.accumulation, g.plannedToDate, g.executedToDate, g.compliance, g.progress, g.state])).toEqual([
      ['1905021', 'suma', 5, 3, 0.6, 0.3, 'atrasada'],
      ['1905022', 'creciente', 60, 58, 0.8, 0.4, 'al-dia'],
      ['1905023', 'constante', 100, 100, 1, 1, 'al-dia'],
      ['2201001', 'decreciente', 16, 17, 0.75, 0.3, 'atrasada'],
      ['2201002', 'suma', 0, null, null, 0, 'sin-programacion'],
      ['2201003', 'suma', 10, 12, 1.2, 1.2, 'sobreejecutada'],
      ['2201004', 'suma', 5, 1, 0.2, 0.2, 'eliminada'],
      ['GOB-01', 'suma', 4, null, 0, 0, 'no-iniciada'],
    ]);
  });

  it('gives a goal exactly the documented fields', () => {
    const r = buildReport(wb, opts());
    expect(r.goals[0]).toEqual({
      code: '1905021', goal: 'Niños vacunados', unit: 'Secretaría de Salud', dimension: 'Social', programCode: '1905',
      accumulation: 'suma', yearGoal: 10, plannedToDate: 5, executedToDate: 3, compliance: 0.6, progress: 0.3, state: 'atrasada',
      // '$ 100.000.000' typed as text reads as 100 000 000 pesos.
      budget: { final: 100000000, commitments: 50000000, obligations: 20000000, payments: 10000000 },
      goalType: null,
    });
    expect(Object.keys(r.goals[0])).toEqual([
      'code', 'goal', 'unit', 'dimension', 'programCode', 'accumulation', 'yearGoal', 'plannedToDate', 'executedToDate',
      'compliance', 'progress', 'state', 'budget', 'goalType',
    ]);
    expect(r.goals[5].budget).toEqual({ final: null, commitments: null, obligations: null, payments: null });
  });

  it('ranks the units and aggregates each one', () => {
    const r = buildReport(wb, opts());
    expect(r.units).toEqual([
      // Educación, no weights → equal. compliance over defined: G4 0.75, G6 min(1.2, 1) = 1 → 1.75/2 = 0.875.
      // progress: (0.3 + 0 + 1)/3 = 0.433333333333. Budget: the eliminated G7's money stays in:
      // Σ final 50M + 50M + 900M = 1.000M, Σ commitments 10M + 900M = 910M → 0.91; obligations 5M → 0.005; payments 0.
      { name: 'Secretaría de Educación', goals: 3, compliance: 0.875, progress: 0.433333333333, budgetExecution: 0.91,
        obligationsRatio: 0.005, paymentsRatio: 0, rating: 'Sobresaliente', rank: 1, states: { sobreejecutada: 1, 'sin-programacion': 1, atrasada: 1 } },
      // Salud, weights 50/30/20: compliance 0.6×0.5 + 0.8×0.3 + 1×0.2 = 0.74; progress 0.3×0.5 + 0.4×0.3 + 1×0.2 = 0.47.
      // Budget: 300M / 400M = 0.75; obligations 120M / 400M = 0.3; payments 60M / 400M = 0.15.
      { name: 'Secretaría de Salud', goals: 3, compliance: 0.74, progress: 0.47, budgetExecution: 0.75,
        obligationsRatio: 0.3, paymentsRatio: 0.15, rating: 'Satisfactorio', rank: 2, states: { atrasada: 1, 'al-dia': 2 } },
      // Gobierno: compliance 0, progress 0, 0 / 30M = 0.
      { name: 'Secretaría de Gobierno', goals: 1, compliance: 0, progress: 0, budgetExecution: 0,
        obligationsRatio: 0, paymentsRatio: 0, rating: 'Crítico', rank: 3, states: { 'no-iniciada': 1 } },
    ]);
    expect(Object.keys(r.units[0])).toEqual([
      'name', 'goals', 'compliance', 'progress', 'budgetExecution', 'obligationsRatio', 'paymentsRatio', 'rating', 'rank', 'states',
    ]);
  });

  it('aggregates dimensions in order of appearance', () => {
    const r = buildReport(wb, opts());
    expect(r.dimensions).toEqual([
      // Social: G1–G6 (weights missing on Educación's goals → equal weights).
      // compliance (0.6 + 0.8 + 1 + 0.75 + 1)/5 = 0.83; progress (0.3 + 0.4 + 1 + 0.3 + 0 + 1)/6 = 0.5;
      // budget with the eliminated G7: (310M + 900M) / (500M + 900M) = 1.210 / 1.400 = 0.864285714286;
      // obligations 125M / 1.400M = 0.0892857142857; payments 60M / 1.400M = 0.0428571428571.
      { name: 'Social', goals: 6, compliance: 0.83, progress: 0.5, budgetExecution: 0.864285714286,
        obligationsRatio: 0.0892857142857, paymentsRatio: 0.0428571428571, rating: 'Sobresaliente',
        states: { sobreejecutada: 1, 'sin-programacion': 1, atrasada: 2, 'al-dia': 2 } },
      { name: 'Institucional', goals: 1, compliance: 0, progress: 0, budgetExecution: 0, obligationsRatio: 0, paymentsRatio: 0,
        rating: 'Crítico', states: { 'no-iniciada': 1 } },
    ]);
    expect(Object.keys(r.dimensions[0])).toEqual([
      'name', 'goals', 'compliance', 'progress', 'budgetExecution', 'obligationsRatio', 'paymentsRatio', 'rating', 'states',
    ]);
  });

  it('aggregates the plan', () => {
    const r = buildReport(wb, opts());
    // 7 goals (G7 eliminated). compliance (0.6 + 0.8 + 1 + 0.75 + 1 + 0)/6 = 4.15/6 = 0.691666666667 → Medio.
    // progress (0.3 + 0.4 + 1 + 0.3 + 0 + 1 + 0)/7 = 3/7 = 0.428571428571.
    // budget (the eliminated G7's 900M stays in): (310M + 900M) ÷ (530M + 900M) = 1.210 / 1.430 = 0.846153846154;
    // obligations 125M ÷ 1.430M = 0.0874125874126; payments 60M ÷ 1.430M = 0.041958041958.
    // T2 of four quarters: the rating is partial.
    expect(r.plan).toEqual({
      goals: 7, compliance: 0.691666666667, progress: 0.428571428571, budgetExecution: 0.846153846154,
      obligationsRatio: 0.0874125874126, paymentsRatio: 0.041958041958, rating: 'Medio',
      states: { sobreejecutada: 1, 'sin-programacion': 1, 'no-iniciada': 1, atrasada: 2, 'al-dia': 2 },
      partial: true,
    });
    expect(Object.keys(r)).toEqual(['vigencia', 'cutoff', 'period', 'goals', 'units', 'dimensions', 'plan', 'programs', 'gestion', 'sources', 'planSummary']);
    // Execution is measured: no plan summary.
    expect(r.planSummary).toBeNull();
    // No tipo de meta column: every goal is a product goal; no source column: no execution by source.
    expect([r.gestion, r.sources]).toEqual([null, []]);
  });

  it('survives a round trip through JSON unchanged', () => {
    const r = buildReport(wb, opts());
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('uses the lag threshold of the options', () => {
    // With 0.6, G1 (0.6) and G4 (0.75) are al-dia.
    const r = buildReport(wb, opts({ lagThreshold: 0.6 }));
    expect(r.goals.filter((g) => g.state === 'atrasada')).toEqual([]);
  });

  it('measures nothing before the end of the first quarter', () => {
    const r = buildReport(wb, opts({ cutoff: '2025-03-30' }));
    expect(r.period).toBeNull();
    // Every goal: nothing due, nothing executed; G3 constante has nothing programmed by c = 0 either.
    expect(r.goals.filter((g) => g.state !== 'eliminada').every((g) => g.state === 'sin-programacion')).toBe(true);
    expect([r.plan.compliance, r.plan.rating]).toEqual([null, null]);
  });

  it('gives the richer model: lists, programs, deadline', () => {
    const m = buildProgressModel(wb, opts());
    expect(m.rezagadas.map((g) => g.input.code)).toEqual(['1905021', '2201001', 'GOB-01']);
    expect(m.sobreejecutadas.map((g) => g.input.code)).toEqual(['2201003']);
    expect(m.unreported).toEqual([]);
    // T2 ends 30 June 2025; + 15 = Tuesday 15 July 2025.
    expect([m.cutoffPeriod, m.deadline, m.source, m.entity]).toEqual([2, '2025-07-15', 'hoja-captura', 'Alcaldía de San Juan de Pasto']);
    expect(m.programs.map((p) => [p.name, p.goals])).toEqual([['1905', 3], ['2201', 3], ['4599', 1]]);
    // Salud program: obligations 120M / 400M = 0.3, payments 60M / 400M = 0.15.
    expect([m.programs[0].obligationsRatio, m.programs[0].paymentsRatio]).toEqual([0.3, 0.15]);
    expect([...m.bySheet.keys()]).toEqual(['HC Salud', 'HC Educación', 'HC Gobierno']);
    expect(m.bySheet.get('HC Educación')!.map((g) => g.input.row)).toEqual([7, 8, 9, 10]);
    // toReportJson of the model = buildReport.
    expect(toReportJson(m)).toEqual(buildReport(wb, opts()));
  });
});

describe('resolveOptions', () => {
  it('takes the cut-off and vigencia of the title block and header', async () => {
    const wb = await workbookOf([salud]);
    expect(resolveOptions({}, wb, '2025-11-20')).toEqual({
      cutoff: '2025-06-30', vigencia: 2025, vigenciaFrom: 'workbook', lagThreshold: 0.8, ratingRanges: defaultRatingRanges, extraSources: [],
      entity: 'Alcaldía de San Juan de Pasto',
    });
  });
  it('lets the flags win', async () => {
    const wb = await workbookOf([salud]);
    const o = resolveOptions({ cutoff: '2025-09-30', vigencia: 2024, lagThreshold: 0.7, entity: 'Municipio X' }, wb, '2025-11-20');
    expect([o.cutoff, o.vigencia, o.lagThreshold, o.entity]).toEqual(['2025-09-30', 2024, 0.7, 'Municipio X']);
  });
  it('defaults the cut-off to the last ended period and the vigencia to its year', async () => {
    // No title block, no year in the headers.
    const plainHeader = header.map((h) => (h === 'Meta vigencia 2025' ? 'Meta vigencia' : h));
    const wb = await workbookOf([{ name: 'HC', rows: [plainHeader, ['A1', 'Meta', 'Salud', null, null, 'Suma', null, 4, 1, 1, 1, 1]] }]);
    // 20 Oct 2025 → 30 Sep 2025; a Date is read as the local calendar day.
    expect([resolveOptions({}, wb, '2025-10-20').cutoff, resolveOptions({}, wb, '2025-10-20').vigencia]).toEqual(['2025-09-30', 2025]);
    expect(resolveOptions({}, wb, new Date(2026, 0, 10)).cutoff).toBe('2025-12-31');
    expect(resolveOptions({}, wb, new Date(2026, 0, 10)).vigencia).toBe(2025);
  });
  it('never defaults the cut-off past the end of the plan\'s vigencia', async () => {
    // Vigencia 2025 from "Meta vigencia 2025"; reviewed on 21 Nov 2026 → 31/12/2025, not 30/09/2026.
    const wb = await workbookOf([{ name: 'HC', rows: [header, ['A1', 'Meta', 'Salud', null, null, 'Suma', null, 4, 1, 1, 1, 1]] }]);
    expect(resolveOptions({}, wb, '2026-11-21').cutoff).toBe('2025-12-31');
    // A flag still wins.
    expect(resolveOptions({ cutoff: '2026-03-31' }, wb, '2026-11-21').cutoff).toBe('2026-03-31');
  });
});

// prettier-ignore
const planHeader = [
  'Dimensión', 'Código programa', 'Programa', 'Código meta producto', 'Meta de producto', 'Tipo de meta', 'Tipo de acumulación',
  'Meta vigencia', 'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4', 'Dependencia', 'Responsable',
  'Actividad', 'Fecha inicio', 'Fecha fin', 'Fuente de financiación', 'Valor programado',
];

// prettier-ignore
const plan: SheetSpec = {
  name: 'PE-F-012',
  rows: [
    ['Alcaldía de San Juan de Pasto'],
    ['Plan de Acción — Vigencia: 2025'],
    [],
    planHeader,
    // Goal 1905021 (two activities): P = 2, 3, 3, 2 → at T2 p = 5, nothing executed → no-iniciada. final 60M + 40M = 100M.
    ['Social', '1905', 'Salud pública', '1905021', 'Niños vacunados', 'Producto', 'Suma', 10, 2, 3, 3, 2, 'Secretaría de Salud', 'Ana', 'Jornadas', '01/02/2025', '30/11/2025', 'SGP Salud', '60.000.000'],
    ['Social', '1905', 'Salud pública', '1905021', 'Niños vacunados', 'Producto', 'Suma', 10, 2, 3, 3, 2, 'Secretaría de Salud', 'Ana', 'Insumos', '01/02/2025', '30/11/2025', 'Recursos propios', 40000000],
    // Goal 2201002: nothing programmed before T3 → sin-programacion. final 25M.
    ['Social', '2201', 'Educación de calidad', '2201002', 'Aulas dotadas', 'Producto', 'Suma', 4, 0, 0, 2, 2, 'Secretaría de Educación', 'Luis', 'Dotación', '01/07/2025', '30/11/2025', 'SGP Educación', 25000000],
  ],
};

// prettier-ignore
const techos: SheetSpec = {
  name: 'Techos',
  rows: [
    ['Código programa', 'Programa', 'Techo'],
    ['1905', 'Salud pública', 200000000],
    ['2201', 'Educación de calidad', 20000000],
  ],
};

describe('buildReport on a plan de acción only', () => {
  it('summarises the plan: nothing measured, no rating, no rezagadas (even at year-end)', async () => {
    const wb = await workbookOf([plan, techos]);
    // At 31/12/2025 the plan's goals were due all year; with no follow-up sheet nothing is measured.
    for (const cutoff of ['2025-06-30', '2025-12-31'] as const) {
      const r = buildReport(wb, opts({ cutoff }));
      expect(r.period).toBeNull();
      expect(r.goals.map((g) => [g.code, g.plannedToDate, g.executedToDate, g.compliance, g.progress, g.state, g.budget])).toEqual([
        ['1905021', null, null, null, null, 'sin-programacion', { final: 100000000, commitments: null, obligations: null, payments: null }],
        ['2201002', null, null, null, null, 'sin-programacion', { final: 25000000, commitments: null, obligations: null, payments: null }],
      ]);
      expect(r.plan).toEqual({
        goals: 2, compliance: null, progress: null, budgetExecution: null, obligationsRatio: null, paymentsRatio: null, rating: null,
        states: { 'sin-programacion': 2 }, partial: true,
      });
      expect(r.units.map((u) => [u.name, u.goals, u.compliance, u.budgetExecution, u.rating])).toEqual([
        ['Secretaría de Educación', 1, null, null, null],
        ['Secretaría de Salud', 1, null, null, null],
      ]);
      // No budget execution by source: the amounts by source are in the plan summary.
      expect(r.sources).toEqual([]);
      expect(r.planSummary?.kind).toBe('plan-accion');
      expect(r.planSummary?.note).toMatch(/^Sin ejecución reportada: el libro trae el plan de acción de la vigencia 2025/);
      expect(r.planSummary?.note).toContain('No hay cumplimiento, estados ni calificación que calcular');
    }
  });

  it('summarises amounts per unit, program (with its techo) and source', async () => {
    const m = buildProgressModel(await workbookOf([plan, techos]), opts());
    expect(m.source).toBe('plan-accion');
    expect(m.rezagadas).toEqual([]);
    expect(m.planSummary).toEqual({
      kind: 'plan-accion',
      vigencia: 2025,
      years: [2025],
      goals: 2,
      planGoals: 2,
      amount: 125000000,
      unprogrammedAmount: 0,
      byYear: [{ year: 2025, goals: 2, amount: 125000000, unprogrammedAmount: 0 }],
      byUnit: [
        { name: 'Secretaría de Salud', goals: 1, amount: 100000000, amounts: [100000000] },
        { name: 'Secretaría de Educación', goals: 1, amount: 25000000, amounts: [25000000] },
      ],
      byProgram: [
        // 100M of a 200M techo = 0.5; 25M of 20M = 1.25 (over the techo).
        { name: '1905 — Salud pública', programCode: '1905', goals: 1, amount: 100000000, amounts: [100000000], ceiling: 200000000, ceilingUse: 0.5 },
        { name: '2201 — Educación de calidad', programCode: '2201', goals: 1, amount: 25000000, amounts: [25000000], ceiling: 20000000, ceilingUse: 1.25 },
      ],
      bySource: [
        { name: 'SGP Salud', goals: 1, amount: 60000000, amounts: [60000000] },
        { name: 'Recursos propios', goals: 1, amount: 40000000, amounts: [40000000] },
        { name: 'SGP Educación', goals: 1, amount: 25000000, amounts: [25000000] },
      ],
      unprogrammed: [],
    });
  });

  it('lists plan goals due by the cut-off that no capture sheet reports, and fills descriptive fields from the plan', async () => {
    // A capture sheet with only 2201002 (no dimension column filled, no program code).
    const hc: SheetSpec = {
      name: 'HC',
      rows: [header, ['2201002', 'Aulas dotadas', 'Secretaría de Educación', null, null, 'Suma', null, 4, 0, 0, 2, 2, null, null]],
    };
    const m = buildProgressModel(await workbookOf([plan, hc]), opts());
    // 1905021 is due (p = 5 at T2) and absent from the capture sheet.
    expect(m.unreported.map((g) => [g.input.code, g.state])).toEqual([['1905021', 'no-iniciada']]);
    expect(m.goals.map((g) => [g.input.code, g.input.dimension, g.input.programCode, g.input.program])).toEqual([
      ['2201002', 'Social', '2201', 'Educación de calidad'],
    ]);
  });
});

describe('buildReport on a workbook with no goals', () => {
  it('gives empty lists and null figures', async () => {
    const wb = await workbookOf([techos]);
    const r = buildReport(wb, opts());
    expect(r).toEqual({
      vigencia: 2025, cutoff: '2025-06-30', period: 'T2', goals: [], units: [], dimensions: [],
      plan: { goals: 0, compliance: null, progress: null, budgetExecution: null, obligationsRatio: null, paymentsRatio: null, rating: null, states: {}, partial: true },
      programs: [], gestion: null, sources: [], planSummary: null,
    });
  });
});
