/**
 * Composition root of the task pane: waits for Office, builds the office-js host, wires it into
 * the app's use cases and renders the pane inside a FluentProvider that follows the Office theme.
 * This file and `commands/commands.ts` are the only pane files that import the Excel adapter.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { createPaneActions } from './controller';
import { createApprovalActions } from './approval';
import { createPaneUseCases } from '../app/pane';
import { fluentThemeFor } from './theme';
import { createExcelWiring } from '../excel/wiring';
import { createConsolidarActions } from './consolidar';
import type { BytesReader } from '../app/consolidate-picked';

/**
 * The reader of the files Consolidar is given (no exceljs, no Node): loaded on the first use, in
 * the chunk of Consolidar's use case (`excel/wiring.ts`), so the door check they share stays out
 * of the first load.
 */
const readPickedFile: BytesReader = async (bytes, name) => {
  const { readXlsxGrids } = await import(/* webpackChunkName: "generar" */ '../xlsx/bytes-read.js');
  return readXlsxGrids(bytes, name);
};

function container(): HTMLElement {
  const el = document.getElementById('container');
  if (!el) throw new Error('taskpane.html has no #container');
  return el;
}

/** Outside Excel (the page opened in a browser, or another Office app): a clear Spanish note. */
function renderOutsideExcel(reason: 'browser' | 'other-app' | 'no-office') {
  const text =
    reason === 'other-app'
      ? 'Este complemento es para Excel. Ábralo en Excel (escritorio, Mac o Excel en la web).'
      : reason === 'no-office'
        ? 'No se pudo cargar Office. Revise la conexión y vuelva a abrir el panel desde Excel.'
        : 'Esta página es el panel del complemento y funciona dentro de Excel. Ábralo desde Excel: pestaña Inicio › grupo «Seguimiento PDM» › «Abrir panel».';
  createRoot(container()).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh', padding: 16 }}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Seguimiento PDM</MessageBarTitle>
          {text}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

async function main() {
  // The inline engine check (engine-check.js) already said this webview is not supported.
  if ((window as { __tableroSinSoporte?: string }).__tableroSinSoporte) return;
  if (typeof Office === 'undefined') {
    renderOutsideExcel('no-office');
    return;
  }
  const info = await Office.onReady();
  if (info.host === null || info.host === undefined) {
    renderOutsideExcel('browser');
    return;
  }
  if (info.host !== Office.HostType.Excel) {
    renderOutsideExcel('other-app');
    return;
  }
  const { host, generateSheet, notices, consolidate } = createExcelWiring();
  const actions = createPaneActions(host, createPaneUseCases(generateSheet), notices);
  const consolidar = createConsolidarActions(consolidate, readPickedFile);
  const { theme, dark } = fluentThemeFor(Office.context.officeTheme);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  createRoot(container()).render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App actions={actions} consolidar={consolidar} approval={createApprovalActions(host)} />
    </FluentProvider>,
  );
}

void main();
