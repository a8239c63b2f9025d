/**
 * Whether a written .xlsx package is consistent the way Excel needs it to open without "repair":
 * every internal relationship's target is a part of the package (absolute or relative targets,
 * ECMA-376 Part 2), every part has a content type (a `Default` for its extension or an
 * `Override`), every `Override` names a part that is there. Returns the problems, in words.
 */
import { attrsOf, elements, parseRels, resolveTarget } from '../../src/xlsx/ooxml';
import { sourceOfRels } from '../../src/xlsx/package';
import { openZip, readPartText } from '../../src/xlsx/zip';

export function packageProblems(bytes: Buffer): string[] {
  const zip = openZip(bytes);
  const parts = zip.entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
  const have = new Set(parts);
  const problems: string[] = [];
  const ct = readPartText(zip, '[Content_Types].xml');
  if (ct === null) return ['no [Content_Types].xml'];
  const defaults = new Set(elements(ct, 'Default').map((d) => (attrsOf(d.open).get('Extension') ?? '').toLowerCase()));
  const overrides = new Set(elements(ct, 'Override').map((o) => (attrsOf(o.open).get('PartName') ?? '').replace(/^\//, '')));
  for (const o of overrides) if (!have.has(o)) problems.push(`Override of a missing part: ${o}`);
  for (const p of parts) {
    if (p === '[Content_Types].xml') continue;
    const ext = p.slice(p.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(p) && !defaults.has(ext)) problems.push(`no content type: ${p}`);
    const source = sourceOfRels(p);
    if (source === null) continue;
    if (source !== '' && !have.has(source)) problems.push(`relationships of a missing part: ${p}`);
    for (const r of parseRels(readPartText(zip, p))) {
      if (r.external) continue;
      const target = resolveTarget(source, r.target);
      if (!have.has(target)) problems.push(`${p} ${r.id} → missing ${target} (${r.target})`);
    }
  }
  return problems;
}
