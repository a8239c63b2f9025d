import { isGoalSheet } from '../domain/sheet';
import { pushTo } from '../domain/multimap';
import type { DataRow, ReadSheet } from '../domain/sheet';
import type { Finding } from '../domain/finding';
import { okText } from '../domain/sheet';
import { rowRule } from './lib/rows';
import { fieldAddress, report, goalOf, isMergeContinuation, normalizeText, quote } from './lib/util';
import type { RuleMeta } from './types';

const messages = {
  activity: (activity: string, goal: string, firstRow: number): string =>
    `La actividad ${quote(activity)} de la meta ${goal} está repetida: ya aparece en la fila ${firstRow}. ` +
    `Elimine la fila repetida o diferencie la actividad.`,
  goal: (goal: string, unit: string | undefined, firstRow: number): string =>
    `La meta ${goal}` +
    (unit ? ` de la dependencia ${quote(unit)}` : '') +
    ` está repetida: ya aparece en la fila ${firstRow}. Cada meta se reporta en una sola fila.`,
};

/**
 * Plan de acción: the same goal code and the same activity (normalised); hoja de captura: the same
 * goal code and unit. Every repetition after the first is reported on its row. An activity cell
 * merged over several rows is one activity (split by source), not a repetition.
 */
/** The cell a repeated activity is marked on: its code, or its name when the sheet has no code. */
function activityAddress(sheet: ReadSheet, row: DataRow): string {
  return fieldAddress(sheet, row, okText(row, 'activityCode') !== undefined ? 'activityCode' : 'activity');
}

/** One row of a sheet: reports it when its key was seen on an earlier row (`seen`: key → first row). */
function visitRow(sheet: ReadSheet, seen: Map<string, number>, row: DataRow, index: number, out: Finding[]): void {
  // One activity merged over several rows (e.g. one line per funding source) is one activity.
  if (sheet.kind === 'plan-accion' && isMergeContinuation(sheet, index, 'activity')) return;
  const goal = goalOf(row);
  if (goal === undefined) return;
  // One row per activity (Cali): the product repeats by design; an activity code seen twice is the repetition.
  if (sheet.granularity === 'activity') {
    const activity = okText(row, 'activityCode') ?? okText(row, 'activity');
    if (activity === undefined) return;
    const key = `${okText(row, 'projectCode') ?? ''}\u0000${normalizeText(activity)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.row);
    else out.push(report(meta, { sheet, row: row.row, cell: activityAddress(sheet, row), goal, message: messages.activity(activity, goal, first) }));
    return;
  }
  const second = sheet.kind === 'plan-accion' ? okText(row, 'activity') : okText(row, 'unit');
  if (sheet.kind === 'plan-accion' && (second === undefined || second.trim() === '')) return;
  const key = `${goal}\u0000${normalizeText(second ?? '')}`;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, row.row);
    return;
  }
  out.push(
    report(meta, {
      sheet,
      row: row.row,
      // The repeated cell: the activity of a plan de acción, else the goal's code.
      cell: fieldAddress(sheet, row, sheet.kind === 'plan-accion' ? 'activity' : 'goalCode'),
      goal,
      message: sheet.kind === 'plan-accion' ? messages.activity(second!, goal, first) : messages.goal(goal, second, first),
    }),
  );
}

const meta: RuleMeta = {
  id: 'duplicate',
  severity: 'error',
  scope: 'cell',
  description: 'Una fila repetida: la misma meta y actividad (plan de acción) o la misma meta y dependencia (hoja de captura).',
};

export const rule = rowRule(
  meta,
  messages,
  {
    sheet(sheet, ctx, out: Finding[]) {
      if (sheet.kind === 'techos') return undefined;
      const seen = new Map<string, number>();
      // A consolidated sheet read again: what its files repeat of each other, once, with its first part.
      if (sheet.part && ctx.workbook.sheets.find((s) => s.name === sheet.name && s.part) === sheet) out.push(...acrossParts(sheet.name, ctx.workbook.sheets));
      if (isGoalSheet(sheet)) return (row, index) => visitRow(sheet, seen, row, index, out);
      const rows = sheet.rows;
      for (let index = 0; index < rows.length; index++) visitRow(sheet, seen, rows[index], index, out);
      return undefined;
    },
  },
);

/** A workbook of a consolidation, read on its own. */
export interface ConsolidatedFile {
  /** The file as the user named it. */
  readonly file: string;
  readonly sheets: readonly ReadSheet[];
}

/** Where a repeated goal was first seen. */
interface FirstSeen {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

/** In the unit's own file: «ya aparece en «salud.xlsx» (hoja «HC T2», fila 9)». */
const inFile = (first: FirstSeen): string => `ya aparece en ${quote(first.file)} (hoja ${quote(first.sheet)}, fila ${first.row})`;

/**
 * The repetitions across files of a consolidated sheet read again (its parts, one per origin
 * sheet): the consolidation found them among the files; read again, they are found among its
 * parts, on the consolidated rows, the first seen named by its row there (whose origin columns
 * say its file; `devolver` names the file's own row).
 */
function acrossParts(name: string, sheets: readonly ReadSheet[]): Finding[] {
  const byFile = new Map<string, ReadSheet[]>();
  for (const s of sheets) if (s.name === name && s.part) pushTo(byFile, s.part.file, s);
  if (byFile.size < 2) return [];
  return duplicatesAcrossFiles([...byFile].map(([file, parts]) => ({ file, sheets: parts })), (first) => `ya aparece en la fila ${first.row}`).map((d) => d.finding);
}

/**
 * The repetitions only a consolidation sees: a goal (the same code and unit; on an activity-level
 * sheet, the same project and activity) that an earlier FILE already reports. Each is reported on
 * its own file's row, naming where it was first seen; a repetition inside one file is that file's
 * own `duplicate` finding, not this one.
 */
export function duplicatesAcrossFiles(files: readonly ConsolidatedFile[], where: (first: FirstSeen) => string = inFile): { readonly file: string; readonly finding: Finding }[] {
  const seen = new Map<string, { file: string; sheet: string; row: number }>();
  const out: { file: string; finding: Finding }[] = [];
  for (const { file, sheets } of files) {
    for (const sheet of sheets) {
      if (!isGoalSheet(sheet)) continue;
      for (const row of sheet.rows) {
        const goal = goalOf(row);
        if (goal === undefined) continue;
        const activity = sheet.granularity === 'activity' ? (okText(row, 'activityCode') ?? okText(row, 'activity')) : undefined;
        if (sheet.granularity === 'activity' && activity === undefined) continue;
        const unit = okText(row, 'unit') ?? sheet.title.unit;
        const key =
          activity !== undefined
            ? `a\u0000${okText(row, 'projectCode') ?? ''}\u0000${normalizeText(activity)}`
            : `g\u0000${goal}\u0000${normalizeText(unit ?? '')}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, { file, sheet: sheet.name, row: row.row });
          continue;
        }
        if (first.file === file) continue;
        const message =
          activity !== undefined
            ? `La actividad ${quote(activity)} de la meta ${goal} ${where(first)}. Cada actividad se reporta en un solo libro.`
            : `La meta ${goal}` + (unit ? ` de la dependencia ${quote(unit)}` : '') + ` ${where(first)}. Cada meta se reporta en un solo libro.`;
        const cell = activity !== undefined ? activityAddress(sheet, row) : fieldAddress(sheet, row, 'goalCode');
        out.push({ file, finding: report(meta, { sheet, row: row.row, cell, goal, message }) });
      }
    }
  }
  return out;
}
