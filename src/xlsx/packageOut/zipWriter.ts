/**
 * A ZIP package written straight to a file: parts copied as their stored (compressed) bytes, and new or
 * edited parts deflated piece by piece as they are produced, so that neither the package nor a large
 * part is ever held whole in memory. Node only (a file descriptor, zlib).
 *
 * A new part is deflated in pieces of about a megabyte, each compressed on its own and ended with a sync
 * flush (no final block), the last one finished: the pieces together are one valid raw DEFLATE stream
 * (as pigz does), the dictionary restarting at each piece (a fraction of a percent of size).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { constants, deflateRawSync } from 'node:zlib';
import type { ZipEntry } from '../package/zip';

/** Bytes of text gathered before they are deflated as one piece. */
const PIECE = 1 << 20;
/** Text shorter than this is copied into a buffer of its own (between the copied bytes of a flagged sheet). */
const SMALL = 64 * 1024;
/**
 * zlib's level for new parts: 3, not ExcelJS/JSZip's 6. On the result sheet of 100,000 members (80 MB
 * of XML) level 6 costs 0.44 s of CPU for 7.8 MB, level 3 0.20 s for 8.7 MB: the copy is 10 % larger
 * where the command line's time matters more.
 */
const LEVEL = 3;
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

interface Written {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/** An MS-DOS time and date for new parts: now, as the other writers stamp them. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A declared limit of this writer (the command line then writes the copy through ExcelJS). */
export class ZipTooLarge extends Error {}

export class ZipFileWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly now = dosNow();

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  private write(data: Uint8Array, position?: number): void {
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, position === undefined ? null : position + done);
    if (position === undefined) this.offset += data.length;
  }

  private localHeader(name: Buffer, flags: number, method: number, time: number, date: number, crc: number, compressed: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(time, 10);
    h.writeUInt16LE(date, 12);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return h;
  }

  private checkRoom(extra: number): void {
    if (this.offset + extra > 0xfffffff0 || this.written.length >= 0xfffe) throw new ZipTooLarge('the copy would need ZIP64');
  }

  private nameBytes(name: string): { name: Buffer; utf8: number } {
    const bytes = Buffer.from(name, 'utf8');
    return { name: bytes, utf8: bytes.length !== name.length ? 0x800 : 0 };
  }

  /** A part of the original package, its stored bytes as they are (no inflating, no deflating). */
  copy(entry: ZipEntry, stored: Uint8Array): void {
    this.checkRoom(stored.length);
    const { name, utf8 } = this.nameBytes(entry.name);
    // Bit 3 (sizes after the data) is dropped: the sizes are known and written in the header.
    const flags = (entry.flags & ~0x08) | utf8;
    const offset = this.offset;
    this.write(this.localHeader(name, flags, entry.method, entry.dosTime, entry.dosDate, entry.crc32, stored.length, entry.declaredSize));
    this.write(name);
    this.write(stored);
    this.written.push({ name, flags, method: entry.method, dosTime: entry.dosTime, dosDate: entry.dosDate, crc: entry.crc32, compressed: stored.length, size: entry.declaredSize, offset });
  }

  /** A new part, deflated as `produce` hands over its text or bytes. */
  part(partName: string, produce: (sink: PartSink) => void): void {
    const { name, utf8 } = this.nameBytes(partName);
    const offset = this.offset;
    // The header first, with zeros where the sizes go; filled in once the part is written.
    this.write(this.localHeader(name, utf8, 8, this.now.time, this.now.date, 0, 0, 0));
    this.write(name);
    const sink = new PartSink((piece) => {
      this.checkRoom(piece.length);
      this.write(piece);
    });
    produce(sink);
    const { crc, compressed, size } = sink.finish();
    if (size > 0xfffffff0) throw new ZipTooLarge('a part over 4 GB');
    this.write(this.localHeader(name, utf8, 8, this.now.time, this.now.date, crc, compressed, size), offset);
    this.written.push({ name, flags: utf8, method: 8, dosTime: this.now.time, dosDate: this.now.date, crc, compressed, size, offset });
  }

  /** The central directory, then the file is closed. */
  finish(): void {
    const start = this.offset;
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(w.flags, 8);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt16LE(w.dosTime, 12);
      h.writeUInt16LE(w.dosDate, 14);
      h.writeUInt32LE(w.crc >>> 0, 16);
      h.writeUInt32LE(w.compressed, 20);
      h.writeUInt32LE(w.size, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt32LE(w.offset, 42);
      this.write(h);
      this.write(w.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    this.close();
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Where a new part's text and bytes go: gathered into pieces of about a megabyte, each deflated and
 * handed on, with the CRC and size counted on the way.
 */
export class PartSink {
  private texts: string[] = [];
  private textLength = 0;
  private buffers: Uint8Array[] = [];
  private bufferLength = 0;
  private crc = 0;
  private size = 0;
  private compressed = 0;
  private scratch: Buffer | null = null;

  constructor(private readonly out: (piece: Uint8Array) => void) {}

  text(s: string): void {
    if (s.length === 0) return;
    this.texts.push(s);
    this.textLength += s.length;
    if (this.textLength >= PIECE) this.moveText();
  }

  bytes(b: Uint8Array): void {
    if (b.length === 0) return;
    if (this.textLength > 0) this.moveText();
    this.buffers.push(b);
    this.bufferLength += b.length;
    if (this.bufferLength >= PIECE) this.deflate(false);
  }

  private moveText(): void {
    const text = this.texts.join('');
    this.texts = [];
    this.textLength = 0;
    if (text.length < SMALL) {
      const buf = Buffer.from(text, 'utf8');
      this.buffers.push(buf);
      this.bufferLength += buf.length;
      if (this.bufferLength >= PIECE) this.deflate(false);
      return;
    }
    // A large piece of text (a result sheet's rows) is encoded into one reused buffer and deflated at
    // once: a new buffer per megabyte would leave the garbage collector 80 MB to find on a big sheet.
    if (this.bufferLength > 0) this.deflate(false);
    const room = text.length * 3;
    if (!this.scratch || this.scratch.length < room) this.scratch = Buffer.allocUnsafe(room);
    const n = this.scratch.write(text, 0, 'utf8');
    this.buffers.push(this.scratch.subarray(0, n));
    this.bufferLength = n;
    this.deflate(false);
  }

  private deflate(last: boolean): void {
    const buf = this.buffers.length === 1 ? this.buffers[0] : Buffer.concat(this.buffers);
    this.buffers = [];
    this.bufferLength = 0;
    this.crc = crc(buf, this.crc);
    this.size += buf.length;
    const out = deflateRawSync(buf, { level: LEVEL, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    this.compressed += out.length;
    this.out(out);
  }

  finish(): { crc: number; compressed: number; size: number } {
    if (this.textLength > 0) {
      const buf = Buffer.from(this.texts.join(''), 'utf8');
      this.texts = [];
      this.textLength = 0;
      this.buffers.push(buf);
    }
    this.deflate(true);
    return { crc: this.crc, compressed: this.compressed, size: this.size };
  }
}

/** CRC-32 (zlib's from Node 20.15; a table otherwise). */
const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc(data: Uint8Array, previous: number): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data, previous);
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
