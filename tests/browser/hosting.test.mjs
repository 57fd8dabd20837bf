// Deployment shapes beyond the embedded default (SPEC "Deployment shapes", issue 8): the bundle
// served by an unrelated static file server with config.json naming the API origin, and the
// embed widget on a third-party page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launchBrowser, newPage, waitReady, waitIdle, clickMirror, webRoot, screenshotDir } from './helpers.mjs';
import { startServer as startApi } from '../support/server.mjs';
import { startStatic } from '../support/static.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const mirror = (frame, role, name) => frame.locator('#a11y').getByRole(role, { name, exact: true });

test('the bundle works from any static host; config.json names the API and CORS admits it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'satstore-static-'));
  cpSync(webRoot, dir, { recursive: true });
  const host = await startStatic({ root: dir });
  const api = await startApi({ webRoot, args: ['--cors-origins', host.origin] });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ api_origin: api.base }));
  try {
    const products = (await (await fetch(`${api.api}/products?limit=4`)).json()).items;
    const page = await newPage(browser);
    const apiCalls = [];
    page.on('request', (r) => { if (r.url().startsWith(`${api.base}/api/`)) apiCalls.push(r.url()); });
    await page.goto(`${host.origin}/`);
    await waitReady(page);
    await mirror(page, 'link', products[0].title).waitFor({ state: 'attached', timeout: 10000 });
    await waitIdle(page);
    assert.ok(apiCalls.some((u) => u.includes('/api/v1/products')), 'the catalog came from the API origin');
    const images = await page.evaluate(() => window.satstore.imagesLoading | 0);
    assert.equal(images, 0);
    assert.deepEqual(page.consoleErrors, [], 'no CORS or loading errors');

    // A static host the API does not list is refused by CORS: the app shows its API-down page.
    const other = await startStatic({ root: dir });
    try {
      const refused = await newPage(browser);
      await refused.goto(`${other.origin}/`);
      await mirror(refused, 'button', 'Retry').waitFor({ state: 'attached', timeout: 15000 });
      await refused.context().close();
    } finally {
      await other.stop();
    }
    await page.context().close();
  } finally {
    await api.stop();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the widget opens the store in an iframe, reports cart changes to the host, and leaves the host page working', async () => {
  const hostPages = {};
  const host = await startStatic({ pages: hostPages });
  const api = await startApi({ webRoot, args: ['--cors-origins', host.origin] });
  try {
    const product = (await (await fetch(`${api.api}/products?limit=48`)).json()).items.find((p) => p.variants.length === 1 && p.stock > 0);
    hostPages['/'] = `<!doctype html><html><head><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,"></head>
<body style="margin:0;font:16px sans-serif">
  <p>My favourite hoodie:</p>
  <input id="note" value=""> <button id="after">Next</button>
  <div id="shop" style="width:720px"></div>
  <script>window.events = [];
    document.addEventListener('satstore:cart_changed', (e) => window.events.push(['cart_changed', e.detail]));
    document.addEventListener('satstore:order_paid', (e) => window.events.push(['order_paid', e.detail]));</script>
  <script src="${api.base}/widget.js" data-store-url="${api.base}/" data-product="${product.id}" data-target="#shop" data-height="600px"></script>
</body></html>`;
    const page = await newPage(browser);
    await page.goto(`${host.origin}/`);
    const iframe = page.locator('#shop iframe');
    await iframe.waitFor({ timeout: 10000 });
    assert.equal(await iframe.evaluate((f) => Math.round(f.getBoundingClientRect().width)), 720, 'sized by its container');
    const src = new URL(await iframe.getAttribute('src'));
    assert.equal(src.origin, api.base);
    assert.equal(src.searchParams.get('embed_origin'), host.origin);
    const store = page.frameLocator('#shop iframe');
    await mirror(store, 'heading', product.title).waitFor({ state: 'attached', timeout: 20000 });

    // The store lives under its own origin: the host cannot read its storage or DOM.
    const reach = await page.evaluate(() => {
      try { return document.querySelector('#shop iframe').contentWindow.localStorage.length; } catch (e) { return e.name; }
    });
    assert.equal(reach, 'SecurityError');

    // Forged events (not from the store's iframe) are ignored.
    await page.evaluate(() => window.postMessage({ source: 'satstore', type: 'cart_changed', detail: { items: 99 } }, '*'));
    await clickMirror(page, mirror(store, 'button', 'Add to cart'));
    await page.waitForFunction(() => window.events.length > 0, null, { timeout: 10000 });
    const events = await page.evaluate(() => window.events);
    assert.deepEqual(events, [['cart_changed', {
      items: 1, lines: [{ product_id: product.id, variant_id: product.variants[0].id, qty: 1, price: Number(product.variants[0].price.amount) }],
    }]]);

    // The host's own field keeps its keyboard: typing, Backspace, Tab to the next element.
    await page.click('#note');
    await page.keyboard.type('abc');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#note'), 'ab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'after');
    // And the host page still scrolls with the wheel outside the widget.
    await page.setViewportSize({ width: 800, height: 400 });
    await page.mouse.move(760, 20);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'widget-host.png') });
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  } finally {
    await api.stop();
    await host.stop();
  }
});
