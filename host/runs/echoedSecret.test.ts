/**
 * An API that echoes the credential back the way PHP does (json_encode escapes `/` as `\/` and
 * every non-ASCII character as `\uXXXX`), run through the host's run service with a recording:
 * the secret, and the Basic token derived from it, are in none of the run history, runs.get,
 * the run events, the cassette file or the publish preview. A cassette that still holds the
 * escaped secret is left out of publishing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvents } from '../../contract/hostApi.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';

// Header values are ASCII; non-ASCII secrets and \uXXXX are covered by core/redaction/redactor.property.test.ts.
const SECRET = 'tok/live+9f8e/Zz-42/x';
const USER = 'alice/ops';

/** PHP's json_encode defaults. */
function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

let api: Server;
let apiUrl: string;
beforeAll(async () => {
  api = createServer((req, res) => {
    const authorization = req.headers.authorization ?? '';
    const token = authorization.replace(/^Bearer /, '');
    const basic = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : null;
    res.setHeader('content-type', 'application/json');
    res.end(phpJson({ results: [{ id: 'c-1' }], echo: authorization, token, basic, token_b64: Buffer.from(token).toString('base64') }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

let userData: { dir: string; cleanup: () => Promise<void> };
let workspace: { dir: string; cleanup: () => Promise<void> };
let services: HostServices;
beforeEach(async () => {
  userData = await makeTempDir('cs-userdata-');
  workspace = await makeTempDir('cs-workspace-');
  services = await createHostServices({ userDataDir: userData.dir, workspace: workspace.dir, templatesDir: null });
  await services.api.credentials.set({ name: 'crm_token', value: SECRET });
  await services.api.credentials.set({ name: 'crm_user', value: USER });
});
afterEach(async () => {
  await services.close();
  await userData.cleanup();
  await workspace.cleanup();
});

/** Every form a reader could get the secret back from, checked in every string, JSON-decoded as deep as it goes. */
function leaks(value: unknown): string[] {
  const basic = Buffer.from(`${USER}:${SECRET}`).toString('base64');
  const forms = [SECRET, phpJson(SECRET).slice(1, -1), encodeURIComponent(SECRET), Buffer.from(SECRET).toString('base64'), basic, basic.replace(/\//g, '\\/')];
  const found: string[] = [];
  const visit = (item: unknown, depth: number) => {
    if (typeof item === 'string') {
      for (const form of forms) if (item.includes(form)) found.push(`${form} in ${item.slice(0, 120)}`);
      if (depth < 4 && /^\s*[[{"]/.test(item)) {
        try {
          visit(JSON.parse(item), depth + 1);
        } catch {
          // Not JSON.
        }
      }
    } else if (Array.isArray(item)) item.forEach((x) => visit(x, depth));
    else if (item && typeof item === 'object') {
      for (const [key, x] of Object.entries(item)) {
        visit(key, depth);
        visit(x, depth);
      }
    }
  };
  visit(value, 0);
  return found;
}

const cassetteRef = 'contact-lookup.cassettes/echo.json';

function echoingConnector() {
  const base = sampleConnector();
  return sampleConnector({
    steps: [
      { ...base.steps[0]!, url: `${apiUrl}/search` },
      { ...base.steps[0]!, id: 'verify', name: 'Verify', url: `${apiUrl}/verify`, auth: { type: 'basic', username: '{{credentials.crm_user}}', password: '{{credentials.crm_token}}' }, outputs: [{ name: 'seen', path: '$.basic' }] },
    ],
    credentials: [{ name: 'crm_token', label: 'CRM token' }, { name: 'crm_user', label: 'CRM user' }],
    tests: [{ name: 'replays the echo', mode: 'replay', cassette: cassetteRef, inputs: { email: 'a@b.test' }, expect: { status: 'success', steps: { search: 'success', verify: 'success' }, contact: {} } }],
  });
}

describe('a credential echoed back PHP-style', () => {
  it('is in none of the history, runs.get, events, cassette or publish preview', async () => {
    await services.api.connectors.save({ connector: echoingConnector() });
    const events: Array<HostEvents['run.event']> = [];
    services.subscribe('run.event', (event) => events.push(event));

    const { runId } = await services.api.runs.start({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'echo', inputs: { email: 'a@b.test' } });
    await services.runSettled(runId);
    const stored = await services.api.runs.get({ connectorId: 'lookup', runId });
    expect(stored.record.status, JSON.stringify(stored.record.steps.map((s) => s.error))).toBe('success');
    // The API did echo the secret (escaped): it is replaced where it stood.
    expect(stored.record.steps[0]?.response?.body).toContain('{{credentials.crm_token}}');

    const cassette = await readFile(join(workspace.dir, cassetteRef), 'utf8');
    const preview = await services.api.templates.publishPreview({ connectorId: 'lookup' });
    expect(preview.template.cassettes).toEqual([cassetteRef]);
    const history = await services.api.runs.history({ connectorId: 'lookup' });
    const [historyName] = await readdir(join(userData.dir, 'runs'));
    const historyFile = await readFile(join(userData.dir, 'runs', historyName!), 'utf8');

    expect(leaks(stored)).toEqual([]);
    expect(leaks(history)).toEqual([]);
    expect(leaks(historyFile.split('\n').filter(Boolean))).toEqual([]);
    expect(leaks(events)).toEqual([]);
    expect(events.some((e) => e.event.type === 'run.finished')).toBe(true);
    expect(leaks(cassette)).toEqual([]);
    expect(leaks(preview)).toEqual([]);
    expect(preview.ok).toBe(true);
  });

  it('keeps a cassette that still holds the escaped secret out of publishing', async () => {
    await services.api.connectors.save({ connector: echoingConnector() });
    await mkdir(join(workspace.dir, 'contact-lookup.cassettes'), { recursive: true });
    const leaked = { version: 1, connectorId: 'lookup', recordedAt: new Date().toISOString(), interactions: [{ stepId: 'search', request: { method: 'GET', url: `${apiUrl}/search`, headers: {} }, response: { status: 200, headers: {}, bodyText: phpJson({ token: SECRET }) } }] };
    await writeFile(join(workspace.dir, cassetteRef), JSON.stringify(leaked));

    const preview = await services.api.templates.publishPreview({ connectorId: 'lookup' });
    expect(preview.template.cassettes).toEqual([]);
    expect(preview.dropped).toContainEqual({ path: `cassettes.${cassetteRef}`, reason: expect.stringContaining('credential value from this machine') });
  });
});
