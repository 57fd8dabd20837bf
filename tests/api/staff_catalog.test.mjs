// API tests for catalog management (issue 20): products with options and variants, the public
// catalog's view of drafts and archived products, orders keeping the variant, stock moved with a
// reason (never below zero), and the audit log. On SQLite and, under test.sh, PostgreSQL.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { address } from '../support/buyer.mjs';
import { call, demoAccounts, login, sql, startServer } from '../support/server.mjs';

let srv, merchant, agent, buyer;
before(async () => {
  srv = await startServer();
  merchant = await login(srv.api, demoAccounts.merchant);
  agent = await login(srv.api, demoAccounts.agent);
  buyer = await login(srv.api, demoAccounts.buyer);
});
after(async () => { await srv?.stop(); });

const cny = (amount) => ({ amount, currency: 'CNY' });
const sku = (stem) => `${stem}-${randomUUID().slice(0, 8)}`;

function draft(stem = 'mug') {
  return {
    category: 'home',
    title: 'Enamel Mug',
    description: 'A camp mug.',
    i18n: { 'zh-CN': { title: '搪瓷杯', description: '露营杯。' } },
    images: ['/assets/products/mug-enamel.svg'],
    options: [{ name: 'Colour', values: ['White', 'Orange'], i18n: { 'zh-CN': { name: '颜色', values: ['白色', '橙色'] } } }],
    variants: [
      { sku: sku(`${stem}-wh`), options: ['White'], price: cny('5900'), stock: 5 },
      { sku: sku(`${stem}-or`), options: ['Orange'], price: cny('6900'), stock: 2 },
    ],
  };
}

const create = (body, token = merchant) => call(`${srv.api}/staff/products`, { method: 'POST', token, body });
const patch = (id, body, token = merchant) => call(`${srv.api}/staff/products/${id}`, { method: 'PATCH', token, body });
const stock = (variantId, body, token = merchant) => call(`${srv.api}/staff/variants/${variantId}/stock`, { method: 'POST', token, body });
const order = (lines) => call(`${srv.api}/orders`, {
  method: 'POST', token: buyer, headers: { 'Idempotency-Key': randomUUID() },
  body: { lines, ship_to: address, pay_currency: 'BTC', lang: 'zh-CN' },
});

describe('staff products', () => {
  test('a merchant creates a draft with two variants; it goes public only once active', async () => {
    const r = await create(draft());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const p = r.body;
    assert.match(p.id, /^prd_/);
    assert.equal(p.status, 'draft');
    assert.equal(p.variants.length, 2);
    assert.deepEqual(p.variants.map((v) => v.stock), [5, 2]);
    assert.equal(p.price.amount, '5900', 'the lowest variant price');
    assert.equal(p.stock, 7);
    assert.equal((await call(`${srv.api}/products/${p.id}`)).status, 404, 'a draft is not public');

    const live = await patch(p.id, { status: 'active' });
    assert.equal(live.status, 200, JSON.stringify(live.body));
    assert.equal((await call(`${srv.api}/products/${p.id}`)).body.status, 'active');
    const listed = await call(`${srv.api}/products?q=${encodeURIComponent(p.variants[1].sku)}`);
    assert.deepEqual(listed.body.items.map((x) => x.id), [p.id], 'found by a variant SKU, one card per product');

    const staffList = await call(`${srv.api}/staff/products?status=active&q=Enamel`, { token: merchant });
    assert.equal(staffList.status, 200);
    assert.ok(staffList.body.items.some((x) => x.id === p.id));
  });

  test('a buyer orders one variant: the order keeps it, its stock moves, history shows it', async () => {
    const p = (await create({ ...draft('order'), status: 'active' })).body;
    const [white, orange] = p.variants;
    const missing = await order([{ product_id: p.id, qty: 1 }]);
    assert.equal(missing.status, 422);
    assert.ok(missing.body.errors['lines[0].variant_id'], JSON.stringify(missing.body));

    const placed = await order([{ product_id: p.id, variant_id: orange.id, qty: 2 }]);
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const line = placed.body.lines[0];
    assert.equal(line.variant_id, orange.id);
    assert.equal(line.sku, orange.sku);
    assert.equal(line.variant, '橙色', 'the variant in the order language');
    assert.equal(line.unit_price.amount, '6900');

    const now = (await call(`${srv.api}/products/${p.id}`)).body;
    assert.deepEqual(now.variants.map((v) => v.stock), [5, 0]);
    const sold = await order([{ product_id: p.id, variant_id: orange.id, qty: 1 }]);
    assert.equal(sold.status, 409);
    assert.equal(sold.body.code, 'out_of_stock');
    assert.equal(sold.body.variant_id, orange.id);

    const history = await call(`${srv.api}/staff/variants/${orange.id}/stock`, { token: merchant });
    assert.equal(history.status, 200);
    assert.deepEqual(history.body.items.map((m) => [m.reason, m.delta, m.ref]), [['order', -2, placed.body.number], ['received', 2, '']]);

    // Archived: off the public list, not for sale, still in the order.
    const archived = await call(`${srv.api}/staff/products/${p.id}/archive`, { method: 'POST', token: merchant });
    assert.equal(archived.status, 200);
    assert.equal(archived.body.status, 'archived');
    const again = await call(`${srv.api}/staff/products/${p.id}/archive`, { method: 'POST', token: merchant });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'product_status_unchanged');
    const listed = await call(`${srv.api}/products?q=${encodeURIComponent(white.sku)}`);
    assert.equal(listed.body.items.length, 0);
    assert.equal((await call(`${srv.api}/products/${p.id}`)).body.status, 'archived');
    const refused = await order([{ product_id: p.id, variant_id: white.id, qty: 1 }]);
    assert.equal(refused.status, 422);
    const kept = await call(`${srv.api}/orders/${placed.body.id}`, { token: buyer });
    assert.equal(kept.body.lines[0].variant_id, orange.id);
    assert.equal(kept.body.lines[0].title, '搪瓷杯');

    // A variant that orders name cannot be deleted; restore brings the product back.
    const drop = await patch(p.id, { variants: [{ id: white.id, sku: white.sku, options: ['White'], price: cny('5900') }] });
    assert.equal(drop.status, 409);
    assert.equal(drop.body.code, 'variant_in_orders');
    const restored = await call(`${srv.api}/staff/products/${p.id}/restore`, { method: 'POST', token: merchant });
    assert.equal(restored.body.status, 'active');
  });

  test('stock: set or adjust with a reason, never below zero; each change is audited', async () => {
    const p = (await create(draft('stock'))).body;
    const v = p.variants[0];
    const received = await stock(v.id, { delta: 10, reason: 'received', note: 'PO-7' });
    assert.equal(received.status, 200, JSON.stringify(received.body));
    assert.equal(received.body.stock, 15);
    assert.equal(received.body.movement.stock_after, 15);
    const set = await stock(v.id, { set: 3, reason: 'correction' });
    assert.equal(set.body.stock, 3);
    assert.equal(set.body.movement.delta, -12);
    const below = await stock(v.id, { delta: -4, reason: 'damaged' });
    assert.equal(below.status, 409);
    assert.equal(below.body.code, 'insufficient_stock');
    assert.equal(below.body.available, 3);
    for (const body of [{ delta: 1 }, { delta: 1, reason: 'order' }, { set: -1, reason: 'correction' }, { delta: 0.5, reason: 'received' }, {}]) {
      const r = await stock(v.id, body);
      assert.equal(r.status, 422, JSON.stringify(body));
    }
    assert.equal((await stock('var_nope', { delta: 1, reason: 'received' })).status, 404);
    const rows = sql(srv, `SELECT action, after_json FROM audit_log WHERE target = '${v.id}' ORDER BY seq`).split('\n');
    assert.equal(rows.length, 2, 'two changes, the refused ones leave nothing');
    assert.match(rows[0], /^stock\.adjust\|.*"stock":15/);
  });

  test('price changes apply to new orders; an update keeps stock and audits before → after', async () => {
    const p = (await create({ ...draft('price'), status: 'active' })).body;
    const [white, orange] = p.variants;
    const r = await patch(p.id, {
      title: 'Enamel Camp Mug',
      variants: [{ id: white.id, sku: white.sku, options: ['White'], price: cny('4900'), stock: 999 },
        { id: orange.id, sku: orange.sku, options: ['Orange'], price: cny('6900') }],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.variants[0].price.amount, '4900');
    assert.equal(r.body.variants[0].stock, 5, 'stock moves only through the stock endpoint');
    const placed = await order([{ product_id: p.id, variant_id: white.id, qty: 1 }]);
    assert.equal(placed.body.lines[0].unit_price.amount, '4900');
    const audit = sql(srv, `SELECT action FROM audit_log WHERE target = '${p.id}' ORDER BY seq`);
    assert.deepEqual(audit.split('\n'), ['product.create', 'product.update']);
  });

  test('refusals: wrong role 403, bad fields 422 by name, duplicate SKU 409, unknown category', async () => {
    assert.equal((await create(draft(), agent)).status, 403);
    assert.equal((await create(draft(), buyer)).status, 403);
    assert.equal((await call(`${srv.api}/staff/products`, { method: 'POST', body: draft() })).status, 401);
    assert.equal((await call(`${srv.api}/staff/products`, { token: agent })).status, 403);

    const bad = draft();
    bad.variants[1].sku = bad.variants[0].sku;
    bad.variants[0].price = cny('-1');
    bad.options[0].values = ['White', 'White'];
    bad.i18n['zh-CN'].title = 'x'.repeat(201);
    delete bad.title;
    const r = await create(bad);
    assert.equal(r.status, 422);
    for (const field of ['title', 'variants[1].sku', 'variants[0].price', 'options[0].values[1]', 'i18n.zh-CN.title'])
      assert.ok(r.body.errors[field], `${field} in ${JSON.stringify(r.body.errors)}`);

    const first = (await create(draft('dup'))).body;
    const dup = draft();
    dup.variants[1].sku = first.variants[0].sku;
    const conflict = await create(dup);
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.code, 'sku_taken');
    assert.ok(conflict.body.errors['variants[1].sku']);

    const nowhere = await create({ ...draft(), category: 'spaceships' });
    assert.equal(nowhere.status, 422);
    assert.ok(nowhere.body.errors.category);
    assert.equal((await patch('prd_nope', { title: 'x' })).status, 404);
  });
});
