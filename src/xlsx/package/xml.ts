/**
 * The XML the package readers and editors need, without a DOM: a streaming tokenizer for reading values
 * (the fast reader) and a scanner of the root element and its children with offsets, so that parts are
 * edited by splicing text (the chart writer, the normaliser of packages for ExcelJS).
 */

// ---------------------------------------------------------------------------------------------------
// Reading: entities, attributes, tokens.

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as a parser gives it: entities decoded, line ends normalised. */
export function xmlText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.includes('&')) {
    text = text.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
      named ? NAMED[named] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex as string, 16)),
    );
  }
  return text;
}

/** ExcelJS's second decoding of a formula's string result (`t="str"`), kept so both readers agree. */
export function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c, name: string) => NAMED[name] ?? c);
}

/** `_x000D_`-style escapes of shared and rich text (upper-case hex, as ExcelJS reads them). */
export function unescapeX(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** A tag's attributes, namespace prefixes dropped except `r:` and `xml:` (which name different things). */
export function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  const length = source.length;
  let i = 0;
  while (i < length) {
    const eq = source.indexOf('=', i);
    if (eq < 0) break;
    const name = source.slice(i, eq).trim();
    let q = eq + 1;
    while (q < length && source.charCodeAt(q) !== 34 && source.charCodeAt(q) !== 39) q++;
    if (q >= length) break;
    const end = source.indexOf(source[q], q + 1);
    if (end < 0) break;
    const raw = source.slice(q + 1, end);
    const colon = name.indexOf(':');
    const key = colon >= 0 && !name.startsWith('xml:') && !name.startsWith('r:') ? name.slice(colon + 1) : name;
    out[key] = raw.includes('&') ? xmlText(raw) : raw;
    i = end + 1;
  }
  return out;
}

/**
 * The values `attributes(source)` gives for `names`, without its object of every attribute: `out[k]` is
 * what `attributes(source)[names[k]]` is (the last of equal names; undefined when absent).
 */
export function attributeValues(source: string, names: readonly string[], out: (string | undefined)[]): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
  const length = source.length;
  let i = 0;
  while (i < length) {
    const eq = source.indexOf('=', i);
    if (eq < 0) break;
    let q = eq + 1;
    while (q < length && source.charCodeAt(q) !== 34 && source.charCodeAt(q) !== 39) q++;
    if (q >= length) break;
    const end = source.indexOf(source[q], q + 1);
    if (end < 0) break;
    const name = source.slice(i, eq).trim();
    const colon = name.indexOf(':');
    const key = colon >= 0 && !name.startsWith('xml:') && !name.startsWith('r:') ? name.slice(colon + 1) : name;
    const k = names.indexOf(key);
    if (k >= 0) {
      const raw = source.slice(q + 1, end);
      out[k] = raw.includes('&') ? xmlText(raw) : raw;
    }
    i = end + 1;
  }
}

/** One tag or one run of text; tag names without their namespace prefix. */
const TOKEN = /<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s+[^>]*?)?)(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;

export interface Token {
  readonly close: boolean;
  readonly name: string;
  readonly attrs: string;
  readonly selfClosing: boolean;
  readonly text: string | null;
}

/**
 * The tags `tokens(xml)` gives, in the same order, each as one call: no object per token, and the text
 * between tags (which `tokens` decodes) skipped.
 */
export function forEachTag(xml: string, visit: (close: boolean, name: string, attrs: string, selfClosing: boolean) => void): void {
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) if (m[2] !== undefined) visit(m[1] === '/', m[2], m[3], m[4] === '/');
}

export function* tokens(xml: string, from = 0, to = xml.length): Generator<Token> {
  const re = new RegExp(TOKEN.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (m[6] !== undefined) yield { close: false, name: '', attrs: '', selfClosing: false, text: xmlText(m[6]) };
    else if (m[5] !== undefined) yield { close: false, name: '', attrs: '', selfClosing: false, text: m[5] };
    else if (m[2] !== undefined) yield { close: m[1] === '/', name: m[2], attrs: m[3], selfClosing: m[4] === '/', text: null };
  }
}

// ---------------------------------------------------------------------------------------------------
// A small XML scanner: the root element and its direct children, with offsets, so parts are edited by
// splicing text (everything else in a part is kept byte for byte). Handles comments, CDATA, processing
// instructions and `>` inside quoted attribute values.

export interface Element {
  name: string;
  attrs: Map<string, string>;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the element (after its end tag, or after `/>`). */
  end: number;
  /** Offset just after the start tag's `>`. */
  contentStart: number;
}

export interface Root extends Element {
  xml: string;
  children: Element[];
  /** Offset of the root's end tag `</…>`. */
  closeStart: number;
  /** Namespace URI → prefix ('' for the default namespace) as declared on the root. */
  ns: Record<string, string>;
}

export interface Tag {
  kind: 'open' | 'close' | 'empty';
  name: string;
  start: number;
  end: number;
  body: string;
}

export function* scanTags(xml: string, from = 0): Generator<Tag> {
  let i = from;
  while ((i = xml.indexOf('<', i)) !== -1) {
    if (xml.startsWith('<!--', i)) i = skipPast(xml, '-->', i);
    else if (xml.startsWith('<![CDATA[', i)) i = skipPast(xml, ']]>', i);
    else if (xml.startsWith('<?', i)) i = skipPast(xml, '?>', i);
    else if (xml.startsWith('<!', i)) i = skipPast(xml, '>', i);
    else {
      let j = i + 1;
      let quote = '';
      for (; j < xml.length; j++) {
        const ch = xml[j];
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      if (j >= xml.length) throw new Error('Malformed XML: unterminated tag');
      const raw = xml.slice(i + 1, j);
      const close = raw.startsWith('/');
      const empty = !close && raw.endsWith('/');
      const body = close ? raw.slice(1) : empty ? raw.slice(0, -1) : raw;
      const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
      yield { kind: close ? 'close' : empty ? 'empty' : 'open', name, start: i, end: j + 1, body };
      i = j + 1;
    }
  }
}

function skipPast(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at === -1) throw new Error(`Malformed XML: no ${token}`);
  return at + token.length;
}

export function parseAttrs(body: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) attrs.set(m[1], m[3] ?? m[4]);
  return attrs;
}

/** The direct children of `parent` (which starts at parent.start in xml). */
export function childElements(xml: string, parent: Element): Element[] {
  const children: Element[] = [];
  if (parent.contentStart === parent.end) return children; // <parent/>
  let depth = 0;
  let current: Element | null = null;
  for (const tag of scanTags(xml, parent.contentStart)) {
    if (tag.kind === 'close') {
      if (depth === 0) break; // the parent's end tag
      depth--;
      if (depth === 0 && current) {
        current.end = tag.end;
        children.push(current);
        current = null;
      }
    } else if (depth === 0) {
      const el: Element = { name: tag.name, attrs: parseAttrs(tag.body), start: tag.start, end: tag.end, contentStart: tag.end };
      if (tag.kind === 'empty') children.push(el);
      else {
        current = el;
        depth = 1;
      }
    } else if (tag.kind === 'open') depth++;
  }
  return children;
}

export function parseRoot(xml: string): Root {
  const first = scanTags(xml).next();
  if (first.done) throw new Error('Malformed XML: no root element');
  const tag = first.value;
  const attrs = parseAttrs(tag.body);
  const el: Element = { name: tag.name, attrs, start: tag.start, end: tag.end, contentStart: tag.end };
  if (tag.kind === 'empty') throw new Error(`<${tag.name}/> is empty: cannot add to it`);
  const closeStart = xml.lastIndexOf(`</${tag.name}`);
  if (closeStart < tag.end) throw new Error(`Malformed XML: no </${tag.name}>`);
  el.end = xml.indexOf('>', closeStart) + 1;
  return { ...el, xml, children: childElements(xml, el), closeStart, ns: nsDeclarations(attrs) };
}

export function nsDeclarations(attrs: Map<string, string>): Record<string, string> {
  const ns: Record<string, string> = {};
  for (const [k, v] of attrs) {
    if (k === 'xmlns') ns[v] = '';
    else if (k.startsWith('xmlns:')) ns[v] = k.slice(6);
  }
  return ns;
}

export function localName(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}

export function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? '' : qname.slice(0, colon);
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function escapeText(s: string): string {
  // Characters XML 1.0 does not allow at all are dropped (a stray control character would make the part unreadable).
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
