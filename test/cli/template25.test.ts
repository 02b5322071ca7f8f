/**
 * `xeploai template` under the rule sets (issue 14): hd43-2025 by default, `--rules hd27-2014` writing
 * today's 2014 template and example unchanged, `--criteria WARD.xlsx` copying the ward's `Bộ tiêu chí`,
 * `--example` under hd43-2025 writing the bundled 2025 example, and each wrong combination one clear line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { checkWorkbook } from '../../src/core/check';
import { ALL_INPUT_FORMS, HD43_INPUT_FORMS } from '../../src/core/forms/definitions';
import { readCriteria } from '../../src/core/forms/reader';
import { criteriaValuesOf } from '../../src/core/output/template';
import { newIssueSink } from '../../src/core/rules/issue';
import { loadModel } from '../../src/xlsx/loadModel';
import { example25Data } from '../../src/xlsx/example25';
import { run } from '../helpers/cli';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE_2017 = join(ROOT, 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const EXAMPLE_2025 = join(ROOT, 'examples', 'chi-bo-thanh-khe-2025.xlsx');
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const example2025Sha = sha256(EXAMPLE_2025);

let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-template25-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tmp = (name: string): string => join(dir, `${++counter}-${name}`);

/** Every part of the package but docProps/core.xml (its creation time), as text. */
async function parts(path: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (name === 'docProps/core.xml' || zip.files[name].dir) continue;
    out[name] = await zip.files[name].async('string');
  }
  return out;
}

function oneLine(err: string): string {
  const lines = err.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^xeploai: /);
  return lines[0];
}

async function sheetNames(path: string): Promise<string[]> {
  return (await loadModel(path)).sheets.map((s) => s.name);
}

describe('template: the rule set', () => {
  it('writes an hd43-2025 chi bộ workbook by default, checked as hd43-2025', async () => {
    const out = tmp('MAU.xlsx');
    const r = await run('template', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('hd43-2025');
    expect(await sheetNames(out)).toEqual(HD43_INPUT_FORMS.map((f) => f.sheet));
    expect(checkWorkbook(await loadModel(out)).ruleSet).toBe('hd43-2025');
  });

  it('--rules hd27-2014 writes the 2014 template; with --example, the bundled 2017 example part for part', async () => {
    const blank = tmp('MAU-2014.xlsx');
    expect((await run('template', '--rules', 'hd27-2014', '--out', blank)).code).toBe(0);
    expect(await sheetNames(blank)).toEqual(ALL_INPUT_FORMS.map((f) => f.sheet));
    expect(checkWorkbook(await loadModel(blank)).ruleSet).toBe('hd27-2014');
    const example = tmp('VD-2014.xlsx');
    expect((await run('template', '--rules', 'hd27-2014', '--example', '--out', example)).code).toBe(0);
    expect(await parts(example)).toEqual(await parts(EXAMPLE_2017));
  });

  it('--plan writes the 2017 plan into the 2014 workbook it belongs to, as before; not under hd43-2025', async () => {
    const plain = tmp('KH.xlsx');
    const named = tmp('KH-2014.xlsx');
    expect((await run('template', '--plan', '--out', plain)).code).toBe(0);
    expect((await run('template', '--rules', 'hd27-2014', '--plan', '--out', named)).code).toBe(0);
    expect(await parts(plain)).toEqual(await parts(named));
    const refused = tmp('KH-2025.xlsx');
    const r = await run('template', '--rules', 'hd43-2025', '--plan', '--out', refused);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain('--plan');
    expect(existsSync(refused)).toBe(false);
  });

  it('an unknown rule set is one line, exit 2, nothing written', async () => {
    const out = tmp('X.xlsx');
    const r = await run('template', '--rules', 'hd99-2030', '--out', out);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/Không có bộ quy tắc "hd99-2030".*hd27-2014, hd43-2025/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('template --criteria WARD.xlsx (CFG25)', () => {
  it('CFG25-01 copies the ward\'s Bộ tiêu chí as typed (criteria rows and settings), nothing else of the ward', async () => {
    const out = tmp('CHI-BO.xlsx');
    const r = await run('template', '--rules', 'hd43-2025', '--criteria', EXAMPLE_2025, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Bộ tiêu chí chép từ');
    const ward = readCriteria(await loadModel(EXAMPLE_2025), newIssueSink());
    const copy = readCriteria(await loadModel(out), newIssueSink());
    if (!ward || !copy) throw new Error('no criteria sheet');
    expect(criteriaValuesOf(copy)).toEqual(criteriaValuesOf(ward));
    expect(criteriaValuesOf(copy)).toEqual(example25Data().criteria);
    // The chi bộ's own sheets stay blank.
    const result = checkWorkbook(await loadModel(out));
    expect(result.chiBo).toBeNull();
    expect(result.members).toEqual([]);
  });

  it('works with the default rule set too (--rules may be left out)', async () => {
    const out = tmp('CHI-BO-2.xlsx');
    expect((await run('template', '--criteria', EXAMPLE_2025, '--out', out)).code).toBe(0);
    expect(await sheetNames(out)).toContain('Bộ tiêu chí');
  });

  it('a workbook without a readable Bộ tiêu chí is one clear Vietnamese line, exit 2, nothing written', async () => {
    const out = tmp('Y.xlsx');
    const r = await run('template', '--criteria', EXAMPLE_2017, '--out', out);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain('không có sheet "Bộ tiêu chí" đọc được');
    expect(existsSync(out)).toBe(false);
  });

  it('a missing ward file, --criteria under hd27-2014, and --criteria on the output are one line each, exit 2', async () => {
    const out = tmp('Z.xlsx');
    const missing = await run('template', '--criteria', join(dir, 'khong-co.xlsx'), '--out', out);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.err)).toContain('không tìm thấy tệp');
    const old = await run('template', '--rules', 'hd27-2014', '--criteria', EXAMPLE_2025, '--out', out);
    expect(old.code).toBe(2);
    expect(oneLine(old.err)).toContain('hd27-2014 không có sheet này');
    const same = await run('template', '--criteria', out, '--out', out);
    expect(same.code).toBe(2);
    oneLine(same.err);
    const noValue = await run('template', '--criteria', '--out', out);
    expect(noValue.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('template --example under hd43-2025: the bundled 2025 example', () => {
  it('is what `template --rules hd43-2025 --example` writes, part for part', async () => {
    const out = tmp('VD-2025.xlsx');
    const r = await run('template', '--rules', 'hd43-2025', '--example', '--out', out);
    expect(r.code).toBe(0);
    expect(await parts(out)).toEqual(await parts(EXAMPLE_2025));
  });

  it('ELIG25-01 M25-10 M25-11 M25-14 M25-16 M25-17 CB25-02 checks with no error and proposes the levels worked out by hand', async () => {
    const result = checkWorkbook(await loadModel(EXAMPLE_2025));
    expect(result.ruleSet).toBe('hd43-2025');
    expect(result.chiBo).toBe('Thanh Khê');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.members).toHaveLength(30);
    const of = (name: string) => {
      const m = result.members.find((x) => x.name === name);
      if (!m) throw new Error(`no ${name}`);
      return m.level ?? `${m.status}:${m.reason}`;
    };
    expect(['Nguyễn Văn Hải', 'Trần Thị Mai', 'Lê Văn Tuấn'].map(of)).toEqual(['HTXSNV', 'HTXSNV', 'HTXSNV']);
    expect(of('Phạm Thị Hương')).toBe('HTTNV'); // M25-17: rated HTTNV as a civil servant
    expect(of('Hoàng Văn Nam')).toBe('HTTNV'); // M25-10: 92 points, 2/10 beyond requirements
    expect(of('Võ Thị Thanh Hà')).toBe('HTNV'); // M25-16: 4 months' sick leave
    expect(of('Bùi Thị Lan')).toBe('HTTNV'); // M25-16: maternity leave, no cap
    expect(of('Đặng Văn Lực')).toBe('KHTNV'); // M25-14: disciplined in the year
    expect(of('Ngô Văn Khánh')).toBe('HTNV'); // M25-11: one task late
    expect(of('Dương Văn Thành')).toBe('HTNV'); // M25-12
    expect(of('Lâm Thị Thu Trang')).toBe('HTTNV'); // probationary, admitted more than 6 months before
    expect(of('Lý Văn Phong')).toBe('not-classified:suspended'); // ELIG25-01
    expect(of('Châu Thị Ngọc Ánh')).toBe('not-classified:admitted-under-6-months'); // ELIG-02
    expect(of('Trịnh Văn Bảy')).toBe('deferred:absent'); // ELIG-03
    expect(of('Mai Văn Cường')).toBe('not-classified:exempt'); // ELIG-01
    expect(result.members.filter((m) => m.level === 'HTTNV')).toHaveLength(19);
    // CB25-02: above 90 points, but one classified member is KHTNV: HTTNV (CB25-03).
    expect(result.chiBoResults.map((c) => c.level)).toEqual(['HTTNV']);
  });

  it('the bundled 2025 example, written and checked above, is unchanged', () => {
    expect(sha256(EXAMPLE_2025)).toBe(example2025Sha);
  });
});
