/**
 * `xeploai ballots FILE --round 1|2 --out OUT` and `xeploai minutes FILE --out OUT`: the sheets in the copy,
 * who is on each ballot (from the engine's results), the cap K, the refusals with their rule IDs, the
 * minutes' figures against `check --json`, and the input left untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MEETING_SHEETS } from '../../src/core/forms/definitions';
import { form04 } from '../../src/core/output/resultSheets';
import { levelName } from '../../src/core/rules/mem';
import { run } from '../helpers/cli';
import { at, build, example, type MutableChiBoData } from '../helpers/workbook';

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-meeting-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tmp(name: string): string {
  const sub = join(dir, String(++counter));
  mkdirSync(sub);
  return join(sub, name);
}

async function writeData(data: MutableChiBoData = example(), edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const path = tmp('chi-bo.xlsx');
  await build(data, edit).workbook.xlsx.writeFile(path);
  return path;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every non-empty cell's text of a sheet, row by row. */
async function sheetRows(path: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.text !== '') cells.push(cell.text);
    });
    rows.push(cells);
  });
  return rows;
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

const POOL = ['Nguyễn Hữu Dũng', 'Trần Văn Bình', 'Lê Thị Cúc', 'Phạm Thị Hoà', 'Võ Thị Lan', 'Đặng Văn Minh', 'Bùi Thị Ngọc', 'Ngô Văn Phúc', 'Dương Thị Quế', 'Trương Thị Thu', 'Phan Văn Tâm', 'Huỳnh Thị Uyên', 'Lâm Thị Hạnh'];

describe('xeploai ballots', () => {
  it('round 1 adds `Phiếu lần 1` to a copy: the 16 members to classify, 15 copies (official members present), the input unchanged', async () => {
    const input = await writeData();
    const before = sha(input);
    const out = tmp('phieu-1.xlsx');
    const r = await run('ballots', input, '--round', '1', '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('16 đồng chí, 15 bản');
    expect(sha(input)).toBe(before);
    expect(await sheetNames(out)).toEqual([...(await sheetNames(input)), MEETING_SHEETS.ballot1]);
    const rows = await sheetRows(out, MEETING_SHEETS.ballot1);
    const numbered = rows.filter((row) => /^\d+$/.test(row[0] ?? ''));
    expect(numbered).toHaveLength(16 * 15);
    const names = numbered.slice(0, 16).map((row) => row[1]);
    expect(names).not.toContain('Mai Văn Vinh'); // ELIG-01
    expect(names).not.toContain('Châu Thị Xuân'); // ELIG-03
    expect(names).not.toContain('Đỗ Văn Khoa'); // ELIG-02
    expect(names).toContain('Lâm Thị Hạnh'); // ELIG-04: probationary, classified
    expect(rows.filter((row) => row.includes('Hoàn thành tốt nhiệm vụ') && row.includes('Không hoàn thành nhiệm vụ'))).toHaveLength(15);
  });

  it('round 2 lists exactly the round-1 HTTNV members (MEM-06 pool) with "chọn không quá 1 đồng chí"', async () => {
    const out = tmp('phieu-2.xlsx');
    const r = await run('ballots', await writeData(), '--round', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('chọn không quá 1 đồng chí (15% của 13 HTTNV)');
    const rows = await sheetRows(out, MEETING_SHEETS.ballot2);
    const names = rows.filter((row) => /^\d+$/.test(row[0] ?? '')).map((row) => row[1]);
    expect(names.slice(0, 13)).toEqual(POOL);
    expect(names).toHaveLength(13 * 15);
    expect(rows.flat().filter((t) => t.startsWith('Chọn không quá 1 đồng chí'))).toHaveLength(15);
  });

  it('round 2 follows MEM-08: a civil servant voted HTTNV but rated HTNV is not on the ballot, and K follows the smaller pool', async () => {
    const data = example();
    const ngoc = data.roll.findIndex((m) => m.name === 'Bùi Thị Ngọc');
    data.roll[ngoc].civilRating = 'Hoàn thành nhiệm vụ';
    const out = tmp('phieu-2.xlsx');
    const r = await run('ballots', await writeData(data), '--round', '2', '--out', out);
    expect(r.code).toBe(0);
    const names = (await sheetRows(out, MEETING_SHEETS.ballot2)).filter((row) => /^\d+$/.test(row[0] ?? '')).map((row) => row[1]);
    expect(names.slice(0, 12)).toEqual(POOL.filter((n) => n !== 'Bùi Thị Ngọc'));
    expect(r.out).toContain('chọn không quá 1 đồng chí (15% của 12 HTTNV)');
  });

  it('DATA-08: round 2 before the round-1 tally is entered is refused in one line, nothing written', async () => {
    const data = example();
    data.tally = [];
    const out = tmp('phieu-2.xlsx');
    const r = await run('ballots', await writeData(data), '--round', '2', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/\[DATA-08\] Chưa nhập kết quả kiểm phiếu lần 1/);
    expect(existsSync(out)).toBe(false);
    // Round 1 needs no tally: it is printed before the vote.
    expect((await run('ballots', await writeData(data), '--round', '1', '--out', tmp('phieu-1.xlsx'))).code).toBe(0);
  });

  it('MEM-04: a member round 1 left undetermined stops round 2, naming the rule and the member', async () => {
    const data = example();
    const hung = data.tally.findIndex((t) => t.name === 'Hoàng Văn Hùng');
    Object.assign(data.tally[hung], { r1Good: 2, r1Done: 4, r1Failed: 3 });
    const r = await run('ballots', await writeData(data), '--round', '2', '--out', tmp('x.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[MEM-04\].*Hoàng Văn Hùng/);
  });

  it('MEM-06: a pool whose 15 % is 0 has no round 2', async () => {
    const data = example();
    // Six HTTNV: 15 % of 6 allows 0.
    for (const t of data.tally.slice(6)) Object.assign(t, { r1Good: 3, r1Done: 12, r1Failed: 0, r2Excellent: 0 });
    const r = await run('ballots', await writeData(data), '--round', '2', '--out', tmp('x.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[MEM-06\] 15% của \d+ đảng viên Hoàn thành tốt nhiệm vụ là 0/);
  });

  it('DATA-01: without the number of official members present there is no number of copies', async () => {
    const data = example();
    data.info.officialPresent = null;
    const r = await run('ballots', await writeData(data), '--round', '1', '--out', tmp('x.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\[DATA-01\].*Số đảng viên chính thức có mặt/);
  });

  it('usage errors and unreadable files exit 2 with one line', async () => {
    const input = await writeData();
    for (const argv of [
      ['ballots', input, '--round', '3', '--out', tmp('x.xlsx')],
      ['ballots', input, '--out', tmp('x.xlsx')],
      ['ballots', input, '--round', '1'],
      ['minutes', input, '--round', '1', '--out', tmp('x.xlsx')],
      ['ballots', input, '--round', '1', '--out', input],
    ]) {
      const r = await run(...argv);
      expect({ argv, code: r.code, lines: r.err.trim().split('\n').length }).toEqual({ argv, code: 2, lines: 1 });
    }
    const broken = tmp('broken.xlsx');
    writeFileSync(broken, 'not a workbook');
    const r = await run('minutes', broken, '--out', tmp('x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('the sheets written are never read as input: checking the copy gives the same report, even without a tally sheet', async () => {
    const input = await writeData(example(), (wb) => wb.removeWorksheet((wb.getWorksheet('Kiểm phiếu đảng viên') as ExcelJS.Worksheet).id));
    const out = tmp('phieu.xlsx');
    expect((await run('ballots', input, '--round', '1', '--out', out)).code).toBe(0);
    const original = JSON.parse((await run('check', input, '--json')).out);
    const copy = JSON.parse((await run('check', out, '--json')).out);
    expect(copy.members).toEqual(original.members);
    expect(copy.issues.map((i: { rule: string; cell: string }) => `${i.rule} ${i.cell}`)).toEqual(original.issues.map((i: { rule: string; cell: string }) => `${i.rule} ${i.cell}`));
  });
});

describe('xeploai minutes', () => {
  it('the minutes` figures are the check report`s: ballots per round, each member`s votes and result, the cap, form 04', async () => {
    const input = await writeData();
    const out = tmp('bien-ban.xlsx');
    const r = await run('minutes', input, '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse((await run('check', input, '--json')).out);
    const rows = await sheetRows(out, MEETING_SHEETS.minutes);
    const text = rows.map((row) => row.join(' | '));
    expect(text).toContain('Lần thứ nhất | 15 | 15 | 15 | 0');
    expect(text).toContain('Lần thứ hai | 15 | 15 | 15 | 0');
    const voted = report.members.filter((m: { status: string }) => m.status === 'classified' || m.status === 'undetermined');
    for (const m of voted) {
      const v = m.votes;
      const line = text.find((t) => t.includes(` | ${m.name} | `)) as string;
      expect(line.split(' | ').slice(1)).toEqual([m.name, String(v.HTTNV), String(v.HTNV), String(v.KHTNV), String(v.HTXSNV), levelName(m.level)]);
    }
    expect(text.join('\n')).toContain('Số đảng viên hoàn thành tốt nhiệm vụ sau lần thứ nhất: 13; số được chọn không quá 15%: 1 đồng chí');
    expect(text.join('\n')).toContain('Đảng viên hoàn thành xuất sắc nhiệm vụ: Nguyễn Hữu Dũng (13 phiếu).');
    for (const [label, count] of form04(report.members)) expect(text.some((t) => t.endsWith(`${label} | ${count}`) || t.includes(`${label} | ${count} |`))).toBe(true);
    for (const signer of ['TRƯỞNG BAN KIỂM PHIẾU', 'CÁC THÀNH VIÊN', 'CHỦ TRÌ']) expect(text.join('\n')).toContain(signer);
  });

  it('with errors: exit 1 as check, the minutes still written and saying so; a second run replaces the sheet whole', async () => {
    const data = example();
    const hung = data.tally.findIndex((t) => t.name === 'Hoàng Văn Hùng');
    Object.assign(data.tally[hung], { r1Good: 2, r1Done: 4, r1Failed: 3 });
    const input = await writeData(data);
    const first = tmp('bien-ban.xlsx');
    expect((await run('minutes', input, '--out', first)).code).toBe(1);
    const rows = (await sheetRows(first, MEETING_SHEETS.minutes)).map((row) => row.join(' | '));
    expect(rows.find((t) => t.includes('Hoàng Văn Hùng'))).toContain('Chưa xác định (không mức nào đủ phiếu');
    // Words on the paper; the rule ID stays in the cell's note.
    expect(rows.join('\n')).toMatch(/Lưu ý: số liệu còn 1 lỗi; xem sheet "Kiểm tra"/);
    expect(rows.join('\n')).not.toMatch(/MEM-0\d/);
    // The clerk corrects the tally in the copy and runs again: the old sheet goes, warning line included.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const tally = wb.getWorksheet('Kiểm phiếu đảng viên') as ExcelJS.Worksheet;
    tally.getCell(at('tally', hung, 'r1Good')).value = 6;
    tally.getCell(at('tally', hung, 'r1Done')).value = 8;
    tally.getCell(at('tally', hung, 'r1Failed')).value = 1;
    const corrected = tmp('sua.xlsx');
    await wb.xlsx.writeFile(corrected);
    const again = tmp('bien-ban-2.xlsx');
    expect((await run('minutes', corrected, '--out', again)).code).toBe(0);
    expect((await sheetNames(again)).filter((n) => n === MEETING_SHEETS.minutes)).toHaveLength(1);
    const clean = tmp('bien-ban-3.xlsx');
    await run('minutes', await writeData(), '--out', clean);
    expect(await sheetRows(again, MEETING_SHEETS.minutes)).toEqual(await sheetRows(clean, MEETING_SHEETS.minutes));
  });
});
