/**
 * office-js side of the marks: applies the host-neutral mark plan (`src/app/marks.ts`) and
 * removes it exactly — the same plan, formulas, colours, note texts and registry rows as the
 * exceljs side (`src/xlsx/marks.ts`), so either host clears what the other wrote.
 *
 * - Colour is an overlay: per sheet and severity, conditional formats with the product's
 *   self-identifying formula over multi-area ranges (`worksheet.getRanges("A1,B5:B9,…")`,
 *   ExcelApi 1.9; below that one range per rectangle), address strings under 8,192 characters,
 *   batches under the payload budget. The cells' own fills are never touched.
 * - Notes (ExcelApi 1.18): the original note of each marked cell is saved in the registry with
 *   the text the product writes; clearing puts it back where the note is still the product's.
 *   Without 1.18 the cells are coloured, without notes, and the pane says so once.
 *
 * Atomicity: the registry is written FIRST (write-ahead, swapped in atomically), then the marks in
 * payload-bounded batches. If anything fails half-way, the marks written so far are removed with
 * the same code as "Limpiar marcas" (it only needs the registry and the formulas), so the workbook
 * is left as it was before marking; the error says so.
 */
import { markFills, markFontColors, markFormulas, markSeverityOf, noteWithOriginal } from '../app/marks';
import type { MarkPlan } from '../app/marks';
import type { NoteEntry, Registry, RegistryEntry } from '../app/registry';
import type { CancelToken, ProgressReporter } from '../app/ports';
import type { CellRange } from '../domain/grid';
import type { Severity } from '../domain/finding';
import type { Capabilities } from './capabilities';
import { ACTION_BYTES, cancelled, runUnits, type Unit, isNull } from './batch';
import { MAX_ADDRESS_AREAS, MAX_ADDRESS_CHARS, joinAddresses } from './address';
import { parseAddress, rangeAddress } from '../domain/grid';
import { ExcelHostError, messages, officeErrorCode, toExcelHostError } from './errors';
import { dropRegistryTemp, loadRegistry, queueRegistryLookup, queueRegistrySwap, registryWriteUnits } from './registry';
import { markEntries, REGISTRY_SHEET } from '../app/registry';
import { loadMergedAreas, type MergeTarget } from './read';
import { pushTo } from '../domain/multimap';

export interface MarkOptions {
  readonly caps: Capabilities;
  budget: number;
  readonly maxAddressChars?: number;
  readonly maxAddressAreas?: number;
  readonly progress?: ProgressReporter;
  readonly cancel?: CancelToken;
}

export interface MarkOutcome {
  /** Cells marked. */
  readonly cells: number;
  /** Notes written. */
  readonly notes: number;
  /** Spanish notes on what this Excel could not do (shown once by the pane). */
  readonly notices: readonly string[];
}

export const notesUnsupported = 'Esta versión de Excel no admite notas desde complementos (ExcelApi 1.18): las celdas quedaron coloreadas y los mensajes están en el panel.';

/** Text of a note value as either host stores it (string, or exceljs rich text `{ texts }`). */
export function noteValueText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  const texts = (v as { texts?: { text?: unknown }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => (typeof t.text === 'string' ? t.text : '')).join('') : null;
}

function hex(rgb: string): string {
  return `#${rgb.toUpperCase()}`;
}

/**
 * Merged areas under each row they span: a note's cover check looks at its own row's areas, not
 * at every merge of the sheet (a plan de acción merges each activity over its rows: thousands).
 */
function mergesByRow(merges: readonly CellRange[]): Map<number, CellRange[]> {
  const out = new Map<number, CellRange[]>();
  for (const r of merges) for (let row = r.top; row <= r.bottom; row++) pushTo(out, row, r);
  return out;
}

function inside(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** Queues one product conditional format on `target`. */
function addMarkFormat(target: Excel.ConditionalFormatCollection, severity: Severity): void {
  const cf = target.add('Custom');
  cf.custom.rule.formula = `=${markFormulas[severity]}`;
  cf.custom.format.fill.color = hex(markFills[severity]);
  cf.custom.format.font.color = hex(markFontColors[severity]);
  cf.priority = 0;
}

function formatUnit(sheet: string, address: string, areas: readonly CellRange[], severity: Severity, caps: Capabilities): Unit {
  return {
    bytes: address.length + ACTION_BYTES * (caps.multiAreaRanges ? 6 : 5 * areas.length + 1),
    queue(ctx) {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      if (caps.multiAreaRanges) addMarkFormat(ws.getRanges(address).conditionalFormats, severity);
      else for (const a of areas) addMarkFormat(ws.getRange(rangeAddress(a)).conditionalFormats, severity);
    },
  };
}

interface PlannedNote {
  readonly sheet: string;
  /** The sheet's proxy, reused by every note of the sheet. */
  readonly ws: Excel.Worksheet;
  readonly cell: string;
  readonly text: string;
  existing?: Excel.Note;
  original: string | null;
  /** The note written: `text` with the original quoted (`noteWithOriginal`), once the original is known. */
  mark: string;
  skip?: boolean;
}

/**
 * Removes every product conditional format (recognised by formula, on every sheet) and gives the
 * registry's notes back. Idempotent: running it again after a failure finishes the job.
 * Returns the notes restored.
 */
export async function clearMarksIn(ctx: Excel.RequestContext, opts: MarkOptions, rollback = false): Promise<number> {
  // A mark's conditional format is added and THEN given its formula: a failure between the two
  // leaves a custom rule with no formula, which only the product can have made (Excel's UI needs
  // a formula). The rollback of a failed marking removes those too.
  const ours = (cf: Excel.ConditionalFormat) => {
    if (cf.type !== 'Custom' || isNull(cf.customOrNullObject)) return false;
    const f = cf.customOrNullObject.rule.formula;
    return markSeverityOf(f) !== null || (rollback && (typeof f !== 'string' || f.replace(/^=/, '').trim() === ''));
  };
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const lookup = queueRegistryLookup(ctx);
  await ctx.sync();
  const reg = await loadRegistry(ctx, lookup, opts.budget);
  const sheets = worksheets.items.filter((w) => w.name !== REGISTRY_SHEET);
  const noteEntries = reg.entries.filter((e): e is NoteEntry => e.type === 'nota');

  // Load every sheet's conditional formats and the current text of every registered note.
  const cfs = sheets.map((ws) => {
    const c = ws.getRange().conditionalFormats;
    c.load('items/type,items/customOrNullObject/rule/formula');
    return { ws, c };
  });
  const byName = new Map(sheets.map((w) => [w.name, w]));
  const current: { entry: NoteEntry; note: Excel.Note }[] = [];
  const units: Unit[] = [];
  if (opts.caps.notes) {
    for (const entry of noteEntries) {
      const ws = byName.get(entry.sheet);
      if (!ws) continue;
      units.push({
        bytes: ACTION_BYTES * 2 + entry.mark.length + 40,
        queue() {
          const note = ws.notes.getItemOrNullObject(entry.cell);
          note.load('content');
          current.push({ entry, note });
        },
      });
    }
  }
  units.push({ bytes: ACTION_BYTES * sheets.length, queue: () => undefined });
  await runUnits(ctx, units, { budget: opts.budget });

  const touched = new Set<string>();
  for (const { ws, c } of cfs) {
    if (c.items.some(ours)) {
      touched.add(ws.name);
    }
  }
  for (const { entry, note } of current) {
    if (!isNull(note) && note.content === entry.mark) touched.add(entry.sheet);
  }
  const protectedSheet = sheets.find((w) => touched.has(w.name) && w.protection.protected);
  if (protectedSheet) throw new ExcelHostError('protected', messages.protectedSheet(protectedSheet.name));

  const writes: Unit[] = [];
  for (const { c } of cfs) {
    for (const cf of c.items) {
      if (ours(cf)) {
        writes.push({ bytes: ACTION_BYTES, queue: () => cf.delete() });
      }
    }
  }
  let restored = 0;
  for (const { entry, note } of current) {
    if (isNull(note) || note.content !== entry.mark) continue; // a person changed it: keep theirs
    const original = noteValueText(entry.original);
    restored++;
    writes.push({
      bytes: ACTION_BYTES + (original?.length ?? 0),
      queue: () => {
        if (original === null) note.delete();
        else note.content = original;
      },
    });
  }
  const kept: Registry = { entries: reg.entries.filter((e) => e.type === 'hoja') };
  const changed = kept.entries.length !== reg.entries.length;
  if (changed) writes.push(...registryWriteUnits(lookup, kept));
  await runUnits(ctx, writes, { budget: opts.budget, progress: opts.progress, progressLabel: 'Quitando marcas' });
  if (changed) {
    queueRegistrySwap(ctx, lookup, kept);
    await ctx.sync();
  }
  return restored;
}

/** Clears earlier marks, then applies `plan`; on failure removes what it wrote and throws. */
export async function writeMarksIn(ctx: Excel.RequestContext, plan: MarkPlan, opts: MarkOptions): Promise<MarkOutcome> {
  await clearMarksIn(ctx, opts);
  if (plan.sheets.length === 0) return { cells: 0, notes: 0, notices: [] };
  if (opts.cancel?.cancelled) throw cancelled();

  // 1. Which plan sheets exist, are they protected; the registry.
  const targets = plan.sheets.map((sm) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(sm.sheet);
    ws.load('name,protection/protected');
    return { sm, ws };
  });
  const lookup = queueRegistryLookup(ctx);
  await ctx.sync();
  const present = targets.filter((t) => !isNull(t.ws));
  const locked = present.find((t) => t.ws.protection.protected);
  if (locked) throw new ExcelHostError('protected', messages.protectedSheet(locked.ws.name));
  const reg = await loadRegistry(ctx, lookup, opts.budget);

  // 2. Merged areas (a note on a covered cell would be invisible) and the cells' own notes.
  const notes: PlannedNote[] = [];
  const merged: { sheet: string; target: MergeTarget }[] = [];
  const prep: Unit[] = [];
  for (const { sm, ws } of present) {
    if (opts.caps.mergedAreas && sm.notes.length) {
      // The whole sheet, not the notes' bounding box: a merged area is returned only by a range
      // holding its top-left cell (office-js#3611), which may lie above or left of every note.
      merged.push({ sheet: sm.sheet, target: { sheet: ws, bottom: Math.max(...sm.notes.map((n) => n.row)), merges: [] } });
    }
    if (!opts.caps.notes) continue;
    for (const n of sm.notes) {
      const p: PlannedNote = { sheet: sm.sheet, ws, cell: n.cell, text: n.text, original: null, mark: n.text };
      notes.push(p);
      prep.push({
        bytes: ACTION_BYTES * 2 + 200,
        queue() {
          p.existing = ws.notes.getItemOrNullObject(n.cell);
          p.existing.load('content');
        },
      });
    }
  }
  await loadMergedAreas(ctx, merged.map((m) => m.target));
  await runUnits(ctx, prep, { budget: opts.budget, cancel: opts.cancel });
  const mergedBySheet = new Map(merged.map((m) => [m.sheet, mergesByRow(m.target.merges)]));
  for (const p of notes) {
    const at = parseAddress(p.cell)!;
    const covered = (mergedBySheet.get(p.sheet)?.get(at.row) ?? []).some((r) => inside(r, at.row, at.col) && !(r.top === at.row && r.left === at.col));
    if (covered) p.skip = true;
    if (p.existing && !isNull(p.existing)) p.original = typeof p.existing.content === 'string' ? p.existing.content : null;
    if (!p.skip) p.mark = noteWithOriginal(p.text, p.original);
  }

  // 3. The registry first (write-ahead), in plan order, exactly as the exceljs side writes it.
  const entries: RegistryEntry[] = [...reg.entries];
  const noteBySheet = new Map<string, PlannedNote[]>();
  for (const p of notes) pushTo(noteBySheet, p.sheet, p);
  for (const { sm } of present) {
    for (const severity of ['error', 'warning'] as Severity[]) {
      const ranges = sm.ranges[severity];
      entries.push(...markEntries(sm.sheet, severity, ranges.map(rangeAddress)));
    }
    for (const p of noteBySheet.get(sm.sheet) ?? []) {
      if (p.skip) continue;
      entries.push({ type: 'nota', sheet: p.sheet, cell: p.cell, original: p.original, mark: p.mark });
    }
  }
  const next: Registry = { entries };
  let wroteRegistry = false;
  try {
    await runUnits(ctx, registryWriteUnits(lookup, next), { budget: opts.budget, cancel: opts.cancel });
    queueRegistrySwap(ctx, lookup, next);
    wroteRegistry = true;
    await ctx.sync();

    // 4. The marks.
    const units: Unit[] = [];
    const maxChars = opts.maxAddressChars ?? MAX_ADDRESS_CHARS;
    const maxAreas = opts.maxAddressAreas ?? MAX_ADDRESS_AREAS;
    for (const { sm } of present) {
      for (const severity of ['error', 'warning'] as Severity[]) {
        const ranges = sm.ranges[severity];
        if (!ranges.length) continue;
        if (opts.caps.multiAreaRanges) {
          // Group address strings and the rectangles they hold.
          let i = 0;
          for (const address of joinAddresses(ranges, maxChars, maxAreas)) {
            const count = address.split(',').length;
            units.push(formatUnit(sm.sheet, address, ranges.slice(i, i + count), severity, opts.caps));
            i += count;
          }
        } else {
          for (let i = 0; i < ranges.length; i += 200) {
            const part = ranges.slice(i, i + 200);
            units.push(formatUnit(sm.sheet, part.map(rangeAddress).join(','), part, severity, opts.caps));
          }
        }
      }
    }
    let written = 0;
    for (const p of notes) {
      if (p.skip) continue;
      const text = p.mark;
      written++;
      units.push({
        bytes: ACTION_BYTES * 2 + text.length + p.cell.length,
        queue() {
          if (p.existing && !isNull(p.existing)) p.existing.content = text;
          else p.ws.notes.add(p.cell, text);
        },
      });
    }
    await runUnits(ctx, units, { budget: opts.budget, progress: opts.progress, progressLabel: 'Marcando celdas', cancel: opts.cancel });
    return { cells: plan.cells, notes: written, notices: opts.caps.notes ? [] : [notesUnsupported] };
  } catch (e) {
    const sheet = present.length === 1 ? present[0].sm.sheet : undefined;
    if (!wroteRegistry && !(e instanceof ExcelHostError && e.kind === 'cancelled')) {
      // Nothing was marked; only a half-written temporary registry may be left: remove it.
      await dropRegistryTemp(ctx);
      throw toExcelHostError(e, { sheet, action: 'marcar las celdas', rolledBack: true });
    }
    try {
      await clearMarksIn(ctx, { ...opts, progress: undefined, cancel: undefined }, true);
    } catch {
      throw toExcelHostError(e, { sheet, action: 'marcar las celdas' }).withSuffix(' Algunas marcas pueden haber quedado: use «Limpiar marcas».');
    }
    // Excel refused an address string (its getRanges limit is undocumented, office-js#5198):
    // everything was undone; mark again with strings half as long, down to a few areas each.
    const chars = opts.maxAddressChars ?? MAX_ADDRESS_CHARS;
    const areas = opts.maxAddressAreas ?? MAX_ADDRESS_AREAS;
    if (opts.caps.multiAreaRanges && officeErrorCode(e) === 'InvalidArgument' && areas > 4) {
      return writeMarksIn(ctx, plan, { ...opts, maxAddressChars: Math.floor(chars / 2), maxAddressAreas: Math.floor(areas / 2) });
    }
    throw toExcelHostError(e, { sheet, action: 'marcar las celdas', rolledBack: true });
  }
}
