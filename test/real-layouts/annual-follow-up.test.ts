/**
 * The DNP annual follow-up (`dnp-seguimiento-pdt-cajica.xlsx`: execution of 2025 to the third
 * quarter, cut-off 30/09/2025) has one period, the year (real-formats.md): its id stays `año`, but
 * what people read says the year and the date the execution runs to, and the next report is the
 * closing of 2025 — not a year of 2026. What was due by the cut-off is the whole year's
 * programming (progress.md: planned to date over the one period), and every message and label
 * says so («al 30/09/2025 … programado para todo 2025»), never «al corte (30/09/2025, 2025)».
 */
import ExcelJS from 'exceljs';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tablero, tempDir, repoRoot } from '../cli/io';
import { plainValue } from '../../src/xlsx/read';

const sample = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'dnp-seguimiento-pdt-cajica.xlsx');
const maybe = existsSync(sample) ? describe : describe.skip;

maybe('DNP annual follow-up: period and next report', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir('tablero-annual-')));
  afterAll(() => cleanup());

  it('reporte keeps the period id `año` in JSON and says the year and its execution date in text', async () => {
    const json = await tablero(['reporte', sample, '--json'], dir);
    expect(json.code).toBe(0);
    const rep = JSON.parse(json.stdout);
    expect([rep.vigencia, rep.cutoff, rep.period, rep.plan.partial]).toEqual([2025, '2025-09-30', 'año', true]);

    const text = await tablero(['reporte', sample], dir);
    expect(text.stdout).toContain('Reporte de avance — año 2025, ejecución al 30/09/2025\n');
    expect(text.stdout).toMatch(/calificación \S+ \(parcial, ejecución al 30\/09\/2025\)\./);
    expect(text.stdout).not.toMatch(/corte año|\(año\)/);
    expect(text.stdout).toContain(
      '  Seguimiento anual: el año es el único periodo, así que lo ejecutado al 30/09/2025 se compara con lo programado para todo 2025; ' +
        'hasta el cierre del año el cumplimiento, el avance y la calificación son parciales.\n',
    );
  });

  it('validar: the messages say the date the execution runs to and the year, in words for a year', async () => {
    const r = await tablero(['validar', sample, '--json'], dir);
    const findings = JSON.parse(r.stdout).files[0].findings as { rule: string; cell: string; message: string }[];
    // IP-6 (row 13): 0,75 executed by 30/09/2025 against 0,25 programmed for 2025 — compliance 300 %.
    expect(findings.find((f) => f.cell === 'U13')).toMatchObject({
      rule: 'over-execution',
      message: expect.stringContaining('La meta IP-6 ejecutó al 30/09/2025 más de lo programado para todo 2025: ejecutado 0,75 frente a 0,25 (cumplimiento 300 %).'),
    });
    for (const f of findings) expect(f.message).not.toMatch(/\(\d\d\/\d\d\/\d{4}, \d{4}\)|programado a la fecha/);
    // At the year's close, a blank execution is missing «en el año 2025» (IP-1, row 8: 1 programmed).
    const closed = await tablero(['validar', sample, '--corte', '2025-12-31', '--json'], dir);
    const atClose = JSON.parse(closed.stdout).files[0].findings as { rule: string; cell: string; message: string }[];
    expect(atClose.find((f) => f.cell === 'U8')).toMatchObject({
      rule: 'missing-report',
      message: expect.stringContaining('La meta IP-1 no reporta ejecución en el año 2025 (programado 1), un periodo ya vencido a la fecha de corte (31/12/2025).'),
    });
  });

  it('informe: the next report is the closing of 2025, due 15/01/2026; the rating is partial', async () => {
    const out = path.join(dir, 'informe.html');
    const r = await tablero(['informe', sample, '-o', out], dir);
    expect(r.code).toBe(0);
    const text = (await fs.readFile(out, 'utf8')).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Periodo: Año 2025 (ejecución al 30/09/2025)');
    expect(text).toContain('Próximo reporte 15/01/2026 Plazo para reportar el cierre de 2025 (ejecución al 31/12/2025)');
    expect(text).toContain('las dependencias reportan el cierre de 2025 (ejecución al 31/12/2025) a más tardar el 15/01/2026');
    expect(text).toMatch(/Calificación \S+ \(parcial, ejecución al 30\/09\/2025\)/);
    expect(text).not.toMatch(/2027|año de 2026|corte año/);
    expect(text).toContain('Ejecutado frente a lo programado para todo 2025');
  });

  it('generar: the tablero title block and rating caption say the year and its execution date', async () => {
    const out = path.join(dir, 'generado.xlsx');
    const r = await tablero(['generar', sample, '-o', out], dir);
    expect(r.code).toBeLessThan(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets.find((w) => w.name === 'Tablero de control');
    expect(ws).toBeDefined();
    const texts: string[] = [];
    ws!.eachRow((row) => row.eachCell((c) => {
      const v = plainValue(c.value);
      if (typeof v === 'string') texts.push(v);
    }));
    expect(texts).toContain('Año 2025 (ejecución al 30/09/2025)');
    expect(texts).toContain('Parcial, ejecución al 30/09/2025 · rangos DNP');
    expect(texts.join('\n')).not.toMatch(/corte año/);
    // Compliance compares the execution so far with the whole year's programming, and says so.
    expect(texts).toContain('Ejecutado frente a lo programado para todo 2025');
    expect(texts.join('\n')).toContain('Seguimiento anual: el año es el único periodo, así que lo ejecutado al 30/09/2025 se compara con lo programado para todo 2025');
    expect(texts.join('\n')).not.toMatch(/programado a la fecha|parte del año ya medida/);
    const alertas = wb.worksheets.find((w) => w.name === 'Alertas');
    expect(String(plainValue(alertas!.getCell('A2').value) ?? '') + String(plainValue(alertas!.getCell('A1').value) ?? '')).toMatch(/año 2025, ejecución al 30\/09\/2025/);
    const alertTexts: string[] = [];
    alertas!.eachRow((row) => row.eachCell((c) => {
      const v = plainValue(c.value);
      if (typeof v === 'string') alertTexts.push(v);
    }));
    expect(alertTexts).toEqual(expect.arrayContaining(['Programado para todo 2025', 'Ejecutado al 30/09/2025']));
    expect(alertTexts.join('\n')).not.toMatch(/Programado a la fecha|Ejecutado a la fecha/);
    expect(alertTexts.join('\n')).toContain('Reporte anual de alertas por dependencia (PE-P-008)');
    expect(alertTexts.join('\n')).not.toMatch(/[Tt]rimestral/);
  });
});
