/** Node's raw-DEFLATE inflater for the package reader (the command line). */
import { inflateRawSync } from 'node:zlib';
import { FastReadUnsupported } from '../errors';
import type { RawInflater } from './zip';

/** DEFLATE makes at most about 1,032 bytes of one: a declared size past that is a lie, not a hint. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Parts up to this size come out in one piece. A larger one (a sheet of 100,000 members is 31 MB) keeps
 * zlib's 16 KB pieces: inflated into one buffer of its whole size, it saved 1 % of the time and the
 * check that followed peaked at twice the heap (480 MB → 1 GB, measured, several runs each way).
 */
const ONE_PIECE = 1024 * 1024;

export const inflateNode: RawInflater = (raw, maxOutputLength, expectedLength) => {
  const cap = Math.max(1, maxOutputLength);
  // A part of a usual size comes out in one buffer of the size the directory declares, when that size is
  // believable (zlib's default is a 16 KB buffer even for a 600-byte part, and pieces joined by a copy
  // for a larger one). One byte more than declared, so that the data ends before the buffer is full (a
  // full buffer makes zlib allocate another). A lie costs only the usual pieces, or a buffer within 1 MB.
  const hint = expectedLength !== undefined && expectedLength > 0 && expectedLength <= ONE_PIECE && expectedLength <= raw.length * MAX_DEFLATE_RATIO + 1024 ? Math.min(expectedLength, cap) + 1 : 0;
  try {
    // zlib stops as soon as the output would pass the cap: a 3 GB bomb costs no more than the cap.
    return hint >= 64 ? inflateRawSync(raw, { maxOutputLength: cap, chunkSize: hint }) : inflateRawSync(raw, { maxOutputLength: cap });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'ERR_BUFFER_TOO_LARGE') return null;
    // Damaged data: ExcelJS decides, and words the clerk's line for a file that is not readable.
    if (code.startsWith('Z_')) throw new FastReadUnsupported(`damaged compressed data (${code})`);
    throw err;
  }
};
