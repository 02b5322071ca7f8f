/**
 * A measured child process reports its own resource use when it exits: peak resident memory (its own
 * high-water mark where Linux gives it, else max RSS) and CPU time, written as JSON to the file named by
 * BENCH_RUSAGE.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Usage {
  readonly maxRssKb: number;
  readonly userMs: number;
  readonly systemMs: number;
}

/**
 * This process's own peak (Linux: VmHWM of /proc/self/status). getrusage's maxRSS survives exec on Linux:
 * a child starts with its parent's peak at fork, so a big parent would inflate every child's figure.
 */
function ownHighWaterKb(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) : null;
  } catch {
    return null;
  }
}

export function reportUsageAtExit(): void {
  const target = process.env.BENCH_RUSAGE;
  if (!target) return;
  process.on('exit', () => {
    const u = process.resourceUsage();
    const usage: Usage = { maxRssKb: ownHighWaterKb() ?? u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 };
    writeFileSync(target, JSON.stringify(usage));
  });
}
