// Product images in the browser (issue 20): a product with uploaded images draws the rendition
// its drawn size needs at the device pixel ratio (DPR 1 and 2 ask for different widths), and
// the product page's gallery switches the main image from its thumbnails (click, arrow keys),
// which the accessibility mirror exposes as tabs. The images are uploaded through the API and put on a
// demo product straight in the database (the catalog editor is built elsewhere).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { convert, png } from '../support/images.mjs';
import { call, demoAccounts, login, sql, startServer } from '../support/server.mjs';
import { DESKTOP, PHONE, clickMirror, launchBrowser, newPage, screenshot, waitIdle, waitReady, webRoot } from './helpers.mjs';

let srv, browser, product;
const refs = [];

before(async () => {
  // The catalog cache off: the images are changed in the database behind the server's back.
  srv = await startServer({ webRoot, args: ['--catalog-cache-ms', '0'] });
  const token = await login(srv.api, demoAccounts.merchant);
  // Three pictures of other shapes: landscape, portrait, wide (drawn cropped to 4:3).
  for (const [w, h, seed, type] of [[1600, 1200, 20, 'jpg'], [900, 1200, 90, 'png'], [1800, 900, 160, 'webp']]) {
    const bytes = type === 'png' ? png(w, h, seed, 16) : convert(png(w, h, seed, 16), type);
    const r = await call(`${srv.api}/staff/images`, { method: 'POST', token, raw: bytes });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    refs.push(r.body.id);
  }
  product = (await call(`${srv.api}/products?limit=1`)).body.items[0];
  sql(srv, `UPDATE products SET images_json = '${JSON.stringify(refs)}' WHERE id = '${product.id}'`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

// Opens `path` and returns the widths of the /media/ renditions the page loaded, by hash.
async function mediaRequests(device, path, locale = 'en-US') {
  const page = await newPage(browser, { device, locale });
  const widths = new Map();
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/^\/media\/([0-9a-f]{64})-([0-9]+)\.webp$/);
    if (!m) return;
    if (!widths.has(m[1])) widths.set(m[1], []);
    widths.get(m[1]).push(Number(m[2]));
  });
  await page.goto(`${srv.base}/#${path}`);
  await waitReady(page);
  await waitIdle(page, 400);
  return { page, widths, hashOf: (i) => refs[i].slice(7, 71) };
}

describe('product images', () => {
  test('the product page asks for a wider rendition at DPR 2 than at DPR 1; thumbnails stay small', async () => {
    const one = await mediaRequests(DESKTOP, `/products/${product.id}`);
    const two = await mediaRequests({ ...DESKTOP, deviceScaleFactor: 2 }, `/products/${product.id}`);
    // Main image ~610 CSS px wide: 640 at DPR 1, 1280 at DPR 2; 72 px thumbnails: 160 either way.
    const main1 = one.widths.get(one.hashOf(0)), main2 = two.widths.get(two.hashOf(0));
    assert.ok(main1?.includes(640), `DPR 1 loaded ${main1}`);
    assert.ok(main2?.includes(1280), `DPR 2 loaded ${main2}`);
    for (const i of [1, 2]) {
      assert.deepEqual(one.widths.get(one.hashOf(i)), [160], `thumbnail ${i} at DPR 1`);
      assert.deepEqual(two.widths.get(two.hashOf(i)), [160], `thumbnail ${i} at DPR 2`);
    }
    assert.deepEqual(one.page.consoleErrors, []);
    await screenshot(one.page, 'media-product-gallery-desktop-en');
    await one.page.context().close();
    await two.page.context().close();
  });

  test('the gallery: thumbnails are tabs in the mirror, a click or an arrow key shows another image large', async () => {
    const { page, widths, hashOf } = await mediaRequests(DESKTOP, `/products/${product.id}`);
    const tabs = page.locator('#a11y [role="tab"]');
    assert.deepEqual(await tabs.evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label'), e.getAttribute('aria-selected')])),
      [['Image 1 of 3', 'true'], ['Image 2 of 3', 'false'], ['Image 3 of 3', 'false']]);
    assert.equal(await page.locator('#a11y [role="img"]').first().getAttribute('aria-label'), `${product.title} — Image 1 of 3`);
    await clickMirror(page, page.locator('#a11y').getByRole('tab', { name: 'Image 2 of 3', exact: true }));
    await page.waitForFunction(() => document.querySelector('#a11y [role="tab"][aria-selected="true"]')?.getAttribute('aria-label') === 'Image 2 of 3');
    await waitIdle(page, 400);
    assert.equal(await page.locator('#a11y [role="img"]').first().getAttribute('aria-label'), `${product.title} — Image 2 of 3`);
    assert.ok(widths.get(hashOf(1)).includes(640), `image 2 shown large loaded ${widths.get(hashOf(1))}`);
    await screenshot(page, 'media-product-gallery-second-desktop-en');
    // The arrow keys step through the images (wrapping), on the canvas that has the keyboard.
    const selected = () => page.evaluate(() => document.querySelector('#a11y [role="tab"][aria-selected="true"]')?.getAttribute('aria-label'));
    for (const [key, want] of [['ArrowRight', 'Image 3 of 3'], ['ArrowRight', 'Image 1 of 3'], ['ArrowLeft', 'Image 3 of 3']]) {
      await page.keyboard.press(key);
      await page.waitForFunction((w) => document.querySelector('#a11y [role="tab"][aria-selected="true"]')?.getAttribute('aria-label') === w, want, { timeout: 5000 })
        .catch(async () => assert.fail(`after ${key}: ${await selected()}, not ${want}`));
    }
    await page.context().close();
  });

  test('the catalog card and the phone layout draw renditions for their size; Chinese names', async () => {
    const catalog = await mediaRequests(DESKTOP, '/');
    // A card is ~280 CSS px wide: the 320 rendition at DPR 1.
    assert.deepEqual(catalog.widths.get(catalog.hashOf(0)), [320]);
    await screenshot(catalog.page, 'media-catalog-desktop-en');
    await catalog.page.context().close();
    const phone = await mediaRequests(PHONE, `/products/${product.id}`, 'zh-CN');
    // The main image spans the phone (~366 CSS px) at DPR 3: 1280.
    assert.ok(phone.widths.get(phone.hashOf(0)).includes(1280), `phone loaded ${phone.widths.get(phone.hashOf(0))}`);
    const names = await phone.page.locator('#a11y [role="tab"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual(names, ['第 1 张图片，共 3 张', '第 2 张图片，共 3 张', '第 3 张图片，共 3 张']);
    await screenshot(phone.page, 'media-product-gallery-phone-zh');
    await phone.page.context().close();
  });
});
