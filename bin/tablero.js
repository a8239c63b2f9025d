#!/usr/bin/env node
// Installed entry point: runs the compiled CLI (built by `npm run build:cli`, run on install by `prepare`).
require('../dist/cli/main.js');
