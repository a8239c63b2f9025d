import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeXlsx } from '../helpers/xlsx';
import { examples, expectOneCleanLine, tablero, tempDir } from './io';

/** A minimal OLE compound file header, as Excel writes for password-protected .xlsx (or legacy .xls). */
function cfb(withEncryptionInfo: boolean): Buffer {
  const header = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  if (withEncryptionInfo) Buffer.from('EncryptionInfo', 'utf16le').copy(header, 600);
  return header;
}

describe('unusable input: one Spanish line on stderr, exit 2, no stack trace', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    await fs.writeFile(path.join(dir, 'vacio.xlsx'), '');
    await fs.writeFile(path.join(dir, 'texto.xlsx'), 'Código;Meta\n1702;Algo\n');
    await fs.writeFile(path.join(dir, 'protegido.xlsx'), cfb(true));
    await fs.writeFile(path.join(dir, 'antiguo.xls'), cfb(false));
    const real = await fs.readFile(examples.clean);
    await fs.writeFile(path.join(dir, 'truncado.xlsx'), real.subarray(0, 2000));
    await fs.writeFile(path.join(dir, 'libro.csv'), real);
    await fs.mkdir(path.join(dir, 'carpeta.xlsx'));
    await writeXlsx(path.join(dir, 'otra-cosa.xlsx'), [{ name: 'Hoja1', rows: [['Nombre', 'Teléfono'], ['Ana', '300 123 4567']] }]);
  });
  afterAll(() => cleanup());

  const cases: [string, RegExp][] = [
    ['no-existe.xlsx', /No se encontró el archivo «no-existe\.xlsx»\./],
    ['vacio.xlsx', /está vacío \(0 bytes\)/],
    ['texto.xlsx', /no es un libro de Excel \(\.xlsx\) válido/],
    ['protegido.xlsx', /está protegido con contraseña o cifrado/],
    ['antiguo.xls', /formato antiguo de Excel \(\.xls\)/],
    ['truncado.xlsx', /no es un libro de Excel \(\.xlsx\) válido: está dañado o incompleto/],
    ['libro.csv', /no un libro de Excel \(\.xlsx\)/],
    ['carpeta.xlsx', /es una carpeta/],
    ['otra-cosa.xlsx', /no se reconoció ninguna hoja de datos \(plan de acción, hoja de captura, plan indicativo o techos\)/],
  ];

  it.each(cases)('validar %s', async (file, message) => {
    const r = await tablero(['validar', file], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(message);
    if (file === 'no-existe.xlsx') expect(r.stderr).toBe('tablero: No se encontró el archivo «no-existe.xlsx».\n');
  });

  it.each(cases)('validar --json %s gives { file, error }', async (file, message) => {
    const r = await tablero(['validar', file, '--json'], dir);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json.files[0])).toEqual(['file', 'error']);
    expect(json.files[0].file).toBe(file);
    expect(json.files[0].error).toMatch(message);
  });

  it('validar on several files: never «listo para enviar» when a file could not be read', async () => {
    const none = await tablero(['validar', 'no-existe.xlsx', 'vacio.xlsx'], dir);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Total: 2 archivos; ningún libro se pudo revisar.');
    expect(none.stdout).not.toContain('listo para enviar');
    const some = await tablero(['validar', 'no-existe.xlsx', examples.clean], dir);
    expect(some.code).toBe(2);
    // The readable file's own block may say it is ready; the total must not.
    const total = some.stdout.split('\n').find((l) => l.startsWith('Total:'));
    expect(total).toBe('Total: 2 archivos, 1 no se pudo revisar; en el revisado, sin errores (7 advertencias).');
  });

  it('reporte on an unusable file: exit 2, no report', async () => {
    const r = await tablero(['reporte', 'vacio.xlsx', '--json'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneCleanLine(r.stderr);
  });

  it('an unexpected bug is "Error interno", exit 2, no stack trace', async () => {
    const r = await tablero(['validar', examples.clean], dir, {
      deps: {
        load: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'x')");
        },
      },
    });
    expect(r.code).toBe(2);
    expectOneCleanLine(r.stderr);
    expect(r.stderr).toMatch(/^tablero: Error interno: Cannot read properties .*; informe este problema/);
  });
});

describe('wrong usage: exit 2 with one line', () => {
  const cases: string[][] = [
    ['validar'],
    ['validar', 'x.xlsx', '--jsn'],
    ['validar', 'x.xlsx', '--corte', '2025-02-30'],
    ['validar', 'x.xlsx', '--corte'],
    ['validar', 'x.xlsx', '-o', 'y.xlsx'],
    ['reporte'],
    ['plantilla', 'plan-accion'],
    ['plantilla', 'otra', '-o', 'x.xlsx'],
    ['plantilla', 'techos', '-o', 'x.txt'],
    ['plantilla', 'techos', '--vigencia', '25', '-o', 'x.xlsx'],
    ['demo', 'x.xlsx'],
    ['validr', 'x.xlsx'],
    ['--json'],
  ];
  it.each(cases.map((c) => [c.join(' '), c] as const))('tablero %s', async (_label, argv) => {
    const r = await tablero([...argv], process.cwd());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneCleanLine(r.stderr);
  });

  it('--help prints the Spanish usage and exits 0', async () => {
    const r = await tablero(['--help'], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Uso: tablero <comando> [opciones]');
    expect(r.stdout).toContain('plantilla <plan-accion|hoja-captura|techos>');
    // The reading options are documented for the verbs that read, not for plantilla alone.
    expect(r.stdout).toMatch(/--vigencia AAAA +año de la vigencia \(plantilla; en los demás, el bloque de años que se lee\)/);
    expect(r.stdout).toMatch(/--incluir-ocultas +lee también las hojas ocultas/);
    const h = await tablero(['validar', '-h'], process.cwd());
    expect(h.code).toBe(0);
  });

  it('generar and consolidar: the verb runs, or says it is not available yet (exit 2)', async () => {
    for (const verb of ['generar', 'consolidar']) {
      const present = await fs
        .stat(path.join(__dirname, '..', '..', 'src', 'cli', `${verb}.ts`))
        .then(() => true)
        .catch(() => false);
      if (present) continue;
      const r = await tablero([verb, examples.clean, '-o', 'x.xlsx'], process.cwd());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('aún no está disponible');
    }
  });
});
