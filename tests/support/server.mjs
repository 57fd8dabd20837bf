// Starts the real `satstore` binary on a free loopback port with a fresh SQLite file, for API
// and browser tests. Usage:
//   const srv = await startServer({ demo: true });  ...  await srv.stop();
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    if (child.exitCode !== null) throw new Error(`satstore exited early with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('satstore did not become healthy in time');
}

// Options: demo (seed demo data, default true), webRoot, assetsRoot, args (extra flags), env.
export async function startServer(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'satstore-test-'));
  const port = await freePort();
  const args = [
    'serve', '--host', '127.0.0.1', '--port', String(port), '--db', `sqlite:${join(dir, 'store.db')}`,
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
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child, 15000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n--- server output ---\n${output}`);
  }
  return {
    base,
    api: `${base}/api/v1`,
    dir,
    child,
    output: () => output,
    // Sends SIGTERM and waits for the exit; returns the exit code.
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', (code) => r(code)));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
      return child.exitCode;
    },
  };
}

// fetch + JSON decoding; returns { status, headers, body } (body null when empty).
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
  return { status: r.status, headers: r.headers, body: parsed };
}

export async function login(api, email, password = demoPassword) {
  const r = await call(`${api}/sessions`, { method: 'POST', body: { email, password } });
  if (r.status !== 201) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}
