#!/usr/bin/env node
/**
 * Re-records the cassettes of the official templates against the local sandbox, or against
 * a real sandbox account with --live, and shows what changed.
 *
 *   npx tsx scripts/record-template-cassettes.mjs [slug ...]
 *   npx tsx scripts/record-template-cassettes.mjs <slug> --live \
 *       [--base-url <input>=<url> ...] [--credential <name>=<value> ...] [--templates-dir <dir>]
 *
 * --live: no local sandbox; each `--base-url` replaces that URL input (e.g. base_url=https://
 * sandbox.api.example.com) and is mapped back to the input's default in the cassette; the
 * template's credential slots come from `--credential name=value` or, better (not visible in
 * the process list), the environment variable CONNECTOR_STUDIO_CREDENTIAL_<NAME>.
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
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { createFetchTransport } from '../host/http/createFetchTransport.ts';
import { createRecordingTransport, createRedactor, parseConnector, runConnector, runTestCases, stableStringify } from '#core';
import { startSandboxServer, SANDBOX_MOUNTS } from '../tests/fixtures/sandbox/server.ts';
import { SANDBOX_CREDENTIALS } from '../tests/fixtures/sandbox/credentials.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CREDENTIAL_ENV_PREFIX = 'CONNECTOR_STUDIO_CREDENTIAL_';

/** A usage error: printed without a stack, after which nothing has been written. */
class UsageError extends Error {}

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        live: { type: 'boolean', default: false },
        'base-url': { type: 'string', multiple: true, default: [] },
        credential: { type: 'string', multiple: true, default: [] },
        'templates-dir': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error.message}. Usage: templates:record [slug ...] [--live --base-url <input>=<url> --credential <name>=<value>]`);
  }
  const { values, positionals } = parsed;
  const pairs = (list, what) => new Map(list.map((item) => {
    const at = item.indexOf('=');
    // Never echo a credential pair: it may hold the value.
    if (at <= 0) throw new UsageError(`--${what} takes <name>=<value>${what === 'credential' ? '' : ` (got "${item}")`}.`);
    return [item.slice(0, at), item.slice(at + 1)];
  }));
  const baseUrls = pairs(values['base-url'], 'base-url');
  for (const [name, url] of baseUrls) {
    if (!/^https?:\/\/[^\s/]+/i.test(url)) throw new UsageError(`--base-url ${name}=${url}: give an http(s) URL, e.g. ${name}=https://sandbox.api.example.com.`);
  }
  const credentials = pairs(values.credential, 'credential');
  if (!values.live && (baseUrls.size > 0 || credentials.size > 0)) throw new UsageError('--base-url and --credential only apply with --live (recording against a real sandbox account).');
  return {
    slugs: positionals,
    live: values.live,
    baseUrls,
    credentials,
    templatesDir: values['templates-dir'] ? resolve(values['templates-dir']) : join(root, 'resources/templates'),
  };
}

/** The template's credential values for a live recording: --credential, else CONNECTOR_STUDIO_CREDENTIAL_<NAME>. */
function liveSecrets(connector, file, credentials) {
  const secrets = {};
  const missing = [];
  for (const slot of connector.credentials ?? []) {
    const value = credentials.get(slot.name) ?? process.env[`${CREDENTIAL_ENV_PREFIX}${slot.name.toUpperCase()}`];
    if (value) secrets[slot.name] = value;
    else missing.push(slot.name);
  }
  if (missing.length > 0) {
    throw new UsageError(`${file}: no value for the credential slot(s) ${missing.join(', ')}. Set ${missing.map((n) => `${CREDENTIAL_ENV_PREFIX}${n.toUpperCase()}`).join(', ')} (or pass --credential <name>=<value>) with your sandbox account's keys.`);
  }
  return secrets;
}

/** Live inputs: each --base-url replaces its URL input, and is mapped back to the input's default in the cassette. */
function liveInputs(connector, testCase, baseUrls) {
  const inputs = { ...testCase.inputs };
  const rewrites = [];
  for (const input of connector.inputs) {
    const url = baseUrls.get(input.name);
    if (url === undefined || input.type !== 'url') continue;
    const real = String(testCase.inputs[input.name] ?? input.default ?? '').replace(/\/+$/, '');
    // Templates append paths to the base (`{{base_url}}/v2/…`): a trailing slash would double it.
    const standIn = url.replace(/\/+$/, '');
    inputs[input.name] = standIn;
    if (real && real !== standIn) rewrites.push([standIn, real]);
  }
  rewrites.sort((a, b) => b[0].length - a[0].length);
  return { inputs, rewrites };
}

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
  const options = parseCommandLine(process.argv.slice(2));
  const { templatesDir, slugs: only } = options;
  const files = readdirSync(templatesDir).filter((f) => f.endsWith('.connector.json')).filter((f) => only.length === 0 || only.includes(f.replace('.connector.json', '')));
  if (files.length === 0) throw new UsageError(`No template matches ${only.join(', ')}. Templates: ${readdirSync(templatesDir).filter((f) => f.endsWith('.connector.json')).join(', ')}`);
  if (options.live && only.length === 0) throw new UsageError('--live records against your own sandbox account: name the template(s), e.g. templates:record -- zerobounce-email-validation --live.');

  const sandbox = options.live ? null : await startSandboxServer();
  let failures = 0;
  let changed = 0;
  try {
    for (const file of files) {
      const connector = parseConnector(JSON.parse(readFileSync(join(templatesDir, file), 'utf8')));
      const secrets = options.live ? liveSecrets(connector, file, options.credentials) : { ...SANDBOX_CREDENTIALS };
      if (options.live) {
        const unused = [...options.baseUrls.keys()].filter((name) => !connector.inputs.some((i) => i.name === name && i.type === 'url'));
        if (unused.length > 0) throw new UsageError(`${file}: no URL input named ${unused.join(', ')}. Its URL inputs: ${connector.inputs.filter((i) => i.type === 'url').map((i) => i.name).join(', ') || 'none'}.`);
      }
      for (const testCase of connector.tests.filter((t) => t.mode === 'replay')) {
        if (!testCase.cassette) throw new Error(`${file}: the replay test "${testCase.name}" names no cassette.`);
        const target = join(templatesDir, testCase.cassette);
        const { inputs, rewrites } = sandbox ? sandboxInputs(connector, testCase, sandbox) : liveInputs(connector, testCase, options.baseUrls);
        const redactor = createRedactor(secrets);
        const transport = createRecordingTransport(createFetchTransport(), redactor);
        const record = await runConnector(connector, { inputs, transport, secrets: { get: (name) => secrets[name] }, random: () => 0 });
        // The test case's own inputs (the real base URLs): replay in the app starts from them.
        const cassette = rewrite(transport.toCassette(connector.id, { inputs: testCase.inputs }), rewrites);

        const text = `${stableStringify(cassette)}\n`;
        if (redactor.containsSecret(text) || Object.values(secrets).some((v) => text.includes(v))) {
          throw new Error(`${testCase.cassette}: the recording still contains a credential value; nothing was written.`);
        }
        const standIns = sandbox ? [sandbox.origin] : rewrites.map(([from]) => from);
        const leftover = standIns.find((origin) => text.includes(origin));
        if (leftover) throw new Error(`${testCase.cassette}: the recording still points at the sandbox (${leftover}); add a base-URL input for that API.`);

        const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
        // recordedAt or a real server's Date header alone changing is not a change worth a new file.
        const comparable = (t) => t.replace(/"recordedAt": "[^"]*"/, '').replace(/"date": "[^"]*"/g, '');
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
    await sandbox?.close();
  }
  console.log(`\n${changed} cassette(s) written, ${failures} replay failure(s).`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(`record-template-cassettes: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error('Nothing was recorded. See resources/templates/README.md, "Re-recording cassettes".');
  process.exitCode = 1;
});
