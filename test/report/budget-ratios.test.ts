/**
 * Budget execution over files that do not carry the same figures (progress.md "Budget execution":
 * Σ compromisos, Σ obligaciones, Σ pagos, each ÷ Σ apropiación definitiva). Tenjo's follow-up has
 * compromisos and pagos but no obligaciones column; Cali's Cuadro 1S has all three. Each ratio
 * divides by the apropiación of the sheets that carry that figure: Tenjo's apropiación does not
 * pull the plan's obligaciones below its pagos (a reviewer saw «obligaciones 48,5 %, pagos 50 %»).
 */
import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { readGridsStreaming } from '../../src/xlsx/stream-read';
import { readWorkbook } from '../../src/domain/reader';
import { buildReport, resolveOptions } from '../../src/app/report';
import type { ReadWorkbook } from '../../src/domain/sheet';
import { repoRoot } from '../cli/io';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const maybe = existsSync(samples) ? describe : describe.skip;

async function read(name: string): Promise<ReadWorkbook> {
  return readWorkbook(await readGridsStreaming(readFileSync(path.join(samples, name)), name));
}

maybe('budget ratios over sheets with and without a figure', () => {
  it('Tenjo (no obligaciones) beside Cali: obligaciones are Cali’s alone, compromisos and pagos both', async () => {
    const tenjo = await read('tenjo-pdm-seguimiento.xlsx');
    const cali = await read('cali-cuadro1s-plan-accion-T2-2025.xlsx');
    const at = (wb: ReadWorkbook) => buildReport(wb, resolveOptions({ cutoff: '2025-09-30' }, wb, '2025-10-20'));
    const t = at(tenjo);
    const c = at(cali);
    const both = at({ ...cali, sheets: [...tenjo.sheets, ...cali.sheets] });

    expect(t.plan.obligationsRatio).toBeNull();
    expect(c.plan.obligationsRatio).not.toBeNull();
    const sum = (r: typeof t, k: 'final' | 'commitments' | 'obligations' | 'payments') => r.goals.reduce((s, g) => s + (g.budget[k] ?? 0), 0);
    // Obligaciones: Cali's over Cali's apropiación, as on Cali alone.
    expect(both.plan.obligationsRatio).toBeCloseTo(c.plan.obligationsRatio!, 9);
    // Compromisos and pagos: both files, over both files' apropiación.
    const final = sum(t, 'final') + sum(c, 'final');
    expect(both.plan.budgetExecution).toBeCloseTo((sum(t, 'commitments') + sum(c, 'commitments')) / final, 9);
    expect(both.plan.paymentsRatio).toBeCloseTo((sum(t, 'payments') + sum(c, 'payments')) / final, 9);
    expect(c.plan.obligationsRatio!).toBeGreaterThanOrEqual(c.plan.paymentsRatio!);
  }, 60_000);
});
