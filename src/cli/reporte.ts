/**
 * `tablero reporte <archivo.xlsx>... [--corte AAAA-MM-DD] [--json]`
 *
 * With `--json`: exactly the documented report (product.md "reporte --json"). Without it: a
 * readable summary (plan figures, units ranked, dimensions, lagging goals) — friendlier than a
 * usage error for a person at a terminal.
 *
 * Several files are reported together, as one plan (the reviewer's view over the units' sheets):
 * their sheets are pooled; a sheet name used by two files gets the file name appended
 * ("HC T2 (salud.xlsx)") so findings and rows stay traceable. Files of another vigencia or
 * cut-off, and a plan indicativo with no execution, are left out of the figures and listed with
 * their reason (`app/report-files.ts`; `files` and `basis` in --json). Any unusable file, or every
 * file left out → exit 2 and no report. The report does not depend on validation errors: exit
 * code 0 when it was produced.
 */
import { formatMoney, formatNumber } from '../domain/format';
import { annualNote, cutoffPhrase, YEAR_PERIOD } from '../domain/periods';
import { hasNamedGroup, NO_NAMED_DIMENSION, NO_NAMED_UNIT, ratingLabel } from '../domain/aggregate';
import { termLabel, vigenciaReasons } from '../domain/plan-note';
import { goalStateLabels } from '../domain/goal';
import { isOverExecuted } from '../domain/progress';
import { InputError, VigenciaNotHeldError } from '../app/errors';
import { readingGaps } from '../app/reading-gaps';
import { reportOfSelection, selectReportFiles, type ReportInput, type ReportSelection } from '../app/report-files';
import type { IsoDate } from '../domain/dates';
import type { ReadWorkbook } from '../domain/sheet';
import { type Report, type ReportFigures, type ReportGoal, type ReportPlanRow, type ReportPlanSummary } from '../app/report';
import { allowOnly, checkCutoffInVigencia, readingOf } from './args';
import type { CliDeps } from './deps';
import { oneLine, pct, plural, styleFor, table, type Style } from './output';
import { writeJson } from './json-out';
import { createProgress, type CliProgress } from './progress';
import { UsageError, type CliIO, type ParsedArgs } from './types';

export function makeReporte(deps: CliDeps) {
  return async function reporte(args: ParsedArgs, io: CliIO): Promise<number> {
    allowOnly(args, { corte: true, json: true, reading: true });
    if (args.files.length === 0) throw new UsageError('Indique al menos un libro: tablero reporte <archivo.xlsx>... [--corte AAAA-MM-DD] --json');
    const progress = createProgress(io, args.files.length > 1, deps.progress);
    const inputs = await readReportInputs(deps, args, io, progress);
    if (!inputs) return 2;
    const selection = selectReportFiles(inputs, givenPeriod(args), io.now);
    const { options } = selection;
    checkCutoffInVigencia(args.corte, options.vigencia, options.vigenciaFrom, selection.workbook);
    progress.phase('Calculando el reporte de', args.files[args.files.length - 1]);
    const report = reportOfSelection(selection);
    progress.done();
    const notes = figureNotesOf(selection.workbook);
    // What the reading could not do (app/reading-gaps.ts) is said beside the figures too.
    const gaps = readingGaps(selection.workbook, options);
    // What the text says beside the figures goes in the JSON too (after the documented fields), so a machine reading it is not told less.
    if (args.json) writeJson({ ...report, ...(notes.length > 0 ? { notes } : {}), ...(gaps.length > 0 ? { readingGaps: gaps } : {}) }, io.stdout);
    else io.stdout(formatReport(report, included(selection, args.files), styleFor(deps.colour), [...notes, ...new Set(gaps.map((g) => g.message))]));
    return 0;
  };
}

/** `--corte` and `--vigencia` as a report over several files takes them. */
export function givenPeriod(args: ParsedArgs): { cutoff?: IsoDate; vigencia?: number } {
  return { ...(args.corte !== undefined ? { cutoff: args.corte as IsoDate } : {}), ...(args.vigencia !== undefined ? { vigencia: Number(args.vigencia) } : {}) };
}

/** The files given that are in the report's figures, as the user named them. */
/** What the reading says must be said beside the figures (`ReadSheet.figureNotes`), as «Hoja: nota». */
export function figureNotesOf(workbook: ReadWorkbook): string[] {
  return workbook.sheets.flatMap((s) => (s.figureNotes ?? []).map((n) => `${s.name}: ${n}`));
}

export function included(selection: ReportSelection, files: readonly string[]): string[] {
  if (selection.files.length === 0) return [...files];
  return files.filter((_, k) => selection.files[k]?.included);
}

/**
 * Reads the files of a report (`reporte`, `informe`), with progress. A file that cannot be used
 * stops the run (its reason on stderr, `null`: exit 2); among several files, one that does not
 * hold the vigencia asked for is kept as left out (`selectReportFiles` lists it).
 */
export async function readReportInputs(deps: CliDeps, args: ParsedArgs, io: CliIO, progress: CliProgress): Promise<ReportInput[] | null> {
  const inputs: ReportInput[] = [];
  const failures: string[] = [];
  try {
    for (let i = 0; i < args.files.length; i++) {
      const file = args.files[i];
      progress.item(file);
      progress.report('Leyendo', i, args.files.length);
      try {
        // Only the read workbook is kept: the grids of each file are dropped once it is recognised.
        const { workbook } = await deps.load(file, io, (n, final) => progress.rows(file, n, final), readingOf(args));
        inputs.push({ file, workbook });
      } catch (e) {
        if (e instanceof VigenciaNotHeldError && args.files.length > 1) inputs.push({ file, notHeld: e.message });
        else if (e instanceof InputError) failures.push(e.message);
        else throw e;
      }
    }
  } finally {
    progress.done();
  }
  if (failures.length === 0) return inputs;
  for (const f of failures) io.stderr(`tablero: ${oneLine(f)}\n`);
  return null;
}

/** A report over several files: how its vigencia and cut-off were chosen, the files left out and why, each plan-only file's summary apart. */
function filesBlock(r: Report, style: Style): string[] {
  if (!r.files || r.files.length === 0) return [];
  const out: string[] = [];
  if (r.basis) out.push(`  ${r.basis}`);
  const left = r.files.filter((f) => !f.included);
  if (left.length) {
    out.push(style.bold(`  Por fuera de las cifras (${formatNumber(left.length, 0)} de ${formatNumber(r.files.length, 0)} archivos)`));
    for (const f of left) out.push(`    · ${oneLine(f.reason ?? f.file)}`);
  }
  for (const f of left) {
    const s = f.planSummary;
    if (!s) continue;
    out.push(
      `    Plan indicativo ${termLabel(s.years)} de «${f.file}», vigencia ${s.vigencia}: ${plural(s.goals, 'producto', 'productos')} con meta ` +
        `(de ${formatNumber(s.planGoals, 0)} del plan), valor programado ${formatMoney(s.amount)}; el resumen completo, con --json o «tablero reporte ${f.file}».`,
    );
  }
  out.push('');
  return out;
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

/** A name for a table cell: on one line (a goal typed with line breaks), at most 60 characters. */
const cut = (text: string): string => {
  const t = oneLine(text);
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
};

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

/** The sum of a row's amounts over the summary's years (the plan indicativo's term). */
const termTotal = (amounts: readonly number[]): number => Number.parseFloat(amounts.reduce((a, b) => a + b, 0).toPrecision(15));

/** A report with no execution: what the plan holds, by year (plan indicativo), unit, program and source. */
function formatPlanSummary(r: Report, s: ReportPlanSummary, files: readonly string[], style: Style, notes: readonly string[] = []): string {
  const out: string[] = [];
  const indicative = s.kind === 'plan-indicativo';
  const why = s.vigenciaFrom ? ` (${vigenciaReasons[s.vigenciaFrom]})` : '';
  out.push(
    style.bold(
      indicative
        ? `Resumen del plan indicativo ${termLabel(s.years)} — vigencia ${s.vigencia}${why}, sin ejecución reportada`
        : `Resumen del plan de acción — vigencia ${s.vigencia}${why}, sin ejecución reportada`,
    ),
  );
  out.push(style.dim(`  ${files.join(', ')}`));
  for (const n of notes) out.push(`  ${n}`);
  out.push('');
  out.push(...filesBlock(r, style));
  out.push(`  ${s.note}`);
  const gestion = r.gestion?.goals ?? 0;
  const ofWhich = indicative
    ? ` (de ${formatNumber(s.planGoals, 0)} del plan)`
    : gestion > 0 && r.plan.goals + gestion === s.goals
      ? ` (${formatNumber(r.plan.goals, 0)} de producto y ${formatNumber(gestion, 0)} de gestión o administrativas)`
      : '';
  out.push(
    `  Plan: ${plural(s.goals, indicative ? 'producto' : 'meta', indicative ? 'productos' : 'metas')} de la vigencia ${s.vigencia}${ofWhich}; ` +
      `valor programado ${formatMoney(s.amount)}` +
      (s.unprogrammedAmount ? ` (aparte, ${formatMoney(s.unprogrammedAmount)} de productos sin meta en ${s.vigencia})` : '') +
      '.',
  );
  out.push('');
  const y = String(s.vigencia);
  if (indicative) {
    out.push(style.bold('  Por año del plan'));
    out.push(
      table(
        ['Año', 'Productos con meta', 'Valor programado', 'Sin meta ese año (aparte)'],
        s.byYear.map((x) => [String(x.year), formatNumber(x.goals, 0), formatMoney(x.amount), x.unprogrammedAmount ? formatMoney(x.unprogrammedAmount) : '—']),
        ['l', 'r', 'r', 'r'],
        style,
      ),
    );
  }
  const amountRows = (title: string, head: string, rows: readonly ReportPlanRow[]): void => {
    if (!rows.length) return;
    out.push(style.bold(`  ${title}`));
    const share = (a: number): string => (s.amount > 0 ? pct(a / s.amount) : '—');
    // The plan's total closes every table (a by-source table reconciles to it).
    const total = ['Total', formatNumber(s.goals, 0), formatMoney(s.amount)];
    out.push(
      indicative
        ? table(
            [head, `Productos ${y}`, `Valor ${y}`, `Valor ${termLabel(s.years)}`],
            [
              ...rows.map((x) => [cut(x.name), formatNumber(x.goals, 0), formatMoney(x.amount), formatMoney(termTotal(x.amounts))]),
              [...total, formatMoney(termTotal(s.byYear.map((x) => x.amount)))],
            ],
            ['l', 'r', 'r', 'r'],
            style,
          )
        : table(
            [head, 'Metas', 'Valor programado', '% del total'],
            [...rows.map((x) => [cut(x.name), formatNumber(x.goals, 0), formatMoney(x.amount), share(x.amount)]), [...total, share(s.amount)]],
            ['l', 'r', 'r', 'r'],
            style,
          ),
    );
  };
  // A plan with no unit column (SisPT) has one group, «Sin dependencia»: nothing to show.
  if (hasNamedGroup(s.byUnit, 'unit')) amountRows('Por dependencia', 'Dependencia', s.byUnit);
  if (!indicative && s.byProgram.some((p) => p.ceiling !== null)) {
    out.push(style.bold('  Por programa y uso del techo presupuestal'));
    out.push(
      table(
        ['Programa', 'Metas', 'Valor programado', 'Techo', 'Uso del techo'],
        s.byProgram.map((p) => [cut(p.name), formatNumber(p.goals, 0), formatMoney(p.amount), p.ceiling === null ? 'sin techo' : formatMoney(p.ceiling), pct(p.ceilingUse)]),
        ['l', 'r', 'r', 'r', 'r'],
        style,
      ),
    );
  } else amountRows('Por programa', 'Programa', s.byProgram);
  amountRows('Por fuente de financiación', 'Fuente', s.bySource);
  if (s.unprogrammed.length) {
    out.push(style.bold(`  Productos sin meta programada en ${y} (${formatNumber(s.unprogrammed.length, 0)}): no cuentan en la vigencia`));
    out.push(table(['Código', `Valor ${y}`, 'Producto'], s.unprogrammed.map((u) => [u.code, formatMoney(u.amount), cut(u.goal)]), ['l', 'r', 'l'], style));
  }
  out.push(style.dim('  Use --json para obtener el resumen completo (cada meta y cada año).'));
  return out.join('\n') + '\n';
}

/** A goal's code as a table shows it: with what tells it apart when another goal has the same code. */
function codeOf(g: ReportGoal): string {
  return g.identity ? `${g.code} (${g.identity})` : g.code;
}

export function formatReport(r: Report, files: readonly string[], style: Style, notes: readonly string[] = []): string {
  if (r.planSummary) return formatPlanSummary(r, r.planSummary, files, style, notes);
  const out: string[] = [];
  out.push(style.bold(`Reporte de avance — ${cutoffPhrase(r)}`));
  out.push(style.dim(`  ${files.join(', ')}`));
  for (const n of notes) out.push(`  ${n}`);
  out.push('');
  out.push(...filesBlock(r, style));
  const p = r.plan;
  const FIGURE_HEAD = ['Metas', 'Cumplimiento', 'Avance', 'Compromisos', 'Obligaciones', 'Pagos', p.partial ? 'Calificación (parcial)' : 'Calificación'];
  out.push(
    `  Plan: ${plural(p.goals, 'meta de producto', 'metas de producto')}; cumplimiento físico al corte ${pct(p.compliance)}; ` +
      `avance de la vigencia ${pct(p.progress)}; calificación ${ratingLabel(p.rating, p.partial, r)}.`,
  );
  out.push(
    `  Ejecución presupuestal (÷ apropiación definitiva): compromisos ${pct(p.budgetExecution)}, obligaciones ${pct(p.obligationsRatio)}, pagos ${pct(p.paymentsRatio)}.`,
  );
  out.push(`  Estados: ${statesText(p.states)}.`);
  if (r.period === YEAR_PERIOD) out.push(`  ${annualNote(r.vigencia, r.cutoff, !p.partial)}`);
  if (r.units.length && !hasNamedGroup(r.units, 'unit')) {
    out.push('');
    out.push(`  ${style.bold('Dependencias')}: ${NO_NAMED_UNIT}.`, '');
  } else if (r.units.length) {
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
  if (r.dimensions.length && !hasNamedGroup(r.dimensions, 'dimension')) {
    out.push(`  ${style.bold('Dimensiones')}: ${NO_NAMED_DIMENSION}.`, '');
  } else if (r.dimensions.length) {
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
        lagging.map((g) => [codeOf(g), g.unit, goalStateLabels[g.state], pct(g.compliance), cut(g.goal)]),
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
        over.map((g) => [codeOf(g), g.unit, num(g.plannedToDate), num(g.executedToDate), pct(g.compliance), cut(g.goal)]),
        ['l', 'l', 'r', 'r', 'r', 'l'],
        style,
      ),
    );
  }
  const noMedible = r.goals.filter((g) => g.state === 'no-medible');
  if (noMedible.length) {
    out.push(style.bold(`  Metas no medibles (${formatNumber(noMedible.length, 0)}): corrija la línea base o la meta vigencia, o calcule sus fórmulas (sin dato)`));
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
