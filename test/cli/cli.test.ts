/**
 * The command line of FORMS.md: exit status, the JSON report, the checked copy written by --out, the
 * template, and one clear line on standard error whenever a file or the command cannot be used.
 * In-process through `main(argv, io)`, plus one run of the real `bin/xeploai.js`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { RESULT_SHEETS } from '../../src/core/forms/definitions';
import { FLAG_FILL as FLAG_HEX } from '../../src/core/output/resultSheets';

/** The flag colours as ExcelJS stores them (ARGB). */
const FLAG_FILL = { error: `FF${FLAG_HEX.error.slice(1)}`, warning: `FF${FLAG_HEX.warning.slice(1)}` };
import { at, build, example, field, type MutableChiBoData } from '../helpers/workbook';
import { run } from '../helpers/cli';
import { inflateNode } from '../../src/xlsx/package/inflateNode';
import { ZipPackage } from '../../src/xlsx/package/zip';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const INFO = 'Thông tin chi bộ';
const ROLL = 'Danh sách đảng viên';
const TALLY = 'Kiểm phiếu đảng viên';
const SCORES = 'Chấm điểm chi bộ';
const LEADERS = 'Biểu quyết CBLĐQL';

let dir: string;
let exampleSha: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-cli-'));
  exampleSha = sha256(EXAMPLE);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});


let counter = 0;
/** A fresh path in the temp dir. */
function tmp(name: string): string {
  const sub = join(dir, String(++counter));
  mkdirSync(sub);
  return join(sub, name);
}

/** Writes the example, changed by `edit`, as an .xlsx file (through the real template). */
async function writeData(name: string, data: MutableChiBoData, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const path = tmp(name);
  await build(data, edit).workbook.xlsx.writeFile(path);
  return path;
}

/** The example with one bad date: DATA-03 on the fifth member's birth date. */
function badDate(): MutableChiBoData {
  const data = example();
  data.roll[4].birthDate = '31/02/1949';
  return data;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts ?? [];
  return texts.map((t) => t.text).join('');
}

/** One line on stderr, no stack trace. */
function expectOneClearLine(err: string): void {
  const lines = err.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^xeploai: /);
  expect(err).not.toMatch(/^\s*at /m);
  expect(err).not.toMatch(/Error:|TypeError|\.ts:\d+|\.js:\d+/);
}

/** The rules engine adds warnings of its own (MEM-07 on the example): these tests look at errors and DATA rules. */
const errorsOf = (report: JsonReport): JsonReport['issues'] => report.issues.filter((i) => i.severity === 'error');
const dataIssuesOf = (report: JsonReport): JsonReport['issues'] => report.issues.filter((i) => i.rule.startsWith('DATA-'));

interface JsonReport {
  ruleSet: string;
  files: { path: string; chiBo: string | null; reader?: { name: string; fallback?: string } }[];
  issues: { rule: string; severity: string; file: string; sheet: string; cell: string | null; message: string }[];
  members: unknown[];
  chiBo: unknown[];
  leaders: unknown[];
}

// ---------------------------------------------------------------------------------------------------

describe('check', () => {
  it('the bundled example: exit 0 and a Vietnamese summary naming the chi bộ', async () => {
    const r = await run('check', EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Chi bộ Thanh Khê: 0 lỗi, \d+ cảnh báo/);
    expect(r.err).toBe('');
  });

  it('--json prints one JSON document and nothing else on stdout', async () => {
    const r = await run('check', EXAMPLE, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['ruleSet', 'files', 'issues', 'members', 'chiBo', 'leaders']));
    expect(report.ruleSet).toBe('hd27-2014');
    expect(report.files).toEqual([{ path: EXAMPLE, chiBo: 'Thanh Khê', reader: { name: 'xlsx' } }]);
    expect(errorsOf(report)).toEqual([]);
    expect(dataIssuesOf(report)).toEqual([]);
    for (const key of ['members', 'chiBo', 'leaders'] as const) expect(Array.isArray(report[key])).toBe(true);
    expect(r.err).toBe('');
  });

  it('--rules hd27-2014 and --option KEY=VALUE are accepted', async () => {
    const r = await run('check', '--rules', 'hd27-2014', EXAMPLE, '--option', 'denominator=present', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonReport).ruleSet).toBe('hd27-2014');
  });

  it('a workbook with an error: exit 1, and the JSON names the rule, sheet and cell', async () => {
    const bad = await writeData('bad-date.xlsx', badDate());
    const r = await run('check', bad, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.files).toEqual([{ path: bad, chiBo: 'Thanh Khê', reader: { name: 'xlsx' } }]);
    expect(errorsOf(report)).toHaveLength(1);
    const issue = errorsOf(report)[0];
    expect(issue).toMatchObject({ rule: 'DATA-03', severity: 'error', file: bad, sheet: ROLL, cell: at('roll', 4, 'birthDate') });
    expect(issue.message).toContain('31/02/1949');
    for (const key of ['rule', 'severity', 'file', 'sheet', 'cell', 'message']) expect(issue).toHaveProperty(key);
  });

  it('the human summary lists the issue with its rule and cell, exit 1', async () => {
    const bad = await writeData('bad-date.xlsx', badDate());
    const r = await run('check', bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Chi bộ Thanh Khê: 1 lỗi, \d+ cảnh báo/);
    expect(r.out).toContain(`[DATA-03] ${ROLL}!${at('roll', 4, 'birthDate')}`);
  });

  it('warnings alone still exit 0', async () => {
    const row = Number(at('roll', 8, 'name').slice(1));
    const path = await writeData('hidden-row.xlsx', example(), (wb) => {
      (wb.getWorksheet(ROLL) as ExcelJS.Worksheet).getRow(row).hidden = true;
    });
    const r = await run('check', path, '--json');
    const report = JSON.parse(r.out) as JsonReport;
    expect(dataIssuesOf(report).map((i) => [i.rule, i.severity, i.cell])).toEqual([['DATA-07', 'warning', `A${row}`]]);
    expect(errorsOf(report)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('several files are checked each on its own; exit 1 when any has an error', async () => {
    const bad = await writeData('bad.xlsx', badDate());
    const r = await run('check', EXAMPLE, bad, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual([EXAMPLE, bad]);
    expect(errorsOf(report).map((i) => [i.file, i.rule])).toEqual([[bad, 'DATA-03']]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('exit 2: one clear line on stderr, never a stack trace', () => {
  const half = (): string => {
    const bytes = readFileSync(EXAMPLE);
    const path = tmp('half.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    return path;
  };
  const text = (): string => {
    const path = tmp('x.xlsx');
    writeFileSync(path, 'Họ và tên;Ngày sinh\nTrần Văn Bình;12/03/1952\n');
    return path;
  };
  const folder = (): string => {
    const path = tmp('folder.xlsx');
    mkdirSync(path);
    return path;
  };
  const empty = (): string => {
    const path = tmp('empty.xlsx');
    writeFileSync(path, '');
    return path;
  };

  it.each([
    ['a file that is not a zip', text],
    ['a truncated zip (half of the example)', half],
    ['an empty file', empty],
    ['a folder named like a workbook', folder],
  ])('%s', async (_what, make) => {
    const path = make();
    const before = statSync(path).isFile() ? sha256(path) : null;
    const r = await run('check', path);
    expect(r.code).toBe(2);
    expectOneClearLine(r.err);
    expect(r.err).toContain(path);
    expect(r.out.trim()).toBe('');
    if (before) expect(sha256(path)).toBe(before);
  });

  it('a missing file says so', async () => {
    const path = join(dir, 'khong-co.xlsx');
    const r = await run('check', path);
    expect(r.code).toBe(2);
    expectOneClearLine(r.err);
    expect(r.err).toContain(path);
    expect(r.err).toMatch(/không tìm thấy tệp|not found/i);
    expect(r.err).not.toMatch(/tệp hỏng/);
  });

  it('a zip that holds no workbook (a renamed document) is not read as an empty workbook', async () => {
    // An .xlsx is a zip; so are .docx and .odt. One with no worksheet at all is no workbook.
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document/>');
    const path = tmp('bao-cao.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await run('check', path);
    expect(r.code).toBe(2);
    expectOneClearLine(r.err);
    expect(r.err).toContain(path);
  });

  it.each([
    ['an unknown command', ['frobnicate', EXAMPLE]],
    ['an unknown option', ['check', EXAMPLE, '--fast']],
    ['an unknown rule set', ['check', EXAMPLE, '--rules', 'hd99-2030']],
    ['--option without KEY=VALUE', ['check', EXAMPLE, '--option', 'strict']],
    ['--out without a value', ['check', EXAMPLE, '--out']],
    ['check without a file', ['check', '--json']],
    ['template without --out', ['template']],
  ])('%s', async (_what, argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expectOneClearLine(r.err);
    expect(r.out).toBe('');
  });

  it('the unknown rule set is named', async () => {
    const r = await run('check', EXAMPLE, '--rules', 'hd99-2030');
    expect(r.err).toContain('hd99-2030');
  });

  it('several files, one unreadable: the readable ones are still reported, exit 2', async () => {
    const bad = await writeData('bad.xlsx', badDate());
    const broken = text();
    const json = await run('check', EXAMPLE, broken, bad, '--json');
    expect(json.code).toBe(2);
    expectOneClearLine(json.err);
    expect(json.err).toContain(broken);
    const report = JSON.parse(json.out) as JsonReport;
    expect(report.files.map((f) => [f.path, f.chiBo])).toEqual([
      [EXAMPLE, 'Thanh Khê'],
      [bad, 'Thanh Khê'],
    ]);
    expect(errorsOf(report).map((i) => [i.file, i.rule, i.cell])).toEqual([[bad, 'DATA-03', at('roll', 4, 'birthDate')]]);

    const human = await run('check', EXAMPLE, broken, bad);
    expect(human.code).toBe(2);
    expectOneClearLine(human.err);
    expect(human.out).toContain(`${EXAMPLE} — Chi bộ Thanh Khê: 0 lỗi`);
    expect(human.out).toContain(`${bad} — Chi bộ Thanh Khê: 1 lỗi`);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('check --out', () => {
  it('the input file is never written: its bytes are unchanged after check --out', async () => {
    const input = await writeData('chi-bo.xlsx', badDate());
    const before = sha256(input);
    const out = join(dir, 'checked-copy.xlsx');
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(1);
    expect(sha256(input)).toBe(before);
    expect(existsSync(out)).toBe(true);
    expect(sha256(out)).not.toBe(before);
  });

  it('--out equal to the input path is refused (exit 2), the input untouched', async () => {
    const input = await writeData('chi-bo.xlsx', badDate());
    const before = sha256(input);
    for (const out of [input, input.replace(/chi-bo\.xlsx$/, './chi-bo.xlsx')]) {
      const r = await run('check', input, '--out', out);
      expect(r.code).toBe(2);
      expectOneClearLine(r.err);
      expect(r.out).toBe('');
      expect(sha256(input)).toBe(before);
    }
  });

  it('writes a copy with a "Kiểm tra" sheet (rule ID, link to the cell) and the flagged cell filled and noted', async () => {
    const data = badDate();
    data.roll[2].membership = 'Chính thức ạ';
    const input = await writeData('chi-bo.xlsx', data);
    const out = tmp('OUT.xlsx');
    const r = await run('check', input, '--out', out, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as JsonReport;
    expect(dataIssuesOf(report).map((i) => `${i.rule} ${i.cell}`)).toEqual([`DATA-02 ${at('roll', 2, 'membership')}`, `DATA-03 ${at('roll', 4, 'birthDate')}`]);

    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([INFO, ROLL, TALLY, SCORES, RESULT_SHEETS.issues]));
    const ws = sheet(wb, RESULT_SHEETS.issues);
    // The copy writes an internal link as Excel does, by its location (ExcelJS reads only relationships).
    const copy = new ZipPackage(readFileSync(out), inflateNode, 1 << 30, 1 << 30);
    const located = new Map([...copy.entries.keys()].filter((n) => /worksheets\/[^/]+\.xml$/.test(n)).flatMap((n) => [...(copy.text(n) ?? '').matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g)].map((m) => [m[1], `#${m[2]}`] as const)));
    const listed: { rule: string; link: string | undefined; text: string; sheet: string }[] = [];
    const allRules: string[] = [];
    ws.eachRow((row) => {
      // The rule in the last column (the screen's, outside the print area); sheet, cell and message before it.
      const rule = row.getCell(6).value;
      if (typeof rule === 'string' && /^[A-Z]+-\d\d$/.test(rule)) allRules.push(rule);
      if (typeof rule === 'string' && /^DATA-\d\d$/.test(rule)) {
        const cell = row.getCell(4);
        listed.push({ rule, link: cell.hyperlink ?? located.get(cell.address), text: cell.text, sheet: String(row.getCell(3).value) });
      }
    });
    // Every issue of the report is listed, each once.
    expect(allRules.sort()).toEqual(report.issues.map((i) => i.rule).sort());
    const birth = at('roll', 4, 'birthDate');
    const membership = at('roll', 2, 'membership');
    expect(listed).toEqual([
      { rule: 'DATA-02', link: `#'${ROLL}'!${membership}`, text: membership, sheet: ROLL },
      { rule: 'DATA-03', link: `#'${ROLL}'!${birth}`, text: birth, sheet: ROLL },
    ]);

    const roll = sheet(wb, ROLL);
    const flagged = roll.getCell(birth);
    expect(flagged.value).toBe('31/02/1949');
    expect(flagged.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: FLAG_FILL.error } });
    expect(noteText(flagged)).toContain('DATA-03');
    expect(noteText(roll.getCell(membership))).toContain('DATA-02');
    // A cell without an issue gets neither: exactly the flagged cells are filled and noted, in every sheet.
    const clean = roll.getCell(at('roll', 3, 'birthDate'));
    expect(noteText(clean)).toBe('');
    const filled: string[] = [];
    const noted: string[] = [];
    for (const ws of wb.worksheets) {
      if (ws.name === RESULT_SHEETS.issues) continue;
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
          if (argb === FLAG_FILL.error || argb === FLAG_FILL.warning) filled.push(`${ws.name}!${cell.address}`);
          if (ws.name !== INFO && noteText(cell)) noted.push(`${ws.name}!${cell.address}`);
        }),
      );
    }
    const flaggedCells = report.issues.filter((i) => i.cell).map((i) => `${i.sheet}!${i.cell}`);
    expect(filled.sort()).toEqual([...new Set(flaggedCells)].sort());
    expect(noted.sort()).toEqual([...new Set(flaggedCells.filter((c) => !c.startsWith(INFO)))].sort());
  });

  it('text beginning with "=", "+", "-" or "@" stays text, never a formula', async () => {
    const names = ['=1+1', '+84 905 123 456', '-Trần Văn Bình', '@SUM(A1:A3)'];
    const data = example();
    names.forEach((name, i) => {
      data.roll[i].name = name;
      data.tally[i].name = name;
    });
    // A tally name not on the roll: DATA-08 quotes it in the "Kiểm tra" sheet.
    data.tally[5].name = '=HYPERLINK("http://example.com","Lan")';
    data.roll[0].birthDate = '=DATE(1952,3,12)';
    const input = await writeData('injection.xlsx', data);
    const out = tmp('OUT.xlsx');
    const r = await run('check', input, '--out', out, '--json');
    expect(r.code).toBe(1);
    const rules = (JSON.parse(r.out) as JsonReport).issues.map((i) => i.rule);
    expect(rules).toEqual(expect.arrayContaining(['DATA-03', 'DATA-08']));

    const wb = await load(out);
    const formulas: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(`${ws.name}!${cell.address}`);
        }),
      );
    }
    expect(formulas).toEqual([]);
    const roll = sheet(wb, ROLL);
    names.forEach((name, i) => expect(roll.getCell(at('roll', i, 'name')).value).toBe(name));
    expect(roll.getCell(at('roll', 0, 'birthDate')).value).toBe('=DATE(1952,3,12)');
    // The result sheets quote the input as text.
    const quoted: string[] = [];
    for (const name of Object.values(RESULT_SHEETS)) {
      wb.getWorksheet(name)?.eachRow((row) => row.eachCell((cell) => quoted.push(cell.text)));
    }
    expect(quoted.some((t) => t.includes('=HYPERLINK("http://example.com","Lan")'))).toBe(true);
  });

  it('several files and --out DIR: one checked copy per file lands in DIR', async () => {
    const a = await writeData('a.xlsx', example());
    const b = await writeData('b.xlsx', badDate());
    const out = join(dir, 'checked');
    const r = await run('check', a, b, '--out', out);
    expect(r.code).toBe(1);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^a\b.*\.xlsx$/);
    expect(files[1]).toMatch(/^b\b.*\.xlsx$/);
    const copyOfB = await load(join(out, files[1]));
    const rules: unknown[] = [];
    sheet(copyOfB, RESULT_SHEETS.issues).eachRow((row) => rules.push(row.getCell(6).value));
    expect(rules).toContain('DATA-03');
    const copyOfA = await load(join(out, files[0]));
    expect(copyOfA.getWorksheet(RESULT_SHEETS.issues)).toBeDefined();
  });

  it('several files of the same name from different folders each get their own copy', async () => {
    const one = await writeData('chi-bo.xlsx', example());
    const two = await writeData('chi-bo.xlsx', badDate());
    const out = join(dir, 'same-names');
    const r = await run('check', one, two, '--out', out);
    expect(r.code).toBe(1);
    const files = readdirSync(out);
    expect(files).toHaveLength(2);
    const flagged: boolean[] = [];
    for (const f of files.sort()) {
      const wb = await load(join(out, f));
      flagged.push(noteText(sheet(wb, ROLL).getCell(at('roll', 4, 'birthDate'))).includes('DATA-03'));
    }
    expect(flagged.sort()).toEqual([false, true]);
  });

  it('--json with --out keeps stdout pure JSON', async () => {
    const out = tmp('OUT.xlsx');
    const r = await run('check', EXAMPLE, '--json', '--out', out);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(existsSync(out)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('template', () => {
  /** The cell below the header labelled `label`, found in the first 15 rows. */
  function firstDataCellUnder(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
    for (let r = 1; r <= 15; r++) {
      for (let c = 1; c <= 30; c++) {
        const cell = ws.getCell(r, c);
        if (cell.text.trim() === label) return ws.getCell(r + 1, c);
      }
    }
    throw new Error(`no header "${label}" in ${ws.name}`);
  }

  function valueCellOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
    for (let r = 1; r <= 40; r++) if (ws.getCell(r, 1).text.trim() === label) return ws.getCell(r, 2);
    throw new Error(`no field "${label}" in ${ws.name}`);
  }

  const listOf = (cell: ExcelJS.Cell): string => {
    const v = cell.dataValidation;
    expect(v?.type).toBe('list');
    return String(v?.formulae?.[0] ?? '');
  };

  it('template --rules hd27-2014 --out writes every input sheet (the chi bộ\'s five, the schedule and the two dossiers) with dropdowns on yes/no and level columns', async () => {
    const out = tmp('BLANK.xlsx');
    // The 2014 sheets; the default (hd43-2025) is test/cli/template25.test.ts's.
    const r = await run('template', '--rules', 'hd27-2014', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([INFO, ROLL, TALLY, SCORES, LEADERS, 'Kế hoạch', 'Hồ sơ chi bộ', 'Hồ sơ CBLĐQL']);

    const roll = sheet(wb, ROLL);
    const present = firstDataCellUnder(roll, 'Có mặt');
    expect(listOf(present)).toMatch(/Có.*Không/);
    expect(listOf(firstDataCellUnder(roll, 'Đã kiểm điểm'))).toMatch(/Có.*Không/);
    const membership = listOf(firstDataCellUnder(roll, 'Chính thức/Dự bị'));
    expect(membership).toContain('Chính thức');
    expect(membership).toContain('Dự bị');
    const rating = listOf(firstDataCellUnder(roll, 'Xếp loại CBCCVC'));
    for (const level of ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Không hoàn thành nhiệm vụ']) expect(rating).toContain(level);
    // The dropdown is there a long way down the table too, not only on its first row.
    const far = roll.getCell(Number(present.row) + 100, Number(present.col));
    expect(listOf(far)).toMatch(/Có.*Không/);

    const info = sheet(wb, INFO);
    for (const label of [
      'Chi bộ đoàn kết, hoàn thành xuất sắc nhiệm vụ chính trị',
      'Chi bộ đoàn kết, hoàn thành tốt nhiệm vụ chính trị',
      'Chi bộ sinh hoạt đúng quy định',
      'Có cấp ủy viên, cán bộ chủ chốt bị kỷ luật',
      'Nội bộ mất đoàn kết',
      'Có đảng viên bị kỷ luật do tham nhũng, tiêu cực, suy thoái',
    ]) {
      expect(listOf(valueCellOf(info, label))).toMatch(/Có.*Không/);
    }
    const org = listOf(valueCellOf(info, 'Xếp loại chính quyền, Mặt trận, đoàn thể'));
    for (const level of ['Cao nhất', 'Cao thứ hai', 'Thấp hơn']) expect(org).toContain(level);
    expect(field('chiBo')).toBe(valueCellOf(info, 'Chi bộ').address);
  });

  it('template --example writes the example, which checks with exit 0', async () => {
    const out = tmp('EXAMPLE.xlsx');
    const r = await run('template', '--example', '--out', out);
    expect(r.code).toBe(0);
    const checked = await run('check', out, '--json');
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.out) as JsonReport;
    expect(report.files).toEqual([{ path: out, chiBo: 'Thanh Khê', reader: { name: 'xlsx' } }]);
    expect(errorsOf(report)).toEqual([]);
    expect(dataIssuesOf(report)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('bin/xeploai.js', () => {
  it('runs the built CLI: clean JSON on stdout and exit 0; a missing file exits 2 with one line', () => {
    const bin = join(ROOT, 'bin', 'xeploai.js');
    const ok = spawnSync(process.execPath, [bin, 'check', EXAMPLE, '--json'], { encoding: 'utf8', timeout: 20_000 });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const report = JSON.parse(ok.stdout) as JsonReport;
    expect(report.files).toEqual([{ path: EXAMPLE, chiBo: 'Thanh Khê', reader: { name: 'xlsx' } }]);

    const missing = spawnSync(process.execPath, [bin, 'check', join(dir, 'khong-co.xlsx')], { encoding: 'utf8', timeout: 20_000 });
    expect(missing.status).toBe(2);
    expectOneClearLine(missing.stderr);
  });
});

it('the bundled example, checked many times above (with --out too), is unchanged', () => {
  expect(sha256(EXAMPLE)).toBe(exampleSha);
});
