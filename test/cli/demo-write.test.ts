import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../src/xlsx/write';
import { OutputError } from '../../src/app/errors';
import { examples, expectOneCleanLine, repoRoot, tablero, tempDir } from './io';

describe('tablero demo', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it('writes its results into the folder, refuses to repeat without --force, repeats with it', async () => {
    const r = await tablero(['demo', '-o', 'salida'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Escrito en salida:');
    const files = (await fs.readdir(path.join(dir, 'salida'))).sort();
    expect(files).toEqual(expect.arrayContaining([
      'hoja-captura-T2-2025.reporte.json',
      'hoja-captura-T2-2025.validacion.json',
      'plan-accion-2025.reporte.json',
      'plan-accion-2025.validacion.json',
    ]));
    const v = JSON.parse(await fs.readFile(path.join(dir, 'salida', 'hoja-captura-T2-2025.validacion.json'), 'utf8'));
    expect(v.errors).toBe(3);
    const rep = JSON.parse(await fs.readFile(path.join(dir, 'salida', 'hoja-captura-T2-2025.reporte.json'), 'utf8'));
    expect(rep.period).toBe('T2');

    const again = await tablero(['demo', '-o', 'salida'], dir);
    expect(again.code).toBe(2);
    expectOneCleanLine(again.stderr);
    expect(again.stderr).toContain('--force');
    const forced = await tablero(['demo', '-o', 'salida', '--force'], dir);
    expect(forced.code).toBe(0);
  });

  it('never writes into the examples folder', async () => {
    const before = (await fs.readdir(path.join(repoRoot, 'examples'))).sort();
    const r = await tablero(['demo', '-o', path.join(repoRoot, 'examples')], dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect((await fs.readdir(path.join(repoRoot, 'examples'))).sort()).toEqual(before);
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  it('never writes over an input, even through a symlink or a hard link, even with force', async () => {
    const input = path.join(dir, 'entrada.xlsx');
    await fs.copyFile(examples.clean, input);
    const original = await fs.readFile(input);
    await fs.symlink(input, path.join(dir, 'enlace.xlsx'));
    await fs.link(input, path.join(dir, 'duro.xlsx'));
    for (const out of ['entrada.xlsx', 'enlace.xlsx', 'duro.xlsx', './sub/../entrada.xlsx']) {
      await expect(writeFileAtomic(path.join(dir, out), 'x', { force: true, inputs: [input] })).rejects.toThrow(OutputError);
    }
    expect(await fs.readFile(input)).toEqual(original);
  });

  it('writes a new file, leaves no temporary file behind', async () => {
    const out = path.join(dir, 'nuevo.json');
    await writeFileAtomic(out, '{}', { force: false });
    expect(await fs.readFile(out, 'utf8')).toBe('{}');
    expect((await fs.readdir(dir)).filter((n) => n.includes('.tmp'))).toEqual([]);
    await expect(writeFileAtomic(out, '{"b":1}', { force: false })).rejects.toThrow('ya existe');
    expect(await fs.readFile(out, 'utf8')).toBe('{}');
  });
});
