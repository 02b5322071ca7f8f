/**
 * The task pane's JavaScript: the production build (`npm run build`'s webpack configuration, written to
 * bench/build/dist so that dist/ is left alone), then what taskpane.html loads at startup, gzipped -9.
 * office.js comes from Microsoft's CDN (and Office caches it): it is listed, not counted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILD, ROOT } from './paths';

export interface Script {
  readonly src: string;
  readonly external: boolean;
  readonly bytes: number | null;
  readonly gzipBytes: number | null;
}

export interface BundleResult {
  readonly scripts: readonly Script[];
  /** Other JavaScript in the build that the pane page does not load at startup (lazy chunks, the ribbon command's file). */
  readonly notAtStartup: readonly { readonly file: string; readonly gzipBytes: number; readonly mostly: string }[];
  readonly startupGzipBytes: number;
  readonly startupBytes: number;
  /** Minified bytes of the pane's bundle by package (from its source map), largest first. */
  readonly composition: readonly { readonly pkg: string; readonly bytes: number; readonly share: number }[];
  readonly buildSeconds: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment's VLQ fields. */
function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

function packageOf(source: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return m ? m[1] : /(^|\/)src\//.test(source) ? '(XếpLoại src/)' : 'webpack runtime, other';
}

/**
 * Bytes of the minified bundle by package, from its source map (as source-map-explorer does): each
 * mapped span of generated code is counted for the package of its source.
 */
function composition(js: string, mapPath: string): { pkg: string; bytes: number; share: number }[] {
  if (!existsSync(mapPath)) return [];
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string };
  const lines = js.split('\n');
  const bytes = new Map<string, number>();
  const add = (pkg: string, n: number): void => {
    if (n > 0) bytes.set(pkg, (bytes.get(pkg) ?? 0) + n);
  };
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    const text = lines[i] ?? '';
    let col = 0;
    const segments = line ? line.split(',').map(vlq) : [];
    let last: { col: number; source: number | null } = { col: 0, source: null };
    for (const seg of segments) {
      col += seg[0];
      add(last.source === null ? 'webpack runtime, other' : packageOf(map.sources[last.source]), Buffer.byteLength(text.slice(last.col, col)));
      if (seg.length >= 4) source += seg[1];
      last = { col, source: seg.length >= 4 ? source : null };
    }
    add(last.source === null ? 'webpack runtime, other' : packageOf(map.sources[last.source]), Buffer.byteLength(text.slice(last.col)));
  });
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([pkg, b]) => ({ pkg, bytes: b, share: Math.round((1000 * b) / total) / 1000 }));
}

export function measureBundle(log: (line: string) => void): BundleResult {
  const out = join(BUILD, 'dist');
  rmSync(out, { recursive: true, force: true });
  log('Building the task pane (webpack --mode production, into bench/build/dist)…');
  const t0 = Date.now();
  const res = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', out], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const buildSeconds = (Date.now() - t0) / 1000;
  const html = join(out, 'taskpane.html');
  if (!existsSync(html)) throw new Error(`the task pane build failed (exit ${res.status}): ${(res.stderr || res.stdout || '').slice(-2000)}`);
  const page = readFileSync(html, 'utf8');
  const scripts: Script[] = [...page.matchAll(/<script\b[^>]*?\bsrc=("[^"]*"|'[^']*'|[^\s>]+)[^>]*>/g)].map((m) => {
    const src = m[1].replace(/^["']|["']$/g, '');
    if (/^(https?:)?\/\//.test(src)) return { src, external: true, bytes: null, gzipBytes: null };
    const content = readFileSync(join(out, src.replace(/^\.?\//, '')));
    return { src, external: false, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const loaded = new Set(scripts.map((s) => s.src.replace(/^\.?\//, '')));
  const notAtStartup = readdirSync(out)
    .filter((f) => f.endsWith('.js') && !loaded.has(f))
    .map((file) => {
      const text = readFileSync(join(out, file));
      const top = composition(text.toString('utf8'), join(out, `${file}.map`))[0];
      return { file, gzipBytes: gzipSync(text, { level: 9 }).length, mostly: top ? `${top.pkg} ${Math.round(top.share * 100)} %` : '' };
    });
  const local = scripts.filter((s) => !s.external);
  const pane = local.map((s) => s.src.replace(/^\.?\//, '')).find((f) => f.startsWith('taskpane'));
  return {
    scripts,
    notAtStartup,
    startupGzipBytes: local.reduce((s, x) => s + (x.gzipBytes ?? 0), 0),
    startupBytes: local.reduce((s, x) => s + (x.bytes ?? 0), 0),
    composition: pane ? composition(readFileSync(join(out, pane), 'utf8'), join(out, `${pane}.map`)) : [],
    buildSeconds,
  };
}
