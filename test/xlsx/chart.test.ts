/**
 * addColumnChart: a native chart added to an ExcelJS-written .xlsx by editing the zip. Checked with
 * ExcelJS (the file still loads, data intact), with an independent XML parser (saxes, what ExcelJS
 * itself parses with: every part well-formed and namespace-correct, every relationship, r:id and
 * content type consistent, CT_Worksheet order kept) and, when LibreOffice is installed, by printing the
 * workbook to PDF and finding the chart's title in it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { addColumnChart, type ColumnChart, sheetRange } from '../../src/xlsx/chart';

const SUMMARY = 'Tổng hợp';
const OTHER = 'Danh sách đảng viên';
const LEVELS = ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ'];
const COUNTS = [3, 12, 5, 1];
const TITLE = 'Phân bố mức xếp loại đảng viên';

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
};

/** CT_Worksheet's sequence (ECMA-376 Part 1 §18.3.1.99, with drawingHF of later editions). */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];

// A 1×1 PNG, for a sheet that already has an ExcelJS drawing.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

// ---------------------------------------------------------------------------------------------------
// Fixtures.

function summaryWorkbook(options: { image?: boolean } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SUMMARY);
  ws.getColumn(1).width = 4;
  ws.getColumn(2).width = 32;
  ws.getColumn(3).width = 14;
  ws.getCell('B2').value = 'TỔNG HỢP KẾT QUẢ XẾP LOẠI';
  ws.getCell('B2').font = { bold: true, size: 14 };
  ws.getCell('B7').value = 'Mức xếp loại';
  ws.getCell('C7').value = 'Số đảng viên';
  LEVELS.forEach((level, i) => {
    ws.getCell(8 + i, 2).value = level;
    ws.getCell(8 + i, 3).value = COUNTS[i];
  });
  ws.getCell('B12').value = 'Cộng';
  ws.getCell('C12').value = { formula: 'SUM(C8:C11)', result: COUNTS.reduce((a, b) => a + b, 0) };
  ws.getCell('C8').note = 'Tối đa 20% số được xếp loại';
  ws.pageSetup = { paperSize: 9, orientation: 'landscape' };
  ws.headerFooter = { oddFooter: 'Trang &P / &N' };
  if (options.image) ws.addImage(wb.addImage({ buffer: PNG, extension: 'png' } as never), 'A1:A2');

  const other = wb.addWorksheet(OTHER);
  other.addRow(['STT', 'Họ và tên']);
  other.addRow([1, 'Nguyễn Văn An']);
  return wb;
}

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function chartOf(overrides: Partial<ColumnChart> = {}): ColumnChart {
  return {
    sheet: SUMMARY,
    title: TITLE,
    categories: sheetRange(SUMMARY, 'B8:B11'),
    values: sheetRange(SUMMARY, 'C8:C11'),
    seriesName: 'Số đảng viên',
    anchor: { from: { col: 4, row: 5 }, to: { col: 11, row: 21 } },
    cachedCategories: LEVELS,
    cachedValues: COUNTS,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------
// An independent reading of the package: saxes (namespace-aware) trees of every XML part.

interface Node {
  uri: string;
  local: string;
  attrs: { uri: string; local: string; value: string }[];
  children: Node[];
  text: string;
}

function parseXml(xml: string, part: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | null = null;
  parser.on('error', (e) => {
    throw new Error(`${part}: ${e.message}`);
  });
  parser.on('opentag', (tag) => {
    const node: Node = {
      uri: tag.uri,
      local: tag.local,
      attrs: Object.values(tag.attributes).map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
      children: [],
      text: '',
    };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error(`${part}: no root element`);
  return root;
}

function attr(node: Node, local: string, uri = ''): string | undefined {
  return node.attrs.find((a) => a.local === local && a.uri === uri)?.value;
}

function all(node: Node, uri: string, local: string): Node[] {
  const found: Node[] = [];
  const walk = (n: Node) => {
    if (n.uri === uri && n.local === local) found.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return found;
}

function one(node: Node, uri: string, local: string): Node {
  const found = all(node, uri, local);
  expect(found).toHaveLength(1);
  return found[0];
}

class Pkg {
  private constructor(
    readonly zip: JSZip,
    readonly parts: Map<string, string>,
  ) {}

  static async open(file: Buffer): Promise<Pkg> {
    const zip = await JSZip.loadAsync(file);
    const parts = new Map<string, string>();
    for (const name of Object.keys(zip.files)) {
      if (!zip.files[name].dir && !/\.(png|jpe?g|gif|bin)$/i.test(name)) parts.set(name, await zip.files[name].async('string'));
    }
    return new Pkg(zip, parts);
  }

  names(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir);
  }

  xml(part: string): Node {
    const text = this.parts.get(part);
    if (text === undefined) throw new Error(`no part ${part}`);
    return parseXml(text, part);
  }

  rels(part: string): { id: string; type: string; target: string; part: string }[] {
    const slash = part.lastIndexOf('/');
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    if (!this.parts.has(relsPart)) return [];
    return this.xml(relsPart).children.map((r) => {
      const target = attr(r, 'Target') as string;
      return { id: attr(r, 'Id') as string, type: attr(r, 'Type') as string, target, part: resolve(part, target) };
    });
  }

  /** The part of the sheet named `name`, through workbook.xml and its rels. */
  sheetPart(name: string): string {
    const sheet = all(this.xml('xl/workbook.xml'), NS.main, 'sheet').find((s) => attr(s, 'name') === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rel = this.rels('xl/workbook.xml').find((r) => r.id === attr(sheet, 'id', NS.rel));
    return (rel as { part: string }).part;
  }
}

function resolve(source: string, target: string): string {
  const parts = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Every XML part parses; every part has a content type; every relationship target and every r:* attribute resolves. */
function expectConsistent(pkg: Pkg): void {
  const names = pkg.names();
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const [part, text] of pkg.parts) if (/\.(xml|rels|vml)$/.test(part)) parseXml(text, part);

  const types = pkg.xml('[Content_Types].xml');
  const defaults = new Map(types.children.filter((t) => t.local === 'Default').map((t) => [(attr(t, 'Extension') as string).toLowerCase(), attr(t, 'ContentType')]));
  const overrides = new Map(types.children.filter((t) => t.local === 'Override').map((t) => [(attr(t, 'PartName') as string).toLowerCase(), attr(t, 'ContentType')]));
  for (const partName of overrides.keys()) expect({ override: partName, exists: lower.has(partName.slice(1)) }).toEqual({ override: partName, exists: true });
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const type = overrides.get(`/${name.toLowerCase()}`) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
    expect({ part: name, hasContentType: Boolean(type) }).toEqual({ part: name, hasContentType: true });
  }

  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    if (name !== '_rels/.rels') expect({ rels: name, sourceExists: lower.has(source.toLowerCase()) }).toEqual({ rels: name, sourceExists: true });
    const rels = pkg.xml(name).children;
    expect(new Set(rels.map((r) => attr(r, 'Id'))).size).toBe(rels.length);
    for (const r of rels) {
      if (attr(r, 'TargetMode') === 'External') continue;
      const target = resolve(source, attr(r, 'Target') as string);
      expect({ rels: name, target, exists: lower.has(target.toLowerCase()) }).toEqual({ rels: name, target, exists: true });
    }
  }

  for (const name of names.filter((n) => n.endsWith('.xml'))) {
    const ids = new Set(pkg.rels(name).map((r) => r.id));
    const walk = (n: Node) => {
      for (const a of n.attrs) if (a.uri === NS.rel) expect({ part: name, [a.local]: a.value, resolves: ids.has(a.value) }).toEqual({ part: name, [a.local]: a.value, resolves: true });
      n.children.forEach(walk);
    };
    walk(pkg.xml(name));
  }
}

function worksheetChildren(pkg: Pkg, part: string): string[] {
  return pkg.xml(part).children.map((c) => c.local);
}

function expectWorksheetOrder(children: string[]): void {
  const at = children.map((c) => WORKSHEET_ORDER.indexOf(c));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((x, y) => x - y)).toEqual(at);
}

/** The chart parts the drawing of `sheet` shows, in anchor order, with their anchors. */
function chartsOn(pkg: Pkg, sheet: string): { part: string; from: number[]; to: number[]; id: string }[] {
  const sheetPart = pkg.sheetPart(sheet);
  const drawingEl = pkg.xml(sheetPart).children.find((c) => c.local === 'drawing');
  if (!drawingEl) return [];
  const drawingPart = (pkg.rels(sheetPart).find((r) => r.id === attr(drawingEl, 'id', NS.rel)) as { part: string }).part;
  const rels = pkg.rels(drawingPart);
  const pos = (n: Node) => ['col', 'row'].map((k) => Number(n.children.find((c) => c.local === k)?.text));
  return all(pkg.xml(drawingPart), NS.xdr, 'twoCellAnchor')
    .filter((a) => all(a, NS.c, 'chart').length === 1)
    .map((a) => {
      const rel = rels.find((r) => r.id === attr(one(a, NS.c, 'chart'), 'id', NS.rel)) as { part: string; type: string };
      expect(rel.type).toBe(`${NS.rel}/chart`);
      return { part: rel.part, from: pos(one(a, NS.xdr, 'from')), to: pos(one(a, NS.xdr, 'to')), id: attr(one(a, NS.xdr, 'cNvPr'), 'id') as string };
    });
}

// ---------------------------------------------------------------------------------------------------

describe('addColumnChart', () => {
  let plain: Buffer;
  let charted: Buffer;
  beforeAll(async () => {
    plain = await bytes(summaryWorkbook());
    charted = await addColumnChart(plain, chartOf());
  });

  it('keeps the workbook loadable by ExcelJS with its data, formula, note and second sheet intact', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(charted as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY, OTHER]);
    const ws = wb.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    expect(LEVELS.map((_, i) => [ws.getCell(8 + i, 2).value, ws.getCell(8 + i, 3).value])).toEqual(LEVELS.map((l, i) => [l, COUNTS[i]]));
    expect(ws.getCell('C12').value).toEqual({ formula: 'SUM(C8:C11)', result: 21 });
    expect(ws.getCell('C8').note).toBe('Tối đa 20% số được xếp loại');
    expect(ws.headerFooter.oddFooter).toBe('Trang &P / &N');
    expect((wb.getWorksheet(OTHER) as ExcelJS.Worksheet).getCell('B2').value).toBe('Nguyễn Văn An');
  });

  it('writes consistent parts: every part parses, has a content type, and every relationship and r:id resolves', async () => {
    const before = await Pkg.open(plain);
    const pkg = await Pkg.open(charted);
    expectConsistent(pkg);
    // Only additions: every part ExcelJS wrote is still there.
    expect(pkg.names()).toEqual(expect.arrayContaining(before.names()));
    expect(pkg.names().filter((n) => !before.names().includes(n)).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/drawing1.xml',
    ]);
    const types = pkg.xml('[Content_Types].xml').children;
    const typeOf = (part: string) => attr(types.find((t) => attr(t, 'PartName') === part) as Node, 'ContentType');
    expect(typeOf('/xl/charts/chart1.xml')).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    expect(typeOf('/xl/drawings/drawing1.xml')).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    // The other sheet is untouched.
    expect(pkg.parts.get(pkg.sheetPart(OTHER))).toBe(before.parts.get(before.sheetPart(OTHER)));
  });

  it('puts <drawing> after pageSetup/headerFooter and before the notes’ legacyDrawing, which keeps its relationship', async () => {
    const pkg = await Pkg.open(charted);
    const part = pkg.sheetPart(SUMMARY);
    const children = worksheetChildren(pkg, part);
    expectWorksheetOrder(children);
    expect(children.slice(-4)).toEqual(['pageSetup', 'headerFooter', 'drawing', 'legacyDrawing']);
    const legacy = pkg.xml(part).children.find((c) => c.local === 'legacyDrawing') as Node;
    expect(pkg.rels(part).find((r) => r.id === attr(legacy, 'id', NS.rel))?.type).toBe(`${NS.rel}/vmlDrawing`);
    expect(chartsOn(pkg, SUMMARY)).toEqual([{ part: 'xl/charts/chart1.xml', from: [4, 5], to: [11, 21], id: '2' }]);
  });

  it('writes a clustered column chart with the references, cached labels and counts, data labels and the Vietnamese title', async () => {
    const pkg = await Pkg.open(charted);
    const chart = pkg.xml('xl/charts/chart1.xml');
    expect([chart.uri, chart.local]).toEqual([NS.c, 'chartSpace']);
    expect(all(chart, NS.a, 't').map((t) => t.text)).toEqual([TITLE]);
    const bar = one(chart, NS.c, 'barChart');
    expect(attr(one(bar, NS.c, 'barDir'), 'val')).toBe('col');
    expect(attr(one(bar, NS.c, 'grouping'), 'val')).toBe('clustered');
    const ser = one(bar, NS.c, 'ser');
    expect(one(ser, NS.c, 'tx').children[0].text).toBe('Số đảng viên');
    expect(attr(one(ser, NS.c, 'showVal'), 'val')).toBe('1');
    const cat = one(ser, NS.c, 'cat');
    expect(one(cat, NS.c, 'f').text).toBe("'Tổng hợp'!$B$8:$B$11");
    expect(attr(one(cat, NS.c, 'ptCount'), 'val')).toBe('4');
    expect(all(cat, NS.c, 'pt').map((p) => [attr(p, 'idx'), p.children[0].text])).toEqual(LEVELS.map((l, i) => [String(i), l]));
    const val = one(ser, NS.c, 'val');
    expect(one(val, NS.c, 'f').text).toBe("'Tổng hợp'!$C$8:$C$11");
    expect(all(val, NS.c, 'pt').map((p) => Number(p.children[0].text))).toEqual(COUNTS);
    // The two axes cross each other.
    const [catAx, valAx] = [one(chart, NS.c, 'catAx'), one(chart, NS.c, 'valAx')];
    const idOf = (ax: Node) => attr(ax.children.find((c) => c.local === 'axId') as Node, 'val');
    const crossOf = (ax: Node) => attr(ax.children.find((c) => c.local === 'crossAx') as Node, 'val');
    expect(all(bar, NS.c, 'axId').map((a) => attr(a, 'val'))).toEqual([idOf(catAx), idOf(valAx)]);
    expect([crossOf(catAx), crossOf(valAx)]).toEqual([idOf(valAx), idOf(catAx)]);
  });

  it('adds a second chart to the same sheet as a second anchor of the same drawing', async () => {
    const twice = await addColumnChart(
      charted,
      chartOf({ title: 'Biểu đồ thứ hai', direction: 'bar', anchor: { from: { col: 4, row: 23 }, to: { col: 11, row: 38 } } }),
    );
    const pkg = await Pkg.open(twice);
    expectConsistent(pkg);
    const part = pkg.sheetPart(SUMMARY);
    expect(worksheetChildren(pkg, part).filter((c) => c === 'drawing')).toHaveLength(1);
    const charts = chartsOn(pkg, SUMMARY);
    expect(charts.map((c) => [c.part, c.from, c.to])).toEqual([
      ['xl/charts/chart1.xml', [4, 5], [11, 21]],
      ['xl/charts/chart2.xml', [4, 23], [11, 38]],
    ]);
    expect(new Set(charts.map((c) => c.id)).size).toBe(2);
    expect(all(pkg.xml('xl/charts/chart2.xml'), NS.a, 't').map((t) => t.text)).toEqual(['Biểu đồ thứ hai']);
    expect(attr(one(pkg.xml('xl/charts/chart2.xml'), NS.c, 'barDir'), 'val')).toBe('bar');
    expect(pkg.names().filter((n) => n.startsWith('xl/drawings/drawing'))).toEqual(['xl/drawings/drawing1.xml']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(twice as never);
    expect((wb.getWorksheet(SUMMARY) as ExcelJS.Worksheet).getCell('C9').value).toBe(12);
  });

  it('adds the chart to the drawing ExcelJS already wrote for an image, keeping the image', async () => {
    const withImage = await bytes(summaryWorkbook({ image: true }));
    const pkg = await Pkg.open(await addColumnChart(withImage, chartOf()));
    expectConsistent(pkg);
    const part = pkg.sheetPart(SUMMARY);
    expectWorksheetOrder(worksheetChildren(pkg, part));
    const drawingPart = pkg.rels(part).find((r) => r.type === `${NS.rel}/drawing`)?.part as string;
    const drawing = pkg.xml(drawingPart);
    expect(all(drawing, NS.xdr, 'twoCellAnchor').map((a) => a.children[2].local)).toEqual(['pic', 'graphicFrame']);
    expect(pkg.rels(drawingPart).map((r) => r.type.split('/').pop())).toEqual(['image', 'chart']);
    expect(chartsOn(pkg, SUMMARY)).toHaveLength(1);
    const ids = all(drawing, NS.xdr, 'cNvPr').map((c) => attr(c, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await addColumnChart(withImage, chartOf())) as never);
    expect((wb.getWorksheet(SUMMARY) as ExcelJS.Worksheet).getImages()).toHaveLength(1);
  });

  it('puts <drawing> before tableParts and extLst, and moves the legacyDrawing ExcelJS writes after them (exceljs#1369)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SUMMARY);
    ws.addTable({ name: 'MucXepLoai', ref: 'B7', headerRow: true, columns: [{ name: 'Mức xếp loại' }, { name: 'Số đảng viên' }], rows: LEVELS.map((l, i) => [l, COUNTS[i]]) });
    ws.addConditionalFormatting({ ref: 'C8:C11', rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF638EC6' } } as never] });
    ws.getCell('C8').note = 'Tối đa 20%';
    const file = await bytes(wb);
    const before = await Pkg.open(file);
    expect(worksheetChildren(before, before.sheetPart(SUMMARY)).slice(-3)).toEqual(['tableParts', 'extLst', 'legacyDrawing']); // ExcelJS's order

    const pkg = await Pkg.open(await addColumnChart(file, chartOf()));
    expectConsistent(pkg);
    const children = worksheetChildren(pkg, pkg.sheetPart(SUMMARY));
    expect(children.slice(-5)).toEqual(['pageSetup', 'drawing', 'legacyDrawing', 'tableParts', 'extLst']);
    expectWorksheetOrder(children);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await addColumnChart(file, chartOf())) as never);
    const ws2 = wb2.getWorksheet(SUMMARY) as ExcelJS.Worksheet;
    expect([ws2.getCell('C8').note, ws2.getCell('B9').value]).toEqual(['Tối đa 20%', LEVELS[1]]);
  });

  it('finds sheets by their unescaped name, also decomposed or in other case, and names the sheets when one is missing', async () => {
    const wb = summaryWorkbook();
    const odd = 'Số liệu & "ghi chú" <1>';
    wb.addWorksheet(odd).addRow(['Tốt', 4]);
    const file = await bytes(wb);
    const pkg = await Pkg.open(await addColumnChart(file, chartOf({ sheet: odd, categories: sheetRange(odd, 'A1'), values: sheetRange(odd, 'B1') })));
    expectConsistent(pkg);
    expect(chartsOn(pkg, odd)).toHaveLength(1);
    expect(chartsOn(pkg, SUMMARY)).toHaveLength(0);

    const nfd = await Pkg.open(await addColumnChart(file, chartOf({ sheet: SUMMARY.normalize('NFD').toUpperCase() })));
    expect(chartsOn(nfd, SUMMARY)).toHaveLength(1);

    await expect(addColumnChart(file, chartOf({ sheet: 'Tong hop' }))).rejects.toThrow(/No sheet named "Tong hop".*"Tổng hợp"/);
  });

  it('rejects caches that do not match and anchors that are not a box', async () => {
    await expect(addColumnChart(plain, chartOf({ cachedValues: [1, 2] }))).rejects.toThrow(/4 cached categories but 2 cached values/);
    await expect(addColumnChart(plain, chartOf({ cachedValues: [1, 2, NaN, 4] }))).rejects.toThrow(/finite/);
    await expect(addColumnChart(plain, chartOf({ anchor: { from: { col: 4, row: 5 }, to: { col: 4, row: 9 } } }))).rejects.toThrow(/right of and below/);
    await expect(addColumnChart(plain, chartOf({ values: '$C$8:$C$11' }))).rejects.toThrow(/sheet-qualified/);
  });

  it('sheetRange quotes the sheet and makes the range absolute', () => {
    expect(sheetRange('Tổng hợp', 'b8:c11')).toBe("'Tổng hợp'!$B$8:$C$11");
    expect(sheetRange("Chi bộ 'A'", '$B$8')).toBe("'Chi bộ ''A'''!$B$8");
    expect(() => sheetRange('X', 'B8:11')).toThrow(/Not a cell reference/);
  });

  const office = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
  // In CI a missing LibreOffice is a failure (setup installs it), never a silent skip.
  (office || process.env.CI ? it : it.skip)(
    'is printed by LibreOffice with the chart (its title appears in the PDF)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'xeploai-chart-'));
      try {
        const xlsx = join(dir, 'tong-hop.xlsx');
        writeFileSync(xlsx, charted);
        // A profile of its own, so a LibreOffice already running (or another test run) cannot swallow the conversion.
        const run = spawnSync(
          office as string,
          [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx],
          { encoding: 'utf8', timeout: 90_000 },
        );
        const pdf = join(dir, 'tong-hop.pdf');
        expect({ status: run.status, error: run.error?.message, stderr: run.stderr, pdf: existsSync(pdf) }).toMatchObject({ status: 0, pdf: true });
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', timeout: 20_000 });
        expect(text.status).toBe(0);
        const pages = text.stdout.normalize('NFC');
        expect(pages).toContain(TITLE);
        expect(pages).toContain(LEVELS[0]); // the table too
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
  if (!office) {
    console.warn('chart.test.ts: LibreOffice (/usr/bin/libreoffice or /usr/bin/soffice) is not installed — the PDF rendering check is skipped.');
  }
});
