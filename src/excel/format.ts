/**
 * Shared office-js formatting helpers for the renderers (generated sheets, templates): styles
 * applied per group of cells (one format call per style and address string, never per cell),
 * text values that must stay text, ISO dates as serials, column widths in points.
 */
import type { CellStyle } from '../sheets/model';
import type { CellRange } from '../domain/grid';
import type { Capabilities } from './capabilities';
import { ACTION_BYTES, type Unit } from './batch';
import { MAX_ADDRESS_CHARS, joinAddresses } from './address';
import { rangeAddress } from '../domain/grid';

/**
 * True when Excel would not keep `s` as the same text in a General cell: a formula start
 * (`= + - @`, tab, carriage return), a number, percentage, date, time or boolean look-alike.
 * Such strings are written into cells formatted as Text (`@`), which Excel stores verbatim.
 */
export function needsTextFormat(s: string): boolean {
  if (/^[=+\-@\t\r]/.test(s)) return true;
  const t = s.trim();
  if (t === '') return s !== '';
  if (/^[-+]?[$€]?\s?[\d.,\s]*\d[\d.,\s]*\s?%?$/.test(t)) return true;
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  if (/^(true|false|verdadero|falso)$/i.test(t)) return true;
  return false;
}

/** Character width (Excel's unit) → points, as Excel converts for Calibri 11. */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const hex = (rgb: string) => `#${rgb.toUpperCase()}`;

type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** Applies a model style to a range or multi-area range's format. */
function applyStyle(format: Excel.RangeFormat, s: CellStyle, caps: Capabilities): void {
  if (s.font) {
    if (s.font.bold !== undefined) format.font.bold = s.font.bold;
    if (s.font.italic !== undefined) format.font.italic = s.font.italic;
    if (s.font.size !== undefined) format.font.size = s.font.size;
    if (s.font.color) format.font.color = hex(s.font.color);
    if (s.font.underline) format.font.underline = 'Single';
  }
  if (s.fill) format.fill.color = hex(s.fill);
  if (s.horizontal) format.horizontalAlignment = s.horizontal === 'left' ? 'Left' : s.horizontal === 'center' ? 'Center' : 'Right';
  if (s.vertical) format.verticalAlignment = s.vertical === 'top' ? 'Top' : s.vertical === 'middle' ? 'Center' : 'Bottom';
  if (s.wrap) format.wrapText = true;
  if (s.indent && caps.multiAreaRanges) format.indentLevel = s.indent;
  if (s.border) {
    const sides: [BorderIndex, typeof s.border.top][] = [
      ['EdgeTop', s.border.top],
      ['EdgeBottom', s.border.bottom],
      ['EdgeLeft', s.border.left],
      ['EdgeRight', s.border.right],
      ['InsideHorizontal', s.border.top ?? s.border.bottom],
      ['InsideVertical', s.border.left ?? s.border.right],
    ];
    for (const [index, side] of sides) {
      if (!side) continue;
      const b = format.borders.getItem(index);
      b.style = 'Continuous';
      b.weight = side.weight === 'medium' ? 'Medium' : side.weight === 'hair' ? 'Hairline' : 'Thin';
      b.color = hex(side.color);
    }
  }
}

/** Units applying `style` to `areas` of `sheet()`: multi-area ranges (1.9) or one range per area. */
export function styleUnits(sheet: () => Excel.Worksheet, areas: readonly CellRange[], style: CellStyle, caps: Capabilities): Unit[] {
  const units: Unit[] = [];
  const ops = 12;
  if (caps.multiAreaRanges) {
    for (const address of joinAddresses(areas, MAX_ADDRESS_CHARS)) {
      units.push({ bytes: address.length + ACTION_BYTES * ops, queue: () => applyStyle(sheet().getRanges(address).format, style, caps) });
    }
  } else {
    for (let i = 0; i < areas.length; i += 100) {
      const part = areas.slice(i, i + 100);
      units.push({
        bytes: ACTION_BYTES * ops * part.length,
        queue: () => {
          for (const a of part) applyStyle(sheet().getRange(rangeAddress(a)).format, style, caps);
        },
      });
    }
  }
  return units;
}

/**
 * Shifts the relative A1 references of a formula by (dr, dc) — for applying a conditional
 * format's formula (relative to the first range's top-left) to another range on its own, as
 * hosts without multi-area ranges must. Quoted strings and `$`-anchored parts are kept.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_$.!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (_m, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
            let c = col;
            if (!cAbs) {
              let n = 0;
              for (const ch of col) n = n * 26 + ch.charCodeAt(0) - 64;
              n += dc;
              c = '';
              while (n > 0) {
                const m = (n - 1) % 26;
                c = String.fromCharCode(65 + m) + c;
                n = Math.floor((n - 1) / 26);
              }
            }
            const r = rAbs ? row : String(Number(row) + dr);
            return `${pre}${cAbs}${c}${rAbs}${r}`;
          }),
    )
    .join('');
}
