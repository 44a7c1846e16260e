/**
 * A remote template row as a core TemplateManifest plus its cassettes. Published configs
 * are the connector document with its redacted cassettes under `cassettes` (keyed by the
 * path its replay tests use); zod drops that key when the connector is parsed. The connector goes
 * through the same migrating loader as a workspace file (validateConnector), so a template
 * published by an older version opens here.
 */
import { CredentialSlotSchema, TemplateEnvironmentsSchema, TemplateManifestSchema, validateConnector, type Connector, type CredentialSlot, type TemplateEnvironment, type TemplateManifest, isCassette, type Cassette } from '#core';
import { HostError, type TemplateSummary } from '../../contract/hostApi.js';
import { slugify } from '../workspace/connectorFileName.js';
import type { RemoteTemplateRow } from './templateRemote.js';

export function remoteSlots(value: unknown): CredentialSlot[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw) => {
    const item = raw as Record<string, unknown>;
    const parsed = CredentialSlotSchema.safeParse({ ...item, url: item.url ?? item.howToGet });
    return parsed.success ? [parsed.data] : [];
  });
}

export function remoteCassettes(config: Record<string, unknown>): Record<string, Cassette> {
  const raw = config.cassettes;
  if (raw === null || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((entry): entry is [string, Cassette] => isCassette(entry[1])));
}

/** The environments a published config declares (`config.environments`); unreadable ones are dropped. */
export function remoteEnvironments(config: Record<string, unknown>): Record<string, TemplateEnvironment> {
  const parsed = TemplateEnvironmentsSchema.safeParse(config.environments ?? {});
  return parsed.success ? parsed.data : {};
}

/** A published config's connector through the migrating loader (cassettes set aside), or undefined when it cannot be read. */
export function remoteConnector(config: Record<string, unknown>): Connector | undefined {
  const { cassettes: _cassettes, environments: _environments, ...rest } = config;
  void _cassettes;
  void _environments;
  return validateConnector(rest).connector;
}

export function remoteManifest(row: RemoteTemplateRow, author: string): TemplateManifest {
  const connector = remoteConnector(row.config);
  if (!connector) {
    throw new HostError('INVALID_DOCUMENT', `The template "${row.name}" holds a connector this version cannot read.`, { hint: 'Update Connector Studio, or ask its publisher to publish it again.' });
  }
  return TemplateManifestSchema.parse({
    id: row.id,
    slug: slugify(row.name),
    name: row.name,
    description: row.description ?? '',
    icon: row.icon || connector.icon,
    category: row.category || connector.category,
    version: row.version,
    author,
    origin: row.is_official ? 'official' : 'community',
    credentials: remoteSlots(row.requires_credentials),
    environments: remoteEnvironments(row.config),
    connector,
  });
}

export function remoteAuthor(row: RemoteTemplateRow, userId: string | null): string {
  if (userId && row.published_by === userId) return 'You';
  return row.is_official ? 'Connector Studio team' : 'Community member';
}

export function remoteSummary(row: RemoteTemplateRow, userId: string | null, myRating: number | undefined): TemplateSummary {
  const steps = (row.config as { steps?: unknown }).steps;
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    icon: row.icon || '🔌',
    category: row.category || 'enrichment',
    version: row.version,
    author: remoteAuthor(row, userId),
    origin: row.is_official ? 'official' : 'community',
    source: 'remote',
    featured: row.is_featured,
    hidden: row.hidden,
    hiddenReason: row.hidden ? (row.hidden_reason ?? null) : null,
    installs: row.install_count,
    rating: row.rating === null ? null : Number(row.rating),
    ratingCount: row.rating_count,
    myRating: myRating ?? null,
    mine: Boolean(userId && row.published_by === userId),
    credentials: remoteSlots(row.requires_credentials),
    stepCount: Array.isArray(steps) ? steps.length : 0,
    updatedAt: row.updated_at,
  };
}

export function builtinSummary(manifest: TemplateManifest): TemplateSummary {
  return {
    id: manifest.id,
    name: manifest.name,
    description: manifest.description,
    icon: manifest.icon,
    category: manifest.category,
    version: manifest.version,
    author: manifest.author,
    origin: manifest.origin,
    source: 'builtin',
    featured: false,
    hidden: false,
    hiddenReason: null,
    installs: 0,
    rating: null,
    ratingCount: 0,
    myRating: null,
    mine: false,
    credentials: manifest.credentials,
    stepCount: manifest.connector.steps.length,
    updatedAt: null,
  };
}
