/**
 * `--force` replaces only a regular file (issue 12, defect 10): a symlink, a FIFO (and, by the same
 * check, a device or a socket) is refused with one Spanish line, exit 2, and left as it was. Before,
 * `-o /dev/full --force` as root turned the device into a file. (Devices are not tried here: a
 * regression would replace one.)
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, expectOneCleanLine, tablero, tempDir } from './io';

const { dir, cleanup } = tempDir('tablero-out-kinds-');
afterAll(cleanup);

describe('generar --force onto something that is not a regular file', () => {
  it('a symlink (to a file of the person\'s) is refused, the link and its target untouched', async () => {
    const target = path.join(dir, 'informe-del-alcalde.xlsx');
    writeFileSync(target, 'el informe');
    symlinkSync(target, path.join(dir, 'enlace.xlsx'));
    const r = await tablero(['generar', examples.capture, '-o', 'enlace.xlsx', '--force'], dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe('tablero: La salida «enlace.xlsx» es un enlace simbólico; el tablero solo reemplaza archivos comunes. Indique otro nombre con -o.\n');
    expect(lstatSync(path.join(dir, 'enlace.xlsx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'enlace.xlsx'))).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('el informe');
  });

  it('a FIFO is refused and stays a FIFO (with or without --force)', async () => {
    execFileSync('mkfifo', [path.join(dir, 'tuberia.xlsx')]);
    for (const force of [['--force'], []]) {
      const r = await tablero(['generar', examples.capture, '-o', 'tuberia.xlsx', ...force], dir);
      expect(r.code).toBe(2);
      expectOneCleanLine(r.stderr);
      expect(r.stderr).toMatch(/^tablero: La salida «tuberia\.xlsx» no es un archivo común \(es un dispositivo, una tubería o un socket\)/);
      expect(lstatSync(path.join(dir, 'tuberia.xlsx')).isFIFO()).toBe(true);
    }
  });

  it('a regular file is still replaced with --force', async () => {
    writeFileSync(path.join(dir, 'anterior.xlsx'), 'versión anterior');
    const r = await tablero(['generar', examples.capture, '-o', 'anterior.xlsx', '--force'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'anterior.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});
