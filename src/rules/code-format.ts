import type { DataRow, ReadCell, ReadSheet } from '../domain/sheet';
import type { Finding } from '../domain/finding';
import type { FieldId } from '../domain/fields';
import { okText, sheetKey } from '../domain/sheet';
import { report, goalOf, label, quote, vigenciaOf } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import { isBpin, isPlanGoalCode, isProgramCode } from './lib/codes';
import type { RuleMeta } from './types';
import { listOf } from '../domain/text';

const messages = {
  programCode: (code: string): string =>
    `El código de programa ${quote(code)} no tiene el formato esperado: deben ser 4 dígitos ` +
    `(los dos primeros son el sector), por ejemplo 1702.`,
  goalCode: (code: string, programCode: string | undefined): string =>
    `El código de meta ${quote(code)} no tiene el formato esperado: un código de producto MGA de 7 a 9 dígitos ` +
    `(por ejemplo 1702017)` +
    (programCode ? ` o el código del programa ${programCode} seguido de separadores y dígitos (por ejemplo ${programCode}-01).` : '.'),
  typedAsNumber: (code: string, column: string): string =>
    `El código ${quote(code)} de ${quote(column)} está escrito como número; en este formato los códigos son texto. Escríbalo como texto.`,
  noBpin: (code: string): string => `El proyecto no tiene BPIN (dice ${quote(code)}); escriba su código BPIN.`,
  bpin: (code: string, vigencia: number): string =>
    `El código BPIN ${quote(code)} no tiene el formato esperado: 13 dígitos que empiezan por un año entre 2000 y ${vigencia} ` +
    `(por ejemplo 2024520010035) o 15 dígitos.`,
};

/** The code as typed: trimmed text; a code typed as a number is its digits. */
function codeText(cell: ReadCell): string | undefined {
  const p = cell.parsed;
  if (p.status === 'ok') {
    if (typeof p.value === 'number') return Number.isInteger(p.value) ? String(p.value) : String(p.value);
    if (typeof p.value === 'string') return p.value.trim();
    return undefined;
  }
  if (p.status === 'invalid') return p.text.trim();
  return undefined;
}

function programOf(row: DataRow): string | undefined {
  const t = okText(row, 'programCode');
  return t === undefined ? undefined : t.trim();
}

/** The codes whose shape workbooks.md gives. */
function isCodeField(field: FieldId): boolean {
  return field === 'programCode' || field === 'bpin' || field === 'goalCode';
}

/** Shape-checked codes (the goal code only in a plan de acción), and every code of a format that writes codes as text. */
function checksCode(field: FieldId, sheet: ReadSheet): boolean {
  if (field === 'programCode' || field === 'bpin' || (field === 'goalCode' && sheet.kind === 'plan-accion')) return true;
  return sheet.textCodes === true && (isCodeField(field) || field === 'productCode' || field === 'indicatorCode');
}

/**
 * One finding per mistake: on a sheet of one row per activity (Cali), a project's or product's code
 * is written again on each of its activities' rows, so the same wrong code under the same project
 * is said once, on its first row; its message names the other cells, which are marked with it
 * (`alsoCells`): fixing the first, the unit knows where the others are.
 */
// Per run of the rule (its findings list) — a workbook read once may be checked again.
const repeated = new WeakMap<Finding[], Map<string, { readonly index: number; readonly cells: string[] }>>();

function push(out: Finding[], sheet: ReadSheet, row: DataRow, field: FieldId, code: string, address: string, finding: Finding): void {
  if (sheet.granularity !== 'activity') {
    out.push(finding);
    return;
  }
  let seen = repeated.get(out);
  if (!seen) repeated.set(out, (seen = new Map()));
  const key = `${sheetKey(sheet)}\u0000${field}\u0000${code}\u0000${okText(row, 'projectCode') ?? goalOf(row) ?? ''}`;
  const first = seen.get(key);
  if (!first) {
    seen.set(key, { index: out.length, cells: [] });
    out.push(finding);
    return;
  }
  first.cells.push(address);
  const base = out[first.index];
  const also = `${first.cells.length === 1 ? 'la celda' : 'las celdas'} ${listOf(first.cells)}`;
  out[first.index] = { ...base, alsoCells: [...first.cells], message: `${finding.message} Se repite en ${also} (actividades del mismo proyecto).` };
}

const meta: RuleMeta = {
  id: 'code-format',
  severity: 'mixed',
  scope: 'cell',
  description:
    'Un código con formato incorrecto: código de programa o BPIN (error), código de meta del plan de acción (advertencia).',
};

/**
 * Codes of the wrong shape (workbooks.md "Code formats"): program code and BPIN are errors; a
 * plan de acción goal code is a warning; capture sheets keep their own goal codes (no check).
 */
export const rule: CellRule = cellRule(
  meta,
  messages,
  {
    statuses: ['ok', 'invalid'],
    columns: (field, sheet) => checksCode(field, sheet),
    visit({ sheet, row, field, cell, address }, ctx, out) {
      if (!checksCode(field, sheet)) return;
      const code = codeText(cell);
      if (code === undefined || code === '') return;
      let message: string | undefined;
      let severity: 'error' | 'warning' = 'error';
      if (sheet.textCodes && typeof cell.raw === 'number') {
        message = messages.typedAsNumber(code, label(sheet, field));
        if (field !== 'programCode' && field !== 'bpin') severity = 'warning';
        push(out, sheet, row, field, code, address, report(meta, { severity, sheet, row: row.row, cell: address, goal: goalOf(row), message }));
        return;
      }
      if (!isCodeField(field) || (field === 'goalCode' && sheet.kind !== 'plan-accion')) return;
      if (field === 'programCode' && !isProgramCode(code)) message = messages.programCode(code);
      if (field === 'bpin') {
        const vigencia = vigenciaOf(ctx, sheet);
        if (!isBpin(code, vigencia)) message = /^(n\/?a|no aplica|-+)$/i.test(code) ? messages.noBpin(code) : messages.bpin(code, vigencia);
      }
      if (field === 'goalCode' && !isPlanGoalCode(code, programOf(row))) {
        message = messages.goalCode(code, programOf(row));
        severity = 'warning';
      }
      if (!message) return;
      push(out, sheet, row, field, code, address, report(meta, { severity, sheet, row: row.row, cell: address, goal: goalOf(row), message }));
    },
  },
);
