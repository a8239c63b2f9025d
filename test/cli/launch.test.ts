/**
 * The supervisor's out-of-memory line (issue 12, defect 12) names the limit the worker really ran
 * with — a `--max-old-space-size` given to Node wins over `TABLERO_MEMORIA_MB` — and suggests a
 * larger one only when the machine has room for it. Before, it said 1,280 MB whatever the limit and
 * suggested 2,048 even at 4,096.
 */
import { effectiveHeapMb, outOfMemoryLine } from '../../src/cli/launch';

describe('effectiveHeapMb', () => {
  it('Node\'s own flag (command line or NODE_OPTIONS) wins, then TABLERO_MEMORIA_MB, then 1,280', () => {
    expect(effectiveHeapMb([], {})).toEqual({ mb: 1280, fromNode: false });
    expect(effectiveHeapMb([], { TABLERO_MEMORIA_MB: '4096' })).toEqual({ mb: 4096, fromNode: false });
    expect(effectiveHeapMb(['--max-old-space-size=3000'], { TABLERO_MEMORIA_MB: '4096' })).toEqual({ mb: 3000, fromNode: true });
    expect(effectiveHeapMb([], { NODE_OPTIONS: '--max-old-space-size=6144 --trace-warnings' })).toEqual({ mb: 6144, fromNode: true });
  });
});

describe('outOfMemoryLine', () => {
  const bigMachine = 64 * 1024;
  it('names the real limit and suggests double it', () => {
    expect(outOfMemoryLine({ mb: 4096, fromNode: false }, bigMachine)).toBe(
      'tablero: la memoria no alcanzó para terminar (límite de 4.096 MB). El libro es demasiado grande para esta operación: divídalo (por ejemplo, por dependencia) o aumente el límite (por ejemplo, TABLERO_MEMORIA_MB=8192).\n',
    );
    expect(outOfMemoryLine({ mb: 1280, fromNode: false }, bigMachine)).toMatch(/límite de 1\.280 MB.*TABLERO_MEMORIA_MB=3072/);
    expect(outOfMemoryLine({ mb: 16, fromNode: false }, bigMachine)).toMatch(/límite de 16 MB.*TABLERO_MEMORIA_MB=2048/);
  });

  it('a limit given to Node is raised the same way', () => {
    expect(outOfMemoryLine({ mb: 3000, fromNode: true }, bigMachine)).toMatch(/límite de 3\.000 MB.*--max-old-space-size=6144 en NODE_OPTIONS/);
  });

  it('no larger limit is suggested where the machine has no memory for it', () => {
    const line = outOfMemoryLine({ mb: 4096, fromNode: false }, 8 * 1024);
    expect(line).toMatch(/límite de 4\.096 MB.*este equipo tiene 8\.192 MB de memoria y no alcanza para un límite mayor/);
    expect(line).not.toMatch(/TABLERO_MEMORIA_MB=/);
  });
});
