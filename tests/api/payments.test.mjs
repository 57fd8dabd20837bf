// API tests for wallets and payments (PAYMENT.md): every check and error code, replay,
// concurrency, the ledger, the audit and verify-payment commands. Payments are signed by an
// independent implementation (@noble/curves + a JavaScript JCS), so they also prove interop.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { btcBalance, newBuyer, pay, placeOrder } from '../support/buyer.mjs';
import { audit, call, login, repoRoot, serverBinary, sql, startServer } from '../support/server.mjs';
import { authorize, bindProof, newKey } from '../support/wallet.mjs';

let srv;
let store;
let products;
before(async () => {
  srv = await startServer();
  store = (await call(`${srv.api}/store`)).body;
  products = (await call(`${srv.api}/products?limit=100`)).body.items.filter((p) => p.variants.length === 1 && p.stock >= 5);
});
after(async () => { await srv?.stop(); });

// An order for one unit of the product at `productIndex`.
async function newOrder(buyer, productIndex = 0) {
  const r = await placeOrder(srv.api, buyer, products[productIndex].id);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

const buyerWithBtc = (btc = '0') => newBuyer({ registerApi: srv.api, btc });
const payFor = (buyer, order, signed) => pay(srv.api, buyer, order.id, signed);
const balance = (buyer) => btcBalance(srv.api, buyer);

describe('wallet', () => {
  test('registration needs a valid proof of possession; a key belongs to one account', async () => {
    const { token, key } = await buyerWithBtc();
    const wallet = await call(`${srv.api}/wallet`, { token });
    assert.equal(wallet.body.pubkey, key.pubkey);
    assert.deepEqual(wallet.body.balances.map((b) => b.amount), ['0', '0']);

    const other = newKey();
    const wrongUser = await call(`${srv.api}/wallet`, { method: 'PUT', token, body: { pubkey: other.pubkey, proof: bindProof(other, store.id, 'usr_someone_else') } });
    assert.equal(wrongUser.status, 422);
    assert.equal(wrongUser.body.code, 'signature_invalid');
    const malformed = await call(`${srv.api}/wallet`, { method: 'PUT', token, body: { pubkey: 'xyz', proof: 12 } });
    assert.equal(malformed.status, 422);
    assert.ok(malformed.body.errors.pubkey && malformed.body.errors.proof);

    const thief = await buyerWithBtc();
    const stolen = await call(`${srv.api}/wallet`, { method: 'PUT', token: thief.token, body: { pubkey: key.pubkey, proof: bindProof(key, store.id, thief.user.id) } });
    assert.equal(stolen.status, 409);
    assert.equal(stolen.body.code, 'wallet_key_taken');
  });

  test('the demo faucet tops up and writes the ledger; bad amounts are 422', async () => {
    const buyer = await buyerWithBtc('50000');
    const { token } = buyer;
    assert.equal(await balance(buyer), '50000');
    const ledger = await call(`${srv.api}/wallet/ledger`, { token });
    assert.equal(ledger.body.items[0].kind, 'topup');
    assert.equal(ledger.body.items[0].amount, '50000');
    for (const body of [{ currency: 'CNY', amount: '1' }, { currency: 'BTC', amount: '-5' }, { currency: 'BTC', amount: 5 },
      { currency: 'BTC', amount: '0' }, { currency: 'BTC', amount: '100000001' }]) {
      const r = await call(`${srv.api}/wallet/topups`, { method: 'POST', token, body });
      assert.equal(r.status, 422, JSON.stringify(body));
    }
  });

  test('outside demo mode the faucet is 403 faucet_disabled', async () => {
    const prod = await startServer({ demo: false });
    try {
      const email = 'solo@example.com';
      await call(`${prod.api}/users`, { method: 'POST', body: { email, password: 'production pass' } });
      const token = await login(prod.api, email, 'production pass');
      const r = await call(`${prod.api}/wallet/topups`, { method: 'POST', token, body: { currency: 'BTC', amount: '1' } });
      assert.equal(r.status, 403);
      assert.equal(r.body.code, 'faucet_disabled');
    } finally {
      await prod.stop();
    }
  });
});

describe('paying', () => {
  test('a signed authorization pays the order once; a replay returns the same payment', async () => {
    const buyer = await buyerWithBtc('1000000');
    const { token, key } = buyer;
    const order = await newOrder(buyer);
    const signed = authorize(order, key);
    const first = await payFor(buyer, order, signed);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.amount, order.quote.amount);
    assert.deepEqual(first.body.authorization, signed.authorization);
    assert.equal(first.body.sig, signed.sig);
    assert.equal(await balance(buyer), String(1000000 - Number(order.quote.amount)));

    const replay = await payFor(buyer, order, signed);
    assert.equal(replay.status, 200);
    assert.equal(replay.body.id, first.body.id);
    assert.equal(await balance(buyer), String(1000000 - Number(order.quote.amount)));

    const detail = (await call(`${srv.api}/orders/${order.id}`, { token })).body;
    assert.equal(detail.status, 'paid');
    assert.equal(detail.payment_status, 'paid');
    assert.equal(detail.payment.id, first.body.id);
    assert.deepEqual(detail.timeline.map((t) => t.status), ['pending_payment', 'paid']);

    const another = await payFor(buyer, order, authorize(order, key));
    assert.equal(another.status, 409);
    assert.equal(another.body.code, 'already_paid');
  });

  test('cancelling a paid, unshipped order refunds the paying wallet in full', async () => {
    const buyer = await buyerWithBtc('1000000');
    const { token, key } = buyer;
    const order = await newOrder(buyer);
    assert.equal((await payFor(buyer, order, authorize(order, key))).status, 201);
    const cancel = await call(`${srv.api}/orders/${order.id}/cancel`, { method: 'POST', token, body: { reason: 'ordered twice' } });
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.status, 'cancelled');
    assert.equal(cancel.body.payment_status, 'refunded');
    assert.equal(cancel.body.refunds.length, 1);
    assert.equal(cancel.body.refunds[0].amount.amount, order.quote.amount);
    assert.equal(cancel.body.refunds[0].status, 'succeeded');
    assert.equal(cancel.body.refunds[0].payer, key.pubkey);
    assert.ok(cancel.body.refunds[0].expected_arrival.latest);
    assert.equal(await balance(buyer), '1000000');
    const ledger = (await call(`${srv.api}/wallet/ledger`, { token })).body.items.map((e) => e.kind);
    assert.deepEqual(ledger, ['refund', 'payment', 'topup']);
  });

  test('insufficient balance is 402 with balance and shortfall; after a top-up it pays', async () => {
    const buyer = await buyerWithBtc('10');
    const { token, key } = buyer;
    const order = await newOrder(buyer);
    const r = await payFor(buyer, order, authorize(order, key));
    assert.equal(r.status, 402);
    assert.equal(r.body.code, 'insufficient_balance');
    assert.equal(r.body.balance, '10');
    assert.equal(r.body.shortfall, String(Number(order.quote.amount) - 10));
    assert.equal((await call(`${srv.api}/orders/${order.id}`, { token })).body.status, 'pending_payment');
    await call(`${srv.api}/wallet/topups`, { method: 'POST', token, body: { currency: 'BTC', amount: r.body.shortfall } });
    const again = await payFor(buyer, order, authorize(order, key));
    assert.equal(again.status, 201);
    assert.equal(await balance(buyer), '0');
  });

  test('each mismatch between authorization and order is refused with its code', async () => {
    const buyer = await buyerWithBtc('1000000');
    const { key } = buyer;
    const order = await newOrder(buyer);
    const nowS = Math.floor(Date.now() / 1000);
    const cases = [
      [{ amount: String(Number(order.quote.amount) - 1) }, 422, 'authorization_mismatch'],
      [{ currency: 'USDT' }, 422, 'authorization_mismatch'],
      [{ quote: 'q_00000000000000000000' }, 422, 'authorization_mismatch'],
      [{ order_digest: '0'.repeat(64) }, 422, 'authorization_mismatch'],
      [{ store: 'other-store' }, 422, 'authorization_mismatch'],
      [{ expires: nowS - 1 }, 409, 'quote_expired'],
      [{ expires: Math.floor(Date.parse(order.quote.expires_at) / 1000) + 1 }, 409, 'quote_expired'],
    ];
    for (const [overrides, status, code] of cases) {
      const r = await payFor(buyer, order, authorize(order, key, overrides));
      assert.equal(r.status, status, JSON.stringify(overrides));
      assert.equal(r.body.code, code, JSON.stringify(overrides));
    }
    const stranger = newKey();
    const notMine = await payFor(buyer, order, authorize(order, stranger));
    assert.equal(notMine.status, 403);
    assert.equal(notMine.body.code, 'payer_not_registered');
    const signed = authorize(order, key);
    const flipped = signed.sig.slice(0, -2) + (signed.sig.endsWith('00') ? '01' : '00');
    const bad = await payFor(buyer, order, { ...signed, sig: flipped });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'signature_invalid');
    const shape = await payFor(buyer, order, { authorization: { ...signed.authorization, extra: 1 }, sig: 'abc' });
    assert.equal(shape.status, 422);
    assert.ok(shape.body.errors['authorization.extra'] && shape.body.errors.sig);
    assert.equal(await balance(buyer), '1000000', 'nothing was charged');
  });

  test('a renewed quote invalidates authorizations of the old one', async () => {
    const buyer = await buyerWithBtc('1000000');
    const { token, key } = buyer;
    const order = await newOrder(buyer);
    const old = authorize(order, key);
    const renewed = (await call(`${srv.api}/orders/${order.id}/quote`, { method: 'POST', token })).body;
    assert.equal((await payFor(buyer, order, old)).body.code, 'authorization_mismatch');
    assert.equal((await payFor(buyer, renewed, authorize(renewed, key))).status, 201);
  });

  test('a nonce is spent once per payer', async () => {
    const buyer = await buyerWithBtc('1000000');
    const { key } = buyer;
    const a = await newOrder(buyer, 0);
    const b = await newOrder(buyer, 1);
    const first = authorize(a, key);
    assert.equal((await payFor(buyer, a, first)).status, 201);
    const r = await payFor(buyer, b, authorize(b, key, { nonce: first.authorization.nonce }));
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'nonce_reused');
  });

  test('cancelled orders and other people\'s orders cannot be paid', async () => {
    const buyer = await buyerWithBtc('1000000');
    const { token, key } = buyer;
    const order = await newOrder(buyer);
    await call(`${srv.api}/orders/${order.id}/cancel`, { method: 'POST', token });
    const r = await payFor(buyer, order, authorize(order, key));
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'order_not_payable');
    const other = await buyerWithBtc('1000000');
    const theirs = await newOrder(other);
    assert.equal((await payFor(buyer, theirs, authorize(theirs, key))).status, 404);
  });

  test('50 concurrent authorizations for one order: exactly one payment and one debit', async () => {
    const buyer = await buyerWithBtc('5000000');
    const { token, key } = buyer;
    const order = await newOrder(buyer);
    const results = await Promise.all(Array.from({ length: 50 }, () => payFor(buyer, order, authorize(order, key))));
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
    assert.ok(results.every((r) => r.status === 201 || r.body.code === 'already_paid'));
    assert.equal(await balance(buyer), String(5000000 - Number(order.quote.amount)));
    const ledger = (await call(`${srv.api}/wallet/ledger`, { token })).body.items;
    assert.equal(ledger.filter((e) => e.kind === 'payment').length, 1);
  });
});

describe('offline tools', () => {
  test('audit passes on the database the tests produced', () => {
    const r = audit(srv);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /audit: [1-9]\d* payments checked, 0 violations/);
  });

  test('audit fails when a stored payment or the ledger is tampered with', () => {
    // Tampered in place and put back afterwards: a copy of the database would need a
    // backend-specific recipe (VACUUM INTO, CREATE DATABASE … TEMPLATE).
    const [id, sig] = sql(srv, 'SELECT id, sig FROM payments ORDER BY id LIMIT 1').split('|');
    const flipped = sig.slice(0, -2) + (sig.endsWith('00') ? '01' : '00');
    sql(srv, `UPDATE payments SET sig = '${flipped}' WHERE id = '${id}'`);
    sql(srv, "UPDATE ledger_accounts SET balance = balance + 1 WHERE kind = 'merchant'");
    try {
      const r = audit(srv);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /signature does not verify/);
      assert.match(r.stdout, /balance mismatch: merchant:/);
    } finally {
      sql(srv, `UPDATE payments SET sig = '${sig}' WHERE id = '${id}'`);
      sql(srv, "UPDATE ledger_accounts SET balance = balance - 1 WHERE kind = 'merchant'");
    }
    assert.equal(audit(srv).status, 0, 'the database is whole again');
  });

  test('verify-payment agrees with every shared vector', () => {
    const vectors = JSON.parse(readFileSync(join(repoRoot, '../shared/vectors/payment-v1.json'), 'utf8'));
    const all = [...vectors.valid, ...vectors.invalid];
    const input = all.map((v) => JSON.stringify({ pubkey: v.pubkey, fields: v.fields, sig: v.sig })).join('\n');
    const r = spawnSync(serverBinary, ['verify-payment'], { input: `${input}\nnot json\n`, encoding: 'utf8' });
    assert.equal(r.status, 0);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, all.length + 1);
    all.forEach((v, i) => assert.equal(lines[i] === 'valid', v.valid, `${i}: ${v.why ?? 'valid'} → ${lines[i]}`));
    assert.match(lines.at(-1), /^invalid: /);
  });
});
