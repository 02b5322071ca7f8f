/**
 * `check --out` without a second model (issue 15): the checked copy is the input's package edited
 * (src/xlsx/packageOut). The copy keeps everything the clerk had — every input cell's value and format,
 * every sheet, every part the copy does not touch byte for byte — its result sheets are what the ExcelJS
 * path writes (parity), it opens in ExcelJS and in LibreOffice, an earlier copy's result sheets are
 * replaced, and what the editor declines goes through ExcelJS, saying why.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCheckedCopyFile } from '../../src/cli/outputs';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { MORE_RESULT_SHEETS, RESULT_SHEETS } from '../../src/core/forms/definitions';
import { flagsOf } from '../../src/core/output/resultSheets';
import { readXlsxFile } from '../../src/xlsx/loadModel';
import { openForWriting } from '../../src/xlsx/openForWriting';
import { writeCheckedPackage } from '../../src/xlsx/packageOut';
import { writeCheckedCopy } from '../../src/xlsx/writeResults';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'chi-bo-thanh-khe-2017.xlsx');
/** The hd43-2025 example (its own result sheets), where the tree has it. */
const EXAMPLES = [EXAMPLE, join(ROOT, 'examples', 'chi-bo-thanh-khe-2025.xlsx')].filter((f) => existsSync(f));
const BAD = join(ROOT, 'test', 'fixtures', 'bad', 'files');
/** Corpus files the check reads (values the reader accepts), with flags on input cells for most of them. */
const CORPUS = ['namespace-prefix.xlsx', 'iso-dates.xlsx', 'yes-no-wrong.xlsx', 'merged-data-cells.xlsx', 'hidden-rows.xlsx', 'name-control-characters.xlsx', 'total-mismatch.xlsx', 'header-misspelt.xlsx'].map((f) => join(BAD, f));
const RESULT_NAMES: string[] = [...Object.values(RESULT_SHEETS), ...Object.values(MORE_RESULT_SHEETS)];

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'xeploai-out-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(bytes: Uint8Array, name: string): CheckResult {
  return checkWorkbook(readXlsxFile(bytes, name));
}

/** The package path's copy of `file`, its bytes and the check it was written from. */
function packageCopy(file: string, bytes: Uint8Array = readFileSync(file)): { out: string; result: CheckResult } {
  const result = check(bytes, file);
  const out = join(dir, `pkg-${Math.random().toString(36).slice(2)}.xlsx`);
  writeCheckedPackage(bytes, result, out);
  return { out, result };
}

/** The ExcelJS path's copy (today's writer, kept as the fallback). */
async function excelJsCopy(file: string, result: CheckResult): Promise<string> {
  const wb = await openForWriting(file, file);
  writeCheckedCopy(wb, result);
  const out = join(dir, `xjs-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

const load = (file: string): Promise<ExcelJS.Workbook> => openForWriting(file, file);

/** A cell as the clerk sees it: value (an empty text is no value) and format. */
function cellView(cell: ExcelJS.Cell, withFill = true, font?: null): string {
  const v = cell.value;
  const value = v === '' ? null : v && typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v;
  return JSON.stringify([value, cell.numFmt ?? null, font === null ? null : (cell.font ?? null), withFill ? (cell.fill ?? null) : null, cell.alignment ?? null, cell.border && Object.keys(cell.border).length ? cell.border : null, cell.isMerged, cell.protection ?? null]);
}

/** Every cell of a sheet: address → view. */
function cells(ws: ExcelJS.Worksheet, withFill = true, skip: Set<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (!skip.has(cell.address)) out.set(cell.address, cellView(cell, withFill));
    }),
  );
  return out;
}

async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

describe('the copy keeps every input cell, format and sheet (example and corpus)', () => {
  it.each([...EXAMPLES, ...CORPUS])('%s', async (file) => {
    const { out, result } = packageCopy(file);
    const [original, copy] = await Promise.all([load(file), load(out)]);
    const inputNames = original.worksheets.map((w) => w.name).filter((n) => !RESULT_NAMES.includes(n));
    // Every input sheet, in its order, before the result sheets.
    expect(copy.worksheets.map((w) => w.name).slice(0, inputNames.length)).toEqual(inputNames);
    const flags = flagsOf(result.issues, (n) => inputNames.includes(n));
    for (const name of inputNames) {
      const flagged = new Set(flags.filter((f) => f.sheet === name).map((f) => f.cell));
      const before = original.getWorksheet(name) as ExcelJS.Worksheet;
      const after = copy.getWorksheet(name) as ExcelJS.Worksheet;
      // Unflagged cells: value and every format equal; flagged cells: all but the fill.
      expect(cells(after, true, flagged)).toEqual(cells(before, true, flagged));
      for (const ref of flagged) {
        // A cell without a format of its own (s 0) gets a copy of format 0 with the fill, whose font
        // ExcelJS then names (the workbook's default font, as in the ExcelJS path's copy).
        const font = before.getCell(ref).font ? undefined : null;
        expect(cellView(after.getCell(ref), false, font)).toEqual(cellView(before.getCell(ref), false, font));
        const flag = flags.find((f) => f.sheet === name && f.cell === ref)!;
        expect(after.getCell(ref).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${flag.fill.slice(1)}` } });
        const note = after.getCell(ref).note as string | { texts: { text: string }[] };
        expect(typeof note === 'string' ? note : note.texts.map((t) => t.text).join('')).toBe(flag.note);
      }
    }
    // The parts the copy does not change are the original's, byte for byte.
    const [a, b] = await Promise.all([partsOf(file), partsOf(out)]);
    const flaggedParts = new Set<string>();
    const untouched = [...a.keys()].filter((p) => !/workbook\.xml|\[Content_Types\]|styles\.xml|sharedStrings\.xml|\.rels$|comments|vmlDrawing/i.test(p));
    for (const part of untouched) {
      if (!b.has(part)) throw new Error(`${part} missing from the copy`);
      if (!a.get(part)!.equals(b.get(part)!)) flaggedParts.add(part);
    }
    // Only flagged sheets differ.
    const sheetsFlagged = new Set(flags.map((f) => f.sheet));
    expect(flaggedParts.size).toBeLessThanOrEqual(sheetsFlagged.size);
  }, 60_000);

  it('the example: the flagged roll cell gets the fill and the note; every other part byte for byte', async () => {
    const { out, result } = packageCopy(EXAMPLE);
    const flags = flagsOf(result.issues, () => true);
    expect(flags.length).toBeGreaterThan(0);
    const [a, b] = await Promise.all([partsOf(EXAMPLE), partsOf(out)]);
    const same = [...a.keys()].filter((p) => b.has(p) && a.get(p)!.equals(b.get(p)!));
    // theme, docProps, the unflagged sheets and their notes are copied as they were stored.
    expect(same).toEqual(expect.arrayContaining(['xl/theme/theme1.xml', 'docProps/core.xml', 'xl/worksheets/sheet3.xml', 'xl/comments1.xml']));
    // The shared strings: the original's bytes, then one empty string (the empty first cell of a merged
    // area refers to it, as in the ExcelJS path).
    const sst = (parts: Map<string, Buffer>) => parts.get('xl/sharedStrings.xml')!.toString('utf8');
    const close = sst(a).lastIndexOf('</sst>');
    expect(sst(b)).toBe(`${sst(a).slice(0, close).replace(/uniqueCount="(\d+)"/, (_m, n: string) => `uniqueCount="${Number(n) + 1}"`)}<si><t/></si></sst>`);
    // The stored (compressed) bytes themselves are kept: the raw entries are equal.
    const raw = (zip: Buffer, part: string): Buffer => {
      const at = zip.indexOf(Buffer.from(part));
      return zip.subarray(at, at + 200);
    };
    expect(raw(readFileSync(out), 'xl/theme/theme1.xml')).toEqual(raw(readFileSync(EXAMPLE), 'xl/theme/theme1.xml'));
  });
});

describe('parity: the result sheets are what the ExcelJS path writes', () => {
  it.each([...EXAMPLES, ...CORPUS.slice(0, 4)])('%s', async (file) => {
    const { out, result } = packageCopy(file);
    const theirs = await excelJsCopy(file, result);
    const [mine, reference] = await Promise.all([load(out), load(theirs)]);
    expect(mine.worksheets.map((w) => w.name)).toEqual(reference.worksheets.map((w) => w.name));
    for (const name of RESULT_NAMES) {
      const a = mine.getWorksheet(name);
      const b = reference.getWorksheet(name);
      expect(Boolean(a)).toBe(Boolean(b));
      if (!a || !b) continue;
      expect(cells(a)).toEqual(cells(b));
      // Print set-up as ExcelJS reads it back: A4, orientation, scale or fit, margins, area, titles.
      const setup = (ws: ExcelJS.Worksheet) => {
        const p = ws.pageSetup;
        return { paperSize: p.paperSize, orientation: p.orientation, fitToPage: p.fitToPage, fitToWidth: p.fitToPage ? p.fitToWidth : undefined, scale: p.fitToPage ? undefined : p.scale, margins: p.margins, printArea: p.printArea, printTitlesRow: p.printTitlesRow };
      };
      expect(setup(a)).toEqual(setup(b));
      expect(a.views ?? []).toEqual(b.views ?? []);
      // Widths: ExcelJS leaves out a column of width 9 (its default); the copy writes it.
      expect(a.columns.map((c) => c.width ?? 9)).toEqual(b.columns.map((c) => c.width ?? 9));
      for (let r = 1; r <= Math.max(a.rowCount, b.rowCount); r++) expect([name, r, a.getRow(r).height]).toEqual([name, r, b.getRow(r).height]);
      // Merges: ExcelJS reports them as master → range.
      expect(Object.keys((a as unknown as { _merges: object })._merges).sort()).toEqual(Object.keys((b as unknown as { _merges: object })._merges).sort());
    }
  }, 60_000);

  it('manual page breaks and internal links as the ExcelJS path has them', async () => {
    const { out } = packageCopy(EXAMPLE);
    const parts = await partsOf(out);
    const workbook = parts.get('xl/workbook.xml')!.toString('utf8');
    const members = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].find((m) => m[1] === RESULT_SHEETS.members)!;
    const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
    const target = new RegExp(`Id="${members[2]}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]*)"[^>]*Id="${members[2]}"`).exec(rels)![1];
    const sheet = parts.get(`xl/${target}`)!.toString('utf8');
    expect(sheet).toMatch(/<rowBreaks count="\d+" manualBreakCount="\d+"><brk id="\d+" max="16383" man="1"\/>/);
    expect(sheet).toMatch(/<pageSetup paperSize="9" scale="100" orientation="landscape"\/>/);
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="8">'KQ xếp loại đảng viên'!\$A\$1:\$I\$\d+<\/definedName>/);
    const issues = [...parts.entries()].find(([, text]) => text.includes('KIỂM TRA SỐ LIỆU'))![1].toString('utf8');
    expect(issues).toMatch(/<hyperlink ref="D5" location="'Danh sách đảng viên'!L14" display="L14"\/>/);
  });
});

describe('an earlier copy checked again', () => {
  it('its result sheets are replaced, not added again; the print names follow their sheets', async () => {
    const { out: first } = packageCopy(EXAMPLE);
    const { out: second } = packageCopy(first);
    const wb = await load(second);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => n === RESULT_SHEETS.members)).toHaveLength(1);
    expect(names).toEqual((await load(first)).worksheets.map((w) => w.name));
    const workbook = (await partsOf(second)).get('xl/workbook.xml')!.toString('utf8');
    const areas = [...workbook.matchAll(/<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">'([^']*)'/g)].map((m) => [Number(m[1]), m[2]]);
    for (const [index, sheet] of areas) expect(names[index as number]).toBe(sheet);
    expect(areas).toHaveLength(3);
    // The replaced sheets' parts are gone: as many worksheet parts as sheets.
    const parts = await partsOf(second);
    expect([...parts.keys()].filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))).toHaveLength(names.length);
    expect(cells(wb.getWorksheet(RESULT_SHEETS.issues)!)).toEqual(cells((await load(first)).getWorksheet(RESULT_SHEETS.issues)!));
    // The formats the copy added are found again, not added again: styles.xml does not grow run after run.
    const counts = (p: Map<string, Buffer>) => [...p.get('xl/styles.xml')!.toString('utf8').matchAll(/<(fonts|fills|borders|cellXfs) count="(\d+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(counts(parts)).toEqual(counts(await partsOf(first)));
  }, 60_000);

  it('a package without styles.xml gets one (with its relationship and content type)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    zip.remove('xl/styles.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship [^>]*styles"[^>]*\/>/, ''));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''));
    // Every cell's format refers to styles that are gone: the cells lose their `s` as Excel would.
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      zip.file(name, (await zip.file(name)!.async('string')).replace(/ s="\d+"/g, ''));
    }
    const input = join(dir, 'no-styles.xlsx');
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const { out } = packageCopy(input);
    const parts = await partsOf(out);
    const styles = [...parts.keys()].find((p) => /styles\d*\.xml$/.test(p))!;
    expect(parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).toContain('relationships/styles');
    expect(parts.get('[Content_Types].xml')!.toString('utf8')).toContain(`/${styles}`);
    const wb = await load(out);
    expect(wb.getWorksheet(RESULT_SHEETS.members)!.getCell('A1').font).toMatchObject({ name: 'Times New Roman' });
  }, 60_000);
});

describe('the declared fallback', () => {
  it('a flagged sheet with an XML comment: the copy goes through ExcelJS and says why', async () => {
    const zip = await JSZip.loadAsync(readFileSync(EXAMPLE));
    const roll = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    zip.file('xl/worksheets/sheet2.xml', roll.replace('<sheetData>', '<!-- ghi chú --><sheetData>'));
    const input = join(dir, 'with-comment.xlsx');
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const result = check(readFileSync(input), input);
    const out = join(dir, 'with-comment.kiem-tra.xlsx');
    const how = await writeCheckedCopyFile(input, out, result);
    expect(how).toEqual({ name: 'exceljs', fallback: 'a flagged sheet with XML comments or CDATA' });
    expect((await load(out)).getWorksheet(RESULT_SHEETS.members)).toBeDefined();
  });

  it('the example is written by the package editor', async () => {
    const out = join(dir, 'example.kiem-tra.xlsx');
    expect(await writeCheckedCopyFile(EXAMPLE, out, check(readFileSync(EXAMPLE), EXAMPLE))).toEqual({ name: 'package' });
  });
});

const OFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
(OFFICE || process.env.CI ? describe : describe.skip)('the copy opens in LibreOffice', () => {
  it('converted to PDF headless: every result sheet and the input sheets print', () => {
    const { out } = packageCopy(EXAMPLE);
    const profile = mkdtempSync(join(tmpdir(), 'lo-out-test-'));
    try {
      const run = spawnSync(OFFICE as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, out], { encoding: 'utf8', timeout: 240_000 });
      expect(run.status).toBe(0);
      const pdf = out.replace(/\.xlsx$/, '.pdf');
      expect(existsSync(pdf)).toBe(true);
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.normalize('NFC');
      for (const line of ['KẾT QUẢ XẾP LOẠI TỪNG ĐẢNG VIÊN', 'KIỂM TRA SỐ LIỆU — CHI BỘ THANH KHÊ', 'Nguyễn Hữu Dũng', 'Bùi Thị Ngọc']) expect(text).toContain(line);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);
});
