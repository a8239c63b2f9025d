/**
 * Issue 10, item 9: lists built by copying on every insertion made the pane's thread quadratic
 * (`map.set(k, [...(map.get(k) ?? []), x])` in excel/render.ts, excel/marks.ts, app/marks.ts,
 * sheets/alertas.ts, xlsx/large-copy.ts: 22 s to draw an 8,000-row Observaciones). Speed itself is
 * measured by `npm run bench -- panel`; this proves that `npm run lint` refuses the pattern again,
 * with the project's own configuration, and that src/ has none of it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: require('../../eslint.config.js') });

async function quadraticErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('lists grow in place (no copy per insertion)', () => {
  it.each([
    ['src/excel/render.ts', 'const byStyle = new Map<string, number[]>();\nfor (const c of [1, 2]) byStyle.set("a", [...(byStyle.get("a") ?? []), c]);\nexport const used = byStyle;\n'],
    ['src/sheets/alertas.ts', 'const m = new Map<string, number[]>();\nm.set("a", [...(m.get("a") || []), 1]);\nexport const used = m;\n'],
    ['src/app/marks.ts', 'const m = new Map<string, number[]>();\nm.set("a", (m.get("a") ?? []).concat(1));\nexport const used = m;\n'],
  ])('%s: the copying form fails lint', async (file, code) => {
    const errors = await quadraticErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('pushTo');
  });

  test('pushTo and a one-off spread pass', async () => {
    const code = 'import { pushTo } from "../domain/multimap";\nconst m = new Map<string, number[]>();\npushTo(m, "a", 1);\nconst parts = new Map<string, string>();\nparts.set("x", [...["a"], "b"].join(","));\nexport const used = [m, parts];\n';
    expect(await quadraticErrors('src/app/marks.ts', code)).toEqual([]);
  });

  test('no file of src/ copies a list per insertion', async () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(repoRoot, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (!/\.set\(/.test(text)) continue;
      const errors = await quadraticErrors(path.relative(repoRoot, file), text);
      if (errors.length) offenders.push(`${path.relative(repoRoot, file)}: ${errors.length}`);
    }
    expect(offenders).toEqual([]);
  });
});
