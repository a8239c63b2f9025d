/**
 * The verdicts of a consolidation (`tablero consolidar`, `devolver`): built from each unit's file
 * as read and reviewed on its own (`reviewSource`), never from a re-reading of the copied rows —
 * a known format's reading (Cali's activity rows, Cundinamarca's year blocks, DNP's joined
 * financial sheet, its value conventions) would be lost in the copy.
 *
 * - Findings: each file's own (exactly `validar`'s on that file), plus the only ones that span
 *   files — a goal or an activity that two files report (`duplicatesAcrossFiles`). Another
 *   vigencia or cut-off is judged before, by the intake.
 * - Progress: each file's model (exactly `reporte`'s on that file), combined (`combineModels`).
 * - Marks: each finding on its copied row of the consolidated sheet, in the column of its field.
 */
import type { Finding } from '../domain/finding';
import type { FieldId } from '../domain/fields';
import { cellAddress, parseAddress } from '../domain/grid';
import type { EngineOptions } from '../domain/options';
import { combineModels } from '../domain/progress-model';
import { duplicatesAcrossFiles } from '../rules/duplicate';
import type { ObservationRow } from '../sheets/observaciones';
import { placedKey, type Consolidation, type ConsolidationSource } from './consolidate';
import type { Analysed } from './generate';
import { planMarks } from './marks';

export interface ConsolidationReview extends Analysed {
  /** The findings that span files, each with the file (and its own cell) it is returned to. */
  readonly acrossFiles: readonly { readonly file: string; readonly finding: Finding }[];
}

/** A unit file's finding moved onto its copied row of the consolidated sheet (`null`: not on a copied row). */
function onConsolidated(f: Finding, source: ConsolidationSource, c: Consolidation, sheetName: string): Finding | null {
  const row = c.placed.get(placedKey(source.file, f.sheet, f.row));
  if (row === undefined) return null;
  const sheet = source.workbook.sheets.find((s) => s.name === f.sheet);
  const col = parseAddress(f.cell)?.col;
  const field = sheet && col !== undefined ? (Object.keys(sheet.columns) as FieldId[]).find((k) => sheet.columns[k] === col) : undefined;
  const at = field ? c.fields.indexOf(field) + 1 : 0;
  // The other cells a finding names (`alsoCells`) are the unit file's columns: not on the consolidated row.
  const { alsoCells: _others, ...own } = f;
  return { ...own, sheet: sheetName, row, cell: cellAddress(row, at > 0 ? at : 1) };
}

/** The consolidation's findings, progress model and marks (see the module's doc). */
export function reviewConsolidation(
  sources: readonly ConsolidationSource[],
  c: Consolidation,
  sheetName: string,
  options: EngineOptions,
): ConsolidationReview {
  const acrossFiles = duplicatesAcrossFiles(sources.map((s) => ({ file: s.file, sheets: s.workbook.sheets })));
  const rows: ObservationRow[] = [
    ...sources.flatMap((s) => s.findings.map((finding) => ({ finding, file: s.file, linkable: false }))),
    ...acrossFiles.map(({ file, finding }) => ({ finding, file, linkable: false })),
  ];
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const marked = rows.flatMap((r) => {
    const moved = onConsolidated(r.finding, byFile.get(r.file!)!, c, sheetName);
    return moved ? [moved] : [];
  });
  const errors = rows.filter((r) => r.finding.severity === 'error').length;
  return {
    findings: acrossFiles.map((x) => x.finding),
    errors,
    warnings: rows.length - errors,
    model: combineModels(
      sources.map((s) => s.model),
      options,
    ),
    marks: planMarks(marked),
    rows,
    sourceSheets: [sheetName],
    acrossFiles,
  };
}
