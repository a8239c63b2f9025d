/**
 * Streamed inflation for the door check: a part is inflated in steps and counted, never kept, and
 * its first and last bytes tell whether an XML part ends with its root's closing tag. Host-neutral
 * (the Web `DecompressionStream`, Node ≥ 18 and every browser Office supports), so the pane's
 * reader of picked files (`xlsx/bytes-read.ts`) inflates with `inflateRaw` too.
 */

/**
 * Inflates raw deflate data in 1 MB steps, handing each output chunk to `take`; `take` returning
 * `false` stops there (the rest is never inflated). Rejects on corrupt data. Memory stays
 * constant whatever the entry claims or really holds.
 */
export async function inflateRaw(data: Uint8Array, take: (chunk: Uint8Array) => boolean | void): Promise<void> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  const CHUNK = 1 << 20;
  const writing = (async () => {
    for (let i = 0; i < data.length; i += CHUNK) await writer.write(data.subarray(i, Math.min(i + CHUNK, data.length)) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })().catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (take(value) === false) {
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        break;
      }
    }
  } finally {
    await writing;
  }
}

/** Inflates raw deflate data, counting the output (each chunk seen by `see`) and stopping beyond `cap` bytes. */
export async function inflateCounting(data: Uint8Array, cap: number, see: (chunk: Uint8Array) => void): Promise<number | 'error'> {
  let produced = 0;
  try {
    await inflateRaw(data, (chunk) => {
      produced += chunk.byteLength;
      if (produced > cap) return false;
      see(chunk);
      return true;
    });
  } catch {
    return 'error';
  }
  return produced;
}

/**
 * The first and last bytes of an XML part, seen as it streams by: enough to tell whether the
 * document ends with its root element's closing tag — a part cut short (a sheet that stops after
 * row 13, shared strings missing their end) inside an otherwise intact zip does not.
 */
export class PartEnds {
  private static readonly HEAD = 4096;
  private static readonly TAIL = 512;
  private head = '';
  private tail = '';
  private readonly latin1 = new TextDecoder('latin1');

  take(chunk: Uint8Array): void {
    if (this.head.length < PartEnds.HEAD) this.head += this.latin1.decode(chunk.subarray(0, PartEnds.HEAD - this.head.length));
    const end = this.latin1.decode(chunk.subarray(Math.max(0, chunk.byteLength - PartEnds.TAIL)));
    this.tail = (this.tail + end).slice(-PartEnds.TAIL);
  }

  /** True when the root element is closed (`</x:root>`, or a self-closing root); false for an empty part. */
  closesItsRoot(): boolean {
    // Skip the BOM, the declaration, comments, processing instructions and a doctype.
    const prolog = /^(?:\uFEFF|\xEF\xBB\xBF)?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/.exec(this.head)![0];
    const root = /^<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(this.head.slice(prolog.length));
    if (!root) return this.head.length > 0; // empty: cut to nothing; else a start tag too long to judge
    const rest = this.tail.replace(/[\s\0]+$/, '');
    if (root[2] === '/') return rest.endsWith('>');
    return new RegExp(`</${root[1].replace(/[.]/g, '\\.')}\\s*>$`).test(rest);
  }
}
