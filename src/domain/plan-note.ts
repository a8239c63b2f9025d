/**
 * What a summary of a plan with no execution says of itself, in plain Spanish: which plan, which
 * vigencia and why that one, how many of the plan's goals are the vigencia's, and that there is
 * no compliance or rating to compute. `reporte` (text and JSON), the informe and the generated
 * tablero say the same words.
 */
import { formatMoney } from './format';
import type { VigenciaFrom } from './options';
import type { PlanSummary } from './progress-model';

/** Why the vigencia is the one it is ("el año en curso"), for "vigencia 2026 (…)". */
export const vigenciaReasons: Readonly<Record<VigenciaFrom, string>> = {
  option: 'la indicada',
  workbook: 'la del libro',
  cutoff: 'la de la fecha de corte',
  today: 'el año en curso',
  term: 'el año del cuatrienio más cercano a hoy',
};

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The term of a plan indicativo as written in Spanish: "2024–2027". */
export function termLabel(years: readonly number[]): string {
  if (years.length === 0) return '';
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

/** The summary's one-paragraph account of itself. */
export function planSummaryNote(s: PlanSummary, from: VigenciaFrom | undefined): string {
  const why = from ? ` (${vigenciaReasons[from]})` : '';
  const none = 'No hay cumplimiento, estados ni calificación que calcular hasta que las dependencias reporten ejecución.';
  if (s.kind === 'plan-accion') {
    return (
      `Sin ejecución reportada: el libro trae el plan de acción de la vigencia ${s.vigencia}${why} y ninguna hoja de seguimiento; ` +
      `se resume lo programado (${count(s.goals, 'meta', 'metas')}, por dependencia, programa y fuente). ${none}`
    );
  }
  const term = termLabel(s.years);
  if (!s.years.includes(s.vigencia)) {
    return (
      `Plan indicativo ${term} sin ejecución: la vigencia ${s.vigencia}${why} no es un año del plan, así que no tiene productos programados; ` +
      `indique una vigencia entre ${s.years[0]} y ${s.years[s.years.length - 1]}. Se resume lo programado en cada año del plan. ${none}`
    );
  }
  return (
    `Plan indicativo ${term} sin ejecución: se resume lo programado por año, programa y fuente. ` +
    `Vigencia ${s.vigencia}${why}: ${count(s.goals, 'producto', 'productos')} de ${s.planGoals} con meta programada ese año` +
    (s.unprogrammed.length
      ? ` (${count(s.unprogrammed.length, 'producto sin meta ese año queda', 'productos sin meta ese año quedan')} fuera; ` +
        `el valor programado de la vigencia es el de los productos con meta` +
        (s.unprogrammedAmount !== 0 ? `, y los ${formatMoney(s.unprogrammedAmount)} de los que no la tienen se muestran aparte)` : ')')
      : '') +
    `; para otro año, indique la vigencia. ${none}`
  );
}
