/**
 * Small, exact text helpers for the package parts `large-copy/` edits (workbook, relationships,
 * content types, styles, a worksheet's head and tail). They work on the XML text as written, so
 * what they do not touch stays byte for byte as it was — no parse-and-reserialise round trip.
 * No Node import: the pane's reader of picked files (`bytes-read.ts`) uses them too.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The attributes of a start tag (`<x a="1" b='2'>`), values decoded. Prefixed names keep their prefix. */
export function attrsOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const start = tag.search(/\s/);
  if (start < 0) return out;
  const body = tag.slice(start).replace(/\/?>$/, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** Sets (or adds) an attribute on a start tag. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, a: string) => `${a}${v}`);
  return tag.replace(/\s*(\/?>)$/, (_, end: string) => ` ${name}=${v}${end}`);
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`, 'g'), '');
}

/** Namespace prefix of the root element (`x:` for `<x:worksheet`), or ''. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** Puts every unprefixed element of `snippet` in `prefix` (a part whose main namespace has a prefix). */
export function withPrefix(snippet: string, prefix: string): string {
  if (!prefix) return snippet;
  return snippet.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(':') ? m : `<${slash}${prefix}${name}`));
}

/** Every element `<local …/>` or `<local …>…</local>` (any prefix) in `xml`, in order. Not for self-nesting elements. */
export function elements(xml: string, local: string): { text: string; index: number; open: string }[] {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^>]*?(?:\\/>|>[\\s\\S]*?<\\/\\1?${local}>)`, 'g');
  const out: { text: string; index: number; open: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push({ text: m[0], index: m.index, open: /^<[^>]*>/.exec(m[0])![0] });
  return out;
}

export interface Section {
  readonly start: number;
  readonly end: number;
  readonly open: string;
  readonly inner: string;
  readonly prefix: string;
}

/** The first `<local>` element of `xml`, with its start tag and content (empty for `<local/>`). */
export function section(xml: string, local: string): Section | null {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])([^>]*?)(\\/>|>([\\s\\S]*?)<\\/\\1?${local}>)`);
  const m = re.exec(xml);
  if (!m) return null;
  const open = m[3] === '/>' ? `<${m[1] ?? ''}${local}${m[2]}>` : /^<[^>]*>/.exec(m[0])![0];
  return { start: m.index, end: m.index + m[0].length, open, inner: m[4] ?? '', prefix: m[1] ?? '' };
}

/** Rewrites a section's content (and start tag), keeping its prefix. */
export function replaceSection(xml: string, s: Section, open: string, inner: string, local: string): string {
  return `${xml.slice(0, s.start)}${open}${inner}</${s.prefix}${local}>${xml.slice(s.end)}`;
}

// ---------------------------------------------------------------------------------------------
// Relationships

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  readonly element: string;
}

export function parseRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  return elements(xml, 'Relationship').map((e) => {
    const a = attrsOf(e.open);
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External', element: e.text };
  });
}

export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
} as const;

export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Whether a relationship type is `kind` (strict and transitional namespaces alike). */
export function relIs(type: string, kind: keyof typeof REL): boolean {
  return type.endsWith(`/${REL[kind].split('/').pop()!}`);
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const dir = dirname(part);
  return `${dir ? `${dir}/` : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

/** The folder of a part name (`xl/worksheets/sheet1.xml` → `xl/worksheets`; `a.xml` → ''). */
function dirname(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** `..` and `.` segments resolved (part names never go above the package root). */
function normalize(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

/** The part a relationship of `sourcePart` points at (relative or absolute target). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return normalize([...dirname(sourcePart).split('/'), ...target.split('/')]).join('/');
}

/** The relative target from `sourcePart` to `targetPart`, as Excel writes it. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = normalize(dirname(sourcePart).split('/'));
  const to = normalize(targetPart.split('/'));
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function relsXml(rels: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

export function relElement(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
}

/** A relationship id not in `taken` (`rIdTablero1`, `rIdTablero2`, …); adds it to `taken`. */
export function freshId(taken: Set<string>, stem = 'rIdTablero'): string {
  for (let i = 1; ; i++) {
    const id = `${stem}${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
