/**
 * Queues writes and syncs only when the queued request nears Excel on the web's 5 MB limit, or at the
 * end. For an ordinary chi bộ that is one sync for all the writes; only tens of thousands of members
 * make a second one. Callers tell it roughly how many bytes each queued call adds.
 */
import { PAYLOAD_BUDGET } from './api';

export class BatchWriter {
  private bytes = 0;
  private pending = false;
  constructor(private readonly context: Excel.RequestContext, private readonly budget = PAYLOAD_BUDGET) {}

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
    await this.context.sync();
  }

  get hasPending(): boolean {
    return this.pending;
  }
}
