/**
 * The add-in's composition root: the one file of the Excel front end that imports the adapters.
 * It wires the office-js host, the writer of generated sheets and Consolidar's reader of picked
 * .xlsx files into the app's use cases (validation, generation, Consolidar, the approved plan) and gives the actions the two pages of the add-in run — the
 * task pane (`index.tsx`) and the ribbon's function file (`commands/commands.ts`) — so a ribbon
 * button does exactly what the pane does. No React here: the ribbon's page loads this without
 * loading React.
 */
import type { BytesReader } from '../app/consolidate-picked';
import { createPaneUseCases } from '../app/pane';
import { createExcelWiring } from '../excel/wiring';
import { createApprovalActions, type ApprovalActions } from './approval';
import { createConsolidarActions, type ConsolidarActions } from './consolidar';
import { createPaneActions, type PaneActions } from './controller';

/**
 * The reader of the files Consolidar is given (no exceljs, no Node): loaded on the first use, in
 * the chunk of Consolidar's use case (`excel/wiring.ts`), so the door check they share stays out
 * of the first load.
 */
const readPickedFile: BytesReader = async (bytes, name) => {
  const { readXlsxGrids } = await import(/* webpackChunkName: "generar" */ '../xlsx/bytes-read.js');
  return readXlsxGrids(bytes, name);
};

export interface ExcelPane {
  readonly actions: PaneActions;
  readonly consolidar: ConsolidarActions;
  readonly approval: ApprovalActions;
}

/** The pane's actions over the Excel of this page (office-js globals). */
export function createExcelPane(): ExcelPane {
  const { host, generateSheet, notices, consolidate, showInforme } = createExcelWiring();
  return {
    actions: createPaneActions(host, createPaneUseCases(generateSheet), notices, showInforme),
    consolidar: createConsolidarActions(consolidate, readPickedFile),
    approval: createApprovalActions(host),
  };
}
