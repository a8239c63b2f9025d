/**
 * Acceptance — workbooks.md "Header matching" and "Reading cell values", on sheets laid out as
 * liaisons really fill them, observed through what the user sees: `validar --json` findings and
 * `reporte --json` figures (hand-computed from progress.md).
 */
import * as path from 'node:path';
import { readWorkbook } from '../../src/domain/reader';
import { buildReport, resolveOptions } from '../../src/app/report';
import { validateWorkbook } from '../../src/app/validate';
import type { EngineOptions } from '../../src/domain/options';
import { gridsOf, writeXlsx } from '../helpers/xlsx';
import type { CellInput, SheetSpec } from '../helpers/xlsx';
import { ceilingSheet, d, defaultOptions, monthCaptureSheet, planGoalMerges, planMerge, planSheet } from '../helpers/sheets';
import { tablero, tempDir } from './harness';
import type { JReport } from './harness';

// A capture sheet with a title block (cut-off and unit in it), a two-row header (group
// "PROGRAMACIÓN" / "EJECUCIÓN" over T1…T4; other headers merged over both rows, spelled with
// aliases, accents, line breaks and double spaces), an extra unknown column, a unit merged over
// rows 7–9, a row that is only the merged unit (row 8, not a data row), a totals row (10),
// a blank row (12), numbers typed as text in Colombian style and percents by format.
const g1 = ['A', 'B', 'C', 'D', 'E', 'F', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W'];
// prettier-ignore
const realCapture: SheetSpec = {
  name: 'HC T2',
  rows: [
    ['ALCALDÍA DE SAN JUAN DE PASTO'],
    ['Seguimiento al Plan de Acción — Vigencia 2025'],
    ['Fecha de corte:', '30/06/2025', null, 'Dependencia:', 'Secretaría de Salud'],
    [],
    ['CÓDIGO  META\nPRODUCTO', 'Descripción de la meta', 'Secretaría', 'Comportamiento', 'LB', 'Meta 2025',
      'PROGRAMACIÓN', null, null, null, 'EJECUCIÓN', null, null, null,
      'Avance acumulado', '% de avance', 'Presupuesto definitivo', 'RP', 'Obligaciones', 'Pagos', 'Justificación', 'Soporte', 'Columna del enlace'],
    [null, null, null, null, null, null, 'T1', 'T2', 'T3', 'T4', 'T1', 'T2', 'T3', 'T4'],
    // row 7: code typed as a NUMBER; suma M 1.000, P 250 ×4, E 250 + "250" (text) → p 500, e 500 → 1; 0,5 → al-dia.
    //        % de avance 0,5 with a % format = 50 %; money typed "$ 10.000.000" and "8.000.000".
    [1905021, 'Vacunar 1.000 niños', 'Secretaría de Salud', 'Sumatoria', null, 1000, 250, 250, 250, 250, 250, '250', null, null,
      500, 0.5, '$ 10.000.000', '8.000.000', 5_000_000, 4_000_000, 'Avance conforme', 'Planillas', 'nota libre'],
    // row 8: only the merged unit: not a data row.
    [],
    // row 9: creciente ("Stock"), LB "40", M "100" as text; E T2 "61,0" (comma decimal); % avance "35 %" (points).
    //        p = P(T2) = 70, e = 61 → (61 − 40) ÷ (70 − 40) = 0,7 → atrasada; progress 21 ÷ 60 = 0,35.
    ['1905022', 'Cobertura de vacunación', null, 'Stock', '40', '100', 55, 70, 85, 100, '52', '61,0', null, null,
      61, '35 %', 20_000_000, 10_000_000, 5_000_000, 1_000_000, 'Faltan biológicos', 'Informe PAI'],
    // row 10: totals row.
    ['Total Secretaría de Salud', null, null, null, null, 1100, 305, 320, 335, 350, 302, 311, null, null, 561, null, 30_000_000],
    // row 11: constante ("Mantenimiento"), % avance 100 in points (no % format) → progress 100 ÷ 100 = 1 → cumplida.
    ['1905023', 'Red de frío', 'Secretaría de Salud', 'Mantenimiento', null, 100, 100, 100, 100, 100, 100, 100, null, null,
      100, 100, 5_000_000, 5_000_000, 5_000_000, 5_000_000, 'Mantenida', 'Bitácoras'],
    [],
    // row 13: E "1.234,5" and "1.5" (one dot not followed by three digits = decimal point) → e = 1.236;
    //         p = 1.000 + 1.000 = 2.000 → 1.236 ÷ 2.000 = 0,618 → atrasada; progress 1.236 ÷ 2.000 = 0,618.
    ['GOB-01', 'Trámites en línea', 'Secretaría de Gobierno', 'Flujo', null, 2000, 1000, 1000, 0, 0, '1.234,5', '1.5', null, null,
      1236, 61.8, 1_000_000, 0, 0, 0, 'Migración de la plataforma', 'Reporte del sistema'],
  ],
  merges: [
    ...g1.map((c) => `${c}5:${c}6`),
    'G5:J5', 'K5:N5', 'C7:C9',
  ],
  formats: { P7: '0%' },
};

describe('acceptance: reading real capture sheets', () => {
  let dir: string;
  let cleanup: () => void;
  let rep: JReport;
  let val: { files: { sheets: unknown[]; findings: { rule: string; cell: string; severity: string; message: string }[] }[] };
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    await writeXlsx(path.join(dir, 'hc.xlsx'), [realCapture]);
    // No --corte: the "Fecha de corte" of the title block is the workbook's default.
    const r = await tablero(['reporte', 'hc.xlsx', '--json'], dir);
    expect(r.stderr).toBe('');
    rep = JSON.parse(r.stdout) as JReport;
    const v = await tablero(['validar', 'hc.xlsx', '--json'], dir);
    val = JSON.parse(v.stdout);
  });
  afterAll(() => cleanup());

  it('finds the two-row header (headerRow = its last row, 6) and the 4 data rows', () => {
    expect(val.files[0].sheets).toEqual([{ name: 'HC T2', kind: 'hoja-captura', headerRow: 6, dataRows: 4 }]);
  });

  it('takes the cut-off from the title block', () => {
    expect([rep.vigencia, rep.cutoff, rep.period]).toEqual([2025, '2025-06-30', 'T2']);
  });

  it('reads codes, merged units, text numbers and percents as the person meant them', () => {
    expect(rep.goals.map((g) => [g.code, g.unit, g.accumulation, g.plannedToDate, g.executedToDate, g.compliance, g.progress, g.state])).toEqual([
      ['1905021', 'Secretaría de Salud', 'suma', 500, 500, 1, 0.5, 'al-dia'],
      ['1905022', 'Secretaría de Salud', 'creciente', 70, 61, 0.7, 0.35, 'atrasada'],
      // A level kept in T2 is not yet kept all year: 100 % is al día until T4 (progress.md).
      ['1905023', 'Secretaría de Salud', 'constante', 100, 100, 1, 1, 'al-dia'],
      ['GOB-01', 'Secretaría de Gobierno', 'suma', 2000, 1236, 0.618, 0.618, 'atrasada'],
    ]);
    expect(rep.goals[0].budget).toEqual({ final: 10_000_000, commitments: 8_000_000, obligations: 5_000_000, payments: 4_000_000 });
  });

  it('numbers typed as text are warnings, not errors; declared % avance by format/points agree; no required or header findings', () => {
    const f = val.files[0].findings;
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    const asText = f.filter((x) => x.rule === 'number-as-text').map((x) => x.cell).sort();
    // L7 "250", Q7 "$ 10.000.000", R7 "8.000.000", E9 "40", F9 "100", K9 "52", P9 "35 %", K13 "1.234,5"; column L
    // writes three of its four numbers as text («250», «61,0», «1.5»): said once for the column, at L7.
    expect(asText).toEqual(['E9', 'F9', 'K13', 'K9', 'L7', 'P9', 'Q7', 'R7']);
    expect(f.find((x) => x.cell === 'L7')?.message).toMatch(/tiene sus números escritos como texto \(«250», fila 7, y 2 más\)/);
    expect(f.filter((x) => !['number-as-text'].includes(x.rule))).toEqual([]);
  });
});

describe('acceptance: dates in every form of workbooks.md', () => {
  // Each form for 15 March 2025 (day before month, always), plus 01/02/2025 = 1 February.
  const forms: [CellInput, string][] = [
    [d('2025-03-15'), '2025-03-15'],
    ['15/03/2025', '2025-03-15'],
    ['15-03-2025', '2025-03-15'],
    ['2025-03-15', '2025-03-15'],
    ['15-mar-25', '2025-03-15'],
    ['15-mar-2025', '2025-03-15'],
    ['15 de marzo de 2025', '2025-03-15'],
    ['15-ene-2025', '2025-01-15'],
    ['01/02/2025', '2025-02-01'],
    ['01-sep-25', '2025-09-01'],
  ];
  it('reads each as the same calendar day, with no date finding', async () => {
    const sheet = planSheet(forms.map(([v], i) => ({ startDate: v, endDate: d('2025-12-31'), activity: `Actividad ${i + 1}` })), {
      merges: planGoalMerges(0, forms.length - 1),
    });
    const wb = readWorkbook(await gridsOf([sheet]));
    const got = wb.sheets[0].rows.map((r) => r.cells.startDate?.parsed);
    expect(got.map((p) => (p?.status === 'ok' ? p.value : p))).toEqual(forms.map(([, iso]) => iso));
    const v = validateWorkbook(wb, defaultOptions);
    expect(v.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('acceptance: plan de acción with a goal merged over its activity rows', () => {
  it('is one goal with Σ of its rows\' amounts; rows inherit the merged goal; no required/goal-mismatch findings', async () => {
    const sheet = planSheet(
      [{ amount: 10_000_000 }, { amount: '20.000.000' }, { amount: 5_000_000, activity: 'Capacitación a vacunadores' }],
      { merges: planGoalMerges(0, 2) },
    );
    const wb = readWorkbook(await gridsOf([sheet]));
    const v = validateWorkbook(wb, defaultOptions);
    expect(v.findings.filter((f) => f.rule !== 'number-as-text')).toEqual([]);
    const rep = buildReport(wb, resolveOptions({ cutoff: '2025-06-30' }, wb, '2025-07-10'));
    // One goal 1905001, definitiva 10 M + 20 M + 5 M = 35 M; a plan with no follow-up sheet is not
    // measured (nothing due, no state but sin-programacion): the report summarises the plan.
    expect(rep.goals.map((g) => [g.code, g.plannedToDate, g.executedToDate, g.state, g.budget.final])).toEqual([
      ['1905001', null, null, 'sin-programacion', 35_000_000],
    ]);
    expect([rep.planSummary?.goals, rep.planSummary?.amount]).toEqual([1, 35_000_000]);
  });

  it('an amount merged over the goal\'s rows is one amount: the summary, the goal and ceiling-exceeded agree', async () => {
    // 1905001 on two activity rows, «Valor programado» 405 M merged over both; techo 1905: 500 M.
    const sheet = planSheet([{ amount: 405_000_000 }, { amount: null }], { merges: [...planGoalMerges(0, 1), planMerge('amount', 0, 1)] });
    const wb = readWorkbook(await gridsOf([sheet, ceilingSheet([{ programCode: '1905', ceiling: 500_000_000 }])]));
    expect(wb.sheets[0].rows[1].cells.amount?.merged).toBe(true);
    expect(validateWorkbook(wb, defaultOptions).findings.filter((f) => f.rule === 'ceiling-exceeded')).toEqual([]);
    const rep = buildReport(wb, resolveOptions({ cutoff: '2025-06-30' }, wb, '2025-07-10'));
    expect(rep.goals.map((g) => [g.code, g.budget.final])).toEqual([['1905001', 405_000_000]]);
    expect(rep.planSummary?.amount).toBe(405_000_000);
    expect(rep.planSummary?.byProgram.map((p) => [p.programCode, p.amount, p.ceilingUse])).toEqual([['1905', 405_000_000, 0.81]]);
  });
});

describe('acceptance: month columns (everything in progress.md with months)', () => {
  const options = (cutoff: string): EngineOptions => ({ ...defaultOptions, cutoff });
  // suma: M 120, P 10 each month; E 10 Jan–May, 5 Jun.
  const suma = { goalCode: 'MES-1', goal: 'Atenciones', unit: 'Secretaría de Salud', accumulation: 'Suma', yearGoal: 120, planned: Array(12).fill(10), executed: [10, 10, 10, 10, 10, 5, null, null, null, null, null, null], executedTotal: 55 };
  // creciente: M 120, P 10, 20, … 120; E 8 (Ene), 18 (Feb), nothing after.
  const cre = { goalCode: 'MES-2', goal: 'Cobertura', unit: 'Secretaría de Salud', accumulation: 'Creciente', yearGoal: 120, planned: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120], executed: [8, 18, null, null, null, null, null, null, null, null, null, null], executedTotal: 18 };

  it('cut-off 30/06/2025 measures Ene–Jun', async () => {
    const wb = readWorkbook(await gridsOf([monthCaptureSheet([suma, cre])]));
    const rep = buildReport(wb, options('2025-06-30'));
    expect(rep.period).toBe('Jun');
    const [a, b] = rep.goals;
    // suma: p 6 × 10 = 60, e 5 × 10 + 5 = 55 → 55 ÷ 60 = 0,91666…; 55 ÷ 120 = 0,458333… → al-dia
    expect([a.plannedToDate, a.executedToDate, a.state]).toEqual([60, 55, 'al-dia']);
    expect(a.compliance).toBeCloseTo(55 / 60, 10);
    expect(a.progress).toBeCloseTo(55 / 120, 10);
    // creciente: p = P(Jun) = 60; Mar–Jun are programmed and blank (missing-report), so Feb's 18 is
    // not carried forward: the level is judged as not reported → e null, 0 ÷ 60 = 0 → no iniciada
    expect([b.plannedToDate, b.executedToDate, b.compliance, b.progress, b.state]).toEqual([60, null, 0, 0, 'no-iniciada']);
  });

  it('cut-off 31/05/2025 measures Ene–May; 15/01/2025 measures nothing', async () => {
    const wb = readWorkbook(await gridsOf([monthCaptureSheet([suma, cre])]));
    const may = buildReport(wb, options('2025-05-31'));
    // suma: p 50, e 50 → 1; 50 ÷ 120
    expect([may.period, may.goals[0].plannedToDate, may.goals[0].executedToDate, may.goals[0].compliance]).toEqual(['May', 50, 50, 1]);
    const jan = buildReport(wb, options('2025-01-15'));
    expect([jan.period, jan.goals[0].compliance, jan.goals[0].state]).toEqual([null, null, 'sin-programacion']);
  });

  it('rules work per month: acumulado 56 vs 55 is a cumulative-mismatch; Ejecutado Jul at cut-off Jun is future-execution', async () => {
    // Columns: A code … E meta, F–Q programado Ene–Dic, R–AC ejecutado Ene–Dic, AD acumulado. Jul = X.
    // 56 vs e 55 (last reported period Jun) → 1 > max(0,01; 0,5 % × 56 = 0,28)
    const wb = readWorkbook(await gridsOf([monthCaptureSheet([{ ...suma, executedTotal: 56 }])]));
    const v = validateWorkbook(wb, options('2025-06-30'));
    expect(v.findings.filter((f) => f.rule === 'cumulative-mismatch').map((f) => f.cell)).toEqual(['AD5']);
    // With 1 reported in Jul, the last reported period is Jul: e = 55 + 1 = 56 = acumulado (progress.md:
    // "must equal e at the last reported period"), and Jul is reported after the cut-off.
    const wb2 = readWorkbook(await gridsOf([monthCaptureSheet([{ ...suma, executedTotal: 56, executed: [10, 10, 10, 10, 10, 5, 1, null, null, null, null, null] }])]));
    const v2 = validateWorkbook(wb2, options('2025-06-30'));
    expect(v2.findings.filter((f) => f.rule === 'cumulative-mismatch')).toEqual([]);
    expect(v2.findings.filter((f) => f.rule === 'future-execution').map((f) => f.cell)).toEqual(['X5']);
  });

  it('full month names ("Programado Enero", "Ejecutado Diciembre") are month columns too', async () => {
    const months = ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'];
    const sheet: SheetSpec = {
      name: 'Seguimiento',
      rows: [
        ['Seguimiento mensual 2025'],
        [],
        ['Código meta', 'Meta producto', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', ...months.map((m) => `Programado ${m}`), ...months.map((m) => `Ejecutado ${m}`)],
        ['M-1', 'Atenciones', 'Secretaría de Salud', 'Suma', 12, ...Array(12).fill(1), 1, 1, 1, null, null, null, null, null, null, null, null, null],
      ],
    };
    const wb = readWorkbook(await gridsOf([sheet]));
    expect([wb.sheets[0].kind, wb.sheets[0].periodKind]).toEqual(['hoja-captura', 'month']);
    const rep = buildReport(wb, options('2025-03-31'));
    // p 3 × 1 = 3, e 3 → 1; 3 ÷ 12 = 0,25
    expect([rep.period, rep.goals[0].plannedToDate, rep.goals[0].executedToDate, rep.goals[0].compliance, rep.goals[0].progress]).toEqual(['Mar', 3, 3, 1, 0.25]);
  });
});

describe('acceptance: a Bogotá plan de gestión (Proceso, Tipo de programación, Magnitud) is read as a capture sheet', () => {
  // prettier-ignore
  const sheet: SheetSpec = {
    name: 'Plan de gestión',
    rows: [
      ['Alcaldía Local de Kennedy'],
      ['Plan de gestión 2025 — PLE-PIN-F018'],
      [],
      ['Proceso', 'Código meta', 'Meta', 'Tipo de programación', 'Magnitud',
        'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4',
        'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4', 'Numerador', 'Denominador', 'Análisis', 'Evidencia'],
      // constante 80 (%), E T2 72 = 36 ÷ 50 × 100 → p 80, e 72 → 0,9 al día; progress 72 ÷ 80 = 0,9
      ['Gestión del desarrollo local', 'GDL-01', 'Mantener el 80 % de trámites resueltos a tiempo', 'Constante', 80,
        80, 80, 80, 80, 70, 72, null, null, 36, 50, 'Conforme', 'Informe SIPSE'],
      // suma 12, E 2 + 1 = 3 of p 6 → 0,5 atrasada; progress 3 ÷ 12 = 0,25
      ['Inspección, vigilancia y control', 'IVC-02', 'Realizar 12 operativos', 'Suma', 12,
        3, 3, 3, 3, 2, 1, null, null, null, null, 'Falta personal', 'Actas'],
    ],
  };

  it('reads Proceso as the unit and Magnitud as the meta vigencia', async () => {
    const wb = readWorkbook(await gridsOf([sheet]));
    expect(wb.sheets.map((x) => x.kind)).toEqual(['hoja-captura']);
    const rep = buildReport(wb, { ...defaultOptions, cutoff: '2025-06-30' });
    expect(rep.goals.map((g) => [g.code, g.unit, g.accumulation, g.yearGoal, g.plannedToDate, g.executedToDate, g.compliance, g.progress, g.state])).toEqual([
      ['GDL-01', 'Gestión del desarrollo local', 'constante', 80, 80, 72, 0.9, 0.9, 'al-dia'],
      ['IVC-02', 'Inspección, vigilancia y control', 'suma', 12, 6, 3, 0.5, 0.25, 'atrasada'],
    ]);
    const v = validateWorkbook(wb, { ...defaultOptions, cutoff: '2025-06-30' });
    // 36 ÷ 50 × 100 = 72 = Ejecutado T2: no indicator-mismatch; codes GOB-style: no code-format.
    expect(v.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

