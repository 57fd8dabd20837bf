// Review screenshots (issue 19): the six screens a purchase and its after-sales walk through —
// cart, checkout, payment, order detail, ticket form and the staff order page — at 390×844@3 in
// Chinese and 1280×800 in English, on real data (a Chinese address with characters outside the old
// font, a coupon, a shipped order with tracking). Saved as tests/browser/screenshots/screen-*.png
// and looked at; the test fails on a console error or a screen that does not come up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { call, demoAccounts, login } from '../support/server.mjs';
import { newBuyer, signPayment } from '../support/buyer.mjs';
import { sendTracking, at } from '../support/carrier.mjs';
import {
  startServer, launchBrowser, newPage, openWithStorage, screenshot, waitIdle, DESKTOP, PHONE,
} from './helpers.mjs';

let server;
let browser;
let api;
let products;
let merchant;
let buyer;
const orders = {};

const address = {
  name: '张伟', phone: '+86 138 0013 8000', country: 'CN', region: '上海市', city: '上海市',
  district: '浦东新区', street: '世纪大道100号徐淀楼3栋1201室', postal_code: '200120',
};

async function placeOrder(lines, { pay = false } = {}) {
  const placed = await call(`${api}/orders`, {
    method: 'POST', token: buyer.token, headers: { 'idempotency-key': `screens-${Math.random()}` },
    body: { lines, ship_to: address, pay_currency: 'BTC', lang: 'zh-CN' },
  });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  if (pay) {
    const paid = await call(`${api}/orders/${placed.body.id}/payments`, { method: 'POST', token: buyer.token, body: signPayment(buyer, placed.body) });
    assert.ok([200, 201].includes(paid.status), JSON.stringify(paid.body));
  }
  return placed.body;
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = `${server.origin}/api/v1`;
  products = (await call(`${api}/products?limit=48`)).body.items.filter((p) => p.variants.length === 1 && p.stock >= 5);
  merchant = await login(api, demoAccounts.merchant);
  buyer = await newBuyer({ registerApi: api, btc: '50000000' });
  const lines = [{ product_id: products[0].id, qty: 2 }, { product_id: products[1].id, qty: 1 }];
  orders.pending = await placeOrder(lines);
  orders.paid = await placeOrder(lines, { pay: true });
  orders.shipped = await placeOrder(lines, { pay: true });
  const tracking = `SF${Date.now()}`;
  const shipped = await call(`${api}/staff/orders/${orders.shipped.id}/shipments`, {
    method: 'POST', token: merchant, body: { carrier: 'sf', tracking_number: tracking },
  });
  assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
  await sendTracking(api, 'sf', tracking, [{ at: at(60000), status: 'in_transit', location: '上海转运中心', description: '快件已到达上海转运中心' }]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const cart = () => JSON.stringify([{ product_id: products[0].id, qty: 2 }, { product_id: products[1].id, qty: 1 }]);

for (const [device, locale, suffix] of [[PHONE, 'zh-CN', 'phone-zh'], [DESKTOP, 'en-US', 'desktop-en']]) {
  test(`the six review screens, ${suffix}`, async () => {
    const screens = [
      ['cart', '/cart', buyer.token],
      ['checkout', '/checkout', buyer.token],
      ['payment', `/orders/${orders.pending.id}/pay`, buyer.token],
      ['order-detail', `/orders/${orders.shipped.id}`, buyer.token],
      ['ticket-form', '/tickets/new', buyer.token],
      ['staff-order', `/staff/orders/${orders.paid.id}`, merchant],
    ];
    for (const [name, path, token] of screens) {
      const page = await newPage(browser, { device, locale });
      await openWithStorage(page, server.origin, path, {
        'satstore.token': token, 'satstore.cart': cart(), 'satstore.lang': locale === 'zh-CN' ? 'zh-CN' : 'en',
      });
      await waitIdle(page, 500, 15000);
      assert.equal(new URL(page.url()).hash, `#${path}`, `${name} stays on its route`);
      await screenshot(page, `screen-${name}-${suffix}`);
      assert.deepEqual(page.consoleErrors, [], `${name}: console errors`);
      await page.context().close();
    }
  });
}
