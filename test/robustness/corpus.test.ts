/**
 * The corpus of bad workbooks (test/fixtures/bad/generate.ts, issue 7): for each, `xeploai check` answers
 * as the case expects — exit 2 with one clear line and no stack trace, or exit 0/1 with exactly the
 * expected error rule IDs — writes its checked copy, and never changes the input file's bytes; and the
 * same workbook in the fake Excel host is checked, cleared and checked again with the same answer and
 * its input values untouched. Issue 12 adds, where a case says so: the members' status and reason, how
 * many issues of a rule, rules that must be absent, every command reading the file and writing its copy,
 * and control characters escaped in human output. The large and hostile cases are in corpus-large.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkOpenWorkbook, clearOpenWorkbookFlags } from '../../src/office/runCheck';
import { BAD_CASES, type BadCase, COMMITTED_DIR, type MemberExpectation, readmeWithTable, writeCases } from '../fixtures/bad/generate';
import { run } from '../helpers/cli';
import { FakeExcelHost } from '../fake-excel';
import { expectCheckAnswer, expectIssues, expectMembers, ruleSets } from './expect';

/** The hostile ones run in a process of their own, their memory measured (corpus-large.test.ts). */
const small = BAD_CASES.filter((c) => !c.large && !c.hostile);
let dir: string;
let paths: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-bad-'));
  paths = await writeCases(dir);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the corpus', () => {
  it('has at least 40 kinds of bad workbook (issue 12: 25 more), each named once and listed in test/fixtures/bad/README.md as generate.ts writes the table (else: npm run fixtures:bad)', () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(60 + 25);
    expect(new Set(BAD_CASES.map((c) => c.id)).size).toBe(BAD_CASES.length);
    const readme = readFileSync(join(COMMITTED_DIR, '..', 'README.md'), 'utf8');
    expect(BAD_CASES.filter((c) => !readme.includes(`\`${c.id}\``)).map((c) => c.id)).toEqual([]);
    expect(readme).toBe(readmeWithTable(readme));
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
        if (expected.members) expectMembers(first.members, withoutVotes(expected.members));
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

/** The core's member results name votes otherwise than the JSON report: compare status, reason and level. */
function withoutVotes(members: Readonly<Record<string, MemberExpectation>>): Record<string, MemberExpectation> {
  return Object.fromEntries(Object.entries(members).map(([name, { votes: _votes, ...rest }]) => [name, rest]));
}

/** What must never be said of a file that `check` reads (issue 12: one verdict on readability). */
const CORRUPT = /không đọc được tệp|tệp hỏng|not a readable|corrupt/i;

describe.each(small.filter((c) => c.commands).map((c) => [c.id, c] as [string, BadCase]))('%s: every command reads it', (_id, c) => {
  const commands: readonly { name: string; args: (path: string, out: string) => string[] }[] = [
    { name: 'check --out', args: (p, o) => ['check', p, '--out', o] },
    { name: 'ballots --round 1', args: (p, o) => ['ballots', p, '--round', '1', '--out', o] },
    { name: 'minutes', args: (p, o) => ['minutes', p, '--out', o] },
    { name: 'convert', args: (p, o) => ['convert', p, '--out', o] },
  ];
  it.each(commands.map((k) => [k.name, k] as const))('%s writes its copy (or says in one line what it cannot do), never "corrupt"; the input is not changed', async (name, k) => {
    const path = paths.get(c.id) as string;
    const before = sha(path);
    const out = join(dir, `${c.id}.${name.split(' ')[0]}.xlsx`);
    const r = await run(...k.args(path, out));
    expect(r.err).not.toMatch(CORRUPT);
    expect(r.err).not.toMatch(/lỗi không mong đợi|unexpected error|\n\s+at /);
    if (existsSync(out)) {
      expect([0, 1]).toContain(r.code);
      expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
      // The checked copy is itself a workbook the clerk fixes and checks again: the same answer.
      if (name === 'check --out') expect((await run('check', out, '--json')).code).toBe(r.code);
    } else {
      // Declared impossible (exit 2), or not done for the workbook's errors (ballots: exit 1): one line saying what and why.
      expect({ code: r.code, lines: r.err.trimEnd().split('\n').length }).toEqual({ code: r.code === 1 ? 1 : 2, lines: 1 });
    }
    expect(sha(path)).toBe(before);
  });
});

describe.each(small.filter((c) => c.terminalName).map((c) => [c.id, c] as [string, BadCase]))('%s: safe text on the terminal', (_id, c) => {
  // C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides, embeddings and isolates.
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
  it('human output shows the name with its control characters escaped, never raw', async () => {
    const r = await run('check', paths.get(c.id) as string);
    expect(r.code).toBe(c.expect.code);
    expect(`${r.out}${r.err}`.match(RAW_CONTROL)).toBeNull();
    // The name is still there, its ESC written out as text (\x1b, \u001b or ^[), not dropped.
    expect(r.out).toMatch(/Trần Văn Bình(\\x1b|\\u001b|\\u\{1b\}|\^\[)/i);
  });
  it('the JSON report keeps the name exactly as stored', async () => {
    const r = await run('check', paths.get(c.id) as string, '--json');
    expect((JSON.parse(r.out) as { members: { name: string }[] }).members.map((m) => m.name)).toContain(c.terminalName);
  });
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
