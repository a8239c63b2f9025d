/** `writeJson` writes exactly `JSON.stringify(value, null, 2) + '\n'`, in pieces. */
import fc from 'fast-check';
import { writeJson } from '../../src/cli/json-out';

function written(value: unknown, depth?: number): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  writeJson(value, (t) => {
    text += t;
    pieces++;
  }, depth);
  return { text, pieces };
}

describe('writeJson', () => {
  it('same text as JSON.stringify(value, null, 2) for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 5 }), (v, depth) => {
        expect(written(v, depth).text).toBe(JSON.stringify(v, null, 2) + '\n');
      }),
      { numRuns: 2000 },
    );
  });

  it('undefined, functions, Dates, nulls-prototype objects, empty containers, line breaks in strings', () => {
    const v = {
      a: undefined,
      b: [undefined, () => 1, new Date(Date.UTC(2025, 5, 30)), { x: undefined }],
      c: Object.assign(Object.create(null) as object, { k: 'línea\nsalto "comillas" \u2028' }),
      d: [],
      e: {},
      f: { toJSON: () => ({ g: [1, 2] }) },
      deep: { a: { b: { c: { d: [1, { e: 'f' }] } } } },
    };
    expect(written(v).text).toBe(JSON.stringify(v, null, 2) + '\n');
    expect(written([1, 'x']).text).toBe(JSON.stringify([1, 'x'], null, 2) + '\n');
    expect(written('solo').text).toBe('"solo"\n');
  });

  it('a large value goes out in several pieces', () => {
    const goals = Array.from({ length: 20_000 }, (_, i) => ({ code: `M${i}`, goal: `Meta ${i} — Secretaría`, compliance: i / 20_000 }));
    const r = written({ plan: { goals: goals.length }, goals });
    expect(r.text).toBe(JSON.stringify({ plan: { goals: goals.length }, goals }, null, 2) + '\n');
    expect(r.pieces).toBeGreaterThan(10);
  });
});
