import type { DataRow, ReadCell } from '../domain/sheet';
import { okText } from '../domain/sheet';
import { report, goalOf, quote, vigenciaOf } from './lib/util';
import { cellRule } from './lib/cells';
import type { CellRule } from './lib/cells';
import { isBpin, isPlanGoalCode, isProgramCode } from './lib/codes';
import type { RuleMeta } from './types';

const messages = {
  programCode: (code: string): string =>
    `El código de programa ${quote(code)} no tiene el formato esperado: deben ser 4 dígitos ` +
    `(los dos primeros son el sector), por ejemplo 1702.`,
  goalCode: (code: string, programCode: string | undefined): string =>
    `El código de meta ${quote(code)} no tiene el formato esperado: un código de producto MGA de 7 a 9 dígitos ` +
    `(por ejemplo 1702017)` +
    (programCode ? ` o el código del programa ${programCode} seguido de separadores y dígitos (por ejemplo ${programCode}-01).` : '.'),
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

const meta: RuleMeta = {
  id: 'code-format',
  title: 'Código con formato incorrecto',
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
    columns: (field, sheet) => field === 'programCode' || field === 'bpin' || (field === 'goalCode' && sheet.kind === 'plan-accion'),
    visit({ sheet, row, field, cell, address }, ctx, out) {
      if (field !== 'programCode' && field !== 'bpin' && !(field === 'goalCode' && sheet.kind === 'plan-accion')) return;
      const code = codeText(cell);
      if (code === undefined || code === '') return;
      let message: string | undefined;
      let severity: 'error' | 'warning' = 'error';
      if (field === 'programCode' && !isProgramCode(code)) message = messages.programCode(code);
      if (field === 'bpin') {
        const vigencia = vigenciaOf(ctx, sheet);
        if (!isBpin(code, vigencia)) message = messages.bpin(code, vigencia);
      }
      if (field === 'goalCode' && !isPlanGoalCode(code, programOf(row))) {
        message = messages.goalCode(code, programOf(row));
        severity = 'warning';
      }
      if (!message) return;
      out.push(report(meta, { severity, sheet, row: row.row, cell: address, goal: goalOf(row), message }));
    },
  },
);
