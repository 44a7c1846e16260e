import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvents } from '../../contract/hostApi.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';

const SECRET = 'tok_live_9f8e7d6c5b4a3210';

// A real local API: echoes the Authorization header back in the body (the worst case for redaction).
let api: Server;
let apiUrl: string;
let slowArrived: () => void = () => {};
let requestCount = 0;
beforeAll(async () => {
  api = createServer((req, res) => {
    requestCount += 1;
    if (req.url?.startsWith('/slow')) {
      slowArrived();
      return; // never answers: only cancellation ends it
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ results: [{ id: 'c-42' }], echoedAuth: req.headers.authorization ?? null }));
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
  await services.api.credentials.set({ name: 'crm_token', value: SECRET });
});
afterEach(async () => {
  await services.close();
  await userData.cleanup();
  await workspace.cleanup();
});

async function everyFileText(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8').catch(() => '')));
  return texts.join('\n');
}

function collectRunEvents() {
  const events: Array<HostEvents['run.event']> = [];
  services.subscribe('run.event', (e) => events.push(e));
  return events;
}

describe('runs', () => {
  it('runs in mock mode, streams events and keeps a redacted history with stats', async () => {
    await services.api.connectors.save({ connector: sampleConnector() });
    const events = collectRunEvents();
    const { runId } = await services.api.runs.start({ connectorId: 'lookup', mode: 'mock', inputs: { email: 'a@b.test' } });
    await services.runSettled(runId);
    const types = events.map((e) => e.event.type);
    expect(types[0]).toBe('run.started');
    expect(types.at(-1)).toBe('run.finished');
    expect(types).toEqual(expect.arrayContaining(['step.started', 'step.succeeded']));
    expect(events.every((e) => e.runId === runId && e.connectorId === 'lookup')).toBe(true);
    const history = await services.api.runs.history({ connectorId: 'lookup' });
    expect(history).toEqual([expect.objectContaining({ runId, status: 'success', mode: 'mock', stepCounts: { success: 1, failed: 0, skipped: 0 } })]);
    const stored = await services.api.runs.get({ connectorId: 'lookup', runId });
    expect(stored.record.steps[0]?.outputs).toEqual({ contactId: 'c-42' });
    const card = (await services.api.connectors.list())[0];
    expect(card?.kind === 'connector' && card.stats).toMatchObject({ runs: 1, successRate: 1, lastStatus: 'success' });
  });

  it('records a live run against a real server into a cassette, replays it offline, and never stores the secret', async () => {
    const connector = sampleConnector({ steps: [{ ...sampleConnector().steps[0]!, url: `${apiUrl}/search` }] });
    await services.api.connectors.save({ connector });
    const events = collectRunEvents();
    const live = await services.api.runs.start({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'happy', inputs: { email: 'a@b.test' } });
    await services.runSettled(live.runId);
    const liveRun = await services.api.runs.get({ connectorId: 'lookup', runId: live.runId });
    expect(liveRun.record.status).toBe('success');
    expect(liveRun.record.steps[0]?.request?.url).toContain(`${apiUrl}/search`);
    const cassette = JSON.parse(await readFile(join(workspace.dir, 'contact-lookup.cassettes', 'happy.json'), 'utf8'));
    expect(cassette.interactions).toHaveLength(1);

    const replay = await services.api.runs.start({ connectorId: 'lookup', mode: 'replay', cassette: 'happy', inputs: { email: 'a@b.test' } });
    await services.runSettled(replay.runId);
    const replayed = await services.api.runs.get({ connectorId: 'lookup', runId: replay.runId });
    expect(replayed.record.status).toBe('success');
    expect(replayed.record.steps[0]?.outputs).toEqual({ contactId: 'c-42' });

    // The server echoed the bearer token into the response body: nothing on disk or in events may hold it.
    expect(await everyFileText(workspace.dir)).not.toContain(SECRET);
    const userDataText = (await everyFileText(userData.dir)).replace(await readFile(join(userData.dir, 'vault-keyFile.json'), 'utf8'), '');
    expect(userDataText).not.toContain(SECRET);
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(JSON.stringify(liveRun)).toContain('{{credentials.crm_token}}');
  });

  it('replays and mocks without the credential stored (as the CLI does); a live run still asks for it', async () => {
    const connector = sampleConnector({ steps: [{ ...sampleConnector().steps[0]!, url: `${apiUrl}/search` }] });
    await services.api.connectors.save({ connector });
    const live = await services.api.runs.start({ connectorId: 'lookup', mode: 'live', record: true, cassette: 'happy', inputs: { email: 'a@b.test' } });
    await services.runSettled(live.runId);
    await services.api.credentials.delete({ name: 'crm_token' });

    for (const mode of ['replay', 'mock'] as const) {
      const run = await services.api.runs.start({ connectorId: 'lookup', mode, cassette: 'happy', inputs: { email: 'a@b.test' } });
      await services.runSettled(run.runId);
      const { record } = await services.api.runs.get({ connectorId: 'lookup', runId: run.runId });
      expect(record.status, `${mode}: ${record.error?.message ?? ''}`).toBe('success');
      expect(record.steps[0]?.outputs).toEqual({ contactId: 'c-42' });
    }
    const again = await services.api.runs.start({ connectorId: 'lookup', mode: 'live', inputs: { email: 'a@b.test' } });
    await services.runSettled(again.runId);
    const { record } = await services.api.runs.get({ connectorId: 'lookup', runId: again.runId });
    expect(record.error).toMatchObject({ code: 'MISSING_CREDENTIAL' });
  });

  it('fails a replay clearly when the cassette is missing', async () => {
    await services.api.connectors.save({ connector: sampleConnector() });
    await expect(services.api.runs.start({ connectorId: 'lookup', mode: 'replay', cassette: 'nope', inputs: {} })).rejects.toMatchObject({ code: 'MOCK_MISSING', hint: expect.stringContaining('Record') });
  });

  it('cancels a running run and records it as cancelled', async () => {
    const connector = sampleConnector({ steps: [{ ...sampleConnector().steps[0]!, url: `${apiUrl}/slow` }] });
    const events = collectRunEvents();
    const arrived = new Promise<void>((resolve) => (slowArrived = resolve));
    const { runId } = await services.api.runs.start({ connector, mode: 'live', inputs: { email: 'a@b.test' } });
    await arrived; // the request is in flight at the server
    expect(await services.api.runs.cancel({ runId })).toEqual({ cancelled: true });
    await services.runSettled(runId);
    expect(events.at(-1)?.event).toMatchObject({ type: 'run.finished', record: { status: 'cancelled' } });
    expect((await services.api.runs.history({ connectorId: 'lookup' }))[0]).toMatchObject({ runId, status: 'cancelled' });
    expect(await services.api.runs.cancel({ runId })).toEqual({ cancelled: false });
  });

  it('refuses a connector over the limits before sending anything (1,000 steps, all parallel)', async () => {
    const base = sampleConnector().steps[0]!;
    const wide = sampleConnector({
      steps: [{ ...base, id: 'start', url: `${apiUrl}/start` }, ...Array.from({ length: 999 }, (_, i) => ({ ...base, id: `s${i}`, url: `${apiUrl}/many/${i}` }))],
      edges: Array.from({ length: 999 }, (_, i) => ({ id: `e${i}`, source: 'start', target: `s${i}` })),
    });
    const flat = sampleConnector({ steps: Array.from({ length: 1000 }, (_, i) => ({ ...base, id: `s${i}`, url: `${apiUrl}/many/${i}` })) });
    for (const connector of [wide, flat]) {
      requestCount = 0;
      const { runId } = await services.api.runs.start({ connector, mode: 'live', inputs: { email: 'a@b.test' } });
      await services.runSettled(runId);
      const { record } = await services.api.runs.get({ connectorId: 'lookup', runId });
      expect(requestCount).toBe(0);
      expect(record.status).toBe('failed');
      expect(record.error).toMatchObject({ code: 'INVALID_DOCUMENT', message: expect.stringContaining('has 1000 steps; the limit is 5') });
      expect(record.steps.every((step) => step.status === 'skipped' && step.attempts.length === 0)).toBe(true);
    }
    expect((await services.api.runs.get({ connectorId: 'lookup', runId: (await services.api.runs.history({ connectorId: 'lookup' }))[0]!.runId })).record.error?.message)
      .toMatch(/1000 steps with no step before them|fans out to 999 steps/);
  });

  it('caps and prunes the history', async () => {
    await services.close();
    services = await createHostServices({ userDataDir: userData.dir, workspace: workspace.dir, historyCap: 3 });
    await services.api.connectors.save({ connector: sampleConnector() });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { runId } = await services.api.runs.start({ connectorId: 'lookup', mode: 'mock', inputs: { email: `${i}@b.test` } });
      await services.runSettled(runId);
      ids.push(runId);
    }
    expect((await services.api.runs.history({ connectorId: 'lookup' })).map((r) => r.runId)).toEqual(ids.slice(2).reverse());
    expect(await services.api.runs.prune({ connectorId: 'lookup', keep: 1 })).toEqual({ removed: 2 });
    expect((await services.api.runs.history({ connectorId: 'lookup' })).map((r) => r.runId)).toEqual([ids[4]]);
  });
});

describe('live runs through the proxy setting', () => {
  it('sends live requests through the configured HTTP proxy', async () => {
    const { createServer: createNetServer, connect } = await import('node:net');
    const tunnels: string[] = [];
    // A minimal CONNECT proxy: records the target and pipes bytes both ways.
    const proxy = createNetServer((client) => {
      client.once('data', (head) => {
        const target = /^CONNECT ([^ ]+) HTTP/.exec(head.toString('latin1'))?.[1];
        if (!target) return client.destroy();
        tunnels.push(target);
        const [host, port] = target.split(':') as [string, string];
        const upstream = connect(Number(port), host, () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(client);
          client.pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyPort = (proxy.address() as AddressInfo).port;
      await services.api.settings.update({ proxy: `http://127.0.0.1:${proxyPort}` });
      const connector = sampleConnector({ steps: [{ ...sampleConnector().steps[0]!, url: `${apiUrl}/search` }] });
      const { runId } = await services.api.runs.start({ connector, mode: 'live', inputs: { email: 'a@b.test' } });
      await services.runSettled(runId);
      expect((await services.api.runs.get({ connectorId: 'lookup', runId })).record.status).toBe('success');
      expect(tunnels).toEqual([new URL(apiUrl).host]);
    } finally {
      proxy.close();
    }
  });
});
