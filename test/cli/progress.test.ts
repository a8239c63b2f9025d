/**
 * Progress on stderr for ONE large file (issue 5, scale): "Leyendo «x.xlsx»: N filas…" while the
 * streaming reader reads, then the stage ("Validando …", "Calculando el reporte de …"). Only for
 * long work (the thresholds are injected small here); never on stdout, so `--json` stays
 * parseable; small files stay silent.
 */
import { examples, repoRoot, tablero, tempDir } from './io';
import { createProgress } from '../../src/cli/progress';
import type { CliIO } from '../../src/cli/types';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const small = { minRows: 1, minMs: 60_000, everyMs: 0 };

describe('progress of one large file on stderr', () => {
  it('validar --json with TABLERO_PROGRESO=1: progress lines on stderr, stdout is the JSON alone', async () => {
    const r = await tablero(['validar', examples.capture, '--corte', '2025-06-30', '--json'], dir, { plainProgress: true, deps: { progress: small } });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.files).toHaveLength(1);
    expect(r.stdout).not.toMatch(/Leyendo|Validando/);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^tablero: Leyendo «.*hoja-captura-T2-2025\.xlsx»: \d[\d.]* filas leídas\.$/);
    expect(lines[lines.length - 1]).toMatch(/^tablero: Validando «.*hoja-captura-T2-2025\.xlsx» \(\d[\d.]* filas\)…$/);
    expect(r.stderr).not.toMatch(/\r|\u001b/);
  });

  it('reporte --json with TABLERO_PROGRESO=1: progress lines on stderr, stdout is the report alone', async () => {
    const r = await tablero(['reporte', examples.capture, '--json'], dir, { plainProgress: true, deps: { progress: small } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).plan).toBeDefined();
    expect(r.stderr).toMatch(/^tablero: Leyendo «.*»: \d[\d.]* filas leídas\.$/m);
    expect(r.stderr).toMatch(/^tablero: Calculando el reporte de «.*» \(\d[\d.]* filas\)…$/m);
  });

  it('off a terminal (a pipe, CI) a long run writes no progress: stderr is empty, or the one line of what went wrong (issue 12)', async () => {
    for (const verb of ['validar', 'reporte']) {
      const r = await tablero([verb, examples.capture, '--json'], dir, { deps: { progress: small } });
      expect(r.stderr).toBe('');
    }
    const bad = await tablero(['validar', examples.capture, 'no-existe.xlsx'], dir, { deps: { progress: small } });
    expect(bad.stderr).toBe('tablero: No se encontró el archivo «no-existe.xlsx».\n');
  });

  it('small files under the default thresholds: nothing on stderr', async () => {
    const v = await tablero(['validar', examples.capture, '--json'], dir);
    const p = await tablero(['reporte', examples.plan, '--json'], dir);
    expect(v.stderr).toBe('');
    expect(p.stderr).toBe('');
  });

  it('an unusable file still gives one clean line (no progress noise)', async () => {
    const r = await tablero(['validar', 'no-existe.xlsx'], dir, { deps: { progress: small } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(['tablero: No se encontró el archivo «no-existe.xlsx».']);
  });
});

describe('createProgress (one file)', () => {
  function capture(tty: boolean): { io: CliIO; err: () => string } {
    let err = '';
    // Off a terminal, as with TABLERO_PROGRESO=1 (plain lines); without it nothing is written (tested above).
    return { io: { stdout: () => {}, stderr: (t) => void (err += t), stderrIsTTY: tty, plainProgress: !tty, cwd: repoRoot, now: new Date() }, err: () => err };
  }

  it('silent below the row and time thresholds, plain lines (Colombian thousands) once past them', () => {
    let t = 0;
    const { io, err } = capture(false);
    const p = createProgress(io, false, { minRows: 20_000, minMs: 2_000, everyMs: 1_000, now: () => t });
    p.rows('x.xlsx', 10_000);
    expect(err()).toBe('');
    t = 500;
    p.rows('x.xlsx', 20_000);
    t = 700;
    p.rows('x.xlsx', 30_000); // within everyMs of the last line: skipped
    t = 1_600;
    p.rows('x.xlsx', 120_000);
    p.rows('x.xlsx', 200_000, true);
    p.phase('Validando', 'x.xlsx');
    p.done();
    expect(err().split('\n').filter(Boolean)).toEqual([
      'tablero: Leyendo «x.xlsx»: 20.000 filas…',
      'tablero: Leyendo «x.xlsx»: 120.000 filas…',
      'tablero: Leyendo «x.xlsx»: 200.000 filas leídas.',
      'tablero: Validando «x.xlsx» (200.000 filas)…',
    ]);
  });

  it('long reading by time alone counts as long work', () => {
    let t = 0;
    const { io, err } = capture(false);
    const p = createProgress(io, false, { now: () => t });
    p.rows('lento.xlsx', 100);
    t = 2_500;
    p.rows('lento.xlsx', 300, true);
    expect(err()).toBe('tablero: Leyendo «lento.xlsx»: 300 filas leídas.\n');
  });

  it('a size known before reading (generar) decides alone whether the stages are shown', () => {
    const { io, err } = capture(false);
    const p = createProgress(io, false, { minRows: 5_000 });
    p.size('chico.xlsx', 4_999);
    p.phase('Leyendo', 'chico.xlsx');
    expect(err()).toBe('');
    p.size('grande.xlsx', 20_005);
    p.phase('Leyendo', 'grande.xlsx');
    p.phase('Generando el tablero de', 'grande.xlsx');
    expect(err()).toBe('tablero: Leyendo «grande.xlsx» (20.005 filas)…\ntablero: Generando el tablero de «grande.xlsx» (20.005 filas)…\n');
  });

  it('on a terminal the line is redrawn in place and erased at the end', () => {
    const { io, err } = capture(true);
    const p = createProgress(io, false, { minRows: 1 });
    p.rows('x.xlsx', 50_000, true);
    p.phase('Validando', 'x.xlsx');
    p.done();
    expect(err()).toBe('\r\u001b[2Ktablero: Leyendo «x.xlsx»: 50.000 filas leídas.\r\u001b[2Ktablero: Validando «x.xlsx» (50.000 filas)…\r\u001b[2K');
  });
});
