// A buyer driven through the API, for tests that need many of them (concurrency, crashes):
// registers, binds a wallet key (signed by wallet.mjs), tops up from the demo faucet, places
// orders and pays them. Every call names the API it goes to, so one buyer can use several
// servers on one database.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { call, login } from './server.mjs';
import { authorize, bindProof, newKey } from './wallet.mjs';

export const address = {
  name: 'Li Lei', phone: '+86 138 0013 8000', country: 'CN', region: '广东省', city: '深圳市',
  district: '南山区', street: '科技园路1号', postal_code: '518000',
};

const password = 'concurrent buyer passphrase';

// Options: registerApi (POST /users), api (login, wallet; default registerApi), faucetApi (a
// server in demo mode), btc (top-up in satoshi, ≤ 1 BTC per faucet call; '0' for none).
// Returns { token, key, user, btc }.
export async function newBuyer({ registerApi, api = registerApi, faucetApi = api, btc = '0' }) {
  const email = `buyer-${randomUUID()}@example.com`;
  const created = await call(`${registerApi}/users`, { method: 'POST', body: { email, password } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const user = created.body;
  const token = await login(api, email, password);
  const store = (await call(`${api}/store`)).body;
  const key = newKey();
  const bind = await call(`${api}/wallet`, { method: 'PUT', token, body: { pubkey: key.pubkey, proof: bindProof(key, store.id, user.id) } });
  assert.equal(bind.status, 200, JSON.stringify(bind.body));
  if (btc !== '0') {
    const top = await call(`${faucetApi}/wallet/topups`, { method: 'POST', token, body: { currency: 'BTC', amount: btc } });
    assert.equal(top.status, 201, JSON.stringify(top.body));
  }
  return { token, key, user, btc };
}

// POST /orders for one unit of `productId` (or of each of several ids, in that line order), paid
// in BTC, under a fresh Idempotency-Key unless `key` is given; returns the raw answer (201 with
// the order, or a problem) so that callers can count refusals.
export function placeOrder(api, buyer, productId, { key = randomUUID() } = {}) {
  const lines = [productId].flat().map((id) => ({ product_id: id, qty: 1 }));
  return call(`${api}/orders`, {
    method: 'POST', token: buyer.token, headers: { 'idempotency-key': key },
    body: { lines, ship_to: address, pay_currency: 'BTC', lang: 'en' },
  });
}

// A signed payment for `order` by the buyer's wallet (a fresh nonce each call).
export const signPayment = (buyer, order) => authorize(order, buyer.key);

export const pay = (api, buyer, orderId, signed) =>
  call(`${api}/orders/${orderId}/payments`, { method: 'POST', token: buyer.token, body: signed });

export const getOrder = async (api, buyer, orderId) => (await call(`${api}/orders/${orderId}`, { token: buyer.token })).body;

export async function btcBalance(api, buyer) {
  const wallet = await call(`${api}/wallet`, { token: buyer.token });
  return wallet.body.balances.find((b) => b.currency === 'BTC').amount;
}

// The wallet's ledger entries of kind 'payment' (one page of 100 is enough for these tests).
export async function paymentEntries(api, buyer) {
  const ledger = await call(`${api}/wallet/ledger?limit=100`, { token: buyer.token });
  assert.equal(ledger.status, 200, JSON.stringify(ledger.body));
  assert.equal(ledger.body.next_cursor ?? null, null, 'more than one page of ledger entries');
  return ledger.body.items.filter((e) => e.kind === 'payment');
}
