/**
 * `templates:record --live`: the recording script, spawned as a real process, records a
 * template against "a real sandbox account" (a local HTTP server standing in for the API's
 * sandbox host, passed with --base-url), writes redacted cassettes that replay with the
 * template's defaults, prints the diff when the API's answer changed, and refuses to run
 * without the template's credentials. It works on a copy of the template, never on
 * resources/templates itself.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zeroBounceResults } from '../fixtures/sandbox/fixtures.js';

const root = resolve(import.meta.dirname, '../..');
const SLUG = 'zerobounce-email-validation';
const KEY = 'live-sandbox-zb-key-5c1e9a7b3d2f4068';

let server: Server;
let baseUrl: string;
let processedAt = '2026-01-01 09:00:00.000';
const seenKeys: string[] = [];
let dir: string;

beforeAll(async () => {
  // The "real sandbox": ZeroBounce's /v2/validate with its api_key query parameter.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = url.searchParams.get('api_key') ?? '';
    seenKeys.push(key);
    const email = url.searchParams.get('email') ?? '';
    const body = key !== KEY
      ? { error: 'Invalid API key or your account ran out of credits' }
      // The key echoed back in the answer: the recording must redact it there too.
      : { address: email, ...zeroBounceResults[email], processed_at: processedAt, request_key: key };
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'cs-record-'));
  cpSync(join(root, 'resources/templates', `${SLUG}.connector.json`), join(dir, `${SLUG}.connector.json`));
  cpSync(join(root, 'resources/templates', `${SLUG}.cassettes`), join(dir, `${SLUG}.cassettes`), { recursive: true });
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

function record(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/record-template-cassettes.mjs'), SLUG, '--live', '--templates-dir', dir, ...args],
      { cwd: root, env: { ...process.env, FORCE_COLOR: '0', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });
}

const cassette = (name: string) => readFileSync(join(dir, `${SLUG}.cassettes`, name), 'utf8');

describe('templates:record --live', () => {
  it('refuses without the credential, names the variable to set, and writes nothing', async () => {
    const before = cassette('valid.json');
    const run = await record(['--base-url', `base_url=${baseUrl}`], { CONNECTOR_STUDIO_CREDENTIAL_ZEROBOUNCE_API_KEY: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CONNECTOR_STUDIO_CREDENTIAL_ZEROBOUNCE_API_KEY');
    expect(run.stderr).toContain('Nothing was recorded');
    expect(cassette('valid.json')).toBe(before);
    expect(seenKeys).toEqual([]);
  });

  it('records against the sandbox host with the key from the environment: redacted, mapped back to the real API, replayed', async () => {
    const run = await record(['--base-url', `base_url=${baseUrl}`], { CONNECTOR_STUDIO_CREDENTIAL_ZEROBOUNCE_API_KEY: KEY });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(seenKeys).toEqual([KEY, KEY]);
    for (const name of ['valid.json', 'mailbox-not-found.json']) {
      const text = cassette(name);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(baseUrl);
      expect(text).toContain('https://api.zerobounce.net/v2/validate?');
      expect(text).toContain('api_key={{credentials.zerobounce_api_key}}');
      expect(text).toContain('2026-01-01 09:00:00.000');
    }
    expect(run.stdout).toContain(`~ ${SLUG} › replay: valid address: changed`);
    expect(run.stdout.match(/✓ replays and passes its expectations/g)).toHaveLength(2);
    expect(run.stdout).toContain('2 cassette(s) written, 0 replay failure(s).');
    expect(run.stdout).not.toContain(KEY);
  });

  it('a second recording after the API changed its answer prints the diff; an unchanged one says so', async () => {
    processedAt = '2026-02-02 10:30:00.000';
    const run = await record(['--base-url', `base_url=${baseUrl}/`, '--credential', `zerobounce_api_key=${KEY}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`--- ${SLUG}.cassettes/valid.json (previous)`);
    expect(run.stdout).toContain(`+++ ${SLUG}.cassettes/valid.json (recorded)`);
    expect(run.stdout).toMatch(/^-.*2026-01-01 09:00:00\.000/m);
    expect(run.stdout).toMatch(/^\+.*2026-02-02 10:30:00\.000/m);
    expect(run.stdout).not.toContain(KEY);
    expect(cassette('valid.json')).toContain('2026-02-02 10:30:00.000');

    const again = await record(['--base-url', `base_url=${baseUrl}`], { CONNECTOR_STUDIO_CREDENTIAL_ZEROBOUNCE_API_KEY: KEY });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`= ${SLUG} › replay: valid address: unchanged`);
    expect(again.stdout).toContain('0 cassette(s) written, 0 replay failure(s).');
  });

  it('explains a bad --base-url or one the template does not have, without recording', async () => {
    const calls = seenKeys.length;
    const notUrl = await record(['--base-url', 'base_url=sandbox.example'], { CONNECTOR_STUDIO_CREDENTIAL_ZEROBOUNCE_API_KEY: KEY });
    expect(notUrl.code).toBe(1);
    expect(notUrl.stderr).toContain('give an http(s) URL');
    const unknown = await record(['--base-url', `api_root=${baseUrl}`], { CONNECTOR_STUDIO_CREDENTIAL_ZEROBOUNCE_API_KEY: KEY });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no URL input named api_root. Its URL inputs: base_url.');
    expect(seenKeys.length).toBe(calls);
  });
});
