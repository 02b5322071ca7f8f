/**
 * Workbook packages as other programs (or an attacker) write them, for the reader tests: a minimal
 * SpreadsheetML package from sheet XML, a ZIP writer that takes already-compressed data (so that a
 * decompression bomb costs the test nothing to build), and rewrites of an ExcelJS file into the legal
 * forms ExcelJS itself cannot load (namespace prefixes, cells without `r`, parts with other names).
 */
import { constants, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

export interface RawEntry {
  readonly name: string;
  /** The entry's stored bytes: compressed already when method is 8. */
  readonly data: Buffer;
  readonly method: 0 | 8;
  /** The size the central directory declares (a bomb may lie). */
  readonly declaredSize: number;
}

/** A ZIP of the entries as given (CRC left 0: the fast reader does not check it). */
export function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function deflated(name: string, text: string): RawEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(raw), method: 8, declaredSize: raw.length };
}

/**
 * `chunk` repeated `times` as one raw DEFLATE stream, built from one compressed chunk: each piece ends
 * on a byte boundary (sync flush) and a final empty block closes the stream.
 */
export function repeatedDeflate(chunk: string, times: number): Buffer {
  const piece = deflateRawSync(Buffer.from(chunk, 'utf8'), { finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const parts: Buffer[] = [];
  for (let i = 0; i < times; i++) parts.push(piece);
  parts.push(end);
  return Buffer.concat(parts);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts around some sheets: content types, relationships, a workbook naming them. */
export function workbookParts(sheets: readonly { name: string; part: string }[], workbookPr = ''): RawEntry[] {
  const overrides = sheets.map((s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return [
    deflated(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
    ),
    deflated('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${workbookPr}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/${s.part}"/>`).join('')}</Relationships>`,
    ),
  ];
}

/**
 * A strict-OOXML package (which the project's reader declines, so ExcelJS would read it) carrying a
 * 3 GB bomb in a part the check never reads: the limits must refuse it before ExcelJS inflates it.
 */
export function strictPackageWithBomb(): Buffer {
  const strictRels = deflated(
    '_rels/.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  const parts = workbookParts([{ name: 'S', part: 'xl/worksheets/sheet1.xml' }]).map((p) => (p.name === '_rels/.rels' ? strictRels : p));
  const bomb = { name: 'xl/media/image1.bin', data: repeatedDeflate(' '.repeat(1 << 20), 3 * 1024), method: 8 as const, declaredSize: 1000 };
  return zipOf([...parts, deflated('xl/worksheets/sheet1.xml', '<worksheet/>'), bomb]);
}

/** A one-sheet package around sheetData's inner XML. */
export function sheetPackage(sheetData: string, workbookPr = '', name = 'Trang tính'): Buffer {
  return zipOf([...workbookParts([{ name, part: 'xl/worksheets/sheet1.xml' }], workbookPr), deflated('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`)]);
}

/** Applies `edit` to every part whose name matches, in a copy of the package. */
export async function rewriteParts(bytes: Uint8Array, match: RegExp, edit: (xml: string, part: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !match.test(name)) continue;
    zip.file(name, edit(await zip.files[name].async('string'), name));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** SpreadsheetML under the prefix `x:` (as .NET's OpenXML SDK writes it), in the parts that use it. */
export function withPrefix(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN}"`)) return xml;
  return xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2').replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

/**
 * The `r` of every row and cell that directly follows the previous one dropped (legal: such a row or
 * cell then takes the next place); the others keep theirs, so the sheet means the same.
 */
export function withoutAddresses(xml: string): string {
  let row = 0;
  let col = 0;
  let dropped = 0;
  const out = xml.replace(/<(row|c)((?:\s[^>]*?)?)\sr="([^"]*)"/g, (whole, tag: string, before: string, r: string) => {
    if (tag === 'row') {
      const n = Number(r);
      col = 0;
      const next = n === row + 1;
      row = n;
      if (!next) return whole;
    } else {
      const m = /^([A-Z]+)(\d+)$/.exec(r) as RegExpExecArray;
      const c = [...m[1]].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0);
      const next = c === col + 1 && Number(m[2]) === row;
      col = c;
      if (!next) return whole;
    }
    dropped++;
    return `<${tag}${before}`;
  });
  if (dropped === 0) throw new Error('no r attribute dropped');
  return out;
}

/** The worksheets renamed `xl/sheets/<n>-data.xml` (any name is legal: the relationships say which). */
export async function renamedSheets(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const renames: [string, string][] = [];
  for (const name of Object.keys(zip.files)) {
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
    if (m) renames.push([name, `xl/sheets/${m[1]}-data.xml`]);
  }
  for (const [from, to] of renames) {
    zip.file(to, await zip.files[from].async('uint8array'));
    zip.remove(from);
    const rels = from.replace('worksheets/', 'worksheets/_rels/') + '.rels';
    if (zip.files[rels]) {
      const text = (await zip.files[rels].async('string')).replace(/Target="\.\.\//g, 'Target="../');
      zip.file(to.replace('sheets/', 'sheets/_rels/') + '.rels', text);
      zip.remove(rels);
    }
  }
  const edit = async (part: string, fn: (s: string) => string) => zip.file(part, fn(await zip.files[part].async('string')));
  await edit('xl/_rels/workbook.xml.rels', (s) => renames.reduce((acc, [from, to]) => acc.split(`"${from.slice(3)}"`).join(`"${to.slice(3)}"`).split(`"/${from}"`).join(`"/${to}"`), s));
  await edit('[Content_Types].xml', (s) => renames.reduce((acc, [from, to]) => acc.split(`"/${from}"`).join(`"/${to}"`), s));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The same archive with a ZIP64 end of central directory (as writers of large archives leave it):
 * JSZip, and so ExcelJS, reads it; the fast reader declares it unsupported.
 */
export function asZip64(bytes: Buffer): Buffer {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(end), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.from(bytes.subarray(end, end + 22));
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([bytes.subarray(0, end), record, locator, eocd]);
}

/**
 * Every central directory entry's sizes and offset moved to a ZIP64 extra field (all ones in the
 * 32-bit fields), the end record pointing to a ZIP64 end record: a ZIP64 archive through and through.
 */
export function asZip64Entries(bytes: Buffer): Buffer {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: Buffer[] = [];
  for (let n = 0; n < count; n++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const head = Buffer.from(bytes.subarray(at, at + 46));
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20);
    head.writeUInt32LE(0xffffffff, 20);
    head.writeUInt32LE(0xffffffff, 24);
    head.writeUInt32LE(0xffffffff, 42);
    head.writeUInt16LE(extraLength + extra.length, 30);
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    const rest = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength + commentLength);
    entries.push(Buffer.concat([head, name, extra, rest]));
    at += 46 + nameLength + extraLength + commentLength;
  }
  const directoryAt = bytes.readUInt32LE(end + 16);
  const directory = Buffer.concat(entries);
  const body = bytes.subarray(0, directoryAt);
  const eocd = Buffer.from(bytes.subarray(end, end + 22));
  eocd.writeUInt32LE(directory.length, 12);
  return asZip64(Buffer.concat([body, directory, eocd]));
}

