/** Search, filters and sort of the marketplace list: pure, so the screen only renders the answer. */
import type { TemplateSummary } from '../../contract/hostApi.js';

export type OriginFilter = 'all' | 'official' | 'community';
export type TemplateSort = 'featured' | 'installs' | 'rating' | 'name';

export interface CatalogueFilter {
  query: string;
  category: string;
  origin: OriginFilter;
  featuredOnly: boolean;
  sort: TemplateSort;
}

export const DEFAULT_FILTER: CatalogueFilter = { query: '', category: '', origin: 'all', featuredOnly: false, sort: 'featured' };

/** Every category present, sorted, for the category filter. */
export function categoriesOf(templates: TemplateSummary[]): string[] {
  return [...new Set(templates.map((t) => t.category).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

function matches(t: TemplateSummary, words: string[]): boolean {
  const text = `${t.name} ${t.description} ${t.category} ${t.author} ${t.credentials.map((c) => `${c.name} ${c.label}`).join(' ')}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

const byName = (a: TemplateSummary, b: TemplateSummary) => a.name.localeCompare(b.name);
const COMPARATORS: Record<TemplateSort, (a: TemplateSummary, b: TemplateSummary) => number> = {
  featured: (a, b) => Number(b.featured) - Number(a.featured) || Number(b.origin === 'official') - Number(a.origin === 'official') || b.installs - a.installs || byName(a, b),
  installs: (a, b) => b.installs - a.installs || byName(a, b),
  // Unrated templates go last; equal averages: more ratings first.
  rating: (a, b) => (b.rating ?? -1) - (a.rating ?? -1) || b.ratingCount - a.ratingCount || byName(a, b),
  name: byName,
};

export function filterTemplates(templates: TemplateSummary[], filter: CatalogueFilter): TemplateSummary[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return templates
    .filter((t) => (filter.category ? t.category === filter.category : true))
    .filter((t) => (filter.origin === 'all' ? true : t.origin === filter.origin))
    .filter((t) => (filter.featuredOnly ? t.featured : true))
    .filter((t) => matches(t, words))
    .sort(COMPARATORS[filter.sort]);
}
