/**
 * Connectors with the same `serviceKey` share one rate limit across runs (README, "Rate limits
 * … shared between connectors with the same serviceKey"): the host keeps one limiter for every
 * run. Two connectors of one service at 1 request per minute, against a real local API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvents } from '../../contract/hostApi.js';
import type { Connector } from '#core';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';

let api: Server;
let apiUrl: string;
let hits = 0;
beforeAll(async () => {
  api = createServer((_req, res) => {
    hits += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ results: [{ id: 'c-1' }] }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

let userData: { dir: string; cleanup: () => Promise<void> };
let workspace: { dir: string; cleanup: () => Promise<void> };
let services: HostServices;
beforeEach(async () => {
  hits = 0;
  userData = await makeTempDir('cs-userdata-');
  workspace = await makeTempDir('cs-workspace-');
  services = await createHostServices({ userDataDir: userData.dir, workspace: workspace.dir, templatesDir: null });
  await services.api.credentials.set({ name: 'crm_token', value: 'tok_rate_limit_test_1' });
});
afterEach(async () => {
  await services.close();
  await userData.cleanup();
  await workspace.cleanup();
});

function crmConnector(id: string, strategy: 'queue' | 'fail'): Connector {
  const base = sampleConnector();
  return sampleConnector({
    id,
    name: `CRM ${id}`,
    steps: [{ ...base.steps[0]!, url: `${apiUrl}/search` }],
    rateLimit: { enabled: true, maxRequestsPerMinute: 1, strategy, serviceKey: 'crm' },
  });
}

async function start(connectorId: string) {
  const { runId } = await services.api.runs.start({ connectorId, mode: 'live', inputs: { email: 'a@b.test' } });
  return runId;
}

async function recordOf(connectorId: string, runId: string) {
  await services.runSettled(runId);
  return (await services.api.runs.get({ connectorId, runId })).record;
}

describe('rate limits shared by service key across runs', () => {
  it('"fail": the second connector of the service fails RATE_LIMITED without calling the API', async () => {
    await services.api.connectors.save({ connector: crmConnector('crm-a', 'fail') });
    await services.api.connectors.save({ connector: crmConnector('crm-b', 'fail') });

    expect((await recordOf('crm-a', await start('crm-a'))).status).toBe('success');
    const second = await recordOf('crm-b', await start('crm-b'));
    expect(second.status).toBe('failed');
    expect(second.steps[0]?.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('"crm"') });
    expect(hits).toBe(1);
  });

  it('"queue": the second connector of the service waits for the next slot (cancelled here rather than waiting a minute)', async () => {
    await services.api.connectors.save({ connector: crmConnector('crm-a', 'queue') });
    await services.api.connectors.save({ connector: crmConnector('crm-b', 'queue') });
    const events: Array<HostEvents['run.event']> = [];
    services.subscribe('run.event', (event) => events.push(event));

    expect((await recordOf('crm-a', await start('crm-a'))).status).toBe('success');
    const waiting = await start('crm-b');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Started, but its request is held back by the limit the other connector used up.
    expect(events.some((e) => e.runId === waiting && e.event.type === 'step.started')).toBe(true);
    expect(events.some((e) => e.runId === waiting && e.event.type === 'run.finished')).toBe(false);
    expect(hits).toBe(1);

    expect(await services.api.runs.cancel({ runId: waiting })).toEqual({ cancelled: true });
    expect((await recordOf('crm-b', waiting)).status).toBe('cancelled');
    expect(hits).toBe(1);
  });
});
