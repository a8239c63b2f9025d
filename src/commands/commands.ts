/**
 * The ribbon buttons (manifest.xml ExecuteFunction): «Validar» and «Generar tablero» run the very
 * same use cases as the pane, without opening it. `event.completed()` is always called — Excel
 * keeps the button busy until it is — and errors never escape (a ribbon command has no place to
 * show a stack trace). A composition root, like `taskpane/index.tsx`.
 *
 * Function names (FunctionName in manifest.xml): `validar`, `generarTablero`.
 */
import { createPaneActions, type RunControl } from '../taskpane/controller';
import { createPaneUseCases } from '../app/pane';
import { createExcelWiring } from '../excel/wiring';

/** The part of `Office.AddinCommands.Event` a handler uses. */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

function quietRun(): RunControl {
  return { progress: { report: () => undefined }, cancel: { cancelled: false } };
}

/** Runs `work` and completes the event whatever happens. Resolves to the error, if any. */
export async function runCommand(event: CommandEvent, work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
    return undefined;
  } catch (e) {
    // Nothing to show it on: the pane shows the same error in Spanish when the user opens it.
    return e;
  } finally {
    event.completed();
  }
}

export function registerCommands(associate: (name: string, handler: (event: CommandEvent) => void) => void): void {
  const lazy = (() => {
    let actions: ReturnType<typeof createPaneActions> | null = null;
    return () => {
      if (!actions) {
        const { host, generateSheet } = createExcelWiring();
        actions = createPaneActions(host, createPaneUseCases(generateSheet));
      }
      return actions;
    };
  })();
  associate('validar', (event) => void runCommand(event, () => lazy().validate('workbook', quietRun())));
  associate('generarTablero', (event) => void runCommand(event, () => lazy().generate('tablero', quietRun())));
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    registerCommands((name, handler) => {
      // Older Office looks the function up on the window by its FunctionName; newer Office uses
      // Office.actions.associate. Both point at the same handler.
      (window as unknown as Record<string, unknown>)[name] = handler;
      if (Office.actions?.associate) Office.actions.associate(name, handler);
    });
  });
}
