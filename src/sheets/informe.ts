/**
 * The quarterly report as ONE self-contained HTML page (PE-P-004 step 6): A4, print-ready (the
 * browser's «Guardar como PDF» gives the document to present), charts as inline SVG, no script,
 * no font, image or style from anywhere else — a Content-Security-Policy forbids every request, so
 * the page works offline and leaks nothing. The same page serves `tablero informe` and the
 * pane's «Informe» dialog.
 *
 * Internal version: KPI band, charts by dimension and by unit (physical compliance against budget
 * execution, the tablero's colours), ranking, lagging goals by unit with their analysis, goals
 * over 100 %, budget execution by source, the rating labelled as in progress.md, the deadline of
 * the next report. Public version (`publico`, Ley 1474 art. 74): the plan — programs, projects,
 * goals, units, budget by project, indicators — without analyses, findings or internal notes.
 */
import type { GoalProgress } from '../domain/goal';
import type { IsoDate } from '../domain/dates';
import { reconcilingSources, type PlanAmountRow, type PlanSummary, type ProgressModel } from '../domain/progress-model';
import { hasNamedGroup, NO_NAMED_UNIT, unnamedGroup, type GroupAggregate } from '../domain/aggregate';
import { capitalized } from '../domain/text';
import { planSummaryNote, termLabel } from '../domain/plan-note';
import { goalStateLabels } from '../domain/goal';
import { formatDate, formatMoney as moneyText, formatNumber, formatPercent } from '../domain/format';
import { duePhrase } from '../domain/periods';
import { palette } from './model';
import { formatDateTime, hasBudgetFigures, NO_BUDGET_FIGURES, periodName, stateColours } from './common';

export interface PublicGoal {
  readonly code: string;
  readonly goal: string;
  readonly indicator: string | null;
  readonly unitOfMeasure: string | null;
  readonly yearGoal: number | null;
  readonly unit: string;
}

export interface PublicProject {
  readonly name: string;
  readonly bpin: string | null;
  readonly objective: string | null;
  /** Σ Valor programado of its rows (plan de acción), or Σ apropiación definitiva (capture). */
  readonly budget: number;
  readonly goals: readonly PublicGoal[];
}

export interface PublicProgram {
  readonly code: string | null;
  readonly name: string;
  readonly dimension: string | null;
  readonly projects: readonly PublicProject[];
}

export interface InformeData {
  readonly model: ProgressModel;
  /** "Satisfactorio (parcial, corte T2)", "Sobresaliente", or null. */
  readonly ratingLabel: string | null;
  /** Deadline for reporting the period after the cut-off, that period's label, and the period as a sentence says it ("T4 de 2025"). */
  readonly nextReport: { readonly period: string; readonly vigencia: number; readonly deadline: IsoDate; readonly text: string };
  /** Lagging goals grouped by unit, units in ranking order. */
  readonly rezagadasByUnit: readonly { readonly unit: string; readonly goals: readonly GoalProgress[] }[];
  /** The plan for the public version. */
  readonly programs: readonly PublicProgram[];
  /** Files the figures come from. */
  readonly files: readonly string[];
  /** Several files given: the ones left out of the figures, with their reason (`reporte --json`'s `files`). */
  readonly leftOut?: readonly { readonly file: string; readonly reason: string | null }[];
  /** Several files given: how the vigencia and the cut-off were chosen. */
  readonly basis?: string | null;
}

export interface InformeOptions {
  /** Ley 1474 art. 74 version: the plan, without internal notes. */
  readonly publico: boolean;
  /** Local date-time of the generation, ISO (`2025-07-10T09:30`). */
  readonly generatedAt: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const h = escapeHtml;
const pct = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : formatPercent(x).replace(' %', '\u00a0%'));
/** Money on the page: «$» and its figure never part at a line end (a no-break space between them). */
const formatMoney = (n: number): string => moneyText(n).replace('$ ', '$\u00a0');

/** One horizontal grouped bar chart (0–100 %), first category at the top, as in the tablero. */
function barChartSvg(title: string, categories: readonly string[], series: readonly { name: string; color: string; values: readonly (number | null)[] }[]): string {
  const label = 190;
  const plot = 420;
  const right = 52;
  const bar = 11;
  const group = series.length * bar + 10;
  const top = 30;
  const height = top + categories.length * group + 46;
  const width = label + plot + right;
  const x = (v: number) => label + Math.max(0, Math.min(1, v)) * plot;
  const parts: string[] = [];
  parts.push(`<text x="${width / 2}" y="16" class="ct">${h(title)}</text>`);
  for (let t = 0; t <= 5; t++) {
    const gx = x(t / 5);
    parts.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${top + categories.length * group}" class="grid"/>`);
    parts.push(`<text x="${gx}" y="${top + categories.length * group + 14}" class="tick">${t * 20} %</text>`);
  }
  categories.forEach((c, i) => {
    const y0 = top + i * group + 5;
    const words = c.length > 30 ? [c.slice(0, c.lastIndexOf(' ', 30) > 0 ? c.lastIndexOf(' ', 30) : 30), c.slice(c.lastIndexOf(' ', 30) > 0 ? c.lastIndexOf(' ', 30) + 1 : 30)] : [c];
    words.forEach((w, j) => parts.push(`<text x="${label - 8}" y="${y0 + group / 2 - 2 - (words.length - 1) * 6 + j * 12}" class="cat">${h(w.length > 34 ? `${w.slice(0, 33)}…` : w)}</text>`));
    series.forEach((s, k) => {
      const v = s.values[i];
      const y = y0 + k * bar;
      if (v === null || v === undefined || !Number.isFinite(v)) {
        parts.push(`<text x="${label + 4}" y="${y + bar - 2}" class="val">sin dato</text>`);
        return;
      }
      parts.push(`<rect x="${label}" y="${y}" width="${(x(v) - label).toFixed(1)}" height="${bar - 1}" fill="#${s.color}"><title>${h(`${c} — ${s.name}: ${formatPercent(v)}`)}</title></rect>`);
      parts.push(`<text x="${(x(v) + 4).toFixed(1)}" y="${y + bar - 2}" class="val">${h(formatPercent(v))}</text>`);
    });
  });
  const ly = height - 10;
  let lx = label;
  for (const s of series) {
    parts.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="#${s.color}"/><text x="${lx + 14}" y="${ly}" class="leg">${h(s.name)}</text>`);
    lx += 30 + s.name.length * 6;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${h(title)}">${parts.join('')}</svg>`;
}

function chartOf(title: string, groups: readonly (GroupAggregate | { name: string; compliance: number | null; budgetExecution: number | null })[]): string {
  return barChartSvg(
    title,
    groups.map((g) => g.name),
    [
      { name: 'Cumplimiento físico al corte', color: palette.barPhysical, values: groups.map((g) => g.compliance) },
      { name: 'Ejecución presupuestal', color: palette.barBudget, values: groups.map((g) => g.budgetExecution) },
    ],
  );
}

const CSS = `
@page { size: A4 portrait; margin: 14mm 13mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; color: #1b1b1b; font-size: 10pt; line-height: 1.35; margin: 0 auto; max-width: 184mm; padding: 8mm 0; background: #fff; }
header { border-bottom: 3px solid #${palette.navy}; padding-bottom: 6px; margin-bottom: 10px; }
.entity { font-weight: 700; color: #${palette.grey}; text-transform: uppercase; letter-spacing: .04em; font-size: 9pt; }
h1 { color: #${palette.navy}; font-size: 17pt; margin: 2px 0 4px; }
h2 { background: #${palette.navy}; color: #fff; font-size: 11pt; padding: 4px 8px; margin: 16px 0 8px; break-after: avoid; }
h3 { color: #${palette.navy}; font-size: 10.5pt; margin: 10px 0 4px; break-after: avoid; }
.facts { display: flex; flex-wrap: wrap; gap: 2px 18px; font-size: 9pt; color: #333; }
.facts b { color: #${palette.navy}; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6px; margin: 8px 0; }
.kpi { border: 1px solid #${palette.midGrey}; background: #${palette.paleBlue}; padding: 5px 7px; break-inside: avoid; }
.kpi .l { font-size: 8pt; color: #${palette.grey}; font-weight: 700; text-transform: uppercase; }
.kpi .v { font-size: 16pt; font-weight: 700; color: #${palette.navy}; }
.kpi .v.t { font-size: 11pt; padding: 3px 0; }
table.fixed { table-layout: fixed; }
.kpi .c { font-size: 7.5pt; color: #${palette.grey}; }
.kpi.g { background: #${palette.green}; } .kpi.y { background: #${palette.yellow}; } .kpi.r { background: #${palette.red}; }
.charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
figure { margin: 0; border: 1px solid #${palette.midGrey}; padding: 6px; break-inside: avoid; }
figcaption { font-size: 8pt; color: #${palette.grey}; }
svg .ct { font: 700 12px sans-serif; text-anchor: middle; fill: #${palette.navy}; }
svg .cat { font: 10px sans-serif; text-anchor: end; fill: #222; }
svg .tick { font: 9px sans-serif; text-anchor: middle; fill: #555; }
svg .val { font: 9px sans-serif; fill: #333; }
svg .leg { font: 10px sans-serif; fill: #222; }
svg .grid { stroke: #d9d9d9; stroke-width: 1; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4px 0 8px; }
th { background: #${palette.blue}; color: #fff; font-weight: 700; padding: 3px 4px; text-align: left; vertical-align: bottom; }
td { border-bottom: 1px solid #d9d9d9; padding: 3px 4px; vertical-align: top; }
tr { break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 1px solid #${palette.midGrey}; }
th.n { text-align: right; }
td.code { white-space: nowrap; font-variant-numeric: tabular-nums; }
.pill { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 8pt; white-space: nowrap; }
.note { font-size: 8pt; color: #${palette.grey}; font-style: italic; }
.deadline { border: 2px solid #${palette.navy}; padding: 6px 10px; margin: 12px 0; font-size: 10.5pt; break-inside: avoid; }
footer { margin-top: 14px; border-top: 1px solid #${palette.midGrey}; padding-top: 4px; font-size: 7.5pt; color: #${palette.grey}; }
.page { break-before: page; }
@media screen { body { padding: 12mm; box-shadow: 0 0 6px #bbb; margin: 10px auto; } }
`;

function doc(title: string, body: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="es-CO"><head><meta charset="utf-8">' +
    // No request may leave the page: no script, no fetch, no remote font, image or style.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title><style>${CSS}</style></head><body>${body}</body></html>\n`
  );
}

function stateChip(state: keyof typeof goalStateLabels): string {
  const c = stateColours[state];
  return `<span class="pill" style="background:#${c.fill};color:#${c.font}">${h(goalStateLabels[state])}</span>`;
}

function kpi(label: string, value: string, caption: string, tone = '', text = false): string {
  return `<div class="kpi ${tone}"><div class="l">${h(label)}</div><div class="v${text ? ' t' : ''}">${h(value)}</div><div class="c">${h(caption)}</div></div>`;
}

/** Column widths (%) so that the tables of one section line up. */
function cols(...widths: number[]): string {
  return `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`;
}

function tone(x: number | null, green: number, yellow: number): string {
  return x === null ? '' : x >= green ? 'g' : x >= yellow ? 'y' : 'r';
}

/** A money table of a plan summary's groups: goals and the vigencia's amount (and, over a term, the term's). */
function planTable<R extends PlanAmountRow>(first: string, rows: readonly R[], s: PlanSummary, extra?: (r: R) => string, extraHead = ''): string {
  const term = s.kind === 'plan-indicativo';
  const y = s.vigencia;
  const sum = (a: readonly number[]): number => Number.parseFloat(a.reduce((x, z) => x + z, 0).toPrecision(15));
  const out = [
    `<table><thead><tr><th>${h(first)}</th><th class="n">${term ? `Productos ${y}` : 'Metas'}</th><th class="n">${term ? `Valor ${y}` : 'Valor programado'}</th>` +
      `${term ? `<th class="n">Valor ${h(termLabel(s.years))}</th>` : ''}${extraHead}</tr></thead><tbody>`,
  ];
  for (const r of rows) {
    out.push(
      `<tr><td>${h(r.name)}</td><td class="n">${r.goals}</td><td class="n">${formatMoney(r.amount)}</td>` +
        `${term ? `<td class="n">${formatMoney(sum(r.amounts))}</td>` : ''}${extra ? extra(r) : ''}</tr>`,
    );
  }
  // The total is the plan's, the same under every table (a by-source table reconciles to it).
  const extraCells = extraHead ? '<td></td>'.repeat((extraHead.match(/<th/g) ?? []).length) : '';
  out.push(
    `</tbody><tfoot><tr class="total"><td>Total</td><td class="n">${s.goals}</td><td class="n">${formatMoney(s.amount)}</td>` +
      `${term ? `<td class="n">${formatMoney(sum(s.byYear.map((x) => x.amount)))}</td>` : ''}${extraCells}</tr></tfoot></table>`,
  );
  return out.join('');
}

/** The informe of a plan with no execution: what is programmed, said as such (no rating, no alerts). */
function planInforme(d: InformeData, o: InformeOptions, s: PlanSummary): string {
  const m = d.model;
  const indicative = s.kind === 'plan-indicativo';
  const y = s.vigencia;
  const title = indicative ? `Resumen del Plan Indicativo ${termLabel(s.years)} — vigencia ${y}` : `Resumen del Plan de Acción ${y}`;
  const out: string[] = [];
  out.push(
    `<header>${m.entity ? `<div class="entity">${h(m.entity)}</div>` : ''}<h1>${h(title)}</h1><div class="facts">` +
      `<span>Vigencia: <b>${y}</b></span><span>Sin ejecución reportada</span><span>Generado: ${h(formatDateTime(o.generatedAt))}</span></div></header>`,
  );
  out.push(filesSection(d));
  out.push(`<p>${h(planSummaryNote(s, m.options.vigenciaFrom))}</p>`);
  out.push(
    '<section class="kpis">' +
      kpi(indicative ? `Productos con meta ${y}` : 'Metas', String(s.goals), indicative ? `De ${s.planGoals} productos del plan` : 'Del plan de acción') +
      kpi(`Valor programado ${y}`, formatMoney(s.amount), indicative ? 'Costo del año de los productos con meta ese año' : 'Valor programado de las actividades') +
      kpi('Programas', String(s.byProgram.length), 'Del Plan de Desarrollo') +
      kpi('Fuentes', String(s.bySource.filter((x) => !reconcilingSources.includes(x.name)).length), 'De financiación') +
      '</section>',
  );
  if (indicative) {
    out.push(`<h2>El plan año por año</h2><table><thead><tr><th>Año</th><th class="n">Productos con meta</th><th class="n">Valor programado</th></tr></thead><tbody>`);
    for (const x of s.byYear) out.push(`<tr><td>${x.year}${x.year === y ? ' (vigencia)' : ''}</td><td class="n">${x.goals}</td><td class="n">${formatMoney(x.amount)}</td></tr>`);
    out.push('</tbody></table>');
  }
  if (hasNamedGroup(s.byUnit, 'unit')) out.push(`<h2>Programación por dependencia</h2>${planTable('Dependencia', s.byUnit, s)}`);
  const withCeiling = s.byProgram.some((p) => p.ceiling !== null);
  out.push(
    `<h2>Programación por programa</h2>` +
      (withCeiling
        ? planTable(
            'Programa',
            s.byProgram,
            s,
            (p) => `<td class="n">${p.ceiling === null ? 'Sin techo' : formatMoney(p.ceiling)}</td><td class="n">${pct(p.ceilingUse)}</td>`,
            '<th class="n">Techo</th><th class="n">Uso del techo</th>',
          )
        : planTable('Programa', s.byProgram, s)),
  );
  out.push(`<h2>Programación por fuente de financiación</h2>${planTable('Fuente', s.bySource, s)}`);
  if (s.unprogrammed.length) {
    out.push(`<h2>Productos sin meta programada en ${y} (${s.unprogrammed.length})</h2><table><thead><tr><th>Código</th><th>Producto</th><th class="n">Valor ${y}</th></tr></thead><tbody>`);
    for (const u of s.unprogrammed) out.push(`<tr><td class="code">${h(u.code)}</td><td>${h(u.goal)}</td><td class="n">${formatMoney(u.amount)}</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push(`<footer>Fuente: ${h(d.files.join(', '))}. Generado por Tablero PDM el ${h(formatDateTime(o.generatedAt))}.</footer>`);
  return doc(title, out.join(''));
}

/** A report over several files: how its vigencia and cut-off were chosen, and the files left out of its figures with their reason. */
function filesSection(d: InformeData): string {
  if (!d.leftOut) return '';
  const out = d.basis ? [`<p class="note">${h(d.basis)}</p>`] : [];
  if (d.leftOut.length) {
    out.push(`<h2>Archivos por fuera de las cifras (${d.leftOut.length})</h2><ul class="left-out">`);
    for (const f of d.leftOut) out.push(`<li>${h(f.reason ?? f.file)}</li>`);
    out.push('</ul>');
  }
  return out.join('');
}

function internal(d: InformeData, o: InformeOptions): string {
  const m = d.model;
  if ((m.source === 'plan-accion' || m.source === 'plan-indicativo') && m.planSummary) return planInforme(d, o, m.planSummary);
  const p = m.plan;
  const r = m.options.ratingRanges;
  const out: string[] = [];
  const title = `Informe de seguimiento con alertas — ${m.planName ?? 'Plan de Acción'} ${m.vigencia}`;
  out.push(
    `<header>${m.entity ? `<div class="entity">${h(m.entity)}</div>` : ''}<h1>${h(title)}</h1><div class="facts">` +
      `<span>Corte: <b>${h(formatDate(m.cutoff))}</b></span><span>Periodo: <b>${h(periodName(m))}</b></span>` +
      `<span>Metas de producto evaluadas: <b>${p.goals}</b></span><span>Generado: ${h(formatDateTime(o.generatedAt))}</span></div></header>`,
  );
  out.push(filesSection(d));
  out.push(
    '<section class="kpis">' +
      kpi('Cumplimiento físico', pct(p.compliance), `Ejecutado frente a lo ${duePhrase(m.periodKind, m.vigencia)}`, tone(p.compliance, r.sobresaliente, r.medio)) +
      kpi('Avance de la vigencia', pct(p.progress), 'Ejecutado frente a la meta del año') +
      kpi('Ejecución presupuestal', pct(p.budgetExecution), 'Compromisos ÷ apropiación definitiva', tone(p.budgetExecution, r.sobresaliente, r.medio)) +
      kpi('Calificación', d.ratingLabel ?? '—', 'Rangos de eficacia DNP', '', true) +
      kpi('Metas evaluadas', String(p.goals), p.eliminated ? (p.eliminated === 1 ? '1 eliminada no cuenta' : `${p.eliminated} eliminadas no cuentan`) : 'Metas de producto') +
      kpi('Metas rezagadas', String(m.rezagadas.length), 'Atrasadas y no iniciadas (PE-P-008)', m.rezagadas.length ? 'r' : 'g') +
      kpi('Sobre el 100 %', String(m.sobreejecutadas.length), 'Avance de la vigencia > 100 %', m.sobreejecutadas.length ? 'y' : '') +
      kpi('Próximo reporte', formatDate(d.nextReport.deadline), `Plazo para reportar ${d.nextReport.text}`) +
      '</section>',
  );
  // No goal naming its unit (DNP's report): no ranking and no chart by unit — one «Sin dependencia» line ranks nobody.
  const ranked = hasNamedGroup(m.units, 'unit');
  const byDimension = hasNamedGroup(m.dimensions, 'dimension');
  out.push('<h2>Cumplimiento físico frente a ejecución presupuestal</h2><div class="charts">');
  // The colour key goes under the last chart drawn, whichever it is.
  const key = '<figcaption>Azul: cumplimiento físico al corte. Naranja: ejecución presupuestal (compromisos ÷ apropiación definitiva).</figcaption>';
  if (byDimension) out.push(`<figure>${chartOf('Por dimensión', m.dimensions)}${ranked ? '' : key}</figure>`);
  if (ranked) out.push(`<figure>${chartOf('Por dependencia (en el orden del ranking)', m.units)}${key}</figure>`);
  if (!m.units.length) out.push('<p class="note">No hay dependencias con metas evaluadas al corte.</p>');
  else if (!ranked && !byDimension) out.push('<p class="note">Ninguna meta nombra su dependencia ni su dimensión: no hay gráfico que dibujar.</p>');
  out.push('</div>');

  out.push('<h2>Ranking de gestión por dependencia</h2>');
  if (m.units.length && !ranked) out.push(`<p class="note">${h(capitalized(NO_NAMED_UNIT))}.</p>`);
  else {
    out.push(`<table class="fixed">${cols(7, 27, 7, 12, 10, 13, 13, 11)}<thead><tr><th class="n">Puesto</th><th>Dependencia</th><th class="n">Metas</th><th class="n">Cumplimiento físico</th><th class="n">Avance vigencia</th><th class="n">Ejecución presupuestal</th><th>Calificación</th><th class="n">Rezagadas</th></tr></thead><tbody>`);
    for (const u of m.units) {
      const lag = (u.states['atrasada'] ?? 0) + (u.states['no-iniciada'] ?? 0);
      out.push(`<tr><td class="n">${u.rank}</td><td>${h(u.name)}</td><td class="n">${u.goals}</td><td class="n">${pct(u.compliance)}</td><td class="n">${pct(u.progress)}</td><td class="n">${pct(u.budgetExecution)}</td><td>${h(u.rating ?? '—')}</td><td class="n">${lag}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push(`<h2>Metas rezagadas${ranked ? ' por dependencia' : ''} (${m.rezagadas.length})</h2>`);
  if (!d.rezagadasByUnit.length) out.push('<p class="note">Ninguna meta está rezagada al corte.</p>');
  for (const g of d.rezagadasByUnit) {
    if (ranked) out.push(`<h3>${h(g.unit)} — ${g.goals.length} meta${g.goals.length === 1 ? '' : 's'}</h3>`);
    out.push(`<table class="fixed">${cols(11, 33, 12, 13, 31)}<thead><tr><th>Código</th><th>Meta de producto</th><th>Estado</th><th class="n">Cumplimiento</th><th>Análisis de la dependencia</th></tr></thead><tbody>`);
    for (const x of g.goals) {
      out.push(`<tr><td class="code">${h(x.input.code)}</td><td>${h(x.input.goal)}</td><td>${stateChip(x.state)}</td><td class="n">${pct(x.compliance)}</td><td>${x.input.analysis ? h(x.input.analysis) : '<span class="note">Sin análisis</span>'}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push(`<h2>Metas por encima del 100 % (${m.sobreejecutadas.length})</h2>`);
  if (!m.sobreejecutadas.length) out.push('<p class="note">Ninguna meta supera el 100 % de la meta de la vigencia.</p>');
  else {
    out.push(`<table class="fixed">${cols(11, 26, 15, 9, 10, 9, 20)}<thead><tr><th>Código</th><th>Meta de producto</th><th>Dependencia</th><th class="n">Meta vigencia</th><th class="n">Ejecutado</th><th class="n">Avance</th><th>Análisis</th></tr></thead><tbody>`);
    for (const x of m.sobreejecutadas) {
      out.push(`<tr><td class="code">${h(x.input.code)}</td><td>${h(x.input.goal)}</td><td>${h(x.input.unit)}</td><td class="n">${x.input.yearGoal === null ? '—' : formatNumber(x.input.yearGoal)}</td><td class="n">${x.executedToDate === null ? '—' : formatNumber(x.executedToDate)}</td><td class="n">${pct(x.progress)}</td><td>${x.input.analysis ? h(x.input.analysis) : '<span class="note">Sin análisis</span>'}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push('<h2>Ejecución presupuestal por fuente de financiación</h2>');
  if (!hasBudgetFigures(m)) out.push(`<p class="note">${h(NO_BUDGET_FIGURES)}</p>`);
  else if (m.sources.length) {
    out.push('<table><thead><tr><th>Fuente</th><th class="n">Apropiación definitiva</th><th class="n">Compromisos</th><th class="n">Obligaciones</th><th class="n">Pagos</th><th class="n">Ejecución</th></tr></thead><tbody>');
    for (const s of m.sources) out.push(`<tr><td>${h(s.name)}</td><td class="n">${formatMoney(s.final)}</td><td class="n">${formatMoney(s.commitments)}</td><td class="n">${formatMoney(s.obligations)}</td><td class="n">${formatMoney(s.payments)}</td><td class="n">${pct(s.budgetExecution)}</td></tr>`);
    out.push('</tbody></table>');
  } else {
    const b = p.budget;
    out.push(
      '<table><thead><tr><th>Total del plan</th><th class="n">Apropiación definitiva</th><th class="n">Compromisos</th><th class="n">Obligaciones</th><th class="n">Pagos</th><th class="n">Ejecución</th></tr></thead><tbody>' +
        `<tr><td>Todas las fuentes</td><td class="n">${formatMoney(b.final)}</td><td class="n">${formatMoney(b.commitments)}</td><td class="n">${formatMoney(b.obligations)}</td><td class="n">${formatMoney(b.payments)}</td><td class="n">${pct(p.budgetExecution)}</td></tr></tbody></table>`,
    );
    const planned = m.planSummary?.bySource ?? [];
    if (planned.length) {
      out.push('<p class="note">Las hojas de captura no traen la fuente de cada meta; se muestra lo programado por fuente en el plan de acción.</p><table><thead><tr><th>Fuente</th><th class="n">Valor programado</th></tr></thead><tbody>');
      for (const s of planned) out.push(`<tr><td>${h(s.name)}</td><td class="n">${formatMoney(s.amount)}</td></tr>`);
      out.push('</tbody></table>');
    } else out.push('<p class="note">Las hojas de captura no traen la fuente de financiación de cada meta.</p>');
  }

  out.push(
    `<div class="deadline">Próximo reporte: las dependencias reportan <b>${h(d.nextReport.text)}</b> a más tardar el <b>${h(formatDate(d.nextReport.deadline))}</b> (15 días después del cierre del periodo, o el siguiente día hábil).</div>`,
  );
  out.push(
    `<footer>Calificación (DNP): Sobresaliente ≥ ${formatPercent(r.sobresaliente, 0)}, Satisfactorio ≥ ${formatPercent(r.satisfactorio, 0)}, Medio ≥ ${formatPercent(r.medio, 0)}, Bajo ≥ ${formatPercent(r.bajo, 0)}, Crítico < ${formatPercent(r.bajo, 0)}; ` +
      `antes del cierre de la vigencia es parcial. Rezagadas = atrasadas (cumplimiento < ${formatPercent(m.options.lagThreshold, 0)}) + no iniciadas. ` +
      `Fuente: ${h(d.files.join(', '))}. Generado por Tablero PDM el ${h(formatDateTime(o.generatedAt))}.</footer>`,
  );
  return doc(title, out.join(''));
}

/** «Proyecto: Nombre — BPIN 2024…», «Proyecto BPIN 2024…» when the row has no project name. */
function projectLabel(pr: PublicProject): string {
  if (pr.bpin && pr.name === `Proyecto ${pr.bpin}`) return `Proyecto BPIN ${pr.bpin}`;
  return `Proyecto: ${pr.name}${pr.bpin ? ` — BPIN ${pr.bpin}` : ''}`;
}

/** The public version's title: the plan the goals come from. */
export function publicTitle(m: ProgressModel): string {
  if (m.source === 'plan-indicativo' && m.planSummary) return `Plan Indicativo ${termLabel(m.planSummary.years)} — metas de la vigencia ${m.vigencia}`;
  return `${m.planName ?? 'Plan de Acción'} ${m.vigencia}`;
}

function publicProgram(p: PublicProgram): string {
  const out: string[] = [];
  out.push(`<h3>${h(p.code ? `${p.code} — ${p.name}` : p.name)}${p.dimension ? ` <span class="note">(${h(p.dimension)})</span>` : ''}</h3>`);
  for (const pr of p.projects) {
    out.push(
      `<table><thead><tr><th colspan="4">${h(projectLabel(pr))}</th><th class="n">${formatMoney(pr.budget)}</th></tr></thead><tbody>` +
        (pr.objective ? `<tr><td colspan="5"><b>Objetivo:</b> ${h(pr.objective)}</td></tr>` : '') +
        '<tr><td><b>Código</b></td><td><b>Meta de producto</b></td><td><b>Indicador</b></td><td class="n"><b>Meta vigencia</b></td><td><b>Dependencia</b></td></tr>',
    );
    for (const g of pr.goals) {
      const meta = g.yearGoal === null ? '—' : `${formatNumber(g.yearGoal)}${g.unitOfMeasure ? ` ${h(g.unitOfMeasure)}` : ''}`;
      out.push(`<tr><td class="code">${h(g.code)}</td><td>${h(g.goal)}</td><td>${h(g.indicator ?? '—')}</td><td class="n">${meta}</td><td>${h(g.unit)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  return out.join('');
}

function publicVersion(d: InformeData, o: InformeOptions): string {
  const m = d.model;
  const title = publicTitle(m);
  const projects = d.programs.flatMap((p) => p.projects);
  const goals = projects.reduce((n, p) => n + p.goals.length, 0);
  const budget = projects.reduce((n, p) => n + p.budget, 0);
  // «Sin dependencia» is no unit: a goal with no unit named is nobody's.
  const units = new Set(projects.flatMap((p) => p.goals.map((g) => g.unit)).filter((u) => u !== unnamedGroup.unit)).size;
  const withBpin = projects.filter((p) => p.bpin).length;
  const out: string[] = [];
  out.push(
    `<header>${m.entity ? `<div class="entity">${h(m.entity)}</div>` : ''}<h1>${h(title)}</h1><div class="facts">` +
      '<span>Publicación según el artículo 74 de la Ley 1474 de 2011</span>' +
      `<span>Vigencia: <b>${m.vigencia}</b></span><span>Fecha de publicación: ${h(formatDateTime(o.generatedAt).slice(0, 10))}</span></div></header>`,
  );
  out.push(
    '<section class="kpis">' +
      kpi('Programas', String(d.programs.length), 'Del Plan de Desarrollo') +
      kpi('Proyectos', String(projects.length), withBpin === projects.length && withBpin > 0 ? 'Con su código BPIN' : `${withBpin} con código BPIN`) +
      kpi('Metas de producto', String(goals), units === 0 ? 'El libro no nombra la dependencia a cargo' : `A cargo de ${units} dependencia${units === 1 ? '' : 's'}`) +
      kpi('Presupuesto', formatMoney(budget), 'Programado en los proyectos') +
      '</section>',
  );
  out.push('<h2>Programas, proyectos, metas e indicadores</h2>');
  for (const p of d.programs) out.push(publicProgram(p));
  if (!d.programs.length) out.push('<p class="note">El libro no trae metas del plan.</p>');
  out.push(`<footer>Objetivos, estrategias, proyectos, metas, responsables y presupuesto del plan de acción (Ley 1474 de 2011, art. 74). Generado por Tablero PDM el ${h(formatDateTime(o.generatedAt))}.</footer>`);
  return doc(m.entity ? `${title} — ${m.entity}` : title, out.join(''));
}

/** The informe as one self-contained HTML document. */
export function informeHtml(d: InformeData, o: InformeOptions): string {
  return o.publico ? publicVersion(d, o) : internal(d, o);
}
