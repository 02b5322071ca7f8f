/**
 * `Tổng hợp` under rule set hd43-2025, printed by LibreOffice as a clerk prints it (test/print/render.ts):
 * the sixteen chi bộ of a generated 2025 ward (src/xlsx/wardExample.ts) checked and combined in process
 * (`aggregateWard`, `writeWardWorkbook`). A4, no printed word below 10.5 pt, no rule ID (2014's or 2025's:
 * M25-20, CB25-02) or internal code on paper, the Party's heading and the 2025 title on page 1, the levels
 * and "Đề xuất" in the 2025 words, no section heading alone at a page foot. P2_KEEP=folder keeps the PDFs
 * and page 1 as tong-hop-2025.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateWard } from '../../src/core/aggregate';
import { checkWorkbook } from '../../src/core/check';
import { RESULT_SHEETS } from '../../src/core/forms/definitions';
import { wardIssues } from '../../src/core/report';
import { HD43_2025 } from '../../src/core/ruleSets/hd43-2025';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { fillRuleSetTemplate } from '../../src/xlsx/template';
import { ward25ExampleData, ward25PlanData } from '../../src/xlsx/wardExample';
import { writeWardWorkbook } from '../../src/xlsx/writeWard';
import { codesOnPaper, describePages, describePrinted, missingOnPage1, notA4, orphanHeadings, type PrintedSheet, printWorkbook, requireTools, smallText } from './render';

const KEEP = process.env.P2_KEEP;
/** The 2025 rule IDs, which render.ts's RULE_ID (two letters or more before the dash) does not catch. */
const RULE25_ID = /\b(?:M25|CB25|CFG25|ELIG25)-\d{2}\b/g;

let dir: string;
let tongHop: PrintedSheet;
let issues: PrintedSheet;

describePrinted('Tổng hợp under hd43-2025, printed', () => {
  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'xeploai-p25-'));
    const check = (data: Parameters<typeof fillRuleSetTemplate>[1]) => checkWorkbook(workbookToModel(fillRuleSetTemplate(HD43_2025, data).workbook));
    const checked = ward25ExampleData().map((d, i) => ({ path: join(dir, `chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`), result: check(d) }));
    checked.push({ path: join(dir, 'ke-hoach.xlsx'), result: check(ward25PlanData()) });
    const ward = aggregateWard(checked);
    const out = join(dir, 'TONG-HOP-2025.xlsx');
    await writeWardWorkbook(out, ward, wardIssues(checked, ward));
    const printed = await printWorkbook(out, { dir: KEEP ? join(KEEP, 'ward25') : undefined, images: KEEP ? { [RESULT_SHEETS.ward]: join(KEEP, 'tong-hop-2025.png') } : undefined });
    tongHop = printed.get(RESULT_SHEETS.ward) as PrintedSheet;
    issues = printed.get(RESULT_SHEETS.issues) as PrintedSheet;
    if (KEEP) console.log(`${describePages(tongHop)}\n${tongHop.pages.map((p) => p.text).join('\n---\n')}`);
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('M25-20 every page A4, no printed word below 10.5 pt, no rule ID or internal code', () => {
    for (const s of [tongHop, issues]) {
      expect(notA4(s)).toEqual([]);
      expect(smallText(s)).toEqual([]);
      expect(codesOnPaper(s)).toEqual([]);
      expect(s.pages.flatMap((p) => p.lines.flatMap((l) => [...l.text.matchAll(RULE25_ID)].map((m) => `${m[0]} in "${l.text}"`)))).toEqual([]);
      expect(s.pages.flatMap((p) => p.lines.filter((l) => /hd43-2025|hd27-2014|tie-at-cap|suspended/.test(l.text)).map((l) => l.text))).toEqual([]);
    }
    expect(orphanHeadings(tongHop)).toEqual([]);
  });

  it('AGG-01 page 1: the Party\'s heading, the 2025 title and basis, the proposals of members by the 2025 level names', () => {
    expect(
      missingOnPage1(tongHop, [
        'ĐẢNG ỦY PHƯỜNG HƯƠNG XUÂN',
        /^\*$/,
        /^BÁO CÁO$/,
        'Tổng hợp kết quả kiểm điểm và đề xuất xếp loại chất lượng tổ chức đảng, đảng viên năm 2025',
        /Quy định 366-QĐ\/TW và Hướng dẫn 43-HD\/BTCTW; tổng hợp đề xuất của 16 chi bộ/,
        'I. ĐỀ XUẤT XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN',
        /Không phân loại: đình chỉ sinh hoạt/,
        /^Hoàn thành xuất sắc nhiệm vụ \d+ \d+,\d\d%/,
      ]),
    ).toEqual([]);
    const text = tongHop.pages.map((p) => p.text).join('\n');
    expect(text).toContain('II. ĐỀ XUẤT XẾP LOẠI CHẤT LƯỢNG CHI BỘ');
    expect(text).toContain('III. GIỚI HẠN ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ (20%)');
    expect(text).toMatch(/chọn theo điểm từ cao xuống/);
    expect(text).toMatch(/Chi bộ "Trong sạch, vững mạnh" được chọn trong số chi bộ hoàn thành xuất sắc nhiệm vụ, không quá 20%/);
    expect(text).not.toMatch(/Mẫu 0[45]-KĐ\.ĐV|Yếu kém|TSVM tiêu biểu|15%/);
    expect(tongHop.pages[tongHop.pages.length - 1].text).toMatch(/T\/M BAN THƯỜNG VỤ[\s\S]*BÍ THƯ/);
  });

  it('AGG-02 the per-chi-bộ table: "Đề xuất xếp loại chi bộ", each level whole on its row, the chosen chi bộ marked', () => {
    const lines = tongHop.pages.flatMap((p) => p.lines).map((l) => l.text);
    expect(lines.some((l) => /Đề xuất xếp loại chi bộ/.test(l) || /Đề xuất xếp/.test(l))).toBe(true);
    const rows = lines.filter((l) => /^\d+ .* \d\d\/12\/2025 \d\d\/12\/2025 /.test(l));
    expect(rows).toHaveLength(16);
    // The level whole on the row's own line (a longer mark may wrap below it).
    for (const r of rows) expect(r).toMatch(/\d+,\d\d (Hoàn thành (xuất sắc |tốt )?nhiệm vụ|Không hoàn thành nhiệm vụ)( .*)?$/);
    // Chi bộ Công an, chosen in `Kế hoạch`, carries the commendation after its level.
    const at = lines.findIndex((l) => /^2 Công an /.test(l));
    expect(`${lines[at]} ${lines[at + 1]}`).toMatch(/Hoàn thành xuất sắc nhiệm vụ .*"Trong sạch, vững mạnh"$/);
  });
});
