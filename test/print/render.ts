/**
 * The printed-paper harness: a written .xlsx (ExcelJS output of src/xlsx or of the command line) printed
 * by LibreOffice as a clerk would print it, one PDF per sheet, and what is on each page measured.
 *
 * - One sheet per PDF: a copy of the package where every other sheet is hidden (LibreOffice prints only
 *   visible sheets), so each sheet's own page set-up (paper, orientation, print area, print titles,
 *   scaling) is what is printed. All copies go through one LibreOffice run with a profile of its own
 *   (`-env:UserInstallation`), under a time limit after which the whole process group is killed.
 * - Text and sizes from `pdftotext -bbox` (one box per word, in points). The height of a word's box is
 *   FONT_BOX_RATIO × the printed size (poppler's box for LibreOffice's PDFs: 14.30 pt for 11 pt, 10.39
 *   for 8, 20.78 for 16, the same for Liberation Serif and DejaVu Serif, regular or bold italic).
 *   Calibrated in test/print/results.test.ts against cells of 8, 10, 11, 12 and 14 pt: each measured
 *   size is within SIZE_TOLERANCE (0.1 pt) of the true one, so "at least 10.5" admits 11 pt and refuses
 *   10.5 pt shrunk by any fit-to-width. A sheet shrunk to fit prints its 11 pt text smaller, and the
 *   measure sees that.
 * - Fonts: the papers are measured in metric twins of the clerk's fonts, Liberation Serif 2 for Times
 *   New Roman and Carlito for Calibri (Excel's default font, which sets the unit of column width);
 *   scripts/setup.sh installs them. `fontProblems()` says when LibreOffice would substitute others.
 * - Without LibreOffice the tests are skipped on a developer's machine but FAIL in CI (CI=true): a paper
 *   test that silently skips proves nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetLayout } from '../../src/core/output/layout';
import { renderLayout } from '../../src/xlsx/renderLayout';

export const OFFICE: string | undefined = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'].find((p) => existsSync(p));
const POPPLER = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;

/** Runs the tests when LibreOffice and poppler are here; in CI without them the suite fails. */
export const describePrinted: jest.Describe = (OFFICE && POPPLER) || process.env.CI ? describe : describe.skip;

/** Why the fonts here would not print as Excel does (empty when they would). */
export function fontProblems(): string[] {
  const out: string[] = [];
  for (const [family, twin] of [
    ['Times New Roman', 'Liberation Serif'],
    ['Calibri', 'Carlito'],
  ]) {
    const match = spawnSync('fc-match', [family], { encoding: 'utf8' }).stdout ?? '';
    if (!match.includes(twin)) out.push(`"${family}" được thay bằng ${match.trim() || '(không rõ)'}, không phải ${twin}: chạy scripts/setup.sh`);
  }
  return out;
}

/** Fails with the reason when the tools are missing (CI): call it first in beforeAll. */
export function requireTools(): void {
  if (!OFFICE) throw new Error('LibreOffice (soffice) không có trên máy này: bài kiểm tra bản in không chạy được (CI phải cài libreoffice-calc).');
  if (!POPPLER) throw new Error('Không có pdftotext/pdftoppm (poppler-utils): bài kiểm tra bản in không chạy được.');
}

/** Word box height ÷ font size for LibreOffice's PDF of Times New Roman / Liberation Serif. */
export const FONT_BOX_RATIO = 1.3;
/** How far a measured size may be from the true one, in points (see the calibration test). */
export const SIZE_TOLERANCE = 0.1;
/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface Word {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The printed font size in points, from the box height. */
  readonly size: number;
}

export interface Line {
  readonly text: string;
  /** Top and bottom of the line, in points from the top of the page. */
  readonly top: number;
  readonly bottom: number;
  readonly words: readonly Word[];
}

export interface PrintedPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly a4: boolean;
  readonly landscape: boolean;
  readonly words: readonly Word[];
  /** Words grouped into lines, top to bottom, each left to right. */
  readonly lines: readonly Line[];
  /** The lines joined by newlines. */
  readonly text: string;
  /** The smallest printed size on the page (Infinity on a blank page). */
  readonly smallest: number;
}

export interface PrintedSheet {
  readonly sheet: string;
  readonly pdf: string;
  readonly pages: readonly PrintedPage[];
  /** The page 1 image, when asked for. */
  readonly image?: string;
}

export interface PrintOptions {
  /** Sheets to print; every sheet of the workbook without it. */
  readonly sheets?: readonly string[];
  /** Sheet name → path of a PNG of its page 1 (e.g. docs/images/paper-kq-dang-vien.png). */
  readonly images?: Readonly<Record<string, string>>;
  /** Dots per inch of the images (60..100). */
  readonly resolution?: number;
  /** LibreOffice's time limit for the whole run. */
  readonly timeoutMs?: number;
  /** Keep the PDFs here (a temporary folder, removed afterwards, without it). */
  readonly dir?: string;
}

const xmlText = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The sheet names of a package, in order. */
export async function sheetNames(xlsx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await (zip.file('xl/workbook.xml') as JSZip.JSZipObject).async('string');
  return [...workbook.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => xmlText(m[1]));
}

/** A copy of the package where only `sheet` is visible (and active, and the only one selected). */
export async function onlySheet(xlsx: Buffer, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = 'xl/workbook.xml';
  let workbook = await (zip.file(path) as JSZip.JSZipObject).async('string');
  const names = [...workbook.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => xmlText(m[1]));
  const index = names.indexOf(sheet);
  if (index < 0) throw new Error(`Không có sheet "${sheet}" trong tệp (có: ${names.join(', ')})`);
  workbook = workbook.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const name = xmlText(/\bname="([^"]*)"/.exec(tag)?.[1] ?? '');
    const state = name === sheet ? 'visible' : 'hidden';
    return /\bstate="[^"]*"/.test(tag) ? tag.replace(/\bstate="[^"]*"/, `state="${state}"`) : tag.replace(/^<sheet\b/, `<sheet state="${state}"`);
  });
  const view = `<bookViews><workbookView activeTab="${index}" firstSheet="${index}"/></bookViews>`;
  if (/<bookViews>[\s\S]*?<\/bookViews>/.test(workbook)) workbook = workbook.replace(/<bookViews>[\s\S]*?<\/bookViews>/, view);
  else if (/<bookViews\/>/.test(workbook)) workbook = workbook.replace(/<bookViews\/>/, view);
  else workbook = workbook.replace(/<sheets>/, `${view}<sheets>`);
  // LibreOffice prints a hidden sheet that has a print range: only this sheet's defined print names stay.
  workbook = workbook.replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (tag) => {
    const local = /\blocalSheetId="(\d+)"/.exec(tag)?.[1];
    return /name="_xlnm\.Print_(?:Area|Titles)"/.test(tag) && local !== undefined && Number(local) !== index ? '' : tag;
  });
  workbook = workbook.replace(/<definedNames>\s*<\/definedNames>/, '');
  zip.file(path, workbook);
  // A sheet marked selected (tabSelected) but hidden would confuse the printing of the visible one.
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
    if (xml.includes('tabSelected="1"')) zip.file(name, xml.replace(/\btabSelected="1"/g, 'tabSelected="0"'));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Runs LibreOffice with a profile of its own; kills its whole process group after the time limit. */
function convert(files: readonly string[], outDir: string, profile: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(OFFICE as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`LibreOffice quá ${timeoutMs / 1000} giây, đã dừng. ${output}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice kết thúc với mã ${code}: ${output}`));
    });
  });
}

/** Words of each page from `pdftotext -bbox`. */
export function readPdf(pdf: string): PrintedPage[] {
  const run = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdftotext -bbox ${pdf}: ${run.stderr}`);
  const pages: PrintedPage[] = [];
  for (const m of run.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const width = Number(m[1]);
    const height = Number(m[2]);
    const words: Word[] = [];
    for (const w of m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g)) {
      const [x0, y0, x1, y1] = [w[1], w[2], w[3], w[4]].map(Number);
      const h = y1 - y0;
      words.push({ text: xmlText(w[5]).normalize('NFC'), x: x0, y: y0, width: x1 - x0, height: h, size: Math.round((h / FONT_BOX_RATIO) * 100) / 100 });
    }
    const lines = linesOf(words);
    const portrait = Math.abs(width - A4.width) < 2 && Math.abs(height - A4.height) < 2;
    const landscape = Math.abs(width - A4.height) < 2 && Math.abs(height - A4.width) < 2;
    pages.push({
      number: pages.length + 1,
      width,
      height,
      a4: portrait || landscape,
      landscape: width > height,
      words,
      lines,
      text: lines.map((l) => l.text).join('\n'),
      smallest: words.reduce((s, w) => Math.min(s, w.size), Infinity),
    });
  }
  return pages;
}

/** Words whose vertical centres are within a third of a line of each other form one line. */
function linesOf(words: readonly Word[]): Line[] {
  const sorted = [...words].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const groups: Word[][] = [];
  for (const w of sorted) {
    const centre = w.y + w.height / 2;
    const last = groups[groups.length - 1];
    if (last) {
      const c = last.reduce((s, v) => s + v.y + v.height / 2, 0) / last.length;
      if (Math.abs(centre - c) <= Math.max(w.height, last[0].height) / 3) {
        last.push(w);
        continue;
      }
    }
    groups.push([w]);
  }
  return groups.map((g) => {
    const ws = g.sort((a, b) => a.x - b.x);
    return { text: ws.map((w) => w.text).join(' '), top: Math.min(...ws.map((w) => w.y)), bottom: Math.max(...ws.map((w) => w.y + w.height)), words: ws };
  });
}

/**
 * Prints the sheets of a written .xlsx, one PDF each, and reads them back. Page 1 images are written
 * where `images` says (folders made as needed).
 */
export async function printWorkbook(file: string, options: PrintOptions = {}): Promise<Map<string, PrintedSheet>> {
  requireTools();
  const xlsx = readFileSync(file);
  const sheets = options.sheets ?? (await sheetNames(xlsx));
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'xeploai-print-'));
  mkdirSync(dir, { recursive: true });
  try {
    const files = await Promise.all(
      sheets.map(async (sheet, i) => {
        const path = join(dir, `sheet-${i + 1}.xlsx`);
        writeFileSync(path, await onlySheet(xlsx, sheet));
        return path;
      }),
    );
    await convert(files, dir, join(dir, 'profile'), options.timeoutMs ?? 180_000);
    const out = new Map<string, PrintedSheet>();
    sheets.forEach((sheet, i) => {
      const pdf = join(dir, `sheet-${i + 1}.pdf`);
      if (!existsSync(pdf)) throw new Error(`LibreOffice không tạo ${pdf} cho sheet "${sheet}"`);
      const image = options.images?.[sheet];
      if (image) pageImage(pdf, image, options.resolution ?? 80);
      out.set(sheet, { sheet, pdf, pages: readPdf(pdf), image });
    });
    return out;
  } finally {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Layouts rendered by the .xlsx renderer into one workbook (in order), then printed. */
export async function printLayouts(layouts: readonly SheetLayout[], options: PrintOptions = {}): Promise<Map<string, PrintedSheet>> {
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-layouts-'));
  try {
    const wb = new ExcelJS.Workbook();
    for (const layout of layouts) renderLayout(wb, layout);
    const file = join(dir, 'layouts.xlsx');
    await wb.xlsx.writeFile(file);
    return await printWorkbook(file, options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page 1 of a PDF as a PNG at `resolution` dots per inch. */
export function pageImage(pdf: string, png: string, resolution = 80): void {
  if (resolution < 60 || resolution > 100) throw new Error('resolution: 60..100');
  mkdirSync(dirname(png), { recursive: true });
  const stem = png.replace(/\.png$/i, '');
  const run = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', String(resolution), '-png', '-singlefile', pdf, stem], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`pdftoppm ${pdf}: ${run.stderr}`);
}

// ——— What a paper must satisfy. Each returns the problems found (an empty list when none), so a failing
// test prints what is wrong and where.

/** Pages that are not A4. */
export function notA4(sheet: PrintedSheet): string[] {
  return sheet.pages.filter((p) => !p.a4).map((p) => `${sheet.sheet} trang ${p.number}: ${p.width} × ${p.height} pt, không phải A4`);
}

/** Words printed smaller than `min` points (10.5 by default: 11 pt less the measure's tolerance). */
export function smallText(sheet: PrintedSheet, min = 10.5): string[] {
  const out: string[] = [];
  for (const p of sheet.pages) for (const w of p.words) if (w.size < min) out.push(`${sheet.sheet} trang ${p.number}: "${w.text}" ${w.size} pt`);
  return out;
}

/** A rule ID such as MEM-06 (but not a form number such as 04-KĐ.ĐV, nor 27-HD/BTCTW). */
export const RULE_ID = /\b(?:[A-Z]{2,5}|[A-Z]{1,5}25)-\d{2}\b/g;
/** The internal codes of the JSON and the options: on paper only as whole words, where they are codes. */
export const INTERNAL_CODES = [
  'exempt',
  'admitted-under-6-months',
  'absent',
  'no-self-review',
  'no-tally-row',
  'vote-data-error',
  'input-error',
  'tie-at-cap',
  'missing-rating',
  'rating-conflict',
  'no-decisive-vote',
  'hd27-2014',
  'hd43-2025',
  'suspended',
  'no-score',
  'no-score-row',
  'cumulative',
  'strict',
  'chi-bo',
  'ward',
  'present',
  'roll',
] as const;
// Not part of a longer word or file name ("chi-bo-thanh-khe.xlsx" is a file, not the code chi-bo).
const CODE = new RegExp(`(?<![\\p{L}\\p{N}_./-])(?:${INTERNAL_CODES.join('|')})(?![\\p{L}\\p{N}_/-])`, 'giu');

/** Rule IDs and internal codes printed on any page. */
export function codesOnPaper(sheet: PrintedSheet): string[] {
  const out: string[] = [];
  for (const p of sheet.pages) {
    for (const line of p.lines) {
      for (const m of line.text.matchAll(RULE_ID)) out.push(`${sheet.sheet} trang ${p.number}: mã quy tắc ${m[0]} trong "${line.text}"`);
      for (const m of line.text.matchAll(CODE)) out.push(`${sheet.sheet} trang ${p.number}: mã nội bộ ${m[0]} trong "${line.text}"`);
    }
  }
  return out;
}

/** Heading lines (text or pattern, matched against one printed line) missing from page 1. */
export function missingOnPage1(sheet: PrintedSheet, lines: readonly (string | RegExp)[]): string[] {
  const page = sheet.pages[0];
  if (!page) return [`${sheet.sheet}: không in ra trang nào`];
  return lines
    .filter((want) => !page.lines.some((l) => (typeof want === 'string' ? l.text.includes(want) : want.test(l.text))))
    .map((want) => `${sheet.sheet} trang 1: thiếu dòng ${String(want)}`);
}

/**
 * A section heading: "I. …", "V. KẾT QUẢ …", "1. …" in capitals, "TỔNG HỢP …", or a line in capitals of
 * at least two words that is not part of a table row (a lone line). Callers may pass their own test.
 */
export function looksLikeHeading(line: Line): boolean {
  const t = line.text.trim();
  if (/^(?:[IVX]+|[A-Z]|\d{1,2})\.\s+\p{Lu}/u.test(t)) return true;
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 6 && letters === letters.toUpperCase() && t.split(/\s+/).length >= 2;
}

/** Section headings printed as the last line of a page that another page follows. */
export function orphanHeadings(sheet: PrintedSheet, isHeading: (line: Line) => boolean = looksLikeHeading): string[] {
  const out: string[] = [];
  sheet.pages.forEach((p, i) => {
    if (i === sheet.pages.length - 1) return;
    const last = p.lines[p.lines.length - 1];
    if (last && isHeading(last)) out.push(`${sheet.sheet} trang ${p.number}: đề mục "${last.text}" nằm cuối trang`);
  });
  return out;
}

/**
 * Words printed over each other: text cut by a row too low or spilling out of its cell. LibreOffice clips
 * such text but still writes it into the PDF at its place, where it lands on the next row's words (the
 * text layer keeps all of it, so overlapping boxes are how a cut shows). Boxes overlapping by more than
 * a quarter of the smaller one, in both directions, count.
 */
export function overlappingText(sheet: PrintedSheet): string[] {
  const out: string[] = [];
  for (const p of sheet.pages) {
    const words = [...p.words].sort((a, b) => a.y - b.y);
    for (let i = 0; i < words.length; i++) {
      const a = words[i];
      for (let j = i + 1; j < words.length && words[j].y < a.y + a.height; j++) {
        const b = words[j];
        const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (w <= 0 || h <= 0) continue;
        if (w * h > 0.25 * Math.min(a.width * a.height, b.width * b.height)) out.push(`${sheet.sheet} trang ${p.number}: "${a.text}" và "${b.text}" in chồng lên nhau (chữ bị cắt hoặc tràn ô)`);
      }
    }
  }
  return out;
}

/** Every check above at once. */
export function paperProblems(sheet: PrintedSheet, heading: readonly (string | RegExp)[] = [], min = 10.5): string[] {
  return [...notA4(sheet), ...smallText(sheet, min), ...codesOnPaper(sheet), ...missingOnPage1(sheet, heading), ...orphanHeadings(sheet), ...overlappingText(sheet)];
}

/** The printed page widths of the paper, for messages: "A4 ngang × 2, A4 dọc × 1". */
export function describePages(sheet: PrintedSheet): string {
  return sheet.pages.map((p) => `${p.a4 ? 'A4' : `${p.width}×${p.height}`}${p.landscape ? ' ngang' : ' dọc'} (nhỏ nhất ${p.smallest} pt)`).join('; ');
}

export { escapeXml };
