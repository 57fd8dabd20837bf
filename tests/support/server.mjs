// Starts the real `satstore` binary on a free loopback port with a fresh database, for API
// and browser tests. Usage:
//   const srv = await startServer({ demo: true });  ...  await srv.stop();
//
// The database is a SQLite file in the server's temp dir, or — when SATSTORE_TEST_PG names a
// PostgreSQL cluster (see postgres.mjs) — a new database in that cluster. Tests never touch the
// database file directly: `sql(srv, statement)` runs SQL on either backend (the schemas are the
// same; INTEGER columns are BIGINT on PostgreSQL) and `srv.db` is the `--db` value for the
// offline commands (`satstore audit --db …`).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkAnswer } from './openapi.mjs';
import { createDatabase as createPgDatabase, dropDatabase as dropPgDatabase, psql } from './postgres.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const serverBinary = process.env.SATSTORE_BIN ?? join(repoRoot, 'build/native/src/server/satstore');

export const demoPassword = 'satstore-demo';
export const demoAccounts = {
  buyer: 'buyer@satstore.test',
  merchant: 'merchant@satstore.test',
  agent: 'agent@satstore.test',
  admin: 'admin@satstore.test',
};

// A port that was free a moment ago (the kernel picks it; we release it for the server).
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(base, child, deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`satstore exited early with ${child.exitCode ?? child.signalCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('satstore did not become healthy in time');
}

// [SECTION] databases

// A libpq URI of a running cluster's maintenance database, or null: SQLite only.
export const pgCluster = process.env.SATSTORE_TEST_PG || null;
// The backends this run can test: tests that must hold on every backend iterate over these.
export const backends = pgCluster ? ['sqlite', 'postgres'] : ['sqlite'];
export const defaultBackend = pgCluster ? 'postgres' : 'sqlite';

// A fresh, empty database (the server migrates it on start). Returns { backend, url (the `--db`
// value), sql(statement), drop() }. Options: backend ('sqlite' | 'postgres', default as
// above), dir (SQLite: put the file in this existing dir, which the caller removes; else a temp
// dir of its own that drop() removes).
export function createDatabase({ backend = defaultBackend, dir } = {}) {
  if (backend === 'postgres') {
    if (!pgCluster) throw new Error('the postgres backend needs SATSTORE_TEST_PG (see tests/support/postgres.mjs)');
    const name = `test_${randomBytes(8).toString('hex')}`;
    const url = createPgDatabase(pgCluster, name);
    return { backend, url, sql: (statement) => psql(url, statement), drop: () => dropPgDatabase(pgCluster, name) };
  }
  if (backend !== 'sqlite') throw new Error(`unknown backend ${backend}`);
  const ownDir = dir ? null : mkdtempSync(join(tmpdir(), 'satstore-db-'));
  const file = join(dir ?? ownDir, 'store.db');
  return {
    backend,
    url: `sqlite:${file}`,
    file,
    sql: (statement) => sqlite(file, statement),
    drop: () => { if (ownDir) rmSync(ownDir, { recursive: true, force: true }); },
  };
}

// sqlite3's list output (`a|b` per row) matches psql's unaligned output. The timeout: a running
// server may hold the write lock for a moment.
function sqlite(file, statement) {
  const r = spawnSync('sqlite3', ['-batch', '-bail', '-cmd', '.timeout 10000', file, statement], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 failed (${r.status ?? r.signal}): ${statement}\n${r.stderr}${r.error ?? ''}`);
  return r.stdout.trimEnd();
}

// Runs SQL on the database of a server (or of a createDatabase() result) and returns the rows
// as text, one per line, columns separated by `|`. Throws on any error.
export function sql(target, statement) {
  return (target.database ?? target).sql(statement);
}

// Runs `satstore audit` on the database of a server (or of a createDatabase() result); returns
// spawnSync's result (status 0 when the ledger and every payment check out; the report on stdout).
export function audit(target) {
  return spawnSync(serverBinary, ['audit', '--db', (target.database ?? target).url], { encoding: 'utf8' });
}

// [SECTION] servers

// Options: demo (seed demo data, default true), database (a createDatabase() result to use —
// the caller drops it; e.g. two servers on one database, or a restart), backend (for the fresh
// database otherwise), webRoot, assetsRoot, args (extra flags), env.
export async function startServer(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'satstore-test-'));
  const ownsDatabase = !options.database;
  let database;
  try {
    database = options.database ?? createDatabase({ backend: options.backend, dir });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const port = await freePort();
  const args = [
    'serve', '--host', '127.0.0.1', '--port', String(port), '--db', database.url,
    '--web-root', options.webRoot ?? join(repoRoot, 'build/wasm/web'),
    '--assets-root', options.assetsRoot ?? join(repoRoot, 'assets'),
    ...(options.demo === false ? [] : ['--demo']),
    // Tests log in far more often than people do; the rate-limit test sets its own limit.
    '--login-rate-per-minute', '100000', '--reset-rate-per-minute', '100000',
    ...(options.args ?? []),
  ];
  const child = spawn(serverBinary, args, { cwd: dir, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((r) => child.once('exit', () => r()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const cleanUp = () => {
    if (ownsDatabase) database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child, 15000);
  } catch (e) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw new Error(`${e.message}\n--- server output ---\n${output}`);
  }
  return {
    base,
    api: `${base}/api/v1`,
    dir,
    db: database.url,
    database,
    child,
    output: () => output,
    // SIGKILL, as a crash: no graceful shutdown. Resolves once the process is gone; the database
    // and dir stay until stop().
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    // Sends SIGTERM and waits for the exit; drops the database unless it was given; returns the
    // exit code (null after a kill).
    async stop() {
      if (running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      cleanUp();
      return child.exitCode;
    },
  };
}

// [SECTION] HTTP

// fetch + JSON decoding; returns { status, headers, body } (body null when empty). Every answer
// is checked against the server's OpenAPI document (openapi.mjs): an undocumented status, media
// type or body shape throws.
export async function call(url, { method = 'GET', body, token, headers = {}, raw } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined && raw === undefined) h['content-type'] = 'application/json';
  const r = await fetch(url, { method, headers: h, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await r.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch { parsed = text; }
  }
  await checkAnswer(url, method, r.status, r.headers.get('content-type'), parsed);
  return { status: r.status, headers: r.headers, body: parsed };
}

export async function login(api, email, password = demoPassword) {
  const r = await call(`${api}/sessions`, { method: 'POST', body: { email, password } });
  if (r.status !== 201) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}
