/**
 * Queues writes and decides when to sync. A check is a fixed plan of steps (see checkInExcel.ts): each
 * step ends with one sync, and a step's requests go out in that one sync unless they would pass Excel on
 * the web's 5 MB request limit. Then the writer syncs early, and that sync counts as the next step's:
 * a step that overflows borrows the following step's round trip instead of adding one, so the number
 * of syncs grows only when the whole plan no longer fits.
 *
 * Callers tell the writer, before queuing a call, roughly how many bytes it adds (`room`), with the
 * estimates below; they follow what office.js puts in a request (an action per call, an object path
 * per object created, arguments as JSON).
 */
import { PAYLOAD_BUDGET } from './api';

/** An object created by a call (`getRange`, `.format`): its Instantiate action and its object path. */
export const OBJECT_BYTES = 190;
/** One property set or method call on an object that exists: the action and its name. */
export const CALL_BYTES = 110;

/** UTF-8 bytes of a text (Vietnamese letters take 2–3 bytes), without building the encoding. */
export function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Bytes of a value sent as JSON. */
export const jsonBytes = (value: unknown): number => utf8Bytes(JSON.stringify(value) ?? 'null');

export class BatchWriter {
  private bytes = 0;
  private pending = false;
  /** Syncs made so far by this writer. */
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET,
  ) {}

  /** Makes room for a call of `bytes`: sends what is queued first if the call would not fit with it. */
  async room(bytes: number): Promise<void> {
    if (this.pending && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
    this.pending = true;
  }

  /** Counts bytes already queued (no sync before them). */
  add(bytes: number): void {
    this.bytes += bytes;
    this.pending = true;
  }

  /** Sends what is queued if it is near the limit; else nothing happens. */
  async flushIfFull(): Promise<void> {
    if (this.bytes >= this.budget) await this.flush();
  }

  async flush(): Promise<void> {
    this.bytes = 0;
    this.pending = false;
    this.syncs++;
    await this.context.sync();
  }

  /**
   * Ends step `step` (1-based) of the plan: syncs what is queued, unless earlier overflows already made
   * that many syncs (then it rides with the next step).
   */
  async endStep(step: number): Promise<void> {
    if (this.pending && this.syncs < step) await this.flush();
  }

  get hasPending(): boolean {
    return this.pending;
  }
}
