/** Excel number formats: does a cell's format show dates, or percents? */

const formatCache = new Map<string, { date: boolean; percent: boolean }>();

/** Number format with literals removed: quoted text, escaped chars, `[...]` sections, padding. */
function formatCodes(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

function classifyFormat(fmt: string): { date: boolean; percent: boolean } {
  let c = formatCache.get(fmt);
  if (!c) {
    const codes = formatCodes(fmt);
    const general = /^general$/i.test(codes.trim());
    const elapsed = /\[[hms]+\]/i.test(fmt);
    const date = !general && !elapsed && (/[dy]/i.test(codes) || (/m/i.test(codes) && !/[hs]/i.test(codes)));
    c = { date, percent: codes.indexOf('%') >= 0 };
    if (formatCache.size < 512) formatCache.set(fmt, c);
  }
  return c;
}

/** True when an Excel number format shows dates (`dd/mm/yyyy`, `d-mmm-yy`, `yyyy-mm-dd`, …). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  return !!fmt && classifyFormat(fmt).date;
}

/** True when an Excel number format shows percents (`0%`, `0.00 %`). */
export function isPercentFormat(fmt: string | null | undefined): boolean {
  return !!fmt && classifyFormat(fmt).percent;
}
