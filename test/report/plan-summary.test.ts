/**
 * A plan with no execution is summarised as a plan (issue 9; progress.md "What is generated"):
 * `reporte` (text and --json), `informe` and `generar` on the real SisPT export, on another
 * municipality's SisPT-shaped export built here (other rows, other sources), and on the bundled
 * plan de acción. Nothing is measured: no compliance, no rating, no rezagada or no-cumplida.
 * Every expected figure is worked out by hand in the comments.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { examples, repoRoot, tablero, tempDir } from '../cli/io';
import { writeXlsx, type CellInput } from '../helpers/xlsx';
import type { Report } from '../../src/app/report';

const sispt = path.join(repoRoot, '..', 'shared', 'real-layouts', 'sispt-plan-indicativo-cajica.xlsx');
const haveSample = existsSync(sispt);
const maybe = haveSample ? describe : describe.skip;
const M = 1_000_000;

async function report(file: string, now: Date, extra: string[] = []): Promise<Report> {
  const { dir, cleanup } = tempDir('formats-plan-');
  try {
    const r = await tablero(['reporte', file, '--json', ...extra], dir, { now });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Report;
  } finally {
    cleanup();
  }
}

function expectNothingMeasured(r: Report): void {
  expect(r.period).toBeNull();
  expect(r.plan).toMatchObject({ compliance: null, progress: null, budgetExecution: null, obligationsRatio: null, paymentsRatio: null, rating: null });
  for (const g of r.goals) expect(['sin-programacion', 'eliminada']).toContain(g.state);
  for (const u of r.units) expect([u.compliance, u.budgetExecution, u.rating]).toEqual([null, null, null]);
  expect(Object.keys(r.plan.states).filter((s) => s !== 'sin-programacion')).toEqual([]);
}

maybe('the real SisPT export (Cajicá 2024–2027)', () => {
  // Hand count from the sheet's columns U–X and AM/BB/BQ/CF (Total <año>): IP-276, IP-98 and IP-247
  // program 0 in 2024, 2026 and 2027 (1 in 2025); every other product programs a quantity every year.
  const byYear = [
    // A year's money is its products' with a meta that year; IP-247's (53.045.000 in 2026,
    // 54.636.350 in 2027) is shown apart (unprogrammedAmount), as is every product's with no meta that year.
    { year: 2024, goals: 37, amount: 11069058531, unprogrammedAmount: 0 },
    { year: 2025, goals: 40, amount: 11347036281.97, unprogrammedAmount: 0 },
    { year: 2026, goals: 37, amount: 8022767934.5115, unprogrammedAmount: 53045000 },
    { year: 2027, goals: 37, amount: 8263450972.5469, unprogrammedAmount: 54636350 },
  ];

  it('counts the vigencia\'s products: today\'s year inside the term, said in the output', async () => {
    const r = await report(sispt, new Date(2026, 11, 3));
    expect(r.vigencia).toBe(2026);
    expectNothingMeasured(r);
    expect(r.goals).toHaveLength(37);
    expect(r.plan.goals).toBe(37);
    const s = r.planSummary;
    expect(s).not.toBeNull();
    expect(s).toMatchObject({ kind: 'plan-indicativo', vigencia: 2026, vigenciaFrom: 'today', years: [2024, 2025, 2026, 2027], goals: 37, planGoals: 40, byYear });
    // The 37 products' Total 2026 (column BQ) summed by hand; IP-247's 53.045.000 is not in it.
    expect(s?.amount).toBe(8022767934.5115);
    expect(s?.unprogrammedAmount).toBe(53045000);
    expect(s?.byProgram.find((p) => p.programCode === '2409')).toMatchObject({ goals: 0, amount: 0 });
    expect(s?.unprogrammed.map((u) => [u.code, u.amount])).toEqual([['IP-276', 0], ['IP-98', 0], ['IP-247', 53045000]]);
    // «Recursos propios 2024…2027» (columns Y, AN, BC, BR) summed by hand over each year's programmed
    // products: IP-247's Recursos propios (53.045.000 in 2026, 54.636.350 in 2027) is not in them.
    expect(s?.bySource.find((x) => x.name === 'Recursos propios')?.amounts).toEqual([7897374572, 8081703722.45, 5208313555.6059, 5364562962.2741]);
    // IP-157's sources of 2025 add 1.025.000.000 against its «Total 2025» of 1.000.000.000 (the
    // README's planted sources-sum): a negative line reconciles the sources with the Totals.
    expect(s?.bySource.at(-1)).toEqual({ name: 'Fuentes por encima del total del producto', goals: 0, amount: 0, amounts: [0, -25000000, 0, 0] });
    const sourceYears = s?.years.map((_, i) => (s?.bySource ?? []).reduce((t, x) => t + x.amounts[i], 0)) ?? [];
    sourceYears.forEach((v, i) => expect(v).toBeCloseTo(byYear[i].amount, 2));
    expect(s?.note).toContain('Vigencia 2026 (el año en curso): 37 productos de 40 con meta programada ese año');
    // A goal of the vigencia: its meta is the year's programming, its budget the year's total.
    expect(r.goals.find((g) => g.code === 'IP-302')).toMatchObject({ yearGoal: 1, accumulation: 'suma', budget: { final: 0 } });
    expect(r.goals.find((g) => g.code === 'IP-55')).toMatchObject({ yearGoal: 90, budget: { final: 530450000 } });
  });

  it('takes --vigencia first, and the term\'s nearest year when today is outside it', async () => {
    const r2025 = await report(sispt, new Date(2026, 11, 3), ['--vigencia', '2025']);
    expect([r2025.vigencia, r2025.goals.length, r2025.planSummary?.vigenciaFrom, r2025.planSummary?.unprogrammed]).toEqual([2025, 40, 'option', []]);
    const later = await report(sispt, new Date(2029, 2, 1));
    expect([later.vigencia, later.goals.length, later.planSummary?.vigenciaFrom]).toEqual([2027, 37, 'term']);
    expect(later.planSummary?.note).toContain('(el año del cuatrienio más cercano a hoy)');
  });

  it('prints a plan summary as text, never a rating', async () => {
    const { dir, cleanup } = tempDir('formats-plan-');
    try {
      const r = await tablero(['reporte', sispt], dir, { now: new Date(2026, 11, 3) });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Resumen del plan indicativo 2024–2027 — vigencia 2026 (el año en curso), sin ejecución reportada');
      expect(r.stdout).toContain('Plan: 37 productos de la vigencia 2026 (de 40 del plan); valor programado $ 8.022.767.935 (aparte, $ 53.045.000 de productos sin meta en 2026).');
      expect(r.stdout).toMatch(/2409 — Seguridad de transporte +0 +\$ 0 /);
      // Money is read in whole pesos (11.347.036.281,97 → 282); --json keeps the centavos (above).
      expect(r.stdout).toMatch(/2025 +40 +\$ 11\.347\.036\.282 /);
      expect(r.stdout).not.toMatch(/\$ [\d.]+,\d/);
      expect(r.stdout).toContain('Productos sin meta programada en 2026 (3)');
      expect(r.stdout).not.toMatch(/Crítico|calificación —|0 metas|rezagad/i);
    } finally {
      cleanup();
    }
  });

  it('shows money in whole pesos in informe and in the generated sheets, whose cells keep the centavos', async () => {
    const { dir, cleanup } = tempDir('formats-plan-');
    try {
      const now = new Date(2026, 11, 3);
      const html = path.join(dir, 'sispt.html');
      expect((await tablero(['informe', sispt, '-o', html], dir, { now })).code).toBe(0);
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('$\u00a08.022.767.935');
      expect(page).not.toMatch(/\$(\s|\u00a0)[\d.]+,\d/);
      const out = path.join(dir, 'sispt-tablero.xlsx');
      expect((await tablero(['generar', sispt, '-o', out], dir, { now })).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const money: Array<[string, number, string]> = [];
      wb.getWorksheet('Tablero de control')?.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'number' && c.numFmt?.includes('$')) money.push([c.address, c.value, c.numFmt]);
        }),
      );
      // The vigencia's KPI and the 2026 row of «Por año» keep 8.022.767.934,5115 as the value.
      expect(money.filter(([, v]) => v === 8022767934.5115).length).toBeGreaterThanOrEqual(2);
      for (const [, , fmt] of money) expect(fmt).toBe('"$ "#,##0');
    } finally {
      cleanup();
    }
  });
});

// Another municipality's SisPT export (Sopó, 25758): other products, programs and sources.
const sources = ['Recursos propios', 'SGP APSB', 'Crédito'];
const years = [2024, 2025, 2026, 2027];
// prettier-ignore
const header: CellInput[] = [
  'Código DANE', 'Entidad territorial', 'Código de indicador de producto (SisPT)', 'Línea estratégica', 'Código del programa (MGA)', 'Programa (MGA)',
  'Personalización de Indicador de Producto', 'Unidad de medida', 'Meta del cuatrienio', 'Tipo de acumulación',
  ...years.map((y) => `Programación del producto bien o servicio ${y}`),
  ...years.flatMap((y) => [...sources.map((s) => `${s} ${y}`), `Total ${y}`]),
];
type Money = [number, number, number]; // Recursos propios, SGP APSB, Crédito (millions)
function product(code: string, program: [string, string], goal: string, meta: number, tipo: string, prog: number[], money: Money[]): CellInput[] {
  return [
    '25758', 'Sopó', code, 'LE-2 Sopó sostenible', program[0], program[1], goal, 'Número', meta, tipo, ...prog,
    ...money.flatMap((m) => [...m.map((x) => x * M), (m[0] + m[1] + m[2]) * M]),
  ];
}
const agro: [string, string] = ['1702', 'Inclusión productiva de pequeños productores rurales'];
const agua: [string, string] = ['4003', 'Acceso a agua potable y saneamiento básico'];
const edu: [string, string] = ['2201', 'Calidad y cobertura de la educación'];
// prettier-ignore
const rows: CellInput[][] = [
  // A: 2 a year; 2026: 50 RP + 30 APSB = 80.
  product('IP-10', agro, 'Asistir 8 asociaciones campesinas', 8, 'Acumulativo', [2, 2, 2, 2], [[100, 0, 0], [120, 0, 0], [50, 30, 0], [60, 0, 0]]),
  // B: only 2026 and 2027; 2026: 500 APSB + 200 crédito = 700.
  product('IP-11', agua, 'Construir 2 acueductos veredales', 2, 'Acumulativo', [0, 0, 1, 1], [[0, 0, 0], [0, 0, 0], [0, 500, 200], [0, 300, 0]]),
  // C: a level of 100 every year; 40 RP a year.
  product('IP-12', agua, 'Mantener 100 % de cobertura de agua urbana', 100, 'No acumulativo', [100, 100, 100, 100], [[40, 0, 0], [40, 0, 0], [40, 0, 0], [40, 0, 0]]),
  // D: delivered in 2024; 10 RP in 2026 with no quantity → not a goal of 2026, listed apart.
  product('IP-13', edu, 'Formular 1 plan educativo municipal', 1, 'Acumulativo', [1, 0, 0, 0], [[300, 0, 0], [0, 0, 0], [10, 0, 0], [0, 0, 0]]),
  // E: 1 a year from 2025; 2025: 20 RP; 2026: 150 crédito.
  product('IP-14', edu, 'Dotar 3 sedes rurales', 3, 'Acumulativo', [0, 1, 1, 1], [[0, 0, 0], [20, 0, 0], [0, 0, 150], [0, 0, 0]]),
];

describe('another municipality\'s SisPT export, built here', () => {
  const { dir, cleanup } = tempDir('formats-sopo-');
  const file = path.join(dir, 'sopo-plan-indicativo.xlsx');
  beforeAll(() => writeXlsx(file, [{ name: 'Líneas estratégicas', rows: [['Línea estratégica', 'Consecutivo'], ['LE-2 Sopó sostenible', 2]] }, { name: 'Plan indicativo - Productos', rows: [['PARTE ESTRATÉGICA', null, null, null, null, null, null, null, null, null, 'PLAN INDICATIVO'], header, ...rows] }]));
  afterAll(cleanup);

  it('summarises 2026 by year, program and source; 4 of its 5 products are 2026\'s', async () => {
    const r = await report(file, new Date(2026, 4, 15));
    expectNothingMeasured(r);
    expect(r.goals.map((g) => [g.code, g.yearGoal, g.budget.final])).toEqual([
      ['IP-10', 2, 80 * M], ['IP-11', 1, 700 * M], ['IP-12', 100, 40 * M], ['IP-14', 1, 150 * M],
    ]);
    expect(r.planSummary).toEqual({
      kind: 'plan-indicativo',
      note: expect.stringContaining('Vigencia 2026 (el año en curso): 4 productos de 5 con meta programada ese año (1 producto sin meta ese año queda fuera; el valor programado de la vigencia es el de los productos con meta, y los $ 10.000.000 de los que no la tienen se muestran aparte)'),
      vigencia: 2026,
      vigenciaFrom: 'today',
      years,
      goals: 4,
      planGoals: 5,
      // 80 + 700 + 40 + 150: the money of 2026's products; IP-13's 10 is shown apart.
      amount: 970 * M,
      unprogrammedAmount: 10 * M,
      byYear: [
        { year: 2024, goals: 3, amount: 440 * M, unprogrammedAmount: 0 }, // A, C, D: 100 + 40 + 300
        { year: 2025, goals: 3, amount: 180 * M, unprogrammedAmount: 0 }, // A, C, E: 120 + 40 + 20
        { year: 2026, goals: 4, amount: 970 * M, unprogrammedAmount: 10 * M },
        { year: 2027, goals: 4, amount: 400 * M, unprogrammedAmount: 0 }, // A, B, C, E: 60 + 300 + 40
      ],
      byUnit: [{ name: 'Sin dependencia', goals: 4, amount: 970 * M, amounts: [440 * M, 180 * M, 970 * M, 400 * M] }],
      byProgram: [
        { name: '1702 — Inclusión productiva de pequeños productores rurales', programCode: '1702', goals: 1, amount: 80 * M, amounts: [100 * M, 120 * M, 80 * M, 60 * M], ceiling: null, ceilingUse: null },
        { name: '4003 — Acceso a agua potable y saneamiento básico', programCode: '4003', goals: 2, amount: 740 * M, amounts: [40 * M, 40 * M, 740 * M, 340 * M], ceiling: null, ceilingUse: null },
        // IP-13's 10 is 2201's money in 2026, but IP-13 is no goal of 2026: not counted.
        { name: '2201 — Calidad y cobertura de la educación', programCode: '2201', goals: 1, amount: 150 * M, amounts: [300 * M, 20 * M, 150 * M, 0], ceiling: null, ceilingUse: null },
      ],
      bySource: [
        { name: 'Recursos propios', goals: 2, amount: 90 * M, amounts: [440 * M, 180 * M, 90 * M, 100 * M] }, // 2026: A 50 + C 40 (D's 10 apart)
        { name: 'SGP APSB', goals: 2, amount: 530 * M, amounts: [0, 0, 530 * M, 300 * M] }, // A 30 + B 500
        { name: 'Crédito', goals: 2, amount: 350 * M, amounts: [0, 0, 350 * M, 0] }, // B 200 + E 150
      ],
      unprogrammed: [{ code: 'IP-13', goal: 'Formular 1 plan educativo municipal', amount: 10 * M }],
    });
  });

  it('counts 2025\'s products with --vigencia 2025', async () => {
    const r = await report(file, new Date(2026, 4, 15), ['--vigencia', '2025']);
    expect(r.goals.map((g) => g.code)).toEqual(['IP-10', 'IP-12', 'IP-14']);
    expect(r.planSummary?.unprogrammed.map((u) => u.code)).toEqual(['IP-11', 'IP-13']);
  });

  it('generar writes the plan summary as the Tablero de control; informe says it is a plan', async () => {
    const out = path.join(dir, 'sopo-tablero.xlsx');
    const g = await tablero(['generar', file, '-o', out], dir, { now: new Date(2026, 4, 15) });
    expect(g.code).toBe(0);
    expect(g.stdout).toContain('sin ejecución reportada: el tablero resume el plan indicativo (vigencia 2026)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts = (name: string): string[] => {
      const out: string[] = [];
      wb.getWorksheet(name)?.eachRow((row) => row.eachCell((c) => void out.push(String(c.value))));
      return out;
    };
    const tablero_ = texts('Tablero de control');
    expect(tablero_).toContain('Tablero de control — Plan Indicativo 2024–2027');
    // The entity is the one «Entidad territorial» of every row (no title block names it).
    expect(wb.getWorksheet('Tablero de control')?.getCell('A1').value).toBe('Sopó');
    expect(tablero_).toContain('2026 (vigencia)');
    expect(tablero_).toContain('Productos del plan sin meta programada en 2026 (no cuentan en la vigencia)');
    expect(tablero_.join(' ')).not.toMatch(/Crítico|rezagad/i);
    const informe = path.join(dir, 'sopo.html');
    const i = await tablero(['informe', file, '-o', informe], dir, { now: new Date(2026, 4, 15) });
    expect(i.code).toBe(0);
    const html = readFileSync(informe, 'utf8');
    expect(html).toContain('Resumen del Plan Indicativo 2024–2027 — vigencia 2026');
    expect(html).not.toMatch(/Crítico|rezagad|Ranking/i);
  });
});

// A SisPT export whose sources do not add up to a product's Total (sources-sum): the by-source
// table gets the lines that reconcile it with the Totals, so it adds up to the programs and years.
describe('a SisPT export whose sources and Totals differ', () => {
  const { dir, cleanup } = tempDir('formats-gap-');
  const file = path.join(dir, 'gap-plan-indicativo.xlsx');
  /** One product programmed in 2026 only, with its own 2026 Total (millions) beside its sources. */
  const withTotal = (code: string, money2026: Money, total2026: number): CellInput[] => {
    const row = product(code, agua, `Producto ${code}`, 1, 'Acumulativo', [0, 0, 1, 0], [[0, 0, 0], [0, 0, 0], money2026, [0, 0, 0]]);
    row[header.indexOf('Total 2026')] = total2026 * M;
    return row;
  };
  // IP-20: Total 100, sources 60 → 40 with no source. IP-21: Total 50, sources 50 + 20 → 20 over its Total.
  const gapRows = [withTotal('IP-20', [60, 0, 0], 100), withTotal('IP-21', [50, 20, 0], 50)];
  beforeAll(() => writeXlsx(file, [{ name: 'Plan indicativo - Productos', rows: [header, ...gapRows] }]));
  afterAll(cleanup);

  it('adds «Sin fuente asignada» and a negative «Fuentes por encima del total del producto»; the sources add up to the Totals', async () => {
    const r = await report(file, new Date(2026, 4, 15));
    const s = r.planSummary;
    expect(s?.amount).toBe(150 * M); // the Totals: 100 + 50
    expect(s?.bySource).toEqual([
      { name: 'Recursos propios', goals: 2, amount: 110 * M, amounts: [0, 0, 110 * M, 0] },
      { name: 'SGP APSB', goals: 1, amount: 20 * M, amounts: [0, 0, 20 * M, 0] },
      { name: 'Sin fuente asignada', goals: 1, amount: 40 * M, amounts: [0, 0, 40 * M, 0] },
      { name: 'Fuentes por encima del total del producto', goals: 1, amount: -20 * M, amounts: [0, 0, -20 * M, 0] },
    ]);
    const bySource = (s?.bySource ?? []).reduce((t, x) => t + x.amount, 0);
    const byProgram = (s?.byProgram ?? []).reduce((t, x) => t + x.amount, 0);
    expect([bySource, byProgram]).toEqual([150 * M, 150 * M]);
    // The text closes each table with the plan's total; the generated sheet's tables agree.
    const text = await tablero(['reporte', file], dir, { now: new Date(2026, 4, 15) });
    expect(text.stdout).toMatch(/Fuentes por encima del total del producto +1 +-\$ 20\.000\.000 +-\$ 20\.000\.000\n +Total +2 +\$ 150\.000\.000 +\$ 150\.000\.000\n/);
    const out = path.join(dir, 'gap-tablero.xlsx');
    expect((await tablero(['generar', file, '-o', out], dir, { now: new Date(2026, 4, 15) })).code).toBeLessThan(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const totals: number[] = [];
    wb.getWorksheet('Tablero de control')?.eachRow((row) => {
      if (row.getCell(2).value === 'Total') totals.push(Number(row.getCell(4).value), Number(row.getCell(6).value));
    });
    expect(totals).toEqual([150 * M, 150 * M, 150 * M, 150 * M]); // by program, by source: 2026 and the term
  });
});

describe('the bundled plan de acción alone (no execution)', () => {
  it('reporte and informe summarise the plan: no «Crítico», no «no cumplidas»', async () => {
    // Read at year-end: every goal was due all year, but no follow-up sheet exists.
    const now = new Date(2026, 0, 20);
    const r = await report(examples.plan, now);
    expectNothingMeasured(r);
    expect(r.planSummary).toMatchObject({ kind: 'plan-accion', vigencia: 2025, vigenciaFrom: 'workbook', years: [2025], unprogrammed: [] });
    const { dir, cleanup } = tempDir('formats-plan-');
    try {
      const text = await tablero(['reporte', examples.plan], dir, { now });
      expect(text.stdout).toContain('Resumen del plan de acción — vigencia 2025 (la del libro), sin ejecución reportada');
      expect(text.stdout).not.toMatch(/Crítico|No cumplida|no cumplidas|rezagad/i);
      const html = path.join(dir, 'pa.html');
      expect((await tablero(['informe', examples.plan, '-o', html], dir, { now })).code).toBe(0);
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('Resumen del Plan de Acción 2025');
      expect(page).not.toMatch(/Crítico|No cumplida|rezagad/i);
    } finally {
      cleanup();
    }
  });
});
