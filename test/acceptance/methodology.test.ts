/**
 * Acceptance — issue 11 "Follow-up by the methodology": each bullet of its "Why", on the example
 * capture workbook (test/fixtures/hoja-captura-limpia.xlsx: the example without its planted
 * mistakes) edited the way a liaison edits it, saved as a real .xlsx and run through `tablero`.
 *
 * The sheet "HC T2": data rows 9–22, one goal per row —
 *   9 1905021 suma M 6.000 P 1.500 ×4 E 1.620, 1.480     16 2402052 suma M 3 P 0,0,1,2 E —, —
 *  10 1905031 constante LB 10 M 12 P 12 ×4 E 12, 10       17 2402060 suma M 80 P 20 ×4 E 25, 30
 *  11 1905044 decreciente LB 11,2 M 9,5 P 11; 10,6; 10,1; 9,5 E 11,1; 10,9
 *  12 2201015 suma M 40 P 0,10,15,15 E 0, 4               18 1702017 suma M 300 P 50,100,100,50 E 40, 90
 *  13 2201022 creciente LB 800 M 1.200 P 850,950,1.100,1.200 E 860, 980
 *  14 2201030 constante LB 14.500 M 15.000 P 15.000 ×4 E 14.800, 15.000
 *  15 2402041 suma M 25 P 0,5,10,10 E 0, 0               19 1702023 suma M 4 P 1 ×4 E 2, 3
 *  20 1702031 eliminated                                  21 4502011 Gestión, suma M 500 P 100,150,150,100 E 110, 160
 *  22 4502020 Gestión, creciente M 100 P 20,40,70,100 E 20, 35
 * Columns: G línea base, M–P Ejecutado T1–T4, R % avance, T compromisos, W análisis. The tipo de
 * meta (Producto / Gestión) comes from the plan de acción sheet of the same workbook.
 *
 * Every expected figure is worked out by hand in the comments, never by calling the engine.
 */
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { tablero, tempDir } from './harness';
import type { JGoal, JReport } from './harness';

const CLEAN = path.resolve(__dirname, '..', 'fixtures', 'hoja-captura-limpia.xlsx');
const ROW: Record<string, number> = {
  '1905021': 9, '1905031': 10, '1905044': 11, '2201015': 12, '2201022': 13, '2201030': 14, '2402041': 15,
  '2402052': 16, '2402060': 17, '1702017': 18, '1702023': 19, '1702031': 20, '4502011': 21, '4502020': 22,
};

interface Finding { rule: string; severity: string; sheet: string; cell: string; goal?: string; message: string }
interface Validation { files: { findings: Finding[]; errors: number; warnings: number }[] }

type Edit = (ws: ExcelJS.Worksheet) => void;

/** The clean example with `edits` applied to "HC T2", saved as `name` in `dir`. */
async function variant(dir: string, name: string, ...edits: Edit[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(CLEAN);
  const ws = wb.getWorksheet('HC T2') as ExcelJS.Worksheet;
  for (const e of edits) e(ws);
  await wb.xlsx.writeFile(path.join(dir, name));
  return name;
}

const set = (code: string, col: string, value: ExcelJS.CellValue): Edit => (ws) => {
  ws.getCell(`${col}${ROW[code]}`).value = value;
};
/** T3 and T4 executed (columns O, P). */
const t34 = (code: string, t3: number | null, t4: number | null): Edit[] => [set(code, 'O', t3), set(code, 'P', t4)];
/** The declared acumulado and % avance describe T2; at another cut-off the liaison clears them. */
const clearDeclared: Edit = (ws) => {
  for (const r of Object.values(ROW)) {
    ws.getCell(`Q${r}`).value = null;
    ws.getCell(`R${r}`).value = null;
  }
};

async function report(dir: string, file: string, cutoff: string): Promise<JReport> {
  const r = await tablero(['reporte', file, '--corte', cutoff, '--json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as JReport;
}

async function validate(dir: string, file: string, cutoff: string): Promise<Finding[]> {
  const r = await tablero(['validar', file, '--corte', cutoff, '--json'], dir);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as Validation).files[0].findings;
}

async function generated(dir: string, file: string, cutoff: string): Promise<ExcelJS.Workbook> {
  const out = `${path.basename(file, '.xlsx')}.${cutoff}.tablero.xlsx`;
  const g = await tablero(['generar', file, '--corte', cutoff, '-o', out], dir);
  expect(g.stderr).not.toMatch(/Error interno/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, out));
  return wb;
}

function text(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v;
}

/** Rows of a sheet as arrays of plain values (A = index 0). */
function rowsOf(ws: ExcelJS.Worksheet, width = 15): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= width; c++) row.push(text(ws.getCell(r, c).value));
    out.push(row);
  }
  return out;
}

const startsWith = (rows: unknown[][], prefix: string, from = 0): number =>
  rows.findIndex((r, i) => i >= from && typeof r[0] === 'string' && r[0].startsWith(prefix));
const codesBetween = (rows: unknown[][], from: number, to: number): string[] =>
  rows.slice(from, to < 0 ? rows.length : to).map((r) => r[0]).filter((v): v is string => typeof v === 'string' && /^\d{7}$/.test(v));
const goal = (rep: JReport, code: string): JGoal => rep.goals.find((g) => g.code === code) as JGoal;
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('acceptance: follow-up by the methodology (issue 11)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  describe('year-end closure: the example cut at T4 (--corte 2025-12-31) with T3 and T4 filled', () => {
    // T3, T4 typed by the liaisons; 2402052 leaves T4 blank; three analyses are blank.
    const edits: Edit[] = [
      clearDeclared,
      ...t34('1905021', 1500, 1400), // Σ 1.620 + 1.480 + 1.500 + 1.400 = 6.000 of 6.000 → 100 % cumplida
      ...t34('1905031', 12, 12), //     constante: level 12 at T4 = M → 100 % cumplida
      ...t34('1905044', 10.4, 9.9), //  decreciente LB 11,2: (11,2 − 9,9) ÷ (11,2 − 9,5) = 1,3 ÷ 1,7 = 0,764705882353
      ...t34('2201015', 15, 15), //     Σ 0 + 4 + 15 + 15 = 34 of 40 = 0,85
      ...t34('2201022', 1100, 1210), // creciente LB 800: (1.210 − 800) ÷ (1.200 − 800) = 1,025 → sobreejecutada
      ...t34('2201030', 15000, 15000), // 15.000 at T4 → cumplida
      ...t34('2402041', 8, 12), //      Σ 0 + 0 + 8 + 12 = 20 of 25 = 0,8
      ...t34('2402052', 1, null), //    T4 programmed 2 and blank → missing-report; e = 1 of 3 = 0,333333333333
      ...t34('2402060', 15, 10), //     Σ 25 + 30 + 15 + 10 = 80 of 80 → cumplida
      ...t34('1702017', 70, 50), //     Σ 40 + 90 + 70 + 50 = 250 of 300 = 0,833333333333 (the "83 %")
      ...t34('1702023', 1, 0), //       Σ 2 + 3 + 1 + 0 = 6 of 4 = 1,5 → sobreejecutada
      ...t34('4502011', 150, 60), //    Gestión: Σ 110 + 160 + 150 + 60 = 480 of 500 = 0,96
      ...t34('4502020', 70, 100), //    Gestión, creciente: 100 of 100 → cumplida
      set('1905044', 'W', null),
      set('1702017', 'W', null),
    ];
    let rep: JReport;
    let findings: Finding[];
    let file: string;
    beforeAll(async () => {
      file = await variant(dir, 'cierre.xlsx', ...edits);
      rep = await report(dir, file, '2025-12-31');
      findings = await validate(dir, file, '2025-12-31');
    });

    it('goals below 100 % at T4 are no-cumplida (83 % is not "al día" at year-end)', () => {
      expect(rep.period).toBe('T4');
      const states = Object.fromEntries(rep.goals.map((g) => [g.code, g.state]));
      expect(states).toEqual({
        '1905021': 'cumplida', '1905031': 'cumplida', '1905044': 'no-cumplida', '2201015': 'no-cumplida',
        '2201022': 'sobreejecutada', '2201030': 'cumplida', '2402041': 'no-cumplida', '2402052': 'no-cumplida',
        '2402060': 'cumplida', '1702017': 'no-cumplida', '1702023': 'sobreejecutada', '1702031': 'eliminada',
        '4502011': 'no-cumplida', '4502020': 'cumplida',
      });
      expect(goal(rep, '1702017')).toMatchObject({ plannedToDate: 300, executedToDate: 250, compliance: 0.833333333333 });
      expect(goal(rep, '1905044').progress).toBe(0.764705882353);
    });

    it('every no-cumplida goal without analysis needs it (analysis-required), with the PE-P-008 step 5 wording', () => {
      // Blank analyses: 1905044 (W11), 2402052 (W16, it never had one), 1702017 (W18).
      const a = of(findings, 'analysis-required');
      expect(a.map((f) => [f.cell, f.goal])).toEqual([['W11', '1905044'], ['W16', '2402052'], ['W18', '1702017']]);
      expect(a[2].message).toContain('no se cumplió en la vigencia');
      expect(a[2].message).toContain('83,3 %');
      expect(a[2].message).toContain('justificación');
    });

    it('a blank in a due period is a missing-report on that cell', () => {
      expect(of(findings, 'missing-report').map((f) => [f.cell, f.goal, f.severity])).toEqual([['P16', '2402052', 'error']]);
    });

    it('gestión goals are outside the rating: the plan is rated on the 11 product goals, gestión apart', () => {
      // Product goals, compliance at T4 capped at 100 %: 1 + 1 + 0,764705882353 + 0,85 + 1 + 1 + 0,8 +
      // 0,333333333333 + 1 + 0,833333333333 + 1 = 9,581372549 → ÷ 11 = 0,871033868
      expect(rep.plan.goals).toBe(11);
      expect(rep.plan.compliance as number).toBeCloseTo(9.581372549 / 11, 8);
      expect([rep.plan.rating, rep.plan.partial]).toEqual(['Sobresaliente', false]);
      expect(rep.plan.states).toEqual({ cumplida: 4, sobreejecutada: 2, 'no-cumplida': 5 });
      // Gestión: 4502011 0,96 and 4502020 1 → 0,98; not in the ranking (Secretaría de Gobierno has only gestión goals).
      expect(rep.gestion).toMatchObject({ goals: 2, compliance: 0.98, states: { cumplida: 1, 'no-cumplida': 1 } });
      expect(rep.units.map((u) => u.name)).not.toContain('Secretaría de Gobierno');
    });

    it('the CLI summary gives the final rating and the no cumplidas', async () => {
      const r = await tablero(['reporte', file, '--corte', '2025-12-31'], dir);
      expect(r.stdout).toContain('calificación Sobresaliente.');
      expect(r.stdout).not.toContain('parcial');
      expect(r.stdout).toMatch(/1702017 +Secretaría de Agricultura +No cumplida +83,3 %/);
      expect(r.stdout).toContain('Metas de gestión y administrativas (fuera de la calificación)');
    });

    it('Alertas: the year-end "no cumplidas" with blank columns for the justification and the commitment', async () => {
      const wb = await generated(dir, file, '2025-12-31');
      const rows = rowsOf(wb.getWorksheet('Alertas') as ExcelJS.Worksheet);
      const s1 = startsWith(rows, '1. Metas no cumplidas en la vigencia');
      const s2 = startsWith(rows, '2. Por encima de lo programado al corte');
      expect([s1 > 0, s2 > s1]).toEqual([true, true]);
      expect(rows[s1 + 1].slice(9, 13)).toEqual(['Justificación del incumplimiento', 'Compromiso', 'Responsable', 'Fecha de compromiso']);
      // Grouped by unit name: Agricultura, Educación, Infraestructura (2402041, 2402052), Salud.
      expect(codesBetween(rows, s1, s2)).toEqual(['1702017', '2201015', '2402041', '2402052', '1905044']);
      const r = rows.find((x) => x[0] === '1702017') as unknown[];
      expect([r[3], r[4], r[7], r[9], r[10]]).toEqual([300, 250, 'No cumplida', null, null]);
      const tab = rowsOf(wb.getWorksheet('Tablero de control') as ExcelJS.Worksheet);
      expect(tab.flat()).toContain('Rangos de eficacia DNP · vigencia cerrada');
    });
  });

  describe('missing quarters are not carried forward in silence', () => {
    it('cut at T3 with no T3 data: 2201030 and 1905031 are not reported, every due T3 blank is a finding', async () => {
      const file = await variant(dir, 'sin-t3.xlsx', clearDeclared);
      const rep = await report(dir, file, '2025-09-30');
      // 2201030 constante: T3 programmed 15.000 and blank → no report for T3 → no iniciada (was "cumplida").
      // 1905031 constante: T3 programmed 12 and blank → no iniciada (was "al día" with T2's 10).
      expect([goal(rep, '2201030').state, goal(rep, '2201030').executedToDate]).toEqual(['no-iniciada', null]);
      expect([goal(rep, '1905031').state, goal(rep, '1905031').executedToDate]).toEqual(['no-iniciada', null]);
      // suma goals add the blank as 0: 1905021 (1.620 + 1.480) ÷ 4.500 = 0,688888888889 → atrasada.
      expect([goal(rep, '1905021').compliance, goal(rep, '1905021').state]).toEqual([0.688888888889, 'atrasada']);
      const missing = of(await validate(dir, file, '2025-09-30'), 'missing-report');
      // Every goal with a T3 programmed (all but the eliminated 1702031): column O, rows 9–22 but 20.
      expect(missing.map((f) => f.cell)).toEqual(['O9', 'O10', 'O11', 'O12', 'O13', 'O14', 'O15', 'O16', 'O17', 'O18', 'O19', 'O21', 'O22']);
    });

    it('blanking a T2 value: 2201030 is no longer 98,7 % "al día" with no finding', async () => {
      const file = await variant(dir, 'sin-t2.xlsx', set('2201030', 'N', null));
      const rep = await report(dir, file, '2025-06-30');
      // Carrying T1's 14.800 would say 14.800 ÷ 15.000 = 98,7 % al día; T2 is due and blank → no iniciada.
      expect([goal(rep, '2201030').executedToDate, goal(rep, '2201030').compliance, goal(rep, '2201030').state]).toEqual([null, 0, 'no-iniciada']);
      const missing = of(await validate(dir, file, '2025-06-30'), 'missing-report');
      expect(missing.map((f) => [f.cell, f.goal])).toEqual([['N14', '2201030']]);
      expect(missing[0].message).toContain('programado 15.000');
    });
  });

  it('a level goal is not "cumplida" in June: 2201030 (constante 15.000) is al día until T4', async () => {
    const rep = await report(dir, path.relative(dir, CLEAN), '2025-06-30');
    // 15.000 of 15.000: compliance 1, progress 1, but the level must hold until the last period.
    expect(goal(rep, '2201030')).toMatchObject({ compliance: 1, progress: 1, state: 'al-dia' });
  });

  it('a reduction goal without línea base is no-medible: no 97,2 % "al día", no change of rating', async () => {
    // Delete the línea base of 1905044 (decreciente) and 2201022 (creciente).
    const file = await variant(dir, 'sin-lb.xlsx', set('1905044', 'G', null), set('2201022', 'G', null));
    const rep = await report(dir, file, '2025-06-30');
    // p ÷ e would say 10,6 ÷ 10,9 = 97,2 % al día; without LB the figure cannot be computed honestly.
    expect(goal(rep, '1905044')).toMatchObject({ compliance: null, progress: null, state: 'no-medible' });
    // 2201022 creciente without LB: 980 ÷ 950 = 1,031578947368 (capped at 1 in the plan, as with LB).
    expect(goal(rep, '2201022').compliance).toBe(1.03157894737);
    // Plan over the 9 product goals with a compliance (2402052 none, 1905044 no medible):
    // 1 + 0,833333333333 + 0,4 + 1 + 1 + 0 + 1 + 0,866666666667 + 1 = 7,1 → 7,1 ÷ 9 = 0,788888888889
    // → Satisfactorio (not "Sobresaliente 82,9 %").
    expect(rep.plan.compliance).toBe(0.788888888889);
    expect(rep.plan.rating).toBe('Satisfactorio');
    expect(rep.plan.states['no-medible']).toBe(1);
    const summary = await tablero(['reporte', file, '--corte', '2025-06-30'], dir);
    expect(summary.stdout).toMatch(/Metas no medibles \(1\)[\s\S]*1905044/);
    const rows = rowsOf((await generated(dir, file, '2025-06-30')).getWorksheet('Alertas') as ExcelJS.Worksheet);
    const s = startsWith(rows, 'Metas no medibles');
    expect(codesBetween(rows, s, startsWith(rows, '4. Metas del plan de acción'))).toEqual(['1905044']);
  });

  describe('the example at T2', () => {
    let rep: JReport;
    let findings: Finding[];
    let alertas: unknown[][];
    beforeAll(async () => {
      const file = path.relative(dir, CLEAN);
      rep = await report(dir, file, '2025-06-30');
      findings = await validate(dir, file, '2025-06-30');
      alertas = rowsOf((await generated(dir, file, '2025-06-30')).getWorksheet('Alertas') as ExcelJS.Worksheet);
    });

    it('over-execution is checked against what was due at the cut-off: five goals, all in Alertas', () => {
      // 1905021 3.100 of 3.000; 2201022 (980 − 800) ÷ (950 − 800) = 1,2; 2402060 55 of 40 = 137,5 %;
      // 1702023 5 of 2; 4502011 270 of 250.
      expect(of(findings, 'over-execution').map((f) => [f.cell, f.goal])).toEqual([
        ['N9', '1905021'], ['N13', '2201022'], ['N17', '2402060'], ['N19', '1702023'], ['N21', '4502011'],
      ]);
      expect(of(findings, 'over-execution')[2].message).toContain('137,5 %');
      const s2 = startsWith(alertas, '2. Por encima de lo programado al corte: 5 (1 sobre el 100 % de la meta de la vigencia)');
      expect(s2).toBeGreaterThan(0);
      expect(codesBetween(alertas, s2, startsWith(alertas, '3. '))).toEqual(['1905021', '2201022', '2402060', '1702023', '4502011']);
    });

    it('gestión goals do not move the rating: product goals only give 76,0 %, not 79,0 %', () => {
      // 1 + 0,833333333333 + 0,5 + 0,4 + 1 + 1 + 0 + 1 + 0,866666666667 + 1 = 7,6 over the 10 product goals
      // with a compliance (2402052: nothing due) → 0,76.
      expect([rep.plan.goals, rep.plan.compliance, rep.plan.rating, rep.plan.partial]).toEqual([11, 0.76, 'Satisfactorio', true]);
      // Secretaría de Gobierno (4502011, 4502020, both Gestión) was ranked 1st; now it is not ranked.
      expect(rep.units.map((u) => [u.rank, u.name])).toEqual([
        [1, 'Secretaría de Agricultura'], [2, 'Secretaría de Educación'], [3, 'Secretaría de Salud'], [4, 'Secretaría de Infraestructura'],
      ]);
      // Gestión apart: min(1,08; 1) and 0,875 → 0,9375.
      expect(rep.gestion).toMatchObject({ goals: 2, compliance: 0.9375 });
    });

    it('the eliminated goal\'s money stays in budget execution; the three ratios and the table by program are shown', () => {
      // Σ definitiva of the 14 goals = 8.699 M; compromisos 7.135,6 M; obligaciones 2.657 M; pagos 2.402 M.
      expect(rep.plan.budgetExecution as number).toBeCloseTo(7135.6 / 8699, 10); // 82,0 %, not 82,9 %
      expect(rep.plan.obligationsRatio as number).toBeCloseTo(2657 / 8699, 10);
      expect(rep.plan.paymentsRatio as number).toBeCloseTo(2402 / 8699, 10);
      // Programs of product goals, in order of appearance; 1702 keeps 1702031's 95 M:
      // (200 + 30 + 0) ÷ (258 + 36 + 95) = 230 ÷ 389.
      expect(rep.programs.map((p) => [p.programCode, p.goals])).toEqual([['1905', 3], ['2201', 3], ['2402', 3], ['1702', 2]]);
      expect(rep.programs[3].budgetExecution as number).toBeCloseTo(230 / 389, 10);
    });

    it('money committed with no product is flagged: 2402041, 95,5 % committed and 0 km', () => {
      // 1.280 M ÷ 1.340 M = 95,5 % ≥ 80 % and compliance 0 < 50 %; 2201015 520 ÷ 600 = 86,7 % at 40 %.
      expect(of(findings, 'budget-ahead').map((f) => [f.cell, f.goal])).toEqual([['T12', '2201015'], ['T15', '2402041']]);
      expect(of(findings, 'budget-ahead')[1].message).toContain('95,5 %');
    });
  });

  it('a "% cumplimiento" column is the compliance at cut-off: 103,3 % is right, 60 % for 40 % is not', async () => {
    // Column R headed "% cumplimiento": 1905021 3.100 ÷ 3.000 = 103,33 %; 2201015 4 ÷ 10 = 40 %.
    const file = await variant(dir, 'cumplimiento.xlsx', clearDeclared, (ws) => {
      ws.getCell('R7').value = '% cumplimiento';
      ws.getCell('R9').value = 1.0333;
      ws.getCell('R12').value = 0.6;
    });
    const mismatch = of(await validate(dir, file, '2025-06-30'), 'percent-mismatch');
    expect(mismatch.map((f) => [f.cell, f.goal])).toEqual([['R12', '2201015']]);
    expect(mismatch[0].message).toContain('(40 %');
  });

  it('execution by funding source, where the sheet gives one', async () => {
    const bySource: Record<string, string> = {
      '1905021': 'SGP Salud', '1905031': 'SGP Salud', '1905044': 'SGP Salud',
      '2201015': 'SGP Educación', '2201022': 'SGP Educación', '2201030': 'SGP Educación',
    };
    const file = await variant(dir, 'fuentes.xlsx', (ws) => {
      ws.getCell('Z7').value = 'Fuente de financiación';
      ws.mergeCells('Z7:Z8');
      for (const [code, r] of Object.entries(ROW)) ws.getCell(`Z${r}`).value = bySource[code] ?? 'Recursos propios';
    });
    const rep = await report(dir, file, '2025-06-30');
    // SGP Salud: compromisos 290 + 405 + 150 = 845 M of 405 + 470 + 225 = 1.100 M.
    // SGP Educación: 520 + 300 + 3.500 = 4.320 M of 600 + 350 + 3.650 = 4.600 M.
    // Recursos propios: the rest, 7.135,6 − 845 − 4.320 = 1.970,6 M of 8.699 − 1.100 − 4.600 = 2.999 M.
    expect(rep.sources.map((s) => [s.name, s.final])).toEqual([
      ['SGP Salud', 1_100_000_000], ['SGP Educación', 4_600_000_000], ['Recursos propios', 2_999_000_000],
    ]);
    expect(rep.sources[0].budgetExecution as number).toBeCloseTo(845 / 1100, 10);
    expect(rep.sources[1].budgetExecution as number).toBeCloseTo(4320 / 4600, 10);
    expect(rep.sources[2].budgetExecution as number).toBeCloseTo(1970.6 / 2999, 10);
    const tab = rowsOf((await generated(dir, file, '2025-06-30')).getWorksheet('Tablero de control') as ExcelJS.Worksheet);
    expect(startsWith(tab, 'Ejecución presupuestal por fuente de financiación')).toBeGreaterThan(0);
  });
});
