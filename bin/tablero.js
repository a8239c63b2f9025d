#!/usr/bin/env node
// Installed entry point: the supervisor (`dist/cli/launch.js`, built by `npm run build:cli`, which
// `prepare` runs on install) runs the compiled CLI in a child process with a bounded heap.
const path = require('node:path');
require('../dist/cli/launch.js')
  .launch({ entry: path.join(__dirname, '..', 'dist', 'cli', 'main.js') })
  .then((code) => {
    process.exitCode = code;
  });
