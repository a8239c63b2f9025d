/**
 * Goals of an activity-level sheet are the distinct products by their identity (real-formats.md
 * «Kinds added»: Cali's goal key is the project, the plan's goal code and the MGA product code), and
 * a joined sheet's rows are money on the goals it joins, never goals (DNP's financial follow-up):
 * `reporte` and `aprobar` count the same goals; `reporte` tells apart two goals with one code
 * (project or row); `aprobar` stores the identity and the money, says which identity it used, the
 * DNP's one period (the year), and a path the user can type again. Checked on the samples and on
 * another organismo's Cuadro 1S where one plan goal code sits under two projects.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { tablero, tempDir, repoRoot } from '../cli/io';
import { buildOtherInstances, CALI_HEADER_ROW, CALI_T4, CALI_T4_SHEET, caliProducts, caliRow } from '../helpers/other-instances';
import { BASELINE_SHEET } from '../../src/domain/baseline-sheets';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const cali = path.join(samples, 'cali-cuadro1s-plan-accion-T2-2025.xlsx');
const dnp = path.join(samples, 'dnp-seguimiento-pdt-cajica.xlsx');
const maybe = existsSync(cali) && existsSync(dnp) ? describe : describe.skip;
const now = { now: new Date(2026, 11, 3) };

interface Goal {
  code: string;
  identity?: string;
  yearGoal: number | null;
  budget: { final: number | null };
}
interface ReportOut {
  goals: Goal[];
  plan: { goals: number };
}

async function report(file: string, dir: string): Promise<ReportOut> {
  const r = await tablero(['reporte', file, '--json'], dir, now);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as ReportOut;
}

/** The stored approved plan: its header facts and goal rows (by header). */
async function stored(file: string): Promise<{ facts: Record<string, unknown>; header: string[]; rows: Record<string, unknown>[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(BASELINE_SHEET);
  if (!ws) throw new Error('no approved plan stored');
  const facts: Record<string, unknown> = {};
  for (let r = 2; r <= 6; r++) facts[String(ws.getCell(r, 1).value)] = ws.getCell(r, 2).value;
  const header = (ws.getRow(7).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 8; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === null) continue;
    rows.push(Object.fromEntries(header.map((h, j) => [h, ws.getCell(r, j + 1).value])));
  }
  return { facts, header, rows };
}

const codesOf = (goals: readonly Goal[]) => goals.map((g) => g.code);
const repeated = (goals: readonly Goal[]) => [...new Set(codesOf(goals).filter((c, i, all) => all.indexOf(c) !== i))];

maybe('goal identity: reporte and aprobar agree', () => {
  const { dir, cleanup } = tempDir('formats-identity-');
  let sameCodeTwoProjects: string;
  beforeAll(async () => {
    const t4 = (await buildOtherInstances(dir))[CALI_T4];
    // Another organismo's Cuadro 1S where the last project's product carries the first project's
    // plan goal code and MGA product: one code, two projects — two goals.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t4);
    const ws = wb.getWorksheet(CALI_T4_SHEET);
    if (!ws) throw new Error('sheet not found');
    const header = (ws.getRow(CALI_HEADER_ROW).values as unknown[]).map((v) => String(v ?? ''));
    const metaCol = header.indexOf('Meta PD');
    const mgaCol = header.indexOf('Cód. Producto MGA');
    if (metaCol < 0 || mgaCol < 0) throw new Error('columns not found');
    const last = caliProducts.length - 1;
    for (let a = 0; a < caliProducts[last].activities; a++) {
      ws.getCell(caliRow(last, a), metaCol).value = caliProducts[0].meta;
      ws.getCell(caliRow(last, a), mgaCol).value = caliProducts[0].mga;
    }
    sameCodeTwoProjects = path.join(dir, 'cali-mismo-codigo-dos-proyectos.xlsx');
    await wb.xlsx.writeFile(sameCodeTwoProjects);
  }, 60_000);
  afterAll(cleanup);

  it('Cali: reporte has 20 goals, and each goal of a repeated code says what tells it apart', async () => {
    const rep = await report(cali, dir);
    expect(rep.goals).toHaveLength(20);
    expect(rep.plan.goals).toBe(20);
    const twice = repeated(rep.goals);
    expect(twice.length).toBeGreaterThan(0);
    for (const code of twice) {
      const same = rep.goals.filter((g) => g.code === code);
      // Only what differs among them: the project, or the MGA product under one project.
      for (const g of same) expect(g.identity).toMatch(/^(Cód BP BP\d+|Cód Producto MGA \d+)(, Cód Producto MGA \d+)?$/);
      expect(new Set(same.map((g) => g.identity)).size).toBe(same.length);
    }
    // A code no other goal shares carries no identity (the documented shape is unchanged).
    expect(rep.goals.filter((g) => !twice.includes(g.code)).every((g) => g.identity === undefined)).toBe(true);
    const text = await tablero(['reporte', cali], dir, now);
    for (const g of rep.goals.filter((x) => twice.includes(x.code) && x.identity)) {
      if (text.stdout.includes(g.code)) expect(text.stdout).toContain(`${g.code} (${g.identity})`);
    }
  });

  it('Cali: aprobar stores the same 20 goals by identity, says the identity, and the copy validates clean against itself', async () => {
    const rep = await report(cali, dir);
    const out = path.join(dir, 'cali-aprobado.xlsx');
    const r = await tablero(['aprobar', cali, '--fecha', '2025-02-01', '--acta', 'Acta 01 de 2025', '-o', 'cali-aprobado.xlsx'], dir, now);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('20 metas de las hojas de captura (cada meta por «Cód BP», «Meta PD» y «Cód Producto MGA»)');
    const s = await stored(out);
    expect(s.rows).toHaveLength(20);
    expect(s.header).toEqual(expect.arrayContaining(['Presupuesto', 'Identificación']));
    expect(s.rows.map((g) => String(g['Código meta'])).sort()).toEqual(codesOf(rep.goals).sort());
    // The money stored is the report's, goal by goal (identity and code).
    for (const g of rep.goals.filter((x) => x.identity)) {
      const row = s.rows.find((x) => x['Código meta'] === g.code && String(x['Identificación']).includes(g.identity ?? '∅'));
      expect(row?.['Presupuesto']).toBe(g.budget.final);
    }
    const v = await tablero(['validar', 'cali-aprobado.xlsx', '--json'], dir, now);
    const findings = (JSON.parse(v.stdout) as { files: { findings: { rule: string }[] }[] }).files[0].findings;
    expect(findings.filter((f) => ['added-after-approval', 'change-without-justification'].includes(f.rule))).toEqual([]);
  });

  it('DNP: aprobar stores the physical sheet\'s products with their financial money, one period (the year)', async () => {
    const rep = await report(dnp, dir);
    mkdirSync(path.join(dir, 'sub dir'));
    const ok = await tablero(['aprobar', dnp, '--fecha', '2025-02-01', '--acta', 'Acta 01', '-o', path.join('sub dir', 'dnp aprobado.xlsx')], dir, now);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${rep.goals.length} metas de las hojas de captura, vigencia 2025, un periodo, el año 2025;`);
    // A path the user can type again, from where they ran the command.
    expect(ok.stdout).toContain("tablero validar 'sub dir/dnp aprobado.xlsx' revisa los cambios");
    const s = await stored(path.join(dir, 'sub dir', 'dnp aprobado.xlsx'));
    expect(s.facts['Periodos']).toBe('año');
    expect(s.header.filter((h) => h.startsWith('Programado'))).toEqual(['Programado 1']);
    expect(s.rows.map((g) => g['Código meta'])).toEqual(codesOf(rep.goals));
    expect(s.rows.map((g) => g['Presupuesto'] ?? null)).toEqual(rep.goals.map((g) => g.budget.final));
    expect(s.rows.map((g) => g['Meta vigencia'] ?? null)).toEqual(rep.goals.map((g) => g.yearGoal));
  });

  it('another instance: one plan goal code under two projects is two goals in reporte and in aprobar', async () => {
    const rep = await report(sameCodeTwoProjects, dir);
    expect(rep.goals).toHaveLength(caliProducts.length);
    const same = rep.goals.filter((g) => g.code === caliProducts[0].meta);
    expect(same.map((g) => g.identity).sort()).toEqual(['Cód. BP BP26007101', 'Cód. BP BP26007104']);
    const r = await tablero(['aprobar', sameCodeTwoProjects, '--fecha', '2025-02-01', '--acta', 'Acta 3', '-o', 'otro-aprobado.xlsx'], dir, now);
    expect(r.code).toBe(0);
    const s = await stored(path.join(dir, 'otro-aprobado.xlsx'));
    expect(s.rows).toHaveLength(caliProducts.length);
    expect(s.rows.filter((g) => g['Código meta'] === caliProducts[0].meta).map((g) => String(g['Identificación']))).toEqual([
      expect.stringContaining('Cód. BP BP26007101'),
      expect.stringContaining('Cód. BP BP26007104'),
    ]);
  }, 60_000);
});
