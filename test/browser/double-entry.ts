/**
 * Test-only bundle (webpack `--env withDouble` → test-double.js), injected by the browser test
 * with `page.addInitScript` BEFORE the pane's scripts: installs the in-memory Excel double as the
 * globals `Excel` and `Office`, loaded with the workbook the test put in `window.__paneFixture`,
 * and exposes it as `window.__excelDouble` so the test can look at selection, sheets and marks.
 * The pane's own office.js request is answered with an empty script by the test (page.route).
 */
import { ExcelDouble, installExcelDouble, type SheetInput } from '../excel-double/index';

export interface PaneFixture {
  readonly workbookName: string;
  readonly sheets: readonly SheetInput[];
  readonly active?: string;
  /** Office's body background: '#FFFFFF' (light) or '#262626' (dark / black theme). */
  readonly bodyBackgroundColor?: string;
}

interface PaneWindow {
  __paneFixture?: PaneFixture;
  __excelDouble?: ExcelDouble;
}

const w = window as unknown as PaneWindow;
// A dialog the pane opened (informe.html, `Office.context.ui.displayDialogAsync` of the double):
// its page gets the dialog side of the opener's double (test/excel-double/dialog.ts), no workbook.
const opener = (window.opener ?? null) as PaneWindow | null;
let dialogOf: ExcelDouble | undefined;
try {
  dialogOf = opener?.__excelDouble;
} catch {
  dialogOf = undefined;
}
if (dialogOf) (window as unknown as { Office: unknown }).Office = dialogOf.dialogs.childOffice(window);
else installPaneDouble();

function installPaneDouble(): void {
  const fixture = w.__paneFixture ?? { workbookName: 'Libro1.xlsx', sheets: [] };
  const xl = new ExcelDouble({ apiVersion: '1.18', workbookName: fixture.workbookName });
  for (const sheet of fixture.sheets) xl.addSheet(sheet);
  if (fixture.active) xl.setActive(fixture.active);

  const dark = fixture.bodyBackgroundColor ?? '#FFFFFF';
  Object.assign(xl.Office.context, {
    officeTheme: {
      bodyBackgroundColor: dark,
      bodyForegroundColor: dark === '#FFFFFF' ? '#000000' : '#FFFFFF',
      controlBackgroundColor: dark,
      controlForegroundColor: dark === '#FFFFFF' ? '#000000' : '#FFFFFF',
    },
  });
  installExcelDouble(xl, window as unknown as Record<string, unknown>);
  w.__excelDouble = xl;
}
