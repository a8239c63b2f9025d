/**
 * Part of the composition roots (`index.tsx`, `commands/commands.ts`): builds the office-js host
 * and the writer of generated sheets. The only pane module that imports the Excel adapter.
 */
import type { WorkbookHost } from '../app/ports';
import type { GenerateSheet } from './usecases';

export interface ExcelWiring {
  readonly host: WorkbookHost;
  readonly generateSheet: GenerateSheet;
  /** Spanish notes on what this Excel cannot do (older requirement sets), shown once. */
  readonly limitations: readonly string[];
}

export function createExcelWiring(): ExcelWiring {
  throw new Error('TODO: excel adapter not landed yet');
}
