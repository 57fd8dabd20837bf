// API tests after payment: the staff order console (ship, refund, cancel), carrier webhooks and
// tracking, delivery, receipt confirmation with points, reorder, and the roles that guard them.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { sendTracking, at } from '../support/carrier.mjs';
import { call, demoAccounts, login, sql, startServer } from '../support/server.mjs';
import { authorize, bindProof, newKey } from '../support/wallet.mjs';

let srv;
let store;
let products;
let merchant;
before(async () => {
  srv = await startServer();
  store = (await call(`${srv.api}/store`)).body;
  products = (await call(`${srv.api}/products?limit=100`)).body.items.filter((p) => p.variants.length === 1).sort((a, b) => b.stock - a.stock);
  merchant = await login(srv.api, demoAccounts.merchant);
});
after(async () => { await srv?.stop(); });

const address = {
  name: '李四', phone: '13900139000', country: 'CN', region: '北京市', city: '北京市',
  district: '海淀区', street: '中关村大街1号', postal_code: '100080',
};

// A new buyer who has paid an order of two lines (2 + 1 units).
async function paidOrder() {
  const email = `ship-${randomUUID()}@example.com`;
  const user = (await call(`${srv.api}/users`, { method: 'POST', body: { email, password: 'fulfilment pass' } })).body;
  const token = await login(srv.api, email, 'fulfilment pass');
  const key = newKey();
  await call(`${srv.api}/wallet`, { method: 'PUT', token, body: { pubkey: key.pubkey, proof: bindProof(key, store.id, user.id) } });
  await call(`${srv.api}/wallet/topups`, { method: 'POST', token, body: { currency: 'BTC', amount: '5000000' } });
  const order = (await call(`${srv.api}/orders`, {
    method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
    body: { lines: [{ product_id: products[0].id, qty: 2 }, { product_id: products[1].id, qty: 1 }], ship_to: address, pay_currency: 'BTC', lang: 'zh-CN' },
  })).body;
  const paid = await call(`${srv.api}/orders/${order.id}/payments`, { method: 'POST', token, body: authorize(order, key) });
  assert.equal(paid.status, 201);
  return { token, order, key };
}

const staff = (path, body) => call(`${srv.api}/staff${path}`, { method: body ? 'POST' : 'GET', token: merchant, body });
const tracking = () => `SF${Date.now()}${Math.floor(Math.random() * 1000)}`;

describe('staff console', () => {
  test('only staff with the merchant role reach it', async () => {
    const { token } = await paidOrder();
    assert.equal((await call(`${srv.api}/staff/orders`, { token })).status, 403);
    assert.equal((await call(`${srv.api}/staff/orders`)).status, 401);
    const agent = await login(srv.api, demoAccounts.agent);
    assert.equal((await call(`${srv.api}/staff/orders`, { token: agent })).status, 403);
    const admin = await login(srv.api, demoAccounts.admin);
    assert.equal((await call(`${srv.api}/staff/orders?status=paid`, { token: admin })).status, 200);
  });

  test('the queue of paid orders to ship', async () => {
    const { order } = await paidOrder();
    const queue = await staff('/orders?status=paid&limit=100');
    assert.ok(queue.body.items.some((o) => o.id === order.id));
    assert.ok(queue.body.items.every((o) => o.status === 'paid'));
  });

  test('shipping validates carrier and tracking number and moves the order to shipped', async () => {
    const { token, order } = await paidOrder();
    const bad = await staff(`/orders/${order.id}/shipments`, { carrier: 'pigeon', tracking_number: 'x' });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors.carrier && bad.body.errors.tracking_number);
    const number = tracking();
    const r = await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: number });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'shipped');
    assert.equal(r.body.shipments[0].tracking_number, number);
    assert.match(r.body.shipments[0].tracking_url, new RegExp(number));
    const twice = await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: tracking() });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'order_not_shippable');
    assert.equal(twice.body.order_status, 'shipped');
    const other = await paidOrder();
    const reused = await staff(`/orders/${other.order.id}/shipments`, { carrier: 'sf', tracking_number: number });
    assert.equal(reused.status, 409);
    assert.equal(reused.body.code, 'tracking_number_used');
    const cancel = await call(`${srv.api}/orders/${order.id}/cancel`, { method: 'POST', token });
    assert.equal(cancel.status, 409);
    assert.match(cancel.body.detail, /support/i);
    assert.equal(cancel.body.order_status, 'shipped');
  });

  test('a cancel racing a shipment: exactly one wins', async () => {
    for (let i = 0; i < 5; i++) {
      const { token, order } = await paidOrder();
      const [ship, cancel] = await Promise.all([
        staff(`/orders/${order.id}/shipments`, { carrier: 'ems', tracking_number: tracking() }),
        call(`${srv.api}/orders/${order.id}/cancel`, { method: 'POST', token }),
      ]);
      assert.deepEqual([ship.status, cancel.status].sort(), [200, 409]);
      const final = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
      assert.equal(final.status, ship.status === 200 ? 'shipped' : 'cancelled');
      assert.equal(final.refunds.length, ship.status === 200 ? 0 : 1);
    }
  });

  test('partial refunds by line and by amount, never above what was paid', async () => {
    const { token, order } = await paidOrder();
    const detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    const paid = Number(detail.payment.amount);
    const noReason = await staff(`/orders/${order.id}/refunds`, { lines: [{ line_id: detail.lines[0].id, qty: 1 }] });
    assert.equal(noReason.status, 422);
    const byLine = await staff(`/orders/${order.id}/refunds`, { lines: [{ line_id: detail.lines[0].id, qty: 1 }], reason: 'damaged' });
    assert.equal(byLine.status, 200, JSON.stringify(byLine.body));
    assert.equal(byLine.body.payment_status, 'partially_refunded');
    const lineAmount = Number(byLine.body.refunds[0].amount.amount);
    assert.ok(lineAmount > 0 && lineAmount < paid);
    const tooManyUnits = await staff(`/orders/${order.id}/refunds`, { lines: [{ line_id: detail.lines[0].id, qty: 2 }], reason: 'again' });
    assert.equal(tooManyUnits.status, 422);
    const over = await staff(`/orders/${order.id}/refunds`, { amount: { amount: String(paid), currency: 'BTC' }, reason: 'too much' });
    assert.equal(over.status, 422);
    assert.equal(over.body.code, 'over_refund');
    assert.equal(over.body.refundable, String(paid - lineAmount));
    const wrongCurrency = await staff(`/orders/${order.id}/refunds`, { amount: { amount: '1', currency: 'USDT' }, reason: 'x' });
    assert.equal(wrongCurrency.status, 422);
    const rest = await staff(`/orders/${order.id}/refunds`, { amount: { amount: String(paid - lineAmount), currency: 'BTC' }, reason: 'goodwill' });
    assert.equal(rest.status, 200);
    assert.equal(rest.body.payment_status, 'refunded');
    const wallet = (await call(`${srv.api}/wallet`, { token })).body.balances.find((b) => b.currency === 'BTC');
    assert.equal(wallet.amount, '5000000');
    // The merchant's takings are spread over several accounts: both refunds debit the one the
    // payment credited.
    const merchantEntries = sql(srv, `SELECT e.kind, e.account_id FROM ledger_entries e WHERE e.account_id LIKE 'merchant:%' AND `
      + `(e.ref = '${detail.payment.id}' OR e.ref IN (SELECT id FROM refunds WHERE order_id = '${order.id}')) ORDER BY e.seq`);
    const rows = merchantEntries.split('\n').map((line) => line.split('|'));
    assert.deepEqual(rows.map(([kind]) => kind), ['payment', 'refund', 'refund']);
    assert.match(rows[0][1], /^merchant:BTC:\d+$/);
    assert.ok(rows.every(([, account]) => account === rows[0][1]), merchantEntries);
  });

  test('staff cancel of a paid order needs a reason and refunds in full', async () => {
    const { order } = await paidOrder();
    assert.equal((await staff(`/orders/${order.id}/cancel`, {})).status, 422);
    const r = await staff(`/orders/${order.id}/cancel`, { reason: 'out of stock at the warehouse' });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'cancelled');
    assert.equal(r.body.payment_status, 'refunded');
    assert.equal(r.body.timeline.at(-1).actor, 'staff');
  });
});

describe('carrier webhook and delivery', () => {
  test('signed events build the tracking timeline; delivered moves the order; the buyer confirms receipt', async () => {
    const { token, order } = await paidOrder();
    const number = tracking();
    await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: number });
    const events = [
      { at: at(-1000), status: 'in_transit', location: '深圳', description: '已揽收' },
      { at: at(-2000), status: 'out_for_delivery', location: '北京', description: '派送中' },
    ];
    const first = await sendTracking(srv.api, 'sf', number, events);
    assert.equal(first.status, 200);
    assert.equal(first.body.recorded, 2);
    const dup = await sendTracking(srv.api, 'sf', number, events);
    assert.deepEqual(dup.body, { recorded: 0, duplicates: 2 });
    let detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(detail.status, 'shipped');
    assert.deepEqual(detail.shipments[0].events.map((e) => e.status), ['out_for_delivery', 'in_transit', 'info_received']);
    // Out for delivery is not delivered: a plain confirmation is refused and changes nothing.
    for (const body of [undefined, {}, { before_delivery: false }]) {
      const early = await call(`${srv.api}/orders/${order.id}/confirm-receipt`, { method: 'POST', token, body });
      assert.equal(early.status, 409, JSON.stringify(body));
      assert.equal(early.body.code, 'order_not_receivable');
      assert.equal(early.body.order_status, 'shipped');
    }
    const badFlag = await call(`${srv.api}/orders/${order.id}/confirm-receipt`, { method: 'POST', token, body: { before_delivery: 'yes' } });
    assert.equal(badFlag.status, 422);
    assert.ok(badFlag.body.errors.before_delivery);
    assert.equal((await call(`${srv.api}/orders/${order.id}`, { token })).body.status, 'shipped');

    await sendTracking(srv.api, 'sf', number, [{ at: at(-3000), status: 'delivered', location: '北京', description: '已签收' }]);
    detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(detail.status, 'delivered');
    assert.equal(detail.shipments[0].status, 'delivered');
    assert.ok(detail.delivered_at);

    const done = await call(`${srv.api}/orders/${order.id}/confirm-receipt`, { method: 'POST', token });
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'completed');
    assert.match(done.body.timeline.at(-1).note, /points earned/);
    assert.equal((await call(`${srv.api}/orders/${order.id}/confirm-receipt`, { method: 'POST', token })).status, 409);
  });

  test('before delivery the buyer completes the order only by saying it arrived (before_delivery), once', async () => {
    const { token, order } = await paidOrder();
    const number = tracking();
    await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: number });
    let detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(detail.timeline.at(-1).note, `SF Express ${number}`, 'the carrier by name, not its code');
    const unpaid = await call(`${srv.api}/orders`, {
      method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
      body: { lines: [{ product_id: detail.lines[0].product_id, qty: 1 }], ship_to: detail.ship_to, pay_currency: 'BTC' },
    });
    assert.equal(unpaid.status, 201, JSON.stringify(unpaid.body));
    const notShipped = await call(`${srv.api}/orders/${unpaid.body.id}/confirm-receipt`, { method: 'POST', token, body: { before_delivery: true } });
    assert.equal(notShipped.status, 409);
    assert.equal(notShipped.body.order_status, 'pending_payment');

    const done = await call(`${srv.api}/orders/${order.id}/confirm-receipt`, { method: 'POST', token, body: { before_delivery: true } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
    assert.match(done.body.timeline.at(-1).note, /^Receipt confirmed before the carrier reported delivery; \d+ points earned$/);
    assert.equal((await call(`${srv.api}/orders/${order.id}/confirm-receipt`, { method: 'POST', token, body: { before_delivery: true } })).status, 409);
    detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(detail.status, 'completed');
  });

  test('event times with fractions and offsets (as Chinese carriers send them) are stored in UTC', async () => {
    const { token, order } = await paidOrder();
    const number = tracking();
    await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: number });
    const base = Math.floor(Date.now() / 1000) - 7200;
    const utc = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
    const plus8 = (s) => `${new Date((s + 8 * 3600) * 1000).toISOString().slice(0, 19)}+08:00`;
    const frac = (s) => new Date(s * 1000).toISOString().replace('.000Z', '.123Z');
    const r = await sendTracking(srv.api, 'sf', number, [
      { at: plus8(base), status: 'info_received', location: '深圳', description: '已揽收' },
      { at: frac(base + 60), status: 'in_transit', location: '深圳', description: '运输中' },
    ]);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.recorded, 2);
    const events = (await call(`${srv.api}/orders/${order.id}`, { token })).body.shipments[0].events;
    // (Shipping itself recorded the first event, now.)
    assert.deepEqual(events.filter((e) => e.location === '深圳').map((e) => e.at), [utc(base + 60), utc(base)]);
    const bad = await sendTracking(srv.api, 'sf', number, [{ at: '2026-02-30T10:00:00+08:00', status: 'in_transit' }]);
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors['events[0].at']);
  });

  test('forged, stale and malformed webhooks are refused and record nothing', async () => {
    const { token, order } = await paidOrder();
    const number = tracking();
    await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: number });
    const event = [{ at: at(), status: 'delivered', location: '', description: '' }];
    const forged = await sendTracking(srv.api, 'sf', number, event, { secret: 'wrong' });
    assert.equal(forged.status, 401);
    assert.equal(forged.body.code, 'bad_signature');
    const stale = await sendTracking(srv.api, 'sf', number, event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    assert.equal(stale.status, 401);
    const otherCarrier = await sendTracking(srv.api, 'ems', number, event, { secret: 'demo-secret-sf' });
    assert.equal(otherCarrier.status, 401);
    const r = await fetch(`${srv.api}/carriers/sf/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(r.status, 401);
    const malformed = await sendTracking(srv.api, 'sf', number, [{ at: 'yesterday', status: 'teleported' }]);
    assert.equal(malformed.status, 422);
    const unknown = await sendTracking(srv.api, 'sf', 'NOSUCH12345', event);
    assert.equal(unknown.status, 404);
    const detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(detail.status, 'shipped');
    assert.equal(detail.shipments[0].events.length, 1);
  });
});

describe('reorder', () => {
  test('a cancelled order can be re-ordered; an active one cannot', async () => {
    const { token, order } = await paidOrder();
    assert.equal((await call(`${srv.api}/orders/${order.id}/reorder`, { method: 'POST', token })).status, 409);
    await call(`${srv.api}/orders/${order.id}/cancel`, { method: 'POST', token });
    const r = await call(`${srv.api}/orders/${order.id}/reorder`, { method: 'POST', token });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.lines.map((l) => [l.product_id, l.qty]), [[products[0].id, 2], [products[1].id, 1]]);
    assert.deepEqual(r.body.unavailable, []);
  });
});

describe('uploads and returns', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  const upload = (token, body) => fetch(`${srv.api}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body });

  test('uploads are sniffed from their bytes, limited to 5 MiB and private', async () => {
    const { token } = await paidOrder();
    const ok = await upload(token, png);
    assert.equal(ok.status, 201);
    const { id, type } = await ok.json();
    assert.equal(type, 'image/png');
    const spoofed = await upload(token, Buffer.from('<svg onload="alert(1)"></svg>'));
    assert.equal(spoofed.status, 415);
    const big = await upload(token, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    assert.equal(big.status, 413);
    const mine = await fetch(`${srv.api}/uploads/${id}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(mine.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await mine.arrayBuffer()), png);
    const stranger = await paidOrder();
    assert.equal((await fetch(`${srv.api}/uploads/${id}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status, 404);
    // Staff see an upload only through what it is attached to (tests/api/hardening.test.mjs).
    assert.equal((await fetch(`${srv.api}/uploads/${id}`, { headers: { authorization: `Bearer ${merchant}` } })).status, 404);
  });

  test('request, approve with RMA, ship back, receive → refunded; rejections and limits', async () => {
    const { token, order } = await paidOrder();
    const detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    const line = detail.lines[0];
    const early = await call(`${srv.api}/orders/${order.id}/returns`, { method: 'POST', token, body: { lines: [{ line_id: line.id, qty: 1 }], reason: 'too early' } });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'not_returnable');

    const number = tracking();
    await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: number });
    await sendTracking(srv.api, 'sf', number, [{ at: at(-1000), status: 'delivered', location: '北京', description: '已签收' }]);
    const photo = (await (await upload(token, png)).json()).id;
    const bad = await call(`${srv.api}/orders/${order.id}/returns`, { method: 'POST', token, body: { lines: [{ line_id: line.id, qty: 9 }], reason: '', evidence: ['upl_nope'] } });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors['lines[0].qty'] && bad.body.errors.reason && bad.body.errors.evidence);

    const created = await call(`${srv.api}/orders/${order.id}/returns`, { method: 'POST', token, body: { lines: [{ line_id: line.id, qty: 1 }], reason: 'wrong colour', evidence: [photo] } });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'requested');
    const ret = created.body.id;
    assert.equal((await call(`${srv.api}/returns/${ret}/shipment`, { method: 'POST', token, body: { carrier: 'sf', tracking_number: 'RET123456' } })).status, 409, 'not approved yet');
    assert.equal((await call(`${srv.api}/staff/returns/${ret}/approve`, { method: 'POST', token })).status, 403);
    const approved = await staff(`/returns/${ret}/approve`, {});
    assert.equal(approved.status, 200);
    assert.match(approved.body.rma, /^RMA-\d{6,}$/);
    const shipped = await call(`${srv.api}/returns/${ret}/shipment`, { method: 'POST', token, body: { carrier: 'sf', tracking_number: 'RET123456' } });
    assert.equal(shipped.body.status, 'in_transit');
    const received = await staff(`/returns/${ret}/receive`, {});
    assert.equal(received.body.status, 'refunded');
    const after = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(after.payment_status, 'partially_refunded');
    assert.equal(after.returns[0].status, 'refunded');
    assert.match(after.refunds[0].reason, /RMA-/);

    const second = await call(`${srv.api}/orders/${order.id}/returns`, { method: 'POST', token, body: { lines: [{ line_id: detail.lines[1].id, qty: 1 }], reason: 'changed mind' } });
    assert.equal(second.status, 201);
    assert.equal((await staff(`/returns/${second.body.id}/reject`, {})).status, 422);
    const rejected = await staff(`/returns/${second.body.id}/reject`, { reason: 'used item' });
    assert.equal(rejected.body.status, 'rejected');
    assert.equal((await staff(`/returns/${second.body.id}/approve`, {})).status, 409);
    const queue = await staff('/returns?status=rejected');
    assert.ok(queue.body.items.some((r) => r.id === second.body.id));
  });
});

describe('staff order detail and lost packages (re-ship or refund)', () => {
  test('the console detail shows the order with what can still be refunded, per line and in total', async () => {
    const { order } = await paidOrder();
    const r = await staff(`/orders/${order.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, order.id);
    assert.equal(r.body.refundable.currency, 'BTC');
    assert.equal(r.body.refundable.amount, r.body.payment.amount);
    assert.deepEqual(r.body.lines.map((l) => r.body.refundable_units[l.id]), [2, 1]);
    const refund = await staff(`/orders/${order.id}/refunds`, { lines: [{ line_id: r.body.lines[0].id, qty: 1 }], reason: 'scratched' });
    assert.equal(refund.status, 200);
    const after = (await staff(`/orders/${order.id}`)).body;
    assert.equal(after.refundable_units[r.body.lines[0].id], 1);
    assert.equal(Number(after.refundable.amount), Number(r.body.payment.amount) - Number(refund.body.refunds[0].amount.amount));
    assert.equal((await staff('/orders/ord_missing')).status, 404);
  });

  test('an unpaid order has no refundable amount in the detail', async () => {
    const email = `unpaid-${randomUUID()}@example.com`;
    await call(`${srv.api}/users`, { method: 'POST', body: { email, password: 'fulfilment pass' } });
    const token = await login(srv.api, email, 'fulfilment pass');
    const order = (await call(`${srv.api}/orders`, {
      method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
      body: { lines: [{ product_id: products[0].id, qty: 1 }], ship_to: address, pay_currency: 'BTC', lang: 'en' },
    })).body;
    const r = await staff(`/orders/${order.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'pending_payment');
    assert.equal(r.body.refundable, undefined);
    const reship = await staff(`/orders/${order.id}/reshipments`, { carrier: 'ems', tracking_number: tracking(), reason: 'lost' });
    assert.equal(reship.status, 409);
    assert.equal(reship.body.code, 'order_not_reshippable');
  });

  test('a lost parcel is re-shipped with a new carrier and tracking number, recorded on the timeline', async () => {
    const { token, order } = await paidOrder();
    const first = tracking();
    // Not shipped yet: re-ship is refused (ship it instead).
    const early = await staff(`/orders/${order.id}/reshipments`, { carrier: 'ems', tracking_number: tracking(), reason: 'lost' });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'order_not_reshippable');
    assert.equal(early.body.order_status, 'paid');
    assert.equal((await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: first })).status, 200);
    assert.equal((await sendTracking(srv.api, 'sf', first, [{ at: at(60_000), status: 'lost', location: 'Hub', description: 'Parcel missing' }])).status, 200);

    const bad = await staff(`/orders/${order.id}/reshipments`, { carrier: 'pigeon', tracking_number: 'x' });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors.carrier && bad.body.errors.tracking_number && bad.body.errors.reason);
    const reused = await staff(`/orders/${order.id}/reshipments`, { carrier: 'sf', tracking_number: first, reason: 'lost' });
    assert.equal(reused.status, 409);
    assert.equal(reused.body.code, 'tracking_number_used');

    const second = tracking().replace('SF', 'EMS');
    const r = await staff(`/orders/${order.id}/reshipments`, { carrier: 'ems', tracking_number: second, reason: 'carrier lost the parcel' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.status, 'shipped');
    assert.equal(r.body.shipments.length, 2);
    assert.equal(r.body.shipments[0].status, 'lost');
    assert.equal(r.body.shipments[1].carrier, 'ems');
    assert.equal(r.body.shipments[1].tracking_number, second);
    assert.equal(r.body.shipments[1].status, 'info_received');
    const entry = r.body.timeline.at(-1);
    assert.equal(entry.actor, 'staff');
    assert.equal(entry.status, 'shipped');
    // Carriers by name in the history, not by code.
    assert.match(entry.note, new RegExp(`^Re-shipped with China Post EMS ${second} \\(replaces SF Express ${first}\\): carrier lost the parcel$`));
    assert.ok(entry.at);

    // The buyer sees the same, and the replacement's tracking moves the order to delivered.
    const mine = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(mine.shipments.length, 2);
    assert.equal((await sendTracking(srv.api, 'ems', second, [{ at: at(), status: 'delivered', location: 'Beijing', description: 'Signed for' }])).status, 200);
    const delivered = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(delivered.status, 'delivered');
    // Delivered: no more re-shipping.
    const late = await staff(`/orders/${order.id}/reshipments`, { carrier: 'ems', tracking_number: tracking(), reason: 'again' });
    assert.equal(late.status, 409);
    assert.equal(late.body.order_status, 'delivered');
  });

  test('a parcel declared lost without a carrier report is marked lost when re-shipped', async () => {
    const { order } = await paidOrder();
    assert.equal((await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: tracking() })).status, 200);
    const r = await staff(`/orders/${order.id}/reshipments`, { carrier: 'sf', tracking_number: tracking(), reason: 'no scan for 14 days' });
    assert.equal(r.status, 200);
    assert.equal(r.body.shipments[0].status, 'lost');
    assert.equal(r.body.shipments[0].events[0].status, 'lost');
  });

  test('or the lost parcel is refunded in full, and nothing more can be refunded', async () => {
    const { token, order } = await paidOrder();
    assert.equal((await staff(`/orders/${order.id}/shipments`, { carrier: 'sf', tracking_number: tracking() })).status, 200);
    const detail = (await staff(`/orders/${order.id}`)).body;
    const refund = await staff(`/orders/${order.id}/refunds`, { amount: detail.refundable, reason: 'lost package' });
    assert.equal(refund.status, 200);
    assert.equal(refund.body.payment_status, 'refunded');
    assert.equal(refund.body.status, 'shipped');
    const wallet = (await call(`${srv.api}/wallet`, { token })).body.balances.find((b) => b.currency === 'BTC');
    assert.equal(wallet.amount, '5000000');
    const more = await staff(`/orders/${order.id}/refunds`, { amount: { amount: '1', currency: 'BTC' }, reason: 'again' });
    assert.equal(more.status, 422);
    assert.equal(more.body.refundable, '0');
  });

  test('cancelled and completed orders cannot be re-shipped', async () => {
    const { token, order } = await paidOrder();
    assert.equal((await staff(`/orders/${order.id}/cancel`, { reason: 'out of stock' })).status, 200);
    const cancelled = await staff(`/orders/${order.id}/reshipments`, { carrier: 'sf', tracking_number: tracking(), reason: 'x' });
    assert.equal(cancelled.status, 409);
    assert.equal(cancelled.body.order_status, 'cancelled');
    const other = await paidOrder();
    assert.equal((await staff(`/orders/${other.order.id}/shipments`, { carrier: 'sf', tracking_number: tracking() })).status, 200);
    assert.equal((await call(`${srv.api}/orders/${other.order.id}/confirm-receipt`, { method: 'POST', token: other.token, body: { before_delivery: true } })).status, 200);
    const completed = await staff(`/orders/${other.order.id}/reshipments`, { carrier: 'sf', tracking_number: tracking(), reason: 'x' });
    assert.equal(completed.status, 409);
    assert.equal(completed.body.order_status, 'completed');
    void token;
  });
});
