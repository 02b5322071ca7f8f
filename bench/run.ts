/**
 * `npm run bench`: builds the workbooks (once), measures, prints the table, writes
 * bench/results/latest.json. A benchmark, not a test: a missed target is reported, never an exit status.
 * The exit status is non-zero only when the harness itself could not measure (a crash, a build failure).
 *
 *   npm run bench                    everything (≈ 10 minutes on 2 cores once the workbooks exist)
 *   npm run bench -- --fresh         make the workbooks again
 *   npm run bench -- --quick         the small sizes only, 2 runs each (a minute or two, for trying changes)
 *   npm run bench -- --only engine,office
 *                                    sections: engine, cli, single, example, out, office, bundle, hostile
 *                                    (the command line's cases, bench/cases.ts, each belong to cli, single,
 *                                    example or out)
 *                                    (hostile: the hostile workbooks of test/fixtures/bad, one run each, peak memory
 *                                    and time; in --quick too: they are built in seconds and each answers in seconds)
 *   npm run bench -- --reps 3        runs per figure (default 5; the big command-line runs use fewer)
 *   npm run bench -- --readme        a full run, then its short table (with how busy the machine was)
 *                                    replaces the README's, between its bench:table markers
 *   npm run bench -- --profile       also write CPU profiles (node --cpu-prof) of the engine and of
 *                                    `xeploai check` on the biggest ward to bench/build/profiles/
 */
import { spawn } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem, release, platform } from 'node:os';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundle, type BundleResult } from './bundle';
import { paneStartup, type PaneStartup } from './pane';
import { hotspots, type Hotspot } from './profile';
import { type Figure, figure, format, median, table } from './report';
import { BUILD, RESULTS, ROOT } from './paths';
import type { Usage } from './rusage';
import { ensureSets, type SetDef, type SetInfo } from './workbooks';
import { CLI_CASES, ENGINE_CASES, caseSize, type CliCase, type EngineCase, type Yardstick } from './cases';
import { BAD_CASES, writeCases } from '../test/fixtures/bad/generate';

interface Options {
  fresh: boolean;
  quick: boolean;
  profile: boolean;
  reps: number;
  only: Set<string>;
  readme: boolean;
}

/** `--only` names; the command line's cases (bench/cases.ts) each name one of cli, single, example, out. */
const SECTIONS = ['engine', 'cli', 'single', 'example', 'out', 'office', 'bundle', 'hostile'];

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { fresh: false, quick: false, profile: false, reps: 5, only: new Set(SECTIONS), readme: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fresh') o.fresh = true;
    else if (a === '--quick') o.quick = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--reps') o.reps = Math.max(1, Number(argv[++i]));
    else if (a === '--only') o.only = new Set(argv[++i].split(','));
    else if (a === '--readme') o.readme = true;
    else throw new Error(`unknown option ${a} (see the top of bench/run.ts)`);
  }
  if (o.quick) o.reps = Math.min(o.reps, 2);
  for (const name of o.only) if (!SECTIONS.includes(name)) throw new Error(`unknown section ${name} (sections: ${SECTIONS.join(', ')})`);
  if (o.readme && (o.quick || o.only.size < SECTIONS.length)) throw new Error('--readme rewrites the README\'s table from a full run: not with --quick or --only');
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

const OFFICE_SIZES = [50, 5_000, 50_000];
const FLAG_MEMBERS = 5_000;
const FLAG_CELLS = [10, 10_000];

const inRun = (o: Options, c: { quick?: boolean }): boolean => !o.quick || c.quick === true;

/** The engine cases and command-line cases this run measures (a case's baseline comes along with it). */
function chosenCases(o: Options): { engine: EngineCase[]; cli: CliCase[] } {
  const engine = o.only.has('engine') ? ENGINE_CASES.filter((c) => inRun(o, c)) : [];
  const cli = CLI_CASES.filter((c) => o.only.has(c.section) && inRun(o, c));
  for (const c of [...cli]) {
    const base = c.baseline ? CLI_CASES.find((b) => b.id === c.baseline) : undefined;
    if (base && !cli.includes(base)) cli.splice(cli.indexOf(c), 0, base);
  }
  return { engine, cli };
}

function setDefs(o: Options): SetDef[] {
  const defs = new Map<string, SetDef>();
  const { engine, cli } = chosenCases(o);
  for (const c of engine) defs.set(c.set.name, c.set);
  for (const c of cli) if ('set' in c.input) defs.set(c.input.set.name, c.input.set);
  if (o.only.has('office')) {
    const offices = o.quick ? [50, 5_000] : OFFICE_SIZES;
    for (const n of offices) defs.set(`office-${n}`, { name: `office-${n}`, kind: 'single', total: n, seed: n + 2, grids: false });
    for (const k of FLAG_CELLS) defs.set(`flags-${k}`, { name: `flags-${k}`, kind: 'single', total: FLAG_MEMBERS, seed: 77, grids: false, warnings: false, misspelt: k });
  }
  return [...defs.values()];
}

// ---------------------------------------------------------------------------------------------------
// 1. The engine alone

const n0 = (n: number): string => n.toLocaleString('en-US');
const cpuOf = (run: ChildRun): number => ((run.usage?.userMs ?? NaN) + (run.usage?.systemMs ?? NaN)) / 1000;

async function engineFigures(o: Options, sets: Map<string, SetInfo>, figures: Figure[], raw: Record<string, unknown>): Promise<void> {
  const cases = chosenCases(o).engine;
  const biggest = Math.max(...cases.map((c) => c.set.total));
  for (const c of cases) {
    const set = sets.get(c.set.name);
    if (!set) continue;
    const reps = Math.min(c.reps ?? 5, o.reps);
    log(`engine: ${set.name} (${n0(set.members)} members in ${n0(set.files.length)} workbook${set.files.length > 1 ? 's' : ''}), ${reps} runs…`);
    const run = await runNode([script('engine'), set.dir, String(reps)], { nodeArgs: ['--expose-gc', '--max-old-space-size=8192'] });
    if (run.code !== 0) throw new Error(`engine benchmark failed on ${set.name}: ${run.stderr.slice(-2000)}`);
    if (o.profile && c.set.total === biggest) {
      // A run of its own: the profiler's overhead stays out of the figures.
      log(`  profiling (one more, untimed run)…`);
      await runNode([script('engine'), set.dir, '1'], { nodeArgs: ['--expose-gc', '--max-old-space-size=8192', '--cpu-prof', `--cpu-prof-dir=${join(BUILD, 'profiles')}`, `--cpu-prof-name=engine-${c.id}.cpuprofile`] });
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop() as string) as { files: number; members: number; membersChecked: number; issues: number; warmUp: number; coldSeconds: number; coldCpuSeconds: number; seconds: number[]; cpuSeconds: number[] };
    raw[`engine-${c.id}`] = r;
    const size = set.kind === 'ward' ? `${n0(set.members)} (${n0(r.files)} chi bộ)` : `${n0(set.members)} (1 chi bộ)`;
    const cpu = median(r.cpuSeconds);
    figures.push(
      figure({
        id: `engine.${c.id}.seconds`,
        section: '1',
        label: `${c.label}: time`,
        size,
        unit: 's',
        runs: r.seconds,
        cpu: r.cpuSeconds,
        target: c.targetSeconds !== undefined ? { text: `< ${c.targetSeconds} s CPU`, met: cpu < c.targetSeconds } : null,
        headline: c.headline,
      }),
      figure({ id: `engine.${c.id}.cold`, section: '1', label: `${c.label}: first pass (cold)`, size, unit: 's', runs: [r.coldSeconds], cpu: [r.coldCpuSeconds], target: null, headline: c.headline }),
      figure({ id: `engine.${c.id}.rate`, section: '1', label: `${c.label}: members/s (CPU)`, size, unit: 'members/s', runs: r.cpuSeconds.map((s) => r.members / s), target: null, headline: c.headline && set.kind === 'ward' }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. The command line, case by case (bench/cases.ts), beside its yardsticks

const YARDSTICK: Record<Yardstick, { script: string; label: string }> = {
  floor: { script: 'floor', label: 'floor (zlib inflates every part)' },
  exceljs: { script: 'bare-read', label: 'ExcelJS bare read' },
  node: { script: 'nothing', label: 'node, doing nothing' },
};

async function cliFigures(o: Options, sets: Map<string, SetInfo>, figures: Figure[], raw: Record<string, unknown>): Promise<void> {
  const cases = chosenCases(o).cli;
  const scratch = join(BUILD, 'out');
  mkdirSync(scratch, { recursive: true });
  const cpuMedians = new Map<string, number>();
  const biggestWard = Math.max(...cases.filter((c) => c.section === 'cli' && 'set' in c.input).map((c) => ('set' in c.input ? c.input.set.total : 0)));
  for (const c of cases) {
    let dir = ROOT;
    let files: readonly string[];
    let members: number | null;
    let set: SetInfo | undefined;
    if ('set' in c.input) {
      set = sets.get(c.input.set.name);
      if (!set) continue;
      dir = set.dir;
      files = set.files;
      members = set.members;
    } else {
      files = c.input.files;
      members = c.input.members ?? null;
    }
    const reps = Math.max(1, Math.min(c.reps ?? 5, o.reps));
    const bytes = files.reduce((t, f) => t + statSync(join(dir, f)).size, 0);
    log(`command line: ${c.id} (${members === null ? '' : `${n0(members)} members, `}${n0(files.length)} file${files.length > 1 ? 's' : ''}, ${(bytes / 1024 / 1024).toFixed(1)} MB), ${reps} runs${c.yardsticks.length ? ` of it and of ${c.yardsticks.join(', ')}` : ''}…`);
    const stdoutFile = join(scratch, `${c.id}.out`);
    const caseRun = (nodeArgs: string[] = []): Promise<ChildRun> => runNode([script('cli'), ...c.args(files, scratch)], { cwd: dir, stdoutFile, nodeArgs, watchdog: c.watchdog });
    const stickRun = (y: Yardstick): Promise<ChildRun> => runNode([script(YARDSTICK[y].script), ...(y === 'node' ? [] : files)], { cwd: dir });
    const runs: ChildRun[] = [];
    const sticks = new Map<Yardstick, ChildRun[]>(c.yardsticks.map((y) => [y, []]));
    let failure: string | null = null;
    for (let i = 0; i < reps; i++) {
      // Alternate which goes first, so that drift (caches, clock, other load) falls on both alike.
      const order: (Yardstick | 'case')[] = i % 2 === 0 ? [...c.yardsticks, 'case'] : ['case', ...c.yardsticks];
      const line: string[] = [];
      for (const what of order) {
        if (what === 'case') {
          const run = await caseRun();
          // Exit 1 is "errors found" (the faulty files); 2 is a file that could not be read, or a crash.
          if (run.code !== 0 && run.code !== 1) {
            const why = `exit ${run.code ?? 'signal'}: ${run.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 200) ?? ''}`;
            if (!c.watchdog) throw new Error(`xeploai ${c.id} failed (${why})`);
            failure ??= why;
          } else if (i === 0 && c.verify && set) verifyReport(stdoutFile, set);
          runs.push(run);
          line.push(`${c.id} ${run.seconds.toFixed(2)} s (CPU ${cpuOf(run).toFixed(2)} s), ${((run.usage?.maxRssKb ?? 0) / 1024).toFixed(0)} MB`);
        } else {
          const run = await stickRun(what);
          if (run.code !== 0) throw new Error(`${YARDSTICK[what].label} failed on ${c.id}: ${run.stderr.slice(-2000)}`);
          sticks.get(what)?.push(run);
          line.push(`${what} ${run.seconds.toFixed(2)} s (CPU ${cpuOf(run).toFixed(2)} s)`);
        }
      }
      log(`  run ${i + 1}: ${line.join('; ')}`);
    }
    if (o.profile && c.section === 'cli' && set && set.members === biggestWard) {
      log(`  profiling (one more, untimed run)…`);
      await caseRun(['--cpu-prof', `--cpu-prof-dir=${join(BUILD, 'profiles')}`, `--cpu-prof-name=cli-${c.id}.cpuprofile`]);
    }
    const cpu = runs.map(cpuOf);
    cpuMedians.set(c.id, median(cpu));
    raw[`cli-${c.id}`] = { args: c.args(files, '…'), runs: runs.map((r) => ({ seconds: r.seconds, exit: r.code, usage: r.usage })), yardsticks: Object.fromEntries([...sticks].map(([y, rs]) => [y, rs.map((r) => ({ seconds: r.seconds, usage: r.usage }))])) };
    const size = caseSize(c, files.length, members);
    const t = c.targets ?? {};
    figures.push(
      figure({
        id: `cli.${c.id}.time`,
        section: '2',
        label: `${c.label}: time`,
        size,
        unit: 's',
        runs: runs.map((r) => r.seconds),
        cpu,
        target: t.cpuSeconds !== undefined ? { text: `< ${t.cpuSeconds} s CPU`, met: median(cpu) < t.cpuSeconds } : null,
        note: failure ?? undefined,
        headline: c.headline,
      }),
    );
    for (const [y, rs] of sticks) {
      figures.push(figure({ id: `cli.${c.id}.${y}`, section: '2', label: `${YARDSTICK[y].label}: time`, size, unit: 's', runs: rs.map((r) => r.seconds), cpu: rs.map(cpuOf), target: null, headline: c.headline && y === t.ratio?.yardstick }));
      // Pair by pair, CPU over CPU: both ran back to back.
      const ratios = runs.map((r, i) => cpuOf(r) / cpuOf(rs[i]));
      const goal = t.ratio?.yardstick === y ? t.ratio.max : undefined;
      figures.push(
        figure({
          id: `cli.${c.id}.per.${y}`,
          section: '2',
          label: `${c.label} ÷ ${y === 'floor' ? 'floor' : y === 'exceljs' ? 'ExcelJS read' : 'node doing nothing'} (CPU)`,
          size,
          unit: 'ratio',
          runs: ratios,
          target: goal !== undefined ? { text: `≤ ${goal.toFixed(2)}×`, met: median(ratios) <= goal } : null,
          headline: c.headline,
        }),
      );
    }
    if (c.baseline) {
      const base = cpuMedians.get(c.baseline);
      const ratios = cpu.map((x) => x / (base ?? NaN));
      figures.push(
        figure({
          id: `cli.${c.id}.per.baseline`,
          section: '2',
          label: `${c.baselineLabel ?? `${c.label} ÷ ${CLI_CASES.find((b) => b.id === c.baseline)?.label ?? c.baseline}`} (CPU)`,
          size,
          unit: 'ratio',
          runs: ratios,
          target: t.vsBaseline !== undefined ? { text: `≤ ${t.vsBaseline.toFixed(2)}×`, met: !failure && median(ratios) <= t.vsBaseline } : null,
          headline: c.headline,
        }),
      );
    }
    const rss = runs.map((r) => (r.usage?.maxRssKb ?? NaN) / 1024);
    figures.push(
      figure({
        id: `cli.${c.id}.rss`,
        section: '2',
        label: `${c.label}: peak memory`,
        size,
        unit: 'MB',
        runs: rss,
        target: t.peakMb !== undefined ? { text: `< ${t.peakMb >= 1024 ? `${t.peakMb / 1024} GB (${t.peakMb} MB)` : `${t.peakMb} MB`}`, met: !failure && Math.max(...rss) < t.peakMb } : null,
        headline: c.headline && t.peakMb !== undefined,
      }),
    );
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
      figure({ id: `hostile.${c.id}.rss`, section: '5', label: `hostile ${c.id}: check peak memory`, size, unit: 'MB', runs: [mb], target: { text: '< 1 GB (1024 MB)', met: mb < HOSTILE_MB }, note: answer, headline: true }),
      figure({ id: `hostile.${c.id}.seconds`, section: '5', label: `hostile ${c.id}: check time`, size, unit: 's', runs: [run.seconds], cpu: [cpuOf(run)], target: { text: `< ${HOSTILE_SECONDS} s, exit ${expected}`, met: run.seconds < HOSTILE_SECONDS && run.code === expected } }),
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

/**
 * The machine's CPU time (all cores, in clock ticks) and the bench's own (itself and the processes it
 * waited for), read from /proc: null where there is no /proc (then only the load average is told).
 */
function cpuTicks(): { busy: number; total: number; own: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not work.
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const busy = total - fields[3] - fields[4];
    // /proc/self/stat: after the command's ")" come state and 12 more fields, then utime stime cutime cstime.
    const self = readFileSync('/proc/self/stat', 'utf8');
    const rest = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    const own = rest[11] + rest[12] + rest[13] + rest[14];
    return [total, busy, own].every(Number.isFinite) ? { busy, total, own } : null;
  } catch {
    return null;
  }
}

/**
 * How much of the machine others used while the bench measured, in cores on average: the machine's busy
 * time less the bench's own (the load average cannot tell them apart: the bench and its collector's
 * threads keep it near 2 on 2 cores by themselves).
 */
function othersCores(before: ReturnType<typeof cpuTicks>, after: ReturnType<typeof cpuTicks>): number | null {
  if (!before || !after || after.total <= before.total) return null;
  const cores = cpus().length;
  const others = after.busy - before.busy - (after.own - before.own);
  return Math.max(0, Math.round(((others * cores) / (after.total - before.total)) * 100) / 100);
}

interface Load {
  readonly median: number;
  readonly max: number;
  /** Others' work while measuring, in cores on average (null: not known on this system). */
  readonly others: number | null;
}

/**
 * Busy: others used more than a quarter of a core on average while the bench measured; where that is
 * not known, the 1-minute load average passed 75 % of the cores on the median sample.
 */
function busy(load: Load): boolean {
  if (load.others !== null) return load.others > 0.25;
  return load.median > Math.max(1.5, cpus().length * 0.75);
}

function measuredOn(date: string, m: ReturnType<typeof machine>, load: Load): string {
  const state = busy(load) ? 'a **busy** machine' : 'an idle machine';
  const others = load.others === null ? '' : `others' work beside the bench: ${load.others.toFixed(2)} of a core on average; `;
  return (
    `Measured on ${date} on ${state} (${others}1-minute load average while measuring: median ${load.median.toFixed(2)}, highest ${load.max.toFixed(2)}, ` +
    `on ${m.cores} cores, the bench's own processes and collector threads included): ${m.cpu}, Node.js ${m.node}. Min / median / max of the wall clock over the runs, ` +
    `then the median CPU time (user + sys) of the same runs; targets on time and every ratio are judged on CPU, pair by pair in the same run.`
  );
}

const README_START = '<!-- bench:table:start (npm run bench -- --readme rewrites what is between these lines) -->';
const README_END = '<!-- bench:table:end -->';

/** Replaces the README's table, between its two markers, with this run's. */
function writeReadmeTable(text: string): void {
  const path = join(ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < a) throw new Error(`README.md has no bench table markers (${README_START} … ${README_END})`);
  writeFileSync(path, `${readme.slice(0, a + README_START.length)}\n\n${text}\n\n${readme.slice(b)}`);
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
  // How busy the machine was while measuring (others' work stretches the wall clock, less the CPU time).
  const loads: number[] = [loadavg()[0]];
  const ticksBefore = cpuTicks();
  const sampler = setInterval(() => loads.push(loadavg()[0]), 10_000);
  sampler.unref();
  if (o.only.has('engine')) await engineFigures(o, sets, figures, raw);
  if (['cli', 'single', 'example', 'out'].some((x) => o.only.has(x))) await cliFigures(o, sets, figures, raw);
  if (o.only.has('office')) await officeFigures(o, sets, figures, raw);
  if (o.only.has('bundle')) bundle = await bundleFigures(o, figures, raw);
  if (o.only.has('hostile')) await hostileFigures(figures, raw);
  const measuring = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  loads.push(loadavg()[0]);
  const load: Load = { median: Math.round(median(loads) * 100) / 100, max: Math.round(Math.max(...loads) * 100) / 100, others: othersCores(ticksBefore, cpuTicks()) };
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
    loadAverage: { ...load, samples: loads.length, busy: busy(load) },
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
    `<!-- Written by \`npm run bench\` on ${result.date}: ${m.cpu}, ${m.cores} cores, Node.js ${m.node}. Every figure: bench/results/${resultFile}. -->\n\n${measuredOn(result.date, m, load)}\n\n${table(headline)}\n`,
  );
  if (o.readme) {
    writeReadmeTable(`${measuredOn(result.date, m, load)}\n\n${table(headline)}`);
    process.stdout.write('README.md: the table of "Performance" rewritten from this run.\n');
  }
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
