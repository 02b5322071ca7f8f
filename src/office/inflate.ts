/**
 * A raw-DEFLATE inflater for the task pane, so that the project's own reader (src/xlsx/fastRead.ts)
 * reads the chi bộ files the clerk picks, as the command line does with Node's zlib
 * (src/xlsx/package/inflateNode.ts). The browser's own DecompressionStream is asynchronous and the
 * reader's inflater is not; pako (already in the pane's bundle through JSZip, which ExcelJS uses) is.
 */
import { Inflate } from 'pako/lib/inflate';
import { FastReadUnsupported } from '../xlsx/errors';
import type { RawInflater } from '../xlsx/package/zip';

/** Thrown from inside pako's output callback to stop inflating as soon as the cap is passed. */
const OVER_CAP = Symbol('over the cap');

/** At most `maxOutputLength` bytes: null as soon as the output would be longer (a bomb costs no more than the cap). */
export const inflateBrowser: RawInflater = (raw, maxOutputLength) => {
  const inflator = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  const chunks: Uint8Array[] = [];
  let length = 0;
  inflator.onData = (chunk: Uint8Array) => {
    length += chunk.length;
    if (length > maxOutputLength) throw OVER_CAP;
    chunks.push(chunk);
  };
  try {
    inflator.push(raw, true);
  } catch (err) {
    if (err === OVER_CAP) return null;
    throw err;
  }
  // Damaged data: ExcelJS decides, and words the clerk's line for a file that is not readable.
  if (inflator.err) throw new FastReadUnsupported(`damaged compressed data (${inflator.msg || inflator.err})`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};
