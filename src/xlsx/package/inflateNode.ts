/** Node's raw-DEFLATE inflater for the package reader (the command line). */
import { inflateRawSync } from 'node:zlib';
import { FastReadUnsupported } from '../errors';
import type { RawInflater } from './zip';

export const inflateNode: RawInflater = (raw, maxOutputLength) => {
  try {
    // zlib stops as soon as the output would pass the cap: a 3 GB bomb costs no more than the cap.
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, maxOutputLength) });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'ERR_BUFFER_TOO_LARGE') return null;
    // Damaged data: ExcelJS decides, and words the clerk's line for a file that is not readable.
    if (code.startsWith('Z_')) throw new FastReadUnsupported(`damaged compressed data (${code})`);
    throw err;
  }
};
