/**
 * The `aggregate --json` report written from compact records (issue 15, "stream the ward"). Each file's
 * members and chi bộ are stringified as soon as it is checked and spooled (past BUFFER bytes, to a
 * temporary file), so that only a compact record of the file stays in memory (core/aggregate.ts
 * `compactResult`). The item of a member the ward's cap may change is marked, and once the ward is
 * combined it is read back and the cap's change applied to it (`appliedCap`). The text is exactly
 * `writeJson(buildWardReport(…))`'s (test/cli/aggregateCompact.test.ts).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appliedCap, type CappedView, mayBeCapped, type MemberView, type WardFileResult, type WardResult } from '../core/aggregate';
import type { CheckResult, MemberResult } from '../core/check';
import type { ReaderInfo } from '../core/grid';
import { wardReportSections } from '../core/report';
import { itemsAtDepth2, jsonEntries, writeEntry } from './json';
import { copyUtf16, pipeUtf16, UTF16 } from './utf16';

/** Bytes of text (UTF-16) held in memory per section before they go to a temporary file. */
const BUFFER = 1 << 21;
/** Bytes read back from a temporary file at a time (even: whole UTF-16 code units). */
const BLOCK = 1 << 21;
/** Characters handed to the output at a time. */
const CHUNK = 1 << 16;

/** An array's item as `writeJson` writes it (JSON.stringify's null for what JSON has no value for). */
const item = (value: unknown): string => itemsAtDepth2([value]);

/** A member's item in the section (without the comma before it) that the ward's cap may change. */
interface Region {
  readonly file: number;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/**
 * One section of the report: its items' text in order. Each item is copied into a buffer as soon as it is
 * stringified (so its text dies young), and the buffer goes to a temporary file when it is full: a small
 * report never touches the disk. The items of members the ward's cap may change are marked (`Region`), to
 * be read back and changed when the section is written.
 */
class Spool {
  private count = 0;
  private buffer: Buffer | null = null;
  private used = 0;
  private fd: number | null = null;
  /** Bytes in the temporary file. */
  private written = 0;
  private readonly regions: Region[] = [];

  constructor(
    private readonly spillPath: () => string,
    private readonly size: number,
    private readonly block: number,
  ) {}

  get length(): number {
    return this.count;
  }

  /** The next item; `member` marks it as the member the ward's cap may change. */
  add(value: unknown, member?: { readonly file: number; readonly index: number }): void {
    if (this.count > 0) this.copy(',\n');
    const start = this.written + this.used;
    this.copy(item(value));
    if (member) this.regions.push({ ...member, start, end: this.written + this.used });
    this.count++;
  }

  /** The text at the end of the section (as UTF-16, utf16.ts: a character's offset is twice its index). */
  private copy(text: string): void {
    const buffer = (this.buffer ??= Buffer.allocUnsafe(this.size));
    this.used = copyUtf16(text, buffer, this.used, (full) => {
      this.used = full;
      this.spill();
      return this.used;
    });
  }

  /** The buffer's bytes at the end of the temporary file; the buffer is free again. */
  private spill(): void {
    if (this.buffer === null || this.used === 0) return;
    if (this.fd === null) this.fd = openSync(this.spillPath(), 'w+');
    for (let done = 0; done < this.used; ) done += writeSync(this.fd, this.buffer, done, this.used - done, this.written + done);
    this.written += this.used;
    this.used = 0;
  }

  /**
   * The section's text through `out`, in pieces of about CHUNK characters; each marked member's item as
   * `change` gives it (null: unchanged).
   */
  async pipe(change: (region: Region, text: string) => string | null, out: (text: string) => unknown): Promise<void> {
    let pending = '';
    const emit = async (text: string): Promise<void> => {
      pending += text;
      if (pending.length >= CHUNK) {
        const piece = pending;
        pending = '';
        await out(piece);
      }
    };
    // Up to `n` bytes of the section from `at`: from the temporary file, or the buffer when nothing was spilled.
    let read: (at: number, n: number, into?: Buffer) => Buffer;
    if (this.fd !== null) {
      this.spill();
      const fd = this.fd;
      const block = Buffer.allocUnsafe(this.block);
      read = (at, n, into = block) => {
        const got = readSync(fd, into, 0, Math.min(n, into.length), at);
        if (got === 0) throw new Error(`the temporary file of the report ended early (${at} of ${this.written} bytes)`);
        return into.subarray(0, got);
      };
    } else {
      read = (at, n) => (this.buffer as Buffer).subarray(at, at + n);
    }
    const copy = (from: number, to: number): Promise<void> => pipeUtf16(read, from, to, emit);
    // One member's item, whole.
    const text = (from: number, to: number): string => {
      const whole = Buffer.allocUnsafe(to - from);
      for (let at = from; at < to; ) at += read(at, to - at, whole.subarray(at - from)).copy(whole, at - from);
      return whole.toString(UTF16);
    };
    let at = 0;
    for (const region of this.regions) {
      await copy(at, region.start);
      const before = text(region.start, region.end);
      await emit(change(region, before) ?? before);
      at = region.end;
    }
    await copy(at, this.written + this.used);
    if (pending) await out(pending);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** A checked file as the ward's report reads it once the ward is combined. */
export interface WardReportFile {
  readonly path: string;
  readonly result: WardFileResult;
  readonly reader?: ReaderInfo;
}

export class WardJsonStream {
  private readonly members: Spool;
  private readonly chiBo: Spool;
  private files = 0;
  private dir: string | null = null;

  /**
   * `buffer`: bytes of text per section kept in memory before they go to a temporary file; `block`: bytes
   * read back at a time (tests make them small to exercise the files and their edges).
   */
  constructor({ buffer = BUFFER, block = BLOCK }: { buffer?: number; block?: number } = {}) {
    const path = (name: string) => () => {
      if (this.dir === null) this.dir = mkdtempSync(join(tmpdir(), 'xeploai-ward-json-'));
      return join(this.dir, name);
    };
    // Whole code units; a block has room for a surrogate pair held back and one more code unit.
    const size = Math.max(2, buffer & ~1);
    const evenBlock = Math.max(4, block & ~1);
    this.members = new Spool(path('members'), size, evenBlock);
    this.chiBo = new Spool(path('chiBo'), size, evenBlock);
  }

  /** The temporary folder, while sections are spilled there (tests check it goes). */
  get spillFolder(): string | null {
    return this.dir;
  }

  /** The next file's members and chi bộ, from its whole check result; those the ward's cap may change are marked. */
  add(result: CheckResult): void {
    const file = this.files++;
    result.members.forEach((m, index) => this.members.add(m, mayBeCapped(result, m) ? { file, index } : undefined));
    for (const c of result.chiBoResults) this.chiBo.add(c);
  }

  /**
   * The whole report, as `writeJson(buildWardReport(checked, ward))` writes it from the whole results: `files`
   * are the compact records of the files added, in the same order; then the temporary files go.
   */
  async write(files: readonly WardReportFile[], ward: WardResult<MemberView>, out: (text: string) => unknown): Promise<void> {
    try {
      // The report takes each file's members after the cap by path: a path given twice takes the last.
      const byPath = new Map(ward.memberResults.map((m) => [m.path, m.members]));
      const change = (region: Region, text: string): string | null => {
        const after = (byPath.get(files[region.file].path) ?? [])[region.index] as Partial<CappedView> | undefined;
        return after?.capChange ? item(appliedCap(JSON.parse(text) as MemberResult, after.capChange)) : null;
      };
      const { head, tail } = wardReportSections(files, ward);
      const entries = jsonEntries({ ...head, members: this.members, chiBo: this.chiBo, ...tail });
      await out('{\n');
      for (const [i, [key, value]] of entries.entries()) {
        const last = i === entries.length - 1;
        // The spooled sections as they were spooled, with the cap's changes; the rest as writeJson writes it.
        if (!(value instanceof Spool)) {
          await writeEntry(key, value, last, out);
          continue;
        }
        const comma = last ? '' : ',';
        if (value.length === 0) {
          await out(`  ${JSON.stringify(key)}: []${comma}\n`);
          continue;
        }
        await out(`  ${JSON.stringify(key)}: [\n`);
        await value.pipe(change, out);
        await out(`\n  ]${comma}\n`);
      }
      await out('}\n');
    } finally {
      this.close();
    }
  }

  close(): void {
    this.members.close();
    this.chiBo.close();
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
