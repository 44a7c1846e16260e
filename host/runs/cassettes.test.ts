/**
 * runs.cassettes and cassette names in runs.start, against a real temp workspace and a real
 * local API whose answer changes between recordings.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hostCalls, type HostEvents } from '../../contract/hostApi.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { cassettePath } from './cassetteStore.js';

let api: Server;
let apiUrl: string;
let answerId = 'c-1';
beforeAll(async () => {
  api = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ results: [{ id: answerId }] }));
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
  services = await createHostServices({ userDataDir: userData.dir, workspace: workspace.dir });
  await services.api.credentials.set({ name: 'crm_token', value: 'tok_cassette_test_123456' });
});
afterEach(async () => {
  await services.close();
  await userData.cleanup();
  await workspace.cleanup();
});

const liveConnector = () => sampleConnector({ steps: [{ ...sampleConnector().steps[0]!, url: `${apiUrl}/search` }] });
const cassetteFolder = () => join(workspace.dir, 'contact-lookup.cassettes');

async function run(params: Parameters<HostServices['api']['runs']['start']>[0]) {
  const { runId } = await services.api.runs.start(params);
  await services.runSettled(runId);
  return (await services.api.runs.get({ connectorId: 'lookup', runId })).record;
}

describe('runs.cassettes', () => {
  it('lists nothing for a connector that never recorded', async () => {
    await services.api.connectors.save({ connector: liveConnector() });
    expect(await services.api.runs.cassettes({ connectorId: 'lookup' })).toEqual([]);
    expect(await services.api.runs.cassettes({ connectorId: 'unknown' })).toEqual([]);
  });

  it('lists recordings newest first with their interaction count, and each replays its own answer', async () => {
    await services.api.connectors.save({ connector: liveConnector() });
    answerId = 'c-first';
    await run({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'first', inputs: { email: 'a@b.test' } });
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct recordedAt milliseconds
    answerId = 'c-second';
    await run({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'second', inputs: { email: 'a@b.test' } });

    const list = await services.api.runs.cassettes({ connectorId: 'lookup' });
    expect(list.map((c) => c.name)).toEqual(['second', 'first']);
    expect(list.every((c) => c.interactions === 1 && c.error === undefined)).toBe(true);
    expect(Date.parse(list[0]!.recordedAt!)).toBeGreaterThan(Date.parse(list[1]!.recordedAt!));

    answerId = 'c-live-now';
    expect((await run({ connectorId: 'lookup', mode: 'replay', cassette: 'first', inputs: { email: 'a@b.test' } })).steps[0]?.outputs).toEqual({ contactId: 'c-first' });
    expect((await run({ connectorId: 'lookup', mode: 'replay', cassette: 'second', inputs: { email: 'a@b.test' } })).steps[0]?.outputs).toEqual({ contactId: 'c-second' });
  });

  it('emits run.finished only once the cassette is on disk, so a refresh on it sees the recording', async () => {
    await services.api.connectors.save({ connector: liveConnector() });
    const listedAtFinish: Array<Promise<string[]>> = [];
    services.subscribe('run.event', (e: HostEvents['run.event']) => {
      if (e.event.type === 'run.finished') listedAtFinish.push(readdir(cassetteFolder()).catch(() => []));
    });
    await run({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'fresh', inputs: { email: 'a@b.test' } });
    expect(listedAtFinish).toHaveLength(1);
    expect(await listedAtFinish[0]).toContain('fresh.json');
  });

  it('lists an unsaved connector’s cassettes by its name, as runs.start records them', async () => {
    const connector = liveConnector();
    const { runId } = await services.api.runs.start({ connector, mode: 'live', record: true, cassette: 'draft', inputs: { email: 'a@b.test' } });
    await services.runSettled(runId);
    expect((await services.api.runs.cassettes({ connectorId: 'lookup', connectorName: connector.name })).map((c) => c.name)).toEqual(['draft']);
  });

  it('ignores files that are not json and lists a corrupt or foreign one with the reason', async () => {
    await services.api.connectors.save({ connector: liveConnector() });
    await run({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'good', inputs: { email: 'a@b.test' } });
    await writeFile(join(cassetteFolder(), 'notes.txt'), 'not a cassette');
    await writeFile(join(cassetteFolder(), 'README.md'), '# hi');
    await writeFile(join(cassetteFolder(), 'broken.json'), '{"version":1,"interac');
    await writeFile(join(cassetteFolder(), 'foreign.json'), '{"hello":"world"}');
    await mkdir(join(cassetteFolder(), 'folder.json'));

    const list = await services.api.runs.cassettes({ connectorId: 'lookup' });
    expect(list.map((c) => c.name).sort()).toEqual(['broken', 'foreign', 'good']);
    const byName = Object.fromEntries(list.map((c) => [c.name, c]));
    expect(byName.good).toMatchObject({ interactions: 1, recordedAt: expect.any(String) });
    expect(byName.good!.error).toBeUndefined();
    expect(byName.broken).toMatchObject({ recordedAt: null, interactions: 0, error: expect.stringContaining('not valid JSON') });
    expect(byName.foreign).toMatchObject({ recordedAt: null, error: expect.stringContaining('not a cassette') });
    expect(byName.broken!.error).toContain('Record the cassette again');
    expect(byName.broken!.error).not.toContain(workspace.dir); // the user's paths stay out of the message
  });
});

describe('a cassette keeps the inputs of the run it recorded', () => {
  it('lists them with the cassette, redacted like everything else: a credential typed into an input never reaches the file', async () => {
    await services.api.connectors.save({ connector: liveConnector() });
    await run({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'ada', inputs: { email: 'ada@example.test' } });
    // The vault's token pasted into an input by mistake.
    await run({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'pasted', inputs: { email: 'tok_cassette_test_123456' } });

    const byName = Object.fromEntries((await services.api.runs.cassettes({ connectorId: 'lookup' })).map((c) => [c.name, c]));
    expect(byName.ada?.inputs).toEqual({ email: 'ada@example.test' });
    expect(byName.pasted?.inputs).toEqual({ email: '{{credentials.crm_token}}' });
    const files = await Promise.all(['ada', 'pasted'].map((name) => readFile(join(cassetteFolder(), `${name}.json`), 'utf8')));
    expect(JSON.parse(files[0]!).inputs).toEqual({ email: 'ada@example.test' });
    expect(files[1]).not.toContain('tok_cassette_test_123456');
  });

  it('an older cassette without inputs (or with unusable ones) is listed without them and still replays', async () => {
    await services.api.connectors.save({ connector: liveConnector() });
    answerId = 'c-old';
    await run({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'old', inputs: { email: 'a@b.test' } });
    const file = join(cassetteFolder(), 'old.json');
    const { inputs: _dropped, ...withoutInputs } = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify(withoutInputs));
    await writeFile(join(cassetteFolder(), 'odd.json'), JSON.stringify({ ...withoutInputs, inputs: { email: { nested: true } } }));

    const byName = Object.fromEntries((await services.api.runs.cassettes({ connectorId: 'lookup' })).map((c) => [c.name, c]));
    expect(byName.old).toMatchObject({ interactions: 1 });
    expect(byName.old!.error).toBeUndefined();
    expect('inputs' in byName.old!).toBe(false);
    expect(byName.odd!.error).toBeUndefined();
    expect('inputs' in byName.odd!).toBe(false);
    answerId = 'c-live-now';
    expect((await run({ connectorId: 'lookup', mode: 'replay', cassette: 'old', inputs: { email: 'a@b.test' } })).steps[0]?.outputs).toEqual({ contactId: 'c-old' });
  });
});

describe('cassette names never leave the <slug>.cassettes folder', () => {
  const hostile = ['../escape', '../../etc/passwd', 'a/b', 'a\\b', '/tmp/evil', '..', '.', '', 'x'.repeat(65), 'name.json', 'C:\\evil'];

  it.each(hostile)('the contract refuses %j in runs.start', (name) => {
    const parsed = hostCalls['runs.start'].params.safeParse({ connectorId: 'lookup', mode: 'replay', cassette: name });
    expect(parsed.success).toBe(false);
  });

  it.each(hostile)('cassettePath refuses %j even when called directly', (name) => {
    expect(() => cassettePath(workspace.dir, 'contact-lookup.connector.json', name)).toThrow(/not a valid cassette name/);
  });

  it('a hostile name in runs.start writes nothing anywhere and starts no run', async () => {
    await services.api.connectors.save({ connector: liveConnector() });
    const before = await readdir(workspace.dir, { recursive: true });
    for (const name of ['../escape', '/tmp/evil', 'a/b']) {
      await expect(services.api.runs.start({ connectorId: 'lookup', mode: 'live', record: true, cassette: name, inputs: { email: 'a@b.test' } })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
      await expect(services.api.runs.start({ connectorId: 'lookup', mode: 'replay', cassette: name, inputs: {} })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    }
    expect(await readdir(workspace.dir, { recursive: true })).toEqual(before);
    expect(await services.api.runs.history({ connectorId: 'lookup' })).toEqual([]);
  });

  it('runs.cassettes validates its own params', () => {
    expect(hostCalls['runs.cassettes'].params.safeParse({ connectorId: '' }).success).toBe(false);
    expect(hostCalls['runs.cassettes'].params.safeParse({ connectorId: 'lookup', extra: 1 }).success).toBe(false);
    expect(hostCalls['runs.cassettes'].params.safeParse({ connectorId: 'lookup' }).success).toBe(true);
  });
});
