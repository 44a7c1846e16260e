/**
 * The sync engine's seams: a local store of connector documents (the host's workspace
 * store plugs in here) and a persisted sync state (cursor, what each document looked like
 * at its last sync, open conflicts). Both are injected so the engine holds no I/O of its own
 * beyond the Supabase client.
 */

/** A connector document as the local store keeps it, keyed by `id`. */
export interface LocalDocument {
  id: string;
  /** The connector document (schemaVersion 1); its `name` is the connector's name. */
  document: Record<string, unknown>;
}

export interface LocalConnectorStore {
  list(): Promise<LocalDocument[]>;
  get(id: string): Promise<LocalDocument | null>;
  /**
   * Create or replace (used when a pulled change or a conflict resolution is applied). save and
   * delete throw LocalWriteRace when the document changed since it was read (the engine retries).
   */
  save(doc: LocalDocument, origin?: ChangeOrigin): Promise<void>;
  delete(id: string, origin?: ChangeOrigin): Promise<void>;
}

/** Where a change the engine writes came from: a teammate's revision names them ("deleted by Bob"). */
export interface ChangeOrigin {
  by?: string;
}

/** What the engine knows about one local document's server copy. */
export interface SyncRecord {
  /** The server row id (client-generated UUID, persisted before the first push so a retry reuses it). */
  remoteId: string;
  /** The server revision this client last saw; 0 before the first successful push. */
  revision: number;
  /** Hash of the content at that revision; null before the first successful push. */
  hash: string | null;
  /**
   * Hashes of content sent but not yet acknowledged (newest last, a few at most): when a
   * push's answer is lost, the server may hold one of these, and that is our own change,
   * not a conflict.
   */
  unacknowledged?: string[];
  /** The connector's name when last seen (for the activity log once it is gone). */
  name?: string;
  /**
   * Why the next push of this document is made, for the server's history: the user kept
   * theirs over the server revision they saw in a conflict, or restored an earlier revision.
   * Cleared once the push is acknowledged.
   */
  note?: RevisionNote;
}

export type RevisionNote = { kind: 'kept_mine' } | { kind: 'restored'; from: number };

export type ConflictKind = 'edited_on_both' | 'deleted_on_server' | 'edited_on_server_deleted_here' | 'name_taken' | 'id_taken';

/** The server's row as sync_pull / sync_push report it. */
export interface ServerConnector {
  id: string;
  workspace_id: string;
  name: string;
  config: Record<string, unknown>;
  revision: number;
  change_seq: number;
  deleted_at: string | null;
  updated_at: string;
  updated_by: string | null;
  /** Who wrote this revision, as the app names people ("Bob"); from the server's history. */
  updated_by_name?: string | null;
  /** Why this revision was written (connector_revisions.kind). */
  revision_kind?: RevisionKind | null;
  /** For kept_mine: the revision saved over, and who had written it. */
  replaced_revision?: number | null;
  replaced_author?: string | null;
  restored_from?: number | null;
}

export type RevisionKind = 'created' | 'edited' | 'deleted' | 'kept_mine' | 'restored';

/** One server revision of a connector, as the History view lists it. */
export interface ConnectorRevision {
  revision: number;
  kind: RevisionKind;
  name: string;
  deleted: boolean;
  authorName: string | null;
  /** Written by this app's user. */
  mine: boolean;
  at: number;
  replacedRevision: number | null;
  restoredFrom: number | null;
}

/** Something a teammate did that the user should hear about once ("Bob kept their version of …"). */
export interface SyncNotice {
  id: string;
  at: number;
  localId: string;
  name: string;
  message: string;
}

export interface SyncConflict {
  localId: string;
  kind: ConflictKind;
  /** The server's version (null when the server gave none, e.g. id_taken). */
  server: ServerConnector | null;
  detectedAt: number;
}

export interface SyncLogEntry {
  at: number;
  direction: 'push' | 'pull';
  action: 'created' | 'updated' | 'deleted' | 'conflict' | 'set_aside' | 'resolved';
  localId: string;
  name: string;
  /** For `resolved`: how ("kept mine"). */
  detail?: string;
}

/** A local connector not pushed yet, and why (in words). */
export interface HeldDocument {
  localId: string;
  name: string;
  reason: string;
}

/** A pulled server version that is not a connector this app can open: kept here, never written to the folder. */
export interface SetAsideDocument {
  remoteId: string;
  name: string;
  revision: number;
  /** What is wrong, in words (the first problem). */
  problem: string;
  updatedBy: string | null;
  at: number;
  config: Record<string, unknown>;
}

export interface SyncState {
  workspaceId: string;
  /** sync_pull's cursor: every server change up to here has been seen. */
  cursor: number;
  records: Record<string, SyncRecord>;
  conflicts: Record<string, SyncConflict>;
  lastSyncedAt: number | null;
  log: SyncLogEntry[];
  /** By server id; optional so state files written before it still load. */
  setAside?: Record<string, SetAsideDocument>;
  /** Not yet dismissed by the user, oldest first. */
  notices?: SyncNotice[];
}

export interface SyncStateStore {
  load(): Promise<SyncState | null>;
  save(state: SyncState): Promise<void>;
}

export type ConflictResolution = 'keep-mine' | 'keep-theirs' | 'keep-both';

/** Mirrors contract/hostApi.ts SyncStatus (the renderer's indicator). */
export interface SyncStatusSnapshot {
  state: 'synced' | 'pending' | 'syncing' | 'offline' | 'conflict' | 'error';
  pending: number;
  conflicts: number;
  lastSyncedAt: number | null;
  message?: string;
  /** Pulled documents kept aside because they are not valid connectors. */
  setAside?: number;
  /** Local connectors not pushed to the team until a literal secret in them moves into a credential. */
  held?: number;
  /**
   * Machine-readable reason: for `error`, 'revoked' (the workspace membership is gone),
   * 'session' (the sign-in expired) or 'server'; for `offline`, 'offline' (no network) or
   * 'unreachable' (the network is up but the project does not answer).
   */
  reason?: 'revoked' | 'session' | 'server' | 'offline' | 'unreachable';
}

export interface SyncReport {
  pulled: number;
  pushed: number;
  conflicts: number;
  status: SyncStatusSnapshot;
}
