/**
 * What XếpLoại reads of one workbook at most, so that a damaged or hostile file is refused within
 * seconds, in one line, instead of exhausting the memory (issue 12). Each limit is far above what a
 * chi bộ or a ward produces: the benchmark's single workbook of 100,000 members (bench/generate.ts) is
 * 10 MB on disk, 75 MB unpacked, its largest part (the roll) 31 MB. The memory a limit allows is what
 * matters: the shared strings' text may be kept whole while the model lives (V8 keeps the cells'
 * strings as slices of it), twice its size in memory once one character is outside Latin-1 (a sheet is
 * scanned as bytes and dropped: its cells keep only the pieces they decode), so the parts read together
 * stay under 192 MB, and a hostile file peaks under 1 GB.
 */

/** The file itself, before anything is unpacked. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;
/** One part (a sheet's XML, the shared strings) once decompressed. */
export const MAX_PART_BYTES = 128 * 1024 * 1024;
/** All the parts read from one file, decompressed. */
export const MAX_UNPACKED_BYTES = 192 * 1024 * 1024;
/** Cells holding a value, over all sheets of a workbook. */
export const MAX_VALUE_CELLS = 8_000_000;
/** Shared strings (each cell's text is one of these, or inline). */
export const MAX_SHARED_STRINGS = 4_000_000;
/** Cells covered by merged areas, over all sheets (a chi bộ's forms merge a few headings). */
export const MAX_MERGED_CELLS = 10_000_000;
/** Rows over all sheets: each sheet's rows up to its last value, empty ones included. */
export const MAX_GRID_ROWS = 4 * 1_048_576;
/** Excel's own grid: a cell beyond it is not in any workbook Excel wrote or can open. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** The limits by name, for the one-line message and for tests and the benchmark. */
export const READ_LIMITS = {
  MAX_FILE_BYTES,
  MAX_PART_BYTES,
  MAX_UNPACKED_BYTES,
  MAX_VALUE_CELLS,
  MAX_SHARED_STRINGS,
  MAX_MERGED_CELLS,
  MAX_GRID_ROWS,
  EXCEL_MAX_ROWS,
  EXCEL_MAX_COLUMNS,
} as const;

/** `268435456` → `256 MB`; counts with thousands separators as a Vietnamese reader writes them. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function count(n: number): string {
  return n.toLocaleString('vi-VN');
}
