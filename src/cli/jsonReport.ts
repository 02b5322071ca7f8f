/**
 * The `check --json` report written as the files are checked (issue 15, "stream the ward"): each file's
 * issues, members, chi bộ and leaders are stringified as soon as it is checked and its results dropped, so
 * memory stays flat in the number of files. The text is exactly `writeJson(buildReport(…))`'s; a section
 * that grows past SPILL characters goes on to a temporary file, read back when the report is written.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type ReportParts, reportFiles, reportRuleSet } from '../core/report';

/** Characters held in memory per section before it spills to a temporary file. */
const SPILL = 1 << 20;
const BLOCK = 1 << 20;

const indent = (text: string, pad: string): string => pad + text.replace(/\n/g, `\n${pad}`);

class Section {
  private count = 0;
  private chunks: string[] = [];
  private size = 0;
  private fd: number | null = null;

  constructor(
    private readonly spillPath: () => string,
    private readonly limit: number,
  ) {}

  get length(): number {
    return this.count;
  }

  add(items: readonly unknown[]): void {
    for (const item of items) {
      const piece = `${this.count > 0 ? ',\n' : ''}${indent(JSON.stringify(item, null, 2), '    ')}`;
      this.count++;
      this.chunks.push(piece);
      this.size += piece.length;
    }
    if (this.size > this.limit) this.spill();
  }

  private spill(): void {
    if (this.fd === null) this.fd = openSync(this.spillPath(), 'w+');
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  async pipe(out: (text: string) => unknown): Promise<void> {
    if (this.fd === null) {
      await out(this.chunks.join(''));
      return;
    }
    this.spill();
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(BLOCK);
    for (let at = 0; ; ) {
      const n = readSync(this.fd, buffer, 0, BLOCK, at);
      if (n === 0) break;
      at += n;
      await out(decoder.write(buffer.subarray(0, n)));
    }
    const rest = decoder.end();
    if (rest) await out(rest);
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

  /** `spill`: characters per section kept in memory (tests make it small to exercise the files). */
  constructor(spill = SPILL) {
    const path = (name: string) => () => {
      if (this.dir === null) this.dir = mkdtempSync(join(tmpdir(), 'xeploai-json-'));
      return join(this.dir, name);
    };
    const section = (name: string) => new Section(path(name), spill);
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
      head += files.length ? `[\n${files.map((f) => indent(JSON.stringify(f, null, 2), '    ')).join(',\n')}\n  ],\n` : '[],\n';
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
