// API tests of issue 17 — what an attacker probing a running store tried, each now refused:
// deeply nested, long and wide JSON at every body-taking route (F1), reset tokens out of paths
// and logs and spent on first use (F2), caching headers (F3), lockout that answers alike for
// unknown and locked addresses (F4) and counts password changes and two-factor removals (F5),
// no wildcard CORS or framing (F6), JSON only as application/json, and uploads readable only
// through what they are attached to. Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { address, newBuyer, placeOrder, pay, signPayment } from '../support/buyer.mjs';
import { at, sendTracking } from '../support/carrier.mjs';
import { call, demoAccounts, login, startServer } from '../support/server.mjs';
import { totp } from '../support/totp.mjs';

let srv;
let admin;
let products;
before(async () => {
  srv = await startServer();
  admin = await login(srv.api, demoAccounts.admin);
  products = (await call(`${srv.api}/products?limit=100`)).body.items.filter((p) => p.variants.length === 1).sort((a, b) => b.stock - a.stock);
});
after(async () => { await srv?.stop(); });

const healthy = async () => (await fetch(`${srv.base}/healthz`)).status === 200;

async function newUser(password = 'hardening passphrase 1') {
  const email = `hard-${randomUUID()}@example.com`;
  assert.equal((await call(`${srv.api}/users`, { method: 'POST', body: { email, password } })).status, 201);
  return { email, password, token: await login(srv.api, email, password) };
}

const session = (email, password, totp) =>
  call(`${srv.api}/sessions`, { method: 'POST', body: { email, password, ...(totp ? { totp } : {}) } });

// [SECTION] F1 — nesting, length, width

// The body-taking routes of the route table, with path parameters filled in.
async function bodyRoutes() {
  const doc = (await call(`${srv.api}/openapi.json`)).body;
  const out = [];
  for (const [pattern, ops] of Object.entries(doc.paths)) {
    if (!pattern.startsWith('/api/v1/') || pattern === '/api/v1/uploads') continue;  // uploads take raw bytes
    for (const method of Object.keys(ops)) {
      // GETs take no body; logging out (everywhere) takes none either and would end the admin's session.
      if (method === 'get' || (method === 'delete' && pattern.startsWith('/api/v1/sessions'))) continue;
      out.push({ method: method.toUpperCase(), path: pattern.replace('{carrier}', 'sf').replace(/\{[a-z_]+\}/g, 'x_missing') });
    }
  }
  return out;
}

// A JSON object text of about `bytes` bytes whose member "pad" nests `depth` arrays.
const nested = (depth) => `{"lines":[],"email":"a@example.com","pad":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const longString = () => JSON.stringify({ subject: 'x', description: 'a'.repeat(60000), reason: 'b'.repeat(1000) });
const wide = () => JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])));

describe('F1: deep nesting, long strings and wide objects', () => {
  test('32,000 nested arrays (64 KiB) at every body-taking route: refused or ignored, never a crash', async () => {
    const routes = await bodyRoutes();
    assert.ok(routes.length > 30, `found ${routes.length} routes`);
    const deep = nested(32000);
    assert.ok(deep.length < 64 * 1024, `${deep.length} bytes`);
    for (const { method, path } of routes) {
      for (const [shape, raw] of [['deep', deep], ['long', longString()], ['wide', wide()]]) {
        const r = await call(`${srv.base}${path}`, {
          method, raw, token: admin,
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        });
        assert.ok(r.status < 500, `${method} ${path} (${shape}): ${r.status} ${JSON.stringify(r.body)}`);
        if (shape === 'deep' && r.status === 422) assert.equal(r.body.code, 'json_too_deep', `${method} ${path}`);
        assert.ok(await healthy(), `the server died on ${method} ${path} (${shape})`);
      }
    }
  });

  test('the routes the attack used answer 422 json_too_deep with a clear message', async () => {
    const buyer = await newUser();
    const order = JSON.stringify({ lines: [{ product_id: products[0].id, qty: 1 }], ship_to: address, pay_currency: 'BTC', lang: 'en' });
    const deepOrder = `${order.slice(0, -1)},"ignored":${'['.repeat(32000)}${']'.repeat(32000)}}`;
    for (const [path, raw, token] of [['/orders', deepOrder, buyer.token], ['/tickets', nested(32000), buyer.token],
      ['/users', nested(32000)], ['/sessions', nested(32000)], ['/orders/preview', deepOrder]]) {
      const r = await call(`${srv.api}${path}`, {
        method: 'POST', raw, token, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      });
      assert.equal(r.status, 422, `${path}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.code, 'json_too_deep');
      assert.match(r.body.detail, /at most 64 levels/);
      assert.ok(r.body.errors.body);
    }
    assert.ok(await healthy());
    assert.deepEqual((await call(`${srv.api}/orders`, { token: buyer.token })).body.items, [], 'no order was created');
  });

  test('64 levels are read, 65 are not', async () => {
    // The object itself is level 1: "pad" adds 63 (accepted) or 64 (refused) more.
    const preview = (extra) => call(`${srv.api}/orders/preview`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      raw: JSON.stringify({ lines: [{ product_id: products[0].id, qty: 1 }], ship_to: null, pay_currency: 'BTC' }).slice(0, -1) +
        `,"pad":${'['.repeat(extra)}${']'.repeat(extra)}}`,
    });
    assert.equal((await preview(63)).status, 200);
    const refused = await preview(64);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'json_too_deep');
    // Brackets inside strings are text, not nesting.
    const text = await call(`${srv.api}/orders/preview`, {
      method: 'POST', body: { lines: [{ product_id: products[0].id, qty: 1 }], ship_to: null, pay_currency: 'BTC', note: '['.repeat(5000) },
    });
    assert.equal(text.status, 200);
  });
});

// [SECTION] Content-Type

describe('JSON only as application/json', () => {
  test('text/plain, no Content-Type, another charset and form posts get 415 and create nothing', async () => {
    const email = `ct-${randomUUID()}@example.com`;
    const body = JSON.stringify({ email, password: 'content type pass 1' });
    for (const type of ['text/plain', null, 'application/json; charset=latin1', 'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x', 'application/jsonp', 'application/json; foo=bar']) {
      const headers = type ? { 'content-type': type } : {};
      const r = await fetch(`${srv.api}/users`, { method: 'POST', headers, body: type ? body : new Uint8Array(Buffer.from(body)) });
      assert.equal(r.status, 415, `Content-Type ${type}`);
      assert.equal((await r.json()).code, 'unsupported_media_type');
    }
    assert.equal((await session(email, 'content type pass 1')).status, 401, 'no account was created');
    const form = await fetch(`${srv.api}/sessions`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${encodeURIComponent(demoAccounts.buyer)}&password=satstore-demo`,
    });
    assert.equal(form.status, 415);
    const buyer = await newUser();
    const ticket = await fetch(`${srv.api}/tickets`, {
      method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${buyer.token}` },
      body: JSON.stringify({ category: 'other', subject: 'Hi', description: 'Hello there', contact: { email: buyer.email } }),
    });
    assert.equal(ticket.status, 415);
    assert.deepEqual((await call(`${srv.api}/tickets`, { token: buyer.token })).body.items, []);
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON; Charset="UTF-8"']) {
      const r = await fetch(`${srv.api}/users`, {
        method: 'POST', headers: { 'content-type': type },
        body: JSON.stringify({ email: `ok-${randomUUID()}@example.com`, password: 'content type pass 1' }),
      });
      assert.equal(r.status, 201, type);
    }
  });
});

// [SECTION] F3 — caches

describe('F3: caching and sniffing', () => {
  test('caller-dependent answers carry no-store, every answer nosniff; the catalog keeps its ETag', async () => {
    const buyer = await newBuyer({ registerApi: srv.api, btc: '1000000' });
    const order = (await placeOrder(srv.api, buyer, products[0].id)).body;
    const login = await call(`${srv.api}/sessions`, { method: 'POST', body: { email: demoAccounts.buyer, password: 'satstore-demo' } });
    const answers = [
      ['POST /sessions', login],
      ['GET /me', await call(`${srv.api}/me`, { token: buyer.token })],
      ['GET /orders/{id}', await call(`${srv.api}/orders/${order.id}`, { token: buyer.token })],
      ['GET /wallet', await call(`${srv.api}/wallet`, { token: buyer.token })],
      ['GET /dev/outbox', await call(`${srv.api}/dev/outbox`, { token: admin })],
      ['401', await call(`${srv.api}/me`)],
      ['404', await call(`${srv.api}/nothing-here`)],
    ];
    for (const [name, r] of answers) {
      assert.equal(r.headers.get('cache-control'), 'no-store', name);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', name);
    }
    const catalog = await call(`${srv.api}/products`);
    assert.ok(catalog.headers.get('etag'));
    assert.equal(catalog.headers.get('cache-control'), 'no-cache');
    assert.equal(catalog.headers.get('x-content-type-options'), 'nosniff');
    const page = await fetch(`${srv.base}/`);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  });
});

// [SECTION] F6 — CORS and framing

describe('F6: origins are listed, never a wildcard', () => {
  test("--cors-origins '*' is refused at start with a clear message", async () => {
    await assert.rejects(startServer({ args: ['--cors-origins', '*'] }), /cors-origins: '\*' is not allowed; list each origin explicitly/);
    await assert.rejects(startServer({ args: ['--cors-origins', 'https://shop.example,*'] }), /not allowed/);
    await assert.rejects(startServer({ args: ['--cors-origins', 'shop.example'] }), /expected origins such as/);
  });

  test('only listed origins may frame the app or read answers', async () => {
    const listed = await startServer({ args: ['--cors-origins', 'https://shop.example,http://localhost:5173/'] });
    try {
      const csp = (await fetch(`${listed.base}/`)).headers.get('content-security-policy');
      assert.match(csp, /frame-ancestors 'self' https:\/\/shop\.example http:\/\/localhost:5173$/);
      const evil = await fetch(`${listed.api}/store`, { headers: { origin: 'https://evil.example' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const shop = await fetch(`${listed.api}/store`, { headers: { origin: 'https://shop.example' } });
      assert.equal(shop.headers.get('access-control-allow-origin'), 'https://shop.example');
    } finally {
      await listed.stop();
    }
  });
});

// [SECTION] F2 — reset tokens

async function resetToken(email) {
  assert.equal((await call(`${srv.api}/password-resets`, { method: 'POST', body: { email } })).status, 202);
  const mail = (await call(`${srv.api}/dev/outbox`, { token: admin })).body.items.find((m) => m.to === email);
  return mail.body.match(/Reset code: (\S+)/)[1];
}

const complete = (token, newPassword) =>
  call(`${srv.api}/password-resets/complete`, { method: 'POST', body: { token, new_password: newPassword } });

describe('F2: reset tokens', () => {
  test('the token travels in the body, is spent by a failed attempt, and a new request voids older ones', async () => {
    const u = await newUser();
    const first = await resetToken(u.email);
    const second = await resetToken(u.email);
    assert.notEqual(first, second);
    assert.equal((await complete(first, 'first reset passphrase')).status, 410, 'the older token is void');

    const weak = await complete(second, 'password123');
    assert.equal(weak.status, 422);
    assert.ok(weak.body.errors.new_password);
    assert.match(weak.body.detail, /ask for a new one/);
    const retry = await complete(second, 'second reset passphrase');
    assert.equal(retry.status, 410, 'a failed attempt spent the token');
    assert.equal(retry.body.code, 'token_expired');

    const third = await resetToken(u.email);
    assert.equal((await complete(third, 'third reset passphrase')).status, 204);
    assert.equal((await session(u.email, 'third reset passphrase')).status, 201);
    assert.equal((await complete('', 'third reset passphrase')).body.errors.token !== undefined, true);
  });

  test('the older path form still works, and its log line shows the route, not the token', async () => {
    const u = await newUser();
    const token = await resetToken(u.email);
    const done = await call(`${srv.api}/password-resets/${token}`, { method: 'POST', body: { new_password: 'path reset passphrase' } });
    assert.equal(done.status, 204);
    await new Promise((r) => setTimeout(r, 300));  // the access log is written every 100 ms
    assert.ok(!srv.output().includes(token), 'the token is in the server output');
    assert.match(srv.output(), /"path":"\/api\/v1\/password-resets\/\{token\}","status":204/);
  });
});

// [SECTION] F4, F5 — lockout

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(fn) {
  const started = process.hrtime.bigint();
  const r = await fn();
  return { r, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

describe('F4: unknown and locked addresses answer alike', () => {
  test('an unknown address locks after 5 failures like an account, with the same answer', async () => {
    const known = await newUser();
    const unknown = `nobody-${randomUUID()}@example.com`;
    for (let i = 0; i < 5; i++) {
      assert.equal((await session(known.email, 'wrong password!')).status, 401);
      assert.equal((await session(unknown, 'wrong password!')).status, 401);
    }
    const a = await session(known.email, known.password);
    const b = await session(unknown, 'wrong password!');
    assert.equal(a.status, 423);
    assert.equal(b.status, 423);
    assert.deepEqual(Object.keys(a.body).sort(), Object.keys(b.body).sort());
    assert.equal(a.body.code, b.body.code);
    assert.equal(a.body.detail, b.body.detail);
    // Both locked for the same time (give or take the second between their fifth failures).
    assert.ok(Math.abs(Number(a.headers.get('retry-after')) - Number(b.headers.get('retry-after'))) <= 1);
    assert.ok(Number(b.headers.get('retry-after')) > 800);
  });

  test('a locked account takes as long to answer as a wrong password or an unknown address', async () => {
    const locked = await newUser();
    for (let i = 0; i < 5; i++) await session(locked.email, 'wrong password!');
    const samples = { locked: [], unknown: [], wrong: [] };
    const other = await newUser();
    for (let i = 0; i < 4; i++) {
      samples.locked.push((await timed(() => session(locked.email, 'wrong password!'))).ms);
      samples.unknown.push((await timed(() => session(`nobody-${randomUUID()}@example.com`, 'wrong password!'))).ms);
      samples.wrong.push((await timed(() => session(other.email, `wrong password ${i}`))).ms);
    }
    const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
    console.log(`# median answer: locked ${m.locked.toFixed(1)} ms, unknown ${m.unknown.toFixed(1)} ms, wrong password ${m.wrong.toFixed(1)} ms`);
    // Every answer runs the password hash; before, a locked account answered ~20x faster.
    assert.ok(m.locked > 0.5 * m.unknown, `locked ${m.locked} ms vs unknown ${m.unknown} ms`);
  });
});

describe('F5: password changes and two-factor removal count toward the lockout', () => {
  test('5 wrong current passwords lock the account: the 6th change and the next login get 423', async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) {
      const r = await call(`${srv.api}/me/password`, { method: 'PUT', token: u.token, body: { current_password: `guess number ${i}`, new_password: 'a brand new pass' } });
      assert.equal(r.status, 403);
    }
    const right = await call(`${srv.api}/me/password`, { method: 'PUT', token: u.token, body: { current_password: u.password, new_password: 'a brand new pass' } });
    assert.equal(right.status, 423);
    assert.equal(right.body.code, 'account_locked');
    assert.equal((await session(u.email, u.password)).status, 423);
  });

  test('5 wrong codes when removing two-factor lock the account', async () => {
    const u = await newUser();
    const enrol = await call(`${srv.api}/me/2fa`, { method: 'POST', token: u.token });
    assert.equal((await call(`${srv.api}/me/2fa/confirm`, { method: 'POST', token: u.token, body: { code: totp(enrol.body.secret) } })).status, 200);
    for (let i = 0; i < 5; i++) {
      const r = await call(`${srv.api}/me/2fa`, { method: 'DELETE', token: u.token, body: { code: String(100000 + i) } });
      assert.equal(r.status, 422);
    }
    const r = await call(`${srv.api}/me/2fa`, { method: 'DELETE', token: u.token, body: { code: '000000' } });
    assert.equal(r.status, 423);
    assert.equal((await call(`${srv.api}/me`, { token: u.token })).body.twofa_enabled, true);
  });
});

// [SECTION] uploads

describe('uploads are read through what they are attached to', () => {
  test('ticket attachments: the buyer and agents; return evidence: the buyer and merchants; admins both', async () => {
    const png = (n) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, n)]);
    const buyer = await newBuyer({ registerApi: srv.api, btc: '5000000' });
    const upload = async (n) => {
      const r = await fetch(`${srv.api}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${buyer.token}` }, body: png(n) });
      assert.equal(r.status, 201);
      return (await r.json()).id;
    };
    const [screenshot, evidence, loose] = [await upload(1), await upload(2), await upload(3)];
    const ticket = await call(`${srv.api}/tickets`, { method: 'POST', token: buyer.token, body: {
      category: 'payment', subject: 'Payment question', description: 'See the screenshot.', contact: { email: 'b@example.com' },
      attachments: [screenshot],
    } });
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));

    const merchant = await login(srv.api, demoAccounts.merchant);
    const order = (await placeOrder(srv.api, buyer, products[0].id)).body;
    assert.equal((await pay(srv.api, buyer, order.id, signPayment(buyer, order))).status, 201);
    const number = `SF${Date.now()}`;
    assert.equal((await call(`${srv.api}/staff/orders/${order.id}/shipments`, { method: 'POST', token: merchant, body: { carrier: 'sf', tracking_number: number } })).status, 200);
    assert.equal((await sendTracking(srv.api, 'sf', number, [{ at: at(-1000), status: 'delivered', location: 'Shanghai', description: 'Signed' }])).status, 200);
    const line = (await call(`${srv.api}/orders/${order.id}`, { token: buyer.token })).body.lines[0];
    const ret = await call(`${srv.api}/orders/${order.id}/returns`, { method: 'POST', token: buyer.token, body: { lines: [{ line_id: line.id, qty: 1 }], reason: 'broken', evidence: [evidence] } });
    assert.equal(ret.status, 201, JSON.stringify(ret.body));

    const readers = {
      buyer: buyer.token,
      stranger: (await newUser()).token,
      agent: await login(srv.api, demoAccounts.agent),
      merchant,
      admin,
    };
    const expected = {
      buyer: [200, 200, 200], stranger: [404, 404, 404], agent: [200, 404, 404], merchant: [404, 200, 404], admin: [200, 200, 404],
    };
    for (const [who, token] of Object.entries(readers)) {
      const got = [];
      for (const id of [screenshot, evidence, loose]) {
        const r = await fetch(`${srv.api}/uploads/${id}`, { headers: { authorization: `Bearer ${token}` } });
        got.push(r.status);
        if (r.status === 200) assert.equal(r.headers.get('cache-control'), 'no-store');
      }
      assert.deepEqual(got, expected[who], `${who} reading [ticket screenshot, return evidence, unattached]`);
    }
  });
});
