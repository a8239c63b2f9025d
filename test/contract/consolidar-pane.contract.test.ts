/**
 * Contract: the pane's Consolidar (`consolidatePicked` over the pane's bytes reader) and
 * `tablero consolidar` (`consolidateFiles`: files on disk, exceljs) on the same units' files give
 * the same consolidated rows, and the same verdict — word for word — on each file the command line
 * refuses (another vigencia, the same file twice, a download cut short, a package missing a sheet)
 * and on a file it leaves out (no capture sheet). The pane lists those and goes on; the command
 * line stops (or warns).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { consolidatePicked, type PickedFile } from '../../src/app/consolidate-picked';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { consolidateFiles } from '../../src/xlsx/consolidate';
import { cutShort, unitFile, withoutPart } from '../helpers/unit-files';
import { buildXlsx } from '../helpers/xlsx';

const now = new Date('2025-07-10T09:00:00');
const dir = mkdtempSync(path.join(os.tmpdir(), 'tablero-consolidar-pane-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, Buffer> = {};
beforeAll(async () => {
  files['salud.xlsx'] = await unitFile('Secretaría de Salud');
  files['educacion.xlsx'] = await unitFile('Secretaría de Educación');
  files['cultura-2024.xlsx'] = await unitFile('Secretaría de Infraestructura', { vigencia: 2024, corte: '30/06/2024' });
  files['danado.xlsx'] = cutShort(await unitFile('Secretaría de Agricultura'));
  files['sin-hoja.xlsx'] = withoutPart(await unitFile('Secretaría de Agricultura'), 'xl/worksheets/sheet2.xml');
  files['otra-cosa.xlsx'] = await buildXlsx([{ name: 'Notas', rows: [['Dimensión', 'Programa', 'Meta de producto', 'Dependencia'], ['Social', 'Salud', 'x', 'Salud']] }]);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
}, 60_000);

const noProgress = { report: () => undefined };
const notCancelled = { cancelled: false };
const pick = (...names: string[]): PickedFile[] => names.map((name) => ({ name, bytes: new Uint8Array(files[name]) }));
const pane = (...names: string[]) => consolidatePicked(pick(...names), readXlsxGrids, {}, noProgress, notCancelled, now);
const cli = (names: string[], warn: (m: string) => void = () => undefined) => consolidateFiles(names, undefined, 'consolidado.xlsx', { cwd: dir, now }, warn);

describe('Consolidar in the pane and `tablero consolidar` agree', () => {
  it('the same consolidated rows, with their origin, from the same units', async () => {
    const p = await pane('salud.xlsx', 'educacion.xlsx');
    const c = await cli(['salud.xlsx', 'educacion.xlsx']);
    expect(p.files.map((f) => [f.file, f.admitted])).toEqual([
      ['salud.xlsx', true],
      ['educacion.xlsx', true],
    ]);
    expect(p.consolidation!.rows).toBe(c.consolidation.rows);
    expect(p.consolidation!.rows).toBeGreaterThan(3);
    expect(p.consolidation!.files).toEqual(c.consolidation.files);
    expect(p.consolidation!.sheet).toEqual(c.consolidation.sheet);
    // Each file is listed with what it says of itself and its own validation, as the CLI counts it.
    const salud = p.files[0];
    expect(salud).toMatchObject({ unit: 'Secretaría de Salud', vigencia: 2025, cutoff: '2025-06-30' });
    const own = c.sources.find((s) => s.file === 'salud.xlsx')!.findings;
    expect(salud.errors + salud.warnings).toBe(own.length);
  }, 60_000);

  it.each([
    ['another vigencia', 'cultura-2024.xlsx', 'vigencia'],
    ['the same file twice', 'salud.xlsx', 'duplicate'],
    ['a download cut short', 'danado.xlsx', 'unusable'],
    ['a package missing its sheet', 'sin-hoja.xlsx', 'unusable'],
  ])('%s: the pane leaves it out with the reason the command line stops with', async (_, file, code) => {
    const p = await pane('salud.xlsx', 'educacion.xlsx', file);
    const left = p.files[2];
    expect(left).toMatchObject({ file, admitted: false, code });
    expect(p.consolidation!.rows).toBe((await pane('salud.xlsx', 'educacion.xlsx')).consolidation!.rows);
    await expect(cli(['salud.xlsx', 'educacion.xlsx', file])).rejects.toThrow(left.reason);
    expect(left.reason).toMatch(new RegExp(`^(El archivo )?«${file.replace('.', '\\.')}»`));
  }, 60_000);

  it('a file without a capture sheet: left out in the pane, a warning in the command line, in the same words', async () => {
    const p = await pane('salud.xlsx', 'otra-cosa.xlsx');
    const warnings: string[] = [];
    await cli(['salud.xlsx', 'otra-cosa.xlsx'], (m) => warnings.push(m)).catch((e: Error) => warnings.push(e.message));
    expect(p.files[1].admitted).toBe(false);
    expect(warnings).toEqual([p.files[1].reason]);
  }, 60_000);

  it('nothing to consolidate: every file listed with its reason, no sheet', async () => {
    const p = await pane('danado.xlsx', 'sin-hoja.xlsx');
    expect(p.consolidation).toBeNull();
    expect(p.files.map((f) => f.code)).toEqual(['unusable', 'unusable']);
    expect(p.files[1].reason).toMatch(/dañado o incompleto: la hoja «HC T2» figura en el libro pero su contenido \(xl\/worksheets\/sheet2\.xml\) no está en el archivo/);
  }, 60_000);
});
