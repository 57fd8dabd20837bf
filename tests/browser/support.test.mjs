// The support center in Chromium (issue 6): a buyer files a ticket about an order with a
// screenshot, an agent replies from the console, the buyer answers and rates it; Chinese typed
// through IME composition into the subject lands once; a recovery phrase in the description is
// refused with a warning before anything is sent; a closed ticket offers a new ticket that
// references it; screenshots of every support screen (desktop and phone, English and Chinese).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import {
  startServer, launchBrowser, newPage, waitReady, waitIdle, fieldValue, waitForFieldValue, screenshot,
  DESKTOP, PHONE,
  reveal, click, openWithStorage,
} from './helpers.mjs';
import { call, demoAccounts, login } from '../support/server.mjs';

let server;
let browser;
let api;
let buyer;
let agent;
let order;

// A 1×1 PNG (the server sniffs the type from the bytes).
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
// Made with Debian's python3-mnemonic (as in tests/api/tickets.test.mjs); holds no funds.
const mnemonic = 'hub exile add invite trigger extra believe door flower fence color snack';

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = `${server.origin}/api/v1`;
  buyer = await login(api, demoAccounts.buyer);
  agent = await login(api, demoAccounts.agent);
  const products = (await call(`${api}/products?limit=100`)).body.items.sort((a, b) => b.stock - a.stock);
  const r = await call(`${api}/orders`, {
    method: 'POST', token: buyer, headers: { 'idempotency-key': randomUUID() },
    body: {
      lines: [{ product_id: products[0].id, qty: 1 }], pay_currency: 'BTC', lang: 'en',
      ship_to: { name: '李四', phone: '13900139000', country: 'CN', region: '北京市', city: '北京市', district: '海淀区', street: '中关村大街1号', postal_code: '100080' },
    },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  order = r.body;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const a11y = (page) => page.locator('#a11y');
const role = (page, r, name) => a11y(page).getByRole(r, { name, exact: typeof name === 'string' });
const text = (page, t) => a11y(page).getByText(t, { exact: typeof t === 'string' });

async function focusField(page, name) {
  await click(page, role(page, 'textbox', name));
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime', null, { timeout: 10000 });
}

async function typeInto(page, name, value) {
  await focusField(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await waitForFieldValue(page, name, value, 10000);
}

// Opens `path` signed in with `token`.
async function open(path, token, opts = {}) {
  const page = await newPage(browser, opts);
  await openWithStorage(page, server.origin, path, { 'satstore.token': token });
  await waitIdle(page);
  return page;
}

const myTickets = async () => (await call(`${api}/tickets?limit=100`, { token: buyer })).body.items;
const ticketOf = async (id) => (await call(`${api}/tickets/${id}`, { token: buyer })).body;

async function until(fn, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a buyer files a ticket about an order with a screenshot; an agent replies; the buyer answers and rates it', async () => {
  const page = await open(`/tickets/new?order=${order.id}`, buyer);
  // The order picker shows the order once my orders have loaded.
  await role(page, 'button', new RegExp(`^Order \\(optional\\): ${order.number}`)).waitFor({ state: 'attached', timeout: 10000 });
  await click(page, role(page, 'tab', 'Shipping'));
  const subject = `Parcel not here yet ${randomUUID().slice(0, 8)}`;
  await typeInto(page, 'Subject', subject);
  await typeInto(page, 'Description', 'The tracking page has not moved for a week.');
  await typeInto(page, 'Contact email', 'buyer@satstore.test');

  await reveal(page, role(page, 'button', 'Add images'));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10000 }),
    click(page, role(page, 'button', 'Add images')),
  ]);
  await chooser.setFiles({ name: 'tracking.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => {
    const t = document.querySelector('#a11y').textContent + [...document.querySelectorAll('#a11y [aria-label]')].map((e) => e.getAttribute('aria-label')).join(' ');
    return t.includes('tracking.png') && !t.includes('Uploading');
  }, null, { timeout: 10000 });

  await click(page, role(page, 'button', 'Submit ticket'));
  const banner = role(page, 'heading', /^Ticket T-\d+ submitted$/);
  await banner.waitFor({ state: 'attached', timeout: 10000 });
  const number = (await banner.getAttribute('aria-label') ?? await banner.textContent()).match(/T-\d+/)[0];
  await text(page, 'Queue').first().waitFor({ state: 'attached' });
  await text(page, 'Orders').first().waitFor({ state: 'attached' });
  await text(page, 'First response due').first().waitFor({ state: 'attached' });
  assert.match(await page.evaluate(() => location.hash), /^#\/tickets\/tkt_/);

  const t = (await myTickets()).find((x) => x.number === number);
  assert.ok(t, 'the ticket is stored');
  assert.equal(t.subject, subject);
  assert.equal(t.category, 'shipping');
  assert.equal(t.queue, 'orders');
  assert.equal(t.order_id, order.id);
  assert.equal(t.attachments.length, 1, 'the screenshot is attached');
  await screenshot(page, 'support-thread-new-desktop-en');

  // The agent answers from the console.
  const console_ = await open('/staff/tickets', agent);
  const row = role(console_, 'link', `Ticket ${number}`);
  await row.waitFor({ state: 'attached', timeout: 10000 });
  await text(console_, /^Reply due in \d\d:\d\d:\d\d$/).first().waitFor({ state: 'attached', timeout: 10000 });
  await screenshot(console_, 'support-staff-queue-desktop-en');
  await click(console_, row);
  await role(console_, 'heading', subject).waitFor({ state: 'attached', timeout: 10000 });
  await text(console_, `Ticket ${number}`).waitFor({ state: 'attached' });
  await click(console_, role(console_, 'button', 'Assign to me'));
  await until(async () => (await ticketOf(t.id)).assignee, 'the assignment');
  await typeInto(console_, 'Reply to the customer', 'Sorry about that: the carrier confirms it arrives tomorrow.');
  await click(console_, role(console_, 'button', 'Send reply'));
  await until(async () => (await ticketOf(t.id)).messages.length === 1, 'the agent reply');
  assert.equal((await ticketOf(t.id)).status, 'open');
  await screenshot(console_, 'support-staff-ticket-desktop-en');

  // The buyer sees the reply and answers.
  await page.reload();
  await waitReady(page);
  await text(page, 'Sorry about that: the carrier confirms it arrives tomorrow.').waitFor({ state: 'attached', timeout: 10000 });
  await typeInto(page, 'Your message', 'Thanks, it just arrived.');
  await click(page, role(page, 'button', 'Send reply'));
  await until(async () => (await ticketOf(t.id)).messages.length === 2, 'the buyer answer');

  // The agent resolves it; the buyer rates it.
  await console_.reload();
  await waitReady(console_);
  await role(console_, 'heading', subject).waitFor({ state: 'attached', timeout: 10000 });
  await click(console_, role(console_, 'button', 'Set to: Resolved'));
  await until(async () => (await ticketOf(t.id)).status === 'resolved', 'resolved');
  await page.reload();
  await waitReady(page);
  await click(page, role(page, 'button', 'Rate 5'));
  await typeInto(page, 'Comment (optional)', 'Quick and kind.');
  await click(page, role(page, 'button', 'Submit rating'));
  await role(page, 'heading', 'Your rating: 5 / 5').waitFor({ state: 'attached', timeout: 10000 });
  const rated = await ticketOf(t.id);
  assert.equal(rated.rating.score, 5);
  assert.equal(rated.rating.comment, 'Quick and kind.');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
  await console_.context().close();
});

test('Chinese typed through IME composition into the subject lands once', async () => {
  const page = await open('/tickets/new', buyer);
  await focusField(page, 'Subject');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'bao', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'baoguo', selectionStart: 6, selectionEnd: 6 });
  await waitIdle(page, 150);
  assert.equal(await fieldValue(page, 'Subject'), '', 'nothing lands while composing');
  await cdp.send('Input.insertText', { text: '包裹' });
  await waitForFieldValue(page, 'Subject', '包裹', 10000);
  await waitIdle(page, 200);
  assert.equal(await fieldValue(page, 'Subject'), '包裹');
  await page.context().close();
});

test('a recovery phrase in the description is refused with a warning, and nothing is sent', async () => {
  const before = (await myTickets()).length;
  const page = await open('/tickets/new', buyer);
  await typeInto(page, 'Subject', 'Wallet question');
  await typeInto(page, 'Description', `My words are ${mnemonic}`);
  // The core scanner runs as the description is edited: the warning shows before sending.
  const warning = 'This looks like a wallet recovery phrase. Never share it, not even with support: remove it before sending.';
  await text(page, warning).first().waitFor({ state: 'attached', timeout: 10000 });
  await typeInto(page, 'Contact email', 'buyer@satstore.test');
  await click(page, role(page, 'button', 'Submit ticket'));
  await waitIdle(page, 300);
  await text(page, warning).first().waitFor({ state: 'attached', timeout: 10000 });
  await screenshot(page, 'support-secret-warning-desktop-en');
  await waitIdle(page, 300);
  assert.equal((await myTickets()).length, before, 'no ticket was created');
  // The server refuses it too (the client is not the only guard).
  const r = await call(`${api}/tickets`, {
    method: 'POST', token: buyer,
    body: { category: 'account', subject: 'x', description: mnemonic, contact: { email: 'buyer@satstore.test' } },
  });
  assert.equal(r.status, 422);
  assert.equal(r.body.code, 'secret_detected');
  await page.context().close();
});

test('a closed ticket refuses replies and offers a new ticket that references it', async () => {
  const created = await call(`${api}/tickets`, {
    method: 'POST', token: buyer,
    body: { category: 'refund', subject: 'Refund timing', description: 'When does my refund arrive?', contact: { email: 'buyer@satstore.test' } },
  });
  assert.equal(created.status, 201);
  const closed = await call(`${api}/tickets/${created.body.id}/close`, { method: 'POST', token: buyer, body: {} });
  assert.equal(closed.status, 200);
  const page = await open(`/tickets/${created.body.id}`, buyer);
  await role(page, 'heading', 'Refund timing').waitFor({ state: 'attached', timeout: 10000 });
  await reveal(page, role(page, 'button', 'New ticket about this'));
  assert.equal(await role(page, 'textbox', 'Your message').count(), 0, 'no reply box on a closed ticket');
  await screenshot(page, 'support-closed-desktop-en');
  await click(page, role(page, 'button', 'New ticket about this'));
  await page.waitForFunction((n) => location.hash.includes(`related=${n}`), created.body.number, { timeout: 10000 });
  await text(page, `About earlier ticket ${created.body.number}`).waitFor({ state: 'attached', timeout: 10000 });
  await typeInto(page, 'Subject', 'Refund still missing');
  await typeInto(page, 'Description', 'Following up on my closed ticket.');
  await typeInto(page, 'Contact email', 'buyer@satstore.test');
  await click(page, role(page, 'button', 'Submit ticket'));
  await role(page, 'heading', /^Ticket T-\d+ submitted$/).waitFor({ state: 'attached', timeout: 10000 });
  const follow = (await myTickets()).find((x) => x.subject === 'Refund still missing');
  assert.equal(follow.related_ticket.number, created.body.number);
  await page.context().close();
});

test('a long description wraps inside its box, which grows with it; the text is stored as typed', async () => {
  const page = await open('/tickets/new', buyer);
  await typeInto(page, 'Subject', 'Long story');
  const box = () => role(page, 'textbox', 'Description').boundingBox();
  const empty = await box();
  const words = 'The parcel left Shenzhen on Monday and the tracking page has not moved since then, ' +
    'so I would like to know where it is and when it will arrive at my door.';
  const chinese = '包裹周一从深圳发出以后物流信息一直没有更新请帮我查一下现在在哪里什么时候能送到';
  const long = `${words} ${chinese} ${words} ${chinese}${words} ${words}${chinese} ${words} ${words}`;
  // Long text goes in as one commit (as a paste or an IME brings it): keystrokes this fast are
  // dropped by the browser's test input, in any text field.
  const insert = async (t) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', { text: t });
    await cdp.detach();
  };
  await focusField(page, 'Description');
  await insert(long);
  await waitForFieldValue(page, 'Description', long, 10000);
  const grown = await box();
  // Wrapped, not scrolled sideways: the box keeps its width and takes more lines.
  assert.equal(grown.width, empty.width);
  assert.equal(grown.x, empty.x);
  assert.ok(grown.height > empty.height + 30, `the box grew from ${empty.height} to ${grown.height} px`);
  await screenshot(page, 'support-description-wrapped-desktop-en');
  // Editing at the end: Backspace removes typed characters (the soft breaks are not in the value).
  for (let i = 0; i < 12; i++) {  // one key per frame, as a person types
    await page.keyboard.press('Backspace');
    await waitIdle(page, 50);
  }
  await waitForFieldValue(page, 'Description', long.slice(0, -12), 10000);
  // A typed line break is kept; the soft ones are never stored.
  await page.keyboard.press('Enter');
  await waitIdle(page, 50);
  await page.keyboard.type('Thanks!', { delay: 40 });
  const typed = `${long.slice(0, -12)}\nThanks!`;
  // Far more than the box holds: it stops growing and scrolls.
  const more = ` ${words}`.repeat(12);
  await insert(more);
  await waitForFieldValue(page, 'Description', `${typed}${more}`.replace(/\n/g, ''), 10000);
  const full = await box();
  assert.ok(full.height <= 330 && full.height >= grown.height, `capped at its max height (${full.height} px)`);
  await typeInto(page, 'Contact email', 'buyer@satstore.test');
  await click(page, role(page, 'button', 'Submit ticket'));
  await role(page, 'heading', /^Ticket T-\d+ submitted$/).waitFor({ state: 'attached', timeout: 10000 });
  const t = (await myTickets()).find((x) => x.subject === 'Long story');
  assert.equal(t.description, `${typed}${more}`);
  // The contact row's two fields line up.
  await page.context().close();
  const form = await open('/tickets/new', buyer);
  await reveal(form, role(form, 'textbox', 'Contact phone'));
  const email = await role(form, 'textbox', 'Contact email').boundingBox();
  const tel = await role(form, 'textbox', 'Contact phone').boundingBox();
  assert.ok(Math.abs(email.y - tel.y) < 1, `contact phone at y=${tel.y}, email at y=${email.y}`);
  await form.context().close();
});

test('screenshots: help center, ticket form, my tickets and the agent console in both languages', async () => {
  for (const [device, dname] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    for (const [locale, lname] of [['en-US', 'en'], ['zh-CN', 'zh']]) {
      const page = await open('/help', buyer, { device, locale });
      const search = lname === 'en' ? 'Search help' : '搜索帮助';
      await role(page, 'textbox', search).waitFor({ state: 'attached', timeout: 10000 });
      await screenshot(page, `support-help-${dname}-${lname}`);
      if (dname === 'desktop') {
        // Filter as you type, then open an answer.
        await typeInto(page, search, lname === 'en' ? 'refund' : '退款');
        await waitIdle(page, 200);
        const q = a11y(page).getByRole('button').filter({ hasText: lname === 'en' ? /refund/i : /退款/ }).first();
        await click(page, q);
        await screenshot(page, `support-help-search-${dname}-${lname}`);
      }
      for (const [path, name] of [['/tickets/new', 'form'], ['/tickets', 'list']]) {
        await page.goto(`${server.origin}/#${path}`);
        await waitIdle(page, 400);
        await screenshot(page, `support-${name}-${dname}-${lname}`);
      }
      await page.context().close();
      const staff = await open('/staff/tickets', agent, { device, locale });
      await staff.locator('#a11y').getByRole('link', { name: /^(Ticket|工单) T-/ }).first().waitFor({ state: 'attached', timeout: 10000 });
      await screenshot(staff, `support-staff-${dname}-${lname}`);
      await staff.context().close();
    }
  }
});
