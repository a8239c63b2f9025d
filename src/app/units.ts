/**
 * Whose is a row: the unit (dependencia) a data row names, as `devolver`, the pane's unit picker
 * and the informe group them. Engine-only and small, so the pane's first load can list the units.
 */
import { nameKey } from '../domain/text';
import { okText } from '../domain/sheet';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';

/** Shown (and grouped) when a row names no unit at all. */
export const NO_UNIT = 'Sin dependencia';

/** A unit's name as shown: spaces collapsed; `NO_UNIT` when blank. */
export function unitName(raw: string | null | undefined): string {
  const s = (raw ?? '').replace(/\s+/g, ' ').trim();
  return s === '' ? NO_UNIT : s;
}

/** The unit of each data row of a sheet (its Dependencia cell, else the title block's). */
export function rowUnits(sheet: ReadSheet): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of sheet.rows) {
    const u = okText(r, 'unit') ?? sheet.title.unit;
    if (u && u.trim()) out.set(r.row, unitName(u));
  }
  return out;
}

/** The units a workbook's rows name (Dependencia cells, else title blocks), in alphabetical order. */
export function unitsOf(workbook: ReadWorkbook): string[] {
  const seen = new Map<string, string>();
  for (const sh of workbook.sheets) for (const u of rowUnits(sh).values()) if (!seen.has(nameKey(u))) seen.set(nameKey(u), u);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'es'));
}
