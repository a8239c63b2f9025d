/** Code formats of workbooks.md ("Code formats"). */

/** Program code (clasificación programática MGA): 4 digits, the first two a sector (`1702`). */
export function isProgramCode(code: string): boolean {
  return /^\d{4}$/.test(code);
}

/**
 * Product goal code of a plan de acción: 7 to 9 digits (MGA product code), or the row's program
 * code followed by separators and digits (`1702-01`, `1702.01.03`).
 */
export function isPlanGoalCode(code: string, programCode: string | undefined): boolean {
  if (/^\d{7,9}$/.test(code)) return true;
  if (!programCode || !isProgramCode(programCode)) return false;
  return code.startsWith(programCode) && /^(?:[-._/ ]+\d+)+$/.test(code.slice(programCode.length));
}

/** BPIN: 13 digits starting with a year 2000..vigencia (`2024520010035`), or 15 digits. */
export function isBpin(code: string, vigencia: number): boolean {
  if (/^\d{15}$/.test(code)) return true;
  if (!/^\d{13}$/.test(code)) return false;
  const year = Number(code.slice(0, 4));
  return year >= 2000 && year <= vigencia;
}
