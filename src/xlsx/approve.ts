/**
 * `aprobar`'s copy (exceljs side): the input workbook with the approved plan stored in its very
 * hidden sheet `_tablero_pdm_aprobado` (replaced when there is one) and a "Control de cambios"
 * sheet with its header when the workbook has none. Nothing else of the workbook changes. A
 * workbook already approved is refused unless the request asks to replace its approval. A
 * macro-enabled input keeps its macros under an .xlsm name and is refused under .xlsx (carry-over.ts).
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { loadWorkbookFile } from '../app/load';
import { InputError } from '../app/errors';
import { CHANGE_LOG_HEADER, baselineOf, baselineRows, storedBaseline } from '../domain/baseline';
import { BASELINE_SHEET, CHANGE_LOG_SHEET, isChangeLogSheet } from '../domain/baseline-sheets';
import { alreadyApprovedMessage, type ApproveOutcome, type ApproveRequest } from '../app/approve';
import { xlsxParser } from './generate';
import { carryOver } from './carry-over';
import { writeFileAtomic } from './write';

export async function approveCopy(request: ApproveRequest): Promise<ApproveOutcome> {
  const loaded = await loadWorkbookFile(request.file, xlsxParser, { cwd: request.cwd, ...(request.reading ? { reading: request.reading } : {}) });
  const sheets = loaded.workbook.sheets;
  const baseline = baselineOf(sheets, request.approvedOn, request.act, sheets.find((s) => s.vigencia !== undefined)?.vigencia ?? request.vigencia);
  if (baseline.goals.length === 0) {
    throw new InputError(`En el archivo «${request.file}» no hay metas que aprobar (ni plan de acción ni hoja de captura con códigos de meta).`);
  }
  const replaced = storedBaseline(loaded.workbook);
  if (replaced && !request.replace) throw new InputError(alreadyApprovedMessage(replaced, 'use --reemplazar'));
  const wb = loaded.host;
  const old = wb.getWorksheet(BASELINE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(BASELINE_SHEET, { state: 'veryHidden' });
  baselineRows(baseline).forEach((row, i) => row.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v as never)));
  if (!wb.worksheets.some((w) => isChangeLogSheet(w.name))) {
    const log = wb.addWorksheet(CHANGE_LOG_SHEET);
    CHANGE_LOG_HEADER.forEach((h, j) => {
      const c = log.getCell(1, j + 1);
      c.value = h;
      c.font = { bold: true };
    });
    log.getColumn(1).numFmt = 'dd/mm/yyyy';
    [12, 14, 18, 12, 12, 50, 20].forEach((w, j) => (log.getColumn(j + 1).width = w));
    log.views = [{ state: 'frozen', ySplit: 1 }];
  }
  // An exceljs copy drops a VBA project and protection: carried over from the input (an .xlsm keeps its macros).
  const out = path.resolve(request.cwd, request.output);
  const bytes = carryOver(Buffer.from(await wb.xlsx.writeBuffer()), out, request.output, await readFile(loaded.path));
  await writeFileAtomic(out, bytes, { force: request.force, inputs: [loaded.path], display: request.output });
  return { baseline, replaced };
}
