/**
 * The page breaks of the papers printed at 100 % (src/core/output/paperPages.ts): a block that would be
 * split with its heading at a page foot starts the next page; a long table keeps only its first rows
 * together; the pages computed match the breaks; and on the ward's paper, for a ward of any size, no
 * section heading is the last row of a page and the signatures never stand alone.
 */
import { aggregateWard } from '../../src/core/aggregate';
import { checkWorkbook } from '../../src/core/check';
import { wardSheet } from '../../src/core/output/ward';
import { keepTogether, PAGE_ROOM, pagesOfRows } from '../../src/core/output/paperPages';
import { fillWorkbook } from '../../src/xlsx/fill';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { WARD_CHI_BO, wardChiBoData } from '../../src/xlsx/wardExample';

const rows = (n: number, h = 20) => new Map(Array.from({ length: n }, (_, i) => [i, h] as [number, number]));

describe('keepTogether', () => {
  it('moves a block that does not fit what is left of a page to the next page', () => {
    // 10 rows of 20 pt on a 100 pt page: a block at rows 4..6 (60 pt) after 80 pt used starts a page.
    expect(keepTogether(rows(10), 9, 100, [{ start: 4, end: 6 }])).toEqual([4]);
    expect(keepTogether(rows(10), 9, 100, [{ start: 2, end: 3 }])).toEqual([]);
  });

  it('keeps only the first `keep` rows of a long block together', () => {
    // Block 3..9 (140 pt) is taller than the page; its first 2 rows fit after 60 pt.
    expect(keepTogether(rows(10), 9, 100, [{ start: 3, end: 9, keep: 2 }])).toEqual([]);
    expect(keepTogether(rows(10), 9, 100, [{ start: 4, end: 9, keep: 2 }])).toEqual([4]);
  });

  it('pagesOfRows follows the manual breaks and the printer\'s own, with repeated titles', () => {
    expect(pagesOfRows(rows(10), 9, 100, [4])).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 2]);
    // Rows 0 title: repeated on page 2, so 4 rows fit after it.
    expect(pagesOfRows(rows(10), 9, 100, [], { top: 0, bottom: 0, until: 9 })).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
  });
});

describe('Tổng hợp of wards of any size', () => {
  const results = WARD_CHI_BO.map((_, i) => checkWorkbook(workbookToModel(fillWorkbook(wardChiBoData(i)).workbook)));
  it.each([1, 3, 16, 40])('%i chi bộ: no section heading ends a page, the signatures start with table rows on their page', (n) => {
    const inputs = Array.from({ length: n }, (_, i) => ({ path: `/thu-muc/chi-bo-${i + 1}.xlsx`, result: { ...results[i % results.length], chiBo: `Chi bộ ${i + 1}` } }));
    const layout = wardSheet(aggregateWard(inputs));
    const last = layout.print?.area?.bottom as number;
    const title = layout.printTitleRows as readonly [number, number];
    const tableEnd = (layout.cells.find((c) => c.value === 'Cộng')?.row ?? last) as number;
    const pages = pagesOfRows(layout.rowHeights, last, PAGE_ROOM.landscape, layout.print?.pageBreaks ?? [], { top: title[0], bottom: title[1], until: tableEnd });
    const headings = layout.cells.filter((c) => c.col === 0 && typeof c.value === 'string' && /^(I|II|III|IV|V)\. /.test(c.value)).map((c) => c.row);
    expect(headings).toHaveLength(5);
    for (const h of headings) expect(pages[h + 1]).toBe(pages[h]);
    // The signer's row shares its page with the table's last rows.
    const signer = layout.cells.find((c) => c.value === 'T/M BAN THƯỜNG VỤ')?.row as number;
    expect(pages[signer]).toBe(pages[tableEnd]);
    expect(pages[last]).toBe(pages[signer]);
  });
});
