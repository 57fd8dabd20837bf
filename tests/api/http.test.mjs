// API tests for the HTTP contract shared by every route: problem details, limits, static files,
// CORS, health and shutdown.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';

import { call, createDatabase, repoRoot, serverBinary, startServer } from '../support/server.mjs';

// A small web root made by the test, so static serving is tested without the wasm build.
const webRoot = mkdtempSync(join(tmpdir(), 'satstore-web-'));
const wasmBytes = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const inlineScript = '\n  window.satstore = { ready: false };\n';
const inlineStyle = 'html { margin: 0; }';
writeFileSync(join(webRoot, 'index.html'), `<!doctype html><title>satstore</title><style>${inlineStyle}</style>`
  + `<script>${inlineScript}</script><script src="app.0123abcd.js" async></script>`);
writeFileSync(join(webRoot, 'app.0123abcd.js'), 'console.log("app");');
writeFileSync(join(webRoot, 'app.0123abcd.js.br'), brotliCompressSync('console.log("app");'));
writeFileSync(join(webRoot, 'app.0123abcd.js.gz'), gzipSync('console.log("app");'));
writeFileSync(join(webRoot, 'app.0123abcd.wasm'), wasmBytes);
writeFileSync(join(webRoot, 'config.json'), '{"api_origin": ""}');
writeFileSync(join(webRoot, 'secret.db'), 'not served');
mkdirSync(join(webRoot, 'sub'));

const allowedOrigin = 'http://shop.example.test';
let srv;
before(async () => { srv = await startServer({ webRoot, args: ['--cors-origins', allowedOrigin] }); });
after(async () => { await srv?.stop(); });

async function rawRequest(method, path, body) {
  const r = await fetch(`${srv.base}${path}`, { method, body, headers: { 'content-type': 'application/json' } });
  return { status: r.status, headers: r.headers, body: await r.text() };
}

describe('problem details', () => {
  test('unknown API routes are 404 problem+json', async () => {
    const r = await call(`${srv.api}/no-such-thing`);
    assert.equal(r.status, 404);
    assert.equal(r.body.code, 'route_not_found');
  });

  test('a wrong method is 405 with Allow', async () => {
    const r = await call(`${srv.api}/products`, { method: 'DELETE' });
    assert.equal(r.status, 405);
    assert.equal(r.headers.get('allow'), 'GET');
    assert.equal(r.body.code, 'method_not_allowed');
  });

  test('malformed JSON is 422 invalid_json', async () => {
    for (const raw of ['{not json', '[1,2]', '"text"', '']) {
      const r = await call(`${srv.api}/users`, { method: 'POST', raw, headers: { 'content-type': 'application/json' } });
      assert.equal(r.status, 422, raw);
      assert.equal(r.body.code, 'invalid_json');
      assert.ok(r.body.errors.body);
    }
  });

  test('a body over 64 KiB is 413', async () => {
    const big = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(70 * 1024) });
    const r = await rawRequest('POST', '/api/v1/users', big);
    assert.equal(r.status, 413);
    assert.equal(JSON.parse(r.body).code, 'payload_too_large');
  });

  test('a body far over the limit still gets a 413 that fetch can read (the server reads it to the end)', async () => {
    for (const mib of [1, 7, 40]) {
      const body = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(mib * 1024 * 1024) });
      const r = await fetch(`${srv.api}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(r.status, 413, `${mib} MiB`);
      assert.equal((await r.json()).code, 'payload_too_large');
    }
    const email = `big-${randomUUID()}@example.com`;
    assert.equal((await call(`${srv.api}/users`, { method: 'POST', body: { email, password: 'long enough pass' } })).status, 201);
    const { token } = (await call(`${srv.api}/sessions`, { method: 'POST', body: { email, password: 'long enough pass' } })).body;
    const image = await fetch(`${srv.api}/uploads`, {
      method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
      body: Buffer.alloc(12 * 1024 * 1024),
    });
    assert.equal(image.status, 413);
    assert.equal((await image.json()).code, 'payload_too_large');
    assert.equal((await fetch(`${srv.base}/healthz`)).status, 200);
  });

  test('unknown fields are ignored', async () => {
    const r = await call(`${srv.api}/users`, { method: 'POST', body: { email: 'extra@example.com', password: 'long enough pass', admin: true, roles: ['admin'] } });
    assert.equal(r.status, 201);
    assert.deepEqual(r.body.roles, ['buyer']);
  });
});

describe('static files', () => {
  test('index.html is never cached; hashed assets are immutable', async () => {
    const index = await fetch(`${srv.base}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    const wasm = await fetch(`${srv.base}/app.0123abcd.wasm`);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.match(wasm.headers.get('cache-control'), /immutable/);
    assert.deepEqual(Buffer.from(await wasm.arrayBuffer()), wasmBytes);
    assert.equal((await fetch(`${srv.base}/config.json`)).headers.get('cache-control'), 'no-cache');
  });

  test('the page has a Content-Security-Policy that allows only what the app needs', async () => {
    const csp = (await fetch(`${srv.base}/`)).headers.get('content-security-policy');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.deepEqual(directives['default-src'], ["'self'"]);
    assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'", hash(inlineScript)]);
    assert.deepEqual(directives['style-src'], ["'self'", hash(inlineStyle)]);
    assert.deepEqual(directives['connect-src'], ["'self'"]);
    assert.deepEqual(directives['object-src'], ["'none'"]);
    assert.deepEqual(directives['frame-ancestors'], ["'self'", allowedOrigin]);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
    // Other files carry no page policy (images keep their own strict one).
    assert.equal((await fetch(`${srv.base}/config.json`)).headers.get('content-security-policy'), null);
  });

  test('HEAD answers the headers of GET, Content-Length included, without a body', async () => {
    for (const path of ['/', '/app.0123abcd.wasm', '/api/v1/products?limit=2']) {
      const get = await fetch(`${srv.base}${path}`, { headers: { 'accept-encoding': 'identity' } });
      const body = Buffer.from(await get.arrayBuffer());
      const head = await fetch(`${srv.base}${path}`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
      assert.equal(head.status, 200, path);
      assert.equal(head.headers.get('content-length'), String(body.length), path);
      assert.equal(head.headers.get('content-type'), get.headers.get('content-type'), path);
      assert.equal((await head.arrayBuffer()).byteLength, 0, path);
    }
  });

  test('precompressed files are chosen by Accept-Encoding', async () => {
    const check = async (acceptEncoding, expected) => {
      // node's fetch always decompresses; ask with a raw socket-level header and read the encoding.
      const r = await fetch(`${srv.base}/app.0123abcd.js`, { headers: { 'accept-encoding': acceptEncoding } });
      assert.equal(r.headers.get('content-encoding'), expected, acceptEncoding);
      assert.equal(await r.text(), 'console.log("app");');
    };
    await check('gzip, deflate, br', 'br');
    await check('gzip', 'gzip');
    await check('identity', null);
  });

  test('no path leaves the served folders, and unknown file types are not served', async () => {
    for (const path of ['/../CMakeLists.txt', '/%2e%2e/CMakeLists.txt', '/assets/../CMakeLists.txt',
      '/assets/%2e%2e/CMakeLists.txt', '/secret.db', '/sub', '/nope.js', '/%00']) {
      const r = await rawRequest('GET', path);
      assert.equal(r.status, 404, path);
    }
    assert.equal((await rawRequest('POST', '/index.html')).status, 405);
  });
});

describe('CORS', () => {
  test('an allowed origin gets CORS headers and a preflight answer', async () => {
    const pre = await fetch(`${srv.api}/sessions`, {
      method: 'OPTIONS',
      headers: { origin: allowedOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), allowedOrigin);
    assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
    const r = await fetch(`${srv.api}/products?limit=1`, { headers: { origin: allowedOrigin } });
    assert.equal(r.headers.get('access-control-allow-origin'), allowedOrigin);
    const img = await fetch(`${srv.base}/assets/products/hoodie-black.svg`, { headers: { origin: allowedOrigin } });
    assert.equal(img.headers.get('access-control-allow-origin'), allowedOrigin);
  });

  test('any other origin gets none', async () => {
    const r = await fetch(`${srv.api}/products?limit=1`, { headers: { origin: 'http://evil.example.test' } });
    assert.equal(r.headers.get('access-control-allow-origin'), null);
  });
});

describe('limits under abuse', () => {
  const port = () => Number(new URL(srv.base).port);
  const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${srv.child.pid}/status`, 'utf8'))[1]);
  // Sends raw bytes; resolves with what came back before the server closed or `ms` passed.
  const raw = (bytes, ms = 5000) => new Promise((resolve) => {
    const socket = connect(port(), '127.0.0.1');
    let got = '';
    const done = () => { clearTimeout(timer); socket.destroy(); resolve(got); };
    const timer = setTimeout(done, ms);
    socket.on('data', (d) => { got += d; });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes, () => {});
  });
  const healthy = async () => {
    const started = Date.now();
    const r = await call(`${srv.base}/healthz`);
    assert.equal(r.status, 200);
    return Date.now() - started;
  };

  test('a 2 MiB header and malformed HTTP are cut off, memory stays bounded, others are served', async () => {
    const before = rssKb();
    const huge = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(2 * 1024 * 1024)}\r\n\r\n`;
    const answers = await Promise.all([...Array(10)].map(() => raw(huge)));
    for (const a of answers) assert.doesNotMatch(a, /^HTTP\/1\.1 200/, 'a huge header is not served');
    assert.doesNotMatch(await raw('GARBAGE / HTTP/9.9\r\n\r\n'), /^HTTP\/1\.1 200/);
    assert.doesNotMatch(await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n'), /^HTTP\/1\.1 200/);
    await healthy();
    const grown = rssKb() - before;
    console.log(`# RSS after ten 2 MiB headers: +${grown} KB`);
    assert.ok(grown < 64 * 1024, `memory grew by ${grown} KB`);
  });

  test('300 idle connections and slow clients do not keep others waiting', async () => {
    const idle = [];
    for (let i = 0; i < 300; i++) idle.push(connect(port(), '127.0.0.1').on('error', () => {}));
    // Slow clients: half a request line, then nothing.
    const slow = [];
    for (let i = 0; i < 20; i++) {
      const s = connect(port(), '127.0.0.1').on('error', () => {});
      s.write('GET /api/v1/prod');
      slow.push(s);
    }
    try {
      const ms = await healthy();
      console.log(`# /healthz beside 300 idle and 20 stalled connections: ${ms} ms`);
      const r = await call(`${srv.api}/products?limit=2`);
      assert.equal(r.status, 200);
    } finally {
      for (const s of [...idle, ...slow]) s.destroy();
    }
  });
});

describe('operations', () => {
  test('health and readiness', async () => {
    assert.deepEqual((await call(`${srv.base}/healthz`)).body, { status: 'ok' });
    assert.deepEqual((await call(`${srv.base}/readyz`)).body, { status: 'ready' });
  });

  test('/metrics: requests per route pattern and status, latency histograms, business totals', async () => {
    await call(`${srv.api}/products?limit=2`);
    await call(`${srv.api}/products/no-such-product`);
    await call(`${srv.base}/`);
    await call(`${srv.base}/no/such/path/${randomUUID()}`);
    const r = await fetch(`${srv.base}/metrics`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
    const text = await r.text();
    const value = (series) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    assert.ok(value('satstore_http_requests_total{method="GET",route="/api/v1/products",status="200"}') >= 1, text);
    assert.ok(value('satstore_http_requests_total{method="GET",route="/api/v1/products/{id}",status="404"}') >= 1, text);
    assert.ok(value('satstore_http_requests_total{method="GET",route="static",status="200"}') >= 1, text);
    // Labels are route patterns: a client's random paths add no series.
    assert.ok(!text.includes('no/such/path'), 'no raw paths in labels');
    const count = value('satstore_http_request_duration_seconds_count{method="GET",route="/api/v1/products"}');
    assert.equal(value('satstore_http_request_duration_seconds_bucket{method="GET",route="/api/v1/products",le="+Inf"}'), count);
    for (const name of ['satstore_payments_total', 'satstore_refunds_total', 'satstore_tickets_sla_breached'])
      assert.ok(Number.isInteger(value(name)), name);
  });

  test('the access log: one JSON line per request within 100 ms, never the query string; the last lines survive shutdown', async () => {
    const marker = randomUUID();
    const token = `tok-${randomUUID()}`;
    await call(`${srv.api}/products/${marker}?token=${token}`, { token });
    await call(`${srv.api}/products/${encodeURIComponent(`"${marker}\u4e2d`)}`);
    const lines = async () => {
      const until = Date.now() + 1000;
      for (;;) {
        const found = srv.output().split('\n').filter((l) => l.includes(marker));
        if (found.length === 2 || Date.now() > until) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const [plain, escaped] = (await lines()).map((l) => JSON.parse(l));
    assert.deepEqual(Object.keys(plain), ['ts', 'ip', 'method', 'path', 'status', 'ms']);
    assert.equal(plain.path, `/api/v1/products/${marker}`);
    assert.equal(plain.method, 'GET');
    assert.equal(plain.status, 404);
    assert.equal(plain.ip, '127.0.0.1');
    assert.ok(Number.isInteger(plain.ts) && typeof plain.ms === 'number');
    assert.equal(escaped.path, `/api/v1/products/"${marker}\u4e2d`);
    assert.ok(!srv.output().includes(token), 'no token or query string in the log');

    const other = await startServer({ webRoot });
    await call(`${other.api}/products/${marker}`);
    // 'close', not 'exit': the last output can arrive after the process has exited.
    const closed = new Promise((r) => other.child.once('close', r));
    other.child.kill('SIGTERM');
    await closed;
    assert.ok(other.output().includes(`"path":"/api/v1/products/${marker}"`), other.output());
    await other.stop();
  });

  test('SIGTERM and SIGINT stop the server cleanly', async () => {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const other = await startServer({ webRoot });
      const exited = new Promise((r) => other.child.once('exit', (code) => r(code)));
      other.child.kill(signal);
      assert.equal(await exited, 0, signal);
      assert.match(other.output(), /shutting down/);
      await other.stop();
    }
  });

  test('the CLI explains itself and rejects unknown options', () => {
    assert.match(execFileSync(serverBinary, ['--help']).toString(), /serve\|migrate\|seed-demo/);
    assert.throws(() => execFileSync(serverBinary, ['serve', '--bogus', '1'], { stdio: 'pipe' }), /unknown option/);
  });

  test('an unreachable database is a clear error that never prints the password of its URL', () => {
    for (const url of ['postgresql://shop:hunter2@/satstore?host=/nonexistent-socket-dir',
      'postgresql://shop@/satstore?host=/nonexistent-socket-dir&password=hunter2']) {
      const r = spawnSync(serverBinary, ['migrate', '--db', url], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /cannot connect to PostgreSQL/);
      assert.match(r.stderr, /db=postgresql:\/\/shop/);
      assert.doesNotMatch(r.stderr + r.stdout, /hunter2/);
    }
  });

  test('migrate and seed-demo are idempotent commands', (t) => {
    const database = createDatabase(); // empty, on the backend of this run
    t.after(() => database.drop());
    const db = database.url;
    const run = (...args) => {
      const r = spawnSync(serverBinary, args, { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stderr;
    };
    assert.match(run('migrate', '--db', db), /migrated: 0001_init\.sql/);
    assert.doesNotMatch(run('migrate', '--db', db), /migrated/);
    const assets = join(repoRoot, 'assets');
    assert.match(run('seed-demo', '--db', db, '--assets-root', assets), /\(([1-9][0-9]+) new\), 4 new accounts/);
    assert.match(run('seed-demo', '--db', db, '--assets-root', assets), /\(0 new\), 0 new accounts/);
  });
});

describe('openapi', () => {
  test('every route of the table is described, with its path parameters and security', async () => {
    const r = await call(`${srv.api}/openapi.json`);
    assert.equal(r.status, 200);
    assert.equal(r.body.openapi, '3.1.0');
    const pay = r.body.paths['/api/v1/orders/{id}/payments'].post;
    assert.deepEqual(pay.parameters.map((p) => p.name), ['id', 'Idempotency-Key']);
    assert.deepEqual(pay.security, [{ bearer: [] }]);
    assert.deepEqual(r.body.paths['/api/v1/products'].get.security, [], 'public');
    assert.ok(r.body.paths['/api/v1/staff/orders'].get.description.includes('merchant'));
    assert.ok(Object.keys(r.body.paths).length >= 40);
  });
});
