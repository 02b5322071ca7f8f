/**
 * A workbook package rewritten so that ExcelJS (the writer of every copy) loads what the fast reader
 * reads: ExcelJS knows its parts only by their usual names (`xl/workbook.xml`,
 * `xl/worksheets/sheetN.xml`, `xl/sharedStrings.xml`, `xl/styles.xml`), SpreadsheetML elements only
 * without a namespace prefix (`<row>`, not `<x:row>`), cells only with their `r` address, and it
 * reads an ISO `t="d"` cell as the number before the first dash (2017), and it loses an inline string
 * that carries a phonetic reading (`<rPh>`). All of these are legal, and
 * LibreOffice and Excel open them. The rewrite splices text (like the chart writer): everything else in
 * a part stays byte for byte.
 */
import JSZip from 'jszip';
import { columnLetter } from '../../core/grid';
import { isoToSerial } from '../fastRead';
import { NS, Package, officeDocumentPart, parseRels, relativeTarget, relsPartOf, resolveTarget } from './opc';
import { attributes, escapeAttr, parseRoot } from './xml';

/** What was changed, for a message or a test; empty when the package was already fine. */
export interface Normalised {
  readonly bytes: Uint8Array;
  readonly changes: readonly string[];
}

const WORKBOOK = 'xl/workbook.xml';
const FIXED: Record<string, string> = {
  [`${NS.rel}/sharedStrings`]: 'xl/sharedStrings.xml',
  [`${NS.rel}/styles`]: 'xl/styles.xml',
};

/** The package as ExcelJS can load it, or null when nothing needs to change. */
export async function normaliseForExcelJs(bytes: Uint8Array): Promise<Normalised | null> {
  const zip = await JSZip.loadAsync(bytes);
  const pkg = new Package(zip);
  const changes: string[] = [];

  // The workbook part under its usual name, its relationships beside it.
  let workbookPart = await officeDocumentPart(pkg);
  if (workbookPart.toLowerCase() !== WORKBOOK) {
    await movePart(pkg, workbookPart, WORKBOOK);
    const rootRels = await pkg.read('_rels/.rels');
    pkg.write('_rels/.rels', retarget(rootRels, (target) => (resolveTarget('', target).toLowerCase() === workbookPart.toLowerCase() ? WORKBOOK : null)));
    changes.push(`${workbookPart} → ${WORKBOOK}`);
    workbookPart = WORKBOOK;
  }
  const workbookXml = unprefixed(await pkg.read(workbookPart));
  const date1904 = /<workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbookXml.text);
  if (workbookXml.changed) {
    pkg.write(workbookPart, workbookXml.text);
    changes.push(`${workbookPart}: namespace prefix`);
  }

  // Sheets, shared strings and styles under ExcelJS's names, in the workbook's order.
  const relsPart = relsPartOf(workbookPart);
  let relsXml = await pkg.read(relsPart);
  const rels = parseRels(relsXml);
  const sheetOrder = [...workbookXml.text.matchAll(/<sheet\b([^>]*)>/g)].map((m) => attributes(m[1])['r:id'] ?? attributes(m[1]).id ?? '');
  const moves = new Map<string, string>();
  let n = 0;
  for (const id of sheetOrder) {
    const rel = rels.find((r) => r.id === id && r.type === `${NS.rel}/worksheet`);
    if (!rel) continue;
    moves.set(resolveTarget(workbookPart, rel.target), `xl/worksheets/sheet${++n}.xml`);
  }
  for (const rel of rels) {
    const fixed = FIXED[rel.type];
    if (fixed) moves.set(resolveTarget(workbookPart, rel.target), fixed);
  }
  const contents = new Map<string, { text: string; rels: string | null }>();
  for (const from of moves.keys()) {
    const text = await pkg.readOptional(from);
    if (text !== null) contents.set(from, { text, rels: await pkg.readOptional(relsPartOf(from)) });
  }
  // Two passes, so that `sheet2.xml` becoming `sheet1.xml` never overwrites a part still to move.
  for (const [from, to] of moves) {
    if (from.toLowerCase() === to.toLowerCase() || !contents.has(from)) continue;
    pkg.remove(from);
    pkg.remove(relsPartOf(from));
  }
  // Renames go through a name no part has, so that sheet9 → sheet1 and sheet1 → sheet9 in one package
  // do not retarget the same relationship (or content-type override) twice.
  const via = new Map<string, string>();
  for (const [from, to] of moves) {
    const content = contents.get(from);
    if (!content || from.toLowerCase() === to.toLowerCase()) continue;
    const temporary = `xl/worksheets/xeploai-moving-${via.size + 1}.xml`;
    via.set(from, temporary);
    await pkg.rename(from, temporary, content.text);
    relsXml = retarget(relsXml, (target) => (resolveTarget(workbookPart, target) === from ? relativeTarget(workbookPart, temporary) : null));
  }
  for (const [from, to] of moves) {
    const content = contents.get(from);
    if (!content) continue;
    const isSheet = to.startsWith('xl/worksheets/');
    const fixedText = isSheet ? sheetForExcelJs(content.text, date1904) : { ...unprefixed(content.text), notes: [] as string[] };
    const temporary = via.get(from);
    if (temporary !== undefined) {
      await pkg.rename(temporary, to, fixedText.text);
      if (content.rels !== null) pkg.write(relsPartOf(to), retarget(content.rels, (target) => relativeTarget(to, resolveTarget(from, target))));
      relsXml = retarget(relsXml, (target) => (resolveTarget(workbookPart, target) === temporary ? relativeTarget(workbookPart, to) : null));
      changes.push(`${from} → ${to}`);
    } else if (fixedText.changed) pkg.write(to, fixedText.text);
    if (fixedText.changed) changes.push(`${to}: ${fixedText.notes.length ? fixedText.notes.join(', ') : 'namespace prefix'}`);
  }
  // Other SpreadsheetML parts (comments, tables, …) under the same prefix.
  const done = new Set([workbookPart, ...moves.keys(), ...moves.values()].map((p) => p.toLowerCase()));
  for (const part of pkg.parts()) {
    if (!/\.xml$/i.test(part) || done.has(part.toLowerCase())) continue;
    const text = await pkg.readOptional(part);
    if (text === null || !text.includes(NS.main)) continue;
    const plain = unprefixed(text);
    if (!plain.changed) continue;
    pkg.write(part, plain.text);
    changes.push(`${part}: namespace prefix`);
  }
  if (changes.length === 0) return null;
  pkg.write(relsPart, relsXml);
  pkg.flushContentTypes();
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } }), changes };
}

async function movePart(pkg: Package, from: string, to: string): Promise<void> {
  const text = await pkg.read(from);
  const rels = await pkg.readOptional(relsPartOf(from));
  await pkg.rename(from, to, text);
  if (rels !== null) {
    pkg.remove(relsPartOf(from));
    pkg.write(relsPartOf(to), retarget(rels, (target) => relativeTarget(to, resolveTarget(from, target))));
  }
}

/** Rewrites the Target of internal relationships for which `map` gives a new one. */
function retarget(relsXml: string, map: (target: string) => string | null): string {
  return relsXml.replace(/<((?:[\w.-]+:)?Relationship)\b([^>]*?)(\/?)>/g, (whole, name: string, attrs: string, slash: string) => {
    const a = attributes(attrs);
    if (!a.Target || a.TargetMode === 'External') return whole;
    const next = map(a.Target);
    if (next === null || next === a.Target) return whole;
    return `<${name}${attrs.replace(/\bTarget\s*=\s*("[^"]*"|'[^']*')/, `Target="${escapeAttr(next)}"`)}${slash}>`;
  });
}

/**
 * SpreadsheetML's namespace as the default one: `<x:row>` → `<row>` and `xmlns:x="…main"` →
 * `xmlns="…main"`. Only the prefix bound to that namespace on the root element is dropped.
 */
function unprefixed(xml: string): { text: string; changed: boolean } {
  let root: ReturnType<typeof parseRoot>;
  try {
    root = parseRoot(xml);
  } catch {
    return { text: xml, changed: false }; // an empty root element: nothing under a prefix to drop
  }
  const prefix = root.ns[NS.main];
  if (prefix === undefined || prefix === '') return { text: xml, changed: false };
  // A default namespace other than SpreadsheetML's would capture the unprefixed names: leave such a part.
  const defaultNs = Object.entries(root.ns).find(([, p]) => p === '');
  if (defaultNs) return { text: xml, changed: false };
  const escaped = prefix.replace(/[.-]/g, '\\$&');
  let text = xml.replace(new RegExp(`<(/?)${escaped}:`, 'g'), '<$1');
  text = text.replace(new RegExp(`\\sxmlns:${escaped}\\s*=\\s*("[^"]*"|'[^']*')`), (decl) => decl.replace(`xmlns:${prefix}`, 'xmlns'));
  return { text, changed: true };
}

/** A sheet without a namespace prefix, every row and cell with its `r`, `t="d"` cells as serials. */
function sheetForExcelJs(xml: string, date1904: boolean): { text: string; changed: boolean; notes: string[] } {
  const plain = unprefixed(xml);
  const notes: string[] = plain.changed ? ['namespace prefix'] : [];
  let row = 0;
  let col = 0;
  let addedR = false;
  let isoDates = false;
  const text = plain.text.replace(/<(row|c)(?=[\s/>])([^>]*?)(\/?)>(?:(<v>)([^<]*)(<\/v>))?/g, (_whole, tag: string, attrs: string, slash: string, vOpen?: string, v?: string, vClose?: string) => {
    const a = attributes(attrs);
    let out = attrs;
    if (tag === 'row') {
      row = a.r ? Number(a.r) : row + 1;
      col = 0;
      if (!a.r) {
        out = ` r="${row}"${out}`;
        addedR = true;
      }
      return `<row${out}${slash}>`;
    }
    if (a.r) {
      const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a.r);
      if (m) {
        col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        row = Number(m[2]);
      } else col++;
    } else {
      col++;
      out = ` r="${columnLetter(col - 1)}${row}"${out}`;
      addedR = true;
    }
    let value = vOpen !== undefined ? `${vOpen}${v ?? ''}${vClose ?? ''}` : '';
    if (a.t === 'd' && v !== undefined && !slash) {
      const serial = isoToSerial(v, date1904);
      // ExcelJS reads `2017-12-01` as 2017: the serial Excel stores instead, or text that is no date as text.
      out = out.replace(/\st\s*=\s*("d"|'d')/, typeof serial === 'number' ? '' : ' t="inlineStr"');
      value = typeof serial === 'number' ? `<v>${serial}</v>` : `<is><t>${v}</t></is>`;
      isoDates = true;
    }
    return `<c${out}${slash}>${value}`;
  });
  if (addedR) notes.push('r addresses');
  if (isoDates) notes.push('t="d" dates');
  // ExcelJS loses an inline string that carries a phonetic reading (<rPh>, not part of the text).
  let phonetic = false;
  const withoutPhonetic = text.replace(/<is>([\s\S]*?)<\/is>/g, (whole, inner: string) => {
    if (!/<rPh\b|<phoneticPr\b/.test(inner)) return whole;
    phonetic = true;
    return `<is>${inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').replace(/<phoneticPr\b[^>]*\/>/g, '')}</is>`;
  });
  if (phonetic) notes.push('phonetic readings of inline strings');
  return { text: withoutPhonetic, changed: plain.changed || addedR || isoDates || phonetic, notes };
}
