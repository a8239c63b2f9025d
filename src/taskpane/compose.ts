/**
 * The add-in's composition root: the one file of the Excel front end that imports the Excel
 * adapter. It wires the office-js host and the writer of generated sheets into the app's use cases
 * and gives the actions the two pages of the add-in run — the task pane (`index.tsx`) and the
 * ribbon's function file (`commands/commands.ts`) — so a ribbon button does exactly what the pane
 * does. No React here: the ribbon's page loads this without loading React.
 */
import { createPaneUseCases } from '../app/pane';
import { createExcelWiring } from '../excel/wiring';
import { createPaneActions, type PaneActions } from './controller';

/** The pane's actions over the Excel of this page (office-js globals). */
export function createExcelPaneActions(): PaneActions {
  const { host, generateSheet, notices } = createExcelWiring();
  return createPaneActions(host, createPaneUseCases(generateSheet), notices);
}
