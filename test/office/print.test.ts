/**
 * Papers printed from Excel itself are the papers the command line writes: every sheet the add-in
 * writes (the check's result sheets with the leaders' tally, the ballots and the minutes, the ward's
 * `Tổng hợp`) gets, through Office.js (`worksheet.pageLayout`, `horizontalPageBreaks.add`, ExcelApi
 * 1.9) against the fake host, the same print set-up as the .xlsx `xeploai` writes for the same input:
 * paper, orientation, scale, margins, centring, print area, print titles and manual page breaks.
 *
 * Compared twice: as the host holds it (what Excel would report), and as SpreadsheetML — the file
 * `xeploai` wrote and the open workbook saved by the fake (`toExcelJs`), both read back here with a
 * few regular expressions, so that a checked-in-Excel workbook printed through LibreOffice shows the same
 * pages. Below ExcelApi 1.9 nothing of it is asked (the fake refuses `pageLayout` and
 * `horizontalPageBreaks` there, as office.js does), and the sync counts stay those of the plan.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MEETING_SHEETS, MORE_RESULT_SHEETS, RESULT_SHEETS } from '../../src/core/forms/definitions';
import { checkInExcel } from '../../src/office/checkInExcel';
import { combineFilesIntoOpenWorkbook, printBallotsInOpenWorkbook, writeMinutesInOpenWorkbook, type PickedFile } from '../../src/office/runCheck';
import { fillWorkbook } from '../../src/xlsx/fill';
import { WARD_CHI_BO, wardChiBoData } from '../../src/xlsx/wardExample';
import { FakeExcelHost } from '../fake-excel';
import { run } from '../helpers/cli';
import { build, example } from '../helpers/workbook';
import { describePrinted, printWorkbook, requireTools } from '../print/render';

/** What a sheet's print set-up is in a package: the attributes LibreOffice and Excel print by. */
interface FileSetup {
  readonly paperSize: string | null;
  readonly orientation: string | null;
  readonly fitToPage: boolean;
  /** `scale` at 100 % printing; `fitToWidth × fitToHeight` when fitting to pages. */
  readonly scaling: string;
  readonly margins: Record<string, number>;
  readonly horizontalCentered: boolean;
  readonly verticalCentered: boolean;
  readonly printArea: string | null;
  readonly printTitles: string | null;
  /** `<brk id>` of the manual row breaks: a break below 1-based row id. */
  readonly rowBreaks: number[];
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescape = (s: string): string => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The print set-up of `sheet` in the package `bytes`, read from its XML (not through ExcelJS or the fake). */
async function fileSetup(bytes: Uint8Array | Buffer, sheet: string): Promise<FileSetup> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => ({ name: unescape(attr(m[0], 'name') ?? ''), rid: attr(m[0], 'r:id') ?? '' }));
  const index = sheets.findIndex((s) => s.name === sheet);
  if (index < 0) throw new Error(`no sheet ${sheet} in the package (${sheets.map((s) => s.name).join(', ')})`);
  const target = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((r) => attr(r, 'Id') === sheets[index].rid);
  const path = `xl/${(attr(target ?? '', 'Target') ?? '').replace(/^\/?xl\//, '')}`;
  const xml = await zip.file(path)!.async('string');
  const defined = (name: string): string | null => {
    const m = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].find((d) => attr(d[1], 'name') === name && attr(d[1], 'localSheetId') === String(index));
    return m ? unescape(m[2]).replace(/^'[^']*(?:''[^']*)*'!|^[^!]*!/g, '').replace(/,'[^']*(?:''[^']*)*'!/g, ',') : null;
  };
  const setup = /<pageSetup\b[^>]*\/>/.exec(xml)?.[0] ?? '';
  const fitToPage = attr(/<pageSetUpPr\b[^>]*\/>/.exec(xml)?.[0] ?? '', 'fitToPage') === '1';
  const marginTag = /<pageMargins\b[^>]*\/>/.exec(xml)?.[0] ?? '';
  const margins: Record<string, number> = {};
  for (const side of ['left', 'right', 'top', 'bottom', 'header', 'footer']) margins[side] = Number(attr(marginTag, side) ?? NaN);
  const options = /<printOptions\b[^>]*\/>/.exec(xml)?.[0] ?? '';
  const on = (v: string | null): boolean => v === '1' || v === 'true';
  const breaks = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
  return {
    paperSize: attr(setup, 'paperSize'),
    orientation: attr(setup, 'orientation'),
    fitToPage,
    scaling: fitToPage ? `${attr(setup, 'fitToWidth') ?? '1'} × ${attr(setup, 'fitToHeight') ?? '1'}` : (attr(setup, 'scale') ?? '100'),
    margins,
    horizontalCentered: on(attr(options, 'horizontalCentered')),
    verticalCentered: on(attr(options, 'verticalCentered')),
    printArea: defined('_xlnm.Print_Area'),
    printTitles: defined('_xlnm.Print_Titles'),
    rowBreaks: [...breaks.matchAll(/<brk\b[^>]*\/>/g)].filter((b) => on(attr(b[0], 'man'))).map((b) => Number(attr(b[0], 'id'))),
  };
}

/** The open workbook as Excel would save it (the fake's export through ExcelJS). */
async function saved(host: FakeExcelHost): Promise<Buffer> {
  return Buffer.from((await host.toExcelJs().xlsx.writeBuffer()) as ArrayBuffer);
}

/** The print set-up the host holds, without what a file does not keep apart (nothing here). */
const hostSetup = (host: FakeExcelHost, sheet: string) => host.getPageLayout(sheet);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-office-print-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEADERS = {
  fields: { place: 'Hội nghị Ban Chấp hành Đảng bộ', issued: 15, valid: 15 },
  rows: [
    { stt: 1, name: 'Trần Văn Bảo', position: 'Bí thư Đảng ủy', btv: 'x', excellent: 4, good: 10, done: 1, failed: 0 },
    { stt: 2, name: 'Lê Thị Cẩm', position: 'Phó Bí thư Đảng ủy', btv: 'x', excellent: 2, good: 12, done: 1, failed: 0 },
  ],
};

/** The example chi bộ with the leaders' votes, as a file and as an open workbook. */
async function exampleWithLeaders(): Promise<{ path: string; bytes: Buffer }> {
  const path = join(dir, 'chi-bo.xlsx');
  await fillWorkbook({ ...example(), leaders: LEADERS } as never).workbook.xlsx.writeFile(path);
  return { path, bytes: readFileSync(path) };
}

describe('an Excel check prints as xeploai check --out', () => {
  let cli: Buffer;
  let host: FakeExcelHost;
  let office: Buffer;
  const sheets = [RESULT_SHEETS.members, RESULT_SHEETS.chiBo, RESULT_SHEETS.issues, MORE_RESULT_SHEETS.leaders];

  beforeAll(async () => {
    const input = await exampleWithLeaders();
    const out = join(dir, 'checked.xlsx');
    expect((await run('check', input.path, '--out', out)).code).toBeLessThan(2);
    cli = readFileSync(out);
    host = await FakeExcelHost.fromXlsx(new Uint8Array(input.bytes), { apiVersion: '1.18' });
    await host.withGlobals(() => host.run((context) => checkInExcel(context)));
    office = await saved(host);
  }, 60_000);

  it('each result sheet and the leaders\' tally: the same paper, orientation, scale, margins, centring, area, titles and breaks in the file', async () => {
    for (const sheet of sheets) expect({ sheet, ...(await fileSetup(office, sheet)) }).toEqual({ sheet, ...(await fileSetup(cli, sheet)) });
  });

  it('as Excel holds it: A4, 100 %, the margins of the file, not centred, the members\' page breaks and print titles', async () => {
    const file = await FakeExcelHost.fromXlsx(new Uint8Array(cli));
    for (const sheet of sheets) expect({ sheet, ...hostSetup(host, sheet) }).toEqual({ sheet, ...hostSetup(file, sheet) });
    const members = hostSetup(host, RESULT_SHEETS.members);
    expect(members).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { scale: 100 }, centerHorizontally: false, centerVertically: false });
    expect(members.margins).toEqual({ left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 });
    // The report has manual breaks (a heading kept with its table): the comparison above has something to compare.
    expect(members.horizontalPageBreaks.length).toBeGreaterThan(0);
    expect(members.printTitleRows).not.toBeNull();
    expect(hostSetup(host, MORE_RESULT_SHEETS.leaders)).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { scale: 100 } });
  });

  it('the check is still a plan of five syncs', () => {
    expect(host.stats.syncs).toBe(5);
  });

  it('below ExcelApi 1.9 nothing of the print set-up is asked: the sheets keep Excel\'s own', async () => {
    const input = await exampleWithLeaders();
    const old = await FakeExcelHost.fromXlsx(new Uint8Array(input.bytes), { apiVersion: '1.8' });
    // The fake refuses `pageLayout` and `horizontalPageBreaks` on this host, as office.js does: asking would fail the check.
    await old.withGlobals(() => old.run((context) => checkInExcel(context)));
    expect(old.getPageLayout(RESULT_SHEETS.members)).toMatchObject({ paperSize: 'Letter', zoom: { scale: 100 }, printArea: null, horizontalPageBreaks: [], margins: { left: 0.7, top: 0.75 } });
    expect(old.stats.syncs).toBe(5);
  });
});

describe('the meeting sheets printed from Excel are those of xeploai ballots / minutes', () => {
  const cases = [
    { name: 'Phiếu lần 1', sheet: MEETING_SHEETS.ballot1, args: ['ballots', '--round', '1'], write: async (): Promise<unknown> => printBallotsInOpenWorkbook(1) },
    { name: 'Phiếu lần 2', sheet: MEETING_SHEETS.ballot2, args: ['ballots', '--round', '2'], write: async (): Promise<unknown> => printBallotsInOpenWorkbook(2) },
    { name: 'Biên bản kiểm phiếu', sheet: MEETING_SHEETS.minutes, args: ['minutes'], write: async (): Promise<unknown> => writeMinutesInOpenWorkbook() },
  ];
  for (const c of cases) {
    it(`${c.name}: the same print set-up, page breaks included, in at most 3 syncs`, async () => {
      const workbook = build(example()).workbook;
      const input = join(dir, `meeting-${c.sheet}.xlsx`);
      await workbook.xlsx.writeFile(input);
      const out = join(dir, `meeting-${c.sheet}-out.xlsx`);
      expect((await run(c.args[0], input, ...c.args.slice(1), '--out', out)).code).toBe(0);
      const host = FakeExcelHost.fromWorkbook(workbook, { apiVersion: '1.18' });
      await host.withGlobals(c.write);
      expect(await fileSetup(await saved(host), c.sheet)).toEqual(await fileSetup(readFileSync(out), c.sheet));
      const setup = hostSetup(host, c.sheet);
      expect(setup).toEqual(hostSetup(await FakeExcelHost.fromXlsx(new Uint8Array(readFileSync(out))), c.sheet));
      expect(setup).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { scale: 100 } });
      // Each ballot copy and each block of the minutes starts on a page of its own.
      expect(setup.horizontalPageBreaks.length).toBeGreaterThan(0);
      expect(host.stats.syncs).toBeLessThanOrEqual(3);
    });
  }

  it('below ExcelApi 1.9 the ballots are written without a print set-up (nothing refused)', async () => {
    const host = FakeExcelHost.fromWorkbook(build(example()).workbook, { apiVersion: '1.8' });
    await host.withGlobals(() => printBallotsInOpenWorkbook(1));
    expect(host.getPageLayout(MEETING_SHEETS.ballot1)).toMatchObject({ paperSize: 'Letter', horizontalPageBreaks: [], printArea: null });
  });
});

describe('the ward\'s Tổng hợp combined in Excel prints as xeploai aggregate writes it', () => {
  it('Tổng hợp and its Kiểm tra: the same print set-up as the file, A4 landscape at 100 %', async () => {
    const files: PickedFile[] = [];
    const paths: string[] = [];
    for (let i = 0; i < WARD_CHI_BO.length; i++) {
      const data = new Uint8Array((await fillWorkbook(wardChiBoData(i)).workbook.xlsx.writeBuffer()) as ArrayBuffer);
      const name = `chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`;
      const path = join(dir, name);
      writeFileSync(path, data);
      files.push({ name, data });
      paths.push(path);
    }
    const out = join(dir, 'TONG-HOP.xlsx');
    expect((await run('aggregate', ...paths, '--out', out)).code).toBeLessThan(2);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const host = FakeExcelHost.fromWorkbook(wb, { apiVersion: '1.18' });
    await host.withGlobals(() => combineFilesIntoOpenWorkbook(files));
    const office = await saved(host);
    const cli = readFileSync(out);
    for (const sheet of [RESULT_SHEETS.ward, RESULT_SHEETS.issues]) {
      expect({ sheet, ...(await fileSetup(office, sheet)) }).toEqual({ sheet, ...(await fileSetup(cli, sheet)) });
    }
    const setup = hostSetup(host, RESULT_SHEETS.ward);
    expect(setup).toEqual(hostSetup(await FakeExcelHost.fromXlsx(new Uint8Array(cli)), RESULT_SHEETS.ward));
    expect(setup).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { scale: 100 } });
    // "V. KẾT QUẢ TỪNG CHI BỘ" is kept with its table by a manual break.
    expect(setup.horizontalPageBreaks.length).toBeGreaterThan(0);
  }, 120_000);
});

describePrinted('printed through LibreOffice: the checked-in-Excel workbook gives the pages of xeploai check --out', () => {
  it('each result sheet and the leaders\' tally: the same number of pages, each with the same lines', async () => {
    requireTools();
    const input = await exampleWithLeaders();
    const out = join(dir, 'printed-cli.xlsx');
    expect((await run('check', input.path, '--out', out)).code).toBeLessThan(2);
    const host = await FakeExcelHost.fromXlsx(new Uint8Array(input.bytes), { apiVersion: '1.18' });
    await host.withGlobals(() => host.run((context) => checkInExcel(context)));
    const office = join(dir, 'printed-office.xlsx');
    writeFileSync(office, await saved(host));
    const pages = await samePages(out, office, [RESULT_SHEETS.members, RESULT_SHEETS.chiBo, MORE_RESULT_SHEETS.leaders]);
    expect(pages.get(RESULT_SHEETS.members)).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('Phiếu lần 1 and Biên bản kiểm phiếu written in Excel, Tổng hợp combined in Excel: the pages of xeploai ballots, minutes, aggregate', async () => {
    requireTools();
    const workbook = build(example()).workbook;
    const input = join(dir, 'printed-meeting.xlsx');
    await workbook.xlsx.writeFile(input);
    const ballots = join(dir, 'printed-ballots.xlsx');
    const minutes = join(dir, 'printed-minutes.xlsx');
    expect((await run('ballots', input, '--round', '1', '--out', ballots)).code).toBe(0);
    expect((await run('minutes', input, '--out', minutes)).code).toBe(0);
    const host = FakeExcelHost.fromWorkbook(workbook, { apiVersion: '1.18' });
    await host.withGlobals(async () => {
      await printBallotsInOpenWorkbook(1);
      await writeMinutesInOpenWorkbook();
    });
    const meeting = join(dir, 'printed-meeting-office.xlsx');
    writeFileSync(meeting, await saved(host));
    expect((await samePages(ballots, meeting, [MEETING_SHEETS.ballot1])).get(MEETING_SHEETS.ballot1)).toBeGreaterThan(1);
    expect((await samePages(minutes, meeting, [MEETING_SHEETS.minutes])).get(MEETING_SHEETS.minutes)).toBeGreaterThanOrEqual(1);

    const files: PickedFile[] = [];
    for (let i = 0; i < WARD_CHI_BO.length; i++) {
      const data = new Uint8Array((await fillWorkbook(wardChiBoData(i)).workbook.xlsx.writeBuffer()) as ArrayBuffer);
      files.push({ name: `chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`, data });
    }
    const paths = files.map((f) => {
      const path = join(dir, `printed-${f.name}`);
      writeFileSync(path, f.data as Uint8Array);
      return path;
    });
    const tongHop = join(dir, 'printed-TONG-HOP.xlsx');
    expect((await run('aggregate', ...paths, '--out', tongHop)).code).toBeLessThan(2);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const ward = FakeExcelHost.fromWorkbook(wb, { apiVersion: '1.18' });
    await ward.withGlobals(() => combineFilesIntoOpenWorkbook(files));
    const wardOffice = join(dir, 'printed-ward-office.xlsx');
    writeFileSync(wardOffice, await saved(ward));
    // The fake's .xlsx has no chart (ExcelJS cannot write one; README): the file's chart is left out of its print too.
    expect((await samePages(await withoutCharts(tongHop), wardOffice, [RESULT_SHEETS.ward])).get(RESULT_SHEETS.ward)).toBeGreaterThanOrEqual(2);
  }, 300_000);
});

/** A copy of the package whose sheets draw nothing (their `<drawing>` removed): cells and print set-up only. */
async function withoutCharts(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/<drawing\b[^>]*\/>/g, ''));
  }
  const out = file.replace(/\.xlsx$/, '-no-chart.xlsx');
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

/**
 * Prints `sheets` of both files and expects the same pages: A4, orientation, and every printed line.
 * Returns the number of pages of each sheet.
 */
async function samePages(cliFile: string, officeFile: string, sheets: readonly string[]): Promise<Map<string, number>> {
  const tag = officeFile.replace(/^.*\//, '').replace(/\.xlsx$/, '');
  const [fromCli, fromExcel] = await Promise.all([printWorkbook(cliFile, { sheets, dir: join(dir, `${tag}-cli`) }), printWorkbook(officeFile, { sheets, dir: join(dir, `${tag}-office`) })]);
  const counts = new Map<string, number>();
  for (const sheet of sheets) {
    const lines = (m: typeof fromCli) => m.get(sheet)!.pages.map((p) => ({ a4: p.a4, landscape: p.landscape, lines: p.lines.map((l) => l.text) }));
    expect({ sheet, pages: lines(fromExcel) }).toEqual({ sheet, pages: lines(fromCli) });
    counts.set(sheet, fromCli.get(sheet)!.pages.length);
  }
  return counts;
}
