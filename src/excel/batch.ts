/**
 * Payload-bounded batching: the adapter describes its work as small units (one row chunk to read,
 * one multi-area range to colour, one note), each with an estimate of the bytes it adds to the
 * request or the response. Units are queued until the batch budget (4 MB by default, under Excel's
 * 5 MB limit) is reached, then ONE `context.sync()` runs the batch. The number of syncs is bounded
 * by payload size, never by rows: a sheet of any length that fits in 4 MB takes one sync.
 *
 * When Excel still answers "payload too large" (the estimate was low), the batch — which Excel
 * rejected whole, so nothing of it was applied — is split in halves and retried, and later batches
 * use the smaller budget. A single unit that is still too large is split by its own `split()`
 * (fewer rows), down to one that fits or cannot be split.
 */
import { ExcelHostError, isPayloadError, messages } from './errors';
import type { CancelToken, ProgressReporter } from '../app/ports';

/** What one batch may carry by the adapter's estimate: under the 5 MB Excel on the web accepts per request and response, with a margin for what it does not count. */
export const DEFAULT_BATCH_BUDGET = 4 * 1024 * 1024;
/** Rough bytes of one queued action on the wire (object path + action JSON). */
export const ACTION_BYTES = 160;

export interface Unit {
  /** Estimated request + response bytes. */
  readonly bytes: number;
  /** Queues this unit's operations on the context (no sync). */
  queue(ctx: Excel.RequestContext): void;
  /** Reads what `queue` loaded, after the sync succeeded. */
  done?(): void;
  /** Smaller units doing the same work, when this one alone is too large. */
  split?(): Unit[] | undefined;
}

export interface BatchOptions {
  /** Bytes per batch; lowered for the rest of the run after a payload error. */
  budget: number;
  readonly progress?: ProgressReporter;
  readonly progressLabel?: string;
  readonly cancel?: CancelToken;
  /** Called after each successful sync with the units it carried. */
  readonly afterSync?: (units: readonly Unit[]) => void;
}

export function cancelled(): ExcelHostError {
  return new ExcelHostError('cancelled', messages.cancelled);
}

/** Runs `units` in as few payload-bounded syncs as possible, in order. */
export async function runUnits(ctx: Excel.RequestContext, units: readonly Unit[], opts: BatchOptions): Promise<number> {
  let syncs = 0;
  let done = 0;
  // After a payload error, batches also carry at most half as many units as the refused one, so
  // every retry is strictly smaller whatever the estimates say.
  let maxUnits = Number.POSITIVE_INFINITY;
  const total = units.length;
  // The units still to run are queue[next..]: taking one is a step of `next`, not a shift that
  // moves every unit behind it (a mark plan holds one unit per note: tens of thousands).
  let queue: readonly Unit[] = units;
  let next = 0;
  const retry = (first: readonly Unit[]) => {
    queue = [...first, ...queue.slice(next)];
    next = 0;
  };
  while (next < queue.length) {
    if (opts.cancel?.cancelled) throw cancelled();
    const batch: Unit[] = [];
    let bytes = 0;
    while (next < queue.length && batch.length < maxUnits && (batch.length === 0 || bytes + queue[next].bytes <= opts.budget)) {
      const u = queue[next++];
      batch.push(u);
      bytes += u.bytes;
    }
    for (const u of batch) u.queue(ctx);
    try {
      await ctx.sync();
      syncs++;
    } catch (e) {
      syncs++;
      if (!isPayloadError(e)) throw e;
      // Excel rejected the whole request: nothing of it was applied. Retry smaller.
      opts.budget = Math.max(1, Math.floor(Math.min(opts.budget, bytes) / 2));
      if (batch.length > 1) {
        maxUnits = Math.ceil(batch.length / 2);
        retry(batch);
        continue;
      }
      const parts = batch[0].split?.();
      if (!parts || parts.length < 2) throw e;
      retry(parts);
      continue;
    }
    for (const u of batch) u.done?.();
    opts.afterSync?.(batch);
    done += batch.length;
    opts.progress?.report(opts.progressLabel ?? 'Procesando', Math.min(done, total), total);
  }
  return syncs;
}

/** JSON size of a value, as a request estimate. */
export function jsonBytes(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
}

/**
 * True only when office-js said the object does not exist. Compared with `=== true` so that an
 * unexpected value (office-addin-mock's "Error, property was not loaded" string) never reads as
 * "missing".
 */
export function isNull(o: { readonly isNullObject: boolean }): boolean {
  return o.isNullObject === true;
}
