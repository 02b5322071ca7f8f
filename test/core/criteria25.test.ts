/**
 * `Bộ tiêu chí` and `Chấm điểm đảng viên` as data (RULES-2025.md §7; rule set hd43-2025, not yet offered):
 * the reader finds both criteria tables and the settings with the same tolerance as every sheet, and
 * CFG25 (src/core/rules/cfg25.ts) checks the tables (CFG25-02) and gives each setting its source.
 */
import { CRITERIA_FORM, CRITERIA_SETTINGS, HD43_INPUT_FORMS, INPUT_FORMS, ALL_INPUT_FORMS, MEMBER_SCORES_FORM } from '../../src/core/forms/definitions';
import type { CellValue, WorkbookModel } from '../../src/core/grid';
import { readCriteria, readMemberScores } from '../../src/core/forms/reader';
import { newIssueSink } from '../../src/core/rules/issue';
import { criteriaSettings, groupOf, unconfirmed } from '../../src/core/rules/cfg25';

const sheetOf = (name: string, rows: CellValue[][], merges: { top: number; left: number; bottom: number; right: number }[] = []): WorkbookModel => ({
  sheets: [{ name, values: rows, originRow: 0, originCol: 0, merges }],
});

/** A ward's criteria sheet, spelled as a clerk might: folded labels, a merged title, numbered parts. */
function wardSheet(overrides: { commonMax?: CellValue; capPercent?: CellValue; step?: CellValue; scope?: CellValue } = {}): CellValue[][] {
  return [
    ['BỘ TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG', null, null],
    ['A. Tiêu chí đánh giá đảng viên', null, null],
    ['NHÓM TIÊU CHÍ', 'Nội dung tiêu chí', 'Thang điểm'],
    ['Nhóm tiêu chí chung (30 điểm)', 'Phẩm chất chính trị, đạo đức, lối sống', 15],
    ['Tiêu chí chung', 'Tinh thần đổi mới, sáng tạo', overrides.commonMax ?? 7.5],
    [1, 'Tự phê bình và phê bình', 7.5],
    ['Kết quả thực hiện nhiệm vụ', 'Nhiệm vụ được giao', 70],
    [],
    ['B. Tiêu chí đánh giá chi bộ', null, null],
    ['Nhóm', 'Tiêu chí', 'Điểm tối đa'],
    ['Chung', 'Xây dựng chi bộ về chính trị, tư tưởng', 30],
    ['2', 'Lãnh đạo thực hiện nhiệm vụ chính trị', 70],
    [],
    ['C. Thiết lập', null, null],
    ['Tỷ lệ HTXSNV tối đa (%)', overrides.capPercent ?? 20],
    ['Phạm vi giới hạn', overrides.scope ?? 'Chi bộ'],
    ['Bước điểm:', overrides.step ?? null],
    ['Áp dụng căn cứ KHTNV', 'Không'],
  ];
}

describe('Bộ tiêu chí: the forms are data and not yet in hd27-2014\'s lists', () => {
  it('the new sheets are read only by hd43-2025 (hd27-2014\'s template and reading are unchanged)', () => {
    expect(INPUT_FORMS).not.toContain(CRITERIA_FORM);
    expect(ALL_INPUT_FORMS).not.toContain(MEMBER_SCORES_FORM);
    expect(HD43_INPUT_FORMS).toEqual(expect.arrayContaining([CRITERIA_FORM, MEMBER_SCORES_FORM]));
    expect(CRITERIA_SETTINGS.map((s) => s.label)).toEqual([
      'Tỷ lệ HTXSNV tối đa (%)',
      'Phạm vi giới hạn',
      'Điểm dưới mức KHTNV',
      'Bước điểm',
      'Áp dụng căn cứ KHTNV',
      'Nghỉ ốm từ 3 tháng: tối đa HTNV',
      'CBCCVC: HTXSNV cần xếp loại CBCCVC HTXSNV',
      'Điều kiện đảng viên cho chi bộ HTXSNV',
      'Cách tính điểm chi bộ',
      'Tỷ lệ chi bộ "Trong sạch, vững mạnh" tối đa (%)',
    ]);
  });

  it('groups are named by words, a leading phrase, or the numbers 1 and 2', () => {
    expect(groupOf('Nhóm tiêu chí chung (30 điểm)')).toBe('common');
    expect(groupOf('KẾT QUẢ THỰC HIỆN NHIỆM VỤ')).toBe('tasks');
    expect(groupOf(2)).toBe('tasks');
    expect(groupOf('II')).toBe('tasks');
    expect(groupOf('Khác')).toBeNull();
  });
});

describe('Bộ tiêu chí: reading both tables and the settings', () => {
  it('reads the members\' and the chi bộ\'s criteria under folded headers, with a merged title', () => {
    const sink = newIssueSink();
    const read = readCriteria(sheetOf('Bo tieu chi', wardSheet(), [{ top: 0, left: 0, bottom: 0, right: 2 }]), sink);
    expect(sink.list).toEqual([]);
    expect(read?.members?.rows.map((r) => r.max.value)).toEqual([15, 7.5, 7.5, 70]);
    expect(read?.chiBo?.rows.map((r) => r.criterion.value)).toEqual(['Xây dựng chi bộ về chính trị, tư tưởng', 'Lãnh đạo thực hiện nhiệm vụ chính trị']);
    const cs = criteriaSettings(read ?? null);
    expect(cs.findings).toEqual([]);
    expect(cs.members.source).toBe('sheet');
    expect(cs.members.valid).toBe(true);
    expect(cs.members.criteria.map((c) => c.group)).toEqual(['common', 'common', 'common', 'tasks']);
    expect(cs.chiBo.criteria.map((c) => `${c.group} ${c.max}`)).toEqual(['common 30', 'tasks 70']);
  });

  it('settings: each value with its source; an empty one is the default', () => {
    const cs = criteriaSettings(readCriteria(sheetOf('Bộ tiêu chí', wardSheet()), newIssueSink()));
    const byKey = Object.fromEntries(cs.settings.list.map((s) => [s.key, `${String(s.value)} ${s.source} ${s.cell}`]));
    expect(byKey).toEqual({
      capPercent: '20 sheet B15',
      capScope: 'chi-bo sheet B16',
      failBelow: '50 default null',
      scoreStep: '0.5 default B17',
      khtnvGrounds: 'false sheet B18',
      sickLeaveCap: 'true default null',
      civilServantExcellent: 'true default null',
      chiBoMemberConditions: 'true default null',
      chiBoScoreMethod: 'mean default null',
      exemplaryPercent: '20 default null',
    });
    expect(cs.settings.capScope).toBe('chi-bo');
    expect(cs.settings.khtnvGrounds).toBe(false);
    const warn = unconfirmed(cs.settings.list[3], { sheet: 'Chấm điểm đảng viên', cell: 'C5' }, 'Điểm 12,25 không theo bước');
    expect(warn?.rule).toBe('CFG25-01');
    expect(warn?.message).toContain('"Bước điểm" = 0,5 theo mặc định');
    expect(warn?.message).toContain('ô B17');
    expect(unconfirmed(cs.settings.list[0], { sheet: 'x', cell: null }, 'y')).toBeNull();
  });

  it('no sheet: every criterion and setting is the default, and says so', () => {
    const cs = criteriaSettings(null);
    expect(cs.members.source).toBe('default');
    expect(cs.members.criteria.map((c) => `${c.group} ${c.max}`)).toEqual(['common 30', 'tasks 70']);
    expect(cs.settings.list.every((s) => s.source === 'default')).toBe(true);
    expect(cs.settings.capPercent).toBe(20);
    expect(cs.settings.capScope).toBe('ward');
  });

  it('CFG25-02: a group\'s maxima that do not add up to 30 is an error naming the sum, on the group\'s last maximum', () => {
    const cs = criteriaSettings(readCriteria(sheetOf('Bộ tiêu chí', wardSheet({ commonMax: 5 })), newIssueSink()));
    expect(cs.findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(['CFG25-02 error C6']);
    expect(cs.findings[0].message).toContain('cộng được 27,5 điểm tối đa, phải đúng 30');
    expect(cs.members.valid).toBe(false);
    expect(cs.chiBo.valid).toBe(true);
  });

  it('DATA-02: text where a number belongs, in a maximum or a setting, is an error on its cell; the default stands for the setting', () => {
    const cs = criteriaSettings(readCriteria(sheetOf('Bộ tiêu chí', wardSheet({ commonMax: 'bảy rưỡi', capPercent: 'hai mươi', scope: 'Huyện' })), newIssueSink()));
    expect(cs.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['DATA-02 C5', 'DATA-02 B15', 'DATA-02 B16']);
    expect(cs.findings[0].message).toContain('"bảy rưỡi" không phải số điểm');
    expect(cs.findings[1].message).toContain('"hai mươi" không phải số');
    expect(cs.settings.capPercent).toBe(20);
    expect(cs.settings.list[0].source).toBe('default');
    expect(cs.members.valid).toBe(false);
  });

  it('a missing column is DATA-01, as on every sheet', () => {
    const rows = wardSheet().map((r) => r.slice(0, 2));
    const sink = newIssueSink();
    readCriteria(sheetOf('Bộ tiêu chí', rows), sink);
    expect(sink.list.filter((i) => i.rule === 'DATA-01').length).toBeGreaterThanOrEqual(1);
    expect(sink.list[0].message).toContain('Điểm tối đa');
  });
});

describe('Chấm điểm đảng viên', () => {
  it('reads the two group scores, the total and the task figures under a merged two-row header', () => {
    const rows: CellValue[][] = [
      ['CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN'],
      ['STT', 'Họ và tên', 'Điểm', null, null, 'Nhiệm vụ', null, null, 'Hạn chế, khuyết điểm', null],
      [null, null, 'Tiêu chí chung', 'Kết quả thực hiện nhiệm vụ', 'Tổng', 'Được giao', 'Hoàn thành đúng hạn', 'Vượt yêu cầu', 'Được chỉ ra', 'Đã khắc phục'],
      [1, 'Nguyễn Văn An', 27.5, 64.5, 92, 10, 10, 2, 1, 1],
    ];
    const merges = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 4 },
      { top: 1, left: 5, bottom: 1, right: 7 },
      { top: 1, left: 8, bottom: 1, right: 9 },
    ];
    const sink = newIssueSink();
    const read = readMemberScores(sheetOf('Chấm điểm đảng viên', rows, merges), sink);
    expect(sink.list).toEqual([]);
    const row = read?.rows[0];
    expect([row?.common.value, row?.tasks.value, row?.total.value, row?.assigned.value, row?.exceeded.value, row?.fixed.value]).toEqual([27.5, 64.5, 92, 10, 2, 1]);
    expect(row?.common.cell).toBe('C4');
    expect(row?.nameKey).not.toBe('');
  });
});
