// Long lists in the browser: a buyer with 1,000 orders. My Orders draws only the cards on screen
// (the mirror holds a screenful, not a thousand), loads the next page as the list scrolls, and
// a status filter asks the server for that status. Prints the slowest frame while scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, launchBrowser, newPage, waitReady, waitIdle, clickMirror, openWithStorage } from './helpers.mjs';

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

const role = (page, r, name) => page.locator('#a11y').getByRole(r, { name, exact: true });

async function api(path, { method = 'GET', token, body } = {}) {
  const r = await fetch(`${server.origin}/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}

const address = {
  name: 'Li Lei', phone: '+86 138 0000 0000', country: 'CN', region: '上海市', city: '上海市',
  district: '浦东新区', street: '世纪大道 1 号', postal_code: '200120',
};

// Places `count` unpaid orders of one unit each, spread over the products in stock, 8 at a time.
async function placeOrders(token, count) {
  // One slot per unit in stock, dealt round the products, so no product runs out.
  const products = (await api('/products?limit=48')).body.items;
  const slots = [];
  for (let round = 0; slots.length < count; round++) {
    const before = slots.length;
    for (const p of products) if (p.variants.length === 1 && p.stock > round && slots.length < count) slots.push(p);
    assert.ok(slots.length > before, `the demo catalog holds ${slots.length} units, fewer than ${count}`);
  }
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const product = slots[next++];
      const r = await api('/orders', {
        method: 'POST', token,
        body: { lines: [{ product_id: product.id, qty: 1 }], ship_to: address, pay_currency: 'BTC', lang: 'en' },
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

test('My Orders with 1,000 orders draws a screenful, pages in as it scrolls, and filters on the server', async () => {
  const email = `many-${randomUUID().slice(0, 8)}@example.com`;
  assert.equal((await api('/users', { method: 'POST', body: { email, password: 'a long passphrase' } })).status, 201);
  const token = (await api('/sessions', { method: 'POST', body: { email, password: 'a long passphrase' } })).body.token;
  await placeOrders(token, 1000);
  const all = [];
  for (let cursor = ''; ;) {
    const page = (await api(`/orders?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token })).body;
    all.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  assert.equal(all.length, 1000);
  const newest = all[0].number;
  const oldest = all[all.length - 1].number;

  const page = await newPage(browser);
  await openWithStorage(page, server.origin, '/orders', { 'satstore.token': token });
  const orderLink = (number) => role(page, 'link', `Order ${number}`);
  await orderLink(newest).waitFor({ state: 'attached', timeout: 10000 });
  await waitIdle(page);
  const drawn = () => page.locator('#a11y').getByRole('link', { name: /^Order / }).count();
  const onScreen = await drawn();
  assert.ok(onScreen > 0 && onScreen < 20, `a screenful of cards in the mirror, not the list: ${onScreen}`);

  // Scroll to the end: the pages load one after another until the oldest order shows.
  await page.evaluate(() => { window.satstore.maxFrameMs = 0; });
  await page.mouse.move(640, 400);
  const deadline = Date.now() + 90000;
  while ((await orderLink(oldest).count()) === 0) {
    assert.ok(Date.now() < deadline, 'reached the oldest order');
    await page.mouse.wheel(0, 20000);
    await page.waitForTimeout(100);
  }
  const slowest = await page.evaluate(() => window.satstore.maxFrameMs);
  console.log(`# My Orders, 1,000 orders: slowest frame while scrolling ${slowest.toFixed(1)} ms, ${await drawn()} cards in the mirror at the end`);
  assert.ok((await drawn()) < 20, 'still a screenful at the end of the list');
  // Clipping: the frame submits the cards on screen, not the 1,000 loaded.
  const submitted = await page.evaluate(() => window.satstore.itemsSubmitted);
  console.log(`# My Orders at the end of 1,000 orders: ${submitted} items submitted in a frame`);
  assert.ok(submitted < 100, `items given to ImGui in a frame: ${submitted}`);
  assert.equal(await role(page, 'button', 'Load more').count(), 0, 'no more pages');

  // A filter asks the server: 3 cancelled orders show alone.
  for (const o of all.slice(0, 3)) assert.equal((await api(`/orders/${o.id}/cancel`, { method: 'POST', token, body: { reason: 'test' } })).status, 200);
  await page.reload();
  await waitReady(page);
  await orderLink(newest).waitFor({ state: 'attached', timeout: 10000 });
  await clickMirror(page, role(page, 'tab', 'Cancelled'));
  await orderLink(all[2].number).waitFor({ state: 'attached', timeout: 10000 });
  await waitIdle(page);
  assert.equal(await drawn(), 3);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a ticket thread of 300 messages draws the messages on screen, down to the last one', async () => {
  const email = `long-${randomUUID().slice(0, 8)}@example.com`;
  assert.equal((await api('/users', { method: 'POST', body: { email, password: 'a long passphrase' } })).status, 201);
  const token = (await api('/sessions', { method: 'POST', body: { email, password: 'a long passphrase' } })).body.token;
  const ticket = await api('/tickets', {
    method: 'POST', token,
    body: { category: 'order', subject: 'A long conversation', description: 'Where is my parcel?', contact: { email } },
  });
  assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
  for (let i = 1; i <= 300; i++) {
    const body = `Message number ${i}${i % 7 === 0 ? ': a longer one that wraps over more than one line on a phone and on a desktop, so the heights differ from message to message.' : ''}`;
    const r = await api(`/tickets/${ticket.body.id}/messages`, { method: 'POST', token, body: { body } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }

  const page = await newPage(browser);
  await openWithStorage(page, server.origin, `/tickets/${ticket.body.id}`, { 'satstore.token': token });
  const messages = () => page.locator('#a11y').getByText(/^Message number \d+/).count();
  await page.locator('#a11y').getByText('Message number 1', { exact: true }).waitFor({ state: 'attached', timeout: 10000 });
  await waitIdle(page);
  const first = await messages();
  assert.ok(first > 0 && first < 30, `a screenful of messages in the mirror: ${first}`);

  await page.evaluate(() => { window.satstore.maxFrameMs = 0; });
  await page.mouse.move(640, 400);
  const last = page.locator('#a11y').getByText('Message number 300', { exact: true });
  const deadline = Date.now() + 60000;
  while ((await last.count()) === 0) {
    assert.ok(Date.now() < deadline, 'reached the last message');
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(50);
  }
  await waitIdle(page);
  const slowest = await page.evaluate(() => window.satstore.maxFrameMs);
  console.log(`# ticket thread, 300 messages: slowest frame while scrolling ${slowest.toFixed(1)} ms`);
  const end = await messages();
  assert.ok(end > 0 && end < 30, `still a screenful at the end: ${end}`);
  // Clipping: the messages scrolled away are not submitted at all (each submits its texts).
  const submitted = await page.evaluate(() => window.satstore.itemsSubmitted);
  console.log(`# ticket thread at its end: ${submitted} items submitted in a frame`);
  assert.ok(submitted < 150, `items given to ImGui in a frame: ${submitted}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
