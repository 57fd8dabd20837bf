// API tests for staff accounts (issue 20), outside demo mode: the first admin from
// `satstore create-user`, invitations through the outbox, role changes, disabling (sessions end
// at once), the last admin, and the audit log with before → after and no secrets in it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { call, createDatabase, serverBinary, sql, startServer } from '../support/server.mjs';

const adminEmail = `root-${randomUUID()}@shop.example`;
const adminPassword = 'first admin passphrase';
let database;
let srv;
let admin;  // the admin's session token
// Every password and token these tests use, none of which may show in the audit log.
const secrets = new Set([adminPassword]);

function createUser(args, password) {
  return spawnSync(serverBinary, ['create-user', ...args, '--db', database.url], { input: `${password}\n`, encoding: 'utf8' });
}

async function login(email, password) {
  const r = await call(`${srv.api}/sessions`, { method: 'POST', body: { email, password } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.token;
}

// Invites `email` as `roles` and returns { user, token } (the token read from the mail).
async function invite(email, roles, display_name) {
  const r = await call(`${srv.api}/staff/users`, { method: 'POST', token: admin, body: { email, roles, display_name } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const body = sql(srv, `SELECT body FROM outbox WHERE to_addr = '${email}' ORDER BY seq DESC LIMIT 1`);
  const link = body.match(/(\S+\/#\/accept-invite\?token=(\S+))/);
  assert.ok(link, `an invitation link in: ${body}`);
  assert.equal(new URL(link[1]).origin, srv.base);
  secrets.add(link[2]);
  return { user: r.body, token: link[2] };
}

async function accept(token, password) {
  secrets.add(password);
  return call(`${srv.api}/invitations/complete`, { method: 'POST', body: { token, password } });
}

async function staffMember(roles) {
  const email = `staff-${randomUUID()}@shop.example`;
  const { user, token } = await invite(email, roles);
  const password = `passphrase ${randomUUID()}`;
  const r = await accept(token, password);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { user, email, password, token: r.body.token };
}

const patch = (id, body, token = admin) => call(`${srv.api}/staff/users/${id}`, { method: 'PATCH', token, body });

before(async () => {
  database = createDatabase();
});
after(async () => {
  await srv?.stop();
  database?.drop();
});

describe('satstore create-user', () => {
  test('refuses a weak password, creates the admin, refuses the same email again', () => {
    const weak = createUser(['--email', adminEmail, '--role', 'admin'], 'short');
    assert.equal(weak.status, 1, weak.stderr);
    assert.match(weak.stderr, /at least 10 characters/);
    const common = createUser(['--email', adminEmail, '--role', 'admin'], 'password1234');
    assert.equal(common.status, 1, common.stderr);

    const ok = createUser(['--email', adminEmail.toUpperCase(), '--role', 'admin', '--display-name', 'Root'], adminPassword);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /created admin account usr_/);
    assert.ok(!ok.stdout.includes(adminPassword) && !ok.stderr.includes(adminPassword));

    const again = createUser(['--email', adminEmail, '--role', 'merchant'], 'another passphrase');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
  });

  test('bad usage exits 2 with the usage text', () => {
    for (const args of [['--role', 'admin'], ['--email', 'x@shop.example'], ['--email', 'x@shop.example', '--role', 'buyer'],
      ['--email', 'not-an-email', '--role', 'admin'], ['--email', 'x@shop.example', '--role', 'admin', '--bogus', '1']]) {
      const r = createUser(args, 'good enough passphrase');
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /usage: satstore/);
    }
  });
});

describe('staff accounts', () => {
  before(async () => {
    srv = await startServer({ demo: false, database });
    admin = await login(adminEmail, adminPassword);
  });

  test('serve says how to make the first admin only while there is none', async () => {
    assert.ok(!srv.output().includes('no admin account yet'), srv.output());
    const empty = await startServer({ demo: false });
    try {
      assert.match(empty.output(), /no admin account yet: create one with {2}satstore create-user --email \S+ --role admin --db /);
    } finally {
      await empty.stop();
    }
  });

  test('the admin from the command line is listed and logged in the audit log as cli', async () => {
    const me = (await call(`${srv.api}/me`, { token: admin })).body;
    assert.deepEqual(me.roles, ['admin']);
    assert.equal(me.display_name, 'Root');
    const list = await call(`${srv.api}/staff/users`, { token: admin });
    assert.equal(list.status, 200);
    const row = list.body.items.find((u) => u.email === adminEmail);
    assert.deepEqual({ ...row, created_at: undefined }, {
      id: me.id, email: adminEmail, display_name: 'Root', roles: ['admin'], disabled: false, invited: false, created_at: undefined,
    });
    const audit = (await call(`${srv.api}/staff/audit?target=${me.id}`, { token: admin })).body.items;
    const created = audit.find((e) => e.action === 'user.create');
    assert.equal(created.actor_id, 'cli');
    assert.equal(created.before, null);
    assert.equal(created.after.email, adminEmail);
  });

  test('an invited merchant sets a password through the link, logs in, and may not manage staff', async () => {
    const email = `merchant-${randomUUID()}@shop.example`;
    const { user, token } = await invite(email, ['merchant'], 'Mei');
    assert.equal(user.invited, true);
    assert.deepEqual(user.roles, ['merchant']);
    // No password yet: the account cannot log in.
    assert.equal((await call(`${srv.api}/sessions`, { method: 'POST', body: { email, password: '' } })).status, 422);
    assert.equal((await call(`${srv.api}/sessions`, { method: 'POST', body: { email, password: 'anything at all' } })).status, 401);

    // A weak password is refused without spending the link.
    const weak = await accept(token, 'short');
    assert.equal(weak.status, 422);
    assert.ok(weak.body.errors.password);
    const done = await accept(token, 'merchant passphrase 1');
    assert.equal(done.status, 201, JSON.stringify(done.body));
    assert.equal(done.body.user.email, email);
    assert.deepEqual(done.body.user.roles, ['merchant']);
    assert.equal((await accept(token, 'merchant passphrase 2')).status, 410, 'the link works once');
    assert.equal((await accept('not-a-real-token', 'merchant passphrase 2')).status, 410);

    const merchant = await login(email, 'merchant passphrase 1');
    assert.equal((await call(`${srv.api}/staff/orders`, { token: merchant })).status, 200);
    for (const [method, path, body] of [['GET', '/staff/users'], ['GET', '/staff/audit'],
      ['POST', '/staff/users', { email: `x-${randomUUID()}@shop.example`, roles: ['admin'] }],
      ['PATCH', `/staff/users/${user.id}`, { roles: ['admin'] }]]) {
      const r = await call(`${srv.api}${path}`, { method, token: merchant, body });
      assert.equal(r.status, 403, `${method} ${path}`);
    }
    const listed = (await call(`${srv.api}/staff/users?q=${encodeURIComponent(email)}`, { token: admin })).body.items;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].invited, false);
  });

  test('who may call: 401 without a session, 403 for a buyer', async () => {
    assert.equal((await call(`${srv.api}/staff/users`)).status, 401);
    assert.equal((await call(`${srv.api}/staff/audit`)).status, 401);
    const email = `buyer-${randomUUID()}@shop.example`;
    assert.equal((await call(`${srv.api}/users`, { method: 'POST', body: { email, password: 'buyer passphrase 1' } })).status, 201);
    const buyer = await login(email, 'buyer passphrase 1');
    assert.equal((await call(`${srv.api}/staff/users`, { token: buyer })).status, 403);
    // A buyer's email cannot be invited, and buyers are not staff.
    const taken = await call(`${srv.api}/staff/users`, { method: 'POST', token: admin, body: { email, roles: ['agent'] } });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'email_taken');
    const listed = (await call(`${srv.api}/staff/users?q=${encodeURIComponent(email)}`, { token: admin })).body.items;
    assert.equal(listed.length, 0);
  });

  test('bad bodies are 422 with per-field errors', async () => {
    const bad = await call(`${srv.api}/staff/users`, { method: 'POST', token: admin, body: { email: 'nope', roles: ['merchant', 'buyer'] } });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.errors.email);
    assert.ok(bad.body.errors['roles[1]']);
    const none = await call(`${srv.api}/staff/users`, { method: 'POST', token: admin, body: { email: 'a@shop.example', roles: [] } });
    assert.ok(none.body.errors.roles);
    const { user } = await staffMember(['agent']);
    assert.ok((await patch(user.id, {})).body.errors.body);
    assert.ok((await patch(user.id, { disabled: 'yes' })).body.errors.disabled);
    assert.ok((await patch(user.id, { roles: ['owner'] })).body.errors['roles[0]']);
    assert.equal((await patch('usr_missing', { disabled: true })).status, 404);
    const dup = await call(`${srv.api}/staff/users`, { method: 'POST', token: admin, body: { email: adminEmail, roles: ['merchant'] } });
    assert.equal(dup.status, 409);
  });

  test('a role change applies at once', async () => {
    const m = await staffMember(['merchant']);
    assert.equal((await call(`${srv.api}/staff/tickets`, { token: m.token })).status, 403);
    const r = await patch(m.user.id, { roles: ['merchant', 'agent'] });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.roles, ['merchant', 'agent']);
    assert.equal((await call(`${srv.api}/staff/tickets`, { token: m.token })).status, 200);
  });

  test('disabling ends every session at once and refuses logins; enabling again lets them in', async () => {
    const m = await staffMember(['merchant']);
    const second = await login(m.email, m.password);
    const r = await patch(m.user.id, { disabled: true });
    assert.equal(r.status, 200);
    assert.equal(r.body.disabled, true);
    for (const token of [m.token, second]) assert.equal((await call(`${srv.api}/me`, { token })).status, 401);
    assert.equal(Number(sql(srv, `SELECT COUNT(*) FROM sessions WHERE user_id = '${m.user.id}'`)), 0);
    const refused = await call(`${srv.api}/sessions`, { method: 'POST', body: { email: m.email, password: m.password } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'account_disabled');
    const wrong = await call(`${srv.api}/sessions`, { method: 'POST', body: { email: m.email, password: 'not the password' } });
    assert.equal(wrong.status, 401, 'a wrong password does not learn that the account is disabled');

    assert.equal((await patch(m.user.id, { disabled: false })).body.disabled, false);
    assert.equal((await call(`${srv.api}/me`, { token: await login(m.email, m.password) })).status, 200);
  });

  test('a disabled invitation cannot be accepted', async () => {
    const { user, token } = await invite(`late-${randomUUID()}@shop.example`, ['agent']);
    assert.equal((await patch(user.id, { disabled: true })).status, 200);
    assert.equal((await accept(token, 'late passphrase 1')).status, 410);
  });

  test('the last enabled admin cannot lose the role or be disabled, even racing another admin', async () => {
    const me = (await call(`${srv.api}/me`, { token: admin })).body;
    for (const body of [{ disabled: true }, { roles: ['merchant'] }]) {
      const r = await patch(me.id, body);
      assert.equal(r.status, 409, JSON.stringify(body));
      assert.equal(r.body.code, 'last_admin');
    }
    // An invited admin who has not set a password does not count.
    const pending = await invite(`pending-${randomUUID()}@shop.example`, ['admin']);
    assert.equal((await patch(me.id, { disabled: true })).status, 409);

    // Two admins disabling each other at once: exactly one wins. The other is refused as the
    // last admin — or, when the winner's commit came first, its session has already ended (401).
    const other = await staffMember(['admin']);
    const results = await Promise.all([patch(other.user.id, { disabled: true }), patch(me.id, { disabled: true }, other.token)]);
    assert.equal(results.filter((r) => r.status === 200).length, 1, JSON.stringify(results.map((r) => r.body)));
    assert.ok(results.every((r) => [200, 401, 409].includes(r.status)), JSON.stringify(results.map((r) => r.body)));
    const enabledAdmins = (await call(`${srv.api}/staff/users?limit=100`, { token: results[0].status === 200 ? admin : other.token }))
      .body.items.filter((u) => u.roles.includes('admin') && !u.disabled && !u.invited);
    assert.equal(enabledAdmins.length, 1);
    // Put things back: the survivor enables the other again.
    if (results[0].status === 200) assert.equal((await patch(other.user.id, { disabled: false })).status, 200);
    else {
      assert.equal((await patch(me.id, { disabled: false }, other.token)).status, 200);
      admin = await login(adminEmail, adminPassword);
    }
    assert.equal((await patch(pending.user.id, { disabled: true })).status, 200);
  });

  test('the audit log records who did what, before → after, newest first, without secrets', async () => {
    const me = (await call(`${srv.api}/me`, { token: admin })).body;
    const m = await staffMember(['merchant']);
    assert.equal((await patch(m.user.id, { roles: ['agent'] })).status, 200);
    assert.equal((await patch(m.user.id, { roles: ['agent'] })).status, 200, 'no change: no entry');
    assert.equal((await patch(m.user.id, { disabled: true })).status, 200);
    const page = await call(`${srv.api}/staff/audit?target=${m.user.id}`, { token: admin });
    assert.equal(page.status, 200);
    assert.deepEqual(page.body.items.map((e) => e.action), ['user.update', 'user.update', 'user.accept', 'user.invite']);
    const [disable, roles, accepted, invited] = page.body.items;
    assert.equal(invited.actor_id, me.id);
    assert.equal(invited.actor_email, adminEmail);
    assert.equal(invited.before, null);
    assert.equal(invited.after.invited, true);
    assert.equal(accepted.actor_id, m.user.id);
    assert.deepEqual([accepted.before.invited, accepted.after.invited], [true, false]);
    assert.deepEqual([roles.before.roles, roles.after.roles], [['merchant'], ['agent']]);
    assert.deepEqual([disable.before.disabled, disable.after.disabled], [false, true]);
    assert.ok(disable.seq > roles.seq && Date.parse(disable.at) >= Date.parse(invited.at));

    // Paging: one at a time reaches the same entries.
    const seen = [];
    let cursor = null;
    do {
      const r = await call(`${srv.api}/staff/audit?target=${m.user.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
      seen.push(...r.body.items.map((e) => e.seq));
      cursor = r.body.next_cursor;
    } while (cursor);
    assert.deepEqual(seen, page.body.items.map((e) => e.seq));
    assert.equal((await call(`${srv.api}/staff/audit?cursor=bogus`, { token: admin })).status, 422);

    // Nothing secret in any entry: no password, hash, token or token hash.
    const all = JSON.stringify((await call(`${srv.api}/staff/audit?limit=100`, { token: admin })).body);
    for (const secret of secrets) assert.ok(!all.includes(secret), 'a password or token in the audit log');
    assert.ok(!/argon2|password|token/i.test(all), all);
    for (const hash of sql(srv, 'SELECT token_hash FROM invitations').split('\n')) assert.ok(!all.includes(hash));
  });

  test('the staff list pages and searches', async () => {
    const name = `Zed ${randomUUID().slice(0, 8)}`;
    const { user } = await invite(`zed-${randomUUID()}@shop.example`, ['agent'], name);
    const found = (await call(`${srv.api}/staff/users?q=${encodeURIComponent(name.toLowerCase())}`, { token: admin })).body.items;
    assert.deepEqual(found.map((u) => u.id), [user.id]);
    assert.equal((await call(`${srv.api}/staff/users?q=%25`, { token: admin })).body.items.length, 0, 'wildcards match literally');
    const all = (await call(`${srv.api}/staff/users?limit=100`, { token: admin })).body.items;
    const ids = [];
    let cursor = null;
    do {
      const r = await call(`${srv.api}/staff/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
      ids.push(...r.body.items.map((u) => u.id));
      cursor = r.body.next_cursor;
    } while (cursor);
    assert.deepEqual(ids, all.map((u) => u.id));
    const newest = all.map((u) => u.created_at).sort().at(-1);
    assert.equal(all[0].created_at, newest, 'newest first');
    assert.ok(all.filter((u) => u.created_at === newest).some((u) => u.id === user.id));
  });
});
