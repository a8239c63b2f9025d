import type { FieldId } from './fields';
import { goalsFromCaptureSheet, goalsFromPlanSheet } from './goals';
import { goalCodeOf } from './goal-code';
import type { DataRow, Parsed, ReadCell, ReadSheet } from './sheet';

type V = number | string | null | { invalid: string };

function cell(v: V): ReadCell {
  let parsed: Parsed;
  if (v === null) parsed = { status: 'blank' };
  else if (typeof v === 'object') parsed = { status: 'invalid', text: v.invalid };
  else parsed = { status: 'ok', value: v };
  return { col: 1, raw: typeof v === 'object' && v !== null ? v.invalid : v, merged: false, parsed };
}

function row(r: number, values: Partial<Record<FieldId, V>>): DataRow {
  const cells: Partial<Record<FieldId, ReadCell>> = {};
  for (const [k, v] of Object.entries(values)) cells[k as FieldId] = cell(v as V);
  return { row: r, cells };
}

function sheet(kind: ReadSheet['kind'], rows: DataRow[], over: Partial<ReadSheet> = {}): ReadSheet {
  return {
    name: kind === 'plan-accion' ? 'PE-F-012' : 'HC T2',
    kind,
    firstHeaderRow: 5,
    headerRow: 6,
    headerCol: 1,
    columns: {},
    headers: {},
    missing: [],
    periodKind: 'quarter',
    periodCount: 4,
    title: {},
    rows,
    errorCells: [],
    visibility: 'visible',
    ...over,
  };
}

describe('goalsFromCaptureSheet', () => {
  it('gives no goals for a sheet with no data rows', () => {
    expect(goalsFromCaptureSheet(sheet('hoja-captura', []))).toEqual([]);
  });
  it('reads every field of a row', () => {
    const [g] = goalsFromCaptureSheet(
      sheet('hoja-captura', [
        row(7, {
          goalCode: '1905021', goal: 'Vacunar niños', unit: 'Secretaría de Salud', dimension: 'Social', programCode: '1905',
          accumulation: 'creciente', baseline: 50, yearGoal: 70, planned1: 55, planned2: 60, planned3: null, planned4: 70,
          executed1: 52, executed2: 0, weight: 0.25, budgetFinal: 1000, commitments: 500, obligations: 200, payments: 100,
          analysis: 'Avance según lo previsto', evidence: 'Acta 12', goalState: 'activa', goalType: 'Gestión', source: 'SGP Salud',
        }),
      ]),
    );
    expect(g).toEqual({
      code: '1905021', goal: 'Vacunar niños', unit: 'Secretaría de Salud', dimension: 'Social', programCode: '1905', program: null,
      accumulation: 'creciente', goalType: 'Gestión', source: 'SGP Salud', baseline: 50, yearGoal: 70, periodKind: 'quarter',
      planned: [55, 60, null, 70], executed: [52, 0, null, null], weight: 0.25,
      budget: { final: 1000, commitments: 500, obligations: 200, payments: 100 },
      eliminated: false, analysis: 'Avance según lo previsto', evidence: 'Acta 12', sheet: 'HC T2', row: 7,
    });
  });
  it('keeps blank and 0 apart in the period arrays', () => {
    const [g] = goalsFromCaptureSheet(sheet('hoja-captura', [row(7, { goalCode: 'A', executed1: 0, executed2: null })]));
    expect(g.executed).toEqual([0, null, null, null]);
  });
  it('treats cells that do not parse as blank', () => {
    const [g] = goalsFromCaptureSheet(sheet('hoja-captura', [row(7, { goalCode: 'A', yearGoal: { invalid: 'diez' }, accumulation: { invalid: 'otra' } })]));
    expect([g.yearGoal, g.accumulation]).toEqual([null, null]);
  });
  it('marks eliminated goals', () => {
    const goals = goalsFromCaptureSheet(sheet('hoja-captura', [row(7, { goalCode: 'A', goalState: 'eliminada' }), row(8, { goalCode: 'B' })]));
    expect(goals.map((g) => g.eliminated)).toEqual([true, false]);
  });
  it('makes arrays of 12 for month sheets', () => {
    const [g] = goalsFromCaptureSheet(sheet('hoja-captura', [row(7, { goalCode: 'A', planned12: 3, executed1: 1 })], { periodKind: 'month', periodCount: 12 }));
    expect([g.planned.length, g.planned[11], g.executed.length, g.executed[0], g.periodKind]).toEqual([12, 3, 12, 1, 'month']);
  });
  it('takes the title block unit when the row has none', () => {
    const [g] = goalsFromCaptureSheet(sheet('hoja-captura', [row(7, { goalCode: 'A' })], { title: { unit: 'Secretaría de Gobierno' } }));
    expect(g.unit).toBe('Secretaría de Gobierno');
  });
  it('gives one goal per row, in sheet order, duplicates included', () => {
    const goals = goalsFromCaptureSheet(sheet('hoja-captura', [row(7, { goalCode: 'A' }), row(9, { goalCode: 'A' }), row(10, {})]));
    expect(goals.map((g) => [g.code, g.row])).toEqual([['A', 7], ['A', 9], ['', 10]]);
  });
});

describe('goalsFromPlanSheet', () => {
  it('gives no goals for a sheet with no data rows', () => {
    expect(goalsFromPlanSheet(sheet('plan-accion', []))).toEqual([]);
  });
  it('groups activity rows by goal code, attributes from the first row, amounts summed', () => {
    const goals = goalsFromPlanSheet(
      sheet('plan-accion', [
        row(7, { goalCode: '1905021', goal: 'Vacunar', unit: 'Salud', programCode: '1905', program: 'Salud pública', accumulation: 'suma', yearGoal: 10, planned1: 5, planned2: 5, activity: 'A1', amount: 1000000 }),
        row(8, { goalCode: '2201001', goal: 'Aulas', unit: 'Educación', accumulation: 'suma', yearGoal: 2, activity: 'B1', amount: 500 }),
        row(9, { goalCode: '1905021', goal: 'Otro texto', unit: 'Salud', yearGoal: 99, activity: 'A2', amount: 250000.5 }),
        row(10, { goalCode: '1905021', activity: 'A3', amount: null }),
      ]),
    );
    expect(goals.map((g) => [g.code, g.goal, g.yearGoal, g.row, g.budget.final])).toEqual([
      ['1905021', 'Vacunar', 10, 7, 1250000.5],
      ['2201001', 'Aulas', 2, 8, 500],
    ]);
    expect(goals[0].planned).toEqual([5, 5, null, null]);
    expect(goals[0].executed).toEqual([null, null, null, null]);
    expect(goals[0].budget).toEqual({ final: 1250000.5, commitments: null, obligations: null, payments: null });
    expect([goals[0].analysis, goals[0].evidence, goals[0].eliminated]).toEqual([null, null, false]);
  });
  it('gives a null final budget when no row has an amount', () => {
    const [g] = goalsFromPlanSheet(sheet('plan-accion', [row(7, { goalCode: 'X', amount: null })]));
    expect(g.budget.final).toBeNull();
  });
  it('leaves out rows with no goal code', () => {
    const goals = goalsFromPlanSheet(sheet('plan-accion', [row(7, { activity: 'sin código', amount: 5 }), row(8, { goalCode: 'X', amount: 1 })]));
    expect(goals.map((g) => [g.code, g.budget.final])).toEqual([['X', 1]]);
  });
  it('groups a code typed as a number with the same code as text', () => {
    const goals = goalsFromPlanSheet(sheet('plan-accion', [row(7, { goalCode: 1905021, amount: 1 }), row(8, { goalCode: '1905021', amount: 2 })]));
    expect(goals.map((g) => [g.code, g.budget.final])).toEqual([['1905021', 3]]);
  });
});

describe('goalCodeOf', () => {
  it('keeps a code that does not parse as its raw text', () => {
    expect(goalCodeOf(row(7, { goalCode: { invalid: ' 19-05 ' } }))).toBe('19-05');
    expect(goalCodeOf(row(7, {}))).toBeNull();
  });
});
