// Checks answers against the server's own OpenAPI document (GET /api/v1/openapi.json), so that
// the document and the server cannot drift apart: `call()` (server.mjs) passes every answer it
// gets through checkAnswer(), which throws when the status is not documented for the operation,
// the content type is not the documented one, or the body does not match its schema (ajv,
// JSON Schema 2020-12 as OpenAPI 3.1 uses). Also: lint() runs @redocly/cli on a document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';

const contracts = new Map();  // origin → Promise<{ doc, operations, validators }>

async function contractOf(origin) {
  if (!contracts.has(origin)) {
    contracts.set(origin, (async () => {
      const doc = await (await fetch(`${origin}/api/v1/openapi.json`)).json();
      // Literal segments before parameters: /password-resets/complete before /password-resets/{token}.
      const operations = Object.keys(doc.paths)
        .map((pattern) => ({
          pattern,
          params: (pattern.match(/\{/g) ?? []).length,
          regex: new RegExp(`^${pattern.replace(/\{[a-z_]+\}/g, '[^/]+')}$`),
        }))
        .sort((a, b) => a.params - b.params);
      return { doc, operations, ajv: new Ajv2020({ strict: false, allErrors: true }), validators: new Map() };
    })());
  }
  return contracts.get(origin);
}

function validator(contract, schema, key) {
  if (!contract.validators.has(key)) {
    // The operation's schema with the document's components beside it, so "#/components/…" resolves.
    contract.validators.set(key, contract.ajv.compile({ ...schema, components: contract.doc.components }));
  }
  return contract.validators.get(key);
}

// Throws unless the answer (status, Content-Type header, parsed body) is what the document says
// `method url` answers. HEAD and OPTIONS answers are not described and pass.
export async function checkAnswer(url, method, status, contentType, body) {
  const { origin, pathname } = new URL(url);
  method = method.toLowerCase();
  if (method === 'head' || method === 'options' || !(pathname.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(pathname))) return;
  const contract = await contractOf(origin);
  const where = `${method.toUpperCase()} ${pathname} → ${status}`;
  const op = contract.operations.find((o) => o.regex.test(pathname));
  const operation = op && contract.doc.paths[op.pattern][method];
  let response;
  if (!operation) {
    // Unknown path (404) or method (405): a problem, as every refusal is.
    if (status !== 404 && status !== 405) throw new Error(`${where}: the document has no such operation`);
    response = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  } else {
    response = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
    if (!response) throw new Error(`${where}: status not in the document (${Object.keys(operation.responses).join(', ')})`);
  }
  if (!response.content) {
    if (body !== null && body !== undefined && body !== '') throw new Error(`${where}: a body where the document has none`);
    return;
  }
  const type = (contentType ?? '').split(';')[0].trim();
  const media = response.content[type];
  if (!media) throw new Error(`${where}: Content-Type ${type || '(none)'}, the document says ${Object.keys(response.content).join(' or ')}`);
  if (!type.includes('json')) return;
  const validate = validator(contract, media.schema, `${op?.pattern} ${method} ${status} ${type}`);
  if (!validate(body)) throw new Error(`${where}: the body does not match the document: ${contract.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
}

const redocly = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'redocly');

// Lints an OpenAPI document with @redocly/cli's recommended rules; returns { errors, warnings, output }.
export function lint(doc) {
  const dir = mkdtempSync(join(tmpdir(), 'satstore-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    let output;
    try {
      output = execFileSync(redocly, ['lint', file, '--format=json'], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
    } catch (e) {
      output = e.stdout;  // exit 1 when there are errors; the report is on stdout all the same
    }
    const report = JSON.parse(output);
    const count = (severity) => report.problems.filter((p) => p.severity === severity).length;
    return { errors: count('error'), warnings: count('warn'), problems: report.problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
