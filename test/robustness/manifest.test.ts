/**
 * Privacy (issue 7): the manifest asks for no more than the Excel API needs. Parsed as XML (saxes), so
 * a second <Permissions>, one hidden in a comment's neighbour or an <AppDomains> list is seen as such.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

interface Element {
  readonly path: string;
  readonly attributes: Record<string, string>;
  text: string;
}

function elements(xml: string): Element[] {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  const found: Element[] = [];
  const open: Element[] = [];
  parser.on('opentag', (tag) => {
    stack.push(tag.local);
    const el = { path: stack.join('/'), attributes: Object.fromEntries(Object.values(tag.attributes).filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns').map((a) => [a.local, a.value])), text: '' };
    found.push(el);
    open.push(el);
  });
  parser.on('text', (t) => {
    if (open.length) open[open.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
    open.pop();
  });
  parser.write(xml).close();
  return found;
}

describe('manifest.xml', () => {
  const all = elements(readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8'));

  it('asks for ReadWriteDocument and nothing more (no ReadAllDocument, no WriteDocument on top)', () => {
    const permissions = all.filter((e) => e.path.endsWith('/Permissions'));
    expect(permissions.map((p) => [p.path, p.text.trim()])).toEqual([['OfficeApp/Permissions', 'ReadWriteDocument']]);
  });

  it('lets the pane navigate to no other domain (no AppDomains); every URL it names is on the add-in\'s own origin', () => {
    expect(all.filter((e) => /AppDomains?$/.test(e.path))).toEqual([]);
    const urls = all.flatMap((e) => [...Object.values(e.attributes), e.text]).filter((v) => /^\s*https?:/.test(v));
    expect(urls.length).toBeGreaterThan(3);
    // (webpack.config.js rewrites this one origin to ADDIN_BASE_URL for a deployment.)
    expect(new Set(urls.map((u) => new URL(u.trim()).origin))).toEqual(new Set(['https://localhost:3000']));
  });
});

/**
 * Issue 13: the ribbon reads "Xếp loại / Kiểm tra / Mở bảng" in every Office language, as README and
 * docs/HUONG-DAN.md tell the clerk; English goes in the tooltip of an English Office only.
 */
describe('manifest.xml ribbon words', () => {
  const all = elements(readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8'));
  const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

  /** Every bt:String of a resource list with its DefaultValue and its overrides by locale. */
  function strings(list: 'ShortStrings' | 'LongStrings'): Map<string, { value: string; overrides: Map<string, string> }> {
    const found = new Map<string, { value: string; overrides: Map<string, string> }>();
    let current: { value: string; overrides: Map<string, string> } | null = null;
    for (const e of all) {
      if (e.path.endsWith(`/${list}/String`)) {
        current = { value: e.attributes.DefaultValue, overrides: new Map() };
        found.set(e.attributes.id, current);
      } else if (e.path.endsWith(`/${list}/String/Override`) && current) {
        current.overrides.set(e.attributes.Locale, e.attributes.Value);
      } else if (!e.path.includes(`/${list}/`)) current = null;
    }
    return found;
  }
  const short = strings('ShortStrings');
  const long = strings('LongStrings');
  const labelIds = all.filter((e) => /\/(Group|Control)\/Label$/.test(e.path)).map((e) => e.attributes.resid);
  const tooltipIds = all.filter((e) => e.path.endsWith('/Supertip/Description')).map((e) => e.attributes.resid);
  const titleIds = all.filter((e) => e.path.endsWith('/Supertip/Title')).map((e) => e.attributes.resid);

  it('labels the group and both buttons with the words the guide uses, in Vietnamese for every locale (overrides included)', () => {
    expect(labelIds.map((id) => short.get(id)?.value)).toEqual(['Xếp loại', 'Kiểm tra', 'Mở bảng']);
    for (const id of [...labelIds, ...titleIds]) {
      const s = short.get(id);
      expect(s).toBeDefined();
      expect(s?.value).toMatch(VIETNAMESE);
      // An English (or any other) Office shows the same words: every override repeats the Vietnamese label.
      expect([...(s?.overrides.values() ?? [])].every((v) => v === s?.value)).toBe(true);
      expect(s?.overrides.get('en-US')).toBe(s?.value);
      expect((s?.value ?? '').length).toBeLessThanOrEqual(125);
    }
  });

  it('says what each button does in Vietnamese, and in English too in the tooltip of an English Office (within 250 characters)', () => {
    expect(tooltipIds).toHaveLength(2);
    for (const id of tooltipIds) {
      const s = long.get(id);
      expect(s?.value).toMatch(VIETNAMESE);
      const en = s?.overrides.get('en-US') ?? '';
      expect(en).toMatch(VIETNAMESE);
      expect(en).toMatch(/\((Check|Open pane): [a-z]+ .*\b(the|workbook|cells?)\b.*\)/);
      for (const v of [s?.value ?? '', en]) expect(v.length).toBeLessThanOrEqual(250);
    }
  });

  it('matches the words README.md and docs/HUONG-DAN.md tell the clerk to look for', () => {
    for (const file of ['README.md', join('docs', 'HUONG-DAN.md')]) {
      const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
      for (const label of ['Xếp loại', 'Kiểm tra', 'Mở bảng']) expect({ file, label, found: text.includes(`**${label}**`) }).toEqual({ file, label, found: true });
    }
  });
});
