/**
 * The meeting-day sheets printed by LibreOffice, as a clerk would print them: each sheet alone in a
 * workbook rendered by the .xlsx renderer, converted to PDF, then its page count (pdfinfo) and the names
 * on every page (pdftotext) checked against the ballot's own arithmetic. The example chi bộ (16 members to
 * classify, 15 ballots, 13 HTTNV after round 1, K = 1) and a long roll whose copy needs two pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { type Ballot, round1Ballot, round2Ballot } from '../../src/core/output/ballots';
import type { SheetLayout } from '../../src/core/output/layout';
import { minutesSheet } from '../../src/core/output/minutes';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { renderLayout } from '../../src/xlsx/renderLayout';
import { bigChiBo } from '../helpers/generate';
import { check, example } from '../helpers/workbook';

const office = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));

function ballotOf(outcome: ReturnType<typeof round1Ballot>): Ballot {
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join(' '));
  return outcome.ballot;
}

/** Each layout alone in its own .xlsx, all converted by one LibreOffice run; the text of every page. */
async function printAll(dir: string, layouts: Record<string, SheetLayout>): Promise<Record<string, string[]>> {
  const files: string[] = [];
  for (const [stem, layout] of Object.entries(layouts)) {
    const wb = new ExcelJS.Workbook();
    renderLayout(wb, layout);
    const file = join(dir, `${stem}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  // A profile of its own, so a LibreOffice already running cannot swallow the conversion.
  const run = spawnSync(office as string, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 90_000 });
  expect({ status: run.status, error: run.error?.message }).toEqual({ status: 0, error: undefined });
  const pages: Record<string, string[]> = {};
  for (const stem of Object.keys(layouts)) {
    const pdf = join(dir, `${stem}.pdf`);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8', timeout: 20_000 });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
    // pdftotext separates pages with a form feed.
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', timeout: 20_000 }).stdout.normalize('NFC');
    pages[stem] = text.split('\f').slice(0, count);
    expect(pages[stem]).toHaveLength(count);
  }
  return pages;
}

/** The names on one page, in the order printed. */
const namesOn = (page: string, names: readonly string[]): string[] => names.filter((n) => page.includes(n));

(office || process.env.CI ? describe : describe.skip)('meeting sheets printed by LibreOffice', () => {
  let dir: string;
  let result: CheckResult;
  let long: CheckResult;
  let pages: Record<string, string[]>;
  let ballots: Record<string, Ballot>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xeploai-meeting-'));
    result = check();
    const { workbook } = bigChiBo(40);
    const big = checkWorkbook(workbookToModel(workbook));
    // Two copies are enough to see a long copy start a page of its own and continue on the next.
    long = { ...big, ballots: { ...(big.ballots as NonNullable<CheckResult['ballots']>), officialPresent: 2 } };
    const small = example();
    const keep = new Set(['Nguyễn Hữu Dũng', 'Trần Văn Bình', 'Lê Thị Cúc', 'Võ Thị Lan', 'Đặng Văn Minh']);
    small.roll = small.roll.filter((m) => keep.has(m.name as string));
    small.tally = small.tally.filter((t) => keep.has(t.name as string));
    Object.assign(small.info, { officialPresent: 5 });
    ballots = { round1: ballotOf(round1Ballot(result)), round2: ballotOf(round2Ballot(result)), long: ballotOf(round1Ballot(long)), short: ballotOf(round1Ballot(check(small))) };
    pages = await printAll(dir, { round1: ballots.round1.layout, round2: ballots.round2.layout, long: ballots.long.layout, short: ballots.short.layout, minutes: minutesSheet(result) });
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round 1: one copy of the 16 members per page, 15 pages for 15 ballots, each with the three boxes and the note', () => {
    const b = ballots.round1;
    expect(b.names).toHaveLength(16);
    expect({ copies: b.copies, perPage: b.perPage, pages: b.pages }).toEqual({ copies: 15, perPage: 1, pages: 15 });
    expect(pages.round1).toHaveLength(15);
    for (const page of pages.round1) {
      expect(namesOn(page, b.names)).toEqual(b.names);
      expect(page.match(/PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2017/g)).toHaveLength(1);
      expect(page).toContain('không đánh dấu vào ô hoàn thành xuất sắc nhiệm vụ');
      expect(page).toContain('CHI BỘ THANH KHÊ');
      expect(page).toMatch(/ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN\s+ĐẢNG CỘNG SẢN VIỆT NAM/);
    }
    expect(pages.round1.join('')).not.toContain('Mai Văn Vinh');
  });

  it('round 2: exactly the 13 round-1 HTTNV members and "chọn không quá 1 đồng chí" on every page', () => {
    const b = ballots.round2;
    expect(b.cap).toBe(1);
    expect(pages.round2).toHaveLength(b.pages);
    for (const page of pages.round2) {
      expect(namesOn(page, b.names)).toEqual(b.names);
      expect(page).toContain('Chọn không quá 1 đồng chí');
      // The official heading, whole: a column too narrow for it would break the words apart.
      expect(page).toMatch(/ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN\s+ĐẢNG CỘNG SẢN VIỆT NAM/);
      expect(page).toContain('CHI BỘ THANH KHÊ');
    }
    expect(pages.round2.join('')).not.toMatch(/Hoàng Văn Hùng|Lý Văn Sơn|Tôn Văn Yên/);
  });

  it('a roll too long for one page: each copy takes the pages computed, starting on a page of its own', () => {
    const b = ballots.long;
    expect(b.pagesPerCopy).toBe(2);
    expect(pages.long).toHaveLength(b.pages);
    expect(b.pages).toBe(4);
    for (let copy = 0; copy < 2; copy++) {
      const [first, second] = pages.long.slice(2 * copy, 2 * copy + 2);
      expect(first).toContain('PHIẾU ĐÁNH GIÁ');
      expect(second).not.toContain('PHIẾU ĐÁNH GIÁ');
      // Each name once per copy, the header repeated on the continuation page.
      const onBoth = [...namesOn(first, b.names), ...namesOn(second, b.names)];
      expect(new Set(onBoth).size).toBe(40);
      expect(second).toContain('Họ và tên');
    }
  });

  it('a short roll: the copies computed per page share each page, the last page holds the rest', () => {
    const b = ballots.short;
    expect(b.perPage).toBeGreaterThan(1);
    expect(pages.short).toHaveLength(Math.ceil(5 / b.perPage));
    pages.short.forEach((page, i) => {
      const onPage = Math.min(b.perPage, 5 - i * b.perPage);
      expect(page.match(/PHIẾU ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN/g)).toHaveLength(onPage);
      expect(page.match(/Nguyễn Hữu Dũng/g)).toHaveLength(onPage);
    });
  });

  it('minutes: the ballots of each round, every member voted on, the chosen one and the signatures', () => {
    const text = pages.minutes.join('\n');
    expect(pages.minutes.length).toBeGreaterThanOrEqual(1);
    expect(pages.minutes.length).toBeLessThanOrEqual(2);
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
    for (const m of result.members.filter((x) => x.status === 'classified')) expect(text).toContain(m.name);
    expect(text).toMatch(/Lần thứ nhất\s+15\s+15\s+15\s+0/);
    expect(text).toContain('Đảng viên hoàn thành xuất sắc nhiệm vụ: Nguyễn Hữu Dũng (13 phiếu)');
    for (const signer of ['TRƯỞNG BAN KIỂM PHIẾU', 'CÁC THÀNH VIÊN', 'CHỦ TRÌ']) expect(text).toContain(signer);
  });
});

if (!office) console.warn('meetingPdf.test.ts: LibreOffice is not installed — the printing checks are skipped.');
