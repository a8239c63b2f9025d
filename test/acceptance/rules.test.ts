/**
 * Acceptance — rules.md: for every rule id (baseline rules aside) a realistic case where it fires
 * on the right cell, and near-misses where it must not (tolerances: percent 0,5 points; magnitude
 * 0,01 or 0,5 % of the value; money 1 peso — just inside and just outside). Each case is a real
 * .xlsx built with the sheet builders, read back through exceljs and validated with EVERY rule;
 * the test then looks only at the rule in question.
 *
 * Layouts (test/helpers/sheets.ts; header row 4, first data row 5), written out as literal cells:
 * - plan de acción: A Dimensión, B Código programa, C Programa, D Código meta, E Meta, F Indicador,
 *   G Unidad de medida, H Tipo de meta, I Tipo de acumulación, J Línea base, K Meta vigencia,
 *   L–O Programado T1–T4, P Ponderación, Q Dependencia, R Responsable, S Proyecto, T BPIN,
 *   U Actividad, V Fecha inicio, W Fecha fin, X % avance actividad, Y Fuente, Z Valor, AA Contratación.
 * - hoja de captura: A Código meta, B Meta, C Dependencia, D Código programa, E Unidad de medida,
 *   F Tipo de acumulación, G Línea base, H Meta vigencia, I–L Programado T1–T4, M–P Ejecutado T1–T4,
 *   Q Ejecutado acumulado, R % avance, S Apropiación definitiva, T Compromisos, U Obligaciones,
 *   V Pagos, W Numerador, X Denominador, Y Análisis, Z Evidencia, AA Estado de la meta.
 * - techos: A Código programa, B Programa, C Dependencia, D Fuente, E Techo.
 *
 * Capture default: meta 1905001, Suma, M 1.000, P 250 × 4, E 250 + 250, acumulado 500, % avance 50
 * — at the cut-off 30/06/2025: p 500, e 500, compliance 1, progress 0,5 (al día).
 */
import type { Finding } from '../../src/domain/finding';
import type { EngineOptions } from '../../src/domain/options';
import type { SheetSpec } from '../helpers/xlsx';
import { captureSheet, ceilingSheet, d, findingsOf, planSheet, validateSheets } from '../helpers/sheets';

interface Want {
  cell: string;
  severity: 'error' | 'warning';
  /** Substrings the Spanish message must contain (the actual values, Colombian format). */
  says?: string[];
  sheet?: string;
}

interface Case {
  name: string;
  sheets: SheetSpec[];
  options?: Partial<EngineOptions>;
  /** [] = the rule must not fire. */
  want: Want[];
}

const PLAN = 'Plan de Acción 2025';
const HC = 'Hoja de captura';

const other = { goalCode: '1905002', goal: 'Dotar 20 puestos de salud', activity: 'Compra de dotación' };

// prettier-ignore
const cases: Record<string, Case[]> = {
  'header-missing': [
    { name: 'capture sheet without Tipo de acumulación: one finding on the header row\'s first cell',
      sheets: [captureSheet([{}, { goalCode: '1905002' }], { omit: ['accumulation'] })],
      want: [{ cell: 'A4', severity: 'error', says: ['Tipo de acumulación'] }] },
    { name: 'two required columns missing: two findings on the same anchor, each naming its column',
      sheets: [captureSheet([{}], { omit: ['accumulation', 'unit'] })],
      want: [{ cell: 'A4', severity: 'error', says: ['Dependencia'] }, { cell: 'A4', severity: 'error', says: ['Tipo de acumulación'] }] },
    { name: 'an optional column (Evidencia) missing is no finding',
      sheets: [captureSheet([{}], { omit: ['evidence'] })], want: [] },
  ],
  required: [
    { name: 'blank Meta de producto in a capture row',
      sheets: [captureSheet([{ goal: null }])], want: [{ cell: 'B5', severity: 'error' }] },
    { name: 'blank Análisis (not a required column) of a goal al día',
      sheets: [captureSheet([{ analysis: null }])], want: [] },
    { name: 'blank Fecha fin in the plan',
      sheets: [planSheet([{ endDate: null }])], want: [{ cell: 'W5', severity: 'error' }] },
  ],
  number: [
    { name: 'Meta vigencia "mil"',
      sheets: [captureSheet([{ yearGoal: 'mil' }])], want: [{ cell: 'H5', severity: 'error', says: ['mil'] }] },
    { name: 'Meta vigencia "1.000" is a number typed as text, not an error',
      sheets: [captureSheet([{ yearGoal: '1.000' }])], want: [] },
  ],
  'number-as-text': [
    { name: 'Apropiación typed "$ 10.000.000"',
      sheets: [captureSheet([{ budgetFinal: '$ 10.000.000' }])],
      want: [{ cell: 'S5', severity: 'warning', says: ['$ 10.000.000'] }] },
    { name: 'Apropiación as a number', sheets: [captureSheet([{ budgetFinal: 10_000_000 }])], want: [] },
  ],
  negative: [
    { name: 'Valor programado −5.000', sheets: [planSheet([{ amount: -5000 }])], want: [{ cell: 'Z5', severity: 'error', says: ['5.000'] }] },
    { name: 'Valor programado 0', sheets: [planSheet([{ amount: 0 }])], want: [] },
  ],
  'percent-range': [
    { name: '% avance actividad 101 (points)', sheets: [planSheet([{ activityProgress: 101 }])], want: [{ cell: 'X5', severity: 'error', says: ['101'] }] },
    { name: '% avance actividad 100 (points)', sheets: [planSheet([{ activityProgress: 100 }])], want: [] },
    { name: '% avance actividad 1,01 with a % format (= 101 %)',
      sheets: [planSheet([{ activityProgress: 1.01 }], { formats: { X5: '0%' } })], want: [{ cell: 'X5', severity: 'error' }] },
    { name: '% avance actividad 1 with a % format (= 100 %)',
      sheets: [planSheet([{ activityProgress: 1 }], { formats: { X5: '0%' } })], want: [] },
  ],
  date: [
    { name: 'Fecha inicio "pronto"', sheets: [planSheet([{ startDate: 'pronto' }])], want: [{ cell: 'V5', severity: 'error', says: ['pronto'] }] },
    { name: 'Fecha inicio "15-ene-2025"', sheets: [planSheet([{ startDate: '15-ene-2025' }])], want: [] },
  ],
  enum: [
    { name: 'Tipo de meta "Producto final"', sheets: [planSheet([{ goalType: 'Producto final' }])], want: [{ cell: 'H5', severity: 'error', says: ['Producto final'] }] },
    { name: 'Fuente "Regalías directas"', sheets: [planSheet([{ source: 'Regalías directas' }])], want: [{ cell: 'Y5', severity: 'error' }] },
    { name: 'list values as people type them: PRODUCTO, Sumatoria, "SGP - Salud", X',
      sheets: [planSheet([{ goalType: 'PRODUCTO', accumulation: 'Sumatoria', source: 'SGP - Salud', needsContract: 'X' }])], want: [] },
    { name: 'bare acronym ICLD and "ICLD - Recursos propios"',
      sheets: [planSheet([{ source: 'ICLD' }, { ...other, source: 'ICLD - Recursos propios' }])], want: [] },
  ],
  'code-format': [
    { name: 'program code "190" (3 digits): error', sheets: [planSheet([{ programCode: '190', goalCode: '1905001' }])],
      want: [{ cell: 'B5', severity: 'error', says: ['190'] }] },
    { name: 'goal code "19050" (5 digits): warning', sheets: [planSheet([{ goalCode: '19050' }])],
      want: [{ cell: 'D5', severity: 'warning', says: ['19050'] }] },
    { name: 'goal codes "1905-01" and "190500101" are well formed',
      sheets: [planSheet([{ goalCode: '1905-01' }, { ...other, goalCode: '190500101' }])], want: [] },
    { name: 'BPIN of year 2031 > vigencia 2025: error', sheets: [planSheet([{ bpin: '2031520010035' }])],
      want: [{ cell: 'T5', severity: 'error', says: ['2031520010035'] }] },
    { name: 'BPIN of the vigencia\'s year, and a 15-digit BPIN, are fine',
      sheets: [planSheet([{ bpin: '2025520010035' }, { ...other, bpin: '202500000012345' }])], want: [] },
    { name: 'capture sheets use their own goal codes (GOB-01): no check',
      sheets: [captureSheet([{ goalCode: 'GOB-01' }])], want: [] },
  ],
  'formula-error': [
    { name: '#DIV/0! in Meta vigencia', sheets: [captureSheet([{ yearGoal: { error: '#DIV/0!' } }])],
      want: [{ cell: 'H5', severity: 'error', says: ['#DIV/0!'] }] },
    { name: 'a formula with a good result', sheets: [captureSheet([{ executedTotal: { formula: 'M5+N5', result: 500 } }])], want: [] },
  ],
  'date-order': [
    { name: 'start 15/09/2025 after end 30/06/2025',
      sheets: [planSheet([{ startDate: d('2025-09-15'), endDate: d('2025-06-30') }])],
      want: [{ cell: 'V5', severity: 'error', says: ['15/09/2025', '30/06/2025'] }] },
    { name: 'start and end the same day', sheets: [planSheet([{ startDate: d('2025-06-30'), endDate: d('2025-06-30') }])], want: [] },
  ],
  'date-vigencia': [
    { name: 'end 01/01/2026, outside vigencia 2025', sheets: [planSheet([{ endDate: d('2026-01-01') }])],
      want: [{ cell: 'W5', severity: 'warning', says: ['01/01/2026'] }] },
    { name: 'dates on 01/01/2025 and 31/12/2025', sheets: [planSheet([{ startDate: d('2025-01-01'), endDate: d('2025-12-31') }])], want: [] },
  ],
  duplicate: [
    { name: 'plan: same goal and same activity (normalised) → on the repetition',
      sheets: [planSheet([{ activity: 'Jornadas de vacunación' }, { activity: 'JORNADAS  DE VACUNACION ' }], { merges: [] })],
      want: [{ cell: 'U6', severity: 'error' }] },
    { name: 'plan: same goal, two activities', sheets: [planSheet([{ activity: 'Jornadas de vacunación' }, { activity: 'Compra de biológicos' }])], want: [] },
    { name: 'capture: the same goal twice for the same unit (three rows → two findings)',
      sheets: [captureSheet([{}, {}, {}])], want: [{ cell: 'A6', severity: 'error' }, { cell: 'A7', severity: 'error' }] },
    { name: 'capture: the same code for two units', sheets: [captureSheet([{}, { unit: 'Secretaría de Educación' }])], want: [] },
  ],
  'goal-mismatch': [
    // 0,5 % of 1.006 = 5,03 < 6 → differ
    { name: 'meta vigencia 1.000 vs 1.006 on the second activity row', sheets: [planSheet([{}, { yearGoal: 1006 }])],
      want: [{ cell: 'K6', severity: 'error', says: ['1.006', '1.000'] }] },
    // 0,5 % of 1.005 = 5,025 ≥ 5 → same
    { name: 'meta vigencia 1.000 vs 1.005 (within 0,5 %)', sheets: [planSheet([{}, { yearGoal: 1005 }])], want: [] },
    { name: 'goal text differing only in case and accents', sheets: [planSheet([{}, { goal: 'VACUNAR 1.000 NINOS MENORES DE 5 AÑOS' }])], want: [] },
    { name: 'another unit on the second row', sheets: [planSheet([{}, { unit: 'Secretaría de Gobierno' }])], want: [{ cell: 'Q6', severity: 'error' }] },
  ],
  'programming-coherence': [
    // Σ 250 + 250 + 250 + 256 = 1.006; tolerance max(0,01; 0,5 % × 1.006 = 5,03) < 6
    { name: 'suma: Σ programado 1.006 ≠ M 1.000', sheets: [captureSheet([{ planned: [250, 250, 250, 256] }])],
      want: [{ cell: 'H5', severity: 'error', says: ['1.006', '1.000'] }] },
    // Σ = 1.005; tolerance 5,025 ≥ 5
    { name: 'suma: Σ programado 1.005 (within 0,5 %)', sheets: [captureSheet([{ planned: [250, 250, 250, 255] }])], want: [] },
    { name: 'creciente falls in T3 (200 → 150)', sheets: [planSheet([{ accumulation: 'Creciente', yearGoal: 300, planned: [100, 200, 150, 300] }])],
      want: [{ cell: 'N5', severity: 'error', says: ['150', '200'] }] },
    { name: 'creciente rising to M', sheets: [planSheet([{ accumulation: 'Stock', yearGoal: 300, planned: [100, 200, 200, 300] }])], want: [] },
    { name: 'constante with a period ≠ M', sheets: [captureSheet([{ accumulation: 'Mantenimiento', yearGoal: 100, planned: [100, 90, 100, 100], executed: [100, 90, null, null], executedTotal: 90, progressDeclared: 90 }])],
      want: [{ cell: 'J5', severity: 'error', says: ['90', '100'] }] },
    { name: 'decreciente without línea base', sheets: [planSheet([{ accumulation: 'Reducción', baseline: null, yearGoal: 10, planned: [18, 16, 13, 10] }])],
      want: [{ cell: 'J5', severity: 'error' }] },
    { name: 'creciente with M 40 below its línea base 50', sheets: [planSheet([{ accumulation: 'Creciente', baseline: 50, yearGoal: 40, planned: [10, 20, 30, 40] }])],
      want: [{ cell: 'K5', severity: 'error', says: ['40', '50'] }] },
    { name: 'decreciente with M 25 above its línea base 20', sheets: [planSheet([{ accumulation: 'Decreciente', baseline: 20, yearGoal: 25, planned: [25, 25, 25, 25] }])],
      want: [{ cell: 'K5', severity: 'error', says: ['25', '20'] }] },
    { name: 'decreciente with LB 20 going down to M 10', sheets: [planSheet([{ accumulation: 'Reducción', baseline: 20, yearGoal: 10, planned: [18, 16, 13, 10] }])], want: [] },
    { name: 'creciente: blank periods are "not given" (coherence uses the given ones)',
      sheets: [planSheet([{ accumulation: 'Creciente', yearGoal: 300, planned: [null, 200, null, 300] }])], want: [] },
  ],
  'program-mismatch': [
    { name: '1905 named "Salud pública" and "Salud mental"', sheets: [planSheet([{}, { ...other, program: 'Salud mental' }])],
      want: [{ cell: 'C6', severity: 'error', says: ['Salud mental', 'Salud pública'] }] },
    { name: '1905 written "SALUD PUBLICA" (same after normalising)', sheets: [planSheet([{}, { ...other, program: 'SALUD PUBLICA' }])], want: [] },
  ],
  'weights-sum': [
    // 50 + 49,4 = 99,4 % — 0,6 points off
    { name: 'weights 50 % + 49,4 %', sheets: [planSheet([{ weight: 50 }, { ...other, weight: 49.4 }])],
      want: [{ cell: 'P5', severity: 'warning', says: ['99,4 %'] }] },
    // 50 + 49,6 = 99,6 % — within 0,5 points
    { name: 'weights 50 % + 49,6 %', sheets: [planSheet([{ weight: 50 }, { ...other, weight: 49.6 }])], want: [] },
    { name: 'weights typed as fractions with a % format, 0,6 + 0,4', sheets: [planSheet([{ weight: 0.6 }, { ...other, weight: 0.4 }], { formats: { P: '0%' } })], want: [] },
  ],
  'ceiling-exceeded': [
    // 60.000.000 + 40.000.002 = 100.000.002 > 100.000.000 by 2 pesos
    { name: 'program 1905 over its techo by 2 pesos', sheets: [planSheet([{ amount: 60_000_000 }, { ...other, amount: 40_000_002 }]), ceilingSheet([{}])],
      want: [{ cell: 'A5', severity: 'error', sheet: PLAN, says: ['$ 100.000.002', '$ 100.000.000'] }] },
    // over by 1 peso: within the money tolerance
    { name: 'program 1905 over its techo by 1 peso', sheets: [planSheet([{ amount: 60_000_000 }, { ...other, amount: 40_000_001 }]), ceilingSheet([{}])], want: [] },
    { name: 'techo per source: SGP Salud rows add up to 60.000.002 over a techo of 60.000.000',
      sheets: [planSheet([{ amount: 30_000_000 }, { ...other, amount: 30_000_002 }, { goalCode: '1905003', goal: 'Otra', activity: 'Otra', amount: 90_000_000, source: 'Recursos propios' }]), ceilingSheet([{ source: 'SGP Salud', ceiling: 60_000_000 }, { source: 'Recursos propios', ceiling: 90_000_000 }])],
      want: [{ cell: 'A5', severity: 'error', sheet: PLAN, says: ['$ 60.000.002', '$ 60.000.000'] }] },
    { name: 'techo per unit and source: only that unit\'s SGP Salud rows count',
      sheets: [planSheet([{ amount: 60_000_000 }, { ...other, amount: 50_000_000, source: 'Recursos propios' }]), ceilingSheet([{ unit: 'Secretaría de Salud', source: 'SGP Salud', ceiling: 60_000_000 }, { unit: 'Secretaría de Salud', source: 'Recursos propios', ceiling: 50_000_000 }])], want: [] },
  ],
  'no-ceiling': [
    { name: 'program 2201 with amounts and no techo', sheets: [planSheet([{ programCode: '2201', program: 'Calidad educativa', goalCode: '2201001' }]), ceilingSheet([{}])],
      want: [{ cell: 'A5', severity: 'warning', says: ['2201', '$ 10.000.000'] }] },
    { name: 'program 1905 has its techo', sheets: [planSheet([{}]), ceilingSheet([{}])], want: [] },
    { name: 'no techos sheet at all: nothing to compare', sheets: [planSheet([{ programCode: '2201', program: 'Calidad educativa', goalCode: '2201001' }])], want: [] },
  ],
  'cumulative-mismatch': [
    // e = 250 + 250 = 500; tolerance max(0,01; 0,5 % × 503 = 2,515) < 3
    { name: 'acumulado 503 vs 500', sheets: [captureSheet([{ executedTotal: 503 }])], want: [{ cell: 'Q5', severity: 'error', says: ['503', '500'] }] },
    // 502: tolerance 2,51 ≥ 2
    { name: 'acumulado 502 vs 500 (within 0,5 %)', sheets: [captureSheet([{ executedTotal: 502 }])], want: [] },
    { name: 'creciente: acumulado = the last reported level, not the sum', sheets: [captureSheet([{ accumulation: 'Creciente', yearGoal: 1000, planned: [250, 500, 750, 1000], executed: [240, 510, null, null], executedTotal: 510, progressDeclared: 51 }])], want: [] },
    { name: 'creciente: acumulado written as the sum 750', sheets: [captureSheet([{ accumulation: 'Creciente', yearGoal: 1000, planned: [250, 500, 750, 1000], executed: [240, 510, null, null], executedTotal: 750, progressDeclared: 51 }])],
      want: [{ cell: 'Q5', severity: 'error', says: ['750', '510'] }] },
  ],
  'percent-mismatch': [
    // progress 500 ÷ 1.000 = 50 %; declared 50,6 → 0,6 points off
    { name: '% avance 50,6 vs 50 %', sheets: [captureSheet([{ progressDeclared: 50.6 }])], want: [{ cell: 'R5', severity: 'error', says: ['50,6 %', '50'] }] },
    { name: '% avance 50,5 vs 50 % (0,5 points: within)', sheets: [captureSheet([{ progressDeclared: 50.5 }])], want: [] },
    { name: '% avance "49,5 %" typed as text (points)', sheets: [captureSheet([{ progressDeclared: '49,5 %' }])], want: [] },
    { name: '% avance 0,506 with a % format', sheets: [captureSheet([{ progressDeclared: 0.506 }], { formats: { R5: '0.0%' } })], want: [{ cell: 'R5', severity: 'error' }] },
    { name: '% avance 0,5 with a % format', sheets: [captureSheet([{ progressDeclared: 0.5 }], { formats: { R5: '0%' } })], want: [] },
  ],
  'future-execution': [
    { name: 'Ejecutado T3 reported at cut-off 30/06/2025', sheets: [captureSheet([{ executed: [250, 250, 10, null], executedTotal: 510, progressDeclared: 51 }])],
      want: [{ cell: 'O5', severity: 'warning', says: ['30/09/2025', '30/06/2025'] }] },
    { name: 'the same at cut-off 30/09/2025', sheets: [captureSheet([{ executed: [250, 250, 10, null], executedTotal: 510, progressDeclared: 51 }])], options: { cutoff: '2025-09-30' }, want: [] },
  ],
  'budget-chain': [
    { name: 'obligaciones $ 8.000.002 > compromisos $ 8.000.000 (2 pesos)', sheets: [captureSheet([{ obligations: 8_000_002, payments: 4_000_000 }])],
      want: [{ cell: 'U5', severity: 'error', says: ['Las obligaciones ($ 8.000.002) superan los compromisos ($ 8.000.000)'] }] },
    { name: 'obligaciones $ 8.000.001 (1 peso: within)', sheets: [captureSheet([{ obligations: 8_000_001 }])], want: [] },
    { name: 'compromisos > apropiación definitiva', sheets: [captureSheet([{ commitments: 12_000_000 }])],
      want: [{ cell: 'T5', severity: 'error', says: ['$ 12.000.000', '$ 10.000.000'] }] },
    { name: 'pagos > obligaciones', sheets: [captureSheet([{ payments: 6_000_000 }])], want: [{ cell: 'V5', severity: 'error', says: ['$ 6.000.000', '$ 5.000.000'] }] },
    // No obligaciones column (the sheet has only compromisos and pagos): pagos against compromisos. Layout
    // without U: V Pagos becomes U.
    { name: 'pagos > compromisos, sheet with no obligaciones column', sheets: [captureSheet([{ commitments: 8_000_000, payments: 9_000_000 }], { omit: ['obligations'] })],
      want: [{ cell: 'U5', severity: 'error', says: ['Los pagos ($ 9.000.000) superan los compromisos ($ 8.000.000)'] }] },
    { name: 'pagos > compromisos, obligaciones cell left empty', sheets: [captureSheet([{ commitments: 8_000_000, obligations: null, payments: 9_000_000 }])],
      want: [{ cell: 'V5', severity: 'error', says: ['Los pagos ($ 9.000.000) superan los compromisos ($ 8.000.000)'] }] },
    { name: 'pagos ≤ compromisos, no obligaciones column', sheets: [captureSheet([{ commitments: 8_000_000, payments: 8_000_000 }], { omit: ['obligations'] })], want: [] },
  ],
  'analysis-required': [
    // p 500, e 100 + 100 = 200 → 0,4 < 0,8 → atrasada
    { name: 'atrasada (40 %) with no analysis', sheets: [captureSheet([{ executed: [100, 100, null, null], executedTotal: 200, progressDeclared: 20, analysis: null }])],
      want: [{ cell: 'Y5', severity: 'error', says: ['30/06/2025'] }] },
    { name: 'no iniciada with no analysis', sheets: [captureSheet([{ executed: [null, null, null, null], executedTotal: null, progressDeclared: null, analysis: null, evidence: null }])],
      want: [{ cell: 'Y5', severity: 'error' }] },
    // e 600 + 600 = 1.200 of 1.000 → 120 %
    { name: 'sobreejecutada with no analysis', sheets: [captureSheet([{ executed: [600, 600, null, null], executedTotal: 1200, progressDeclared: 120, analysis: null }])],
      want: [{ cell: 'Y5', severity: 'error' }] },
    // e 200 + 200 = 400 of 500 → exactly 80 % → al día
    { name: 'al día at exactly 80 % with no analysis', sheets: [captureSheet([{ executed: [200, 200, null, null], executedTotal: 400, progressDeclared: 40, analysis: null }])], want: [] },
    { name: 'eliminated goal with no analysis', sheets: [captureSheet([{ executed: [null, null, null, null], executedTotal: null, progressDeclared: null, analysis: null, evidence: null, goalState: 'Meta eliminada' }])], want: [] },
  ],
  'evidence-required': [
    { name: 'execution 250 in T1 and T2, no evidence', sheets: [captureSheet([{ evidence: null }])], want: [{ cell: 'Z5', severity: 'warning' }] },
    { name: 'nothing executed, no evidence', sheets: [captureSheet([{ executed: [0, 0, null, null], executedTotal: 0, progressDeclared: 0, evidence: null, analysis: 'Contratación en curso' }])], want: [] },
  ],
  'indicator-mismatch': [
    // percent goal: 45 ÷ 100 × 100 = 45; E(T2) 45,6 → 0,6 points off
    { name: 'percent goal: Ejecutado T2 45,6 vs 45 ÷ 100 × 100', sheets: [captureSheet([{ unitOfMeasure: 'Porcentaje', accumulation: 'Constante', yearGoal: 50, planned: [50, 50, 50, 50], executed: [40, 45.6, null, null], executedTotal: 45.6, progressDeclared: 91.2, numerator: 45, denominator: 100 }])],
      want: [{ cell: 'N5', severity: 'error', says: ['45,6'] }] },
    { name: 'percent goal: Ejecutado T2 45,5 (within 0,5 points)', sheets: [captureSheet([{ unitOfMeasure: 'Porcentaje', accumulation: 'Constante', yearGoal: 50, planned: [50, 50, 50, 50], executed: [40, 45.5, null, null], executedTotal: 45.5, progressDeclared: 91, numerator: 45, denominator: 100 }])], want: [] },
    // number goal: 300 ÷ 2 = 150; 151 is off by 1 > 0,5 % × 151 = 0,755
    { name: 'number goal: Ejecutado T2 151 vs 300 ÷ 2', sheets: [captureSheet([{ accumulation: 'Constante', yearGoal: 150, planned: [150, 150, 150, 150], executed: [150, 151, null, null], executedTotal: 151, progressDeclared: 100.7, numerator: 300, denominator: 2 }])],
      want: [{ cell: 'N5', severity: 'error' }] },
    { name: 'number goal: Ejecutado T2 150 = 300 ÷ 2', sheets: [captureSheet([{ accumulation: 'Constante', yearGoal: 150, planned: [150, 150, 150, 150], executed: [150, 150, null, null], executedTotal: 150, progressDeclared: 100, numerator: 300, denominator: 2 }])], want: [] },
  ],
  'unknown-goal': [
    { name: 'capture goal 1905999 not in the plan', sheets: [planSheet([{}]), captureSheet([{ goalCode: '1905999' }])],
      want: [{ cell: 'A5', severity: 'error', sheet: HC, says: ['1905999'] }] },
    { name: 'capture code typed as the number 1905001 equals the plan\'s text "1905001"', sheets: [planSheet([{}]), captureSheet([{ goalCode: 1905001 }])], want: [] },
  ],
  'plan-mismatch': [
    { name: 'capture meta vigencia 1.006 vs plan 1.000', sheets: [planSheet([{}]), captureSheet([{ yearGoal: 1006 }])],
      want: [{ cell: 'H5', severity: 'error', sheet: HC, says: ['1.006', '1.000'] }] },
    { name: 'capture meta vigencia 1.005 vs plan 1.000 (within 0,5 %)', sheets: [planSheet([{}]), captureSheet([{ yearGoal: 1005 }])], want: [] },
    { name: 'capture Programado T3 300 vs plan 250', sheets: [planSheet([{}]), captureSheet([{ planned: [250, 250, 300, 200] }])],
      want: [{ cell: 'K5', severity: 'error', sheet: HC }, { cell: 'L5', severity: 'error', sheet: HC }] },
  ],
  'unreported-goal': [
    { name: 'plan goal 1905002 programmed by T2 and absent from the capture sheet', sheets: [planSheet([{}, other]), captureSheet([{}])],
      want: [{ cell: 'A6', severity: 'warning', sheet: PLAN, says: ['1905002', '30/06/2025'] }] },
    { name: 'plan goal 1905002 programmed only from T3', sheets: [planSheet([{}, { ...other, planned: [0, 0, 500, 500] }]), captureSheet([{}])], want: [] },
    { name: 'the same goal at cut-off T3 is due', sheets: [planSheet([{}, { ...other, planned: [0, 0, 500, 500] }]), captureSheet([{}])], options: { cutoff: '2025-09-30' },
      want: [{ cell: 'A6', severity: 'warning', sheet: PLAN }] },
  ],
};

function shape(f: Finding) {
  return { cell: f.cell, severity: f.severity, sheet: f.sheet };
}

describe('acceptance: every rule fires where it should and nowhere else', () => {
  for (const [rule, list] of Object.entries(cases)) {
    describe(rule, () => {
      for (const c of list) {
        it(`${c.want.length ? 'fires' : 'does not fire'}: ${c.name}`, async () => {
          const got = await findingsOf(rule, c.sheets, c.options);
          const defaultSheet = c.sheets[0].name;
          expect(got.map(shape)).toEqual(c.want.map((w) => ({ cell: w.cell, severity: w.severity, sheet: w.sheet ?? defaultSheet })));
          got.forEach((f, i) => {
            expect(f.row).toBe(Number(f.cell.replace(/^[A-Z]+/, '')));
            for (const s of c.want[i].says ?? []) expect(f.message).toContain(s);
          });
        });
      }
    });
  }

  it('the clean default plan, capture and techos give no finding at all', async () => {
    const r = await validateSheets([planSheet([{}, other]), captureSheet([{}, { goalCode: '1905002', goal: 'Dotar 20 puestos de salud' }]), ceilingSheet([{}])]);
    expect(r.findings).toEqual([]);
  });

  it('one cell gets one finding per rule: a capture duplicate repeated gets one finding per repetition only', async () => {
    const f = await findingsOf('duplicate', [captureSheet([{}, {}])]);
    expect(f).toHaveLength(1);
  });
});
