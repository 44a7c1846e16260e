// The renderer's browser-mode client against the real server: the two halves of one transport.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBrowserHostClient } from '../../renderer/platform/browserHostClient.js';
import type { HostClient, HostEvents } from '../../contract/hostApi.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { startBrowserServer, type BrowserServer } from './browserServer.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let services: HostServices;
let server: BrowserServer;
let client: HostClient;

beforeEach(async () => {
  tmp = await makeTempDir('cs-client-');
  await mkdir(join(tmp.dir, 'renderer'));
  await mkdir(join(tmp.dir, 'ws'));
  services = await createHostServices({ userDataDir: join(tmp.dir, 'user-data') });
  server = await startBrowserServer({ services, rendererDir: join(tmp.dir, 'renderer') });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  // Node's fetch sends no Origin; ws needs one set, as a browser would.
  class OriginWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols ?? [], { headers: { origin: baseUrl } });
    }
  }
  client = createBrowserHostClient({ baseUrl, token: server.token, fetchImpl: fetch, WebSocketImpl: OriginWebSocket as unknown as typeof globalThis.WebSocket });
});
afterEach(async () => {
  await server.close();
  await services.close();
  await tmp.cleanup();
});

describe('browser host client ↔ server', () => {
  it('calls named methods and rethrows host errors with code and hint', async () => {
    await expect(client.connectors.list()).rejects.toMatchObject({ name: 'HostError', code: 'NO_WORKSPACE', hint: expect.any(String) });
    const info = await client.workspace.open({ path: join(tmp.dir, 'ws') });
    expect(info.name).toBe('ws');
    expect(await client.connectors.save({ connector: sampleConnector() })).toMatchObject({ status: 'saved' });
    expect((await client.connectors.list()).map((e) => e.kind)).toEqual(['connector']);
    expect((await client.app.info()).mode).toBe('browser');
  });

  it('receives events through subscribe, including external file edits', async () => {
    await client.workspace.open({ path: join(tmp.dir, 'ws') });
    let unsubscribe = () => {};
    const changed = new Promise<HostEvents['store.changed']>((resolve) => { unsubscribe = client.subscribe('store.changed', resolve); });
    while (server.eventClientCount() === 0) await new Promise((r) => setTimeout(r, 10)); // the socket is open
    await writeFile(join(tmp.dir, 'ws', 'outside.connector.json'), JSON.stringify({ schemaVersion: 2, id: 'outside', name: 'Outside', steps: [{ id: 's', url: 'https://x.test' }] }));
    expect(await changed).toMatchObject({ kind: 'added', file: 'outside.connector.json', id: 'outside' });
    // Closes the socket before the server goes, so no reconnect outlives the test.
    unsubscribe();
  });
});
