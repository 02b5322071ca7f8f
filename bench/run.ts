/**
 * `npm run bench`: builds the workbooks (once), measures, prints the table, writes
 * bench/results/latest.json. A benchmark, not a test: a missed target is reported, never an exit status.
 * The exit status is non-zero only when the harness itself could not measure (a crash, a build failure).
 *
 *   npm run bench                    everything (≈ 10 minutes on 2 cores once the workbooks exist)
 *   npm run bench -- --fresh         make the workbooks again
 *   npm run bench -- --quick         the small sizes only, 2 runs each (a minute or two, for trying changes)
 *   npm run bench -- --only engine,office
 *                                    sections: engine, cli, single, office, bundle, hostile
 *                                    (hostile: the hostile workbooks of test/fixtures/bad, one run each, peak memory
 *                                    and time; in --quick too: they are built in seconds and each answers in seconds)
 *   npm run bench -- --reps 3        runs per figure (default 5; the big command-line runs use fewer)
 *   npm run bench -- --profile       also write CPU profiles (node --cpu-prof) of the engine and of
 *                                    `xeploai check` on the biggest ward to bench/build/profiles/
 */
import { spawn } from 'node:child_process';
import { cpus, freemem, totalmem, release, platform } from 'node:os';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundle, type BundleResult } from './bundle';
import { paneStartup, type PaneStartup } from './pane';
import { hotspots, type Hotspot } from './profile';
import { type Figure, figure, format, median, table } from './report';
import { BUILD, RESULTS, ROOT } from './paths';
import type { Usage } from './rusage';
import { ensureSets, type SetDef, type SetInfo } from './workbooks';
import { BAD_CASES, writeCases } from '../test/fixtures/bad/generate';

interface Options {
  fresh: boolean;
  quick: boolean;
  profile: boolean;
  reps: number;
  only: Set<string>;
}

const SECTIONS = ['engine', 'cli', 'single', 'office', 'bundle', 'hostile'];

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { fresh: false, quick: false, profile: false, reps: 5, only: new Set(SECTIONS) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fresh') o.fresh = true;
    else if (a === '--quick') o.quick = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--reps') o.reps = Math.max(1, Number(argv[++i]));
    else if (a === '--only') o.only = new Set(argv[++i].split(','));
    else throw new Error(`unknown option ${a} (see the top of bench/run.ts)`);
  }
  if (o.quick) o.reps = Math.min(o.reps, 2);
  return o;
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

// ---------------------------------------------------------------------------------------------------
// Child processes

interface ChildRun {
  readonly code: number | null;
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly usage: Usage | null;
}

let usageCounter = 0;

/** A child past either bound is killed (SIGKILL): a hostile workbook must not take the machine. */
interface Watchdog {
  readonly megabytes: number;
  readonly seconds: number;
}

/** The child's peak resident memory so far (Linux: /proc's high-water mark), in MB; null elsewhere. */
function procPeakMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Runs `node ARGS` and times it from spawn to exit; stdout goes to `stdoutFile` when given. */
function runNode(args: readonly string[], options: { cwd?: string; stdoutFile?: string; nodeArgs?: readonly string[]; watchdog?: Watchdog } = {}): Promise<ChildRun> {
  const usageFile = join(BUILD, `usage-${process.pid}-${usageCounter++}.json`);
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, BENCH_RUSAGE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sink = options.stdoutFile ? createWriteStream(options.stdoutFile) : null;
    child.stdout.on('data', (d: Buffer) => (sink ? sink.write(d) : out.push(d)));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    let polledMb: number | null = null;
    let killed: string | null = null;
    const watchdog = options.watchdog;
    const timer = watchdog
      ? setInterval(() => {
          const now = procPeakMb(child.pid);
          if (now !== null) polledMb = Math.max(polledMb ?? 0, now);
          const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
          if (killed) return;
          if (polledMb !== null && polledMb > watchdog.megabytes) killed = `killed at ${Math.round(polledMb)} MB`;
          else if (elapsed > watchdog.seconds) killed = `killed after ${watchdog.seconds} s`;
          if (killed) child.kill('SIGKILL');
        }, 50)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const finish = (): void => {
        let usage: Usage | null = null;
        if (existsSync(usageFile)) {
          usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Usage;
          rmSync(usageFile);
        }
        // A child that crashed or was killed never wrote its usage: /proc's high-water mark is what there is.
        if (polledMb !== null && (!usage || usage.maxRssKb < polledMb * 1024)) usage = { maxRssKb: polledMb * 1024, userMs: usage?.userMs ?? NaN, systemMs: usage?.systemMs ?? NaN };
        resolve({ code, seconds, stdout: Buffer.concat(out).toString('utf8'), stderr: `${Buffer.concat(err).toString('utf8')}${killed ? `bench: ${killed}\n` : ''}`, usage });
      };
      if (sink) sink.end(finish);
      else finish();
    });
  });
}

const script = (name: string): string => join(BUILD, 'bench', `${name}.js`);

// ---------------------------------------------------------------------------------------------------
// The workbook sets

const WARD_SIZES = [1_000, 20_000, 100_000];
const OFFICE_SIZES = [50, 5_000, 50_000];
const FLAG_MEMBERS = 5_000;
const FLAG_CELLS = [10, 10_000];

function setDefs(o: Options): SetDef[] {
  const wards = o.quick ? [1_000] : WARD_SIZES;
  const offices = o.quick ? [50, 5_000] : OFFICE_SIZES;
  const defs: SetDef[] = [];
  if (o.only.has('engine') || o.only.has('cli')) for (const n of wards) defs.push({ name: `ward-${n}`, kind: 'ward', total: n, seed: n, grids: true });
  if (o.only.has('single') || o.only.has('engine')) for (const n of wards) defs.push({ name: `single-${n}`, kind: 'single', total: n, seed: n + 1, grids: true });
  if (o.only.has('office')) {
    for (const n of offices) defs.push({ name: `office-${n}`, kind: 'single', total: n, seed: n + 2, grids: false });
    for (const k of FLAG_CELLS) defs.push({ name: `flags-${k}`, kind: 'single', total: FLAG_MEMBERS, seed: 77, grids: false, warnings: false, misspelt: k });
  }
  return defs;
}

// ---------------------------------------------------------------------------------------------------
// 1. The engine alone

const n0 = (n: number): string => n.toLocaleString('en-US');

async function engineFigures(o: Options, sets: Map<string, SetInfo>, figures: Figure[], raw: Record<string, unknown>): Promise<void> {
  const wards = o.quick ? [1_000] : WARD_SIZES;
  for (const kind of ['ward', 'single'] as const) {
    if (kind === 'single' && !o.only.has('single') && !o.only.has('engine')) continue;
    for (const n of wards) {
      const set = sets.get(`${kind}-${n}`);
      if (!set) continue;
      const reps = n >= 100_000 ? Math.min(o.reps, 3) : o.reps;
      log(`engine: ${set.name} (${n0(set.members)} members in ${n0(set.files.length)} workbook${set.files.length > 1 ? 's' : ''}), ${reps} runs…`);
      const run = await runNode([script('engine'), set.dir, String(reps)], { nodeArgs: ['--expose-gc', '--max-old-space-size=8192'] });
      if (run.code !== 0) throw new Error(`engine benchmark failed on ${set.name}: ${run.stderr.slice(-2000)}`);
      if (o.profile && n === Math.max(...wards)) {
        // A run of its own: the profiler's overhead stays out of the figures.
        log(`  profiling (one more, untimed run)…`);
        await runNode([script('engine'), set.dir, '1'], { nodeArgs: ['--expose-gc', '--max-old-space-size=8192', '--cpu-prof', `--cpu-prof-dir=${join(BUILD, 'profiles')}`, `--cpu-prof-name=engine-${kind}-${n}.cpuprofile`] });
      }
      const r = JSON.parse(run.stdout.trim().split('\n').pop() as string) as { files: number; members: number; membersChecked: number; issues: number; warmUp: number; seconds: number[] };
      raw[`engine-${kind}-${n}`] = r;
      const size = kind === 'ward' ? `${n0(n)} (${n0(r.files)} chi bộ)` : `${n0(n)} (1 chi bộ)`;
      const what = kind === 'ward' ? 'ward' : 'single workbook';
      figures.push(
        figure({
          id: `engine.${kind}.${n}.seconds`,
          section: '1',
          label: `engine, ${what}: time`,
          size,
          unit: 's',
          runs: r.seconds,
          target: n === 100_000 ? { text: '< 0.5 s', met: median(r.seconds) < 0.5 } : null,
          headline: n === 100_000,
        }),
        figure({ id: `engine.${kind}.${n}.rate`, section: '1', label: `engine, ${what}: members/s`, size, unit: 'members/s', runs: r.seconds.map((s) => r.members / s), target: null, headline: kind === 'ward' && n === 100_000 }),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. The command line against the bare read

interface CliPair {
  cli: ChildRun;
  bare: ChildRun;
}

async function cliFigures(o: Options, sets: Map<string, SetInfo>, figures: Figure[], raw: Record<string, unknown>): Promise<void> {
  const wards = o.quick ? [1_000] : WARD_SIZES;
  const out = join(BUILD, 'out');
  mkdirSync(out, { recursive: true });
  for (const kind of ['ward', 'single'] as const) {
    if (!o.only.has(kind === 'ward' ? 'cli' : 'single')) continue;
    for (const n of wards) {
      const set = sets.get(`${kind}-${n}`);
      if (!set) continue;
      // The biggest runs take minutes each: fewer of them.
      const big = n >= 100_000;
      const reps = big ? Math.min(o.reps, 2) : n >= 20_000 ? Math.min(o.reps, 3) : o.reps;
      log(`command line: ${set.name} (${n0(set.members)} members, ${n0(set.files.length)} file${set.files.length > 1 ? 's' : ''}, ${(set.bytes / 1024 / 1024).toFixed(1)} MB), ${reps} runs of each…`);
      const pairs: CliPair[] = [];
      // Both as a clerk runs them: node's default heap limit, stdout to a file.
      const bareRun = (): Promise<ChildRun> => runNode([script('bare-read'), ...set.files], { cwd: set.dir });
      const cliRun = (profile: string[] = []): Promise<ChildRun> =>
        runNode([script('cli'), 'check', ...set.files, '--json'], { cwd: set.dir, stdoutFile: join(out, `${set.name}.json`), nodeArgs: profile });
      for (let i = 0; i < reps; i++) {
        // Alternate which goes first, so that drift (caches, clock) falls on both alike.
        let bare: ChildRun;
        let cli: ChildRun;
        if (i % 2 === 0) {
          bare = await bareRun();
          cli = await cliRun();
        } else {
          cli = await cliRun();
          bare = await bareRun();
        }
        if (bare.code !== 0) throw new Error(`bare read failed on ${set.name}: ${bare.stderr.slice(-2000)}`);
        // Exit 1 is "errors found" (the faulty files); 2 is a file that could not be read or a crash.
        if (cli.code !== 0 && cli.code !== 1) throw new Error(`xeploai check failed on ${set.name} (exit ${cli.code}): ${cli.stderr.slice(-2000)}`);
        if (i === 0) verifyReport(join(out, `${set.name}.json`), set);
        pairs.push({ cli, bare });
        log(`  run ${i + 1}: check ${cli.seconds.toFixed(2)} s, ${((cli.usage?.maxRssKb ?? 0) / 1024).toFixed(0)} MB; bare read ${bare.seconds.toFixed(2)} s, ${((bare.usage?.maxRssKb ?? 0) / 1024).toFixed(0)} MB`);
      }
      if (o.profile && n === Math.max(...wards)) {
        log(`  profiling (one more, untimed run)…`);
        await cliRun(['--cpu-prof', `--cpu-prof-dir=${join(BUILD, 'profiles')}`, `--cpu-prof-name=cli-${kind}-${n}.cpuprofile`]);
      }
      raw[`cli-${kind}-${n}`] = pairs.map((p) => ({ cli: { seconds: p.cli.seconds, exit: p.cli.code, usage: p.cli.usage }, bare: { seconds: p.bare.seconds, usage: p.bare.usage } }));
      const size = kind === 'ward' ? `${n0(n)} (${n0(set.files.length)} files)` : `${n0(n)} (1 file)`;
      const what = kind === 'ward' ? 'ward' : 'single workbook';
      const ratios = pairs.map((p) => p.cli.seconds / p.bare.seconds);
      const rss = pairs.map((p) => (p.cli.usage?.maxRssKb ?? NaN) / 1024);
      figures.push(
        figure({ id: `cli.${kind}.${n}.check`, section: '2', label: `xeploai check --json, ${what}: time`, size, unit: 's', runs: pairs.map((p) => p.cli.seconds), target: null, headline: kind === 'ward' && n === 100_000 }),
        figure({ id: `cli.${kind}.${n}.bare`, section: '2', label: `ExcelJS bare read, ${what}: time`, size, unit: 's', runs: pairs.map((p) => p.bare.seconds), target: null, headline: kind === 'ward' && n === 100_000 }),
        figure({ id: `cli.${kind}.${n}.ratio`, section: '2', label: `check ÷ bare read, ${what}`, size, unit: 'ratio', runs: ratios, target: { text: '≤ 1.30×', met: median(ratios) <= 1.3 }, headline: kind === 'ward' || n === 100_000 }),
        figure({
          id: `cli.${kind}.${n}.rss`,
          section: '2',
          label: `xeploai check peak memory, ${what}`,
          size,
          unit: 'MB',
          runs: rss,
          target: n === 100_000 ? { text: '< 1 GB (1024 MB)', met: Math.max(...rss) < 1024 } : null,
          headline: n === 100_000,
        }),
        figure({ id: `cli.${kind}.${n}.bareRss`, section: '2', label: `bare read peak memory, ${what}`, size, unit: 'MB', runs: pairs.map((p) => (p.bare.usage?.maxRssKb ?? NaN) / 1024), target: null }),
      );
    }
  }
}

/** The JSON report must hold every member and every file: a check that silently skipped work would look fast. */
function verifyReport(path: string, set: SetInfo): void {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { files: unknown[]; members: unknown[] };
  if (report.files.length !== set.files.length || report.members.length !== set.members) {
    throw new Error(`the report of ${set.name} has ${report.files.length} files and ${report.members.length} members; expected ${set.files.length} and ${set.members}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// 3. Office traffic

interface OfficeRun {
  error: string | null;
  members: number | null;
  flaggedCells: number | null;
  syncs: number;
  requests: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  perSync: { requests: number; bytes: number; responseBytes: number; error: string | null }[];
  fakeHostSeconds: number;
}

async function officeRuns(set: SetInfo, reps: number): Promise<OfficeRun[]> {
  const run = await runNode([script('office'), join(set.dir, set.files[0]), String(reps)], { nodeArgs: ['--max-old-space-size=8192'] });
  if (run.code !== 0) throw new Error(`office benchmark failed on ${set.name}: ${run.stderr.slice(-2000)}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as OfficeRun);
}

const LIMIT = 5 * 1024 * 1024;

async function officeFigures(o: Options, sets: Map<string, SetInfo>, figures: Figure[], raw: Record<string, unknown>): Promise<void> {
  const sizes = o.quick ? [50, 5_000] : OFFICE_SIZES;
  const syncMedians: number[] = [];
  for (const n of sizes) {
    const set = sets.get(`office-${n}`);
    if (!set) continue;
    const reps = n >= 50_000 ? Math.min(o.reps, 2) : Math.min(o.reps, 3);
    log(`office: ${set.name}, ${reps} checks through the fake Excel host…`);
    const runs = await officeRuns(set, reps);
    raw[`office-${n}`] = runs.map(({ perSync, ...rest }) => ({ ...rest, perSync }));
    const failed = runs.find((r) => r.error);
    const size = `${n0(n)} members`;
    const note = failed ? `check failed: ${failed.error?.split(':')[0]}` : undefined;
    syncMedians.push(median(runs.map((r) => r.syncs)));
    figures.push(
      figure({ id: `office.${n}.syncs`, section: '3', label: 'context.sync() round trips per check', size, unit: 'count', runs: runs.map((r) => r.syncs), target: { text: '≤ 6, same at every size', met: !failed && runs.every((r) => r.syncs <= 6) }, note, headline: true }),
      figure({ id: `office.${n}.requests`, section: '3', label: 'requests per check', size, unit: 'count', runs: runs.map((r) => r.requests), target: null }),
      figure({ id: `office.${n}.bytes`, section: '3', label: 'request bytes per check', size, unit: 'bytes', runs: runs.map((r) => r.requestBytes), target: null, headline: n === Math.max(...sizes) }),
      figure({ id: `office.${n}.responseBytes`, section: '3', label: 'response bytes per check', size, unit: 'bytes', runs: runs.map((r) => r.responseBytes), target: null }),
      figure({ id: `office.${n}.maxRequest`, section: '3', label: 'largest request', size, unit: 'bytes', runs: runs.map((r) => r.maxRequestBytes), target: { text: '≤ 5 MB', met: runs.every((r) => r.maxRequestBytes <= LIMIT) }, headline: n === Math.max(...sizes) }),
    );
  }
  // "The same at every size": one more line, on the sync counts of all sizes.
  if (syncMedians.length > 1) {
    const same = syncMedians.every((s) => s === syncMedians[0]);
    figures.push(figure({ id: 'office.syncs.spread', section: '3', label: 'sync count: largest − smallest over the sizes', size: sizes.map(n0).join(' / '), unit: 'count', runs: [Math.max(...syncMedians) - Math.min(...syncMedians)], target: { text: '0 (same at every size)', met: same } }));
  }
  const flags: { k: number; runs: OfficeRun[] }[] = [];
  for (const k of FLAG_CELLS) {
    const set = sets.get(`flags-${k}`);
    if (!set) continue;
    const reps = Math.min(o.reps, 3);
    log(`office: ${set.name} (${n0(FLAG_MEMBERS)} members, ${n0(k)} misspelt cells), ${reps} checks…`);
    const runs = await officeRuns(set, reps);
    raw[`flags-${k}`] = runs;
    flags.push({ k, runs });
  }
  for (const { k, runs } of flags) {
    const failed = runs.find((r) => r.error);
    const flagged = runs[0].flaggedCells;
    figures.push(
      figure({
        id: `office.flags.${k}.syncs`,
        section: '3',
        label: `syncs, flagging ${n0(k)} cells`,
        size: `${n0(FLAG_MEMBERS)} members${flagged !== null ? `, ${n0(flagged)} flagged` : ''}`,
        unit: 'count',
        runs: runs.map((r) => r.syncs),
        target: k === FLAG_CELLS[FLAG_CELLS.length - 1] && flags.length > 1 ? { text: `≤ syncs for ${n0(FLAG_CELLS[0])} cells`, met: !failed && median(runs.map((r) => r.syncs)) <= median(flags[0].runs.map((r) => r.syncs)) } : null,
        note: failed ? `check failed: ${failed.error?.split(':')[0]} (request of ${format(Math.max(...runs.map((r) => r.maxRequestBytes)), 'bytes')})` : undefined,
        headline: true,
      }),
      figure({ id: `office.flags.${k}.maxRequest`, section: '3', label: `largest request, flagging ${n0(k)} cells`, size: `${n0(FLAG_MEMBERS)} members`, unit: 'bytes', runs: runs.map((r) => r.maxRequestBytes), target: { text: '≤ 5 MB', met: runs.every((r) => r.maxRequestBytes <= LIMIT) }, headline: k === FLAG_CELLS[FLAG_CELLS.length - 1] }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// 5. Hostile workbooks (issue 12): decompression bombs, column XFD, a million rows, huge declared counts

/** What issue 12 asks of each: under 1 GB of peak memory, answered within seconds (a minute, generously). */
const HOSTILE_MB = 1024;
const HOSTILE_SECONDS = 60;

async function hostileFigures(figures: Figure[], raw: Record<string, unknown>): Promise<void> {
  const dir = join(BUILD, 'hostile');
  rmSync(dir, { recursive: true, force: true });
  const t0 = Date.now();
  const paths = await writeCases(dir, { large: true, only: (c) => Boolean(c.hostile) });
  const cases = BAD_CASES.filter((c) => c.hostile);
  log(`hostile: ${cases.length} workbooks of test/fixtures/bad made in ${((Date.now() - t0) / 1000).toFixed(1)} s; xeploai check on each, once…`);
  const peaks: { id: string; mb: number }[] = [];
  for (const c of cases) {
    const path = paths.get(c.id) as string;
    const megabytes = statSync(path).size / 1024 / 1024;
    const run = await runNode([script('cli'), 'check', path, '--json'], { stdoutFile: join(dir, `${c.id}.json`), watchdog: { megabytes: 2 * HOSTILE_MB, seconds: 2 * HOSTILE_SECONDS } });
    const mb = (run.usage?.maxRssKb ?? NaN) / 1024;
    const line = run.stderr.trim().split('\n')[0] ?? '';
    const expected = c.expect.code;
    const answer = `exit ${run.code ?? 'signal'} (expected ${expected})${line ? `: ${line.slice(0, 160)}` : ''}`;
    log(`  ${c.id}: ${answer}; ${run.seconds.toFixed(1)} s, ${mb.toFixed(0)} MB`);
    raw[`hostile-${c.id}`] = { bytes: statSync(path).size, exit: run.code, expectedExit: expected, stderr: line, seconds: run.seconds, usage: run.usage };
    peaks.push({ id: c.id, mb });
    const size = `${megabytes < 1 ? `${(megabytes * 1024).toFixed(0)} KB` : `${megabytes.toFixed(1)} MB`} file`;
    figures.push(
      figure({ id: `hostile.${c.id}.rss`, section: '5', label: `hostile ${c.id}: check peak memory`, size, unit: 'MB', runs: [mb], target: { text: '< 1 GB (1024 MB)', met: mb < HOSTILE_MB }, note: answer }),
      figure({ id: `hostile.${c.id}.seconds`, section: '5', label: `hostile ${c.id}: check time`, size, unit: 's', runs: [run.seconds], target: { text: `< ${HOSTILE_SECONDS} s, exit ${expected}`, met: run.seconds < HOSTILE_SECONDS && run.code === expected } }),
    );
  }
  const worst = peaks.reduce((a, b) => (b.mb > a.mb || Number.isNaN(b.mb) ? b : a), peaks[0]);
  if (worst) figures.push(figure({ id: 'hostile.peak', section: '5', label: `hostile workbooks: largest peak memory (${worst.id})`, size: `${cases.length} workbooks`, unit: 'MB', runs: [worst.mb], target: { text: '< 1 GB (1024 MB)', met: worst.mb < HOSTILE_MB }, headline: true }));
}

// ---------------------------------------------------------------------------------------------------
// 4. The task pane bundle

async function bundleFigures(o: Options, figures: Figure[], raw: Record<string, unknown>): Promise<{ bundle: BundleResult; pane: PaneStartup | { skipped: string } }> {
  const b = measureBundle(log);
  raw.bundle = b;
  log('Opening the built pane in Chromium (fake host as office.js) to see what it loads before it is usable…');
  let pane: PaneStartup | { skipped: string };
  try {
    pane = await paneStartup(join(BUILD, 'dist'), o.quick ? 2 : 3);
  } catch (err) {
    pane = { skipped: `the browser run failed: ${(err as Error).message.split('\n')[0]}` };
  }
  raw.paneStartup = pane;
  // What the browser saw load, where it could look; else what taskpane.html names.
  const seen = 'scripts' in pane ? pane.scripts : b.scripts.filter((s) => !s.external).map((s) => ({ file: s.src, gzipBytes: s.gzipBytes ?? 0 }));
  const gz = seen.reduce((t, s) => t + s.gzipBytes, 0);
  figures.push(
    figure({
      id: 'bundle.taskpane.gzip',
      section: '4',
      label: `pane JS before usable, gzip -9 (${seen.map((s) => s.file).join(', ')})`,
      size: 'office.js aside',
      unit: 'KB',
      runs: [gz / 1024],
      target: { text: '< 150 KB', met: gz < 150 * 1024 },
      note: `${gz.toLocaleString('en-US')} bytes; ${'scripts' in pane ? 'as loaded in Chromium' : `from taskpane.html (${pane.skipped})`}`,
      headline: true,
    }),
    figure({ id: 'bundle.taskpane.raw', section: '4', label: 'pane JS at startup, minified', size: 'office.js aside', unit: 'KB', runs: [b.startupBytes / 1024], target: null }),
  );
  if ('usableMs' in pane) {
    figures.push(figure({ id: 'bundle.taskpane.usable', section: '4', label: 'pane usable after (Chromium, local server)', size: 'first load', unit: 's', runs: pane.usableMs.map((ms) => ms / 1000), target: null, headline: true }));
  }
  return { bundle: b, pane };
}

// ---------------------------------------------------------------------------------------------------

/** The hot spots of each profile written by --profile. */
function summariseProfiles(): Record<string, Hotspot[]> {
  const dir = join(BUILD, 'profiles');
  const out: Record<string, Hotspot[]> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')).sort()) out[f.replace(/\.cpuprofile$/, '')] = hotspots(join(dir, f), 15);
  return out;
}

function machine(): { cpu: string; cores: number; node: string } & Record<string, unknown> {
  const cpu = cpus();
  let model = cpu[0]?.model ?? 'unknown';
  let mhz = cpu[0]?.speed || null;
  try {
    // Virtual machines often give the OS a shortened name; /proc has what the kernel knows.
    const info = readFileSync('/proc/cpuinfo', 'utf8').split('\n');
    const field = (name: string): string | undefined => info.find((l) => l.startsWith(name))?.split(':')[1]?.trim();
    model = field('model name') ?? model;
    mhz ||= Math.round(Number(field('cpu MHz'))) || null;
  } catch {
    // not Linux
  }
  return {
    node: process.version,
    cpu: model,
    cores: cpu.length,
    cpuMHz: mhz,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    freeMemoryGBAtStart: Math.round(freemem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
  };
}

function setSummary(s: SetInfo): Record<string, unknown> {
  return {
    kind: s.kind,
    members: s.members,
    files: s.files.length,
    megabytes: Math.round((s.bytes / 1024 / 1024) * 10) / 10,
    chiBoSizes: s.chiBoSizes,
    faultyFiles: s.faultyFiles,
    misspeltCells: s.misspelt || undefined,
  };
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const started = Date.now();
  // Only a full run replaces latest.json; a quick or partial one goes beside it.
  const resultFile = o.quick || o.only.size < SECTIONS.length ? 'partial.json' : 'latest.json';
  mkdirSync(RESULTS, { recursive: true });
  if (o.profile) {
    rmSync(join(BUILD, 'profiles'), { recursive: true, force: true });
    mkdirSync(join(BUILD, 'profiles'), { recursive: true });
  }
  const parallel = Math.max(1, Math.min(2, cpus().length));
  const sets = await ensureSets(setDefs(o), { fresh: o.fresh, parallel, log });
  const generation = [...sets.values()].filter((s) => !s.reused).reduce((t, s) => t + (s.generatedSeconds ?? 0), 0);
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  let bundle: { bundle: BundleResult; pane: PaneStartup | { skipped: string } } | null = null;
  const t0 = Date.now();
  if (o.only.has('engine')) await engineFigures(o, sets, figures, raw);
  if (o.only.has('cli') || o.only.has('single')) await cliFigures(o, sets, figures, raw);
  if (o.only.has('office')) await officeFigures(o, sets, figures, raw);
  if (o.only.has('bundle')) bundle = await bundleFigures(o, figures, raw);
  if (o.only.has('hostile')) await hostileFigures(figures, raw);
  const measuring = (Date.now() - t0) / 1000;
  const profiles = o.profile ? summariseProfiles() : null;

  const order = ['1', '2', '3', '4', '5'];
  figures.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  const text = table(figures);
  process.stdout.write(`\n${text}\n\n`);
  for (const f of figures.filter((x) => x.note)) process.stdout.write(`note, ${f.label} (${f.size}): ${f.note}\n`);
  if (bundle) {
    const { bundle: b, pane } = bundle;
    process.stdout.write(`taskpane.html loads: ${b.scripts.map((s) => (s.external ? `${s.src} (Microsoft CDN, aside)` : `${s.src} (${format((s.gzipBytes ?? 0) / 1024, 'KB')} gzipped)`)).join('; ')}.\n`);
    if ('scripts' in pane) process.stdout.write(`In Chromium, before the pane was usable, it fetched: ${pane.scripts.map((s) => s.file).join(', ')} (and office.js).\n`);
    else process.stdout.write(`Not checked in a browser: ${pane.skipped}.\n`);
    if (b.notAtStartup.length) process.stdout.write(`Built but not loaded at startup: ${b.notAtStartup.map((s) => `${s.file} (${format(s.gzipBytes / 1024, 'KB')} gzipped${s.mostly ? `, mostly ${s.mostly}` : ''})`).join('; ')}.\n`);
    process.stdout.write(`The pane's bundle by package (minified bytes): ${b.composition.slice(0, 5).map((c) => `${c.pkg} ${Math.round(c.share * 100)} %`).join(', ')}.\n`);
  }
  if (profiles) {
    for (const [name, spots] of Object.entries(profiles)) {
      process.stdout.write(`\nProfile ${name} (inclusive / self share of samples):\n`);
      for (const h of spots) process.stdout.write(`  ${(h.inclusive * 100).toFixed(1).padStart(5)} % ${(h.self * 100).toFixed(1).padStart(5)} %  ${h.where}\n`);
    }
  }
  const missed = figures.filter((f) => f.target && !f.target.met);
  process.stdout.write(`\n${figures.filter((f) => f.target).length - missed.length} target(s) met, ${missed.length} missed${missed.length ? `: ${missed.map((f) => `${f.label} (${f.size})`).join('; ')}` : ''}.\n`);
  process.stdout.write(`Measured in ${measuring.toFixed(0)} s${generation ? ` (+ ${generation.toFixed(0)} s making workbooks)` : ''}; results in bench/results/${resultFile}.\n`);

  const result = {
    '//': 'Written by `npm run bench` (bench/run.ts). min/median/max over runs; see README.md, "Performance", for what each figure means.',
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    options: { quick: o.quick, reps: o.reps, sections: [...o.only] },
    seconds: { measuring: Math.round(measuring), generating: Math.round(generation), total: Math.round((Date.now() - started) / 1000) },
    workbooks: Object.fromEntries([...sets.values()].map((s) => [s.name, setSummary(s)])),
    figures,
    table: text.split('\n'),
    profiles: profiles ?? undefined,
    details: raw,
  };
  writeFileSync(join(RESULTS, resultFile), `${JSON.stringify(result, null, 2)}\n`);
  // The short table, as the README's "Performance" section shows it.
  const headline = figures.filter((f) => f.headline);
  const m = machine();
  writeFileSync(
    join(RESULTS, resultFile.replace(/\.json$/, '.md')),
    `<!-- Written by \`npm run bench\` on ${result.date}: ${m.cpu}, ${m.cores} cores, Node.js ${m.node}. Every figure: bench/results/${resultFile}. -->\n\n${table(headline)}\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
