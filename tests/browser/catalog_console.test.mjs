// Browser tests of the staff console's Catalog (issue 20) against the real server (node --test):
// the demo merchant creates a product in the editor — both languages, Colour × Size options, four
// variants from "Generate variants", prices typed in yuan, initial stock — and saves it active;
// the public catalog then lists it with its variants. A missing title (checked by the core rule
// in the browser) and a SKU another product has (the server's 409) show their messages under
// their fields; a stock adjustment refused below zero and then applied moves the stock and lands
// in the history; leaving with unsaved changes asks first; archive takes it off the public list.
// Screenshots of the list and the editor at 1280×800 and 390×844, English and Chinese.
// (Image upload is not driven here: POST /api/v1/staff/images is not on main yet.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { png } from '../support/images.mjs';
import { call, demoAccounts, login } from '../support/server.mjs';
import {
  startServer, launchBrowser, newPage, waitIdle, clickMirror, reveal, openWithStorage, waitForFieldValue, screenshot, PHONE, a11y, role, text,
} from './helpers.mjs';

const T = 15000;
let server;
let browser;
let api;
let merchant;
let category;
let takenSku;
const made = {};

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = `${server.origin}/api/v1`;
  merchant = await login(api, demoAccounts.merchant);
  category = (await call(`${api}/store`)).body.categories[0];
  takenSku = (await call(`${api}/products?limit=1`)).body.items[0].variants[0].sku;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});


// The mirror holds only what is on screen and reveal() scrolls down while it sees nothing: an
// item above the fold is found by starting from the top of the long editor page.
async function find(page, locator) {
  await waitIdle(page, 150);
  if ((await locator.count()) === 0) {
    const vp = page.viewportSize();
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, -20000);
    await waitIdle(page, 300);
  }
  return reveal(page, locator);
}

async function press(page, locator) {
  await clickMirror(page, await find(page, locator));
}

async function typeInto(page, name, value) {
  await press(page, role(page, 'textbox', name));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await waitForFieldValue(page, name, value, T);
}

// True when the mirror element `below` sits right under the field `field` (its message).
async function assertUnder(page, fieldName, message) {
  let field = await find(page, role(page, 'textbox', fieldName));
  const vp = page.viewportSize();
  const at = await field.boundingBox();
  if (at.y > vp.height / 2) {  // bring the field up so the line under it is on screen too
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, at.y - vp.height / 3);
    await waitIdle(page, 200);
    field = await find(page, role(page, 'textbox', fieldName));
  }
  const msg = text(page, message).first();
  await msg.waitFor({ state: 'attached', timeout: T });
  const f = await field.boundingBox();
  const m = await msg.boundingBox();
  assert.ok(m.y >= f.y + f.height - 2 && m.y - (f.y + f.height) < 40, `"${message}" sits under ${fieldName}`);
  assert.ok(Math.abs(m.x - f.x) < 4, `"${message}" lines up with ${fieldName}`);
}

const combos = [['Black', 'M'], ['Black', 'L'], ['Orange', 'M'], ['Orange', 'L']];

test('the merchant creates a product with Colour × Size variants, adjusts its stock and archives it', async () => {
  const page = await newPage(browser);
  await openWithStorage(page, server.origin, '/staff/products', { 'satstore.token': merchant });
  await role(page, 'heading', 'Catalog').waitFor({ state: 'attached', timeout: T });
  await role(page, 'tab', 'Catalog').waitFor({ state: 'attached', timeout: T });
  await text(page, 'Active').first().waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'catalog-list-desktop-en');

  await press(page, role(page, 'button', 'New product'));
  await role(page, 'heading', 'New product').waitFor({ state: 'attached', timeout: T });

  // Saving without a title: the core draft rule refuses in the browser, under the field.
  await press(page, role(page, 'button', 'Save').first());
  await text(page, 'Check the fields marked in red.').first().waitFor({ state: 'attached', timeout: T });
  await assertUnder(page, 'Title', 'Required.');

  const title = `Console Tee ${randomUUID().slice(0, 8)}`;
  made.title = title;
  await typeInto(page, 'Title', title);
  await typeInto(page, 'Title (Chinese)', '控制台T恤');
  await typeInto(page, 'Description', 'A soft tee made in the console.');
  await typeInto(page, 'Description (Chinese)', '在控制台里做的柔软T恤。');
  await press(page, role(page, 'option', category.title));
  await press(page, role(page, 'option', 'Active'));

  await press(page, role(page, 'button', '+ Add option'));
  await press(page, role(page, 'button', '+ Add option'));
  await typeInto(page, 'Option 1 name', 'Colour');
  await typeInto(page, 'Option 1 values', 'Black, Orange');
  await typeInto(page, 'Option 1 name (Chinese)', '颜色');
  await typeInto(page, 'Option 1 values (Chinese)', '黑色, 橙色');
  await typeInto(page, 'Option 2 name', 'Size');
  await typeInto(page, 'Option 2 values', 'M, L');
  await typeInto(page, 'Option 2 name (Chinese)', '尺码');
  await typeInto(page, 'Option 2 values (Chinese)', 'M, L');
  await press(page, role(page, 'button', 'Generate variants'));
  await text(page, '4 variants added.').waitFor({ state: 'attached', timeout: T });

  const skuBase = `tee-${randomUUID().slice(0, 6)}`;
  for (const [i, [colour, size]] of combos.entries()) {
    const label = `${colour} / ${size}`;
    // The first row first takes a SKU another product has: the server's 409 names the field.
    await typeInto(page, `SKU ${label}`, i === 0 ? takenSku : `${skuBase}-${colour}-${size}`.toLowerCase());
    await typeInto(page, `Price (CNY) ${label}`, colour === 'Black' ? '129.90' : '139');
    await typeInto(page, `Initial stock ${label}`, String(5 + i));
  }
  // An image uploaded from the computer joins the gallery (resized on the server).
  const chooser = page.waitForEvent('filechooser', { timeout: T });
  await press(page, role(page, 'button', 'Upload image'));
  await (await chooser).setFiles({ name: 'tee.png', mimeType: 'image/png', buffer: png(900, 700, 3) });
  await a11y(page).getByRole('img', { name: 'Image 1', exact: true }).waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => ![...document.querySelectorAll('#a11y *')].some((e) => /Uploading/.test(e.textContent)), null, { timeout: 30000 });
  await press(page, role(page, 'button', 'Save').first());
  await assertUnder(page, 'SKU Black / M', 'Another product has this SKU.');
  await screenshot(page, 'catalog-editor-error-desktop-en');

  await typeInto(page, 'SKU Black / M', `${skuBase}-black-m`);
  await press(page, role(page, 'button', 'Save').first());
  await page.waitForFunction(() => /^#\/staff\/products\/prd_[0-9a-z_]+$/i.test(location.hash), null, { timeout: T });
  made.id = new URL(page.url()).hash.split('/')[3];
  await role(page, 'heading', title).waitFor({ state: 'attached', timeout: T });

  // The public catalog lists it with its four variants, prices in minor units, both languages.
  const listed = (await call(`${api}/products?limit=100`)).body.items.find((p) => p.id === made.id);
  assert.ok(listed, 'the active product is in the public catalog');
  assert.equal(listed.images.length, 1);
  assert.match(listed.images[0], /^\/media\/[0-9a-f]{64}-900\.webp$/, 'the uploaded image, its widest rendition 900 px');
  assert.equal(listed.title, title);
  assert.equal(listed.i18n['zh-CN'].title, '控制台T恤');
  assert.equal(listed.category, category.slug);
  assert.deepEqual(listed.options.map((o) => [o.name, o.values, o.i18n['zh-CN'].name, o.i18n['zh-CN'].values]),
    [['Colour', ['Black', 'Orange'], '颜色', ['黑色', '橙色']], ['Size', ['M', 'L'], '尺码', ['M', 'L']]]);
  assert.deepEqual(listed.variants.map((v) => [v.options.join('/'), v.price.amount, v.stock]),
    [['Black/M', '12990', 5], ['Black/L', '12990', 6], ['Orange/M', '13900', 7], ['Orange/L', '13900', 8]]);
  made.blackM = listed.variants[0].id;
  await screenshot(page, 'catalog-editor-desktop-en');

  // Stock: below zero is refused and says how many there are; +3 received moves it to 8.
  await press(page, role(page, 'button', 'Adjust stock: Black / M'));
  await page.waitForTimeout(500);
  await find(page, role(page, 'heading', 'Stock history'));
  await typeInto(page, 'Amount', '-10');
  await press(page, role(page, 'button', 'Apply'));
  await assertUnder(page, 'Amount', 'Only 5 in stock: stock cannot go below zero.');
  await typeInto(page, 'Amount', '3');
  await typeInto(page, 'Note (optional)', 'new delivery');
  await press(page, role(page, 'button', 'Apply'));
  await text(page, 'Stock is now 8.').waitFor({ state: 'attached', timeout: T });
  await find(page, text(page, '+3'));
  await find(page, text(page, '→ 8'));
  const history = (await call(`${api}/staff/variants/${made.blackM}/stock`, { token: merchant })).body;
  assert.equal(history.stock, 8);
  assert.equal(history.items[0].delta, 3);
  assert.equal(history.items[0].reason, 'received');
  assert.equal(history.items[0].actor_email, demoAccounts.merchant);
  await screenshot(page, 'catalog-stock-desktop-en');

  // Unsaved changes: leaving asks; "Keep editing" stays, "Discard changes" leaves.
  await typeInto(page, 'Title', `${title} v2`);
  await press(page, role(page, 'link', '← Back to the catalog'));
  await role(page, 'button', 'Keep editing').waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'catalog-leave-desktop-en');
  await press(page, role(page, 'button', 'Keep editing'));
  await waitIdle(page, 300);
  assert.match(new URL(page.url()).hash, /^#\/staff\/products\/prd_/);
  await typeInto(page, 'Title', title);  // back to the saved text: nothing unsaved

  // Archive (with its confirmation): off the public list, still readable as archived.
  await press(page, role(page, 'button', 'Archive').first());
  await text(page, 'Archive this product?').waitFor({ state: 'attached', timeout: T });
  await press(page, role(page, 'button', 'Archive').last());
  await text(page, 'Product archived.').waitFor({ state: 'attached', timeout: T });
  const publicList = (await call(`${api}/products?limit=100`)).body.items;
  assert.ok(!publicList.some((p) => p.id === made.id), 'archived products leave the public catalog');
  assert.equal((await call(`${api}/products/${made.id}`)).body.status, 'archived');
  await find(page, role(page, 'button', 'Restore'));

  await press(page, role(page, 'link', '← Back to the catalog'));
  await role(page, 'heading', 'Catalog').waitFor({ state: 'attached', timeout: T });
  await press(page, role(page, 'tab', 'Archived'));
  await role(page, 'link', title).waitFor({ state: 'attached', timeout: T });
  // The browser logs the two refusals the test asked for (SKU taken, stock below zero).
  assert.deepEqual(page.consoleErrors.filter((e) => !e.includes('status of 409')), []);
});

test('商品管理的中文界面：列表和编辑页（桌面和手机）', async () => {
  assert.ok(made.id, 'the first test made a product');
  for (const [device, name] of [[undefined, 'desktop'], [PHONE, 'phone']]) {
    const page = await newPage(browser, { locale: 'zh-CN', ...(device ? { device } : {}) });
    await openWithStorage(page, server.origin, '/staff/products', { 'satstore.token': merchant });
    await role(page, 'heading', '商品管理').waitFor({ state: 'attached', timeout: T });
    await text(page, '新建商品').waitFor({ state: 'attached', timeout: T });
    await screenshot(page, `catalog-list-${name}-zh`);
    await page.goto(`${server.origin}/#/staff/products/${made.id}`);
    await role(page, 'heading', '控制台T恤').waitFor({ state: 'attached', timeout: T });
    await find(page, text(page, '黑色 / M'));
    await screenshot(page, `catalog-editor-${name}-zh`);
    await reveal(page, role(page, 'heading', '预览（买家所见）'), 700);  // below the gallery and four variants
    await screenshot(page, `catalog-preview-${name}-zh`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  }
});

test('the editor on a phone (English)', async () => {
  const page = await newPage(browser, { device: PHONE });
  await openWithStorage(page, server.origin, `/staff/products/${made.id}`, { 'satstore.token': merchant });
  await role(page, 'heading', made.title).waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'catalog-editor-phone-en');
  await page.goto(`${server.origin}/#/staff/products`);
  await role(page, 'heading', 'Catalog').waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'catalog-list-phone-en');
  assert.deepEqual(page.consoleErrors, []);
});
