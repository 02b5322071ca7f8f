/**
 * The ward's and the meeting's papers printed by LibreOffice as a clerk prints them (test/print/render.ts):
 * `Tổng hợp` and its `Kiểm tra` from `xeploai aggregate` over the sixteen chi bộ of the plan (as
 * test/cli/aggregate.test.ts makes them), `Biên bản kiểm phiếu` from `xeploai minutes` and `Phiếu lần 1`
 * / `Phiếu lần 2` from `xeploai ballots` on the bundled example. Each: A4, no printed word below 10.5 pt
 * (11 pt less the measure's tolerance), no rule ID or internal code on any page, the Party's heading on
 * page 1 (HD 36-HD/VPTW), no section heading alone at a page foot, no word cut at a cell's edge. Page 1 of
 * each is kept in docs/images (paper-tong-hop.png, paper-bien-ban.png, paper-phieu-lan-1.png).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MEETING_SHEETS, RESULT_SHEETS } from '../../src/core/forms/definitions';
import { fillWorkbook } from '../../src/xlsx/fill';
import { WARD_CHI_BO, wardChiBoData } from '../../src/xlsx/wardExample';
import { run } from '../helpers/cli';
import { build, example } from '../helpers/workbook';
import { codesOnPaper, describePages, describePrinted, missingOnPage1, notA4, orphanHeadings, type PrintedPage, type PrintedSheet, printWorkbook, requireTools, smallText } from './render';

const IMAGES = resolve(__dirname, '../../docs/images');
/** P2_KEEP=folder keeps the PDFs (to look at them); the images are written to docs/images either way. */
const KEEP = process.env.P2_KEEP;

let dir: string;
let files: string[];
let wardReport: { ward: { chiBo: { levels: Record<string, { count: number }> } }; chiBo: { level: string | null }[] };
let ward: Map<string, PrintedSheet>;
let minutes: PrintedSheet;
let round1: PrintedSheet;
let round2: PrintedSheet;

const sub = (name: string): string => {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
};

describePrinted('the ward\'s and the meeting\'s papers, printed', () => {
  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'xeploai-p2-'));
    files = [];
    for (let i = 0; i < WARD_CHI_BO.length; i++) {
      const path = join(dir, `chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`);
      await fillWorkbook(wardChiBoData(i)).workbook.xlsx.writeFile(path);
      files.push(path);
    }
    const plan = join(dir, 'ke-hoach.xlsx');
    expect((await run('template', '--plan', '--out', plan)).code).toBe(0);
    const tongHop = join(dir, 'TONG-HOP.xlsx');
    const agg = await run('aggregate', ...files, plan, '--out', tongHop, '--json');
    expect(agg.code).toBe(0);
    wardReport = JSON.parse(agg.out);

    const input = join(dir, 'chi-bo.xlsx');
    await build(example()).workbook.xlsx.writeFile(input);
    const bienBan = join(dir, 'bien-ban.xlsx');
    const phieu1 = join(dir, 'phieu-1.xlsx');
    const phieu2 = join(dir, 'phieu-2.xlsx');
    expect((await run('minutes', input, '--out', bienBan)).code).toBe(0);
    expect((await run('ballots', input, '--round', '1', '--out', phieu1)).code).toBe(0);
    expect((await run('ballots', input, '--round', '2', '--out', phieu2)).code).toBe(0);

    const keep = (name: string) => (KEEP ? join(KEEP, name) : sub(name));
    const [w, m, p1, p2] = await Promise.all([
      printWorkbook(tongHop, { dir: keep('ward'), images: { [RESULT_SHEETS.ward]: join(IMAGES, 'paper-tong-hop.png') } }),
      printWorkbook(bienBan, { dir: keep('minutes'), sheets: [MEETING_SHEETS.minutes], images: { [MEETING_SHEETS.minutes]: join(IMAGES, 'paper-bien-ban.png') } }),
      printWorkbook(phieu1, { dir: keep('round1'), sheets: [MEETING_SHEETS.ballot1], images: { [MEETING_SHEETS.ballot1]: join(IMAGES, 'paper-phieu-lan-1.png') } }),
      printWorkbook(phieu2, { dir: keep('round2'), sheets: [MEETING_SHEETS.ballot2] }),
    ]);
    ward = w;
    minutes = m.get(MEETING_SHEETS.minutes) as PrintedSheet;
    round1 = p1.get(MEETING_SHEETS.ballot1) as PrintedSheet;
    round2 = p2.get(MEETING_SHEETS.ballot2) as PrintedSheet;
    if (KEEP) for (const s of [...ward.values(), minutes, round1, round2]) console.log(`${s.sheet}: ${describePages(s)}\n${s.pages[0].text}`);
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const all = (): PrintedSheet[] => [...ward.values(), minutes, round1, round2];

  it('every page is A4; no printed word is below 10.5 pt', () => {
    for (const s of all()) {
      expect(notA4(s)).toEqual([]);
      expect(smallText(s)).toEqual([]);
    }
  });

  it('no rule ID or internal code on any page', () => {
    for (const s of all()) expect(codesOnPaper(s)).toEqual([]);
  });

  it('no section heading alone at the foot of a page; "V. KẾT QUẢ TỪNG CHI BỘ" heads the page its table starts on', () => {
    for (const s of all()) expect(orphanHeadings(s)).toEqual([]);
    const tongHop = ward.get(RESULT_SHEETS.ward) as PrintedSheet;
    const page = tongHop.pages.find((p) => p.lines.some((l) => l.text.startsWith('V. KẾT QUẢ TỪNG CHI BỘ'))) as PrintedPage;
    expect(page).toBeDefined();
    const at = page.lines.findIndex((l) => l.text.startsWith('V. KẾT QUẢ TỪNG CHI BỘ'));
    expect(page.lines[at + 1].text).toMatch(/^TT Chi bộ Ngày họp/);
    expect(page.text).toContain('1 Thanh Khê');
    // The minutes: every section heading has its first lines on the same page.
    for (const heading of ['I. SỐ PHIẾU', 'II. KẾT QUẢ KIỂM PHIẾU', 'III. BẦU ĐẢNG VIÊN', 'IV. TỔNG HỢP KẾT QUẢ']) {
      const p = minutes.pages.find((x) => x.lines.some((l) => l.text.startsWith(heading))) as PrintedPage;
      expect(p).toBeDefined();
      const i = p.lines.findIndex((l) => l.text.startsWith(heading));
      expect(p.lines.length - i).toBeGreaterThan(3);
    }
  });

  it('the Party\'s heading (HD 36-HD/VPTW) on page 1: issuing body, star, number, "ĐẢNG CỘNG SẢN VIỆT NAM", place and date, title', () => {
    expect(missingOnPage1(ward.get(RESULT_SHEETS.ward) as PrintedSheet, [/^ĐẢNG BỘ …+ ĐẢNG CỘNG SẢN VIỆT NAM$/, 'ĐẢNG ỦY PHƯỜNG HƯƠNG XUÂN', /^\*$/, /^Số\s+-BC\/ĐU Hương Xuân, ngày …… tháng …… năm ……$/, /^BÁO CÁO$/, 'Tổng hợp kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2017', 'I. CHẤT LƯỢNG ĐẢNG VIÊN (Mẫu 04-KĐ.ĐV)'])).toEqual([]);
    const chiBo = [/^ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN ĐẢNG CỘNG SẢN VIỆT NAM$/, /^CHI BỘ THANH KHÊ$/, /^\*$/];
    expect(missingOnPage1(minutes, [...chiBo, /^Số\s+-BB\/CB Hương Xuân, ngày 01 tháng 12 năm 2017$/, /^BIÊN BẢN KIỂM PHIẾU$/, 'Đánh giá, phân loại chất lượng đảng viên năm 2017'])).toEqual([]);
    for (const ballot of [round1, round2]) expect(missingOnPage1(ballot, [...chiBo, /^Hương Xuân, ngày 01 tháng 12 năm 2017$/, 'PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2017', /Mẫu 07-KĐ\.ĐV/])).toEqual([]);
    // The signatures on the last page.
    const lastText = (s: PrintedSheet) => s.pages[s.pages.length - 1].text;
    expect(lastText(ward.get(RESULT_SHEETS.ward) as PrintedSheet)).toMatch(/T\/M BAN THƯỜNG VỤ[\s\S]*BÍ THƯ/);
    expect(lastText(ward.get(RESULT_SHEETS.ward) as PrintedSheet)).toContain('Nơi nhận:');
    expect(lastText(minutes)).toMatch(/TRƯỞNG BAN KIỂM PHIẾU CÁC THÀNH VIÊN CHỦ TRÌ/);
  });

  it('no text cut: each result on one line with its row (the widest result, "Hoàn thành xuất sắc nhiệm vụ", included)', () => {
    const line = (s: PrintedSheet, pattern: RegExp) => s.pages.flatMap((p) => p.lines).filter((l) => pattern.test(l.text));
    expect(line(minutes, /^1 Nguyễn Hữu Dũng 15 0 0 13 Hoàn thành xuất sắc nhiệm vụ$/)).toHaveLength(1);
    expect(line(minutes, /^\d+ .+ \d+ \d+ \d+ \d+ (Hoàn thành (xuất sắc |tốt )?nhiệm vụ|Không hoàn thành nhiệm vụ)$/)).toHaveLength(16);
    // Tổng hợp: each chi bộ's level whole on its row's line, as many of each as the check found.
    const tongHop = ward.get(RESULT_SHEETS.ward) as PrintedSheet;
    const names: Record<string, string> = { TSVM: 'Trong sạch, vững mạnh', HTTNV: 'Hoàn thành tốt nhiệm vụ', HTNV: 'Hoàn thành nhiệm vụ', YK: 'Yếu kém' };
    for (const [code, name] of Object.entries(names)) {
      const rows = line(tongHop, new RegExp(`^\\d+ .*\\d\\d/12/201\\d \\d\\d/12/2017 .* \\d+,\\d\\d ${name}$`));
      expect(rows).toHaveLength(wardReport.chiBo.filter((c) => c.level === code).length);
    }
  });

  it('Vietnamese numbers: scores with a decimal comma and two decimals, percentages with a comma', () => {
    const tongHop = ward.get(RESULT_SHEETS.ward) as PrintedSheet;
    const text = tongHop.pages.map((p) => p.text).join('\n');
    const rows = tongHop.pages.flatMap((p) => p.lines).filter((l) => /^\d+ /.test(l.text));
    expect(rows.filter((l) => /\b\d+\.\d+\b/.test(l.text)).map((l) => l.text)).toEqual([]);
    expect(text).toMatch(/ 80,33 /);
    expect(text).toMatch(/ 42,30 Yếu kém/);
    expect(text).toMatch(/Trong sạch, vững mạnh 5 31,25%/);
    expect(minutes.pages.map((p) => p.text).join('\n')).toMatch(/100,00%/);
  });

  it('Kiểm tra of the ward names each file, not its folder; its rule column is not printed', () => {
    const issues = ward.get(RESULT_SHEETS.issues) as PrintedSheet;
    const text = issues.pages.map((p) => p.text).join('\n');
    expect(text).toContain('ke-hoach.xlsx');
    expect(text).toContain('chi-bo-14.xlsx');
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/[\\/][^\s]*\.xlsx/);
    expect(text).not.toMatch(/Quy tắc/);
  });
});
