/**
 * `compareFindings` is the order users read findings in (the pane, Observaciones, the CLI, the
 * notes of a cell): sheet, then row, then column in A1 order (B before AA), then errors before
 * warnings, then rule id. It compares addresses in place (issue 10, the pane's thread); these
 * properties pin the order against the cell's row and column numbers, not against its text.
 */
import fc from 'fast-check';
import { compareFindings, type Finding, type Severity } from '../../src/domain/finding';
import { cellAddress } from '../../src/domain/grid';

const runs = Number(process.env.FC_RUNS ?? 2000);

interface Placed {
  readonly finding: Finding;
  readonly col: number;
}

const placed: fc.Arbitrary<Placed> = fc
  .record({
    sheet: fc.constantFrom('HC T2', 'Plan'),
    // Few rows, so that many pairs share one and the column decides.
    row: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 1_048_576 })),
    col: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 16_384 })),
    severity: fc.constantFrom<Severity>('error', 'warning'),
    rule: fc.constantFrom('number', 'required', 'duplicate', 'percent-mismatch'),
  })
  .map(({ sheet, row, col, severity, rule }) => ({ col, finding: { sheet, row, cell: cellAddress(row, col), severity, rule, message: 'm' } }));

const severityRank = (s: Severity) => (s === 'error' ? 0 : 1);

/** The order as numbers: what the text comparison must agree with. */
function expected(a: Placed, b: Placed): number {
  const fa = a.finding;
  const fb = b.finding;
  if (fa.sheet !== fb.sheet) return fa.sheet < fb.sheet ? -1 : 1;
  if (fa.row !== fb.row) return fa.row - fb.row;
  if (a.col !== b.col) return a.col - b.col;
  if (fa.severity !== fb.severity) return severityRank(fa.severity) - severityRank(fb.severity);
  return fa.rule < fb.rule ? -1 : fa.rule > fb.rule ? 1 : 0;
}

describe('compareFindings', () => {
  it('orders two findings by sheet, row, column number, severity and rule', () => {
    fc.assert(
      fc.property(placed, placed, (a, b) => {
        expect(Math.sign(compareFindings(a.finding, b.finding))).toBe(Math.sign(expected(a, b)));
      }),
      { numRuns: runs },
    );
  });

  it('sorts a list into reading order, columns as numbers (Z, AA, AZ, BA)', () => {
    fc.assert(
      fc.property(fc.array(placed, { maxLength: 60 }), (list) => {
        const got = list.map((p) => p.finding).sort(compareFindings);
        const want = [...list].sort(expected).map((p) => p.finding);
        expect(got.map((f) => `${f.sheet}!${f.cell}/${f.severity}/${f.rule}`)).toEqual(want.map((f) => `${f.sheet}!${f.cell}/${f.severity}/${f.rule}`));
      }),
      { numRuns: Math.ceil(runs / 10) },
    );
  });
});
