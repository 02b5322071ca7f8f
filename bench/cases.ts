/**
 * The command line's cases: one entry per thing a clerk waits for, each measured as a whole process
 * (wall time, CPU time = user + sys, peak memory) beside its yardsticks, run in the same loop and
 * alternated with it, so that every ratio is CPU over CPU of the same moment.
 *
 * To add a row, add an entry to CLI_CASES (or ENGINE_CASES): name its input (a generated set, by its
 * SetDef, or files of the repository), the command, the yardsticks, the targets. bench/run.ts does the
 * rest (generating the set, timing, the figures, the README's table when `headline`).
 */
import { join } from 'node:path';
import type { SetDef } from './workbooks';

/**
 * What a case is compared with, each a child process timed like the case:
 * - `floor`: inflating every part of every input file with zlib (bench/floor.ts) — no reader can do less;
 * - `exceljs`: reading every input file with ExcelJS (bench/bare-read.ts), as `loadXlsx` does;
 * - `node`: a Node.js process that does nothing (bench/nothing.ts), for the cost of starting at all.
 */
export type Yardstick = 'floor' | 'exceljs' | 'node';

export interface CaseTargets {
  /** CPU of the case ÷ CPU of a yardstick, median of the pairs, at most this. */
  readonly ratio?: { readonly yardstick: Yardstick; readonly max: number };
  /** Peak memory of every run below this many MB. */
  readonly peakMb?: number;
  /** CPU of the case ÷ CPU of the case named by `baseline`, medians, at most this. */
  readonly vsBaseline?: number;
  /** CPU seconds (median) below this. */
  readonly cpuSeconds?: number;
}

export interface CliCase {
  /** Figure ids are `cli.<id>.…`; also the name of its scratch output under bench/build/out. */
  readonly id: string;
  /** What the table calls it: "xeploai check --json, ward". */
  readonly label: string;
  /** Which `--only` section runs it (cli, single, example, out, or a new one listed in run.ts SECTIONS). */
  readonly section: string;
  /** A generated set (made once under bench/workbooks), or files of the repository (paths from its root). */
  readonly input: { readonly set: SetDef } | { readonly files: readonly string[]; readonly members?: number };
  /** The arguments after `xeploai`, given the input files (relative to `cwd`) and a scratch folder. */
  readonly args: (files: readonly string[], scratch: string) => string[];
  readonly yardsticks: readonly Yardstick[];
  /** Runs (an upper bound: `--reps` lowers it; `--quick` makes it at most 2). Default 5. */
  readonly reps?: number;
  /** Also in `--quick` (otherwise only in a full run). */
  readonly quick?: boolean;
  /** Another case's id: its CPU median is this case's yardstick too (check --out against check). */
  readonly baseline?: string;
  /** The ratio's label in the table (default: this case's label ÷ the other's). */
  readonly baselineLabel?: string;
  readonly targets?: CaseTargets;
  /** The first run's stdout is a JSON report that must hold every file and member of the set. */
  readonly verify?: boolean;
  /** A run past either bound is killed and reported (the bench never hangs on one). */
  readonly watchdog?: { readonly megabytes: number; readonly seconds: number };
  /** In the README's short table. */
  readonly headline?: boolean;
  /** The size column; default: members and files of the input. */
  readonly size?: string;
}

export interface EngineCase {
  readonly id: string;
  readonly label: string;
  readonly set: SetDef;
  readonly reps?: number;
  readonly quick?: boolean;
  /** CPU seconds of one pass over the set (median) below this. */
  readonly targetSeconds?: number;
  readonly headline?: boolean;
}

const n0 = (n: number): string => n.toLocaleString('en-US');

export const wardSet = (n: number): SetDef => ({ name: `ward-${n}`, kind: 'ward', total: n, seed: n, grids: true });
export const singleSet = (n: number): SetDef => ({ name: `single-${n}`, kind: 'single', total: n, seed: n + 1, grids: true });
/** A ward of rule set hd43-2025 (issue 14): chi bộ of 25 members with scores and task figures (src/xlsx/wardExample.ts). */
export const ward25Set = (n: number): SetDef => ({ name: `ward25-${n}`, kind: 'ward', total: n, seed: n, grids: true, ruleSet: 'hd43-2025' });

/** The chi bộ of examples/: a real workbook as a clerk has it. */
export const EXAMPLE = join('examples', 'chi-bo-thanh-khe-2017.xlsx');

const check = (files: readonly string[]): string[] => ['check', ...files, '--json'];

export const ENGINE_CASES: readonly EngineCase[] = [
  ...[1_000, 20_000, 100_000].map((n) => ({ id: `ward.${n}`, label: 'engine, ward', set: wardSet(n), quick: n === 1_000, reps: n >= 100_000 ? 5 : undefined, targetSeconds: n === 100_000 ? 0.5 : undefined, headline: n === 100_000 })),
  ...[1_000, 20_000, 100_000].map((n) => ({ id: `single.${n}`, label: 'engine, single workbook', set: singleSet(n), quick: n === 1_000, reps: n >= 100_000 ? 3 : undefined, targetSeconds: n === 100_000 ? 0.5 : undefined, headline: n === 100_000 })),
  // Rule set hd43-2025 (issue 14): the same engine over a 2025 ward (scores, task figures, Bộ tiêu chí).
  ...[1_000, 20_000].map((n) => ({ id: `ward25.${n}`, label: 'engine, ward (hd43-2025)', set: ward25Set(n), quick: n === 1_000 })),
];

export const CLI_CASES: readonly CliCase[] = [
  {
    id: 'example',
    label: 'xeploai check --json, the example chi bộ',
    section: 'example',
    input: { files: [EXAMPLE] },
    args: check,
    yardsticks: ['node'],
    quick: true,
    targets: { ratio: { yardstick: 'node', max: 3 } },
    headline: true,
    size: 'examples/ (1 chi bộ)',
  },
  ...[1_000, 20_000, 100_000].map(
    (n): CliCase => ({
      id: `ward.${n}`,
      label: 'xeploai check --json, ward',
      section: 'cli',
      input: { set: wardSet(n) },
      args: check,
      yardsticks: ['floor', 'exceljs'],
      reps: n >= 100_000 ? 3 : n >= 20_000 ? 3 : 5,
      quick: n === 1_000,
      verify: true,
      targets: { ratio: { yardstick: 'floor', max: 5 }, ...(n === 100_000 ? { peakMb: 1024 } : {}) },
      headline: n === 100_000,
    }),
  ),
  ...[1_000, 20_000, 100_000].map(
    (n): CliCase => ({
      id: `single.${n}`,
      label: 'xeploai check --json, single workbook',
      section: 'single',
      input: { set: singleSet(n) },
      args: check,
      yardsticks: ['floor', 'exceljs'],
      reps: n >= 100_000 ? 3 : 5,
      quick: n === 1_000,
      verify: true,
      targets: { ratio: { yardstick: 'floor', max: 5 }, ...(n === 100_000 ? { peakMb: 1024 } : {}) },
      headline: n === 100_000,
    }),
  ),
  // Rule set hd43-2025 (issue 14): a 2025 ward checked, and combined (`aggregate`: the 20 % cap over the ward, M25-20).
  ...[1_000, 20_000].map(
    (n): CliCase => ({
      id: `ward25.${n}`,
      label: 'xeploai check --json, ward (hd43-2025)',
      section: 'cli',
      input: { set: ward25Set(n) },
      args: check,
      yardsticks: ['floor', 'exceljs'],
      reps: n >= 20_000 ? 3 : 5,
      quick: n === 1_000,
      verify: true,
      targets: { ratio: { yardstick: 'floor', max: 5 } },
    }),
  ),
  ...[1_000, 20_000].map(
    (n): CliCase => ({
      id: `aggregate25.${n}`,
      label: 'xeploai aggregate --json, ward (hd43-2025)',
      section: 'cli',
      input: { set: ward25Set(n) },
      args: (files, scratch) => ['aggregate', ...files, '--out', join(scratch, `tong-hop-25-${n}.xlsx`), '--json'],
      yardsticks: ['floor'],
      baseline: `ward25.${n}`,
      reps: n >= 20_000 ? 3 : 5,
      quick: n === 1_000,
      verify: true,
    }),
  ),
  // check --out: the checked copy written beside the check; compared with the plain check of the same file.
  ...[1_000, 100_000].map(
    (n): CliCase => ({
      id: `out.single.${n}`,
      label: 'xeploai check --out, single workbook',
      section: 'out',
      input: { set: singleSet(n) },
      args: (files, scratch) => ['check', ...files, '--out', join(scratch, `out-single-${n}.xlsx`)],
      yardsticks: [],
      baseline: `single.${n}`,
      baselineLabel: 'check --out ÷ check --json of the same file',
      // Minutes a run until --out writes from what was read (issue 15): one run of the biggest.
      reps: n >= 100_000 ? 1 : 3,
      quick: n === 1_000,
      targets: { vsBaseline: 2, peakMb: 1024 },
      watchdog: { megabytes: 6 * 1024, seconds: 400 },
      headline: n === 100_000,
    }),
  ),
];

export function caseSize(c: CliCase, files: number, members: number | null): string {
  if (c.size) return c.size;
  return `${members === null ? '' : `${n0(members)} `}(${n0(files)} file${files === 1 ? '' : 's'})`;
}
