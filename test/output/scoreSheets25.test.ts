/**
 * The meeting-day papers follow the rule set (issue 14): under hd43-2025 one scoring sheet (phiếu chấm
 * điểm) per member, from the members' criteria of `Bộ tiêu chí` (M25-01, M25-02), one A4 page each; the
 * 2014 two-round ballots and counting minutes are refused with one line naming the rule set, and under
 * hd27-2014 the scoring sheets are.
 */
import { checkWorkbook } from '../../src/core/check';
import { MEETING_SHEETS } from '../../src/core/forms/definitions';
import { ballotFor, otherRegime, PAGE_HEIGHT_POINTS, TOP_ROW } from '../../src/core/output/ballots';
import type { SheetLayout } from '../../src/core/output/layout';
import { membersCriteria, scoreSheetsFor, toBeScored } from '../../src/core/output/scoreSheets';
import type { CriteriaTable } from '../../src/core/rules/cfg25';
import { check } from '../helpers/workbook';
import { buildChiBo25, members25 } from '../helpers/chibo25';
import { result25 } from './results25';

const DEFAULT_CRITERIA: CriteriaTable = {
  who: 'members',
  source: 'default',
  valid: true,
  criteria: [
    { group: 'common', name: 'Nhóm tiêu chí chung', max: 30, row: null },
    { group: 'tasks', name: 'Kết quả thực hiện nhiệm vụ', max: 70, row: null },
  ],
};

const WARD_CRITERIA: CriteriaTable = {
  who: 'members',
  source: 'sheet',
  valid: true,
  criteria: [
    { group: 'common', name: 'Phẩm chất chính trị, đạo đức, lối sống', max: 15, row: 4 },
    { group: 'common', name: 'Tinh thần đổi mới, sáng tạo', max: 7.5, row: 5 },
    { group: 'common', name: 'Tự phê bình và phê bình', max: 7.5, row: 6 },
    { group: 'tasks', name: 'Kết quả thực hiện nhiệm vụ được giao', max: 70, row: 7 },
  ],
};

const rowsText = (layout: SheetLayout, from: number, to: number): string[] => {
  const out: string[] = [];
  for (let r = from; r < to; r++) {
    const cells = layout.cells.filter((c) => c.row === r && c.value !== '').sort((a, b) => a.col - b.col);
    if (cells.length) out.push(cells.map((c) => String(c.value)).join(' | '));
  }
  return out;
};

describe('Phiếu chấm điểm đảng viên (hd43-2025, M25-01, M25-02)', () => {
  it('M25-02: one page per member to be scored, with the ward\'s criteria, their maxima, blank score columns and a blank total', () => {
    const outcome = scoreSheetsFor(result25(), WARD_CRITERIA);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { layout, names, pages } = outcome.sheets;
    expect(layout.name).toBe(MEETING_SHEETS.scoreSheets);
    // The suspended member (ELIG25-01) has no sheet.
    expect(names).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']);
    expect(pages).toBe(4);
    const breaks = layout.print?.pageBreaks ?? [];
    expect(breaks).toHaveLength(3);
    const first = rowsText(layout, 0, breaks[0]);
    expect(first).toContain('PHIẾU CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025');
    expect(first).toContain('ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN | ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(first).toContain('Họ và tên đảng viên: Nguyễn Văn An');
    const table = first.slice(first.indexOf('TT | Tiêu chí | Điểm tối đa | Điểm tự chấm | Điểm chi bộ chấm'));
    expect(table.slice(0, 7)).toEqual([
      'TT | Tiêu chí | Điểm tối đa | Điểm tự chấm | Điểm chi bộ chấm',
      'I | Nhóm tiêu chí chung (tối đa 30 điểm) | 30',
      '1 | Phẩm chất chính trị, đạo đức, lối sống | 15',
      '2 | Tinh thần đổi mới, sáng tạo | 7,5',
      '3 | Tự phê bình và phê bình | 7,5',
      'II | Kết quả thực hiện nhiệm vụ (tối đa 70 điểm) | 70',
      '4 | Kết quả thực hiện nhiệm vụ được giao | 70',
    ]);
    expect(table[7]).toBe('Tổng cộng | 100');
    expect(first).toContain('ĐẢNG VIÊN TỰ CHẤM | T/M CHI BỘ');
    expect(rowsText(layout, breaks[0], breaks[1])).toContain('Họ và tên đảng viên: Trần Thị Bình');
  });

  it('each page is A4 portrait at 100 %, filled to the same height, so the next member starts a page even where breaks are ignored', () => {
    const outcome = scoreSheetsFor(result25(), WARD_CRITERIA);
    if (!outcome.ok) throw new Error('refused');
    const { layout } = outcome.sheets;
    expect(layout.landscape).toBe(false);
    expect(layout.print?.fitToWidth).toBe(false);
    const starts = [0, ...(layout.print?.pageBreaks ?? [])];
    const end = (layout.print?.area?.bottom ?? 0) + 1;
    starts.forEach((start, i) => {
      const stop = starts[i + 1] ?? end;
      let sum = 0;
      for (let r = start; r < stop; r++) sum += layout.rowHeights.get(r) ?? NaN;
      expect(layout.rowHeights.get(start)).toBe(TOP_ROW);
      expect(sum).toBeCloseTo(PAGE_HEIGHT_POINTS, 5);
    });
    // 11 pt at least on paper; no rule ID.
    for (const c of layout.cells) if (c.value !== '') expect(c.style?.size ?? 11).toBeGreaterThanOrEqual(11);
    expect(layout.cells.some((c) => /\b(?:[A-Z]{2,5}|[A-Z]{1,5}25)-\d{2}\b/.test(String(c.value)))).toBe(false);
  });

  it('M25-01: without the ward\'s table, one row per group (30 and 70), not the group twice', () => {
    const outcome = scoreSheetsFor(result25(), DEFAULT_CRITERIA);
    if (!outcome.ok) throw new Error('refused');
    const rows = rowsText(outcome.sheets.layout, 0, outcome.sheets.layout.print?.pageBreaks?.[0] ?? 0);
    const at = rows.indexOf('TT | Tiêu chí | Điểm tối đa | Điểm tự chấm | Điểm chi bộ chấm');
    expect(rows.slice(at + 1, at + 4)).toEqual(['I | Nhóm tiêu chí chung (tối đa 30 điểm) | 30', 'II | Kết quả thực hiện nhiệm vụ (tối đa 70 điểm) | 70', 'Tổng cộng | 100']);
    expect(outcome.sheets.criteriaSource).toBe('default');
  });

  it('CFG25-02: a criteria table that does not add up is not printed; nobody to score is DATA-01', () => {
    const bad = scoreSheetsFor(result25(), { ...WARD_CRITERIA, valid: false });
    expect(bad.ok ? [] : bad.problems.map((p) => p.rule)).toEqual(['CFG25-02']);
    const empty = scoreSheetsFor(result25({ members: [] }), WARD_CRITERIA);
    expect(empty.ok ? [] : empty.problems.map((p) => p.rule)).toEqual(['DATA-01']);
  });

  it('the members\' criteria are read from the workbook\'s Bộ tiêu chí; the engine\'s results decide who is scored', () => {
    const { model } = buildChiBo25({
      members: members25(3, (i) => (i === 1 ? { roll: { suspended: 'x' } } : {})),
      memberCriteria: [['Nhóm tiêu chí chung', 'Phẩm chất chính trị', 20], ['Nhóm tiêu chí chung', 'Đổi mới, sáng tạo', 10], ['Kết quả thực hiện nhiệm vụ', 'Nhiệm vụ được giao', 70]],
    });
    const criteria = membersCriteria(model);
    expect(criteria.criteria.map((c) => [c.name, c.max])).toEqual([['Phẩm chất chính trị', 20], ['Đổi mới, sáng tạo', 10], ['Nhiệm vụ được giao', 70]]);
    const result = checkWorkbook(model);
    expect(toBeScored(result).map((m) => m.name)).toEqual([result.members[0].name, result.members[2].name]);
    const outcome = scoreSheetsFor(result, criteria);
    expect(outcome.ok && outcome.sheets.pages).toBe(2);
  });
});

describe('the 2014 papers follow the rule set', () => {
  it('hd43-2025: the two-round ballots and the minutes are refused in one line naming the rule set, with no rule tag', () => {
    for (const round of [1, 2] as const) {
      const outcome = ballotFor(result25(), round);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.problems).toHaveLength(1);
      expect(outcome.problems[0].rule).toBe('');
      expect(outcome.problems[0].message).toMatch(/^Sổ này theo Quy định 366-QĐ\/TW.*: không dùng phiếu bỏ phiếu hai lần \(Mẫu 07-KĐ\.ĐV\)\. .*Phiếu chấm điểm/);
      expect(outcome.problems[0].message).not.toContain('\n');
    }
    expect(otherRegime(result25(), 'minutes')?.message).toMatch(/^Sổ này theo Quy định 366-QĐ\/TW .*không dùng biên bản kiểm phiếu/);
  });

  it('hd27-2014: the ballots as before, and the scoring sheets refused naming hd27-2014', () => {
    const old = check();
    expect(otherRegime(old, 'ballots')).toBeNull();
    expect(otherRegime(old, 'minutes')).toBeNull();
    expect(ballotFor(old, 1).ok).toBe(true);
    const refused = scoreSheetsFor(old, DEFAULT_CRITERIA);
    expect(refused.ok ? '' : refused.problems[0].message).toMatch(/^Sổ này theo Hướng dẫn 27-HD\/BTCTW.*: không dùng phiếu chấm điểm\./);
  });
});
