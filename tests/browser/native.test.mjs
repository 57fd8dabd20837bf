// The canvas must feel like a native page (issue 8): IME composition, paste and copy in text
// fields, touch taps and drags, reload and history, and a crisp canvas at devicePixelRatio 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  startServer, launchBrowser, newPage, waitReady, waitIdle, clickMirror, fieldValue, waitForFieldValue, PHONE,
} from './helpers.mjs';

let server;
let browser;
let products;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  products = (await (await fetch(`${server.origin}/api/v1/products?limit=48`)).json()).items;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const role = (page, r, name) => page.locator('#a11y').getByRole(r, { name, exact: true });

// Clicks a text field and waits until its text input (the hidden IME textarea) has the focus.
async function focusField(page, name) {
  await clickMirror(page, role(page, 'textbox', name));
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime', null, { timeout: 5000 });
}

async function open(path, opts) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.origin}/#${path}`);
  await waitReady(page);
  return page;
}

test('Chinese typed through IME composition lands once, without the pinyin', async () => {
  const page = await open('/');
  await focusField(page, 'Search products');
  const cdp = await page.context().newCDPSession(page);
  // Composing "wei yi": the pinyin shows in the IME only, then the chosen characters commit.
  await cdp.send('Input.imeSetComposition', { text: 'wei', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'weiyi', selectionStart: 5, selectionEnd: 5 });
  await waitIdle(page, 150);
  assert.equal(await fieldValue(page, 'Search products'), '', 'nothing lands while composing');
  await cdp.send('Input.insertText', { text: '卫衣' });
  await waitForFieldValue(page, 'Search products', '卫衣');
  await waitIdle(page, 200);
  assert.equal(await fieldValue(page, 'Search products'), '卫衣');
  await page.keyboard.press('Enter');
  await role(page, 'heading', 'Results for “卫衣”').waitFor({ state: 'attached', timeout: 5000 });
  await page.context().close();
});

test('paste from the system clipboard, and copy/cut back to it', async () => {
  const page = await open('/login');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.evaluate(() => navigator.clipboard.writeText('pasted@example.com'));
  await focusField(page, 'Email');
  await page.keyboard.press('Control+V');
  await waitForFieldValue(page, 'Email', 'pasted@example.com');
  await waitIdle(page, 200);
  assert.equal(await fieldValue(page, 'Email'), 'pasted@example.com', 'pasted exactly once');

  await page.keyboard.type('x');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t === 'pasted@example.comx'), null, { timeout: 5000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+X');
  await waitForFieldValue(page, 'Email', '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'pasted@example.comx');
  await page.context().close();
});

test("the mirror follows ImGui's focus: aria-activedescendant names the focused field", async () => {
  const page = await open('/login');
  const focusedName = () => page.evaluate(() => {
    const id = document.getElementById('ime').getAttribute('aria-activedescendant');
    const el = id && document.getElementById(id);
    return el ? el.getAttribute('aria-label') : null;
  });
  await focusField(page, 'Email');
  await page.waitForFunction(() => document.getElementById('canvas').getAttribute('aria-activedescendant'), null, { timeout: 5000 });
  assert.equal(await focusedName(), 'Email');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => {
    const id = document.getElementById('ime').getAttribute('aria-activedescendant');
    return id && document.getElementById(id)?.getAttribute('aria-label') === 'Password';
  }, null, { timeout: 5000 });
  await page.context().close();
});

test('touch: a tap presses the button under the finger once, a drag scrolls, no ghost click', async () => {
  const page = await open('/', { device: PHONE });
  const tapCentre = async (locator) => {
    const box = await locator.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  };
  const product = products.find((p) => p.variants.length === 1 && p.stock > 0);
  const card = role(page, 'link', product.title);
  await card.waitFor({ state: 'attached', timeout: 5000 });

  // A drag moves the list by the finger's distance, and does not open the card it started on.
  await waitIdle(page);
  const before = (await card.boundingBox()).y;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y }] });
  await touch('touchStart', 600);
  for (let y = 580; y >= 300; y -= 20) await touch('touchMove', y);
  await touch('touchEnd');
  await waitIdle(page);
  const after = (await card.boundingBox()).y;
  assert.ok(before - after > 150, `scrolled by ${before - after}px`);
  assert.equal(new URL(page.url()).hash, '#/', 'the drag opened nothing');

  // A tap on the card opens it; the button that appears under the same spot is not pressed.
  await tapCentre(card);
  await role(page, 'heading', product.title).waitFor({ state: 'attached', timeout: 5000 });
  await waitIdle(page);
  assert.equal(await role(page, 'status', 'Cart items: 1').count(), 0, 'no ghost click');
  await tapCentre(role(page, 'button', 'Add to cart'));
  await role(page, 'status', 'Cart items: 1').waitFor({ state: 'attached', timeout: 5000 });
  await waitIdle(page);
  assert.equal(await role(page, 'status', 'Cart items: 2').count(), 0, 'one tap, one press');
  await page.context().close();
});

test('reload restores the screen; back and forward move between screens', async () => {
  const product = products[1];
  const page = await open(`/products/${product.id}`);
  await role(page, 'heading', product.title).waitFor({ state: 'attached', timeout: 5000 });
  await page.reload();
  await waitReady(page);
  await role(page, 'heading', product.title).waitFor({ state: 'attached', timeout: 5000 });
  await clickMirror(page, role(page, 'button', 'Cart'));
  await role(page, 'heading', 'Your cart').waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(new URL(page.url()).hash, '#/cart');
  await page.goBack();
  await role(page, 'heading', product.title).waitFor({ state: 'attached', timeout: 5000 });
  await page.goForward();
  assert.equal(new URL(page.url()).hash, '#/cart');
  await page.reload();
  await waitReady(page);
  assert.equal(new URL(page.url()).hash, '#/cart');
  await page.context().close();
});

test('devicePixelRatio 2 gives a canvas of twice the CSS size', async () => {
  const page = await open('/', { device: { viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 } });
  await waitIdle(page);
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
  });
  assert.equal(size.w, size.cssW * 2);
  assert.equal(size.h, size.cssH * 2);
  await page.context().close();
});

test('a progress bar shows while the wasm downloads, and goes when the store draws', async () => {
  const page = await newPage(browser, { locale: 'zh-CN' });
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${server.origin}/`);
  const boot = page.locator('#boot[role="progressbar"]');
  await boot.waitFor({ timeout: 5000 });
  assert.equal(await page.locator('#boot-label').textContent(), '正在加载…');
  await page.waitForFunction(() => Number(document.getElementById('boot').getAttribute('aria-valuenow')) > 0, null, { timeout: 5000 });
  const during = Number(await boot.getAttribute('aria-valuenow'));
  assert.ok(during > 0 && during < 100, `font counted, wasm not yet (${during}%)`);
  release();
  await waitReady(page);
  assert.equal(await page.locator('#boot').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
