/**
 * The pane in a real browser, to see what JavaScript it actually loads before it is usable: the built
 * pane served from localhost in Debian's Chromium (as test/browser does), office.js answered by the fake
 * Excel host holding the bundled example, and "usable" = the "Kiểm tra" button is shown and enabled.
 * Every script fetched from localhost until then is listed; office.js (the fake here) is aside.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { FakeExcelHost } from '../test/fake-excel';
import { CHROMIUM, CHROMIUM_ARGS, serve } from '../test/browser/support';
import { BUILD, ROOT } from './paths';

const HOSTED_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface PaneStartup {
  /** Scripts from the pane's own server, in load order, with their gzip -9 size. */
  readonly scripts: readonly { readonly file: string; readonly gzipBytes: number }[];
  /** Milliseconds from navigation to the enabled "Kiểm tra" button, per page load (local server, no network). */
  readonly usableMs: readonly number[];
}

/** One webpack build (the fake host's browser bundle, in production mode as a clerk's pane is). */
function runWebpack(config: object): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as (c: object) => { run(cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: object): string }) => void): void; close(cb: (err?: Error | null) => void): void };
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close((closeErr) => {
        if (err || closeErr) return reject(err ?? closeErr);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      });
    });
  });
}

export async function paneStartup(dist: string, loads: number): Promise<PaneStartup | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no browser at ${CHROMIUM}` };
  const fakePath = join(BUILD, 'fake-excel-browser.js');
  const fakeConfig = require(join(ROOT, 'test', 'fake-excel', 'webpack.browser.js')) as (env: object, argv: object) => object;
  await runWebpack(fakeConfig({ out: fakePath }, { mode: 'production' }));
  const host = await FakeExcelHost.fromXlsx(readFileSync(join(ROOT, 'examples', 'chi-bo-thanh-khe-2017.xlsx')));
  const officeJs = `${readFileSync(fakePath, 'utf8')}\nwindow.__installFakeExcel(${JSON.stringify(host.toSnapshot())});`;
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const usableMs: number[] = [];
  let files: string[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      // A new context each time: nothing cached, as on a clerk's first opening.
      const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
      const page = await context.newPage();
      const loaded: string[] = [];
      let usable = false;
      page.on('response', (r) => {
        if (!usable && r.url().startsWith(url) && r.request().resourceType() === 'script') loaded.push(new URL(r.url()).pathname.replace(/^\//, ''));
      });
      await page.route(HOSTED_OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: officeJs }));
      await page.goto(`${url}/taskpane.html`);
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => !(document.querySelector('button[title^="Kiểm tra"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
      usable = true;
      usableMs.push(await page.evaluate(() => performance.now()));
      files = loaded;
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { scripts: files.map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length })), usableMs };
}
