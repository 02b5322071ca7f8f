/**
 * The fake Excel host for a real browser page (an end-to-end test of the task pane in Chromium).
 * Bundled by webpack.browser.js into one script; loaded before the add-in's bundle (in place of the
 * hosted office.js), it defines
 *
 *   window.__installFakeExcel(snapshot, options?) → host
 *
 * which builds a host from a workbook snapshot (`FakeExcelHost#toSnapshot()` in Node, as an object or
 * its JSON text), installs it as the page's `Excel`, `Office` and `OfficeExtension`, and keeps it on
 * `window.__fakeExcelHost` so a test can inspect it with `page.evaluate`:
 *
 *   await page.evaluate(() => window.__fakeExcelHost.getSelection());
 *   await page.evaluate(() => window.__fakeExcelHost.stats.syncs);
 *
 * Only host.ts and what it imports end up here: no ExcelJS, nothing from Node.
 */
import { type FakeExcelOptions, FakeExcelHostCore } from './host';

export interface BrowserInstallOptions extends FakeExcelOptions {
  /** Define Excel/Office/OfficeExtension on the page (default true). */
  readonly globals?: boolean;
}

interface FakeExcelWindow {
  __installFakeExcel?: (snapshot: unknown, options?: BrowserInstallOptions) => FakeExcelHostCore;
  __fakeExcelHost?: FakeExcelHostCore;
  __uninstallFakeExcel?: () => void;
}

declare global {
  // What the bundle adds to the page, for `page.evaluate(() => window.__fakeExcelHost!.getSelection())`.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Window extends FakeExcelWindow {}
}

export function installFakeExcel(snapshot: unknown, options: BrowserInstallOptions = {}): FakeExcelHostCore {
  const page = (typeof window !== 'undefined' ? window : globalThis) as unknown as FakeExcelWindow;
  page.__uninstallFakeExcel?.();
  const { globals = true, ...hostOptions } = options;
  const host = FakeExcelHostCore.fromSnapshot(snapshot, hostOptions);
  const restore = globals ? host.installGlobals(page) : () => undefined;
  page.__fakeExcelHost = host;
  page.__uninstallFakeExcel = () => {
    restore();
    delete page.__fakeExcelHost;
    delete page.__uninstallFakeExcel;
  };
  return host;
}

const target = (typeof window !== 'undefined' ? window : globalThis) as unknown as FakeExcelWindow;
target.__installFakeExcel = installFakeExcel;
