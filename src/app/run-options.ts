/**
 * The run's options: `resolveOptions` fills them from flags/settings, the workbook and today;
 * `cutoffOutsideVigencia` says when a cut-off cannot be used with a vigencia. Both hosts and every
 * verb use them; the pane needs them at open (the «what is in this workbook» line), so this module
 * imports nothing of the progress model.
 */
import { isoDate, parts, todayIso, type IsoDate } from '../domain/dates';
import { DEFAULT_LAG_THRESHOLD, defaultRatingRanges, type EngineOptions, type VigenciaFrom } from '../domain/options';
import { defaultCutoff, periodEnd } from '../domain/periods';
import { isGoalSheet, type ReadSheet, type ReadWorkbook } from '../domain/sheet';
import { listOf } from '../domain/text';


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
 * is a usage error, not a silent T4), or `undefined` when it can. With `workbook`, a cut-off whose
 * year became the vigencia (nothing else named one) must also be a year the workbook holds: a
 * SisPT plan 2024–2027, Cali's Cuadro 1S of 2025 or Tenjo's 2024–2027 blocks «cut» at 30/06/2030
 * would otherwise report 2030 with nothing in it, as `--vigencia 2030` is refused.
 */
export function cutoffOutsideVigencia(cutoff: string | undefined, vigencia: number | undefined, from?: VigenciaFrom, workbook?: ReadWorkbook): string | undefined {
  if (cutoff === undefined || vigencia === undefined) return undefined;
  const year = Number(cutoff.slice(0, 4));
  const date = `${cutoff.slice(8, 10)}/${cutoff.slice(5, 7)}/${cutoff.slice(0, 4)}`;
  if (year === vigencia) {
    // A vigencia the user asked for was already checked against the workbook (vigenciaNotInWorkbook).
    const held = workbook && from !== 'option' ? yearsOfWorkbook(workbook, vigencia) : undefined;
    if (!held) return undefined;
    return `La fecha de corte ${date} está fuera de la vigencia del libro: trae ${held.what} ${held.list}; use una fecha de corte ${held.choice.startsWith('entre') ? held.choice : `de ${held.choice}`}.`;
  }
  // The workbook's own year cannot be changed with --vigencia (vigenciaNotInWorkbook): only the cut-off can.
  if (from === 'workbook') return `La fecha de corte ${date} está fuera de la vigencia ${vigencia}, la del libro; use una fecha de corte de ${vigencia}.`;
  return `La fecha de corte ${date} está fuera de la vigencia ${vigencia}; use una fecha de corte de ${vigencia} o indique --vigencia ${year}.`;
}

/**
 * Why a vigencia asked for (`--vigencia`, the pane's Ajustes) is not one the workbook holds, or
 * `undefined` — a usage error, as a cut-off outside the vigencia is (real-formats.md «Years and
 * the vigencia»). The sheets that set the vigencia are the plan de acción and follow-up sheets,
 * else (a workbook that has neither) its plan indicativo; each holds the one year it names for
 * itself, or its year blocks, or the plan indicativo's term. When none holds the year asked for
 * (a plan de acción 2025 read «for 2024» would find no «Meta vigencia» and report 2025's figures
 * as 2024's; a SisPT plan 2024–2027 read for 2030 would summarise nothing), the reader would
 * report another year's figures under that year's name. A sheet that names no year accepts any.
 * `advice` is how the user changes the vigencia: the command line's flag, or the pane's Ajustes.
 */
export function vigenciaNotInWorkbook(workbook: ReadWorkbook, vigencia: number | undefined, advice: 'cli' | 'pane' = 'cli'): string | undefined {
  if (vigencia === undefined) return undefined;
  const held = yearsOfWorkbook(workbook, vigencia);
  if (!held) return undefined;
  const { years, what, list, choice } = held;
  const first = years[0];
  const fix =
    advice === 'pane'
      ? years.length === 1
        ? `cambie en Ajustes la vigencia a ${first} o déjela vacía.`
        : `indique en Ajustes una vigencia ${choice} o déjela vacía.`
      : years.length === 1
        ? `quite --vigencia o indique --vigencia ${first}.`
        : `quite --vigencia o indique una vigencia ${choice}.`;
  return `El libro trae ${what} ${list}, no de ${vigencia}: ${fix}`;
}

/**
 * The years the workbook's vigencia-setting sheets hold, in words, when `vigencia` is not one of
 * them (`undefined` when it is, or when a sheet names no year and so accepts any).
 */
function yearsOfWorkbook(workbook: ReadWorkbook, vigencia: number): { years: number[]; what: string; list: string; choice: string } | undefined {
  const execution = workbook.sheets.filter((s) => s.kind === 'hoja-captura' || s.kind === 'plan-accion');
  const sheets = execution.length > 0 ? execution : workbook.sheets.filter((s) => s.kind === 'plan-indicativo');
  const held = sheets.map(yearsHeld);
  if (held.length === 0 || held.some((y) => y === undefined || y.includes(vigencia))) return undefined;
  const years = [...new Set(held.flatMap((y) => y ?? []))].sort((a, b) => a - b);
  const [first, last] = [years[0], years[years.length - 1]];
  const kinds = new Set(sheets.map((s) => s.kind));
  const what = kinds.size > 1 ? 'las hojas' : kinds.has('plan-indicativo') ? 'el plan indicativo' : kinds.has('plan-accion') ? 'el plan de acción' : 'el seguimiento';
  const span = years.length === last - first + 1 && years.length > 1;
  const list = years.length === 1 ? `de la vigencia ${first}` : span ? `de ${first} a ${last}` : `de las vigencias ${listOf(years.map(String))}`;
  const choice = years.length === 1 ? `${first}` : span ? `entre ${first} y ${last}` : `${years.slice(0, -1).join(', ')} o ${last}`;
  return { years, what, list, choice };
}

/** The years a sheet holds: the one it names for itself, else its plan indicativo's term or its year blocks; `undefined` when it names none. */
function yearsHeld(s: ReadSheet): readonly number[] | undefined {
  if (s.namedVigencia !== undefined) return [s.namedVigencia];
  if (s.kind === 'plan-indicativo' && s.years && s.years.length > 0) return s.years;
  return s.yearBlocks && s.yearBlocks.length > 1 ? s.yearBlocks : undefined;
}

/**
 * A finished vigencia's follow-up is cut where its execution runs to: the end of the last period
 * any capture sheet reported (Tenjo's 2025 sheet filled through T3, read in 2026, is cut at
 * 30/09/2025 — not at 31/12, where every unreported T4 would look missing).
 */
export function reportedCutoff(sheets: readonly ReadSheet[], vigencia: number | undefined, today: IsoDate): IsoDate | undefined {
  if (vigencia === undefined || vigencia >= parts(today).year) return undefined;
  let best: { period: number; kind: ReadSheet['periodKind'] } | undefined;
  for (const s of sheets) {
    if (!isGoalSheet(s) || s.reportedPeriod === undefined || (s.vigencia ?? vigencia) !== vigencia) continue;
    if (!best || s.reportedPeriod > best.period) best = { period: s.reportedPeriod, kind: s.periodKind };
  }
  return best ? periodEnd(vigencia, best.period, best.kind) : undefined;
}

/**
 * A default cut-off stays inside the plan's own year: a 2025 plan reviewed in 2026 is measured
 * at 31/12/2025, not at a 2026 quarter where every 2025 goal would look finished or overdue; a
 * 2027 plan de acción checked in December 2026 (PE-P-002: approved before the year starts) is cut
 * at 01/01/2027 — nothing of it measured yet, said beside the figures (`notYetMeasuredNotes`) —,
 * not at 30/09/2026, a date outside the vigencia.
 */
function capToVigencia(cutoff: IsoDate, vigencia: number | undefined): IsoDate {
  if (vigencia === undefined) return cutoff;
  const yearStart = isoDate(vigencia, 1, 1);
  const yearEnd = isoDate(vigencia, 12, 31);
  return cutoff > yearEnd ? yearEnd : cutoff < yearStart ? yearStart : cutoff;
}
