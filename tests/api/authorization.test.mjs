// The authorization matrix (issue 7): every route of the API, as published in /openapi.json, is
// listed here with who may call it — independently of the server's route table — and tried as
// anonymous, with a forged token, as each staff role and, for a buyer's own resources, as another
// buyer. A route the server adds without an entry here fails the first test.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { at, sendTracking } from '../support/carrier.mjs';
import { call, demoAccounts, login, startServer } from '../support/server.mjs';
import { authorize, bindProof, newKey } from '../support/wallet.mjs';

// anyone: no session needed · hmac: carrier signature instead of a session · user: any signed-in
// user (their own data only) · merchant / agent / admin: staff roles (admin may call everything).
const matrix = {
  'GET /healthz': 'anyone',
  'GET /readyz': 'anyone',
  'GET /metrics': 'anyone',  // loopback only: the tests are on 127.0.0.1
  'GET /media/{file}': 'anyone',
  'GET /api/v1/openapi.json': 'anyone',
  'GET /api/v1/store': 'anyone',
  'GET /api/v1/products': 'anyone',
  'GET /api/v1/products/{id}': 'anyone',
  'GET /api/v1/rates': 'anyone',
  'POST /api/v1/users': 'anyone',
  'POST /api/v1/sessions': 'anyone',
  'DELETE /api/v1/sessions/current': 'user',
  'DELETE /api/v1/sessions': 'user',
  'GET /api/v1/me': 'user',
  'PUT /api/v1/me/password': 'user',
  'POST /api/v1/me/2fa': 'user',
  'POST /api/v1/me/2fa/confirm': 'user',
  'DELETE /api/v1/me/2fa': 'user',
  'GET /api/v1/me/login-activity': 'user',
  'POST /api/v1/password-resets': 'anyone',
  'POST /api/v1/password-resets/complete': 'anyone',
  'POST /api/v1/password-resets/{token}': 'anyone',
  'GET /api/v1/dev/outbox': 'admin',
  'GET /api/v1/me/addresses': 'user',
  'POST /api/v1/me/addresses': 'user',
  'DELETE /api/v1/me/addresses/{id}': 'user',
  'POST /api/v1/orders/preview': 'anyone',
  'POST /api/v1/orders': 'user',
  'GET /api/v1/orders': 'user',
  'GET /api/v1/orders/{id}': 'user',
  'POST /api/v1/orders/{id}/quote': 'user',
  'POST /api/v1/orders/{id}/cancel': 'user',
  'POST /api/v1/orders/{id}/payments': 'user',
  'POST /api/v1/orders/{id}/confirm-receipt': 'user',
  'POST /api/v1/orders/{id}/reorder': 'user',
  'POST /api/v1/orders/{id}/returns': 'user',
  'POST /api/v1/returns/{id}/shipment': 'user',
  'POST /api/v1/uploads': 'user',
  'GET /api/v1/uploads/{id}': 'user',
  'PUT /api/v1/wallet': 'user',
  'GET /api/v1/wallet': 'user',
  'GET /api/v1/wallet/ledger': 'user',
  'POST /api/v1/wallet/topups': 'user',
  'GET /api/v1/staff/orders': 'merchant',
  'POST /api/v1/staff/orders/{id}/shipments': 'merchant',
  'POST /api/v1/staff/orders/{id}/refunds': 'merchant',
  'POST /api/v1/staff/orders/{id}/cancel': 'merchant',
  'GET /api/v1/staff/returns': 'merchant',
  'POST /api/v1/staff/returns/{id}/approve': 'merchant',
  'POST /api/v1/staff/returns/{id}/reject': 'merchant',
  'POST /api/v1/staff/returns/{id}/receive': 'merchant',
  'POST /api/v1/staff/images': 'merchant',
  'POST /api/v1/carriers/{carrier}/events': 'hmac',
  'GET /api/v1/support/channels': 'anyone',
  'GET /api/v1/support/faq': 'anyone',
  'POST /api/v1/tickets': 'user',
  'GET /api/v1/tickets': 'user',
  'GET /api/v1/tickets/{id}': 'user',
  'POST /api/v1/tickets/{id}/messages': 'user',
  'POST /api/v1/tickets/{id}/close': 'user',
  'POST /api/v1/tickets/{id}/rating': 'user',
  'GET /api/v1/staff/tickets': 'agent',
  'GET /api/v1/staff/tickets/{id}': 'agent',
  'PATCH /api/v1/staff/tickets/{id}': 'agent',
  'POST /api/v1/staff/tickets/{id}/messages': 'agent',
  'GET /api/v1/staff/orders/{id}': 'merchant',
  'POST /api/v1/staff/orders/{id}/reshipments': 'merchant',
  'GET /api/v1/staff/products': 'merchant',
  'POST /api/v1/staff/products': 'merchant',
  'GET /api/v1/staff/products/{id}': 'merchant',
  'PATCH /api/v1/staff/products/{id}': 'merchant',
  'POST /api/v1/staff/products/{id}/archive': 'merchant',
  'POST /api/v1/staff/products/{id}/restore': 'merchant',
  'POST /api/v1/staff/variants/{id}/stock': 'merchant',
  'GET /api/v1/staff/variants/{id}/stock': 'merchant',
  'PUT /api/v1/staff/categories/{slug}': 'merchant',
  'POST /api/v1/staff/catalog/import': 'merchant',
  'GET /api/v1/staff/catalog/export': 'merchant',
  'GET /api/v1/staff/users': 'admin',
  'POST /api/v1/staff/users': 'admin',
  'PATCH /api/v1/staff/users/{id}': 'admin',
  'GET /api/v1/staff/audit': 'admin',
  'POST /api/v1/invitations/complete': 'anyone',
};

let srv;
const tokens = {};
// Buyer B's resources, which buyer A tries to reach.
const theirs = {};

const address = {
  name: 'Bo Li', phone: '13900139000', country: 'CN', region: '上海市', city: '上海市',
  district: '浦东新区', street: '世纪大道100号', postal_code: '200120',
};

async function registerBuyer() {
  const email = `authz-${randomUUID()}@example.com`;
  const user = (await call(`${srv.api}/users`, { method: 'POST', body: { email, password: 'matrix passphrase' } })).body;
  return { user, token: await login(srv.api, email, 'matrix passphrase') };
}

async function createOrder(token, productId) {
  const r = await call(`${srv.api}/orders`, {
    method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
    body: { lines: [{ product_id: productId, qty: 1 }], ship_to: address, pay_currency: 'BTC', lang: 'en' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

before(async () => {
  srv = await startServer();
  for (const role of ['buyer', 'merchant', 'agent', 'admin']) tokens[role] = await login(srv.api, demoAccounts[role]);
  const store = (await call(`${srv.api}/store`)).body;
  const product = (await call(`${srv.api}/products?limit=100`)).body.items
    .filter((p) => p.variants.length === 1).sort((a, b) => b.stock - a.stock)[0];

  // Buyer B: an unpaid order, a delivered order with a return, an address and an upload.
  const b = await registerBuyer();
  tokens.other = b.token;
  const key = newKey();
  await call(`${srv.api}/wallet`, { method: 'PUT', token: b.token, body: { pubkey: key.pubkey, proof: bindProof(key, store.id, b.user.id) } });
  await call(`${srv.api}/wallet/topups`, { method: 'POST', token: b.token, body: { currency: 'BTC', amount: '5000000' } });
  theirs.unpaid = await createOrder(b.token, product.id);
  const delivered = await createOrder(b.token, product.id);
  assert.equal((await call(`${srv.api}/orders/${delivered.id}/payments`, { method: 'POST', token: b.token, body: authorize(delivered, key) })).status, 201);
  const tracking = `SF${Date.now()}`;
  assert.equal((await call(`${srv.api}/staff/orders/${delivered.id}/shipments`, { method: 'POST', token: tokens.merchant, body: { carrier: 'sf', tracking_number: tracking } })).status, 200);
  assert.equal((await sendTracking(srv.api, 'sf', tracking, [{ at: at(), status: 'delivered', location: 'Shanghai', description: 'Signed for' }])).status, 200);
  theirs.delivered = delivered;
  const detail = (await call(`${srv.api}/orders/${delivered.id}`, { token: b.token })).body;
  const ret = await call(`${srv.api}/orders/${delivered.id}/returns`, { method: 'POST', token: b.token, body: { lines: [{ line_id: detail.lines[0].id, qty: 1 }], reason: 'does not fit' } });
  assert.equal(ret.status, 201, JSON.stringify(ret.body));
  theirs.return = ret.body;
  const addr = await call(`${srv.api}/me/addresses`, { method: 'POST', token: b.token, body: address });
  assert.equal(addr.status, 201, JSON.stringify(addr.body));
  theirs.address = addr.body;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);
  const up = await fetch(`${srv.api}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${b.token}` }, body: png });
  assert.equal(up.status, 201);
  theirs.upload = await up.json();
  const ticket = await call(`${srv.api}/tickets`, { method: 'POST', token: b.token, body: {
    category: 'order', subject: 'Where is my parcel?', description: 'It has not arrived yet.',
    contact: { email: 'b@example.com' }, order_id: delivered.id,
  } });
  assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
  theirs.ticket = ticket.body;
});
after(async () => { await srv?.stop(); });

// A concrete URL for a route pattern; ids that match nothing unless given.
const concrete = (pattern, ids = {}) =>
  pattern.replace('{id}', ids.id ?? 'zz_missing').replace('{token}', 'not-a-token').replace('{carrier}', 'sf').replace('{slug}', 'zz-missing');

const routes = () => Object.entries(matrix).map(([key, access]) => {
  const [method, pattern] = key.split(' ');
  return { method, pattern, access };
});

const send = (method, path, token) =>
  call(`${srv.base}${path}`, { method, token, body: method === 'GET' || method === 'DELETE' ? undefined : {} });

describe('authorization matrix', () => {
  test('every published route has an entry here, and every entry is published', async () => {
    const published = Object.entries((await call(`${srv.api}/openapi.json`)).body.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    assert.deepEqual([...published].sort(), Object.keys(matrix).sort());
  });

  test('routes that need a session refuse anonymous callers and forged tokens with 401', async () => {
    for (const { method, pattern, access } of routes()) {
      if (access === 'anyone' || access === 'hmac') continue;
      const path = concrete(pattern);
      assert.equal((await send(method, path)).status, 401, `${method} ${pattern} anonymous`);
      assert.equal((await send(method, path, 'forged-token-0000')).status, 401, `${method} ${pattern} forged token`);
    }
  });

  test('public routes answer without a session; the carrier webhook wants its signature', async () => {
    for (const { method, pattern, access } of routes()) {
      if (access === 'anyone') {
        const r = await send(method, concrete(pattern));
        assert.ok(![401, 403].includes(r.status), `${method} ${pattern}: ${r.status}`);
      } else if (access === 'hmac') {
        const r = await send(method, concrete(pattern));
        assert.equal(r.status, 401);
        assert.equal(r.body.code, 'bad_signature');
        const staff = await send(method, concrete(pattern), tokens.admin);
        assert.equal(staff.status, 401, 'a staff session is no substitute for the signature');
      }
    }
  });

  test('staff routes: each role reaches only its own, admin reaches all', async () => {
    const allowed = { merchant: ['merchant', 'admin'], agent: ['agent', 'admin'], admin: ['admin'] };
    for (const { method, pattern, access } of routes()) {
      if (!allowed[access]) continue;
      for (const role of ['buyer', 'merchant', 'agent', 'admin']) {
        const r = await send(method, concrete(pattern), tokens[role]);
        if (allowed[access].includes(role)) assert.ok(![401, 403].includes(r.status), `${method} ${pattern} as ${role}: ${r.status}`);
        else assert.equal(r.status, 403, `${method} ${pattern} as ${role}`);
      }
    }
  });

  test("a buyer reaching for another buyer's order, return, address, upload or ticket gets 404 and changes nothing", async () => {
    // Well-formed requests, so that only ownership can refuse them.
    const sig = authorize(theirs.unpaid, newKey());
    const returnBody = { lines: [{ line_id: 'ln_any', qty: 1 }], reason: 'mine now' };
    const attempts = [
      ['GET', `/api/v1/orders/${theirs.unpaid.id}`],
      ['POST', `/api/v1/orders/${theirs.unpaid.id}/quote`, { pay_currency: 'BTC' }],
      ['POST', `/api/v1/orders/${theirs.unpaid.id}/cancel`, { reason: 'not mine' }],
      ['POST', `/api/v1/orders/${theirs.unpaid.id}/payments`, sig],
      ['POST', `/api/v1/orders/${theirs.delivered.id}/confirm-receipt`, {}],
      ['POST', `/api/v1/orders/${theirs.delivered.id}/reorder`, {}],
      ['POST', `/api/v1/orders/${theirs.delivered.id}/returns`, returnBody],
      ['POST', `/api/v1/returns/${theirs.return.id}/shipment`, { carrier: 'sf', tracking_number: 'SF1234567890' }],
      ['DELETE', `/api/v1/me/addresses/${theirs.address.id}`],
      ['GET', `/api/v1/uploads/${theirs.upload.id}`],
      ['GET', `/api/v1/tickets/${theirs.ticket.id}`],
      ['POST', `/api/v1/tickets/${theirs.ticket.id}/messages`, { body: 'Let me in.' }],
      ['POST', `/api/v1/tickets/${theirs.ticket.id}/close`, {}],
      ['POST', `/api/v1/tickets/${theirs.ticket.id}/rating`, { score: 1, comment: 'meh' }],
    ];
    for (const [method, path, body] of attempts) {
      for (const role of ['buyer', 'merchant', 'agent']) {
        const r = await call(`${srv.base}${path}`, { method, token: tokens[role], body });
        assert.equal(r.status, 404, `${method} ${path} as ${role}: ${r.status} ${JSON.stringify(r.body)}`);
      }
    }
    // Lists only ever hold the caller's own data.
    const mine = (await call(`${srv.api}/orders`, { token: tokens.buyer })).body.items.map((o) => o.id);
    assert.ok(!mine.includes(theirs.unpaid.id) && !mine.includes(theirs.delivered.id));
    const addresses = (await call(`${srv.api}/me/addresses`, { token: tokens.buyer })).body;
    assert.ok(!JSON.stringify(addresses).includes(theirs.address.id));
    // B's things are untouched.
    const unpaid = (await call(`${srv.api}/orders/${theirs.unpaid.id}`, { token: tokens.other })).body;
    assert.equal(unpaid.status, 'pending_payment');
    const delivered = (await call(`${srv.api}/orders/${theirs.delivered.id}`, { token: tokens.other })).body;
    assert.equal(delivered.status, 'delivered');
    assert.equal(delivered.returns.length, 1);
    assert.equal(delivered.returns[0].status, theirs.return.status);
    const tickets = (await call(`${srv.api}/tickets`, { token: tokens.buyer })).body.items.map((t) => t.id);
    assert.ok(!tickets.includes(theirs.ticket.id));
    const ticket = (await call(`${srv.api}/tickets/${theirs.ticket.id}`, { token: tokens.other })).body;
    assert.equal(ticket.status, 'new');
    assert.equal(ticket.messages.length, theirs.ticket.messages?.length ?? ticket.messages.length);
    const own = (await call(`${srv.api}/me/addresses`, { token: tokens.other })).body;
    assert.ok(JSON.stringify(own).includes(theirs.address.id));
  });
});
