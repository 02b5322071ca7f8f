/**
 * The engine alone: `checkWorkbook` over grids already in memory (the models the command line gets
 * from the files), one workbook after another on one core. A first, cold pass over the whole set
 * (reported apart: coldSeconds, coldCpuSeconds), then `reps` warm passes; a garbage collection before each.
 *
 *   node --expose-gc engine.js SET_DIR REPS   → one JSON line: { members, files, seconds: [...], cpuSeconds: [...], coldCpuSeconds }
 */
import { checkWorkbook, newRunContext } from '../src/core/check';
import { loadSetGrids } from './grids';

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function run(dir: string, reps: number): void {
  const grids = loadSetGrids(dir);
  const models = grids.map((g) => g.model);
  let checked = 0;
  let issues = 0;
  const pass = (upTo = models.length): number => {
    // Fresh sheet objects each pass (same values): what the engine derives per sheet, such as the folded
    // header rows, must be paid again, as when a clerk checks a workbook just read.
    const fresh = models.slice(0, upTo).map((m) => ({ sheets: m.sheets.map((s) => ({ ...s })) }));
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    checked = 0;
    issues = 0;
    // One run per pass, as `xeploai check` makes one for its files: nothing is remembered from the pass before.
    const run = newRunContext();
    for (const model of fresh) {
      const result = checkWorkbook(model, undefined, run);
      checked += result.members.length;
      issues += result.issues.length;
    }
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(c0);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    return elapsed;
  };
  // CPU time of the process alongside the wall clock: when the machine is busy, the wall clock waits.
  const cpuSeconds: number[] = [];
  collect();
  // The first pass over the whole set is the cold one (nothing compiled yet): what a command-line check of
  // the set pays. Then the warm passes, each a run of its own (its memos start empty, core/run.ts).
  const coldSeconds = pass();
  const coldCpuSeconds = cpuSeconds[0];
  const seconds: number[] = [];
  for (let i = 0; i < reps; i++) {
    collect();
    seconds.push(pass());
  }
  const members = grids.reduce((s, g) => s + g.members, 0);
  process.stdout.write(`${JSON.stringify({ files: grids.length, members, membersChecked: checked, issues, warmUp: coldSeconds, coldSeconds, coldCpuSeconds, seconds, cpuSeconds: cpuSeconds.slice(1) })}\n`);
}

run(process.argv[2], Number(process.argv[3] ?? 5));
