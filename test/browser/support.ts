/**
 * The task pane's production build and the fake host's bundle (built once before jest by
 * test/browser/bundles.js), served on localhost to Debian's Chromium, for the end-to-end test.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-quic', '--disable-component-update', '--disable-sync'];

export interface BrowserBundles {
  /** The folder of the current build. */
  readonly dir: string;
  /** The pane's production build (dist/ as deployed to `deployUrl`). */
  readonly pane: string;
  /** The fake Excel host for the browser, and the list of the modules webpack put in it. */
  readonly fakeExcel: string;
  readonly fakeExcelModules: string;
  readonly deployUrl: string;
}

/**
 * The bundles of the sources as they are now. A test never builds them (a build in a hook with a
 * time-out fails on a busy machine): missing or stale, the test fails in one line saying what to run.
 */
export function browserBundles(): BrowserBundles {
  // Required here, not at the top: the benchmark compiles this file into bench/build, where bundles.js
  // is not, and uses only the server and the browser's settings.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundles = require('./bundles.js') as { current(): BrowserBundles | null; NOT_BUILT: string };
  const found = bundles.current();
  if (!found) throw new Error(bundles.NOT_BUILT);
  return found;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.css': 'text/css' };

/** A static server for `root` on a free localhost port. */
export async function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://localhost:${port}` };
}
