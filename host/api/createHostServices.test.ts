import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvents } from '../../contract/hostApi.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { createHostServices, type HostServices } from './createHostServices.js';
import type { HostServiceContext } from './hostExtension.js';
import { invokeHostCall } from './invokeHostCall.js';

let userData: { dir: string; cleanup: () => Promise<void> };
let workspace: { dir: string; cleanup: () => Promise<void> };
let services: HostServices;

beforeEach(async () => {
  userData = await makeTempDir('cs-userdata-');
  workspace = await makeTempDir('cs-workspace-');
  services = await createHostServices({ userDataDir: userData.dir });
});
afterEach(async () => {
  await services.close();
  await userData.cleanup();
  await workspace.cleanup();
});

describe('createHostServices', () => {
  it('rejects invalid payloads before any service runs', async () => {
    const outcome = await invokeHostCall(services.api, 'credentials.set', { name: 'bad name', value: 'x' });
    expect(outcome).toMatchObject({ ok: false, error: { name: 'HostError', code: 'INVALID_PAYLOAD', path: 'name' } });
    await expect(services.api.credentials.list()).resolves.toEqual([]);
    expect(await invokeHostCall(services.api, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(await invokeHostCall(services.api, 'connectors.save', { connector: { id: 'x' } })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await invokeHostCall(services.api, 'workspace.open', { path: 'relative/path' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', hint: expect.stringContaining('full path') } });
  });

  it('needs a workspace for connector calls, then opens one and remembers it', async () => {
    expect(await invokeHostCall(services.api, 'connectors.list', undefined)).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    const changes: Array<HostEvents['workspace.changed']> = [];
    services.subscribe('workspace.changed', (e) => changes.push(e));
    const info = await services.api.workspace.open({ path: workspace.dir });
    expect(info.path).toBe(workspace.dir);
    expect(changes).toEqual([{ workspace: info }]);
    expect(await services.api.workspace.current()).toEqual(info);
    expect(await services.api.workspace.recent()).toEqual([{ ...info, openedAt: expect.any(Number), exists: true }]);
    expect(await services.api.workspace.pickFolder()).toMatchObject({ status: 'unsupported' });
  });

  it('creates a workspace folder, refusing a non-empty one', async () => {
    const target = join(workspace.dir, 'nested', 'new-ws');
    await services.api.workspace.create({ path: target });
    expect(await readdir(target)).toEqual([]);
    await writeFile(join(workspace.dir, 'x.txt'), 'x');
    await expect(services.api.workspace.create({ path: workspace.dir })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('saves, lists, gets, exports, imports and deletes connectors', async () => {
    await services.api.workspace.open({ path: workspace.dir });
    const saved = await services.api.connectors.save({ connector: sampleConnector() });
    expect(saved).toMatchObject({ status: 'saved', file: 'contact-lookup.connector.json' });
    await writeFile(join(workspace.dir, 'broken.connector.json'), 'nope');
    const list = await services.api.connectors.list();
    expect(list).toEqual([
      { kind: 'invalid', file: 'broken.connector.json', modifiedAt: expect.any(Number), error: expect.objectContaining({ message: expect.stringContaining('Not valid JSON') }) },
      expect.objectContaining({ kind: 'connector', id: 'lookup', name: 'Contact lookup', stepCount: 1, errorCount: 0, stats: { runs: 0, successRate: null, p95DurationMs: null, lastRunAt: null, lastStatus: null } }),
    ]);
    const got = await services.api.connectors.get({ id: 'lookup' });
    expect(got.hash).toBe(saved.status === 'saved' ? saved.hash : '');
    const exported = await services.api.connectors.export({ id: 'lookup', format: 'app' });
    expect(exported.content).toBe(await readFile(join(workspace.dir, got.file), 'utf8'));
    const imported = await services.api.connectors.import({ content: exported.content });
    expect(imported.id).toMatch(/^lookup-/);
    expect((await services.api.connectors.list()).filter((e) => e.kind === 'connector')).toHaveLength(2);
    const interchange = await services.api.connectors.export({ id: 'lookup', format: 'interchange' });
    expect(interchange.fileName).toBe('contact-lookup.interchange.json');
    const back = await services.api.connectors.import({ content: interchange.content, format: 'auto' });
    expect((await services.api.connectors.get({ id: back.id })).connector.steps[0]?.url).toBe('https://api.example.com/search');
    await expect(services.api.connectors.import({ content: '{"hello": 1}' })).rejects.toMatchObject({ code: 'INVALID_DOCUMENT' });
    expect(await services.api.connectors.delete({ id: 'lookup' })).toEqual({ deleted: true });
    await expect(services.api.connectors.get({ id: 'lookup' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stores credentials in the user-data vault only, showing masks', async () => {
    await services.api.workspace.open({ path: workspace.dir });
    const secret = 'pk_test_supersecretvalue_42';
    expect(await services.api.credentials.set({ name: 'crm_token', value: secret })).toMatchObject({ mask: '••••••••42' });
    await services.api.connectors.save({ connector: sampleConnector() });
    expect(JSON.stringify(await services.api.credentials.list())).not.toContain(secret);
    for (const dir of [workspace.dir, userData.dir]) {
      for (const name of await readdir(dir, { recursive: true })) {
        const text = await readFile(join(dir, name)).catch(() => Buffer.alloc(0));
        expect(text.toString('utf8'), name).not.toContain(secret);
      }
    }
  });

  it('reads and updates settings, validating the patch', async () => {
    expect((await services.api.settings.update({ theme: 'dark' })).theme).toBe('dark');
    expect((await services.api.settings.get()).theme).toBe('dark');
    expect(await invokeHostCall(services.api, 'settings.update', { proxy: 'ftp://x' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('gives extensions the shared stores and closes them with the host', async () => {
    await services.close();
    let closed = 0;
    let seen: HostServiceContext | undefined;
    services = await createHostServices({
      userDataDir: userData.dir,
      extensions: [
        (context) => {
          seen = context;
          return { calls: {}, close: async () => void (closed += 1) };
        },
      ],
    });
    expect(seen?.workspace()).toBeUndefined();
    await services.api.workspace.open({ path: workspace.dir });
    expect(seen?.workspace()?.root).toBe(workspace.dir);
    expect((await seen!.settings.get()).theme).toBe('system');
    await services.close();
    expect(closed).toBe(1);
    services = await createHostServices({ userDataDir: userData.dir });
  });
});
