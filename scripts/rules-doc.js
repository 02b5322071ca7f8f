#!/usr/bin/env node
/**
 * `npm run docs:rules [-- --check]`: compiles scripts/rulesDoc.ts with the code it reads into a temporary
 * folder (under node_modules/.cache), then writes docs/RULES.md and docs/FORMS.md from the rule metadata,
 * the rule sets and the workbook contract in src/core. With `--check` it writes nothing and exits 1 when
 * either file differs from what the code says (test/docs/rules-doc.test.ts does the same in jest).
 */
'use strict';

const { spawnSync } = require('child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cache = path.join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(path.join(cache, 'xeploai-rules-doc-'));
try {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const flags = ['--outDir', out, '--rootDir', root, '--module', 'commonjs', '--target', 'es2020', '--moduleResolution', 'node', '--esModuleInterop', '--skipLibCheck', '--types', 'node'];
  const build = spawnSync(process.execPath, [tsc, ...flags, path.join(__dirname, 'rulesDoc.ts')], { cwd: root, encoding: 'utf8' });
  const compiled = path.join(out, 'scripts', 'rulesDoc.js');
  if (build.status !== 0) {
    // A type error elsewhere in the tree is reported; the emitted JavaScript still says what the code says.
    process.stderr.write(`${build.stdout}${build.stderr}`);
    if (!existsSync(compiled)) process.exit(1);
  }
  const { renderRulesDoc, renderFormsDoc } = require(compiled);
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, render] of [['docs/RULES.md', renderRulesDoc], ['docs/FORMS.md', renderFormsDoc]]) {
    const target = path.join(root, file);
    const text = render();
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (current === text) {
      process.stdout.write(`${file}: đã đúng với mã nguồn (up to date)\n`);
    } else if (check) {
      stale++;
      process.stdout.write(`${file}: cũ so với mã nguồn; chạy npm run docs:rules (stale)\n`);
    } else {
      writeFileSync(target, text);
      process.stdout.write(`${file}: đã viết lại (written)\n`);
    }
  }
  process.exitCode = stale ? 1 : 0;
} finally {
  rmSync(out, { recursive: true, force: true });
}
