// A carrier simulator for tests and demos: sends signed tracking events to the webhook
// (SPEC §5: HMAC-SHA256 over "<unix seconds>.<raw body>").
import { createHmac } from 'node:crypto';

// In demo mode the server's secret for carrier X is "demo-secret-X".
export const demoSecret = (carrier) => `demo-secret-${carrier}`;

export async function sendTracking(api, carrier, trackingNumber, events, { secret = demoSecret(carrier), timestamp } = {}) {
  const body = JSON.stringify({ tracking_number: trackingNumber, events });
  const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
  const r = await fetch(`${api}/carriers/${carrier}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-carrier-timestamp': ts, 'x-carrier-signature': `sha256=${signature}` },
    body,
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}

// RFC 3339 without milliseconds, as the API writes times.
export const at = (msAgo = 0) => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');
