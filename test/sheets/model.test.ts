import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generate, prepare } from '../../src/app/generate';
import { readGridsStreaming } from '../../src/xlsx/stream-read';
import { examples } from '../cli/io';
import { gridsOf } from '../helpers/xlsx';
import { captureWorkbook } from './fixtures';
import { cellAt, textOf } from '../../src/sheets/model';
import type { SheetModel } from '../../src/sheets/model';

async function sheets(cutoff: string, book?: string): Promise<readonly SheetModel[]> {
  const grids = book ? await readGridsStreaming(readFileSync(book), path.basename(book)) : await gridsOf(captureWorkbook());
  const { workbook, options } = prepare(grids, [], { cutoff }, '2025-10-10');
  return generate({ workbook, options, workbookName: 'captura.xlsx', generatedAt: '2025-10-10T08:00' }).sheets;
}

describe('sheet models (host-neutral)', () => {
  it('describe A4 landscape pages fitted to the width, with Colombian formats', async () => {
    for (const m of await sheets('2025-06-30')) {
      expect(m.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: 1, fitToHeight: 0 });
      expect(m.showGridLines).toBe(false);
      const fmts = Object.values(m.styles).map((s) => s.numberFormat).filter(Boolean);
      for (const f of fmts) expect(['"$ "#,##0', '0.0 %', 'dd/mm/yyyy', 'dd/mm/yyyy hh:mm', '#,##0', '#,##0.00', '@', ';;;']).toContain(f);
      // No formula anywhere: every string is a value.
      for (const c of m.cells) if (typeof c.value === 'string') expect(c.value.startsWith('=') ? c.text : true).toBe(true);
    }
  });

  it('describes the compliance-vs-budget charts over the dimension and ranking tables, once for both hosts', async () => {
    // This capture sheet names no dimension: no chart of one «Sin dimensión» bar; the chart by unit takes the page's width.
    const [alone] = await sheets('2025-06-30');
    expect(alone.charts.map((c) => c.title)).toEqual(['Por dependencia (en el orden del ranking)']);
    expect(alone.charts[0].anchor.left).toBe(1);
    // The bundled capture sheet names its dimensions (column «Dimensión»): both charts.
    const [tablero] = await sheets('2025-06-30', examples.capture);
    expect(tablero.charts.map((c) => c.title)).toEqual(['Por dimensión', 'Por dependencia (en el orden del ranking)']);
    const [byDimension, chart] = tablero.charts;
    expect(String(cellAt(tablero, byDimension.categories.top - 1, byDimension.categories.left)?.value)).toBe('Dimensión');
    // Side by side on the same rows, left and right.
    expect(byDimension.anchor.top).toBe(chart.anchor.top);
    expect(byDimension.anchor.right).toBeLessThan(chart.anchor.left);
    expect(chart.type).toBe('clusteredBar');
    expect(chart.topDown).toBe(true);
    expect(chart.series.map((s) => s.name)).toEqual(['Cumplimiento físico al corte', 'Ejecución presupuestal']);
    const first = cellAt(tablero, chart.categories.top, chart.categories.left)!;
    // The first category is the ranking's first unit.
    expect(String(cellAt(tablero, chart.categories.top - 1, chart.categories.left)?.value)).toBe('Dependencia');
    expect(String(cellAt(tablero, chart.categories.top, chart.categories.left - 1)?.value)).toBe('1');
    expect(first.value).toMatch(/^Secretaría de /);
    expect(textOf(tablero)).toContain(chart.fallbackNote);
    expect(tablero.conditionalFormats.some((cf) => cf.kind === 'dataBar')).toBe(true);
    expect(tablero.conditionalFormats.some((cf) => cf.kind === 'expression' && cf.formula.includes('>=0.8'))).toBe(true);
  });

  it('judges the progress of the vigencia against the share of the year measured, compliance against the full ranges', async () => {
    const greenFloors = async (cutoff: string) => {
      const [tablero] = await sheets(cutoff);
      // Green rules on the cells under an "Avance de la vigencia" / "Avance vigencia" heading.
      const underProgressHeading = (r: { top: number; left: number }) => /^Avance (de la )?vigencia$/.test(String(cellAt(tablero, r.top - 1, r.left)?.value ?? ''));
      return tablero.conditionalFormats
        .filter((cf) => cf.kind === 'expression' && cf.ranges.some(underProgressHeading) && /^AND\(ISNUMBER\([A-Z]+\d+\),[A-Z]+\d+>=[\d.]+\)$/.test(cf.formula))
        .map((cf) => (cf.kind === 'expression' ? Number(/>=([\d.]+)\)$/.exec(cf.formula)![1]) : NaN));
    };
    // T2 of 4: half the year measured → green from 80 % × 1/2 = 40 %; T3 → 80 % × 3/4 = 60 %.
    expect(await greenFloors('2025-06-30')).toContain(0.4);
    expect(await greenFloors('2025-09-30')).toContain(0.6);
    expect(await greenFloors('2025-06-30')).not.toContain(0.8);
  });

  it('adds the cumulative matrix from the third quarter, with each goal state at T1…T3', async () => {
    const [, alertasT2] = await sheets('2025-06-30');
    expect(textOf(alertasT2).some((t) => t.startsWith('4. Matriz acumulada'))).toBe(false);
    const [, alertasT3] = await sheets('2025-09-30');
    const texts = textOf(alertasT3);
    expect(texts).toEqual(expect.arrayContaining(['Estado al corte T1', 'Estado al corte T2', 'Estado al corte T3', 'Causa del rezago', 'Acción correctiva', 'Responsable', 'Fecha de compromiso']));
  });
});
