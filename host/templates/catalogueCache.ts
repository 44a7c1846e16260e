/**
 * The last community template list seen online, per user (user data, owner-only): while the
 * Supabase project can't be reached the marketplace shows it, labelled as such, instead of
 * only the built-in templates.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TemplateSummary } from '../../contract/hostApi.js';
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';

interface CachedCatalogue {
  userId: string;
  at: number;
  templates: TemplateSummary[];
}

export class CatalogueCache {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'templates', 'community-cache.json');
  }

  async read(userId: string): Promise<{ at: number; templates: TemplateSummary[] } | null> {
    const cached = await readJsonFile<CachedCatalogue | null>(this.file, null).catch(() => null);
    return cached && cached.userId === userId && Array.isArray(cached.templates) ? { at: cached.at, templates: cached.templates } : null;
  }

  async write(userId: string, templates: TemplateSummary[], at = Date.now()): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    await writeJsonFile(this.file, { userId, at, templates } satisfies CachedCatalogue, { mode: 0o600 });
  }
}
