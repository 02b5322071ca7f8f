/**
 * Cell borders as Excel draws them. A line between two cells belongs to one of them in the file (the
 * upper cell's bottom or the lower cell's top), but Excel shows, reads and replaces it as one line:
 * `range.format.borders.getItem('EdgeTop')` on B7 reports the bottom border of B6 when B7 has no top
 * of its own, and setting it takes the line over (the neighbour's side is cleared). `InsideHorizontal`
 * / `InsideVertical` are the lines between the cells of the range; on one row / column they are none.
 */
import { MAX_COLS, MAX_ROWS, type Rect, isWholeColumns, isWholeRows, rectCells } from './address';
import { invalidArgument } from './errors';
import { type BorderLine, type BorderSide, type BorderStyle, type BorderWeight, type CellFormat, type HostSheet, commonFormatValue, effectiveFormat, updateFormat } from './model';

export const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];

const OPPOSITE: Partial<Record<BorderSide, { side: BorderSide; dr: number; dc: number }>> = {
  top: { side: 'bottom', dr: -1, dc: 0 },
  bottom: { side: 'top', dr: 1, dc: 0 },
  left: { side: 'right', dr: 0, dc: -1 },
  right: { side: 'left', dr: 0, dc: 1 },
};

/** The cells and the side of each that a border index of a rectangle means. */
function strips(rect: Rect, index: BorderIndex): { rect: Rect; side: BorderSide }[] {
  switch (index) {
    case 'EdgeTop':
      return [{ rect: { ...rect, r1: rect.r0 }, side: 'top' }];
    case 'EdgeBottom':
      return [{ rect: { ...rect, r0: rect.r1 }, side: 'bottom' }];
    case 'EdgeLeft':
      return [{ rect: { ...rect, c1: rect.c0 }, side: 'left' }];
    case 'EdgeRight':
      return [{ rect: { ...rect, c0: rect.c1 }, side: 'right' }];
    case 'InsideHorizontal':
      return rect.r1 > rect.r0 ? [{ rect: { ...rect, r1: rect.r1 - 1 }, side: 'bottom' }] : [];
    case 'InsideVertical':
      return rect.c1 > rect.c0 ? [{ rect: { ...rect, c1: rect.c1 - 1 }, side: 'right' }] : [];
    case 'DiagonalDown':
      return [{ rect, side: 'diagonalDown' }];
    case 'DiagonalUp':
      return [{ rect, side: 'diagonalUp' }];
  }
}

const inSheet = (r: number, c: number): boolean => r >= 0 && c >= 0 && r < MAX_ROWS && c < MAX_COLS;

/** The line Excel shows on one side of a cell: its own, else the neighbour's facing side. */
export function visibleLine(sheet: HostSheet, row: number, col: number, side: BorderSide): BorderLine | null {
  const own = effectiveFormat(sheet, row, col).borders[side];
  const across = OPPOSITE[side];
  if (own || !across || !inSheet(row + across.dr, col + across.dc)) return own;
  return effectiveFormat(sheet, row + across.dr, col + across.dc).borders[across.side];
}

const withSide = (f: CellFormat, side: BorderSide, line: BorderLine | null): CellFormat => ({ ...f, borders: { ...f.borders, [side]: line } });

/** Changes one border index of `rects`; `change` gets the line Excel shows there now (null: none). */
export function changeBorder(sheet: HostSheet, rects: readonly Rect[], index: BorderIndex, change: (line: BorderLine | null) => BorderLine | null): void {
  for (const target of rects) {
    for (const { rect, side } of strips(target, index)) {
      const across = OPPOSITE[side];
      // The inside lines of whole columns (rows) are all but the last row (column): as whole columns
      // (rows) they go through the column (row) formats instead of a million cells.
      const area =
        rectCells(rect) <= 100_000 ? rect : isWholeColumns(target) ? { ...rect, r0: 0, r1: MAX_ROWS - 1 } : isWholeRows(target) ? { ...rect, c0: 0, c1: MAX_COLS - 1 } : rect;
      if (isWholeColumns(area) || isWholeRows(area)) {
        // Whole rows/columns: through the row/column formats (the neighbour's facing side is not consulted).
        updateFormat(sheet, [area], (f) => withSide(f, side, change(f.borders[side])));
        if (across) {
          const n = { r0: area.r0 + across.dr, r1: area.r1 + across.dr, c0: area.c0 + across.dc, c1: area.c1 + across.dc };
          if (inSheet(n.r0, n.c0) && inSheet(n.r1, n.c1)) updateFormat(sheet, [n], (f) => (f.borders[across.side] ? withSide(f, across.side, null) : f));
        }
        continue;
      }
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const line = change(visibleLine(sheet, r, c, side));
          updateFormat(sheet, [{ r0: r, c0: c, r1: r, c1: c }], (f) => withSide(f, side, line));
          // The line is now this cell's: the neighbour no longer draws it.
          if (across && inSheet(r + across.dr, c + across.dc) && effectiveFormat(sheet, r + across.dr, c + across.dc).borders[across.side]) {
            const nr = r + across.dr;
            const nc = c + across.dc;
            updateFormat(sheet, [{ r0: nr, c0: nc, r1: nr, c1: nc }], (f) => withSide(f, across.side, null));
          }
        }
      }
    }
  }
}

/** What all the lines of one border index of `rects` share (null when they differ), as `pick` sees them. */
export function readBorder<T>(sheet: HostSheet, rects: readonly Rect[], index: BorderIndex, pick: (line: BorderLine | null) => T): T | null {
  let seen = false;
  let value: T | undefined;
  const see = (v: T): boolean => {
    if (!seen) {
      seen = true;
      value = v;
      return true;
    }
    return Object.is(v, value);
  };
  for (const target of rects) {
    const parts = strips(target, index);
    // An inside border of a single row or column: there is no such line.
    if (parts.length === 0 && !see(pick(null))) return null;
    for (const { rect, side } of parts) {
      if (rectCells(rect) > 100_000) {
        const v = commonFormatValue(sheet, [rect], (f) => pick(f.borders[side]));
        if (v === null || !see(v)) return null;
        continue;
      }
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (!see(pick(visibleLine(sheet, r, c, side)))) return null;
    }
  }
  return seen ? (value as T) : null;
}

/** Excel reports Double lines as Thick and SlantDashDot as Medium, whatever weight was asked for. */
const FIXED_WEIGHT: Partial<Record<BorderStyle, BorderWeight>> = { Double: 'Thick', SlantDashDot: 'Medium' };

export function lineWithStyle(line: BorderLine | null, style: BorderStyle | 'None'): BorderLine | null {
  if (style === 'None') return null;
  return { style, weight: FIXED_WEIGHT[style] ?? line?.weight ?? 'Thin', color: line?.color ?? '#000000' };
}

export function lineWithWeight(line: BorderLine | null, weight: BorderWeight): BorderLine {
  // Setting the weight or colour of a side without a line draws a continuous one, as in Excel.
  const base = line ?? { style: 'Continuous' as const, weight, color: '#000000' };
  return { ...base, weight: FIXED_WEIGHT[base.style] ?? weight };
}

export function lineWithColor(line: BorderLine | null, color: string): BorderLine {
  return { ...(line ?? { style: 'Continuous' as const, weight: 'Thin' as const }), color };
}

export function checkBorderIndex(index: unknown): BorderIndex {
  if (!BORDER_INDEXES.includes(index as BorderIndex)) throw invalidArgument(`border index ${JSON.stringify(index)}`);
  return index as BorderIndex;
}

// ---------------------------------------------------------------------------------------------------
// SpreadsheetML border styles (what ExcelJS reads and writes)

const TO_FILE: Record<BorderStyle, Record<BorderWeight, string>> = {
  Continuous: { Hairline: 'hair', Thin: 'thin', Medium: 'medium', Thick: 'thick' },
  Dash: { Hairline: 'dashed', Thin: 'dashed', Medium: 'mediumDashed', Thick: 'mediumDashed' },
  Dot: { Hairline: 'dotted', Thin: 'dotted', Medium: 'dotted', Thick: 'dotted' },
  DashDot: { Hairline: 'dashDot', Thin: 'dashDot', Medium: 'mediumDashDot', Thick: 'mediumDashDot' },
  DashDotDot: { Hairline: 'dashDotDot', Thin: 'dashDotDot', Medium: 'mediumDashDotDot', Thick: 'mediumDashDotDot' },
  Double: { Hairline: 'double', Thin: 'double', Medium: 'double', Thick: 'double' },
  SlantDashDot: { Hairline: 'slantDashDot', Thin: 'slantDashDot', Medium: 'slantDashDot', Thick: 'slantDashDot' },
};

const FROM_FILE: Record<string, { style: BorderStyle; weight: BorderWeight }> = {
  hair: { style: 'Continuous', weight: 'Hairline' },
  thin: { style: 'Continuous', weight: 'Thin' },
  medium: { style: 'Continuous', weight: 'Medium' },
  thick: { style: 'Continuous', weight: 'Thick' },
  dashed: { style: 'Dash', weight: 'Thin' },
  mediumDashed: { style: 'Dash', weight: 'Medium' },
  dotted: { style: 'Dot', weight: 'Thin' },
  dashDot: { style: 'DashDot', weight: 'Thin' },
  mediumDashDot: { style: 'DashDot', weight: 'Medium' },
  dashDotDot: { style: 'DashDotDot', weight: 'Thin' },
  mediumDashDotDot: { style: 'DashDotDot', weight: 'Medium' },
  double: { style: 'Double', weight: 'Thick' },
  slantDashDot: { style: 'SlantDashDot', weight: 'Medium' },
};

export const fileBorderStyle = (line: BorderLine): string => TO_FILE[line.style][line.weight];

export function lineFromFile(style: string | undefined, color: string | undefined): BorderLine | null {
  const known = style ? FROM_FILE[style] : undefined;
  return known ? { ...known, color: color ?? '#000000' } : null;
}
