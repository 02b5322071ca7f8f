/**
 * The Open Packaging Conventions around a workbook's parts: namespaces, relationships, part names, and
 * an editable package (JSZip) whose parts are changed by splicing text, so that everything else in a
 * part stays byte for byte. Used by the chart writer and by the normaliser that lets ExcelJS load what
 * the fast reader reads.
 */
import type JSZip from 'jszip';
import { attributes, childElements, escapeAttr, localName, nsDeclarations, parseRoot, tokens, unescapeXml } from './xml';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
};

// ---------------------------------------------------------------------------------------------------
// The package: parts by case-insensitive name (OPC part names are), content types written once.

export const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;

export class Package {
  private readonly names = new Map<string, string>();
  private contentTypes: string | null = null;

  constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.names.set(name.toLowerCase(), name);
  }

  /** Every part's name, as stored. */
  parts(): string[] {
    return [...this.names.values()];
  }

  has(part: string): boolean {
    return this.names.has(part.toLowerCase());
  }

  async readOptional(part: string): Promise<string | null> {
    const name = this.names.get(part.toLowerCase());
    const file = name === undefined ? null : this.zip.file(name);
    return file ? file.async('string') : null;
  }

  async read(part: string): Promise<string> {
    const text = await this.readOptional(part);
    if (text === null) throw new Error(`The workbook has no part ${part}`);
    return text;
  }

  write(part: string, text: string): void {
    const name = this.names.get(part.toLowerCase()) ?? part;
    this.names.set(part.toLowerCase(), name);
    this.zip.file(name, text);
  }

  /** `xl/charts/chart` + `.xml` → the first `xl/charts/chartN.xml` not yet in the package. */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  async addOverride(part: string, contentType: string): Promise<void> {
    this.contentTypes ??= await this.read('[Content_Types].xml');
    const root = parseRoot(this.contentTypes);
    const partName = `/${part}`;
    const already = root.children.some((c) => localName(c.name) === 'Override' && (c.attrs.get('PartName') ?? '').toLowerCase() === partName.toLowerCase());
    if (already) return;
    const override = `<Override PartName="${escapeAttr(partName)}" ContentType="${contentType}"/>`;
    this.contentTypes = this.contentTypes.slice(0, root.closeStart) + override + this.contentTypes.slice(root.closeStart);
  }

  flushContentTypes(): void {
    if (this.contentTypes !== null) this.write('[Content_Types].xml', this.contentTypes);
  }

  remove(part: string): void {
    const name = this.names.get(part.toLowerCase());
    if (name === undefined) return;
    this.zip.remove(name);
    this.names.delete(part.toLowerCase());
  }

  /** Renames a part, and its Override in [Content_Types].xml (a Default by extension needs nothing). */
  async rename(from: string, to: string, text: string): Promise<void> {
    this.remove(from);
    this.write(to, text);
    this.contentTypes ??= await this.readOptional('[Content_Types].xml');
    if (this.contentTypes === null) return;
    const root = parseRoot(this.contentTypes);
    const wanted = `/${from}`.toLowerCase();
    const override = root.children.find((c) => localName(c.name) === 'Override' && unescapeXml(c.attrs.get('PartName') ?? '').toLowerCase() === wanted);
    if (!override) return;
    const tag = this.contentTypes.slice(override.start, override.end);
    const renamed = tag.replace(/PartName\s*=\s*("[^"]*"|'[^']*')/, `PartName="${escapeAttr(`/${to}`)}"`);
    this.contentTypes = this.contentTypes.slice(0, override.start) + renamed + this.contentTypes.slice(override.end);
  }
}

// ---------------------------------------------------------------------------------------------------
// Relationships and part names.

export interface Rel {
  id: string;
  type: string;
  target: string;
}

export function parseRels(xml: string): Rel[] {
  const root = parseRoot(xml);
  return root.children
    .filter((c) => localName(c.name) === 'Relationship' && c.attrs.get('TargetMode') !== 'External')
    .map((c) => ({ id: c.attrs.get('Id') ?? '', type: c.attrs.get('Type') ?? '', target: unescapeXml(c.attrs.get('Target') ?? '') }));
}

export function freeRelId(relsXml: string): string {
  const ids = new Set(parseRoot(relsXml).children.map((c) => c.attrs.get('Id')));
  for (let n = 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

export function appendRel(relsXml: string, id: string, type: string, target: string): string {
  const root = parseRoot(relsXml);
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
  return relsXml.slice(0, root.closeStart) + rel + relsXml.slice(root.closeStart);
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target (relative to the source part's folder, or absolute from the package root) → a part name. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The target that leads from `sourcePart` to `targetPart`, e.g. `../drawings/drawing1.xml`. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

/** A relationship as the fast reader needs it: its target resolved to a part name. */
export interface Relationship {
  readonly target: string;
  readonly type: string;
}

/** The internal relationships of a `.rels` part of `sourcePart` ('' for the package's own), by id. */
export function relationships(xml: string | null, sourcePart: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  for (const t of tokens(xml)) {
    if (t.close || t.name !== 'Relationship') continue;
    const a = attributes(t.attrs);
    if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
    out.set(a.Id, { target: resolveTarget(sourcePart, a.Target), type: a.Type ?? '' });
  }
  return out;
}

/** The value of the `r:id` attribute, whatever prefix the relationships namespace has. */
export function relIdOf(attrs: Map<string, string>, ns: Record<string, string>): string {
  const prefix = ns[NS.rel] ?? 'r';
  const id = attrs.get(`${prefix}:id`);
  if (id === undefined) throw new Error(`Element has no ${prefix}:id attribute`);
  return id;
}


/** The part of the worksheet the user knows as `sheet` (case-insensitive, composed or not). */
export async function findSheetPart(pkg: Package, sheet: string): Promise<string> {
  const workbookPart = await officeDocumentPart(pkg);
  const workbook = parseRoot(await pkg.read(workbookPart));
  const sheetsEl = workbook.children.find((c) => localName(c.name) === 'sheets');
  const sheets = sheetsEl ? childElements(workbook.xml, sheetsEl).filter((c) => localName(c.name) === 'sheet') : [];
  const named = sheets.map((s) => ({ name: unescapeXml(s.attrs.get('name') ?? ''), rId: relIdOf(s.attrs, { ...workbook.ns, ...nsDeclarations(s.attrs) }) }));
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
  // Excel's sheet names are case-insensitive; Vietnamese text may come composed or decomposed.
  const found = named.find((s) => s.name === sheet) ?? named.find((s) => fold(s.name) === fold(sheet));
  if (!found) throw new Error(`No sheet named "${sheet}" (sheets: ${named.map((s) => `"${s.name}"`).join(', ')})`);
  const rel = parseRels(await pkg.read(relsPartOf(workbookPart))).find((r) => r.id === found.rId);
  if (!rel) throw new Error(`Sheet "${sheet}" refers to a missing relationship ${found.rId}`);
  if (rel.type !== `${NS.rel}/worksheet`) throw new Error(`Sheet "${sheet}" is not a worksheet (${rel.type})`);
  return resolveTarget(workbookPart, rel.target);
}

export async function officeDocumentPart(pkg: Package): Promise<string> {
  const rels = parseRels(await pkg.read('_rels/.rels'));
  const main = rels.find((r) => r.type === `${NS.rel}/officeDocument`);
  return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
}
