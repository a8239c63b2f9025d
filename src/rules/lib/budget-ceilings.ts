/**
 * What `ceiling-exceeded` and `no-ceiling` share: the techos of the workbook and the plan rows
 * (program, unit, source, amount) they are compared with.
 */
import type { DataRow, ReadSheet } from '../../domain/sheet';
import { okNumber, okText, ownNumber } from '../../domain/sheet';
import type { RuleContext } from '../types';
import { normalizeText } from './util';

export interface Ceiling {
  readonly programCode: string;
  readonly unit?: string;
  readonly source?: string;
  readonly amount: number;
  readonly sheet: string;
  readonly row: number;
}

export interface PlanLine {
  readonly sheet: ReadSheet;
  readonly row: DataRow;
  readonly programCode: string;
  readonly program?: string;
  readonly unit?: string;
  readonly source?: string;
  /** 0 for the rows a merged amount spans after its first (counted once). */
  readonly amount: number;
}

export function ceilingsOf(ctx: RuleContext): Ceiling[] | undefined {
  const sheets = ctx.workbook.sheets.filter((s) => s.kind === 'techos');
  if (sheets.length === 0) return undefined;
  const out: Ceiling[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const programCode = okText(row, 'programCode')?.trim();
      const amount = okNumber(row, 'ceiling');
      if (!programCode || amount === undefined) continue;
      const unit = okText(row, 'unit')?.trim() || undefined;
      const source = okText(row, 'source')?.trim() || undefined;
      out.push({ programCode, unit, source, amount, sheet: sheet.name, row: row.row });
    }
  }
  return out;
}

export function planLinesOf(ctx: RuleContext): PlanLine[] {
  const out: PlanLine[] = [];
  for (const sheet of ctx.workbook.sheets) {
    if (sheet.kind !== 'plan-accion') continue;
    sheet.rows.forEach((row) => {
      const programCode = okText(row, 'programCode')?.trim();
      if (!programCode) return;
      const amount = ownNumber(row, 'amount') ?? 0;
      out.push({
        sheet,
        row,
        programCode,
        program: okText(row, 'program')?.trim() || undefined,
        unit: okText(row, 'unit')?.trim() || undefined,
        source: okText(row, 'source')?.trim() || undefined,
        amount,
      });
    });
  }
  return out;
}

/** Plan lines a ceiling covers: its program, and its unit and source when the techo gives them. */
export function covers(c: Ceiling, line: PlanLine): boolean {
  if (c.programCode !== line.programCode) return false;
  if (c.unit !== undefined && normalizeText(c.unit) !== normalizeText(line.unit ?? '')) return false;
  if (c.source !== undefined && normalizeText(c.source) !== normalizeText(line.source ?? '')) return false;
  return true;
}

export function total(lines: readonly PlanLine[]): number {
  return Number.parseFloat(lines.reduce((s, l) => s + l.amount, 0).toPrecision(15));
}
