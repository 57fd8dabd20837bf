// The node side of bench/run.sh: buyers with funded wallets, and signed payments for their
// unpaid orders (signing is the buyers' work, done before the measured run so that the run
// measures the server). Payments are signed by tests/support/wallet.mjs (@noble/curves).
//
//   node bench/client.mjs setup --api URL --products ID,… --orders N [--buyers B]   > state.json
//       registers B buyers (16), binds a new wallet key for each and tops it up (demo faucet)
//       for its share of N orders of one unit of any of the products;
//       prints {buyers: [{token, user, pubkey, secret}, …]}
//   node bench/client.mjs sign --api URL --state state.json --out payments.tsv [--workers 2]
//       signs a payment for every pending_payment order of those buyers, in worker threads;
//       writes "order_id<TAB>buyer's token<TAB>request body" lines
//
// Several buyers, because that is what a shop has: one buyer paying hundreds of orders a second
// would put every payment in line behind the one before on that buyer's balance row.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

import { newBuyer } from '../tests/support/buyer.mjs';
import { authorize } from '../tests/support/wallet.mjs';

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

// A buyer (tests/support/buyer.mjs) with `topups` of the faucet's most (10,000 USDT) each.
async function fundedBuyer(api, topups) {
  const { token, key, user } = await newBuyer({ registerApi: api });
  for (let i = 0; i < topups; i++)
    await call(`${api}/wallet/topups`, { method: 'POST', token, body: { currency: 'USDT', amount: String(10n ** 10n) } });
  return { token, user: user.id, pubkey: key.pubkey, secret: Buffer.from(key.secret).toString('hex') };
}

async function setup({ api, products, orders, buyers: count }) {
  const prices = await Promise.all(products.split(',').map(async (id) => BigInt((await call(`${api}/products/${id}`)).price.amount)));
  const price = prices.reduce((a, b) => (a > b ? a : b));
  // USDT for each buyer's share of `orders` orders: one unit of the dearest product plus
  // shipping each, at the current rate, with 2 % spare, in top-ups of the faucet's most.
  const rates = await call(`${api}/rates`);
  const usdt = rates.rates.find((r) => r.currency === 'USDT');
  const perOrder = ((price + 1200n) * 10n ** BigInt(usdt.decimals)) / BigInt(usdt.rate) + 1n;
  const buyers = Math.max(1, Number(count));
  const needed = (perOrder * BigInt(Math.ceil(Number(orders) / buyers)) * 102n) / 100n;
  const topups = Number((needed + 10n ** 10n - 1n) / 10n ** 10n);
  const made = new Array(buyers);
  await inParallel(buyers, 4, async (i) => { made[i] = await fundedBuyer(api, topups); });
  process.stdout.write(`${JSON.stringify({ buyers: made })}\n`);
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

function signAll(orders, buyer) {
  const key = { pubkey: buyer.pubkey, secret: Uint8Array.from(Buffer.from(buyer.secret, 'hex')) };
  return orders.map((order) => `${order.id}\t${buyer.token}\t${JSON.stringify(authorize(order, key))}`);
}

async function sign({ api, state: statePath, out, workers }) {
  const { buyers } = JSON.parse(readFileSync(statePath, 'utf8'));
  const started = performance.now();
  const jobs = await Promise.all(buyers.map(async (buyer) => ({ buyer, orders: await pendingOrders(api, buyer.token) })));
  // Each worker signs for whole buyers (one key each), about the same number of orders apiece.
  const width = Math.max(1, Math.min(Number(workers), jobs.length));
  const shares = Array.from({ length: width }, () => []);
  jobs.forEach((job, i) => shares[i % width].push(job));
  const signed = await Promise.all(shares.map((share) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: share });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  // Interleaved by buyer, so that requests close in time come from different buyers.
  const lists = signed.flat();
  const longest = Math.max(0, ...lists.map((list) => list.length));
  const lines = [];
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) lines.push(list[i]);
  writeFileSync(out, lines.map((line) => `${line}\n`).join(''));
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`signed ${lines.length} payments for ${buyers.length} buyers in ${seconds.toFixed(1)} s (${width} workers)\n`);
}

if (!isMainThread) {
  parentPort.postMessage(workerData.map(({ buyer, orders }) => signAll(orders, buyer)));
} else {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      api: { type: 'string' }, products: { type: 'string' }, orders: { type: 'string', default: '1000' }, buyers: { type: 'string', default: '16' },
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
