import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_CALL_NAMES, ipcCallChannel } from '../contract/hostCallNames.js';
import { createHostServices, type HostServices } from '../host/api/createHostServices.js';
import { createCallHandler, isAllowedSender, registerIpcHandlers } from './ipcRegistry.js';

let dir: string;
let services: HostServices;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cs-ipc-'));
  services = await createHostServices({ userDataDir: dir });
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

const from = (url: string | undefined) => ({ senderFrame: url === undefined ? null : ({ url } as never) });

describe('IPC registry', () => {
  it('registers one handler per contract call on its own channel, and removes them', () => {
    const handlers = new Map<string, unknown>();
    const unregister = registerIpcHandlers({ handle: (channel: string, fn: unknown) => void handlers.set(channel, fn), removeHandler: (channel: string) => void handlers.delete(channel) } as never, services);
    expect([...handlers.keys()].sort()).toEqual(HOST_CALL_NAMES.map(ipcCallChannel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('accepts calls from our own app:// frame only', async () => {
    expect(isAllowedSender(from('app://renderer/index.html'))).toBe(true);
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', 'devtools://devtools/', undefined]) {
      expect(isAllowedSender(from(url)), String(url)).toBe(false);
      expect(await createCallHandler(services, 'settings.get')(from(url), undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(await createCallHandler(services, 'settings.get')(from('app://renderer/index.html'), undefined)).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it('validates payloads and serialises errors with their code and hint', async () => {
    const handler = createCallHandler(services, 'workspace.open');
    expect(await handler(from('app://renderer/index.html'), { path: 42 })).toMatchObject({ ok: false, error: { name: 'HostError', code: 'INVALID_PAYLOAD', path: 'path' } });
    expect(await handler(from('app://renderer/index.html'), { path: join(dir, 'missing') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', hint: expect.stringContaining('Create') } });
  });
});
