import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore.js';

describe('notices', () => {
  it('never stack the same message twice', () => {
    const store = createAppStore({ route: { name: 'dashboard' } });
    store.getState().notify({ kind: 'success', message: 'Saved Phone lookup.' });
    store.getState().notify({ kind: 'info', message: 'Other.' });
    store.getState().notify({ kind: 'success', message: 'Saved Phone lookup.' });
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Other.', 'Saved Phone lookup.']);
  });

  it('stay on the screen they were shown on', () => {
    const store = createAppStore({ route: { name: 'dashboard' } });
    store.getState().notify({ kind: 'info', message: 'Deleted A.', action: { label: 'Undo', run: () => undefined } });
    store.getState().navigate({ name: 'editor', connectorId: 'a' });
    expect(store.getState().notices).toEqual([]);
    store.getState().notify({ kind: 'error', message: 'Not saved.' });
    store.getState().navigate({ name: 'editor', connectorId: 'a' });
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Not saved.']);
    store.getState().navigate({ name: 'editor', connectorId: 'b' });
    expect(store.getState().notices).toEqual([]);
  });
});
