/** Drafts come back as the user left them: invalid mid-edit states included, older versions migrated, damage dropped. */
import { describe, expect, it } from 'vitest';
import { sampleConnector } from '../testing/sampleConnector.js';
import { MemoryStorage } from '../testing/memoryStorage.js';
import { listDrafts, readDraft } from './drafts.js';
import { writeDraft } from './draftStorage.js';

const WS = '/tmp/ws';

describe('readDraft', () => {
  it('restores a draft that is not a valid connector (a name cleared mid-typing, a step URL emptied)', () => {
    const storage = new MemoryStorage();
    const base = sampleConnector();
    const doc = { ...base, name: '', steps: base.steps.map((s, i) => (i === 1 ? { ...s, url: '' } : s)) };
    writeDraft(WS, { doc, baseHash: 'h1', savedAt: 5 }, storage);
    const draft = readDraft(WS, base.id, storage);
    expect(draft?.doc).toEqual(doc);
    expect(draft?.baseHash).toBe('h1');
    expect(listDrafts(WS, storage).map((d) => d.doc.name)).toEqual(['']);
  });

  it('migrates a draft kept by an older version, even when it is invalid, and fills the defaults it never wrote', () => {
    const storage = new MemoryStorage();
    const v0 = { schemaVersion: 0, id: 'old', name: '', steps: [{ id: 'step_1', name: 'Search', url: 'https://api.example.com/s', queryParams: { q: '{{email}}' }, timeout_ms: 2000 }] };
    storage.setItem(`connectorStudio.draft.${WS}::old`, JSON.stringify({ doc: v0, baseHash: null, savedAt: 1 }));
    const draft = readDraft(WS, 'old', storage);
    expect(draft?.doc.name).toBe('');
    expect(draft?.doc.schemaVersion).toBe(2);
    expect(draft?.doc.steps[0]?.query).toMatchObject([{ key: 'q', value: '{{email}}', enabled: true }]);
    expect(draft?.doc.steps[0]?.timeoutMs).toBe(2000);
    expect(Array.isArray(draft?.doc.edges)).toBe(true);
  });

  it('drops storage that is not a connector at all, or belongs to another id', () => {
    const storage = new MemoryStorage();
    storage.setItem(`connectorStudio.draft.${WS}::x`, '{"doc": 42}');
    storage.setItem(`connectorStudio.draft.${WS}::y`, 'not json');
    writeDraft(WS, { doc: sampleConnector(), baseHash: null, savedAt: 1 }, storage);
    storage.setItem(`connectorStudio.draft.${WS}::z`, storage.getItem(`connectorStudio.draft.${WS}::phone-lookup`)!);
    expect(readDraft(WS, 'x', storage)).toBeNull();
    expect(readDraft(WS, 'y', storage)).toBeNull();
    expect(readDraft(WS, 'z', storage)).toBeNull();
  });
});
