import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeXlsx } from '../helpers/xlsx';
import { examples, expectOneCleanLine, tablero, tempDir } from './io';

describe('tablero validar', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it('exits 0 on a clean workbook and says it is ready to send', async () => {
    const r = await tablero(['validar', examples.clean], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('PE-F-012 — plan de acción, 24 filas');
    expect(r.stdout).toContain('HC T2 — hoja de captura, 14 metas');
    expect(r.stdout).toContain('listo para enviar');
    expect(r.stdout).not.toContain('\u001b['); // no colour when not asked
  });

  it('exits 1 and prints exactly the documented JSON when there are errors', async () => {
    const r = await tablero(['validar', examples.capture, '--json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['files', 'errors', 'warnings']);
    expect(json.files).toHaveLength(1);
    const file = json.files[0];
    expect(Object.keys(file)).toEqual(['file', 'sheets', 'findings', 'errors', 'warnings']);
    expect(file.file).toBe(examples.capture); // as given on the command line
    expect(file.sheets).toEqual([
      { name: 'PE-F-012', kind: 'plan-accion', format: 'Plan de acción, formato PE-F-012', headerRow: 7, dataRows: 24 },
      { name: 'HC T2', kind: 'hoja-captura', headerRow: 8, dataRows: 14 },
    ]);
    for (const f of file.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'sheet', 'cell', 'row', 'goal', 'message']);
    }
    expect(file.findings).toContainEqual({
      rule: 'budget-chain',
      severity: 'error',
      sheet: 'HC T2',
      cell: 'U17',
      row: 17,
      goal: '2402060',
      message: expect.stringContaining('Las obligaciones ($ 120.000.000) superan los compromisos ($ 95.000.000)'),
    });
    // 3 errors; warnings: 1 number-as-text + 5 over-execution + 2 budget-ahead (test/cli/examples.test.ts).
    expect([file.errors, file.warnings, json.errors, json.warnings]).toEqual([3, 8, 3, 8]);
  });

  it('names files as given on the command line (relative stays relative)', async () => {
    await fs.copyFile(examples.clean, path.join(dir, 'hc-salud.xlsx'));
    const r = await tablero(['validar', 'hc-salud.xlsx', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].file).toBe('hc-salud.xlsx');
  });

  it('prints a finding quoting a cell with line breaks on one line of text; --json keeps the cell as typed', async () => {
    // As in Tenjo's «L.B»: a baseline written as a note over three lines in a number column.
    const file = path.join(dir, 'linea-base-en-lineas.xlsx');
    const typed = '2 Estrategias (Reforestación)\n880 has DMI\r\n308 Has del municipio';
    await writeXlsx(file, [
      {
        name: 'HC T2',
        rows: [
          ['Alcaldía de Tenjo'],
          ['Vigencia: 2025'],
          ['Fecha de corte: 30/06/2025'],
          [],
          ['Código meta producto', 'Meta de producto', 'Dependencia', 'Tipo de acumulación', 'Línea base', 'Meta vigencia',
            'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4', 'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4'],
          ['AMB-01', 'Reforestar\nhectáreas', 'Secretaría de Ambiente', 'Suma', typed, 100, 25, 25, 25, 25, 25, 25, null, null],
        ],
      },
    ]);
    const text = await tablero(['validar', file], dir);
    const line = text.stdout.split('\n').filter((l) => l.includes('no es un número válido'));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain('«2 Estrategias (Reforestación) 880 has DMI 308 Has del municipio» no es un número válido');
    // Every line of the text report is the file line, an indented line or blank.
    expect(text.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('  ') && !l.startsWith(file))).toEqual([]);
    const json = JSON.parse((await tablero(['validar', file, '--json'], dir)).stdout);
    const msg = json.files[0].findings.find((f: { rule: string; cell: string }) => f.cell === 'E6')?.message as string;
    expect(msg).toContain('308 Has del municipio');
    expect(msg).toMatch(/\n880 has DMI/);
  });

  it('exits 0 with warnings only', async () => {
    const file = path.join(dir, 'solo-advertencias.xlsx');
    await writeXlsx(file, [
      {
        name: 'HC T2',
        rows: [
          ['Alcaldía de San Juan de Pasto'],
          ['Vigencia: 2025'],
          ['Fecha de corte: 30/06/2025'],
          [],
          ['Código meta producto', 'Meta de producto', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia',
            'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4',
            'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4', 'Compromisos', 'Análisis del avance', 'Evidencia'],
          ['GOB-01', 'Capacitar 100 servidores', 'Secretaría de Gobierno', 'Suma', 100, 25, 25, 25, 25, 25, 25, null, null, '1.234.567', 'Al día', 'Listas de asistencia'],
        ],
      },
    ]);
    const r = await tablero(['validar', file, '--json'], dir);
    const json = JSON.parse(r.stdout);
    expect(json.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['number-as-text']);
    expect(r.code).toBe(0);
  });

  it('several files: an unusable one appears as { file, error } and the exit code is 2', async () => {
    const r = await tablero(['validar', examples.clean, 'no-existe.xlsx', '--json'], dir);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.files[1]).toEqual({ file: 'no-existe.xlsx', error: 'No se encontró el archivo «no-existe.xlsx».' });
    expect(Object.keys(json.files[0])).toEqual(['file', 'sheets', 'findings', 'errors', 'warnings']);
    expectOneCleanLine(r.stderr);
  });

  it('human output of several files groups findings per file and sheet with totals', async () => {
    const r = await tablero(['validar', examples.plan, examples.capture], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Hojas no reconocidas: Instrucciones');
    expect(r.stdout).toMatch(/W21 +error +Fecha de inicio posterior a la de fin \(date-order\) +La fecha de inicio \(15\/12\/2025\) es posterior/);
    expect(r.stdout).toMatch(/Z9 +advertencia +Número escrito como texto \(number-as-text\)/);
    expect(r.stdout).toContain('Total: 2 archivos; 5 errores, 9 advertencias.');
  });

  it("an output of generar sent back for review is validated on the units' sheets only, never on its own Tablero or Alertas", async () => {
    const out = path.join(dir, 'revisado.xlsx');
    const g = await tablero(['generar', examples.capture, '--corte', '2025-06-30', '-o', out], dir);
    expect(g.code).toBe(0);
    for (const verb of ['validar', 'reporte']) {
      const a = await tablero([verb, examples.capture, '--corte', '2025-06-30', '--json'], dir);
      const b = await tablero([verb, out, '--corte', '2025-06-30', '--json'], dir);
      expect(b.code).toBe(a.code);
      const body = (s: string) => {
        const j = JSON.parse(s) as { files?: { file: string }[] };
        for (const f of j.files ?? []) f.file = 'x';
        return j;
      };
      expect(body(b.stdout)).toEqual(body(a.stdout));
    }
  }, 60_000);

  it('--corte changes the cut-off used', async () => {
    const r = await tablero(['validar', examples.clean, '--corte', '2025-03-31'], dir);
    expect(r.stdout).toContain('(corte 31/03/2025)');
  });

  it('colours only when asked (terminal and NO_COLOR unset), never in --json', async () => {
    const human = await tablero(['validar', examples.capture], dir, { deps: { colour: true } });
    expect(human.stdout).toContain('\u001b[31m');
    const json = await tablero(['validar', examples.capture, '--json'], dir, { deps: { colour: true } });
    expect(json.stdout).not.toContain('\u001b[');
  });

  it('draws a progress bar on stderr for several files on a terminal, keeping stdout pure JSON', async () => {
    const r = await tablero(['validar', examples.clean, examples.capture, '--json'], dir, { tty: true });
    expect(r.stderr).toContain('Validando');
    expect(r.stderr).toContain('\r');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
