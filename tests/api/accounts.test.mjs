// API tests for registration, sessions and /me.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { call, demoAccounts, demoPassword, login, startServer } from '../support/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

describe('accounts', () => {
  test('register, log in, read /me, log out; the old token stops working', async () => {
    const email = `new-${Date.now()}@example.com`;
    const reg = await call(`${srv.api}/users`, { method: 'POST', body: { email: email.toUpperCase(), password: 'a long passphrase', display_name: '小明' } });
    assert.equal(reg.status, 201);
    assert.equal(reg.body.email, email);
    assert.deepEqual(reg.body.roles, ['buyer']);
    assert.equal(reg.body.password_hash, undefined);

    const token = await login(srv.api, email, 'a long passphrase');
    const me = await call(`${srv.api}/me`, { token });
    assert.equal(me.status, 200);
    assert.equal(me.body.display_name, '小明');
    assert.equal(me.body.twofa_enabled, false);

    assert.equal((await call(`${srv.api}/sessions/current`, { method: 'DELETE', token })).status, 204);
    const after = await call(`${srv.api}/me`, { token });
    assert.equal(after.status, 401);
    assert.equal(after.body.code, 'unauthenticated');
  });

  test('a taken email is 409 email_taken, case-insensitively', async () => {
    const r = await call(`${srv.api}/users`, { method: 'POST', body: { email: 'Buyer@Satstore.test', password: 'another long one' } });
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'email_taken');
  });

  test('registration input errors are 422 per field', async () => {
    const r = await call(`${srv.api}/users`, { method: 'POST', body: { email: 'not-an-email', password: 'short', display_name: 7 } });
    assert.equal(r.status, 422);
    assert.deepEqual(Object.keys(r.body.errors).sort(), ['display_name', 'email', 'password']);
    const empty = await call(`${srv.api}/users`, { method: 'POST', body: {} });
    assert.equal(empty.status, 422);
    assert.ok(empty.body.errors.email && empty.body.errors.password);
  });

  test('wrong password and unknown email get the same 401 invalid_credentials', async () => {
    const wrong = await call(`${srv.api}/sessions`, { method: 'POST', body: { email: demoAccounts.buyer, password: 'wrong password' } });
    const unknown = await call(`${srv.api}/sessions`, { method: 'POST', body: { email: 'nobody@example.com', password: 'wrong password' } });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.code, 'invalid_credentials');
    assert.deepEqual(wrong.body, unknown.body);
  });

  test('demo accounts exist with their roles', async () => {
    for (const [role, email] of Object.entries(demoAccounts)) {
      const r = await call(`${srv.api}/sessions`, { method: 'POST', body: { email, password: demoPassword } });
      assert.equal(r.status, 201, email);
      assert.ok(r.body.user.roles.includes(role), `${email} has ${role}`);
      assert.match(r.body.token, /^[A-Za-z0-9_-]{43}$/);
    }
  });

  test('/me needs a valid bearer token', async () => {
    assert.equal((await call(`${srv.api}/me`)).status, 401);
    assert.equal((await call(`${srv.api}/me`, { token: 'forged' })).status, 401);
    assert.equal((await call(`${srv.api}/sessions/current`, { method: 'DELETE' })).status, 401);
  });
});
