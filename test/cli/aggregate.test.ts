import JSZip from 'jszip';
/**
 * `xeploai aggregate` end to end on the sixteen chi bộ of the plan (src/xlsx/wardExample.ts) written to a
 * temporary folder with the plan's own schedule (`template --plan`): the ward workbook's `Tổng hợp` read
 * back with ExcelJS equals the sums of the sixteen `check` results; the schedule's slip is caught; exit
 * codes as `check`; the inputs never written. Also `template --plan` and `check --out` with leaders.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fillWorkbook } from '../../src/xlsx/fill';
import { SEED_SCHEDULE } from '../../src/xlsx/plan';
import { WARD_CHI_BO, wardChiBoData } from '../../src/xlsx/wardExample';
import { example } from '../helpers/workbook';
import { run } from '../helpers/cli';


interface Member {
  status: string;
  level: string | null;
  reason: string | null;
}
interface Report {
  files: { path: string; chiBo: string | null }[];
  issues: { rule: string; severity: string; file: string; sheet: string; cell: string | null; message: string }[];
  members: Member[];
  chiBo: { level: string | null }[];
  leaders: { name: string; votes: Record<string, number>; validBallots: number }[];
  ward: {
    members: { total: number; classified: number; levels: Record<string, { count: number; percent: number | null }>; notClassified: Record<string, number>; deferred: Record<string, number>; undetermined: number };
    chiBo: { total: number; classified: number; levels: Record<string, { count: number; percent: number | null }>; undetermined: number };
    exemplary: { tsvm: number; bound: number; counted: number };
    cap: { scope: string };
    schedule: { listed: number; withResults: number; missing: string[] };
  };
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let files: string[];
let plan: string;
let counter = 0;
const tmp = (name: string): string => {
  const sub = join(dir, `t${++counter}`);
  mkdirSync(sub);
  return join(sub, name);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-ward-'));
  files = [];
  for (let i = 0; i < WARD_CHI_BO.length; i++) {
    const path = join(dir, `chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`);
    await fillWorkbook(wardChiBoData(i)).workbook.xlsx.writeFile(path);
    files.push(path);
  }
  plan = join(dir, 'ke-hoach.xlsx');
  const made = await run('template', '--plan', '--out', plan);
  expect(made.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `Tổng hợp` as rows of cell texts and numbers (merged cells read once, at their first cell). */
async function wardSheet(path: string): Promise<{ ws: ExcelJS.Worksheet; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Tổng hợp');
  if (!ws) throw new Error('no Tổng hợp');
  return { ws, names: wb.worksheets.map((w) => w.name) };
}

/** The number in column D (Số lượng) on the row whose column B (Nội dung, merged over B:C) reads `label`, after the row whose A reads `section`. */
function countAfter(ws: ExcelJS.Worksheet, section: string, label: string): number {
  let inSection = false;
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = ws.getCell(r, 1).text;
    if (a.startsWith(section)) inSection = true;
    else if (inSection && /^[IV]+\. /.test(a)) break;
    if (inSection && ws.getCell(r, 2).text === label) return ws.getCell(r, 4).value as number;
  }
  throw new Error(`no line "${label}" in section ${section}`);
}

/** The per-chi-bộ table: each row's cells by header, and the totals row ("Cộng"). */
function chiBoTable(ws: ExcelJS.Worksheet): { rows: Record<string, unknown>[]; totals: Record<string, unknown> } {
  let header = 0;
  for (let r = 1; r <= ws.rowCount && !header; r++) if (ws.getCell(r, 2).text === 'Chi bộ' && ws.getCell(r, 1).text === 'TT') header = r;
  const labels = Array.from({ length: 13 }, (_, c) => ws.getCell(header, c + 1).text);
  const rowOf = (r: number) => Object.fromEntries(labels.map((l, c) => [l, ws.getCell(r, c + 1).value]));
  const rows: Record<string, unknown>[] = [];
  for (let r = header + 1; ; r++) {
    if (ws.getCell(r, 2).text === 'Cộng') return { rows, totals: rowOf(r) };
    rows.push(rowOf(r));
  }
}

describe('aggregate over the sixteen chi bộ of the plan', () => {
  let report: Report;
  let checkReport: Report;
  let out: string;
  let before: string[];
  beforeAll(async () => {
    before = [...files, plan].map(sha256);
    out = tmp('TONGHOP.xlsx');
    const r = await run('aggregate', ...files, plan, '--out', out, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    report = JSON.parse(r.out) as Report;
    const c = await run('check', ...files, '--json');
    checkReport = JSON.parse(c.out) as Report;
  });

  const members = (pred: (m: Member) => boolean): number => checkReport.members.filter(pred).length;

  it('AGG-01 Tổng hợp (read back with ExcelJS) holds the sums of the sixteen check results, by level and by reason', async () => {
    const { ws, names } = await wardSheet(out);
    expect(names).toEqual(['Tổng hợp', 'Kiểm tra']);
    const I = 'I. CHẤT LƯỢNG ĐẢNG VIÊN';
    expect(countAfter(ws, I, 'Tổng số đảng viên trong danh sách các chi bộ')).toBe(checkReport.members.length);
    expect(countAfter(ws, I, 'Không phân loại: miễn công tác, sinh hoạt đảng')).toBe(members((m) => m.reason === 'exempt'));
    expect(countAfter(ws, I, 'Không phân loại: vào Đảng chưa đủ 6 tháng')).toBe(members((m) => m.reason === 'admitted-under-6-months'));
    expect(countAfter(ws, I, 'Phân loại sau: vắng mặt')).toBe(members((m) => m.reason === 'absent'));
    expect(countAfter(ws, I, 'Phân loại sau: chưa kiểm điểm')).toBe(members((m) => m.reason === 'no-self-review'));
    expect(countAfter(ws, I, 'Chưa xác định (chi bộ phải xử lý)')).toBe(members((m) => m.status === 'undetermined'));
    expect(countAfter(ws, I, 'Số đảng viên được phân loại')).toBe(members((m) => m.status === 'classified'));
    const levels: [string, string][] = [
      ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ'],
      ['HTTNV', 'Hoàn thành tốt nhiệm vụ'],
      ['HTNV', 'Hoàn thành nhiệm vụ'],
      ['KHTNV', 'Không hoàn thành nhiệm vụ'],
    ];
    for (const [code, label] of levels) expect(countAfter(ws, I, label)).toBe(members((m) => m.level === code));
    const II = 'II. CHẤT LƯỢNG CHI BỘ';
    expect(countAfter(ws, II, 'Tổng số chi bộ có kết quả')).toBe(16);
    for (const [code, label] of [
      ['TSVM', 'Trong sạch, vững mạnh'],
      ['HTTNV', 'Hoàn thành tốt nhiệm vụ'],
      ['HTNV', 'Hoàn thành nhiệm vụ'],
      ['YK', 'Yếu kém'],
    ]) {
      expect(countAfter(ws, II, label)).toBe(checkReport.chiBo.filter((c) => c.level === code).length);
    }
    // The plan's mix: every level present, so the sums are not trivially zero.
    expect(checkReport.chiBo.map((c) => c.level).sort()).toEqual(['HTNV', ...Array(9).fill('HTTNV'), ...Array(5).fill('TSVM'), 'YK'].sort());
  });

  it('AGG-01 a native chart of the members by level sits beside the table, on the same cells', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out));
    const chart = await zip.file('xl/charts/chart1.xml')?.async('string');
    expect(chart).toBeDefined();
    expect(chart).toContain('Chất lượng đảng viên');
    // The chart's data: the screen's copy of the levels and counts beside each other (O:P, outside the print area).
    expect(chart).toContain("'Tổng hợp'!$O$");
    for (const [code] of [['HTXSNV'], ['HTTNV'], ['HTNV'], ['KHTNV']]) {
      expect(chart).toContain(`<c:v>${checkReport.members.filter((m) => m.level === code).length}</c:v>`);
    }
  });

  it('AGG-01 the per-chi-bộ table lists the sixteen in the order of the schedule, and its totals row is their sum', async () => {
    const { ws } = await wardSheet(out);
    const { rows, totals } = chiBoTable(ws);
    expect(rows.map((r) => r['Chi bộ'])).toEqual(SEED_SCHEDULE.map((p) => p.chiBo));
    for (const key of ['Tổng số đảng viên', 'Được phân loại', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ']) {
      expect(totals[key]).toBe(rows.reduce((acc, r) => acc + (r[key] as number), 0));
    }
    expect(totals['Tổng số đảng viên']).toBe(checkReport.members.length);
    expect(rows.find((r) => r['Chi bộ'] === 'Trung Thôn')).toMatchObject({ 'Ngày họp theo lịch': '07/12/2016', 'Ngày họp': '07/12/2017' });
  });

  it('AGG-01 --json prints the check report\'s fields plus "ward", whose counts are the same sums', () => {
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['ruleSet', 'files', 'issues', 'members', 'chiBo', 'leaders', 'ward']));
    expect(report.files.map((f) => f.path)).toEqual([...files, plan]);
    expect(report.files[16].chiBo).toBeNull();
    expect(report.members).toEqual(checkReport.members);
    const w = report.ward;
    expect(w.members.total).toBe(checkReport.members.length);
    expect(w.members.classified).toBe(members((m) => m.status === 'classified'));
    const classified = w.members.classified;
    for (const code of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']) {
      const count = members((m) => m.level === code);
      expect(w.members.levels[code]).toEqual({ count, percent: Math.round((10000 * count) / classified) / 100 });
    }
    expect(w.chiBo).toMatchObject({ total: 16, classified: 16, undetermined: 0 });
    expect(w.chiBo.levels.TSVM).toEqual({ count: 5, percent: 31.25 });
    // AGG-02: the bound is reported though none is chosen.
    expect(w.exemplary).toMatchObject({ tsvm: 5, bound: 1, counted: 0 });
    expect(w.cap.scope).toBe('chi-bo');
  });

  it('AGG-04 the plan\'s schedule is covered: sixteen listed, sixteen with results', () => {
    expect(report.ward.schedule).toMatchObject({ listed: 16, withResults: 16, missing: [] });
    expect(report.issues.filter((i) => i.rule === 'AGG-04')).toEqual([]);
  });

  it('PROC-01 the plan\'s slip "07/12/2016" is caught in the plan; PROC-02 compares the three chi bộ that met on 07/12/2017', () => {
    const slips = report.issues.filter((i) => i.rule === 'PROC-01');
    expect(slips.map((i) => [i.file, i.sheet, i.severity])).toEqual(Array(3).fill([plan, 'Kế hoạch', 'warning']));
    expect(slips.every((i) => i.message.includes('07/12/2016'))).toBe(true);
    const moved = report.issues.filter((i) => i.rule === 'PROC-02');
    expect(moved.map((i) => i.file)).toEqual([files[13], files[14], files[15]]);
    expect(moved[0].message).toMatch(/Trung Thôn.*07\/12\/2017.*07\/12\/2016/);
  });

  it('the inputs are never written', () => {
    expect([...files, plan].map(sha256)).toEqual(before);
  });

  it('the human summary names each file and the ward\'s figures; the ward workbook\'s Kiểm tra lists every file\'s issues', async () => {
    const out2 = tmp('TONGHOP.xlsx');
    const r = await run('aggregate', ...files, plan, '--out', out2);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${files[0]} — Chi bộ Thanh Khê: 0 lỗi`);
    expect(r.out).toMatch(/Tổng hợp 16 chi bộ năm 2017:/);
    expect(r.out).toMatch(/Chi bộ TSVM tiêu biểu: đã chọn 0, tối đa 1/);
    expect(r.err).toContain(out2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out2);
    const rules: string[] = [];
    const filesListed = new Set<string>();
    wb.getWorksheet('Kiểm tra')?.eachRow((row, n) => {
      if (n < 5) return;
      // The rule is the screen's last column (outside the print area); the file is named, not its path.
      rules.push(String(row.getCell(7).value));
      filesListed.add(String(row.getCell(2).value));
    });
    expect(rules.sort()).toEqual(report.issues.map((i) => i.rule).sort());
    expect([...filesListed]).toEqual(expect.arrayContaining(['ke-hoach.xlsx', 'chi-bo-14.xlsx']));
    expect([...filesListed].some((f) => f.includes('/') || f.includes('\\'))).toBe(false);
  });
});

describe('aggregate: coverage, options, exit codes', () => {
  it('AGG-04 a chi bộ of the schedule without a workbook is warned; its line says so', async () => {
    const out = tmp('TONGHOP.xlsx');
    const r = await run('aggregate', ...files.slice(1), plan, '--out', out, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.ward.schedule).toMatchObject({ listed: 16, withResults: 15, missing: ['Thanh Khê'] });
    const missing = report.issues.filter((i) => i.rule === 'AGG-04');
    expect(missing.map((i) => [i.file, i.sheet, i.severity])).toEqual([[plan, 'Kế hoạch', 'warning']]);
    expect(missing[0].message).toContain('Nguyễn Minh Phụng');
    const { ws } = await wardSheet(out);
    expect(chiBoTable(ws).rows[0]).toMatchObject({ 'Chi bộ': 'Thanh Khê', 'Xếp loại chi bộ': 'Chưa có kết quả' });
  });

  it('AGG-04 the same chi bộ given twice: an error, exit 1', async () => {
    const r = await run('aggregate', files[0], files[0].replace(/\.xlsx$/, '.xlsx'), '--out', tmp('T.xlsx'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Report;
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(expect.arrayContaining(['AGG-04']));
  });

  it('AGG-03 --option capScope=ward applies the cap over the whole ward', async () => {
    const r = await run('aggregate', ...files, '--out', tmp('T.xlsx'), '--json', '--option', 'capScope=ward');
    const report = JSON.parse(r.out) as Report & { ward: { cap: { scope: string; pool: number; cap: number; taken: number } } };
    expect(report.ward.cap.scope).toBe('ward');
    expect(report.ward.cap.taken).toBeLessThanOrEqual(report.ward.cap.cap);
    expect(100 * report.ward.members.levels.HTXSNV.count).toBeLessThanOrEqual(15 * report.ward.cap.pool);
  });

  it('an unreadable file is one line on stderr and exit 2; the others are still combined', async () => {
    const broken = tmp('hong.xlsx');
    writeFileSync(broken, 'không phải tệp Excel');
    const r = await run('aggregate', files[0], broken, files[1], '--out', tmp('T.xlsx'), '--json');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(broken);
    const report = JSON.parse(r.out) as Report;
    expect(report.files.map((f) => f.chiBo)).toEqual(['Thanh Khê', 'Công an']);
    expect(report.ward.chiBo.total).toBe(2);
  });

  it.each([
    ['no --out', ['aggregate', 'a.xlsx']],
    ['no file', ['aggregate', '--out', 'T.xlsx']],
    ['an unknown option value', ['aggregate', 'a.xlsx', '--out', 'T.xlsx', '--option', 'capScope=tinh']],
  ])('a usage error (%s) is one line and exit 2', async (_what, argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });

  it('--out naming an input file is refused, the input untouched', async () => {
    const before = sha256(files[0]);
    const r = await run('aggregate', files[0], files[1], '--out', files[0]);
    expect(r.code).toBe(2);
    expect(sha256(files[0])).toBe(before);
  });
});

describe('leaders\' votes and the plan in the written workbooks', () => {
  const leaders = {
    fields: { place: 'Hội nghị Ban Chấp hành Đảng bộ', issued: 15, valid: 15 },
    rows: [
      { stt: 1, name: 'Trần Văn Bảo', position: 'Bí thư Đảng ủy', btv: 'x', excellent: 4, good: 10, done: 1, failed: 0 },
      { stt: 2, name: 'Lê Thị Cẩm', position: 'Phó Bí thư Đảng ủy', btv: 'x', excellent: 2, good: 12, done: 1, failed: 0 },
    ],
  };

  it('LEAD-01 check --out writes "KQ biểu quyết CBLĐQL" with the tally; the JSON lists the leaders', async () => {
    const input = tmp('chi-bo.xlsx');
    await fillWorkbook({ ...example(), leaders } as never).workbook.xlsx.writeFile(input);
    const out = tmp('OUT.xlsx');
    const r = await run('check', input, '--out', out, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.leaders.map((l) => [l.name, l.votes.HTXSNV, l.validBallots])).toEqual([
      ['Trần Văn Bảo', 4, 15],
      ['Lê Thị Cẩm', 2, 15],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.getWorksheet('KQ biểu quyết CBLĐQL')?.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toEqual(expect.arrayContaining(['Trần Văn Bảo', '4', '26,67%', '10', '66,67%']));
    // The checked copy, checked again, does not take the result sheet for input.
    const again = await run('check', out, '--json');
    expect((JSON.parse(again.out) as Report).leaders).toHaveLength(2);
  });

  it('LEAD-01 aggregate writes the leaders\' tally of every file beside Tổng hợp', async () => {
    const input = tmp('chi-bo.xlsx');
    await fillWorkbook({ ...wardChiBoData(0), leaders } as never).workbook.xlsx.writeFile(input);
    const out = tmp('T.xlsx');
    const r = await run('aggregate', input, files[1], '--out', out, '--json');
    expect((JSON.parse(r.out) as Report).leaders).toHaveLength(2);
    const { names } = await wardSheet(out);
    expect(names).toEqual(['Tổng hợp', 'KQ biểu quyết CBLĐQL', 'Kiểm tra']);
  });

  it('PROC-01 template --example --plan: the example with the plan\'s schedule as written checks with exit 0 and three PROC-01 warnings', async () => {
    const path = tmp('MAU.xlsx');
    expect((await run('template', '--example', '--plan', '--out', path)).code).toBe(0);
    const r = await run('check', path, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.issues.filter((i) => i.rule === 'PROC-01').map((i) => i.sheet)).toEqual(['Kế hoạch', 'Kế hoạch', 'Kế hoạch']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const dates: string[] = [];
    wb.getWorksheet('Kế hoạch')?.eachRow((row) => {
      const v = row.getCell(3).value;
      if (v instanceof Date) dates.push(`${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`);
    });
    expect(dates).toEqual(SEED_SCHEDULE.map((p) => p.date));
  });
});
