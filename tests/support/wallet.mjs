// An independent implementation of the client side of PAYMENT.md for tests: RFC 8785 JCS in
// JavaScript, BIP-340 tagged hashes with node:crypto, and Schnorr signatures with
// @noble/curves. Nothing here shares code with the C++ core.
import { createHash, randomBytes } from 'node:crypto';

import { schnorr } from '@noble/curves/secp256k1.js';

// RFC 8785 for the values the protocol uses: strings, integers, booleans, null, arrays, objects.
export function jcs(value) {
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort(); // JS compares UTF-16 code units, as RFC 8785 sorts
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(value[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isInteger(value)) throw new Error('floats are not used in the protocol');
  return JSON.stringify(value);
}

const sha256 = (data) => createHash('sha256').update(data).digest();

export function taggedHash(tag, message) {
  const t = sha256(Buffer.from(tag, 'utf8'));
  return sha256(Buffer.concat([t, t, Buffer.from(message, 'utf8')]));
}

export const hex = (bytes) => Buffer.from(bytes).toString('hex');

export function newKey() {
  const secret = schnorr.utils.randomSecretKey();
  return { secret, pubkey: hex(schnorr.getPublicKey(secret)) };
}

export function bindProof(key, store, user) {
  const digest = taggedHash('satstore/wallet-bind/v1', jcs({ pubkey: key.pubkey, store, user, v: 1 }));
  return hex(schnorr.sign(digest, key.secret, randomBytes(32)));
}

// The order summary of PAYMENT.md built from the API's order representation.
export function orderSummary(order) {
  return {
    store: order.store,
    order: order.id,
    currency: order.total.currency,
    lines: order.lines.map((l) => ({ sku: l.sku, title: l.title, qty: l.qty, unit_price: l.unit_price.amount, line_total: l.line_total.amount })),
    subtotal: order.subtotal.amount,
    shipping: order.shipping.amount,
    discount: order.discount.amount,
    total: order.total.amount,
    ship_to: order.ship_to,
  };
}

// An authorization for the order's current quote, signed by `key`. `overrides` replaces fields
// before signing (for tests of mismatches).
export function authorize(order, key, overrides = {}) {
  const fields = {
    v: 1,
    store: order.store,
    order: order.id,
    order_digest: hex(taggedHash('satstore/order/v1', jcs(orderSummary(order)))),
    quote: order.quote.id,
    currency: order.quote.currency,
    amount: order.quote.amount,
    payer: key.pubkey,
    nonce: hex(randomBytes(16)),
    expires: Math.floor(Date.parse(order.quote.expires_at) / 1000),
    ...overrides,
  };
  const digest = taggedHash('satstore/payment/v1', jcs(fields));
  return { authorization: fields, sig: hex(schnorr.sign(digest, key.secret, randomBytes(32))) };
}
