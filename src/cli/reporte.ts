/**
 * `tablero reporte <archivo.xlsx>... [--corte AAAA-MM-DD] [--json]`
 *
 * With `--json`: exactly the documented report (product.md "reporte --json"). Without it: a
 * readable summary (plan figures, units ranked, dimensions, lagging goals) — friendlier than a
 * usage error for a person at a terminal.
 *
 * Several files are reported together, as one plan (the reviewer's view over the units' sheets):
 * their sheets are pooled; a sheet name used by two files gets the file name appended
 * ("HC T2 (salud.xlsx)") so findings and rows stay traceable. Any unusable file → exit 2 and no
 * report. The report does not depend on validation errors: exit code 0 when it was produced.
 */
import * as path from 'node:path';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import { formatDate, formatMoney, formatNumber } from '../domain/format';
import { ratingLabel } from '../domain/aggregate';
import { goalStateLabels } from '../domain/goal';
import { isOverExecuted } from '../domain/progress';
import { InputError } from '../app/errors';
import { buildReport, resolveOptions, type Report, type ReportFigures } from '../app/report';
import { allowOnly, checkCutoffInVigencia, readingOf } from './args';
import type { CliDeps } from './deps';
import { oneLine, pct, plural, styleFor, table, type Style } from './output';
import { writeJson } from './json-out';
import { createProgress } from './progress';
import { UsageError, type CliIO, type ParsedArgs } from './types';

/** Pools the sheets of several workbooks into one, renaming clashing sheet names. */
export function mergeWorkbooks(books: readonly { file: string; workbook: ReadWorkbook }[]): ReadWorkbook {
  if (books.length === 1) return books[0].workbook;
  const count = new Map<string, number>();
  for (const b of books) for (const s of b.workbook.sheets) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  const sheets: ReadSheet[] = [];
  for (const b of books) {
    for (const s of b.workbook.sheets) {
      sheets.push(count.get(s.name)! > 1 ? { ...s, name: `${s.name} (${path.basename(b.file)})` } : s);
    }
  }
  return {
    name: books.map((b) => path.basename(b.file)).join(', '),
    sheets,
    unknown: books.flatMap((b) => b.workbook.unknown),
  };
}

export function makeReporte(deps: CliDeps) {
  return async function reporte(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { corte: true, json: true, reading: true });
    if (args.files.length === 0) throw new UsageError('Indique al menos un libro: tablero reporte <archivo.xlsx>... [--corte AAAA-MM-DD] --json');
    const progress = createProgress(io, args.files.length > 1, deps.progress);
    const books: { file: string; workbook: ReadWorkbook }[] = [];
    const failures: string[] = [];
    try {
      for (let i = 0; i < args.files.length; i++) {
        progress.item(args.files[i]);
        progress.report('Leyendo', i, args.files.length);
        try {
          // Only the read workbook is kept: the grids of each file are dropped once it is recognised.
          const file = args.files[i];
          const { workbook } = await deps.load(file, io, (n, final) => progress.rows(file, n, final), readingOf(args));
          books.push({ file, workbook });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          failures.push(e.message);
        }
      }
    } finally {
      progress.done();
    }
    if (failures.length) {
      for (const f of failures) io.stderr(`tablero: ${oneLine(f)}\n`);
      return 2;
    }
    const workbook = mergeWorkbooks(books);
    const options = resolveOptions({ cutoff: args.corte, ...(args.vigencia !== undefined ? { vigencia: Number(args.vigencia) } : {}) }, workbook, io.now);
    checkCutoffInVigencia(args.corte, options.vigencia);
    const last = books[books.length - 1].file;
    progress.phase('Calculando el reporte de', last);
    const report = buildReport(workbook, options);
    progress.done();
    if (args.json) writeJson(report, io.stdout);
    else io.stdout(formatReport(report, books.map((b) => b.file), styleFor(deps.colour)));
    return 0;
  };
}

const stateLabels: Record<string, [string, string]> = {
  eliminada: ['eliminada', 'eliminadas'],
  'no-medible': ['no medible', 'no medibles'],
  sobreejecutada: ['sobreejecutada', 'sobreejecutadas'],
  cumplida: ['cumplida', 'cumplidas'],
  'no-cumplida': ['no cumplida', 'no cumplidas'],
  'sin-programacion': ['sin programación', 'sin programación'],
  'no-iniciada': ['no iniciada', 'no iniciadas'],
  atrasada: ['atrasada', 'atrasadas'],
  'al-dia': ['al día', 'al día'],
};

function statesText(states: Readonly<Partial<Record<string, number>>>): string {
  const parts = Object.entries(states)
    .filter((e): e is [string, number] => (e[1] ?? 0) > 0)
    .map(([s, n]) => (stateLabels[s] ? plural(n, stateLabels[s][0], stateLabels[s][1]) : `${formatNumber(n, 0)} ${s}`));
  return parts.length ? parts.join(', ') : '—';
}

const cut = (t: string): string => (t.length > 60 ? `${t.slice(0, 59)}…` : t);

function figureRows(rows: readonly (ReportFigures & { name?: string })[]): string[][] {
  return rows.map((f) => [
    f.name ?? '',
    formatNumber(f.goals, 0),
    pct(f.compliance),
    pct(f.progress),
    pct(f.budgetExecution),
    pct(f.obligationsRatio),
    pct(f.paymentsRatio),
    f.rating ?? '—',
  ]);
}

const FIGURE_ALIGN: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'];

export function formatReport(r: Report, files: readonly string[], style: Style): string {
  const out: string[] = [];
  out.push(style.bold(`Reporte de avance — vigencia ${r.vigencia}, corte ${formatDate(r.cutoff)}${r.period ? ` (${r.period})` : ''}`));
  out.push(style.dim(`  ${files.join(', ')}`));
  out.push('');
  const p = r.plan;
  const FIGURE_HEAD = ['Metas', 'Cumplimiento', 'Avance', 'Compromisos', 'Obligaciones', 'Pagos', p.partial ? 'Calificación (parcial)' : 'Calificación'];
  out.push(
    `  Plan: ${plural(p.goals, 'meta de producto', 'metas de producto')}; cumplimiento físico al corte ${pct(p.compliance)}; ` +
      `avance de la vigencia ${pct(p.progress)}; calificación ${ratingLabel(p.rating, p.partial, r.period)}.`,
  );
  out.push(
    `  Ejecución presupuestal (÷ apropiación definitiva): compromisos ${pct(p.budgetExecution)}, obligaciones ${pct(p.obligationsRatio)}, pagos ${pct(p.paymentsRatio)}.`,
  );
  out.push(`  Estados: ${statesText(p.states)}.`);
  if (r.units.length) {
    out.push('');
    out.push(style.bold('  Dependencias (ranking de gestión)'));
    const units = [...r.units].sort((a, b) => a.rank - b.rank);
    out.push(
      table(
        ['#', 'Dependencia', ...FIGURE_HEAD],
        figureRows(units).map((row, i) => [String(units[i].rank), ...row]),
        ['r', ...FIGURE_ALIGN],
        style,
      ),
    );
  }
  if (r.dimensions.length) {
    out.push(style.bold('  Dimensiones'));
    out.push(table(['Dimensión', ...FIGURE_HEAD], figureRows(r.dimensions), FIGURE_ALIGN, style));
  }
  if (r.programs.length) {
    out.push(style.bold('  Programas'));
    out.push(table(['Programa', ...FIGURE_HEAD], figureRows(r.programs.map((x) => ({ ...x, name: cut(x.name) }))), FIGURE_ALIGN, style));
  }
  if (r.gestion) {
    out.push(style.bold('  Metas de gestión y administrativas (fuera de la calificación)'));
    out.push(table(['', ...FIGURE_HEAD], figureRows([{ ...r.gestion, name: 'Gestión' }]), FIGURE_ALIGN, style));
  }
  if (r.sources.length) {
    out.push(style.bold('  Ejecución por fuente de financiación'));
    out.push(
      table(
        ['Fuente', 'Apropiación', 'Compromisos', 'Obligaciones', 'Pagos'],
        r.sources.map((x) => [x.name, formatMoney(x.final), pct(x.budgetExecution), pct(x.obligationsRatio), pct(x.paymentsRatio)]),
        ['l', 'r', 'r', 'r', 'r'],
        style,
      ),
    );
  }
  const product = r.goals.filter((g) => g.goalType === null || g.goalType === 'Producto');
  const lagging = product.filter((g) => g.state === 'atrasada' || g.state === 'no-iniciada' || g.state === 'no-cumplida');
  if (lagging.length) {
    out.push(style.bold(`  Metas rezagadas (${formatNumber(lagging.length, 0)})`));
    out.push(
      table(
        ['Código', 'Dependencia', 'Estado', 'Cumplimiento', 'Meta'],
        lagging.map((g) => [g.code, g.unit, goalStateLabels[g.state], pct(g.compliance), cut(g.goal)]),
        ['l', 'l', 'l', 'r', 'l'],
        style,
      ),
    );
  }
  const over = r.goals.filter((g) => g.state !== 'eliminada' && g.state !== 'no-medible' && isOverExecuted(g));
  if (over.length) {
    out.push(style.bold(`  Por encima de lo programado al corte (${formatNumber(over.length, 0)})`));
    out.push(
      table(
        ['Código', 'Dependencia', 'Programado', 'Ejecutado', 'Cumplimiento', 'Meta'],
        over.map((g) => [g.code, g.unit, num(g.plannedToDate), num(g.executedToDate), pct(g.compliance), cut(g.goal)]),
        ['l', 'l', 'r', 'r', 'r', 'l'],
        style,
      ),
    );
  }
  const noMedible = r.goals.filter((g) => g.state === 'no-medible');
  if (noMedible.length) {
    out.push(style.bold(`  Metas no medibles (${formatNumber(noMedible.length, 0)}): corrija la línea base o la meta vigencia`));
    out.push(table(['Código', 'Dependencia', 'Acumulación', 'Meta'], noMedible.map((g) => [g.code, g.unit, g.accumulation ?? '—', cut(g.goal)]), ['l', 'l', 'l', 'l'], style));
  }
  out.push(
    style.dim(
      '  Calificación sobre las metas de producto; la ponderación de las metas se usa dentro de cada dependencia y entre dependencias cada meta cuenta igual.',
    ),
  );
  out.push(style.dim('  Use --json para obtener el reporte completo (todas las metas y el presupuesto).'));
  return out.join('\n') + '\n';
}

const num = (x: number | null): string => (x === null ? '—' : formatNumber(x, 2));
