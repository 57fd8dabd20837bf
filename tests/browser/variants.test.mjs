// Browser tests of products sold in several ways (issue 20): the catalog shows one card per
// product ("From …", "Choose options"); the product page picks a variant option by option —
// price, stock and image follow, a sold-out combination says so — and the cart, checkout and
// the placed order keep the variant. In English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { call, demoAccounts, login } from '../support/server.mjs';
import { address } from '../support/buyer.mjs';
import {
  startServer, launchBrowser, newPage, waitReady, waitIdle, click, openWithStorage, waitForFieldValue, screenshot, a11y, role, text,
} from './helpers.mjs';

const T = 15000;
let server;
let browser;
let api;
let hoodie;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = `${server.origin}/api/v1`;
  const items = (await call(`${api}/products?limit=100`)).body.items;
  hoodie = items.find((p) => p.options.length === 2 && p.variants.some((v) => v.stock === 0));
  assert.ok(hoodie, 'the demo catalog has a product with two options and a sold-out variant');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const yuan = (amount) => `¥${(Number(amount) / 100).toFixed(2)}`;
const variantWith = (values) => hoodie.variants.find((v) => v.options.join('|') === values.join('|'));

test('a buyer picks a variant on the product page, and the cart, checkout and order keep it', async () => {
  const token = await login(api, demoAccounts.buyer);
  assert.ok([200, 201].includes((await call(`${api}/me/addresses`, { method: 'POST', token, body: address })).status));
  const page = await newPage(browser);
  await openWithStorage(page, server.origin, '/', { 'satstore.token': token });

  // One card for the product, which sends the buyer to its page to choose.
  await role(page, 'link', hoodie.title).waitFor({ state: 'attached', timeout: T });
  assert.equal(await a11y(page).getByRole('link', { name: /Satoshi Hoodie,/ }).count(), 0, 'no card per colour or size');

  await page.goto(`${server.origin}/#/products/${hoodie.id}`);
  await role(page, 'heading', hoodie.title).waitFor({ state: 'attached', timeout: T });
  for (const name of ['Black', 'Orange', 'M', 'L']) await role(page, 'option', name).waitFor({ state: 'attached', timeout: T });
  await click(page, role(page, 'option', 'Orange'));
  // Orange L is sold out: the choice says so; Orange M is what the buyer takes.
  await role(page, 'option', 'L (sold out)').waitFor({ state: 'attached', timeout: T });
  await click(page, role(page, 'option', 'M'));
  const orangeM = variantWith(['Orange', 'M']);
  await text(page, yuan(orangeM.price.amount)).waitFor({ state: 'attached', timeout: T });
  await text(page, `Only ${orangeM.stock} left`).waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'product-variants-desktop-en');
  await click(page, role(page, 'button', 'Add to cart'));
  await role(page, 'status', 'Cart items: 1').waitFor({ state: 'attached', timeout: T });

  // The same product in another variant is another line.
  await click(page, role(page, 'option', 'Black'));
  await click(page, role(page, 'button', 'Add to cart'));
  await role(page, 'status', 'Cart items: 2').waitFor({ state: 'attached', timeout: T });
  const cart = JSON.parse(await page.evaluate(() => localStorage.getItem('satstore.cart')));
  assert.deepEqual(cart.map((l) => l.variant_id), [orangeM.id, variantWith(['Black', 'M']).id]);

  await page.goto(`${server.origin}/#/cart`);
  await text(page, 'Orange / M').waitFor({ state: 'attached', timeout: T });
  await text(page, 'Black / M').waitFor({ state: 'attached', timeout: T });
  await click(page, role(page, 'button', 'Checkout'));
  await waitForFieldValue(page, 'Street address', address.street, T);
  await click(page, role(page, 'button', 'Confirm address'));
  await waitIdle(page, 300);
  await text(page, `${hoodie.title} (Orange / M) × 1`).waitFor({ state: 'attached', timeout: T });
  await click(page, role(page, 'button', 'Place order'));
  await page.waitForFunction(() => /^#\/orders\/ord_[0-9a-f]+\/placed$/.test(location.hash), null, { timeout: T });
  const orderId = new URL(page.url()).hash.split('/')[2];
  const order = (await call(`${api}/orders/${orderId}`, { token })).body;
  assert.deepEqual(order.lines.map((l) => [l.variant_id, l.variant]), [[orangeM.id, 'Orange / M'], [variantWith(['Black', 'M']).id, 'Black / M']]);
  const after = (await call(`${api}/products/${hoodie.id}`)).body;
  assert.equal(after.variants.find((v) => v.id === orangeM.id).stock, orangeM.stock - 1, 'the variant ordered lost a unit');
  await text(page, `${hoodie.title} (Orange / M) × 1`).waitFor({ state: 'attached', timeout: T });
  assert.deepEqual(page.consoleErrors, []);
});

test('在中文界面里选款式：选项、售罄提示和价格都是中文', async () => {
  const page = await newPage(browser, { locale: 'zh-CN' });
  await page.goto(`${server.origin}/#/products/${hoodie.id}`);
  await waitReady(page);
  await role(page, 'heading', hoodie.i18n['zh-CN'].title).waitFor({ state: 'attached', timeout: T });
  await text(page, '颜色').waitFor({ state: 'attached', timeout: T });
  await text(page, '尺码').waitFor({ state: 'attached', timeout: T });
  await click(page, role(page, 'option', '橙色'));
  await role(page, 'option', 'L（已售罄）').waitFor({ state: 'attached', timeout: T });
  await click(page, role(page, 'option', 'L（已售罄）'));
  await text(page, '已售罄').waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'product-variants-desktop-zh');
  assert.deepEqual(page.consoleErrors, []);
});

test('a price changed after the buyer filled the cart shows both prices, and checkout waits until it is accepted', async () => {
  const merchant = await login(api, demoAccounts.merchant);
  const product = (await call(`${api}/products/${hoodie.id}`)).body;
  const blackL = product.variants.find((v) => v.options.join('|') === 'Black|L');
  const page = await newPage(browser);
  await openWithStorage(page, server.origin, '/cart', {
    'satstore.cart': JSON.stringify([{ product_id: product.id, variant_id: blackL.id, qty: 1, price: Number(blackL.price.amount) }]),
  });
  await text(page, 'Black / L').waitFor({ state: 'attached', timeout: T });
  const checkout = role(page, 'button', 'Checkout');
  assert.notEqual(await checkout.getAttribute('aria-disabled'), 'true');

  const newPrice = Number(blackL.price.amount) - 2000;
  const variants = product.variants.map((v) => ({ id: v.id, sku: v.sku, options: v.options, price: v.id === blackL.id ? { amount: String(newPrice), currency: 'CNY' } : v.price }));
  const r = await call(`${api}/staff/products/${product.id}`, { method: 'PATCH', token: merchant, body: { variants } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  await page.reload();
  await waitReady(page);
  await text(page, `The price changed from ${yuan(blackL.price.amount)} to ${yuan(newPrice)}.`).waitFor({ state: 'attached', timeout: T });
  await text(page, 'A price changed: accept the new price in the cart to continue.').waitFor({ state: 'attached', timeout: T });
  assert.equal(await checkout.getAttribute('aria-disabled'), 'true');
  await screenshot(page, 'cart-price-changed-desktop-en');
  await click(page, role(page, 'link', 'Accept the new price'));
  await text(page, 'A price changed: accept the new price in the cart to continue.').waitFor({ state: 'detached', timeout: T });
  assert.notEqual(await checkout.getAttribute('aria-disabled'), 'true');
  const cart = JSON.parse(await page.evaluate(() => localStorage.getItem('satstore.cart')));
  assert.equal(cart[0].price, newPrice);
  assert.deepEqual(page.consoleErrors, []);
});
