/**
 * saveConnector loads its check (savableProblem.ts, core's schema) when it first saves. An
 * invalid document is refused with the problem in words; a check that cannot be loaded (the
 * app's files replaced under it) refuses the save and says so, and nothing is written either way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostClient } from '../../contract/hostApi.js';
import { createAppStore } from '../store/createAppStore.js';
import { sampleConnector } from '../testing/sampleConnector.js';

function savingHost(saved: unknown[]): HostClient {
  return {
    connectors: {
      save: async (params: unknown) => {
        saved.push(params);
        return { status: 'saved', hash: 'h2', file: 'x.connector.json' };
      },
    },
  } as unknown as HostClient;
}

afterEach(() => {
  vi.doUnmock('./savableProblem.js');
  vi.resetModules();
});

describe('saveConnector checks the document with a lazily loaded check', () => {
  it('refuses an invalid document, naming the problem, and writes nothing', async () => {
    const { saveConnector } = await import('./connectorActions.js');
    const store = createAppStore();
    store.getState().openDocument({ ...sampleConnector(), name: '' }, null, null);
    const saved: unknown[] = [];
    expect(await saveConnector(store, savingHost(saved))).toBe('failed');
    expect(saved).toEqual([]);
    expect(store.getState().notices.at(-1)?.message).toMatch(/^Not saved: name: .+\. Fix it and save again\.$/);
  });

  it('refuses the save when the check cannot be loaded, and says what to do', async () => {
    vi.doMock('./savableProblem.js', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { saveConnector } = await import('./connectorActions.js');
    const store = createAppStore();
    store.getState().openDocument(sampleConnector(), null, null);
    const saved: unknown[] = [];
    expect(await saveConnector(store, savingHost(saved))).toBe('failed');
    expect(saved).toEqual([]);
    expect(store.getState().notices.at(-1)?.message).toContain('reload the app and save again');
  });
});
