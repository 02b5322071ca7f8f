/**
 * The papers of a hd43-2025 workbook (issue 14), printed by LibreOffice and measured as the 2014 ones
 * are (test/print/render.ts): `xeploai check --out` writes `KQ xếp loại đảng viên` (scores and "Đề xuất
 * xếp loại"), `KQ xếp loại chi bộ` (30 + 70, the task figures, the proposal) and `Kiểm tra` (with the
 * settings used by default); `xeploai ballots` without `--round` writes the members' scoring sheets, one A4
 * portrait page each. A4, at least 11 pt, the Party's heading, no rule ID or code on paper, nothing cut.
 * Page 1 of each is kept in docs/images/paper-*-2025.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEETING_SHEETS, RESULT_SHEETS } from '../../src/core/forms/definitions';
import { run } from '../helpers/cli';
import { buildChiBo25, members25 } from '../helpers/chibo25';
import { writeModelXlsx } from '../helpers/modelXlsx';
import { describePrinted, paperProblems, type PrintedSheet, printWorkbook, requireTools, SIZE_TOLERANCE } from './render';

const IMAGES = join(__dirname, '../../docs/images');
/** The heading of the chi bộ's papers (HD 36-HD/VPTW); a scoring sheet has no number. */
const HEADING = [/^ĐẢNG BỘ PHƯỜNG THANH KHÊ\s+ĐẢNG CỘNG SẢN VIỆT NAM$/, /^CHI BỘ TỔ DÂN PHỐ 5$/, /^\*$/];
const DATE = /Thanh Khê, ngày 10 tháng 12 năm 2025$/;
const CRITERIA = [
  ['Nhóm tiêu chí chung', 'Phẩm chất chính trị, tư tưởng, đạo đức, lối sống, ý thức tổ chức kỷ luật, tác phong, lề lối làm việc', 15],
  ['Nhóm tiêu chí chung', 'Tinh thần đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm', 7.5],
  ['Nhóm tiêu chí chung', 'Tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm', 7.5],
  ['Kết quả thực hiện nhiệm vụ', 'Kết quả thực hiện nhiệm vụ được giao trong năm', 50],
  ['Kết quả thực hiện nhiệm vụ', 'Tham gia sinh hoạt chi bộ và hoạt động ở nơi cư trú', 20],
] as const;

describePrinted('printed papers: a hd43-2025 chi bộ (check --out, ballots without --round)', () => {
  let dir: string;
  let papers: Map<string, PrintedSheet>;
  let sheets: PrintedSheet;

  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'xeploai-papers25-'));
    const members = members25(7, (i) => [{ common: 29, tasks: 66.5, figures: [10, 10, 4, 1, 1] }, { common: 28, tasks: 64, figures: [10, 10, 2, 0, 0] }, {}, { common: 20, tasks: 25 }, { roll: { suspended: 'x' } }, { common: 22, tasks: 40, figures: [10, 8, 0, 0, 0] }, { common: 26.5, tasks: 58 }][i]);
    const input = await writeModelXlsx(buildChiBo25({ members, info: { chiBo: 'Tổ dân phố 5' }, settings: { capPercent: null, scoreStep: null }, memberCriteria: CRITERIA.map((r) => [...r]) }).model, join(dir, 'tdp5.xlsx'));
    const checked = join(dir, 'checked.xlsx');
    expect((await run('check', input, '--out', checked)).code).toBeLessThan(2);
    const scoring = join(dir, 'phieu.xlsx');
    const r = await run('ballots', input, '--out', scoring);
    expect(r).toMatchObject({ code: 0, err: '' });
    papers = await printWorkbook(checked, {
      sheets: [RESULT_SHEETS.members, RESULT_SHEETS.chiBo, RESULT_SHEETS.issues],
      images: { [RESULT_SHEETS.members]: join(IMAGES, 'paper-kq-dang-vien-2025.png'), [RESULT_SHEETS.chiBo]: join(IMAGES, 'paper-kq-chi-bo-2025.png') },
    });
    sheets = (await printWorkbook(scoring, { sheets: [MEETING_SHEETS.scoreSheets], images: { [MEETING_SHEETS.scoreSheets]: join(IMAGES, 'paper-phieu-cham-diem.png') } })).get(MEETING_SHEETS.scoreSheets)!;
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('M25-15: KQ xếp loại đảng viên prints each member\'s score and proposed level, A4 landscape at 11 pt, no codes', () => {
    const p = papers.get(RESULT_SHEETS.members)!;
    expect(paperProblems(p, [...HEADING, DATE, /^Kết quả đánh giá và đề xuất xếp loại chất lượng đảng viên năm 2025$/])).toEqual([]);
    expect(p.pages.every((page) => page.landscape)).toBe(true);
    expect(Math.min(...p.pages.map((page) => page.smallest))).toBeGreaterThanOrEqual(11 - SIZE_TOLERANCE);
    const all = p.pages.map((page) => page.text).join('\n');
    expect(all).toContain('Đề xuất xếp loại');
    expect(all).not.toMatch(/Quy tắc|Cách tính|Bộ quy tắc|hd43-2025|M25-\d\d|→/);
    expect(all).toMatch(/Trần Thị An Chính thức 28 64 92 Hoàn thành tốt nhiệm vụ Chưa đạt: chỉ 2\/10 nhiệm vụ vượt mức, cần ít\s+nhất 30 %/);
    expect(all).toMatch(/Hoàng Văn An Chính thức 25 60 85 Không phân loại Đang bị đình chỉ sinh hoạt đảng/);
    expect(all).toMatch(/Số đảng viên được đề xuất xếp loại 6 100,00%/);
  });

  it('CB25-01: KQ xếp loại chi bộ prints the 30 + 70 score, the task figures and "IV. ĐỀ XUẤT XẾP LOẠI", A4 portrait on one page', () => {
    const p = papers.get(RESULT_SHEETS.chiBo)!;
    expect(paperProblems(p, [...HEADING, DATE, /^Kết quả tự đánh giá và đề xuất xếp loại chất lượng chi bộ năm 2025$/])).toEqual([]);
    expect(p.pages).toHaveLength(1);
    expect(p.pages[0].landscape).toBe(false);
    const all = p.pages[0].text;
    expect(all).toMatch(/1 Nhóm tiêu chí chung 30 26/);
    expect(all).toMatch(/Tổng điểm 100 88/);
    expect(all).toMatch(/3 Hoàn thành vượt yêu cầu 3 30,00%/);
    expect(all).toMatch(/IV\. ĐỀ XUẤT XẾP LOẠI Hoàn thành tốt nhiệm vụ/);
  });

  it('CFG25-01: Kiểm tra lists the settings used by default, A4', () => {
    const p = papers.get(RESULT_SHEETS.issues)!;
    expect(p.pages.every((page) => page.a4)).toBe(true);
    const all = p.pages.map((page) => page.text).join('\n');
    expect(all).toContain('THIẾT LẬP CỦA ĐẢNG ỦY ĐANG DÙNG GIÁ TRỊ MẶC ĐỊNH');
    expect(all).toMatch(/Tỷ lệ HTXSNV tối đa \(%\): 20 theo mặc định/);
    expect(all).toMatch(/Bước điểm: 0,5 theo mặc định/);
  });

  it('M25-02: Phiếu chấm điểm, one A4 portrait page per member to be scored, the ward\'s criteria, heading and signatures on each', () => {
    expect(paperProblems(sheets, [...HEADING, DATE, /^PHIẾU CHẤM ĐIỂM ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN$/, /^NĂM 2025$/])).toEqual([]);
    // Seven on the roll, one suspended: six pages, one member each.
    expect(sheets.pages).toHaveLength(6);
    sheets.pages.forEach((page) => {
      expect(page.landscape).toBe(false);
      expect(page.smallest).toBeGreaterThanOrEqual(11 - SIZE_TOLERANCE);
      const lines = page.lines.map((l) => l.text);
      expect(lines.filter((l) => l.startsWith('Họ và tên đảng viên:'))).toHaveLength(1);
      expect(lines).toContain('TT Tiêu chí Điểm tối đa Điểm tự chấm Điểm chi bộ');
      expect(lines).toContain('I Nhóm tiêu chí chung (tối đa 30 điểm) 30');
      // A long criterion wraps inside its row; its maximum prints beside its first line.
      expect(lines).toContain('2 Tinh thần đổi mới, sáng tạo, dám nghĩ, dám làm, 7,5');
      expect(lines).toContain('4 Kết quả thực hiện nhiệm vụ được giao trong năm 50');
      expect(lines).toContain('Tổng cộng 100');
      expect(lines).toContain('ĐẢNG VIÊN TỰ CHẤM T/M CHI BỘ');
    });
    expect(sheets.pages.map((page) => page.lines.find((l) => l.text.startsWith('Họ và tên đảng viên:'))?.text)).toEqual(['Nguyễn Văn An', 'Trần Thị An', 'Lê Văn An', 'Phạm Thị An', 'Huỳnh Thị An', 'Phan Văn An'].map((n) => `Họ và tên đảng viên: ${n}`));
  });
});
