/**
 * The ribbon buttons (manifest.xml ExecuteFunction): «Validar» and «Generar tablero» run the very
 * same use cases as the pane, without opening it. `event.completed()` is always called — Excel
 * keeps the button busy until it is. Without a shared runtime the pane never learns what happened
 * here, so an error is shown in a small dialog (`dialog.ts`) in plain Spanish, and the event is
 * completed when the user closes it. The actions come from the add-in's composition root
 * (`taskpane/compose.ts`), as the pane's do.
 *
 * Function names (FunctionName in manifest.xml): `validar`, `generarTablero`.
 */
import { toUserMessage, type PaneActions, type RunControl } from '../taskpane/controller';
import { createExcelPane } from '../taskpane/compose';
import { showMessageDialog, type DialogUi } from './dialog';

/** The part of `Office.AddinCommands.Event` a handler uses. */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

/** Tells the user a command's error (a dialog in Excel). */
export type ReportError = (message: string) => Promise<void>;

function quietRun(): RunControl {
  return { progress: { report: () => undefined }, cancel: { cancelled: false } };
}

/** Runs `work`; an error is reported in Spanish; the event is completed whatever happens. Resolves to the error, if any. */
export async function runCommand(event: CommandEvent, work: () => Promise<unknown>, report: ReportError): Promise<unknown> {
  try {
    await work();
    return undefined;
  } catch (e) {
    try {
      await report(toUserMessage(e));
    } catch {
      // Nowhere left to say it; the button must still be released.
    }
    return e;
  } finally {
    event.completed();
  }
}

export interface CommandDeps {
  /** `Office.context.ui` (default: the global's, at the time of the error). */
  readonly ui?: () => DialogUi | undefined;
  /** Address the dialog page is resolved against (default: this page's). */
  readonly base?: () => string;
}

export function registerCommands(associate: (name: string, handler: (event: CommandEvent) => void) => void, deps: CommandDeps = {}): void {
  const lazy = (() => {
    let actions: PaneActions | null = null;
    return () => {
      if (!actions) actions = createExcelPane().actions;
      return actions;
    };
  })();
  const ui = deps.ui ?? (() => (typeof Office !== 'undefined' ? Office.context?.ui : undefined));
  const base = deps.base ?? (() => window.location.href);
  const report: ReportError = (message) => showMessageDialog(ui(), base(), message);
  associate('validar', (event) => void runCommand(event, () => lazy().validate('workbook', quietRun()), report));
  associate('generarTablero', (event) => void runCommand(event, () => lazy().generate('tablero', quietRun()), report));
}

// Unsupported webview: the inline engine check (taskpane/engine-check.js) owns the buttons.
if (typeof Office !== 'undefined' && !(window as { __tableroSinSoporte?: string }).__tableroSinSoporte) {
  void Office.onReady(() => {
    registerCommands((name, handler) => {
      // Older Office looks the function up on the window by its FunctionName; newer Office uses
      // Office.actions.associate. Both point at the same handler.
      (window as unknown as Record<string, unknown>)[name] = handler;
      if (Office.actions?.associate) Office.actions.associate(name, handler);
    });
  });
}
