/**
 * Issue 9, item 3: the pane's vigencia setting reaches the pane's reading, as `--vigencia` does the
 * command line's. Tenjo's PDM sheet (`../shared/real-layouts/`) has quarter blocks for 2024 and
 * 2025: with «Vigencia 2024» saved in Ajustes (the Excel double's document settings), Validar over
 * the office-js adapter reads the 2024 block — the same findings as `tablero validar --vigencia
 * 2024` — and «En este libro» says which block it read; with 2025, the 2025 block.
 */
import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { createPaneUseCases } from '../../src/app/pane';
import { createPaneActions, type RunControl } from '../../src/taskpane/controller';
import { hostOn } from '../excel-double/harness';
import { doubleFromWorkbook, workbookOf } from '../contract/hosts';
import { repoRoot, tablero, tempDir } from '../cli/io';

const sample = path.resolve(repoRoot, '..', 'shared', 'real-layouts', 'tenjo-pdm-seguimiento.xlsx');
const maybe = existsSync(sample) ? describe : describe.skip;

const run: RunControl = { progress: { report: () => undefined }, cancel: { cancelled: false } };
const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;

async function paneOn(vigencia: number | undefined) {
  const xl = doubleFromWorkbook(await workbookOf(readFileSync(sample)));
  const host = hostOn(xl);
  if (vigencia !== undefined) await host.saveSettings({ vigencia });
  return createPaneActions(host, createPaneUseCases(async () => 'x'));
}

async function cliFindings(vigencia: number): Promise<string[]> {
  const { dir, cleanup } = tempDir();
  try {
    const r = await tablero(['validar', sample, '--vigencia', String(vigencia), '--json'], dir, { now: new Date(2025, 9, 20) });
    return (JSON.parse(r.stdout) as { files: { findings: { rule: string; sheet: string; cell: string }[] }[] }).files[0].findings.map(key).sort();
  } finally {
    cleanup();
  }
}

maybe('the pane reads the vigencia of its settings (Tenjo, blocks 2024 and 2025)', () => {
  it.each([2024, 2025])('Validar with «Vigencia %i» saved reads that block, as tablero validar --vigencia does', async (year) => {
    const pane = await paneOn(year);
    const outcome = await pane.validate('workbook', run);
    expect(outcome.findings.map(key).sort()).toEqual(await cliFindings(year));
    const book = await pane.readBook();
    const pdm = book.sheets.find((s) => s.name === 'PDM');
    expect(pdm?.vigencia).toBe(year);
    expect(pdm?.notes.join(' ')).toContain(`se leyó el de ${year} (indicada por el usuario)`);
  }, 60_000);

  it('the two years give different readings, and without the setting the sheet’s latest reported year (2025) is read', async () => {
    const [y2024, y2025, none] = await Promise.all([paneOn(2024), paneOn(2025), paneOn(undefined)]);
    const [a, b, c] = await Promise.all([y2024.validate('workbook', run), y2025.validate('workbook', run), none.validate('workbook', run)]);
    expect(a.findings.map(key).sort()).not.toEqual(b.findings.map(key).sort());
    expect(c.findings.map(key).sort()).toEqual(b.findings.map(key).sort());
    // A 2024 block column is read (and reported) only with the 2024 setting: «T4. PLANEADO 2024» of row 23.
    expect(a.findings.some((f) => f.rule === 'programming-coherence' && f.cell.endsWith('23'))).toBe(true);
  }, 60_000);
});
