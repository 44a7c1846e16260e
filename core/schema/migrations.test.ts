import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import { ConnectorSchema, CURRENT_SCHEMA_VERSION } from './connector.js';
import { MIGRATIONS, migrateDocument } from './migrations.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('migrateDocument', () => {
  it('v0-draft-field-names-to-v1: renames draft fields and parses (after the later migrations) as the current version', () => {
    const raw = fixture('v0-draft.json');
    const before = JSON.stringify(raw);
    const migrated = migrateDocument(raw);
    expect(JSON.stringify(raw)).toBe(before); // input untouched
    const c = ConnectorSchema.parse(migrated);
    expect(c.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(c.steps[0]!.query).toEqual([{ key: 'phone', value: '{{phone}}', enabled: true, source: 'static' }]);
    expect(c.steps[0]!.outputs).toEqual([{ name: 'contactId', path: '$.results[0].id' }]);
    expect(c.steps[0]!.timeoutMs).toBe(5000);
    expect(c.steps[1]!.condition).toBe('{{step_1.contactId}} !== null');
    expect(c.steps[1]!.maxRetries).toBe(1);
    expect(c.steps[2]!.condition).toBeUndefined();
    expect(c.fieldMappings).toEqual([{ source: 'step_2.companyName', target: 'company', custom: false, coerce: 'none', merge: 'overwrite' }]);
    expect(c.rateLimit).toMatchObject({ enabled: true, maxRequestsPerMinute: 60 });
  });

  it('v1-steps-get-kind-http: every step of a v1 file becomes an HTTP step, and a file written back is v2', () => {
    const raw = fixture('v1-before-step-kinds.json');
    const before = JSON.stringify(raw);
    const migrated = migrateDocument(raw);
    expect(JSON.stringify(raw)).toBe(before);
    expect((migrated.steps as Array<{ kind: string }>).map((step) => step.kind)).toEqual(['http', 'http']);
    const c = ConnectorSchema.parse(migrated);
    expect(c.schemaVersion).toBe(2);
    expect(c.steps.map((step) => [step.id, step.kind, step.method, step.url])).toEqual([
      ['search', 'http', 'GET', 'https://api.example.com/contacts?phone={{phone}}'],
      ['company', 'http', 'GET', 'https://api.example.com/companies/{{search.companyId}}'],
    ]);
    // a v1 document is refused by the v2 schema until it is migrated: nothing skips the loader
    expect(ConnectorSchema.safeParse(raw).success).toBe(false);
  });

  it('leaves a current document unchanged', () => {
    const doc = { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'x', name: 'X', steps: [{ id: 's', url: 'https://x', queryParams: 'kept' }] };
    expect(migrateDocument(doc)).toEqual(doc);
  });

  it('refuses newer, malformed versions and non-objects with INVALID_DOCUMENT', () => {
    for (const bad of [{ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }, { schemaVersion: '1' }, { schemaVersion: 1.5 }, [], null, 'x']) {
      let error: unknown;
      try {
        migrateDocument(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).code).toBe('INVALID_DOCUMENT');
    }
    expect(() => migrateDocument({ schemaVersion: 99 })).toThrow(/newer version/);
  });

  it('has one migration per version step, in order, with unique names', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([...Array(CURRENT_SCHEMA_VERSION).keys()]);
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
