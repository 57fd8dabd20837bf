// Observability (issue 9): while the database is unreachable the server says so promptly —
// /readyz 503 so a load balancer stops sending traffic, API calls a 503 database_unavailable
// problem instead of hanging (or, worse, a 401 for a session it could not look up) — /healthz
// stays 200 (the process is alive), and once the database is back everything works again
// without a restart. PostgreSQL only: a SQLite file has no server to lose. Runs in the
// PostgreSQL pass of the API tests, where it stops and restarts that pass's cluster.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { pauseCluster, resumeCluster } from '../support/postgres.mjs';
import { call, demoAccounts, login, pgCluster, sql, startServer } from '../support/server.mjs';

// Connecting to a stopped server's socket fails at once; this bound only catches a hang.
const kPromptMs = 5000;

describe('the PostgreSQL server goes away and comes back', { skip: !pgCluster && 'needs SATSTORE_TEST_PG', timeout: 120_000 }, () => {
  let srv;
  let paused = false;
  before(async () => { srv = await startServer({ backend: 'postgres' }); });
  after(async () => {
    if (paused) resumeCluster(pgCluster);
    await srv?.stop();
  });

  test('503 problems while it is down, no hang, no data lost; ready again once it is back', async () => {
    assert.equal((await call(`${srv.base}/readyz`)).status, 200);
    const token = await login(srv.api, demoAccounts.buyer);
    const product = (await call(`${srv.api}/products?limit=1`)).body.items[0];
    const ordersBefore = sql(srv, 'SELECT COUNT(*) FROM orders');

    pauseCluster(pgCluster);
    paused = true;
    const timed = async (path, options) => {
      const started = Date.now();
      const r = await call(`${srv.base}${path}`, options);
      const ms = Date.now() - started;
      assert.ok(ms < kPromptMs, `${path} answered in ${ms} ms`);
      return r;
    };
    // Twice: the first request finds the pooled connections broken, the second must not hang
    // on them either.
    for (let round = 0; round < 2; round++) {
      const ready = await timed('/readyz');
      assert.equal(ready.status, 503);
      assert.equal(ready.body.code, 'database_unavailable');
      const list = await timed('/api/v1/products');
      assert.equal(list.status, 503);
      assert.match(list.headers.get('content-type'), /application\/problem\+json/);
      assert.equal(list.body.code, 'database_unavailable');
      const me = await timed('/api/v1/me', { token });
      assert.equal(me.status, 503, 'a session that cannot be looked up is not "unauthorized"');
      const order = await timed('/api/v1/orders', {
        method: 'POST', token, headers: { 'idempotency-key': `down-${round}` },
        body: { lines: [{ product_id: product.id, qty: 1 }], pay_currency: 'BTC', lang: 'en' },
      });
      assert.equal(order.status, 503);
      assert.equal((await timed('/healthz')).status, 200, 'the process itself is alive');
    }

    resumeCluster(pgCluster);
    paused = false;
    let ready;
    for (let i = 0; i < 100; i++) {
      ready = await call(`${srv.base}/readyz`);
      if (ready.status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(ready.status, 200, 'ready again without a restart');
    assert.equal((await call(`${srv.api}/me`, { token })).status, 200, 'the session survived (it lives in the database)');
    assert.equal((await call(`${srv.api}/products?limit=1`)).status, 200);
    assert.equal(sql(srv, 'SELECT COUNT(*) FROM orders'), ordersBefore, 'the refused checkouts wrote nothing');
  });
});
