// The whole merchant path of issue 20 on an empty database without --demo (SQLite, and
// PostgreSQL under test.sh): the first admin from `satstore create-user` → log in → invite a
// merchant, who sets a password from the mail → the merchant names a category, uploads two
// images and creates a product with two variants → a buyer orders one variant → its stock moves
// and the history says why → the merchant archives the product → the order still shows it, and
// the audit log has every step.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';

import { address } from '../support/buyer.mjs';
import { png } from '../support/images.mjs';
import { call, createDatabase, serverBinary, sql, startServer } from '../support/server.mjs';

let database;
let srv;
before(async () => {
  database = createDatabase();
  srv = await startServer({ demo: false, database });
});
after(async () => {
  await srv?.stop();
  database?.drop();
});

async function login(email, password) {
  const r = await call(`${srv.api}/sessions`, { method: 'POST', body: { email, password } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.token;
}

async function upload(token, bytes) {
  const r = await fetch(`${srv.api}/staff/images`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: bytes });
  assert.ok([200, 201].includes(r.status), `upload: ${r.status}`);
  return (await r.json()).id;
}

test('a real shop from an empty database: admin, merchant, catalog with variants and images, an order, archive', async () => {
  assert.equal((await call(`${srv.api}/products`)).body.items.length, 0, 'no demo data');
  assert.equal((await call(`${srv.api}/store`)).body.categories.length, 0);

  const adminEmail = `owner-${randomUUID()}@shop.example`;
  const made = spawnSync(serverBinary, ['create-user', '--email', adminEmail, '--role', 'admin', '--db', database.url],
    { input: 'the owner passphrase\n', encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const admin = await login(adminEmail, 'the owner passphrase');

  const merchantEmail = `shopkeeper-${randomUUID()}@shop.example`;
  const invited = await call(`${srv.api}/staff/users`, { method: 'POST', token: admin, body: { email: merchantEmail, roles: ['merchant'] } });
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  const mail = sql(srv, `SELECT body FROM outbox WHERE to_addr = '${merchantEmail}' ORDER BY seq DESC LIMIT 1`);
  const token = mail.match(/#\/accept-invite\?token=(\S+)/)[1];
  const accepted = await call(`${srv.api}/invitations/complete`, { method: 'POST', body: { token, password: 'shopkeeper passphrase' } });
  assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
  const merchant = accepted.body.token;

  assert.equal((await call(`${srv.api}/staff/categories/tea`, { method: 'PUT', token: merchant, body: { title: 'Tea', title_zh: '茶' } })).status, 200);
  const front = await upload(merchant, png(800, 600, 1));
  const back = await upload(merchant, png(600, 800, 2));
  const created = await call(`${srv.api}/staff/products`, {
    method: 'POST', token: merchant, body: {
      category: 'tea', status: 'active', title: 'Oolong', description: 'Rolled leaves from Anxi.',
      i18n: { 'zh-CN': { title: '乌龙茶', description: '安溪的球形茶叶。' } },
      images: [front, back],
      options: [{ name: 'Weight', values: ['100 g', '250 g'], i18n: { 'zh-CN': { name: '重量', values: ['100 克', '250 克'] } } }],
      variants: [
        { sku: 'oolong-100', options: ['100 g'], price: { amount: '6800', currency: 'CNY' }, stock: 10 },
        { sku: 'oolong-250', options: ['250 g'], price: { amount: '15800', currency: 'CNY' }, stock: 4, image: back },
      ],
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const product = created.body;
  assert.deepEqual(product.images, [front, back]);
  const [small, large] = product.variants;
  const listed = (await call(`${srv.api}/products`)).body.items;
  assert.deepEqual(listed.map((p) => p.id), [product.id]);
  assert.equal(listed[0].price.amount, '6800');
  // A gallery entry that was never uploaded is refused by field.
  const ghost = `/media/${'0'.repeat(64)}-640.webp`;
  const refused = await call(`${srv.api}/staff/products/${product.id}`, { method: 'PATCH', token: merchant, body: { images: [front, ghost] } });
  assert.equal(refused.status, 422);
  assert.ok(refused.body.errors['images[1]']);

  // A buyer registers and orders the large variant.
  const buyerEmail = `buyer-${randomUUID()}@example.com`;
  assert.equal((await call(`${srv.api}/users`, { method: 'POST', body: { email: buyerEmail, password: 'a buyer passphrase' } })).status, 201);
  const buyer = await login(buyerEmail, 'a buyer passphrase');
  const order = await call(`${srv.api}/orders`, {
    method: 'POST', token: buyer, headers: { 'Idempotency-Key': randomUUID() },
    body: { lines: [{ product_id: product.id, variant_id: large.id, qty: 3 }], ship_to: address, pay_currency: 'BTC', lang: 'zh-CN' },
  });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  assert.equal(order.body.lines[0].variant, '250 克');
  const history = (await call(`${srv.api}/staff/variants/${large.id}/stock`, { token: merchant })).body;
  assert.equal(history.stock, 1);
  assert.deepEqual(history.items.map((m) => [m.reason, m.delta]), [['order', -3], ['received', 4]]);
  assert.equal((await call(`${srv.api}/staff/variants/${small.id}/stock`, { token: merchant })).body.stock, 10);

  // Archived: gone from the catalog, still on the buyer's order, the variant undeletable.
  assert.equal((await call(`${srv.api}/staff/products/${product.id}/archive`, { method: 'POST', token: merchant })).status, 200);
  assert.equal((await call(`${srv.api}/products`)).body.items.length, 0);
  const kept = (await call(`${srv.api}/orders/${order.body.id}`, { token: buyer })).body;
  assert.equal(kept.lines[0].title, '乌龙茶');
  assert.equal(kept.lines[0].sku, 'oolong-250');
  assert.equal((await call(`${srv.api}/products/${product.id}`)).body.status, 'archived');

  // The merchant may not manage staff; the admin reads every step in the audit log.
  assert.equal((await call(`${srv.api}/staff/users`, { token: merchant })).status, 403);
  const audit = (await call(`${srv.api}/staff/audit?limit=100`, { token: admin })).body.items.map((e) => e.action);
  for (const action of ['user.create', 'user.invite', 'user.accept', 'category.save', 'media.upload', 'product.create', 'product.archive'])
    assert.ok(audit.includes(action), `${action} in ${audit.join(', ')}`);
  assert.ok(!JSON.stringify(audit).includes('passphrase'));
});
