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
