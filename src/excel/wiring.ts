/**
 * What the add-in's composition root (`taskpane/compose.ts`) takes from the Excel
 * adapter: the office-js host, the writer of generated sheets and the host's notices.
 */
import { createExcelHost, type ExcelHostOptions, type ExcelWorkbookHost } from './index';
import { createNoticeSource, type NoticeSource } from '../app/ports';
import { UserError } from '../app/errors';
import type { GenerateSheet, ShowInforme } from '../app/pane';
import type { ConsolidateInWorkbook } from '../app/consolidate-picked';

export interface ExcelWiring {
  readonly host: ExcelWorkbookHost;
  readonly generateSheet: GenerateSheet;
  /** Spanish notices: what this Excel cannot do (older requirement sets), each said once. */
  readonly notices: NoticeSource;
  /** Consolidar: the picked files judged and read, their rows written into a «Consolidado» sheet. */
  readonly consolidate: ConsolidateInWorkbook;
  /** «Informe»: the report's page in an Office dialog (`informe-dialog.ts`, loaded on the first click). */
  readonly showInforme: ShowInforme;
}

/** `options.excel` / `options.office` default to the globals (real Excel); tests pass a double. */
export function createExcelWiring(options: Omit<ExcelHostOptions, 'notify'> = {}): ExcelWiring {
  const notices = createNoticeSource();
  const host = createExcelHost({ ...options, notify: (m) => notices.notify(m) });
  try {
    host.limitations().forEach((m) => notices.notify(m));
  } catch {
    // Requirement sets unknown (outside Excel): nothing to say.
  }

  const generateSheet: GenerateSheet = async (kind, workbook, options, progress, cancel, unit) => {
    progress.report('Calculando avances', 0, 1);
    // Only Generar needs the sheet builders: a chunk of their own, loaded on the first click.
    const { generate, localDateTime, unitSheet } = await import(/* webpackChunkName: "generar" */ '../app/generate.js');
    const generatedAt = localDateTime(new Date());
    const request = { workbook, options, workbookName: workbook.name, generatedAt, advice: 'pane' as const };
    const model = unit && kind !== 'tablero' ? unitSheet(kind, request, unit) : generate(request).sheets.find((s) => s.kind === kind);
    if (!model) throw new UserError('No se pudo preparar la hoja pedida.');
    progress.report('Escribiendo la hoja', 0, 1);
    const [rendered] = await host.renderSheets([model], progress, cancel, generatedAt);
    return rendered?.name ?? model.name;
  };

  const consolidate: ConsolidateInWorkbook = async (files, readBytes, progress, cancel) => {
    progress.report('Preparando', 0, files.length);
    // Loaded on the first use, in Generar's chunk: both need the engine's generation code (a module
    // two lazy chunks share stays out of the first load anyway: docs/architecture.md).
    const { consolidatePicked } = await import(/* webpackChunkName: "generar" */ '../app/consolidate-picked.js');
    const settings = await host.loadSettings();
    const result = await consolidatePicked(files, readBytes, settings, progress, cancel);
    if (!result.consolidation) return { files: result.files, sheet: null, rows: 0 };
    progress.report('Escribiendo la hoja', 0, 1);
    const [rendered] = await host.renderSheets([result.consolidation.sheet], progress, cancel, result.generatedAt);
    return { files: result.files, sheet: rendered?.name ?? result.consolidation.sheet.name, rows: result.consolidation.rows };
  };

  const showInforme: ShowInforme = async (html) => {
    const { showInformeDialog } = await import(/* webpackChunkName: "informe" */ './informe-dialog.js');
    await showInformeDialog(html, options.office ? { office: options.office } : {});
  };

  return { host, generateSheet, notices, consolidate, showInforme };
}
