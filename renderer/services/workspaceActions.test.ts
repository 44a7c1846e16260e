/**
 * A reload lands back in the connector the user left, and when that connector was open its
 * file is asked for at page load (app/startupCalls.ts) and used, never a second time; a hint
 * from another workspace is never used for this one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostClient } from '../../contract/hostApi.js';
import { createAppStore } from '../store/createAppStore.js';
import { sampleConnector } from '../testing/sampleConnector.js';
import { MemoryStorage } from '../testing/memoryStorage.js';
import { lastOpenedConnector, rememberRoute } from './sessionMemory.js';
import { loadCurrentWorkspace } from './workspaceActions.js';
import { startWorkspaceLoad } from './workspaceLoad.js';

const connector = sampleConnector();
const other = { ...sampleConnector(), id: 'other', name: 'Other' };

/** A host whose workspace is `workspacePath`, recording every call as "namespace.method id". */
function fakeHost(workspacePath: string) {
  const calls: string[] = [];
  const answers: Record<string, (args: { id?: string }) => unknown> = {
    'workspace.current': () => ({ path: workspacePath, name: 'ws' }),
    'connectors.list': () => [],
    'connectors.get': ({ id }) => {
      const found = [connector, other].find((c) => c.id === id);
      if (!found) throw new Error(`no connector ${id}`);
      return { connector: found, hash: `hash-${id}` };
    },
    'runs.history': () => [],
  };
  const host = new Proxy({}, {
    get: (_, namespace: string) => new Proxy({}, {
      get: (__, method: string) => async (args: { id?: string } = {}) => {
        const name = `${namespace}.${method}`;
        calls.push(args.id ? `${name} ${args.id}` : name);
        return (answers[name] ?? (() => []))(args);
      },
    }),
  }) as HostClient;
  return { host, calls };
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  Object.assign(globalThis, { localStorage: storage });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('lastOpenedConnector', () => {
  it('names the connector of the last editor route and its workspace; any other last screen gives none', () => {
    expect(lastOpenedConnector(storage)).toBeNull();
    rememberRoute('/ws/a', { name: 'editor', connectorId: 'c1' }, storage);
    expect(lastOpenedConnector(storage)).toEqual({ workspacePath: '/ws/a', connectorId: 'c1' });
    rememberRoute('/ws/b', { name: 'marketplace' }, storage);
    expect(lastOpenedConnector(storage)).toBeNull();
  });

  it('ignores a damaged or foreign value', () => {
    storage.setItem('connectorStudio.lastRoute', '{not json');
    expect(lastOpenedConnector(storage)).toBeNull();
    storage.setItem('connectorStudio.lastRoute', JSON.stringify({ workspacePath: 7, route: { name: 'editor', connectorId: 'c1' } }));
    expect(lastOpenedConnector(storage)).toBeNull();
    storage.setItem('connectorStudio.lastRoute', JSON.stringify({ workspacePath: '/ws', route: { name: 'editor', connectorId: null } }));
    expect(lastOpenedConnector(storage)).toBeNull();
  });
});

describe('loadCurrentWorkspace reopening the editor', () => {
  it('uses the file asked for at page load, reading it once', async () => {
    rememberRoute('/ws/a', { name: 'editor', connectorId: connector.id }, storage);
    const { host, calls } = fakeHost('/ws/a');
    const store = createAppStore();
    const load = startWorkspaceLoad(host, lastOpenedConnector(storage));
    expect(calls).toContain(`connectors.get ${connector.id}`);
    await loadCurrentWorkspace(store, host, load);
    await expect.poll(() => store.getState().doc?.id).toBe(connector.id);
    expect(store.getState().route).toEqual({ name: 'editor', connectorId: connector.id });
    expect(calls.filter((call) => call.startsWith('connectors.get'))).toEqual([`connectors.get ${connector.id}`]);
  });

  it('never uses a hint from another workspace: the open workspace\'s own last connector is read', async () => {
    rememberRoute('/ws/b', { name: 'editor', connectorId: other.id }, storage);
    rememberRoute('/ws/a', { name: 'editor', connectorId: connector.id }, storage);
    // The host opened /ws/b, not the workspace of the last route.
    const { host, calls } = fakeHost('/ws/b');
    const store = createAppStore();
    await loadCurrentWorkspace(store, host, startWorkspaceLoad(host, lastOpenedConnector(storage)));
    await expect.poll(() => store.getState().doc?.id).toBe(other.id);
    expect(calls.filter((call) => call.startsWith('connectors.get'))).toEqual([`connectors.get ${connector.id}`, `connectors.get ${other.id}`]);
  });

  it('a connector gone since the last session goes back to the dashboard with a message', async () => {
    rememberRoute('/ws/a', { name: 'editor', connectorId: 'deleted' }, storage);
    const { host } = fakeHost('/ws/a');
    const store = createAppStore();
    await loadCurrentWorkspace(store, host, startWorkspaceLoad(host, lastOpenedConnector(storage)));
    await expect.poll(() => store.getState().route.name).toBe('dashboard');
    expect(store.getState().notices.at(-1)?.message).toMatch(/Could not open the connector: .*no connector deleted/);
  });
});
