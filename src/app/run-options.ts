/**
 * The run's options: `resolveOptions` fills them from flags/settings, the workbook and today;
 * `cutoffOutsideVigencia` says when a cut-off cannot be used with a vigencia. Both hosts and every
 * verb use them; the pane needs them at open (the «what is in this workbook» line), so this module
 * imports nothing of the progress model.
 */
import { isoDate, parts, todayIso, type IsoDate } from '../domain/dates';
import { defaultRatingRanges, type EngineOptions, type VigenciaFrom } from '../domain/options';
import { defaultCutoff, periodEnd } from '../domain/periods';
import { DEFAULT_LAG_THRESHOLD } from '../domain/progress';
import { isGoalSheet, type ReadSheet, type ReadWorkbook } from '../domain/sheet';


/**
 * The run's options with every default filled:
 * - cut-off: the flag/setting, else the "Fecha de corte" of the first sheet whose title block has
 *   one, else `defaultCutoff(today)` (end of the last period ended by today, in the periods of
 *   the first capture sheet — or the first sheet);
 * - vigencia: the flag/setting, else the first sheet's that names one, else the cut-off's year —
 *   except for a workbook whose only plan is a plan indicativo (no execution, no plan de acción)
 *   with no cut-off given: its vigencia is today's year when the term holds it, else the term's
 *   nearest year (a 2024–2027 plan read in 2029 is summarised for 2027, not for 2029);
 *   `vigenciaFrom` says which (real-formats.md "Years and the vigencia");
 * - lag threshold 0.8, the DNP rating ranges, no extra sources;
 * - entity: the setting, else the first title block's.
 *
 * `today` is an ISO date, or a `Date` read in local time (the user's calendar day).
 */
export function resolveOptions(
  partial: Partial<EngineOptions>,
  workbook: ReadWorkbook,
  today: IsoDate | Date,
): EngineOptions {
  const todayIsoDate = typeof today === 'string' ? today : todayIso(today);
  const sheets = workbook.sheets;
  const first = sheets.find((s) => s.kind === 'hoja-captura') ?? sheets[0];
  const sheetVigencia = sheets.find((s) => s.vigencia !== undefined)?.vigencia;
  const sheetCutoff = sheets.find((s) => s.cutoff)?.cutoff;
  let vigencia = partial.vigencia ?? sheetVigencia;
  let from: VigenciaFrom | undefined =
    partial.vigencia !== undefined
      ? 'option'
      : sheetVigencia !== undefined
        ? partial.cutoff !== undefined && Number(partial.cutoff.slice(0, 4)) === sheetVigencia ? 'cutoff' : 'workbook'
        : undefined;
  const term = planTermOf(sheets);
  if (vigencia === undefined && !partial.cutoff && !sheetCutoff && term) {
    const year = parts(todayIsoDate).year;
    vigencia = Math.min(Math.max(year, term[0]), term[term.length - 1]);
    from = vigencia === year ? 'today' : 'term';
  }
  const cutoff =
    partial.cutoff ||
    sheetCutoff ||
    reportedCutoff(sheets, vigencia, todayIsoDate) ||
    capToVigencia(defaultCutoff(todayIsoDate, first?.periodKind ?? 'quarter'), vigencia);
  from ??= partial.cutoff ? 'cutoff' : sheetCutoff ? 'workbook' : 'today';
  const entity = partial.entity ?? sheets.find((s) => s.title.entity)?.title.entity;
  return {
    cutoff,
    vigencia: vigencia ?? parts(cutoff).year,
    vigenciaFrom: from,
    lagThreshold: partial.lagThreshold ?? DEFAULT_LAG_THRESHOLD,
    ratingRanges: partial.ratingRanges ?? defaultRatingRanges,
    extraSources: partial.extraSources ?? [],
    ...(entity !== undefined ? { entity } : {}),
  };
}

/**
 * Why a vigencia cannot be used with a workbook summarised from its plan indicativo: the year is
 * outside the plan's term (a usage error, like a cut-off outside the vigencia); `undefined` when
 * it can, or the workbook is read otherwise.
 */
export function vigenciaOutsideTerm(workbook: ReadWorkbook, vigencia: number): string | undefined {
  const term = planTermOf(workbook.sheets);
  if (!term || term.includes(vigencia)) return undefined;
  const [first, last] = [term[0], term[term.length - 1]];
  return `El plan indicativo cubre ${first} a ${last}; indique una vigencia entre ${first} y ${last}.`;
}

/**
 * The years of the plan indicativo a workbook is summarised from: its first plan indicativo's
 * term, when the workbook has neither capture sheets nor a plan de acción (which would be read
 * instead); `undefined` otherwise.
 */
function planTermOf(sheets: readonly ReadSheet[]): readonly number[] | undefined {
  if (sheets.some((s) => s.kind === 'hoja-captura' || s.kind === 'plan-accion')) return undefined;
  const years = sheets.find((s) => s.kind === 'plan-indicativo' && s.years && s.years.length > 0)?.years;
  return years && years.length > 0 ? years : undefined;
}

/**
 * Why a cut-off cannot be used with a vigencia (real-formats.md: a cut-off outside the vigencia
 * is a usage error, not a silent T4), or `undefined` when it can.
 */
export function cutoffOutsideVigencia(cutoff: string | undefined, vigencia: number | undefined): string | undefined {
  if (cutoff === undefined || vigencia === undefined) return undefined;
  const year = Number(cutoff.slice(0, 4));
  if (year === vigencia) return undefined;
  return (
    `La fecha de corte ${cutoff.slice(8, 10)}/${cutoff.slice(5, 7)}/${cutoff.slice(0, 4)} está fuera de la vigencia ${vigencia}; ` +
    `use una fecha de corte de ${vigencia} o indique --vigencia ${year}.`
  );
}

/**
 * A finished vigencia's follow-up is cut where its execution runs to: the end of the last period
 * any capture sheet reported (Tenjo's 2025 sheet filled through T3, read in 2026, is cut at
 * 30/09/2025 — not at 31/12, where every unreported T4 would look missing).
 */
function reportedCutoff(sheets: readonly ReadSheet[], vigencia: number | undefined, today: IsoDate): IsoDate | undefined {
  if (vigencia === undefined || vigencia >= parts(today).year) return undefined;
  let best: { period: number; kind: ReadSheet['periodKind'] } | undefined;
  for (const s of sheets) {
    if (!isGoalSheet(s) || s.reportedPeriod === undefined || (s.vigencia ?? vigencia) !== vigencia) continue;
    if (!best || s.reportedPeriod > best.period) best = { period: s.reportedPeriod, kind: s.periodKind };
  }
  return best ? periodEnd(vigencia, best.period, best.kind) : undefined;
}

/**
 * A default cut-off never runs past the plan's own year: a 2025 plan reviewed in 2026 is measured
 * at 31/12/2025, not at a 2026 quarter where every 2025 goal would look finished or overdue.
 */
function capToVigencia(cutoff: IsoDate, vigencia: number | undefined): IsoDate {
  if (vigencia === undefined) return cutoff;
  const yearEnd = isoDate(vigencia, 12, 31);
  return cutoff > yearEnd ? yearEnd : cutoff;
}
