/**
 * What can still be known of a formula saved with no cached value (a workbook written by a tool
 * that does not calculate: openpyxl, report generators). Such a cell is unknown
 * (`NOT_CALCULATED_CELL`), never blank nor 0 — except when its value follows from the workbook's
 * typed values alone, with no calculation Excel could do differently:
 *
 * - a literal (`"Ejecución PIIP "`, `2025`);
 * - a reference to a typed cell of the workbook (`X1`, `Resumen!$X$1`, `'Hoja 1'!B2`) holding text
 *   or a number (a date, a boolean or a blank referenced alone stays unknown);
 * - texts joined with `&`, `CONCATENATE` or `CONCAT` (a blank joins as "", a whole number as its
 *   digits; anything else — decimals, dates, other functions — stays unknown).
 *
 * A referenced cell that is itself such a formula is worked out the same way (a few levels deep).
 * DNP's follow-up report titles its execution block `=CONCATENATE("Ejecución PIIP ",Resumen!$X$1)`
 * over a typed «2025 - tercer trimestre»: the title, and so the period, is known without Excel.
 */
import { isCellError, NOT_CALCULATED, parseAddress, type CellValue, type Grid, type WorkbookGrids } from './grid';

/** How deep references to other such formulas are followed. */
const MAX_DEPTH = 4;

type Known = string | number;

/** The grids with every uncalculated formula whose value can be known (see the module's doc) given that value. */
export function resolveUncalculated(grids: WorkbookGrids): WorkbookGrids {
  const list = Array.isArray(grids?.sheets) ? grids.sheets : [];
  if (!list.some((g) => g?.formulas && g.formulas.length > 0)) return grids;
  const byName = new Map<string, Grid>();
  for (const g of list) if (g && typeof g.name === 'string') byName.set(g.name.toLowerCase(), g);
  const sheets = list.map((g): Grid => (g?.formulas && g.formulas.length > 0 ? withKnown(g, g.formulas, byName) : g));
  return { ...grids, sheets };
}

function withKnown(g: Grid, formulas: NonNullable<Grid['formulas']>, byName: ReadonlyMap<string, Grid>): Grid {
  let values: (readonly CellValue[] | undefined)[] | undefined;
  for (let i = 0; i < formulas.length; i++) {
    const row = formulas[i];
    if (!row) continue;
    for (let j = 0; j < row.length; j++) {
      const formula = row[j];
      if (formula === undefined || !isCellError(g.values[i]?.[j])) continue;
      const known = evaluate(formula, g, byName, 0);
      if (known === undefined) continue;
      values ??= [...g.values];
      const copy = [...(values[i] ?? [])];
      copy[j] = known;
      values[i] = copy;
    }
  }
  return values ? { ...g, values } : g;
}

/** The value of `formula` (written in `home`), or `undefined` when it cannot be known without calculating. */
export function evaluate(formula: string, home: Grid, byName: ReadonlyMap<string, Grid>, depth: number): Known | undefined {
  const p = new Parser(formula.replace(/^\s*=/, ''), home, byName, depth);
  const v = p.expression();
  if (v === undefined || !p.atEnd()) return undefined;
  return v.kind === 'blank' ? undefined : v.value;
}

type Term = { kind: 'value'; value: Known } | { kind: 'blank' };

const FUNCTIONS = new Set(['CONCATENATE', 'CONCAT', '_XLFN.CONCAT']);

class Parser {
  private at = 0;

  constructor(
    private readonly s: string,
    private readonly home: Grid,
    private readonly byName: ReadonlyMap<string, Grid>,
    private readonly depth: number,
  ) {}

  atEnd(): boolean {
    this.space();
    return this.at >= this.s.length;
  }

  /** term ('&' term)* */
  expression(): Term | undefined {
    const first = this.term();
    if (first === undefined) return undefined;
    this.space();
    if (this.s[this.at] !== '&') return first;
    const parts: Term[] = [first];
    while (this.s[this.at] === '&') {
      this.at++;
      const t = this.term();
      if (t === undefined) return undefined;
      parts.push(t);
      this.space();
    }
    return joined(parts);
  }

  private term(): Term | undefined {
    this.space();
    const s = this.s;
    const c = s[this.at];
    if (c === undefined) return undefined;
    if (c === '"') return this.text();
    if (c === '(') {
      this.at++;
      const inner = this.expression();
      this.space();
      if (inner === undefined || s[this.at] !== ')') return undefined;
      this.at++;
      return inner;
    }
    const num = /^\d+(?:\.\d+)?(?![\w.(!:$])/.exec(s.slice(this.at));
    if (num) {
      this.at += num[0].length;
      return { kind: 'value', value: Number(num[0]) };
    }
    const fn = /^([A-Za-z_][\w.]*)\s*\(/.exec(s.slice(this.at));
    if (fn && FUNCTIONS.has(fn[1].toUpperCase())) {
      this.at += fn[0].length;
      const args: Term[] = [];
      this.space();
      if (s[this.at] === ')') return undefined;
      for (;;) {
        const a = this.expression();
        if (a === undefined) return undefined;
        args.push(a);
        this.space();
        if (s[this.at] === ',' || s[this.at] === ';') {
          this.at++;
          continue;
        }
        if (s[this.at] !== ')') return undefined;
        this.at++;
        return joined(args);
      }
    }
    return this.reference();
  }

  /** `"…"` with `""` for a quote. */
  private text(): Term | undefined {
    let out = '';
    let k = this.at + 1;
    for (;;) {
      const q = this.s.indexOf('"', k);
      if (q < 0) return undefined;
      out += this.s.slice(k, q);
      if (this.s[q + 1] === '"') {
        out += '"';
        k = q + 2;
        continue;
      }
      this.at = q + 1;
      return { kind: 'value', value: out };
    }
  }

  /** `A1`, `$A$1`, `Hoja!A1`, `'Hoja 1'!$A$1`: the referenced cell's typed value. */
  private reference(): Term | undefined {
    const m = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![\w(!:])/.exec(this.s.slice(this.at));
    if (!m) return undefined;
    this.at += m[0].length;
    const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const grid = sheetName === undefined ? this.home : this.byName.get(sheetName.toLowerCase());
    if (!grid) return undefined;
    const addr = parseAddress(`${m[3]}${m[4]}`);
    if (!addr) return undefined;
    const origin = grid.origin ?? { row: 1, col: 1 };
    const i = addr.row - origin.row;
    const j = addr.col - origin.col;
    const v = i >= 0 && j >= 0 ? grid.values[i]?.[j] : undefined;
    if (v === undefined || v === null || v === '') return { kind: 'blank' };
    if (typeof v === 'string' || typeof v === 'number') return { kind: 'value', value: v };
    if (isCellError(v) && v.error === NOT_CALCULATED && this.depth < MAX_DEPTH) {
      const formula = grid.formulas?.[i]?.[j];
      const known = formula === undefined ? undefined : evaluate(formula, grid, this.byName, this.depth + 1);
      return known === undefined ? undefined : { kind: 'value', value: known };
    }
    return undefined;
  }

  private space(): void {
    while (this.at < this.s.length && /\s/.test(this.s[this.at])) this.at++;
  }
}

/** Terms joined as text: a blank is "", a whole number its digits; anything else cannot be known here. */
function joined(parts: readonly Term[]): Term | undefined {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'blank') continue;
    if (typeof p.value === 'string') out += p.value;
    else if (Number.isInteger(p.value) && Math.abs(p.value) < 1e15) out += String(p.value);
    else return undefined;
  }
  return { kind: 'value', value: out };
}
