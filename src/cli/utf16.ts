/**
 * Text kept in temporary files by the streamed reports (jsonReport.ts, wardJson.ts), as UTF-16: V8's own
 * two-byte strings (JSON.stringify makes one of any text with a Vietnamese letter) copied out and back
 * without decoding. UTF-8 would halve the files, but decoding it back cost more than the rest of the
 * spill; Node's StringDecoder('utf16le') is not used, as it splits surrogate pairs when a block has an
 * odd length.
 */
export const UTF16 = 'utf16le';

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/**
 * Copies `text` into `buffer` from byte `used`; `flush(used)` writes a full buffer away and returns the
 * bytes still used (0). Returns the bytes used after the copy. UTF-16 copies code units as they are, so a
 * piece may be cut anywhere, even inside a surrogate pair.
 */
export function copyUtf16(text: string, buffer: Buffer, used: number, flush: (used: number) => number): number {
  for (let from = 0; from < text.length; ) {
    if (used + 2 > buffer.length) used = flush(used);
    const bytes = buffer.write(from === 0 ? text : text.slice(from), used, UTF16);
    used += bytes;
    from += bytes / 2;
  }
  return used;
}

/**
 * Bytes [from, to) of UTF-16 text as text, through `out` a read at a time: `read(at, n)` gives up to `n`
 * bytes from `at` (at least 4 while that many remain). Each piece is whole code units and never ends on
 * the first half of a surrogate pair, so that standard output encodes it on its own.
 */
export async function pipeUtf16(read: (at: number, n: number) => Buffer, from: number, to: number, out: (text: string) => unknown): Promise<void> {
  for (let at = from; at < to; ) {
    const bytes = read(at, to - at);
    let n = bytes.length & ~1;
    if (n > 2 && at + n < to && isHighSurrogate(bytes.readUInt16LE(n - 2))) n -= 2;
    at += n;
    await out(bytes.toString(UTF16, 0, n));
  }
}
