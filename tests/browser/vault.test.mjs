// Browser tests of the wallet vault (issue 17): one vault per account, its header authenticated.
// Vaults are made here with an independent libsodium (libsodium-wrappers-sumo) following the
// format of src/client/wallet/vault.hpp: a v2 vault made here pays in the app; a tampered one
// (another public key, a KDF weaker than the default, another account's) gives a clear message
// and signs nothing; a v1 vault from before moves to the account on its first unlock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import sodiumModule from 'libsodium-wrappers-sumo';

import { newBuyer, placeOrder } from '../support/buyer.mjs';
import { call } from '../support/server.mjs';
import { hex, jcs, newKey } from '../support/wallet.mjs';
import { startServer, launchBrowser, newPage, click, screenshot, openWithStorage } from './helpers.mjs';

let server;
let browser;
let sodium;
let productId;
const api = () => `${server.origin}/api/v1`;

before(async () => {
  await sodiumModule.ready;
  sodium = sodiumModule;
  server = await startServer();
  browser = await launchBrowser();
  productId = (await call(`${api()}/products?limit=48`)).body.items.find((p) => p.variants.length === 1 && p.stock >= 20).id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const PASSWORD = 'vault-pass-1234';
const DEFAULT_COST = { ops: 2, mem: 64 * 1024 * 1024 };
const UNTRUSTED = 'The wallet stored on this device was altered and cannot be trusted. Nothing was signed. Import your backed-up key to restore it.';

const kdf = (password, salt, { ops, mem }) =>
  sodium.crypto_pwhash(32, password, salt, ops, mem, sodium.crypto_pwhash_ALG_ARGON2ID13);

// A v2 vault: XChaCha20-Poly1305 over the key, the other members (JCS) as associated data.
function sealV2(key, user, { cost = DEFAULT_COST, password = PASSWORD } = {}) {
  const salt = sodium.randombytes_buf(16);
  const nonce = sodium.randombytes_buf(24);
  const k = kdf(password, salt, cost);
  const header = { v: 2, kdf: 'argon2id13', ops: cost.ops, mem: cost.mem, salt: hex(salt), nonce: hex(nonce), pubkey: key.pubkey, user };
  const box = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(key.secret, jcs(header), null, nonce, k);
  const check = sodium.crypto_generichash(16, 'satstore wallet password check', k);
  return { ...header, check: hex(check), box: hex(box) };
}

function openV2(blob, password = PASSWORD) {
  const k = kdf(password, Buffer.from(blob.salt, 'hex'), { ops: blob.ops, mem: blob.mem });
  const { box, check, ...header } = blob;
  assert.equal(hex(sodium.crypto_generichash(16, 'satstore wallet password check', k)), check);
  return hex(sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, Buffer.from(box, 'hex'), jcs(header), Buffer.from(blob.nonce, 'hex'), k));
}

// A v1 vault as the client wrote it before: secretbox over the key, nothing else authenticated.
function sealV1(key) {
  const salt = sodium.randombytes_buf(16);
  const nonce = sodium.randombytes_buf(24);
  const box = sodium.crypto_secretbox_easy(key.secret, nonce, kdf(PASSWORD, salt, DEFAULT_COST));
  return { v: 1, kdf: 'argon2id13', ops: DEFAULT_COST.ops, mem: DEFAULT_COST.mem, salt: hex(salt), nonce: hex(nonce), box: hex(box), pubkey: key.pubkey };
}

// A buyer with a bound, funded key and an unpaid order; the page is logged in with `vaults`
// (buyer → {storage key: blob}) in localStorage and shows the order's payment screen.
async function payScreen(vaults) {
  const buyer = await newBuyer({ registerApi: api(), btc: '5000000' });
  const order = (await placeOrder(api(), buyer, productId)).body;
  const page = await newPage(browser);
  const items = { 'satstore.token': buyer.token };
  for (const [k, v] of Object.entries(vaults(buyer))) items[k] = JSON.stringify(v);
  await openWithStorage(page, server.origin, `/orders/${order.id}/pay`, items);
  return { buyer, order, page };
}

const a11y = (page) => page.locator('#a11y');
const role = (page, r, name) => a11y(page).getByRole(r, { name, exact: true });

async function payWith(page, password) {
  await role(page, 'button', 'Pay').waitFor({ state: 'attached', timeout: 15000 });
  await click(page, role(page, 'textbox', 'Payment password'));
  await page.keyboard.type(password);
  await click(page, role(page, 'button', 'Pay'));
}

async function assertUnpaid(buyer, order) {
  const now = (await call(`${api()}/orders/${order.id}`, { token: buyer.token })).body;
  assert.equal(now.status, 'pending_payment');
  const ledger = (await call(`${api()}/wallet/ledger`, { token: buyer.token })).body.items;
  assert.equal(ledger.filter((e) => e.kind === 'payment').length, 0);
}

test('a v2 vault made by an independent libsodium pays in the app', async () => {
  const { buyer, order, page } = await payScreen((b) => ({ [`satstore.wallet.${b.user.id}`]: sealV2(b.key, b.user.id) }));
  await payWith(page, PASSWORD);
  await page.waitForFunction((id) => location.hash === `#/orders/${id}`, order.id, { timeout: 20000 });
  const paid = (await call(`${api()}/orders/${order.id}`, { token: buyer.token })).body;
  assert.equal(paid.status, 'paid');
  assert.equal(paid.payment.payer, buyer.key.pubkey);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

for (const [name, tamper] of [
  ['a KDF cost below the default', (b) => sealV2(b.key, b.user.id, { cost: { ops: 1, mem: 8192 } })],
  ["another account's vault", (b) => sealV2(b.key, `usr_${randomUUID().replace(/-/g, '').slice(0, 20)}`)],
  ['a changed account in the header', (b) => ({ ...sealV2(b.key, 'usr_other'), user: b.user.id })],
]) {
  test(`a tampered vault (${name}) is refused with a clear message and signs nothing`, async () => {
    const { buyer, order, page } = await payScreen((b) => ({ [`satstore.wallet.${b.user.id}`]: tamper(b) }));
    await payWith(page, PASSWORD);
    await a11y(page).getByText(UNTRUSTED, { exact: true }).waitFor({ state: 'attached', timeout: 15000 });
    await assertUnpaid(buyer, order);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test('a vault whose public key was swapped is shown as unregistered, and unlocking it is refused', async () => {
  const swapped = newKey().pubkey;
  const { buyer, order, page } = await payScreen((b) => ({ [`satstore.wallet.${b.user.id}`]: { ...sealV2(b.key, b.user.id), pubkey: swapped } }));
  await click(page, role(page, 'button', 'Go to wallet'));
  await role(page, 'button', 'Register wallet').waitFor({ state: 'attached', timeout: 15000 });
  await click(page, role(page, 'textbox', 'Payment password'));
  await page.keyboard.type(PASSWORD);
  await click(page, role(page, 'button', 'Register wallet'));
  await a11y(page).getByText(UNTRUSTED, { exact: true }).waitFor({ state: 'attached', timeout: 15000 });
  await screenshot(page, 'wallet-vault-tampered-desktop-en');
  assert.equal((await call(`${api()}/wallet`, { token: buyer.token })).body.pubkey, buyer.key.pubkey, 'the binding is unchanged');
  await assertUnpaid(buyer, order);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a v1 vault shared by the origin moves to the account on first unlock, sealed again as v2', async () => {
  const { buyer, order, page } = await payScreen((b) => ({ 'satstore.wallet': sealV1(b.key) }));
  await payWith(page, 'not-the-password');
  await a11y(page).getByText('Wrong payment password. Nothing was signed.', { exact: true }).waitFor({ state: 'attached', timeout: 15000 });
  assert.ok(await page.evaluate(() => localStorage.getItem('satstore.wallet')), 'a wrong password moves nothing');
  await payWith(page, PASSWORD);
  await page.waitForFunction((id) => location.hash === `#/orders/${id}`, order.id, { timeout: 20000 });
  assert.equal((await call(`${api()}/orders/${order.id}`, { token: buyer.token })).body.status, 'paid');
  const stored = await page.evaluate((id) => [localStorage.getItem('satstore.wallet'), localStorage.getItem(`satstore.wallet.${id}`)], buyer.user.id);
  assert.equal(stored[0], null, 'the shared v1 slot is cleared');
  const v2 = JSON.parse(stored[1]);
  assert.equal(v2.v, 2);
  assert.equal(v2.user, buyer.user.id);
  assert.equal(openV2(v2), hex(buyer.key.secret), 'the independent libsodium opens the new vault');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test("one account's vault is not offered to another account on the same browser", async () => {
  const { page } = await payScreen((b) => ({ 'satstore.wallet.usr_someone': sealV2(b.key, 'usr_someone') }));
  await role(page, 'button', 'Go to wallet').waitFor({ state: 'attached', timeout: 15000 });
  await page.context().close();
});
