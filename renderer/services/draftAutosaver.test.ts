/**
 * Property: whatever the user does (edit, undo, redo, save, discard, apply, reload), a reload
 * offers exactly the state the user left — never an undone edit, never a discarded draft —
 * and a state equal to the file offers nothing. Drives the real store (document + undo history),
 * the real autosaver and draft storage, and the real open/save/discard actions; the host is an
 * in-memory stand-in for one connector file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Connector } from '#core';
import type { HostClient } from '../../contract/hostApi.js';
import { createAppStore, type AppStore } from '../store/createAppStore.js';
import { sampleConnector } from '../testing/sampleConnector.js';
import { MemoryStorage } from '../testing/memoryStorage.js';
import { createDraftAutosaver, type DraftAutosaver } from './draftAutosaver.js';
import { applyDraftOffer, discardDraftOffer, openConnector, reloadFromFile, saveConnector } from './connectorActions.js';
import { listDrafts, readDraft } from './drafts.js';

const WORKSPACE = { path: '/tmp/ws', name: 'ws' };

/** One connector file on "disk". */
function fileHost(initial: Connector) {
  const disk = { doc: initial, hash: 'h0', saves: 0 };
  const host = {
    connectors: {
      get: async () => ({ connector: disk.doc, hash: disk.hash }),
      save: async ({ connector }: { connector: Connector }) => {
        disk.doc = connector;
        disk.hash = `h${++disk.saves}`;
        return { status: 'saved', hash: disk.hash };
      },
      list: async () => [],
    },
    runs: { history: async () => [] },
  } as unknown as HostClient;
  return { disk, host };
}

type Op =
  | { kind: 'edit'; field: 'name' | 'description'; value: string; coalesce: boolean }
  | { kind: 'undo' } | { kind: 'redo' } | { kind: 'save' } | { kind: 'dropEdits' }
  | { kind: 'applyOffer' } | { kind: 'discardOffer' } | { kind: 'closeOffer' }
  | { kind: 'reload' } | { kind: 'crash' } | { kind: 'wait' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), field: fc.constantFrom('name' as const, 'description' as const), // Blank names too: an invalid draft is restored as left.
    value: fc.stringMatching(/^[A-Za-z]{0,6}$/), coalesce: fc.boolean() }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'save' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dropEdits' as const }) },
  { weight: 2, arbitrary: fc.constantFrom({ kind: 'applyOffer' as const }, { kind: 'discardOffer' as const }, { kind: 'closeOffer' as const }) },
  { weight: 2, arbitrary: fc.constantFrom({ kind: 'reload' as const }, { kind: 'crash' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wait' as const }) },
);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('drafts follow undo, redo, saves and discards', () => {
  it('a reload offers exactly the unsaved state the user left, or nothing', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
      const storage = new MemoryStorage();
      const { disk, host } = fileHost(sampleConnector());
      const id = disk.doc.id;
      const timers: (() => void)[] = [];
      // Debounced writes run only on "wait" (or a flush): a crash loses them, as a real one would.
      const realSetTimeout = globalThis.setTimeout;
      let store: AppStore = createAppStore();
      let autosaver: DraftAutosaver = { flush: () => undefined, cancel: () => undefined, dispose: () => undefined };
      /** What the stored draft must hold when the page goes away cleanly (null: no draft). */
      let expectedDraft: Connector | null = null;
      /** States the user had since the last clean point; a crash may only offer one of these. */
      let visitedSinceClean: Connector[] = [];
      let docBefore: Connector | null = null;
      let savedBefore: Connector | null = null;

      const start = async () => {
        store = createAppStore();
        store.getState().setWorkspace(WORKSPACE);
        globalThis.localStorage = storage;
        await openConnector(store, host, id);
        autosaver = createDraftAutosaver(store, { storage, delayMs: 400 });
      };
      const afterUserChange = () => {
        const doc = store.getState().doc!;
        // Nothing happened (undo with nothing to undo, an edit to the same value): nothing to store.
        if (doc === docBefore && store.getState().savedDoc === savedBefore) return;
        expectedDraft = same(doc, disk.doc) ? null : doc;
        visitedSinceClean = expectedDraft ? [...visitedSinceClean, doc] : [];
      };
      const checkOffer = () => {
        const offer = store.getState().draftOffer;
        if (expectedDraft === null) expect(offer).toBeNull();
        else expect(offer?.draft).toEqual(expectedDraft);
        // The editor always opens the file itself; a draft is applied only by the user.
        expect(store.getState().doc).toEqual(disk.doc);
      };

      globalThis.setTimeout = ((fn: () => void) => { timers.push(fn); return timers.length as unknown as ReturnType<typeof setTimeout>; }) as typeof setTimeout;
      const clearTimeoutReal = globalThis.clearTimeout;
      globalThis.clearTimeout = (() => undefined) as typeof clearTimeout;
      try {
        await start();
        for (const op of ops) {
          const s = store.getState();
          docBefore = s.doc;
          savedBefore = s.savedDoc;
          const offering = s.draftOffer !== null;
          switch (op.kind) {
            case 'edit':
              if (offering) break; // the offer is a modal dialog
              s.edit((d) => ({ ...d, [op.field]: op.value }), op.coalesce ? op.field : undefined);
              afterUserChange();
              break;
            case 'undo': if (!offering) { s.undo(); afterUserChange(); } break;
            case 'redo': if (!offering) { s.redo(); afterUserChange(); } break;
            // A save deletes the stored draft, even one whose offer was closed undecided (the next edit would replace it anyway).
            case 'save': if (!offering && (await saveConnector(store, host)) === 'saved') { expectedDraft = null; visitedSinceClean = []; } break;
            case 'dropEdits': if (!offering) { await reloadFromFile(store, host, id); expectedDraft = null; visitedSinceClean = []; } break;
            case 'applyOffer': if (offering) { applyDraftOffer(store); afterUserChange(); } break;
            case 'discardOffer': if (offering) { discardDraftOffer(store); expectedDraft = null; visitedSinceClean = []; } break;
            case 'closeOffer': if (offering) s.offerDraft(null); break; // decide later: the draft stays
            case 'wait': timers.splice(0).forEach((fn) => fn()); break;
            case 'reload':
              autosaver.flush(); // pagehide
              autosaver.dispose();
              timers.length = 0;
              await start();
              checkOffer();
              break;
            case 'crash': {
              autosaver.cancel(); // pending writes never happen
              autosaver.dispose();
              timers.length = 0;
              await start();
              const offer = store.getState().draftOffer;
              // Only a state the user really had since the file was last clean (or nothing).
              if (offer) expect(visitedSinceClean.some((v) => same(v, offer.draft))).toBe(true);
              if (expectedDraft === null) expect(offer).toBeNull();
              // From here on, what is stored is what counts.
              const stored = readDraft(WORKSPACE.path, id, storage);
              expectedDraft = stored ? stored.doc : null;
              visitedSinceClean = expectedDraft ? [expectedDraft] : [];
              break;
            }
          }
        }
        // Finally, a clean reload: the offer is exactly the state left, and a discard is final.
        autosaver.flush();
        autosaver.dispose();
        await start();
        checkOffer();
        if (store.getState().draftOffer) {
          discardDraftOffer(store);
          autosaver.dispose();
          await start();
          expect(store.getState().draftOffer).toBeNull();
          expect(listDrafts(WORKSPACE.path, storage)).toEqual([]);
        }
      } finally {
        globalThis.setTimeout = realSetTimeout;
        globalThis.clearTimeout = clearTimeoutReal;
      }
    }), { numRuns: 500 });
  });
});
