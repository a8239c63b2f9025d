/**
 * Property tests of the rules and the report (issue 5, item 1): sheets with real headers of each
 * kind and rows of random values per column — valid values, Colombian numbers typed as text,
 * nonsense text, negative and huge numbers, dates in every form, Excel errors, blanks, merged
 * cells, formula-looking text, prototype names — always validate and report without throwing,
 * and every finding is well formed: a catalog rule, a severity, an A1 cell on its row, and a
 * Spanish message that never shows `undefined`, `NaN` or `[object …]`.
 *
 * Runs: `FC_RUNS` (default 10000); `FC_SEED` replays a failure fast-check printed.
 */
import fc from 'fast-check';
import type { CellRange, CellValue, Grid, WorkbookGrids } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/reader';
import { validateWorkbook } from '../../src/app/validate';
import { buildReport } from '../../src/app/report';
import { allRules } from '../../src/rules';
import { defaultRatingRanges, type EngineOptions } from '../../src/domain/options';
import { goalStates } from '../../src/domain/goal';

const runs = Number(process.env.FC_RUNS ?? 10000);
const ruleIds = new Set(allRules.map((r) => r.meta.id));
const stateIds = new Set<string>(goalStates);

const captureHeader = [
  'Código meta producto', 'Meta de producto', 'Dependencia', 'Dimensión', 'Código programa', 'Tipo de acumulación',
  'Línea base', 'Meta vigencia 2025', 'Programado T1', 'Programado T2', 'Programado T3', 'Programado T4',
  'Ejecutado T1', 'Ejecutado T2', 'Ejecutado T3', 'Ejecutado T4', 'Ejecutado acumulado', '% avance', 'Ponderación',
  'Apropiación definitiva', 'Compromisos', 'Obligaciones', 'Pagos', 'Análisis del avance', 'Evidencia',
  'Estado de la meta', 'Numerador', 'Denominador', 'Unidad de medida',
];
const planHeader = [
  'Dimensión', 'Código programa', 'Programa', 'Código meta producto', 'Meta de producto', 'Tipo de meta',
  'Tipo de acumulación', 'Línea base', 'Meta vigencia', 'Programado T1', 'Programado T2', 'Programado T3',
  'Programado T4', 'Ponderación', 'Dependencia', 'Responsable', 'Código BPIN', 'Actividad', 'Fecha inicio',
  'Fecha fin', '% avance actividad', 'Fuente de financiación', 'Valor programado', 'Requiere contratación',
];
const techosHeader = ['Código programa', 'Programa', 'Dependencia', 'Fuente de financiación', 'Techo'];

const hostile: fc.Arbitrary<CellValue> = fc.constantFrom(
  '=HYPERLINK("http://x","clic")', '+57 300 123 4567', '-1+1', '@SUM(A1)', '__proto__', 'constructor', 'toString',
  '', ' ', 'x'.repeat(5000), '#REF!', 'Total', 'TOTAL general',
);
const number: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.constantFrom(0, 0.5, 1, 100, 1e15, -0),
  fc.constantFrom('1.234.567', '$ 1.234.567,50', '45 %', '1,5', '1.5', 'doce', '12 unidades'),
);
/** Words that must never leak into a message; typed text that happens to spell one is left out. */
const leaks = /undefined|NaN|\[object|Infinity|null/;
const typed = (maxLength: number) => fc.string({ maxLength }).filter((t) => !leaks.test(t));
const code: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom('1905021', '1905044', '2201015', '1702-01', '1905.01.03', 'GOB-01', 1905021, 1905, '1905', '0123', '19'),
  typed(6),
);
const text: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom('Secretaría de Salud', 'Secretaría de Educación', 'Dimensión Social', 'Vacunar 500 niños', '%', 'Porcentaje'),
  typed(10),
);
const date: fc.Arbitrary<CellValue> = fc.oneof(
  fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)) }),
  fc.constantFrom('30/06/2025', '31/02/2025', '15-ene-2025', '01-sep-22', '15 de marzo de 2025', '2025-13-01', 45838),
);
const enumValue: fc.Arbitrary<CellValue> = fc.constantFrom(
  'Suma', 'Creciente', 'Constante', 'Decreciente', 'Sumatoria', 'Stock', 'Reducción', 'Otra cosa',
  'Producto', 'Gestión', 'SGP - Salud', 'ICLD', 'Recursos propios', 'Sí', 'No', 'X', 'Meta eliminada', 'Activa',
);
const error: fc.Arbitrary<CellValue> = fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '#N/A' });

/** Any cell value, weighted towards the column's own type so that rows mostly look filled. */
function cellFor(kind: 'number' | 'code' | 'text' | 'date' | 'enum'): fc.Arbitrary<CellValue> {
  const own = { number, code, text, date, enum: enumValue }[kind];
  return fc.oneof(
    { weight: 8, arbitrary: own },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: error },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: number },
  );
}

function kindOfHeader(h: string): 'number' | 'code' | 'text' | 'date' | 'enum' {
  if (/^C[óo]digo/.test(h)) return 'code';
  if (/Fecha/.test(h)) return 'date';
  if (/^Tipo|Fuente|Estado|Requiere/.test(h)) return 'enum';
  if (/Meta de producto|Dependencia|Dimensi|Programa$|Responsable|Actividad|An[áa]lisis|Evidencia|Unidad/.test(h)) return 'text';
  return 'number';
}

function sheetOf(name: string, header: string[], rowCount: number): fc.Arbitrary<Grid> {
  const rowArb = fc.tuple(...header.map((h) => cellFor(kindOfHeader(h))));
  return fc
    .record({
      rows: fc.array(rowArb, { minLength: 1, maxLength: rowCount }),
      titleRows: fc.nat(3),
      merges: fc.array(fc.tuple(fc.nat(header.length - 1), fc.nat(rowCount), fc.integer({ min: 1, max: 3 })), { maxLength: 3 }),
      percentFormat: fc.boolean(),
    })
    .map(({ rows, titleRows, merges, percentFormat }) => {
      const title: CellValue[][] = [['Alcaldía de San Juan de Pasto'], ['Vigencia: 2025'], ['Fecha de corte: 30/06/2025']].slice(0, titleRows);
      const values: CellValue[][] = [...title, header, ...rows.map((r) => [...r])];
      const headerRow = titleRows + 1;
      const mergeRanges: CellRange[] = merges.map(([col, start, span]) => ({
        top: headerRow + 1 + start,
        left: col + 1,
        bottom: headerRow + 1 + start + span,
        right: col + 1,
      }));
      const pctCol = header.findIndex((h) => h.startsWith('%') || h === 'Ponderación');
      const numberFormats = percentFormat && pctCol >= 0 ? values.map((_, i) => (i > headerRow - 1 ? Object.assign([], { [pctCol]: '0%' }) : [])) : undefined;
      return { name, values, merges: mergeRanges, ...(numberFormats ? { numberFormats } : {}) };
    });
}

const workbook: fc.Arbitrary<WorkbookGrids> = fc
  .record({
    capture: fc.option(sheetOf('HC T2', captureHeader, 6), { freq: 4 }),
    plan: fc.option(sheetOf('PE-F-012', planHeader, 6), { freq: 2 }),
    techos: fc.option(sheetOf('Techos', techosHeader, 4), { freq: 3 }),
  })
  .map(({ capture, plan, techos }) => ({ name: 'aleatorio.xlsx', sheets: [capture, plan, techos].filter((g): g is Grid => g !== null) }));

const cutoff = fc.constantFrom('2025-01-15', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-06-30');

function optionsFor(c: string): EngineOptions {
  return { cutoff: c, vigencia: 2025, lagThreshold: 0.8, ratingRanges: defaultRatingRanges, extraSources: [] };
}

function ratioOk(x: number | null): boolean {
  return x === null || (Number.isFinite(x) && x >= 0);
}

describe('rules and report on random workbooks (property)', () => {
  it('never throw and always give well-formed findings and figures', () => {
    fc.assert(
      fc.property(workbook, cutoff, (grids, c) => {
        const wb = readWorkbook(grids);
        const options = optionsFor(c);
        const result = validateWorkbook(wb, options);
        const sheetNames = new Set(wb.sheets.map((s) => s.name));
        const seen = new Set<string>();
        let errors = 0;
        for (const f of result.findings) {
          if (!ruleIds.has(f.rule)) throw new Error(`regla desconocida ${f.rule}`);
          if (f.severity !== 'error' && f.severity !== 'warning') throw new Error(`gravedad ${String(f.severity)}`);
          if (!sheetNames.has(f.sheet)) throw new Error(`hoja ${f.sheet}`);
          const m = /^([A-Z]{1,3})(\d+)$/.exec(f.cell);
          if (!m || Number(m[2]) !== f.row || f.row < 1) throw new Error(`celda ${f.cell} en la fila ${f.row}`);
          if (!f.message.trim() || leaks.test(f.message)) throw new Error(`mensaje de ${f.rule}: ${f.message}`);
          if (f.goal !== undefined && typeof f.goal !== 'string') throw new Error(`meta ${String(f.goal)}`);
          const key = `${f.rule}|${f.sheet}|${f.cell}${f.rule === 'header-missing' ? `|${f.message}` : ''}`;
          if (seen.has(key)) throw new Error(`dos hallazgos de ${f.rule} en ${f.cell}`);
          seen.add(key);
          if (f.severity === 'error') errors++;
        }
        if (errors !== result.errors || result.findings.length - errors !== result.warnings) throw new Error('conteos');

        const report = buildReport(wb, options);
        JSON.stringify(report);
        for (const g of report.goals) {
          if (!stateIds.has(g.state)) throw new Error(`estado ${g.state}`);
          if (!ratioOk(g.compliance) || !ratioOk(g.progress)) throw new Error(`razones de ${g.code}`);
        }
        for (const group of [report.plan, ...report.units, ...report.dimensions]) {
          for (const r of [group.compliance, group.progress, group.budgetExecution]) {
            if (!ratioOk(r) || (r !== null && r > 1 && r !== group.budgetExecution)) throw new Error(`agregado ${JSON.stringify(group)}`);
          }
          for (const s of Object.keys(group.states)) if (!stateIds.has(s)) throw new Error(`estado ${s}`);
        }
        return true;
      }),
      { numRuns: runs, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  });
});
