/**
 * Which reader the command line uses: values always through loadModel (the fast reader, ExcelJS only
 * when it declines), ExcelJS's full model only to write a checked copy. The first is what makes
 * `check` cheaper than reading the files with ExcelJS (README "Performance").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fastRead from '../../src/xlsx/fastRead';
import * as openForWritingModule from '../../src/xlsx/openForWriting';
import * as readXlsx from '../../src/xlsx/readXlsx';
import { build } from '../helpers/workbook';
import { run } from '../helpers/cli';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-reader-'));
  file = join(dir, 'chi-bo.xlsx');
  writeFileSync(file, Buffer.from(await build().workbook.xlsx.writeBuffer()));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

test('check reads values with the fast reader and never builds ExcelJS\'s model', async () => {
  const excel = jest.spyOn(readXlsx, 'loadXlsx');
  const fast = jest.spyOn(fastRead, 'readXlsxValues');
  const { code, out } = await run('check', file, '--json');
  expect(code).toBe(0);
  expect(JSON.parse(out).members).toHaveLength(19);
  expect(fast).toHaveBeenCalledTimes(1);
  expect(excel).not.toHaveBeenCalled();
});

test('check --out builds no ExcelJS model: the copy is the input\'s package edited (issue 15); the values come from the fast reader', async () => {
  const excel = jest.spyOn(readXlsx, 'loadXlsx');
  const forWriting = jest.spyOn(openForWritingModule, 'openForWriting');
  const fast = jest.spyOn(fastRead, 'readXlsxValues');
  const { code, out } = await run('check', file, '--out', join(dir, 'ban-kiem-tra.xlsx'), '--json');
  expect(code).toBe(0);
  expect(fast).toHaveBeenCalledTimes(1);
  expect(forWriting).not.toHaveBeenCalled();
  expect(excel).not.toHaveBeenCalled();
  expect((JSON.parse(out) as { files: { reader?: unknown }[] }).files.map((f) => f.reader)).toEqual([{ name: 'xlsx' }]);
});

test('a file the fast reader declines is read by ExcelJS, with the same result', async () => {
  const { out: expected } = await run('check', file, '--json');
  jest.spyOn(fastRead, 'readXlsxValues').mockImplementation(() => {
    throw new fastRead.FastReadUnsupported('as if ZIP64');
  });
  const excel = jest.spyOn(readXlsx, 'loadXlsx');
  const { code, out } = await run('check', file, '--json');
  expect(code).toBe(0);
  expect(excel).toHaveBeenCalledTimes(1);
  // The same report, but for the reader it names, with the reason the project's own one declined.
  const report = JSON.parse(out) as { files: { reader?: unknown }[] };
  expect(report.files.map((f) => f.reader)).toEqual([{ name: 'exceljs', fallback: 'as if ZIP64' }]);
  const before = JSON.parse(expected) as { files: { reader?: unknown }[] };
  expect(before.files.map((f) => f.reader)).toEqual([{ name: 'xlsx' }]);
  expect({ ...report, files: report.files.map((f) => ({ ...f, reader: null })) }).toEqual({ ...before, files: before.files.map((f) => ({ ...f, reader: null })) });
});
