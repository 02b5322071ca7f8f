/**
 * Load only what the command needs (issue 15): the built command line (bin/xeploai.js → lib/, `npm run
 * build:cli` first, as `npm test` does) runs in a child process with a preload script (`node -r`) that
 * writes, at exit, every module file Node loaded (require.cache). A plain `check` of the example loads the
 * project's own reader and no ExcelJS, JSZip or writer; the commands that write load them on demand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'xeploai.js');
const EXAMPLE = join(ROOT, 'examples', 'chi-bo-thanh-khe-2017.xlsx');

/** The modules that only writing needs: ExcelJS and JSZip, and the project's modules built on them. */
const WRITING_PACKAGES = ['exceljs', 'jszip'];
const WRITING_MODULES = [
  'lib/xlsx/readXlsx.js', // the ExcelJS adapter (the declared fallback and every copy)
  'lib/xlsx/openForWriting.js',
  'lib/xlsx/package/normalise.js',
  'lib/xlsx/writeResults.js',
  'lib/xlsx/packageOut/index.js',
  'lib/xlsx/writeWard.js',
  'lib/xlsx/writeMeeting.js',
  'lib/xlsx/renderLayout.js',
  'lib/xlsx/template.js',
  'lib/xlsx/fill.js',
  'lib/xlsx/example.js',
  'lib/xlsx/plan.js',
  'lib/xlsx/chart.js',
  'lib/xlsx/convertLegacy.js',
  'lib/cli/meeting.js',
  'lib/cli/convert.js',
];

let dir: string;
let preload: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is not built: run `npm run build:cli` first');
  dir = mkdtempSync(join(tmpdir(), 'xeploai-modules-'));
  preload = join(dir, 'record-modules.js');
  writeFileSync(
    preload,
    [
      "'use strict';",
      "const fs = require('fs');",
      "process.on('exit', () => fs.writeFileSync(process.env.XEPLOAI_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));",
      '',
    ].join('\n'),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let runs = 0;

/** Runs `node -r preload bin/xeploai.js ARGS` and returns its exit code and the modules it loaded. */
function modulesOf(...args: string[]): { code: number | null; stderr: string; packages: Set<string>; own: Set<string> } {
  const file = join(dir, `modules-${runs++}.json`);
  // No time-out: on a busy machine the child is slow, not wrong.
  const child = spawnSync(process.execPath, ['-r', preload, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XEPLOAI_MODULES_FILE: file },
  });
  const loaded = JSON.parse(readFileSync(file, 'utf8')) as string[];
  const packages = new Set<string>();
  const own = new Set<string>();
  for (const path of loaded) {
    const parts = path.split(sep);
    const at = parts.lastIndexOf('node_modules');
    if (at >= 0) packages.add(parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]);
    else own.add(relative(ROOT, path).split(sep).join('/'));
  }
  return { code: child.status, stderr: child.stderr, packages, own };
}

const writingLoaded = (run: { packages: Set<string>; own: Set<string> }): string[] => [
  ...WRITING_PACKAGES.filter((p) => run.packages.has(p)),
  ...WRITING_MODULES.filter((m) => run.own.has(m)),
];

describe('a plain check loads no ExcelJS, JSZip or writer', () => {
  it.each(['check', 'check --json'])('xeploai %s on the example', (command) => {
    const run = modulesOf(...command.split(' '), EXAMPLE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The recorder sees the modules the check does use …
    expect([...run.own]).toEqual(expect.arrayContaining(['lib/cli/main.js', 'lib/xlsx/loadModel.js', 'lib/xlsx/fastRead.js', 'lib/core/check.js']));
    // … and none that only writing needs.
    expect(writingLoaded(run)).toEqual([]);
    // No package at all is needed to check a file (Node's zlib inflates it).
    expect([...run.packages]).toEqual([]);
  });

  it('xeploai --help loads no package either', () => {
    const run = modulesOf('--help');
    expect(run.code).toBe(0);
    expect(writingLoaded(run)).toEqual([]);
  });
});

describe('the commands that write load what they write with, on demand', () => {
  it('check --out: the checked copy is written (its writer loaded)', () => {
    const out = join(dir, 'checked.xlsx');
    const run = modulesOf('check', EXAMPLE, '--out', out);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    // The copy is the input's package edited (issue 15): no ExcelJS, no JSZip, no second model.
    expect([...run.own]).toContain('lib/xlsx/packageOut/index.js');
    expect([...run.own]).not.toContain('lib/xlsx/writeResults.js');
    expect([...run.packages]).toEqual([]);
  });

  it('check of a file the reader declines (not a zip): the declared ExcelJS fallback is loaded', () => {
    const run = modulesOf('check', join(ROOT, 'test', 'fixtures', 'bad', 'files', 'not-a-zip.xlsx'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không đọc được tệp Excel .xlsx');
    expect([...run.packages]).toContain('exceljs');
    expect([...run.own]).toContain('lib/xlsx/readXlsx.js');
    expect([...run.own]).not.toContain('lib/xlsx/writeResults.js');
  });

  it('template --out: ExcelJS and the template loaded', () => {
    const out = join(dir, 'blank.xlsx');
    const run = modulesOf('template', '--out', out);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect([...run.packages]).toContain('exceljs');
    expect([...run.own]).toEqual(expect.arrayContaining(['lib/xlsx/template.js', 'lib/xlsx/fill.js']));
  });
});
