// Every character renders (issue 19): text typed through IME composition and paste, an address
// confirmed and shown on the order, and product titles served by the API draw real glyphs — the
// hanzi of GB 2312 from the bundled font, anything else (Traditional characters, rare names,
// emoji) through the browser's fonts — never the missing-glyph fallback. Checked from canvas
// pixels: strings that differ only in characters the old 1,131-character font lacked must not
// render identically (the fallback draws each of them as the same "?").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServer as startApiServer, call } from '../support/server.mjs';
import { newBuyer } from '../support/buyer.mjs';
import {
  launchBrowser, newPage, waitReady, waitIdle, clickMirror, click, openWithStorage, waitForFieldValue,
  fieldValue, repoRoot, webRoot, DESKTOP, PHONE,
} from './helpers.mjs';

// Same-length strings whose characters the old font lacked: GB 2312 hanzi (now in the bundled
// font), Traditional characters and emoji (drawn by the browser).
const PAIRS = {
  gb2312: ['浦朝阳徐', '淀楼栋室'],
  rare: ['鄞琊邗浦', '邗鄞琊淀'],
  traditional: ['臺灣復興', '區龍彌機'],
  emoji: ['🙂🍜', '🚚📦'],
};
// Pairs of product titles: rare GB 2312 hanzi (the bundled font), Traditional (the browser).
const TITLES = [['鄞琊邗茶杯', '邗鄞琊茶杯'], ['臺灣復興杯', '區龍彌機杯']];

let server;
let browser;
let assets;
let api;
let products;

before(async () => {
  // A catalog with two products whose titles only the new font path can draw, served by the API.
  assets = mkdtempSync(join(tmpdir(), 'satstore-glyphs-'));
  cpSync(join(repoRoot, 'assets'), assets, { recursive: true });
  const catalog = JSON.parse(readFileSync(join(assets, 'demo/catalog.json'), 'utf8'));
  const base = catalog.products[0];
  TITLES.flat().forEach((title, i) => catalog.products.push({
    ...base, sku: `sku-glyph-${i}`, title, zh_title: title, stock: 50,
  }));
  writeFileSync(join(assets, 'demo/catalog.json'), JSON.stringify(catalog));
  const srv = await startApiServer({ webRoot, assetsRoot: assets });
  server = { origin: srv.base, stop: () => srv.stop() };
  api = `${server.origin}/api/v1`;
  browser = await launchBrowser();
  products = (await call(`${api}/products?limit=100`)).body.items;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (assets) rmSync(assets, { recursive: true, force: true });
});

const role = (page, r, name) => page.locator('#a11y').getByRole(r, { name, exact: true });

// The pixels of a screen rectangle, as PNG bytes (identical pixels give identical bytes).
async function pixels(page, { x, y, width, height }) {
  await page.mouse.move(0, 0);  // no hover highlight
  await waitIdle(page, 200);
  return page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) } });
}

async function box(locator) {
  await locator.waitFor({ state: 'attached', timeout: 10000 });
  return locator.boundingBox();
}

// Clicks text field `name` and waits until ImGui has focused it (the mirror's
// aria-activedescendant names it), so what is typed next lands there and not in the last field.
async function focusField(page, name) {
  const field = role(page, 'textbox', name);
  await field.waitFor({ state: 'attached', timeout: 10000 });
  const b = await field.boundingBox();
  if (b && b.y >= 0 && b.y + b.height <= page.viewportSize().height) await clickMirror(page, field);
  else await click(page, field);
  await page.waitForFunction((n) => {
    const ime = document.getElementById('ime');
    const id = ime && document.activeElement === ime && ime.getAttribute('aria-activedescendant');
    return id && document.getElementById(id)?.getAttribute('aria-label') === n;
  }, name, { timeout: 5000 });
}

async function clearField(page, name) {
  await focusField(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitForFieldValue(page, name, '');
}

// Types `text` as a Chinese IME does: composition (pinyin shown by the IME only), then commit.
async function imeType(page, text) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'pin', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'pinyin', selectionStart: 6, selectionEnd: 6 });
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

// The interior of a text field: its text (and caret), no border.
async function fieldPixels(page, name) {
  const b = await box(role(page, 'textbox', name));
  return pixels(page, { x: b.x + 4, y: b.y + 4, width: Math.min(160, b.width - 8), height: b.height - 8 });
}

for (const [device, label] of [[DESKTOP, 'desktop'], [PHONE, 'phone 390×844@3']]) test(`typed and pasted text draws every character: GB 2312, rare, Traditional, emoji (${label})`, async () => {
  const page = await newPage(browser, { device });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(`${server.origin}/#/login`);
  await waitReady(page);
  const field = 'Email';
  const shots = {};
  const render = async (label, text, how) => {
    await clearField(page, field);
    if (how === 'ime') await imeType(page, text); else await paste(page, text);
    await waitForFieldValue(page, field, text);
    shots[label] = await fieldPixels(page, field);
  };
  await clearField(page, field);
  shots.empty = await fieldPixels(page, field);
  await render('fallback', '????', 'ime');
  for (const [kind, [a, b]] of Object.entries(PAIRS)) {
    await render(`${kind} a`, a, 'ime');
    await render(`${kind} b`, b, 'paste');
  }
  const atlas = await page.evaluate(() => window.satstore.atlas);
  console.log(`${label}: atlas after typing: ${atlas.width}×${atlas.height}, ${atlas.glyphs} font glyphs + ` +
    `${atlas.browserGlyphs} drawn by the browser, last build ${atlas.buildMs.toFixed(1)} ms (${atlas.builds} builds)`);
  assert.ok(atlas.browserGlyphs > 0, 'characters outside the font were drawn by the browser');
  const labels = Object.keys(shots);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      assert.ok(!shots[labels[i]].equals(shots[labels[j]]), `"${labels[i]}" and "${labels[j]}" render identically`);
    }
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an address typed through IME and paste is confirmed, ordered and drawn on the order', async () => {
  const buyer = await newBuyer({ registerApi: api });
  const product = products.find((p) => p.variants.length === 1 && p.stock > 5 && !TITLES.flat().includes(p.title));
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await openWithStorage(page, server.origin, '/checkout', {
    'satstore.token': buyer.token, 'satstore.cart': JSON.stringify([{ product_id: product.id, qty: 1 }]),
  });
  await role(page, 'heading', 'Shipping address').waitFor({ state: 'attached', timeout: 10000 });
  const address = {
    name: '邗琊', phone: '+86 138 0013 8000', region: '浙江省', city: '宁波市', district: '鄞州区',
    street: '臺灣復興 浦朝阳徐淀路8号楼3栋1201室', postal_code: '315100',
  };
  await click(page, role(page, 'button', 'Country'));
  // click() lets the popup settle first: ImGui lays a new popup out unseen in its first frame.
  await click(page, page.locator('#a11y').getByRole('option', { name: /^(CN|China)$/ }));
  await waitIdle(page, 300);
  const typed = [['Full name', address.name, 'ime'], ['Phone', address.phone, 'paste'],
    ['Province / state', address.region, 'ime'], ['City', address.city, 'paste'],
    ['District', address.district, 'ime'], ['Street address', address.street, 'paste'],
    ['Postal code', address.postal_code, 'paste']];
  for (const [name, value, how] of typed) {
    await clearField(page, name);
    if (how === 'ime') await imeType(page, value); else await paste(page, value);
    await waitForFieldValue(page, name, value);
  }
  assert.equal(await fieldValue(page, 'Street address'), address.street);
  await click(page, role(page, 'button', 'Confirm address'));
  await waitIdle(page, 300);
  await page.mouse.wheel(0, -3000);
  await role(page, 'link', 'Edit').waitFor({ state: 'attached', timeout: 20000 });
  await click(page, role(page, 'button', 'Place order'));
  await page.waitForFunction(() => /^#\/orders\/ord_[0-9a-f]+/.test(location.hash), null, { timeout: 10000 });
  const orderId = new URL(page.url()).hash.split('/')[2];
  const order = (await call(`${api}/orders/${orderId}`, { token: buyer.token })).body;
  assert.equal(order.ship_to.street, address.street);
  assert.equal(order.ship_to.name, address.name);

  // A second order whose street differs only in Traditional characters (drawn by the browser): on
  // the order page both streets sit at the same place and must not draw the same pixels.
  const other = { ...address, country: 'CN', street: '區龍彌機 浦朝阳徐淀路8号楼3栋1201室' };
  const second = await call(`${api}/orders`, {
    method: 'POST', token: buyer.token, headers: { 'idempotency-key': `glyphs-${orderId}` },
    body: { lines: [{ product_id: product.id, qty: 1 }], ship_to: other, pay_currency: 'BTC', lang: 'en' },
  });
  assert.equal(second.status, 201, JSON.stringify(second.body));
  const streetPixels = async ({ id, number }, street) => {
    await page.goto(`${server.origin}/#/orders/${id}`);
    await role(page, 'heading', `Order ${number}`).waitFor({ state: 'attached', timeout: 10000 });
    await waitIdle(page, 300);
    const item = page.locator('#a11y').getByText(street, { exact: false }).first();
    const b = await box(item);
    return pixels(page, { x: b.x, y: b.y, width: Math.min(b.width, 300), height: b.height });
  };
  const a = await streetPixels(order, address.street);
  const b = await streetPixels(second.body, other.street);
  assert.ok(!a.equals(b), 'the two streets render identically (missing glyphs)');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('product titles served by the API draw their characters', async () => {
  const page = await newPage(browser);
  for (const pair of TITLES) {
    const shots = [];
    for (const title of pair) {
      const p = products.find((x) => x.title === title);
      assert.ok(p, `the catalog serves "${title}"`);
      await page.goto(`${server.origin}/#/products/${p.id}`);
      await waitReady(page);
      const b = await box(role(page, 'heading', title));
      shots.push(await pixels(page, { x: b.x, y: b.y, width: b.width, height: b.height }));
    }
    assert.ok(!shots[0].equals(shots[1]), `"${pair[0]}" and "${pair[1]}" render identically (missing glyphs)`);
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
