// Scale-out (SPEC.md, deployment shape 4): several API processes on one database must behave as
// one store. Two `satstore serve` processes share a database; buyers send the same contested
// requests to both at once, alternating between them:
//   - checkouts of a product with little stock: exactly `stock` orders, the rest 409
//     out_of_stock, stock never below zero;
//   - checkouts of two products in either line order, and copies of one checkout under one
//     Idempotency-Key: every checkout succeeds (none waits on another crosswise), the copies get
//     one order, and the stock goes down once per order;
//   - payments: copies of one signed authorization and other valid authorizations of the same
//     wallet for the same order: exactly one settles (201); copies of the winner get it back
//     (200, same payment), the others 409 already_paid (PAYMENT.md, check 6);
//   - stock adjustments by staff (received, damaged) on both servers while buyers check out the
//     same variant: the stock ends exactly at start + received − damaged − sold, never below
//     zero, and every change is in the variant's history (issue 20);
//   - afterwards `satstore audit` passes and every wallet was debited exactly once per order.
// Runs on SQLite (one file, two processes) and, when SATSTORE_TEST_PG names a cluster, on
// PostgreSQL (one database).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { btcBalance, getOrder, newBuyer, pay, paymentEntries, placeOrder, signPayment } from '../support/buyer.mjs';
import { audit, backends, call, createDatabase, demoAccounts, login, sql, startServer } from '../support/server.mjs';

const kStock = 5;
const kBuyers = 8;
const kCheckoutsPerBuyer = 2;       // 16 checkouts for 5 units
const kCopiesOfOneCheckout = 3;     // per buyer: 3 copies of one checkout under one key
const kCopiesOfOnePayment = 3;      // per order: 3 copies of one signed authorization…
const kOtherAuthorizations = 3;     // …and 3 other authorizations of the same wallet
const kTopUp = '100000000';         // 1 BTC: far more than the orders cost
const kAdjustStock = 6;             // the variant staff adjust while buyers check it out…
const kAdjustments = 12;            // …with this many +1 (received) and as many −1 (damaged)

for (const backend of backends) {
  describe(`two servers on one ${backend} database`, { timeout: 120_000 }, () => {
    let database;
    let servers;                    // [a (seeded, demo), b (no --demo)]
    let scarce;                     // the product whose stock is contested
    let plenty;                     // products with stock enough for every buyer
    let plentyToo;
    let buyers;
    const orders = [];              // { buyer, order } of every order created
    const settled = new Map();      // order id → the payment that won

    // Request i goes to server i mod 2, so both always receive half of the contested requests.
    const api = (i) => servers[i % 2].api;

    before(async () => {
      database = createDatabase({ backend });
      servers = [await startServer({ database })];
      // Started after the first one migrated and seeded: it only opens the same database.
      servers.push(await startServer({ database, demo: false }));
      const items = (await call(`${servers[0].api}/products?limit=100`)).body.items;
      scarce = items.find((p) => p.variants[0].sku === 'sku-mug-verify');
      plenty = items.find((p) => p.variants[0].sku === 'sku-sticker-sheet-a5');
      plentyToo = items.find((p) => p.variants[0].sku === 'sku-keychain-brass');
      assert.ok(scarce && plenty && plentyToo, 'demo catalog products');
      sql(database, `UPDATE variants SET stock = ${kStock} WHERE product_id = '${scarce.id}'`);
      sql(database, `UPDATE variants SET stock = 1000 WHERE product_id IN ('${plenty.id}', '${plentyToo.id}')`);
      // Register on one server, log in and bind on the other, top up where the faucet is.
      buyers = [];
      for (let i = 0; i < kBuyers; i++)
        buyers.push(await newBuyer({ registerApi: api(i), api: api(i + 1), faucetApi: servers[0].api, btc: kTopUp }));
    });

    after(async () => {
      for (const srv of servers ?? []) await srv.stop();
      database?.drop();
    });

    test(`${kBuyers * kCheckoutsPerBuyer} concurrent checkouts on both servers sell exactly the ${kStock} in stock`, async () => {
      const attempts = buyers.flatMap((buyer) => Array.from({ length: kCheckoutsPerBuyer }, () => buyer));
      const results = await Promise.all(attempts.map((buyer, i) => placeOrder(api(i), buyer, scarce.id)));
      const refused = results.filter((r) => r.status !== 201);
      for (const r of refused) {
        assert.equal(r.status, 409, JSON.stringify(r.body));
        assert.equal(r.body.code, 'out_of_stock');
      }
      const created = results.filter((r) => r.status === 201);
      assert.equal(created.length, kStock, results.map((r) => r.status).join(','));
      assert.equal(new Set(created.map((r) => r.body.id)).size, kStock);
      assert.equal(sql(database, `SELECT stock FROM variants WHERE product_id = '${scarce.id}'`), '0');
      for (const srv of servers)
        assert.equal((await call(`${srv.api}/products/${scarce.id}`)).body.stock, 0, 'both servers see the stock sold out');
      results.forEach((r, i) => { if (r.status === 201) orders.push({ buyer: attempts[i], order: r.body }); });
      // One more unit no one can buy, from either server.
      for (let i = 0; i < 2; i++) assert.equal((await placeOrder(api(i), buyers[0], scarce.id)).body.code, 'out_of_stock');
    });

    test('staff stock adjustments on both servers during checkouts of the same variant never oversell', async () => {
      const items = (await call(`${servers[0].api}/products?limit=100`)).body.items;
      const dice = items.find((p) => p.variants[0].sku === 'sku-dice-entropy');
      const variant = dice.variants[0];
      sql(database, `UPDATE variants SET stock = ${kAdjustStock} WHERE id = '${variant.id}'`);
      const staff = [await login(servers[0].api, demoAccounts.merchant), await login(servers[1].api, demoAccounts.merchant)];
      const adjust = (i, delta) => call(`${api(i)}/staff/variants/${variant.id}/stock`, {
        method: 'POST', token: staff[i % 2], body: { delta, reason: delta > 0 ? 'received' : 'damaged' },
      });
      const work = [];
      buyers.forEach((buyer, i) => { for (let k = 0; k < kCheckoutsPerBuyer; k++) work.push(placeOrder(api(i + k), buyer, dice.id).then((r) => ['order', r])); });
      for (let i = 0; i < kAdjustments; i++) {
        work.push(adjust(i, 1).then((r) => ['received', r]));
        work.push(adjust(i + 1, -1).then((r) => ['damaged', r]));
      }
      const results = await Promise.all(work);
      const ok = (kind) => results.filter(([k, r]) => k === kind && (r.status === 201 || r.status === 200)).length;
      for (const [kind, r] of results) {
        if (r.status === 200 || r.status === 201) continue;
        assert.equal(r.status, 409, `${kind}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.code, kind === 'order' ? 'out_of_stock' : 'insufficient_stock');
      }
      const expected = kAdjustStock + ok('received') - ok('damaged') - ok('order');
      assert.ok(expected >= 0);
      assert.equal(sql(database, `SELECT stock FROM variants WHERE id = '${variant.id}'`), String(expected),
                   `received ${ok('received')}, damaged ${ok('damaged')}, sold ${ok('order')}`);
      assert.equal(sql(database, `SELECT COALESCE(SUM(delta), 0) FROM stock_movements WHERE variant_id = '${variant.id}'`),
                   String(expected - kAdjustStock), 'the history adds up to the change');
    });

    test('concurrent checkouts of two products in either line order, and copies of one key, all succeed once each', async () => {
      const stock = () => sql(database, `SELECT stock FROM variants WHERE product_id IN ('${plenty.id}', '${plentyToo.id}') ORDER BY product_id`)
        .split('\n').map(Number);
      const before = stock();
      const attempts = buyers.flatMap((buyer) => {
        const key = randomUUID();
        return [
          { buyer, lines: [plenty.id, plentyToo.id] },
          { buyer, lines: [plentyToo.id, plenty.id] },
          ...Array.from({ length: kCopiesOfOneCheckout }, () => ({ buyer, lines: [plenty.id, plentyToo.id], key })),
        ];
      });
      const results = await Promise.all(attempts.map(({ buyer, lines, key }, i) => placeOrder(api(i), buyer, lines, { key })));
      for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
      for (const buyer of buyers) {
        const copies = results.filter((r, i) => attempts[i].buyer === buyer && attempts[i].key);
        assert.equal(new Set(copies.map((r) => r.body.id)).size, 1, 'copies of one key get one order');
        assert.deepEqual(copies.map((r) => r.body), copies.map(() => copies[0].body));
      }
      const created = new Set(results.map((r) => r.body.id));
      assert.equal(created.size, buyers.length * 3);
      assert.equal(new Set(results.map((r) => r.body.number)).size, created.size, 'one number per order');
      for (const r of results) assert.match(r.body.number, /^SO-\d{6,}$/);
      assert.deepEqual(stock(), before.map((n) => n - created.size), 'each product once per order');
      assert.equal(sql(database, `SELECT COUNT(*) FROM orders WHERE id IN (${[...created].map((id) => `'${id}'`).join(',')})`),
                   String(created.size));
    });

    test('concurrent payments for the same orders on both servers settle each order exactly once', async () => {
      assert.equal(orders.length, kStock, 'needs the orders of the checkout test');
      for (const [i, buyer] of buyers.entries()) {
        const r = await placeOrder(api(i), buyer, plenty.id);
        assert.equal(r.status, 201, JSON.stringify(r.body));
        orders.push({ buyer, order: r.body });
      }
      // Every order gets one authorization sent several times and several other authorizations,
      // all at once, alternating between the servers.
      const attempts = orders.flatMap(({ buyer, order }) => {
        const copied = signPayment(buyer, order);
        return [
          ...Array.from({ length: kCopiesOfOnePayment }, () => ({ buyer, order, signed: copied })),
          ...Array.from({ length: kOtherAuthorizations }, () => ({ buyer, order, signed: signPayment(buyer, order) })),
        ];
      });
      const results = await Promise.all(attempts.map(({ buyer, order, signed }, i) => pay(api(i), buyer, order.id, signed)));

      for (const { order } of orders) {
        const mine = attempts.map((a, i) => ({ ...a, r: results[i] })).filter((a) => a.order.id === order.id);
        const winners = mine.filter((a) => a.r.status === 201);
        assert.equal(winners.length, 1, `${order.id}: ${mine.map((a) => a.r.status).join(',')}`);
        const won = winners[0];
        assert.equal(won.r.body.amount, order.quote.amount);
        for (const { signed, r } of mine) {
          if (r === won.r) continue;
          if (signed.sig === won.signed.sig) {
            // The same authorization again: its payment back, nothing charged twice.
            assert.equal(r.status, 200, `replay of the settled authorization: ${r.status} ${JSON.stringify(r.body)}`);
            assert.equal(r.body.id, won.r.body.id);
          } else {
            assert.equal(r.status, 409, `another authorization: ${r.status} ${JSON.stringify(r.body)}`);
            assert.equal(r.body.code, 'already_paid');
          }
        }
        settled.set(order.id, won.r.body);
      }
      // Both servers report every order paid with the one payment that won.
      for (const [i, { buyer, order }] of orders.entries()) {
        for (const srv of servers) {
          const detail = await getOrder(srv.api, buyer, order.id);
          assert.equal(detail.status, 'paid', `${order.id} on server ${i}`);
          assert.equal(detail.payment.id, settled.get(order.id).id);
        }
      }
      assert.equal(sql(database, 'SELECT COUNT(*) FROM payments'), String(orders.length));
    });

    test('every wallet was debited exactly once per order, and the audit passes', async () => {
      assert.equal(settled.size, orders.length, 'needs the payments of the previous test');
      for (const [i, buyer] of buyers.entries()) {
        const paid = orders.filter((o) => o.buyer === buyer).map((o) => settled.get(o.order.id));
        const spent = paid.reduce((sum, p) => sum + BigInt(p.amount), 0n);
        assert.equal(await btcBalance(api(i), buyer), String(BigInt(kTopUp) - spent), `buyer ${i}`);
        // One debit per payment that won, of its amount, and no other: the ledger entry names it.
        const entries = await paymentEntries(api(i + 1), buyer);
        assert.deepEqual(entries.map((e) => [e.ref, e.amount]).sort(), paid.map((p) => [p.id, `-${p.amount}`]).sort(), `buyer ${i}`);
      }
      const r = audit(database);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`audit: ${orders.length} payments checked, 0 violations`));
    });
  });
}
