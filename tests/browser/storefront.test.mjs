// Browser tests of the storefront against the real server (node --test).
//
// The canvas is driven through the accessibility mirror (#a11y): every ImGui item has a
// transparent element with an ARIA role, the visible label as its name and the item's on-screen
// rectangle. Roles used by the storefront:
//   button   — buttons ("Add to cart", "Cart", "Log in", "Log out", "Register", "中文"/"EN", "Retry")
//   link     — product cards and cart lines (name = product title), the store name, text links
//   heading  — page headings (level 1) and the product title on the detail page
//   textbox  — fields, named by their label ("Email", "Password", "Search products"); value mirrored
//              except for passwords
//   tab      — "Log in" / "Register" on the login page
//   status   — the cart badge ("Cart items: N") and toasts; alert for error toasts
// Elements have pointer-events: none, so tests click the centre of their box with page.mouse.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, waitReady, clickMirror, screenshot, waitIdle, waitForFieldValue,
  DESKTOP, PHONE, DEMO_BUYER, pixelsIn,
} from './helpers.mjs';

let server;
let browser;
let products;  // the demo catalog as the API returns it

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const r = await fetch(`${server.origin}/api/v1/products?limit=48`);
  products = (await r.json()).items;
  assert.ok(products.length > 0, 'demo catalog is empty');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const role = (page, r, name) => page.locator('#a11y').getByRole(r, { name, exact: true });

async function open(path = '/', opts = {}) {
  const page = await newPage(browser, opts);
  await page.goto(`${server.origin}/#${path}`);
  await waitReady(page);
  return page;
}

async function typeInto(page, name, text) {
  await clickMirror(page, role(page, 'textbox', name));
  await page.keyboard.type(text);
}

test('catalog shows product titles as links in the mirror', async () => {
  const page = await open('/');
  for (const p of products.slice(0, 4)) {
    await role(page, 'link', p.title).waitFor({ state: 'attached', timeout: 5000 });
  }
  await role(page, 'heading', 'All products').waitFor({ state: 'attached' });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('Cart button opens the (empty) cart; Log in opens the login form', async () => {
  const page = await open('/');
  await clickMirror(page, role(page, 'button', 'Cart'));
  await role(page, 'heading', 'Your cart').waitFor({ state: 'attached' });
  await role(page, 'button', 'Browse products').waitFor({ state: 'attached' });
  assert.equal(new URL(page.url()).hash, '#/cart');
  await clickMirror(page, role(page, 'button', 'Log in'));
  await role(page, 'textbox', 'Email').waitFor({ state: 'attached' });
  assert.equal(new URL(page.url()).hash, '#/login');
  await page.context().close();
});

test('log in as the demo buyer, then log out', async () => {
  const page = await open('/login');
  await typeInto(page, 'Email', DEMO_BUYER.email);
  await typeInto(page, 'Password', 'wrong-password');
  await clickMirror(page, role(page, 'button', 'Log in'));
  await page.getByText('Email or password is incorrect.').waitFor({ state: 'attached', timeout: 10000 });
  // The mirror exposes the email value but never the password.
  assert.equal(await role(page, 'textbox', 'Email').inputValue(), DEMO_BUYER.email);
  assert.equal(await role(page, 'textbox', 'Password').getAttribute('value'), null);

  await clickMirror(page, role(page, 'textbox', 'Password'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(DEMO_BUYER.password);
  await clickMirror(page, role(page, 'button', 'Log in'));
  await role(page, 'button', 'Log out').waitFor({ state: 'attached', timeout: 10000 });
  assert.equal(new URL(page.url()).hash, '#/');
  const token = await page.evaluate(() => localStorage.getItem('satstore.token'));
  assert.ok(token && token.length > 10, 'session token stored');

  await page.reload();
  await waitReady(page);
  await role(page, 'button', 'Log out').waitFor({ state: 'attached', timeout: 10000 });
  await clickMirror(page, role(page, 'button', 'Log out'));
  await role(page, 'button', 'Log in').waitFor({ state: 'attached', timeout: 10000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('satstore.token')), null);
  await page.context().close();
});

test('wheel scrolls the content; Tab and Enter work in the login form', async () => {
  const page = await open('/');
  const last = role(page, 'link', products[products.length - 1].title);
  await role(page, 'link', products[0].title).waitFor({ state: 'attached' });
  // A card of the second row: partly below the fold before scrolling, well inside after.
  const card = role(page, 'link', products[4].title);
  const y0 = await card.evaluate((e) => e.getBoundingClientRect().y);
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 400);
  await waitIdle(page);
  const y1 = await card.evaluate((e) => e.getBoundingClientRect().y);
  assert.ok(y1 < y0 - 250, `content scrolled (${y0} -> ${y1})`);
  assert.equal(await role(page, 'button', 'Cart').count(), 1, 'top bar stays');
  await page.mouse.wheel(0, 100000);
  await last.waitFor({ state: 'attached', timeout: 5000 });

  await page.goto(`${server.origin}/#/login`);
  await typeInto(page, 'Email', DEMO_BUYER.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_BUYER.password);
  await page.keyboard.press('Enter');
  await role(page, 'button', 'Log out').waitFor({ state: 'attached', timeout: 10000 });
  await page.context().close();
});

test('search by typing; Chinese text arrives through the IME textarea', async () => {
  const page = await open('/');
  await typeInto(page, 'Search products', 'hoodie');
  await page.keyboard.press('Enter');
  await role(page, 'heading', 'Results for “hoodie”').waitFor({ state: 'attached', timeout: 5000 });
  assert.match(decodeURIComponent(new URL(page.url()).hash), /q=hoodie/);
  const hoodie = products.find((p) => /hoodie/i.test(p.title));
  await role(page, 'link', hoodie.title).waitFor({ state: 'attached', timeout: 5000 });

  // insertText fires `input` without key events, as an IME commit or a paste does.
  await clickMirror(page, role(page, 'textbox', 'Search products'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('卫衣');
  await waitForFieldValue(page, 'Search products', '卫衣');
  await page.context().close();
});

test('a quote mark in a heading sits a space from the word before it, not half an em', async () => {
  const page = await open('/?q=xyzzy');
  const heading = role(page, 'heading', 'Results for “xyzzy”');
  await heading.waitFor({ state: 'attached', timeout: 5000 });
  const b = await heading.boundingBox();
  // The widest run of ink-free columns inside the heading: the gap between two words.
  const { width, height, data } = await pixelsIn(page, { x: b.x, y: b.y, width: b.width, height: b.height });
  const inked = (x) => {
    for (let y = 0; y < height; y++) if (data[(y * width + x) * 4] < 128) return true;
    return false;
  };
  let gap = 0, run = 0, seen = false;
  for (let x = 0; x < width; x++) {
    if (inked(x)) { if (seen) gap = Math.max(gap, run); run = 0; seen = true; } else run++;
  }
  // A space at 24 px and the letters' side bearings make about 10 px; WenQuanYi's full-width “
  // used to add 14 px more.
  assert.ok(gap > 3 && gap <= 14, `widest gap in the heading: ${gap} px`);
  await page.context().close();
});

test('register shows per-field errors from the API', async () => {
  const page = await open('/register');
  await role(page, 'tab', 'Register').waitFor({ state: 'attached' });
  await typeInto(page, 'Email', 'not-an-email');
  await typeInto(page, 'Password', 'x');
  await clickMirror(page, role(page, 'button', 'Register'));
  // 422 with errors.email / errors.password: shown under the fields.
  await page.waitForFunction(() => {
    const texts = [...document.querySelectorAll('#a11y > div:not([role])')].map((e) => e.textContent);
    return texts.length > 0 && texts.some((t) => /mail/i.test(t)) && texts.some((t) => /password/i.test(t));
  }, null, { timeout: 10000 });
  await page.context().close();
});

test('Add to cart updates the badge and survives a reload', async () => {
  const page = await open('/');
  const first = products.find((p) => p.variants.length === 1 && p.stock > 0);
  await clickMirror(page, page.locator('#a11y').getByRole('button', { name: 'Add to cart', exact: true }).first());
  await role(page, 'status', 'Cart items: 1').waitFor({ state: 'attached', timeout: 5000 });
  await page.reload();
  await waitReady(page);
  await role(page, 'status', 'Cart items: 1').waitFor({ state: 'attached', timeout: 5000 });
  await clickMirror(page, role(page, 'button', 'Cart'));
  await role(page, 'link', first.title).waitFor({ state: 'attached', timeout: 5000 });
  await clickMirror(page, role(page, 'button', 'Increase quantity'));
  await role(page, 'status', 'Cart items: 2').waitFor({ state: 'attached', timeout: 5000 });
  await page.context().close();
});

test('product detail opens from the catalog; back returns', async () => {
  const page = await open('/');
  const p = products[0];
  await clickMirror(page, role(page, 'link', p.title));
  await role(page, 'heading', p.title).waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(new URL(page.url()).hash, `#/products/${p.id}`);
  await role(page, 'button', 'Add to cart').waitFor({ state: 'attached' });
  await page.goBack();
  await role(page, 'heading', 'All products').waitFor({ state: 'attached', timeout: 5000 });
  await page.goForward();
  await role(page, 'heading', p.title).waitFor({ state: 'attached', timeout: 5000 });
  await page.context().close();
});

test('中文 switches titles to Chinese and is remembered', async () => {
  const page = await open('/');
  await clickMirror(page, role(page, 'button', '中文'));
  const zh = products.filter((p) => p.i18n?.['zh-CN']?.title).slice(0, 3);
  assert.ok(zh.length > 0, 'demo catalog has Chinese titles');
  for (const p of zh) await role(page, 'link', p.i18n['zh-CN'].title).waitFor({ state: 'attached', timeout: 5000 });
  await role(page, 'button', '购物车').waitFor({ state: 'attached' });
  await page.reload();
  await waitReady(page);
  await role(page, 'button', 'EN').waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.context().close();
});

test('API down shows a full-page error with Retry, which recovers', async () => {
  const page = await newPage(browser);
  await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
  await page.goto(`${server.origin}/#/`);
  await role(page, 'button', 'Retry').waitFor({ state: 'attached', timeout: 15000 });
  await role(page, 'heading', "We can't reach the store").waitFor({ state: 'attached' });
  await screenshot(page, 'api-down-desktop-en');
  await page.unroute('**/api/v1/**');
  await clickMirror(page, role(page, 'button', 'Retry'));
  await role(page, 'link', products[0].title).waitFor({ state: 'attached', timeout: 10000 });
  await page.context().close();
});

test('malformed API replies are skipped, not fatal', async () => {
  const page = await newPage(browser);
  await page.route('**/api/v1/products?**', (route) => route.fulfill({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify({ items: [{ id: 42 }, { ...products[0], variants: [{ ...products[0].variants[0], price: { amount: '-5', currency: 'CNY' } }] }, products[1]], next_cursor: null }),
  }));
  await page.goto(`${server.origin}/#/`);
  await waitReady(page);
  await role(page, 'link', products[1].title).waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(await role(page, 'link', products[0].title).count(), 0, 'the product with a bad price is left out');
  await clickMirror(page, role(page, 'button', 'Cart'));
  await role(page, 'heading', 'Your cart').waitFor({ state: 'attached', timeout: 5000 });
  await page.context().close();
});

test('screenshots: desktop 1280×800 and phone 390×844@3, English and Chinese', async () => {
  const p = products[0];
  for (const [device, dname] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
    for (const [locale, lname] of [['en-US', 'en'], ['zh-CN', 'zh']]) {
      const page = await open('/', { device, locale });
      await page.evaluate((id) => localStorage.setItem('satstore.cart', JSON.stringify([{ product_id: id, qty: 2 }])), p.id);
      for (const [path, name] of [['/', 'catalog'], [`/products/${p.id}`, 'product'], ['/cart', 'cart'], ['/login', 'login']]) {
        await page.goto(`${server.origin}/#${path}`);
        if (path === '/cart') await page.reload();  // pick up the seeded cart
        await waitReady(page);
        await page.waitForTimeout(300);  // product images decode asynchronously
        await waitIdle(page);
        await screenshot(page, `${name}-${dname}-${lname}`);
      }
      if (dname === 'phone') {
        await page.goto(`${server.origin}/#/`);
        await waitReady(page);
        const menuName = lname === 'zh' ? '菜单' : 'Menu';
        await clickMirror(page, role(page, 'button', menuName));
        await screenshot(page, `menu-${dname}-${lname}`);
      }
      assert.deepEqual(page.consoleErrors, [], `console errors (${dname}, ${lname})`);
      await page.context().close();
    }
  }
});
