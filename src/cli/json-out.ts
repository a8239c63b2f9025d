/**
 * `JSON.stringify(value, null, 2) + '\n'` written in pieces: the same bytes, without building the
 * whole text at once. The `reporte --json` of a 200,000-row sheet is ~120 million characters —
 * one string of that size (and its UTF-8 copy on the way to stdout) is a few hundred MB at the
 * end of a run that must stay within 1.5 GB.
 *
 * Plain objects and arrays near the top are walked; everything below `depth` (and anything with
 * a `toJSON`, such as a Date) is stringified whole, re-indented to its place.
 */

/** Pieces are gathered up to about this many characters before each write. */
const PIECE = 1 << 16;

export function writeJson(value: unknown, write: (text: string) => void, depth = 3): void {
  let buffer = '';
  const out = (s: string) => {
    buffer += s;
    if (buffer.length >= PIECE) {
      write(buffer);
      buffer = '';
    }
  };
  emit(value, 0, depth, out);
  out('\n');
  if (buffer) write(buffer);
}

function isWalkable(v: unknown): v is Record<string, unknown> | unknown[] {
  if (typeof v !== 'object' || v === null) return false;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function emit(v: unknown, level: number, depth: number, out: (s: string) => void): void {
  if (level >= depth || !isWalkable(v)) {
    const text = JSON.stringify(v, null, 2);
    // Strings inside JSON never hold a raw line break: every '\n' is the layout's own.
    out(level === 0 ? text : text.replace(/\n/g, '\n' + '  '.repeat(level)));
    return;
  }
  const pad = '  '.repeat(level + 1);
  if (Array.isArray(v)) {
    if (v.length === 0) return out('[]');
    out('[');
    for (let i = 0; i < v.length; i++) {
      out(i === 0 ? `\n${pad}` : `,\n${pad}`);
      if (isSkipped(v[i])) out('null');
      else emit(v[i], level + 1, depth, out);
    }
    out(`\n${'  '.repeat(level)}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(v)) {
    const x = v[key];
    if (isSkipped(x)) continue;
    out(`${first ? '{' : ','}\n${pad}${JSON.stringify(key)}: `);
    first = false;
    emit(x, level + 1, depth, out);
  }
  out(first ? '{}' : `\n${'  '.repeat(level)}}`);
}
