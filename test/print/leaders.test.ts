/**
 * The leaders' tally `KQ biểu quyết CBLĐQL` (form 05-ĐG.CBLĐQL) printed by LibreOffice as a clerk prints
 * it (test/print/render.ts): from `xeploai check --out` on the example chi bộ with the leaders' votes (as
 * test/cli/aggregate.test.ts makes it) and from `xeploai aggregate` over two chi bộ, one with them. A4
 * landscape at 11 pt or more, no rule ID or internal code, the heading on page 1 with the date line —
 * the meeting's date where the workbook has one, dots to fill in on the ward's — no heading alone at a
 * page foot, no text cut, every leader's votes and shares in Vietnamese numbers, the signatures.
 * Page 1 is kept in docs/images/paper-bieu-quyet-cbldql.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MORE_RESULT_SHEETS } from '../../src/core/forms/definitions';
import { fillWorkbook } from '../../src/xlsx/fill';
import { wardChiBoData } from '../../src/xlsx/wardExample';
import { run } from '../helpers/cli';
import { example } from '../helpers/workbook';
import { describePrinted, paperProblems, type PrintedSheet, printWorkbook, requireTools, SIZE_TOLERANCE } from './render';

const IMAGE = resolve(__dirname, '../../docs/images/paper-bieu-quyet-cbldql.png');
const SHEET = MORE_RESULT_SHEETS.leaders;

const LEADERS = {
  fields: { place: 'Hội nghị Ban Chấp hành Đảng bộ', issued: 15, valid: 15 },
  rows: [
    { stt: 1, name: 'Trần Văn Bảo', position: 'Bí thư Đảng ủy', btv: 'x', excellent: 4, good: 10, done: 1, failed: 0 },
    { stt: 2, name: 'Lê Thị Cẩm', position: 'Phó Bí thư Đảng ủy', btv: 'x', excellent: 2, good: 12, done: 1, failed: 0 },
    { stt: 3, name: 'Nguyễn Văn Đức', position: 'Chủ tịch Ủy ban nhân dân phường', btv: 'x', excellent: 1, good: 11, done: 3, failed: 0 },
    { stt: 4, name: 'Phạm Thị Hoa', position: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường', btv: '', excellent: 0, good: 13, done: 2, failed: 0 },
  ],
};

describePrinted('the leaders\' tally (form 05-ĐG.CBLĐQL), printed', () => {
  let dir: string;
  let chiBo: PrintedSheet;
  let ward: PrintedSheet;

  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), 'xeploai-leaders-'));
    const input = join(dir, 'chi-bo.xlsx');
    await fillWorkbook({ ...example(), leaders: LEADERS } as never).workbook.xlsx.writeFile(input);
    const checked = join(dir, 'checked.xlsx');
    expect((await run('check', input, '--out', checked)).code).toBeLessThan(2);
    const wardInput = join(dir, 'chi-bo-01.xlsx');
    await fillWorkbook({ ...wardChiBoData(0), leaders: LEADERS } as never).workbook.xlsx.writeFile(wardInput);
    const other = join(dir, 'chi-bo-02.xlsx');
    await fillWorkbook(wardChiBoData(1)).workbook.xlsx.writeFile(other);
    const tongHop = join(dir, 'TONG-HOP.xlsx');
    expect((await run('aggregate', wardInput, other, '--out', tongHop)).code).toBeLessThan(2);
    const [c, w] = await Promise.all([
      printWorkbook(checked, { sheets: [SHEET], images: { [SHEET]: IMAGE }, dir: join(dir, 'check') }),
      printWorkbook(tongHop, { sheets: [SHEET], dir: join(dir, 'ward') }),
    ]);
    chiBo = c.get(SHEET) as PrintedSheet;
    ward = w.get(SHEET) as PrintedSheet;
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('from check --out: A4 landscape at 11 pt, no code, the heading with the meeting\'s date, no orphan, nothing cut', () => {
    expect(
      paperProblems(chiBo, [
        /^ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN\s+ĐẢNG CỘNG SẢN VIỆT NAM$/,
        /^\*$/,
        // The date line: the example's meeting day (01/12/2017), as the chi bộ's other papers print it.
        /^Hương Xuân, ngày 01 tháng 12 năm 2017$/,
        /^TỔNG HỢP$/,
        /^Kết quả biểu quyết nhận xét, đánh giá cán bộ lãnh đạo, quản lý năm 2017$/,
        /Mẫu 05-ĐG\.CBLĐQL/,
      ]),
    ).toEqual([]);
    expect(chiBo.pages.every((p) => p.landscape)).toBe(true);
    expect(Math.min(...chiBo.pages.map((p) => p.smallest))).toBeGreaterThanOrEqual(11 - SIZE_TOLERANCE);
  });

  it('every leader once with the votes and their shares in Vietnamese numbers; the signatures on the last page', () => {
    const all = chiBo.pages.map((p) => p.text).join('\n');
    expect(all).toMatch(/1 Trần Văn Bảo Bí thư Đảng ủy 4 26,67% 10 66,67% 1 6,67% 0 0,00%/);
    for (const name of LEADERS.rows.map((r) => r.name)) expect(all.split(name).length - 1).toBe(1);
    expect(all).not.toMatch(/\d\.\d/);
    const last = chiBo.pages[chiBo.pages.length - 1].text;
    expect(last).toMatch(/NGƯỜI TỔNG HỢP\s+CHỦ TRÌ HỘI NGHỊ/);
    expect(last).toContain('(Ký, ghi rõ họ tên)');
  });

  it('from aggregate: the same paper, the ward\'s date line left to fill in', () => {
    expect(paperProblems(ward, [/ĐẢNG CỘNG SẢN VIỆT NAM$/, /^Hương Xuân, ngày …… tháng …… năm ……$/, /^TỔNG HỢP$/])).toEqual([]);
    expect(ward.pages.every((p) => p.landscape)).toBe(true);
    expect(ward.pages.map((p) => p.text).join('\n')).toMatch(/T\/M BAN THƯỜNG VỤ/);
  });
});
