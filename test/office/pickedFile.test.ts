/**
 * The pane reads a picked chi bộ file as `xeploai` reads it (issue 12, one verdict on readability): the
 * project's own reader with a browser inflater (pako) that gives what Node's zlib gives and stops at the
 * cap, ExcelJS only for a declared reason, and the same model as loadModel on the same files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { inflateBrowser } from '../../src/office/inflate';
import { readPickedFile, UnreadableWorkbookError } from '../../src/office/pickedFile';
import { FastReadUnsupported } from '../../src/xlsx/errors';
import { loadModel } from '../../src/xlsx/loadModel';
import { inflateNode } from '../../src/xlsx/package/inflateNode';
import { strictPackageWithBomb } from '../xlsx/packages';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const BAD = join(__dirname, '..', 'fixtures', 'bad', 'files');

describe('the browser inflater', () => {
  const text = new TextEncoder().encode('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(20_000));
  const raw = deflateRawSync(text);

  it('inflates what Node inflates', () => {
    expect(Buffer.from(inflateBrowser(raw, text.length) as Uint8Array).equals(Buffer.from(text))).toBe(true);
    expect(Buffer.from(inflateBrowser(raw, text.length) as Uint8Array).equals(Buffer.from(inflateNode(raw, text.length) as Uint8Array))).toBe(true);
  });

  it('gives null past the cap, as Node does', () => {
    expect(inflateBrowser(raw, text.length - 1)).toBeNull();
    expect(inflateNode(raw, text.length - 1)).toBeNull();
  });

  it('damaged data is a declared reason to let ExcelJS decide', () => {
    const damaged = Uint8Array.from(raw);
    damaged.fill(0xff, 0, 16);
    expect(() => inflateBrowser(damaged, text.length)).toThrow(FastReadUnsupported);
  });
});

describe('a picked file', () => {
  it.each([
    ['the example', EXAMPLE],
    ['ISO dates', join(BAD, 'iso-dates.xlsx')],
    ['a prefixed sheet XML', join(BAD, 'namespace-prefix.xlsx')],
    ['a count formatted as a date', join(BAD, 'count-formatted-as-date.xlsx')],
  ])('%s: the model `xeploai` reads', async (_what, path) => {
    const picked = await readPickedFile(readFileSync(path), 'picked.xlsx');
    expect(picked.reader).toEqual({ name: 'xlsx' });
    expect(JSON.parse(JSON.stringify(picked.sheets))).toEqual(JSON.parse(JSON.stringify((await loadModel(path)).sheets)));
  });

  it('a file that is no workbook is refused in one line naming it', async () => {
    await expect(readPickedFile(readFileSync(join(BAD, 'html-renamed.xlsx')), 'trang-web.xlsx')).rejects.toThrow(UnreadableWorkbookError);
    await expect(readPickedFile(readFileSync(join(BAD, 'html-renamed.xlsx')), 'trang-web.xlsx')).rejects.toThrow(/^trang-web\.xlsx: /);
  });

  it('a file the reader declines goes to ExcelJS only within the same limits (a bomb in a part the check never reads)', async () => {
    const bytes = strictPackageWithBomb();
    await expect(readPickedFile(bytes, 'bom.xlsx')).rejects.toThrow(/^bom\.xlsx: phần xl\/media\/image1\.bin giải nén vượt/);
  });
});
