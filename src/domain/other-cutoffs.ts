/**
 * One workbook, one cut-off. A unit that keeps each quarter's follow-up in its own tab («HC T1»
 * with «Fecha de corte: 31/03/2025», «HC T2» with 30/06/2025) sends the same goals twice. Read
 * together, the first tab's date set the cut-off of the whole workbook — the later tab's
 * execution was flagged as reported ahead of time — and every goal counted twice in the figures.
 *
 * Capture sheets that declare different cut-offs in their title block and report the same goals
 * (more than half of EACH sheet's goals, by code and unit) are reports of one plan at different dates:
 * the one of the cut-off the user asked for is read (without one, the latest; with one no sheet
 * declares, the latest before it), the others are left out, and the sheet read says so in its
 * notes — on the command line, in `--json`, beside `reporte`'s figures and in the pane.
 *
 * Sheets of different goals (a tab per unit, even one sharing a code or two) are never grouped,
 * whatever their dates. Run after a workbook's consolidated sheet has taken the place of its own
 * capture sheets (`throughConsolidated`): the consolidated sheet and its parts are not looked at
 * (the consolidation already chose one cut-off).
 */
import { goalCodeOf } from './goal-code';
import { formatDate } from './format';
import type { IsoDate } from './dates';
import type { ReaderOptions } from './reader';
import { isGoalSheet, okText, type ReadSheet, type ReadWorkbook } from './sheet';
import { nameKey } from './text';

/** The goals a sheet reports: code and unit (the same code under another unit is another goal, as for `duplicate`). */
function goalsOf(sheet: ReadSheet): Set<string> {
  const out = new Set<string>();
  for (const r of sheet.rows) {
    const c = goalCodeOf(r);
    if (c) out.add(`${c}\u0000${nameKey(okText(r, 'unit') ?? sheet.title.unit ?? '')}`);
  }
  return out;
}

/** Whether two sheets report the same goals: most of each one's goals are in the other (a tab per unit sharing a code or two is not). */
function sameGoals(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared * 2 > a.size && shared * 2 > b.size;
}

/** The cut-off read among `cutoffs` (ascending): the asked one, else the latest before it (the earliest when none is), else the latest. */
function chosenCutoff(cutoffs: readonly IsoDate[], asked: IsoDate | undefined): IsoDate {
  if (asked === undefined) return cutoffs[cutoffs.length - 1];
  const before = cutoffs.filter((c) => c <= asked);
  return before.length > 0 ? before[before.length - 1] : cutoffs[0];
}

const LEFT_OUT_NOTE_START = 'Se revisó esta hoja, con fecha de corte ';

/** The note on the sheet read: which sheets were left out and how to read them instead. */
function leftOutNote(kept: IsoDate, others: readonly ReadSheet[]): string {
  const list = others.map((s) => `«${s.name}» (corte ${formatDate(s.cutoff!)})`).join(', ');
  const one = others.length === 1;
  return (
    `${LEFT_OUT_NOTE_START}${formatDate(kept)}. ${one ? 'La hoja' : 'Las hojas'} ${list} ${one ? 'trae' : 'traen'} las mismas metas a otro corte: ` +
    `no se ${one ? 'revisó ni se contó' : 'revisaron ni se contaron'}, para no contar dos veces cada meta. ` +
    (one ? `Para revisarla, indique la fecha de corte ${formatDate(others[0].cutoff!)}.` : 'Para revisar otra, indique su fecha de corte.')
  );
}

/**
 * Whether a sheet note is this module's: it speaks of the other tabs of the workbook read, so it is
 * not part of how the sheet itself was read (a consolidation does not keep it: `originReadingOf`).
 */
export function isLeftOutNote(note: string): boolean {
  return note.startsWith(LEFT_OUT_NOTE_START);
}

/**
 * `workbook` with the capture sheets that repeat the goals of another at a different declared
 * cut-off left out (see above); unchanged when there are none.
 */
export function oneCutoffPerPlan(workbook: ReadWorkbook, reading: Pick<ReaderOptions, 'cutoff'> = {}, consolidated: ReadonlySet<string> = new Set()): ReadWorkbook {
  const dated = workbook.sheets.filter((s) => isGoalSheet(s) && s.part === undefined && !consolidated.has(s.name) && s.cutoff !== undefined);
  if (dated.length < 2) return workbook;
  const codes = new Map(dated.map((s) => [s, goalsOf(s)]));
  const groups: ReadSheet[][] = [];
  for (const s of dated) {
    const group = groups.find((g) => g.some((t) => sameGoals(codes.get(s)!, codes.get(t)!)));
    if (group) group.push(s);
    else groups.push([s]);
  }
  const left = new Set<ReadSheet>();
  const notes = new Map<ReadSheet, string>();
  for (const g of groups) {
    const cutoffs = [...new Set(g.map((s) => s.cutoff!))].sort();
    if (cutoffs.length < 2) continue;
    const kept = chosenCutoff(cutoffs, reading.cutoff);
    const others = g.filter((s) => s.cutoff !== kept);
    for (const s of others) left.add(s);
    const first = g.find((s) => s.cutoff === kept)!;
    notes.set(first, leftOutNote(kept, others));
  }
  if (left.size === 0) return workbook;
  const sheets = workbook.sheets.flatMap((s) => {
    if (left.has(s)) return [];
    const note = notes.get(s);
    // Also beside the figures: they are this sheet's only.
    return note ? [{ ...s, notes: [...(s.notes ?? []), note], figureNotes: [...(s.figureNotes ?? []), note] }] : [s];
  });
  return { ...workbook, sheets };
}
