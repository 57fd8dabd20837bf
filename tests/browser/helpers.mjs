// Shared helpers for the browser tests: start the real satstore server on a free port with a
// fresh demo database, launch Chromium (software WebGL2, TOOLCHAIN.md), and drive the canvas
// through the accessibility mirror (#a11y: one transparent element per ImGui item).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverBin = process.env.SATSTORE_BIN || join(repoRoot, 'build/native/src/server/satstore');
export const webRoot = process.env.SATSTORE_WEB_ROOT || join(repoRoot, 'build/wasm/web');
export const screenshotDir = join(repoRoot, 'tests/browser/screenshots');

export const DEMO_BUYER = { email: 'buyer@satstore.test', password: 'satstore-demo' };

async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForHealth(url, proc, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`satstore exited with ${proc.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet: keep polling until the deadline
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy at ${url} within ${timeoutMs} ms`);
}

// Starts `satstore serve --demo` (which seeds the demo catalog and accounts) on a free port.
// Returns { origin, stop() }.
export async function startServer() {
  if (!existsSync(serverBin)) throw new Error(`server binary missing: ${serverBin} (build build/native first)`);
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`web bundle missing: ${webRoot} (build build/wasm first)`);
  const dir = mkdtempSync(join(tmpdir(), 'satstore-browser-'));
  const port = await freePort();
  const db = `sqlite:${join(dir, 'store.db')}`;
  const proc = spawn(serverBin, ['serve', '--host', '127.0.0.1', '--port', String(port), '--db', db,
    '--web-root', webRoot, '--assets-root', join(repoRoot, 'assets'), '--demo'],
  { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${origin}/healthz`, proc);
  } catch (e) {
    proc.kill('SIGKILL');
    throw new Error(`${e.message}\n--- server log ---\n${log}`);
  }
  return {
    origin,
    log: () => log,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader'],
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

// A new page with `locale` ('en-US' or 'zh-CN') that records console errors.
export async function newPage(browser, { locale = 'en-US', device = DESKTOP } = {}) {
  const context = await browser.newContext({ ...device, locale });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  return page;
}

// Waits until the client reports a first frame with data (window.satstore.ready).
export async function waitReady(page, timeout = 20000) {
  await page.waitForFunction(() => window.satstore && window.satstore.ready === true, null, { timeout });
}

// Clicks the centre of a mirror element (the element itself has pointer-events: none).
export async function clickMirror(page, locator) {
  await locator.waitFor({ state: 'attached' });
  const box = await locator.boundingBox();
  if (!box) throw new Error('mirror element has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

// Waits until the canvas has stopped drawing (no frame for `quietMs`).
export async function waitIdle(page, quietMs = 300, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last = await page.evaluate(() => window.satstore.framesDrawn);
  let since = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    const now = await page.evaluate(() => window.satstore.framesDrawn);
    if (now !== last) { last = now; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return;
  }
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  await waitIdle(page);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}
