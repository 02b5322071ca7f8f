/**
 * The command line on a workbook that says "Bộ quy tắc: hd43-2025" (issue 14): `check` prints each
 * member's proposed level and score and the settings used by default, `--json` carries `score`,
 * `scoreParts`, `proposed` and `settings`; `ballots` without `--round` writes the members' scoring sheets
 * (`Phiếu chấm điểm đảng viên`), while the 2014 ballots and minutes are refused in one line naming the
 * rule set (exit 1), the input untouched.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MEETING_SHEETS } from '../../src/core/forms/definitions';
import type { WorkbookModel } from '../../src/core/grid';
import { run } from '../helpers/cli';
import { buildChiBo25, members25 } from '../helpers/chibo25';
import { writeModelXlsx } from '../helpers/modelXlsx';

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-meeting25-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tmp(name: string): string {
  const sub = join(dir, String(++counter));
  mkdirSync(sub);
  return join(sub, name);
}

/** The hand-made workbook model as an .xlsx file (values only, as a clerk's file would hold them). */
const writeModel = (model: WorkbookModel): Promise<string> => writeModelXlsx(model, tmp('tdp5.xlsx'));

const chiBo25 = () =>
  writeModel(
    buildChiBo25({
      members: members25(4, (i) => [{ common: 28, tasks: 64, figures: [10, 10, 2, 0, 0] }, { common: 20, tasks: 25 }, { roll: { suspended: 'x' } }, {}][i]),
      settings: { capPercent: null },
      memberCriteria: [['Nhóm tiêu chí chung', 'Phẩm chất chính trị, đạo đức, lối sống', 20], ['Nhóm tiêu chí chung', 'Tự phê bình và phê bình', 10], ['Kết quả thực hiện nhiệm vụ', 'Kết quả thực hiện nhiệm vụ được giao', 70]],
    }).model,
  );

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('xeploai on a hd43-2025 workbook', () => {
  it('M25-15: check prints each member\'s proposed level and score in words, and the settings used by default (CFG25-01)', async () => {
    const input = await chiBo25();
    const r = await run('check', input);
    expect(r.out).toContain('Đảng viên — đề xuất xếp loại');
    expect(r.out).toMatch(/: đề xuất HTTNV \(Hoàn thành tốt nhiệm vụ\), 92 điểm \(28 \+ 64\) — 92 điểm ≥ 90 nhưng chỉ 2\/10 nhiệm vụ vượt mức/);
    expect(r.out).toMatch(/: không phân loại: đang bị đình chỉ sinh hoạt đảng/);
    expect(r.out).toMatch(/ {2}Chi bộ: đề xuất (HTXSNV|HTTNV|HTNV|KHTNV), [\d,]+ điểm/);
    expect(r.out).toMatch(/Thiết lập theo mặc định .*: Tỷ lệ HTXSNV tối đa \(%\) = 20 \(ô B\d+\)\./);
  });

  it('check --json: members with score, scoreParts and proposed; settings with their source; the workbook\'s rule set', async () => {
    const input = await chiBo25();
    const report = JSON.parse((await run('check', input, '--json')).out);
    expect(report.ruleSet).toBe('hd43-2025');
    expect(report.members[0]).toMatchObject({ score: 92, scoreParts: { common: 28, tasks: 64 }, proposed: true, level: 'HTTNV' });
    expect(report.settings.find((s: { key: string }) => s.key === 'capPercent')).toMatchObject({ value: 20, source: 'default', file: input, sheet: 'Bộ tiêu chí' });
    expect(report.settings.find((s: { key: string }) => s.key === 'failBelow')).toMatchObject({ value: 50, source: 'sheet' });
  });

  it('ballots without --round: one scoring sheet per member to be scored, from Bộ tiêu chí; the input untouched', async () => {
    const input = await chiBo25();
    const before = sha(input);
    const out = tmp('phieu-cham-diem.xlsx');
    const r = await run('ballots', input, '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`Đã ghi sheet "${MEETING_SHEETS.scoreSheets}" vào ${out}: 3 đồng chí, mỗi đồng chí một trang, 3 trang A4; tiêu chí theo sheet Bộ tiêu chí.\n`);
    expect(sha(input)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(MEETING_SHEETS.scoreSheets) as ExcelJS.Worksheet;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.text) texts.push(cell.text);
    }));
    expect(texts.filter((t) => t.startsWith('PHIẾU CHẤM ĐIỂM'))).toHaveLength(3);
    expect(texts).toContain('Tự phê bình và phê bình');
    expect(ws.pageSetup.orientation).toBe('portrait');
    // The copy checked again gives the same results: the scoring sheet is never read as input.
    const original = JSON.parse((await run('check', input, '--json')).out);
    const copy = JSON.parse((await run('check', out, '--json')).out);
    expect(copy.members).toEqual(original.members);
  });

  it('the 2014 papers: ballots --round and minutes are refused in one line naming the rule set (exit 1), nothing written', async () => {
    const input = await chiBo25();
    for (const argv of [['ballots', input, '--round', '1', '--out', tmp('x.xlsx')], ['ballots', input, '--round', '2', '--out', tmp('x.xlsx')], ['minutes', input, '--out', tmp('x.xlsx')]]) {
      const r = await run(...argv);
      expect({ argv, code: r.code, lines: r.err.trim().split('\n').length, out: r.out }).toEqual({ argv, code: 1, lines: 1, out: '' });
      expect(r.err).toMatch(/^xeploai: Sổ này theo Quy định 366-QĐ\/TW/);
    }
  });
});

describe('xeploai ballots without --round on a hd27-2014 workbook', () => {
  it('is a usage error naming the rule set (exit 2, one line)', async () => {
    const { build } = await import('../helpers/workbook');
    const input = tmp('chi-bo.xlsx');
    await build().workbook.xlsx.writeFile(input);
    const r = await run('ballots', input, '--out', tmp('x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('ballots cần --round 1 hoặc --round 2 (sổ theo Hướng dẫn 27-HD/BTCTW (2014) bỏ phiếu hai lần).');
  });
});
