// API tests for checkout: preview, orders with idempotency and stock reservation, quotes,
// coupons, points, cancellation and the automatic cancel of unpaid orders.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { call, demoAccounts, login, startServer } from '../support/server.mjs';

let srv;
let buyer;
let products;
before(async () => {
  srv = await startServer();
  buyer = await login(srv.api, demoAccounts.buyer);
  products = (await call(`${srv.api}/products?limit=100`)).body.items;
});
after(async () => { await srv?.stop(); });

const address = {
  name: '张三', phone: '+86 138 0013 1000', country: 'CN', region: '广东省', city: '深圳市',
  district: '南山区', street: '科技园路1号 3栋 501室', postal_code: '518000',
};
// Products sold one way (one variant), so that a line needs no variant_id.
const inStock = (min = 1) => products.filter((p) => p.variants.length === 1 && p.stock >= min);
// A sold-out variant and its product.
const soldOutLine = () => {
  const p = products.find((x) => x.variants.some((v) => v.stock === 0));
  return { product: p, variant: p.variants.find((v) => v.stock === 0) };
};
const order = (lines, extra = {}) => ({ lines, ship_to: address, pay_currency: 'BTC', lang: 'en', ...extra });

async function newBuyer() {
  const email = `buyer-${randomUUID()}@example.com`;
  const r = await call(`${srv.api}/users`, { method: 'POST', body: { email, password: 'checkout passphrase' } });
  assert.equal(r.status, 201);
  return login(srv.api, email, 'checkout passphrase');
}

async function place(token, body, key = randomUUID()) {
  return call(`${srv.api}/orders`, { method: 'POST', token, body, headers: { 'idempotency-key': key } });
}

async function stockOf(id) {
  return (await call(`${srv.api}/products/${id}`)).body.stock;
}

describe('preview', () => {
  test('prices anonymously: subtotal, shipping, total and a BTC quote rounded up', async () => {
    const [a, b] = inStock(3);
    const r = await call(`${srv.api}/orders/preview`, { method: 'POST', body: order([{ product_id: a.id, qty: 2 }, { product_id: b.id, qty: 1 }]) });
    assert.equal(r.status, 200);
    const subtotal = 2 * Number(a.price.amount) + Number(b.price.amount);
    assert.equal(r.body.subtotal.amount, String(subtotal));
    const shipping = subtotal >= 29900 ? 0 : 1200;
    assert.equal(r.body.shipping.amount, String(shipping));
    assert.equal(r.body.total.amount, String(subtotal + shipping));
    const rate = BigInt(r.body.quote.rate);
    const expected = (BigInt(subtotal + shipping) * 100000000n + rate - 1n) / rate;
    assert.equal(r.body.quote.amount, expected.toString());
    assert.deepEqual(r.body.problems, []);
  });

  test('prices a cart with ship_to null; a missing ship_to is named, a given address still checked', async () => {
    const [a] = inStock(1);
    const missing = await call(`${srv.api}/orders/preview`, { method: 'POST', body: { lines: [{ product_id: a.id, qty: 1 }], pay_currency: 'BTC' } });
    assert.equal(missing.status, 422);
    assert.ok(missing.body.errors.ship_to);
    const r = await call(`${srv.api}/orders/preview`, { method: 'POST', body: { lines: [{ product_id: a.id, qty: 1 }], ship_to: null, pay_currency: 'BTC' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.subtotal.amount, a.price.amount);
    const bad = await call(`${srv.api}/orders/preview`, { method: 'POST', body: order([{ product_id: a.id, qty: 1 }], { ship_to: { ...address, phone: '1' } }) });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors['ship_to.phone']);
  });

  test('reports sold-out lines, unknown products and bad coupons as problems', async () => {
    const soldOut = soldOutLine();
    const [ok] = inStock(1);
    const r = await call(`${srv.api}/orders/preview`, {
      method: 'POST',
      body: order([{ product_id: ok.id, qty: 1 }, { product_id: soldOut.product.id, variant_id: soldOut.variant.id, qty: 1 },
        { product_id: 'prd_gone', qty: 1 }], { coupon: 'NOPE' }),
    });
    assert.equal(r.status, 200);
    const codes = r.body.problems.map((p) => p.code).sort();
    assert.deepEqual(codes, ['invalid_coupon', 'out_of_stock', 'product_unavailable']);
    assert.equal(r.body.problems.find((p) => p.code === 'out_of_stock').field, 'lines[1].qty');
  });
});

describe('creating orders', () => {
  test('needs a login and an Idempotency-Key', async () => {
    const body = order([{ product_id: inStock()[0].id, qty: 1 }]);
    assert.equal((await call(`${srv.api}/orders`, { method: 'POST', body, headers: { 'idempotency-key': 'k' } })).status, 401);
    const r = await call(`${srv.api}/orders`, { method: 'POST', token: buyer, body });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'idempotency_key_required');
  });

  test('creates a pending order with titles in the chosen language, a quote and a pay-by time', async () => {
    const p = inStock(2)[0];
    const before = await stockOf(p.id);
    const r = await place(buyer, order([{ product_id: p.id, qty: 2 }], { lang: 'zh-CN', pay_currency: 'USDT' }));
    assert.equal(r.status, 201);
    const o = r.body;
    assert.match(o.id, /^ord_[0-9a-f]{20}$/);
    assert.match(o.number, /^SO-\d{6,}$/);
    assert.equal(o.status, 'pending_payment');
    assert.equal(o.payment_status, 'unpaid');
    assert.equal(o.lines[0].title, p.i18n['zh-CN'].title);
    assert.equal(o.lines[0].line_total.amount, String(2 * Number(p.price.amount)));
    assert.equal(o.quote.currency, 'USDT');
    assert.equal(Date.parse(o.quote.expires_at) - Date.parse(o.quote.created_at), 15 * 60 * 1000);
    assert.deepEqual(o.ship_to, address);
    assert.equal(o.timeline[0].status, 'pending_payment');
    assert.equal(await stockOf(p.id), before - 2);
    const again = await call(`${srv.api}/orders/${o.id}`, { token: buyer });
    assert.deepEqual(again.body.lines, o.lines);
  });

  test('same key and body replays the order; same key with another body is 409', async () => {
    const p = inStock(3)[1];
    const key = randomUUID();
    const before = await stockOf(p.id);
    const first = await place(buyer, order([{ product_id: p.id, qty: 1 }]), key);
    const second = await place(buyer, order([{ product_id: p.id, qty: 1 }]), key);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(await stockOf(p.id), before - 1);
    const other = await place(buyer, order([{ product_id: p.id, qty: 2 }]), key);
    assert.equal(other.status, 409);
    assert.equal(other.body.code, 'idempotency_key_reused');
  });

  test('bad input is 422 with the field named', async () => {
    const p = inStock()[0];
    const cases = [
      [order([{ product_id: p.id, qty: 0 }]), 'lines[0].qty'],
      [order([{ product_id: p.id, qty: -1 }]), 'lines[0].qty'],
      [order([{ product_id: p.id, qty: 1.5 }]), 'lines[0].qty'],
      [order([{ product_id: p.id, qty: '2' }]), 'lines[0].qty'],
      [order([{ product_id: p.id, qty: 100 }]), 'lines[0].qty'],
      [order([{ product_id: p.id, qty: 1e20 }]), 'lines[0].qty'],
      [order([{ product_id: 'prd_unknown', qty: 1 }]), 'lines[0].product_id'],
      [order([{ product_id: p.id, qty: 1 }, { product_id: p.id, qty: 1 }]), 'lines[1].product_id'],
      [order([]), 'lines'],
      [order([{ product_id: p.id, qty: 1 }], { pay_currency: 'CNY' }), 'pay_currency'],
      [order([{ product_id: p.id, qty: 1 }], { ship_to: { ...address, phone: '123' } }), 'ship_to.phone'],
      [order([{ product_id: p.id, qty: 1 }], { ship_to: { ...address, postal_code: '51800' } }), 'ship_to.postal_code'],
      [order([{ product_id: p.id, qty: 1 }], { ship_to: { ...address, street: '' } }), 'ship_to.street'],
      [order([{ product_id: p.id, qty: 1 }], { ship_to: undefined }), 'ship_to'],
      [order([{ product_id: p.id, qty: 1 }], { use_points: 1e9 }), 'use_points'],
      [order([{ product_id: p.id, qty: 1 }], { lang: 'de' }), 'lang'],
    ];
    for (const [body, field] of cases) {
      const r = await place(buyer, body);
      assert.equal(r.status, 422, `${field}: ${JSON.stringify(r.body)}`);
      assert.ok(r.body.errors?.[field], `${field} in ${JSON.stringify(r.body.errors)}`);
    }
  });

  test('more than the stock is 409 out_of_stock with what is left', async () => {
    const soldOut = soldOutLine();
    const r = await place(buyer, order([{ product_id: soldOut.product.id, variant_id: soldOut.variant.id, qty: 1 }]));
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'out_of_stock');
    assert.equal(r.body.product_id, soldOut.product.id);
    assert.equal(r.body.variant_id, soldOut.variant.id);
    assert.equal(r.body.available, 0);
  });

  test('20 concurrent checkouts for the last 5 units: exactly 5 succeed', async () => {
    const buyers = await Promise.all(Array.from({ length: 20 }, () => newBuyer()));
    const p = [...inStock(30)].sort((a, b) => a.stock - b.stock)[0];
    let left = await stockOf(p.id);
    while (left > 5) {
      const qty = Math.min(99, left - 5);
      assert.equal((await place(buyer, order([{ product_id: p.id, qty }]))).status, 201);
      left -= qty;
    }
    assert.equal(await stockOf(p.id), 5);
    const results = await Promise.all(buyers.map((t) => place(t, order([{ product_id: p.id, qty: 1 }]))));
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 5, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 409).length, 15);
    assert.equal(await stockOf(p.id), 0);
  });
});

describe('coupons and points', () => {
  test('a coupon is used once per user and restored when the order is cancelled', async () => {
    const token = await newBuyer();
    const p = inStock(2).find((x) => Number(x.price.amount) >= 10000);
    const body = order([{ product_id: p.id, qty: 1 }], { coupon: 'welcome10' });
    const first = await place(token, body);
    assert.equal(first.status, 201);
    assert.equal(first.body.coupon, 'WELCOME10');
    assert.equal(first.body.coupon_discount.amount, String(Math.floor(Number(p.price.amount) / 10)));
    const second = await place(token, body);
    assert.equal(second.status, 422);
    assert.equal(second.body.code, 'invalid_coupon');
    assert.equal((await call(`${srv.api}/orders/${first.body.id}/cancel`, { method: 'POST', token, body: { reason: 'changed my mind' } })).status, 200);
    assert.equal((await place(token, body)).status, 201);
  });

  test('the preview names the coupon it applied, and none when it refused it', async () => {
    const p = inStock(2).find((x) => Number(x.price.amount) >= 10000);
    const body = order([{ product_id: p.id, qty: 2 }], { coupon: 'save20' });
    const ok = await call(`${srv.api}/orders/preview`, { method: 'POST', token: buyer, body });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.coupon, 'SAVE20');
    assert.equal(ok.body.coupon_discount.amount, '2000');
    const expired = await call(`${srv.api}/orders/preview`, { method: 'POST', token: buyer, body: { ...body, coupon: 'EXPIRED5' } });
    assert.equal(expired.status, 200);
    assert.equal(expired.body.coupon, null);
    assert.equal(expired.body.coupon_discount.amount, '0');
    assert.equal(expired.body.problems.find((x) => x.field === 'coupon')?.reason, 'coupon_expired');
    const none = await call(`${srv.api}/orders/preview`, { method: 'POST', token: buyer, body: order([{ product_id: p.id, qty: 1 }]) });
    assert.equal(none.body.coupon, null);
    // Subtotal - coupon - points + shipping = total, in every answer.
    for (const r of [ok.body, expired.body, none.body]) {
      assert.equal(Number(r.subtotal.amount) - Number(r.coupon_discount.amount) - r.points_used + Number(r.shipping.amount), Number(r.total.amount));
    }
  });

  test('expired, unknown and under-minimum coupons are refused', async () => {
    const cheap = inStock().find((x) => Number(x.price.amount) < 10000);
    for (const coupon of ['EXPIRED5', 'NOSUCHCODE', 'WELCOME10']) {
      const r = await place(buyer, order([{ product_id: cheap.id, qty: 1 }], { coupon }));
      assert.equal(r.status, 422, coupon);
      assert.equal(r.body.code, 'invalid_coupon');
      assert.ok(r.body.errors.coupon);
    }
  });

  test('points are spent and returned on cancel', async () => {
    const p = inStock()[0];
    const preview = await call(`${srv.api}/orders/preview`, { method: 'POST', token: buyer, body: order([{ product_id: p.id, qty: 1 }]) });
    const available = preview.body.points_available;
    assert.ok(available >= 100);
    const r = await place(buyer, order([{ product_id: p.id, qty: 1 }], { use_points: 100 }));
    assert.equal(r.status, 201);
    assert.equal(r.body.points_used, 100);
    assert.equal(r.body.discount.amount, '100');
    const after = await call(`${srv.api}/orders/preview`, { method: 'POST', token: buyer, body: order([{ product_id: p.id, qty: 1 }]) });
    assert.equal(after.body.points_available, available - 100);
    const tooMany = await place(buyer, order([{ product_id: p.id, qty: 1 }], { use_points: available }));
    assert.equal(tooMany.status, 422);
    await call(`${srv.api}/orders/${r.body.id}/cancel`, { method: 'POST', token: buyer });
    const restored = await call(`${srv.api}/orders/preview`, { method: 'POST', token: buyer, body: order([{ product_id: p.id, qty: 1 }]) });
    assert.equal(restored.body.points_available, available);
  });
});

describe('after creation', () => {
  test('cancel releases stock, records the timeline and cannot happen twice', async () => {
    const p = inStock(2)[2];
    const before = await stockOf(p.id);
    const o = (await place(buyer, order([{ product_id: p.id, qty: 2 }]))).body;
    assert.equal(await stockOf(p.id), before - 2);
    const r = await call(`${srv.api}/orders/${o.id}/cancel`, { method: 'POST', token: buyer, body: { reason: 'wrong size' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'cancelled');
    assert.deepEqual(r.body.timeline.map((t) => t.status), ['pending_payment', 'cancelled']);
    assert.equal(r.body.timeline[1].note, 'wrong size');
    assert.equal(await stockOf(p.id), before);
    const again = await call(`${srv.api}/orders/${o.id}/cancel`, { method: 'POST', token: buyer });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'order_not_cancellable');
    assert.equal(again.body.status, 409);
    assert.equal(again.body.order_status, 'cancelled');
  });

  test('a fresh quote can switch currency; a cancelled order gets none', async () => {
    const o = (await place(buyer, order([{ product_id: inStock()[0].id, qty: 1 }]))).body;
    const r = await call(`${srv.api}/orders/${o.id}/quote`, { method: 'POST', token: buyer, body: { pay_currency: 'USDT' } });
    assert.equal(r.status, 200);
    assert.notEqual(r.body.quote.id, o.quote.id);
    assert.equal(r.body.quote.currency, 'USDT');
    assert.equal((await call(`${srv.api}/orders/${o.id}/quote`, { method: 'POST', token: buyer, body: { pay_currency: 'EUR' } })).status, 422);
    await call(`${srv.api}/orders/${o.id}/cancel`, { method: 'POST', token: buyer });
    const late = await call(`${srv.api}/orders/${o.id}/quote`, { method: 'POST', token: buyer });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'order_not_payable');
  });

  test('other users get 404 for my orders; my list is newest first and filterable', async () => {
    const o = (await place(buyer, order([{ product_id: inStock()[0].id, qty: 1 }]))).body;
    const stranger = await newBuyer();
    assert.equal((await call(`${srv.api}/orders/${o.id}`, { token: stranger })).status, 404);
    assert.equal((await call(`${srv.api}/orders/${o.id}/cancel`, { method: 'POST', token: stranger })).status, 404);
    assert.deepEqual((await call(`${srv.api}/orders`, { token: stranger })).body.items, []);
    const mine = await call(`${srv.api}/orders?limit=100`, { token: buyer });
    assert.equal(mine.body.items[0].id, o.id);
    const created = mine.body.items.map((x) => Date.parse(x.created_at));
    assert.deepEqual(created, [...created].sort((a, b) => b - a));
    const cancelled = await call(`${srv.api}/orders?status=cancelled`, { token: buyer });
    assert.ok(cancelled.body.items.length >= 1 && cancelled.body.items.every((x) => x.status === 'cancelled'));
    assert.equal((await call(`${srv.api}/orders?status=lost`, { token: buyer })).status, 422);
    const page = await call(`${srv.api}/orders?limit=2`, { token: buyer });
    const next = await call(`${srv.api}/orders?limit=2&cursor=${page.body.next_cursor}`, { token: buyer });
    assert.equal(next.body.items[0].id, mine.body.items[2].id);
  });

  test('unpaid orders are cancelled automatically after the pay-by time and release stock', async () => {
    const quick = await startServer({ args: ['--unpaid-order-ttl-s', '2', '--sweep-period-s', '1'] });
    try {
      const token = await login(quick.api, demoAccounts.buyer);
      const p = (await call(`${quick.api}/products?limit=100`)).body.items.find((x) => x.stock >= 2);
      const stock = async () => (await call(`${quick.api}/products/${p.id}`)).body.stock;
      const before = await stock();
      const o = (await call(`${quick.api}/orders`, { method: 'POST', token, body: order([{ product_id: p.id, qty: 1 }]), headers: { 'idempotency-key': randomUUID() } })).body;
      assert.equal(Date.parse(o.pay_by) - Date.parse(o.created_at), 2000);
      assert.equal(await stock(), before - 1);
      await new Promise((r) => setTimeout(r, 3500));
      assert.equal(await stock(), before, 'the sweeper released the stock without anyone reading the order');
      const r = await call(`${quick.api}/orders/${o.id}`, { token });
      assert.equal(r.body.status, 'cancelled');
      assert.equal(r.body.timeline.at(-1).actor, 'system');
    } finally {
      await quick.stop();
    }
  });
});

describe('saved addresses', () => {
  test('save, list, deduplicate and delete; nobody else sees them', async () => {
    const token = await newBuyer();
    const created = await call(`${srv.api}/me/addresses`, { method: 'POST', token, body: address });
    assert.equal(created.status, 201);
    const dup = await call(`${srv.api}/me/addresses`, { method: 'POST', token, body: address });
    assert.equal(dup.body.id, created.body.id);
    const bad = await call(`${srv.api}/me/addresses`, { method: 'POST', token, body: { ...address, phone: 'x' } });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors.phone);
    assert.equal((await call(`${srv.api}/me/addresses`, { token })).body.items.length, 1);
    const stranger = await newBuyer();
    assert.equal((await call(`${srv.api}/me/addresses/${created.body.id}`, { method: 'DELETE', token: stranger })).status, 404);
    assert.equal((await call(`${srv.api}/me/addresses/${created.body.id}`, { method: 'DELETE', token })).status, 204);
    assert.deepEqual((await call(`${srv.api}/me/addresses`, { token })).body.items, []);
  });
});
