/**
 * What the add-in's composition root (`taskpane/compose.ts`) takes from the Excel
 * adapter: the office-js host, the writer of generated sheets and the host's notices.
 */
import { createExcelHost, type ExcelHostOptions, type ExcelWorkbookHost } from './index';
import { createNoticeSource, type NoticeSource } from '../app/ports';
import { UserError } from '../app/errors';
import type { GenerateSheet } from '../app/pane';

export interface ExcelWiring {
  readonly host: ExcelWorkbookHost;
  readonly generateSheet: GenerateSheet;
  /** Spanish notices: what this Excel cannot do (older requirement sets), each said once. */
  readonly notices: NoticeSource;
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

  const generateSheet: GenerateSheet = async (kind, workbook, options, progress, cancel) => {
    progress.report('Calculando avances', 0, 1);
    // Only Generar needs the sheet builders: a chunk of their own, loaded on the first click.
    const { generate, localDateTime } = await import(/* webpackChunkName: "generar" */ '../app/generate.js');
    const generatedAt = localDateTime(new Date());
    const result = generate({ workbook, options, workbookName: workbook.name, generatedAt });
    const model = result.sheets.find((s) => s.kind === kind);
    if (!model) throw new UserError('No se pudo preparar la hoja pedida.');
    progress.report('Escribiendo la hoja', 0, 1);
    const [rendered] = await host.renderSheets([model], progress, cancel, generatedAt);
    return rendered?.name ?? model.name;
  };

  return { host, generateSheet, notices };
}
