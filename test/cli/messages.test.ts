/**
 * Messages a person reads (issue 12, defect 13): `demo` says in Spanish why it cannot create its
 * folder (it said «Error interno … informe este problema» with Node's English errno text); with
 * an absolute `-o` it names the results by that absolute path (it printed them relative); a line
 * break in a file name does not split `validar`'s or `reporte`'s one line in two.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectOneCleanLine, tablero, tempDir } from './io';

const { dir, cleanup } = tempDir('tablero-messages-');
afterAll(cleanup);

describe('demo: the results folder', () => {
  it('a path through a file (ENOTDIR) → exit 2, one Spanish line, no «Error interno»', async () => {
    writeFileSync(path.join(dir, 'notas.txt'), 'no es una carpeta');
    const r = await tablero(['demo', '-o', 'notas.txt/resultados'], dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe('tablero: No se pudo crear la carpeta «notas.txt/resultados»: una parte de la ruta es un archivo, no una carpeta; indique otra con -o.\n');
  });

  it('an absolute -o inside the working folder: every result is named by its absolute path', async () => {
    const out = path.join(dir, 'demo-absoluta');
    const r = await tablero(['demo', '-o', out], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const listed = r.stdout.split('\n').filter((l) => /\.(json|xlsx)$/.test(l.trim()) && l.startsWith('  '));
    expect(listed.length).toBeGreaterThanOrEqual(4);
    for (const l of listed) expect(l.trim().startsWith(`${out}${path.sep}`)).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`^Escrito ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/.*\\.tablero\\.xlsx: hojas`, 'm'));
  }, 120_000);
});

describe('a line break in a file name', () => {
  it.each(['validar', 'reporte'])('%s: the message stays one line', async (verb) => {
    const r = await tablero([verb, 'plan\nde acción.xlsx'], dir);
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toBe('tablero: No se encontró el archivo «plan de acción.xlsx».\n');
  });
});
