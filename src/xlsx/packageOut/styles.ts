/**
 * The workbook's styles.xml with the styles the checked copy needs appended: every existing font, fill,
 * border, number format and cell format keeps its index (the input cells' `s` stay valid), the new ones
 * follow. Two kinds: the result sheets' cell styles (from the core's CellStyle) and the flags' (a copy of
 * an input cell's format with a solid fill, as the ExcelJS path gives the flagged cell its own style).
 */
import { type CellStyle, FONT_NAME } from '../../core/output/layout';
import { PackageEditUnsupported } from './errors';
import { childElements, type Element, escapeAttr, localName, parseRoot, prefixOf, type Root } from '../package/xml';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** The sections of CT_Stylesheet, in their schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** A minimal stylesheet, for a package that has none (Excel needs one once cells carry a style). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface Section {
  readonly el: Element | null;
  readonly children: Element[];
  readonly added: string[];
}

export class StyleBook {
  private readonly root: Root;
  private readonly p: string;
  private readonly sections = new Map<string, Section>();
  private readonly keys = new Map<string, number>();
  private readonly byObject = new WeakMap<CellStyle, number>();
  private readonly byFields = new Map<string, number>();
  private readonly flagXfs = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly numFmts = new Map<string, number>();
  private readonly hasCellStyleXfs: boolean;

  constructor(private readonly xml: string) {
    try {
      this.root = parseRoot(xml);
    } catch (err) {
      throw new PackageEditUnsupported(`styles.xml: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.p = prefixOf(this.root.name);
    for (const name of ORDER.slice(0, 6)) {
      const el = this.root.children.find((c) => localName(c.name) === name) ?? null;
      const children = el ? childElements(xml, el).filter((c) => !c.name.startsWith('!')) : [];
      this.sections.set(name, { el, children, added: [] });
    }
    this.hasCellStyleXfs = (this.sections.get('cellStyleXfs') as Section).children.length > 0;
    // An entry the stylesheet already has, written as this book writes it (by an earlier copy), is reused:
    // checking a checked copy again does not grow its styles.
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs']) {
      (this.sections.get(name) as Section).children.forEach((c, i) => {
        const key = `${name}\u0000${xml.slice(c.start, c.end)}`;
        if (!this.keys.has(key)) this.keys.set(key, i);
      });
    }
    for (const nf of (this.sections.get('numFmts') as Section).children) {
      const id = Number(nf.attrs.get('numFmtId'));
      if (Number.isFinite(id) && id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
    // Excel reserves fills 0 and 1 (none, gray125): a package without them gets them first.
    const fills = this.sections.get('fills') as Section;
    if (fills.children.length === 0) fills.added.push(this.tag('fill', `<${this.n('patternFill')} patternType="none"/>`), this.tag('fill', `<${this.n('patternFill')} patternType="gray125"/>`));
    for (const name of ['fonts', 'borders']) {
      const s = this.sections.get(name) as Section;
      if (s.children.length === 0) s.added.push(name === 'fonts' ? this.tag('font', `<${this.n('sz')} val="11"/><${this.n('name')} val="Calibri"/>`) : this.tag('border', ''));
    }
    const xfs = this.sections.get('cellXfs') as Section;
    if (xfs.children.length === 0) xfs.added.push(`<${this.n('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
  }

  /** An element name in the stylesheet's namespace prefix. */
  private n(local: string): string {
    return this.p ? `${this.p}:${local}` : local;
  }

  private tag(local: string, inner: string, attrs = ''): string {
    return `<${this.n(local)}${attrs}>${inner}</${this.n(local)}>`;
  }

  private count(name: string): number {
    const s = this.sections.get(name) as Section;
    return s.children.length + s.added.length;
  }

  private add(name: string, xml: string): number {
    const key = `${name}\u0000${xml}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const index = this.count(name);
    (this.sections.get(name) as Section).added.push(xml);
    this.keys.set(key, index);
    return index;
  }

  private numFmt(code: string): number {
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(code, id);
      (this.sections.get('numFmts') as Section).added.push(`<${this.n('numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private fill(hex: string): number {
    return this.add('fills', this.tag('fill', this.tag('patternFill', `<${this.n('fgColor')} rgb="${argb(hex)}"/>`, ' patternType="solid"')));
  }

  /** The cell format of a result-sheet cell (as renderLayout gives ExcelJS: font, top alignment, fill, thin borders). */
  xf(style: CellStyle | undefined, numFmt?: string): number {
    if (!style && numFmt === undefined) return 0;
    if (style && numFmt === undefined) {
      const known = this.byObject.get(style);
      if (known !== undefined) return known;
    }
    // The builders spread styles into new objects ({ ...SCREEN, wrap: false } on every row): known by their fields.
    const s = style ?? {};
    const fields = `${style ? 1 : 0}${s.bold ? 1 : 0}${s.italic ? 1 : 0}${s.underline ? 1 : 0}${s.wrap ? 1 : 0}${s.border ? 1 : 0}|${s.size}|${s.color}|${s.fill}|${s.align}|${numFmt}`;
    const same = this.byFields.get(fields);
    if (same !== undefined) {
      if (style && numFmt === undefined) this.byObject.set(style, same);
      return same;
    }
    const font =
      (s.bold ? `<${this.n('b')}/>` : '') +
      (s.italic ? `<${this.n('i')}/>` : '') +
      (s.underline ? `<${this.n('u')}/>` : '') +
      (s.color ? `<${this.n('color')} rgb="${argb(s.color)}"/>` : '') +
      `<${this.n('sz')} val="${s.size ?? 12}"/>` +
      `<${this.n('name')} val="${escapeAttr(FONT_NAME)}"/>`;
    const fontId = style ? this.add('fonts', this.tag('font', font)) : 0;
    const fillId = s.fill ? this.fill(s.fill) : 0;
    const borderId = s.border ? this.add('borders', this.tag('border', ['left', 'right', 'top', 'bottom'].map((side) => `<${this.n(side)} style="thin"/>`).join('') + `<${this.n('diagonal')}/>`)) : 0;
    const numFmtId = numFmt === undefined ? 0 : this.numFmt(numFmt);
    const alignment = style ? `<${this.n('alignment')}${s.align ? ` horizontal="${s.align}"` : ''} vertical="top"${s.wrap ? ' wrapText="1"' : ''}/>` : '';
    const applies = `${numFmt !== undefined ? ' applyNumberFormat="1"' : ''}${style ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${style ? ' applyAlignment="1"' : ''}`;
    const attrs = ` numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${this.hasCellStyleXfs ? ' xfId="0"' : ''}${applies}`;
    const index = this.add('cellXfs', alignment ? this.tag('xf', alignment, attrs) : `<${this.n('xf')}${attrs}/>`);
    if (style && numFmt === undefined) this.byObject.set(style, index);
    this.byFields.set(fields, index);
    return index;
  }

  /** A flagged input cell's format: its own format (`xf`, the cell's `s`) with a solid fill of `hex`. */
  flagged(xf: number, hex: string): number {
    const key = `${xf}\u0000${hex}`;
    const known = this.flagXfs.get(key);
    if (known !== undefined) return known;
    const fillId = this.fill(hex);
    const xfs = this.sections.get('cellXfs') as Section;
    const original = xfs.children[xf] ?? xfs.children[0];
    let xml: string;
    if (!original) xml = `<${this.n('xf')} numFmtId="0" fontId="0" fillId="${fillId}" borderId="0" applyFill="1"/>`;
    else {
      const text = this.xml.slice(original.start, original.end);
      const end = text.indexOf('>');
      let head = text.slice(0, end + 1);
      head = /\sfillId\s*=\s*("[^"]*"|'[^']*')/.test(head) ? head.replace(/(\sfillId\s*=\s*)("[^"]*"|'[^']*')/, `$1"${fillId}"`) : head.replace(/^(<[^\s/>]+)/, `$1 fillId="${fillId}"`);
      head = /\sapplyFill\s*=\s*("[^"]*"|'[^']*')/.test(head) ? head.replace(/(\sapplyFill\s*=\s*)("[^"]*"|'[^']*')/, '$1"1"') : head.replace(/^(<[^\s/>]+)/, '$1 applyFill="1"');
      xml = head + text.slice(end + 1);
    }
    const index = this.add('cellXfs', xml);
    this.flagXfs.set(key, index);
    return index;
  }

  /** Has anything been added? */
  get changed(): boolean {
    return [...this.sections.values()].some((s) => s.added.length > 0);
  }

  /** The stylesheet with the new entries after the old ones, each section's count updated. */
  text(): string {
    const xml = this.xml;
    const edits: { at: number; end: number; text: string }[] = [];
    const missing: string[] = [];
    for (const [name, s] of this.sections) {
      if (s.added.length === 0) continue;
      const total = s.children.length + s.added.length;
      if (!s.el) {
        missing.push(`<${this.n(name)} count="${total}">${s.added.join('')}</${this.n(name)}>`);
        // Inserted before the first section that follows it in the schema's order.
        const after = ORDER.slice(ORDER.indexOf(name) + 1);
        const next = this.root.children.find((c) => after.includes(localName(c.name)));
        edits.push({ at: next ? next.start : this.root.closeStart, end: next ? next.start : this.root.closeStart, text: missing.pop() as string });
        continue;
      }
      const startTag = xml.slice(s.el.start, s.el.contentStart);
      const selfClosing = s.el.contentStart === s.el.end && startTag.endsWith('/>');
      const withCount = /\scount\s*=\s*("[^"]*"|'[^']*')/.test(startTag)
        ? startTag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${total}"`)
        : startTag.replace(/^(<[^\s/>]+)/, `$1 count="${total}"`);
      if (selfClosing) {
        edits.push({ at: s.el.start, end: s.el.end, text: `${withCount.replace(/\s*\/>$/, '>')}${s.added.join('')}</${s.el.name}>` });
      } else {
        const close = xml.lastIndexOf('</', s.el.end - 1);
        edits.push({ at: s.el.start, end: s.el.contentStart, text: withCount });
        edits.push({ at: close, end: close, text: s.added.join('') });
      }
    }
    edits.sort((a, b) => a.at - b.at || a.end - b.end);
    let out = '';
    let pos = 0;
    for (const e of edits) {
      out += xml.slice(pos, e.at) + e.text;
      pos = e.end;
    }
    return out + xml.slice(pos);
  }
}
