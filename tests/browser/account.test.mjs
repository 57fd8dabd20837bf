// Browser tests of account security (issue 7) against the real server, in Chromium:
//   - a user enables two-factor by scanning what the screen shows (the QR code is cut out of a
//     screenshot and decoded with zbarimg; the TOTP code is computed here with node:crypto, not
//     by the server's code), sees the recovery codes, logs out, logs in with password + code and
//     finds the attempts in the login activity;
//   - password reset end to end through the demo outbox;
//   - five wrong passwords lock the account, and the login form says for how long;
//   - screenshots of the new screens (desktop 1280×800 and phone 390×844@3, English and Chinese).
// Controls are found through the accessibility mirror (#a11y) by role and name, as in
// storefront.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  startServer, launchBrowser, newPage, waitReady, clickMirror, screenshot, waitIdle, screenshotDir,
  DESKTOP, PHONE, openWithStorage,
} from './helpers.mjs';
import { totp } from '../support/totp.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const api = (path) => `${server.origin}/api/v1${path}`;
const role = (page, r, name) => page.locator('#a11y').getByRole(r, { name, exact: true });
const T = 10000;

async function post(path, body, token) {
  const r = await fetch(api(path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}

async function newUser() {
  const email = `acct-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'account passphrase 7';
  assert.equal((await post('/users', { email, password })).status, 201);
  return { email, password };
}

// --- driving the page -----------------------------------------------------------------------

async function open(path, opts = {}) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.origin}/#${path}`);
  await waitReady(page);
  return page;
}

// Scrolls the content until `locator` is in the mirror (items off screen are not), then returns.
async function reveal(page, locator, { tries = 25 } = {}) {
  const vp = page.viewportSize();
  for (let i = 0; i < tries; i++) {
    await waitIdle(page, 200, 3000);
    if (await locator.count() > 0) {
      const box = await locator.first().boundingBox();
      if (box && box.height > 4 && box.y + box.height <= vp.height) return;
    }
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, 240);
  }
  await locator.first().waitFor({ state: 'attached', timeout: T });
}

// Console errors other than the browser's own note for each 4xx reply the test provokes.
const realErrors = (page) => page.consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

async function click(page, r, name) {
  const loc = role(page, r, name);
  await reveal(page, loc);
  await clickMirror(page, loc.first());
}

async function typeInto(page, name, text, { clear = false } = {}) {
  const loc = role(page, 'textbox', name);
  await reveal(page, loc);
  await clickMirror(page, loc.first());
  if (clear) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
  await page.keyboard.type(text);
}

const text = (page, t) => page.locator('#a11y').getByText(t, { exact: true });

async function loginUi(page, user) {
  await typeInto(page, 'Email', user.email, { clear: true });
  await typeInto(page, 'Password', user.password, { clear: true });
  await click(page, 'button', 'Log in');
}

// Cuts the QR code out of a screenshot (its mirror box plus a margin) and decodes it.
async function scanQr(page, name) {
  const qr = role(page, 'img', name);
  await qr.waitFor({ state: 'attached', timeout: T });
  await reveal(page, qr);
  const box = await qr.boundingBox();
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, 'account-qr-scan.png');
  await page.screenshot({ path: file, clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
  return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim();
}

// --- tests ------------------------------------------------------------------------------------

test('enable two-factor by scanning the QR code, log out, log in with a code, see the activity', async () => {
  const user = await newUser();
  const page = await open('/login');
  await loginUi(page, user);
  await click(page, 'button', 'Account');
  await role(page, 'heading', 'Account').waitFor({ state: 'attached', timeout: T });
  assert.equal(new URL(page.url()).hash, '#/account');
  await text(page, user.email).waitFor({ state: 'attached', timeout: T });

  await click(page, 'button', 'Enable');
  const uri = await scanQr(page, 'QR code for your authenticator app');
  assert.match(uri, /^otpauth:\/\/totp\//, `decoded: ${uri}`);
  const qrUrl = new URL(uri);
  const secret = qrUrl.searchParams.get('secret');
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  assert.ok(decodeURIComponent(qrUrl.pathname).includes(user.email), 'the account is named in the URI');
  // The same secret is shown as text (in groups of four) for typing by hand.
  await text(page, secret.match(/.{1,4}/g).join(' ')).waitFor({ state: 'attached', timeout: T });

  // A wrong code first: the error sits next to the field.
  await typeInto(page, 'Authentication code', '000000');
  await click(page, 'button', 'Confirm');
  await text(page, 'Wrong or already used code.').waitFor({ state: 'attached', timeout: T });
  await typeInto(page, 'Authentication code', totp(secret), { clear: true });
  await click(page, 'button', 'Confirm');
  await role(page, 'heading', 'Recovery codes').waitFor({ state: 'attached', timeout: T });
  await reveal(page, role(page, 'button', 'I saved them'));
  const lines = await page.locator('#a11y').evaluate((el) => [...el.children].map((c) => c.textContent).join('\n'));
  const codes = [...new Set(lines.match(/\b[a-z2-7]{4}-[a-z2-7]{4}\b/g) ?? [])];
  assert.equal(codes.length, 10, `recovery codes shown: ${codes}`);
  await text(page, 'On').waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'account-recovery-codes-desktop-en');
  await click(page, 'button', 'I saved them');
  await role(page, 'heading', 'Recovery codes').waitFor({ state: 'detached', timeout: T });

  await click(page, 'button', 'Log out');
  await role(page, 'button', 'Log in').first().waitFor({ state: 'attached', timeout: T });

  // Password first; the form then asks for the code.
  await page.goto(`${server.origin}/#/login`);
  await loginUi(page, user);
  await role(page, 'textbox', 'Authentication code').waitFor({ state: 'attached', timeout: T });
  await text(page, 'Enter the 6-digit code from your authenticator app.').waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'login-code-desktop-en');
  await typeInto(page, 'Authentication code', '123456');
  await click(page, 'button', 'Log in');
  await text(page, 'Wrong or already used code.').waitFor({ state: 'attached', timeout: T });
  // The next time step: the confirming code's step cannot be used twice.
  await typeInto(page, 'Authentication code', totp(secret, 1), { clear: true });
  await click(page, 'button', 'Log in');
  await role(page, 'button', 'Log out').waitFor({ state: 'attached', timeout: T });

  await click(page, 'button', 'Account');
  await reveal(page, role(page, 'heading', 'Login activity'));
  for (const result of ['Success', 'Code requested', 'Wrong code']) {
    await reveal(page, text(page, result));
    assert.ok(await text(page, result).count() >= 1, `activity shows "${result}"`);
  }
  await text(page, '127.0.0.1').first().waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'account-activity-desktop-en');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('password reset end to end through the outbox', async () => {
  const user = await newUser();
  const page = await open('/login');
  await click(page, 'link', 'Forgot password?');
  await role(page, 'heading', 'Forgot your password?').waitFor({ state: 'attached', timeout: T });
  assert.equal(new URL(page.url()).hash, '#/forgot-password');
  await typeInto(page, 'Email', user.email, { clear: true });
  await click(page, 'button', 'Send reset link');
  await page.getByText(/^If an account exists for that email/).waitFor({ state: 'attached', timeout: T });

  const admin = (await post('/sessions', { email: 'admin@satstore.test', password: 'satstore-demo' })).body.token;
  const outbox = await (await fetch(api('/dev/outbox'), { headers: { authorization: `Bearer ${admin}` } })).json();
  const mail = outbox.items.find((m) => m.to === user.email);
  assert.ok(mail, 'reset mail in the outbox');
  const link = mail.body.match(/(http\S+\/#\/reset-password\?token=\S+)/)?.[1];
  assert.ok(link, mail.body);
  assert.equal(new URL(link).origin, server.origin, 'the link points to this store');

  await page.goto(link);
  await role(page, 'heading', 'Choose a new password').waitFor({ state: 'attached', timeout: T });
  await typeInto(page, 'New password', 'password123');
  await typeInto(page, 'Repeat new password', 'password123');
  await click(page, 'button', 'Set new password');
  // A common password: the API's per-field error, next to the field.
  await page.getByText(/too common|at least 10/).waitFor({ state: 'attached', timeout: T });
  await typeInto(page, 'New password', 'fresh reset passphrase', { clear: true });
  await typeInto(page, 'Repeat new password', 'another passphrase', { clear: true });
  await click(page, 'button', 'Set new password');
  await text(page, 'The passwords differ.').waitFor({ state: 'attached', timeout: T });
  await typeInto(page, 'Repeat new password', 'fresh reset passphrase', { clear: true });
  await click(page, 'button', 'Set new password');
  await page.waitForFunction(() => location.hash === '#/login', null, { timeout: T });
  await text(page, 'Password changed. Log in with your new password.').waitFor({ state: 'attached', timeout: T });

  await loginUi(page, { email: user.email, password: 'fresh reset passphrase' });
  await role(page, 'button', 'Log out').waitFor({ state: 'attached', timeout: T });

  // The link works once.
  await page.goto(link);
  await role(page, 'heading', 'Choose a new password').waitFor({ state: 'attached', timeout: T });
  await typeInto(page, 'New password', 'yet another passphrase');
  await typeInto(page, 'Repeat new password', 'yet another passphrase');
  await click(page, 'button', 'Set new password');
  await text(page, 'This reset link was used or has expired.').waitFor({ state: 'attached', timeout: T });
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('five wrong passwords lock the account; the form says for how long', async () => {
  const user = await newUser();
  const page = await open('/login');
  await typeInto(page, 'Email', user.email);
  await typeInto(page, 'Password', 'wrong password!');
  const statuses = [];
  for (let i = 0; i < 6; i++) {
    const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/sessions') && r.request().method() === 'POST', { timeout: T });
    await click(page, 'button', 'Log in');
    statuses.push((await reply).status());
    await waitIdle(page);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 423]);
  await text(page, 'Account locked after too many failed logins. Try again in 15 minutes.').waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'login-locked-desktop-en');
  assert.deepEqual(realErrors(page), []);
  await page.context().close();
});

test('screenshots: account, forgot and reset password, desktop and phone, English and Chinese', async () => {
  for (const [device, dname] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    for (const [locale, lname] of [['en-US', 'en'], ['zh-CN', 'zh']]) {
      const user = await newUser();
      const token = (await post('/sessions', { email: user.email, password: user.password })).body.token;
      await post('/sessions', { email: user.email, password: 'wrong password!' });
      const page = await newPage(browser, { device, locale });
      await openWithStorage(page, server.origin, '/account', { 'satstore.token': token });
      const zh = lname === 'zh';
      await role(page, 'heading', zh ? '账户' : 'Account').waitFor({ state: 'attached', timeout: T });
      await text(page, user.email).waitFor({ state: 'attached', timeout: T });
      await screenshot(page, `account-${dname}-${lname}`);
      await reveal(page, role(page, 'heading', zh ? '登录记录' : 'Login activity'));
      await screenshot(page, `account-activity-${dname}-${lname}`);
      await page.mouse.wheel(0, -100000);
      await click(page, 'button', zh ? '开启' : 'Enable');
      await role(page, 'img', zh ? '身份验证器二维码' : 'QR code for your authenticator app').waitFor({ state: 'attached', timeout: T });
      await screenshot(page, `account-2fa-${dname}-${lname}`);
      if (dname === 'phone') {
        // The QR code stays scannable at phone size too.
        assert.match(await scanQr(page, zh ? '身份验证器二维码' : 'QR code for your authenticator app'), /^otpauth:\/\//);
      }
      await page.evaluate(() => localStorage.removeItem('satstore.token'));
      await page.goto(`${server.origin}/#/forgot-password`);
      await page.reload();
      await waitReady(page);
      await role(page, 'heading', zh ? '忘记密码？' : 'Forgot your password?').waitFor({ state: 'attached', timeout: T });
      await screenshot(page, `forgot-password-${dname}-${lname}`);
      await page.goto(`${server.origin}/#/reset-password?token=abc`);
      await role(page, 'heading', zh ? '设置新密码' : 'Choose a new password').waitFor({ state: 'attached', timeout: T });
      await screenshot(page, `reset-password-${dname}-${lname}`);
      assert.deepEqual(realErrors(page), [], `console errors (${dname}, ${lname})`);
      await page.context().close();
    }
  }
});
