// The node side of bench/run.sh: a buyer with a funded wallet, and signed payments for that
// buyer's unpaid orders (signing is the buyer's work, done before the measured run so that the
// run measures the server). Payments are signed by tests/support/wallet.mjs (@noble/curves).
//
//   node bench/client.mjs setup --api URL --product ID --orders N   > state.json
//       registers a buyer, binds a new wallet key, tops it up (demo faucet) for N orders of one
//       unit of the product; prints {token, user, pubkey, secret}
//   node bench/client.mjs sign --api URL --state state.json --out payments.tsv [--workers 2]
//       signs a payment for every pending_payment order of that buyer, in worker threads;
//       writes "order_id<TAB>request body" lines
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

import { authorize, bindProof, newKey } from '../tests/support/wallet.mjs';

async function call(url, { method = 'GET', body, token, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const r = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// Runs `task(i)` for i in [0, n) with at most `width` at once.
async function inParallel(n, width, task) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, n) }, async () => {
    while (next < n) await task(next++);
  }));
}

async function setup({ api, product: productId, orders }) {
  const store = await call(`${api}/store`);
  const product = await call(`${api}/products/${productId}`);
  const email = `bench-${randomUUID()}@example.com`;
  const password = 'benchmark passphrase';
  await call(`${api}/users`, { method: 'POST', body: { email, password } });
  const { token, user } = await call(`${api}/sessions`, { method: 'POST', body: { email, password } });
  const key = newKey();
  await call(`${api}/wallet`, { method: 'PUT', token, body: { pubkey: key.pubkey, proof: bindProof(key, store.id, user.id) } });

  // USDT for `orders` orders: one unit plus shipping each, at the current rate, with 2 % spare.
  const rates = await call(`${api}/rates`);
  const usdt = rates.rates.find((r) => r.currency === 'USDT');
  const price = BigInt(product.price.amount);
  const perOrder = ((price + 1200n) * 10n ** BigInt(usdt.decimals)) / BigInt(usdt.rate) + 1n;
  const needed = (perOrder * BigInt(orders) * 102n) / 100n;
  const topup = 10n ** 10n;  // the faucet's most at a time (10,000 USDT)
  await inParallel(Number((needed + topup - 1n) / topup), 4, () =>
    call(`${api}/wallet/topups`, { method: 'POST', token, body: { currency: 'USDT', amount: String(topup) } }));
  process.stdout.write(`${JSON.stringify({ token, user: user.id, pubkey: key.pubkey, secret: Buffer.from(key.secret).toString('hex') })}\n`);
}

async function pendingOrders(api, token) {
  const orders = [];
  let cursor = null;
  do {
    const page = await call(`${api}/orders?status=pending_payment&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token });
    orders.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return orders;
}

function signAll(orders, state) {
  const key = { pubkey: state.pubkey, secret: Uint8Array.from(Buffer.from(state.secret, 'hex')) };
  return orders.map((order) => `${order.id}\t${JSON.stringify(authorize(order, key))}`);
}

async function sign({ api, state: statePath, out, workers }) {
  const state = JSON.parse(readFileSync(statePath, 'utf8'));
  const orders = await pendingOrders(api, state.token);
  const width = Math.max(1, Number(workers));
  const chunks = Array.from({ length: width }, (_, i) => orders.filter((_, j) => j % width === i));
  const started = performance.now();
  const signed = await Promise.all(chunks.map((chunk) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { orders: chunk, state } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  writeFileSync(out, signed.flat().map((line) => `${line}\n`).join(''));
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`signed ${orders.length} payments in ${seconds.toFixed(1)} s (${width} workers)\n`);
}

if (!isMainThread) {
  parentPort.postMessage(signAll(workerData.orders, workerData.state));
} else {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      api: { type: 'string' }, product: { type: 'string' }, orders: { type: 'string', default: '1000' },
      state: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string', default: '2' },
    },
  });
  const command = { setup, sign }[positionals[0]];
  if (!command || !values.api) {
    process.stderr.write('usage: node bench/client.mjs setup|sign --api URL …  (see the top of this file)\n');
    process.exit(2);
  }
  await command(values);
}
