/**
 * Generar for one unit (issue 13, item 2, the pane's part): a reviewer who generates «Alertas» for
 * Salud expects Salud's alerts in a sheet of their own, beside the all-units «Alertas» — not the
 * all-units sheet replaced. The unit's sheet is named within Excel's rules (31 characters, no
 * `: \ / ? * [ ]`, CATALOG.md #12), a second generation for the same unit replaces its own sheet,
 * and the all-units sheet never takes a unit's (`placeGeneratedSheet`). Over the Excel double with
 * the example capture workbook.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { unitSheetName } from '../../src/app/generate';
import { placeGeneratedSheet } from '../../src/app/registry';
import { createPaneUseCases } from '../../src/app/pane';
import { createExcelWiring } from '../../src/excel/wiring';
import { createPaneActions, type RunControl } from '../../src/taskpane/controller';
import { validSheetName } from '../excel-double/api';
import { excelOf, officeOf } from '../excel-double/harness';
import { doubleFromWorkbook, workbookOf } from '../contract/hosts';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'hoja-captura-T2-2025.xlsx');
const run: RunControl = { progress: { report: () => undefined }, cancel: { cancelled: false } };

describe('the name of a unit’s own sheet', () => {
  const cali = [
    'Departamento Administrativo de Control Disciplinario Interno',
    'Departamento Administrativo de Control Disciplinario Externo',
    'Departamento Administrativo de Gestión del Medio Ambiente',
    'Unidad Administrativa Especial de Servicios Públicos',
    "Sec. Hacienda / Tesorería [caja]: ¿pagos?*",
    "'Oficina Asesora de Comunicaciones'",
    '   ',
  ];

  it('is the unit’s full name when it fits, else its short name, always a valid, distinct Excel name', () => {
    expect(unitSheetName('alertas', 'Secretaría de Salud')).toBe('Alertas – Secretaría de Salud');
    expect(unitSheetName('observaciones', 'Secretaría de Salud')).toBe('Observaciones – Salud');
    expect(unitSheetName('alertas', 'Departamento Administrativo de Gestión del Medio Ambiente')).toBe('Alertas – Gestión del Medio Am…');
    for (const kind of ['alertas', 'observaciones'] as const) {
      const names = cali.map((u) => unitSheetName(kind, u, cali));
      for (const n of names) {
        expect(validSheetName(n)).toBe(true);
        expect(n.length).toBeLessThanOrEqual(31);
      }
      expect(new Set(names.map((n) => n.toLocaleLowerCase('es'))).size).toBe(names.length);
    }
    // The two «Control Disciplinario» units meet once cut: each gets its own number (alphabetical: Externo, Interno), the same every time.
    expect(unitSheetName('alertas', cali[0], cali)).toMatch(/ \(2\)$/);
    expect(unitSheetName('alertas', cali[1], cali)).toMatch(/ \(1\)$/);
    expect(unitSheetName('alertas', cali[1], [...cali].reverse())).toBe(unitSheetName('alertas', cali[1], cali));
  });
});

describe('where a unit’s sheet goes', () => {
  const sheets = (...s: [string, 'alertas' | null][]) => s.map(([name, productKind]) => ({ name, productKind }));

  it('a unit’s sheet replaces only its own; the all-units sheet never takes a unit’s; a renamed all-units sheet is still found', () => {
    const both = sheets(['Alertas', 'alertas'], ['Alertas – Salud', 'alertas']);
    expect(placeGeneratedSheet('Alertas – Salud', 'alertas', both)).toEqual({ name: 'Alertas – Salud', replace: true });
    expect(placeGeneratedSheet('Alertas – Educación', 'alertas', both)).toEqual({ name: 'Alertas – Educación', replace: false });
    expect(placeGeneratedSheet('Alertas', 'alertas', both)).toEqual({ name: 'Alertas', replace: true });
    expect(placeGeneratedSheet('Alertas', 'alertas', sheets(['Alertas – Salud', 'alertas']))).toEqual({ name: 'Alertas', replace: false });
    const renamed = sheets(['Alertas T2', 'alertas']);
    expect(placeGeneratedSheet('Alertas', 'alertas', renamed)).toEqual({ name: 'Alertas T2', replace: true });
    expect(placeGeneratedSheet('Alertas – Salud', 'alertas', renamed)).toEqual({ name: 'Alertas – Salud', replace: false });
    // A person's own sheet of that name is never taken.
    expect(placeGeneratedSheet('Alertas – Salud', 'alertas', sheets(['Alertas – Salud', null]))).toEqual({ name: 'Alertas – Salud (2)', replace: false });
  });

  it('in the pane over the Excel double: Alertas for Salud goes beside «Alertas», again for Salud replaces its own, and «Alertas» again leaves Salud’s', async () => {
    const xl = doubleFromWorkbook(await workbookOf(readFileSync(EXAMPLE)), { workbookName: 'hoja-captura-T2-2025.xlsx' });
    const { host, generateSheet } = createExcelWiring({ excel: excelOf(xl), office: officeOf(xl) });
    const pane = createPaneActions(host, createPaneUseCases(generateSheet));
    const names = () => xl.wb.sheets.map((s) => s.name);
    const title = (sheet: string) => [...xl.values(sheet).values()].map(String).find((v) => v.startsWith('Alertas de metas rezagadas'));

    expect(await pane.generate('alertas', run)).toBe('Alertas');
    const all = title('Alertas');
    expect(all).not.toMatch(/— Secretaría de Salud$/);
    expect(await pane.generate('alertas', run, 'Secretaría de Salud')).toBe('Alertas – Secretaría de Salud');
    expect(title('Alertas – Secretaría de Salud')).toMatch(/— Secretaría de Salud$/);
    expect(title('Alertas')).toBe(all);
    const count = names().length;
    expect(await pane.generate('alertas', run, 'Secretaría de Salud')).toBe('Alertas – Secretaría de Salud');
    expect(names()).toHaveLength(count);
    expect(await pane.generate('observaciones', run, 'Secretaría de Salud')).toBe('Observaciones – Salud');
    expect(await pane.generate('alertas', run)).toBe('Alertas');
    expect(names()).toEqual(expect.arrayContaining(['Alertas', 'Alertas – Secretaría de Salud', 'Observaciones – Salud']));
    expect(title('Alertas – Secretaría de Salud')).toMatch(/— Secretaría de Salud$/);
    expect(names().filter((n) => n.startsWith('Alertas'))).toHaveLength(2);
  }, 60_000);
});
