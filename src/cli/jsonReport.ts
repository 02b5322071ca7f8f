/**
 * The `check --json` report written as the files are checked (issue 15, "stream the ward"): each file's
 * issues, members, chi bộ and leaders are stringified as soon as it is checked and its results dropped, so
 * memory stays flat in the number of files. The text is exactly `writeJson(buildReport(…))`'s; a section
 * that grows past SPILL characters goes on to a temporary file, read back when the report is written.
 *
 * What it costs (issue 15: the report was 10 % of the ward's check): each section of a file is one call of
 * JSON.stringify, indented by JSON.stringify itself (itemsAtDepth2), never re-indented by a regex; a spill
 * is copied into one buffer as UTF-16, with no joined string and no UTF-8 to decode when it is read back.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReportParts, reportFiles, reportRuleSet } from '../core/report';
import { itemsAtDepth2 } from './json';
import { copyUtf16, pipeUtf16 } from './utf16';

/** Characters held in memory per section before it spills to a temporary file. */
const SPILL = 1 << 20;
/** Bytes read back from a temporary file at a time. */
const BLOCK = 1 << 16;
/** Bytes of the buffer a spill is copied into before it is written. */
const SCRATCH = 1 << 18;

class Section {
  private count = 0;
  private chunks: string[] = [];
  private size = 0;
  private fd: number | null = null;
  private written = 0;

  constructor(
    private readonly spillPath: () => string,
    private readonly limit: number,
    private readonly scratch: () => Buffer,
    private readonly block: number,
  ) {}

  get length(): number {
    return this.count;
  }

  add(items: readonly unknown[]): void {
    if (items.length === 0) return;
    const text = itemsAtDepth2(items);
    if (this.count > 0) {
      this.chunks.push(',\n');
      this.size += 2;
    }
    this.chunks.push(text);
    this.count += items.length;
    this.size += text.length;
    if (this.size > this.limit) this.spill();
  }

  private spill(): void {
    if (this.chunks.length === 0) return;
    if (this.fd === null) this.fd = openSync(this.spillPath(), 'w+');
    // Copied into one buffer and written a buffer at a time (as UTF-16, utf16.ts): no joined string, few
    // system calls.
    const scratch = this.scratch();
    let used = 0;
    for (const chunk of this.chunks) used = copyUtf16(chunk, scratch, used, (full) => this.flush(scratch, full));
    this.flush(scratch, used);
    this.chunks = [];
    this.size = 0;
  }

  /** Writes the first `used` bytes of `scratch` at the end of the temporary file; the scratch is free again. */
  private flush(scratch: Buffer, used: number): 0 {
    for (let done = 0; done < used; ) done += writeSync(this.fd as number, scratch, done, used - done, this.written + done);
    this.written += used;
    return 0;
  }

  async pipe(out: (text: string) => unknown): Promise<void> {
    if (this.fd === null) {
      await out(this.chunks.join(''));
      return;
    }
    this.spill();
    const buffer = Buffer.allocUnsafe(this.block);
    const read = (at: number, n: number): Buffer => {
      const got = readSync(this.fd as number, buffer, 0, Math.min(buffer.length, n), at);
      if (got < 2) throw new Error(`tệp tạm của báo cáo JSON bị cắt ngắn (the report's temporary file ended early: ${at} of ${this.written} bytes)`);
      return buffer.subarray(0, got);
    };
    await pipeUtf16(read, 0, this.written, out);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

const SECTIONS = ['issues', 'members', 'chiBo', 'leaders'] as const;

export class JsonReportStream {
  private readonly entries: ReportParts['entry'][] = [];
  private readonly sections: Record<(typeof SECTIONS)[number] | 'settings', Section>;
  private dir: string | null = null;

  /**
   * `spill`: characters per section kept in memory; `block`: bytes read back at a time; `scratch`: bytes
   * of the buffer a spill is copied into (tests make them small to exercise the files and their edges).
   */
  constructor(spill = SPILL, { block = BLOCK, scratch = SCRATCH }: { block?: number; scratch?: number } = {}) {
    const path = (name: string) => () => {
      if (this.dir === null) this.dir = mkdtempSync(join(tmpdir(), 'xeploai-json-'));
      return join(this.dir, name);
    };
    let buffer: Buffer | null = null;
    const shared = () => (buffer ??= Buffer.allocUnsafe(Math.max(2, scratch)));
    // Whole code units, and room for a surrogate pair held back and one more code unit.
    const section = (name: string) => new Section(path(name), spill, shared, Math.max(4, block & ~1));
    this.sections = { issues: section('issues'), members: section('members'), chiBo: section('chiBo'), leaders: section('leaders'), settings: section('settings') };
  }

  /** The temporary folder, while sections are spilled there (tests check it goes). */
  get spillFolder(): string | null {
    return this.dir;
  }

  add(parts: ReportParts): void {
    this.entries.push(parts.entry);
    for (const key of SECTIONS) this.sections[key].add(parts[key]);
    this.sections.settings.add(parts.settings);
  }

  /** The whole report, as `writeJson(buildReport(requested, …))` writes it; then the temporary files go. */
  async write(requested: string, out: (text: string) => unknown): Promise<void> {
    try {
      const ruleSet = reportRuleSet(requested, this.entries.map((e) => ({ result: { ruleSet: e.ruleSet } })));
      const files = reportFiles(this.entries, ruleSet);
      const keys: (keyof typeof this.sections)[] = [...SECTIONS, ...(this.sections.settings.length > 0 ? (['settings'] as const) : [])];
      let head = `{\n  "ruleSet": ${JSON.stringify(ruleSet)},\n  "files": `;
      head += files.length ? `[\n${itemsAtDepth2(files)}\n  ],\n` : '[],\n';
      await out(head);
      for (const [i, key] of keys.entries()) {
        const section = this.sections[key];
        const comma = i === keys.length - 1 ? '' : ',';
        if (section.length === 0) {
          await out(`  ${JSON.stringify(key)}: []${comma}\n`);
          continue;
        }
        await out(`  ${JSON.stringify(key)}: [\n`);
        await section.pipe(out);
        await out(`\n  ]${comma}\n`);
      }
      await out('}\n');
    } finally {
      this.close();
    }
  }

  close(): void {
    for (const s of Object.values(this.sections)) s.close();
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
