/**
 * Printed papers of the hd43-2025 template (issue 14), as those of the 2014 template: every input sheet
 * A4 at 11 pt or more, never shrunk, the Party's name on page 1 in a heading of one line, no rule ID.
 * The one code on paper is "Bộ quy tắc"'s own value (`hd43-2025`), which the reader needs as typed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRuleSet } from '../../src/core/ruleSets';
import type { AnyRuleSet } from '../../src/core/ruleSets/types';
import { fillRuleSetTemplate } from '../../src/xlsx/template';
import { example25Data } from '../../src/xlsx/example25';
import { describePrinted, paperProblems, type PrintedSheet, printWorkbook, requireTools } from './render';

const HD43 = findRuleSet('hd43-2025') as AnyRuleSet;

describePrinted('printed papers: the hd43-2025 template and the 2025 example', () => {
  let dir: string;
  let blank: Map<string, PrintedSheet>;
  let example: Map<string, PrintedSheet>;

  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'xeploai-template25-'));
    const blankFile = join(dir, 'mau.xlsx');
    await fillRuleSetTemplate(HD43, { info: {}, tables: {} }).workbook.xlsx.writeFile(blankFile);
    const exampleFile = join(dir, 'vd.xlsx');
    await fillRuleSetTemplate(HD43, example25Data()).workbook.xlsx.writeFile(exampleFile);
    blank = await printWorkbook(blankFile);
    example = await printWorkbook(exampleFile, { sheets: ['Bộ tiêu chí', 'Chấm điểm đảng viên', 'Chấm điểm chi bộ'] });
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const problems = (papers: Map<string, PrintedSheet>): string[] =>
    [...papers.values()].flatMap((p) => paperProblems(p, [/ĐẢNG CỘNG SẢN VIỆT NAM$/])).filter((line) => !/^Thông tin chi bộ trang 1: mã nội bộ hd43-2025 trong "Bộ quy tắc hd43-2025"$/.test(line));

  it('every input sheet prints A4 at 11 pt or more, never shrunk, with the Party\'s name on page 1 and no rule ID', () => {
    expect(blank.size).toBe(9);
    expect(problems(blank)).toEqual([]);
    // The blank tables fit one page wide.
    expect([...blank.values()].filter((p) => p.pages.some((page) => !page.a4)).map((p) => p.sheet)).toEqual([]);
  });

  it('the example\'s Bộ tiêu chí and scoring sheets print the same way, the heading on one line', () => {
    expect(problems(example)).toEqual([]);
    const criteria = example.get('Bộ tiêu chí') as PrintedSheet;
    expect(criteria.pages[0].lines.some((l) => /^ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN\s+ĐẢNG CỘNG SẢN VIỆT NAM$/.test(l.text))).toBe(true);
  });
});
