/** The real `npm run tablero` script, end to end, in a child process. */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './io';

describe('npm run tablero (child process)', () => {
  it('validar <example> --json prints the JSON on stdout and exits 1', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', '--silent', 'tablero', '--', 'validar', 'examples/hoja-captura-T2-2025.xlsx', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.files[0].file).toBe('examples/hoja-captura-T2-2025.xlsx');
    expect(json.errors).toBe(3);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a missing file: exit 2, one line on stderr, no stack trace', () => {
    const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'src/cli/main.ts', 'validar', 'no-existe.xlsx'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tablero: No se encontró el archivo «no-existe.xlsx».\n');
  });
});
