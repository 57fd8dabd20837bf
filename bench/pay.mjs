// Benchmark: settled payments per second (PAYMENT.md checks + ledger settlement) on SQLite, or on
// PostgreSQL when SATSTORE_TEST_PG names a cluster (see tests/support/postgres.mjs).
// Prepares N paid-for orders (created and signed beforehand, signing with @noble/curves), then
// submits the payments with C concurrent clients and prints throughput and latency.
// Usage: node bench/pay.mjs [orders=2000] [concurrency=16]   (after scripts/build.sh)
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';

import { call, login, serverBinary, sql, startServer } from '../tests/support/server.mjs';
import { authorize, bindProof, newKey } from '../tests/support/wallet.mjs';

const total = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);

const srv = await startServer({ args: ['--threads', '2'] });
try {
  const store = (await call(`${srv.api}/store`)).body;
  sql(srv, 'UPDATE products SET stock = 100000000');
  const product = (await call(`${srv.api}/products?limit=1`)).body.items[0];
  await call(`${srv.api}/users`, { method: 'POST', body: { email: 'bench@example.com', password: 'benchmark pass' } });
  const token = await login(srv.api, 'bench@example.com', 'benchmark pass');
  const user = (await call(`${srv.api}/me`, { token })).body;
  const key = newKey();
  await call(`${srv.api}/wallet`, { method: 'PUT', token, body: { pubkey: key.pubkey, proof: bindProof(key, store.id, user.id) } });
  for (let i = 0; i < Math.ceil(total / 50); i++)
    await call(`${srv.api}/wallet/topups`, { method: 'POST', token, body: { currency: 'USDT', amount: '10000000000' } });

  const address = { name: 'Bench', phone: '+86 138 0013 1000', country: 'CN', region: '广东省', city: '深圳市', district: '南山区', street: '科技园路1号', postal_code: '518000' };
  const prepared = [];
  for (let i = 0; i < total; i++) {
    const order = (await call(`${srv.api}/orders`, {
      method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
      body: { lines: [{ product_id: product.id, qty: 1 }], ship_to: address, pay_currency: 'USDT', lang: 'en' },
    })).body;
    prepared.push({ order, signed: authorize(order, key) });
  }

  const latencies = [];
  let next = 0, ok = 0, failed = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < prepared.length) {
      const { order, signed } = prepared[next++];
      const t0 = performance.now();
      const r = await call(`${srv.api}/orders/${order.id}/payments`, { method: 'POST', token, body: signed });
      latencies.push(performance.now() - t0);
      if (r.status === 201) ok++; else failed++;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(2);
  console.log(`payments settled: ${ok} in ${seconds.toFixed(2)} s (${(ok / seconds).toFixed(0)}/s), failed: ${failed}, ` +
    `p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, concurrency ${concurrency}`);
  const audit = execFileSync(serverBinary, ['audit', '--db', srv.db]).toString().trim();
  console.log(audit);
} finally {
  await srv.stop();
}
