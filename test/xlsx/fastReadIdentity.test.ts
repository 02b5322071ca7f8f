/**
 * The command line's reader (src/xlsx/fastRead.ts), which scans each sheet's bytes, against its
 * definition: the same reader as it was when it scanned each part's decoded text, frozen in
 * reference/fastReadBefore.ts (issue 15). For every workbook the tests can find or make, and for random
 * sheets written the ways SpreadsheetML allows and the ways damaged files are, both give exactly the
 * same model — compared strictly: holes in rows (a sparse row is not a row of nulls), -0, which rows
 * are the one shared empty row, fonts, merges, hidden rows and columns, the date system — or throw the
 * same error with the same one line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import type { WorkbookModel } from '../../src/core/grid';
import { readXlsxValues } from '../../src/xlsx/fastRead';
import { fillWorkbook } from '../../src/xlsx/fill';
import { inflateNode } from '../../src/xlsx/package/inflateNode';
import { ZipPackage } from '../../src/xlsx/package/zip';
import { wardExampleData } from '../../src/xlsx/wardExample';
import { chiBoData, planWard } from '../../bench/generate';
import { bigChiBo } from '../helpers/generate';
import { build } from '../helpers/workbook';
import { readXlsxValues as definition } from './reference/fastReadBefore';
import { type RawEntry, deflated, renamedSheets, rewriteParts, withoutAddresses, withPrefix, workbookParts, zipOf } from './packages';

type Outcome = { model: WorkbookModel; frozen: boolean[][] } | { error: string };

function outcome(read: typeof readXlsxValues, bytes: Uint8Array): Outcome {
  try {
    const model = read(bytes, 'thử.xlsx', inflateNode);
    // Which rows are the one frozen empty row shared by every empty row (toStrictEqual cannot see it).
    return { model, frozen: model.sheets.map((s) => s.values.map((line) => Object.isFrozen(line))) };
  } catch (err) {
    return { error: `${(err as Error).constructor.name}: ${(err as Error).message}` };
  }
}

/** Both readers on one file: the same model, strictly (holes, -0, undefined keys, classes), or the same error. */
function expectSame(bytes: Uint8Array, label: string): Outcome {
  const expected = outcome(definition, bytes);
  const actual = outcome(readXlsxValues, bytes);
  expect({ label, ...actual }).toStrictEqual({ label, ...expected });
  return actual;
}

function workbooksUnder(dir: string, limit = Infinity): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (out.length >= limit) break;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...workbooksUnder(path, limit - out.length));
    else if (name.endsWith('.xlsx')) out.push(path);
  }
  return out;
}

describe('the reader of bytes gives what its definition gives', () => {
  test('the examples and the committed corpus of bad workbooks', () => {
    const files = [...workbooksUnder('examples'), ...workbooksUnder('test/fixtures')];
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expectSame(readFileSync(file), file);
  });

  test('a generated ward (the benchmark\'s generator), the ward example, a 2,000-member roll, a checked copy', async () => {
    const used = new Set<string>();
    const specs = planWard(400, 15);
    const books = [
      ...specs.map((spec) => fillWorkbook(chiBoData(spec, used).data).workbook),
      ...wardExampleData().map((data) => fillWorkbook(data).workbook),
      bigChiBo(2000).workbook,
      build().workbook,
    ];
    let models = 0;
    for (const [i, wb] of books.entries()) {
      const result = expectSame(Buffer.from(await wb.xlsx.writeBuffer()), `workbook ${i}`);
      if ('model' in result) models++;
    }
    expect(models).toBe(books.length);
  }, 120_000);

  test('the same workbook as other writers lay it out: x: prefixes, cells without r, renamed parts', async () => {
    const bytes = Buffer.from(await build().workbook.xlsx.writeBuffer());
    expectSame(await rewriteParts(bytes, /\.xml$/, withPrefix), 'x: prefixes');
    expectSame(await rewriteParts(bytes, /worksheets\/sheet\d+\.xml$/, withoutAddresses), 'no r');
    expectSame(await renamedSheets(bytes), 'renamed parts');
  });

  test('the benchmark\'s workbooks, where they have been generated (a sample of each folder)', () => {
    const files = readdirSync('bench').includes('workbooks') ? readdirSync('bench/workbooks').flatMap((d) => workbooksUnder(join('bench/workbooks', d), 25)) : [];
    for (const file of files) if (statSync(file).size < 2_000_000) expectSame(readFileSync(file), file);
  });
});

// ---------------------------------------------------------------------------------------------------
// Random sheets: every construct the scan reads, written the usual way and the unusual ones.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A package of one or two sheets (raw bytes, so that broken UTF-8 can be tested), shared strings and styles. */
function packageOf(sheets: readonly Uint8Array[], sharedStrings: string | null, styles: string | null, workbookPr = ''): Buffer {
  const named = sheets.map((_s, i) => ({ name: `Trang ${i + 1}`, part: `xl/worksheets/sheet${i + 1}.xml` }));
  const entries: RawEntry[] = [...workbookParts(named, workbookPr)];
  sheets.forEach((bytes, i) => entries.push({ name: named[i].part, data: deflateRawSync(bytes), method: 8, declaredSize: bytes.length }));
  if (sharedStrings !== null) entries.push(deflated('xl/sharedStrings.xml', sharedStrings));
  if (styles !== null) entries.push(deflated('xl/styles.xml', styles));
  return zipOf(entries);
}

const SHARED = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="7" uniqueCount="7"><si><t>Nguyễn Văn A</t></si><si><t>plain</t></si><si><r><rPr><rFont val=".VnTime"/></rPr><t>B¶o</t></r><r><t xml:space="preserve"> Th¾ng</t></r></si><si><t>a_x000D_b &amp; c</t></si><si/><si><t xml:space="preserve">  Đảng viên  </t></si><si><t>x</t><rPh><t>ignored</t></rPh></si></sst>`;
const SHARED_PLAIN = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}"><si><t>Nguyễn Văn A</t></si><si><t>plain</t></si><si><t>Hà Nội</t></si></sst>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="3"><font><name val="Times New Roman"/></font><font><name val=".VnTime"/></font><font><sz val="11"/><name val="VNI-Times"/></font></fonts><cellXfs count="4"><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/><xf/></cellXfs></styleSheet>`;

const NUMBERS = ['0', '-0', '1', '29', '29.5', '-3.25', '.5', '5.', '-.5', '0.1', '0.30000000000000004', '123456789012345', '1234567890123456', '12345678901234567890', '9007199254740993', '3.141592653589793', '0.000001', '1e5', '1E-3', '2.5e+10', ' 7', '7 ', '+3', '0x10', '1.2.3', '-', '.', 'abc', 'NaN', 'Infinity', '-Infinity', '١٢', '1&#50;', '&#45;4', '4\r\n', '00012', '1,5', '43070.75', '2958465.9999884', '-0.0', '1.7976931348623157e308'];
const TEXT = ['plain', 'Nguyễn Hữu Dũng', 'a &amp; b &lt; c', '&#x1F600; emoji', 'dòng 1\r\ndòng 2', 'tab\there', ' ', '', '\u00a0nbsp', '\ufeffbom', 'B¶o Th¾ng', '_x000D_', '&#13;', 'quote " and \'', '<![CDATA[a<b]]>', 'x<!-- c -->y'];
// (Excel's last row, A1048576, is in a test of its own: a sheet of a million rows is slow to compare.)
const ADDRESSES = ['A1', 'B12', 'Z9', 'AA100', 'XFD5', 'XFE1', '$C$3', 'c4', 'A0', 'A1048577', 'AB', '12', 'B&#50;', ' D5', 'Ä1'];
// The usual types (none, `s`) the most often: their cells take the fast path.
const TYPES = [null, null, null, 's', 's', 's', 'n', 'str', 'b', 'e', 'd', 'inlineStr', '', 'S', 's&amp;', 'é'];

const pickFrom = <T>(list: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...list);

/** One cell: its tag, written one of many ways, and its content. */
const cellArb: fc.Arbitrary<string> = fc
  .record({
    address: fc.oneof({ weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 })).map(([c, r]) => `${c < 26 ? String.fromCharCode(65 + c) : `A${String.fromCharCode(65 + c - 26)}`}${r}`) }, { weight: 1, arbitrary: pickFrom(ADDRESSES) }, { weight: 1, arbitrary: fc.constant(null) }),
    style: fc.oneof(fc.constant(null), pickFrom(['0', '1', '1', '2', '2', '3', '07', '9', 'x'])),
    type: pickFrom(TYPES),
    form: pickFrom(['usual', 'usual', 'usual', 'single quotes', 'reordered', 'extra attribute', 'space before end', 'newline', 'prefixed', 'tab']),
    content: fc.oneof(
      { weight: 4, arbitrary: pickFrom(NUMBERS).map((n) => `<v>${n}</v>`) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }).map((n) => `<v>${n}</v>`) },
      { weight: 1, arbitrary: fc.double({ noNaN: true }).map((n) => `<v>${n}</v>`) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 99999 })).map(([a, b]) => `<v>${a}.${b}</v>`) },
      { weight: 2, arbitrary: pickFrom(TEXT).map((t) => `<v>${t}</v>`) },
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constant('<v></v>') },
      { weight: 1, arbitrary: pickFrom(TEXT).map((t) => `<is><t>${t}</t></is>`) },
      { weight: 1, arbitrary: pickFrom(TEXT).map((t) => `<is><r><rPr><rFont val="VNI-Times"/></rPr><t>${t}</t></r><r><t>!</t></r></is>`) },
      { weight: 1, arbitrary: pickFrom(NUMBERS).map((n) => `<f>SUM(A1:A2)</f><v>${n}</v>`) },
      { weight: 1, arbitrary: fc.constant('<f t="shared" si="0"/>') },
      { weight: 1, arbitrary: fc.constant('<f t="shared" ref="A1:A3" si="0">B1*2</f><v>4</v>') },
      { weight: 1, arbitrary: fc.constant('<v><![CDATA[12]]></v>') },
      { weight: 1, arbitrary: fc.constant('<v>1<!-- c -->2</v>') },
      { weight: 1, arbitrary: fc.constant('<x:v>3</x:v>') },
      { weight: 1, arbitrary: fc.constant('<v>2017-12-01T06:00:00Z</v>') },
    ),
    close: pickFrom(['</c>', '</c>', '</c>', '</x:c>', '']),
  })
  .map(({ address, style, type, form, content, close }) => {
    const attrs: [string, string][] = [];
    if (address !== null) attrs.push(['r', address]);
    if (style !== null) attrs.push(['s', style]);
    if (type !== null) attrs.push(['t', type]);
    if (form === 'reordered') attrs.reverse();
    if (form === 'extra attribute') attrs.push(['cm', '1']);
    const q = form === 'single quotes' ? "'" : '"';
    const sep = form === 'newline' ? '\n' : form === 'tab' ? '\t' : ' ';
    const written = attrs.map(([k, v]) => `${sep}${k}=${q}${v}${q}`).join('');
    const name = form === 'prefixed' ? 'x:c' : 'c';
    const end = form === 'space before end' ? ' ' : '';
    if (content === '' && close !== '') return `<${name}${written}${end}/>`;
    return `<${name}${written}${end}>${content}${close === '</x:c>' && name === 'c' ? '</c>' : close || `</${name}>`}`;
  });

const rowArb: fc.Arbitrary<string> = fc
  .record({
    r: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 40 }).map(String) }, { weight: 1, arbitrary: pickFrom([null, '0', '1048577', '07', 'x', '3 ']) }),
    extra: pickFrom(['', ' spans="1:19" x14ac:dyDescent="0.25"', ' hidden="1"', ' ht="21" customHeight="1" hidden="true"', ' x:hidden="1"', ' hidden="0"', " hidden='1'"]),
    prefixed: fc.boolean(),
    cells: fc.array(cellArb, { maxLength: 8 }),
  })
  .map(({ r, extra, prefixed, cells }) => {
    const name = prefixed ? 'x:row' : 'row';
    return `<${name}${r === null ? '' : ` r="${r}"`}${extra}>${cells.join('')}</${name}>`;
  });

const sheetArb = fc
  .record({
    cols: fc.array(pickFrom(['<col min="2" max="3" hidden="1"/>', '<col min="1" max="1" width="9"/>', '<col min="5" max="20000" hidden="true"/>', '<col hidden="1" min="4" max="4"/>', '<col min="30" max="30" hidden="1"/>']), { maxLength: 4 }),
    rows: fc.array(rowArb, { maxLength: 12 }),
    merges: fc.array(pickFrom(['<mergeCell ref="A1:B2"/>', '<mergeCell ref="C3:C3"/>', '<mergeCell ref="D4:F9"/>', '<mergeCell ref="B2"/>', '<mergeCell ref="$A$1:b2"/>', '<mergeCell ref="A1:XFE2"/>', '<mergeCell ref="AAAA1:B2"/>', '<mergeCell ref="A12345678:B2"/>', '<mergeCell ref="F6:E5"/>', '<mergeCell  ref="A3:B3"/>', '<mergeCell ref="A0:B1"/>']), { maxLength: 4 }),
    tail: pickFrom(['', '<dataValidations count="1"><dataValidation type="list" prompt="Có hoặc Không (cũng nhận x, 1, ✓) >" sqref="A1"><formula1>"Có,Không"</formula1></dataValidation></dataValidations>', '<!-- <c r="A1"><v>9</v></c> -->', '<![CDATA[<row r="2">]]>', '<?pi <c r="B1"><v>1</v></c> ?>']),
    bom: fc.boolean(),
    broken: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  })
  .map(({ cols, rows, merges, tail, bom, broken }) => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:x="${MAIN}">${cols.length ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${rows.join('')}</sheetData>${merges.length ? `<mergeCells>${merges.join('')}</mergeCells>` : ''}${tail}</worksheet>`;
    let bytes: Uint8Array = Buffer.from(xml, 'utf8');
    if (bom) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    if (broken !== null && bytes.length > 0) {
      // A byte that breaks the UTF-8 (a lone continuation byte, or a lead byte cut short).
      const copy = Buffer.from(bytes);
      const at = broken % copy.length;
      copy[at] = broken % 2 ? 0x80 : 0xc3;
      bytes = copy;
    }
    return bytes;
  });

// Random packages: the parts around the sheets (relationships, workbook, styles) written many ways.

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const ROOT_TARGETS = ['xl/workbook.xml', '/xl/workbook.xml', './xl/workbook.xml', 'xl//workbook.xml', 'xl/./workbook.xml', 'xl/../xl/workbook.xml', 'XL/Workbook.xml', 'xl/workbook.xml/'];
const SHEET_TARGETS = ['worksheets/sheet1.xml', '/xl/worksheets/sheet1.xml', './worksheets/sheet1.xml', 'worksheets/../worksheets/sheet1.xml', 'worksheets//sheet1.xml', '../xl/worksheets/sheet1.xml', 'worksheets/sheet&#49;.xml', 'worksheets/sheet1.xml/', '', '..', '/'];
const STYLES_VARIANTS = [
  STYLES,
  `<styleSheet xmlns="${MAIN}"><fonts><font><name val="Arial"/></font><font/><font><x:name x:val=".VnArial"/></font></fonts><cellXfs><xf fontId="2"/><xf fontId=" 1"/><xf fontId="0"/><x:xf fontId="2"/></cellXfs></styleSheet>`,
  `<styleSheet xmlns="${MAIN}"><fonts count="2"><font><name val="A&amp;B"/></font><font><name val='VNI-Times'/><name val="Second"/></font></fonts><cellStyleXfs><xf fontId="1"/></cellStyleXfs><cellXfs count="3"><xf fontId="1" fontId="0"/><xf fontId="1"/><xf applyFont="1" fontId="1"/></cellXfs><dxfs><dxf><font><name val="Dxf"/></font></dxf></dxfs></styleSheet>`,
  `<styleSheet xmlns="${MAIN}"><fonts/><cellXfs><xf fontId="0"/><xf fontId="1"/></cellXfs><!-- <fonts><font><name val="Hidden"/></font></fonts> --></styleSheet>`,
];

const packageArb = fc
  .record({
    rootTarget: pickFrom(ROOT_TARGETS),
    sheetTarget: pickFrom(SHEET_TARGETS),
    relForm: pickFrom(['usual', 'prefixed', 'single quotes', 'reordered', 'external first', 'no id', 'comment']),
    sheetForm: pickFrom(['r:id', 'id', 'x:id', 'both', 'entity name', 'chartsheet']),
    workbookPr: pickFrom(['', '<workbookPr date1904="1"/>', '<workbookPr date1904="true"/>', '<workbookPr date1904="0"/>', "<workbookPr date1904='1'/>", '<x:workbookPr x:date1904="1"/>', '<!-- <workbookPr date1904="1"/> -->']),
    styles: pickFrom(STYLES_VARIANTS),
    sheet: sheetArb,
  })
  .map(({ rootTarget, sheetTarget, relForm, sheetForm, workbookPr, styles, sheet }) => {
    const rel = (id: string, type: string, target: string): string => {
      const parts = [`Id="${id}"`, `Type="${REL}/${type}"`, `Target="${target}"`];
      if (relForm === 'reordered') parts.reverse();
      if (relForm === 'no id' && type === 'worksheet') parts.shift();
      const written = relForm === 'single quotes' ? parts.map((p) => p.replace(/"/g, "'")) : parts;
      const name = relForm === 'prefixed' ? 'x:Relationship' : 'Relationship';
      return `<${name} ${written.join(' ')}/>`;
    };
    const relsOpen = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" xmlns:x="http://schemas.openxmlformats.org/package/2006/relationships">`;
    const external = relForm === 'external first' ? `<Relationship Id="rId1" Type="${REL}/worksheet" Target="https://example.invalid/x.xml" TargetMode="External"/>` : '';
    const comment = relForm === 'comment' ? `<!-- ${rel('rId1', 'worksheet', 'worksheets/none.xml')} -->` : '';
    const sheetAttr = { 'r:id': 'r:id="rId1"', id: 'id="rId1"', 'x:id': 'x:id="rId1"', both: 'id="rId9" r:id="rId1"', 'entity name': 'r:id="rId1"', chartsheet: 'r:id="rId1"' }[sheetForm] as string;
    const sheetName = sheetForm === 'entity name' ? 'A &amp; B &#7843;' : 'Trang 1';
    const entries: RawEntry[] = [
      deflated('_rels/.rels', `${relsOpen}${rel('rId1', 'officeDocument', rootTarget)}</Relationships>`),
      deflated('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:x="${REL}">${workbookPr}<sheets><sheet name="${sheetName}" sheetId="1" ${sheetAttr}/></sheets></workbook>`),
      deflated('xl/_rels/workbook.xml.rels', `${relsOpen}${comment}${external}${rel('rId1', sheetForm === 'chartsheet' ? 'chartsheet' : 'worksheet', sheetTarget)}${rel('rId2', 'styles', 'styles.xml')}${rel('rId3', 'sharedStrings', '/xl/sharedStrings.xml')}</Relationships>`),
      { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(sheet), method: 8, declaredSize: sheet.length },
      deflated('xl/styles.xml', styles),
      deflated('xl/sharedStrings.xml', SHARED),
    ];
    return zipOf(entries);
  });

describe('random packages: relationships, workbook and styles written the ways writers (and damage) write them', () => {
  test('the same model or the same refusal', () => {
    fc.assert(
      fc.property(packageArb, (bytes) => {
        expectSame(bytes, 'package');
      }),
      { numRuns: 800 },
    );
  });
});

describe('random sheets: the same model or the same refusal, whatever the sheet holds', () => {
  test('one or two sheets, with and without shared strings and styles, in both date systems', () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 2 }), pickFrom([SHARED, SHARED_PLAIN, null]), pickFrom([STYLES, null]), pickFrom(['', '<workbookPr date1904="1"/>']), (sheets, shared, styles, pr) => {
        expectSame(packageOf(sheets, shared, styles, pr), 'random');
      }),
      { numRuns: 1500 },
    );
  });

  test('Excel\'s last row and column, and one past them', () => {
    for (const data of ['<row r="1048576"><c r="B1048576" t="s" s="1"><v>0</v></c><c r="XFD1048576"><v>1</v></c></row>', '<row r="1048576"><c r="A1048577"><v>1</v></c></row>', '<row r="1048577"><c><v>1</v></c></row>', '<row r="5"><c r="XFE5"><v>1</v></c></row>']) {
      expectSame(packageOf([Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`)], SHARED, STYLES), data);
    }
  });

  test('numbers: every decimal the fast path reads is the double parseFloat gives (digits around the 15-digit edge)', () => {
    const texts: string[] = [];
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let k = 0; k < 6000; k++) {
      const digits = 1 + (next() % 18);
      let text = '';
      for (let d = 0; d < digits; d++) text += String(next() % 10);
      const point = next() % (digits + 2);
      if (point <= digits && next() % 3) text = `${text.slice(0, point)}.${text.slice(point)}`;
      if (next() % 4 === 0) text = `-${text}`;
      texts.push(text);
    }
    const rows = [];
    for (let r = 0; r < texts.length / 10; r++) rows.push(`<row r="${r + 1}">${texts.slice(r * 10, r * 10 + 10).map((t, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${t}</v></c>`).join('')}</row>`);
    const sheet = Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    const result = expectSame(packageOf([sheet], null, null), 'numbers');
    // And the values are the numbers, not text (the fast path ran and agreed).
    expect('model' in result && result.model.sheets[0].values[0].every((v) => typeof v === 'number')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// What both readers share: the inflater's size hint and the ZIP directory's names.

describe('the inflater: the size the directory declares is a hint that changes nothing', () => {
  const run = (raw: Uint8Array, cap: number, hint?: number): string => {
    try {
      const out = inflateNode(raw, cap, hint);
      return out === null ? 'over the cap' : Buffer.from(out).toString('base64');
    } catch (err) {
      return `${(err as Error).constructor.name}: ${(err as Error).message}`;
    }
  };

  test('whole, cut short, damaged, over the cap; the size declared true, short, long or absurd', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: null }),
        fc.integer({ min: 1, max: 20000 }),
        fc.constantFrom('true', 'short', 'long', 'absurd', 'zero', 'none'),
        (text, repeat, cut, flip, cap, declared) => {
          const plain = Buffer.from(text.repeat(repeat + 1), 'utf8');
          let raw: Uint8Array = deflateRawSync(plain);
          if (cut !== null) raw = raw.subarray(0, cut % (raw.length + 1));
          if (flip !== null && raw.length > 0) {
            const copy = Buffer.from(raw);
            copy[flip % copy.length] ^= 0x5a;
            raw = copy;
          }
          const size = { true: plain.length, short: Math.floor(plain.length / 2), long: plain.length * 3 + 100, absurd: 2 ** 31, zero: 0, none: undefined }[declared];
          expect(run(raw, cap, size)).toBe(run(raw, cap));
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('the ZIP directory: entry names read as before', () => {
  test('plain, with backslashes, a leading slash, non-ASCII, long', () => {
    const names = ['xl/workbook.xml', 'xl\\worksheets\\sheet1.xml', '/xl/styles.xml', '\\xl\\a.xml', 'xl/tên tệp.xml', 'xl/' + 'a'.repeat(300) + '.xml', '', 'x', '[Content_Types].xml'];
    const bytes = zipOf(names.map((name) => deflated(name, 'x')));
    const decoder = new TextDecoder('utf-8');
    const expected = names.map((n) => decoder.decode(Buffer.from(n, 'utf8')).replace(/\\/g, '/').replace(/^\//, ''));
    expect([...new ZipPackage(bytes, inflateNode, 1 << 20, 1 << 20).entries.keys()]).toEqual([...new Set(expected)]);
  });
});
