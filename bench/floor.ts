/**
 * The floor of reading a set of .xlsx files: a Node.js process that reads each file and inflates every
 * part of it with zlib, and nothing else — no XML read, no cell made. No reader of the files can do
 * less, so `xeploai check` ÷ this is what the check costs beyond the unavoidable. The ZIP directory is
 * read here, independently of src/xlsx/package, so that the floor does not move with the reader.
 *
 *   node floor.js FILE.xlsx...   → one JSON line: { files, parts, bytes }
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { reportUsageAtExit } from './rusage';

reportUsageAtExit();

const u16 = (b: Buffer, at: number): number => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number): number => b.readUInt32LE(at);

/** Inflates every stored or deflated entry named by the central directory; returns the parts and bytes. */
function inflateAll(data: Buffer): { parts: number; bytes: number } {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (u32(data, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = u16(data, eocd + 10);
  let at = u32(data, eocd + 16);
  let parts = 0;
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    if (u32(data, at) !== 0x02014b50) throw new Error('bad central directory');
    const method = u16(data, at + 10);
    const compressed = u32(data, at + 20);
    const nameLength = u16(data, at + 28);
    const extra = u16(data, at + 30);
    const comment = u16(data, at + 32);
    const local = u32(data, at + 42);
    const start = local + 30 + u16(data, local + 26) + u16(data, local + 28);
    const raw = data.subarray(start, start + compressed);
    const out = method === 8 ? inflateRawSync(raw) : raw;
    parts++;
    bytes += out.length;
    at += 46 + nameLength + extra + comment;
  }
  return { parts, bytes };
}

let parts = 0;
let bytes = 0;
const files = process.argv.slice(2);
for (const file of files) {
  const r = inflateAll(readFileSync(file));
  parts += r.parts;
  bytes += r.bytes;
}
process.stdout.write(`${JSON.stringify({ files: files.length, parts, bytes })}\n`);
