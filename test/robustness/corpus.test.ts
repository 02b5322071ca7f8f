/**
 * The corpus of bad workbooks (test/fixtures/bad/generate.ts, issue 7): for each, `xeploai check` answers
 * as the case expects — exit 2 with one clear line and no stack trace, or exit 0/1 with exactly the
 * expected error rule IDs — writes its checked copy, and never changes the input file's bytes; and the
 * same workbook in the fake Excel host is checked, cleared and checked again with the same answer and
 * its input values untouched. The large cases are in corpus-large.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkOpenWorkbook, clearOpenWorkbookFlags } from '../../src/office/runCheck';
import { BAD_CASES, type BadCase, COMMITTED_DIR, writeCases } from '../fixtures/bad/generate';
import { FakeExcelHost } from '../fake-excel';
import { expectCheckAnswer, expectIssues, ruleSets } from './expect';

const small = BAD_CASES.filter((c) => !c.large);
let dir: string;
let paths: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-bad-'));
  paths = await writeCases(dir);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the corpus', () => {
  it('has at least 40 kinds of bad workbook, each named once and described in test/fixtures/bad/README.md', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_CASES.map((c) => c.id)).size).toBe(BAD_CASES.length);
    const readme = readFileSync(join(COMMITTED_DIR, '..', 'README.md'), 'utf8');
    expect(BAD_CASES.filter((c) => !readme.includes(`\`${c.id}\``)).map((c) => c.id)).toEqual([]);
  });

  it('the committed files are exactly the cases marked `commit`, as the generator makes them now, under 1 MB together (else: npm run fixtures:bad)', () => {
    const committed = readdirSync(COMMITTED_DIR).sort();
    expect(committed).toEqual(BAD_CASES.filter((c) => c.commit).map((c) => `${c.id}.xlsx`).sort());
    const stale = committed.filter((f) => !readFileSync(join(COMMITTED_DIR, f)).equals(readFileSync(paths.get(f.replace(/\.xlsx$/, '')) as string)));
    expect(stale).toEqual([]);
    expect(committed.reduce((n, f) => n + statSync(join(COMMITTED_DIR, f)).size, 0)).toBeLessThan(1024 * 1024);
  });
});

/** `it`, or `it.failing` while the case's known bug (named in generate.ts) is there. */
const itUnless = (bug: string | undefined) => (bug ? it.failing : it);

describe.each(small.map((c) => [c.id, c] as [string, BadCase]))('%s', (_id, c) => {
  itUnless(c.knownBug?.cli)(`xeploai check exits ${c.expect.code}${c.expect.code === 2 ? ' with one clear line' : ` with ${ruleSets(c.expect)}`}; the file is not changed`, async () => {
    const path = paths.get(c.id) as string;
    const before = sha(path);
    const out = c.expect.code === 2 ? undefined : join(dir, `${c.id}.kiem-tra.xlsx`);
    await expectCheckAnswer(path, c.expect, out);
    expect(sha(path)).toBe(before);
    if (out) expect(existsSync(out)).toBe(true);
  });

  if (c.commit) {
    itUnless(c.knownBug?.cli)('its committed copy gets the same answer', async () => {
      const path = join(COMMITTED_DIR, `${c.id}.xlsx`);
      const before = sha(path);
      await expectCheckAnswer(path, c.expect);
      expect(sha(path)).toBe(before);
    });
  }

  if (c.inExcel && c.expect.code !== 2) {
    const expected = c.expect;
    itUnless(c.knownBug?.excel)('in Excel (the fake host): check, clear, check again gives the same answer and leaves every input value as it was', async () => {
      const host = await FakeExcelHost.fromXlsx(readFileSync(paths.get(c.id) as string));
      const inputSheets = host.sheetNames();
      const valuesBefore = inputSheets.map((s) => host.getValues(s));
      const restore = host.installGlobals();
      try {
        const first = await checkOpenWorkbook();
        expectIssues(first.issues, expected);
        await clearOpenWorkbookFlags();
        const second = await checkOpenWorkbook();
        expect(second.issues).toEqual(first.issues);
        await clearOpenWorkbookFlags();
      } finally {
        restore();
      }
      expect(inputSheets.map((s) => host.getValues(s))).toEqual(valuesBefore);
    });
  }
});

describe('the built command line (bin/xeploai.js) on a few of them', () => {
  const bin = resolve(__dirname, '..', '..', 'bin', 'xeploai.js');
  it.each(['not-a-zip', 'xls-renamed', 'truncated-zip'])('%s: exit 2, one line on stderr, nothing on stdout, no stack trace', (id) => {
    const r = spawnSync(process.execPath, [bin, 'check', paths.get(id) as string], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/^xeploai: .*\(not a readable \.xlsx file\)\n$/);
  });

  it('formula-errors-everywhere: exit 1 with DATA-04 in the report', () => {
    const r = spawnSync(process.execPath, [bin, 'check', paths.get('formula-errors-everywhere') as string], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[DATA-04]');
    expect(r.stderr).toBe('');
  });
});
