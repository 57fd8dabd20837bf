// API tests for the link in the password-reset mail (issue 7): `<origin>/#/reset-password?token=…`
// where the origin is --public-url when given, else the request's Origin only when it is the
// server's own or in the CORS allowlist, else the server's own URL — a forged Origin never turns
// the victim's reset link into a link to the forger's site.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { call, demoAccounts, login, startServer } from '../support/server.mjs';

const allowed = 'https://shop.example.com';
let srv;
before(async () => { srv = await startServer({ args: ['--cors-origins', allowed] }); });
after(async () => { await srv?.stop(); });

async function newUser(server) {
  const email = `link-${randomUUID()}@example.com`;
  assert.equal((await call(`${server.api}/users`, { method: 'POST', body: { email, password: 'link passphrase 1' } })).status, 201);
  return email;
}

// Asks for a reset of `email` with the given Origin header and returns the mail's link.
async function resetLink(server, email, origin) {
  const r = await call(`${server.api}/password-resets`, { method: 'POST', body: { email }, headers: origin ? { origin } : {} });
  assert.equal(r.status, 202);
  const admin = await login(server.api, demoAccounts.admin);
  const outbox = await call(`${server.api}/dev/outbox`, { token: admin });
  const mail = outbox.body.items.find((m) => m.to === email);
  assert.ok(mail, 'mail in the outbox');
  const link = mail.body.match(/(\S+\/#\/reset-password\?token=\S+)/)?.[1];
  assert.ok(link, `a reset link in: ${mail.body}`);
  const token = mail.body.match(/Reset code: (\S+)/)[1];
  assert.ok(link.endsWith(`?token=${token}`), 'the link carries the reset token');
  return new URL(link);
}

describe('password reset link', () => {
  test('without an Origin header it points to the server itself', async () => {
    const link = await resetLink(srv, await newUser(srv));
    assert.equal(link.origin, srv.base);
    assert.equal(link.hash.split('?')[0], '#/reset-password');
  });

  test("the server's own origin and an allowed CORS origin are kept", async () => {
    assert.equal((await resetLink(srv, await newUser(srv), srv.base)).origin, srv.base);
    assert.equal((await resetLink(srv, await newUser(srv), allowed)).origin, allowed);
  });

  test('a foreign Origin is ignored', async () => {
    const link = await resetLink(srv, await newUser(srv), 'https://evil.example');
    assert.equal(link.origin, srv.base);
  });

  test('the link opens the reset screen and its token sets a new password once', async () => {
    const email = await newUser(srv);
    const link = await resetLink(srv, email, srv.base);
    const token = new URLSearchParams(link.hash.split('?')[1]).get('token');
    const done = await call(`${srv.api}/password-resets/${token}`, { method: 'POST', body: { new_password: 'brand new passphrase' } });
    assert.equal(done.status, 204);
    assert.equal((await call(`${srv.api}/sessions`, { method: 'POST', body: { email, password: 'brand new passphrase' } })).status, 201);
  });

  test('--public-url wins over any Origin', async () => {
    const pub = await startServer({ args: ['--public-url', 'https://store.example.org/'] });
    try {
      const email = await newUser(pub);
      const link = await resetLink(pub, email, pub.base);
      assert.equal(link.origin, 'https://store.example.org');
      assert.equal(link.pathname, '/');
    } finally {
      await pub.stop();
    }
  });

  test('a malformed --public-url is refused at start', async () => {
    await assert.rejects(startServer({ args: ['--public-url', 'store.example.org'] }), /public-url/);
  });

  test('GET /me tells when the account was created', async () => {
    const email = await newUser(srv);
    const token = await login(srv.api, email, 'link passphrase 1');
    const me = await call(`${srv.api}/me`, { token });
    assert.ok(Math.abs(Date.parse(me.body.created_at) - Date.now()) < 120000, me.body.created_at);
  });
});
