// Crash safety of payments: the server is SIGKILLed while it settles a burst of payments, then
// restarted on the same database.
//   - every payment it acknowledged (201) is there after the restart: the order is paid with
//     that payment;
//   - nothing is half-settled: each order is either paid with its one payment and its wallet
//     debited once, or still pending_payment with no debit (the API, the ledger and
//     `satstore audit` agree);
//   - sending the unacknowledged payments again settles each exactly once (201, or 200 with the
//     payment the crash kept but never reported).
// Runs on SQLite and, when SATSTORE_TEST_PG names a cluster, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { btcBalance, getOrder, newBuyer, pay, paymentEntries, placeOrder, signPayment } from '../support/buyer.mjs';
import { audit, backends, call, createDatabase, sql, startServer } from '../support/server.mjs';

const kBuyers = 4;
const kOrders = 60;
const kConcurrency = 16;            // payments in flight at any time
const kAcksBeforeKill = 5;
const kTopUp = '100000000';         // 1 BTC: far more than the orders cost

for (const backend of backends) {
  describe(`a server killed while settling payments (${backend})`, { timeout: 120_000 }, () => {
    let database;
    let first;                      // the server that is killed
    let second;                     // the server started on the same database afterwards
    const prepared = [];            // { buyer, order, signed, r (the answer, or null) }

    before(async () => {
      database = createDatabase({ backend });
      first = await startServer({ database });
      const product = (await call(`${first.api}/products?limit=100`)).body.items.find((p) => p.variants[0].sku === 'sku-sticker-sheet-a5');
      sql(database, `UPDATE variants SET stock = 1000 WHERE product_id = '${product.id}'`);
      const buyers = [];
      for (let i = 0; i < kBuyers; i++) buyers.push(await newBuyer({ registerApi: first.api, btc: kTopUp }));
      for (let i = 0; i < kOrders; i++) {
        const buyer = buyers[i % kBuyers];
        const r = await placeOrder(first.api, buyer, product.id);
        assert.equal(r.status, 201, JSON.stringify(r.body));
        prepared.push({ buyer, order: r.body, signed: signPayment(buyer, r.body), r: null });
      }
    });

    after(async () => {
      await first?.stop();
      await second?.stop();
      database?.drop();
    });

    const buyersOf = () => [...new Set(prepared.map((p) => p.buyer))];

    // Orders paid per the API, checked against the buyers' balances and ledgers and the audit.
    async function checkConsistent(api) {
      const paid = new Map();       // order id → payment
      for (const { buyer, order, signed } of prepared) {
        const detail = await getOrder(api, buyer, order.id);
        if (detail.status === 'paid') {
          // Only the authorization this test sent can have settled it.
          assert.equal(detail.payment_status, 'paid');
          assert.equal(detail.payment.sig, signed.sig, order.id);
          assert.deepEqual(detail.payment.authorization, signed.authorization, order.id);
          paid.set(order.id, detail.payment);
        } else {
          assert.equal(detail.status, 'pending_payment', order.id);
          assert.equal(detail.payment_status, 'unpaid', order.id);
          assert.equal(detail.payment ?? null, null, order.id);
        }
      }
      for (const buyer of buyersOf()) {
        const payments = prepared.filter((p) => p.buyer === buyer && paid.has(p.order.id)).map((p) => paid.get(p.order.id));
        const spent = payments.reduce((sum, p) => sum + BigInt(p.amount), 0n);
        assert.equal(await btcBalance(api, buyer), String(BigInt(kTopUp) - spent), 'balance = top-up − paid orders');
        const entries = await paymentEntries(api, buyer);
        assert.deepEqual(entries.map((e) => [e.ref, e.amount]).sort(), payments.map((p) => [p.id, `-${p.amount}`]).sort(),
          'one debit per paid order, none for the others');
      }
      assert.equal(sql(database, 'SELECT COUNT(*) FROM payments'), String(paid.size));
      const r = audit(database);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`audit: ${paid.size} payments checked, 0 violations`));
      return paid;
    }

    test(`SIGKILL after ${kAcksBeforeKill} of ${kOrders} payments were acknowledged, ${kConcurrency} in flight`, async (t) => {
      // Clients that each send the next payment once theirs is answered: when the kill lands,
      // exactly kConcurrency payments are somewhere between our socket and the database, so at
      // most kAcksBeforeKill + kConcurrency can ever be answered, and the rest were never sent.
      let next = 0;
      let acked = 0;
      await Promise.all(Array.from({ length: kConcurrency }, async () => {
        while (next < prepared.length && acked < kAcksBeforeKill) {
          const p = prepared[next++];
          try {
            p.r = await pay(first.api, p.buyer, p.order.id, p.signed);
          } catch {
            return; // cut off by the kill: not acknowledged
          }
          if (++acked === kAcksBeforeKill) first.child.kill('SIGKILL');
        }
      }));
      await first.kill();
      assert.equal(first.child.signalCode, 'SIGKILL');
      const answered = prepared.filter((p) => p.r);
      for (const { r } of answered) assert.equal(r.status, 201, `before the kill every answer is a settlement: ${JSON.stringify(r.body)}`);
      assert.ok(answered.length >= kAcksBeforeKill && answered.length <= kAcksBeforeKill + kConcurrency, String(answered.length));
      t.diagnostic(`${answered.length} of ${kOrders} payments acknowledged, ${next} sent before the kill`);
    });

    test('after a restart every acknowledged payment is there and nothing is half-settled', async (t) => {
      assert.ok(prepared.some((p) => p.r), 'needs the burst of the previous test');
      // Same database, demo seeding again (it must leave existing data alone).
      second = await startServer({ database });
      const paid = await checkConsistent(second.api);
      for (const { order, r } of prepared.filter((p) => p.r)) {
        assert.ok(paid.has(order.id), `acknowledged payment for ${order.id} lost`);
        assert.equal(paid.get(order.id).id, r.body.id);
      }
      t.diagnostic(`after the restart: ${paid.size} paid (${paid.size - prepared.filter((p) => p.r).length} unacknowledged), ` +
        `${kOrders - paid.size} unpaid`);
    });

    test('paying again after the restart settles every order exactly once', async () => {
      assert.ok(second, 'needs the restarted server');
      const before = new Map();
      for (const { buyer, order } of prepared) before.set(order.id, (await getOrder(second.api, buyer, order.id)).payment ?? null);
      // Every authorization again, at once: the unacknowledged ones as a client's retry would,
      // the acknowledged ones as a duplicate.
      const results = await Promise.all(prepared.map(({ buyer, order, signed }) => pay(second.api, buyer, order.id, signed)));
      results.forEach((r, i) => {
        const { order, signed } = prepared[i];
        const kept = before.get(order.id);
        if (kept) {
          assert.equal(r.status, 200, `${order.id} was paid: ${r.status} ${JSON.stringify(r.body)}`);
          assert.equal(r.body.id, kept.id);
        } else {
          assert.equal(r.status, 201, `${order.id} was unpaid: ${r.status} ${JSON.stringify(r.body)}`);
          assert.equal(r.body.sig, signed.sig);
        }
      });
      const paid = await checkConsistent(second.api);
      assert.equal(paid.size, kOrders, 'every order paid');
    });
  });
}
