/**
 * A bug in the reader is an internal error, not a workbook with "no recognisable sheet": the
 * reader does not catch what it throws. Simulated with a grid whose cells throw when read.
 */
import { readWorkbook } from '../../src/domain/reader';
import { readWorkbookFile } from '../../src/app/load';
import type { Grid, WorkbookGrids } from '../../src/domain/grid';
import { examples, tablero } from '../cli/io';

function gridsWithBrokenSheet(): WorkbookGrids {
  const broken = { name: 'HC T2', merges: [], visibility: 'visible' } as unknown as Grid;
  Object.defineProperty(broken, 'values', {
    get() {
      throw new TypeError('reader bug');
    },
  });
  return { name: 'libro.xlsx', sheets: [broken] };
}

describe('a reader bug', () => {
  it('goes up from readWorkbook as the error it is', () => {
    expect(() => readWorkbook(gridsWithBrokenSheet())).toThrow('reader bug');
  });

  it('is «Error interno» on the command line (exit 2), never «no se reconoció ninguna hoja»', async () => {
    const r = await tablero(['validar', examples.capture], process.cwd(), {
      deps: { load: (file, io) => readWorkbookFile(file, async () => gridsWithBrokenSheet(), { cwd: io.cwd }) },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tablero: Error interno: reader bug; informe este problema/);
    expect(r.stderr).not.toMatch(/no se reconoció/);
  });
});
