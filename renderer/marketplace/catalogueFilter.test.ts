import { describe, expect, it } from 'vitest';
import type { TemplateSummary } from '../../contract/hostApi.js';
import { categoriesOf, DEFAULT_FILTER, filterTemplates } from './catalogueFilter.js';

const t = (over: Partial<TemplateSummary>): TemplateSummary => ({
  id: over.name ?? 'x', name: 'x', description: '', icon: '🔌', category: 'enrichment', version: 1, author: 'Connector Studio',
  origin: 'official', source: 'builtin', featured: false, hidden: false, hiddenReason: null, installs: 0, rating: null, ratingCount: 0, myRating: null,
  mine: false, credentials: [], stepCount: 1, updatedAt: null, ...over,
});

const all = [
  t({ name: 'HubSpot Contact Sync', category: 'crm', installs: 10, credentials: [{ name: 'hubspot_access_token', label: 'HubSpot token' }] }),
  t({ name: 'Phone lookup', category: 'enrichment', origin: 'community', source: 'remote', installs: 40, rating: 4, ratingCount: 3 }),
  t({ name: 'Email check', category: 'validation', origin: 'community', source: 'remote', featured: true, installs: 5, rating: 4, ratingCount: 9 }),
  t({ name: 'Company data', category: 'enrichment', installs: 20, rating: 5, ratingCount: 1 }),
];
const names = (list: TemplateSummary[]) => list.map((x) => x.name);

describe('filterTemplates', () => {
  it('searches every word in name, description, category and credential labels', () => {
    expect(names(filterTemplates(all, { ...DEFAULT_FILTER, query: 'hubspot TOKEN' }))).toEqual(['HubSpot Contact Sync']);
    expect(names(filterTemplates(all, { ...DEFAULT_FILTER, query: 'nothing like this' }))).toEqual([]);
  });

  it('filters by category, origin and featured together', () => {
    expect(names(filterTemplates(all, { ...DEFAULT_FILTER, category: 'enrichment', sort: 'name' }))).toEqual(['Company data', 'Phone lookup']);
    expect(names(filterTemplates(all, { ...DEFAULT_FILTER, category: 'enrichment', origin: 'official' }))).toEqual(['Company data']);
    expect(names(filterTemplates(all, { ...DEFAULT_FILTER, origin: 'community', featuredOnly: true }))).toEqual(['Email check']);
  });

  it('sorts by installs, by rating (unrated last, more ratings first on a tie) and featured first by default', () => {
    expect(names(filterTemplates(all, { ...DEFAULT_FILTER, sort: 'installs' }))).toEqual(['Phone lookup', 'Company data', 'HubSpot Contact Sync', 'Email check']);
    expect(names(filterTemplates(all, { ...DEFAULT_FILTER, sort: 'rating' }))).toEqual(['Company data', 'Email check', 'Phone lookup', 'HubSpot Contact Sync']);
    expect(names(filterTemplates(all, DEFAULT_FILTER))[0]).toBe('Email check');
  });

  it('lists categories once, sorted', () => {
    expect(categoriesOf(all)).toEqual(['crm', 'enrichment', 'validation']);
  });
});
