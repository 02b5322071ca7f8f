/**
 * Issue 13: README and docs point only to files in the repository. Every relative link and image in
 * README.md and docs/*.md names a file that exists in the tree, every #anchor names a heading (GitHub's
 * slug) or an <a id> of its target, and nothing points at the workspace outside the clone (../shared).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** GitHub's heading anchor: the rendered text, lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const h = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (h) {
      const base = slug(h[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n ? `${base}-${n}` : base);
    }
  }
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(m[1]);
  return anchors;
}

/** Links outside code: [text](target) and ![alt](target). */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

describe('README.md and docs/*.md link only inside the repository', () => {
  it.each(FILES)('%s names no path outside the clone (../shared, spec or seeds of the workspace)', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared|shared\/(spec|seeds)/);
  });

  it.each(FILES)('%s: every relative link and image exists, and every anchor is a heading or <a id> of its target', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const broken: string[] = [];
    for (const link of linksOf(text)) {
      if (/^(https?:|mailto:)/.test(link)) continue;
      const [path, anchor] = link.split('#');
      const target = path ? join(ROOT, dirname(file), decodeURI(path)) : join(ROOT, file);
      if (!existsSync(target)) {
        broken.push(`${link} (no file ${relative(ROOT, target)})`);
        continue;
      }
      if (anchor && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(decodeURIComponent(anchor))) broken.push(`${link} (no anchor)`);
    }
    expect(broken).toEqual([]);
  });

  it('docs/HUONG-DAN.md shows every screenshot of the pane and the papers the issue asks for', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'HUONG-DAN.md'), 'utf8');
    for (const image of ['pane-sau-kiem-tra', 'pane-cai-dat', 'pane-ngay-hop', 'paper-kq-dang-vien', 'paper-kq-chi-bo', 'paper-tong-hop', 'paper-bien-ban', 'paper-phieu-lan-1']) {
      expect(guide).toContain(`](images/${image}.png)`);
    }
  });

  it('README opens in Vietnamese for the clerk, points to the guide and keeps its two commands as they are', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const opening = readme.slice(0, readme.indexOf('\n## '));
    expect(opening).toMatch(/XếpLoại không bao giờ sửa những gì bạn đã gõ/);
    expect(opening).toContain('(docs/HUONG-DAN.md)');
    expect(readme).toContain('npm run setup && npx xeploai check examples/chi-bo-thanh-khe-2017.xlsx --out ket-qua.xlsx\n');
    expect(readme).toContain('```sh\nnpm test\n```');
  });
});
