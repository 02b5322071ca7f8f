/**
 * A full garbage collection after a large check. A check of 100,000 members leaves some 500 MB of garbage
 * (its reading) on a heap V8 has grown to hold it, and V8 lets the heap grow further before it collects:
 * the report or the checked copy would be built on top of that garbage, and the process's peak passed
 * 1 GB. One collection between the check and what follows keeps the peak near the live data (measured on
 * the 100,000-member workbook: `check --json` 1,010-1,040 MB without, about 790 MB with, for no more CPU).
 * A ward's files are small and never reach the threshold. Where V8 does not offer it, nothing happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 1024 * 1024;

/** At least this much heap in use before a collection is worth forcing. */
export const LARGE_HEAP = 256 * MB;

/** One full collection now, where V8 allows it; false where it does not. */
export function collectGarbage(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    return true;
  } catch {
    return false;
  }
}

/**
 * Collects after a check when the heap holds at least LARGE_HEAP and more than twice what the last
 * collection left: a run over many files collects a few times at most, never after every file.
 */
export class LargeCheckCollector {
  private threshold = LARGE_HEAP;

  constructor(
    private readonly heapUsed: () => number = () => process.memoryUsage().heapUsed,
    private readonly collect: () => boolean = collectGarbage,
  ) {}

  /** After a check: collects if the heap has grown past the threshold; true when it did. */
  afterCheck(): boolean {
    if (this.heapUsed() < this.threshold) return false;
    if (!this.collect()) return false;
    this.threshold = Math.max(LARGE_HEAP, 2 * this.heapUsed());
    return true;
  }
}
