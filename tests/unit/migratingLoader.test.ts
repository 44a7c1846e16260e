/**
 * Issue 13: every way a connector document enters the app goes through the same migrating loader
 * (core's validateConnector → migrateDocument). One old-schemaVersion fixture (v0, the pre-release
 * draft format: object queryParams and outputs, `{ enabled, expression }` conditions, snake_case
 * field names) through each path must come out as the current schema.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, type Connector } from '#core';
import { WorkspaceConnectorStore } from '../../host/account/workspaceConnectorStore.js';
import { remoteManifest } from '../../host/templates/remoteManifest.js';
import type { RemoteTemplateRow } from '../../host/templates/templateRemote.js';
import { makeTempDir } from '../../host/test-helpers/tempDir.js';
import { WorkspaceStore } from '../../host/workspace/workspaceStore.js';
import { readDraft } from '../../renderer/services/drafts.js';

const V0_TEXT = readFileSync(new URL('../../core/schema/fixtures/v0-draft.json', import.meta.url), 'utf8');
const v0 = () => JSON.parse(V0_TEXT) as Record<string, unknown>;

/** What the v0 fixture reads as in the current schema. */
function expectMigrated(c: Connector): void {
  expect(c.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  expect(c.steps[0]!.query).toEqual([{ key: 'phone', value: '{{phone}}', enabled: true, source: 'static' }]);
  expect(c.steps[0]!.outputs).toEqual([{ name: 'contactId', path: '$.results[0].id' }]);
  expect(c.steps[0]!.timeoutMs).toBe(5000);
  expect(c.steps[1]!.condition).toBe('{{step_1.contactId}} !== null');
  expect(c.fieldMappings).toEqual([{ source: 'step_2.companyName', target: 'company', custom: false, coerce: 'none', merge: 'overwrite' }]);
  expect(c.rateLimit).toMatchObject({ enabled: true, maxRequestsPerMinute: 60 });
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

describe('an old-schemaVersion document through every entry path', () => {
  it('a workspace file', async () => {
    await writeFile(join(dir, 'old.connector.json'), V0_TEXT);
    const [entry] = await new WorkspaceStore(dir).list();
    expect(entry?.kind).toBe('connector');
    if (entry?.kind === 'connector') expectMigrated(entry.connector);
  });

  it('a Supabase sync pull (the workspace store the sync engine writes through)', async () => {
    const workspace = new WorkspaceStore(dir);
    await new WorkspaceConnectorStore(workspace).save({ id: 'pulled', document: v0() });
    const written = JSON.parse(await readFile(join(dir, 'phone-number-enrichment.connector.json'), 'utf8')) as Connector;
    // Before: the v0 document was written to disk as it came (no schemaVersion, object outputs).
    expect(written.id).toBe('pulled');
    expectMigrated(written);
  });

  it('a marketplace manifest (a published template row)', () => {
    const row: RemoteTemplateRow = {
      id: '6f0c1f1e-7c59-4c1e-9d36-0b9f2a8c0a11', name: 'Phone Number Enrichment', description: null, icon: null, category: null,
      config: { ...v0(), cassettes: {} }, requires_credentials: [], is_official: false, is_featured: false, is_public: true, hidden: false, hidden_reason: null,
      install_count: 0, rating: null, rating_count: 0, version: 1, published_by: null, updated_at: null,
    };
    // Before: ConnectorSchema alone refused it ("holds a connector this version cannot read").
    expectMigrated(remoteManifest(row, 'Community member').connector);
  });

  it('a draft kept in local storage', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), key: (i: number) => [...items.keys()][i] ?? null, clear: () => items.clear(), get length() { return items.size; } } as Storage;
    items.set('connectorStudio.draft./ws::phone-enrichment', JSON.stringify({ doc: v0(), baseHash: 'h1', savedAt: 5 }));
    const draft = readDraft('/ws', 'phone-enrichment', storage);
    // Before: the raw v0 document came back typed as a Connector.
    expect(draft).toMatchObject({ baseHash: 'h1', savedAt: 5 });
    expectMigrated(draft!.doc);
  });
});
