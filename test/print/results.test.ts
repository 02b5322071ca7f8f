/**
 * The papers of `xeploai check --out` and of `xeploai template`, printed by LibreOffice (test/print/render.ts)
 * and measured: A4, printed text at least 10.5 pt (11 pt cells, no shrinking), no rule ID or internal
 * code on the papers a clerk hands in, the Party's heading on page 1, no section heading alone at a page
 * foot, the 04-KĐ.ĐV counts before the member table (whose header alone repeats), Vietnamese numbers.
 * Page 1 of each paper is kept in docs/images/paper-*.png.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { a1 } from '../../src/core/grid';
import { RESULT_SHEETS } from '../../src/core/forms/definitions';
import { LayoutBuilder, partyDateText, placeOf, type SheetLayout, viNumber, withoutRuleIds } from '../../src/core/output/layout';
import { chiBoSheet, membersSheet } from '../../src/core/output/resultSheets';
import { checkInExcel } from '../../src/office/checkInExcel';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { FakeExcelHost } from '../fake-excel';
import { bigChiBo } from '../helpers/generate';
import { buildTemplate } from '../../src/xlsx/template';
import { run } from '../helpers/cli';
import {
  codesOnPaper,
  describePrinted,
  fontProblems,
  missingOnPage1,
  notA4,
  orphanHeadings,
  overlappingText,
  paperProblems,
  type PrintedSheet,
  printLayouts,
  printWorkbook,
  requireTools,
  SIZE_TOLERANCE,
  smallText,
} from './render';

const IMAGES = join(__dirname, '../../docs/images');
const EXAMPLE = join(__dirname, '../../examples/chi-bo-thanh-khe-2017.xlsx');
/** The heading every paper of the chi bộ carries on page 1 (HD 36-HD/VPTW). */
const HEADING = [/^ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN\s+ĐẢNG CỘNG SẢN VIỆT NAM$/, /^CHI BỘ THANH KHÊ$/, /^\*$/, /^Số\s+-BC\/CB\s+Hương Xuân, ngày 01 tháng 12 năm 2017$/, /^BÁO CÁO$/];

describePrinted('printed papers: calibration of the measure', () => {
  it('a cell of 8, 10, 11, 12 and 14 pt measures within the tolerance; the fonts are the metric twins of Excel\'s', async () => {
    requireTools();
    if (process.env.CI) expect(fontProblems()).toEqual([]);
    const sizes = [8, 10, 11, 12, 14];
    const b = new LayoutBuilder('Cỡ chữ', [40, 30], false);
    sizes.forEach((size, i) => {
      b.set(i, 0, `Chữ cỡ ${size} Việt Nam`, { size });
      b.set(i, 1, `Đậm nghiêng ${size}`, { size, bold: true, italic: true });
    });
    const page = (await printLayouts([b.build()])).get('Cỡ chữ')!.pages[0];
    sizes.forEach((size, i) => {
      const line = page.lines[i];
      expect(line.text).toBe(`Chữ cỡ ${size} Việt Nam Đậm nghiêng ${size}`);
      for (const w of line.words) expect(Math.abs(w.size - size)).toBeLessThanOrEqual(SIZE_TOLERANCE);
    });
    // The assertions refuse 10 pt and shrinking, and see codes and orphaned headings.
    const sheet = { sheet: 'Cỡ chữ', pdf: '', pages: [page] } as PrintedSheet;
    expect(smallText(sheet).length).toBeGreaterThan(0);
    expect(smallText(sheet, 7.5)).toEqual([]);
    expect(codesOnPaper({ ...sheet, pages: [{ ...page, lines: [{ ...page.lines[0], text: 'Không phân loại (exempt), MEM-06; tệp chi-bo-1.xlsx' }] }] })).toHaveLength(2);
    expect(orphanHeadings({ ...sheet, pages: [{ ...page, lines: [...page.lines, { ...page.lines[0], text: 'V. KẾT QUẢ TỪNG CHI BỘ' }] }, page] })).toHaveLength(1);
  }, 120_000);

  it('sees text cut by a row too low: the clipped lines print over the next row', async () => {
    const b = new LayoutBuilder('Cắt', [20], false);
    b.set(0, 0, 'Một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba', { size: 11, wrap: true, border: true });
    b.set(1, 0, 'Dòng dưới', { size: 11 });
    b.set(2, 0, 'Dòng dưới nữa', { size: 11 });
    const fitted = b.build();
    const cut: SheetLayout = { ...fitted, rowHeights: new Map([[0, 15]]) };
    const printed = await printLayouts([fitted, { ...cut, name: 'Cắt thấp' }]);
    expect(overlappingText(printed.get('Cắt')!)).toEqual([]);
    expect(overlappingText(printed.get('Cắt thấp')!).length).toBeGreaterThan(0);
  }, 120_000);
});

describePrinted('printed papers: xeploai check --out on the example chi bộ', () => {
  let dir: string;
  let papers: Map<string, PrintedSheet>;

  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'xeploai-papers-'));
    const out = join(dir, 'checked.xlsx');
    const r = await run('check', EXAMPLE, '--out', out);
    expect(r.code).toBeLessThan(2);
    papers = await printWorkbook(out, {
      sheets: [RESULT_SHEETS.members, RESULT_SHEETS.chiBo, RESULT_SHEETS.issues],
      images: { [RESULT_SHEETS.members]: join(IMAGES, 'paper-kq-dang-vien.png'), [RESULT_SHEETS.chiBo]: join(IMAGES, 'paper-kq-chi-bo.png'), [RESULT_SHEETS.issues]: join(IMAGES, 'paper-kiem-tra.png') },
    });
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('KQ xếp loại đảng viên: the report of form 04-KĐ.ĐV, A4 landscape at 11 pt, heading, no codes, no orphan', () => {
    const p = papers.get(RESULT_SHEETS.members)!;
    expect(paperProblems(p, [...HEADING, /^Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2017$/, /^\(Mẫu 04-KĐ\.ĐV\)$/])).toEqual([]);
    expect(p.pages.every((page) => page.landscape)).toBe(true);
    // Nothing shrunk: the smallest text is the 11 pt of the cells.
    expect(Math.min(...p.pages.map((page) => page.smallest))).toBeGreaterThanOrEqual(11 - SIZE_TOLERANCE);
    const all = p.pages.map((page) => page.text).join('\n');
    // Screen only: the rule IDs, the arithmetic, the rule set.
    expect(all).not.toMatch(/Quy tắc|Cách tính|Bộ quy tắc|hd27-2014|MEM-0\d|→/);
    // Every member once, with the level in words, whole (no cut "Không hoàn thành nhiệm").
    for (const name of ['Nguyễn Hữu Dũng', 'Hoàng Văn Hùng', 'Mai Văn Vinh', 'Châu Thị Xuân', 'Đỗ Văn Khoa']) expect(all.split(name).length - 1).toBe(1);
    expect(all).toMatch(/Mai Văn Vinh Chính thức Không phân loại Miễn công tác và sinh hoạt đảng/);
    expect(all).toMatch(/Châu Thị Xuân Chính thức Phân loại sau Vắng mặt/);
    expect(all).toMatch(/Nguyễn Hữu Dũng Chính thức Hoàn thành xuất sắc nhiệm vụ 15 \(93,75%\) 0 0 13 \(81,25%\)/);
  });

  it('KQ xếp loại đảng viên: the 04-KĐ.ĐV counts come first; the member header repeats over the member pages only', () => {
    const p = papers.get(RESULT_SHEETS.members)!;
    expect(p.pages.length).toBeGreaterThanOrEqual(2);
    // Page 1: the heading and the counts; the member section after them (on page 1 if it fits there
    // with its first members, else from the top of page 2).
    const first = p.pages[0].lines.map((l) => l.text);
    const counts = first.findIndex((l) => l === 'I. TỔNG HỢP KẾT QUẢ');
    const members = first.includes('II. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN') ? first.indexOf('II. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN') : first.length;
    expect(counts).toBeGreaterThan(0);
    expect(members).toBeGreaterThan(counts);
    for (const [label, count, pct] of [
      ['Tổng số đảng viên trong danh sách', 19, ''],
      ['Không phân loại: miễn công tác, sinh hoạt', 1, ''],
      ['Phân loại sau: vắng mặt', 1, ''],
      ['— Hoàn thành xuất sắc nhiệm vụ', 1, ' 6,25%'],
      ['— Hoàn thành tốt nhiệm vụ', 12, ' 75,00%'],
      ['— Hoàn thành nhiệm vụ', 3, ' 18,75%'],
    ] as const)
      expect(first.slice(counts, members).filter((l) => l.endsWith(`${label} ${count}${pct}`))).toHaveLength(1);
    // The member section starts where its first members print too: no heading or header alone at a foot.
    const section = p.pages.find((page) => page.text.includes('II. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN'))!;
    expect(section.text).toMatch(/II\. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN\nSTT Họ và tên[\s\S]*\n1 Nguyễn Hữu Dũng [\s\S]*\n2 Trần Văn Bình /);
    for (const page of p.pages.slice(1)) {
      expect(page.lines[0].text).toMatch(/^(STT Họ và tên Chính thức\/|II\. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN$)/);
      expect(page.text).not.toContain('TỔNG HỢP KẾT QUẢ');
    }
    // The signatures end the report.
    const last = p.pages[p.pages.length - 1].text;
    expect(last).toMatch(/\n19 Đỗ Văn Khoa Dự bị Không phân loại Vào Đảng chưa đủ 6 tháng\n/);
    expect(last).toMatch(/Nơi nhận:\s+T\/M CHI BỘ/);
    expect(last).toMatch(/BÍ THƯ/);
  });

  it('KQ xếp loại chi bộ: Vietnamese numbers with two decimals, the date line on one line, A4 portrait, no codes', () => {
    const p = papers.get(RESULT_SHEETS.chiBo)!;
    expect(paperProblems(p, [...HEADING, /^Kết quả đánh giá, xếp loại chất lượng chi bộ năm 2017$/])).toEqual([]);
    expect(p.pages).toHaveLength(1);
    expect(p.pages[0].landscape).toBe(false);
    const text = p.pages[0].text;
    for (const line of ['1 Thực hiện nhiệm vụ chính trị 40 35,53', '2 Công tác chính trị tư tưởng 20 17,50', '5 Công tác kiểm tra, giám sát và kỷ luật Đảng 10 8,77', 'Tổng điểm (bình quân các phiếu hợp lệ) 100 87,63'])
      expect(p.pages[0].lines.map((l) => l.text)).toContain(line);
    expect(text).not.toMatch(/\d\.\d/);
    expect(text).toMatch(/III\. MỨC XẾP LOẠI Hoàn thành tốt nhiệm vụ/);
    expect(text).not.toMatch(/Quy tắc|CB-0\d/);
  });

  it('Kiểm tra: prints A4 at 11 pt or more, its rule column (the screen\'s) outside the print area', () => {
    const p = papers.get(RESULT_SHEETS.issues)!;
    expect([...notA4(p), ...smallText(p), ...orphanHeadings(p), ...overlappingText(p), ...missingOnPage1(p, [/^KIỂM TRA SỐ LIỆU — CHI BỘ THANH KHÊ$/])]).toEqual([]);
    expect(codesOnPaper(p)).toEqual([]);
    expect(p.pages.map((page) => page.text).join('\n')).toContain('Bùi Thị Ngọc');
  });
});

describePrinted('printed papers: a chi bộ of 60 members', () => {
  it('the member table runs over pages with its header on each, every name once, the signatures whole on the last page', async () => {
    requireTools();
    const result = checkWorkbook(workbookToModel(bigChiBo(60).workbook));
    const printed = await printLayouts([membersSheet(result), chiBoSheet(result)]);
    const p = printed.get(RESULT_SHEETS.members)!;
    expect(paperProblems(p, [/ĐẢNG CỘNG SẢN VIỆT NAM$/, /^BÁO CÁO$/])).toEqual([]);
    expect(p.pages.length).toBeGreaterThanOrEqual(3);
    for (const page of p.pages.slice(1)) expect(page.lines[0].text).toMatch(/^(STT Họ và tên|II\. KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN$)/);
    const all = p.pages.map((page) => page.text).join('\n');
    for (let i = 1; i <= 60; i++) expect(all.match(new RegExp(`Đảng viên Số ${i}(?!\\d)`, 'g'))).toHaveLength(1);
    const last = p.pages[p.pages.length - 1].text;
    expect(last).toMatch(/\n60 Đảng viên Số 60 /);
    for (const line of ['Nơi nhận:', 'T/M CHI BỘ', 'BÍ THƯ', '(Ký, ghi rõ họ tên)']) expect(last).toContain(line);
    expect(paperProblems(printed.get(RESULT_SHEETS.chiBo)!)).toEqual([]);
  }, 120_000);
});

describe('the words and numbers of the papers', () => {
  it('numbers with a decimal comma and fixed decimals, dates as the Party writes them, rule IDs kept off paper', () => {
    expect([35.5333, 17.5, 12.9, 87.63, 0, 1314.5, 12345.6].map((v) => viNumber(v, 2))).toEqual(['35,53', '17,50', '12,90', '87,63', '0,00', '1314,50', '12.345,60']);
    expect(viNumber(null, 2)).toBe('—');
    expect(partyDateText({ d: 1, m: 12, y: 2017 })).toBe('ngày 01 tháng 12 năm 2017');
    expect(partyDateText({ d: 3, m: 4, y: 2018 })).toBe('ngày 03 tháng 4 năm 2018');
    expect(partyDateText({ d: 15, m: 2, y: 2018 })).toBe('ngày 15 tháng 02 năm 2018');
    expect(placeOf('Đảng bộ phường Hương Xuân')).toBe('Hương Xuân');
    expect(withoutRuleIds('Điểm ≥ 70, đủ các điều kiện → Hoàn thành tốt nhiệm vụ (CB-04).')).toBe('Điểm ≥ 70, đủ các điều kiện → Hoàn thành tốt nhiệm vụ.');
    expect(withoutRuleIds('Lần 2: 13 phiếu (MEM-05, MEM-06). [VOTE-07] Sai số phiếu')).toBe('Lần 2: 13 phiếu. Sai số phiếu');
  });
});

describe('the Office.js renderer prints as the .xlsx renderer does (fake Excel host)', () => {
  it('KQ xếp loại đảng viên: A4 landscape at 100 %, the print area without the screen columns, the member header as print titles', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
    const layout = membersSheet(checkWorkbook(workbookToModel(workbook)));
    const host = await FakeExcelHost.fromXlsx(new Uint8Array(readFileSync(EXAMPLE)), { apiVersion: '1.18' });
    await host.withGlobals(() => host.run((context) => checkInExcel(context)));
    const area = layout.print!.area!;
    const [top, bottom] = layout.printTitleRows!;
    expect(host.getPageLayout(RESULT_SHEETS.members)).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { scale: 100 },
      printArea: [`A1:${a1(area.bottom, area.right)}`],
      printTitleRows: `${top + 1}:${bottom + 1}`,
    });
    expect(area.right).toBe(8);
    expect(host.getPageLayout(RESULT_SHEETS.chiBo)).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { scale: 100 } });
  });
});

describePrinted('printed papers: the template (xeploai template)', () => {
  let dir: string;
  let papers: Map<string, PrintedSheet>;

  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'xeploai-template-'));
    const file = join(dir, 'mau.xlsx');
    await buildTemplate().workbook.xlsx.writeFile(file);
    papers = await printWorkbook(file, { images: { 'Danh sách đảng viên': join(IMAGES, 'paper-mau.png') } });
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every input sheet prints A4 at 11 pt or more, never shrunk, with the Party\'s name on page 1 and no code', () => {
    expect(papers.size).toBeGreaterThanOrEqual(8);
    const problems: string[] = [];
    for (const p of papers.values()) problems.push(...paperProblems(p, [/ĐẢNG CỘNG SẢN VIỆT NAM$/]));
    expect(problems).toEqual([]);
    // One page wide (the blank tables fit one page): no column spills onto a page of its own.
    expect([...papers.values()].filter((p) => p.pages.length !== 1).map((p) => `${p.sheet}: ${p.pages.length} trang`)).toEqual([]);
  });
});
