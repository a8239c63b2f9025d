import { parseArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/types';

describe('parseArgs', () => {
  it('reads verbs, files and options in any order, with "=" or a separate value', () => {
    expect(parseArgs(['validar', 'a.xlsx', '--corte=2025-06-30', 'b.xlsx', '--json'])).toEqual({
      help: false, verb: 'validar', files: ['a.xlsx', 'b.xlsx'], corte: '2025-06-30', json: true, force: false, publico: false,
    });
    expect(parseArgs(['generar', '-o', 'out.xlsx', '--force', 'a.xlsx'])).toMatchObject({ output: 'out.xlsx', force: true, files: ['a.xlsx'] });
    expect(parseArgs(['informe', 'a.xlsx', '--publico', '-o', 'i.html'])).toMatchObject({ verb: 'informe', publico: true, output: 'i.html' });
    expect(parseArgs(['validar', '--', '-raro.xlsx'])).toMatchObject({ files: ['-raro.xlsx'] });
  });

  it('asks for help with no arguments, --help or -h', () => {
    expect(parseArgs([])).toEqual({ help: true, missingVerb: true });
    expect(parseArgs(['validar', '-h'])).toMatchObject({ help: true, verb: 'validar' });
  });

  it.each([
    [['validar', '--corte', '30/06/2025']],
    [['validar', '--corte', '2025-13-01']],
    [['validar', '--json=si']],
    [['validar', '-o']],
    [['validar', '-o', 'a', '-o', 'b']],
    [['plantilla', 'techos', '--vigencia', '2k25']],
    [['borrar']],
  ])('rejects %j with a UsageError', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
