/**
 * Reading a ZIP package's parts by name, with the decompression capped per part and per file. No Node
 * and no DOM: the raw-DEFLATE inflater is handed in (Node's zlib on the command line, see
 * inflateNode.ts), so the same reader can run wherever a synchronous inflater exists.
 */
import { FastReadUnsupported } from '../errors';

/**
 * Inflates raw DEFLATE data, producing at most `maxOutputLength` bytes: returns null as soon as the
 * output would be longer, without inflating the rest. `expectedLength`, the size the ZIP directory
 * declares, is a hint only (a hostile file may lie): an inflater may size its output to it.
 */
export type RawInflater = (raw: Uint8Array, maxOutputLength: number, expectedLength?: number) => Uint8Array | null;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** As the central directory declares it: a hostile file may lie, so inflation is capped anyway. */
  readonly declaredSize: number;
  readonly localHeader: number;
  /** The CRC-32 of the uncompressed part, as the central directory declares it (a raw copy keeps it). */
  readonly crc32: number;
  /** The general-purpose bit flags (bit 3: sizes in a data descriptor; bit 11: UTF-8 name). */
  readonly flags: number;
  /** Last modified, as MS-DOS time and date (kept by a copy of the part). */
  readonly dosTime: number;
  readonly dosDate: number;
}

/** A part is larger than the limit allows once decompressed (`limit` names which one). */
export class PartTooLarge extends Error {
  constructor(
    readonly part: string,
    readonly limit: 'part' | 'file',
  ) {
    super(`${part}: decompressed size over the ${limit} limit`);
  }
}

function u16(data: Uint8Array, at: number): number {
  return data[at] | (data[at + 1] << 8);
}

function u32(data: Uint8Array, at: number): number {
  return (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16)) + data[at + 3] * 0x1000000;
}

/** A ZIP64 field; past 2^53 it is no file this reader could hold anyway. */
function u64(data: Uint8Array, at: number): number {
  return u32(data, at) + u32(data, at + 4) * 0x100000000;
}

const FULL16 = 0xffff;
const FULL32 = 0xffffffff;

const decoder = new TextDecoder('utf-8');

/** An entry's name, `\` read as `/` and without a leading `/`; a plain ASCII name (nearly all) without a decoder. */
function entryName(data: Uint8Array, from: number, to: number): string {
  let plain = to - from <= 256 && data[from] !== 47;
  for (let i = from; plain && i < to; i++) if (data[i] >= 0x80 || data[i] === 92) plain = false;
  if (plain) return String.fromCharCode.apply(null, data.subarray(from, to) as unknown as number[]);
  return decoder.decode(data.subarray(from, to)).replace(/\\/g, '/').replace(/^\//, '');
}

export class ZipPackage {
  readonly entries = new Map<string, ZipEntry>();
  /** Lower-case name → the name as stored (OPC part names are case-insensitive). */
  private readonly folded = new Map<string, string>();
  private unpacked = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly inflate: RawInflater,
    private readonly partLimit: number,
    private readonly fileLimit: number,
  ) {
    const minEnd = Math.max(0, data.length - 65_557);
    let end = -1;
    for (let i = data.length - 22; i >= minEnd; i--) {
      if (u32(data, i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new FastReadUnsupported('not a zip');
    let count = u16(data, end + 10);
    let at = u32(data, end + 16);
    if (count === FULL16 || at === FULL32 || u32(data, end + 12) === FULL32) {
      // ZIP64 (large archives, some writers always): the real figures are in the ZIP64 end record,
      // found through the locator just before the end record. Read here too, so that no such file
      // goes to a reader without limits.
      const locator = end - 20;
      if (locator < 0 || u32(data, locator) !== 0x07064b50) throw new FastReadUnsupported('zip64 without its locator');
      const record = u64(data, locator + 8);
      if (record + 56 > data.length || u32(data, record) !== 0x06064b50) throw new FastReadUnsupported('zip64 end record missing');
      count = u64(data, record + 32);
      at = u64(data, record + 48);
    }
    for (let n = 0; n < count; n++) {
      if (at + 46 > data.length || u32(data, at) !== 0x02014b50) throw new FastReadUnsupported('bad central directory');
      const flags = u16(data, at + 8);
      const method = u16(data, at + 10);
      const dosTime = u16(data, at + 12);
      const dosDate = u16(data, at + 14);
      const crc32 = u32(data, at + 16);
      let compressedSize = u32(data, at + 20);
      let declaredSize = u32(data, at + 24);
      const nameLength = u16(data, at + 28);
      const extraLength = u16(data, at + 30);
      const commentLength = u16(data, at + 32);
      let localHeader = u32(data, at + 42);
      if (flags & 1) throw new FastReadUnsupported('encrypted entry');
      if (compressedSize === FULL32 || declaredSize === FULL32 || localHeader === FULL32) {
        // The ZIP64 extra field holds, in this order, each figure that is all ones above.
        const extra = at + 46 + nameLength;
        let found = false;
        for (let e = extra; e + 4 <= extra + extraLength && e + 4 <= data.length; e += 4 + u16(data, e + 2)) {
          if (u16(data, e) !== 0x0001) continue;
          let field = e + 4;
          const next = (): number => {
            const value = u64(data, field);
            field += 8;
            return value;
          };
          if (declaredSize === FULL32) declaredSize = next();
          if (compressedSize === FULL32) compressedSize = next();
          if (localHeader === FULL32) localHeader = next();
          found = true;
          break;
        }
        if (!found) throw new FastReadUnsupported('zip64 entry without its extra field');
      }
      const name = entryName(data, at + 46, at + 46 + nameLength);
      this.entries.set(name, { name, method, compressedSize, declaredSize, localHeader, crc32, flags, dosTime, dosDate });
      this.folded.set(name.toLowerCase(), name);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  entry(path: string): ZipEntry | undefined {
    return this.entries.get(path) ?? this.entries.get(this.folded.get(path.toLowerCase()) ?? '');
  }

  /** A part's stored (compressed) bytes and method, without inflating them. */
  stored(path: string): { readonly method: number; readonly data: Uint8Array } | null {
    const entry = this.entry(path);
    if (!entry) return null;
    const data = this.data;
    const at = entry.localHeader;
    if (at + 30 > data.length || u32(data, at) !== 0x04034b50) throw new FastReadUnsupported('bad local header');
    const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
    const end = start + entry.compressedSize;
    if (end > data.length) throw new FastReadUnsupported('truncated entry');
    return { method: entry.method, data: data.subarray(start, end) };
  }

  /** The part's bytes, or null when the package has no such part. Throws PartTooLarge past a limit. */
  bytes(path: string): Uint8Array | null {
    const entry = this.entry(path);
    if (!entry) return null;
    const room = Math.min(this.partLimit, this.fileLimit - this.unpacked);
    const limit = room === this.partLimit ? 'part' : 'file';
    // The declared size refuses most oversized parts before any work; the cap below catches a lie.
    if (entry.declaredSize > room) throw new PartTooLarge(path, limit);
    const raw = (this.stored(path) as { data: Uint8Array }).data;
    let out: Uint8Array | null;
    if (entry.method === 0) out = raw.length > room ? null : raw;
    else if (entry.method === 8) out = this.inflate(raw, room, entry.declaredSize);
    else throw new FastReadUnsupported(`compression method ${entry.method}`);
    // An inflater handed in may not stop at the cap: its output is held to it all the same.
    if (out === null || out.length > room) throw new PartTooLarge(path, limit);
    this.unpacked += out.length;
    return out;
  }

  text(path: string): string | null {
    const bytes = this.bytes(path);
    return bytes === null ? null : decoder.decode(bytes);
  }
}
