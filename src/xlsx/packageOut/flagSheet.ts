/**
 * An input sheet with its flagged cells given a fill: the sheet's XML bytes are copied as they are, but
 * for the start tag of each flagged cell (its `s` changed to the flagged format) and the cells and rows a
 * flag needs where the sheet has none (an empty cell flagged), and `<legacyDrawing>` for the notes. The
 * bytes are scanned, never decoded whole: only tags are read, between them nothing is touched.
 */
import { columnLetter } from '../../core/grid';
import { PackageEditUnsupported } from './errors';
import type { PartSink } from './zipWriter';

export interface CellFlag {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  /** The cell format for the cell, given its own (`s`, 0 without one). */
  readonly format: (original: number) => number;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** CT_Worksheet children that come after `<legacyDrawing>`. */
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

const LT = 0x3c;
const latin1 = (b: Uint8Array, from: number, to: number): string => Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');

/** The end of the tag starting at `lt` (just past `>`), quotes respected. */
function tagEnd(xml: Buffer, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (ch === 0x22 || ch === 0x27) {
      const q = xml.indexOf(ch, i + 1);
      if (q < 0) break;
      i = q;
    } else if (ch === 0x3e) return i + 1;
  }
  throw new PackageEditUnsupported('a sheet with an unterminated tag');
}

/** The next `<name` (with the sheet's prefix) followed by a space, `>` or `/`, from `from` up to `to`. */
function findTag(xml: Buffer, open: Buffer, from: number, to: number): number {
  let at = from;
  for (;;) {
    at = xml.indexOf(open, at);
    if (at < 0 || at >= to) return -1;
    const next = xml[at + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) return at;
    at += open.length;
  }
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function cellCol(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The start tag of a cell with its style set to `s`. */
function withStyle(tag: string, s: number): string {
  if (/\ss\s*=\s*("[^"]*"|'[^']*')/.test(tag)) return tag.replace(/(\ss\s*=\s*)("[^"]*"|'[^']*')/, `$1"${s}"`);
  return tag.replace(/^(<[^\s/>]+)/, `$1 s="${s}"`);
}

/**
 * Writes the sheet `xml` with `flags` applied into `sink`; `legacyDrawing` is the relationship id of
 * a new `<legacyDrawing>` to add (null when the sheet has one already, or needs none).
 */
export function writeFlaggedSheet(bytes: Uint8Array, flags: readonly CellFlag[], legacyDrawing: string | null, sink: PartSink): void {
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (xml.indexOf('<!--') >= 0 || xml.indexOf('<![CDATA[') >= 0) throw new PackageEditUnsupported('a flagged sheet with XML comments or CDATA');
  // The root element and its prefix (`x:worksheet` → `x:`).
  let rootAt = xml.indexOf(LT);
  while (rootAt >= 0 && (xml[rootAt + 1] === 0x3f || xml[rootAt + 1] === 0x21)) rootAt = xml.indexOf(LT, tagEnd(xml, rootAt));
  if (rootAt < 0) throw new PackageEditUnsupported('a flagged sheet without a root element');
  const rootEnd = tagEnd(xml, rootAt);
  const rootTag = latin1(xml, rootAt, rootEnd);
  const rootName = /^<([^\s/>]+)/.exec(rootTag)?.[1] ?? '';
  const prefix = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':') + 1) : '';
  const name = (local: string): string => `${prefix}${local}`;

  const byRow = new Map<number, CellFlag[]>();
  for (const f of flags) {
    const list = byRow.get(f.row);
    if (list) list.push(f);
    else byRow.set(f.row, [f]);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const flaggedRows = [...byRow.keys()].sort((a, b) => a - b);
  const newCell = (f: CellFlag): string => `<${name('c')} r="${columnLetter(f.col)}${f.row + 1}" s="${f.format(0)}"/>`;
  const newRow = (row: number): string => `<${name('row')} r="${row + 1}">${(byRow.get(row) as CellFlag[]).map(newCell).join('')}</${name('row')}>`;

  const openSheetData = Buffer.from(`<${name('sheetData')}`, 'latin1');
  const sdAt = findTag(xml, openSheetData, rootEnd, xml.length);
  if (sdAt < 0) throw new PackageEditUnsupported('a flagged sheet without sheetData');
  const sdOpenEnd = tagEnd(xml, sdAt);
  let pos = 0;
  let sdClose: number;
  let next = 0; // the next flagged row to place
  if (xml[sdOpenEnd - 2] === 0x2f) {
    // <sheetData/>: every flagged cell is new.
    sink.bytes(xml.subarray(0, sdAt));
    sink.text(`<${name('sheetData')}>${flaggedRows.map(newRow).join('')}</${name('sheetData')}>`);
    pos = sdOpenEnd;
    sdClose = sdOpenEnd;
    next = flaggedRows.length;
  } else {
    const closeTag = Buffer.from(`</${name('sheetData')}>`, 'latin1');
    sdClose = xml.indexOf(closeTag, sdOpenEnd);
    if (sdClose < 0) throw new PackageEditUnsupported('a flagged sheet without </sheetData>');
    const openRow = Buffer.from(`<${name('row')}`, 'latin1');
    const closeRow = Buffer.from(`</${name('row')}>`, 'latin1');
    const openCell = Buffer.from(`<${name('c')}`, 'latin1');
    let at = sdOpenEnd;
    let row = -1;
    while (next < flaggedRows.length) {
      const rowAt = findTag(xml, openRow, at, sdClose);
      if (rowAt < 0) break;
      const rowTagEnd = tagEnd(xml, rowAt);
      const rowTag = latin1(xml, rowAt, rowTagEnd);
      const r = attr(rowTag, 'r');
      row = r !== undefined ? Number(r) - 1 : row + 1;
      if (!Number.isInteger(row) || row < 0) throw new PackageEditUnsupported(`a row numbered "${r}"`);
      const selfClosing = xml[rowTagEnd - 2] === 0x2f;
      const rowEnd = selfClosing ? rowTagEnd : xml.indexOf(closeRow, rowTagEnd);
      if (rowEnd < 0) throw new PackageEditUnsupported('a row without its end tag');
      // Flagged rows the sheet lacks, before this one.
      let missing = '';
      while (next < flaggedRows.length && flaggedRows[next] < row) missing += newRow(flaggedRows[next++]);
      if (missing) {
        sink.bytes(xml.subarray(pos, rowAt));
        sink.text(missing);
        pos = rowAt;
      }
      if (next < flaggedRows.length && flaggedRows[next] === row) {
        const cellFlags = byRow.get(row) as CellFlag[];
        next++;
        sink.bytes(xml.subarray(pos, rowAt));
        if (selfClosing) {
          sink.text(`${rowTag.replace(/\s*\/>$/, '>')}${cellFlags.map(newCell).join('')}</${name('row')}>`);
          pos = rowTagEnd;
        } else {
          sink.bytes(xml.subarray(rowAt, rowTagEnd));
          pos = rowTagEnd;
          let k = 0;
          let col = -1;
          let c = rowTagEnd;
          while (k < cellFlags.length) {
            const cellAt = findTag(xml, openCell, c, rowEnd);
            if (cellAt < 0) break;
            const cellTagEnd = tagEnd(xml, cellAt);
            const cellTag = latin1(xml, cellAt, cellTagEnd);
            const ref = attr(cellTag, 'r');
            const at2 = ref !== undefined ? cellCol(ref) : null;
            col = at2 ? at2.col : col + 1;
            let before = '';
            while (k < cellFlags.length && cellFlags[k].col < col) before += newCell(cellFlags[k++]);
            if (before) {
              sink.bytes(xml.subarray(pos, cellAt));
              sink.text(before);
              pos = cellAt;
            }
            if (k < cellFlags.length && cellFlags[k].col === col) {
              const s = Number(attr(cellTag, 's') ?? 0);
              sink.bytes(xml.subarray(pos, cellAt));
              sink.text(withStyle(cellTag, cellFlags[k++].format(Number.isInteger(s) && s >= 0 ? s : 0)));
              pos = cellTagEnd;
            }
            c = cellTagEnd;
          }
          if (k < cellFlags.length) {
            sink.bytes(xml.subarray(pos, rowEnd));
            sink.text(cellFlags.slice(k).map(newCell).join(''));
            pos = rowEnd;
          }
        }
      }
      at = selfClosing ? rowTagEnd : rowEnd;
    }
    // Flagged rows below the last row of the sheet.
    if (next < flaggedRows.length) {
      sink.bytes(xml.subarray(pos, sdClose));
      sink.text(flaggedRows.slice(next).map(newRow).join(''));
      pos = sdClose;
    }
  }
  if (!legacyDrawing) {
    sink.bytes(xml.subarray(pos));
    return;
  }
  // <legacyDrawing> in its CT_Worksheet place: before the first child that follows it, else last.
  const tailFrom = Math.max(pos, sdClose);
  sink.bytes(xml.subarray(pos, tailFrom));
  const tail = Buffer.from(xml.buffer, xml.byteOffset + tailFrom, xml.length - tailFrom).toString('utf8');
  let insertAt = tail.lastIndexOf(`</${rootName}`);
  if (insertAt < 0) throw new PackageEditUnsupported('a flagged sheet without its end tag');
  const tagRe = new RegExp(`<(/?)${prefix.replace(/[.-]/g, '\\$&')}([A-Za-z]+)[\\s/>]`, 'g');
  // The tail starts with </sheetData> (or just after <sheetData/>): its siblings are at depth 0.
  tagRe.lastIndex = tail.startsWith('</') ? tail.indexOf('>') + 1 : 0;
  let depth = 0;
  for (let m = tagRe.exec(tail); m; m = tagRe.exec(tail)) {
    if (m.index >= insertAt) break;
    if (m[1] === '/') {
      depth--;
      continue;
    }
    if (depth === 0 && AFTER_LEGACY.has(m[2])) {
      insertAt = m.index;
      break;
    }
    const end = tail.indexOf('>', m.index);
    if (tail[end - 1] !== '/') depth++;
  }
  const relPrefix = /\sxmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(rootTag)?.[1];
  const element = relPrefix ? `<${name('legacyDrawing')} ${relPrefix}:id="${legacyDrawing}"/>` : `<${name('legacyDrawing')} xmlns:r="${REL}" r:id="${legacyDrawing}"/>`;
  sink.text(tail.slice(0, insertAt) + element + tail.slice(insertAt));
}

export { cellCol };
