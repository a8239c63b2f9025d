/**
 * Use case "Informe" (PE-P-004 step 6, PE-P-008 step 1): the quarterly follow-up report with
 * alerts that the planning office presents to the mayor's team, and its public version (Ley 1474
 * de 2011 art. 74: the plan de acción published on the entity's website).
 *
 * This gathers, host-neutrally, what the page shows; `src/sheets/informe.ts` draws it as one
 * self-contained HTML page (A4, inline SVG charts). The figures are the progress model's — the
 * same as the tablero and `reporte --json`.
 *
 * - Rating: labelled *parcial* before the vigencia is over ("Satisfactorio (parcial, corte T2)",
 *   progress.md).
 * - Next report: the deadline for reporting the period after the cut-off (15 days after it ends,
 *   next business day); after T4, the first period of the next vigencia.
 * - Budget execution by source: the model's (`sources`); when no capture sheet names a source,
 *   the plan de acción's programmed amounts by source are given instead, labelled as such.
 * - Public version: the plan as approved — programs, projects (with BPIN and objective), goals
 *   with their indicator, unit of measure, meta vigencia and unit, and the programmed budget per
 *   project — from the plan de acción sheets; without a plan, the goals of the capture sheets.
 *   No analyses, no findings, no internal notes.
 */
import { periodDeadline } from '../domain/deadline';
import { partialPhrase, periodCount, periodLabel, reportPeriodPhrase } from '../domain/periods';
import { okNumber, okText } from '../domain/sheet';
import type { ReadWorkbook } from '../domain/sheet';
import { goalCodeOf } from '../domain/goal-code';
import { buildProgressModel, type ProgressModel } from '../domain/progress-model';
import type { EngineOptions } from '../domain/options';
import { formatDate, formatMoney } from '../domain/format';
import { unitName } from './returns';
import { informeHtml, publicTitle } from '../sheets/informe';
import type { ReportSelection } from './report-files';
import type { InformeData, InformeOptions, PublicGoal, PublicProgram } from '../sheets/informe';

export type { InformeData };

/** "Satisfactorio (parcial, corte T2)" before the vigencia is over (progress.md). */
export function ratingLabel(model: ProgressModel): string | null {
  const r = model.plan.rating;
  if (!r) return null;
  return model.yearEnd || !model.period ? r : `${r} (parcial, ${partialPhrase(model)})`;
}

/**
 * The next report due after the cut-off: the next period, after the last one the first of the
 * next vigencia. An annual follow-up cut before 31 December has not reported its year yet: the
 * next report is that year's closing.
 */
export function nextReport(model: ProgressModel): InformeData['nextReport'] {
  const { periodKind: kind } = model;
  const [vigencia, period] =
    kind === 'year' ? [model.yearEnd ? model.vigencia + 1 : model.vigencia, 1] : model.cutoffPeriod >= periodCount(kind) ? [model.vigencia + 1, 1] : [model.vigencia, model.cutoffPeriod + 1];
  return { period: periodLabel(period, kind), vigencia, deadline: periodDeadline(vigencia, period, kind), text: reportPeriodPhrase(vigencia, period, kind) };
}

/** A BPIN cell's code; «N/A», «No aplica», «—» say the project has none. */
function bpinOf(row: Parameters<typeof okText>[0]): string | null {
  const v = okText(row, 'bpin')?.trim() || null;
  return v && !/^(n\.?\s*\/?\s*a\.?|no aplica|sin bpin|[-—–]+)$/i.test(v) ? v : null;
}

function programsOf(workbook: ReadWorkbook, model: ProgressModel): PublicProgram[] {
  type P = { code: string | null; name: string; dimension: string | null; projects: Map<string, { name: string; bpin: string | null; objective: string | null; budget: number; goals: Map<string, PublicGoal> }> };
  const programs = new Map<string, P>();
  const program = (code: string | null, name: string | null, dimension: string | null): P => {
    const key = code ?? `~${name ?? ''}`;
    let p = programs.get(key);
    if (!p) programs.set(key, (p = { code, name: name ?? (code ? `Programa ${code}` : 'Sin programa'), dimension, projects: new Map() }));
    return p;
  };
  const planSheets = workbook.sheets.filter((s) => s.kind === 'plan-accion');
  for (const sheet of planSheets) {
    for (const row of sheet.rows) {
      const code = goalCodeOf(row);
      const p = program(okText(row, 'programCode')?.trim() || null, okText(row, 'program')?.trim() || null, okText(row, 'dimension')?.trim() || null);
      const bpin = bpinOf(row);
      const name = okText(row, 'project')?.trim() || (bpin ? `Proyecto ${bpin}` : 'Sin proyecto');
      const key = bpin ?? name.toLowerCase();
      let pr = p.projects.get(key);
      if (!pr) p.projects.set(key, (pr = { name, bpin, objective: okText(row, 'projectObjective')?.trim() || null, budget: 0, goals: new Map() }));
      pr.budget += okNumber(row, 'amount') ?? 0;
      if (code && !pr.goals.has(code)) {
        pr.goals.set(code, {
          code,
          goal: okText(row, 'goal')?.trim() ?? '',
          indicator: okText(row, 'indicator')?.trim() || null,
          unitOfMeasure: okText(row, 'unitOfMeasure')?.trim() || null,
          yearGoal: okNumber(row, 'yearGoal') ?? null,
          unit: unitName(okText(row, 'unit') ?? sheet.title.unit),
        });
      }
    }
  }
  if (planSheets.length === 0) {
    // The goals of the capture sheets or of the plan indicativo (the vigencia's products), with what
    // their own row says of the project, BPIN, indicator and unit of measure when the format has it.
    const rowsOf = new Map(workbook.sheets.map((s) => [s.name, new Map(s.rows.map((r) => [r.row, r] as const))] as const));
    for (const g of model.goals) {
      if (g.state === 'eliminada') continue;
      const i = g.input;
      const row = rowsOf.get(i.sheet)?.get(i.row);
      const text = (f: Parameters<typeof okText>[1]): string | null => (row ? okText(row, f)?.trim() || null : null);
      const p = program(i.programCode, i.program, i.dimension);
      const bpin = row ? bpinOf(row) : null;
      const project = text('project');
      const key = bpin ?? project?.toLowerCase() ?? '';
      let pr = p.projects.get(key);
      if (!pr) p.projects.set(key, (pr = { name: project ?? (bpin ? `Proyecto ${bpin}` : 'Metas del programa'), bpin, objective: text('projectObjective'), budget: 0, goals: new Map() }));
      pr.budget += i.budget.final ?? 0;
      if (!pr.goals.has(i.code)) {
        pr.goals.set(i.code, { code: i.code, goal: i.goal, indicator: text('indicator'), unitOfMeasure: text('unitOfMeasure'), yearGoal: i.yearGoal, unit: unitName(i.unit) });
      }
    }
  }
  return [...programs.values()].map((p) => ({
    code: p.code,
    name: p.name,
    dimension: p.dimension,
    projects: [...p.projects.values()].map((pr) => ({ ...pr, budget: Number(pr.budget.toPrecision(15)), goals: [...pr.goals.values()] })),
  }));
}

/** A report over several files (`app/report-files.ts`): every file's line and how the vigencia and cut-off were chosen. */
export type InformeFiles = Pick<ReportSelection, 'files' | 'basis'>;

/** What the informe shows, from the read workbook (or consolidated one) and its progress model. */
function buildInforme(workbook: ReadWorkbook, model: ProgressModel, files: readonly string[], several?: InformeFiles): InformeData {
  const rezagadasByUnit = model.units
    .map((u) => ({ unit: u.name, goals: model.rezagadas.filter((g) => u.members.includes(g)) }))
    .filter((x) => x.goals.length > 0);
  return {
    model,
    ratingLabel: ratingLabel(model),
    nextReport: nextReport(model),
    rezagadasByUnit,
    programs: programsOf(workbook, model),
    files,
    ...(several && several.files.length > 0 ? { leftOut: several.files.filter((f) => !f.included), basis: several.basis } : {}),
  };
}

/** The informe page (HTML) of a read workbook and its progress model. */
export function informePage(workbook: ReadWorkbook, model: ProgressModel, files: readonly string[], options: InformeOptions, several?: InformeFiles): { html: string; data: InformeData } {
  const data = buildInforme(workbook, model, files, several);
  return { html: informeHtml(data, options), data };
}

/**
 * The informe of a read workbook with the run's options: its progress model, then its page — what
 * `tablero informe` writes and the pane's «Informe» shows in its dialog. `several`: the files of a
 * report over several files, listed on the page with the ones left out and why.
 */
export function informeOf(
  workbook: ReadWorkbook,
  options: EngineOptions,
  files: readonly string[],
  informeOptions: InformeOptions,
  several?: InformeFiles,
): { html: string; data: InformeData } {
  return informePage(workbook, buildProgressModel(workbook, options), files, informeOptions, several);
}

/** What the informe holds, in one Spanish phrase («informe de seguimiento al corte 30/06/2025 (38 metas, 5 rezagadas)»), as `tablero informe` and the pane say it. */
export function informeSummary(data: InformeData, publico: boolean): string {
  const m = data.model;
  if (publico) return `${publicTitle(m)}, para publicar (Ley 1474 de 2011, art. 74): ${data.programs.length} programas, ${data.programs.reduce((n, p) => n + p.projects.length, 0)} proyectos`;
  // A plan with no execution reported: the page is the plan's summary (sheets/informe.ts).
  if (m.planSummary && (m.source === 'plan-accion' || m.source === 'plan-indicativo')) {
    return `resumen del ${m.source === 'plan-indicativo' ? 'plan indicativo' : 'plan de acción'}, vigencia ${m.vigencia}, sin ejecución reportada (${m.planSummary.goals} metas, ${formatMoney(m.planSummary.amount)} programados)`;
  }
  return `informe de seguimiento al corte ${formatDate(m.cutoff)} (${m.plan.goals} metas, ${m.rezagadas.length} rezagadas)`;
}
