// Browser tests of staff accounts (issue 20) against the real server, in Chromium: the admin
// invites a merchant in the console (#/staff/users), the invitee opens the mail's link
// (#/accept-invite?token=…), sets a password and lands in the order console, logged in; the
// admin disables the account behind the confirmation dialog and reads the audit log. Screenshots
// of the three screens at 1280×800 and 390×844@3, in English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import {
  startServer, launchBrowser, newPage, waitReady, clickMirror, reveal, screenshot, waitIdle, PHONE, role, text,
} from './helpers.mjs';

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

const T = 15000;
const api = (path) => `${server.origin}/api/v1${path}`;
const realErrors = (page) => page.consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));

async function click(page, r, name) {
  await waitIdle(page, 150);
  await clickMirror(page, await reveal(page, role(page, r, name)));
}

async function typeInto(page, name, value) {
  await click(page, 'textbox', name);
  await page.keyboard.type(value);
}

async function open(path, opts = {}) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.origin}/#${path}`);
  await waitReady(page);
  return page;
}

async function adminToken() {
  const r = await fetch(api('/sessions'), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@satstore.test', password: 'satstore-demo' }),
  });
  return (await r.json()).token;
}

// The token of the newest invitation mail to `email` (the demo outbox).
async function invitationToken(email) {
  const r = await fetch(api('/dev/outbox'), { headers: { authorization: `Bearer ${await adminToken()}` } });
  const mail = (await r.json()).items.find((m) => m.to === email);
  assert.ok(mail, `an invitation mail to ${email}`);
  return mail.body.match(/#\/accept-invite\?token=(\S+)/)[1];
}

async function loginAsAdmin(page) {
  await typeInto(page, 'Email', 'admin@satstore.test');
  await typeInto(page, 'Password', 'satstore-demo');
  await click(page, 'button', 'Log in');
  await role(page, 'button', 'Log out').waitFor({ state: 'attached', timeout: T });
}

test('an admin invites a merchant, who sets a password through the link and is logged in', async () => {
  const page = await open('/login');
  await loginAsAdmin(page);
  await page.goto(`${server.origin}/#/staff/orders`);
  await click(page, 'tab', 'Staff accounts');
  await role(page, 'heading', 'Staff accounts').waitFor({ state: 'attached', timeout: T });
  assert.equal(new URL(page.url()).hash, '#/staff/users');

  // Nothing chosen: the form says what is missing without asking the server.
  await click(page, 'button', 'Send invitation');
  await text(page, 'Choose at least one role.').waitFor({ state: 'attached', timeout: T });

  const email = `new-merchant-${randomUUID().slice(0, 8)}@shop.example`;
  await typeInto(page, 'Email', email);
  await typeInto(page, 'Name', 'Mei Lin');
  await click(page, 'checkbox', 'Merchant');
  await screenshot(page, 'staff-users-invite-desktop-en');
  await click(page, 'button', 'Send invitation');
  await text(page, `Invitation sent to ${email}`).waitFor({ state: 'attached', timeout: T });
  await text(page, 'Mei Lin').waitFor({ state: 'attached', timeout: T });
  await text(page, 'Invitation pending').first().waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'staff-users-desktop-en');

  // The invitee opens the link in another browser.
  const token = await invitationToken(email);
  const invitee = await open(`/accept-invite?token=${token}`);
  await role(invitee, 'heading', 'Join the staff').waitFor({ state: 'attached', timeout: T });
  await typeInto(invitee, 'New password', 'short');
  await click(invitee, 'button', 'Set password and log in');
  await text(invitee, 'Password must be at least 10 characters.').waitFor({ state: 'attached', timeout: T });
  await screenshot(invitee, 'accept-invite-desktop-en');
  await click(invitee, 'textbox', 'New password');
  await invitee.keyboard.press('Control+A');
  await invitee.keyboard.type('merchant passphrase 9');
  await typeInto(invitee, 'Repeat new password', 'merchant passphrase 9');
  await click(invitee, 'button', 'Set password and log in');
  await invitee.waitForFunction(() => location.hash === '#/staff/orders', null, { timeout: T });
  await role(invitee, 'button', 'Log out').waitFor({ state: 'attached', timeout: T });
  assert.equal(await role(invitee, 'tab', 'Staff accounts').count(), 0, 'a merchant sees no staff tabs');
  assert.deepEqual(realErrors(invitee), []);

  // The admin's list shows the account as active now; disabling asks first.
  await click(page, 'tab', 'Audit log');
  await text(page, 'Invitation accepted  ·  ' + (await userId(email))).waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'staff-audit-desktop-en');
  await click(page, 'tab', 'Staff accounts');
  await click(page, 'button', `Disable: ${email}`);
  await role(page, 'heading', `Disable ${email}?`).or(text(page, `Disable ${email}?`)).first().waitFor({ state: 'attached', timeout: T });
  await screenshot(page, 'staff-users-disable-dialog-desktop-en');
  await click(page, 'button', 'Disable');
  await text(page, 'Account disabled').waitFor({ state: 'attached', timeout: T });
  await text(page, 'Disabled').first().waitFor({ state: 'attached', timeout: T });
  // The invitee's session ended at once.
  const me = await invitee.evaluate(async (url) => (await fetch(url, { headers: { authorization: `Bearer ${localStorage.getItem('satstore.token')}` } })).status, api('/me'));
  assert.equal(me, 401);
  assert.deepEqual(realErrors(page), []);
});

async function userId(email) {
  const r = await fetch(api(`/staff/users?q=${encodeURIComponent(email)}`), { headers: { authorization: `Bearer ${await adminToken()}` } });
  return (await r.json()).items[0].id;
}

test('screenshots: Chinese and phone', async () => {
  for (const [name, opts] of [['desktop-zh', { locale: 'zh-CN' }], ['phone-en', { device: PHONE }], ['phone-zh', { locale: 'zh-CN', device: PHONE }]]) {
    const page = await open('/login', opts);
    const token = await adminToken();
    await page.evaluate((t) => localStorage.setItem('satstore.token', t), token);
    await page.goto(`${server.origin}/#/staff/users`);
    await page.reload();
    await waitReady(page);
    await page.locator('#a11y').getByRole('heading', { level: 1 }).first().waitFor({ state: 'attached', timeout: T });
    await screenshot(page, `staff-users-${name}`);
    await page.goto(`${server.origin}/#/staff/audit`);
    await waitIdle(page, 400);
    await screenshot(page, `staff-audit-${name}`);
    await page.goto(`${server.origin}/#/accept-invite?token=abc`);
    await waitIdle(page, 400);
    await screenshot(page, `accept-invite-${name}`);
    await page.context().close();
  }
});
