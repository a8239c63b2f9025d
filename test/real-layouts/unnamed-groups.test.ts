/**
 * A breakdown whose only group is the unnamed one says nothing. DNP's follow-up report names no
 * unit and no strategic line (real-formats.md: one row per product, no unit column): every goal is
 * «Sin dependencia» and «Sin dimensión». `reporte`, the tablero sheet of `generar` and the `informe`
 * then say in one sentence that the workbook names neither — no ranking of one «Sin dependencia»
 * line, no chart of one bar — and the figures stay by program. A workbook whose units are named
 * (Tenjo's RESPONSABLE, one goal naming none) keeps its ranking, «Sin dependencia» last.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tablero, suiteTempDir, repoRoot } from '../cli/io';
import { plainValue } from '../../src/xlsx/read';
import { buildOtherInstances, DNP_2024, DNP_HEADER_ROW, DNP_PHYSICAL } from '../helpers/other-instances';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const dnp = path.join(samples, 'dnp-seguimiento-pdt-cajica.xlsx');
const tenjo = path.join(samples, 'tenjo-pdm-seguimiento.xlsx');
const maybe = existsSync(dnp) && existsSync(tenjo) ? describe : describe.skip;
const NOW = { now: new Date(2025, 9, 20) };

/** The texts of a sheet's rows, one string per row (cells joined by « | », a merged area once). */
function rowTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return; // a merged area's text once
      const v = plainValue(c.value);
      if (v !== null && typeof v !== 'object') cells.push(String(v));
    });
    out.push(cells.join(' | '));
  });
  return out;
}

async function generated(file: string, dir: string): Promise<{ rows: string[]; charts: number }> {
  const out = path.join(dir, `${path.basename(file, '.xlsx')}-generado.xlsx`);
  const r = await tablero(['generar', file, '-o', out], dir, NOW);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('Tablero de control');
  if (!ws) throw new Error('no hay hoja «Tablero de control»');
  const zip = await JSZip.loadAsync(await fs.readFile(out));
  return { rows: rowTexts(ws), charts: Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length };
}

/** The rows between a section title and the next section's. */
function sectionRows(rows: string[], title: string): string[] {
  const at = rows.findIndex((r) => r.startsWith(title));
  expect(at).toBeGreaterThanOrEqual(0);
  const next = rows.findIndex((r, i) => i > at + 1 && /^(Avance por|Ranking de|Metas de gestión|Ejecución presupuestal|Cumplimiento físico frente)/.test(r));
  return rows.slice(at + 1, next < 0 ? undefined : next);
}

maybe('a workbook that names no unit and no dimension (DNP): no ranking, no chart of one bar', () => {
  const tmp = suiteTempDir('tablero-unnamed-');

  it('reporte says it in one line each; the JSON keeps its one group (interface)', async () => {
    const text = await tablero(['reporte', dnp], tmp.dir, NOW);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '  Dependencias: ninguna meta nombra su dependencia (no hay columna de dependencia o de responsable, o está vacía): no hay ranking de gestión por dependencia.\n',
    );
    expect(text.stdout).toContain('  Dimensiones: ninguna meta nombra su dimensión (línea estratégica).\n');
    expect(text.stdout).not.toContain('ranking de gestión)');
    expect(text.stdout).not.toMatch(/^\s*1\s+Sin dependencia/m);
    expect(text.stdout).not.toMatch(/^\s*Sin dimensión\s+40/m);
    // By program the figures are there: 17 programs, 3202 with 10 goals.
    expect(text.stdout).toMatch(/3202 — Conservación de la biodiversidad.*\s10\s/);

    const json = JSON.parse((await tablero(['reporte', dnp, '--json'], tmp.dir, NOW)).stdout) as { units: { name: string; goals: number }[] };
    expect(json.units.map((u) => [u.name, u.goals])).toEqual([['Sin dependencia', 40]]);
  });

  it('a unit column the unit added to the report («Secretaría responsable») is read: the ranking is back', async () => {
    // Chía's report (built from the format) with a column the DNP format does not have, after its last one.
    const built = (await buildOtherInstances(tmp.dir))[DNP_2024];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(built);
    const ws = wb.getWorksheet(DNP_PHYSICAL);
    if (!ws) throw new Error('sin la hoja de seguimiento físico');
    const col = ws.getRow(DNP_HEADER_ROW).cellCount + 1;
    ws.getCell(DNP_HEADER_ROW, col).value = 'Secretaría responsable';
    for (let r = DNP_HEADER_ROW + 1; r <= ws.rowCount; r++) {
      if (ws.getCell(r, 1).value !== null) ws.getCell(r, col).value = r % 2 === 0 ? 'Secretaría de Ambiente' : 'Secretaría de Planeación';
    }
    const file = path.join(tmp.dir, 'dnp-con-secretaria.xlsx');
    await wb.xlsx.writeFile(file);
    const text = await tablero(['reporte', file], tmp.dir, NOW);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('ninguna meta nombra su dependencia');
    expect(text.stdout).toMatch(/Dependencias \(ranking de gestión\)\n.*\n\s+1\s+Secretaría de (Ambiente|Planeación)/);
  }, 60_000);

  it('generar: the tablero sheet has the sentence where the ranking and the dimension table were, and no chart', async () => {
    const { rows, charts } = await generated(dnp, tmp.dir);
    expect(sectionRows(rows, 'Ranking de gestión por dependencia')).toEqual([
      'Ninguna meta nombra su dependencia (no hay columna de dependencia o de responsable, o está vacía): no hay ranking de gestión por dependencia.',
    ]);
    expect(sectionRows(rows, 'Avance por dimensión')).toEqual([
      'Ninguna meta nombra su dimensión (línea estratégica): las cifras del plan están en «Avance por programa».',
    ]);
    expect(sectionRows(rows, 'Avance por programa').filter((r) => /^\d+ \| \d{4} — /.test(r))).toHaveLength(17);
    expect(rows.some((r) => r.includes('Ninguna meta nombra su dependencia ni su dimensión: no hay gráfico que dibujar'))).toBe(true);
    expect(charts).toBe(0);
    expect(rows.filter((r) => /^\d+ \| Sin (dependencia|dimensión)\b/.test(r))).toEqual([]);
  });

  it('informe: no ranking table and no chart by unit; the lagging goals are listed once, not under «Sin dependencia»', async () => {
    const out = path.join(tmp.dir, 'dnp.html');
    expect((await tablero(['informe', dnp, '-o', out], tmp.dir, NOW)).code).toBe(0);
    const html = await fs.readFile(out, 'utf8');
    const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Ranking de gestión por dependencia Ninguna meta nombra su dependencia');
    expect(html).not.toContain('<th class="n">Puesto</th>');
    expect(text).not.toContain('Por dependencia (en el orden del ranking)');
    expect(text).toMatch(/Metas rezagadas \(30\)/);
    expect(html).not.toMatch(/<h3>Sin dependencia/);
  });
});

maybe('DNP: the return and the Alertas sheet give «Sin dependencia» no place in a ranking', () => {
  const tmp = suiteTempDir('tablero-unnamed-dev-');

  it('devolver: the cover says the goals name no unit, with no «puesto … del ranking»; Alertas says the same', async () => {
    const r = await tablero(['devolver', dnp, '-o', 'dev'], tmp.dir, NOW);
    expect(r.code).toBe(0);
    const files = await fs.readdir(path.join(tmp.dir, 'dev'));
    expect(files).toEqual(['devolucion-sin-dependencia.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp.dir, 'dev', files[0]));
    const all = wb.worksheets.flatMap((ws) => rowTexts(ws)).join('\n');
    expect(all).not.toContain('del ranking');
    expect(all).toMatch(/\| Cumplimiento físico al corte de las metas que no nombran su dependencia \(calificación \S+\)\./);
    expect(all).toContain('Sin dependencia (metas que no nombran su dependencia) — 30 metas rezagadas');
    expect(all).not.toContain('cumplimiento físico de la dependencia');
  });
});

maybe('a workbook that names its units (Tenjo) keeps its ranking and its chart by unit', () => {
  const tmp = suiteTempDir('tablero-named-');

  it('generar: ranked units, «Sin dependencia» (the one goal naming none) last; a chart by unit', async () => {
    const { rows, charts } = await generated(tenjo, tmp.dir);
    const ranking = sectionRows(rows, 'Ranking de gestión por dependencia').slice(1); // after the header row
    expect(ranking.length).toBeGreaterThan(3);
    expect(ranking[ranking.length - 1]).toMatch(/^\d+ \| Sin dependencia \|/);
    expect(charts).toBeGreaterThanOrEqual(1);
    const text = await tablero(['reporte', tenjo], tmp.dir, NOW);
    expect(text.stdout).toContain('Dependencias (ranking de gestión)');
  });
});
