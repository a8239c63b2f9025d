/** In-process CLI harness: captured streams, a temp folder, a fixed "today". */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import type { CliDeps } from '../../src/cli/deps';
import type { CliIO } from '../../src/cli/types';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const examples = {
  plan: path.join(repoRoot, 'examples', 'plan-accion-2025.xlsx'),
  capture: path.join(repoRoot, 'examples', 'hoja-captura-T2-2025.xlsx'),
  clean: path.join(repoRoot, 'test', 'fixtures', 'hoja-captura-limpia.xlsx'),
};

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'tablero-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary folder for the tests of a file (or of a `describe`, when called inside one): made
 * before they run, removed after. `dir` is its path once they run.
 */
export function suiteTempDir(prefix = 'tablero-cli-'): { readonly dir: string } {
  const at = { dir: '' };
  let cleanup = () => {};
  beforeAll(() => {
    ({ dir: at.dir, cleanup } = tempDir(prefix));
  });
  afterAll(() => cleanup());
  return at;
}

/** Runs `tablero <argv>` in-process with `cwd` and today = 10/07/2025. */
export async function tablero(argv: string[], cwd: string, opts: { tty?: boolean; plainProgress?: boolean; deps?: Partial<CliDeps>; now?: Date } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: opts.tty ?? false,
    plainProgress: opts.plainProgress,
    cwd,
    now: opts.now ?? new Date(2025, 6, 10),
  };
  const code = await run(argv, io, opts.deps);
  return { code, stdout, stderr };
}

/** One line, Spanish, no stack frames. */
export function expectOneCleanLine(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l.length > 0);
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).toMatch(/^tablero: /);
}

/** The bundled capture workbook written into `dir` as `name`, its title block saying another vigencia and cut-off. */
export async function captureVariant(dir: string, name: string, vigencia: string, corte: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(examples.capture);
  const ws = wb.getWorksheet('HC T2')!;
  ws.getCell('A4').value = `Vigencia: ${vigencia}`;
  ws.getCell('A5').value = `Fecha de corte: ${corte}`;
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
