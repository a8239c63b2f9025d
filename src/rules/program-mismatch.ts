import type { Rule, RuleMeta } from './types';
import type { Finding } from '../domain/finding';
import { okText } from '../domain/sheet';
import { isMergeContinuation, normalizeText, quote, reportField } from './lib/util';

const messages = {
  differs: (programCode: string, found: string, expected: string, sheet: string, firstRow: number): string =>
    `El programa ${programCode} se llama ${quote(found)} en esta fila, pero ${quote(expected)} en la fila ${firstRow}` +
    ` de la hoja ${quote(sheet)}. Un mismo código de programa debe tener un solo nombre.`,
};

const meta: RuleMeta = {
  id: 'program-mismatch',
  severity: 'error',
  scope: 'plan-accion',
  description: 'Un mismo código de programa aparece con dos nombres de programa distintos.',
};

/**
 * One program code with two program names in the plan de acción (across its sheets). The first
 * name found is the reference; every other cell that differs (after normalisation) is reported.
 */
export const rule: Rule = {
  meta,
  messages,
  check(ctx) {
    const out: Finding[] = [];
    const first = new Map<string, { name: string; sheet: string; row: number }>();
    for (const sheet of ctx.workbook.sheets) {
      if (sheet.kind !== 'plan-accion') continue;
      sheet.rows.forEach((row, index) => {
        const code = okText(row, 'programCode')?.trim();
        const name = okText(row, 'program')?.trim();
        if (!code || !name || isMergeContinuation(sheet, index, 'program')) return;
        const ref = first.get(code);
        if (!ref) {
          first.set(code, { name, sheet: sheet.name, row: row.row });
          return;
        }
        if (normalizeText(ref.name) === normalizeText(name)) return;
        out.push(reportField(meta, sheet, row, 'program', messages.differs(code, name, ref.name, ref.sheet, ref.row)));
      });
    }
    return out;
  },
};
