/**
 * Outputs never touch inputs, write failures said in one line, safe text on the terminal (issue 12):
 * every command refuses an output that is an input (same path, symbolic or hard link) before writing
 * anything; a folder-mode run never overwrites an input and does not re-read its own earlier copies;
 * a failed write leaves the previous file whole and says what to do; control characters from the files
 * reach the terminal escaped, and the JSON intact; `aggregate` still combines the files it can read.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { safeForTerminal } from '../../src/cli/terminal';
import { loadXlsx } from '../../src/xlsx/readXlsx';
import { OutputError, writeOutputFile } from '../../src/xlsx/writeOutput';
import { run } from '../helpers/cli';
import { at, build, example, type MutableChiBoData } from '../helpers/workbook';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const ROLL = 'Danh sách đảng viên';

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-outputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh empty folder. */
function folder(): string {
  const path = join(dir, String(++counter));
  mkdirSync(path);
  return path;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

async function writeData(path: string, data: MutableChiBoData = example()): Promise<string> {
  await build(data).workbook.xlsx.writeFile(path);
  return path;
}

function badDate(): MutableChiBoData {
  const data = example();
  data.roll[4].birthDate = '31/02/1949';
  return data;
}

/** One line on stderr, starting with `xeploai: `, no stack trace. */
function expectOneLine(err: string): string {
  const lines = err.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^xeploai: /);
  expect(err).not.toMatch(/^\s*at |Error:|\.ts:\d+|\.js:\d+/m);
  return lines[0];
}

interface JsonReport {
  files: { path: string; chiBo: string | null; reader?: { name: string; fallback?: string } }[];
  members: { name: string; status: string }[];
  issues: { rule: string; file: string }[];
}

/** Every command that writes, with `input` as its (first) input and `out` as its output. */
const WRITERS: [string, (input: string, out: string) => string[]][] = [
  ['check', (input, out) => ['check', input, '--out', out]],
  ['aggregate', (input, out) => ['aggregate', input, '--out', out]],
  ['ballots', (input, out) => ['ballots', input, '--round', '1', '--out', out]],
  ['minutes', (input, out) => ['minutes', input, '--out', out]],
  ['convert', (input, out) => ['convert', input, '--out', out]],
];

describe('an output that is an input is refused by every command, before anything is written', () => {
  it.each(WRITERS)('%s: a hard link of the input as --out', async (_command, argv) => {
    const here = folder();
    const input = join(here, 'chi-bo.xlsx');
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const link = join(here, 'ban-sao.xlsx');
    linkSync(input, link);
    const r = await run(...argv(input, link));
    expect(r.code).toBe(2);
    const line = expectOneLine(r.err);
    expect(line).toContain('tệp đầu vào');
    expect(line).toContain(input);
    expect(r.out).toBe('');
    expect(sha256(input)).toBe(before);
    // Still the same file: not replaced by a copy either.
    expect(statSync(link).ino).toBe(statSync(input).ino);
    expect(readdirSync(here).sort()).toEqual(['ban-sao.xlsx', 'chi-bo.xlsx']);
  });

  it.each(WRITERS)('%s: a symbolic link to the input as --out', async (_command, argv) => {
    const here = folder();
    const input = join(here, 'chi-bo.xlsx');
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const link = join(here, 'ban-sao.xlsx');
    symlinkSync(input, link);
    const r = await run(...argv(input, link));
    expect(r.code).toBe(2);
    expect(expectOneLine(r.err)).toContain('tệp đầu vào');
    expect(sha256(input)).toBe(before);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it.each(WRITERS)('%s: the input through a linked folder', async (_command, argv) => {
    const here = folder();
    const input = join(here, 'chi-bo.xlsx');
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const alias = join(folder(), 'alias');
    symlinkSync(here, alias);
    const r = await run(...argv(input, join(alias, 'chi-bo.xlsx')));
    expect(r.code).toBe(2);
    expectOneLine(r.err);
    expect(sha256(input)).toBe(before);
  });

  it('aggregate: --out a hard link of the second input is refused before the first is read', async () => {
    const here = folder();
    const a = join(here, 'a.xlsx');
    const b = join(here, 'b.xlsx');
    copyFileSync(EXAMPLE, a);
    copyFileSync(EXAMPLE, b);
    const before = sha256(b);
    linkSync(b, join(here, 'tong-hop.xlsx'));
    const r = await run('aggregate', a, b, '--out', join(here, 'tong-hop.xlsx'), '--json');
    expect(r.code).toBe(2);
    expect(expectOneLine(r.err)).toContain(b);
    expect(r.out).toBe('');
    expect(sha256(b)).toBe(before);
  });
});

describe('check in folder mode (several files, --out a folder)', () => {
  it('a copy whose name is a later input (a hard link to it) is refused before the first copy is written', async () => {
    const here = folder();
    const a = await writeData(join(here, 'a.xlsx'));
    const b = await writeData(join(here, 'b.xlsx'), badDate());
    const before = sha256(b);
    const out = folder();
    linkSync(b, join(out, 'a.kiem-tra.xlsx'));
    const r = await run('check', a, b, '--out', out);
    expect(r.code).toBe(2);
    const line = expectOneLine(r.err);
    expect(line).toContain(join(out, 'a.kiem-tra.xlsx'));
    expect(line).toContain(b);
    expect(sha256(b)).toBe(before);
    expect(readdirSync(out)).toEqual(['a.kiem-tra.xlsx']);
  });

  it('a copy whose name is a later input (a symbolic link to it) is refused too', async () => {
    const here = folder();
    const a = await writeData(join(here, 'a.xlsx'));
    const b = await writeData(join(here, 'b.xlsx'), badDate());
    const before = sha256(b);
    const out = folder();
    symlinkSync(b, join(out, 'a.kiem-tra.xlsx'));
    const r = await run('check', a, b, '--out', out, '--json');
    expect(r.code).toBe(2);
    expect(expectOneLine(r.err)).toContain(b);
    expect(r.out).toBe('');
    expect(sha256(b)).toBe(before);
  });

  it('`check *.xlsx --out .` run twice: the second run does not read the first run\'s copies, lists them in one line and gives the same report', async () => {
    const here = folder();
    await writeData(join(here, 'a.xlsx'));
    await writeData(join(here, 'b.xlsx'), badDate());
    const glob = (): string[] => readdirSync(here).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(here, f));

    const first = await run('check', ...glob(), '--out', here, '--json');
    expect(first.code).toBe(1);
    expect(first.err).toBe('');
    expect(readdirSync(here).sort()).toEqual(['a.kiem-tra.xlsx', 'a.xlsx', 'b.kiem-tra.xlsx', 'b.xlsx']);

    const second = await run('check', ...glob(), '--out', here, '--json');
    expect(second.code).toBe(1);
    const line = expectOneLine(second.err);
    expect(line).toContain('bỏ qua 2 bản kiểm tra');
    expect(line).toContain(join(here, 'a.kiem-tra.xlsx'));
    expect(line).toContain(join(here, 'b.kiem-tra.xlsx'));
    const report = JSON.parse(second.out) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual([join(here, 'a.xlsx'), join(here, 'b.xlsx')]);
    expect(JSON.parse(second.out)).toEqual(JSON.parse(first.out));
    // The copies were replaced by fresh copies of the inputs, not copied again.
    expect(readdirSync(here).sort()).toEqual(['a.kiem-tra.xlsx', 'a.xlsx', 'b.kiem-tra.xlsx', 'b.xlsx']);
  });

  it('a checked copy named alone is read (the clerk means it)', async () => {
    const here = folder();
    const a = await writeData(join(here, 'a.xlsx'), badDate());
    expect((await run('check', a, '--out', here)).code).toBe(1);
    const copy = join(here, 'a.kiem-tra.xlsx');
    const r = await run('check', copy, '--json');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as JsonReport).files.map((f) => f.path)).toEqual([copy]);
    expect(r.err).toBe('');
  });

  it('--out ending in a slash names a folder even before it exists: one file\'s copy goes into it', async () => {
    const here = folder();
    const a = await writeData(join(here, 'a.xlsx'));
    const r = await run('check', a, '--out', `${join(here, 'ket-qua')}/`);
    expect(r.code).toBe(0);
    expect(readdirSync(join(here, 'ket-qua'))).toEqual(['a.kiem-tra.xlsx']);
  });

  it('--out an existing file with several inputs is one line, nothing read or written', async () => {
    const here = folder();
    const a = await writeData(join(here, 'a.xlsx'));
    const b = await writeData(join(here, 'b.xlsx'));
    const out = join(here, 'ket-qua.xlsx');
    writeFileSync(out, 'cũ');
    const r = await run('check', a, b, '--out', out);
    expect(r.code).toBe(2);
    expect(expectOneLine(r.err)).toContain('thư mục');
    expect(readFileSync(out, 'utf8')).toBe('cũ');
  });
});

describe('a failed write is one line saying what to do, exit 2, and never half a file', () => {
  /** A path whose folder is a regular file: every write under it fails (ENOTDIR), even for root. */
  function underAFile(name: string): string {
    const file = join(folder(), 'khong-phai-thu-muc');
    writeFileSync(file, 'x');
    return join(file, name);
  }

  it('check --out: the copy cannot be written, the check\'s report is printed all the same', async () => {
    const out = underAFile('ban-sao.xlsx');
    const r = await run('check', EXAMPLE, '--out', out);
    expect(r.code).toBe(2);
    const line = expectOneLine(r.err);
    expect(line).toContain(out);
    expect(line).toMatch(/không phải thư mục.*Sửa đường dẫn --out/);
    expect(r.out).toMatch(/Chi bộ Thanh Khê: \d+ lỗi/);

    const json = await run('check', EXAMPLE, '--out', out, '--json');
    expect(json.code).toBe(2);
    expectOneLine(json.err);
    expect((JSON.parse(json.out) as JsonReport).files.map((f) => f.path)).toEqual([EXAMPLE]);
  });

  it('aggregate: the ward workbook cannot be written, its figures are printed all the same', async () => {
    const out = underAFile('tong-hop.xlsx');
    const r = await run('aggregate', EXAMPLE, '--out', out, '--json');
    expect(r.code).toBe(2);
    expect(expectOneLine(r.err)).toContain(out);
    expect((JSON.parse(r.out) as { ward: { chiBo: { total: number } } }).ward.chiBo.total).toBe(1);
  });

  it.each([
    ['template', (out: string) => ['template', '--out', out]],
    ['convert', (out: string) => ['convert', EXAMPLE, '--out', out]],
    ['ballots', (out: string) => ['ballots', EXAMPLE, '--round', '1', '--out', out]],
    ['minutes', (out: string) => ['minutes', EXAMPLE, '--out', out]],
  ])('%s: a missing folder, a folder that is a file, a folder as the file', async (_command, argv) => {
    const missing = join(folder(), 'khong-co', 'x.xlsx');
    const r1 = await run(...argv(missing));
    expect(r1.code).toBe(2);
    expect(expectOneLine(r1.err)).toMatch(/không tồn tại.*Tạo thư mục đó trước/);
    expect(existsSync(join(missing, '..'))).toBe(false);

    const r2 = await run(...argv(underAFile('x.xlsx')));
    expect(r2.code).toBe(2);
    expect(expectOneLine(r2.err)).toMatch(/không phải thư mục/);

    const aFolder = folder();
    const r3 = await run(...argv(aFolder));
    expect(r3.code).toBe(2);
    expect(expectOneLine(r3.err)).toMatch(/thư mục/);
    expect(readdirSync(aFolder)).toEqual([]);
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // Root writes into a read-only folder all the same: there only the simulated failures below can run.
  (isRoot ? it.skip : it)('a read-only folder: permission denied, the previous copy kept', async () => {
    const { chmodSync } = await import('node:fs');
    const out = folder();
    const copy = join(out, 'ban-sao.xlsx');
    writeFileSync(copy, 'bản cũ');
    chmodSync(out, 0o555);
    try {
      const r = await run('check', EXAMPLE, '--out', copy);
      expect(r.code).toBe(2);
      expect(expectOneLine(r.err)).toMatch(/không có quyền ghi/);
      expect(readFileSync(copy, 'utf8')).toBe('bản cũ');
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it.each([
    ['EACCES', /không có quyền ghi.*chọn thư mục khác cho --out/],
    ['EPERM', /không có quyền ghi.*đang mở trong Excel/],
    ['EBUSY', /đang được mở.*Đóng tệp rồi chạy lại/],
    ['ENOSPC', /ổ đĩa đã đầy.*tệp cũ \(nếu có\) vẫn nguyên/],
    ['EROFS', /chỉ cho đọc.*Chọn thư mục khác/],
  ])('%s half-way through: the previous file is whole, no temporary file is left, the line says what to do', async (code, words) => {
    const out = folder();
    const target = join(out, 'ket-qua.xlsx');
    writeFileSync(target, 'bản cũ, còn tốt');
    let error: unknown = null;
    try {
      await writeOutputFile(target, async (temporary) => {
        writeFileSync(temporary, 'nửa tệp');
        throw Object.assign(new Error(`${code}: simulated`), { code });
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(OutputError);
    const message = (error as Error).message;
    expect(message).toMatch(words);
    expect(message.startsWith(`${target}: không ghi được`)).toBe(true);
    expect(message).not.toContain('simulated');
    expect(message).not.toContain('\n');
    expect(readFileSync(target, 'utf8')).toBe('bản cũ, còn tốt');
    expect(readdirSync(out)).toEqual(['ket-qua.xlsx']);
  });

  it('a successful write replaces the previous file and keeps its permissions', async () => {
    const out = folder();
    const target = join(out, 'ket-qua.xlsx');
    writeFileSync(target, 'bản cũ', { mode: 0o640 });
    await writeOutputFile(target, async (temporary) => writeFileSync(temporary, 'bản mới'));
    expect(readFileSync(target, 'utf8')).toBe('bản mới');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(out)).toEqual(['ket-qua.xlsx']);
  });
});

describe('safe text on the terminal', () => {
  it('escapes C0 (but the newline), DEL, C1 and the bidi overrides; keeps Vietnamese', () => {
    expect(safeForTerminal('Trần\x1b[31mVăn\x07 Bình\r\tx\x7f\x9b\u202eabc\u2066d\u2069\n')).toBe('Trần\\x1b[31mVăn\\x07 Bình\\x0d\\x09x\\x7f\\x9b\\u202eabc\\u2066d\\u2069\n');
    expect(safeForTerminal('Nguyễn Thị Hoà — Chi bộ Thanh Khê: 0 lỗi\n')).toBe('Nguyễn Thị Hoà — Chi bộ Thanh Khê: 0 lỗi\n');
  });

  const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

  /** XML cannot hold most controls: a workbook stores them as `_x001B_`, which Excel and the readers decode. */
  const stored = (text: string): string => text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);

  it('ESC and BEL in a member\'s name: escaped in the human output, intact in --json', async () => {
    const name = 'Trần\x1b]0;pwned\x07Văn \x1b[2JBình\u202e';
    const data = example();
    data.roll[1].name = stored(name);
    data.tally[1].name = stored(name);
    const input = await writeData(join(folder(), 'chi-bo.xlsx'), data);

    const human = await run('check', input);
    expect(human.out).not.toMatch(RAW);
    expect(human.err).not.toMatch(RAW);
    expect(human.out).toContain('Trần\\x1b]0;pwned\\x07Văn \\x1b[2JBình\\u202e:');

    const json = await run('check', input, '--json');
    expect(json.code).toBe(human.code);
    const report = JSON.parse(json.out) as JsonReport;
    expect(report.members.map((m) => m.name)).toContain(name);
  });

  it('a control character in a cell quoted by a message, and in a path on stderr, is escaped', async () => {
    const data = example();
    data.roll[4].birthDate = stored('31/02/\x1b[8m1949');
    const input = await writeData(join(folder(), 'chi-bo.xlsx'), data);
    const r = await run('check', input);
    expect(r.out).toContain(`[DATA-03] ${ROLL}!${at('roll', 4, 'birthDate')}`);
    expect(r.out).toContain('\\x1b[8m');
    expect(r.out).not.toMatch(RAW);

    const missing = join(folder(), 'ten\x1b[31m-\x07.xlsx');
    const m = await run('check', missing);
    expect(m.code).toBe(2);
    expect(expectOneLine(m.err)).toContain('ten\\x1b[31m-\\x07.xlsx');
    expect(m.err).not.toMatch(RAW);
  });
});

/** A workbook whose first sheet declares (in both zip headers) 2 GB once decompressed. */
async function inflatingTo2GB(path: string): Promise<void> {
  const bytes = Buffer.from(await build().workbook.xlsx.writeBuffer());
  const zip = await JSZip.loadAsync(bytes);
  const sheet = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)) as string;
  const name = Buffer.from(sheet);
  const huge = 0x7fffffff;
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (bytes.readUInt32LE(i) === 0x04034b50 && bytes.subarray(i + 30, i + 30 + name.length).equals(name) && bytes.readUInt16LE(i + 26) === name.length) {
      bytes.writeUInt32LE(huge, i + 22);
    }
    if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name) && bytes.readUInt16LE(i + 28) === name.length) {
      bytes.writeUInt32LE(huge, i + 24);
    }
  }
  writeFileSync(path, bytes);
}

describe('aggregate with a refused file', () => {
  it('a workbook beyond the reader\'s limits is one line; the others are still combined; exit 2', async () => {
    const here = folder();
    const a = await writeData(join(here, 'a.xlsx'));
    const bomb = join(here, 'bom.xlsx');
    await inflatingTo2GB(bomb);
    const data = example();
    data.info.chiBo = 'Công an';
    const c = await writeData(join(here, 'c.xlsx'), data);
    const out = join(here, 'tong-hop.xlsx');
    const started = Date.now();
    const r = await run('aggregate', a, bomb, c, '--out', out, '--json');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    const line = expectOneLine(r.err);
    expect(line).toContain(bomb);
    expect(line).toMatch(/giới hạn/);
    const report = JSON.parse(r.out) as JsonReport & { ward: { chiBo: { total: number } } };
    expect(report.files.map((f) => [f.path, f.chiBo])).toEqual([
      [a, 'Thanh Khê'],
      [c, 'Công an'],
    ]);
    expect(report.ward.chiBo.total).toBe(2);
    expect(existsSync(out)).toBe(true);
  });
});

describe('the built command line (bin/xeploai.js, compiled in lib/)', () => {
  const bin = join(ROOT, 'bin', 'xeploai.js');
  const xeploai = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', timeout: 30_000 });

  it('refuses a hard link of the input as --out (exit 2, one line), the input unchanged', () => {
    const here = folder();
    const input = join(here, 'chi-bo.xlsx');
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    linkSync(input, join(here, 'ban-sao.xlsx'));
    const r = xeploai('check', input, '--out', join(here, 'ban-sao.xlsx'));
    expect(r.status).toBe(2);
    expect(expectOneLine(r.stderr)).toContain('tệp đầu vào');
    expect(sha256(input)).toBe(before);
  });

  it('prints a name with ESC and BEL escaped on the real stdout, and intact in --json', async () => {
    const name = 'Trần\x1b[31mVăn\x07 Bình';
    const data = example();
    data.roll[1].name = name.replace(/\x1b/g, '_x001B_').replace(/\x07/g, '_x0007_');
    data.tally[1].name = data.roll[1].name;
    const input = await writeData(join(folder(), 'chi-bo.xlsx'), data);
    const human = xeploai('check', input);
    expect(human.stdout).toContain('Trần\\x1b[31mVăn\\x07 Bình:');
    expect(human.stdout).not.toMatch(/[\x1b\x07]/);
    const json = xeploai('check', input, '--json');
    expect((JSON.parse(json.stdout) as JsonReport).members.map((m) => m.name)).toContain(name);
  });
});

/** The example with every worksheet's XML written with a namespace prefix (`<x:row>`), as some generators do. */
async function prefixedWorkbook(path: string): Promise<void> {
  const zip = await JSZip.loadAsync(Buffer.from(await build().workbook.xlsx.writeBuffer()));
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
    const prefixed = xml.replace(` xmlns="${MAIN}"`, ` xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, '<$1x:$2');
    zip.file(name, prefixed);
  }
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('a file check reads, every command writes a copy of', () => {
  it('sheet XML with a namespace prefix (x:row): check --out, ballots, minutes and convert all write their copy', async () => {
    const here = folder();
    const input = join(here, 'tien-to.xlsx');
    await prefixedWorkbook(input);
    const before = sha256(input);
    // ExcelJS alone cannot make the copy: without openForWriting these commands said "tệp hỏng".
    const plain = await loadXlsx(input).then(
      (wb) => wb.worksheets.reduce((n, ws) => n + ws.actualRowCount, 0),
      () => 0,
    );
    expect(plain).toBe(0);

    const checked = await run('check', input, '--json');
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.out) as JsonReport;
    expect(report.files).toEqual([{ path: input, chiBo: 'Thanh Khê', reader: { name: 'xlsx' } }]);

    const copy = join(here, 'ban-sao.xlsx');
    const withCopy = await run('check', input, '--out', copy, '--json');
    expect(withCopy.code).toBe(0);
    expect(withCopy.err).toBe('');
    expect(JSON.parse(withCopy.out)).toEqual(report);
    const back = await run('check', copy, '--json');
    expect((JSON.parse(back.out) as JsonReport).members).toEqual(report.members);

    for (const argv of [
      ['ballots', input, '--round', '1', '--out', join(here, 'phieu.xlsx')],
      ['minutes', input, '--out', join(here, 'bien-ban.xlsx')],
      ['convert', input, '--out', join(here, 'unicode.xlsx')],
    ]) {
      const r = await run(...argv);
      expect({ argv: argv[0], code: r.code }).toEqual({ argv: argv[0], code: 0 });
      expect(existsSync(argv[argv.length - 1])).toBe(true);
    }
    expect(sha256(input)).toBe(before);
  });
});
