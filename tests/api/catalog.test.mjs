// API tests for the store, catalog and rates: the real server over real HTTP.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { call, demoAccounts, login, startServer } from '../support/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

async function allProducts(query = '') {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 50; page++) {
    const sep = query ? '&' : '';
    const r = await call(`${srv.api}/products?${query}${sep}limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(r.status, 200);
    items.push(...r.body.items);
    cursor = r.body.next_cursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}

describe('catalog', () => {
  test('lists at least 24 products with English and Chinese text, fiat prices and images', async () => {
    const r = await call(`${srv.api}/products?limit=100`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.ok(r.body.items.length >= 24, `only ${r.body.items.length} products`);
    assert.equal(r.body.next_cursor, null);
    for (const p of r.body.items) {
      assert.match(p.id, /^prd_[0-9a-f]{20}$/);
      assert.ok(p.title && p.description, `English text missing on ${p.id}`);
      assert.ok(p.i18n['zh-CN'].title && p.i18n['zh-CN'].description, `Chinese text missing on ${p.id}`);
      assert.match(p.i18n['zh-CN'].title, /[\u4e00-\u9fff]/);
      assert.equal(p.price.currency, 'CNY');
      assert.match(p.price.amount, /^(0|[1-9][0-9]*)$/);
      assert.ok(Number.isInteger(p.stock) && p.stock >= 0);
      assert.ok(p.images.length >= 1);
    }
    const categories = new Set(r.body.items.map((p) => p.category));
    assert.ok(categories.size >= 4, 'several categories');
  });

  test('cursor pagination visits every product exactly once, newest first', async () => {
    const everything = (await call(`${srv.api}/products?limit=100`)).body.items;
    const paged = await allProducts();
    assert.deepEqual(paged.map((p) => p.id), everything.map((p) => p.id));
    assert.equal(new Set(paged.map((p) => p.id)).size, paged.length);
  });

  test('search matches English and Chinese text; category filters', async () => {
    const hoodies = await allProducts('q=hoodie');
    assert.ok(hoodies.length >= 1);
    for (const p of hoodies) assert.match(`${p.title} ${p.description} ${p.variants.map((v) => v.sku).join(' ')}`, /hoodie/i);
    const zh = await allProducts(`q=${encodeURIComponent('连帽')}`);
    assert.ok(zh.length >= 1);
    for (const p of zh) assert.match(`${p.i18n['zh-CN'].title} ${p.i18n['zh-CN'].description}`, /连帽/);
    const books = await allProducts('category=books');
    assert.ok(books.length >= 1);
    for (const p of books) assert.equal(p.category, 'books');
    const none = await call(`${srv.api}/products?q=${encodeURIComponent('%_no-such-thing_%')}`);
    assert.deepEqual(none.body.items, []);
  });

  test('bad query parameters are 422 with per-field errors', async () => {
    for (const [qs, field] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=abc', 'limit'],
      ['limit=-1', 'limit'], ['cursor=zzz', 'cursor'], [`q=${'x'.repeat(300)}`, 'q']]) {
      const r = await call(`${srv.api}/products?${qs}`);
      assert.equal(r.status, 422, qs);
      assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
      assert.equal(r.body.code, 'validation_failed');
      assert.ok(r.body.errors[field], `${qs} → errors.${field}`);
    }
  });

  test('ETag revalidation answers 304 without a body', async () => {
    const first = await fetch(`${srv.api}/products?limit=3`);
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const again = await fetch(`${srv.api}/products?limit=3`, { headers: { 'if-none-match': tag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const other = await fetch(`${srv.api}/products?limit=4`, { headers: { 'if-none-match': tag } });
    assert.equal(other.status, 200);
  });

  test('a product by id; unknown ids are 404 problems', async () => {
    const [first] = (await call(`${srv.api}/products?limit=1`)).body.items;
    const r = await call(`${srv.api}/products/${first.id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, first);
    const missing = await call(`${srv.api}/products/prd_00000000000000000000`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'not_found');
    assert.equal(missing.body.status, 404);
    assert.ok(missing.body.type && missing.body.title && missing.body.detail);
  });

  test('product images are real files served with their type', async () => {
    const items = (await call(`${srv.api}/products?limit=100`)).body.items;
    for (const p of items) {
      const r = await fetch(`${srv.base}${p.images[0]}`);
      assert.equal(r.status, 200, p.images[0]);
      assert.equal(r.headers.get('content-type'), 'image/svg+xml');
      assert.match(await r.text(), /<svg[\s>]/);
    }
  });

  test('store description and rates', async () => {
    const store = await call(`${srv.api}/store`);
    assert.equal(store.status, 200);
    assert.equal(store.body.id, 'demo-store');
    assert.deepEqual(store.body.currencies, ['CNY']);
    assert.deepEqual([...store.body.pay_currencies].sort(), ['BTC', 'USDT']);
    assert.ok(store.body.categories.every((c) => c.slug && c.title && c.i18n['zh-CN'].title));
    // Support hours in both UI languages (--support-hours, --support-hours-zh): the footer shows one.
    assert.equal(store.body.support.hours, 'Mon–Fri 09:00–18:00 (UTC+8)');
    assert.equal(store.body.support.i18n['zh-CN'].hours, '周一至周五 09:00–18:00（北京时间）');
    const rates = await call(`${srv.api}/rates`);
    assert.equal(rates.status, 200);
    assert.equal(rates.body.fiat, 'CNY');
    for (const r of rates.body.rates) assert.match(r.rate, /^[1-9][0-9]*$/);
  });
});

// The catalog's encoded responses are reused for up to --catalog-cache-ms (1000 by default). Several
// server processes may share one database: a stock change made by one must show on the others
// within that time, and at once on the process that made it.
describe('catalog cache', () => {
  // Places an order for one unit on `server` as the demo buyer: the stock goes down by one.
  async function buyOne(server, productId) {
    const token = await login(server.api, demoAccounts.buyer);
    const r = await call(`${server.api}/orders`, {
      method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
      body: {
        lines: [{ product_id: productId, qty: 1 }], pay_currency: 'BTC', lang: 'en',
        ship_to: { name: 'Cache', phone: '+86 138 0013 1000', country: 'CN', region: '广东省', city: '深圳市',
          district: '南山区', street: '科技园路1号', postal_code: '518000' },
      },
    });
    assert.equal(r.status, 201);
  }

  test('stock changed by another process shows within the cache time, at once on the process that changed it', async () => {
    const { database } = srv;  // every process on the one database, on either backend
    const writer = await startServer({ demo: false, database });
    const slow = await startServer({ demo: false, database, args: ['--catalog-cache-ms', '60000'] });
    try {
      const product = (await call(`${srv.api}/products?limit=100`)).body.items.find((p) => p.variants.length === 1 && p.stock >= 1);
      const stockOn = async (server) => (await call(`${server.api}/products/${product.id}`)).body.stock;
      const listedOn = async (server) =>
        (await call(`${server.api}/products?limit=100`)).body.items.find((p) => p.id === product.id).stock;
      const before = product.stock;
      for (const server of [srv, writer, slow]) {  // every process now holds the page and the product
        assert.equal(await stockOn(server), before);
        assert.equal(await listedOn(server), before);
      }

      await buyOne(writer, product.id);
      const changedAt = Date.now();

      // The process that placed the order dropped its entries.
      assert.equal(await stockOn(writer), before - 1);
      assert.equal(await listedOn(writer), before - 1);
      // A process with a 60 s cache still answers from it: the cache is really in use …
      assert.equal(await stockOn(slow), before);
      // … and one with the default 1 s cache catches up within it.
      let seenAfterMs = null;
      while (Date.now() - changedAt < 3000) {
        if (await stockOn(srv) === before - 1 && await listedOn(srv) === before - 1) {
          seenAfterMs = Date.now() - changedAt;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(seenAfterMs !== null, 'the change never showed');
      // The cache time plus slack for a loaded machine (the 60 s process above shows the bound bites).
      assert.ok(seenAfterMs <= 1000 + 1000, `the change showed after ${seenAfterMs} ms`);
    } finally {
      await writer.stop();
      await slow.stop();
    }
  });

  test('a staff change made on one process shows at once on another, however long its cache time', async (t) => {
    const { database } = srv;
    const writer = await startServer({ demo: false, database });
    const slow = await startServer({ demo: false, database, args: ['--catalog-cache-ms', '60000'] });
    try {
      const merchant = await login(writer.api, demoAccounts.merchant);
      const product = (await call(`${slow.api}/products?limit=100`)).body.items.find((p) => p.variants.length === 1 && p.stock >= 1);
      const variant = product.variants[0];
      // Both cached for 60 s on `slow`.
      const page = await call(`${slow.api}/products?limit=100`);
      assert.equal((await call(`${slow.api}/products/${product.id}`)).body.stock, product.stock);
      const moved = await call(`${writer.api}/staff/variants/${variant.id}/stock`, {
        method: 'POST', token: merchant, body: { delta: 7, reason: 'received' },
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      const changedAt = Date.now();
      let seenAfterMs = null;
      while (Date.now() - changedAt < 5000) {
        const r = await call(`${slow.api}/products?limit=100`, { headers: { 'if-none-match': page.headers.get('etag') } });
        if (r.status === 200 && r.body.items.find((p) => p.id === product.id).stock === product.stock + 7) {
          seenAfterMs = Date.now() - changedAt;
          break;
        }
        assert.equal(r.status, 304, 'unchanged until the change shows');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(seenAfterMs !== null, 'the staff change never showed on the process with a 60 s cache');
      assert.equal((await call(`${slow.api}/products/${product.id}`)).body.stock, product.stock + 7);
      t.diagnostic(`a staff change on one process showed on another after ${seenAfterMs} ms (its cache time: 60 s)`);
    } finally {
      await writer.stop();
      await slow.stop();
    }
  });

  test('--catalog-cache-ms 0 answers from the database every time', async () => {
    const { database } = srv;
    const uncached = await startServer({ demo: false, database, args: ['--catalog-cache-ms', '0'] });
    const writer = await startServer({ demo: false, database });
    try {
      const product = (await call(`${uncached.api}/products?limit=100`)).body.items.find((p) => p.variants.length === 1 && p.stock >= 1);
      await buyOne(writer, product.id);
      assert.equal((await call(`${uncached.api}/products/${product.id}`)).body.stock, product.stock - 1);
    } finally {
      await writer.stop();
      await uncached.stop();
    }
  });
});
