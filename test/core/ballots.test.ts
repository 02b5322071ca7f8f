/**
 * The ballot layouts on their own: who is on each (from checkWorkbook's results), the cap K, and the
 * pagination arithmetic — every printed page, cut at the layout's own page breaks, fits the A4 budget.
 */
import type { CheckResult } from '../../src/core/check';
import { PAGE_HEIGHT_POINTS, TOP_ROW, round1Ballot, round2Ballot, round2Pool, toBeClassified, type Ballot } from '../../src/core/output/ballots';
import type { SheetLayout } from '../../src/core/output/layout';
import { check, example } from '../helpers/workbook';

function ballot(outcome: ReturnType<typeof round1Ballot>): Ballot {
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => `[${p.rule}] ${p.message}`).join(' '));
  return outcome.ballot;
}

/** Heights of the printed pages, cut at the manual breaks. */
function pageHeights(layout: SheetLayout): number[] {
  const area = layout.print?.area;
  if (!area) throw new Error('no print area');
  const starts = [0, ...(layout.print?.pageBreaks ?? [])];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : area.bottom + 1;
    let h = 0;
    for (let r = start; r < end; r++) h += layout.rowHeights.get(r) ?? 15;
    return h;
  });
}

const withPresent = (result: CheckResult, officialPresent: number): CheckResult => ({ ...result, ballots: { ...(result.ballots as NonNullable<CheckResult['ballots']>), officialPresent } });

describe('ballots', () => {
  const result = check();

  it('ELIG-01..03: round 1 lists the members classified or undetermined, not the exempt, the under-6-months or the absent', () => {
    const names = toBeClassified(result).map((m) => m.name);
    expect(names).toHaveLength(16);
    expect(names).not.toEqual(expect.arrayContaining(['Mai Văn Vinh']));
    expect(names.some((n) => n === 'Châu Thị Xuân' || n === 'Đỗ Văn Khoa')).toBe(false);
  });

  it('MEM-06: the round-2 pool is the engine`s (figures.pool), before and after round 2 is counted, and K = figures.cap', () => {
    expect(round2Pool(result)).toHaveLength(result.figures?.pool as number);
    const before = example();
    for (const t of before.tally) t.r2Excellent = null;
    const unvoted = check(before);
    expect(round2Pool(unvoted).map((m) => m.name)).toEqual(round2Pool(result).map((m) => m.name));
    const b = ballot(round2Ballot(result));
    expect({ cap: b.cap, pool: b.pool }).toEqual({ cap: 1, pool: 13 });
  });

  it('MEM-06: members tied at the cap stay on the round-2 ballot (the chi bộ votes again among them)', () => {
    const data = example();
    const ngoc = data.roll.findIndex((m) => m.name === 'Bùi Thị Ngọc');
    data.roll[ngoc].cstd = 'x';
    data.tally[data.tally.findIndex((t) => t.name === 'Bùi Thị Ngọc')].r2Excellent = 13;
    const tied = check(data);
    expect(tied.members.filter((m) => m.reason === 'tie-at-cap')).toHaveLength(2);
    const names = ballot(round2Ballot(tied)).names;
    expect(names).toHaveLength(13);
    expect(names).toEqual(expect.arrayContaining(['Nguyễn Hữu Dũng', 'Bùi Thị Ngọc']));
  });

  it.each([1, 2, 3, 7, 15])('%i copies of the example: the copies asked for, every page within the A4 budget, breaks between pages only', (copies) => {
    for (const b of [ballot(round1Ballot(withPresent(result, copies))), ballot(round2Ballot(withPresent(result, copies)))]) {
      const heights = pageHeights(b.layout);
      expect(heights).toHaveLength(b.pages);
      expect(Math.max(...heights)).toBeLessThanOrEqual(PAGE_HEIGHT_POINTS);
      // Where manual breaks are ignored (Excel under "Fit to", the Office.js renderer) a full page plus the
      // next page's first row overflows every page the ballots are printed on: Excel's default margins
      // leave 734 pt, the .xlsx's 756 pt. Whole pixels, so Excel's rounding cannot shift a page.
      expect(heights.slice(0, -1).every((h) => h === PAGE_HEIGHT_POINTS)).toBe(true);
      expect(PAGE_HEIGHT_POINTS + TOP_ROW).toBeGreaterThan(756);
      for (const r of (b.layout.print?.pageBreaks ?? [0])) expect(b.layout.rowHeights.get(r)).toBe(TOP_ROW);
      expect([...b.layout.rowHeights.values()].every((h) => Number.isInteger(h / 0.75))).toBe(true);
      const numbered = b.layout.cells.filter((c) => c.col === 0 && typeof c.value === 'number');
      expect(numbered).toHaveLength(copies * b.names.length);
    }
  });

  it('a short roll shares a page: a chi bộ of 5 gets more than one copy per page', () => {
    const data = example();
    const keep = new Set(['Nguyễn Hữu Dũng', 'Trần Văn Bình', 'Lê Thị Cúc', 'Võ Thị Lan', 'Đặng Văn Minh']);
    data.roll = data.roll.filter((m) => keep.has(m.name as string));
    data.tally = data.tally.filter((t) => keep.has(t.name as string));
    Object.assign(data.info, { officialPresent: 5, r1Issued: 5, r1Returned: 5, r1Valid: 5, r2Issued: 5, r2Returned: 5, r2Valid: 5 });
    const b = ballot(round1Ballot(check(data)));
    expect(b.names).toHaveLength(5);
    expect(b.perPage).toBeGreaterThan(1);
    expect(b.pages).toBe(Math.ceil(5 / b.perPage));
    expect(pageHeights(b.layout).every((h) => h <= PAGE_HEIGHT_POINTS)).toBe(true);
  });
});
