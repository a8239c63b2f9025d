/**
 * Human output of the CLI: what a liaison reads in a terminal. Per file a header line, the
 * sheets detected ("PE-F-012 — plan de acción, 124 filas"), the findings grouped by sheet (cell,
 * severity, rule, message) and the counts. Colour only when the stream is a terminal and
 * NO_COLOR is unset (decided by main.ts and passed in).
 */
import type { Finding } from '../domain/finding';
import { supersededNote } from '../app/registry';
import { ruleLabel } from '../app/validate';
import type { ReadSheet, ReadWorkbook } from '../domain/sheet';
import { headerOf, kindLabels, type FieldId } from '../domain/fields';
import { formatById } from '../domain/formats/index';
import { distinctGoalCount } from '../domain/goal-code';
import { formatNumber, formatPercent, formatDate } from '../domain/format';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const colourStyle: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39) };
const id = (s: string) => s;
export const plainStyle: Style = { bold: id, dim: id, red: id, yellow: id, green: id };

export function styleFor(colour: boolean): Style {
  return colour ? colourStyle : plainStyle;
}

/** A message as one line: a line break (in a file name, say) becomes a space — one line per problem on stderr. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
}

/** "HC T2 — hoja de captura, 38 metas". */
export function describeSheet(sheet: ReadSheet): string {
  const n = sheet.rows.length;
  const goals = distinctGoalCount(sheet);
  const count =
    sheet.kind === 'hoja-captura'
      ? goals !== undefined
        ? `${plural(goals, 'meta', 'metas')} (${plural(n, 'actividad', 'actividades')})`
        : plural(n, 'meta', 'metas')
      : sheet.kind === 'techos'
        ? plural(n, 'programa', 'programas')
        : plural(n, 'fila', 'filas');
  const hidden = sheet.visibility !== 'visible' ? ' (oculta)' : '';
  // The formats the general matcher reads (PE-F-012, Bogotá) are named in the JSON; the text
  // names the real layouts a description of the catalog recognised.
  const format = sheet.format && formatById(sheet.format.id)?.signature.length ? ` (${sheet.format.name})` : '';
  const joined = sheet.joins ? `, unida a «${sheet.joins.sheet}»` : '';
  const vigencia = sheet.yearBlocks && sheet.yearBlocks.length > 1 && sheet.vigencia !== undefined ? `, vigencia ${sheet.vigencia}` : '';
  return `${sheetLabel(sheet)} — ${kindLabels[sheet.kind]}${format}, ${joined ? plural(n, 'fila', 'filas') : count}${vigencia}${joined}${hidden}`;
}

/** A sheet's name, and for a part of a consolidated sheet the sheet and file its rows come from. */
function sheetLabel(sheet: ReadSheet): string {
  return sheet.part ? `${sheet.name} (filas de «${sheet.part.sheet}», ${sheet.part.file})` : sheet.name;
}

/**
 * What the reading decided and left out (never silent): each sheet's notes, the sheets not
 * recognised, the helper sheets of a known format, the hidden sheets not read, the capture sheets
 * a consolidated sheet stands for.
 */
export function readingLines(workbook: ReadWorkbook, style: Style = plainStyle): string[] {
  const lines: string[] = [];
  if (workbook.mappingOrigin === 'libro') lines.push(style.dim('  Se usó el mapa de columnas guardado en el libro (--mapa lo reemplaza).'));
  for (const s of workbook.sheets) {
    for (const note of s.notes ?? []) lines.push(style.dim(`  ${sheetLabel(s)}: ${note}`));
    if (s.missing.length > 0 && s.format) lines.push(style.dim(`  ${s.name}: no se encontró la columna de ${s.missing.map((m) => fieldName(m)).join(', ')}.`));
  }
  if (workbook.unknown.length) {
    const list = workbook.unknown.map((u) => (u.data ? `${u.name} (parece traer datos: no se leyó ni se validó)` : u.name)).join(', ');
    const line = `  Hojas no reconocidas: ${list}`;
    lines.push(workbook.unknown.some((u) => u.data) ? style.red(line) : style.dim(line));
  }
  if (workbook.helpers?.length) lines.push(style.dim(`  Hojas auxiliares (no son datos): ${workbook.helpers.map((h) => `${h.name} — ${h.reason}`).join('; ')}`));
  if (workbook.hidden?.length) {
    lines.push(style.dim(`  Hojas ocultas, no validadas: ${workbook.hidden.map((h) => h.name).join(', ')} (use --incluir-ocultas para leerlas)`));
  }
  const superseded = supersededNote(workbook);
  if (superseded) lines.push(style.dim(`  ${superseded}`));
  return lines;
}

function fieldName(field: string): string {
  if (field === 'executed') return '«Ejecutado»';
  if (field === 'planned') return '«Programado»';
  return `«${headerOf(field as FieldId)}»`;
}

/**
 * The verdict line. `scope` says what was checked: `full` (every rule: may say «listo para enviar»),
 * `baseline` (comparar: only the differences against the approved plan, never «listo para enviar»),
 * `partial` (totals where some file could not be read: the counts only, never «listo para enviar»).
 */
export function countsLine(errors: number, warnings: number, style: Style = plainStyle, scope: 'full' | 'baseline' | 'partial' = 'full'): string {
  if (scope === 'baseline') {
    const rest = 'las demás reglas se revisan con tablero validar.';
    if (errors === 0 && warnings === 0) return style.green(`Sin diferencias prohibidas frente al plan aprobado; ${rest}`);
    if (errors === 0) return style.green(`Sin diferencias prohibidas frente al plan aprobado (${plural(warnings, 'advertencia', 'advertencias')}); ${rest}`);
    return `${style.red(plural(errors, 'error', 'errores'))}, ${style.yellow(plural(warnings, 'advertencia', 'advertencias'))} frente al plan aprobado; ${rest}`;
  }
  const ready = scope === 'full' ? ': listo para enviar.' : '.';
  if (errors === 0 && warnings === 0) return style.green(`Sin errores ni advertencias${ready}`);
  if (errors === 0) return style.green(`Sin errores (${plural(warnings, 'advertencia', 'advertencias')})${ready}`);
  return `${style.red(plural(errors, 'error', 'errores'))}, ${style.yellow(plural(warnings, 'advertencia', 'advertencias'))}.`;
}

export interface FileOutcome {
  readonly file: string;
  readonly workbook: ReadWorkbook;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  /** Cut-off used, for the header line. */
  readonly cutoff?: string;
  /** `baseline` when only the comparison with the approved plan ran (comparar). */
  readonly scope?: 'full' | 'baseline';
}

/** The human report of one validated file. */
export function formatFileOutcome(o: FileOutcome, style: Style = plainStyle): string {
  const lines: string[] = [];
  lines.push(style.bold(`${o.file}`) + (o.cutoff ? style.dim(`  (corte ${formatDate(o.cutoff)})`) : ''));
  lines.push(`  Hojas: ${o.workbook.sheets.map(describeSheet).join('; ')}`);
  lines.push(...readingLines(o.workbook, style));
  const bySheet = new Map<string, Finding[]>();
  for (const f of o.findings) {
    const list = bySheet.get(f.sheet) ?? [];
    list.push(f);
    bySheet.set(f.sheet, list);
  }
  for (const [sheet, findings] of bySheet) {
    lines.push('');
    lines.push(`  ${style.bold(sheet)}`);
    const cellWidth = findings.reduce((w, f) => Math.max(w, f.cell.length), 5);
    const labels = findings.map((f) => ruleLabel(f.rule));
    const ruleWidth = labels.reduce((w, l) => Math.max(w, l.length), 0);
    findings.forEach((f, i) => {
      const sev = f.severity === 'error' ? style.red('error      ') : style.yellow('advertencia');
      // A message quoting a cell with line breaks (Tenjo's «L.B») stays on its line (JSON keeps them).
      lines.push(`    ${f.cell.padEnd(cellWidth)}  ${sev}  ${style.dim(labels[i].padEnd(ruleWidth))}  ${oneLine(f.message)}`);
    });
  }
  lines.push('');
  lines.push(`  ${countsLine(o.errors, o.warnings, style, o.scope)}`);
  return lines.join('\n') + '\n';
}

/** "No se pudo usar: motivo" for a file in the human output. */
export function formatFileError(file: string, error: string, style: Style = plainStyle): string {
  return `${style.bold(file)}\n  ${style.red('No se pudo usar:')} ${error}\n`;
}

export function formatTotals(files: number, errors: number, warnings: number, unusable: number, style: Style = plainStyle): string {
  if (unusable === files) {
    return `Total: ${plural(files, 'archivo', 'archivos')}; ${style.red(files === 1 ? 'no se pudo revisar' : 'ningún libro se pudo revisar')}.\n`;
  }
  const parts = [`${plural(files, 'archivo', 'archivos')}`];
  if (unusable) parts.push(style.red(`${plural(unusable, 'no se pudo revisar', 'no se pudieron revisar')}`));
  const counts = countsLine(errors, warnings, style, unusable ? 'partial' : 'full').replace(/^(\u001b\[\d+m)?S/, (_m, esc: string | undefined) => `${esc ?? ''}s`);
  return `Total: ${parts.join(', ')}; ${unusable ? `en ${files - unusable === 1 ? 'el revisado' : 'los revisados'}, ` : ''}${counts}\n`;
}

/** A percentage or "—" when undefined. */
export function pct(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : formatPercent(r);
}

/** Left-aligned text table with a header row; numbers are right-aligned by the caller's `align`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[], style: Style = plainStyle): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [style.bold(fmt(header)), ...rows.map(fmt)].map((l) => `  ${l}`).join('\n') + '\n';
}
