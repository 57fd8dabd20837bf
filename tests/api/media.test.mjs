// Product images (issue 20): staff upload PNG/JPEG/WebP; the server makes WebP renditions with
// libvips and serves them at content-hash URLs with long-lived cache headers. Fixtures are made
// at test time (tests/support/images.mjs). Runs on SQLite, and on PostgreSQL under
// tests/support/postgres.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { convert, png, pngHeaderOnly, webpSize, withExifOrientation } from '../support/images.mjs';
import { call, demoAccounts, login, sql, startServer } from '../support/server.mjs';

const kWidths = [160, 320, 640, 960, 1280, 1920];
const refPattern = /^\/media\/[0-9a-f]{64}-[1-9][0-9]*\.webp$/;

let srv;
const tokens = {};
before(async () => {
  srv = await startServer();
  for (const role of ['buyer', 'merchant', 'agent', 'admin']) tokens[role] = await login(srv.api, demoAccounts[role]);
});
after(async () => { await srv?.stop(); });

const upload = (bytes, token = tokens.merchant) => call(`${srv.api}/staff/images`, { method: 'POST', token, raw: bytes });

async function fetchMedia(url, headers = {}) {
  const r = await fetch(`${srv.base}${url}`, { headers });
  return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
}

// Every rendition of an upload answer is served, is WebP, has the width its URL says and keeps
// the original's aspect ratio.
async function checkRenditions(body) {
  for (const { width, url } of body.renditions) {
    const r = await fetchMedia(url);
    assert.equal(r.status, 200, url);
    assert.equal(r.headers.get('content-type'), 'image/webp');
    const size = webpSize(r.bytes);
    assert.equal(size.width, width, url);
    assert.ok(Math.abs(size.height - body.height * width / body.width) <= 1, `${url}: ${size.height} high`);
  }
}

describe('uploading product images', () => {
  test('a PNG gives renditions at every width below it and its own width, never wider', async () => {
    const r = await upload(png(1000, 600, 1));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.match(r.body.id, refPattern);
    assert.equal(r.body.width, 1000);
    assert.equal(r.body.height, 600);
    assert.deepEqual(r.body.renditions.map((x) => x.width), [160, 320, 640, 960, 1000]);
    assert.equal(r.body.id, r.body.renditions.at(-1).url, 'the reference is the widest rendition');
    await checkRenditions(r.body);
    // A small image is not upscaled: one rendition, its own size.
    const small = await upload(png(90, 60, 2));
    assert.equal(small.status, 201);
    assert.deepEqual(small.body.renditions.map((x) => x.width), [90]);
    await checkRenditions(small.body);
  });

  test('a JPEG larger than the widest rendition is capped at 1920 px', async () => {
    const r = await upload(convert(png(2400, 1200, 3, 24), 'jpg', '[Q=85]'));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.width, 2400);
    assert.deepEqual(r.body.renditions.map((x) => x.width), kWidths);
    await checkRenditions(r.body);
  });

  test('a JPEG with an EXIF orientation is turned upright and its metadata stripped', async () => {
    // 300 × 200 stored, Orientation 6 (rotate 90° clockwise to view): upright it is 200 × 300.
    const jpeg = withExifOrientation(convert(png(300, 200, 4), 'jpg', '[Q=90,strip]'), 6);
    const r = await upload(jpeg);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.width, 200);
    assert.equal(r.body.height, 300);
    assert.deepEqual(r.body.renditions.map((x) => x.width), [160, 200]);
    await checkRenditions(r.body);
    // libvips 8.14 writes a minimal EXIF block of its own (resolution, size); nothing of the
    // original's may be in it.
    for (const { url } of r.body.renditions)
      assert.ok(!(await fetchMedia(url)).bytes.includes(Buffer.from('satstore-private-exif')), `${url} keeps the original's EXIF`);
  });

  test('a WebP upload works too', async () => {
    const r = await upload(convert(png(700, 700, 5), 'webp', '[Q=80]'));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(r.body.renditions.map((x) => x.width), [160, 320, 640, 700]);
    await checkRenditions(r.body);
  });

  test('the same bytes again give 200 and the same answer; one image, one audit entry', async () => {
    const bytes = png(400, 300, 6);
    const first = await upload(bytes);
    assert.equal(first.status, 201);
    const again = await upload(bytes, tokens.admin);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    const hash = first.body.id.slice('/media/'.length, '/media/'.length + 64);
    assert.equal(sql(srv, `SELECT COUNT(*) FROM media_images WHERE hash = '${hash}'`), '1');
    assert.equal(sql(srv, `SELECT COUNT(*) FROM media_renditions WHERE hash = '${hash}'`), String(first.body.renditions.length));
    const audit = sql(srv, `SELECT action, actor_email FROM audit_log WHERE target = '${first.body.id}'`);
    assert.equal(audit, `media.upload|${demoAccounts.merchant}`);
    // Other bytes of the same picture are another image.
    const other = await upload(png(400, 300, 7));
    assert.equal(other.status, 201);
    assert.notEqual(other.body.id, first.body.id);
  });

  test('refusals: not an image 415, damaged 422, too many pixels 422, too large 413, roles 401/403', async () => {
    const problem = (r, status, code) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.code, code);
      assert.ok(r.body.detail, 'a problem says what was wrong');
    };
    problem(await upload(Buffer.from('GIF89a garbage that is no image at all')), 415, 'unsupported_media_type');
    problem(await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 415, 'unsupported_media_type');
    problem(await upload(Buffer.alloc(0)), 415, 'unsupported_media_type');
    const jpeg = convert(png(600, 400, 8, 40), 'jpg');
    problem(await upload(jpeg.subarray(0, jpeg.length >> 1)), 422, 'image_undecodable');
    const pngBytes = png(600, 400, 9, 40);
    problem(await upload(pngBytes.subarray(0, pngBytes.length >> 1)), 422, 'image_undecodable');
    problem(await upload(Buffer.concat([pngBytes.subarray(0, 8), Buffer.alloc(100, 1)])), 422, 'image_undecodable');
    // Header-only bombs: refused from the header, before a pixel is decoded.
    const started = Date.now();
    const bomb = await upload(pngHeaderOnly(10000, 10000));
    problem(bomb, 422, 'image_too_many_pixels');
    assert.match(bomb.body.detail, /10000 × 10000/);
    problem(await upload(pngHeaderOnly(13000, 10)), 422, 'image_too_many_pixels');
    assert.ok(Date.now() - started < 2000, 'bombs are refused at once');
    problem(await upload(Buffer.concat([pngBytes.subarray(0, 8), Buffer.alloc(10 * 1024 * 1024)])), 413, 'payload_too_large');
    problem(await upload(pngBytes, null), 401, 'unauthenticated');
    problem(await upload(pngBytes, tokens.buyer), 403, 'forbidden');
    problem(await upload(pngBytes, tokens.agent), 403, 'forbidden');
    assert.equal(sql(srv, 'SELECT COUNT(*) FROM media_images WHERE width = 600'), '0', 'nothing refused was stored');
  });
});

describe('serving renditions', () => {
  test('immutable cache headers, a strong ETag, 304 on If-None-Match, HEAD, 404 for unknown', async () => {
    const { body } = await upload(png(500, 500, 10));
    const url = body.renditions[0].url;
    const r = await fetchMedia(url);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    const etag = r.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]{64}-160"$/);
    const again = await fetchMedia(url, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.bytes.length, 0);
    assert.equal(again.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal((await fetchMedia(url, { 'if-none-match': '"other"' })).status, 200);
    const head = await fetch(`${srv.base}${url}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers.get('content-length')), r.bytes.length);

    const hash = url.slice('/media/'.length, '/media/'.length + 64);
    for (const missing of [`/media/${hash}-161.webp`, `/media/${'0'.repeat(64)}-160.webp`, `/media/${hash}-160.png`,
      `/media/${hash}.webp`, '/media/x', `/media/${hash.toUpperCase()}-160.webp`]) {
      const m = await fetchMedia(missing);
      assert.equal(m.status, 404, missing);
      assert.match(m.headers.get('content-type'), /^application\/problem\+json/);
    }
    assert.equal((await fetch(`${srv.base}${url}`, { method: 'POST' })).status, 405);
  });

  test('figures: a typical 2000 × 2000 JPEG upload, and GET /media', async () => {
    const jpeg = convert(png(2000, 2000, 11, 24), 'jpg', '[Q=85]');
    const started = process.hrtime.bigint();
    const r = await upload(jpeg);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(r.status, 201);
    const sizes = [];
    for (const { width, url } of r.body.renditions) sizes.push(`${width}: ${((await fetchMedia(url)).bytes.length / 1024).toFixed(0)} KB`);
    console.log(`media: 2000×2000 JPEG (${(jpeg.length / 1024).toFixed(0)} KB) uploaded and resized into ${r.body.renditions.length} WebP renditions in ${ms.toFixed(0)} ms (${sizes.join(', ')})`);
    const url = r.body.renditions[2].url;
    const n = 400;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fetchMedia(url);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`media: GET ${url.slice(0, 16)}…-640.webp ${(n / s).toFixed(0)} req/s one at a time from node (bench/run.sh --only media for wrk)`);
  });
});
