/** Connector sync with the team's Supabase workspace (`sync.*`, issue 5): status, conflicts, log, notices, revisions. */
import { z } from 'zod';
import { call, connectorId, noParams, type DomainCallSpecs } from './call.js';

export const SyncStatusSchema = z.object({
  state: z.enum(['signed_out', 'synced', 'pending', 'syncing', 'offline', 'conflict', 'error']),
  pending: z.number().int().optional(),
  conflicts: z.number().int().optional(),
  lastSyncedAt: z.number().nullable().optional(),
  message: z.string().optional(),
  /** Pulled documents kept out of the folder because they are not valid connectors (the message names them). */
  setAside: z.number().int().optional(),
  /** Local connectors not shared with the team until a literal secret in them moves into a credential. */
  held: z.number().int().optional(),
  /** offline: no network; unreachable: the network is up but the Supabase project does not answer; session: the sign-in expired. */
  reason: z.enum(['offline', 'unreachable', 'session', 'revoked', 'server']).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncConflictViewSchema = z.object({
  localId: z.string(),
  kind: z.enum(['edited_on_both', 'deleted_on_server', 'edited_on_server_deleted_here', 'name_taken', 'id_taken']),
  name: z.string(),
  /** This device's document (null: deleted here). */
  mine: z.record(z.string(), z.unknown()).nullable(),
  /** The server's document (null: deleted there, or not shown). */
  theirs: z.record(z.string(), z.unknown()).nullable(),
  /** What differs, field by field ("description changed", "step_2 URL changed"); both sides are in the file's canonical form. */
  summary: z.array(z.string()).default([]),
  serverRevision: z.number().nullable(),
  /** Who wrote the server's side ("Bob"), when the server says. */
  serverAuthor: z.string().nullable().optional(),
  detectedAt: z.number(),
});
export type SyncConflictView = z.infer<typeof SyncConflictViewSchema>;

export const SyncLogEntrySchema = z.object({
  at: z.number(),
  direction: z.enum(['push', 'pull']),
  /** set_aside: a pulled version that is not a valid connector, kept out of the folder. */
  action: z.enum(['created', 'updated', 'deleted', 'conflict', 'set_aside', 'resolved']),
  localId: z.string(),
  name: z.string(),
  /** For `resolved`: how ("kept mine"). */
  detail: z.string().optional(),
});
export type SyncLogEntry = z.infer<typeof SyncLogEntrySchema>;

/** Something a teammate did that this user should hear about ("Bob kept their version of Phone lookup; yours is in History"). */
export const SyncNoticeSchema = z.object({
  id: z.string(),
  at: z.number(),
  /** The connector it is about (open its History from the notice). */
  localId: z.string(),
  name: z.string(),
  message: z.string(),
});
export type SyncNotice = z.infer<typeof SyncNoticeSchema>;

/** One server revision of a synced connector (newest first in sync.history). */
export const ConnectorRevisionSchema = z.object({
  revision: z.number().int(),
  kind: z.enum(['created', 'edited', 'deleted', 'kept_mine', 'restored']),
  name: z.string(),
  deleted: z.boolean(),
  /** How the app names the author ("Bob"); null when the account is gone. */
  authorName: z.string().nullable(),
  mine: z.boolean(),
  at: z.number(),
  /** kept_mine: the revision it was saved over. */
  replacedRevision: z.number().int().nullable(),
  /** restored: the revision it brought back. */
  restoredFrom: z.number().int().nullable(),
});
export type ConnectorRevision = z.infer<typeof ConnectorRevisionSchema>;

/** A local connector not pushed to the team until its literal secrets move into credentials (never the values: a mask). */
export const HeldConnectorSchema = z.object({
  localId: z.string(),
  name: z.string(),
  secrets: z.array(z.object({
    /** Where in the document (sync.moveSecret names it). */
    path: z.string(),
    /** In words: the "Authorization" header of step lookup. */
    where: z.string(),
    suggestedName: z.string(),
    mask: z.string(),
  })),
});
export type HeldConnector = z.infer<typeof HeldConnectorSchema>;

export const syncCalls = {
  'sync.now': call(noParams, SyncStatusSchema),
  'sync.status': call(noParams, SyncStatusSchema),
  'sync.conflicts': call(noParams, z.array(SyncConflictViewSchema)),
  'sync.resolve': call(z.object({ localId: connectorId, resolution: z.enum(['keep-mine', 'keep-theirs', 'keep-both']) }).strict(), SyncStatusSchema),
  'sync.log': call(noParams, z.array(SyncLogEntrySchema)),
  'sync.notices': call(noParams, z.array(SyncNoticeSchema)),
  /** Connectors of the open folder held back from the team by a literal secret. */
  'sync.held': call(noParams, z.array(HeldConnectorSchema)),
  /** One click from the warning: the literal becomes a vault credential, the field refers to it, and sync runs. */
  'sync.moveSecret': call(z.object({ localId: connectorId, path: z.string().min(1).max(500) }).strict(), z.object({ credential: z.string(), status: SyncStatusSchema })),
  'sync.dismissNotice': call(z.object({ id: z.string().min(1).max(300) }).strict(), z.object({ dismissed: z.boolean() })),
  /** The server's revisions of one synced connector (empty when it is not synced). */
  'sync.history': call(z.object({ localId: connectorId }).strict(), z.array(ConnectorRevisionSchema)),
  /** Writes an earlier revision to the connector's file and syncs it as a new revision. */
  'sync.restore': call(z.object({ localId: connectorId, revision: z.number().int().min(1) }).strict(), SyncStatusSchema),
} satisfies DomainCallSpecs<'sync'>;

export const syncEvents = {
  'sync.status': SyncStatusSchema,
};
