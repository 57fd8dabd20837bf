#!/usr/bin/env node
// Carrier simulator for demos: sends signed tracking events (SPEC §5) for one parcel to the
// server's carrier webhook — in_transit → out_for_delivery → delivered, one step every few
// seconds — so the buyer's tracking timeline moves while you watch. The signing is the test
// helper's (tests/support/carrier.mjs); in demo mode the server's secret for carrier X is
// "demo-secret-X".
//
//   node scripts/carrier_sim.mjs --carrier sf --tracking SF1234567890 [--api URL] [--delay S]
//                                [--secret S] [--steps in_transit,out_for_delivery,delivered]
import { parseArgs } from 'node:util';

import { at, demoSecret, sendTracking } from '../tests/support/carrier.mjs';

const { values: opt } = parseArgs({
  options: {
    api: { type: 'string', default: process.env.SATSTORE_API ?? 'http://127.0.0.1:8080/api/v1' },
    carrier: { type: 'string', default: 'sf' },
    tracking: { type: 'string' },
    delay: { type: 'string', default: '5' },
    secret: { type: 'string' },
    steps: { type: 'string', default: 'in_transit,out_for_delivery,delivered' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (opt.help || !opt.tracking) {
  console.log('usage: node scripts/carrier_sim.mjs --carrier sf --tracking <number> [--api URL] [--delay seconds]\n' +
              '                                   [--secret S] [--steps in_transit,out_for_delivery,delivered]');
  process.exit(opt.help ? 0 : 2);
}

// What a parcel's scans look like at each normalised status.
const scans = {
  in_transit: { location: 'Shenzhen sorting centre', description: 'Departed the sorting centre' },
  out_for_delivery: { location: 'Local delivery station', description: 'Out for delivery with the courier' },
  delivered: { location: 'Front door', description: 'Delivered, signed for by the recipient' },
  exception: { location: 'Local delivery station', description: 'Delivery attempt failed: nobody home' },
  returned_to_sender: { location: 'Shenzhen sorting centre', description: 'Returned to the sender' },
  lost: { location: 'Unknown', description: 'Parcel missing: investigation opened' },
};

const steps = opt.steps.split(',').map((s) => s.trim()).filter(Boolean);
for (const s of steps) {
  if (!scans[s]) {
    console.error(`unknown status "${s}"; one of: ${Object.keys(scans).join(', ')}`);
    process.exit(2);
  }
}
const delayMs = Math.max(0, Number(opt.delay) * 1000);
const secret = opt.secret ?? demoSecret(opt.carrier);

for (const [i, status] of steps.entries()) {
  if (i > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const r = await sendTracking(opt.api, opt.carrier, opt.tracking, [{ at: at(), status, ...scans[status] }], { secret });
  console.log(`${at()} ${opt.carrier} ${opt.tracking} ${status}: HTTP ${r.status}${r.status === 200 ? '' : ' ' + JSON.stringify(r.body)}`);
  if (r.status !== 200) process.exit(1);
}
