/** What `xeploai check` (and the add-in) must answer for a case of the bad-workbook corpus. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Expectation, MemberExpectation, WorkbookExpectation } from '../fixtures/bad/generate';
import { run, type Run } from '../helpers/cli';

/** "DATA-01 (+ warnings DATA-07)", for test names. */
export function ruleSets(e: Expectation): string {
  if (e.code === 2) return '';
  const errors = e.errors.length ? e.errors.join(', ') : 'no error';
  return e.warnings?.length ? `${errors} (warnings ${e.warnings.join(', ')})` : errors;
}

const STACK_LINE = /\n\s+at |\bat .+:\d+:\d+\)/;

interface IssueLike {
  readonly rule: string;
  readonly severity: string;
  readonly sheet: string;
  readonly cell?: string | null;
  readonly message: string;
  readonly messageEn?: string;
}

interface MemberLike {
  readonly name: string;
  readonly status: string;
  readonly reason: string | null;
  readonly level: string | null;
  /** The JSON report's votes by level (the core's own results name them otherwise: not compared there). */
  readonly votes?: unknown;
}

interface ReportLike {
  readonly files: readonly { readonly path: string; readonly reader?: { readonly name: string; readonly fallback?: string } }[];
  readonly issues: IssueLike[];
  readonly members: MemberLike[];
}

/** The issues of a workbook case: exactly the expected error rules, the expected warnings, an error on each expected cell, and messages a clerk can read. */
export function expectIssues(issues: readonly IssueLike[], e: WorkbookExpectation): void {
  const of = (severity: string) => [...new Set(issues.filter((i) => i.severity === severity).map((i) => i.rule))].sort();
  expect(of('error')).toEqual([...e.errors].sort());
  expect(of('warning')).toEqual(expect.arrayContaining([...(e.warnings ?? [])]));
  const errorCells = new Set(issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell}`));
  expect((e.cells ?? []).filter((c) => !errorCells.has(c))).toEqual([]);
  if (e.counts) {
    const counted = Object.fromEntries(Object.keys(e.counts).map((rule) => [rule, issues.filter((i) => i.rule === rule).length]));
    expect(counted).toEqual(e.counts);
  }
  if (e.absent) expect(issues.filter((i) => e.absent?.includes(i.rule)).map((i) => `${i.rule} ${i.sheet}!${i.cell}: ${i.message}`)).toEqual([]);
  // A value the code could not make sense of must never reach the clerk as "NaN" or "undefined".
  expect(issues.filter((i) => /\bNaN\b|undefined|\[object /.test(`${i.message} ${i.messageEn ?? ''}`)).map((i) => i.message)).toEqual([]);
}

/** The members named by the case, as the JSON report gives them (only the fields the case names). */
export function expectMembers(members: readonly MemberLike[], expected: Readonly<Record<string, MemberExpectation>>): void {
  const actual: Record<string, unknown> = {};
  for (const [name, want] of Object.entries(expected)) {
    const found = members.filter((m) => m.name === name);
    if (found.length !== 1) {
      actual[name] = `${found.length} members of that name`;
      continue;
    }
    const m = found[0];
    actual[name] = {
      status: m.status,
      ...('reason' in want ? { reason: m.reason } : {}),
      ...('level' in want ? { level: m.level } : {}),
      ...(want.votes ? { votes: Object.fromEntries(Object.keys(want.votes).map((k) => [k, (m.votes as Record<string, number> | null | undefined)?.[k] ?? null])) } : {}),
    };
  }
  expect(actual).toEqual(expected);
}

/** The answer of `check --json` (in-process or a child process) against the case. */
export function expectAnswer(r: Run, e: Expectation): void {
  if (e.code === 2) {
    expect({ code: r.code, err: r.err }).toEqual({ code: 2, err: expect.stringMatching(/\n$/) });
    // Nothing was checked: the JSON report (always printed with --json) lists no file.
    expect(JSON.parse(r.out)).toMatchObject({ files: [], issues: [] });
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(STACK_LINE);
    expect(r.err).not.toMatch(/lỗi không mong đợi|unexpected error/);
    expect(r.err.trimEnd()).toMatch(e.line);
    return;
  }
  let report: ReportLike;
  try {
    report = JSON.parse(r.out) as ReportLike;
  } catch {
    throw new Error(`exit ${r.code}, no JSON report on stdout; stderr: ${r.err.slice(0, 2000)}`);
  }
  // Code, stderr and the error rules together, so that a failure shows all three.
  const errorRules = [...new Set(report.issues.filter((i) => i.severity === 'error').map((i) => i.rule))].sort();
  expect({ code: r.code, err: r.err, errors: errorRules }).toEqual({ code: e.code, err: '', errors: [...e.errors].sort() });
  expectIssues(report.issues, e);
  if (e.members) expectMembers(report.members, e.members);
  if (e.reader) expect(report.files.map((f) => f.reader?.name ?? 'not named')).toEqual([e.reader]);
}

/** Runs `xeploai check PATH --json [--out OUT]` in-process and checks the answer against the case. */
export async function expectCheckAnswer(path: string, e: Expectation, out?: string): Promise<void> {
  expectAnswer(await run('check', path, '--json', ...(out ? ['--out', out] : [])), e);
}

// ---------------------------------------------------------------------------------------------------
// Hostile cases: the built command line in a child process of its own, its memory watched.

/** Peak memory every case must stay under (issue 12). */
export const MEMORY_BOUND_MB = 1024;
/** Past this a hostile case's child is killed, so that a runaway reader cannot take the machine (the test then fails on memory). */
export const MEMORY_KILL_MB = 1536;
/** The same guard for the large cases that are not hostile (a 200,000-member roll), which have no memory bound of their own. */
export const LARGE_MEMORY_KILL_MB = 4096;
/** Generous: the machine may be busy. A case must also be answered within this. */
export const TIME_BOUND_S = 60;
/** Past this the child is killed. */
export const TIME_KILL_S = 90;

export const BIN = resolve(__dirname, '..', '..', 'bin', 'xeploai.js');

export interface ChildAnswer extends Run {
  readonly signal: NodeJS.Signals | null;
  readonly seconds: number;
  /** Peak resident memory of the child, in MB, as it reported at exit (else as /proc last showed it); null if neither could be read. */
  readonly peakMb: number | null;
  /** Why the watchdog killed it, if it did. */
  readonly killed: string | null;
}

const peakFromProc = (pid: number): number | null => {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
};

let childCounter = 0;

/**
 * Runs `bin/xeploai.js ARGS` in a child process and reports its exit, output, time and peak memory.
 * The child writes `process.resourceUsage().maxRSS` at exit; on Linux /proc's high-water mark is also
 * polled, which survives a crash and lets the watchdog kill a child past `killMb` or TIME_KILL_S.
 */
export function runChild(args: readonly string[], killMb = MEMORY_KILL_MB): Promise<ChildAnswer> {
  if (!existsSync(join(__dirname, '..', '..', 'lib', 'cli', 'main.js'))) throw new Error('lib/ is not built: run `npm run build:cli` first');
  const usageFile = join(tmpdir(), `xeploai-usage-${process.pid}-${childCounter++}`);
  // At exit the child writes its own high-water mark: /proc's VmHWM (this process's memory only), else
  // getrusage's maxRSS, which on Linux starts from the parent's at fork (a big jest worker inflates it).
  // bin/xeploai.js reads process.argv.slice(2): put its own path where `node bin/xeploai.js` would.
  const boot = [
    `process.on('exit',()=>{const fs=require('fs');let kb=null;`,
    `try{kb=Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status','utf8'))[1])}catch{kb=process.resourceUsage().maxRSS}`,
    `try{fs.writeFileSync(${JSON.stringify(usageFile)},String(kb))}catch{}});`,
    `process.argv.splice(1,0,${JSON.stringify(BIN)});require(${JSON.stringify(BIN)});`,
  ].join('');
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', boot, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    let polled: number | null = null;
    let killed: string | null = null;
    const watch = setInterval(() => {
      const now = child.pid ? peakFromProc(child.pid) : null;
      if (now !== null) polled = Math.max(polled ?? 0, now);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (!killed && polled !== null && polled > killMb) killed = `killed at ${Math.round(polled)} MB of memory`;
      else if (!killed && seconds > TIME_KILL_S) killed = `killed after ${TIME_KILL_S} s`;
      if (killed) child.kill('SIGKILL');
    }, 50);
    child.on('error', (e) => {
      clearInterval(watch);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearInterval(watch);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let reported: number | null = null;
      if (existsSync(usageFile)) {
        reported = Number(readFileSync(usageFile, 'utf8')) / 1024;
        rmSync(usageFile, { force: true });
      }
      // What the child reported is exact; what was polled only stands in when it could not report (a crash, a kill).
      const peaks = (reported !== null ? [reported] : [polled]).filter((x): x is number => x !== null);
      done({
        code: code ?? -1,
        signal,
        out: Buffer.concat(out).toString('utf8'),
        err: Buffer.concat(err).toString('utf8'),
        seconds,
        peakMb: peaks.length ? Math.max(...peaks) : null,
        killed,
      });
    });
  });
}

/** A large case's run: not killed, within the time bound (and, for a hostile case, the memory bound), then the answer the case expects. */
export function expectBoundedAnswer(r: ChildAnswer, e: Expectation, options: { memoryBound: boolean }): void {
  expect({ killed: r.killed, signal: r.signal }).toEqual({ killed: null, signal: null });
  expect(r.seconds).toBeLessThan(TIME_BOUND_S);
  if (options.memoryBound) {
    expect(r.peakMb).not.toBeNull();
    expect(r.peakMb as number).toBeLessThan(MEMORY_BOUND_MB);
  }
  expectAnswer(r, e);
}
