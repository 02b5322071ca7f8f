/**
 * Issue 15, "stream the ward": `check --json` over many files writes each file's share as soon as it is
 * checked (src/cli/jsonReport.ts). Its text must be exactly the report built from every result at once,
 * whether the sections stay in memory or spill to temporary files, which are removed afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check';
import type { ReaderInfo } from '../../src/core/grid';
import { buildReport, reportFiles, type ReportParts, reportParts, reportRuleSet } from '../../src/core/report';
import { writeJson } from '../../src/cli/json';
import { JsonReportStream } from '../../src/cli/jsonReport';
import { buildChiBo, membersWith } from '../helpers/chibo';
import { buildChiBo25, members25 } from '../helpers/chibo25';

const collect = async (write: (out: (t: string) => void) => Promise<void>): Promise<string> => {
  let text = '';
  await write((t) => {
    text += t;
  });
  return text;
};

const files = () => [
  { path: 'a.xlsx', result: checkWorkbook(buildChiBo({ members: membersWith(12, (i) => ({ votes: i < 2 ? [2, 5, 5] : undefined })) }).model) },
  { path: 'b.xlsx', result: checkWorkbook(buildChiBo25({ members: members25(9, (i) => (i === 0 ? { common: 31 } : {})) }).model) },
  { path: 'c.xlsx', result: checkWorkbook(buildChiBo25({ members: members25(4), unconfirmed: true }).model) },
];

describe('check --json streamed file by file', () => {
  it('writes exactly the report built from every result at once (a mixed run: hd27-2014 and hd43-2025 files)', async () => {
    const checked = files();
    const whole = await collect((out) => writeJson(buildReport('hd27-2014', checked), out));
    const stream = new JsonReportStream();
    for (const c of checked) stream.add(reportParts(c));
    expect(await collect((out) => stream.write('hd27-2014', out))).toBe(whole);
    expect(JSON.parse(whole).settings.length).toBeGreaterThan(0);
  });

  it('the same text when every section spills to temporary files, which are gone afterwards', async () => {
    const checked = files();
    const whole = await collect((out) => writeJson(buildReport('hd43-2025', checked), out));
    const stream = new JsonReportStream(64);
    for (const c of checked) stream.add(reportParts(c));
    const folder = stream.spillFolder;
    expect(folder).not.toBeNull();
    expect(readFileSync(`${folder}/members`, 'utf8').length).toBeGreaterThan(64);
    expect(await collect((out) => stream.write('hd43-2025', out))).toBe(whole);
    expect(existsSync(folder as string)).toBe(false);
  });

  it('no file read: the report of an empty run, as before', async () => {
    const whole = await collect((out) => writeJson(buildReport('hd27-2014', []), out));
    expect(await collect((out) => new JsonReportStream().write('hd27-2014', out))).toBe(whole);
  });
});

/**
 * The streamed report over made-up parts whose values are any JSON (multi-line strings, Vietnamese and
 * astral letters, control characters, lone surrogates, empty arrays and objects, deep nesting), against
 * JSON.stringify of the report assembled the way buildReport assembles it; with the section kept in
 * memory or spilled every few characters, read back a few bytes at a time (cutting UTF-16 code units and
 * surrogate pairs) and copied out through a scratch buffer of a few bytes. Compared as UTF-8 bytes piece
 * by piece, as standard output encodes each piece: a piece ending inside a surrogate pair would differ.
 */
describe('the streamed text, for any values and any spill, block and scratch sizes', () => {
  const unit = fc.oneof(
    fc.constantFrom('a', 'Ờ', 'ễ', 'Đ', ' ', '\n', '\r\n', '\t', '"', '\\', '/', '\u0000', '\u001f', '\u007f', '\u2028', '\ufeff', '😀', '𝕏', '\ud800', '\udfff'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );
  const text = fc.string({ unit, maxLength: 30 });
  const value = fc.oneof(fc.jsonValue({ stringUnit: unit, maxDepth: 4 }), fc.constant([]), fc.constant({}), fc.constant([[], {}, [[{}]]]));
  const items = fc.array(value, { maxLength: 4 });
  const part = fc.record({
    entry: fc.record({ path: text, chiBo: fc.option(text), ruleSet: fc.constantFrom('hd27-2014', 'hd43-2025') }, { noNullPrototype: true }),
    reader: fc.option(fc.constantFrom<ReaderInfo>({ name: 'xlsx' }, { name: 'exceljs', fallback: 'lý do\nthứ hai' })),
    issues: items,
    members: items,
    chiBo: items,
    leaders: items,
    settings: items,
  });
  type Made = { entry: { path: string; chiBo: string | null; ruleSet: string }; reader: ReaderInfo | null; issues: unknown[]; members: unknown[]; chiBo: unknown[]; leaders: unknown[]; settings: unknown[] };
  const parts = (made: Made[]): ReportParts[] =>
    made.map((m) => ({ ...m, file: m.entry.path, entry: m.reader ? { ...m.entry, reader: m.reader } : m.entry }) as unknown as ReportParts);
  const expected = (requested: string, ps: ReportParts[]): string => {
    const ruleSet = reportRuleSet(requested, ps.map((p) => ({ result: { ruleSet: p.entry.ruleSet } })));
    const settings = ps.flatMap((p) => p.settings);
    const report = {
      ruleSet,
      files: reportFiles(ps.map((p) => p.entry), ruleSet),
      issues: ps.flatMap((p) => p.issues),
      members: ps.flatMap((p) => p.members),
      chiBo: ps.flatMap((p) => p.chiBo),
      leaders: ps.flatMap((p) => p.leaders),
      ...(settings.length > 0 ? { settings } : {}),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  };
  const streamed = async (ps: ReportParts[], requested: string, spill?: number, sizes?: { block?: number; scratch?: number }): Promise<Buffer> => {
    const stream = new JsonReportStream(spill, sizes);
    for (const p of ps) stream.add(p);
    const folder = stream.spillFolder;
    const pieces: Buffer[] = [];
    await stream.write(requested, (t) => {
      pieces.push(Buffer.from(t, 'utf8'));
    });
    if (folder !== null) expect(existsSync(folder)).toBe(false);
    return Buffer.concat(pieces);
  };

  it('is JSON.stringify of the whole report, to the byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(part, { maxLength: 6 }),
        fc.constantFrom('hd27-2014', 'hd43-2025'),
        fc.constantFrom(undefined, 0, 1, 5, 64, 1000),
        fc.constantFrom(undefined, 1, 2, 3, 7, 64),
        fc.constantFrom(undefined, 1, 2, 3, 6, 101),
        async (made, requested, spill, block, scratch) => {
          const ps = parts(made);
          expect((await streamed(ps, requested, spill, { block, scratch })).equals(Buffer.from(expected(requested, ps), 'utf8'))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('astral letters and lone surrogates across every cut of the temporary file and of the scratch buffer', async () => {
    const made: Made[] = [0, 1, 2].map((i) => ({
      entry: { path: `${i}😀.xlsx`, chiBo: i ? 'Chi bộ 𝕏' : null, ruleSet: 'hd43-2025' },
      reader: null,
      issues: [{ message: `dòng 1\ndòng 2\t"${'😀'.repeat(i + 2)}"\u0001` }],
      members: [{ name: `Nguyễn ${'𝕏'.repeat(7 + i)}`, tags: [], extra: {} }, `\ud800${i}\udc00😀`, null],
      chiBo: i === 1 ? [] : [[['sâu', { hơn: [{}] }]]],
      leaders: [],
      settings: i === 2 ? [{ value: '\u2028😀' }] : [],
    }));
    const ps = parts(made);
    const want = Buffer.from(expected('hd27-2014', ps), 'utf8');
    for (const spill of [0, 3, 17])
      for (let block = 1; block <= 9; block++)
        for (let scratch = 1; scratch <= 9; scratch++) expect((await streamed(ps, 'hd27-2014', spill, { block, scratch })).equals(want)).toBe(true);
    // A piece larger than the scratch buffer and the block, in memory and spilled.
    const big = parts([{ ...made[0], members: Array.from({ length: 3000 }, (_, i) => ({ name: `Đảng viên ${i} 😀`, note: 'a\nb' })) }]);
    const wantBig = Buffer.from(expected('hd43-2025', big), 'utf8');
    expect((await streamed(big, 'hd43-2025')).equals(wantBig)).toBe(true);
    expect((await streamed(big, 'hd43-2025', 100, { block: 4097, scratch: 1001 })).equals(wantBig)).toBe(true);
  });

  it('an item that is undefined is null, as JSON.stringify writes it in the report\'s array', async () => {
    const ps = parts([{ entry: { path: 'a', chiBo: null, ruleSet: 'hd27-2014' }, reader: null, issues: [], members: [undefined, 1], chiBo: [], leaders: [], settings: [] }]);
    expect((await streamed(ps, 'hd27-2014', 0, { block: 3, scratch: 5 })).toString('utf8')).toBe(expected('hd27-2014', ps));
    expect(expected('hd27-2014', ps)).toContain('"members": [\n    null,\n    1\n  ]');
  });
});

it('a slow reader (a full pipe): each piece is taken before the next one comes, spilled pieces at most a block long', async () => {
  const checked = files();
  const whole = await collect((out) => writeJson(buildReport('hd27-2014', checked), out));
  const stream = new JsonReportStream(64, { block: 16, scratch: 10 });
  for (const c of checked) stream.add(reportParts(c));
  const pieces: string[] = [];
  let waiting = 0;
  await stream.write('hd27-2014', (t) => {
    expect(waiting).toBe(0);
    pieces.push(t);
    waiting++;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        waiting--;
        resolve();
      }),
    );
  });
  expect(pieces.join('')).toBe(whole);
  // 16 bytes of UTF-16 are 8 code units: every piece read back, between the head and the sections' brackets.
  const read = pieces.filter((p) => !/^(\{\n|  "\w+": \[|\n  \]|\}\n$)/.test(p));
  expect(read.length).toBeGreaterThan(100);
  expect(Math.max(...read.map((p) => p.length))).toBeLessThanOrEqual(8);
});
