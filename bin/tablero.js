#!/usr/bin/env node
// Installed entry point: runs the compiled CLI (built by `npm run build:cli`, which `prepare` runs on install).
require('../dist/cli/main.js').main();
