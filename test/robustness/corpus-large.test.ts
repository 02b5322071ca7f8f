/**
 * The large cases of the bad-workbook corpus (test/fixtures/bad/generate.ts), generated here once each:
 * 100,000 formatted blank rows with a member after them, and a roll of 200,000 members.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOpenWorkbook, clearOpenWorkbookFlags } from '../../src/office/runCheck';
import { BAD_CASES, type BadCase, writeCases } from '../fixtures/bad/generate';
import { FakeExcelHost } from '../fake-excel';
import { expectCheckAnswer, expectIssues, ruleSets } from './expect';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-bad-large-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const large = (id: string): BadCase => BAD_CASES.find((c) => c.id === id && c.large) as BadCase;
const itUnless = (bug: string | undefined) => (bug ? it.failing : it);

describe.each([large('blank-rows-100k'), large('roll-200k')].map((c) => [c.id, c] as [string, BadCase]))('%s', (id, c) => {
  let path: string;
  beforeAll(async () => {
    path = (await writeCases(dir, { large: true, only: (x) => x.id === id })).get(id) as string;
  }, 60_000);

  itUnless(c.knownBug?.cli)(`xeploai check exits ${c.expect.code} ${ruleSets(c.expect)}; the file is not changed`, async () => {
    const before = sha(path);
    await expectCheckAnswer(path, c.expect);
    expect(sha(path)).toBe(before);
  }, 120_000);

  if (c.inExcel && c.expect.code !== 2) {
    const expected = c.expect;
    itUnless(c.knownBug?.excel)('in Excel (the fake host): check, clear and check again', async () => {
      const host = await FakeExcelHost.fromXlsx(readFileSync(path));
      const sheets = host.sheetNames();
      const before = sheets.map((s) => host.getValues(s));
      const restore = host.installGlobals();
      try {
        const first = await checkOpenWorkbook();
        expectIssues(first.issues, expected);
        await clearOpenWorkbookFlags();
        expect((await checkOpenWorkbook()).issues).toEqual(first.issues);
      } finally {
        restore();
      }
      expect(sheets.map((s) => host.getValues(s))).toEqual(before);
    }, 120_000);
  }
});
