/**
 * The generated sheets name what the workbook is, in its format's words (real-formats.md «Know
 * the standard formats by name»): the DNP follow-up's tablero is the «Informe de seguimiento al
 * PDT» of the municipality its `Resumen` names, never «Plan de Acción» under a placeholder
 * «Entidad territorial»; its annual figures never read as «100 % al corte». Checked on the sample
 * and on another municipality's report of another year; a workbook that names no entity leaves
 * the entity row blank.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { tablero, tempDir, repoRoot } from '../cli/io';
import { buildOtherInstances, DNP_2024 } from '../helpers/other-instances';

const samples = path.resolve(repoRoot, '..', 'shared', 'real-layouts');
const dnp = path.join(samples, 'dnp-seguimiento-pdt-cajica.xlsx');
const tenjo = path.join(samples, 'tenjo-pdm-seguimiento.xlsx');
const maybe = existsSync(dnp) ? describe : describe.skip;
const now = { now: new Date(2026, 11, 3) };
const GENERATED = ['Tablero de control', 'Alertas', 'Observaciones'];

/** Every distinct text of the generated sheets, by sheet. */
async function texts(file: string): Promise<Record<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, string[]> = {};
  for (const name of GENERATED) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const seen = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') seen.add(c.value);
      }),
    );
    out[name] = [...seen];
    out[`${name}:A1`] = [String(ws.getCell('A1').value ?? '')];
    out[`${name}:A2`] = [String(ws.getCell('A2').value ?? '')];
  }
  return out;
}

async function generated(file: string, dir: string, out: string): Promise<Record<string, string[]>> {
  const r = await tablero(['generar', file, '-o', out], dir, now);
  if (r.code > 1) throw new Error(r.stderr);
  return texts(path.join(dir, out));
}

maybe('generated sheets: the format\'s names, the entity, no placeholder', () => {
  const { dir, cleanup } = tempDir('formats-names-');
  let chia: string;
  beforeAll(async () => {
    chia = (await buildOtherInstances(dir))[DNP_2024];
  }, 60_000);
  afterAll(cleanup);

  it('DNP sample: «Informe de seguimiento al PDT 2025» of «Cajicá, Cundinamarca»; the annual over-execution said for the year', async () => {
    const t = await generated(dnp, dir, 'dnp.xlsx');
    for (const name of GENERATED) {
      expect(t[`${name}:A1`]).toEqual(['Cajicá, Cundinamarca']);
      expect(t[name]).not.toContain('Entidad territorial');
      expect(t[name].some((x) => /Plan de Acción/.test(x))).toBe(false);
    }
    expect(t['Tablero de control:A2']).toEqual(['Tablero de control — Informe de seguimiento al PDT 2025']);
    const tab = t['Tablero de control'];
    expect(tab.filter((x) => /Avance > 100 %/.test(x))).toEqual([expect.stringMatching(/^Avance > 100 % de la meta de 2025, con lo ejecutado al 30\/09\/2025( · \d+ por encima de lo programado para todo 2025)?$/)]);
    expect(tab.some((x) => /por encima de lo programado al corte/.test(x))).toBe(false);
    expect(t.Alertas.filter((x) => x.startsWith('2. '))).toEqual([expect.stringMatching(/^2\. Por encima de lo programado para todo 2025: \d+$/)]);
  });

  it('another municipality\'s 2024 report: its own entity and year', async () => {
    const t = await generated(chia, dir, 'chia.xlsx');
    expect(t['Tablero de control:A1']).toEqual(['Chía, Cundinamarca']);
    expect(t['Tablero de control:A2']).toEqual(['Tablero de control — Informe de seguimiento al PDT 2024']);
  });

  it('the informe names the plan and the entity the same way', async () => {
    const r = await tablero(['informe', dnp, '-o', 'dnp.html'], dir, now);
    expect(r.code).toBe(0);
    const html = (await import('node:fs')).readFileSync(path.join(dir, 'dnp.html'), 'utf8');
    expect(html).toContain('Informe de seguimiento al PDT 2025');
    expect(html).toContain('Cajicá, Cundinamarca');
    expect(html).not.toContain('Entidad territorial');
  });

  it('a workbook that names no entity (Tenjo\'s PDM) leaves the entity row blank and says its format\'s plan', async () => {
    const t = await generated(tenjo, dir, 'tenjo.xlsx');
    expect(t['Tablero de control:A1']).toEqual(['']);
    expect(t['Tablero de control']).not.toContain('Entidad territorial');
    expect(t['Tablero de control:A2']).toEqual(['Tablero de control — Seguimiento al PDM 2025']);
  });
});
