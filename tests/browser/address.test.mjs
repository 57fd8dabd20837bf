// Addresses as a Chinese buyer writes them (issue 19): the country picker lists names in the UI
// language and is as wide as its field; a CN address is shown in Chinese order (省 市 区 street,
// no commas) on checkout, payment, order detail and the staff order page, while a US address
// keeps the Western order; the two columns of the address form line up at 1280×800 with and
// without errors, and the form is one column at 390×844. The address the server stores (and the
// payment signs) is the parts as typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import {
  startServer, launchBrowser, newPage, waitIdle, openWithStorage, click, clickMirror, reveal, screenshot,
  waitForFieldValue, DESKTOP, PHONE,
} from './helpers.mjs';
import { call, demoAccounts, login } from '../support/server.mjs';
import { newBuyer } from '../support/buyer.mjs';

let server;
let browser;
let api;
let product;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = `${server.origin}/api/v1`;
  product = (await call(`${api}/products?limit=100`)).body.items.sort((a, b) => b.stock - a.stock)[0];
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const a11y = (page) => page.locator('#a11y');
const role = (page, r, name) => a11y(page).getByRole(r, { name, exact: typeof name === 'string' });
const text = (page, t) => a11y(page).getByText(t, { exact: typeof t === 'string' });

async function typeInto(page, name, value) {
  await click(page, role(page, 'textbox', name));
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime', null, { timeout: 10000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
  await waitForFieldValue(page, name, value, 10000);
}

const shanghai = {
  name: '张伟', phone: '13800138000', country: 'CN', region: '上海市', city: '上海市', district: '浦东新区',
  street: '世纪大道100号3号楼1201室', postal_code: '200120',
};
const chinesePlace = '上海市浦东新区世纪大道100号3号楼1201室';

async function order(token, shipTo) {
  const r = await call(`${api}/orders`, {
    method: 'POST', token, headers: { 'idempotency-key': randomUUID() },
    body: { lines: [{ product_id: product.id, qty: 1 }], ship_to: shipTo, pay_currency: 'BTC', lang: 'zh-CN' },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

test('zh-CN: country names in the picker, the address in Chinese order from checkout to the staff console', async () => {
  const buyer = await newBuyer({ registerApi: api });
  const page = await newPage(browser, { locale: 'zh-CN', device: DESKTOP });
  await openWithStorage(page, server.origin, '/checkout', {
    'satstore.token': buyer.token, 'satstore.cart': JSON.stringify([{ product_id: product.id, qty: 1 }]),
  });
  await role(page, 'heading', '收货地址').waitFor({ state: 'attached', timeout: 10000 });

  // The picker lists names, not codes, and is as wide as the field it opens from.
  const picker = role(page, 'button', '国家/地区');
  await click(page, picker);
  for (const name of ['中国', '中国香港', '中国澳门', '中国台湾', '美国', '英国']) {
    await role(page, 'option', name).waitFor({ state: 'attached', timeout: 5000 });
  }
  assert.equal(await role(page, 'option', 'CN').count(), 0, 'no bare country codes');
  const field = await picker.boundingBox();
  const option = await role(page, 'option', '中国').boundingBox();
  assert.ok(option.width >= field.width - 20 && option.width <= field.width, `option ${option.width} px in a ${field.width} px field`);
  await screenshot(page, 'address-country-picker-desktop-zh');
  await clickMirror(page, role(page, 'option', '中国'));
  await role(page, 'button', '国家/地区').waitFor({ state: 'attached' });
  assert.match(await page.evaluate(() => document.querySelector('#a11y').textContent), /中国/);

  for (const [label, key] of [['收货人', 'name'], ['手机号码', 'phone'], ['省份/州', 'region'], ['城市', 'city'],
    ['区/县', 'district'], ['邮政编码', 'postal_code'], ['详细地址', 'street']]) {
    await typeInto(page, label, shanghai[key]);
  }
  await click(page, role(page, 'button', '确认地址'));
  await waitIdle(page, 300);
  await page.mouse.wheel(0, -3000);
  await role(page, 'link', '修改').waitFor({ state: 'attached', timeout: 20000 });
  // Chinese order, no commas, the municipality once; the country by name with the postal code.
  await text(page, chinesePlace).waitFor({ state: 'attached', timeout: 5000 });
  await text(page, '中国 200120').waitFor({ state: 'attached' });
  await text(page, '张伟  13800138000').waitFor({ state: 'attached' });
  await screenshot(page, 'address-confirmed-desktop-zh');

  await click(page, role(page, 'button', '提交订单'));
  await page.waitForFunction(() => /^#\/orders\/ord_[0-9a-f]+/.test(location.hash), null, { timeout: 10000 });
  const orderId = new URL(page.url()).hash.split('/')[2];
  // What is stored (and signed at payment) is the parts as typed, both 上海市 included.
  const stored = (await call(`${api}/orders/${orderId}`, { token: buyer.token })).body;
  assert.deepEqual(stored.ship_to, shanghai);

  await page.goto(`${server.origin}/#/orders/${orderId}/pay`);
  await role(page, 'heading', '付款').waitFor({ state: 'attached', timeout: 10000 });
  await reveal(page, text(page, chinesePlace));
  await text(page, '中国 200120').waitFor({ state: 'attached' });
  await screenshot(page, 'address-pay-desktop-zh');

  await page.goto(`${server.origin}/#/orders/${orderId}`);
  await reveal(page, text(page, chinesePlace));

  const merchant = await login(api, demoAccounts.merchant);
  const staff = await newPage(browser, { locale: 'zh-CN', device: PHONE });
  await openWithStorage(staff, server.origin, `/staff/orders/${orderId}`, { 'satstore.token': merchant });
  await reveal(staff, text(staff, chinesePlace));
  await text(staff, '中国 200120').waitFor({ state: 'attached' });
  await screenshot(staff, 'address-staff-order-phone-zh');
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(staff.consoleErrors, []);
  await page.context().close();
  await staff.context().close();
});

test('en: CN keeps Chinese order with English names; US and HK read in Western order', async () => {
  const buyer = await newBuyer({ registerApi: api });
  const cn = await order(buyer.token, shanghai);
  const us = await order(buyer.token, {
    name: 'Jane Roe', phone: '+1 415 555 0100', country: 'US', region: 'CA', city: 'San Francisco', district: '',
    street: '1 Market St', postal_code: '94105',
  });
  const hkAddress = {
    name: '陳大文', phone: '+852 9123 4567', country: 'HK', region: '香港', city: '九龍', district: '油尖旺區',
    street: '彌敦道1號', postal_code: '000000',
  };
  const hk = await order(buyer.token, hkAddress);
  const page = await newPage(browser, { locale: 'en-US', device: DESKTOP });
  await openWithStorage(page, server.origin, `/orders/${cn.id}`, { 'satstore.token': buyer.token });
  await reveal(page, text(page, chinesePlace));
  await text(page, 'China 200120').waitFor({ state: 'attached' });

  await page.goto(`${server.origin}/#/orders/${us.id}`);
  await reveal(page, text(page, '1 Market St, San Francisco, CA'));
  await text(page, 'United States 94105').waitFor({ state: 'attached' });

  await page.goto(`${server.origin}/#/orders/${hk.id}`);
  await reveal(page, text(page, '彌敦道1號, 油尖旺區, 九龍, 香港'));
  await text(page, 'Hong Kong SAR, China 000000').waitFor({ state: 'attached' });

  // The same HK order read in Chinese: Chinese order.
  const zh = await newPage(browser, { locale: 'zh-CN', device: PHONE });
  await openWithStorage(zh, server.origin, `/orders/${hk.id}`, { 'satstore.token': buyer.token });
  await reveal(zh, text(zh, '香港九龍油尖旺區彌敦道1號'));
  await text(zh, '中国香港 000000').waitFor({ state: 'attached' });
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(zh.consoleErrors, []);
  await page.context().close();
  await zh.context().close();
});

// The mirror's boxes of the fields named in each row.
async function rowTops(page, rows) {
  const out = [];
  for (const row of rows) {
    const boxes = [];
    for (const name of row) boxes.push(await role(page, 'textbox', name).boundingBox());
    out.push(boxes);
  }
  return out;
}

test('the two columns of the address form line up; one column on a phone', async () => {
  const buyer = await newBuyer({ registerApi: api });
  const rows = [['Full name', 'Phone'], ['Province / state', 'City'], ['District', 'Postal code']];
  const page = await newPage(browser, { locale: 'en-US', device: DESKTOP });
  await openWithStorage(page, server.origin, '/checkout', {
    'satstore.token': buyer.token, 'satstore.cart': JSON.stringify([{ product_id: product.id, qty: 1 }]),
  });
  await role(page, 'heading', 'Shipping address').waitFor({ state: 'attached', timeout: 10000 });
  await waitIdle(page);
  const check = async (when) => {
    for (const [left, right] of await rowTops(page, rows)) {
      assert.ok(left && right, `both fields of the row are on screen (${when})`);
      assert.ok(Math.abs(left.y - right.y) < 1, `${when}: right field at y=${right.y}, left at y=${left.y}`);
      assert.ok(Math.abs(left.height - right.height) < 1, `${when}: same height`);
      assert.ok(right.x > left.x + left.width, `${when}: side by side`);
    }
  };
  await check('empty form');
  // Errors under some fields only (the left column has more of them): rows still line up.
  await typeInto(page, 'Phone', '+1 415 555 0100');
  await typeInto(page, 'City', 'San Francisco');
  await click(page, role(page, 'button', 'Confirm address'));
  await text(page, 'Recipient name is required.').waitFor({ state: 'attached', timeout: 5000 });
  await page.mouse.wheel(0, -3000);
  await waitIdle(page);
  await check('with errors');
  await screenshot(page, 'address-form-errors-desktop-en');

  const phone = await newPage(browser, { locale: 'zh-CN', device: PHONE });
  await openWithStorage(phone, server.origin, '/checkout', {
    'satstore.token': buyer.token, 'satstore.cart': JSON.stringify([{ product_id: product.id, qty: 1 }]),
  });
  await role(phone, 'heading', '收货地址').waitFor({ state: 'attached', timeout: 10000 });
  await waitIdle(phone);
  const name = await role(phone, 'textbox', '收货人').boundingBox();
  const tel = await role(phone, 'textbox', '手机号码').boundingBox();
  assert.ok(Math.abs(name.x - tel.x) < 1 && tel.y > name.y + name.height, 'one column on a phone');
  await screenshot(phone, 'address-form-phone-zh');
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(phone.consoleErrors, []);
  await page.context().close();
  await phone.context().close();
});
