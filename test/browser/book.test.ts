/**
 * «Libro › En este libro» in the PRODUCTION build of the pane, in Chromium, over the Excel double
 * loaded with a layout no description knows (test/helpers/unknown-layout.ts): the pane shows the
 * reading (the code of the goal not found); the user picks each missed field's column from the
 * sheet's headers (Fluent Dropdowns); the choices are stored IN THE WORKBOOK (the very hidden
 * `_tablero_pdm_mapa`); Validar in the pane then reads the sheet with them — the same findings as
 * the engine gives on the same sheet with its original headers — and `tablero validar` on the
 * workbook saved with that sheet honours the stored mapping too.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtPane, CHROMIUM, openPaneOn, OUTPUT, type BuiltPane } from './harness';
import { fixtureOf } from './fixture';
import { tablero, tempDir } from '../cli/io';
import { unkey } from '../excel-double/state';
import { UNKNOWN_SHEET, unknownLayoutWorkbook, withSavedSheet, type SavedSheet } from '../helpers/unknown-layout';
import { MAPPING_SHEET } from '../../src/domain/mapping';
import { createPaneUseCases } from '../../src/app/pane';
import { gridsOfWorkbook, loadWorkbook } from '../../src/xlsx/read';

const haveChromium = existsSync(CHROMIUM);
const describeBrowser = haveChromium || process.env.CI ? describe : describe.skip;
if (!haveChromium) console.warn(`book.test.ts: no Chromium at ${CHROMIUM}; the browser test is skipped.`);

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('es-CO')} ${n === 1 ? one : many}`;

/** The fields the general matcher misses on the renamed sheet, and the column the user picks for each. */
const picks: readonly [label: string, option: string, listed: boolean][] = [
  ['Código meta producto', 'C — Identificador del compromiso', true],
  ['Tipo de acumulación', 'F — Forma de acumular', true],
  ['Línea base', 'G — Valor inicial', false],
  ['Compromisos', 'T — Valor comprometido', false],
  ['Obligaciones', 'U — Valor obligado', false],
  ['Pagos', 'V — Valor pagado', false],
  ['Estado de la meta', 'Y — Situación', false],
];

describeBrowser('«En este libro» in the built pane, over the Excel double', () => {
  let pane: BuiltPane;
  let dir: string;
  let cleanup: () => void;
  let renamed: Buffer;

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('tablero-libro-'));
    renamed = await unknownLayoutWorkbook(true);
    writeFileSync(path.join(dir, 'renombrada.xlsx'), renamed);
    writeFileSync(path.join(dir, 'original.xlsx'), await unknownLayoutWorkbook(false));
    pane = await builtPane();
    mkdirSync(OUTPUT, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await pane?.close();
    cleanup?.();
  });

  test('the user picks the missed columns; the mapping is stored in the workbook; Validar and the CLI read with it', async () => {
    const { context, page, errors } = await openPaneOn(pane, await fixtureOf(path.join(dir, 'renombrada.xlsx'), { active: UNKNOWN_SHEET }));
    await page.getByRole('tab', { name: 'Libro' }).click();
    await page.getByRole('heading', { name: 'En este libro' }).waitFor({ timeout: 20_000 });
    await page.getByRole('heading', { name: `Hoja «${UNKNOWN_SHEET}»` }).waitFor({ timeout: 20_000 });
    await page.getByText(/hoja de captura · formato general · encabezado en la fila 9 · 14 filas/).waitFor();
    // The reading says what it missed: the goal's code has no column.
    const code = page.getByRole('combobox', { name: /Código meta producto/ });
    expect(await code.textContent()).toContain('Sin columna');
    await page.getByText('No se encontró su columna: elíjala.').first().waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'libro-320.png'), fullPage: true });

    for (const [label, option, listed] of picks) {
      if (!listed) {
        await page.getByRole('combobox', { name: /Otro campo de esta hoja/ }).click();
        await page.getByRole('option', { name: label, exact: true }).click();
      }
      await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
      await page.getByText(new RegExp(`Guardado en el libro: el campo se lee de la columna ${option[0]}`)).waitFor({ timeout: 20_000 });
    }
    expect(await code.textContent()).toContain('C — Identificador del compromiso');
    expect(await page.getByText('No se encontró su columna: elíjala.').count()).toBe(0);
    await page.screenshot({ path: path.join(OUTPUT, 'libro-320-corregido.png'), fullPage: true });

    // Stored IN THE WORKBOOK: the double holds the very hidden mapping sheet.
    const saved = await page.evaluate((name) => {
      const xl = (window as unknown as { __excelDouble: { wb: { sheets: { name: string; visibility: string; cells: Map<number, { v: unknown }> }[] } } }).__excelDouble;
      const s = xl.wb.sheets.find((x) => x.name === name);
      return s ? { visibility: s.visibility, cells: [...s.cells.entries()].map(([k, c]) => [k, c.v] as [number, unknown]) } : null;
    }, MAPPING_SHEET);
    expect(saved?.visibility).toBe('VeryHidden');

    // Validar in the pane reads the sheet with the stored mapping: the engine's counts on the original headers.
    const grids = gridsOfWorkbook(await loadWorkbook(await unknownLayoutWorkbook(false)), 'original.xlsx');
    const expected = await createPaneUseCases(async () => "x").validate(grids, {});
    const unmapped = await createPaneUseCases(async () => "x").validate(gridsOfWorkbook(await loadWorkbook(renamed), 'r.xlsx'), {});
    expect([unmapped.errors, unmapped.warnings]).not.toEqual([expected.errors, expected.warnings]);
    await page.getByRole('tab', { name: 'Validar' }).click();
    await page.getByRole('button', { name: 'Validar', exact: true }).click();
    await page.getByRole('heading', { name: /^Resultado/ }).waitFor({ timeout: 30_000 });
    await page.getByText(plural(expected.errors, 'error', 'errores'), { exact: true }).waitFor();
    await page.getByText(plural(expected.warnings, 'advertencia', 'advertencias'), { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Errores' }).getByText(/no se encontró la columna|header-missing/i).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();

    // The workbook saved with that sheet: `tablero validar` honours the stored mapping, and says so.
    const sheet: SavedSheet = {
      name: MAPPING_SHEET,
      visibility: 'VeryHidden',
      cells: (saved?.cells ?? []).filter(([, v]) => v !== null && v !== '').map(([k, v]) => [unkey(k).row, unkey(k).col, v as string]),
    };
    writeFileSync(path.join(dir, 'guardado.xlsx'), await withSavedSheet(renamed, sheet));
    const json = async (file: string) => {
      const r = await tablero(['validar', file, '--corte', '2025-06-30', '--json'], dir);
      return (JSON.parse(r.stdout) as { files: { findings: { rule: string; cell: string; goal?: string }[] }[] }).files[0].findings.map((f) => `${f.rule} ${f.cell} ${f.goal ?? ''}`).sort();
    };
    expect(await json('guardado.xlsx')).toEqual(await json('original.xlsx'));
    const text = await tablero(['validar', 'guardado.xlsx', '--corte', '2025-06-30'], dir);
    expect(text.stdout).toContain('Se usó el mapa de columnas guardado en el libro (--mapa lo reemplaza).');
    const cols = await tablero(['columnas', 'guardado.xlsx'], dir);
    expect(cols.code).toBe(0);
    expect(cols.stdout).toMatch(/C\s+Identificador del compromiso\s+Código meta producto \(según el mapa\)/);
  }, 180_000);
});
