/**
 * The layers of src/ are enforced by `npm run lint` (eslint.config.js, `no-restricted-imports`):
 * domain ← rules ← sheets ← app ← {xlsx, excel}; cli → app, taskpane → app; only the composition
 * roots (cli/main.ts, taskpane/compose.ts) import an adapter. These tests lint
 * one import at a time, as a file of the given folder, with the project's own configuration.
 */
import * as path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(__dirname, '..', '..');
// The project's eslint.config.js, given as an object: ESLint would load the file with a dynamic
// import(), which jest's module system does not allow.
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: require('../../eslint.config.js') });

/** The `no-restricted-imports` messages of one line of code linted as `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: path.join(repoRoot, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules of eslint.config.js', () => {
  it.each([
    ['src/sheets/tablero.ts', "import type { Report } from '../app/report';", 'src/sheets may not import src/app'],
    ['src/domain/goal.ts', "import { allRules } from '../rules/index';", 'src/domain may not import src/rules'],
    ['src/rules/lib/cells.ts', "import { planMarks } from '../../app/marks';", 'src/rules may not import src/app'],
    ['src/app/generate.ts', "import { applyMarks } from '../xlsx/marks';", 'src/app may not import src/xlsx'],
    ['src/xlsx/read.ts', "import { createExcelHost } from '../excel/index';", 'src/xlsx may not import src/excel'],
    ['src/cli/generar.ts', "import { writeWorkbookAtomic } from '../xlsx/write';", 'src/cli may not import src/xlsx'],
    ['src/cli/output.ts', "import { allRules } from '../rules/index';", 'src/cli may not import src/rules'],
    ['src/taskpane/App.tsx', "import { createExcelHost } from '../excel/index';", 'src/taskpane may not import src/excel'],
    ['src/taskpane/components/Header.tsx', "import { buildTablero } from '../../sheets/tablero';", 'src/taskpane may not import src/sheets'],
    ['src/app/load.ts', "import ExcelJS from 'exceljs';", 'Only src/xlsx (the exceljs adapter) imports exceljs'],
    ['src/cli/main.ts', "import ExcelJS from 'exceljs';", 'Only src/xlsx (the exceljs adapter) imports exceljs'],
    ['src/excel/read.ts', "export { generateCopy } from '../xlsx/generate';", 'src/excel may not import src/xlsx'],
    ['src/taskpane/index.tsx', "import { createExcelWiring } from '../excel/wiring';", 'src/taskpane may not import src/excel'],
    ['src/commands/commands.ts', "import { createExcelWiring } from '../excel/wiring';", 'src/commands may not import src/excel'],
  ])('%s: %s fails lint', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['src/rules/lib/cells.ts', "import type { ReadSheet } from '../../domain/sheet';"],
    ['src/sheets/tablero.ts', "import type { Rule } from '../rules/types';"],
    ['src/app/generate.ts', "import { buildTablero } from '../sheets/tablero';"],
    ['src/xlsx/read.ts', "import ExcelJS from 'exceljs';\nimport { REGISTRY_SHEET } from '../app/registry';"],
    ['src/excel/read.ts', "import type { WorkbookHost } from '../app/ports';"],
    ['src/cli/validar.ts', "import { validateWorkbook } from '../app/validate';\nimport type { Finding } from '../domain/finding';"],
    ['src/cli/main.ts', "import { writeFileAtomic } from '../xlsx/write';"],
    ['src/taskpane/compose.ts', "import { createExcelWiring } from '../excel/wiring';"],
    ['test/cli/io.ts', "import { writeFileAtomic } from '../../src/xlsx/write';"],
  ])('%s: %s passes', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
