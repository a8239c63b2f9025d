/**
 * `--vigencia` on a workbook whose plan names its own year (real-formats.md "Years and the
 * vigencia": the vigencia asked for picks a block of a multi-year sheet; a single-year plan has no
 * other year to read). Asking the bundled plan de acción 2025 for 2024 is a usage error, one line,
 * exit 2 — not a missing «Meta vigencia» and 46 date warnings, nor 2025's figures labelled 2024 —
 * and the cut-off advice never leads there.
 */
import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { tablero, tempDir, examples, repoRoot } from './io';
import { createPaneUseCases } from '../../src/app/pane';
import { consolidatePicked } from '../../src/app/consolidate-picked';
import { readXlsxGrids } from '../../src/xlsx/bytes-read';
import { hostOn } from '../excel-double/harness';
import { doubleFromWorkbook, workbookOf } from '../contract/hosts';
import { buildOtherInstances, CALI_T4, CUNDINAMARCA_2026, SISPT_OTHER } from '../helpers/other-instances';

const run = { progress: { report: () => undefined }, cancel: { cancelled: false } };

const verbs: string[][] = [
  ['validar', examples.plan, '--vigencia', '2024'],
  ['reporte', examples.plan, '--vigencia', '2024'],
  ['reporte', examples.plan, '--vigencia', '2024', '--json'],
  ['informe', examples.plan, '--vigencia', '2024', '-o', 'x.html'],
  ['generar', examples.plan, '--vigencia', '2024', '-o', 'x.xlsx'],
];

describe('--vigencia that is not the workbook\'s year', () => {
  const { dir, cleanup } = tempDir('house-vig-');
  afterAll(cleanup);

  it.each(verbs.map((v) => [v.join(' '), v]))('%s: one-line usage error naming the workbook\'s year', async (_name, argv) => {
    const r = await tablero(argv as string[], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'tablero: plan-accion-2025.xlsx: El libro trae el plan de acción de la vigencia 2025, no de 2024: quite --vigencia o indique --vigencia 2025.',
    ]);
  });

  it('the workbook\'s own year is still accepted', async () => {
    const r = await tablero(['reporte', examples.plan, '--vigencia', '2025'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vigencia 2025 (la indicada)');
  });

  it('a cut-off outside the workbook\'s year advises a cut-off of that year, not a --vigencia that cannot be', async () => {
    const r = await tablero(['validar', examples.plan, '--corte', '2024-06-30'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['tablero: La fecha de corte 30/06/2024 está fuera de la vigencia 2025, la del libro; use una fecha de corte de 2025.']);
  });
});

/**
 * The same check on the real samples, whatever holds the year: the SisPT plan indicativo's term
 * (2024–2027, no execution), Tenjo's year blocks, Cali's title («II TRIMESTRE 2025»), the DNP
 * follow-up's year — in every verb that reads with `--vigencia`, and in the pane with the vigencia
 * saved in Ajustes. Nothing is written.
 */
const real = (name: string) => path.join(repoRoot, '..', 'shared', 'real-layouts', name);
const sispt = real('sispt-plan-indicativo-cajica.xlsx');
const maybe = existsSync(sispt) ? describe : describe.skip;

maybe('--vigencia a real sample does not hold', () => {
  const { dir, cleanup } = tempDir('formats-vig-');
  afterAll(cleanup);
  const term = 'El libro trae el plan indicativo de 2024 a 2027, no de 2030: quite --vigencia o indique una vigencia entre 2024 y 2027.';
  const reading: string[][] = [
    ['validar', '--json'],
    ['reporte'],
    ['reporte', '--json'],
    ['informe', '-o', 'i.html'],
    ['generar', '-o', 'g.xlsx'],
    ['columnas'],
    ['columnas', '--json'],
    ['consolidar', '-o', 'c.xlsx'],
    ['devolver', '-o', 'devoluciones'],
  ];

  it.each(reading.map((v) => [v.join(' '), v]))('SisPT --vigencia 2030, %s: exit 2, one line naming the term 2024–2027', async (_name, argv) => {
    const [verb, ...rest] = argv as string[];
    const r = await tablero([verb, sispt, '--vigencia', '2030', ...rest], dir, { now: new Date(2026, 11, 3) });
    expect([r.code, r.stderr]).toEqual([2, `tablero: sispt-plan-indicativo-cajica.xlsx: ${term}\n`]);
    // validar --json and columnas --json still print their documented shape, the file with its error.
    if (verb === 'validar' || verb === 'columnas') {
      if (rest.includes('--json')) expect((JSON.parse(r.stdout) as { files: { error?: string }[] }).files.map((f) => f.error)).toEqual([`sispt-plan-indicativo-cajica.xlsx: ${term}`]);
    } else expect(r.stdout).toBe('');
    for (const out of ['i.html', 'g.xlsx', 'c.xlsx', 'devoluciones']) expect(existsSync(path.join(dir, out))).toBe(false);
  });

  it('a year of the term is read: SisPT --vigencia 2027 summarises that year of the plan', async () => {
    const r = await tablero(['reporte', sispt, '--vigencia', '2027', '--json'], dir, { now: new Date(2026, 11, 3) });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { vigencia: number }).vigencia).toBe(2027);
  });

  it.each([
    ['tenjo-pdm-seguimiento.xlsx', 'El libro trae el seguimiento de 2024 a 2027, no de 2030: quite --vigencia o indique una vigencia entre 2024 y 2027.'],
    ['cali-cuadro1s-plan-accion-T2-2025.xlsx', 'El libro trae el seguimiento de la vigencia 2025, no de 2030: quite --vigencia o indique --vigencia 2025.'],
    ['dnp-seguimiento-pdt-cajica.xlsx', 'El libro trae el seguimiento de la vigencia 2025, no de 2030: quite --vigencia o indique --vigencia 2025.'],
  ])('%s --vigencia 2030: the same one line in validar and generar', async (name, line) => {
    for (const argv of [['validar'], ['generar', '-o', 'x.xlsx']]) {
      const r = await tablero([argv[0], real(name), '--vigencia', '2030', ...argv.slice(1)], dir, { now: new Date(2026, 11, 3) });
      expect([r.code, r.stderr]).toEqual([2, `tablero: ${name}: ${line}\n`]);
    }
  });

  it('the pane with «Vigencia 2030» saved in Ajustes refuses Validar, Generar and Informe on SisPT with the same reason, in the pane\'s words', async () => {
    const xl = doubleFromWorkbook(await workbookOf(readFileSync(sispt)));
    const host = hostOn(xl);
    await host.saveSettings({ vigencia: 2030 });
    const pane = createPaneUseCases(async () => 'x');
    const grids = await host.readGrids('workbook');
    const settings = await host.loadSettings();
    const why = 'El libro trae el plan indicativo de 2024 a 2027, no de 2030: indique en Ajustes una vigencia entre 2024 y 2027 o déjela vacía.';
    await expect(pane.validate(grids, settings)).rejects.toThrow(why);
    await expect(pane.generate('tablero', grids, settings, run.progress, run.cancel)).rejects.toThrow(why);
    await expect(pane.informe(grids, settings, false)).rejects.toThrow(why);
    // Opening the pane still says what the workbook holds.
    expect(pane.detect(grids, settings).sheets.length).toBeGreaterThan(0);
  });
});

maybe('the pane\'s Consolidar with a vigencia of Ajustes a file does not hold', () => {
  it('lists that file as left out for its vigencia, in the pane\'s words, and consolidates the others', async () => {
    const tenjo = real('tenjo-pdm-seguimiento.xlsx');
    const cali = real('cali-cuadro1s-plan-accion-T2-2025.xlsx');
    const files = [tenjo, cali].map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
    const out = await consolidatePicked(files, readXlsxGrids, { vigencia: 2024 }, run.progress, run.cancel, new Date(2026, 11, 3));
    expect(out.files.map((f) => [f.file, f.admitted, f.code ?? null])).toEqual([
      ['tenjo-pdm-seguimiento.xlsx', true, null],
      ['cali-cuadro1s-plan-accion-T2-2025.xlsx', false, 'vigencia'],
    ]);
    expect(out.files[1].reason).toBe('cali-cuadro1s-plan-accion-T2-2025.xlsx: El libro trae el seguimiento de la vigencia 2025, no de 2024: cambie en Ajustes la vigencia a 2025 o déjela vacía.');
    expect(out.consolidation?.rows).toBeGreaterThan(0);
  }, 120_000);
});

/**
 * A cut-off outside the years a workbook holds, when nothing else names the vigencia (its year
 * would become the vigencia): the same usage error in every verb that reads, naming the years the
 * workbook does hold — on the samples and on other instances of their formats (another SisPT
 * municipality, another Cundinamarca municipality's 2024–2027 blocks, Cali's other quarter).
 */
maybe('--corte in a year the workbook does not hold', () => {
  const { dir, cleanup } = tempDir('formats-corte-');
  let others: Awaited<ReturnType<typeof buildOtherInstances>>;
  beforeAll(async () => {
    others = await buildOtherInstances(dir);
  });
  afterAll(cleanup);
  const now = { now: new Date(2026, 11, 3) };
  const term = 'La fecha de corte 30/06/2030 está fuera de la vigencia del libro: trae el plan indicativo de 2024 a 2027; use una fecha de corte entre 2024 y 2027.';
  const reading: string[][] = [
    ['validar'],
    ['validar', '--json'],
    ['reporte', '--json'],
    ['informe', '-o', 'i.html'],
    ['generar', '-o', 'g.xlsx'],
    ['columnas'],
    ['consolidar', '-o', 'c.xlsx'],
    ['devolver', '-o', 'devoluciones'],
  ];

  it.each(reading.map((v) => [v.join(' '), v]))('SisPT --corte 2030-06-30, %s: exit 2, one line naming the term', async (_name, argv) => {
    const [verb, ...rest] = argv as string[];
    const r = await tablero([verb, sispt, '--corte', '2030-06-30', ...rest], dir, now);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(term);
    for (const out of ['i.html', 'g.xlsx', 'c.xlsx', 'devoluciones']) expect(existsSync(path.join(dir, out))).toBe(false);
  });

  it('a cut-off inside the term is still read (2026: the plan\'s third year)', async () => {
    const r = await tablero(['reporte', sispt, '--corte', '2026-06-30', '--json'], dir, now);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { vigencia: number; cutoff: string }).vigencia).toBe(2026);
  });

  it.each([
    ['tenjo-pdm-seguimiento.xlsx', 'trae el seguimiento de 2024 a 2027; use una fecha de corte entre 2024 y 2027.'],
    ['cali-cuadro1s-plan-accion-T2-2025.xlsx', 'trae el seguimiento de la vigencia 2025; use una fecha de corte de 2025.'],
  ])('%s --corte 2030-06-30: usage error naming the years it holds', async (name, words) => {
    for (const verb of ['validar', 'reporte']) {
      const r = await tablero([verb, real(name), '--corte', '2030-06-30'], dir, now);
      expect([r.code, r.stderr]).toEqual([2, `tablero: La fecha de corte 30/06/2030 está fuera de la vigencia del libro: ${words}\n`]);
    }
  });

  it('other instances: another SisPT plan and another Cundinamarca PDM cut in 2031 are refused; Cali T4 cut in 2026 too', async () => {
    for (const [file, corte] of [
      [others[SISPT_OTHER], '2031-03-31'],
      [others[CUNDINAMARCA_2026], '2031-03-31'],
      [others[CALI_T4], '2026-03-31'],
    ] as const) {
      const r = await tablero(['validar', file, '--corte', corte], dir, now);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^tablero: La fecha de corte \d\d\/\d\d\/20\d\d está fuera de la vigencia[^\n]*; use una fecha de corte (de|entre) 20\d\d[^\n]*\.\n$/);
      expect(r.stdout).toBe('');
    }
  }, 60_000);
});
