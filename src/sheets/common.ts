/**
 * Pieces every generated sheet shares: the title block, section bars, the Spanish labels of states
 * and ratings and their colours, and how an undefined ratio is shown ("—", never coloured).
 */
import type { GoalState } from '../domain/goal';
import { goalStateLabels } from '../domain/goal';
import type { RatingRanges } from '../domain/options';
import { formatDate } from '../domain/format';
import { duePhrase } from '../domain/periods';
import { palette, textColourRules } from './model';
import type { ConditionalFormat, ModelValue, SheetBuilder, TrafficLight } from './model';
import type { CellRange } from '../domain/grid';
import type { ProgressModel } from '../domain/progress-model';

/** What the tablero (and its plan summary, for a workbook with no execution yet) is built from. */
export interface TableroInput {
  readonly model: ProgressModel;
  /** Local date-time of the generation, ISO (`2025-07-10T09:30`). */
  readonly generatedAt: string;
  /** Names of the sheets the figures come from. */
  readonly sourceSheets: readonly string[];
}

/** Shown where a ratio is undefined (nothing was due). */
export const DASH = '—';

/** Whether any goal of the model carries a budget figure (DNP's report without its financial sheet carries none). */
export function hasBudgetFigures(model: ProgressModel): boolean {
  return model.goals.some(({ input: { budget: b } }) => b.final !== null || b.commitments !== null || b.obligations !== null || b.payments !== null);
}

/** What stands in for the budget tables when no goal carries money. */
export const NO_BUDGET_FIGURES = 'Ninguna meta trae apropiación ni ejecución presupuestal (compromisos, obligaciones, pagos): no hay ejecución presupuestal que mostrar.';

export function ratio(x: number | null | undefined): ModelValue {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : x;
}

/** States in the order of the tables (most urgent first for the council). */
export const stateColumns: readonly GoalState[] = [
  'al-dia', 'atrasada', 'no-iniciada', 'no-cumplida', 'cumplida', 'sobreejecutada', 'sin-programacion', 'no-medible',
];

export const stateColours: Record<GoalState, { fill: string; font: string }> = {
  'al-dia': { fill: palette.green, font: palette.greenText },
  cumplida: { fill: palette.green, font: palette.greenText },
  sobreejecutada: { fill: 'DDEBF7', font: '1F4E79' },
  atrasada: { fill: palette.yellow, font: palette.yellowText },
  'no-iniciada': { fill: palette.red, font: palette.redText },
  'no-cumplida': { fill: palette.red, font: palette.redText },
  'no-medible': { fill: palette.lightGrey, font: palette.redText },
  'sin-programacion': { fill: palette.lightGrey, font: palette.grey },
  eliminada: { fill: palette.lightGrey, font: palette.grey },
};

export function stateRules(ranges: readonly CellRange[]): ConditionalFormat[] {
  return textColourRules(
    ranges,
    (Object.keys(stateColours) as GoalState[]).map((s) => ({ text: goalStateLabels[s], ...stateColours[s] })),
  );
}

const ratingColours = [
  { text: 'Sobresaliente', fill: palette.green, font: palette.greenText },
  { text: 'Satisfactorio', fill: 'E2EFDA', font: '375623' },
  { text: 'Medio', fill: palette.yellow, font: palette.yellowText },
  { text: 'Bajo', fill: 'F8CBAD', font: '843C0C' },
  { text: 'Crítico', fill: palette.red, font: palette.redText },
];

export function ratingRules(ranges: readonly CellRange[]): ConditionalFormat[] {
  return textColourRules(ranges, ratingColours);
}

/** Traffic light from the rating ranges: green from Sobresaliente, yellow from Medio, red below. */
export function trafficFromRatings(r: RatingRanges): TrafficLight {
  return { green: r.sobresaliente, yellow: r.medio };
}

/**
 * Traffic light for the progress of the vigencia. Progress is measured against the whole year,
 * so at the end of T2 a goal on schedule stands near 50 %: judging it with the compliance
 * thresholds would paint every healthy goal red. The thresholds are scaled by the share of the
 * year already measured (T2 of 4 → 50 %: green ≥ 40 %, yellow ≥ 30 % with the default ranges).
 */
export function trafficForProgress(r: RatingRanges, measuredPeriods: number, periodCount: number): TrafficLight {
  const elapsed = elapsedShare(measuredPeriods, periodCount);
  return { green: r.sobresaliente * elapsed, yellow: r.medio * elapsed };
}

/** Share of the year measured at the cut-off (0 to 1). */
export function elapsedShare(measuredPeriods: number, periodCount: number): number {
  return periodCount > 0 ? Math.min(1, Math.max(0, measuredPeriods / periodCount)) : 1;
}

/**
 * Headers of what was due and what was done by the cut-off: «Programado a la fecha», «Ejecutado a
 * la fecha»; an annual follow-up's «Programado para todo 2025», «Ejecutado al 30/09/2025» (the year
 * is its one period: compliance compares the execution so far with the whole year's programming).
 */
export function dueHeaders(m: Pick<ProgressModel, 'periodKind' | 'vigencia' | 'cutoff'>): { readonly due: string; readonly executed: string } {
  const due = duePhrase(m.periodKind, m.vigencia);
  return {
    due: `${due[0].toUpperCase()}${due.slice(1)}`,
    executed: m.periodKind === 'year' ? `Ejecutado al ${formatDate(m.cutoff)}` : 'Ejecutado a la fecha',
  };
}

/** The measured period in the title block: `'T2 (2.º trimestre)'`, `'Junio'`, `'Año 2025 (ejecución al 30/09/2025)'`. */
export function periodName(m: Pick<ProgressModel, 'period' | 'periodKind' | 'vigencia' | 'cutoff'>): string {
  const { period, periodKind: kind } = m;
  if (!period) return 'Ningún periodo medido';
  if (kind === 'year') return `Año ${m.vigencia} (ejecución al ${formatDate(m.cutoff)})`;
  if (kind === 'quarter') {
    const n = Number(period.replace(/\D/g, ''));
    const ordinal = ['', '1.er', '2.º', '3.er', '4.º'][n] ?? `${n}.º`;
    return `${period} (${ordinal} trimestre)`;
  }
  const months: Record<string, string> = {
    Ene: 'enero', Feb: 'febrero', Mar: 'marzo', Abr: 'abril', May: 'mayo', Jun: 'junio',
    Jul: 'julio', Ago: 'agosto', Sep: 'septiembre', Oct: 'octubre', Nov: 'noviembre', Dic: 'diciembre',
  };
  return months[period] ? `${months[period][0].toUpperCase()}${months[period].slice(1)}` : period;
}

export interface TitleInfo {
  readonly label: string;
  readonly value: string | null;
  /** How the value is written. */
  readonly as?: 'text' | 'date' | 'dateTime';
}

/**
 * Rows 1–4 (or more): entity, title, subtitle, then the facts in pairs of label + value across
 * the width (`slots`: [labelStartCol, labelEndCol, valueStartCol, valueEndCol] per fact).
 * Returns the next free row.
 */
export function titleBlock(
  b: SheetBuilder,
  lastCol: number,
  entity: string | null,
  title: string,
  subtitle: string,
  facts: readonly TitleInfo[],
  slots: readonly (readonly [number, number, number, number])[],
): number {
  // No placeholder: a workbook that names no entity leaves the row blank (the settings' entity fills it).
  b.merge(1, 1, 1, lastCol, entity ?? '', 'entity', entity ? { text: true } : {});
  b.height(1, 18);
  b.merge(2, 1, 2, lastCol, title, 'title');
  b.height(2, 30);
  b.merge(3, 1, 3, lastCol, subtitle, 'subtitle');
  let row = 4;
  for (let i = 0; i < facts.length; i += slots.length) {
    facts.slice(i, i + slots.length).forEach((f, j) => {
      const [l1, l2, v1, v2] = slots[j];
      b.merge(row, l1, row, l2, `${f.label}:`, 'label');
      const style = f.as === 'date' ? 'infoDate' : f.as === 'dateTime' ? 'infoDateTime' : 'info';
      if (f.as === 'date' && f.value) b.merge(row, v1, row, v2, f.value, style, { date: true });
      else b.merge(row, v1, row, v2, f.value ?? DASH, style);
    });
    b.height(row, 16);
    row++;
  }
  return row + 1;
}

/** A navy bar with the section's title across the width. Returns the next row. */
export function section(b: SheetBuilder, row: number, lastCol: number, title: string): number {
  b.merge(row, 1, row, lastCol, title, 'section');
  b.height(row, 20);
  return row + 1;
}

/** A header row of a table. */
export function headerRow(b: SheetBuilder, row: number, headers: readonly (readonly [number, number, string, string?])[], height = 30): void {
  for (const [c1, c2, text, style] of headers) b.merge(row, c1, row, c2, text, style ?? 'th');
  b.height(row, height);
}

/** Local date-time `dd/mm/aaaa hh:mm` text of an ISO date-time (for the "Generado" line). */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : iso;
}
