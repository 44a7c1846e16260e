/**
 * Offline-first sync of one workspace's connectors with Supabase, through the two RPCs
 * sync_pull and sync_push (see supabase/migrations/*_sync.sql).
 *
 * - Local edits are never blocked: what to push is derived from the local store versus the
 *   persisted sync state, so a failed or interrupted sync simply resumes next time.
 * - Server ids are generated and persisted before the first push, and the server answers
 *   a replay with 'duplicate': a retry after a dropped connection creates nothing twice.
 * - A change the client has not seen is never overwritten, here or on the server: it
 *   becomes a conflict that the user resolves (keep mine, keep theirs, keep both).
 */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { documentHash, documentName } from './documentHash.js';
import { documentProblem } from './documentProblem.js';
import { literalSecretHold } from './literalSecretHold.js';
import { isLocalWriteRace } from './LocalWriteRace.js';
import { SyncRemoteError } from './SyncRemoteError.js';
import type {
  ChangeOrigin,
  ConflictKind,
  ConnectorRevision,
  HeldDocument,
  ConflictResolution,
  LocalConnectorStore,
  LocalDocument,
  ServerConnector,
  RevisionNote,
  SetAsideDocument,
  SyncConflict,
  SyncLogEntry,
  SyncNotice,
  SyncReport,
  SyncState,
  SyncStateStore,
  SyncStatusSnapshot,
} from './types.js';

export interface SyncEngineOptions {
  client: SupabaseClient;
  workspaceId: string;
  store: LocalConnectorStore;
  state: SyncStateStore;
  /** Changes per sync_push call (the server accepts at most 500). */
  pushBatchSize?: number;
  /** Changes per sync_pull page. */
  pullPageSize?: number;
  now?: () => number;
  newId?: () => string;
  onStatus?: (status: SyncStatusSnapshot) => void;
  onLog?: (entry: SyncLogEntry) => void;
  /** The offline status message (default: a generic one); the host tells "no network" from "project unreachable". */
  describeOffline?: () => { message: string; reason?: 'offline' | 'unreachable' };
  /** Who this device's user is, in words ("Bob"): "Keep both" names the copy after them. */
  copyOwner?: string;
  /** The signed-in user's id: a teammate's "kept mine" over this user's revision becomes a notice. */
  userId?: string;
  /** Why a pulled document cannot be written locally (null: it can). Defaults to the connector schema. */
  documentProblem?: (document: Record<string, unknown>) => string | null;
  /** Why a local document must not reach the team yet (null: it may). Defaults to a literal secret in a request. */
  holdBack?: (document: Record<string, unknown>) => string | null;
  /**
   * Waits before each new attempt when a write to the folder lost a race with the user's own
   * save (LocalWriteRace); default RACE_RETRY_DELAYS_MS. Once they are used up the sync
   * reports `pending` (the host tries again shortly), never `error`.
   */
  raceRetryDelaysMs?: readonly number[];
}

interface PushItem {
  localId: string;
  op: 'create' | 'update' | 'delete';
  hash: string | null;
  name: string;
  change: Record<string, unknown>;
}

interface PushResult {
  id: string;
  op: 'create' | 'update' | 'delete';
  status: 'applied' | 'duplicate' | 'conflict';
  revision: number | null;
  reason?: string;
  server?: ServerConnector | null;
}

interface PullResult {
  changes: ServerConnector[];
  cursor: number;
  has_more: boolean;
}

const LOG_LIMIT = 200;
const RESOLUTION_WORDS: Record<ConflictResolution, string> = { 'keep-mine': 'kept mine', 'keep-theirs': 'kept theirs', 'keep-both': 'kept both' };
const UNACKNOWLEDGED_LIMIT = 5;
const NOTICE_LIMIT = 20;
const HISTORY_LIMIT = 50;
/** Short: the user's save that won is on disk already; the next attempt reads it and pushes or conflicts. */
export const RACE_RETRY_DELAYS_MS: readonly number[] = [150, 500, 1500];

interface RevisionRow {
  revision: number;
  kind: ConnectorRevision['kind'];
  name: string;
  deleted: boolean;
  author_id: string | null;
  author_name: string | null;
  created_at: string;
  replaced_revision: number | null;
  restored_from: number | null;
  config?: Record<string, unknown>;
}

export class SyncEngine {
  private readonly options: Required<Omit<SyncEngineOptions, 'onStatus' | 'onLog' | 'copyOwner' | 'describeOffline' | 'userId'>> & Pick<SyncEngineOptions, 'onStatus' | 'onLog' | 'copyOwner' | 'describeOffline' | 'userId'>;
  private running: Promise<SyncReport> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastStatus: SyncStatusSnapshot | null = null;
  /** Why the last sync stopped short after losing write races to the user's saves (null: it did not). */
  private racing: string | null = null;

  constructor(options: SyncEngineOptions) {
    this.options = {
      pushBatchSize: 200,
      pullPageSize: 500,
      now: Date.now,
      newId: randomUUID,
      documentProblem,
      holdBack: literalSecretHold,
      raceRetryDelaysMs: RACE_RETRY_DELAYS_MS,
      ...options,
    };
  }

  /** Push then pull. Concurrent calls share the sync in progress. Resolves with a status, whatever went wrong. */
  syncNow(): Promise<SyncReport> {
    if (!this.running) {
      this.running = this.runSync().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Sync every `intervalMs` until stop(); failures are reported through the status, never thrown. */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      void this.syncNow().catch(() => undefined);
    }, intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Counts are always fresh (local edits count at once); offline/error stick until the next sync. */
  async status(): Promise<SyncStatusSnapshot> {
    const fresh = await this.safeStatus(await this.loadState());
    if (fresh.state === 'error') return fresh;
    if (this.running) return { ...fresh, state: 'syncing' };
    const last = this.lastStatus;
    if (last && (last.state === 'offline' || last.state === 'error')) return { ...fresh, state: last.state, message: last.message, reason: last.reason };
    if (this.racing && fresh.state === 'synced') return { ...fresh, state: 'pending', message: this.racing };
    return fresh;
  }

  /**
   * Whether the server has a change this client has not pulled: one change at most is asked
   * for, so polling this every few seconds costs one small request. Throws SyncRemoteError.
   */
  async hasRemoteChanges(): Promise<boolean> {
    const state = await this.loadState();
    const page = await this.rpc<PullResult>('sync_pull', { p_workspace_id: this.options.workspaceId, p_since_cursor: state.cursor, p_limit: 1 });
    return page.changes.length > 0;
  }

  /** Local connectors the team does not get until they are fixed (a literal secret). */
  async held(): Promise<HeldDocument[]> {
    const held: HeldDocument[] = [];
    for (const doc of await this.options.store.list()) {
      const reason = this.options.holdBack(doc.document);
      if (reason) held.push({ localId: doc.id, name: documentName(doc.document), reason });
    }
    return held;
  }

  async conflicts(): Promise<SyncConflict[]> {
    return Object.values((await this.loadState()).conflicts);
  }

  async log(): Promise<SyncLogEntry[]> {
    return (await this.loadState()).log;
  }

  async notices(): Promise<SyncNotice[]> {
    return (await this.loadState()).notices ?? [];
  }

  async dismissNotice(id: string): Promise<void> {
    const state = await this.loadState();
    state.notices = (state.notices ?? []).filter((notice) => notice.id !== id);
    await this.saveState(state);
  }

  /** The server's revisions of one synced connector, newest first (empty before its first push). Throws SyncRemoteError. */
  async history(localId: string): Promise<ConnectorRevision[]> {
    const record = (await this.loadState()).records[localId];
    if (!record || record.revision === 0) return [];
    const rows = await this.select<RevisionRow[]>((client) =>
      client
        .from('connector_revisions')
        .select('revision,kind,name,deleted,author_id,author_name,created_at,replaced_revision,restored_from')
        .eq('connector_id', record.remoteId)
        .order('revision', { ascending: false })
        .limit(HISTORY_LIMIT),
    );
    return rows.map((row) => ({
      revision: Number(row.revision),
      kind: row.kind,
      name: row.name,
      deleted: row.deleted,
      authorName: row.author_name,
      mine: Boolean(this.options.userId && row.author_id === this.options.userId),
      at: Date.parse(row.created_at),
      replacedRevision: row.replaced_revision === null ? null : Number(row.replaced_revision),
      restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
    }));
  }

  /**
   * Brings an earlier server revision back: written to the local document, and pushed by the
   * next sync as a new revision that says which one it restores. Throws SyncRemoteError, or
   * Error when there is nothing to restore.
   */
  async restore(localId: string, revision: number): Promise<void> {
    await this.running?.catch(() => undefined);
    const state = await this.loadState();
    const record = state.records[localId];
    if (!record || record.revision === 0) throw new Error('this connector has no server history yet: sync it first');
    if (state.conflicts[localId]) throw new Error('settle the sync conflict of this connector first, then restore');
    const [row] = await this.select<RevisionRow[]>((client) =>
      client.from('connector_revisions').select('revision,kind,name,deleted,config').eq('connector_id', record.remoteId).eq('revision', revision).limit(1),
    );
    if (!row) throw new Error(`revision ${revision} is not in this connector's history`);
    if (row.deleted || !row.config) throw new Error(`revision ${revision} is the deletion itself: pick a revision before it`);
    const problem = this.options.documentProblem({ ...row.config, id: localId });
    if (problem) throw new SyncRemoteError('server', `Revision ${revision} of ${row.name} is not a valid connector (${problem}), so it cannot be restored.`);
    await this.options.store.save({ id: localId, document: { ...row.config, id: localId } });
    record.note = { kind: 'restored', from: revision };
    this.addLog(state, 'push', 'resolved', localId, row.name, `restored revision ${revision}`);
    await this.saveState(state);
    this.publish(await this.safeStatus(state));
  }

  /**
   * The user is about to save their unsaved edits over the version the local file holds
   * ("Keep mine" in the editor, after a teammate's revision was pulled under it). When that
   * file is exactly the synced server revision, the push that follows is recorded as kept
   * over it, like the Sync panel's "Keep mine": its author is told and finds theirs in History.
   * `keptName` is the kept version's name, for the activity log. Returns whether it was recorded so.
   */
  async keepMineOver(localId: string, keptName?: string): Promise<boolean> {
    await this.running?.catch(() => undefined);
    const state = await this.loadState();
    const record = state.records[localId];
    if (!record || record.revision === 0 || record.hash === null || state.conflicts[localId]) return false;
    const local = await this.options.store.get(localId);
    if (!local || documentHash(local.document) !== record.hash) return false;
    record.note = { kind: 'kept_mine' };
    this.addLog(state, 'push', 'resolved', localId, keptName ?? documentName(local.document), RESOLUTION_WORDS['keep-mine']);
    await this.saveState(state);
    return true;
  }

  /** Settles one conflict locally; the next sync sends the outcome. */
  async resolve(localId: string, resolution: ConflictResolution): Promise<void> {
    await this.running?.catch(() => undefined);
    const state = await this.loadState();
    const conflict = state.conflicts[localId];
    if (!conflict) throw new Error(`no sync conflict for connector ${localId}: nothing to resolve`);
    const record = state.records[localId];
    const server = conflict.server;
    const local = await this.options.store.get(localId);

    const takeTheirs = async () => {
      const problem = server && !server.deleted_at ? this.problemOf(server) : null;
      if (problem) {
        throw new SyncRemoteError('server', `The server's version of ${server!.name} is not a valid connector (${problem}), so it cannot replace yours. Keep yours, or ask whoever saved it to fix it.`);
      }
      if (server && !server.deleted_at) {
        await this.options.store.save({ id: localId, document: { ...server.config, id: localId } });
        state.records[localId] = { remoteId: server.id, revision: server.revision, hash: documentHash(server.config) };
      } else {
        await this.options.store.delete(localId);
        delete state.records[localId];
      }
    };

    if (conflict.kind === 'name_taken' || conflict.kind === 'id_taken') {
      // The server row is a different connector: "theirs" has nothing to replace, so every
      // choice keeps the local connector, renamed (name_taken) or under a new id (id_taken).
      if (conflict.kind === 'id_taken' && record) {
        state.records[localId] = { remoteId: this.options.newId(), revision: 0, hash: null };
      }
      if (conflict.kind === 'name_taken' && local && resolution !== 'keep-mine') {
        await this.options.store.save({ ...local, document: { ...local.document, name: await this.uniqueName(documentName(local.document)) } });
      }
    } else if (resolution === 'keep-mine') {
      if (record && server) {
        record.revision = server.revision;
        // The server's history then says whose revision this saved over, and its author is told.
        record.note = { kind: 'kept_mine' };
      }
    } else if (resolution === 'keep-theirs') {
      await takeTheirs();
    } else {
      if (local) {
        const copyId = this.options.newId();
        await this.options.store.save({ id: copyId, document: { ...local.document, id: copyId, name: await this.uniqueName(documentName(local.document)) } });
      }
      await takeTheirs();
    }
    delete state.conflicts[localId];
    this.addLog(state, 'push', 'resolved', localId, local ? documentName(local.document) : server?.name ?? record?.name ?? localId, RESOLUTION_WORDS[resolution]);
    await this.saveState(state);
    this.publish(await this.safeStatus(state));
  }

  // ── the sync itself ───────────────────────────────────────────────────────────

  private async runSync(): Promise<SyncReport> {
    const state = await this.loadState();
    this.publish({ ...(await this.safeStatus(state)), state: 'syncing' });
    let pulled = 0;
    let pushed = 0;
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          // Push first: the server answers stale edits with conflicts itself, and the pull that
          // follows moves the cursor past our own changes (so the next sync reads only news).
          pushed += await this.push(state);
          pulled += await this.pull(state);
          break;
        } catch (error) {
          // A pulled write lost to the user's save: nothing was written and the cursor did not
          // move, so going again (push first) sends that save or records it as a conflict.
          const delay = this.options.raceRetryDelaysMs[attempt];
          if (!isLocalWriteRace(error) || delay === undefined) throw error;
          await this.saveState(state);
          await new Promise((done) => setTimeout(done, delay));
        }
      }
      this.racing = null;
      state.lastSyncedAt = this.options.now();
      await this.saveState(state);
      const status = await this.computeStatus(state);
      this.publish(status);
      return { pulled, pushed, conflicts: Object.keys(state.conflicts).length, status };
    } catch (error) {
      await this.saveState(state);
      const base = await this.safeStatus(state);
      if (isLocalWriteRace(error) && base.state !== 'error') {
        // Still racing after the retries (a file saved again and again): tried again shortly.
        this.racing = `${error.file} was being saved while the sync wrote to it; nothing was overwritten, and the sync tries again shortly.`;
        const status: SyncStatusSnapshot = { ...base, state: base.state === 'conflict' ? 'conflict' : 'pending', message: this.racing };
        this.publish(status);
        return { pulled, pushed, conflicts: Object.keys(state.conflicts).length, status };
      }
      const remote = error instanceof SyncRemoteError ? error : new SyncRemoteError('server', `Sync stopped: ${error instanceof Error ? error.message : String(error)}`);
      const status: SyncStatusSnapshot =
        remote.kind === 'offline'
          ? { ...base, state: 'offline', ...(this.options.describeOffline?.() ?? { message: 'Offline: changes are kept and will sync when the connection is back.' }) }
          : { ...base, state: 'error', reason: remote.kind, message: remote.message };
      this.publish(status);
      return { pulled, pushed, conflicts: Object.keys(state.conflicts).length, status };
    }
  }

  private async pull(state: SyncState): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await this.rpc<PullResult>('sync_pull', {
        p_workspace_id: this.options.workspaceId,
        p_since_cursor: state.cursor,
        p_limit: this.options.pullPageSize,
      });
      for (const change of page.changes) {
        if (await this.applyRemote(state, change)) applied += 1;
      }
      state.cursor = Math.max(state.cursor, page.cursor);
      await this.saveState(state);
      if (!page.has_more) return applied;
    }
  }

  /** Applies one server change locally unless that would lose a local edit. Returns whether anything changed. */
  private async applyRemote(state: SyncState, server: ServerConnector): Promise<boolean> {
    const localId = this.localIdFor(state, server.id);
    const record = localId ? state.records[localId] : undefined;
    if (localId && record && server.revision <= record.revision) return false;
    this.noticeKeptOverMine(state, localId ?? server.id, server);
    // A document this app cannot open is kept aside, never written: the rest of the pull goes on.
    const problem = server.deleted_at ? null : this.problemOf(server);
    if (problem) {
      this.setAside(state, server, problem);
      return false;
    }
    if (state.setAside?.[server.id]) delete state.setAside[server.id];
    const serverHash = documentHash(server.config);

    if (!localId || !record) {
      if (server.deleted_at) return false;
      const newLocalId = await this.freeLocalId(state, server);
      await this.options.store.save({ id: newLocalId, document: { ...server.config, id: newLocalId } }, this.originOf(server));
      state.records[newLocalId] = { remoteId: server.id, revision: server.revision, hash: serverHash, name: server.name };
      this.addLog(state, 'pull', 'created', newLocalId, server.name);
      return true;
    }

    const local = await this.options.store.get(localId);
    const localHash = local ? documentHash(local.document) : null;
    // Never acknowledged (hash null) counts as a local change: it may be our own lost create.
    const localChanged = record.hash === null || localHash !== record.hash;

    if (!localChanged) {
      delete state.conflicts[localId];
      const origin = this.originOf(server);
      if (server.deleted_at) {
        await this.options.store.delete(localId, origin);
        delete state.records[localId];
        this.addLog(state, 'pull', 'deleted', localId, server.name);
      } else {
        await this.options.store.save({ id: localId, document: { ...server.config, id: localId } }, origin);
        record.revision = server.revision;
        record.hash = serverHash;
        this.addLog(state, 'pull', 'updated', localId, server.name);
      }
      return true;
    }

    // Unsynced local change. Our own earlier push whose answer was lost is not a conflict.
    if (!server.deleted_at && record.unacknowledged?.includes(serverHash)) {
      record.revision = server.revision;
      record.hash = serverHash;
      record.unacknowledged = [];
      return false;
    }
    if (local && !server.deleted_at && localHash === serverHash) {
      record.revision = server.revision;
      record.hash = serverHash;
      return false;
    }
    if (!local && server.deleted_at) {
      delete state.records[localId];
      return false;
    }
    const kind: ConflictKind = !local ? 'edited_on_server_deleted_here' : server.deleted_at ? 'deleted_on_server' : 'edited_on_both';
    this.addConflict(state, localId, kind, server, local ? documentName(local.document) : server.name);
    return false;
  }

  private async push(state: SyncState): Promise<number> {
    let applied = 0;
    // A second round only when the server turned out to hold our own unacknowledged change
    // (an answer lost earlier): the record then catches up and the newer local edit goes out.
    for (let round = 0; round < 3; round += 1) {
      const items = await this.pendingItems(state, true);
      if (items.length === 0) break;
      // Persist ids and what is being sent before sending: a retry must reuse them.
      await this.saveState(state);
      let caughtUp = false;
      for (let start = 0; start < items.length; start += this.options.pushBatchSize) {
        const batch = items.slice(start, start + this.options.pushBatchSize);
        const results = await this.rpc<PushResult[]>('sync_push', {
          p_workspace_id: this.options.workspaceId,
          p_changes: batch.map((item) => item.change),
        });
        batch.forEach((item, index) => {
          const outcome = this.applyPushResult(state, item, results[index]!);
          if (outcome === 'applied') applied += 1;
          if (outcome === 'caught-up') caughtUp = true;
        });
        await this.saveState(state);
      }
      if (!caughtUp) break;
    }
    return applied;
  }

  private applyPushResult(state: SyncState, item: PushItem, result: PushResult): 'applied' | 'unchanged' | 'caught-up' | 'conflict' {
    const record = state.records[item.localId];
    if (!record) return 'unchanged';
    if (result.status === 'applied' || result.status === 'duplicate') {
      if (item.op === 'delete') {
        delete state.records[item.localId];
      } else {
        record.revision = result.revision ?? record.revision;
        record.hash = item.hash;
        record.unacknowledged = [];
        delete record.note;
      }
      if (result.status === 'duplicate') return 'unchanged';
      this.addLog(state, 'push', item.op === 'create' ? 'created' : item.op === 'update' ? 'updated' : 'deleted', item.localId, item.name);
      return 'applied';
    }

    const server = result.server ?? null;
    if (result.reason === 'missing') {
      // The row is gone for good (purged): send it again as a new connector.
      record.revision = 0;
      record.hash = null;
      return 'caught-up';
    }
    if (result.reason === 'name_taken') {
      this.addConflict(state, item.localId, 'name_taken', server, item.name);
      return 'conflict';
    }
    if (result.reason === 'id_taken' || result.reason === 'other_workspace') {
      this.addConflict(state, item.localId, 'id_taken', null, item.name);
      return 'conflict';
    }
    if (server && item.op === 'delete' && server.deleted_at) {
      delete state.records[item.localId];
      return 'unchanged';
    }
    if (server && !server.deleted_at) {
      const serverHash = documentHash(server.config);
      if (serverHash === item.hash || record.unacknowledged?.includes(serverHash)) {
        // The server holds content this client sent (an answer lost earlier) or exactly ours:
        // not a conflict. Catch up, and let the next round send anything newer.
        record.revision = server.revision;
        record.hash = serverHash;
        record.unacknowledged = [];
        return serverHash === item.hash ? 'unchanged' : 'caught-up';
      }
    }
    const kind: ConflictKind = server?.deleted_at ? 'deleted_on_server' : item.op === 'delete' ? 'edited_on_server_deleted_here' : 'edited_on_both';
    this.addConflict(state, item.localId, kind, server, item.name);
    return 'conflict';
  }

  /** What the local store holds that the server has not seen. With `prepare`, records are created and marked as sent. */
  private async pendingItems(state: SyncState, prepare: boolean): Promise<PushItem[]> {
    const docs = await this.options.store.list();
    const present = new Set(docs.map((doc) => doc.id));
    const items: PushItem[] = [];
    for (const doc of docs) {
      if (state.conflicts[doc.id]) continue;
      // Held back (a literal secret): the server keeps the last revision it had, if any.
      if (this.options.holdBack(doc.document)) continue;
      let record = state.records[doc.id];
      const hash = documentHash(doc.document);
      // Remembered so a later delete is logged with the connector's name, not its id.
      if (record && prepare) record.name = documentName(doc.document);
      if (record && record.hash === hash) continue;
      if (!record) {
        if (!prepare) {
          items.push(this.item(doc, 'create', hash, this.options.newId(), 0));
          continue;
        }
        record = { remoteId: this.options.newId(), revision: 0, hash: null, name: documentName(doc.document) };
        state.records[doc.id] = record;
      }
      const op = record.revision === 0 ? 'create' : 'update';
      items.push(this.item(doc, op, hash, record.remoteId, record.revision, record.note));
      if (prepare) record.unacknowledged = [...(record.unacknowledged ?? []), hash].filter((h, i, all) => all.indexOf(h) === i).slice(-UNACKNOWLEDGED_LIMIT);
    }
    for (const [localId, record] of Object.entries(state.records)) {
      if (present.has(localId) || state.conflicts[localId]) continue;
      // Never acknowledged: the create may still have reached the server, so delete from revision 1.
      items.push({
        localId,
        op: 'delete',
        hash: null,
        name: record.name ?? localId,
        change: { op: 'delete', id: record.remoteId, base_revision: Math.max(record.revision, 1) },
      });
    }
    return items;
  }

  private item(doc: LocalDocument, op: 'create' | 'update', hash: string, remoteId: string, revision: number, note?: RevisionNote): PushItem {
    const name = documentName(doc.document);
    const change: Record<string, unknown> = { op, id: remoteId, name, config: doc.document };
    if (op === 'update') change.base_revision = revision;
    if (op === 'update' && note) {
      change.note = note.kind;
      if (note.kind === 'restored') change.restored_from = note.from;
    }
    const template = doc.document.template as { id?: unknown } | undefined;
    if (op === 'create' && typeof template?.id === 'string' && /^[0-9a-f-]{36}$/i.test(template.id)) {
      change.created_from_template = template.id;
    }
    return { localId: doc.id, op, hash, name, change };
  }

  // ── helpers ───────────────────────────────────────────────────────────────────

  private async rpc<T>(fn: string, args: Record<string, unknown>): Promise<T> {
    let result: { data: unknown; error: { code?: string; message: string; hint?: string | null } | null; status: number };
    try {
      result = (await this.options.client.rpc(fn, args)) as typeof result;
    } catch (error) {
      throw new SyncRemoteError('offline', error instanceof Error ? error.message : String(error));
    }
    if (!result.error) return result.data as T;
    return this.remoteError(result);
  }

  private remoteError(result: { error: { code?: string; message: string; hint?: string | null } | null; status: number }): never {
    if (!result.error) throw new SyncRemoteError('server', 'Sync failed with no error from the server.');
    if (result.status === 0 || !result.error.code) throw new SyncRemoteError('offline', result.error.message);
    // PostgREST answers 401 for an expired or invalid access token (PGRST301/PGRST303).
    if (result.status === 401) throw new SyncRemoteError('session', 'Your session expired — sign in again.');
    if (result.error.code === '42501') {
      throw new SyncRemoteError(
        'revoked',
        `You no longer have access to this workspace (${result.error.message}). Your local connectors are kept; pick another workspace or ask its owner to add you back.`,
      );
    }
    throw new SyncRemoteError('server', `Sync failed: ${result.error.message}${result.error.hint ? ` (${result.error.hint})` : ''}`);
  }

  /** A teammate's revision is told as theirs; this user's own (another device) needs no name. */
  private originOf(server: ServerConnector): ChangeOrigin {
    return server.updated_by_name && server.updated_by !== this.options.userId ? { by: server.updated_by_name } : {};
  }

  /** A table read through the same error mapping as the RPCs. */
  private async select<T>(query: (client: SupabaseClient) => PromiseLike<{ data: unknown; error: { code?: string; message: string; hint?: string | null } | null; status: number }>): Promise<T> {
    let result;
    try {
      result = await query(this.options.client);
    } catch (error) {
      throw new SyncRemoteError('offline', error instanceof Error ? error.message : String(error));
    }
    if (!result.error) return result.data as T;
    return this.remoteError(result);
  }

  /** "Bob kept their version of Phone lookup; yours is in History": only to the author of the revision saved over. */
  private noticeKeptOverMine(state: SyncState, localId: string, server: ServerConnector): void {
    const me = this.options.userId;
    if (!me || server.revision_kind !== 'kept_mine' || server.replaced_author !== me || server.updated_by === me) return;
    const id = `${server.id}:${server.revision}`;
    if (state.notices?.some((notice) => notice.id === id)) return;
    const who = server.updated_by_name ?? 'A teammate';
    const notice: SyncNotice = {
      id,
      at: this.options.now(),
      localId,
      name: server.name,
      message: `${who} kept their version of ${server.name}; yours is in History (revision ${server.replaced_revision}).`,
    };
    state.notices = [...(state.notices ?? []), notice].slice(-NOTICE_LIMIT);
  }

  private problemOf(server: ServerConnector): string | null {
    return this.options.documentProblem({ ...server.config, id: server.id });
  }

  private setAside(state: SyncState, server: ServerConnector, problem: string): void {
    state.setAside = { ...state.setAside, [server.id]: { remoteId: server.id, name: server.name, revision: server.revision, problem, updatedBy: server.updated_by, at: this.options.now(), config: server.config } };
    this.addLog(state, 'pull', 'set_aside', this.localIdFor(state, server.id) ?? server.id, server.name);
  }

  private localIdFor(state: SyncState, remoteId: string): string | undefined {
    return Object.keys(state.records).find((localId) => state.records[localId]!.remoteId === remoteId);
  }

  /** The pulled document's own id when it is free here, otherwise the server id. */
  private async freeLocalId(state: SyncState, server: ServerConnector): Promise<string> {
    const preferred = typeof server.config.id === 'string' && server.config.id ? server.config.id : server.id;
    if (!state.records[preferred] && !(await this.options.store.get(preferred))) return preferred;
    return server.id;
  }

  private async uniqueName(name: string): Promise<string> {
    const taken = new Set((await this.options.store.list()).map((doc) => documentName(doc.document)));
    for (let n = 1; ; n += 1) {
      const copy = this.options.copyOwner ? `${this.options.copyOwner}'s copy` : 'my copy';
      const candidate = `${name} (${copy}${n === 1 ? '' : ` ${n}`})`;
      if (!taken.has(candidate)) return candidate;
    }
  }

  /** Logged once per conflict: seeing the same one again (a later server revision) only updates it. */
  private addConflict(state: SyncState, localId: string, kind: ConflictKind, server: ServerConnector | null, name: string): void {
    const known = state.conflicts[localId];
    state.conflicts[localId] = { localId, kind, server, detectedAt: known?.detectedAt ?? this.options.now() };
    if (!known) this.addLog(state, 'pull', 'conflict', localId, name);
  }

  private addLog(state: SyncState, direction: SyncLogEntry['direction'], action: SyncLogEntry['action'], localId: string, name: string, detail?: string): void {
    const entry: SyncLogEntry = { at: this.options.now(), direction, action, localId, name, ...(detail ? { detail } : {}) };
    state.log = [...state.log, entry].slice(-LOG_LIMIT);
    this.options.onLog?.(entry);
  }

  private async computeStatus(state: SyncState): Promise<SyncStatusSnapshot> {
    const pending = (await this.pendingItems(state, false)).length;
    const conflicts = Object.keys(state.conflicts).length;
    const setAside = Object.values(state.setAside ?? {});
    const held = await this.held();
    return {
      state: conflicts > 0 ? 'conflict' : pending > 0 ? 'pending' : 'synced',
      pending,
      conflicts,
      lastSyncedAt: state.lastSyncedAt,
      ...(held.length > 0 ? { held: held.length, message: heldMessage(held) } : {}),
      ...(setAside.length > 0 ? { setAside: setAside.length, message: setAsideMessage(setAside) } : {}),
    };
  }

  /** computeStatus, or an error status when the local store cannot be read (a broken file). */
  private async safeStatus(state: SyncState): Promise<SyncStatusSnapshot> {
    try {
      return await this.computeStatus(state);
    } catch (error) {
      return {
        state: 'error',
        reason: 'server',
        pending: 0,
        conflicts: Object.keys(state.conflicts).length,
        lastSyncedAt: state.lastSyncedAt,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private publish(status: SyncStatusSnapshot): void {
    this.lastStatus = status;
    this.options.onStatus?.(status);
  }

  private async loadState(): Promise<SyncState> {
    const loaded = await this.options.state.load();
    if (loaded && loaded.workspaceId === this.options.workspaceId) return loaded;
    return { workspaceId: this.options.workspaceId, cursor: 0, records: {}, conflicts: {}, lastSyncedAt: null, log: [] };
  }

  private saveState(state: SyncState): Promise<void> {
    return this.options.state.save(state);
  }
}

function heldMessage(documents: HeldDocument[]): string {
  const [first] = documents;
  const others = documents.length - 1;
  return `${first!.name} is not shared with the team: ${first!.reason}${others > 0 ? `; ${others} more like it` : ''}. Move it into a credential (one click in the Sync panel), and it syncs.`;
}

function setAsideMessage(documents: SetAsideDocument[]): string {
  const [first] = documents;
  const others = documents.length - 1;
  return `${first!.name} from the team was set aside and not written to this folder: it is not a valid connector (${first!.problem})${others > 0 ? `; ${others} more like it` : ''}. Ask whoever saved it to fix it in Connector Studio; everything else synced.`;
}
