/**
 * Interrupting `tablero` while it writes (issue 12, defect 6), through the real process pair —
 * supervisor (`bin/tablero.js`, compiled) and worker: SIGINT ends with 130 and SIGTERM with 143,
 * as shells report them; a worker killed outright (SIGKILL) is one Spanish line, exit 2; and in
 * every case no half-written `.<salida>.<pid>.<hex>.tmp` stays in the output's folder.
 *
 * The signal is sent the moment the temporary file appears (inotify through `fs.watch`), while
 * `generar` writes a copy of a 6,000-goal capture sheet.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, watch } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, tempDir } from './io';
import { writeSyntheticCapture } from '../../bench/run';

const { dir, cleanup } = tempDir('tablero-signals-');
afterAll(cleanup);
const input = path.join(dir, 'captura-grande.xlsx');
beforeAll(() => writeSyntheticCapture(input, 6_000), 120_000);

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
  /** Whether the temporary file was seen before the signal was sent. */
  readonly seen: boolean;
  readonly left: string[];
}

/** Starts `generar`, sends `signal` to the supervisor or the worker when the temporary file appears. */
function interruptWhileWriting(signal: NodeJS.Signals, target: 'supervisor' | 'worker', name: string): Promise<Ended> {
  const outDir = path.join(dir, name);
  mkdirSync(outDir);
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'tablero.js'), 'generar', input, '-o', path.join(outDir, 'salida.xlsx')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let seen = false;
  const watcher = watch(outDir, (_event, file) => {
    if (seen || !String(file).endsWith('.tmp')) return;
    seen = true;
    const pid = target === 'supervisor' ? child.pid! : Number(execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
    process.kill(pid, signal);
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      watcher.close();
      resolve({ code, stderr, seen, left: readdirSync(outDir).filter((f) => f.endsWith('.tmp')) });
    });
  });
}

describe('interrupted while writing: the exit code names the signal, nothing half-written stays', () => {
  it('SIGTERM → 143, no temporary file', async () => {
    const r = await interruptWhileWriting('SIGTERM', 'supervisor', 'term');
    expect(r.seen).toBe(true);
    expect(r.code).toBe(143);
    expect(r.left).toEqual([]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it('SIGINT → 130, no temporary file', async () => {
    const r = await interruptWhileWriting('SIGINT', 'supervisor', 'int');
    expect(r.seen).toBe(true);
    expect(r.code).toBe(130);
    expect(r.left).toEqual([]);
  }, 120_000);

  it('the worker killed outright (SIGKILL) → 2, one Spanish line, no temporary file', async () => {
    const r = await interruptWhileWriting('SIGKILL', 'worker', 'kill');
    expect(r.seen).toBe(true);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tablero: el proceso de trabajo terminó de forma inesperada \(señal SIGKILL\)/m);
    expect(r.stderr.trim().split('\n').filter((l) => !/^tablero: (Leyendo|Validando|Calculando|Generando|Escribiendo) /.test(l))).toHaveLength(1);
    expect(r.left).toEqual([]);
  }, 120_000);
});
