/**
 * Each format's own words for its values (real-formats.md "Values, real wording"), on the other
 * instances built from the formats (test/helpers/other-instances.ts):
 *
 * - a value outside the column's list is an `enum` finding whose message lists the words the
 *   format writes — DNP's `Acumulativo` Si/No, Cundinamarca's TENDENCIA I/M/D, SisPT's `Tipo de
 *   acumulación` Acumulativo/No acumulativo —, never the product's canonical list (Suma, Creciente…),
 *   which a unit following the message would then type into a Si/No column;
 * - SisPT's `No acumulativo` is a level: constante when every year's programming is the same,
 *   creciente otherwise.
 */
import { tablero, tempDir } from '../cli/io';
import { buildOtherInstances, withCell, CUNDINAMARCA_2026, DNP_2024, DNP_HEADER_ROW, DNP_PHYSICAL, SISPT_HEADER_ROW, SISPT_OTHER, SISPT_SHEET } from '../helpers/other-instances';
import type { JsonFinding } from '../helpers/validar-json';

let dir = '';
let cleanup = () => {};
let files: Record<string, string> = {};
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('tablero-words-'));
  files = await buildOtherInstances(dir);
}, 60_000);
afterAll(() => cleanup());

async function findings(file: string, extra: string[] = []): Promise<JsonFinding[]> {
  const r = await tablero(['validar', file, '--json', ...extra], dir, { now: new Date(2026, 7, 10) });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { files: { findings: JsonFinding[] }[] }).files[0].findings;
}

describe('enum lists the words the format writes', () => {
  it('Cundinamarca: TENDENCIA «X» (row 17) → «Valores permitidos: I, M, D.»', async () => {
    const f = (await findings(files[CUNDINAMARCA_2026])).filter((x) => x.rule === 'enum');
    expect(f).toHaveLength(1);
    expect(f[0].row).toBe(17);
    expect(f[0].message).toContain('«X» no es un valor válido de «TENDENCIA INDICADOR»');
    expect(f[0].message).toMatch(/Valores permitidos: I, M, D\.$/);
  });

  it('DNP: «Tal vez» under «Acumulativo» → «Valores permitidos: Si, No.»', async () => {
    const file = await withCell(files[DNP_2024], DNP_PHYSICAL, DNP_HEADER_ROW, 'Acumulativo', DNP_HEADER_ROW + 3, 'Tal vez');
    const f = (await findings(file)).filter((x) => x.rule === 'enum');
    expect(f.map((x) => x.row)).toEqual([DNP_HEADER_ROW + 3]);
    expect(f[0].message).toMatch(/Valores permitidos: Si, No\.$/);
  });

  it('SisPT: «Flujo variable» under «Tipo de acumulación» → «Valores permitidos: Acumulativo, No acumulativo.»', async () => {
    const file = await withCell(files[SISPT_OTHER], SISPT_SHEET, SISPT_HEADER_ROW, 'Tipo de acumulación', 5, 'Flujo variable');
    const f = (await findings(file, ['--vigencia', '2026'])).filter((x) => x.rule === 'enum' && x.row === 5);
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/Valores permitidos: Acumulativo, No acumulativo\.$/);
  });
});

describe('SisPT «No acumulativo»: constante when every year programs the same, else creciente', () => {
  it('vigencia 2025: IP-301 (100 every year) constante, IP-307 (100, 100, 0, 100) creciente, IP-300 (Acumulativo) suma', async () => {
    const r = await tablero(['reporte', files[SISPT_OTHER], '--vigencia', '2025', '--json'], dir, { now: new Date(2025, 7, 10) });
    expect(r.stderr).toBe('');
    const goals = (JSON.parse(r.stdout) as { goals: { code: string; accumulation: string | null }[] }).goals;
    const acc = (code: string) => goals.find((g) => g.code === code)?.accumulation;
    expect([acc('IP-301'), acc('IP-307'), acc('IP-300')]).toEqual(['constante', 'creciente', 'suma']);
  });
});

describe('one mistake, one finding: a period written in words is not a period left blank', () => {
  it('SisPT: «dos» in Programación 2026 is a `number` error, not also a term-coherence sum that leaves 2026 out', async () => {
    // Row 3, IP-300: Acumulativo, meta 6 = 1 + 2 + 2 + 1; its 2026 written «dos».
    const file = await withCell(files[SISPT_OTHER], SISPT_SHEET, SISPT_HEADER_ROW, 'Programación del producto bien o servicio 2026', 3, 'dos');
    const row3 = (await findings(file, ['--vigencia', '2026'])).filter((x) => x.row === 3 && x.severity === 'error');
    expect(row3.map((x) => x.rule)).toEqual(['number']);
  });

  it('DNP: «uno» in Ejecución Física is a `number` error, not also a percent-mismatch «ejecutado sin reporte»', async () => {
    const row = DNP_HEADER_ROW + 4;
    const file = await withCell(files[DNP_2024], DNP_PHYSICAL, DNP_HEADER_ROW, 'Ejecución Física 2024 (PIIP)', row, 'uno');
    const f = (await findings(file)).filter((x) => x.row === row && x.sheet === DNP_PHYSICAL && x.severity === 'error');
    expect(f.map((x) => x.rule)).toEqual(['number']);
  });
});

describe('the plan indicativo summary counts the products reporte counts', () => {
  it('a programmed row whose code was deleted is no product in either (Sopó row 3)', async () => {
    const file = await withCell(files[SISPT_OTHER], SISPT_SHEET, SISPT_HEADER_ROW, 'Código de indicador de producto (SisPT)', 3, null);
    const r = await tablero(['reporte', file, '--vigencia', '2026', '--json'], dir, { now: new Date(2026, 7, 10) });
    const rep = JSON.parse(r.stdout) as { goals: unknown[]; planSummary: { goals: number; planGoals: number } };
    // 20 products program 2026 in the built workbook; row 3 (IP-300) is one of them.
    expect(rep.goals).toHaveLength(19);
    expect([rep.planSummary.goals, rep.planSummary.planGoals]).toEqual([19, 24]);
  });
});
