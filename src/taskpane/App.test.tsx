/** @jest-environment jsdom */
/**
 * The pane against a fake WorkbookHost and fake use cases: what a user sees and what reaches the
 * host. The real engine and the real adapter run in test/browser/pane.test.ts.
 */
import { ExcelHostError } from '../excel/errors';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CancelToken, ProgressReporter, WorkbookHost, WorkbookSettings } from '../app/ports';
import type { Finding } from '../domain/finding';
import type { WorkbookGrids } from '../domain/grid';
import { App } from './App';
import { createPaneActions, genericErrorMessage } from './controller';
import { type Detection, type PaneUseCases, type ValidationOutcome } from '../app/pane';

const grids: WorkbookGrids = { name: 'Libro', sheets: [] };

const detection: Detection = {
  sheets: [
    { name: 'PA 2025', kind: 'plan-accion', summary: 'PE-F-012 — plan de acción, 124 filas' },
    { name: 'HC T2', kind: 'hoja-captura', summary: 'Hoja de captura T2, 38 metas' },
  ],
  unknown: ['Notas'],
};

function finding(rule: string, severity: Finding['severity'], cell: string, message: string, sheet = 'HC T2'): Finding {
  return { rule, severity, sheet, cell, row: Number(cell.replace(/^[A-Z]+/, '')), message };
}

const mixed: Finding[] = [
  finding('budget-chain', 'error', 'R14', 'Las obligaciones ($ 12.000.000) superan los compromisos ($ 9.500.000).'),
  finding('required', 'error', 'C9', 'Falta la unidad de medida.'),
  finding('required', 'error', 'C11', 'Falta la unidad de medida.'),
  finding('evidence-required', 'warning', 'Z20', 'Hay ejecución en T2 y no hay evidencia.'),
];

function outcomeOf(findings: Finding[]): ValidationOutcome {
  return {
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    detection,
  };
}

class FakeHost implements WorkbookHost {
  settings: WorkbookSettings = { entity: 'Alcaldía de Prueba', vigencia: 2025, lagThreshold: 0.8 };
  calls: string[] = [];
  marked: Finding[] | null = null;
  selected: [string, string] | null = null;
  saved: WorkbookSettings | null = null;
  readImpl: (scope: 'workbook' | 'active', progress?: ProgressReporter, cancel?: CancelToken) => Promise<WorkbookGrids> = async () => grids;

  readGrids(scope: 'workbook' | 'active', progress?: ProgressReporter, cancel?: CancelToken) {
    this.calls.push(`readGrids:${scope}`);
    return this.readImpl(scope, progress, cancel);
  }
  async writeMarks(findings: readonly Finding[]) {
    this.calls.push('writeMarks');
    this.marked = [...findings];
  }
  async clearMarks() {
    this.calls.push('clearMarks');
  }
  async selectCell(sheet: string, cell: string) {
    this.calls.push('selectCell');
    this.selected = [sheet, cell];
  }
  async loadSettings() {
    return this.settings;
  }
  async saveSettings(s: WorkbookSettings) {
    this.saved = s;
    this.settings = s;
  }
  async insertTemplate(kind: string) {
    this.calls.push(`insertTemplate:${kind}`);
    return 'Plan de acción';
  }
  async saveMapping() {
    this.calls.push('saveMapping');
  }
}

function fakeUseCases(findings: Finding[]): PaneUseCases & { generated: string[] } {
  const generated: string[] = [];
  return {
    generated,
    detect: () => detection,
    validate: async () => outcomeOf(findings),
    async generate(kind) {
      generated.push(kind);
      return 'Tablero de control';
    },
    informe: async (_grids, _settings, publico) => ({ html: '<html></html>', summary: publico ? 'plan de acción 2025 para publicar' : 'informe de seguimiento al corte 30/06/2025 (2 metas, 1 rezagadas)' }),
    ruleTitle: (id) => ({ 'budget-chain': 'Cadena presupuestal no cuadra', required: 'Celda obligatoria vacía', 'evidence-required': 'Falta la evidencia' })[id] ?? id,
  };
}

function setup(findings: Finding[] = mixed, host = new FakeHost()) {
  const useCases = fakeUseCases(findings);
  const actions = createPaneActions(host, useCases);
  render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} />
    </FluentProvider>,
  );
  return { host, useCases };
}

async function clickValidar() {
  fireEvent.click(screen.getByRole('button', { name: /^Validar$/ }));
  await screen.findByRole('heading', { name: /Resultado/ });
}

beforeAll(() => {
  // Fluent's motion asks for prefers-reduced-motion; jsdom has no matchMedia.
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      value: (query: string) => ({ matches: false, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false }),
    });
  }
});

afterEach(cleanup);

describe('task pane', () => {
  test('says what it detected in the workbook', async () => {
    setup();
    expect(await screen.findByText('PE-F-012 — plan de acción, 124 filas')).toBeTruthy();
    expect(screen.getByText('Hoja de captura T2, 38 metas')).toBeTruthy();
    expect(screen.getByText(/Sin reconocer: Notas/)).toBeTruthy();
  });

  test('Validar lists the findings grouped by severity then rule, with counts, and marks them', async () => {
    const { host } = setup();
    await clickValidar();

    expect(screen.getByText('3 errores')).toBeTruthy();
    expect(screen.getByText('1 advertencia')).toBeTruthy();
    expect(screen.queryByText('Listo para enviar')).toBeNull();

    const errors = await screen.findByRole('region', { name: 'Errores' }, { timeout: 10_000 });
    const warnings = await screen.findByRole('region', { name: 'Advertencias' }, { timeout: 10_000 });
    // Errors come before warnings; inside errors, the rule with most findings first.
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const ruleHeaders = within(errors).getAllByRole('button', { expanded: true }).map((b) => b.textContent);
    expect(ruleHeaders[0]).toContain('Celda obligatoria vacía');
    expect(ruleHeaders[0]).toContain('2');
    expect(ruleHeaders[1]).toContain('Cadena presupuestal no cuadra');
    expect(within(warnings).getByText('Falta la evidencia')).toBeTruthy();

    // Cells of one rule in sheet order.
    const items = within(errors).getAllByRole('button', { name: /^Ir a la celda/ }).map((b) => b.textContent);
    expect(items[0]).toMatch(/^Ir a la celda C9 · HC T2: Falta la unidad de medida/);
    expect(items[1]).toMatch(/^Ir a la celda C11 · HC T2: /);

    expect(host.calls).toEqual(['readGrids:workbook', 'readGrids:workbook', 'clearMarks', 'writeMarks']);
    expect(host.marked).toHaveLength(4);
  });

  test('active-sheet scope reads only the active sheet', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Hoja activa' }));
    await clickValidar();
    expect(host.calls).toContain('readGrids:active');
    expect(screen.getByRole('heading', { name: /Resultado \(hoja activa\)/ })).toBeTruthy();
  });

  test('a click on a finding selects its cell through the host', async () => {
    const { host } = setup();
    await clickValidar();
    fireEvent.click(await screen.findByRole('button', { name: /Ir a la celda R14 · HC T2/ }, { timeout: 10_000 }));
    await waitFor(() => expect(host.selected).toEqual(['HC T2', 'R14']));
  });

  test('findings are focusable buttons (keyboard)', async () => {
    setup();
    await clickValidar();
    const button = await screen.findByRole('button', { name: /Ir a la celda R14/ }, { timeout: 10_000 });
    expect(button.tagName).toBe('BUTTON');
    button.focus();
    expect(document.activeElement).toBe(button);
  });

  test('"Listo para enviar" when there is no error', async () => {
    setup([finding('evidence-required', 'warning', 'Z20', 'Hay ejecución en T2 y no hay evidencia.')]);
    await clickValidar();
    expect(screen.getByText('Listo para enviar')).toBeTruthy();
    expect(screen.getByText('0 errores')).toBeTruthy();
  });

  test('"Listo para enviar" with no finding at all', async () => {
    setup([]);
    await clickValidar();
    expect(screen.getByText('Listo para enviar')).toBeTruthy();
    expect(screen.getByText('No se encontraron errores ni advertencias.')).toBeTruthy();
  });

  test('an unexpected host error becomes plain Spanish, never a stack trace', async () => {
    const host = new FakeHost();
    host.readImpl = async () => {
      const e = new TypeError("Cannot read properties of undefined (reading 'values')");
      e.stack = "TypeError: Cannot read properties of undefined (reading 'values')\n    at readGrids (excel/read.ts:120:5)";
      throw e;
    };
    setup(mixed, host);
    fireEvent.click(screen.getByRole('button', { name: /^Validar$/ }));
    const alert = await screen.findByText(genericErrorMessage);
    const bar = alert.closest('[role="group"]') ?? alert.parentElement!;
    expect(bar.textContent).not.toMatch(/TypeError|Cannot read|\bat\s|\.ts:\d/);
    expect(document.body.textContent).not.toMatch(/TypeError|excel\/read\.ts/);
    expect(host.calls).not.toContain('writeMarks');
  });

  test("the adapter's Spanish error and Office error codes are shown as such", async () => {
    const host = new FakeHost();
    host.readImpl = async () => {
      throw new ExcelHostError('protected', 'La hoja «HC T2» está protegida: desprotéjala (Revisar › Desproteger hoja) y vuelva a intentar.');
    };
    setup(mixed, host);
    fireEvent.click(screen.getByRole('button', { name: /^Validar$/ }));
    expect(await screen.findByText(/La hoja «HC T2» está protegida/)).toBeTruthy();

    host.readImpl = async () => {
      throw Object.assign(new Error('The operation cannot be performed in cell edit mode.'), { code: 'InvalidOperationInCellEditMode' });
    };
    fireEvent.click(screen.getByRole('button', { name: /^Validar$/ }));
    expect(await screen.findByText(/Excel está editando una celda/)).toBeTruthy();
    expect(screen.queryByText(/cell edit mode/)).toBeNull();
  });

  test('Cancelar stops the progress and nothing is marked', async () => {
    const host = new FakeHost();
    let release: () => void = () => undefined;
    let reads = 0;
    host.readImpl = (_scope, progress) =>
      ++reads === 1
        ? Promise.resolve(grids) // the detection on opening
        : new Promise<WorkbookGrids>((resolve) => {
            progress?.report('Leyendo hojas', 1, 4);
            release = () => resolve(grids);
          });
    setup(mixed, host);
    await screen.findByText('Hoja de captura T2, 38 metas');
    fireEvent.click(screen.getByRole('button', { name: /^Validar$/ }));
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    expect(await screen.findByText(/Leyendo hojas: 1 de 4/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Validar$/ }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(await screen.findByText(/Operación cancelada/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: /^Validar$/ }).hasAttribute('disabled')).toBe(false);

    // The host finishes its read later: the cancelled run must not mark anything.
    await act(async () => {
      release();
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(host.calls).not.toContain('writeMarks');
    expect(screen.queryByRole('heading', { name: /Resultado/ })).toBeNull();
  });

  test('Limpiar marcas clears through the host and says so', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Limpiar marcas' }));
    expect(await screen.findByText(/Se quitaron las marcas/)).toBeTruthy();
    expect(host.calls).toContain('clearMarks');
  });

  test('Generar tablero / alertas / observaciones run the use case and name the sheet', async () => {
    const { useCases } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Generar' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Generar tablero' }, { timeout: 10_000 }));
    expect(await screen.findByText('Listo: se generó la hoja «Tablero de control».')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Generar alertas' }));
    await waitFor(() => expect(useCases.generated).toEqual(['tablero', 'alertas']));
  });

  test('Insertar plantilla inserts the chosen kind', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Generar' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Plantilla' }, { timeout: 10_000 }), { target: { value: 'hoja-captura' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insertar plantilla' }));
    expect(await screen.findByText(/Se insertó la plantilla/)).toBeTruthy();
    expect(host.calls).toContain('insertTemplate:hoja-captura');
  });

  test('settings are saved through the host', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Ajustes' }));
    const entity = await screen.findByRole('textbox', { name: 'Entidad' }, { timeout: 10_000 });
    expect((entity as HTMLInputElement).value).toBe('Alcaldía de Prueba');
    fireEvent.change(entity, { target: { value: 'Alcaldía de San Juan de Pasto' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Vigencia' }), { target: { value: '2026' } });
    fireEvent.change(screen.getByLabelText('Fecha de corte'), { target: { value: '2026-06-30' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Umbral de rezago/ }), { target: { value: '75,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar ajustes' }));
    expect(await screen.findByText('Ajustes guardados en el libro.')).toBeTruthy();
    expect(host.saved).toEqual({ entity: 'Alcaldía de San Juan de Pasto', vigencia: 2026, cutoff: '2026-06-30', lagThreshold: 0.755 });
  });

  test('wrong settings get a Spanish message and are not saved', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Ajustes' }));
    const vigencia = await screen.findByRole('spinbutton', { name: 'Vigencia' }, { timeout: 10_000 });
    fireEvent.change(vigencia, { target: { value: '25' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Umbral de rezago/ }), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar ajustes' }));
    expect(await screen.findByText('Escriba un año de cuatro cifras, por ejemplo 2025.')).toBeTruthy();
    expect(screen.getByText('Escriba un porcentaje entre 1 y 100.')).toBeTruthy();
    expect(host.saved).toBeNull();
  });

  test('a cut-off outside the vigencia is refused, as --corte with --vigencia is', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('tab', { name: 'Ajustes' }));
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Vigencia' }, { timeout: 10_000 }), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText('Fecha de corte'), { target: { value: '2024-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar ajustes' }));
    expect(await screen.findByText('La fecha de corte debe ser de la vigencia 2025; cambie la fecha o la vigencia.')).toBeTruthy();
    expect(host.saved).toBeNull();
  });
});
