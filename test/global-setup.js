// Before any test runs: compile the CLI if a source changed (scripts/build-cli.js), once, so that the
// tests that start `npm run tablero` as a child process do not each wait for that compilation. A
// failed compilation does not stop the run: those tests then fail and say why.
module.exports = async function globalSetup() {
  require('../scripts/build-cli').ensureBuilt();
};
