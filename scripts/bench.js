#!/usr/bin/env node
/**
 * `npm run bench [-- options]`: compiles the benchmark together with the code it measures
 * (bench/tsconfig.json → bench/build), then runs bench/run.ts. Options are listed at the top of
 * bench/run.ts. A type error elsewhere in the tree is reported but does not stop the run: the emitted
 * JavaScript is what gets measured.
 */
'use strict';

const { spawnSync } = require('child_process');
const { existsSync } = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const started = Date.now();
process.stderr.write('Compiling the benchmark (bench/tsconfig.json → bench/build)…\n');
const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'bench', 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
const runner = path.join(root, 'bench', 'build', 'bench', 'run.js');
if (build.status !== 0) {
  if (!existsSync(runner)) {
    process.stderr.write(`${build.stdout}${build.stderr}bench: the benchmark did not compile.\n`);
    process.exit(1);
  }
  const lines = `${build.stdout}${build.stderr}`.trim().split('\n');
  process.stderr.write(`bench: tsc reported ${lines.filter((l) => / error TS/.test(l)).length} type error(s) (measuring the emitted code anyway):\n  ${lines.slice(0, 5).join('\n  ')}\n`);
}
process.stderr.write(`Compiled in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
const run = spawnSync(process.execPath, [runner, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status === null ? 1 : run.status);
