/**
 * Page breaks for the papers printed at 100 % (the ward's `Tổng hợp`, the minutes): every row gets an
 * explicit height (a host that sizes rows itself would make the pages differ from what is computed
 * here), then the rows are laid on pages as a printer lays them, and a manual break is put before a
 * block (a section heading with its table, a signature block) that would otherwise be split with its
 * heading left alone at a page foot.
 */
import type { SheetLayout } from './layout';

/** What an A4 page holds at the margins the renderers give (0.6 in top and bottom: 756 and 509 pt), less some air: points. */
export const PAGE_ROOM = { portrait: 735, landscape: 495 } as const;

/**
 * Rows `start`..`end` belong together: the whole block starts a new page when it would not fit what is
 * left of one (and fits a page). With `keep`, only its first `keep` rows must stay together (a long
 * table: the heading, its header and the first rows), the rest may run on.
 */
export interface KeepBlock {
  readonly start: number;
  readonly end: number;
  readonly keep?: number;
}

/** The height a row without one gets: its largest text (12 pt by default) plus leading; 15 pt when empty. */
function naturalHeight(sizes: readonly number[]): number {
  if (sizes.length === 0) return 15;
  return Math.ceil(Math.max(...sizes) * 1.5);
}

/** Every row from 0 to `last` with an explicit height: the layout's, or the natural one of its text. */
export function settledHeights(layout: SheetLayout, last: number): Map<number, number> {
  const sizes = new Map<number, number[]>();
  for (const c of layout.cells) {
    if (c.value === '' || c.row > last) continue;
    const list = sizes.get(c.row) ?? [];
    list.push(c.style?.size ?? 12);
    sizes.set(c.row, list);
  }
  const heights = new Map(layout.rowHeights);
  for (let r = 0; r <= last; r++) if (!heights.has(r)) heights.set(r, naturalHeight(sizes.get(r) ?? []));
  return heights;
}

/**
 * The manual page breaks (0-based rows beginning a page) that keep each block together, with rows
 * `titles` (a table's header, repeated by the printer on the pages the table continues on) counted on
 * every page after the one they first appear on, within `titles.until`.
 */
export function keepTogether(heights: ReadonlyMap<number, number>, last: number, room: number, blocks: readonly KeepBlock[], titles?: { readonly top: number; readonly bottom: number; readonly until: number }): number[] {
  const h = (r: number) => heights.get(r) ?? 15;
  const sum = (from: number, to: number) => {
    let s = 0;
    for (let r = from; r <= to; r++) s += h(r);
    return s;
  };
  const repeated = (r: number) => (titles && r > titles.bottom && r <= titles.until ? sum(titles.top, titles.bottom) : 0);
  const breaks: number[] = [];
  let used = 0;
  for (let r = 0; r <= last; r++) {
    const block = blocks.find((b) => b.start === r);
    if (block && used > 0) {
      const whole = sum(block.start, block.end);
      const need = block.keep === undefined && whole <= room ? whole : sum(block.start, Math.min(block.end, block.start + (block.keep ?? 3) - 1));
      if (used + need > room) {
        breaks.push(r);
        used = 0;
      }
    }
    if (used > 0 && used + h(r) > room) used = repeated(r);
    used += h(r);
  }
  return breaks;
}

/** The page (0-based) each row 0..`last` prints on, with `breaks` and the printer's own breaks. */
export function pagesOfRows(heights: ReadonlyMap<number, number>, last: number, room: number, breaks: readonly number[], titles?: { readonly top: number; readonly bottom: number; readonly until: number }): number[] {
  const h = (r: number) => heights.get(r) ?? 15;
  const titleHeight = titles ? Array.from({ length: titles.bottom - titles.top + 1 }, (_, i) => h(titles.top + i)).reduce((a, b) => a + b, 0) : 0;
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  for (let r = 0; r <= last; r++) {
    if (breaks.includes(r) && used > 0) {
      page++;
      used = 0;
    } else if (used > 0 && used + h(r) > room) {
      page++;
      used = titles && r > titles.bottom && r <= titles.until ? titleHeight : 0;
    }
    used += h(r);
    pages.push(page);
  }
  return pages;
}
