/**
 * A1 addresses as Excel writes and reads them: cells, rectangles, whole rows ("3:5"), whole columns
 * ("A:C"), and sheet names quoted the way Excel quotes them in `Range.address`.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive (A1 is row 0, column 0). */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export const rectCells = (r: Rect): number => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
export const rectContains = (r: Rect, row: number, col: number): boolean => row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
export const rectsIntersect = (a: Rect, b: Rect): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
export const isWholeColumns = (r: Rect): boolean => r.r0 === 0 && r.r1 === MAX_ROWS - 1;
export const isWholeRows = (r: Rect): boolean => r.c0 === 0 && r.c1 === MAX_COLS - 1;

/** `0 → A`, `27 → AB`. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const cellA1 = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

function cell(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref);
  if (!m) return null;
  const col = lettersToColumn(m[1]);
  const row = Number(m[2]) - 1;
  return row >= 0 && row < MAX_ROWS && col < MAX_COLS ? { row, col } : null;
}

/** Parses "B7", "A1:C3", "$A$1", "3:5" or "A:C" (no sheet part); null when it is none of these. */
export function parseRect(ref: string): Rect | null {
  const parts = ref.trim().split(':');
  if (parts.length === 1) {
    const c = cell(parts[0]);
    return c ? { r0: c.row, c0: c.col, r1: c.row, c1: c.col } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = cell(a);
  const cb = cell(b);
  if (ca && cb) return normalise(ca.row, ca.col, cb.row, cb.col);
  const colA = COLS.exec(a);
  const colB = COLS.exec(b);
  if (colA && colB) {
    const x = lettersToColumn(colA[1]);
    const y = lettersToColumn(colB[1]);
    return x < MAX_COLS && y < MAX_COLS ? normalise(0, x, MAX_ROWS - 1, y) : null;
  }
  const rowA = ROWS.exec(a);
  const rowB = ROWS.exec(b);
  if (rowA && rowB) {
    const x = Number(rowA[1]) - 1;
    const y = Number(rowB[1]) - 1;
    return x >= 0 && y >= 0 && x < MAX_ROWS && y < MAX_ROWS ? normalise(x, 0, y, MAX_COLS - 1) : null;
  }
  return null;
}

function normalise(ra: number, ca: number, rb: number, cb: number): Rect {
  return { r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
}

/** The A1 form Excel reports: "B7", "A1:C3", "3:5", "A:C", or "1:1048576" for the whole sheet. */
export function formatRect(r: Rect): string {
  if (isWholeRows(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (isWholeColumns(r)) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  const a = cellA1(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${cellA1(r.r1, r.c1)}`;
}

/**
 * Excel leaves a sheet name bare when it is a plain identifier (Unicode letters, digits, `_`, `.`, not
 * starting with a digit) that cannot be read as a cell reference; otherwise it quotes it and doubles
 * any apostrophe: `'Thông tin chi bộ'!A1`, `'2017'!A1`, `'A1'!A1`, `Sheet1!A1`, `Đảngviên!A1`.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*([Cc]\d*)?$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const qualified = (sheetName: string, r: Rect): string => `${quoteSheetName(sheetName)}!${formatRect(r)}`;

/** Splits "'It''s'!B7" into `{ sheet: "It's", ref: 'B7' }`; `sheet` is undefined when there is none. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i] === "'" && s[i + 1] === '!') return { sheet: name, ref: s.slice(i + 2) };
    return { ref: s };
  }
  const bang = s.lastIndexOf('!');
  return bang > 0 ? { sheet: s.slice(0, bang), ref: s.slice(bang + 1) } : { ref: s };
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!rectsIntersect(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}

/** `a` without the cells of `b`: up to four rectangles (bands above and below, then left and right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersection(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.r0 < i.r0) out.push({ ...a, r1: i.r0 - 1 });
  if (i.r1 < a.r1) out.push({ ...a, r0: i.r1 + 1 });
  if (a.c0 < i.c0) out.push({ r0: i.r0, r1: i.r1, c0: a.c0, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, r1: i.r1, c0: i.c1 + 1, c1: a.c1 });
  return out;
}
