/**
 * The benchmark's workbook sets under bench/workbooks/ (gitignored): made once, reused while the
 * generator and the template are unchanged (their source is hashed into each set's manifest), made
 * again with `--fresh`.
 */
import { createHash } from 'node:crypto';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planWard, SINGLE_FILE, wardFileName } from './generate';
import { ward25Plan } from '../src/xlsx/wardExample';
import type { GenJob } from './gen-worker';
import { ROOT, BUILD } from './paths';

export interface SetDef {
  /** Folder name under bench/workbooks. */
  readonly name: string;
  readonly kind: 'ward' | 'single';
  readonly total: number;
  readonly seed: number;
  readonly grids: boolean;
  readonly warnings?: boolean;
  readonly misspelt?: number;
  /** A ward of rule set hd43-2025 (src/xlsx/wardExample.ts), chi bộ of 25 members. */
  readonly ruleSet?: 'hd43-2025';
}

export interface SetInfo {
  readonly name: string;
  readonly dir: string;
  readonly kind: 'ward' | 'single';
  readonly members: number;
  readonly files: readonly string[];
  readonly bytes: number;
  readonly chiBoSizes: { readonly min: number; readonly median: number; readonly max: number } | null;
  readonly faultyFiles: Readonly<Record<string, number>>;
  readonly misspelt: number;
  readonly generatedSeconds: number | null;
  readonly reused: boolean;
}

export const WORKBOOKS = join(ROOT, 'bench', 'workbooks');

/** What the sets depend on: the generator, the template and the forms it writes. */
const SOURCES = ['bench/generate.ts', 'bench/gen-worker.ts', 'src/xlsx/wardExample.ts', 'src/xlsx/fill.ts', 'src/xlsx/template.ts', 'src/xlsx/renderLayout.ts', 'src/core/output/template.ts', 'src/core/output/layout.ts', 'src/core/forms/definitions.ts'];

function sourceHash(): string {
  const h = createHash('sha1');
  for (const f of SOURCES) {
    const p = join(ROOT, f);
    h.update(f);
    h.update(existsSync(p) ? readFileSync(p) : '');
  }
  return h.digest('hex').slice(0, 12);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runJob(job: GenJob, heapMb: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(join(BUILD, 'bench', 'gen-worker.js'), [JSON.stringify(job)], { execArgv: [`--max-old-space-size=${heapMb}`], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generation of ${job.dir} part ${job.part} failed (exit ${code})`))));
  });
}

/** Runs jobs, at most `parallel` at a time. */
async function pool(jobs: readonly (() => Promise<void>)[], parallel: number): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(parallel, jobs.length) }, async () => {
    while (next < jobs.length) await jobs[next++]();
  });
  await Promise.all(lanes);
}

function describe(def: SetDef, dir: string, generatedSeconds: number | null, reused: boolean): SetInfo {
  const plan = def.kind !== 'ward' ? null : def.ruleSet ? ward25Plan(def.total, def.seed).members.map((members, index) => ({ index, members, fault: null })) : planWard(def.total, def.seed);
  const files = plan ? plan.map((s) => wardFileName(s.index)) : [SINGLE_FILE];
  const faultyFiles: Record<string, number> = {};
  for (const s of plan ?? []) if (s.fault) faultyFiles[s.fault] = (faultyFiles[s.fault] ?? 0) + 1;
  const sizes = plan ? plan.map((s) => s.members) : null;
  return {
    name: def.name,
    dir,
    kind: def.kind,
    members: def.total,
    files,
    bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0),
    chiBoSizes: sizes ? { min: Math.min(...sizes), median: median(sizes), max: Math.max(...sizes) } : null,
    faultyFiles,
    misspelt: def.misspelt ?? 0,
    generatedSeconds,
    reused,
  };
}

/**
 * Makes the sets that are missing or stale (all of them with `fresh`), `parallel` generation processes
 * at a time, and describes every set.
 */
export async function ensureSets(defs: readonly SetDef[], options: { fresh: boolean; parallel: number; log: (line: string) => void }): Promise<Map<string, SetInfo>> {
  const version = sourceHash();
  const out = new Map<string, SetInfo>();
  const todo: SetDef[] = [];
  for (const def of defs) {
    const dir = join(WORKBOOKS, def.name);
    const manifest = join(dir, 'manifest.json');
    const current = existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string; def?: SetDef }).version === version;
    const sameDef = current && JSON.stringify((JSON.parse(readFileSync(manifest, 'utf8')) as { def: SetDef }).def) === JSON.stringify(def);
    if (!options.fresh && current && sameDef) out.set(def.name, describe(def, dir, null, true));
    else todo.push(def);
  }
  if (todo.length === 0) return out;
  options.log(`Generating ${todo.map((d) => d.name).join(', ')} under bench/workbooks/ (reused by later runs; --fresh makes them again)…`);
  const started = new Map<string, number>();
  const jobs: (() => Promise<void>)[] = [];
  const remaining = new Map<string, number>();
  // Biggest first, so that the lanes finish together.
  for (const def of [...todo].sort((a, b) => b.total - a.total)) {
    const dir = join(WORKBOOKS, def.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // A big ward is split over every lane; a single workbook is one job (with a large heap).
    const parts = def.kind === 'ward' && def.total > 2000 ? options.parallel : 1;
    remaining.set(def.name, parts);
    const heap = def.kind === 'single' && def.total >= 50_000 ? 12_288 : 4_096;
    for (let part = 0; part < parts; part++) {
      jobs.push(async () => {
        if (!started.has(def.name)) started.set(def.name, Date.now());
        await runJob({ dir, kind: def.kind, total: def.total, seed: def.seed, part, parts, grids: def.grids, warnings: def.warnings, misspelt: def.misspelt, ...(def.ruleSet ? { ruleSet: def.ruleSet } : {}) }, heap);
        const left = (remaining.get(def.name) ?? 1) - 1;
        remaining.set(def.name, left);
        if (left === 0) {
          const seconds = (Date.now() - (started.get(def.name) ?? Date.now())) / 1000;
          writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ version, def, generatedSeconds: seconds }, null, 2)}\n`);
          out.set(def.name, describe(def, dir, seconds, false));
          options.log(`  ${def.name}: ${seconds.toFixed(1)} s`);
        }
      });
    }
  }
  await pool(jobs, options.parallel);
  return out;
}
