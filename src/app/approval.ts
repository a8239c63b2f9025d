/**
 * The pane's "Aprobar plan" and "Registrar modificación" (product.md), host-neutral: what the
 * workbook's approval is, the goals and fields the form offers (with the approved and the current
 * value of each), and the cells to write — the very same sheets `tablero aprobar` writes and
 * `validar` reads (`domain/baseline.ts`): the very hidden `_tablero_pdm_aprobado` and the visible
 * «Control de cambios» with its Spanish header.
 *
 * Real Excel cannot delete a very hidden sheet (test/excel-double/CATALOG.md, 1): a new approval
 * is written OVER the old one, in one block that also blanks what the old one used beyond it, so
 * the sheet is never deleted and a failed write leaves it as it was (one range, one operation).
 *
 * Loaded on demand (webpack chunk "aprobacion"): the pane's first load does not carry it.
 */
import type { SheetWrite, WorkbookSettings } from './ports';
import { UserError } from './errors';
import { alreadyApprovedMessage, describeApproval } from './approve';
import { engineOptions, readPane } from './pane';
import { BASELINE_SHEET, CHANGE_LOG_SHEET } from '../domain/baseline-sheets';
import {
  CHANGE_LOG_COLUMNS,
  CHANGE_LOG_HEADER,
  baselineGoalsOf,
  goalIdentityKey,
  identityOf,
  baselineOf,
  baselineRows,
  changeFieldLabel,
  changeFieldOf,
  changeLogColumns,
  changeLogOf,
  storedBaseline,
  type Baseline,
  type ChangeField,
  type ChangeLogColumn,
} from '../domain/baseline';
import type { IsoDate } from '../domain/dates';
import { toExcelSerial } from '../domain/dates';
import { periodCount } from '../domain/periods';
import { accumulationNames, type GoalInput } from '../domain/goal';
import type { CellValue, WorkbookGrids } from '../domain/grid';

/** One field of a goal the form can record a change of. */
export interface ChangeFieldChoice {
  readonly field: ChangeField;
  /** As written in «Control de cambios» ("Programado T2"); `changeFieldOf` reads it back. */
  readonly label: string;
  /** "Antes": the approved value, or the «Después» of the last change recorded for it. */
  readonly before: string;
  /** The value in the sheet now (the form's default «Después»). */
  readonly current: string;
}

export interface ChangeGoalChoice {
  readonly code: string;
  /** "1905021 — Aplicar 3.000 dosis…" */
  readonly label: string;
  readonly fields: readonly ChangeFieldChoice[];
}

export interface ApprovalState {
  /** The approval the workbook stores, or `null`. */
  readonly approved: { readonly approvedOn: IsoDate; readonly act: string; readonly goals: number; readonly description: string } | null;
  /** Goals of the approved plan still in the workbook, for the «Registrar modificación» form. */
  readonly goals: readonly ChangeGoalChoice[];
  /** Goals the workbook has to approve (plan de acción, else capture sheets). */
  readonly goalsToApprove: number;
  /** Rows already in «Control de cambios». */
  readonly changes: number;
}

/** A change as the form sends it. */
export interface ChangeRequest {
  readonly date: IsoDate;
  readonly goal: string;
  /** The field's label («Programado T1», «Meta vigencia», «Estado de la meta»). */
  readonly field: string;
  readonly before: string;
  readonly after: string;
  readonly justification: string;
  readonly act: string;
}

const plain = (n: number | null): string => (n === null ? '' : String(n));

function fieldValue(field: ChangeField, g: { yearGoal: number | null; eliminated: boolean; accumulation: string | null; planned: readonly (number | null)[] }): string {
  if (field === 'yearGoal') return plain(g.yearGoal);
  if (field === 'eliminated') return g.eliminated ? 'eliminada' : 'activa';
  if (field === 'accumulation') return g.accumulation === null ? '' : (accumulationNames[g.accumulation] ?? g.accumulation);
  return plain(g.planned[Number(field.slice('planned'.length)) - 1] ?? null);
}

export { describeApproval };

/** The approval of the workbook and the choices of the modification form. */
export function approvalState(grids: WorkbookGrids, settings: WorkbookSettings): ApprovalState {
  const wb = readPane(grids, settings);
  const b = storedBaseline(wb);
  const { goals: now } = baselineGoalsOf(b ? wb.sheets.filter((s) => s.kind === b.from) : wb.sheets);
  const log = changeLogOf(wb);
  if (!b) return { approved: null, goals: [], goalsToApprove: now.length, changes: log?.entries.length ?? 0 };
  // By identity when the approved plan stored one (a product code under two projects is two goals).
  const byIdentity = b.goals.some((g) => g.identity);
  const keyOf = (code: string, identity: string | undefined): string => (byIdentity ? goalIdentityKey(code, identity) : code);
  const current = new Map<string, GoalInput>(now.map((g) => [keyOf(g.code, identityOf(g)), g]));
  const periods = periodCount(b.periodKind);
  const fields: ChangeField[] = ['yearGoal', ...Array.from({ length: periods }, (_, i) => `planned${i + 1}` as ChangeField), 'accumulation', 'eliminated'];
  const goals: ChangeGoalChoice[] = [];
  for (const g of b.goals) {
    const c = current.get(keyOf(g.code, g.identity));
    if (!c) continue;
    const code = g.identity ? `${g.code} (${g.identity})` : g.code;
    goals.push({
      code: g.code,
      label: g.goal ? `${code} — ${g.goal}` : code,
      fields: fields.map((field) => {
        const last = [...(log?.entries ?? [])].reverse().find((e) => e.goal === g.code && e.field === field);
        return { field, label: changeFieldLabel(field, b.periodKind), before: last ? last.after : fieldValue(field, g), current: fieldValue(field, c) };
      }),
    });
  }
  return {
    approved: { approvedOn: b.approvedOn, act: b.act, goals: b.goals.length, description: describeApproval(b) },
    goals,
    goalsToApprove: now.length,
    changes: log?.entries.length ?? 0,
  };
}

/** Text columns of the baseline sheet (code, goal, unit, accumulation, eliminated): kept as typed. */
const BASELINE_FORMATS: readonly (string | null)[] = ['@', '@', '@', '@', null, '@'];

function changeLogHeaderWrite(): SheetWrite {
  return { sheet: CHANGE_LOG_SHEET, create: 'visible', header: true, top: 1, left: 1, values: [[...CHANGE_LOG_HEADER]], formats: CHANGE_LOG_HEADER.map(() => '@') };
}

/**
 * The writes of "Aprobar plan" approved on `approvedOn` by `act`: the baseline sheet (over the old
 * one, blanking what it used beyond the new block) and «Control de cambios» when missing. Refused
 * (a `UserError`) when there is nothing to approve, or when the workbook is approved already and
 * `replace` is not asked.
 */
export function approvalWrites(
  grids: WorkbookGrids,
  settings: WorkbookSettings,
  approvedOn: IsoDate,
  act: string,
  replace: boolean,
): { writes: SheetWrite[]; baseline: Baseline; replaced: Baseline | null } {
  const wb = readPane(grids, settings);
  const vigencia = wb.sheets.find((s) => s.vigencia !== undefined)?.vigencia ?? engineOptions(settings, wb).vigencia;
  const baseline = baselineOf(wb.sheets, approvedOn, act.trim(), vigencia);
  if (baseline.goals.length === 0) {
    throw new UserError('No hay metas que aprobar: el libro no tiene un plan de acción ni una hoja de captura con códigos de meta.');
  }
  const replaced = storedBaseline(wb);
  if (replaced && !replace) throw new UserError(alreadyApprovedMessage(replaced, 'confirme que quiere reemplazarlo'));
  const rows = baselineRows(baseline);
  const old = wb.baselineGrid;
  const height = Math.max(rows.length, old ? (old.origin?.row ?? 1) - 1 + old.values.length : 0);
  const width = Math.max(...rows.map((r) => r.length), old ? (old.origin?.col ?? 1) - 1 + Math.max(0, ...old.values.map((r) => r?.length ?? 0)) : 0);
  const values: CellValue[][] = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => rows[i]?.[j] ?? null));
  const writes: SheetWrite[] = [
    { sheet: BASELINE_SHEET, create: 'veryHidden', top: 1, left: 1, values, formats: Array.from({ length: width }, (_, j) => BASELINE_FORMATS[j] ?? null) },
  ];
  if (!wb.changesGrid) writes.push(changeLogHeaderWrite());
  return { writes, baseline, replaced };
}

/** "1.500", "1500", "1500,5" → a number; anything else stays text. */
function valueOf(text: string): CellValue {
  const t = text.trim();
  if (t === '') return null;
  if (/^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+\.\d+$/.test(t)) return Number(t);
  return t;
}

/**
 * The writes of "Registrar modificación": one row appended to «Control de cambios» (created with
 * its header when missing), in the columns its header names. Refused (a `UserError`) when a
 * required field is empty or the field is not one the rules read.
 */
export function changeWrites(grids: WorkbookGrids, settings: WorkbookSettings, change: ChangeRequest): SheetWrite[] {
  if (!change.goal.trim()) throw new UserError('Elija la meta que se modificó.');
  if (!changeFieldOf(change.field)) throw new UserError(`«${change.field}» no es un campo de la meta que se pueda modificar (meta vigencia, programado de un periodo o estado).`);
  if (!change.justification.trim()) throw new UserError('Escriba la justificación de la modificación: sin ella el cambio queda como no justificado.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(change.date)) throw new UserError('Escriba la fecha de la modificación.');
  const wb = readPane(grids, settings);
  const entry: Record<ChangeLogColumn, CellValue> = {
    date: toExcelSerial(change.date),
    goal: change.goal.trim(),
    field: change.field,
    before: valueOf(change.before),
    after: valueOf(change.after),
    justification: change.justification.trim(),
    act: change.act.trim() || null,
  };
  const formatOf = (c: ChangeLogColumn): string | null => (c === 'date' ? 'dd/mm/yyyy' : c === 'goal' || c === 'field' || c === 'justification' || c === 'act' ? '@' : null);
  const grid = wb.changesGrid;
  if (!grid) {
    return [changeLogHeaderWrite(), { sheet: CHANGE_LOG_SHEET, top: 2, left: 1, values: [CHANGE_LOG_COLUMNS.map((c) => entry[c])], formats: CHANGE_LOG_COLUMNS.map(formatOf) }];
  }
  const { headerIndex, cols } = changeLogColumns(grid);
  if (headerIndex < 0) {
    throw new UserError(`La hoja «${grid.name}» no tiene la fila de encabezados (${CHANGE_LOG_HEADER.join(', ')}): escríbala en la fila 1 o borre la hoja para que se cree de nuevo.`);
  }
  const origin = grid.origin ?? { row: 1, col: 1 };
  // Columns the header lacks (e.g. no «Acta u oficio») are left out; the row goes after the last used one.
  const placed = CHANGE_LOG_COLUMNS.filter((c) => cols[c] !== undefined).map((c) => ({ c, at: cols[c]! }));
  const left = Math.min(...placed.map((p) => p.at));
  const right = Math.max(...placed.map((p) => p.at));
  const row: CellValue[] = Array.from({ length: right - left + 1 }, () => null);
  const formats: (string | null)[] = Array.from({ length: right - left + 1 }, () => null);
  for (const p of placed) {
    row[p.at - left] = entry[p.c];
    formats[p.at - left] = formatOf(p.c);
  }
  return [{ sheet: grid.name as string, top: origin.row + grid.values.length, left: origin.col + left, values: [row], formats }];
}
