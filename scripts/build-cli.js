// The compiled command line (`dist/`, from `tsconfig.cli.json`) and whether it is current.
//
// `npm run build:cli` (and `prepare`, on install) compiles it; `npm run tablero` (scripts/tablero.js)
// compiles it only when a source is newer than the last build, then runs the compiled files — as
// fast as the installed `bin/tablero.js`, instead of compiling every module on each start.
//
// The build stamp (`dist/.cli-build`) carries the time the last successful build STARTED, so a source
// saved during a build is seen as newer. A lock folder keeps two runs started together (tests run
// several at once) from compiling over each other: the second waits, then finds the build current.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.cli-build');
const lock = path.join(root, '.cli-build.lock');
const config = path.join(root, 'tsconfig.cli.json');

/** Newest modification time (ms) among the CLI's sources and the compiler settings. */
function newestSource() {
  const { include = [] } = JSON.parse(fs.readFileSync(config, 'utf8'));
  let newest = Math.max(fs.statSync(config).mtimeMs, fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs);
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const dir of include) walk(path.join(root, dir));
  return newest;
}

function isCurrent() {
  try {
    return fs.statSync(stamp).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the build lock; false when another process held it and has since finished. */
function takeLock() {
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lock);
      return true;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    // A lock older than two minutes belongs to a build that died: take it over.
    let age = 0;
    try {
      age = Date.now() - fs.statSync(lock).mtimeMs;
    } catch {
      continue; // released just now: try again
    }
    if (age > 120_000) {
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (waited === 0 && process.stderr.isTTY) process.stderr.write('tablero: esperando a que termine otra compilación…\n');
    sleep(100);
    if (isCurrent()) return false;
  }
}

/** Compiles the CLI when `force` or when a source is newer than the last build. Returns tsc's status (0 = ok). */
function ensureBuilt({ force = false } = {}) {
  if (!force && isCurrent()) return 0;
  if (!takeLock()) return 0;
  try {
    if (!force && isCurrent()) return 0;
    if (!force && process.stderr.isTTY) process.stderr.write('tablero: compilando la línea de comandos (las fuentes cambiaron)…\n');
    const started = new Date();
    const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
    const r = spawnSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
    fs.writeFileSync(stamp, '');
    fs.utimesSync(stamp, started, started);
    return 0;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureBuilt, isCurrent };

if (require.main === module) process.exitCode = ensureBuilt({ force: true });
