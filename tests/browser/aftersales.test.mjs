// Browser tests of after-sales (issue 5) against the real server (node --test): staff ship a paid
// order in the console, signed carrier events (tests/support/carrier.mjs) move the tracking
// timeline the buyer sees, the buyer confirms receipt; a partial refund from the console (by line
// and by amount, an over-refund refused next to the field); a full return (request with a photo →
// approve with RMA → ship back → receive → refund) with exact wallet and ledger amounts.
// Screenshots of the console, the returns queue and the return request at 1280×800 and 390×844,
// English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { at, sendTracking } from '../support/carrier.mjs';
import { call, demoAccounts, login } from '../support/server.mjs';
import { authorize, bindProof, newKey } from '../support/wallet.mjs';
import {
  startServer, launchBrowser, newPage, waitReady, clickMirror, screenshot, waitIdle, DESKTOP, PHONE,
  reveal, click, openWithStorage,
} from './helpers.mjs';

let server;
let browser;
let api;
let products;
let merchant;
const flow = {};

const address = {
  name: 'Jane Roe', phone: '+1 415 555 0100', country: 'US', region: 'CA', city: 'San Francisco',
  street: '1 Market St', postal_code: '94105',
};

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = `${server.origin}/api/v1`;
  products = (await call(`${api}/products?limit=48`)).body.items.filter((p) => p.variants.length === 1 && p.stock >= 5);
  assert.ok(products.length >= 2);
  merchant = await login(api, demoAccounts.merchant);
  // A buyer with a registered wallet key and demo funds.
  const store = (await call(`${api}/store`)).body;
  const email = `aftersales-${randomUUID()}@example.com`;
  const user = (await call(`${api}/users`, { method: 'POST', body: { email, password: 'aftersales passphrase' } })).body;
  flow.token = await login(api, email, 'aftersales passphrase');
  flow.key = newKey();
  assert.ok([200, 201].includes((await call(`${api}/wallet`, { method: 'PUT', token: flow.token, body: { pubkey: flow.key.pubkey, proof: bindProof(flow.key, store.id, user.id) } })).status));
  assert.ok([200, 201].includes((await call(`${api}/wallet/topups`, { method: 'POST', token: flow.token, body: { currency: 'BTC', amount: '5000000' } })).status));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const a11y = (page) => page.locator('#a11y');
const role = (page, r, name) => a11y(page).getByRole(r, { name, exact: true });
const text = (page, t) => a11y(page).getByText(t, typeof t === 'string' ? { exact: true } : undefined);

// Scrolls until `locator` sits near the top of the content (what follows it is then on screen).
async function scrollNearTop(page, locator) {
  const el = await reveal(page, locator);
  const box = await el.boundingBox();
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  await page.mouse.wheel(0, Math.max(0, box.y - 90));
  await waitIdle(page, 150);
}

// Retries `fn` (which throws until the page shows what it looks for) until `timeout` ms passed:
// for content that arrives with the order detail's periodic refresh, possibly off screen.
async function eventually(fn, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}

const toTop = async (page) => {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  await page.mouse.wheel(0, -10000);
  await waitIdle(page, 150);
};

async function typeInto(page, name, value) {
  await click(page, role(page, 'textbox', name));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await waitIdle(page, 150);
}

const balance = async (token) => BigInt((await call(`${api}/wallet`, { token })).body.balances.find((b) => b.currency === 'BTC').amount);
const ledger = async (token) => (await call(`${api}/wallet/ledger?limit=100`, { token })).body.items;

// A paid order of two lines (2 × products[0], 1 × products[1]), paid through the API with the
// buyer's key (the browser payment itself is covered by checkout.test.mjs).
async function paidOrder() {
  const order = (await call(`${api}/orders`, {
    method: 'POST', token: flow.token, headers: { 'idempotency-key': randomUUID() },
    body: { lines: [{ product_id: products[0].id, qty: 2 }, { product_id: products[1].id, qty: 1 }], ship_to: address, pay_currency: 'BTC', lang: 'en' },
  })).body;
  const paid = await call(`${api}/orders/${order.id}/payments`, { method: 'POST', token: flow.token, body: authorize(order, flow.key) });
  assert.equal(paid.status, 201, JSON.stringify(paid.body));
  return (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
}

// A page signed in with `token`, showing `fragment`.
async function openAs(token, fragment, opts = {}) {
  const page = await newPage(browser, opts);
  await openWithStorage(page, server.origin, fragment, { 'satstore.token': token });
  return page;
}

test('staff ship in the console, carrier events move the buyer\'s tracking timeline, the buyer confirms receipt', async () => {
  const order = await paidOrder();
  flow.shipped = order;
  const staff = await openAs(merchant, '/staff/orders');
  await role(staff, 'heading', 'Order console').waitFor({ state: 'attached', timeout: 10000 });
  await role(staff, 'button', 'Staff').waitFor({ state: 'attached', timeout: 10000 });
  await click(staff, role(staff, 'link', `Order ${order.number}`));
  await staff.waitForFunction((id) => location.hash === `#/staff/orders/${id}`, order.id, { timeout: 10000 });
  await role(staff, 'heading', 'Ship this order').waitFor({ state: 'attached', timeout: 10000 });
  // Per-field error from local validation, then the real shipment.
  await click(staff, role(staff, 'button', 'Ship order'));
  await text(staff, '6–40 letters, digits or dashes.').waitFor({ state: 'attached', timeout: 10000 });
  await click(staff, role(staff, 'option', 'SF Express'));
  const tracking = `SF${Date.now()}`;
  await typeInto(staff, 'Tracking number', tracking);
  await click(staff, role(staff, 'button', 'Ship order'));
  await role(staff, 'status', 'Shipped').waitFor({ state: 'attached', timeout: 10000 });
  // The console now leads with what is next (issue 19); the lost-package form comes lower down.
  await role(staff, 'heading', 'Awaiting delivery').waitFor({ state: 'attached', timeout: 10000 });
  await reveal(staff, role(staff, 'heading', 'Lost package'));
  let o = (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
  assert.equal(o.status, 'shipped');
  assert.equal(o.shipments[0].carrier, 'sf');
  assert.equal(o.shipments[0].tracking_number, tracking);
  await screenshot(staff, 'staff-order-shipped-desktop-en');
  assert.deepEqual(staff.consoleErrors, []);
  await staff.context().close();

  // The buyer's order detail refreshes itself while the parcel travels.
  const buyer = await openAs(flow.token, `/orders/${order.id}`);
  await role(buyer, 'status', 'Shipped').waitFor({ state: 'attached', timeout: 10000 });
  await scrollNearTop(buyer, role(buyer, 'heading', 'Shipment'));
  await text(buyer, /^Label created/).first().waitFor({ state: 'attached', timeout: 10000 });
  const steps = [
    ['in_transit', 'Shenzhen hub', 'Departed the sorting centre', /^In transit — Departed the sorting centre$/],
    ['out_for_delivery', 'San Francisco', 'With the courier', /^Out for delivery — With the courier$/],
    ['delivered', 'Front door', 'Signed for', /Signed for$/],
  ];
  for (const [i, [status, location, description, shown]] of steps.entries()) {
    const r = await sendTracking(api, 'sf', tracking, [{ at: at((steps.length - i) * 1000), status, location, description }]);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await text(buyer, shown).first().waitFor({ state: 'attached', timeout: 15000 });
  }
  await screenshot(buyer, 'order-tracking-delivered-desktop-en');
  await toTop(buyer);
  await role(buyer, 'status', 'Delivered').waitFor({ state: 'attached', timeout: 15000 });
  await click(buyer, role(buyer, 'button', 'Confirm receipt'));
  // It asks first (issue 19): completing the order cannot be undone.
  await role(buyer, 'heading', 'Confirm receipt?').waitFor({ state: 'attached', timeout: 5000 });
  await text(buyer, 'This completes the order and cannot be undone.').waitFor({ state: 'attached' });
  await clickMirror(buyer, role(buyer, 'button', 'Confirm receipt').last());
  await role(buyer, 'status', 'Completed').waitFor({ state: 'attached', timeout: 10000 });
  o = (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
  assert.equal(o.status, 'completed');
  // Newest first by the carrier's times; the label (info_received) carries the shipping time,
  // which on a slow run can be later than the simulated "3 s ago" of in_transit.
  const statuses = o.shipments[0].events.map((e) => e.status);
  assert.deepEqual(statuses.filter((st) => st !== 'info_received'), ['delivered', 'out_for_delivery', 'in_transit']);
  assert.ok(statuses.includes('info_received'), statuses.join());
  await role(buyer, 'button', 'Request return').waitFor({ state: 'attached' });
  await role(buyer, 'button', 'Contact support').waitFor({ state: 'attached' });
  assert.deepEqual(buyer.consoleErrors, []);
  await buyer.context().close();
});

test('a partial refund from the console: over-refund refused next to the field, exact ledger amounts', async () => {
  const order = await paidOrder();
  const paid = BigInt(order.payment.amount);
  const before = await balance(flow.token);
  const staff = await openAs(merchant, `/staff/orders/${order.id}`);
  await role(staff, 'heading', 'Partial refund').waitFor({ state: 'attached', timeout: 10000 });
  const fmt = (sats) => `${(Number(sats) / 1e8).toFixed(8)} BTC`;
  await text(staff, `Still refundable: ${fmt(paid)}`).waitFor({ state: 'attached', timeout: 10000 });

  // By amount: more than was paid is refused with the remainder next to the field.
  await click(staff, role(staff, 'tab', 'By amount'));
  await typeInto(staff, 'Amount in BTC', '1');
  await typeInto(staff, 'Reason for the refund', 'goodwill');
  await click(staff, role(staff, 'button', 'Refund'));
  await text(staff, `Too much: at most ${fmt(paid)} can still be refunded.`).waitFor({ state: 'attached', timeout: 10000 });
  assert.equal((await call(`${api}/orders/${order.id}`, { token: flow.token })).body.refunds.length, 0);
  await screenshot(staff, 'staff-refund-over-desktop-en');

  // Exactly 1000 sats.
  await typeInto(staff, 'Amount in BTC', '0.00001');
  await click(staff, role(staff, 'button', 'Refund'));
  await text(staff, `Still refundable: ${fmt(paid - 1000n)}`).waitFor({ state: 'attached', timeout: 10000 });

  // By line: one unit of the first line.
  await click(staff, role(staff, 'tab', 'By line'));
  await click(staff, role(staff, 'button', `One more: ${order.lines[0].title}`));
  await typeInto(staff, 'Reason for the refund', 'scratched');
  await click(staff, role(staff, 'button', 'Refund'));
  await text(staff, /^Refunded \(scratched\)$/).waitFor({ state: 'attached', timeout: 10000 });
  const o = (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
  assert.equal(o.refunds.length, 2);
  assert.equal(o.refunds[0].amount.amount, '1000');
  assert.deepEqual(o.refunds[1].lines, [{ line_id: order.lines[0].id, qty: 1 }]);
  const lineAmount = BigInt(o.refunds[1].amount.amount);
  assert.ok(lineAmount > 0n && lineAmount < paid - 1000n);
  assert.equal(o.payment_status, 'partially_refunded');
  assert.equal(await balance(flow.token), before + 1000n + lineAmount);
  const entries = (await ledger(flow.token)).filter((e) => e.kind === 'refund' && o.refunds.some((r) => r.id === e.ref));
  assert.deepEqual(entries.map((e) => BigInt(e.amount)).sort(), [1000n, lineAmount].sort());
  await text(staff, `Still refundable: ${fmt(paid - 1000n - lineAmount)}`).waitFor({ state: 'attached', timeout: 10000 });
  assert.deepEqual(staff.consoleErrors.filter((e) => !/status of 422/.test(e)), []);
  await staff.context().close();
});

test('a full return: request with a photo → approve (RMA) → ship back → receive → refund', async () => {
  assert.ok(flow.shipped, 'runs after the shipping test');
  const order = flow.shipped;
  const before = await balance(flow.token);
  const buyer = await openAs(flow.token, `/orders/${order.id}`);
  await click(buyer, role(buyer, 'button', 'Request return'));
  await buyer.waitForFunction((id) => location.hash === `#/orders/${id}/return`, order.id, { timeout: 10000 });
  await role(buyer, 'heading', 'What are you returning?').waitFor({ state: 'attached', timeout: 10000 });
  await click(buyer, role(buyer, 'button', `One more: ${order.lines[1].title}`));
  await typeInto(buyer, 'What is wrong?', 'arrived damaged');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
  const chooser = buyer.waitForEvent('filechooser', { timeout: 10000 });
  await click(buyer, role(buyer, 'button', 'Add images'));
  await (await chooser).setFiles({ name: 'damage.png', mimeType: 'image/png', buffer: png });
  await text(buyer, /^damage\.png/).waitFor({ state: 'attached', timeout: 10000 });
  await buyer.waitForFunction(() => ![...document.querySelectorAll('#a11y *')].some((e) => /Uploading/.test(e.textContent)), null, { timeout: 10000 });
  await screenshot(buyer, 'return-request-desktop-en');
  await click(buyer, role(buyer, 'button', 'Send return request'));
  await buyer.waitForFunction((id) => location.hash === `#/orders/${id}`, order.id, { timeout: 10000 });
  await eventually(() => reveal(buyer, role(buyer, 'heading', 'Return request')));
  let o = (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
  assert.equal(o.returns.length, 1);
  const ret = o.returns[0];
  assert.equal(ret.status, 'requested');
  assert.deepEqual(ret.lines, [{ line_id: order.lines[1].id, qty: 1 }]);
  assert.equal(ret.evidence.length, 1);

  // Staff approve it in the returns queue: the RMA number appears.
  const staff = await openAs(merchant, '/staff/returns');
  await role(staff, 'heading', 'Returns').waitFor({ state: 'attached', timeout: 10000 });
  await text(staff, 'Reason: arrived damaged').waitFor({ state: 'attached', timeout: 10000 });
  await text(staff, 'Photos: 1').first().waitFor({ state: 'attached' });
  await screenshot(staff, 'staff-returns-desktop-en');
  await click(staff, role(staff, 'button', 'Approve'));
  await staff.waitForFunction(() => [...document.querySelectorAll('#a11y *')].some((e) => /^Approved: RMA number RMA-\d+$/.test(e.textContent)), null, { timeout: 10000 });
  o = (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
  const rma = o.returns[0].rma;
  assert.match(rma, /^RMA-\d+$/);

  // The buyer sees it (the detail refreshes itself) and ships it back.
  await eventually(() => reveal(buyer, role(buyer, 'heading', `Return ${rma}`)));
  await click(buyer, role(buyer, 'option', 'SF Express'));
  const back = `SFR${Date.now()}`;
  await typeInto(buyer, 'Tracking number', back);
  await click(buyer, role(buyer, 'button', 'Ship return'));
  await text(buyer, `SF Express ${back}`).waitFor({ state: 'attached', timeout: 10000 });
  assert.equal((await call(`${api}/orders/${order.id}`, { token: flow.token })).body.returns[0].status, 'in_transit');

  // Staff mark it received: the returned line is refunded to the paying wallet.
  await click(staff, role(staff, 'tab', 'On its way back'));
  await click(staff, role(staff, 'button', 'Mark received'));
  await text(staff, 'Return received and refunded').waitFor({ state: 'attached', timeout: 10000 });
  o = (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
  assert.equal(o.returns[0].status, 'refunded');
  assert.equal(o.refunds.length, 1);
  const refund = BigInt(o.refunds[0].amount.amount);
  assert.ok(refund > 0n && refund < BigInt(o.payment.amount));
  assert.equal(await balance(flow.token), before + refund);
  const entry = (await ledger(flow.token)).find((e) => e.kind === 'refund' && e.ref === o.refunds[0].id);
  assert.equal(BigInt(entry.amount), refund);
  await eventually(async () => {
    await toTop(buyer);
    await reveal(buyer, role(buyer, 'heading', 'Refund'));
  });
  await reveal(buyer, text(buyer, 'Expected by'));
  await screenshot(buyer, 'order-return-refunded-desktop-en');
  assert.deepEqual(staff.consoleErrors, []);
  assert.deepEqual(buyer.consoleErrors, []);
  await staff.context().close();
  await buyer.context().close();
});

test('staff cancel a paid order with refund after a confirm dialog; a lost parcel is re-shipped from the console', async () => {
  // Cancel with refund: the wallet is back to where it was before paying.
  const start = await balance(flow.token);
  const order = await paidOrder();
  assert.equal(await balance(flow.token), start - BigInt(order.payment.amount));
  const staff = await openAs(merchant, `/staff/orders/${order.id}`);
  await typeInto(staff, 'Reason for cancelling', 'out of stock at the warehouse');
  await click(staff, role(staff, 'button', 'Cancel and refund'));
  await role(staff, 'heading', 'Cancel this order?').waitFor({ state: 'attached', timeout: 10000 });
  await a11y(staff).getByText(/will be refunded to the buyer's wallet/).waitFor({ state: 'attached' });
  await screenshot(staff, 'staff-cancel-dialog-desktop-en');
  await clickMirror(staff, role(staff, 'button', 'Cancel and refund').last());
  await text(staff, 'Order cancelled and refunded').waitFor({ state: 'attached', timeout: 10000 });
  const cancelled = (await call(`${api}/orders/${order.id}`, { token: flow.token })).body;
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.payment_status, 'refunded');
  assert.equal(await balance(flow.token), start);

  // Lost package: shipped, the carrier reports it lost, staff re-ship with another carrier.
  const lost = await paidOrder();
  const first = `SF${Date.now()}`;
  assert.equal((await call(`${api}/staff/orders/${lost.id}/shipments`, { method: 'POST', token: merchant, body: { carrier: 'sf', tracking_number: first } })).status, 200);
  assert.equal((await sendTracking(api, 'sf', first, [{ at: at(), status: 'lost', location: 'Hub', description: 'Parcel missing' }])).status, 200);
  await staff.goto(`${server.origin}/#/staff/orders/${lost.id}`);
  await role(staff, 'heading', 'Lost package').waitFor({ state: 'attached', timeout: 10000 });
  await click(staff, role(staff, 'option', 'China Post EMS').first());
  const second = `EMS${Date.now()}`;
  await typeInto(staff, 'New tracking number', second);
  await click(staff, role(staff, 'button', 'Re-ship'));
  await text(staff, 'Give a reason.').waitFor({ state: 'attached', timeout: 10000 });
  await typeInto(staff, 'Note', 'carrier lost it');
  await click(staff, role(staff, 'button', 'Re-ship'));
  await text(staff, 'Replacement shipped').waitFor({ state: 'attached', timeout: 10000 });
  const reshipped = (await call(`${api}/orders/${lost.id}`, { token: flow.token })).body;
  assert.equal(reshipped.status, 'shipped');
  assert.deepEqual(reshipped.shipments.map((x) => [x.carrier, x.tracking_number, x.status]),
    [['sf', first, 'lost'], ['ems', second, 'info_received']]);
  assert.match(reshipped.timeline.at(-1).note, /carrier lost it/);
  assert.equal(reshipped.timeline.at(-1).actor, 'staff');
  assert.deepEqual(staff.consoleErrors, []);
  await staff.context().close();
});

test('screenshots of the after-sales screens: desktop and phone, English and Chinese', async () => {
  assert.ok(flow.shipped, 'runs after the flows above');
  const paidOne = await paidOrder();
  // A second return, still requested, so the returns queue has something to show.
  const again = await call(`${api}/orders/${flow.shipped.id}/returns`, {
    method: 'POST', token: flow.token, body: { lines: [{ line_id: flow.shipped.lines[0].id, qty: 1 }], reason: 'wrong size' },
  });
  assert.equal(again.status, 201, JSON.stringify(again.body));
  for (const [device, dname] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    for (const [locale, lname] of [['en-US', 'en'], ['zh-CN', 'zh']]) {
      const shots = [
        [merchant, '/staff/orders', 'staff-orders'],
        [merchant, `/staff/orders/${paidOne.id}`, 'staff-order'],
        [merchant, '/staff/returns', 'staff-returns'],
        [flow.token, `/orders/${flow.shipped.id}/return`, 'return-request'],
        [flow.token, `/orders/${flow.shipped.id}`, 'order-after-return'],
      ];
      for (const [token, path, name] of shots) {
        const page = await openAs(token, path, { device, locale });
        await page.waitForTimeout(500);
        await waitIdle(page);
        await screenshot(page, `${name}-${dname}-${lname}`);
        assert.deepEqual(page.consoleErrors, [], `console errors (${name}, ${dname}, ${lname})`);
        await page.context().close();
      }
    }
  }
});
