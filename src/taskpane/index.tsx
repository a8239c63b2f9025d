/**
 * Entry point of the task pane: waits for Office, takes the actions wired to Excel from the
 * composition root (`compose.ts`) and renders the pane inside a FluentProvider that follows the
 * Office theme.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { createExcelPane } from './compose';
import { fluentThemeFor } from './theme';

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
  const { actions, consolidar, approval } = createExcelPane();
  const { theme, dark } = fluentThemeFor(Office.context.officeTheme);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  createRoot(container()).render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <App actions={actions} consolidar={consolidar} approval={approval} />
    </FluentProvider>,
  );
}

void main();
