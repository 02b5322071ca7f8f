/**
 * The bundles the browser tests load, built once before jest (`npm run build:test-bundles`, which
 * `npm test` runs after the type checks) and never inside a test's hook, where a busy machine would
 * turn the build into a time-out:
 *
 *   pane/                 the repo's production build of the task pane (webpack.config.js), with every
 *                         URL of the manifest pointed at DEPLOY_URL, as a ward office deploys it
 *   fake-excel.js         the fake Excel host for the browser (test/fake-excel/webpack.browser.js)
 *   fake-excel-modules.json  the modules webpack put in it (browser.test.ts checks them)
 *
 * They are kept in test-output/bundles/<hash>/, the hash taken over the contents of everything they are
 * built from (src/, the fake host, both webpack configurations, the manifest, the icons, tsconfig.json,
 * package-lock.json and this file): a run on unchanged sources reuses them, a changed file builds
 * again. The tests ask `current()` for the folder of the sources as they are now and refuse, in one
 * line, a missing or stale build rather than build it themselves.
 *
 *   node test/browser/bundles.js           builds unless the current sources are already built
 */
'use strict';

const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, 'test-output', 'bundles');
/** Where the pane test's build says it will be served from (the manifest's URLs). */
const DEPLOY_URL = 'https://xeploai.phuong-huong-xuan.example/addin';
/** Written last: a folder without it is an interrupted build. */
const COMPLETE = 'complete';

/** Every file the bundles are built from, relative to the repository, in a stable order. */
function inputs() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) files.push(rel);
    }
  };
  walk('src');
  walk('assets');
  for (const file of readdirSync(path.join(ROOT, 'test', 'fake-excel')).sort()) {
    if (/\.(ts|js)$/.test(file)) files.push(`test/fake-excel/${file}`);
  }
  files.push('webpack.config.js', 'manifest.xml', 'tsconfig.json', 'package-lock.json', 'test/browser/bundles.js');
  return files;
}

/** The hash of the contents (and names) of every input, and of DEPLOY_URL. */
function inputsHash() {
  const hash = createHash('sha256');
  hash.update(`${DEPLOY_URL}\0`);
  for (const file of inputs()) {
    const full = path.join(ROOT, file);
    hash.update(`${file}\0`);
    hash.update(existsSync(full) ? readFileSync(full) : '(missing)');
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The paths of the bundles for the sources as they are now, or null when they are not built. */
function current() {
  const dir = path.join(CACHE, inputsHash());
  if (!existsSync(path.join(dir, COMPLETE))) return null;
  return {
    dir,
    pane: path.join(dir, 'pane'),
    fakeExcel: path.join(dir, 'fake-excel.js'),
    fakeExcelModules: path.join(dir, 'fake-excel-modules.json'),
    deployUrl: DEPLOY_URL,
  };
}

/** The one line a test throws when the bundles of the current sources are not there. */
const NOT_BUILT = 'the browser bundles are not built for these sources: run `npm run build:test-bundles` first (`npm test` does)';

function runWebpack(webpack, config) {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close((closeErr) => {
        if (err || closeErr) return reject(err || closeErr);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve(stats);
      });
    });
  });
}

/** Builds both bundles into a fresh folder, then moves it into place; older builds are removed. */
async function build() {
  const hash = inputsHash();
  const dir = path.join(CACHE, hash);
  const building = path.join(CACHE, `${hash}.building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const webpack = require('webpack');

  const configFn = require(path.join(ROOT, 'webpack.config.js'));
  // webpack.config.js reads ADDIN_BASE_URL while the manifest is copied, so it is set for the build.
  const before = process.env.ADDIN_BASE_URL;
  process.env.ADDIN_BASE_URL = DEPLOY_URL;
  try {
    const config = await configFn({}, { mode: 'production' });
    await runWebpack(webpack, { ...config, output: { ...config.output, path: path.join(building, 'pane') }, devtool: false });
  } finally {
    if (before === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = before;
  }

  // Development mode: plain code, one webpack module per source file, so the list of modules is exact.
  const fakeConfig = require(path.join(ROOT, 'test', 'fake-excel', 'webpack.browser.js'));
  const stats = await runWebpack(webpack, fakeConfig({ out: path.join(building, 'fake-excel.js') }, { mode: 'development' }));
  const modules = (stats.toJson({ all: false, modules: true }).modules || []).filter((m) => m.moduleType !== 'runtime').map((m) => String(m.name));
  writeFileSync(path.join(building, 'fake-excel-modules.json'), `${JSON.stringify(modules, null, 2)}\n`);

  writeFileSync(path.join(building, COMPLETE), `${new Date().toISOString()}\n`);
  if (existsSync(path.join(dir, COMPLETE))) {
    // Another run built the same sources meanwhile (and its tests may be reading it): keep that one.
    rmSync(building, { recursive: true, force: true });
  } else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
  }
  for (const entry of readdirSync(CACHE)) {
    const other = path.join(CACHE, entry);
    // Another build still running (…building-PID) is left to finish.
    if (entry !== hash && !entry.includes('.building-') && statSync(other).isDirectory()) rmSync(other, { recursive: true, force: true });
  }
  return current();
}

module.exports = { DEPLOY_URL, NOT_BUILT, current, build, inputsHash };

if (require.main === module) {
  const ready = current();
  if (ready) {
    process.stdout.write(`browser bundles: up to date (${path.relative(ROOT, ready.dir)})\n`);
  } else {
    const started = Date.now();
    build().then(
      (built) => process.stdout.write(`browser bundles: built in ${Math.round((Date.now() - started) / 1000)} s (${path.relative(ROOT, built.dir)})\n`),
      (err) => {
        process.stderr.write(`browser bundles: build failed: ${err && err.stack ? err.stack : err}\n`);
        process.exitCode = 1;
      },
    );
  }
}
