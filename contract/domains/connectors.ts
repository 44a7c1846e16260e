/** The workspace's connector files (`connectors.*`): the dashboard list, load, save, import and export. */
import { z } from 'zod';
import { ConnectorSchema, type Connector } from '#core';
import { call, connectorId, noParams, type DomainCallSpecs } from './call.js';
import { environmentName } from './environments.js';
import { RunStatsSchema } from './runs.js';

export const ValidationIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  stepId: z.string().optional(),
  edgeId: z.string().optional(),
  severity: z.enum(['error', 'warning']),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/** One dashboard card, or a file that could not be read (listed, never dropped). */
export const ConnectorListEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('connector'),
    id: z.string(),
    file: z.string(),
    hash: z.string(),
    name: z.string(),
    description: z.string(),
    icon: z.string(),
    category: z.string(),
    enabled: z.boolean(),
    stepCount: z.number().int(),
    /** Validation errors (not warnings) the document has right now. */
    errorCount: z.number().int(),
    modifiedAt: z.number(),
    stats: RunStatsSchema,
  }),
  z.object({
    kind: z.literal('invalid'),
    file: z.string(),
    /** Why the file could not be loaded, and what to do about it. */
    error: z.object({ message: z.string(), hint: z.string().optional(), issues: z.array(ValidationIssueSchema).default([]) }),
    modifiedAt: z.number(),
  }),
]);
export type ConnectorListEntry = z.infer<typeof ConnectorListEntrySchema>;

export const StoredConnectorSchema = z.object({
  id: z.string(),
  file: z.string(),
  /** Content hash of the file as read; pass it back as `baseHash` when saving. */
  hash: z.string(),
  connector: z.custom<Connector>(),
  issues: z.array(ValidationIssueSchema),
});

export const SaveResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), id: z.string(), file: z.string(), hash: z.string() }),
  /** The file changed on disk since `baseHash`: nothing was written. */
  z.object({ status: z.literal('conflict'), id: z.string(), file: z.string(), currentHash: z.string().nullable(), message: z.string() }),
]);
export type SaveResult = z.infer<typeof SaveResultSchema>;

export const EXPORT_FORMATS = ['app', 'interchange'] as const;

export const connectorsCalls = {
  'connectors.list': call(noParams, z.array(ConnectorListEntrySchema)),
  'connectors.get': call(z.object({ id: connectorId }).strict(), StoredConnectorSchema),
  /**
   * Writes the connector's file. With `baseHash`, refuses (status `conflict`) when the
   * file changed on disk since; without it, refuses when a file for this id exists —
   * unless `force` (the user chose "keep mine").
   */
  'connectors.save': call(
    z.object({ connector: ConnectorSchema, baseHash: z.string().optional(), force: z.boolean().optional() }).strict(),
    SaveResultSchema,
  ),
  'connectors.delete': call(z.object({ id: connectorId, baseHash: z.string().optional() }).strict(), z.object({ deleted: z.boolean() })),
  /** The app's own file or the interchange format (`auto` detects). A clashing id gets a fresh one. */
  'connectors.import': call(
    z.object({ content: z.string().min(1).max(5_000_000), format: z.enum(['auto', ...EXPORT_FORMATS]).default('auto') }).strict(),
    z.object({ id: z.string(), file: z.string(), hash: z.string(), issues: z.array(ValidationIssueSchema) }),
  ),
  'connectors.export': call(
    /** `environment`: the interchange export maps `{{env.x}}` from it (inputs with its values as defaults; secret ones as workspace credentials). */
    z.object({ id: connectorId, format: z.enum(EXPORT_FORMATS), environment: environmentName.optional() }).strict(),
    z.object({ fileName: z.string(), content: z.string() }),
  ),
} satisfies DomainCallSpecs<'connectors'>;

export const connectorsEvents = {
  /** A connector file changed on disk by someone else (git pull, an editor). Our own writes are not reported. */
  'store.changed': z.object({
    kind: z.enum(['added', 'changed', 'removed']),
    file: z.string(),
    /** Absent when the file is unreadable or invalid. */
    id: z.string().optional(),
    hash: z.string().optional(),
    /** The teammate whose synced revision made this change ("Bob"): "deleted by Bob". */
    by: z.string().max(200).optional(),
  }),
};
