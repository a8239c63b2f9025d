/**
 * `npm run tablero -- …`: the command line from the sources. The supervisor (`launch.ts`) runs
 * `main.ts` in a child Node process with tsx and a bounded heap, as `bin/tablero.js` does with the
 * compiled files.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './launch';

const tsx = pathToFileURL(require.resolve('tsx')).href;
void launch({ entry: path.join(__dirname, 'main.ts'), execArgv: ['--import', tsx] }).then((code) => {
  process.exitCode = code;
});
