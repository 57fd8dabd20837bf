// API tests for account security: TOTP two-factor (codes computed here, independently of the
// server), lockout, rate limits, password change and reset through the outbox, login activity,
// logging out everywhere.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { totp } from '../support/totp.mjs';
import { call as rawCall, demoAccounts, demoPassword, login as rawLogin, startServer } from '../support/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

// Every password, token and code these tests send or receive, so that the last test can check
// that none of them reached the server's output (its access log, errors, start-up lines).
const secretsUsed = new Set();
const secretFields = new Set(['password', 'current_password', 'new_password', 'totp', 'code', 'token', 'secret', 'recovery_codes']);
function remember(value, field = '') {
  if (typeof value === 'string') {
    if (secretFields.has(field)) secretsUsed.add(value);
    for (const [, code] of value.matchAll(/(?:Reset code: |token=)([A-Za-z0-9_-]+)/g)) secretsUsed.add(code);
  } else if (Array.isArray(value)) {
    for (const item of value) remember(item, field);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) remember(v, k);
  }
}
async function call(url, options = {}) {
  remember(options.body);
  const reset = url.match(/\/password-resets\/([^/]+)$/);
  if (reset && reset[1] !== 'complete') secretsUsed.add(reset[1]);
  const r = await rawCall(url, options);
  remember(r.body);
  return r;
}
async function login(api, email, password = demoPassword) {
  const token = await rawLogin(api, email, password);
  secretsUsed.add(password);
  secretsUsed.add(token);
  return token;
}

async function newUser(password = 'secure passphrase 1') {
  const email = `sec-${randomUUID()}@example.com`;
  assert.equal((await call(`${srv.api}/users`, { method: 'POST', body: { email, password } })).status, 201);
  return { email, password, token: await login(srv.api, email, password) };
}

const session = (email, password, totpCode) =>
  call(`${srv.api}/sessions`, { method: 'POST', body: { email, password, ...(totpCode ? { totp: totpCode } : {}) }, headers: { 'user-agent': 'security-test/1.0' } });

describe('two-factor authentication', () => {
  test('enrol, confirm with a code, log in with a code, no reuse, recovery codes, disable', async () => {
    const u = await newUser();
    const enrol = await call(`${srv.api}/me/2fa`, { method: 'POST', token: u.token });
    assert.equal(enrol.status, 201);
    assert.match(enrol.body.secret, /^[A-Z2-7]{32}$/);
    assert.match(enrol.body.otpauth_uri, /^otpauth:\/\/totp\/satstore:.+\?secret=[A-Z2-7]+&issuer=satstore/);
    assert.equal((await call(`${srv.api}/me/2fa/confirm`, { method: 'POST', token: u.token, body: { code: '000000' } })).body.code, 'invalid_code');
    const confirm = await call(`${srv.api}/me/2fa/confirm`, { method: 'POST', token: u.token, body: { code: totp(enrol.body.secret) } });
    assert.equal(confirm.status, 200);
    assert.equal(confirm.body.recovery_codes.length, 10);
    assert.equal((await call(`${srv.api}/me`, { token: u.token })).body.twofa_enabled, true);

    const noCode = await session(u.email, u.password);
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.code, 'totp_required');
    // The confirmation used the current step: the same code cannot log in again.
    assert.equal((await session(u.email, u.password, totp(enrol.body.secret))).status, 401);
    const next = await session(u.email, u.password, totp(enrol.body.secret, 1));
    assert.equal(next.status, 201, JSON.stringify(next.body));
    const recovery = await session(u.email, u.password, confirm.body.recovery_codes[0]);
    assert.equal(recovery.status, 201);
    assert.equal((await session(u.email, u.password, confirm.body.recovery_codes[0])).status, 401, 'recovery codes are single use');

    const wrong = await call(`${srv.api}/me/2fa`, { method: 'DELETE', token: recovery.body.token, body: { code: '123456' } });
    assert.equal(wrong.status, 422);
    const off = await call(`${srv.api}/me/2fa`, { method: 'DELETE', token: recovery.body.token, body: { code: confirm.body.recovery_codes[1] } });
    assert.equal(off.status, 204);
    assert.equal((await session(u.email, u.password)).status, 201);
  });
});

describe('lockout and rate limits', () => {
  test('5 failed logins in a row lock the account with 423 and Retry-After', async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) assert.equal((await session(u.email, 'wrong password!')).status, 401);
    const locked = await session(u.email, u.password);
    assert.equal(locked.status, 423);
    assert.equal(locked.body.code, 'account_locked');
    const retry = Number(locked.headers.get('retry-after'));
    assert.ok(retry > 800 && retry <= 900, `Retry-After ${retry}`);
  });

  test('a success resets the failure count', async () => {
    const u = await newUser();
    for (let i = 0; i < 4; i++) await session(u.email, 'wrong password!');
    assert.equal((await session(u.email, u.password)).status, 201);
    for (let i = 0; i < 4; i++) await session(u.email, 'wrong password!');
    assert.equal((await session(u.email, u.password)).status, 201);
  });

  test('login attempts per IP are rate limited with 429', async () => {
    const limited = await startServer({ args: ['--login-rate-per-minute', '30'] });
    try {
      // Counted per minute window: the first 30 pass; the 31st of a window is refused. A run that
      // crosses a minute boundary starts a new window, so within 65 attempts one window overflows.
      let last;
      for (let i = 0; i < 65; i++) {
        // Another address each time: an address tried 5 times locks (423), registered or not.
        last = await call(`${limited.api}/sessions`, { method: 'POST', body: { email: `x${i}@example.com`, password: 'whatever pass' } });
        if (i < 30) assert.equal(last.status, 401, `attempt ${i + 1}`);
        else if (last.status === 429) break;
      }
      assert.equal(last.status, 429);
      assert.equal(last.body.code, 'rate_limited');
      assert.ok(Number(last.headers.get('retry-after')) > 0);
    } finally {
      await limited.stop();
    }
  });
});

describe('passwords', () => {
  test('change password needs the current one and ends other sessions', async () => {
    const u = await newUser();
    const other = await login(srv.api, u.email, u.password);
    const wrong = await call(`${srv.api}/me/password`, { method: 'PUT', token: u.token, body: { current_password: 'nope nope nope', new_password: 'a brand new pass' } });
    assert.equal(wrong.status, 403);
    const missing = await call(`${srv.api}/me/password`, { method: 'PUT', token: u.token, body: { new_password: 'a brand new pass' } });
    assert.equal(missing.status, 422);
    assert.ok(missing.body.errors.current_password, 'the missing field is named');
    const weak = await call(`${srv.api}/me/password`, { method: 'PUT', token: u.token, body: { current_password: u.password, new_password: 'password123' } });
    assert.equal(weak.status, 422);
    assert.ok(weak.body.errors.new_password);
    const ok = await call(`${srv.api}/me/password`, { method: 'PUT', token: u.token, body: { current_password: u.password, new_password: 'a brand new pass' } });
    assert.equal(ok.status, 204);
    assert.equal((await call(`${srv.api}/me`, { token: u.token })).status, 200, 'this session stays');
    assert.equal((await call(`${srv.api}/me`, { token: other })).status, 401, 'other sessions end');
    assert.equal((await session(u.email, 'a brand new pass')).status, 201);
  });

  test('password reset through the outbox: 202 for everyone, single-use token, all sessions end', async () => {
    const u = await newUser();
    const known = await call(`${srv.api}/password-resets`, { method: 'POST', body: { email: u.email } });
    const unknown = await call(`${srv.api}/password-resets`, { method: 'POST', body: { email: 'nobody-here@example.com' } });
    assert.equal(known.status, 202);
    assert.deepEqual(unknown.body, known.body);
    const admin = await login(srv.api, demoAccounts.admin);
    const buyer = await login(srv.api, demoAccounts.buyer);
    assert.equal((await call(`${srv.api}/dev/outbox`, { token: buyer })).status, 403);
    const outbox = await call(`${srv.api}/dev/outbox`, { token: admin });
    const mail = outbox.body.items.find((m) => m.to === u.email);
    assert.ok(mail, 'mail written to the outbox');
    const token = mail.body.match(/Reset code: (\S+)/)[1];
    const done = await call(`${srv.api}/password-resets/${token}`, { method: 'POST', body: { new_password: 'reset passphrase 9' } });
    assert.equal(done.status, 204);
    assert.equal((await call(`${srv.api}/me`, { token: u.token })).status, 401);
    assert.equal((await session(u.email, 'reset passphrase 9')).status, 201);
    const again = await call(`${srv.api}/password-resets/${token}`, { method: 'POST', body: { new_password: 'another passphrase' } });
    assert.equal(again.status, 410);
    assert.equal(again.body.code, 'token_expired');
  });

  test('the outbox does not exist outside demo mode', async () => {
    const prod = await startServer({ demo: false });
    try {
      await call(`${prod.api}/users`, { method: 'POST', body: { email: 'ops@example.com', password: 'operator pass 1' } });
      const token = await login(prod.api, 'ops@example.com', 'operator pass 1');
      assert.equal((await call(`${prod.api}/dev/outbox`, { token })).status, 403);
    } finally {
      await prod.stop();
    }
  });
});

describe('sessions and activity', () => {
  test('login activity lists successes and failures with time, IP and user agent', async () => {
    const u = await newUser();
    await session(u.email, 'wrong password!');
    const r = await call(`${srv.api}/me/login-activity`, { token: u.token });
    assert.equal(r.status, 200);
    const [latest] = r.body.items;
    assert.equal(latest.success, false);
    assert.equal(latest.reason, 'invalid_credentials');
    assert.equal(latest.ip, '127.0.0.1');
    assert.equal(latest.user_agent, 'security-test/1.0');
    assert.ok(r.body.items.some((e) => e.success));
  });

  test('log out everywhere ends every session', async () => {
    const u = await newUser();
    const second = await login(srv.api, u.email, u.password);
    assert.equal((await call(`${srv.api}/sessions`, { method: 'DELETE', token: u.token })).status, 204);
    assert.equal((await call(`${srv.api}/me`, { token: u.token })).status, 401);
    assert.equal((await call(`${srv.api}/me`, { token: second })).status, 401);
  });
});

describe('secrets stay out of the logs', () => {
  test("the server's whole output holds none of the passwords, tokens and codes used above", async () => {
    await new Promise((r) => setTimeout(r, 300));  // the access log is written every 100 ms
    const output = srv.output();
    assert.ok(output.includes('"path":"/api/v1/sessions"'), 'the access log was captured');
    secretsUsed.delete(demoPassword);  // published in the README
    assert.ok(secretsUsed.size > 30, `collected ${secretsUsed.size} secrets`);
    for (const secret of secretsUsed) {
      // Bounded by non-digits: a 6-digit code must not match inside a timestamp.
      const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.doesNotMatch(output, new RegExp(`(?<![0-9])${escaped}(?![0-9])`), `a secret is in the server output`);
    }
  });
});
