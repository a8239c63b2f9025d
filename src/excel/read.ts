/**
 * Reading side of the office-js adapter: every sheet's used range as the plain `Grid` the engine
 * reads — values, number formats and merged areas — in a constant number of syncs per 4 MB of
 * data: one sync lists the sheets, one gets the used ranges, then payload-bounded batches of row
 * chunks (all chunk loads of a batch queued before its one sync). Never a sync per row or sheet.
 *
 * Grids have the same shape as the exceljs host's (`src/xlsx/read.ts`): row-major from A1, sparse
 * (rows and cells outside the used range are holes), number formats only where not General.
 * Excel's values map as: "" → null; text with `valueTypes` "Error" → `{ error: "#REF!" }` (valueTypes
 * is loaded only for text that reads like an error code, one extra sync when there is any); date
 * serials stay numbers with their date number format; booleans and numbers as they are.
 */
import { MAPPING_SHEET } from '../domain/mapping';
import type { CellRange, CellValue, Grid, SheetVisibility, WorkbookGrids } from '../domain/grid';
import type { CancelToken, ProgressReporter } from '../app/ports';
import type { Capabilities } from './capabilities';
import { ExcelHostError, messages } from './errors';
import { ACTION_BYTES, cancelled, runUnits, type Unit, isNull } from './batch';
import { parseRange, rangeAddress } from '../domain/grid';

/**
 * Estimated response bytes per cell for values + numberFormat (JSON). Measured through the double
 * on capture sheets: ~21; the margin covers long texts (a payload error then splits the chunk).
 */
export const READ_BYTES_PER_CELL = 30;

/** Excel's error values: only text equal to one of these can be an error (confirmed by valueTypes). */
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/;

interface Suspect {
  readonly s: SheetRead;
  readonly row: number;
  readonly col: number;
}

export interface ReadOptions {
  readonly caps: Capabilities;
  /** Batch budget in bytes (shared with the caller, lowered on payload errors). */
  budget: number;
  readonly progress?: ProgressReporter;
  readonly cancel?: CancelToken;
}

interface SheetRead {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  area?: CellRange;
  values: (CellValue[] | undefined)[];
  formats: ((string | null)[] | undefined)[];
  merges: CellRange[];
}

function visibilityOf(v: unknown): SheetVisibility {
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
}

function unexpected(): ExcelHostError {
  return new ExcelHostError('generic', messages.generic('leer el libro'));
}

/** Excel's value of one cell to the engine's. */
export function cellValueOf(v: unknown, type: unknown): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

function chunkUnit(s: SheetRead, top: number, bottom: number, left: number, right: number, suspects: Suspect[]): Unit {
  const cells = (bottom - top + 1) * (right - left + 1);
  let range: Excel.Range | undefined;
  return {
    bytes: cells * READ_BYTES_PER_CELL + ACTION_BYTES,
    queue() {
      range = s.sheet.getRange(rangeAddress({ top, bottom, left, right }));
      // valueTypes would add a third of the payload; it is asked only for text that reads like an
      // error value (see `suspectUnit`).
      range.load('values,numberFormat');
    },
    done() {
      const values = range!.values as unknown;
      const formats = range!.numberFormat as unknown;
      if (!Array.isArray(values) || !Array.isArray(formats)) throw unexpected();
      for (let i = 0; i < values.length; i++) {
        const vr = values[i] as unknown[];
        const fr = formats[i] as unknown[];
        if (!Array.isArray(vr)) throw unexpected();
        const r = top + i - 1;
        let rowValues: CellValue[] | undefined;
        let rowFormats: (string | null)[] | undefined;
        for (let j = 0; j < vr.length; j++) {
          const v = cellValueOf(vr[j], undefined);
          const c = left + j - 1;
          if (typeof v === 'string' && v.charCodeAt(0) === 35 /* # */ && ERROR_TEXT.test(v)) suspects.push({ s, row: top + i, col: left + j });
          if (v !== null) (rowValues ??= s.values[r] ?? [])[c] = v;
          const f = Array.isArray(fr) ? fr[j] : undefined;
          if (typeof f === 'string' && f !== 'General') (rowFormats ??= s.formats[r] ?? [])[c] = f;
        }
        if (rowValues) s.values[r] = rowValues;
        if (rowFormats) s.formats[r] = rowFormats;
      }
    },
    split() {
      if (bottom === top) return undefined;
      const mid = Math.floor((top + bottom) / 2);
      return [chunkUnit(s, top, mid, left, right, suspects), chunkUnit(s, mid + 1, bottom, left, right, suspects)];
    },
  };
}

/** Confirms (or not) that a text such as "#REF!" is an error value: one cell's valueTypes. */
function suspectUnit(x: Suspect): Unit {
  let range: Excel.Range | undefined;
  return {
    bytes: ACTION_BYTES * 2 + 40,
    queue() {
      range = x.s.sheet.getRange(rangeAddress({ top: x.row, left: x.col, bottom: x.row, right: x.col }));
      range.load('valueTypes');
    },
    done() {
      const t = range!.valueTypes as unknown;
      if (Array.isArray(t) && Array.isArray(t[0]) && t[0][0] === 'Error') {
        const row = x.s.values[x.row - 1];
        if (row) row[x.col - 1] = { error: String(row[x.col - 1]) };
      }
    },
  };
}

/** A sheet whose merged areas are wanted, down to row `bottom` when Excel must be asked in bands. */
export interface MergeTarget {
  readonly sheet: Excel.Worksheet;
  readonly bottom: number;
  readonly merges: CellRange[];
}

interface MergeProbe {
  readonly t: MergeTarget;
  /** Rows `top:bottom`, or the whole sheet when `bottom` is null. */
  readonly top: number;
  readonly bottom: number | null;
}

/** Rows per band when a whole sheet has more merged areas than Excel returns at once. */
const MERGE_BAND_ROWS = 1000;

/**
 * Fills each target's `merges`. `getMergedAreasOrNullObject` fails beyond 512 merged areas (API
 * reference) and returns only merged areas whose top-left cell lies in the range (office-js#3611).
 * So it is asked on the whole sheet first (every top-left is inside: one sync for all sheets);
 * where that fails, on bands of whole rows down to `bottom` — each merged area is returned by the
 * one band holding its top-left cell, never twice — halving a band that still fails. Read-only,
 * so a refused batch is simply asked again smaller.
 */
export async function loadMergedAreas(ctx: Excel.RequestContext, targets: readonly MergeTarget[]): Promise<void> {
  if (targets.length) await probeMerges(ctx, targets.map((t) => ({ t, top: 1, bottom: null })));
}

async function probeMerges(ctx: Excel.RequestContext, probes: readonly MergeProbe[]): Promise<void> {
  const asked = probes.map((p) => {
    const range = p.bottom === null ? p.t.sheet.getRange() : p.t.sheet.getRange(`${p.top}:${p.bottom}`);
    const areas = range.getMergedAreasOrNullObject();
    areas.load('areas/items/address');
    return { p, areas };
  });
  try {
    await ctx.sync();
  } catch (e) {
    if (probes.length > 1) {
      const mid = Math.ceil(probes.length / 2);
      await probeMerges(ctx, probes.slice(0, mid));
      await probeMerges(ctx, probes.slice(mid));
      return;
    }
    const [p] = probes;
    if (p.bottom === null) {
      const bands: MergeProbe[] = [];
      for (let top = 1; top <= p.t.bottom; top += MERGE_BAND_ROWS) bands.push({ t: p.t, top, bottom: Math.min(p.t.bottom, top + MERGE_BAND_ROWS - 1) });
      if (!bands.length) throw e;
      await probeMerges(ctx, bands);
      return;
    }
    if (p.bottom > p.top) {
      const mid = Math.floor((p.top + p.bottom) / 2);
      await probeMerges(ctx, [{ t: p.t, top: p.top, bottom: mid }, { t: p.t, top: mid + 1, bottom: p.bottom }]);
      return;
    }
    throw e;
  }
  for (const { p, areas } of asked) {
    if (isNull(areas)) continue;
    for (const a of areas.areas.items) {
      const r = parseRange(a.address);
      if (r) p.t.merges.push(r);
    }
  }
}

/**
 * Reads the grids. Syncs: 1 (sheet list) + 1 (used ranges) + one per `budget` bytes of cells.
 */
export async function readGrids(ctx: Excel.RequestContext, scope: 'workbook' | 'active', opts: ReadOptions): Promise<WorkbookGrids> {
  const { caps } = opts;
  const worksheets = ctx.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const active = scope === 'active' ? ctx.workbook.worksheets.getActiveWorksheet() : undefined;
  active?.load('name');
  if (caps.workbookName) ctx.workbook.load('name');
  await ctx.sync();
  if (opts.cancel?.cancelled) throw cancelled();

  const reads: SheetRead[] = [];
  for (const ws of worksheets.items) {
    // The mapping stored in the workbook applies to the active sheet too (domain/mapping.ts).
    if (active && ws.name !== active.name && ws.name !== MAPPING_SHEET) continue;
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    reads.push({ name: ws.name, visibility: visibilityOf(ws.visibility), sheet: ws, used, values: [], formats: [], merges: [] });
  }
  await ctx.sync();

  const units: Unit[] = [];
  const suspects: Suspect[] = [];
  for (const s of reads) {
    if (isNull(s.used)) continue;
    const area = parseRange(s.used.address);
    if (!area) continue;
    s.area = area;
    const cols = area.right - area.left + 1;
    const rowsPerChunk = Math.max(1, Math.floor(opts.budget / (cols * READ_BYTES_PER_CELL)));
    for (let top = area.top; top <= area.bottom; top += rowsPerChunk) {
      units.push(chunkUnit(s, top, Math.min(area.bottom, top + rowsPerChunk - 1), area.left, area.right, suspects));
    }
  }
  const batch = {
    budget: opts.budget,
    cancel: opts.cancel,
    progress: opts.progress ? { report: (_l: string, done: number, total: number) => opts.progress!.report('Leyendo hojas', done, total) } : undefined,
  };
  await runUnits(ctx, units, batch);
  // Text equal to an error code: one more (payload-bounded) sync only when there is any.
  if (suspects.length) await runUnits(ctx, suspects.map(suspectUnit), batch);
  opts.budget = batch.budget;
  if (caps.mergedAreas) await loadMergedAreas(ctx, reads.filter((s) => s.area).map((s) => ({ sheet: s.sheet, bottom: s.area!.bottom, merges: s.merges })));

  const name = caps.workbookName && typeof ctx.workbook.name === 'string' && ctx.workbook.name ? ctx.workbook.name : 'Libro de Excel';
  const sheets: Grid[] = reads.map((s) => ({
    name: s.name,
    values: s.values,
    numberFormats: s.formats,
    merges: s.merges,
    visibility: s.visibility,
  }));
  return { name, sheets };
}
