#!/usr/bin/env node
/**
 * Re-records the cassettes of the official templates against the local sandbox (or, with
 * changes to the base URLs, a real sandbox account) and shows what changed.
 *
 *   npx tsx scripts/record-template-cassettes.mjs [slug ...]
 *
 * For every replay test of every template in resources/templates/ it starts the sandbox
 * (tests/fixtures/sandbox), points the template's base-URL inputs at it, runs the connector
 * live with the sandbox credentials through core's recording transport, maps the sandbox
 * addresses back to the real API base URLs (so the cassette replays with the template's
 * defaults), refuses to write anything that still holds a credential value, writes
 * `resources/templates/<slug>.cassettes/<name>.json`, prints a unified diff against the
 * previous recording, and replays the test against the new cassette.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { createFetchTransport, createRecordingTransport, createRedactor, parseConnector, runConnector, runTestCases, stableStringify } from '../core/index.ts';
import { startSandboxServer, SANDBOX_MOUNTS } from '../tests/fixtures/sandbox/server.ts';
import { SANDBOX_CREDENTIALS } from '../tests/fixtures/sandbox/credentials.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const templatesDir = join(root, 'resources/templates');

/** Which sandbox mount stands in for a real base URL, by host name. */
function mountFor(baseUrl) {
  let host;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    return undefined;
  }
  if (host.endsWith('.salesforce.com')) return 'salesforce';
  return Object.entries(SANDBOX_MOUNTS).find(([, real]) => new URL(real).hostname === host)?.[0];
}

/** Inputs for the live run (base URLs → sandbox) and the rewrites that undo it in the cassette. */
function sandboxInputs(connector, testCase, sandbox) {
  const inputs = { ...testCase.inputs };
  const rewrites = [];
  for (const input of connector.inputs) {
    if (input.type !== 'url') continue;
    const real = String(inputs[input.name] ?? input.default ?? '');
    const mount = mountFor(real);
    if (!mount) continue;
    inputs[input.name] = sandbox.baseUrl(mount);
    rewrites.push([sandbox.baseUrl(mount), real.replace(/\/+$/, '')]);
  }
  // The bare origin last, after the longer per-API prefixes.
  rewrites.sort((a, b) => b[0].length - a[0].length);
  return { inputs, rewrites };
}

function rewrite(value, rewrites) {
  let text = JSON.stringify(value);
  for (const [from, to] of rewrites) text = text.split(from).join(to);
  return JSON.parse(text);
}

function colour(patch) {
  if (!process.stdout.isTTY) return patch;
  return patch.split('\n').map((line) => (line.startsWith('+') && !line.startsWith('+++') ? `\x1b[32m${line}\x1b[0m` : line.startsWith('-') && !line.startsWith('---') ? `\x1b[31m${line}\x1b[0m` : line)).join('\n');
}

async function main() {
  const only = process.argv.slice(2);
  const files = readdirSync(templatesDir).filter((f) => f.endsWith('.connector.json')).filter((f) => only.length === 0 || only.includes(f.replace('.connector.json', '')));
  if (files.length === 0) throw new Error(`No template matches ${only.join(', ')}. Templates: ${readdirSync(templatesDir).filter((f) => f.endsWith('.connector.json')).join(', ')}`);

  const sandbox = await startSandboxServer();
  const secrets = { ...SANDBOX_CREDENTIALS };
  let failures = 0;
  let changed = 0;
  try {
    for (const file of files) {
      const connector = parseConnector(JSON.parse(readFileSync(join(templatesDir, file), 'utf8')));
      for (const testCase of connector.tests.filter((t) => t.mode === 'replay')) {
        if (!testCase.cassette) throw new Error(`${file}: the replay test "${testCase.name}" names no cassette.`);
        const target = join(templatesDir, testCase.cassette);
        const { inputs, rewrites } = sandboxInputs(connector, testCase, sandbox);
        const redactor = createRedactor(secrets);
        const transport = createRecordingTransport(createFetchTransport(), redactor);
        const record = await runConnector(connector, { inputs, transport, secrets: { get: (name) => secrets[name] }, random: () => 0 });
        const cassette = rewrite(transport.toCassette(connector.id), rewrites);

        const text = `${stableStringify(cassette)}\n`;
        if (redactor.containsSecret(text) || Object.values(SANDBOX_CREDENTIALS).some((v) => text.includes(v))) {
          throw new Error(`${testCase.cassette}: the recording still contains a credential value; nothing was written.`);
        }
        if (text.includes(sandbox.origin)) throw new Error(`${testCase.cassette}: the recording still points at the sandbox (${sandbox.origin}); add a base-URL input for that API.`);

        const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
        // recordedAt alone changing is not a change worth a new file.
        const comparable = (t) => t.replace(/"recordedAt": "[^"]*"/, '');
        const label = `${file.replace('.connector.json', '')} › ${testCase.name}`;
        if (previous && comparable(previous) === comparable(text)) {
          console.log(`= ${label}: unchanged (${cassette.interactions.length} interactions, run ${record.status})`);
        } else {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, text);
          changed++;
          console.log(`${previous ? '~' : '+'} ${label}: ${previous ? 'changed' : 'new'} (${cassette.interactions.length} interactions, run ${record.status})`);
          console.log(colour(createTwoFilesPatch(`${testCase.cassette} (previous)`, `${testCase.cassette} (recorded)`, previous, text, '', '', { context: 2 })));
        }

        const [result] = await runTestCases(connector, { loadCassette: async (path) => JSON.parse(readFileSync(join(templatesDir, path), 'utf8')), only: [testCase.name] });
        if (!result?.passed) {
          failures++;
          console.log(`  ✗ replaying it fails: ${(result?.mismatches ?? ['the test did not run']).join('; ')}`);
        } else console.log('  ✓ replays and passes its expectations');
      }
    }
  } finally {
    await sandbox.close();
  }
  console.log(`\n${changed} cassette(s) written, ${failures} replay failure(s).`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`record-template-cassettes: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
