import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { buildReport, resolveOptions } from '../../src/app/report';
import { readWorkbook } from '../../src/domain/reader';
import { gridsOfWorkbook, plainValue } from '../../src/xlsx/read';
import { REGISTRY_SHEET } from '../../src/app/registry';
import { productKindOfSheet } from '../../src/xlsx/registry';
import { captureWorkbook, planOnlyWorkbook, INJECTED_ANALYSIS, INJECTED_GOAL, sha256, tempDir, testIO, writeFixture } from './fixtures';

async function load(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

/** Every row of a sheet as plain values (1-based row → values by column). */
function rowsOf(ws: ExcelJS.Worksheet): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.type !== ExcelJS.ValueType.Merge) vals[col] = plainValue(c.value);
    });
    out.set(r, vals);
  });
  return out;
}

function findRow(ws: ExcelJS.Worksheet, col: number, text: string, after = 0): number | undefined {
  for (const [r, vals] of rowsOf(ws)) if (r > after && vals[col] === text) return r;
  return undefined;
}

function allText(ws: ExcelJS.Worksheet): string {
  return [...rowsOf(ws).values()].flat().filter((v) => typeof v === 'string').join('\n');
}

const close = (a: unknown, b: number | null) => {
  if (b === null) expect(a).toBe('—');
  else expect(a as number).toBeCloseTo(b, 9);
};

describe('tablero generar', () => {
  let dir: string;
  let input: string;
  let out: string;
  let before: string;
  let code: number;
  let io: ReturnType<typeof testIO>;

  beforeAll(async () => {
    dir = await tempDir();
    input = await writeFixture(dir, 'captura.xlsx', captureWorkbook());
    before = await sha256(input);
    out = path.join(dir, 'salida.xlsx');
    io = testIO(dir);
    code = await run(['generar', 'captura.xlsx', '--corte', '2025-06-30', '-o', 'salida.xlsx'], io);
  });

  it('writes the copy with Tablero, Alertas and Observaciones and exits 0', async () => {
    expect(io.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(io.out.join('')).toMatch(/Escrito salida\.xlsx: hojas «Tablero de control», «Alertas», «Observaciones»/);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tablero de control', 'Alertas', 'Observaciones', 'HC T2', REGISTRY_SHEET]);
    expect(wb.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');
    for (const name of ['Tablero de control', 'Alertas', 'Observaciones']) {
      expect(productKindOfSheet(wb, name)).not.toBeNull();
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
    expect(productKindOfSheet(wb, 'HC T2')).toBeNull();
    const t = allText(wb.getWorksheet('Tablero de control')!);
    for (const label of ['Tablero de control — Plan de Acción 2025', 'Indicadores clave al corte', 'Cumplimiento físico al corte', 'Avance de la vigencia', 'Ejecución presupuestal', 'Avance por dimensión', 'Ranking de gestión por dependencia', 'Metas rezagadas al corte (3)']) {
      expect(t).toContain(label);
    }
  });

  it('leaves the input byte-identical and the source values untouched', async () => {
    expect(await sha256(input)).toBe(before);
    const src = gridsOfWorkbook(await load(input), 'a').sheets[0];
    const copy = gridsOfWorkbook(await load(out), 'b').sheets.find((s) => s.name === 'HC T2')!;
    expect(copy.values).toEqual(src.values);
    expect(copy.merges).toEqual(src.merges);
  });

  it('shows every unit with the same figures as reporte --json', async () => {
    const inWb = await load(input);
    const read = readWorkbook(gridsOfWorkbook(inWb, 'captura.xlsx'));
    const report = buildReport(read, resolveOptions({ cutoff: '2025-06-30' }, read, '2025-07-10'));
    const ws = (await load(out)).getWorksheet('Tablero de control')!;
    const rankingAt = findRow(ws, 1, 'Ranking de gestión por dependencia')!;
    expect(report.units.length).toBe(3);
    for (const u of report.units) {
      const r = findRow(ws, 2, u.name, rankingAt);
      expect(r).toBeDefined();
      const vals = rowsOf(ws).get(r!)!;
      expect(vals[1]).toBe(u.rank);
      expect(vals[3]).toBe(u.goals);
      close(vals[4], u.compliance);
      close(vals[5], u.progress);
      close(vals[6], u.budgetExecution);
      expect(vals[7]).toBe(u.rating ?? '—');
      expect(vals[9] ?? 0).toBe(u.states.atrasada ?? 0);
    }
    const dimAt = findRow(ws, 1, 'Avance por dimensión')!;
    const total = rowsOf(ws).get(findRow(ws, 2, 'Total plan', dimAt)!)!;
    expect(total[3]).toBe(report.plan.goals);
    close(total[4], report.plan.compliance);
    close(total[5], report.plan.progress);
    close(total[6], report.plan.budgetExecution);
    // KPI band: goals and compliance of the plan.
    const kpiAt = findRow(ws, 1, 'Metas de producto')!;
    const kpi = rowsOf(ws).get(kpiAt + 1)!;
    expect(kpi[1]).toBe(report.plan.goals);
    close(kpi[3], report.plan.compliance);
    // Lagging goals of the cut-off are in Alertas.
    const alertas = (await load(out)).getWorksheet('Alertas')!;
    const lagging = report.goals.filter((g) => g.state === 'atrasada' || g.state === 'no-iniciada');
    expect(lagging.map((g) => g.code).sort()).toEqual(['1905002', '1905003', 'GOB-01']);
    const matrixAt = findRow(alertas, 1, 'Código')!;
    for (const g of lagging) expect(findRow(alertas, 1, g.code, matrixAt)).toBeDefined();
    expect(allText(alertas)).toContain('Causa del rezago');
    // 2201001: 12 executed of 5 due by T2 (240 %), and 12 of 10 for the year (sobreejecutada).
    expect(allText(alertas)).toContain('2. Por encima de lo programado al corte: 1 (1 sobre el 100 % de la meta de la vigencia)');
    expect(allText(alertas)).not.toContain('Matriz acumulada'); // before the third quarter
  });

  it('keeps a goal named like a formula and an analysis starting with +57 as text', async () => {
    const wb = await load(out);
    let seen = 0;
    for (const ws of [wb.getWorksheet('Tablero de control')!, wb.getWorksheet('Alertas')!]) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Merge && (cell.value === INJECTED_GOAL || cell.value === INJECTED_ANALYSIS)) {
            seen++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            expect(cell.formula).toBeUndefined();
            expect(cell.numFmt).toBe('@');
          }
        }),
      );
    }
    expect(seen).toBeGreaterThanOrEqual(3);
    // And nowhere in the output is there a formula at all.
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('lists every finding in Observaciones with a link to its cell, and marks the cells', async () => {
    const wb = await load(out);
    const obs = wb.getWorksheet('Observaciones')!;
    const text = allText(obs);
    expect(text).toContain('budget-chain');
    let links = 0;
    obs.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Hyperlink) {
          links++;
          expect(c.hyperlink).toMatch(/^'HC T2'![A-Z]+\d+$/);
        }
      }),
    );
    expect(links).toBeGreaterThan(0);
    const hc = wb.getWorksheet('HC T2')! as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] };
    expect(hc.conditionalFormattings.some((cf) => cf.rules[0].formulae?.[0] === 'ISTEXT("tablero-pdm:error")')).toBe(true);
  });

  it('refuses to overwrite the output without --force and leaves it as it was', async () => {
    const outHash = await sha256(out);
    const io2 = testIO(dir);
    const code2 = await run(['generar', 'captura.xlsx', '--corte', '2025-06-30', '-o', 'salida.xlsx'], io2);
    expect(code2).toBe(2);
    expect(io2.err.join('')).toMatch(/ya existe; use --force/);
    expect(await sha256(out)).toBe(outHash);
    expect(await run(['generar', 'captura.xlsx', '-o', 'captura.xlsx', '--force'], testIO(dir))).toBe(2);
    expect(await sha256(input)).toBe(before);
  });

  it('says unusable input in one line with exit code 2', async () => {
    await fs.writeFile(path.join(dir, 'roto.xlsx'), 'no soy un libro');
    const io3 = testIO(dir);
    expect(await run(['generar', 'roto.xlsx', '-o', 'x.xlsx'], io3)).toBe(2);
    expect(io3.err.join('')).toMatch(/^tablero: .*\n$/);
  });
});

describe('regeneration', () => {
  it("replaces only the product's sheets and never a person's sheet of the same name", async () => {
    const dir = await tempDir();
    const sheets = captureWorkbook();
    sheets.push({ name: 'Tablero de control', rows: [['Mi tablero hecho a mano'], ['no tocar', 42]] });
    await writeFixture(dir, 'con-hoja-propia.xlsx', sheets);
    expect(await run(['generar', 'con-hoja-propia.xlsx', '--corte', '2025-06-30', '-o', 'uno.xlsx'], testIO(dir))).toBe(0);
    const one = await load(path.join(dir, 'uno.xlsx'));
    expect(one.getWorksheet('Tablero de control (2)')).toBeDefined();
    expect(productKindOfSheet(one, 'Tablero de control')).toBeNull();
    // Generate again from the output: the product's "(2)" is replaced, the person's sheet stays.
    expect(await run(['generar', 'uno.xlsx', '--corte', '2025-09-30', '-o', 'dos.xlsx'], testIO(dir))).toBe(0);
    const two = await load(path.join(dir, 'dos.xlsx'));
    const names = two.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Tablero de control'))).toEqual(['Tablero de control (2)', 'Tablero de control']);
    expect(names.filter((n) => n.startsWith('Alertas'))).toEqual(['Alertas']);
    const mine = two.getWorksheet('Tablero de control')!;
    expect(mine.getCell('A1').value).toBe('Mi tablero hecho a mano');
    expect(mine.getCell('B2').value).toBe(42);
    // The new run is the one in the sheets: Q3 brings the cumulative matrix.
    expect(allText(two.getWorksheet('Alertas')!)).toContain('5. Matriz acumulada de metas rezagadas (estado en cada corte, T1 a T3)');
    expect(allText(two.getWorksheet('Tablero de control (2)')!)).toContain('T3 (3.er trimestre)');
  });
});

describe('plan-only tablero', () => {
  it('summarises goals and amounts per unit, program and source with the use of each techo', async () => {
    const dir = await tempDir();
    await writeFixture(dir, 'plan.xlsx', planOnlyWorkbook());
    expect(await run(['generar', 'plan.xlsx', '--corte', '2025-03-31', '-o', 'plan-out.xlsx'], testIO(dir))).toBe(0);
    const ws = (await load(path.join(dir, 'plan-out.xlsx'))).getWorksheet('Tablero de control')!;
    const t = allText(ws);
    expect(t).toContain('Programación por dependencia');
    expect(t).toContain('Programación por programa y uso del techo presupuestal');
    expect(t).toContain('Programación por fuente de financiación');
    const r = findRow(ws, 2, '1905 — Salud pública')!;
    const vals = rowsOf(ws).get(r)!;
    expect(vals[4]).toBe(50_000_000);
    expect(vals[6]).toBe(40_000_000);
    expect(vals[7] as number).toBeCloseTo(1.25, 9);
    expect(vals[8]).toBe('Supera el techo');
  });
});

describe('tablero consolidar', () => {
  it('copies every unit capture row with its source file, then generates the sheets', async () => {
    const dir = await tempDir();
    const rows = captureWorkbook()[0];
    const salud = captureWorkbook(captureRowsFor('Secretaría de Salud'), 'HC Salud');
    const educ = captureWorkbook(captureRowsFor('Secretaría de Educación'), 'HC Educación');
    void rows;
    const a = await writeFixture(dir, 'salud.xlsx', salud);
    const b = await writeFixture(dir, 'educacion.xlsx', educ);
    const hashes = [await sha256(a), await sha256(b)];
    const io = testIO(dir);
    expect(await run(['consolidar', 'salud.xlsx', 'educacion.xlsx', '--corte', '2025-06-30', '-o', 'consolidado.xlsx'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/Consolidadas 5 filas de 2 archivos/);
    const wb = await load(path.join(dir, 'consolidado.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tablero de control', 'Alertas', 'Observaciones', 'Consolidado', REGISTRY_SHEET]);
    const cons = wb.getWorksheet('Consolidado')!;
    const headerAt = findRow(cons, 1, 'Código meta producto')!;
    const header = rowsOf(cons).get(headerAt)!;
    const fileCol = header.indexOf('Archivo de origen');
    expect(fileCol).toBeGreaterThan(0);
    const files = [...rowsOf(cons).entries()].filter(([r]) => r > headerAt).map(([, v]) => v[fileCol]);
    expect(files).toEqual(['salud.xlsx', 'salud.xlsx', 'salud.xlsx', 'educacion.xlsx', 'educacion.xlsx']);
    const t = allText(wb.getWorksheet('Tablero de control')!);
    expect(t).toContain('Secretaría de Salud');
    expect(t).toContain('Secretaría de Educación');
    expect(await sha256(a)).toBe(hashes[0]);
    expect(await sha256(b)).toBe(hashes[1]);
  });
});

function captureRowsFor(unit: string) {
  return require('./fixtures').captureRows.filter((r: { unit?: string }) => r.unit === unit);
}
