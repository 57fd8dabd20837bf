// API tests of support tickets (SPEC §1 Support, §2 ticket states, §5 tickets and staff tickets):
// routing, the SLA clock and its pause, immutability, closed tickets, ratings, the secret
// scanner (nothing stored), screenshots, other buyers' tickets and the agent-only routes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { call, demoAccounts, login, startServer } from '../support/server.mjs';

let srv;
let agent;
let products;
before(async () => {
  srv = await startServer();
  agent = await login(srv.api, demoAccounts.agent);
  products = (await call(`${srv.api}/products?limit=100`)).body.items.filter((p) => p.variants.length === 1).sort((a, b) => b.stock - a.stock);
});
after(async () => { await srv?.stop(); });

// Phrases made with Debian's python3-mnemonic; keys from random bytes. None holds funds.
const secrets = {
  mnemonic_en: 'hub exile add invite trigger extra believe door flower fence color snack',
  mnemonic_zh: '欧督纱阔烧印吸弧粗绘梦钠',
  mnemonic_zh_spaced: '参 因 仇 怕 饭 戏 湘 竟 步 寿 付 疏 呼 疗 置 柳 米 年 刻 座 须 城 锡 珍',
  hex_private_key: '0xa66ba461d42adff8b68193468f6ebf4dbbe5c25316311cbe3a049902a9174947',
  wif_private_key: 'L2oDAWsfBEL2XFU4LScAtxrzT6YpvdN5KYQhCUesLd1f9vBUXtnD',
  extended_private_key: 'xprv9s21ZrQH143K2UQxA1phtrFqyxW2xzysDPB4KriAQy3PQEdeqHzD4zTroiv3RTpBp7gLq8kPrUH2iNr9PqyTUZM6qdHKy8Lj1c9SKkmkhr9',
};
const wrongChecksum = 'hub exile add invite trigger extra believe door flower fence color abandon';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

async function newBuyer(api = srv.api) {
  const email = `tkt-${randomUUID()}@example.com`;
  await call(`${api}/users`, { method: 'POST', body: { email, password: 'ticket test pass', display_name: '王小明' } });
  return login(api, email, 'ticket test pass');
}

const draft = (over = {}) => ({
  category: 'payment', subject: '付款后订单仍显示未付款', description: 'I paid but the order still says unpaid.',
  contact: { email: 'me@example.com' }, ...over,
});

const create = (token, body, headers = {}, api = srv.api) => call(`${api}/tickets`, { method: 'POST', token, body, headers });
const upload = async (token, body) => {
  const r = await fetch(`${srv.api}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body });
  return { status: r.status, body: await r.json() };
};
const mine = async (token) => (await call(`${srv.api}/tickets?limit=100`, { token })).body.items;
const staff = (path, { method = 'GET', body } = {}) => call(`${srv.api}/staff/tickets${path}`, { method, token: agent, body });
const unix = (rfc3339) => Date.parse(rfc3339) / 1000;

async function placeOrder(token) {
  const r = await call(`${srv.api}/orders`, {
    method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
    body: {
      lines: [{ product_id: products[0].id, qty: 1 }], pay_currency: 'BTC', lang: 'en',
      ship_to: { name: '李四', phone: '13900139000', country: 'CN', region: '北京市', city: '北京市', district: '海淀区', street: '中关村大街1号', postal_code: '100080' },
    },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

describe('creating tickets', () => {
  test('every category is routed to its queue; number, status and first-response due time', async () => {
    const token = await newBuyer();
    const routes = {
      payment: 'payments', order: 'orders', shipping: 'orders', refund: 'orders', return: 'orders',
      account: 'security', security: 'security', feedback: 'general', other: 'general',
    };
    for (const [category, queue] of Object.entries(routes)) {
      const r = await create(token, draft({ category }));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.queue, queue, category);
      assert.equal(r.body.category, category);
      assert.equal(r.body.status, 'new');
      assert.match(r.body.id, /^tkt_/);
      assert.match(r.body.number, /^T-\d{6}$/);
      assert.equal(unix(r.body.first_response_due) - unix(r.body.created_at), 24 * 3600);
      assert.equal(r.body.sla_breached, false);
      assert.equal(r.body.sla_paused, false);
      assert.equal(r.body.first_response_at, null);
      assert.deepEqual(r.body.messages, []);
    }
    const list = await mine(token);
    assert.equal(list.length, 9);
    assert.deepEqual(list.map((t) => t.category), Object.keys(routes).reverse(), 'newest first');
  });

  test('bad input: per-field errors and nothing stored', async () => {
    const token = await newBuyer();
    const other = await newBuyer();
    const othersOrder = await placeOrder(other);
    const othersTicket = (await create(other, draft())).body;
    const cases = [
      [{ category: 'spam' }, 'category'],
      [{ subject: '' }, 'subject'],
      [{ subject: 'x'.repeat(201) }, 'subject'],
      [{ description: '   ' }, 'description'],
      [{ description: 'x'.repeat(5001) }, 'description'],
      [{ contact: {} }, 'contact'],
      [{ contact: { email: 'not-an-email' } }, 'contact.email'],
      [{ contact: { phone: '12345' } }, 'contact.phone'],
      [{ order_id: othersOrder.id }, 'order_id'],
      [{ order_id: 'ord_missing' }, 'order_id'],
      [{ related_ticket: othersTicket.number }, 'related_ticket'],
      [{ related_ticket: othersTicket.id }, 'related_ticket'],
      [{ tx_ref: 'has spaces in it' }, 'tx_ref'],
      [{ attachments: 'upl_1' }, 'attachments'],
    ];
    for (const [over, field] of cases) {
      const r = await create(token, draft(over));
      assert.equal(r.status, 422, `${JSON.stringify(over).slice(0, 60)} → ${r.status}`);
      assert.equal(r.body.code, 'validation_failed');
      assert.ok(r.body.errors[field], `errors.${field} in ${JSON.stringify(r.body.errors)}`);
    }
    assert.deepEqual(await mine(token), []);
    // Limits count characters: 200 Chinese characters are a valid subject; phone alone is enough.
    const ok = await create(token, draft({ subject: '字'.repeat(200), contact: { phone: '+86 138 0013 8000' } }));
    assert.equal(ok.status, 201);
    assert.deepEqual(ok.body.contact, { phone: '+86 138 0013 8000' });
  });

  test('about my order, with a transaction reference and an earlier ticket', async () => {
    const token = await newBuyer();
    const order = await placeOrder(token);
    const first = (await create(token, draft())).body;
    const r = await create(token, draft({ category: 'order', order_id: order.id, tx_ref: 'pay_8f3a2b', related_ticket: first.number }));
    assert.equal(r.status, 201);
    assert.equal(r.body.order_id, order.id);
    assert.equal(r.body.order_number, order.number);
    assert.equal(r.body.tx_ref, 'pay_8f3a2b');
    assert.deepEqual(r.body.related_ticket, { id: first.id, number: first.number });
  });

  test('Idempotency-Key: same body replays, another body is refused', async () => {
    const token = await newBuyer();
    const key = randomUUID();
    const a = await create(token, draft(), { 'idempotency-key': key });
    const b = await create(token, draft(), { 'idempotency-key': key });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.body.id, a.body.id);
    const c = await create(token, draft({ subject: 'another' }), { 'idempotency-key': key });
    assert.equal(c.status, 409);
    assert.equal(c.body.code, 'idempotency_key_reused');
    assert.equal((await mine(token)).length, 1);
  });

  test('anonymous callers cannot file tickets', async () => {
    assert.equal((await create(undefined, draft())).status, 401);
    assert.equal((await call(`${srv.api}/tickets`)).status, 401);
  });
});

describe('secret scanner', () => {
  test('mnemonics (English, Chinese) and private keys (hex, WIF, xprv) are refused and nothing is stored', async () => {
    const token = await newBuyer();
    const expected = {
      mnemonic_en: 'mnemonic_en', mnemonic_zh: 'mnemonic_zh', mnemonic_zh_spaced: 'mnemonic_zh',
      hex_private_key: 'hex_private_key', wif_private_key: 'wif_private_key', extended_private_key: 'extended_private_key',
    };
    for (const [name, secret] of Object.entries(secrets)) {
      const r = await create(token, draft({ description: `Support asked me for this: ${secret}. Is it fine?` }));
      assert.equal(r.status, 422, name);
      assert.equal(r.body.code, 'secret_detected', name);
      assert.equal(r.body.secret_kind, expected[name]);
      assert.ok(r.body.errors.description, name);
      assert.ok(!JSON.stringify(r.body).includes(secret.slice(5, 25)), 'the secret is not echoed');
    }
    const inSubject = await create(token, draft({ subject: secrets.mnemonic_zh }));
    assert.equal(inSubject.body.code, 'secret_detected');
    assert.ok(inSubject.body.errors.subject);
    assert.deepEqual(await mine(token), [], 'nothing stored');
    // A phrase whose checksum is wrong is ordinary text.
    assert.equal((await create(token, draft({ description: wrongChecksum }))).status, 201);
  });

  test('follow-up messages are scanned too', async () => {
    const token = await newBuyer();
    const t = (await create(token, draft())).body;
    for (const secret of [secrets.mnemonic_en, secrets.wif_private_key]) {
      const r = await call(`${srv.api}/tickets/${t.id}/messages`, { method: 'POST', token, body: { body: secret } });
      assert.equal(r.status, 422);
      assert.equal(r.body.code, 'secret_detected');
      assert.ok(r.body.errors.body);
    }
    assert.deepEqual((await call(`${srv.api}/tickets/${t.id}`, { token })).body.messages, []);
  });
});

describe('screenshots', () => {
  test('uploads are sniffed and limited; at most 5 of my own per ticket', async () => {
    const token = await newBuyer();
    const spoofed = await fetch(`${srv.api}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: Buffer.from('GIF89a not really a png') });
    assert.equal(spoofed.status, 415);
    const big = await fetch(`${srv.api}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]) });
    assert.equal(big.status, 413);

    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await upload(token, png)).body.id);
    const six = await create(token, draft({ attachments: ids }));
    assert.equal(six.status, 422);
    assert.ok(six.body.errors.attachments);
    const stranger = await newBuyer();
    const theirs = (await upload(stranger, png)).body.id;
    const foreign = await create(token, draft({ attachments: [ids[0], theirs] }));
    assert.equal(foreign.status, 422);
    assert.ok(foreign.body.errors.attachments);
    assert.deepEqual(await mine(token), []);

    const ok = await create(token, draft({ attachments: ids.slice(0, 5) }));
    assert.equal(ok.status, 201);
    assert.deepEqual(ok.body.attachments.map((a) => a.id), ids.slice(0, 5));
    assert.equal(ok.body.attachments[0].url, `/api/v1/uploads/${ids[0]}`);
    // The agent can open the buyer's screenshot.
    const seen = await fetch(`${srv.base}${ok.body.attachments[0].url}`, { headers: { authorization: `Bearer ${agent}` } });
    assert.equal(seen.status, 200);

    const msg = await call(`${srv.api}/tickets/${ok.body.id}/messages`, { method: 'POST', token, body: { body: 'one more', attachments: [ids[5]] } });
    assert.equal(msg.status, 201);
    assert.equal(msg.body.messages[0].attachments[0].id, ids[5]);
    const bad = await call(`${srv.api}/tickets/${ok.body.id}/messages`, { method: 'POST', token, body: { body: 'theirs', attachments: [theirs] } });
    assert.equal(bad.status, 422);
  });
});

describe('the thread', () => {
  test("another buyer's ticket does not exist for me", async () => {
    const owner = await newBuyer();
    const t = (await create(owner, draft())).body;
    const other = await newBuyer();
    for (const [method, path, body] of [['GET', ''], ['POST', '/messages', { body: 'hi' }], ['POST', '/close', {}], ['POST', '/rating', { score: 5 }]]) {
      const r = await call(`${srv.api}/tickets/${t.id}${path}`, { method, token: other, body });
      assert.equal(r.status, 404, `${method} ${path}`);
    }
    assert.deepEqual(await mine(other), []);
  });

  test('the description cannot be edited: there is no such route', async () => {
    const token = await newBuyer();
    const t = (await create(token, draft())).body;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const r = await call(`${srv.api}/tickets/${t.id}`, { method, token, body: { description: 'changed' } });
      assert.equal(r.status, 405, method);
    }
    await call(`${srv.api}/tickets/${t.id}/messages`, { method: 'POST', token, body: { body: 'More details: the amount was 0.0005 BTC.' } });
    const detail = (await call(`${srv.api}/tickets/${t.id}`, { token })).body;
    assert.equal(detail.description, t.description);
    assert.equal(detail.messages.length, 1);
    assert.equal(detail.messages[0].author, 'customer');
  });

  test('pagination of my tickets', async () => {
    const token = await newBuyer();
    for (let i = 0; i < 3; i++) await create(token, draft({ subject: `n${i}` }));
    const p1 = (await call(`${srv.api}/tickets?limit=2`, { token })).body;
    assert.deepEqual(p1.items.map((t) => t.subject), ['n2', 'n1']);
    assert.ok(p1.next_cursor);
    assert.equal(p1.items[0].messages, undefined, 'lists carry no thread');
    const p2 = (await call(`${srv.api}/tickets?limit=2&cursor=${p1.next_cursor}`, { token })).body;
    assert.deepEqual(p2.items.map((t) => t.subject), ['n0']);
    assert.equal(p2.next_cursor, null);
  });

  test('a closed ticket refuses follow-ups with 409; a new ticket references it', async () => {
    const token = await newBuyer();
    const t = (await create(token, draft())).body;
    const closed = await call(`${srv.api}/tickets/${t.id}/close`, { method: 'POST', token, body: {} });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.status, 'closed');
    const again = await call(`${srv.api}/tickets/${t.id}/messages`, { method: 'POST', token, body: { body: 'still broken' } });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'ticket_closed');
    assert.equal((await call(`${srv.api}/tickets/${t.id}/close`, { method: 'POST', token, body: {} })).body.code, 'ticket_closed');
    assert.equal((await staff(`/${t.id}/messages`, { method: 'POST', body: { body: 'hello' } })).body.code, 'ticket_closed');
    assert.equal((await staff(`/${t.id}`, { method: 'PATCH', body: { status: 'open' } })).body.code, 'ticket_closed');
    const follow = await create(token, draft({ related_ticket: t.number, description: `Follow-up of ${t.number}` }));
    assert.equal(follow.status, 201);
    assert.equal(follow.body.related_ticket.number, t.number);
  });

  test('rating: only once, only when resolved or closed, 1–5', async () => {
    const token = await newBuyer();
    const t = (await create(token, draft())).body;
    const early = await call(`${srv.api}/tickets/${t.id}/rating`, { method: 'POST', token, body: { score: 5 } });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'ticket_not_resolved');
    await staff(`/${t.id}/messages`, { method: 'POST', body: { body: '已为您处理。' } });
    assert.equal((await staff(`/${t.id}`, { method: 'PATCH', body: { status: 'resolved' } })).body.status, 'resolved');
    for (const body of [{ score: 0 }, { score: 6 }, { score: 4.5 }, {}, { score: 5, comment: 'x'.repeat(1001) }]) {
      const r = await call(`${srv.api}/tickets/${t.id}/rating`, { method: 'POST', token, body });
      assert.equal(r.status, 422, JSON.stringify(body).slice(0, 40));
    }
    const rated = await call(`${srv.api}/tickets/${t.id}/rating`, { method: 'POST', token, body: { score: 4, comment: '很快，谢谢' } });
    assert.equal(rated.status, 200);
    assert.deepEqual([rated.body.rating.score, rated.body.rating.comment], [4, '很快，谢谢']);
    const twice = await call(`${srv.api}/tickets/${t.id}/rating`, { method: 'POST', token, body: { score: 1 } });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'already_rated');
    // A closed ticket may be rated too.
    const u = (await create(token, draft())).body;
    await call(`${srv.api}/tickets/${u.id}/close`, { method: 'POST', token, body: {} });
    assert.equal((await call(`${srv.api}/tickets/${u.id}/rating`, { method: 'POST', token, body: { score: 2 } })).status, 200);
  });
});

describe('agent console', () => {
  test('only agents and admins; buyers and merchants get 403, anonymous 401', async () => {
    const buyer = await newBuyer();
    const merchant = await login(srv.api, demoAccounts.merchant);
    const admin = await login(srv.api, demoAccounts.admin);
    const t = (await create(buyer, draft())).body;
    for (const [method, path, body] of [['GET', ''], ['GET', `/${t.id}`], ['PATCH', `/${t.id}`, { status: 'open' }], ['POST', `/${t.id}/messages`, { body: 'x' }]]) {
      assert.equal((await call(`${srv.api}/staff/tickets${path}`, { method, body })).status, 401, `${method} ${path}`);
      assert.equal((await call(`${srv.api}/staff/tickets${path}`, { method, token: buyer, body })).status, 403, `${method} ${path}`);
      assert.equal((await call(`${srv.api}/staff/tickets${path}`, { method, token: merchant, body })).status, 403, `${method} ${path}`);
    }
    assert.equal((await call(`${srv.api}/staff/tickets`, { token: admin })).status, 200);
    assert.equal((await staff(`/${t.id}`)).body.status, 'new', 'nothing changed');
  });

  test('queues and filters; detail with the order and the buyer\'s other tickets; assign; reply', async () => {
    const token = await newBuyer();
    const order = await placeOrder(token);
    const older = (await create(token, draft({ category: 'feedback', subject: 'older' }))).body;
    const t = (await create(token, draft({ category: 'shipping', order_id: order.id }))).body;

    const queue = (await staff('?queue=orders&status=new&limit=100')).body.items;
    assert.ok(queue.some((x) => x.id === t.id));
    assert.ok(queue.every((x) => x.queue === 'orders' && x.status === 'new'));
    assert.ok(!queue.some((x) => x.id === older.id));
    assert.equal(queue.find((x) => x.id === t.id).customer.display_name, '王小明');
    for (const bad of ['?queue=vip', '?status=lost', '?sla=late', '?sort=random']) assert.equal((await staff(bad)).status, 422, bad);

    const detail = (await staff(`/${t.id}`)).body;
    assert.equal(detail.order.id, order.id);
    assert.equal(detail.order.number, order.number);
    assert.equal(detail.order.status, 'pending_payment');
    assert.deepEqual(detail.other_tickets.map((x) => x.number), [older.number]);

    const assigned = await staff(`/${t.id}`, { method: 'PATCH', body: { assignee: 'me', queue: 'payments', note: 'paid twice?' } });
    assert.equal(assigned.status, 200);
    assert.ok(assigned.body.assignee.id);
    assert.equal(assigned.body.queue, 'payments');
    assert.match(assigned.body.history.at(-1).note, /Moved to queue payments; Assigned to .+: paid twice\?/);
    const badPatch = await staff(`/${t.id}`, { method: 'PATCH', body: { assignee: 'usr_nobody', status: 'new', queue: 'x' } });
    assert.equal(badPatch.status, 422);
    assert.ok(badPatch.body.errors.assignee && badPatch.body.errors.status && badPatch.body.errors.queue);

    const reply = await staff(`/${t.id}/messages`, { method: 'POST', body: { body: '您好，我们正在核实。' } });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.status, 'open');
    assert.ok(reply.body.first_response_at);
    assert.equal(reply.body.messages[0].author, 'staff');
    assert.equal(reply.body.sla_breached, false);
    const firstAt = reply.body.first_response_at;
    await staff(`/${t.id}/messages`, { method: 'POST', body: { body: '第二条回复' } });
    const seen = (await call(`${srv.api}/tickets/${t.id}`, { token })).body;
    assert.equal(seen.first_response_at, firstAt, 'only the first reply counts');
    assert.deepEqual(seen.messages.map((m) => m.author), ['staff', 'staff']);
    assert.deepEqual(seen.history.map((h) => h.status), ['new', 'new', 'open', 'open']);
  });

  test('waiting on the customer pauses the SLA clock: the due time moves out by the paused time', async () => {
    const token = await newBuyer();
    const t = (await create(token, draft())).body;
    const waiting = (await staff(`/${t.id}`, { method: 'PATCH', body: { status: 'waiting_on_customer', note: 'need the tx ref' } })).body;
    assert.equal(waiting.status, 'waiting_on_customer');
    assert.equal(waiting.sla_paused, true);
    await new Promise((r) => setTimeout(r, 2100));
    const during = (await call(`${srv.api}/tickets/${t.id}`, { token })).body;
    assert.ok(during.sla_paused_s >= 2, `paused ${during.sla_paused_s}s so far`);
    assert.ok(unix(during.first_response_due) >= unix(t.first_response_due) + 2);

    const answered = await call(`${srv.api}/tickets/${t.id}/messages`, { method: 'POST', token, body: { body: 'tx ref is pay_123' } });
    assert.equal(answered.body.status, 'open', 'a customer message on waiting_on_customer reopens');
    assert.equal(answered.body.sla_paused, false);
    const pausedAt = unix(answered.body.history.find((h) => h.status === 'waiting_on_customer').at);
    const resumedAt = unix(answered.body.history.at(-1).at);
    assert.ok(resumedAt - pausedAt >= 2);
    assert.equal(answered.body.sla_paused_s, resumedAt - pausedAt);
    assert.equal(unix(answered.body.first_response_due), unix(t.created_at) + 24 * 3600 + (resumedAt - pausedAt));
    // The clock runs again: later reads give the same due time.
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await call(`${srv.api}/tickets/${t.id}`, { token })).body.first_response_due, answered.body.first_response_due);
  });

  test('state machine: staff cannot move a ticket back to new or skip from closed', async () => {
    const token = await newBuyer();
    const t = (await create(token, draft())).body;
    const resolved = await staff(`/${t.id}`, { method: 'PATCH', body: { status: 'resolved' } });
    assert.equal(resolved.body.status, 'resolved');
    assert.equal((await staff(`/${t.id}`, { method: 'PATCH', body: { status: 'waiting_on_customer' } })).body.code, 'ticket_transition_invalid');
    const reopened = await call(`${srv.api}/tickets/${t.id}/messages`, { method: 'POST', token, body: { body: 'not fixed' } });
    assert.equal(reopened.body.status, 'open');
    assert.equal((await staff(`/${t.id}`, { method: 'PATCH', body: { status: 'closed' } })).body.status, 'closed');
    assert.equal((await staff(`/${t.id}`, { method: 'PATCH', body: { status: 'open' } })).body.code, 'ticket_closed');
  });
});

describe('SLA breaches (server with a 1 s first-response target)', () => {
  let fast;
  let fastAgent;
  before(async () => {
    fast = await startServer({ args: ['--ticket-first-response-s', '1'] });
    fastAgent = await login(fast.api, demoAccounts.agent);
  });
  after(async () => { await fast?.stop(); });

  test('breached tickets are flagged, filterable and sortable by due time', async () => {
    const token = await newBuyer(fast.api);
    const a = (await create(token, draft({ subject: 'a' }), {}, fast.api)).body;
    const b = (await create(token, draft({ subject: 'b' }), {}, fast.api)).body;
    assert.equal(a.sla_breached, false);
    await new Promise((r) => setTimeout(r, 2200));
    const answered = await call(`${fast.api}/staff/tickets/${b.id}/messages`, { method: 'POST', token: fastAgent, body: { body: 'late reply' } });
    assert.equal(answered.body.sla_breached, true, 'answered late stays breached');
    const c = (await create(token, draft({ subject: 'c' }), {}, fast.api)).body;
    assert.equal(c.sla_breached, false);

    const breached = (await call(`${fast.api}/staff/tickets?sla=breached`, { token: fastAgent })).body.items;
    assert.deepEqual(breached.map((t) => t.subject).sort(), ['a', 'b']);
    assert.ok(breached.every((t) => t.sla_breached));
    const byDue = (await call(`${fast.api}/staff/tickets?sort=due`, { token: fastAgent })).body.items;
    assert.deepEqual(byDue.map((t) => t.subject), ['a', 'b', 'c']);
    const dues = byDue.map((t) => unix(t.first_response_due));
    assert.deepEqual(dues, [...dues].sort((x, y) => x - y));
    const page = (await call(`${fast.api}/staff/tickets?sort=due&limit=2`, { token: fastAgent })).body;
    assert.equal(page.items.length, 2);
    const rest = (await call(`${fast.api}/staff/tickets?sort=due&limit=2&cursor=${page.next_cursor}`, { token: fastAgent })).body;
    assert.deepEqual(rest.items.map((t) => t.subject), ['c']);
  });
});

describe('help center', () => {
  test('contact channels come from the configuration', async () => {
    const r = await call(`${srv.api}/support/channels`);
    assert.equal(r.status, 200);
    assert.equal(r.body.ticket.available, true);
    assert.equal(r.body.ticket.first_response_s, 24 * 3600);
    assert.match(r.body.email, /@/);
    assert.ok(r.body.phone);
    assert.ok(r.body.hours.en && r.body.hours['zh-CN']);
    const custom = await startServer({ args: ['--support-email', 'help@shop.example', '--support-hours', '24/7'] });
    try {
      const c = (await call(`${custom.api}/support/channels`)).body;
      assert.equal(c.email, 'help@shop.example');
      assert.equal(c.hours.en, '24/7');
    } finally {
      await custom.stop();
    }
  });

  test('answers in English and Chinese, searchable in both', async () => {
    const all = (await call(`${srv.api}/support/faq`)).body.items;
    assert.deepEqual(all.map((e) => e.id), [
      'payment-failed', 'where-is-my-parcel', 'wrong-item', 'lost-parcel', 'how-to-cancel', 'refund-timing',
      'login-2fa-trouble', 'account-security',
    ]);
    for (const e of all) assert.ok(e.en.question && e.en.answer && e['zh-CN'].question && e['zh-CN'].answer, e.id);
    const search = async (q) => (await call(`${srv.api}/support/faq?q=${encodeURIComponent(q)}`)).body.items.map((e) => e.id);
    const refunds = await search('退款');
    assert.ok(refunds.includes('refund-timing'));
    for (const id of refunds) assert.ok(JSON.stringify(all.find((e) => e.id === id)).includes('退款'), id);
    assert.ok((await search('PARCEL')).includes('where-is-my-parcel'));
    assert.ok((await search('助记词')).includes('account-security'));
    assert.deepEqual(await search('parcel lost'), ['lost-parcel']);
    assert.deepEqual(await search('zzzz-nothing'), []);
  });

  test('the ticket routes are in the OpenAPI document', async () => {
    const doc = (await call(`${srv.api}/openapi.json`)).body;
    for (const path of ['/api/v1/tickets', '/api/v1/tickets/{id}/messages', '/api/v1/staff/tickets/{id}', '/api/v1/support/faq'])
      assert.ok(doc.paths[path], path);
    assert.ok(doc.paths['/api/v1/staff/tickets/{id}'].patch);
  });
});
