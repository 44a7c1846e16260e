import { describe, expect, it } from 'vitest';
import type { ConnectorListEntry } from '../../contract/hostApi.js';
import { categoriesOf, filterEntries } from './filterEntries.js';

const card = (id: string, name: string, category: string, runs: number, modifiedAt: number): ConnectorListEntry => ({
  kind: 'connector', id, file: `${id}.json`, hash: 'h', name, description: `${name} description`, icon: '🔌', category, enabled: true,
  stepCount: 1, errorCount: 0, modifiedAt, stats: { runs, successRate: runs ? 1 : null, p95DurationMs: null, lastRunAt: runs ? modifiedAt : null, lastStatus: null },
});
const entries: ConnectorListEntry[] = [
  card('a', 'Phone lookup', 'enrichment', 3, 10),
  card('b', 'Email verify', 'verification', 0, 30),
  card('c', 'Company data', 'enrichment', 9, 20),
  { kind: 'invalid', file: 'broken.json', error: { message: 'bad', issues: [] }, modifiedAt: 1 },
];

describe('filterEntries', () => {
  it('searches names and descriptions case-insensitively, leaving invalid files out', () => {
    expect(filterEntries(entries, { query: 'PHONE', category: '', sort: 'name' }).map((e) => e.id)).toEqual(['a']);
    expect(filterEntries(entries, { query: '', category: '', sort: 'name' }).map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });
  it('filters by category and sorts by each key', () => {
    expect(filterEntries(entries, { query: '', category: 'enrichment', sort: 'runs' }).map((e) => e.id)).toEqual(['c', 'a']);
    expect(filterEntries(entries, { query: '', category: '', sort: 'modified' }).map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(filterEntries(entries, { query: '', category: '', sort: 'lastRun' }).map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });
  it('sorts names as people read them (accents and case by the locale), not by code point', () => {
    const names = [card('z', 'zeta', 'x', 0, 1), card('e', 'Éclair', 'x', 0, 1), card('a', 'alpha', 'x', 0, 1), card('b', 'Beta', 'x', 0, 1)];
    expect(filterEntries(names, { query: '', category: '', sort: 'name' }).map((e) => e.name)).toEqual(['alpha', 'Beta', 'Éclair', 'zeta']);
  });
  it('lists the categories once each', () => {
    expect(categoriesOf(entries)).toEqual(['enrichment', 'verification']);
  });
});
