/**
 * Acceptance: "every rule fires where it should and nowhere else; clean examples give no error".
 *
 * A realistic plan de acción (several goals, several activities per goal with the goal's cells
 * merged, the four tipos de acumulación), its techos and a hoja de captura at the second quarter
 * give no finding at all. The same workbook with one realistic mistake per rule gives exactly one
 * finding per mistake, on the expected cell, and every rule of the catalog fires.
 */
import { indicativoSheet } from '../helpers/plan-indicativo';
import type { SheetSpec } from '../helpers/xlsx';
import {
  captureCell,
  captureSheet,
  ceilingSheet,
  d,
  planCell,
  planGoalMerges,
  planSheet,
  readSheets,
  validateSheets,
} from '../helpers/sheets';
import type { CaptureRow, PlanRow } from '../helpers/sheets';
import { allRulesWithBaseline as allRules } from '../../src/rules/baseline-index';

const salud = { dimension: 'Social', programCode: '1905', program: 'Salud pública', unit: 'Secretaría de Salud', responsible: 'Ana Pérez' };
const educacion = {
  dimension: 'Social',
  programCode: '2201',
  program: 'Calidad educativa',
  unit: 'Secretaría de Educación',
  responsible: 'Luis Gómez',
  project: 'Sedes dignas',
  bpin: '2024520010112',
};

const g1: Partial<PlanRow> = {
  ...salud,
  goalCode: '1905001',
  goal: 'Vacunar 1.000 niños menores de 5 años',
  indicator: 'Niños vacunados',
  unitOfMeasure: 'Número',
  accumulation: 'Suma',
  yearGoal: 1000,
  planned: [250, 250, 250, 250],
  weight: 40,
};
const g2: Partial<PlanRow> = {
  ...salud,
  goalCode: '1905002',
  goal: 'Mantener la cobertura de vacunación en 95 %',
  indicator: 'Cobertura de vacunación',
  unitOfMeasure: 'Porcentaje',
  accumulation: 'Constante',
  yearGoal: 95,
  planned: [95, 95, 95, 95],
  weight: 30,
};
const g3: Partial<PlanRow> = {
  ...salud,
  goalCode: '1905003',
  goal: 'Reducir a 12 la tasa de mortalidad infantil',
  indicator: 'Tasa de mortalidad infantil por 1.000 nacidos vivos',
  unitOfMeasure: 'Tasa',
  accumulation: 'Decreciente',
  baseline: 15,
  yearGoal: 12,
  planned: [14.5, 14, 13, 12],
  weight: 30,
};
const g4: Partial<PlanRow> = {
  ...educacion,
  goalCode: '2201001',
  goal: 'Aumentar a 20 las sedes educativas dotadas',
  indicator: 'Sedes dotadas',
  unitOfMeasure: 'Número',
  accumulation: 'Creciente',
  baseline: 10,
  yearGoal: 20,
  planned: [12, 14, 17, 20],
  weight: 100,
};

function act(goal: Partial<PlanRow>, activity: string, amount: number, start: string, end: string): Partial<PlanRow> {
  return { ...goal, activity, amount, startDate: d(start), endDate: d(end) };
}

function cleanPlanRows(): Partial<PlanRow>[] {
  return [
    act(g1, 'Jornadas de vacunación casa a casa', 10_000_000, '2025-02-01', '2025-11-30'),
    act(g1, 'Compra de biológicos e insumos', 15_000_000, '2025-01-15', '2025-04-30'),
    act({ ...g1, source: 'Recursos propios' }, 'Campaña de comunicación', 5_000_000, '2025-03-01', '2025-12-15'),
    act(g2, 'Seguimiento a cohortes de nacidos vivos', 8_000_000, '2025-01-15', '2025-12-31'),
    act(g2, 'Búsqueda activa de niños sin vacunar', 7_000_000, '2025-02-01', '2025-12-31'),
    act(g3, 'Visitas a gestantes de alto riesgo', 5_000_000, '2025-02-01', '2025-12-31'),
    act(g3, 'Fortalecimiento de la red de urgencias', 5_000_000, '2025-04-01', '2025-10-31'),
    act({ ...g4, source: 'SGP Educación' }, 'Compra de mobiliario escolar', 20_000_000, '2025-03-01', '2025-09-30'),
    act({ ...g4, source: 'SGP Educación' }, 'Dotación de salas de informática', 15_000_000, '2025-05-01', '2025-11-30'),
  ];
}
const cleanMerges = [...planGoalMerges(0, 2), ...planGoalMerges(3, 4), ...planGoalMerges(5, 6), ...planGoalMerges(7, 8)];

const cleanCeilings = [
  { programCode: '1905', program: 'Salud pública', ceiling: 60_000_000 },
  { programCode: '2201', program: 'Calidad educativa', ceiling: 40_000_000 },
];

const c1: Partial<CaptureRow> = {
  goalCode: '1905001', goal: g1.goal, unit: salud.unit, programCode: '1905', unitOfMeasure: 'Número', accumulation: 'Suma',
  yearGoal: 1000, planned: [250, 250, 250, 250], executed: [240, 260, null, null], executedTotal: 500, progressDeclared: 50,
  budgetFinal: 30_000_000, commitments: 22_000_000, obligations: 12_000_000, payments: 10_000_000,
  analysis: 'Se vacunaron 500 niños en jornadas casa a casa.', evidence: 'Registro PAI del semestre',
};
const c2: Partial<CaptureRow> = {
  goalCode: '1905002', goal: g2.goal, unit: salud.unit, programCode: '1905', unitOfMeasure: 'Porcentaje', accumulation: 'Constante',
  yearGoal: 95, planned: [95, 95, 95, 95], executed: [95, 95, null, null], executedTotal: 95, progressDeclared: 100,
  numerator: 950, denominator: 1000,
  budgetFinal: 15_000_000, commitments: 9_000_000, obligations: 6_000_000, payments: 6_000_000,
  analysis: 'Cobertura sostenida.', evidence: 'Informe de cobertura PAIWEB',
};
const c3: Partial<CaptureRow> = {
  goalCode: '1905003', goal: g3.goal, unit: salud.unit, programCode: '1905', unitOfMeasure: 'Tasa', accumulation: 'Decreciente',
  // (15 − 14) ÷ (15 − 14) = 100 % of what was due at T2; (15 − 14) ÷ (15 − 12) = 33,3 % of the year.
  baseline: 15, yearGoal: 12, planned: [14.5, 14, 13, 12], executed: [14.6, 14, null, null], executedTotal: 14, progressDeclared: 33.3,
  budgetFinal: 10_000_000, commitments: 4_000_000, obligations: 2_000_000, payments: 1_000_000,
  analysis: 'La tasa baja según lo programado.', evidence: 'Estadísticas vitales DANE',
};
const c4: Partial<CaptureRow> = {
  goalCode: '2201001', goal: g4.goal, unit: educacion.unit, programCode: '2201', unitOfMeasure: 'Número', accumulation: 'Creciente',
  baseline: 10, yearGoal: 20, planned: [12, 14, 17, 20], executed: [12, 13.5, null, null], executedTotal: 13.5, progressDeclared: 35,
  budgetFinal: 35_000_000, commitments: 20_000_000, obligations: 5_000_000, payments: 5_000_000,
  analysis: 'Dotación en curso.', evidence: 'Actas de entrega',
};

function cleanWorkbook(): SheetSpec[] {
  return [
    planSheet(cleanPlanRows(), { name: 'PE-F-012', merges: cleanMerges }),
    ceilingSheet(cleanCeilings),
    captureSheet([c1, c2, c3, c4], { name: 'HC T2' }),
  ];
}

describe('a clean, realistic workbook', () => {
  it('gives zero findings', async () => {
    const result = await validateSheets(cleanWorkbook());
    expect(result.findings).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.warnings).toBe(0);
  });

  it('is read as the three kinds', async () => {
    const wb = await readSheets(cleanWorkbook());
    expect(wb.sheets.map((s) => [s.name, s.kind, s.rows.length])).toEqual([
      ['PE-F-012', 'plan-accion', 9],
      ['Techos', 'techos', 2],
      ['HC T2', 'hoja-captura', 4],
    ]);
  });
});

describe('the same workbook with one realistic mistake per rule', () => {
  const noUnit = ['unit'];
  const cap = (key: string, i: number): string => captureCell(key, i, noUnit);

  function mistakes(): SheetSpec[] {
    const rows = cleanPlanRows();
    // Plan de acción, rows 5–13 as in the clean workbook, then goals 5–8 in rows 14–19.
    rows[0] = { ...rows[0], startDate: d('2025-09-15'), endDate: d('2025-06-30'), activityProgress: { error: '#REF!' } }; // date-order, formula-error
    rows[1] = { ...rows[1], startDate: null, activityProgress: 60 }; // required, activity-overdue (ended 30/04/2025 at 60 %)
    rows[2] = { ...rows[2], amount: 'por definir', endDate: d('2026-01-31') }; // number, date-vigencia
    rows[3] = { ...rows[3], amount: '$ 8.000.000' }; // number-as-text
    rows[4] = { ...rows[4], amount: -7_000_000 }; // negative
    rows[5] = { ...rows[5], weight: 20, activityProgress: 120 }; // weights-sum (40 + 30 + 20), percent-range
    rows[6] = { ...rows[6], weight: 20, endDate: 'pronto' }; // date
    rows[7] = { ...rows[7], source: 'Donación', bpin: '12345' }; // enum, code-format
    rows[8] = { ...rows[8], bpin: '12345' };
    const g5: Partial<PlanRow> = { ...educacion, goalCode: '2201002', goal: 'Formar 10 docentes en bilingüismo', accumulation: 'Suma', yearGoal: 10, planned: [0, 0, 5, 5], weight: null, amount: 0 };
    const g6: Partial<PlanRow> = { ...educacion, goalCode: '2201003', goal: 'Adecuar 5 baterías sanitarias', accumulation: 'Suma', yearGoal: 5, planned: [0, 0, 3, 3], weight: null, amount: 0 };
    const g7: Partial<PlanRow> = {
      dimension: 'Institucional', programCode: '4599', program: 'Fortalecimiento institucional', unit: 'Secretaría de Gobierno',
      responsible: 'Marta Ruiz', goalCode: '4599001', goal: 'Actualizar 2 procesos del sistema de gestión', accumulation: 'Suma',
      yearGoal: 2, planned: [0, 0, 1, 1], weight: null, amount: 12_000_000, bpin: '2024520010200',
    };
    const g8: Partial<PlanRow> = { ...salud, goalCode: '1905004', goal: 'Realizar 40 visitas de inspección sanitaria', accumulation: 'Suma', yearGoal: 40, planned: [10, 10, 10, 10], weight: null, amount: 0 };
    rows.push(
      { ...rows[7], source: 'SGP Educación', bpin: '2024520010112', activity: 'Compra de mobiliario escolar', amount: 0 }, // row 14: duplicate
      { ...g5, activity: 'Convenio con la universidad' }, // row 15
      { ...g5, activity: 'Certificación de docentes', yearGoal: 12 }, // row 16: goal-mismatch (not merged)
      { ...g6, activity: 'Obras de adecuación', program: 'Calidad educativa para todos' }, // row 17: programming-coherence, program-mismatch
      { ...g7, activity: 'Consultoría de procesos' }, // row 18: no-ceiling
      { ...g8, activity: 'Visitas a establecimientos' }, // row 19: unreported-goal
    );
    const merges = [...planGoalMerges(0, 2), ...planGoalMerges(3, 4), ...planGoalMerges(5, 6), ...planGoalMerges(7, 8)];
    const ceilings = [{ ...cleanCeilings[0], ceiling: 30_000_000 }, cleanCeilings[1]]; // ceiling-exceeded
    const captures = [
      { ...c1, executedTotal: 480 }, // cumulative-mismatch
      { ...c2, executed: [95, 95, 95, null], commitments: 5_000_000, numerator: 900 }, // future-execution, budget-chain, indicator-mismatch
      // evidence-required; over-execution: (15 − 13,5) ÷ (15 − 14) = 150 % of what was due (50 % of the year)
      { ...c3, evidence: null, executed: [14.6, 13.5, null, null], executedTotal: 13.5, progressDeclared: 50 },
      // plan-mismatch, analysis-required, percent-mismatch; budget-ahead: 30 M of 35 M committed (85,7 %) at (11,5 − 10) ÷ (15 − 10) = 30 %
      { ...c4, planned: [12, 15, 17, 20], executed: [11, 11.5, null, null], executedTotal: 11.5, progressDeclared: 40, analysis: null, commitments: 30_000_000 },
      // unknown-goal; missing-report: T2 programmed 5 and blank
      { goalCode: '1905099', goal: 'Meta que no está en el plan', programCode: '1905', accumulation: 'Suma', yearGoal: 10, planned: [5, 5, 0, 0], executed: [5, null, null, null], executedTotal: 5, progressDeclared: 50, budgetFinal: null, commitments: null, obligations: null, payments: null },
    ] as Partial<CaptureRow>[];
    return [
      planSheet(rows, { name: 'PE-F-012', merges }),
      ceilingSheet(ceilings),
      captureSheet(captures, { name: 'HC T2', omit: noUnit }), // header-missing (Dependencia)
      // term-coherence (Acumulativo 1 + 2 + 1 + 1 for 4); sources-sum (2025: 60 M + 0 for a total of 50 M)
      indicativoSheet([['IP-1', 'Apoyar proyectos comunales', 4, 'Acumulativo', 1, 2, 1, 1, 50000000, 0, 50000000, 60000000, 0, 50000000]]),
    ];
  }

  it('gives exactly one finding per mistake, on its cell', async () => {
    const result = await validateSheets(mistakes());
    const got = result.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    const expected = [
      `formula-error PE-F-012!${planCell('activityProgress', 0)}`,
      `ceiling-exceeded PE-F-012!A5`,
      `weights-sum PE-F-012!${planCell('weight', 0)}`,
      `date-order PE-F-012!${planCell('startDate', 0)}`,
      `required PE-F-012!${planCell('startDate', 1)}`,
      `activity-overdue PE-F-012!${planCell('activityProgress', 1)}`,
      `date-vigencia PE-F-012!${planCell('endDate', 2)}`,
      `number PE-F-012!${planCell('amount', 2)}`,
      `number-as-text PE-F-012!${planCell('amount', 3)}`,
      `negative PE-F-012!${planCell('amount', 4)}`,
      `percent-range PE-F-012!${planCell('activityProgress', 5)}`,
      `date PE-F-012!${planCell('endDate', 6)}`,
      `code-format PE-F-012!${planCell('bpin', 7)}`,
      `enum PE-F-012!${planCell('source', 7)}`,
      `duplicate PE-F-012!U14`,
      `goal-mismatch PE-F-012!${planCell('yearGoal', 11)}`,
      `program-mismatch PE-F-012!${planCell('program', 12)}`,
      `programming-coherence PE-F-012!${planCell('yearGoal', 12)}`,
      `no-ceiling PE-F-012!A18`,
      `unreported-goal PE-F-012!A19`,
      `header-missing HC T2!A4`,
      `cumulative-mismatch HC T2!${cap('executedTotal', 0)}`,
      `future-execution HC T2!${cap('executed3', 1)}`,
      `indicator-mismatch HC T2!${cap('executed3', 1)}`,
      `budget-chain HC T2!${cap('obligations', 1)}`,
      `evidence-required HC T2!${cap('evidence', 2)}`,
      `over-execution HC T2!${cap('executed2', 2)}`,
      `budget-ahead HC T2!${cap('commitments', 3)}`,
      `missing-report HC T2!${cap('executed2', 4)}`,
      `plan-mismatch HC T2!${cap('planned2', 3)}`,
      `percent-mismatch HC T2!${cap('progressDeclared', 3)}`,
      `analysis-required HC T2!${cap('analysis', 3)}`,
      `unknown-goal HC T2!A9`,
      `term-coherence Plan indicativo - Productos!C3`,
      `sources-sum Plan indicativo - Productos!N3`,
    ];
    expect(got.sort()).toEqual([...expected].sort());
    if (process.env.SHOW_MESSAGES) for (const f of result.findings) console.log(`${f.rule} ${f.cell}: ${f.message}`);
    // Every rule but the five against the approved plan (this workbook has none stored; they have
    // their own table tests and test/acceptance/baseline.test.ts).
    expect(new Set(result.findings.map((f) => f.rule))).toEqual(new Set(allRules.filter((r) => r.meta.scope !== 'baseline').map((r) => r.meta.id)));
  });
});
