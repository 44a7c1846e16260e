/**
 * A template as the marketplace lists and installs it: metadata, the credential slots the
 * user fills at install time, and the connector document itself (which never holds secrets).
 */
import { z } from 'zod';
import { ConnectorSchema, CredentialSlotSchema, IDENTIFIER } from '../schema/connector.js';

export const TEMPLATE_ORIGINS = ['official', 'community'] as const;

const envName = z.string().regex(IDENTIFIER, 'an environment or variable name uses letters, digits and _ and starts with a letter or _').max(100);

/**
 * An environment a template declares (a sandbox and a production base URL, say): plain values,
 * and the names of secret variables whose values each installer sets. Installing creates the
 * environments the workspace does not have yet; one it has is never overwritten.
 */
export const TemplateEnvironmentSchema = z.object({
  variables: z.record(envName, z.string().max(4096)).default({}),
  secrets: z.array(envName).default([]),
  confirmLiveRuns: z.boolean().default(false),
});
export type TemplateEnvironment = z.infer<typeof TemplateEnvironmentSchema>;
export const TemplateEnvironmentsSchema = z.record(envName, TemplateEnvironmentSchema);

export const TemplateManifestSchema = z.object({
  id: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lower-case words joined by -, e.g. hubspot-contact-sync'),
  name: z.string().trim().min(1, 'give the template a name').max(255),
  description: z.string().default(''),
  icon: z.string().max(50).default('🔌'),
  category: z.string().max(100).default('enrichment'),
  /** Increases with every published update; installed connectors remember theirs. */
  version: z.number().int().min(1),
  author: z.string().min(1),
  origin: z.enum(TEMPLATE_ORIGINS),
  credentials: z.array(CredentialSlotSchema).default([]),
  environments: TemplateEnvironmentsSchema.default({}),
  connector: ConnectorSchema,
});
export type TemplateManifest = z.infer<typeof TemplateManifestSchema>;

/** Builds the manifest of a built-in template file (`resources/templates/<slug>.connector.json`). */
export function manifestFromConnector(connector: z.infer<typeof ConnectorSchema>, meta: { slug: string; version?: number; author?: string; origin?: (typeof TEMPLATE_ORIGINS)[number]; environments?: Record<string, TemplateEnvironment> }): TemplateManifest {
  return TemplateManifestSchema.parse({
    id: connector.template?.id ?? `official:${meta.slug}`,
    slug: meta.slug,
    name: connector.name,
    description: connector.description,
    icon: connector.icon,
    category: connector.category,
    version: meta.version ?? connector.template?.version ?? 1,
    author: meta.author ?? 'Connector Studio',
    origin: meta.origin ?? 'official',
    credentials: connector.credentials,
    environments: meta.environments ?? {},
    connector,
  });
}
