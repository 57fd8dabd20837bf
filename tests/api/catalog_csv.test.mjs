// API tests for the catalog CSV import and export (issue 20): the demo catalog exported and
// imported back changes nothing; a file of new products (BOM, Chinese, quoted commas and line
// breaks) is checked by a dry run and then imported; a file with bad rows lists every error by
// row and column and writes nothing; roles, media types and size; the command line; and the
// import of 10,000 rows, timed. On SQLite and, under test.sh, PostgreSQL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { call, demoAccounts, login, serverBinary, sql, startServer } from '../support/server.mjs';

let srv, merchant, admin, agent, buyer, dir;
before(async () => {
  srv = await startServer();
  [merchant, admin, agent, buyer] = await Promise.all(
    [demoAccounts.merchant, demoAccounts.admin, demoAccounts.agent, demoAccounts.buyer].map((e) => login(srv.api, e)));
  dir = mkdtempSync(join(tmpdir(), 'satstore-csv-'));
});
after(async () => {
  await srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const BOM = '\uFEFF';
const tag = () => randomUUID().slice(0, 8);

const importCsv = (text, { dryRun = false, token = merchant, type = 'text/csv' } = {}) =>
  call(`${srv.api}/staff/catalog/import${dryRun ? '?dry_run=1' : ''}`, {
    method: 'POST', token, raw: text, headers: { 'content-type': type },
  });

// The export's bytes as sent (fetch's text() would drop the BOM), after call() checked the answer.
async function exportCsv(token = merchant) {
  const checked = await call(`${srv.api}/staff/catalog/export`, { token });
  const r = await fetch(`${srv.api}/staff/catalog/export`, { headers: { authorization: `Bearer ${token}` } });
  return { status: checked.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
}

const count = (table, where = '1 = 1') => Number(sql(srv, `SELECT COUNT(*) FROM ${table} WHERE ${where}`));
// Everything an import could change, as text.
const snapshot = () => [
  sql(srv, 'SELECT id, category, status, title_en, title_zh, description_en, description_zh, images_json, options_json, search_text, updated_at FROM products ORDER BY id'),
  sql(srv, 'SELECT id, product_id, position, sku, options_json, price_minor, price_currency, stock, image, updated_at FROM variants ORDER BY id'),
  count('stock_movements'),
].join('\n');

const cells = (errors) => errors.map((e) => `${e.row}:${e.column}`);

describe('export and import back', () => {
  test('the demo catalog exported and imported unchanged: 0 created, all updated, nothing changes', async () => {
    const first = await exportCsv();
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(first.headers.get('content-disposition'), 'attachment; filename="catalog.csv"');
    assert.deepEqual([...first.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so spreadsheets read UTF-8');
    const text = first.bytes.toString('utf8');
    assert.match(text, /^\uFEFFproduct_id,handle,status,category,title_en,title_zh,/);
    const products = count('products');
    assert.equal(text.trimEnd().split('\r\n').length - 1, count('variants'), 'one row per variant');

    const before = snapshot();
    const audits = count('audit_log');
    const dry = await importCsv(first.bytes, { dryRun: true });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(dry.body, { created: 0, updated: products, dry_run: true, errors: [] });
    const real = await importCsv(first.bytes);
    assert.equal(real.status, 200, JSON.stringify(real.body));
    assert.deepEqual(real.body, { created: 0, updated: products, dry_run: false, errors: [] });
    assert.equal(snapshot(), before, 'no product, variant or stock changed');
    assert.equal(count('audit_log'), audits + 1, 'only the catalog.import entry');
    assert.equal(sql(srv, "SELECT after_json FROM audit_log WHERE action = 'catalog.import' ORDER BY seq DESC LIMIT 1"),
      JSON.stringify({ created: 0, stock_changes: 0, updated: products }));
    assert.ok((await exportCsv()).bytes.equals(first.bytes), 'the export reads the same byte for byte');
  });
});

describe('new products', () => {
  const t = tag();
  const file = BOM + [
    'handle,status,category,title_en,title_zh,description_en,description_zh,images,option1_name,option1_name_zh,option1_value,option1_value_zh,sku,price,stock,variant_image',
    `lamp,active,home,"Lamp, brass",黄铜台灯,"Warm light.\r\nDimmable, ""soft"".",温暖的光，可调。,/assets/products/lamp-coin.svg /assets/products/mug-enamel.svg,Finish,表面,Brass,黄铜,lamp-brass-${t},1299.00,3,`,
    `lamp,,,,,,,,,,Steel,钢,lamp-steel-${t},999.5,0,/assets/products/mug-enamel.svg`,
    `note,,stickers,Notebook,笔记本,Dotted.,点阵。,,,,,,note-${t},19,12,`,
  ].join('\r\n') + '\r\n';

  test('a dry run counts what would be created and writes nothing', async () => {
    const before = snapshot();
    const r = await importCsv(file, { dryRun: true });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { created: 2, updated: 0, dry_run: true, errors: [] });
    assert.equal(snapshot(), before);
  });

  test('the import creates them; staff see both, the public catalog the active one at once', async () => {
    // Warm the catalog cache: the import must drop it.
    assert.equal((await call(`${srv.api}/products?q=lamp-brass-${t}`)).body.items.length, 0);
    const audits = count('audit_log');
    const r = await importCsv(file);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { created: 2, updated: 0, dry_run: false, errors: [] });
    assert.equal(count('audit_log'), audits + 3, 'product.create twice and catalog.import');

    const staff = await call(`${srv.api}/staff/products?q=${t}`, { token: merchant });
    assert.equal(staff.status, 200);
    const lamp = staff.body.items.find((p) => p.title === 'Lamp, brass');
    const note = staff.body.items.find((p) => p.title === 'Notebook');
    assert.ok(lamp && note, JSON.stringify(staff.body.items.map((p) => p.title)));
    assert.equal(lamp.status, 'active');
    assert.equal(note.status, 'draft', 'draft unless the file says otherwise');
    assert.equal(lamp.description, 'Warm light.\r\nDimmable, "soft".');
    assert.deepEqual(lamp.i18n['zh-CN'], { title: '黄铜台灯', description: '温暖的光，可调。' });
    assert.deepEqual(lamp.images, ['/assets/products/lamp-coin.svg', '/assets/products/mug-enamel.svg']);
    assert.deepEqual(lamp.options, [{ name: 'Finish', values: ['Brass', 'Steel'], i18n: { 'zh-CN': { name: '表面', values: ['黄铜', '钢'] } } }]);
    assert.deepEqual(lamp.variants.map((v) => [v.sku, v.options, v.price.amount, v.stock, v.image]), [
      [`lamp-brass-${t}`, ['Brass'], '129900', 3, ''],
      [`lamp-steel-${t}`, ['Steel'], '99950', 0, '/assets/products/mug-enamel.svg'],
    ]);
    const history = await call(`${srv.api}/staff/variants/${lamp.variants[0].id}/stock`, { token: merchant });
    assert.deepEqual(history.body.items.map((m) => [m.delta, m.reason, m.note, m.actor_email]),
      [[3, 'correction', 'import', demoAccounts.merchant]]);

    const pub = await call(`${srv.api}/products?q=lamp-brass-${t}`);
    assert.deepEqual(pub.body.items.map((p) => p.id), [lamp.id], 'visible at once: the cache was dropped');
    assert.equal((await call(`${srv.api}/products/${note.id}`)).status, 404, 'a draft stays off the public catalog');

    // The same file again would create them twice: their SKUs are taken now.
    const again = await importCsv(file, { dryRun: true });
    assert.deepEqual(cells(again.body.errors), ['2:sku', '3:sku', '4:sku']);
  });

  test('an update by product_id and variant_id: a price, a stock (recorded), nothing else', async () => {
    const lamp = (await call(`${srv.api}/staff/products?q=lamp-steel-${t}`, { token: merchant })).body.items[0];
    const [brass, steel] = lamp.variants;
    const r = await importCsv(`product_id,variant_id,price,stock\n${lamp.id},${steel.id},899.00,7\n`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { created: 0, updated: 1, dry_run: false, errors: [] });
    const now = (await call(`${srv.api}/staff/products/${lamp.id}`, { token: merchant })).body;
    assert.deepEqual(now.variants.map((v) => [v.id, v.price.amount, v.stock]), [[brass.id, '129900', 3], [steel.id, '89900', 7]]);
    assert.equal(now.title, lamp.title);
    const history = await call(`${srv.api}/staff/variants/${steel.id}/stock`, { token: merchant });
    assert.deepEqual(history.body.items.map((m) => [m.delta, m.stock_after, m.reason, m.note]), [[7, 7, 'correction', 'import']]);
  });
});

describe('bad rows', () => {
  test('every error is listed with its row and column, and nothing is written', async () => {
    const t = tag();
    const demoSku = sql(srv, 'SELECT sku FROM variants ORDER BY seq LIMIT 1');
    const file = [
      'handle,category,title_en,description_en,option1_name,option1_value,sku,price,stock',
      `ok,home,Fine,Fine.,,,ok-${t},10.00,1`,           // 2: fine, yet not written
      `p1,home,Bad price,x,,,bp-${t},12.345,1`,         // 3
      `d1,home,Dup,x,,,dup-${t},10,1`,                  // 4
      `d2,home,Dup too,x,,,dup-${t},10,1`,              // 5: the same SKU in the file
      `t1,home,Taken,x,,,${demoSku},10,1`,              // 6: another product's SKU
      `c1,nowhere,Category,x,,,cat-${t},10,1`,          // 7: no such category
      `m1,home,,x,,,mt-${t},10,1`,                      // 8: no title
      `o1,home,Options,x,Size,S,o1-${t},10,1`,          // 9
      `o1,,,,,,o2-${t},10,1`,                           // 10: no value for Size
      `n1,home,Negative,x,,,neg-${t},10,-3`,            // 11: negative stock
    ].join('\n');
    const before = snapshot();
    const audits = count('audit_log');
    const want = ['3:price', '5:sku', '6:sku', '7:category', '8:title_en', '10:option1_value', '11:stock'];

    const dry = await importCsv(file, { dryRun: true });
    assert.equal(dry.status, 200);
    assert.deepEqual(cells(dry.body.errors), want, JSON.stringify(dry.body.errors, null, 1));
    const r = await importCsv(file);
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'import_invalid');
    assert.deepEqual(r.body.errors, dry.body.errors, 'the same list as the dry run');
    for (const e of r.body.errors) assert.ok(e.message.length > 0);
    assert.match(r.body.errors.find((e) => e.row === 5).message, /Row 4/);
    assert.equal(snapshot(), before, 'nothing written');
    assert.equal(count('audit_log'), audits);
  });

  test('a broken quote, an unknown column and a file that is not CSV', async () => {
    const broken = await importCsv('handle,sku\na,"open\n', { dryRun: true });
    assert.deepEqual(cells(broken.body.errors), ['2:']);
    assert.match(broken.body.errors[0].message, /not closed/);
    const unknown = await importCsv('handle,colour\n', { dryRun: true });
    assert.deepEqual(cells(unknown.body.errors), ['1:colour']);
    const empty = await importCsv('');
    assert.equal(empty.status, 422);
    assert.deepEqual(cells(empty.body.errors), ['1:']);
  });
});

describe('refusals', () => {
  test('agents and buyers may not import or export (403); admins may', async () => {
    for (const token of [agent, buyer]) {
      assert.equal((await importCsv('handle\n', { token })).status, 403);
      assert.equal((await call(`${srv.api}/staff/catalog/export`, { token })).status, 403);
    }
    assert.equal((await call(`${srv.api}/staff/catalog/export`)).status, 401);
    assert.equal((await exportCsv(admin)).status, 200);
    assert.equal((await importCsv('product_id\n', { token: admin, dryRun: true })).status, 200);
  });

  test('another media type is 415, a body past 20 MB 413', async () => {
    const json = await importCsv('handle\n', { type: 'application/json' });
    assert.equal(json.status, 415);
    assert.equal(json.body.code, 'unsupported_media_type');
    assert.equal((await importCsv('handle\n', { type: 'text/csv; charset=latin1' })).status, 415);
    assert.equal((await importCsv('handle\n', { type: 'text/csv; charset=utf-8', dryRun: true })).status, 200);
    const big = await importCsv(Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
    assert.equal(big.status, 413);
  });
});

describe('command line', () => {
  const cli = (...args) => spawnSync(serverBinary, ['catalog', ...args, '--db', srv.db], { encoding: 'utf8', maxBuffer: 64 << 20 });

  test('satstore catalog export writes what the API exports', async () => {
    const r = spawnSync(serverBinary, ['catalog', 'export', '--db', srv.db], { maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, r.stderr.toString());
    assert.ok(r.stdout.equals((await exportCsv()).bytes));
  });

  test('satstore catalog import: a dry run, the import (audited as cli), and errors with exit code 1', () => {
    const t = tag();
    const good = join(dir, 'good.csv');
    writeFileSync(good, `handle,category,title_en,description_en,sku,price,stock\ncli,home,From the shell,Made by cli.,cli-${t},5.00,2\n`);
    const products = count('products');
    const dry = cli('import', good, '--dry-run');
    assert.equal(dry.status, 0, dry.stdout + dry.stderr);
    assert.match(dry.stdout, /dry run: would create 1 and update 0 products/);
    assert.equal(count('products'), products);
    const real = cli('import', good);
    assert.equal(real.status, 0, real.stdout + real.stderr);
    assert.match(real.stdout, /created 1 and updated 0 products/);
    assert.equal(count('products'), products + 1);
    assert.equal(sql(srv, `SELECT stock FROM variants WHERE sku = 'cli-${t}'`), '2');
    assert.equal(sql(srv, "SELECT actor_id FROM audit_log WHERE action = 'catalog.import' ORDER BY seq DESC LIMIT 1"), 'cli');

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `handle,category,title_en,description_en,sku,price,stock\nx,home,X,x,cli-${t},5.00,2\ny,home,Y,y,y-${t},abc,1\n`);
    const refused = cli('import', bad);
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /^row 2, column sku: Another product has this SKU\.$/m);
    assert.match(refused.stdout, /^row 3, column price: /m);
    assert.match(refused.stdout, /2 errors: nothing imported/);
    assert.equal(count('products'), products + 1);
    assert.equal(cli('import', join(dir, 'missing.csv')).status, 1);
    assert.equal(cli('import').status, 2, 'usage');
  });
});

describe('benchmark', () => {
  test('10,000 rows (2,500 products × 4 sizes) import in seconds; the target is ≤ 10 s', async () => {
    const t = tag();
    const sizes = [['S', '小'], ['M', '中'], ['L', '大'], ['XL', '特大']];
    const lines = ['handle,status,category,title_en,title_zh,description_en,option1_name,option1_name_zh,option1_value,option1_value_zh,sku,price,stock'];
    for (let p = 0; p < 2500; p++) {
      sizes.forEach(([en, zh], i) => {
        lines.push(i === 0
          ? `b${p},active,apparel,"Bench tee ${p}, cotton",测试T恤${p},"Row ${p}.\nSecond line.",Size,尺码,${en},${zh},b-${t}-${p}-${en},${59 + (p % 100)}.90,${p % 7}`
          : `b${p},,,,,,,,${en},${zh},b-${t}-${p}-${en},${59 + (p % 100)}.90,${p % 7}`);
      });
    }
    const file = lines.join('\n') + '\n';
    assert.equal(lines.length - 1, 10000);

    let started = process.hrtime.bigint();
    const r = await importCsv(file);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 500));
    assert.equal(r.body.created, 2500);
    console.log(`# catalog import (${srv.database.backend}): 10,000 rows, 2,500 new products in ${seconds.toFixed(2)} s (target ≤ 10 s)`);

    const exported = (await exportCsv()).bytes;
    started = process.hrtime.bigint();
    const again = await importCsv(exported);
    const updateSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    assert.equal(again.status, 200, JSON.stringify(again.body).slice(0, 500));
    console.log(`# catalog re-import (${srv.database.backend}): the whole export (${again.body.updated} products) in ${updateSeconds.toFixed(2)} s`);
    assert.ok(seconds < 30, `${seconds} s is far past the 10 s target`);
    assert.ok(updateSeconds < 30, `${updateSeconds} s is far past the 10 s target`);
  });
});
