/** A worksheet part, streamed: head | `<sheetData>` body `</sheetData>` | tail — the body passes through in the chunks it came in. */

export interface SheetEdit {
  /** Keep the cells (false: the skeleton's `<sheetData/>`, or what `emptyCells` gives). */
  readonly keepCells: boolean;
  /** The `<sheetData>` written instead of the cells when `keepCells` is false. */
  readonly emptyCells?: (prefix: string) => string;
  readonly head?: (head: string) => string;
  readonly tail?: (tail: string) => string;
}

export const SHEET_DATA_OPEN = /<([A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])[^>]*>/;

/**
 * Rewrites a worksheet part as a stream: the head and the tail (small) are decoded and edited, the
 * body between `<sheetData>` and `</sheetData>` is passed on (or dropped) in the chunks it came in.
 */
export async function* editSheet(chunks: AsyncIterable<Buffer>, edit: SheetEdit): AsyncGenerator<Buffer> {
  let state: 'head' | 'body' | 'tail' = 'head';
  let acc: Buffer = Buffer.alloc(0);
  let close: Buffer = Buffer.from('</sheetData>');
  const tailParts: Buffer[] = [];
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  for await (const chunk of chunks) {
    let buf: Buffer = acc.length ? Buffer.concat([acc, chunk]) : chunk;
    acc = Buffer.alloc(0);
    if (state === 'head') {
      const m = SHEET_DATA_OPEN.exec(buf.toString('latin1'));
      if (!m) {
        acc = buf;
        continue;
      }
      // latin1 maps byte i to character i: the match's index is a byte offset.
      const head = buf.subarray(0, m.index).toString('utf8');
      yield utf8(edit.head ? edit.head(head) : head);
      const prefix = m[1] ?? '';
      const selfClosing = m[0].endsWith('/>');
      yield utf8(edit.keepCells ? m[0] : (edit.emptyCells?.(prefix) ?? `<${prefix}sheetData/>`));
      buf = buf.subarray(m.index + m[0].length);
      if (selfClosing) {
        state = 'tail';
      } else {
        state = 'body';
        close = Buffer.from(`</${prefix}sheetData>`, 'latin1');
      }
    }
    if (state === 'body') {
      const at = buf.indexOf(close);
      if (at < 0) {
        const keep = Math.max(0, buf.length - (close.length - 1));
        if (edit.keepCells && keep > 0) yield buf.subarray(0, keep);
        acc = Buffer.from(buf.subarray(keep));
        continue;
      }
      if (edit.keepCells) {
        if (at > 0) yield buf.subarray(0, at);
        yield close;
      }
      buf = buf.subarray(at + close.length);
      state = 'tail';
    }
    if (state === 'tail' && buf.length) tailParts.push(Buffer.from(buf));
  }
  if (state === 'head') {
    // No <sheetData> at all: nothing to edit.
    if (acc.length) yield acc;
    return;
  }
  if (state === 'body') throw new Error('hoja sin </sheetData>: el archivo está dañado');
  const tail = Buffer.concat(tailParts).toString('utf8');
  yield utf8(edit.tail ? edit.tail(tail) : tail);
}

/** Batches small string pieces into ~64 KB buffers. */
export async function* utf8Chunks(pieces: Iterable<string>): AsyncGenerator<Buffer> {
  let batch: string[] = [];
  let size = 0;
  for (const p of pieces) {
    batch.push(p);
    size += p.length;
    if (size >= 65_536) {
      yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield Buffer.from(batch.join(''), 'utf8');
}
