/**
 * A hidden sheet read on request (`--incluir-ocultas`) is recognised for what it is, never
 * validated with the wrong kind (real-formats.md "Hidden sheets"; issue 9):
 *
 * - Cali's hidden «DAP Cuadro 4F» (the plan's wellbeing indicators, of another period) is a
 *   companion of the Cuadro 1S format: listed among the helper sheets, no finding on it — on the
 *   sample and on another organismo's Cuadro 1S (`test/helpers/other-instances.ts`), and under
 *   another name, by its headers;
 * - a hidden table no known format describes, which the general matcher could only take for a
 *   kind with most of its required columns missing, is an unrecognised sheet saying why.
 *
 * Either way the findings with the hidden sheets read are exactly those without them.
 */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildOtherInstances, CALI_T4, CUNDINAMARCA_2026 } from '../helpers/other-instances';
import { repoRoot, tablero, tempDir } from '../cli/io';

const CALI = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'cali-cuadro1s-plan-accion-T2-2025.xlsx');

interface Validated {
  sheets: { name: string; kind: string }[];
  helpers?: { name: string; role: string }[];
  findings: { rule: string; sheet: string; cell: string }[];
}

let dir = '';
let cleanup = () => {};
let files: Record<string, string> = {};
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  files = await buildOtherInstances(dir);
}, 60_000);
afterAll(() => cleanup());

async function validar(file: string, now: Date, hidden: boolean): Promise<Validated> {
  const r = await tablero(['validar', file, '--json', ...(hidden ? ['--incluir-ocultas'] : [])], dir, { now });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { files: Validated[] }).files[0];
}
const keys = (v: Validated) => v.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort();

/** A copy of `file` whose hidden sheet `from` is renamed `to` (its headers unchanged). */
async function renamed(file: string, from: string, to: string, out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(from);
  if (!ws) throw new Error(`sin hoja ${from}`);
  ws.name = to;
  await wb.xlsx.writeFile(out);
  return out;
}

describe('Cali «DAP Cuadro 4F», read on request, is the format\'s indicators sheet: listed, not validated', () => {
  const cases = () =>
    [
      ['the sample', CALI, new Date(2025, 9, 20)],
      ['another organismo (T4 2025)', files[CALI_T4], new Date(2026, 0, 20)],
    ] as const;

  it.each([0, 1])('case %i', async (k) => {
    const [, file, now] = cases()[k];
    if (!existsSync(file)) return;
    const plain = await validar(file, now, false);
    const all = await validar(file, now, true);
    expect(all.sheets.map((s) => s.name)).toEqual(plain.sheets.map((s) => s.name));
    expect(all.helpers?.find((h) => h.name === 'DAP Cuadro 4F')?.role).toMatch(/indicadores de bienestar.*Cuadro 4F.*oculta/);
    expect(keys(all)).toEqual(keys(plain));

    // Under another name it is still told by its headers.
    const other = await renamed(file, 'DAP Cuadro 4F', 'Indicadores PDD', path.join(dir, `renombrada-${k}.xlsx`));
    const byHeaders = await validar(other, now, true);
    expect(byHeaders.helpers?.find((h) => h.name === 'Indicadores PDD')?.role).toMatch(/indicadores de bienestar/);
    expect(keys(byHeaders)).toEqual(keys(plain));
  });
});

it('a hidden table no format describes, read on request, is unrecognised with its reason, not a plan de acción full of errors', async () => {
  // Another Cundinamarca municipality's workbook with a hidden sheet of result indicators of the
  // previous plan: a dimension, a goal text, a unit of measure, a baseline, a goal, a responsible.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(files[CUNDINAMARCA_2026]);
  const ws = wb.addWorksheet('Resultados 2020-2023', { state: 'hidden' });
  ws.getCell('B3').value = 'ORGANISMO:';
  ws.getCell('C3').value = 'SECRETARÍA DE PLANEACIÓN';
  ['Dimensión', 'Meta\n(Descripción)', 'Unidad de medida', 'Línea base\n2019', 'Meta\n2023', 'Responsable'].forEach((h, c) => void (ws.getCell(5, 2 + c).value = h));
  for (let i = 0; i < 6; i++) {
    [`Eje ${i + 1}`, `Resultado ${i + 1} del plan anterior`, 'Porcentaje', 40 + i, 80, 'Secretaría de Planeación'].forEach((v, c) => void (ws.getCell(6 + i, 2 + c).value = v));
  }
  const file = path.join(dir, 'guasca-con-resultados-ocultos.xlsx');
  await wb.xlsx.writeFile(file);
  const now = new Date(2026, 6, 25);
  const plain = await validar(file, now, false);
  const all = await validar(file, now, true);
  expect(all.sheets.map((s) => s.name)).not.toContain('Resultados 2020-2023');
  const c = await tablero(['columnas', file, '--incluir-ocultas', '--json'], dir, { now });
  const unknown = (JSON.parse(c.stdout) as { files: { unknown?: { name: string; reason: string }[] }[] }).files[0].unknown?.find((u) => u.name === 'Resultados 2020-2023');
  expect(unknown?.reason).toContain('no es una hoja de datos de un tipo conocido');
  expect(keys(all)).toEqual(keys(plain));
});
