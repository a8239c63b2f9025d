/**
 * DNP's annual follow-up says in its titles how far its execution runs («2025 - tercer trimestre»).
 * Read with a cut-off of another quarter of that year, the figures are still that execution's
 * (compared with the whole year's programming): `reporte` says so beside them — once, on the goals'
 * sheet — with the cut-off that matches the titles; with that cut-off, or none, nothing is said.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, suiteTempDir, tablero } from '../cli/io';

const dnp = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'dnp-seguimiento-pdt-cajica.xlsx');
const maybe = existsSync(dnp) ? describe : describe.skip;
const NOW = { now: new Date(2025, 9, 20) };

maybe('an annual report read at a cut-off its titles do not name', () => {
  const tmp = suiteTempDir('tablero-annual-cutoff-');

  const notesAt = async (flags: string[]): Promise<string[]> => {
    const r = await tablero(['reporte', dnp, ...flags, '--json'], tmp.dir, NOW);
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { notes?: string[] }).notes ?? [];
  };

  it('at 31/12/2025 the report says its execution runs to the third quarter', async () => {
    const notes = (await notesAt(['--corte', '2025-12-31'])).filter((n) => n.includes('no es la de los títulos'));
    expect(notes).toEqual([
      'Detalle seguimiento físico: La fecha de corte 31/12/2025 no es la de los títulos de la hoja: su ejecución de 2025 llega al trimestre 3 (30/09/2025), ' +
        'y esa es la que se comparó con lo programado para el año. Si el informe es el del trimestre 3, use --corte 2025-09-30.',
    ]);
  });

  it('at 30/09/2025, or with no cut-off, nothing is said', async () => {
    expect((await notesAt(['--corte', '2025-09-30'])).filter((n) => n.includes('no es la de los títulos'))).toEqual([]);
    expect((await notesAt([])).filter((n) => n.includes('no es la de los títulos'))).toEqual([]);
  });
});
