/**
 * Missing data is never 0 % (progress.md: a ratio that is undefined is null): on the real Tenjo
 * follow-up sheet, which has no obligaciones column, the obligaciones ratio is «—» in reporte
 * (text and JSON), the tablero and the informe; with --vigencia 2026 every goal is «sin
 * programación» and the avance de la vigencia is «—», not 0 %.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { repoRoot, tablero, tempDir } from '../cli/io';
import type { Report } from '../../src/app/report';

const tenjo = path.join(repoRoot, '..', 'shared', 'real-layouts', 'tenjo-pdm-seguimiento.xlsx');
const maybe = existsSync(tenjo) ? describe : describe.skip;
const now = new Date(2025, 10, 20);

maybe('missing figures on the real Tenjo sheet', () => {
  const { dir, cleanup } = tempDir('house-missing-');
  afterAll(cleanup);

  it('no obligaciones column: the ratio is null everywhere, the others are figures', async () => {
    const j = await tablero(['reporte', tenjo, '--json'], dir, { now });
    expect(j.code).toBe(0);
    const r = JSON.parse(j.stdout) as Report;
    expect(r.goals.every((g) => g.budget.obligations === null)).toBe(true);
    expect(r.plan.obligationsRatio).toBeNull();
    expect(r.plan.paymentsRatio).toBeCloseTo(0.482, 3);
    for (const u of r.units) expect(u.obligationsRatio).toBeNull();
    const t = await tablero(['reporte', tenjo], dir, { now });
    expect(t.stdout).toContain('obligaciones —, pagos 48,2 %');
    expect(t.stdout).not.toMatch(/obligaciones 0 %/);

    const out = path.join(dir, 'tenjo-tablero.xlsx');
    expect((await tablero(['generar', tenjo, '-o', out], dir, { now })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The tablero's budget table: the Obligaciones column is «—» on the plan's row, never 0.
    const ws = wb.getWorksheet('Tablero de control');
    let header: { row: number; col: number } | null = null;
    ws?.eachRow((row, r) => row.eachCell((c, col) => {
      if (!header && typeof c.value === 'string' && /^Obligaciones/.test(c.value)) header = { row: r, col };
    }));
    expect(header).not.toBeNull();
    const h = header as unknown as { row: number; col: number };
    const below = ws?.getCell(h.row + 1, h.col).value;
    expect(below).toBe('—');

    const html = path.join(dir, 'tenjo.html');
    expect((await tablero(['informe', tenjo, '-o', html], dir, { now })).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/Obligaciones[^<]*<\/div><div class="v[^"]*">0 %/);
  });

  it('--vigencia 2026: every goal «sin programación», no avance de la vigencia', async () => {
    const j = await tablero(['reporte', tenjo, '--vigencia', '2026', '--json'], dir, { now });
    const r = JSON.parse(j.stdout) as Report;
    expect(r.plan.states).toEqual({ 'sin-programacion': 45 });
    expect(r.plan.progress).toBeNull();
    const t = await tablero(['reporte', tenjo, '--vigencia', '2026'], dir, { now });
    expect(t.stdout).toContain('avance de la vigencia —');
  });
});
