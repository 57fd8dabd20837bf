// Browser tests of the order flow around payment and delivery (issue 19) against the real server
// (node --test): the wallet detour — a buyer without a wallet goes from the payment page to the
// wallet, creates and tops it up and comes back to the same order in one step, with the quote's
// countdown on the way and a new quote when the rate lock ran out meanwhile; receipt confirmation
// refused before delivery — no "Confirm receipt" while the parcel is out for delivery, only "I
// received it" behind a dialog that says it cannot be undone (and the API refuses a plain
// confirmation); the staff console in its own layout, leading with what is next for the order.
// Screenshots at 1280×800 (English) and 390×844@3 (Chinese).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { at, sendTracking } from '../support/carrier.mjs';
import { call, demoAccounts, login, sql, startServer as startApiServer } from '../support/server.mjs';
import { authorize, bindProof, newKey } from '../support/wallet.mjs';
import {
  launchBrowser, newPage, clickMirror, screenshot, waitIdle, DESKTOP, PHONE, reveal, click, openWithStorage, webRoot,
} from './helpers.mjs';

let srv;
let browser;
let api;
let store;
let products;
let merchant;

const address = {
  name: 'Jane Roe', phone: '+1 415 555 0100', country: 'US', region: 'CA', city: 'San Francisco',
  street: '1 Market St', postal_code: '94105',
};

before(async () => {
  // The API test server (not helpers.startServer): these tests also let a quote lapse in its database.
  srv = await startApiServer({ webRoot });
  browser = await launchBrowser();
  api = srv.api;
  store = (await call(`${api}/store`)).body;
  products = (await call(`${api}/products?limit=48`)).body.items.filter((p) => p.variants.length === 1 && p.stock >= 5);
  assert.ok(products.length >= 2);
  merchant = await login(api, demoAccounts.merchant);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
});

const a11y = (page) => page.locator('#a11y');
const role = (page, r, name) => a11y(page).getByRole(r, { name, exact: true });
const text = (page, t) => a11y(page).getByText(t, typeof t === 'string' ? { exact: true } : undefined);

async function typeInto(page, name, value) {
  await click(page, role(page, 'textbox', name));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await waitIdle(page, 150);
}

const toTop = async (page) => {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  await page.mouse.wheel(0, -10000);
  await waitIdle(page, 150);
};

// Scrolls until `locator` sits near the top of the content (what follows it is then on screen).
async function scrollNearTop(page, locator) {
  const el = await reveal(page, locator);
  const box = await el.boundingBox();
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  await page.mouse.wheel(0, Math.max(0, box.y - 90));
  await waitIdle(page, 150);
}

const toBottom = async (page) => {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  await page.mouse.wheel(0, 10000);
  await waitIdle(page, 300);
};

// A new buyer (no wallet unless `withWallet`: then a registered key with 0.05 BTC).
async function newBuyer({ withWallet = false } = {}) {
  const email = `flow-${randomUUID()}@example.com`;
  const user = (await call(`${api}/users`, { method: 'POST', body: { email, password: 'order flow passphrase' } })).body;
  const token = await login(api, email, 'order flow passphrase');
  let key = null;
  if (withWallet) {
    key = newKey();
    assert.ok([200, 201].includes((await call(`${api}/wallet`, { method: 'PUT', token, body: { pubkey: key.pubkey, proof: bindProof(key, store.id, user.id) } })).status));
    assert.ok([200, 201].includes((await call(`${api}/wallet/topups`, { method: 'POST', token, body: { currency: 'BTC', amount: '5000000' } })).status));
  }
  return { token, key, user };
}

async function unpaidOrder(token) {
  const r = await call(`${api}/orders`, {
    method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
    body: { lines: [{ product_id: products[0].id, qty: 1 }], ship_to: address, pay_currency: 'BTC', lang: 'en' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

// A paid order of the buyer, shipped by staff with SF Express; the carrier has it out for delivery.
async function outForDelivery(buyer) {
  const order = await unpaidOrder(buyer.token);
  const paid = await call(`${api}/orders/${order.id}/payments`, { method: 'POST', token: buyer.token, body: authorize(order, buyer.key) });
  assert.equal(paid.status, 201, JSON.stringify(paid.body));
  const number = `SF${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const shipped = await call(`${api}/staff/orders/${order.id}/shipments`, { method: 'POST', token: merchant, body: { carrier: 'sf', tracking_number: number } });
  assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
  // Two seconds after the label (the carrier's clock): the newest event.
  const r = await sendTracking(api, 'sf', number, [{ at: at(-2000), status: 'out_for_delivery', location: 'San Francisco', description: 'With the courier' }]);
  assert.equal(r.status, 200);
  return { order: (await call(`${api}/orders/${order.id}`, { token: buyer.token })).body, number };
}

async function openAs(token, fragment, opts = {}) {
  const page = await newPage(browser, opts);
  await openWithStorage(page, srv.base, fragment, { 'satstore.token': token });
  return page;
}

// The top bar's "Wallet · <balance>" (top bar items sit above the scrolled content: no reveal()).
const topBarWallet = (page) => a11y(page).getByRole('button', { name: /^Wallet( ·|$)/ }).first();

const backButton = (page, number) => a11y(page).getByRole('button', { name: new RegExp(`^Back to order ${number} — pay ¥[0-9,]+\\.\\d\\d$`) });

test('the wallet detour: no wallet → wallet setup and top-up → back to the same order in one step, requoted when the lock ran out', async () => {
  const buyer = await newBuyer();
  const order = await unpaidOrder(buyer.token);
  const page = await openAs(buyer.token, `/orders/${order.id}/pay`);
  await role(page, 'heading', 'Payment').waitFor({ state: 'attached', timeout: 10000 });
  await text(page, 'Create or import a wallet on this device first.').waitFor({ state: 'attached', timeout: 10000 });
  await click(page, role(page, 'button', 'Go to wallet'));
  await page.waitForFunction(() => location.hash === '#/wallet', null, { timeout: 10000 });

  // The wallet page names the order, its amount and its countdown, with the way back on top.
  await role(page, 'heading', 'A payment is waiting').waitFor({ state: 'attached', timeout: 10000 });
  await text(page, new RegExp(`^Order ${order.number} is waiting for ${(Number(order.quote.amount) / 1e8).toFixed(8)} BTC\\.`)).waitFor({ state: 'attached' });
  await text(page, /^1[0-5]:\d\d$/).first().waitFor({ state: 'attached', timeout: 5000 });
  await backButton(page, order.number).waitFor({ state: 'attached' });
  await role(page, 'heading', 'Set up your wallet').waitFor({ state: 'attached' });
  await screenshot(page, 'wallet-detour-desktop-en');

  // Set up: create, back up, registered with the account; the card now says what is missing.
  await typeInto(page, 'New payment password', 'detour-pass-1234');
  await typeInto(page, 'Repeat payment password', 'detour-pass-1234');
  await click(page, role(page, 'button', 'Create wallet'));
  await role(page, 'heading', 'Back up your secret key').waitFor({ state: 'attached', timeout: 15000 });
  await click(page, role(page, 'button', 'I have saved it'));
  await text(page, 'Registered with your account').waitFor({ state: 'attached', timeout: 10000 });
  await text(page, /^Still short by 0\.\d{8} BTC\.$/).waitFor({ state: 'attached', timeout: 10000 });

  // One step back, the lock still running: the same quote, the countdown, the payment form.
  await click(page, backButton(page, order.number));
  await page.waitForFunction((id) => location.hash === `#/orders/${id}/pay`, order.id, { timeout: 10000 });
  await role(page, 'textbox', 'Payment password').waitFor({ state: 'attached', timeout: 10000 });
  await text(page, /^1[0-5]:\d\d$/).first().waitFor({ state: 'attached', timeout: 5000 });
  await role(page, 'button', 'Top up (demo)').waitFor({ state: 'attached' });
  await waitIdle(page, 500);
  assert.equal((await call(`${api}/orders/${order.id}`, { token: buyer.token })).body.quote.id, order.quote.id, 'no new quote while the lock runs');

  // To the wallet again from the top bar: the way back is still offered. Top up there.
  await clickMirror(page, topBarWallet(page));
  await page.waitForFunction(() => location.hash === '#/wallet', null, { timeout: 10000 });
  await role(page, 'heading', 'A payment is waiting').waitFor({ state: 'attached', timeout: 10000 });
  await click(page, role(page, 'button', 'Top up BTC (demo)'));
  await text(page, 'Wallet topped up').waitFor({ state: 'attached', timeout: 10000 });
  await text(page, 'Your balance covers this payment.').waitFor({ state: 'attached', timeout: 10000 });

  // The rate lock runs out while the buyer is away; going back fetches a new quote at once.
  sql(srv, `UPDATE quotes SET expires_at = ${Math.floor(Date.now() / 1000) - 5} WHERE id = '${order.quote.id}'`);
  await click(page, backButton(page, order.number));
  await page.waitForFunction((id) => location.hash === `#/orders/${id}/pay`, order.id, { timeout: 10000 });
  await text(page, 'New quote: check the amount and pay.').waitFor({ state: 'attached', timeout: 10000 });
  const requoted = (await call(`${api}/orders/${order.id}`, { token: buyer.token })).body;
  assert.notEqual(requoted.quote.id, order.quote.id);
  assert.ok(Date.parse(requoted.quote.expires_at) > Date.now() + 13 * 60 * 1000, requoted.quote.expires_at);
  await text(page, /^1[45]:\d\d$/).first().waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(await text(page, 'Get a new quote').count(), 0);
  await screenshot(page, 'wallet-detour-back-desktop-en');

  // And pay: the order is paid with the new quote; the wallet no longer offers the way back.
  await typeInto(page, 'Payment password', 'detour-pass-1234');
  await click(page, role(page, 'button', 'Pay'));
  await page.waitForFunction((id) => location.hash === `#/orders/${id}`, order.id, { timeout: 15000 });
  await role(page, 'status', 'Paid').waitFor({ state: 'attached', timeout: 10000 });
  const paid = (await call(`${api}/orders/${order.id}`, { token: buyer.token })).body;
  assert.equal(paid.status, 'paid');
  assert.equal(paid.payment.amount, requoted.quote.amount);
  await toTop(page);
  await clickMirror(page, topBarWallet(page));
  await role(page, 'heading', 'Balances').waitFor({ state: 'attached', timeout: 10000 });
  assert.equal(await role(page, 'heading', 'A payment is waiting').count(), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('confirm receipt is refused before delivery: only "I received it", behind a dialog that says it cannot be undone', async () => {
  const buyer = await newBuyer({ withWallet: true });
  const { order, number } = await outForDelivery(buyer);
  assert.equal(order.status, 'shipped');
  // The API refuses a plain confirmation while the carrier has not reported delivery.
  const early = await call(`${api}/orders/${order.id}/confirm-receipt`, { method: 'POST', token: buyer.token, body: {} });
  assert.equal(early.status, 409);
  assert.equal(early.body.code, 'order_not_receivable');
  assert.equal(early.body.order_status, 'shipped');

  const page = await openAs(buyer.token, `/orders/${order.id}`);
  await role(page, 'status', 'Shipped').waitFor({ state: 'attached', timeout: 10000 });
  await role(page, 'button', 'I received it').waitFor({ state: 'attached', timeout: 10000 });
  assert.equal(await role(page, 'button', 'Confirm receipt').count(), 0, 'no Confirm receipt before delivery');
  assert.equal(await role(page, 'button', 'Cancel order').count(), 0);
  await text(page, 'Confirm receipt opens once the carrier reports delivery.').waitFor({ state: 'attached' });
  // Tracking near the top: the shipment (carrier by name, number, latest update) above the lines.
  const shipment = await role(page, 'heading', 'Shipment').boundingBox();
  assert.ok(shipment && shipment.y < page.viewportSize().height, 'the shipment is on the first screen');
  await text(page, 'SF Express').first().waitFor({ state: 'attached' });
  await text(page, number).first().waitFor({ state: 'attached' });
  await text(page, 'Latest update').waitFor({ state: 'attached' });
  await text(page, 'Out for delivery').first().waitFor({ state: 'attached' });
  const items = role(page, 'heading', 'Items');
  if (await items.count()) assert.ok((await items.boundingBox()).y > shipment.y, 'the lines come after the tracking');

  // "I received it" asks first; "Not yet" changes nothing.
  await click(page, role(page, 'button', 'I received it'));
  await role(page, 'heading', 'Received before the carrier says so?').waitFor({ state: 'attached', timeout: 5000 });
  await text(page, /has not reported delivery yet.*cannot be undone\.$/).waitFor({ state: 'attached' });
  await screenshot(page, 'receipt-before-delivery-dialog-desktop-en');
  await clickMirror(page, role(page, 'button', 'Not yet'));
  await role(page, 'heading', 'Received before the carrier says so?').waitFor({ state: 'detached', timeout: 5000 });
  await waitIdle(page, 300);
  assert.equal((await call(`${api}/orders/${order.id}`, { token: buyer.token })).body.status, 'shipped');

  // Confirmed in the dialog: completed, and the timeline says it came before the carrier's word.
  await click(page, role(page, 'button', 'I received it'));
  await clickMirror(page, role(page, 'button', 'Yes, I received it'));
  await role(page, 'status', 'Completed').waitFor({ state: 'attached', timeout: 10000 });
  const done = (await call(`${api}/orders/${order.id}`, { token: buyer.token })).body;
  assert.equal(done.status, 'completed');
  assert.match(done.timeline.at(-1).note, /^Receipt confirmed before the carrier reported delivery; \d+ points earned$/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the staff console has its own layout and leads with what is next; carriers by name', async () => {
  const buyer = await newBuyer({ withWallet: true });
  // Paid: the ship form comes first.
  const order = await unpaidOrder(buyer.token);
  assert.equal((await call(`${api}/orders/${order.id}/payments`, { method: 'POST', token: buyer.token, body: authorize(order, buyer.key) })).status, 201);
  const staff = await openAs(merchant, `/staff/orders/${order.id}`);
  await role(staff, 'heading', 'Ship this order').waitFor({ state: 'attached', timeout: 10000 });
  await text(staff, 'Staff console').waitFor({ state: 'attached' });
  assert.equal(await role(staff, 'button', 'Cart').count(), 0, 'no shopper cart in the console');
  const ship = await role(staff, 'heading', 'Ship this order').boundingBox();
  const refund = role(staff, 'heading', 'Partial refund');
  if (await refund.count()) assert.ok((await refund.boundingBox()).y > ship.y);

  // Shipped: "Awaiting delivery" with the tracking first, the lost-package form folded below.
  const { order: shipped, number } = await outForDelivery(buyer);
  await staff.goto(`${srv.base}/#/staff/orders/${shipped.id}`);
  await role(staff, 'heading', 'Awaiting delivery').waitFor({ state: 'attached', timeout: 10000 });
  const next = await role(staff, 'heading', 'Awaiting delivery').boundingBox();
  await text(staff, 'SF Express').first().waitFor({ state: 'attached' });
  await text(staff, 'Out for delivery').first().waitFor({ state: 'attached' });
  const lost = role(staff, 'heading', 'Lost package');
  if (await lost.count()) assert.ok((await lost.boundingBox()).y > next.y, 'the lost-package form comes after what is next');
  await scrollNearTop(staff, lost);
  await role(staff, 'button', 'Report a lost package').waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(await role(staff, 'textbox', 'New tracking number').count(), 0, 'the re-ship form is folded');
  await click(staff, role(staff, 'button', 'Report a lost package'));
  await role(staff, 'button', 'Re-ship').waitFor({ state: 'attached', timeout: 5000 });
  // The history names the carrier, never its code.
  await reveal(staff, text(staff, new RegExp(`· SF Express ${number}$`)));
  assert.equal(await text(staff, new RegExp(`· sf ${number}$`)).count(), 0);
  await screenshot(staff, 'staff-order-awaiting-delivery-desktop-en');
  // No shopper footer under the console; a shopper page has it.
  await toBottom(staff);
  assert.equal(await text(staff, 'Prices in CNY. Pay with BTC or USDT.').count(), 0, 'no shopper footer in the console');
  await staff.goto(`${srv.base}/#/orders`);
  await role(staff, 'button', 'Cart').waitFor({ state: 'attached', timeout: 10000 });
  await toBottom(staff);
  await text(staff, 'Prices in CNY. Pay with BTC or USDT.').waitFor({ state: 'attached', timeout: 5000 });
  assert.deepEqual(staff.consoleErrors, []);
  await staff.context().close();
});

test('screenshots: the wallet detour, an order out for delivery and the staff console, desktop English and phone Chinese', async () => {
  const buyer = await newBuyer({ withWallet: true });
  const { order: shipped } = await outForDelivery(buyer);
  const labels = {
    en: { goWallet: 'Go to wallet', received: 'I received it' },
    zh: { goWallet: '前往钱包', received: '我已收到' },
  };
  for (const [device, dname, locale, lname] of [[DESKTOP, 'desktop', 'en-US', 'en'], [PHONE, 'phone', 'zh-CN', 'zh']]) {
    // A buyer without a wallet on this device, sent from the payment page to the wallet.
    const fresh = await newBuyer();
    const order = await unpaidOrder(fresh.token);
    const page = await openAs(fresh.token, `/orders/${order.id}/pay`, { device, locale });
    await role(page, 'button', labels[lname].goWallet).waitFor({ state: 'attached', timeout: 10000 });
    await screenshot(page, `payment-no-wallet-${dname}-${lname}`);
    await click(page, role(page, 'button', labels[lname].goWallet));
    await page.waitForFunction(() => location.hash === '#/wallet', null, { timeout: 10000 });
    await page.waitForTimeout(500);
    await screenshot(page, `wallet-detour-${dname}-${lname}`);
    await page.context().close();
    for (const [token, path, name] of [[buyer.token, `/orders/${shipped.id}`, 'order-out-for-delivery'], [merchant, `/staff/orders/${shipped.id}`, 'staff-order-awaiting-delivery']]) {
      const p = await openAs(token, path, { device, locale });
      await p.waitForTimeout(500);
      await waitIdle(p);
      await screenshot(p, `${name}-${dname}-${lname}`);
      if (token === buyer.token) {
        await click(p, role(p, 'button', labels[lname].received));
        await p.waitForTimeout(300);
        await screenshot(p, `receipt-before-delivery-dialog-${dname}-${lname}`);
      }
      assert.deepEqual(p.consoleErrors, [], `console errors (${name}, ${dname}, ${lname})`);
      await p.context().close();
    }
  }
});
