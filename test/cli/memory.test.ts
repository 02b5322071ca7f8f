/** cli/memory.ts: a full collection after a large check, a few times at most over many files. */
import { LARGE_HEAP, LargeCheckCollector } from '../../src/cli/memory';

const MB = 1024 * 1024;

/** A heap that grows by what each check leaves and shrinks to `live` when collected. */
function simulated(live: (n: number) => number) {
  let used = 0;
  let collections = 0;
  const collector = new LargeCheckCollector(
    () => used,
    () => {
      collections++;
      used = live(collections);
      return true;
    },
  );
  return {
    check(leaves: number): boolean {
      used += leaves;
      return collector.afterCheck();
    },
    get collections() {
      return collections;
    },
  };
}

describe('a full collection after a large check (cli/memory.ts)', () => {
  it('never for a ward of small files whose heap stays under the threshold', () => {
    const heap = simulated(() => 0);
    for (let i = 0; i < 3000; i++) heap.check(LARGE_HEAP / 4000);
    expect(heap.collections).toBe(0);
  });

  it('once after one large check', () => {
    const heap = simulated(() => 300 * MB);
    expect(heap.check(800 * MB)).toBe(true);
    expect(heap.collections).toBe(1);
  });

  it('over many files whose results stay (aggregate), only when the heap has doubled since the last collection', () => {
    // Each file leaves 1 MB of which 0.5 MB stays live.
    let live = 0;
    const heap = simulated(() => live);
    for (let i = 0; i < 2000; i++) {
      live += 0.5 * MB;
      heap.check(MB);
    }
    // 1 GB of garbage and 1 GB of growth over the run: a handful of collections, not one per file.
    expect(heap.collections).toBeGreaterThan(0);
    expect(heap.collections).toBeLessThanOrEqual(6);
  });

  it('where V8 offers no collection, nothing happens and the next check is asked again', () => {
    let asked = 0;
    const collector = new LargeCheckCollector(
      () => 900 * MB,
      () => {
        asked++;
        return false;
      },
    );
    expect(collector.afterCheck()).toBe(false);
    expect(collector.afterCheck()).toBe(false);
    expect(asked).toBe(2);
  });
});
