/**
 * `xeploai check --out` without a second model (issue 15): the checked copy is the original package,
 * edited. Every part the copy does not change is copied as its stored (compressed) bytes; the flagged
 * input sheets are copied byte for byte but for the flagged cells' start tags (flagSheet.ts); the result
 * sheets are written straight from the core's layouts (sheetXml.ts); styles.xml gets the new formats
 * appended (styles.ts); notes go into comments parts with their VML drawings (notes.ts); workbook.xml,
 * its relationships and [Content_Types].xml are edited by splicing. The result sheets of an earlier copy
 * are replaced whole, as the ExcelJS path replaces them.
 *
 * What this editor does not handle throws PackageEditUnsupported (declared), and the command line writes
 * that copy through ExcelJS instead (src/cli/outputs.ts says which and why).
 */
import type { CheckResult } from '../../core/check';
import { MORE_RESULT_SHEETS } from '../../core/forms/definitions';
import { flagsOf, moreResultSheets, resultSheets } from '../../core/output/resultSheets';
import { FastReadUnsupported } from '../errors';
import { inflateNode } from '../package/inflateNode';
import { MAX_PART_BYTES, MAX_UNPACKED_BYTES } from '../package/limits';
import { NS, appendRel, parseRels, relativeTarget, relationships, relsPartOf, resolveTarget } from '../package/opc';
import { childElements, type Element, escapeAttr, escapeText, localName, nsDeclarations, parseRoot, prefixOf, unescapeXml } from '../package/xml';
import { PartTooLarge, ZipPackage } from '../package/zip';
import { PackageEditUnsupported } from './errors';
import { type CellFlag, cellCol, writeFlaggedSheet } from './flagSheet';
import { COMMENTS_TYPE, commentsPart, commentXml, type Note, VML_SHAPETYPE, VML_TYPE, vmlPart, vmlShape } from './notes';
import { quoteSheet, renderSheetXml, WORKSHEET_TYPE } from './sheetXml';
import { MINIMAL_STYLES, StyleBook } from './styles';
import { type PartSink, ZipFileWriter, ZipTooLarge } from './zipWriter';
import type { SheetLayout } from '../../core/output/layout';

export { PackageEditUnsupported } from './errors';

const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  comments: `${NS.rel}/comments`,
  vml: `${NS.rel}/vmlDrawing`,
  sharedStrings: `${NS.rel}/sharedStrings`,
};
const SHARED_STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

interface SheetRef {
  readonly name: string;
  readonly rId: string;
  readonly el: Element;
  readonly part: string | null;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi');

class Edit {
  readonly pkg: ZipPackage;
  private readonly texts = new Map<string, string>();

  constructor(bytes: Uint8Array) {
    this.pkg = new ZipPackage(bytes, inflateNode, MAX_PART_BYTES, MAX_UNPACKED_BYTES);
  }

  text(part: string): string | null {
    const known = this.texts.get(part.toLowerCase());
    if (known !== undefined) return known;
    const text = this.pkg.text(part);
    if (text !== null) this.texts.set(part.toLowerCase(), text);
    return text;
  }

  /** The part's name as stored (OPC part names are case-insensitive). */
  stored(part: string): string | null {
    return this.pkg.entry(part)?.name ?? null;
  }

  freeName(stem: string, ext: string, taken: Set<string>): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.pkg.entry(name) && !taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}

function splice(xml: string, edits: { at: number; end: number; text: string }[]): string {
  edits.sort((a, b) => a.at - b.at || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.at) + e.text;
    pos = Math.max(pos, e.end);
  }
  return out + xml.slice(pos);
}

function freeRelIds(relsXml: string): () => string {
  const ids = new Set(parseRoot(relsXml).children.map((c) => c.attrs.get('Id')));
  return () => {
    for (let n = 1; ; n++) {
      if (!ids.has(`rId${n}`)) {
        ids.add(`rId${n}`);
        return `rId${n}`;
      }
    }
  };
}

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;

/**
 * Writes the checked copy of the package `bytes` to the file `path`. Throws PackageEditUnsupported for
 * what it does not handle (before anything is written where possible; the caller discards the file).
 */
export function writeCheckedPackage(bytes: Uint8Array, result: CheckResult, path: string): void {
  try {
    prepareAndWrite(new Edit(bytes), result, path);
  } catch (err) {
    if (err instanceof FastReadUnsupported || err instanceof ZipTooLarge) throw new PackageEditUnsupported(err.message);
    if (err instanceof PartTooLarge) throw new PackageEditUnsupported(`${err.part}: over the ${err.limit} limit`);
    // A part the fast reader's tolerant scan read, but the splicing scanner cannot place edits in.
    if (err instanceof Error && /^Malformed XML|is empty: cannot add to it/.test(err.message)) throw new PackageEditUnsupported(err.message);
    throw err;
  }
}

function prepareAndWrite(edit: Edit, result: CheckResult, path: string): void {
  // The workbook part, its relationships and sheets.
  const rootRels = relationships(edit.text('_rels/.rels'), '');
  const main = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  if (main?.type.startsWith('http://purl.oclc.org/')) throw new PackageEditUnsupported('strict OOXML');
  const workbookPart = edit.stored(main?.target ?? 'xl/workbook.xml');
  if (!workbookPart) throw new PackageEditUnsupported('no workbook part');
  const workbookXml = edit.text(workbookPart) as string;
  const workbookRelsPart = edit.stored(relsPartOf(workbookPart)) ?? relsPartOf(workbookPart);
  const workbookRels = edit.text(workbookRelsPart) ?? EMPTY_RELS;
  const contentTypesPart = edit.stored('[Content_Types].xml');
  if (!contentTypesPart) throw new PackageEditUnsupported('no [Content_Types].xml');
  const contentTypes = edit.text(contentTypesPart) as string;

  const wb = parseRoot(workbookXml);
  const wbPrefix = prefixOf(wb.name);
  const sheetsEl = wb.children.find((c) => localName(c.name) === 'sheets');
  if (!sheetsEl || sheetsEl.contentStart === sheetsEl.end) throw new PackageEditUnsupported('workbook.xml without <sheets>');
  const rels = parseRels(workbookRels);
  const relOf = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = childElements(workbookXml, sheetsEl)
    .filter((c) => localName(c.name) === 'sheet')
    .map((el) => {
      const ns = { ...wb.ns, ...nsDeclarations(el.attrs) };
      const rId = el.attrs.get(`${ns[NS.rel] ?? 'r'}:id`) ?? el.attrs.get('r:id') ?? '';
      const rel = relOf.get(rId);
      const part = rel && rel.type === REL_TYPE.worksheet ? edit.stored(resolveTarget(workbookPart, rel.target)) : null;
      return { name: unescapeXml(el.attrs.get('name') ?? ''), rId, el, part };
    });

  // The result sheets, as the ExcelJS path makes them (sheetExists: the sheets of the input).
  const existed = new Set(sheets.filter((s) => s.part).map((s) => s.name));
  const flags = flagsOf(result.issues, (name) => existed.has(name));
  const layouts = [...resultSheets(result, (name) => existed.has(name)), ...moreResultSheets(result)];
  const resultNames = new Set([...layouts.map((l) => fold(l.name)), ...Object.values(MORE_RESULT_SHEETS).map(fold)]);
  const removed = sheets.filter((s) => resultNames.has(fold(s.name)));
  const kept = sheets.filter((s) => !resultNames.has(fold(s.name)));

  // Parts dropped with the replaced sheets: each sheet, its relationships, its notes and printer settings.
  const dropped = new Set<string>();
  for (const s of removed) {
    if (!s.part) continue;
    dropped.add(s.part.toLowerCase());
    const relsPart = edit.stored(relsPartOf(s.part));
    if (!relsPart) continue;
    dropped.add(relsPart.toLowerCase());
    for (const r of parseRels(edit.text(relsPart) ?? EMPTY_RELS)) {
      if ([REL_TYPE.comments, REL_TYPE.vml, `${NS.rel}/printerSettings`, 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment'].includes(r.type)) {
        const target = edit.stored(resolveTarget(s.part, r.target));
        if (target) dropped.add(target.toLowerCase());
      }
    }
  }

  // Styles: the workbook's, or a new part.
  const stylesRel = rels.find((r) => r.type === REL_TYPE.styles);
  const stylesPart = stylesRel ? edit.stored(resolveTarget(workbookPart, stylesRel.target)) : null;
  const styles = new StyleBook(stylesPart ? (edit.text(stylesPart) as string) : MINIMAL_STYLES);

  const taken = new Set<string>([...dropped]);
  const empty = emptySharedString(edit, workbookPart, rels, layouts, taken);
  const newRelId = freeRelIds(workbookRels);
  const writer = new ZipFileWriter(path);
  const replaced = new Map<string, { name: string; text: string }>(); // by part (lower case): the new text, written after the copies
  const added: { part: string; type: string | null }[] = [];
  let vmlBlock = 1;
  for (const part of edit.pkg.entries.keys()) if (/\.vml$/i.test(part)) vmlBlock++;

  try {
    // 1. Flagged input sheets: edited in place; their notes.
    const bySheet = new Map<string, typeof flags>();
    for (const f of flags) {
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    const edited = new Map<string, { flags: CellFlag[]; legacy: string | null }>();
    for (const [sheetName, list] of bySheet) {
      const sheet = kept.find((s) => s.name === sheetName);
      if (!sheet?.part) continue;
      const cellFlags: CellFlag[] = [];
      const notes: Note[] = [];
      for (const f of list) {
        const at = cellCol(f.cell);
        if (!at) continue;
        cellFlags.push({ row: at.row, col: at.col, format: (original) => styles.flagged(original, f.fill) });
        notes.push({ row: at.row, col: at.col, text: f.note });
      }
      if (cellFlags.length === 0) continue;
      const legacy = addNotes(edit, sheet.part, notes, replaced, added, taken, vmlBlock++);
      edited.set(sheet.part.toLowerCase(), { flags: cellFlags, legacy });
    }

    // 2. Every part of the original not replaced or dropped, as stored; the flagged sheets edited.
    const later = new Set([workbookPart, workbookRelsPart, contentTypesPart, ...(stylesPart ? [stylesPart] : []), ...(empty.part && empty.write ? [empty.part] : [])].map((p) => p.toLowerCase()));
    for (const [name, entry] of edit.pkg.entries) {
      const key = name.toLowerCase();
      if (dropped.has(key) || later.has(key) || replaced.has(key)) continue;
      const flagged = edited.get(key);
      if (flagged) {
        const xml = edit.pkg.bytes(name) as Uint8Array;
        writer.part(name, (sink) => writeFlaggedSheet(xml, flagged.flags, flagged.legacy, sink));
        continue;
      }
      writer.copy(entry, (edit.pkg.stored(name) as { data: Uint8Array }).data);
    }

    // 3. The result sheets, straight from their layouts.
    const newSheets: { name: string; rId: string; printArea: string | null; printTitles: string | null }[] = [];
    for (const layout of layouts) {
      const part = edit.freeName('xl/worksheets/sheet', '.xml', taken);
      const hasNotes = (layout.notes ?? []).length > 0;
      let rendered: ReturnType<typeof renderSheetXml> | null = null;
      writer.part(part, (sink) => (rendered = renderSheetXml(layout, styles, sink, hasNotes ? 'rId1' : null, empty.index)));
      const done = rendered as unknown as ReturnType<typeof renderSheetXml>;
      let sheetRels = EMPTY_RELS;
      if (hasNotes) {
        const comments = edit.freeName('xl/comments', '.xml', taken);
        const vml = edit.freeName('xl/drawings/vmlDrawing', '.vml', taken);
        writer.part(comments, (sink) => sink.text(commentsPart(done.notes)));
        writer.part(vml, (sink) => sink.text(vmlPart(done.notes, vmlBlock++)));
        sheetRels = appendRel(sheetRels, 'rId1', REL_TYPE.vml, relativeTarget(part, vml));
        sheetRels = appendRel(sheetRels, 'rId2', REL_TYPE.comments, relativeTarget(part, comments));
        added.push({ part: comments, type: COMMENTS_TYPE }, { part: vml, type: null });
      }
      if (sheetRels !== EMPTY_RELS) writer.part(relsPartOf(part), (sink) => sink.text(sheetRels));
      added.push({ part, type: WORKSHEET_TYPE });
      newSheets.push({ name: layout.name, rId: newRelId(), printArea: done.printArea, printTitles: done.printTitles });
    }

    // 4. The parts edited as text (notes of flagged sheets), then styles, workbook, relationships, types.
    for (const { name, text } of replaced.values()) writer.part(edit.stored(name) ?? name, (sink) => sink.text(text));
    if (empty.part && empty.write) writer.part(empty.part, empty.write);
    if (empty.created) added.push({ part: empty.part as string, type: SHARED_STRINGS_TYPE });
    let newStylesPart: string | null = null;
    if (stylesPart) writer.part(stylesPart, (sink) => sink.text(styles.changed ? styles.text() : (edit.text(stylesPart) as string)));
    else {
      newStylesPart = edit.freeName('xl/styles', '.xml', taken);
      writer.part(newStylesPart, (sink) => sink.text(styles.text()));
      added.push({ part: newStylesPart, type: STYLES_TYPE });
    }
    writer.part(workbookPart, (sink) => sink.text(editWorkbook(workbookXml, wb, wbPrefix, sheetsEl, sheets, removed, newSheets)));
    let relsText = removeRels(workbookRels, new Set(removed.map((s) => s.rId)));
    const sheetParts = added.filter((a) => a.type === WORKSHEET_TYPE).map((a) => a.part);
    newSheets.forEach((s, i) => (relsText = appendRel(relsText, s.rId, REL_TYPE.worksheet, relativeTarget(workbookPart, sheetParts[i]))));
    if (newStylesPart) relsText = appendRel(relsText, newRelId(), REL_TYPE.styles, relativeTarget(workbookPart, newStylesPart));
    if (empty.created) relsText = appendRel(relsText, newRelId(), REL_TYPE.sharedStrings, relativeTarget(workbookPart, empty.part as string));
    writer.part(workbookRelsPart, (sink) => sink.text(relsText));
    writer.part(contentTypesPart, (sink) => sink.text(editContentTypes(contentTypes, dropped, added)));
    writer.finish();
  } catch (err) {
    writer.close();
    throw err;
  }
}

/**
 * The shared string "" that a merged area's empty first cell refers to (see renderSheetXml), when a
 * result sheet has one: the package's last string when it is already "" (an earlier copy's), else one
 * appended to the shared strings (its bytes copied around the new `<si>`), or a new part.
 */
function emptySharedString(edit: Edit, workbookPart: string, rels: readonly { type: string; target: string }[], layouts: readonly SheetLayout[], taken: Set<string>): { index: number; part: string | null; write: ((sink: PartSink) => void) | null; created: boolean } {
  const needed = layouts.some((l) => {
    if (l.merges.length === 0) return false;
    const masters = new Set(l.merges.map((m) => m.top * 16384 + m.left));
    return l.cells.some((c) => c.value === '' && masters.has(c.row * 16384 + c.col));
  });
  if (!needed) return { index: 0, part: null, write: null, created: false };
  const rel = rels.find((r) => r.type === REL_TYPE.sharedStrings);
  const part = rel ? edit.stored(resolveTarget(workbookPart, rel.target)) : null;
  if (!part) {
    const name = edit.freeName('xl/sharedStrings', '.xml', taken);
    const text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="1" uniqueCount="1"><si><t/></si></sst>`;
    return { index: 0, part: name, write: (sink) => sink.text(text), created: true };
  }
  const bytes = edit.pkg.bytes(part) as Uint8Array;
  const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let rootAt = xml.indexOf('<');
  while (rootAt >= 0 && (xml[rootAt + 1] === 0x3f || xml[rootAt + 1] === 0x21)) rootAt = xml.indexOf('<', xml.indexOf('>', rootAt) + 1);
  const rootEnd = xml.indexOf('>', rootAt) + 1;
  const rootTag = xml.subarray(rootAt, rootEnd).toString('latin1');
  const rootName = /^<([^\s/>]+)/.exec(rootTag)?.[1] ?? 'sst';
  const p = rootName.includes(':') ? rootName.slice(0, rootName.indexOf(':') + 1) : '';
  if (xml.indexOf('<!--') >= 0 || xml.indexOf('<![CDATA[') >= 0) throw new PackageEditUnsupported('shared strings with XML comments or CDATA');
  if (rootTag.endsWith('/>')) throw new PackageEditUnsupported('an empty shared strings part');
  const open = Buffer.from(`<${p}si`, 'latin1');
  let count = 0;
  for (let at = xml.indexOf(open, rootEnd); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const next = xml[at + open.length];
    if (next === 0x3e || next === 0x20 || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  const close = xml.lastIndexOf(`</${rootName}`);
  if (close < 0) throw new PackageEditUnsupported('shared strings without their end tag');
  const ours = `<${p}si><${p}t/></${p}si>`;
  if (count > 0 && xml.subarray(Math.max(0, close - ours.length), close).toString('latin1') === ours) return { index: count - 1, part, write: null, created: false };
  const head = /\suniqueCount\s*=\s*("[^"]*"|'[^']*')/.test(rootTag) ? rootTag.replace(/(\suniqueCount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count + 1}"`) : rootTag;
  return {
    index: count,
    part,
    write: (sink) => {
      sink.bytes(xml.subarray(0, rootAt));
      sink.text(head);
      sink.bytes(xml.subarray(rootEnd, close));
      sink.text(ours);
      sink.bytes(xml.subarray(close));
    },
    created: false,
  };
}

/**
 * The notes of a flagged input sheet: a new comments part and VML drawing (and `<legacyDrawing>`, whose
 * relationship id is returned), or, when the sheet has notes already, its comments and drawing with the
 * flags' notes added (a flag on a cell that has a note replaces the note, as ExcelJS's `cell.note`).
 */
function addNotes(edit: Edit, sheetPart: string, notes: Note[], replaced: Map<string, { name: string; text: string }>, added: { part: string; type: string | null }[], taken: Set<string>, block: number): string | null {
  const relsPart = edit.stored(relsPartOf(sheetPart)) ?? relsPartOf(sheetPart);
  const relsXml = edit.text(relsPart) ?? EMPTY_RELS;
  const rels = parseRels(relsXml);
  const comments = rels.find((r) => r.type === REL_TYPE.comments);
  const vml = rels.find((r) => r.type === REL_TYPE.vml);
  if (!comments && !vml) {
    const commentsName = edit.freeName('xl/comments', '.xml', taken);
    const vmlName = edit.freeName('xl/drawings/vmlDrawing', '.vml', taken);
    const next = freeRelIds(relsXml);
    const vmlId = next();
    let text = appendRel(relsXml, vmlId, REL_TYPE.vml, relativeTarget(sheetPart, vmlName));
    text = appendRel(text, next(), REL_TYPE.comments, relativeTarget(sheetPart, commentsName));
    replaced.set(relsPart.toLowerCase(), { name: relsPart, text });
    replaced.set(commentsName.toLowerCase(), { name: commentsName, text: commentsPart(notes) });
    replaced.set(vmlName.toLowerCase(), { name: vmlName, text: vmlPart(notes, block) });
    added.push({ part: commentsName, type: COMMENTS_TYPE }, { part: vmlName, type: null });
    return vmlId;
  }
  if (!comments || !vml) throw new PackageEditUnsupported('a flagged sheet with a VML drawing but no comments (or comments without one)');
  const commentsName = edit.stored(resolveTarget(sheetPart, comments.target));
  const vmlName = edit.stored(resolveTarget(sheetPart, vml.target));
  if (!commentsName || !vmlName) throw new PackageEditUnsupported('a flagged sheet whose notes are missing');
  // Comments: a flagged cell's note replaces its old one; the others are added.
  const cx = edit.text(commentsName) as string;
  const root = parseRoot(cx);
  const p = prefixOf(root.name);
  const list = root.children.find((c) => localName(c.name) === 'commentList');
  const authors = root.children.find((c) => localName(c.name) === 'authors');
  if (!list || list.contentStart === list.end) throw new PackageEditUnsupported('a comments part without its list');
  const existing = childElements(cx, list).filter((c) => localName(c.name) === 'comment');
  const byRef = new Map(existing.map((c) => [(c.attrs.get('ref') ?? '').toUpperCase(), c]));
  const edits: { at: number; end: number; text: string }[] = [];
  // The flags' notes are by the first author (a new "Author" where the part names none).
  const authorId = 0;
  if (!authors || authors.contentStart === authors.end || childElements(cx, authors).length === 0) {
    if (!authors) throw new PackageEditUnsupported('a comments part without authors');
    const n = (l: string) => (p ? `${p}:${l}` : l);
    edits.push({ at: authors.start, end: authors.end, text: `<${n('authors')}><${n('author')}>Author</${n('author')}></${n('authors')}>` });
  }
  const fresh: Note[] = [];
  let appended = '';
  for (const note of notes) {
    const ref = cellRef(note);
    const old = byRef.get(ref);
    if (old) edits.push({ at: old.start, end: old.end, text: commentXml(note, authorId, p) });
    else {
      appended += commentXml(note, authorId, p);
      fresh.push(note);
    }
  }
  const listClose = cx.lastIndexOf('</', list.end - 1);
  edits.push({ at: listClose, end: listClose, text: appended });
  replaced.set(commentsName.toLowerCase(), { name: commentsName, text: splice(cx, edits) });
  if (fresh.length > 0) {
    const vx = edit.text(vmlName) as string;
    const close = vx.lastIndexOf('</xml>');
    if (close < 0) throw new PackageEditUnsupported('a VML drawing without </xml>');
    const ids = [...vx.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
    let id = Math.max(1024 * block, ...ids) + 1;
    const shapes = (vx.includes('_x0000_t202') ? '' : VML_SHAPETYPE) + fresh.map((n) => vmlShape(n, id++)).join('');
    replaced.set(vmlName.toLowerCase(), { name: vmlName, text: vx.slice(0, close) + shapes + vx.slice(close) });
  }
  return null;
}

function cellRef(note: Note): string {
  let col = note.col + 1;
  let letters = '';
  while (col > 0) {
    const m = (col - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    col = Math.floor((col - 1) / 26);
  }
  return `${letters}${note.row + 1}`;
}

/** workbook.xml: the replaced sheets out, the result sheets in, the print names of each. */
function editWorkbook(
  xml: string,
  wb: ReturnType<typeof parseRoot>,
  prefix: string,
  sheetsEl: Element,
  sheets: readonly SheetRef[],
  removed: readonly SheetRef[],
  added: readonly { name: string; rId: string; printArea: string | null; printTitles: string | null }[],
): string {
  const n = (l: string): string => (prefix ? `${prefix}:${l}` : l);
  const relPrefix = wb.ns[NS.rel];
  const rAttr = (id: string): string => (relPrefix ? `${relPrefix}:id="${id}"` : `xmlns:r="${NS.rel}" r:id="${id}"`);
  const edits: { at: number; end: number; text: string }[] = [];
  const removedSet = new Set(removed);
  // Old index → new index (or -1 for a removed sheet).
  const newIndex: number[] = [];
  let k = 0;
  for (const s of sheets) newIndex.push(removedSet.has(s) ? -1 : k++);
  for (const s of removed) edits.push({ at: s.el.start, end: s.el.end, text: '' });
  let maxId = 0;
  for (const s of sheets) maxId = Math.max(maxId, Number(s.el.attrs.get('sheetId')) || 0);
  const sheetsClose = xml.lastIndexOf('</', sheetsEl.end - 1);
  edits.push({ at: sheetsClose, end: sheetsClose, text: added.map((s, i) => `<${n('sheet')} name="${escapeAttr(s.name)}" sheetId="${maxId + 1 + i}" ${rAttr(s.rId)}/>`).join('') });

  // Defined names: a replaced sheet's go, the others follow their sheet's new position.
  const names = wb.children.find((c) => localName(c.name) === 'definedNames');
  const printNames = added.flatMap((s, i) => {
    const index = k + i;
    const out: string[] = [];
    if (s.printArea) out.push(`<${n('definedName')} name="_xlnm.Print_Area" localSheetId="${index}">${escapeText(`${quoteSheet(s.name)}!${s.printArea}`)}</${n('definedName')}>`);
    if (s.printTitles) out.push(`<${n('definedName')} name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(`${quoteSheet(s.name)}!${s.printTitles}`)}</${n('definedName')}>`);
    return out;
  });
  if (names && names.contentStart !== names.end) {
    for (const d of childElements(xml, names)) {
      const local = d.attrs.get('localSheetId');
      if (local === undefined) continue;
      const mapped = newIndex[Number(local)];
      if (mapped === undefined) continue;
      if (mapped < 0) edits.push({ at: d.start, end: d.end, text: '' });
      else if (mapped !== Number(local)) {
        const tag = xml.slice(d.start, d.contentStart);
        edits.push({ at: d.start, end: d.contentStart, text: tag.replace(/(\slocalSheetId\s*=\s*)("[^"]*"|'[^']*')/, `$1"${mapped}"`) });
      }
    }
    const close = xml.lastIndexOf('</', names.end - 1);
    edits.push({ at: close, end: close, text: printNames.join('') });
  } else if (printNames.length > 0) {
    const block = `<${n('definedNames')}>${printNames.join('')}</${n('definedNames')}>`;
    if (names) edits.push({ at: names.start, end: names.end, text: block });
    else {
      // After sheets, functionGroups, externalReferences (CT_Workbook's order).
      let at = sheetsEl.end;
      for (const c of wb.children) if (['functionGroups', 'externalReferences'].includes(localName(c.name))) at = c.end;
      edits.push({ at, end: at, text: block });
    }
  }
  // The workbook view's active and first sheet follow their sheets too.
  const views = wb.children.find((c) => localName(c.name) === 'bookViews');
  if (views && removed.length > 0 && views.contentStart !== views.end) {
    for (const v of childElements(xml, views)) {
      const tag = xml.slice(v.start, v.contentStart === v.end ? v.end : v.contentStart);
      const fixed = tag.replace(/(\s(?:activeTab|firstSheet)\s*=\s*)("[^"]*"|'[^']*')/g, (_m, head: string, q: string) => {
        const old = Number(q.slice(1, -1));
        let mapped = newIndex[old];
        if (mapped === undefined || mapped < 0) mapped = 0;
        return `${head}"${mapped}"`;
      });
      if (fixed !== tag) edits.push({ at: v.start, end: v.start + tag.length, text: fixed });
    }
  }
  return splice(xml, edits);
}

function removeRels(xml: string, ids: Set<string>): string {
  if (ids.size === 0) return xml;
  const root = parseRoot(xml);
  return splice(
    xml,
    root.children.filter((c) => ids.has(c.attrs.get('Id') ?? '')).map((c) => ({ at: c.start, end: c.end, text: '' })),
  );
}

/** [Content_Types].xml: the dropped parts' overrides out, the new parts' in, VML by its extension. */
function editContentTypes(xml: string, dropped: Set<string>, added: readonly { part: string; type: string | null }[]): string {
  const root = parseRoot(xml);
  const edits: { at: number; end: number; text: string }[] = [];
  for (const c of root.children) {
    if (localName(c.name) !== 'Override') continue;
    const part = unescapeXml(c.attrs.get('PartName') ?? '').replace(/^\//, '').toLowerCase();
    if (dropped.has(part)) edits.push({ at: c.start, end: c.end, text: '' });
  }
  const p = prefixOf(root.name);
  const n = (l: string): string => (p ? `${p}:${l}` : l);
  let text = added.filter((a) => a.type).map((a) => `<${n('Override')} PartName="/${escapeAttr(a.part)}" ContentType="${a.type}"/>`).join('');
  const hasVml = root.children.some((c) => localName(c.name) === 'Default' && (c.attrs.get('Extension') ?? '').toLowerCase() === 'vml');
  if (!hasVml && added.some((a) => /\.vml$/i.test(a.part))) text = `<${n('Default')} Extension="vml" ContentType="${VML_TYPE}"/>` + text;
  edits.push({ at: root.closeStart, end: root.closeStart, text });
  return splice(xml, edits);
}
