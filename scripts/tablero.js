// `npm run tablero -- …`: the compiled command line, rebuilt first when its sources changed
// (scripts/build-cli.js), run through the same supervisor as the installed `bin/tablero.js`.
'use strict';
const { ensureBuilt } = require('./build-cli');

const status = ensureBuilt();
if (status !== 0) {
  process.stderr.write('tablero: no se pudo compilar la línea de comandos (vea los errores de TypeScript arriba).\n');
  process.exitCode = 2;
} else {
  require('../bin/tablero.js');
}
