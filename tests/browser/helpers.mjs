// Shared helpers for the browser tests: start the real satstore server on a free port with a
// fresh demo database, launch Chromium (software WebGL2, TOOLCHAIN.md), and drive the canvas
// through the accessibility mirror (#a11y: one transparent element per ImGui item).
import { mkdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer as startApiServer } from '../support/server.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webRoot = process.env.SATSTORE_WEB_ROOT || join(repoRoot, 'build/wasm/web');
export const screenshotDir = join(repoRoot, 'tests/browser/screenshots');

export const DEMO_BUYER = { email: 'buyer@satstore.test', password: 'satstore-demo' };

// Starts `satstore serve --demo` (which seeds the demo catalog and accounts) on a free port with
// a fresh database, through the same helper as the API tests. Returns { origin, log(), stop() }.
export async function startServer() {
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`web bundle missing: ${webRoot} (build build/wasm first)`);
  const srv = await startApiServer({ webRoot });
  return { origin: srv.base, log: srv.output, stop: () => srv.stop() };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader'],
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

// A new page with `locale` ('en-US' or 'zh-CN') that records console errors.
export async function newPage(browser, { locale = 'en-US', device = DESKTOP } = {}) {
  const context = await browser.newContext({ ...device, locale });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  return page;
}

// Loads the app at `#path` with `items` ({key: text}) in the origin's localStorage (a session
// token, a vault, a cart), written before the app's scripts run on the first load, then waits
// for the first frame. Writing them into a running app and reloading raced: the running app saw
// the hash change first and, having no token in its state, sent #/account to #/login before the
// reload (account.test.mjs failed that way about 1 run in 4).
export async function openWithStorage(page, origin, path, items) {
  // Runs before the app's scripts; once per tab (a later reload keeps what the test changed).
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem('satstore.test.seeded')) return;
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    sessionStorage.setItem('satstore.test.seeded', '1');
  }, items);
  await page.goto(`${origin}/#${path}`);
  await waitReady(page);
}

// Waits until the client reports a first frame with data (window.satstore.ready).
export async function waitReady(page, timeout = 20000) {
  await page.waitForFunction(() => window.satstore && window.satstore.ready === true, null, { timeout });
}

// The accessibility mirror, and its elements by role and exact name, or by exact text.
export const a11y = (page) => page.locator('#a11y');
export const role = (page, r, name) => a11y(page).getByRole(r, { name, exact: true });
export const text = (page, t) => a11y(page).getByText(t, { exact: true });

// Clicks the centre of a mirror element (the element itself has pointer-events: none).
export async function clickMirror(page, locator) {
  await locator.waitFor({ state: 'attached' });
  const box = await locator.boundingBox();
  if (!box) throw new Error('mirror element has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

// Scrolls the content (mouse wheel over the canvas) until `locator` is on screen, below the top
// bar: the mirror only holds items inside the visible part of the content. Returns the element.
export async function reveal(page, locator, dy = 300) {
  const vp = page.viewportSize();
  for (let i = 0; i < 30; i++) {
    const box = (await locator.count()) > 0 ? await locator.first().boundingBox() : null;
    if (box && box.y >= 64 && box.y + box.height <= vp.height) return locator.first();
    await page.mouse.move(vp.width / 2, vp.height / 2);
    const down = !box || box.y + box.height > vp.height;
    await page.mouse.wheel(0, down ? dy : -dy);
    await waitIdle(page, 150);
  }
  throw new Error(`could not scroll ${locator} into view`);
}

// Input is applied one event per frame: lets earlier typing land (and the layout settle), then
// scrolls `locator` into view and clicks it.
export async function click(page, locator) {
  await waitIdle(page, 150);
  await clickMirror(page, await reveal(page, locator));
}

// Waits until the canvas has stopped drawing (no frame for `quietMs`).
// Waits until no image is loading and no frame was drawn for `quietMs` (or `timeout` passes).
export async function waitIdle(page, quietMs = 300, timeout = 10000) {
  const deadline = Date.now() + timeout;
  const state = () => page.evaluate(() => [window.satstore.framesDrawn, window.satstore.imagesLoading | 0]);
  let [last] = await state();
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    const [now, loading] = await state();
    if (now !== last || loading > 0) { last = now; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return;
  }
}

// The value the mirror shows for text field `name` (null when there is no such field).
export function fieldValue(page, name) {
  return page.evaluate((n) => {
    const el = [...document.querySelectorAll('#a11y input')].find((e) => e.getAttribute('aria-label') === n);
    return el ? el.value : null;
  }, name);
}

// Waits until text field `name` shows `value`.
export async function waitForFieldValue(page, name, value, timeout = 5000) {
  await page.waitForFunction(([n, v]) => {
    const el = [...document.querySelectorAll('#a11y input')].find((e) => e.getAttribute('aria-label') === n);
    return el && el.value === v;
  }, [name, value], { timeout });
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await waitIdle(page);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

// The pixels of a screen rectangle (CSS px), decoded in the page from a screenshot taken with the
// mouse out of the way: { width, height, data } with data RGBA bytes, row by row.
export async function pixelsIn(page, { x, y, width, height }) {
  await page.mouse.move(0, 0);
  await waitIdle(page, 200);
  const png = await page.screenshot({ clip: { x, y, width, height } });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return { width: c.width, height: c.height, data: [...g.getImageData(0, 0, c.width, c.height).data] };
  }, png.toString('base64'));
}
