/**
 * Issue 13: words, not codes, wherever a person reads. The human output of check, aggregate, ballots,
 * minutes and convert, on the example and on every workbook of the corpus (test/fixtures/bad/files),
 * holds no internal code (`exempt`, `no-tally-row`, `hd27-2014`, `cumulative` …) inside a Vietnamese
 * line; the JSON keeps them.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../helpers/cli';
import { codesIn } from '../taskpane/codes';

const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const CORPUS = resolve(__dirname, '..', 'fixtures', 'bad', 'files');
const FILES = [EXAMPLE, ...readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(CORPUS, f))];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-words-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const said = (r: { out: string; err: string }) => `${r.out}\n${r.err}`;

it('check: a member not classified, deferred or undetermined is said in words; the JSON keeps the code', async () => {
  const r = await run('check', EXAMPLE);
  expect(r.out).toContain('Mai Văn Vinh: không phân loại: miễn công tác và sinh hoạt đảng —');
  expect(r.out).toContain('Châu Thị Xuân: phân loại sau: vắng mặt —');
  expect(r.out).toContain('Đỗ Văn Khoa: không phân loại: vào Đảng chưa đủ 6 tháng —');
  expect(r.out).not.toMatch(/\((exempt|absent|admitted-under-6-months)\)/);
  const json = JSON.parse((await run('check', EXAMPLE, '--json')).out);
  expect(json.members.find((m: { name: string }) => m.name === 'Mai Văn Vinh').reason).toBe('exempt');
});

it('check: an issue line says its place once (the tag, the place, then the problem)', async () => {
  const r = await run('check', join(CORPUS, 'yes-no-wrong.xlsx'));
  expect(r.out).toContain('LỖI      [DATA-02] Danh sách đảng viên!H9: Có mặt: "Y" không phải giá trị hợp lệ của có/không.');
  expect(r.out).not.toContain('Danh sách đảng viên!H9: Sheet "Danh sách đảng viên"');
});

it('check on the example and the corpus: no code inside a Vietnamese line', async () => {
  const found: string[] = [];
  for (const file of FILES) found.push(...codesIn(said(await run('check', file)), 'vi'));
  expect(found).toEqual([]);
}, 120_000);

it('ballots (both rounds) and minutes on the example and the corpus: no code, and a refusal is one sentence per reason', async () => {
  const found: string[] = [];
  let lists = 0;
  for (const [i, file] of FILES.entries()) {
    for (const round of ['1', '2']) {
      const r = await run('ballots', file, '--round', round, '--out', join(dir, `b${round}-${i}.xlsx`));
      found.push(...codesIn(said(r), 'vi'));
      expect(r.err).not.toContain('(ballot not printed)');
      if (/vì:\n/.test(r.err)) {
        lists++;
        // Under "vì:", every reason on its own line, the rule ID as a tag.
        for (const line of r.err.split('\n').slice(1).filter(Boolean)) expect(line).toMatch(/^ {2}- \[[A-Z]{2,5}-\d{2}\] \S/);
      }
    }
    found.push(...codesIn(said(await run('minutes', file, '--out', join(dir, `m-${i}.xlsx`))), 'vi'));
  }
  expect(lists).toBeGreaterThan(0);
  expect(found).toEqual([]);
}, 180_000);

it('aggregate over the example and the corpus: no code inside a Vietnamese line, no rule ID in the summary lines', async () => {
  const r = await run('aggregate', ...FILES, '--out', join(dir, 'tong-hop.xlsx'));
  expect(codesIn(said(r), 'vi')).toEqual([]);
  const summary = r.out.split('\n').filter((l) => /^ {2}(Đảng viên|Không phân loại|Chi bộ|Giới hạn|Lịch)/.test(l));
  expect(summary.length).toBeGreaterThanOrEqual(5);
  for (const line of summary) expect(line).not.toMatch(/[A-Z]{2,5}-\d{2}/);
}, 120_000);

it('convert says the one line README promises, in Vietnamese only', async () => {
  const out = join(dir, 'unicode.xlsx');
  const r = await run('convert', EXAMPLE, '--out', out);
  expect(r.code).toBe(0);
  expect(r.err).toBe(`Đã chuyển 0 ô sang Unicode và ghi ra ${out}.\n`);
  expect(r.err).not.toMatch(/cells? converted/);
  expect(codesIn(said(r), 'vi')).toEqual([]);
});
