/**
 * Property tests of the reader (issue 5, item 1): whatever the grid — any mix of numbers, text,
 * Colombian numbers, dates, error values, blanks, merged areas (overlapping, reversed, out of
 * range), huge and empty strings, headers named like Object.prototype members — `readWorkbook`
 * never throws, never changes the grid and always returns a well-formed result.
 *
 * Runs: `FC_RUNS` (default 10000).
 */
import fc from 'fast-check';
import { readSheet, readWorkbook, type ReaderOptions } from '../../src/domain/reader';
import type { CellRange, CellValue, Grid, WorkbookGrids } from '../../src/domain/grid';
import { fieldType, requiredFields, type FieldId } from '../../src/domain/fields';
import type { ReadSheet, ReadWorkbook } from '../../src/domain/sheet';
import { scalarAliases } from '../../src/domain/headers';
import { accumulationAliases, defaultSources, parseNumberText } from '../../src/domain/values';

const runs = Number(process.env.FC_RUNS ?? 10000);
const huge = 'x'.repeat(100_000);
const hugeNumberish = '1.'.repeat(50_000);
const prototypeNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

/** A Colombian-style number and the value it stands for. */
const colombianNumber = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([int, cents, withCents, money, negative]) => {
    const grouped = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const text = `${negative ? '-' : ''}${money ? '$ ' : ''}${grouped}${withCents ? `,${String(cents).padStart(2, '0')}` : ''}`;
    const value = (negative ? -1 : 1) * (int + (withCents ? cents / 100 : 0));
    return { text, value };
  });

const headerTexts = [
  ...Object.values(scalarAliases).flat(),
  'Programado T1', 'Ejecutado T2', 'Avance T3', 'Meta 2025', 'PROGRAMACIÓN', 'EJECUCIÓN', 'T1', 'T2', 'Ene', 'Ejecutado Dic',
  'Total', 'TOTAL', 'Vigencia', 'Vigencia: 2025', 'Fecha de corte', 'Alcaldía de Pasto', 'Dependencia: Salud',
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noDefaultInfinity: false }), fc.constantFrom(0, -0, 45838, 2025, 1e21)) },
  { weight: 2, arbitrary: colombianNumber.map((n) => n.text) },
  { weight: 1, arbitrary: fc.constantFrom('45 %', '45,5 %', '1.5', '1.234', '1,234,567', '$', '.', '(1.234)', '0 %') },
  { weight: 1, arbitrary: fc.date({ min: new Date(-1e13), max: new Date(1e13) }) },
  { weight: 1, arbitrary: fc.constantFrom('30/06/2025', '31/02/2025', '01-sep-22', '15 de marzo de 2025', '2025-06-30', '29/02/2024') },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!').map((error) => (Math.random() < 0.5 ? { error } : error)) },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#NAME?' }, { error: '#NUM!' }, { error: '#NULL!' }, { error: '' }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t', '\u00a0', huge, hugeNumberish, ...prototypeNames) },
  { weight: 2, arbitrary: fc.constantFrom(...headerTexts) },
  { weight: 1, arbitrary: fc.constantFrom(...Object.values(accumulationAliases).flat(), ...defaultSources, 'Sí', 'No', 'Meta eliminada') },
  { weight: 1, arbitrary: fc.boolean() },
);

const row = fc.array(cellValue, { maxLength: 8 });

/** A header row of a known kind, so that data rows are exercised. */
const knownHeader = fc.constantFrom<CellValue[]>(
  ['Código meta', 'Meta', 'Dependencia', 'Tipo de acumulación', 'Meta vigencia', 'Ejecutado T1', '% avance', 'Estado'],
  ['Dimensión', 'Código programa', 'Programa', 'Código meta', 'Meta', 'Tipo de meta', 'Tipo de acumulación', 'Meta vigencia', 'Dependencia', 'Responsable', 'Actividad', 'Fecha inicio', 'Fecha fin', 'Fuente', 'Valor', 'Requiere contratación'],
  ['Código programa', 'Programa', 'Fuente', 'Techo'],
  ['Proceso', 'Meta', 'Tipo de programación', 'Magnitud', 'Programación T1', 'Ejecución T1'],
  ['Código meta', 'Meta', 'Dependencia', 'PROGRAMACIÓN', 'EJECUCIÓN', '__proto__', 'constructor'],
);

const coordinate = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 14 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -3, 16384, 1_048_576, Number.NaN, 2.5) },
);
const merge: fc.Arbitrary<CellRange> = fc.record({ top: coordinate, left: coordinate, bottom: coordinate, right: coordinate });

const formats = fc.array(fc.array(fc.constantFrom(null, undefined, 'General', '0%', '0.0 %', 'dd/mm/yyyy', '#,##0', '[h]:mm', '"%"0'), { maxLength: 8 }), { maxLength: 14 });

const grid: fc.Arbitrary<Grid> = fc
  .record({
    name: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...prototypeNames)),
    body: fc.array(row, { maxLength: 12 }),
    header: fc.option(fc.tuple(knownHeader, fc.nat(5)), { freq: 2 }),
    merges: fc.array(merge, { maxLength: 5 }),
    numberFormats: fc.option(formats),
    origin: fc.option(fc.record({ row: fc.integer({ min: 1, max: 4 }), col: fc.integer({ min: 1, max: 4 }) })),
    visibility: fc.constantFrom<Grid['visibility']>(undefined, 'visible', 'hidden', 'veryHidden'),
  })
  .map(({ name, body, header, merges, numberFormats, origin, visibility }) => {
    const values: (CellValue[] | undefined)[] = body.map((r, i) => (i === 3 && r.length === 0 ? undefined : r));
    if (header) values.splice(Math.min(header[1], values.length), 0, header[0]);
    return {
      name,
      values,
      merges,
      ...(numberFormats ? { numberFormats } : {}),
      ...(origin ? { origin } : {}),
      ...(visibility ? { visibility } : {}),
    };
  });

const workbook: fc.Arbitrary<WorkbookGrids> = fc.record({ name: fc.string({ maxLength: 8 }), sheets: fc.array(grid, { maxLength: 3 }) });

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o) && !(o instanceof Date)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const enumValues: Record<string, ReadonlySet<unknown>> = {
  goalType: new Set(['Producto', 'Gestión', 'Administrativa']),
  accumulation: new Set(['suma', 'creciente', 'constante', 'decreciente']),
  goalState: new Set(['activa', 'eliminada']),
};

/** Every invariant a read sheet keeps (throws with a message when one breaks). */
function checkSheet(s: ReadSheet, g: Grid): void {
  const fail = (what: string) => {
    throw new Error(`${what} en la hoja ${JSON.stringify(s.name)}`);
  };
  const originRow = g.origin?.row ?? 1;
  if (!['plan-accion', 'hoja-captura', 'techos'].includes(s.kind)) fail('kind');
  if (!(s.firstHeaderRow <= s.headerRow && s.headerRow - s.firstHeaderRow <= 1)) fail('header rows');
  if (s.headerRow >= originRow + 30 || s.firstHeaderRow < originRow) fail('header outside the first 30 rows');
  if (s.periodCount !== (s.periodKind === 'month' ? 12 : 4)) fail('periodCount');
  const required = new Set<string>(requiredFields[s.kind]);
  for (const m of s.missing) if (!required.has(m)) fail(`missing ${m}`);
  const cols = Object.entries(s.columns) as [FieldId, number][];
  if (new Set(cols.map(([, c]) => c)).size !== cols.length) fail('one column for two fields');
  for (const [f, c] of cols) {
    if (!Number.isInteger(c) || c < 1) fail(`column of ${f}`);
    if (typeof s.headers[f] !== 'string') fail(`header of ${f}`);
  }
  let last = s.headerRow;
  for (const r of s.rows) {
    if (!(r.row > last)) fail('rows out of order');
    last = r.row;
    for (const [f, cell] of Object.entries(r.cells) as [FieldId, NonNullable<(typeof r.cells)[FieldId]>][]) {
      if (cell.col !== s.columns[f]) fail(`cell column of ${f}`);
      checkParsed(f, cell.parsed, fail);
    }
  }
  const rowSet = new Set(s.rows.map((r) => r.row));
  for (const e of s.errorCells) {
    if (!rowSet.has(e.row) || typeof e.code !== 'string' || !Number.isInteger(e.col)) fail('error cell');
    if (e.field !== undefined && s.columns[e.field] !== e.col) fail('error cell field');
  }
  if (!['visible', 'hidden', 'veryHidden'].includes(s.visibility)) fail('visibility');
}

function checkParsed(f: FieldId, p: ReadSheet['rows'][number]['cells'][FieldId] extends infer C ? (C extends { parsed: infer P } ? P : never) : never, fail: (w: string) => void): void {
  if (p.status === 'blank') return;
  if (p.status === 'invalid') return void (typeof p.text !== 'string' && fail(`invalid text of ${f}`));
  if (p.status === 'error') return void (typeof p.code !== 'string' && fail(`error code of ${f}`));
  if (p.status !== 'ok') return fail(`status of ${f}`);
  const t = fieldType(f);
  const v = p.value;
  if (t === 'number' || t === 'magnitude' || t === 'money' || t === 'percent') {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`number of ${f}`);
  } else if (t === 'date') {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`date of ${f}: ${String(v)}`);
  } else if (t === 'yesNo') {
    if (typeof v !== 'boolean') fail(`yes/no of ${f}`);
  } else if (enumValues[t]) {
    if (!enumValues[t].has(v)) fail(`enum of ${f}`);
  } else if (typeof v !== 'string') {
    fail(`text of ${f}`);
  }
}

/** JSON of a result, for a cheap deep comparison (no Map, Date or undefined inside). */
const json = (x: unknown): string => JSON.stringify(x);

/** readWorkbook keeps the workbook's order: each grid is one read sheet or one unknown sheet. */
function checkWorkbook(read: ReadWorkbook, wb: WorkbookGrids, options: ReaderOptions): void {
  let k = 0;
  let u = 0;
  for (const g of wb.sheets) {
    const alone = readSheet(g, options);
    if ('kind' in alone) {
      const s = read.sheets[k++];
      checkSheet(s, g);
      if (json(s) !== json(alone)) throw new Error(`readWorkbook and readSheet differ on ${json(g.name)}`);
    } else {
      const un = read.unknown[u++];
      if (json(un) !== json(alone) || alone.reason.length === 0) throw new Error(`unknown sheet ${json(g.name)}`);
    }
  }
  if (k !== read.sheets.length || u !== read.unknown.length) throw new Error('sheets lost or added');
}

describe('the reader on any grid', () => {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it('never throws, never changes the grid and returns a well-formed result', () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        deepFreeze(wb);
        const options: ReaderOptions = { extraSources: ['__proto__', 'Fondo local'], includeHidden: true };
        const read = readWorkbook(wb, options);
        checkWorkbook(read, wb, options);
      }),
      { numRuns: runs },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads data rows under a known header (the cases above do reach data)', () => {
    let withRows = 0;
    fc.assert(
      fc.property(workbook, (wb) => {
        for (const s of readWorkbook(wb).sheets) if (s.rows.length > 0) withRows++;
      }),
      { numRuns: Math.min(runs, 2000) },
    );
    expect(withRows).toBeGreaterThan(0);
  });

  it('reads every Colombian number back as the value it was written from', () => {
    fc.assert(
      fc.property(colombianNumber, ({ text, value }) => {
        const n = parseNumberText(text);
        return n !== undefined && !n.percent && Math.abs(n.value - value) < 1e-6;
      }),
      { numRuns: runs },
    );
  });
});
