/**
 * A measured child process reports its own resource use when it exits: peak resident memory (max RSS,
 * as `/usr/bin/time -v` shows it) and CPU time, written as JSON to the file named by BENCH_RUSAGE.
 */
import { writeFileSync } from 'node:fs';

export interface Usage {
  readonly maxRssKb: number;
  readonly userMs: number;
  readonly systemMs: number;
}

export function reportUsageAtExit(): void {
  const target = process.env.BENCH_RUSAGE;
  if (!target) return;
  process.on('exit', () => {
    const u = process.resourceUsage();
    const usage: Usage = { maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 };
    writeFileSync(target, JSON.stringify(usage));
  });
}
