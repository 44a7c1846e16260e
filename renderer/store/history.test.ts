import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore.js';
import { hasUnsavedChanges } from './slices/documentSlice.js';
import { sampleConnector } from '../testing/sampleConnector.js';

describe('document edits and undo history', () => {
  it('undoes and redoes each edit', () => {
    const store = createAppStore();
    const original = sampleConnector();
    store.getState().openDocument(original);
    store.getState().edit((d) => ({ ...d, name: 'A' }));
    store.getState().edit((d) => ({ ...d, name: 'B' }));
    expect(store.getState().doc?.name).toBe('B');
    store.getState().undo();
    expect(store.getState().doc?.name).toBe('A');
    store.getState().undo();
    expect(store.getState().doc).toBe(original);
    store.getState().undo();
    expect(store.getState().doc).toBe(original);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc?.name).toBe('B');
  });

  it('coalesces typing in one field into one undo step', () => {
    const store = createAppStore();
    store.getState().openDocument(sampleConnector());
    for (const name of ['P', 'Ph', 'Pho']) store.getState().edit((d) => ({ ...d, name }), 'name');
    store.getState().edit((d) => ({ ...d, description: 'x' }), 'description');
    store.getState().undo();
    expect(store.getState().doc?.name).toBe('Pho');
    store.getState().undo();
    expect(store.getState().doc?.name).toBe('Phone lookup');
  });

  it('drops the redo stack on a new edit and ignores no-op edits', () => {
    const store = createAppStore();
    store.getState().openDocument(sampleConnector());
    store.getState().edit((d) => ({ ...d, name: 'A' }));
    store.getState().undo();
    store.getState().edit((d) => d);
    expect(store.getState().future.length).toBe(1);
    store.getState().edit((d) => ({ ...d, name: 'C' }));
    expect(store.getState().future.length).toBe(0);
  });

  it('tracks unsaved changes against the saved copy', () => {
    const store = createAppStore();
    store.getState().openDocument(sampleConnector());
    expect(hasUnsavedChanges(store.getState())).toBe(false);
    store.getState().edit((d) => ({ ...d, name: 'A' }));
    expect(hasUnsavedChanges(store.getState())).toBe(true);
    store.getState().markSaved(store.getState().doc!, 'h1');
    expect(hasUnsavedChanges(store.getState())).toBe(false);
  });
});
