/**
 * What one run of the core remembers from one workbook to the next: memos of pure functions (a label's
 * fold, a name's key, a blank form's header), and nothing else. The command line makes one for a run over
 * a ward's files, the add-in one per check, the bench one per pass; `checkWorkbook` makes its own when
 * given none. No module of the core keeps state of its own, so a result is a function of its input
 * alone, and what a run remembers goes away with the run.
 */

/**
 * A bounded memo: cleared, not evicted one by one, when full. The texts that repeat (headers, titles,
 * choices) come back at once; names, which do not repeat across a ward, only fill it.
 */
export class Memo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(typeof key === 'string' ? (ownCopy(key) as K) : key, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * A text of its own. A cell's text is often cut from the text of a whole part of the file (the reader's
 * shared strings, a sheet), and a message built of pieces keeps every piece: kept for a whole run (a
 * memo's key, a ward's compact record), either would keep a part of every file alive. Texts too short to
 * be cut or built of pieces are kept as they are.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/**
 * The name of one kind of memo a run keeps: a module declares it once (a constant, with how to make an
 * empty one) and asks the run for its own. The key is immutable; the memo it names lives in the run.
 */
export interface MemoKind<T> {
  readonly name: string;
  readonly make: () => T;
}

export function memoKind<T>(name: string, make: () => T): MemoKind<T> {
  return Object.freeze({ name, make });
}

/** Labels, titles, choices and names folded in a run: bounded, as before they were per process. */
export const TEXT_MEMO_LIMIT = 20_000;

export class RunContext {
  private readonly memos = new Map<MemoKind<unknown>, unknown>();
  /** `foldLabel` of the texts this run has folded. */
  readonly folds = new Memo<string, string>(TEXT_MEMO_LIMIT);

  /** This run's memo of a kind, made empty the first time it is asked for. */
  memo<T>(kind: MemoKind<T>): T {
    let found = this.memos.get(kind as MemoKind<unknown>) as T | undefined;
    if (found === undefined) {
      found = kind.make();
      this.memos.set(kind as MemoKind<unknown>, found);
    }
    return found;
  }
}

export function newRunContext(): RunContext {
  return new RunContext();
}
