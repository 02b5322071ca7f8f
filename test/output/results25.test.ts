/**
 * What a checked hd43-2025 workbook shows (issue 14): the result sheets say "Đề xuất xếp loại" and print
 * each member's score (common, tasks, total) with the conditions that kept a higher level in words; the
 * chi bộ's paper prints its 30 + 70 score, its task figures and its proposed level; `Kiểm tra` lists the
 * settings used by default (CFG25-01); the JSON report carries `score`, `scoreParts`, `proposed` and
 * `settings`; the command line says "đề xuất" with the scores. hd27-2014's papers are unchanged.
 * Hand-made results (./results25.ts) pin the layout; the engine's own results run end to end.
 */
import type { CheckResult } from '../../src/core/check';
import { checkWorkbook } from '../../src/core/check';
import type { SheetLayout } from '../../src/core/output/layout';
import { chiBoSheet, flagsOf, issuesSheet, membersSheet } from '../../src/core/output/resultSheets';
import { buildReport, reportRuleSet } from '../../src/core/report';
import { resultLines } from '../../src/cli/human';
import { check } from '../helpers/workbook';
import { buildChiBo25, members25 } from '../helpers/chibo25';
import { result25, SETTINGS25 } from './results25';

const RULE_ID = /\b(?:[A-Z]{2,5}|[A-Z]{1,5}25)-\d{2}\b/;

/** The text of each row, printed columns only (within the print area's columns). */
function printedRows(layout: SheetLayout): Map<number, string[]> {
  const right = layout.print?.area?.right ?? Infinity;
  const bottom = layout.print?.area?.bottom ?? Infinity;
  const rows = new Map<number, string[]>();
  for (const c of layout.cells) {
    if (c.col > right || c.row > bottom || c.value === '') continue;
    const list = rows.get(c.row) ?? [];
    list[c.col] = String(c.value);
    rows.set(c.row, list);
  }
  return rows;
}

const cellText = (layout: SheetLayout, row: number, col: number): string | number | undefined => layout.cells.find((c) => c.row === row && c.col === col)?.value;
const rowOf = (layout: SheetLayout, text: string | RegExp): number => {
  const hit = layout.cells.find((c) => (typeof text === 'string' ? c.value === text : text.test(String(c.value))));
  if (!hit) throw new Error(`no cell ${String(text)}`);
  return hit.row;
};
const printedText = (layout: SheetLayout): string => [...printedRows(layout).values()].map((r) => r.filter(Boolean).join(' | ')).join('\n');

describe('KQ xếp loại đảng viên under hd43-2025 (M25-01..15, ELIG25-01)', () => {
  const layout = membersSheet(result25());

  it('M25-15: says "Đề xuất xếp loại" and prints the score in its two groups and the total, the levels as proposals', () => {
    const text = printedText(layout);
    expect(text).toContain('Kết quả đánh giá và đề xuất xếp loại chất lượng đảng viên năm 2025');
    expect(text).toMatch(/Mức xếp loại là đề xuất của chi bộ; cấp ủy có thẩm quyền xem xét, quyết định/);
    const top = rowOf(layout, 'Đề xuất xếp loại');
    expect(cellText(layout, top, 3)).toBe('Điểm đánh giá');
    expect([3, 4, 5].map((c) => cellText(layout, top + 1, c))).toEqual(['Tiêu chí chung', 'Kết quả nhiệm vụ', 'Tổng']);
    // The first member: 29 + 66,5 = 95,5, HTXSNV; written as Vietnamese text, centred.
    const first = rowOf(layout, 'Nguyễn Văn An');
    expect([2, 3, 4, 5, 6].map((c) => cellText(layout, first, c))).toEqual(['Chính thức', '29', '66,5', '95,5', 'Hoàn thành xuất sắc nhiệm vụ']);
    expect(layout.cells.find((c) => c.row === first && c.col === 4)?.style?.align).toBe('center');
    expect(text).not.toMatch(/Bỏ phiếu|phiếu lần|\(tỷ lệ trên N\)/);
  });

  it('M25-10/M25-15: the condition that kept a higher level is named in words on paper, with its rule and the arithmetic on screen only', () => {
    const row = rowOf(layout, 'Trần Thị Bình');
    expect(cellText(layout, row, 7)).toBe('Chưa đạt: chỉ 2/10 nhiệm vụ vượt mức, cần ít nhất 30 %');
    expect(cellText(layout, row, 8)).toBe('M25-15, M25-11');
    expect(String(cellText(layout, row, 9))).toContain('(M25-10) → Hoàn thành tốt nhiệm vụ');
    expect(layout.print?.area?.right).toBe(7);
    for (const [r, cells] of printedRows(layout)) for (const text of cells.filter(Boolean)) expect({ r, text, id: RULE_ID.test(text) }).toEqual({ r, text, id: false });
  });

  it('ELIG25-01: a suspended member is counted as not classified, in words, and the levels are counted over those proposed', () => {
    const text = printedText(layout);
    expect(text).toContain('Không phân loại: đang bị đình chỉ sinh hoạt đảng | 1');
    expect(text).toContain('Số đảng viên được đề xuất xếp loại | 4 | 100,00%');
    expect(text).toContain('— Hoàn thành xuất sắc nhiệm vụ | 1 | 25,00%');
    expect(cellText(layout, rowOf(layout, 'Hoàng Văn Em'), 7)).toBe('Đang bị đình chỉ sinh hoạt đảng');
  });

  it('M25-03/M25-04: an undetermined member\'s note says what is missing, in words, never a code', () => {
    const { model } = buildChiBo25({ members: members25(3, (i) => [{ common: null }, { noScoreRow: true }, { figures: [null, null, null, null, null] }][i]) });
    const result = checkWorkbook(model);
    const sheet = membersSheet(result);
    const notes = result.members.map((m) => cellText(sheet, rowOf(sheet, m.name), 7));
    expect(notes[0]).toBe('Chưa có điểm hợp lệ: chưa xếp loại được.');
    expect(notes[1]).toMatch(/^Chưa có dòng chấm điểm trong sheet "Chấm điểm đảng viên": chưa xếp loại được\./);
    expect(notes[2]).toMatch(/số nhiệm vụ chưa đọc được: chưa xếp loại được\.$/);
    for (const m of result.members) expect(cellText(sheet, rowOf(sheet, m.name), 6)).toBe('Chưa xác định');
    expect(printedText(sheet)).not.toMatch(/no-score|input-error|M25-\d\d/);
  });

  it('M25-20: the figures on screen say the cap of the settings used (20 %, provisional in the chi bộ) and how many settings are defaults', () => {
    const figures = layout.cells.find((c) => typeof c.value === 'string' && c.value.startsWith('Bộ quy tắc hd43-2025'));
    expect(figures?.col).toBe(9);
    expect(figures?.value).toBe('Bộ quy tắc hd43-2025; điểm 30 + 70 = 100; 4 đảng viên được phân loại; giới hạn HTXSNV (tạm tính trong chi bộ; Đảng ủy áp dụng trên toàn Đảng bộ): 0 (20% của 2 đảng viên đạt từ HTTNV); 2 thiết lập theo mặc định (xem sheet Kiểm tra)');
    const percent = membersSheet(result25({ settings: [{ ...SETTINGS25[0], value: 15, source: 'sheet' }, { ...SETTINGS25[1], value: 'chi-bo' }] })).cells.find((c) => typeof c.value === 'string' && c.value.startsWith('Bộ quy tắc hd43-2025'));
    expect(percent?.value).toMatch(/giới hạn HTXSNV \(trong chi bộ\): 0 \(15% của 2 /);
  });

  it('hd27-2014 keeps its paper: votes, "Mức xếp loại", nine printed columns, no proposal', () => {
    const old = membersSheet(check());
    const text = printedText(old);
    expect(text).toContain('Mức xếp loại');
    expect(text).toContain('(Mẫu 04-KĐ.ĐV)');
    expect(text).not.toMatch(/Đề xuất|đề xuất|Điểm đánh giá/);
    expect(old.print?.area?.right).toBe(8);
  });
});

describe('KQ xếp loại chi bộ under hd43-2025 (CB25-01..05)', () => {
  it('CB25-01/CB25-03: the score in its 30 + 70 groups, the task figures, the conditions in words, "Đề xuất xếp loại"', () => {
    const layout = chiBoSheet(result25());
    const text = printedText(layout);
    expect(text).toContain('Kết quả tự đánh giá và đề xuất xếp loại chất lượng chi bộ năm 2025');
    expect(text).toContain('1 | Nhóm tiêu chí chung | 30 | 27');
    expect(text).toContain('2 | Kết quả thực hiện nhiệm vụ | 70 | 59,5');
    expect(text).toContain('Tổng điểm | 100 | 86,5');
    expect(text).toContain('3 | Hoàn thành vượt yêu cầu | 3 | 25,00%');
    expect(text).toContain('4 | Hoàn thành chậm | 0 | 0,00%');
    expect(text).toContain('Cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật | Không');
    expect(text).toContain('Chưa đạt: chỉ 3/12 nhiệm vụ vượt mức, cần ít nhất 30 %');
    expect(text).toMatch(/IV\. ĐỀ XUẤT XẾP LOẠI \| Hoàn thành tốt nhiệm vụ/);
    expect(text).not.toMatch(RULE_ID);
    // On screen, beside: the rules.
    expect(layout.cells.some((c) => c.col === 5 && c.value === 'Quy tắc (không in): CB25-03')).toBe(true);
  });

  it('CB25-02: HTXSNV and KHTNV are named, and a rating given as a code is printed in words', () => {
    const excellent = printedText(chiBoSheet(result25({ chiBoResults: [{ ...result25().chiBoResults[0], level: 'HTXSNV', conditions: [{ key: 'orgRating', label: 'Xếp loại chính quyền, Mặt trận, đoàn thể', value: 'highest' }] }] })));
    expect(excellent).toMatch(/ĐỀ XUẤT XẾP LOẠI \| Hoàn thành xuất sắc nhiệm vụ/);
    expect(excellent).toContain('Xếp loại chính quyền, Mặt trận, đoàn thể | Cao nhất');
    const failed = printedText(chiBoSheet(result25({ chiBoResults: [{ ...result25().chiBoResults[0], level: 'KHTNV', provisional: true }] })));
    expect(failed).toMatch(/ĐỀ XUẤT XẾP LOẠI \| Không hoàn thành nhiệm vụ \(tạm thời\)/);
  });

  it('hd27-2014 keeps its five criteria and "III. MỨC XẾP LOẠI"', () => {
    const text = printedText(chiBoSheet(check()));
    expect(text).toContain('III. MỨC XẾP LOẠI');
    expect(text).toContain('Công tác kiểm tra, giám sát và kỷ luật Đảng');
    expect(text).not.toMatch(/ĐỀ XUẤT|Nhóm tiêu chí chung/);
  });
});

describe('Kiểm tra lists the settings used by default (CFG25-01)', () => {
  it('CFG25-01: each default with its value and a link to the cell where the đảng ủy confirms it; the confirmed ones are not listed', () => {
    const layout = issuesSheet(result25(), (name) => name === 'Bộ tiêu chí');
    const title = rowOf(layout, 'THIẾT LẬP CỦA ĐẢNG ỦY ĐANG DÙNG GIÁ TRỊ MẶC ĐỊNH');
    const first = title + 3;
    expect([1, 2, 3, 4].map((c) => cellText(layout, first, c))).toEqual(['20', 'Bộ tiêu chí', 'B14', 'Tỷ lệ HTXSNV tối đa (%): 20 theo mặc định']);
    expect(layout.cells.find((c) => c.row === first && c.col === 3)?.link).toEqual({ sheet: 'Bộ tiêu chí', cell: 'B14' });
    expect(cellText(layout, first + 1, 4)).toBe('Bước điểm: 0,5 theo mặc định');
    expect(cellText(layout, first + 1, 3)).toBe('—');
    expect(cellText(layout, first, 5)).toBe('CFG25-01, M25-20');
    expect(layout.cells.some((c) => String(c.value).includes('Phạm vi giới hạn'))).toBe(false);
    expect(layout.print?.area?.bottom).toBe(first + 1);
  });

  it('no settings, no section (hd27-2014)', () => {
    const layout = issuesSheet(check(), () => true);
    expect(layout.cells.some((c) => String(c.value).startsWith('THIẾT LẬP'))).toBe(false);
  });

  it('the flags of the new rule IDs land on their cells like any other (nothing filters by family)', () => {
    const flags = flagsOf(result25().issues, () => true);
    expect(flags.map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual(['Chấm điểm đảng viên!D9 warning', 'Chấm điểm đảng viên!F10 warning']);
    expect(flags[0].note).toMatch(/^\[CFG25-01\] /);
  });
});

describe('the JSON report under hd43-2025', () => {
  it('members carry score, scoreParts and proposed; settings at the top level with their source; the rule set is the one the files used', () => {
    const report = buildReport('hd27-2014', [{ path: 'tdp5.xlsx', result: result25() }]);
    expect(report.ruleSet).toBe('hd43-2025');
    expect(report.files).toEqual([{ path: 'tdp5.xlsx', chiBo: 'Thanh Khê' }]);
    const first = report.members[0] as { score: number; scoreParts: unknown; proposed: boolean };
    expect([first.score, first.scoreParts, first.proposed]).toEqual([95.5, { common: 29, tasks: 66.5 }, true]);
    expect(report.settings?.map((s) => [s.key, s.value, s.source, s.file])).toEqual([
      ['capPercent', 20, 'default', 'tdp5.xlsx'],
      ['capScope', 'ward', 'sheet', 'tdp5.xlsx'],
      ['scoreStep', 0.5, 'default', 'tdp5.xlsx'],
      ['khtnvGrounds', true, 'sheet', 'tdp5.xlsx'],
    ]);
  });

  it('files checked under different rule sets: the run\'s rule set at the top, each other file names its own; no settings key without any', () => {
    const old = check();
    const mixed = buildReport('hd27-2014', [{ path: 'a.xlsx', result: old }, { path: 'b.xlsx', result: result25() }]);
    expect(mixed.ruleSet).toBe('hd27-2014');
    expect(mixed.files.map((f) => f.ruleSet)).toEqual([undefined, 'hd43-2025']);
    expect(reportRuleSet('hd43-2025', [])).toBe('hd43-2025');
    expect('settings' in buildReport('hd27-2014', [{ path: 'a.xlsx', result: old }])).toBe(false);
  });
});

describe('the command line\'s words under hd43-2025', () => {
  it('M25-15: each member\'s proposed level and score in words; the chi bộ\'s; the settings used by default', () => {
    const lines = resultLines(result25());
    expect(lines[0]).toBe('  Đảng viên — đề xuất xếp loại (4 đảng viên được phân loại; giới hạn HTXSNV tạm tính trong chi bộ 0 = 20% của 2):');
    expect(lines[2]).toMatch(/^ {4}Trần Thị Bình: đề xuất HTTNV \(Hoàn thành tốt nhiệm vụ\), 92 điểm \(28 \+ 64\) — 92 điểm ≥ 90 nhưng/);
    expect(lines[5]).toMatch(/^ {4}Hoàng Văn Em: không phân loại: đang bị đình chỉ sinh hoạt đảng, chưa có điểm — /);
    expect(lines[6]).toMatch(/^ {2}Chi bộ: đề xuất HTTNV, 86,5 điểm \(27 \+ 59,5\) — /);
    expect(lines[7]).toBe('  Thiết lập theo mặc định (sheet "Bộ tiêu chí" chưa ghi; đề nghị đối chiếu hướng dẫn của cấp ủy): Tỷ lệ HTXSNV tối đa (%) = 20 (ô B14); Bước điểm = 0,5.');
  });

  it('hd27-2014\'s lines are as before: N, the 15 % cap, the level codes, no score', () => {
    const lines = resultLines(check());
    expect(lines[0]).toMatch(/^ {2}Đảng viên \(N = \d+; giới hạn HTXSNV \d+ = 15% của \d+ HTTNV\):$/);
    expect(lines.join('\n')).not.toMatch(/đề xuất|điểm \(/);
  });
});

describe('end to end: a workbook that says "Bộ quy tắc: hd43-2025"', () => {
  it('M25-11/M25-13/ELIG25-01: the engine\'s results reach the papers, the report and the command line', () => {
    const { model } = buildChiBo25({ members: members25(4, (i) => [{ common: 28, tasks: 64.5 }, { common: 20, tasks: 25 }, { roll: { suspended: 'x' } }, {}][i]), settings: { capPercent: null } });
    const result: CheckResult = checkWorkbook(model);
    expect(result.ruleSet).toBe('hd43-2025');
    const layout = membersSheet(result);
    const row = rowOf(layout, result.members[0].name);
    expect([3, 4, 5, 6].map((c) => cellText(layout, row, c))).toEqual(['28', '64,5', '92,5', 'Hoàn thành tốt nhiệm vụ']);
    expect(cellText(layout, rowOf(layout, result.members[1].name), 6)).toBe('Không hoàn thành nhiệm vụ');
    expect(cellText(layout, rowOf(layout, result.members[2].name), 7)).toBe('Đang bị đình chỉ sinh hoạt đảng');
    expect(printedText(chiBoSheet(result))).toMatch(/ĐỀ XUẤT XẾP LOẠI/);
    const report = buildReport('hd27-2014', [{ path: 'x.xlsx', result }]);
    expect(report.ruleSet).toBe('hd43-2025');
    expect(report.settings?.find((s) => s.key === 'capPercent')?.source).toBe('default');
    expect((report.members[0] as { proposed?: boolean }).proposed).toBe(true);
    if (result.issues.some((i) => i.rule === 'CFG25-01')) expect(printedText(issuesSheet(result, () => true))).toContain('Tỷ lệ HTXSNV tối đa (%): 20 theo mặc định');
    expect(resultLines(result).join('\n')).toContain('đề xuất HTTNV (Hoàn thành tốt nhiệm vụ), 92,5 điểm (28 + 64,5)');
  });
});
