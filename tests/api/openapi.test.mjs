// The OpenAPI document the server serves (GET /api/v1/openapi.json): generated from the route
// table, it lints clean with @redocly/cli, and every answer the API tests get is checked against
// it (tests/support/openapi.mjs through call()).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { lint } from '../support/openapi.mjs';
import { call, startServer } from '../support/server.mjs';

let srv;
let doc;
before(async () => {
  srv = await startServer();
  doc = (await call(`${srv.api}/openapi.json`)).body;
});
after(async () => { await srv?.stop(); });

test('@redocly/cli lints the served document with 0 errors', () => {
  const report = lint(doc);
  console.log(`# redocly lint: ${report.errors} errors, ${report.warnings} warnings`);
  assert.equal(report.errors, 0, JSON.stringify(report.problems.slice(0, 5), null, 1));
});

test('every operation has a unique operationId, success and problem answers, and says who may call it', () => {
  const ids = new Set();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.ok(op.operationId && !ids.has(op.operationId), `${where}: operationId`);
      ids.add(op.operationId);
      assert.ok(Object.keys(op.responses).some((s) => /^[23]\d\d$/.test(s)), `${where}: a success answer`);
      assert.ok(op.responses['4XX'], `${where}: problems`);
      assert.ok(['anyone', 'user', 'merchant', 'agent', 'admin'].includes(op['x-satstore-role']), `${where}: role`);
      assert.equal(op.security.length === 0, op['x-satstore-role'] === 'anyone', `${where}: security`);
    }
  }
  assert.ok(ids.size > 60);
  const order = doc.paths['/api/v1/orders'].post;
  assert.deepEqual(order.parameters.find((p) => p.name === 'Idempotency-Key').required, true);
  assert.ok(doc.paths['/api/v1/products'].get.parameters.some((p) => p.in === 'query' && p.name === 'q'));
  assert.ok(doc.paths['/api/v1/carriers/{carrier}/events'].post.parameters.some((p) => p.name === 'X-Carrier-Signature'));
  assert.ok(doc.paths['/api/v1/uploads'].post.requestBody.content['image/png']);
  assert.equal(doc.servers.length, 1);
  assert.ok(doc.components.schemas.Problem.properties.code.enum.includes('json_too_deep'));
});

test('an answer the document does not describe is caught', async () => {
  const { checkAnswer } = await import('../support/openapi.mjs');
  await assert.rejects(checkAnswer(`${srv.api}/users`, 'POST', 200, 'application/json', {}), /status not in the document/);
  await assert.rejects(checkAnswer(`${srv.api}/me`, 'GET', 401, 'application/problem+json', { code: 'unauthenticated' }), /does not match/);
  await assert.rejects(checkAnswer(`${srv.api}/me`, 'GET', 401, 'application/problem+json', {
    type: 'x', title: 'x', status: 401, detail: 'x', code: 'made_up_code' }), /does not match/);
  await assert.rejects(checkAnswer(`${srv.api}/sessions/current`, 'DELETE', 204, null, { unexpected: true }), /a body where/);
});
