/**
 * Small wording a newcomer met on main: `tablero` alone is wrong usage (the help on stderr, exit
 * 2, as the README's exit codes say); a misspelt verb is answered with the verb meant; the
 * informe's «1 eliminada no cuenta» (no «eliminada(s)»); a mapping that cannot be applied reads as
 * one sentence («no se puede aplicar: el mapa nombra …»); a vigencia outside the plan indicativo's
 * term asks for one «entre 2024 y 2027».
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, repoRoot, tablero, tempDir } from './io';

const sispt = path.join(repoRoot, '..', 'shared', 'real-layouts', 'sispt-plan-indicativo-cajica.xlsx');

describe('wording', () => {
  const { dir, cleanup } = tempDir('house-wording-');
  afterAll(cleanup);

  it('`tablero` with no arguments: the help on stderr, exit 2; `tablero --help`: stdout, exit 0', async () => {
    const bare = await tablero([], dir);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^Uso: tablero <comando>/);
    const help = await tablero(['--help'], dir);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Uso: tablero <comando>/);
  });

  it.each([
    ['validr', 'validar'],
    ['reportte', 'reporte'],
    ['Generar', 'generar'],
  ])('a misspelt verb «%s» suggests «%s»', async (typed, meant) => {
    const r = await tablero([typed, examples.plan], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Comando desconocido «${typed}». ¿Quiso decir ${meant}?`);
  });

  it('a word far from every verb gets no guess', async () => {
    const r = await tablero(['exportar', examples.plan], dir);
    expect(r.stderr).not.toContain('¿Quiso decir');
  });

  it('the informe says «1 eliminada no cuenta»', async () => {
    const out = path.join(dir, 'i.html');
    expect((await tablero(['informe', examples.capture, '-o', out], dir)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('1 eliminada no cuenta');
    expect(html).not.toContain('eliminada(s)');
  });

  it('a mapping that cannot be applied: lower case after the colon', async () => {
    const mapa = path.join(dir, 'mapa.json');
    writeFileSync(mapa, JSON.stringify({ hojas: { NoExiste: { columnas: { goalCode: 'A' } } } }));
    const r = await tablero(['validar', examples.plan, '--mapa', mapa], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('El mapa de columnas (--mapa) no se puede aplicar: el mapa nombra la hoja «NoExiste»');
  });

  (existsSync(sispt) ? it : it.skip)('a vigencia outside the plan indicativo\'s term: «entre 2024 y 2027»', async () => {
    const r = await tablero(['reporte', sispt, '--vigencia', '2030'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('indique una vigencia entre 2024 y 2027.');
  });
});
