/**
 * The signed-in side of the app: the Supabase account (email + password, session kept in
 * an encrypted vault), the link between the open workspace folder and a remote workspace,
 * and the SyncEngine that keeps them in step (on demand, periodically, shortly after every
 * local change). Offline-first: nothing here ever blocks local work; failures become a
 * sync status, not an exception, except for the calls the user made on purpose (sign-in).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ExecutionRecord } from '#core';
import {
  HostError,
  type AccountStatus,
  type ConnectorRevision,
  type HeldConnector,
  type AppSettings,
  type HostEvents,
  type RemoteWorkspace,
  type SyncConflictView,
  type SyncLogEntry,
  type SyncNotice,
  type SyncStatus,
} from '../../contract/hostApi.js';
import { JsonFileSyncStateStore } from '../sync/jsonFileSyncStateStore.js';
import { SyncEngine } from '../sync/SyncEngine.js';
import { isLocalWriteRace } from '../sync/LocalWriteRace.js';
import { SyncRemoteError } from '../sync/SyncRemoteError.js';
import type { ConflictResolution, SyncStatusSnapshot } from '../sync/types.js';
import type { KeyProtector } from '../vault/keyProtector.js';
import { Vault } from '../vault/vault.js';
import type { WorkspaceStore } from '../workspace/workspaceStore.js';
import { AccountFile, type AccountData } from './accountFile.js';
import { conflictView } from './conflictView.js';
import { connectionProblem, hasNetwork, type ConnectionProblem } from './connectionProblem.js';
import { loadAccountClientFactory, SESSION_STORAGE_KEY } from './createAccountClient.js';
import type { TeamRunStats } from '../runs/teamRunStats.js';
import { RunUploader } from './runUploader.js';
import { heldConnectors, moveHeldSecret, type CredentialWriter } from './heldConnectors.js';
import { syncStateFile } from './syncStateFile.js';
import { vaultSessionStorage } from './vaultSessionStorage.js';
import { WorkspaceConnectorStore } from './workspaceConnectorStore.js';

export interface AccountServiceOptions {
  userDataDir: string;
  settings: () => Promise<Pick<AppSettings, 'supabaseUrl' | 'supabaseAnonKey'>>;
  /** Protects the session vault's key (the same protection as the credentials vault). */
  protector: KeyProtector;
  /** The credential values, for redacting run records before upload. */
  secrets: () => Promise<Record<string, string>>;
  /** The vault, for moving a literal secret out of a connector into a credential. */
  credentials: CredentialWriter;
  /** The open workspace folder's store, or null when none is open. */
  workspace: () => WorkspaceStore | null;
  emit: <E extends 'sync.status' | 'store.changed'>(name: E, payload: HostEvents[E]) => void;
  /** Periodic sync (default one minute); 0 turns it off. */
  syncIntervalMs?: number;
  /** Quiet time after a local change before syncing it (default 1.5 s). */
  changeDelayMs?: number;
  /**
   * How often the linked folder is checked for saves and edits on disk (default 2 s; 0 off).
   * Cheap: the workspace store re-reads only files whose mtime changed.
   */
  localCheckMs?: number;
  /**
   * How often the server's change cursor is checked while online, and connectivity retried
   * while offline (default 3 s; 0 off): a teammate's save, or the connection coming back,
   * is synced within seconds rather than at the next periodic sync.
   */
  remotePollMs?: number;
  /** Whether this computer has a network at all (default: a non-loopback interface is up). */
  networkUp?: () => boolean;
}

const SESSION_EXPIRED = 'Your session expired — sign in again. Your connectors stay on this computer.';

export const DEFAULT_REMOTE_POLL_MS = 3000;

interface ActiveSync {
  key: string;
  root: string;
  workspaceId: string;
  engine: SyncEngine;
  state: JsonFileSyncStateStore;
}

const TEAM_STATS_TTL_MS = 15_000;

export class AccountService {
  private readonly dir: string;
  private readonly account: AccountFile;
  private readonly sessionVault: Vault;
  private readonly uploader: RunUploader;
  private client: { key: string; client: SupabaseClient } | null = null;
  private active: ActiveSync | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private changeTimer: ReturnType<typeof setTimeout> | null = null;
  private localTimer: ReturnType<typeof setInterval> | null = null;
  private remoteTimer: ReturnType<typeof setInterval> | null = null;
  private polling = false;
  /** The linked folder's content (file hashes) as of the last sync: a difference means local edits. */
  private syncedFingerprint: string | null = null;
  private syncing: Promise<SyncStatus> | null = null;
  private followUp: Promise<SyncStatus> | null = null;
  private heldChanges: Array<HostEvents['store.changed']> = [];
  private lastStatus: SyncStatus = { state: 'signed_out' };
  /** The sign-in stopped being accepted (expired or revoked session) since the last sign-in. */
  private sessionExpired = false;
  private closed = false;
  /** Teammates' runs per connector, briefly cached: the dashboard lists often, the figures change slowly. */
  private teamStats: { key: string; at: number; value: Record<string, TeamRunStats> } | null = null;

  constructor(private readonly options: AccountServiceOptions) {
    this.dir = join(options.userDataDir, 'account');
    this.account = new AccountFile(join(this.dir, 'account.json'));
    this.sessionVault = new Vault(this.dir, options.protector);
    this.uploader = new RunUploader({ file: join(this.dir, 'pending-runs.json'), secrets: options.secrets });
  }

  async start(): Promise<void> {
    await mkdir(join(this.dir, 'sync'), { recursive: true, mode: 0o700 });
    const interval = this.options.syncIntervalMs ?? 60_000;
    if (interval > 0) {
      this.timer = setInterval(() => void this.syncNow().catch(() => undefined), interval);
      this.timer.unref?.();
    }
    const localCheck = this.options.localCheckMs ?? 2000;
    if (localCheck > 0) {
      this.localTimer = setInterval(() => void this.checkLocalChanges().catch(() => undefined), localCheck);
      this.localTimer.unref?.();
    }
    const remotePoll = this.options.remotePollMs ?? DEFAULT_REMOTE_POLL_MS;
    if (remotePoll > 0) {
      this.remoteTimer = setInterval(() => void this.pollRemote().catch(() => undefined), remotePoll);
      this.remoteTimer.unref?.();
    }
    void this.syncNow().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.localTimer) clearInterval(this.localTimer);
    if (this.remoteTimer) clearInterval(this.remoteTimer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    await this.followUp?.catch(() => undefined);
    await this.syncing?.catch(() => undefined);
    await this.client?.client.auth.stopAutoRefresh().catch(() => undefined);
  }

  // ── account ─────────────────────────────────────────────────────────────────

  async status(): Promise<AccountStatus> {
    const settings = await this.options.settings();
    const data = await this.account.read();
    const link = this.linkFor(data);
    return {
      configured: Boolean(settings.supabaseUrl && settings.supabaseAnonKey),
      user: data.user,
      workspace: link ? { id: link.workspaceId, name: link.name } : null,
      pushRuns: data.pushRuns,
    };
  }

  async signIn(email: string, password: string): Promise<AccountStatus> {
    const client = await this.requireClient();
    let result;
    try {
      result = await client.auth.signInWithPassword({ email: email.trim(), password });
    } catch {
      throw await this.unreachable();
    }
    if (result.error) {
      if (result.error.status === 0 || result.error.name === 'AuthRetryableFetchError') throw await this.unreachable();
      throw new HostError('UNAUTHORIZED', `Sign-in failed: ${result.error.message}.`, { hint: 'Check the email and password (and that the Supabase URL and anon key in Settings are this project\'s).' });
    }
    const user = result.data.user;
    this.sessionExpired = false;
    await this.account.update((data) => {
      data.user = { id: user.id, email: user.email ?? email.trim() };
    });
    this.active = null;
    this.scheduleSync(0);
    return this.status();
  }

  async signOut(): Promise<AccountStatus> {
    await this.syncing?.catch(() => undefined);
    if (this.client) {
      // Ends the session on the server when reachable; the local copy goes regardless.
      await this.client.client.auth.signOut().catch(() => undefined);
      await this.client.client.auth.stopAutoRefresh().catch(() => undefined);
    }
    await this.sessionVault.delete(SESSION_STORAGE_KEY);
    this.client = null;
    this.active = null;
    await this.account.update((data) => {
      data.user = null;
    });
    this.publish({ state: 'signed_out', message: 'Signed out: your connectors stay on this computer.' });
    return this.status();
  }

  /** The remote workspaces the signed-in user is a member of; offline, the list last seen. */
  async workspaces(): Promise<RemoteWorkspace[]> {
    const client = await this.requireSignedInClient();
    let result;
    try {
      result = await client.from('my_workspaces').select('id,name,role').order('name');
    } catch {
      return this.knownWorkspaces();
    }
    if (result.error) {
      if (!result.error.code) return this.knownWorkspaces();
      throw new HostError('UNAUTHORIZED', `Could not list your workspaces: ${result.error.message}.`, { hint: 'Sign out and sign in again.' });
    }
    const list = (result.data ?? []).map((w) => ({ id: String(w.id), name: String(w.name), role: String(w.role) }));
    await this.account.update((data) => {
      if (data.user) data.knownWorkspaces = { userId: data.user.id, list };
    });
    return list;
  }

  /** What the workspace list was when last seen, or why there is none. */
  private async knownWorkspaces(): Promise<RemoteWorkspace[]> {
    const data = await this.account.read();
    if (data.user && data.knownWorkspaces?.userId === data.user.id) return data.knownWorkspaces.list;
    throw await this.unreachable();
  }

  private async unreachable(): Promise<HostError> {
    const problem = await this.connectionProblem();
    return new HostError('IO_ERROR', problem.message, { hint: 'Everything keeps working locally meanwhile.' });
  }

  /** Why the project gave no answer just now: no network here ("Offline"), or the project itself. */
  async connectionProblem(): Promise<ConnectionProblem> {
    return connectionProblem((await this.options.settings()).supabaseUrl, this.options.networkUp ?? hasNetwork);
  }

  /**
   * The signed-in user's client and the open folder's linked workspace, or null when signed
   * out or not configured. For other signed-in features (the template marketplace) so that
   * one client, one session and one token refresh serve the whole app.
   */
  async signedInContext(): Promise<{ client: SupabaseClient; userId: string; workspaceId: string | null } | null> {
    const settings = await this.options.settings();
    if (!settings.supabaseUrl || !settings.supabaseAnonKey) return null;
    const data = await this.account.read();
    if (!data.user) return null;
    const client = await this.requireClient();
    const { data: session } = await client.auth.getSession();
    if (!session.session) return null;
    return { client, userId: data.user.id, workspaceId: this.linkFor(data)?.workspaceId ?? null };
  }

  /** Links the open folder to one of the user's workspaces (null unlinks) and syncs. */
  async selectWorkspace(workspaceId: string | null, pushRuns?: boolean): Promise<AccountStatus> {
    const store = this.options.workspace();
    if (workspaceId !== null && !store) throw new HostError('NO_WORKSPACE', 'Open a workspace folder first: it is what gets synced.', { hint: 'Use "Switch workspace" to open or create one.' });
    let name = '';
    if (workspaceId !== null) {
      const found = (await this.workspaces()).find((w) => w.id === workspaceId);
      if (!found) throw new HostError('NOT_FOUND', 'You are not a member of that workspace.', { hint: 'Pick one from the list, or ask its owner to invite you.' });
      name = found.name;
    }
    const data = await this.account.update((d) => {
      if (pushRuns !== undefined) d.pushRuns = pushRuns;
      if (!store) return;
      if (workspaceId === null) delete d.links[store.root];
      else d.links[store.root] = { workspaceId, name, userId: d.user!.id };
    });
    void data;
    this.active = null;
    this.scheduleSync(0);
    return this.status();
  }

  // ── sync ────────────────────────────────────────────────────────────────────

  /**
   * Syncs now. A sync already running may have started before the latest change, so one
   * more follows it (shared by every caller meanwhile). Never throws for remote trouble: see the status.
   */
  syncNow(): Promise<SyncStatus> {
    if (this.closed) return Promise.resolve(this.lastStatus);
    if (!this.syncing) {
      this.syncing = this.runSync().finally(() => {
        this.syncing = null;
      });
      return this.syncing;
    }
    this.followUp ??= this.syncing
      .catch(() => undefined)
      .then(() => {
        this.followUp = null;
        return this.syncNow();
      });
    return this.followUp;
  }

  async syncStatus(): Promise<SyncStatus> {
    const active = await this.activeSync();
    if (!active) return this.notReadyStatus();
    try {
      return toContractStatus(await active.engine.status());
    } catch (error) {
      if (error instanceof SyncRemoteError) return { state: 'error', message: error.message };
      throw error;
    }
  }

  async conflicts(): Promise<SyncConflictView[]> {
    const active = await this.activeSync();
    if (!active) return [];
    const store = new WorkspaceConnectorStore(this.options.workspace()!);
    const views: SyncConflictView[] = [];
    for (const conflict of await active.engine.conflicts()) {
      views.push(conflictView(conflict, (await store.get(conflict.localId))?.document ?? null));
    }
    return views;
  }

  async resolve(localId: string, resolution: ConflictResolution): Promise<SyncStatus> {
    const active = await this.activeSync();
    if (!active) throw new HostError('NOT_FOUND', 'There is nothing to resolve: this workspace is not synced.', { hint: 'Sign in and pick a workspace first.' });
    await this.syncing?.catch(() => undefined);
    try {
      await active.engine.resolve(localId, resolution);
    } catch (error) {
      if (error instanceof SyncRemoteError) throw new HostError('IO_ERROR', error.message);
      if (isLocalWriteRace(error)) throw new HostError('CONFLICT', `${error.file} was saved while the conflict was being resolved; nothing was overwritten.`, { hint: 'Resolve it again: the conflict now shows what you saved.' });
      throw new HostError('NOT_FOUND', error instanceof Error ? error.message : String(error), { hint: 'Reload the conflict list; it may already be resolved.' });
    }
    return this.syncNow();
  }

  /**
   * The user keeps their unsaved version of a connector over the one now on disk (the editor's
   * "Keep mine" after a teammate's revision was pulled): the push that follows says so.
   */
  async keepMine(localId: string, name: string): Promise<void> {
    const active = await this.activeSync();
    if (!active) return;
    await this.syncing?.catch(() => undefined);
    if (await active.engine.keepMineOver(localId, name)) this.noteLocalChange();
  }

  /** What synced, newest first. */
  async log(): Promise<SyncLogEntry[]> {
    const active = await this.activeSync();
    if (!active) return [];
    return [...(await active.engine.log())].reverse();
  }

  /** The open folder's connectors held back from the team by a literal secret (signed in or not). */
  async held(): Promise<HeldConnector[]> {
    const workspace = this.options.workspace();
    return workspace ? heldConnectors(new WorkspaceConnectorStore(workspace)) : [];
  }

  /** Moves one literal secret into a credential, saves the connector and syncs it. */
  async moveSecret(localId: string, path: string): Promise<{ credential: string; status: SyncStatus }> {
    const workspace = this.options.workspace();
    if (!workspace) throw new HostError('NO_WORKSPACE', 'Open a workspace folder first.', { hint: 'Use "Switch workspace" to open one.' });
    await this.syncing?.catch(() => undefined);
    const changes: Array<HostEvents['store.changed']> = [];
    const credential = await moveHeldSecret(new WorkspaceConnectorStore(workspace, (event) => changes.push(event)), this.options.credentials, localId, path);
    // An editor open on it reloads in place (or asks, with unsaved edits).
    for (const event of changes) this.options.emit('store.changed', event);
    return { credential, status: await this.syncNow() };
  }

  /** What teammates did that this user should hear about, oldest first. */
  async notices(): Promise<SyncNotice[]> {
    const active = await this.activeSync();
    return active ? active.engine.notices() : [];
  }

  async dismissNotice(id: string): Promise<boolean> {
    const active = await this.activeSync();
    if (!active) return false;
    await active.engine.dismissNotice(id);
    return true;
  }

  /** The server's revisions of one connector of the linked folder, newest first. */
  async history(localId: string): Promise<ConnectorRevision[]> {
    const active = await this.activeSync();
    if (!active) throw new HostError('NOT_FOUND', 'There is no history: this folder is not synced.', { hint: 'Sign in and pick a workspace first.' });
    try {
      return await active.engine.history(localId);
    } catch (error) {
      throw await this.syncCallError(error);
    }
  }

  /** Brings revision `revision` back into the connector's file, then syncs it as a new revision. */
  async restore(localId: string, revision: number): Promise<SyncStatus> {
    const active = await this.activeSync();
    if (!active) throw new HostError('NOT_FOUND', 'There is nothing to restore: this folder is not synced.', { hint: 'Sign in and pick a workspace first.' });
    await this.syncing?.catch(() => undefined);
    try {
      await active.engine.restore(localId, revision);
    } catch (error) {
      throw await this.syncCallError(error);
    }
    // Reported like a pull: an editor open on this connector reloads (or asks, with unsaved edits).
    for (const event of this.heldChanges.splice(0)) this.options.emit('store.changed', event);
    return this.syncNow();
  }

  private async syncCallError(error: unknown): Promise<HostError> {
    if (error instanceof SyncRemoteError) {
      // "Offline" or "the project can't be reached", in the same words as the sync status.
      const message = error.kind === 'offline' ? `${(await this.connectionProblem()).summary}, so the history is not available right now.` : error.message;
      return new HostError(error.kind === 'offline' ? 'IO_ERROR' : 'UNAUTHORIZED', message, { hint: 'Your connectors keep working locally; try again when the connection is back.' });
    }
    return new HostError('NOT_FOUND', error instanceof Error ? error.message : String(error), { hint: 'Reload the history and pick another revision.' });
  }

  /** A local change was made (save, delete, import, an edit on disk): sync it shortly. */
  noteLocalChange(): void {
    this.scheduleSync(this.options.changeDelayMs ?? 1500);
  }

  /** A test run finished: queue it for upload when run pushing is on. */
  async noteRunFinished(connectorId: string, record: ExecutionRecord): Promise<void> {
    if (!(await this.account.read()).pushRuns) return;
    await this.uploader.enqueue(connectorId, record);
    this.scheduleSync(this.options.changeDelayMs ?? 1500);
  }

  // ── internals ───────────────────────────────────────────────────────────────

  /** Sync on save: a linked, reachable folder whose files changed since the last sync is synced. */
  private async checkLocalChanges(): Promise<void> {
    if (this.syncing || this.changeTimer || !this.active) return;
    if (this.lastStatus.state === 'offline' || this.lastStatus.state === 'error' || this.lastStatus.state === 'signed_out') return;
    const store = this.options.workspace();
    if (!store || store.root !== this.active.root) return;
    if ((await fingerprint(store)) !== this.syncedFingerprint) this.noteLocalChange();
  }

  /**
   * Offline: try a sync (it is how the connection coming back is noticed). Online: ask for
   * the change cursor and sync only when a teammate changed something. Errors other than
   * offline (a revoked membership) wait for the periodic sync or the user.
   */
  private async pollRemote(): Promise<void> {
    if (this.closed || this.polling || this.syncing || this.changeTimer) return;
    const state = this.lastStatus.state;
    if (state === 'error' || state === 'signed_out' || state === 'syncing') return;
    this.polling = true;
    try {
      const active = await this.activeSync();
      if (!active) return;
      if (state === 'offline' || (await active.engine.hasRemoteChanges().catch(() => true))) await this.syncNow();
    } finally {
      this.polling = false;
    }
  }

  private async runSync(): Promise<SyncStatus> {
    const active = await this.activeSync();
    if (!active) {
      const status = await this.notReadyStatus();
      this.publish(status);
      return status;
    }
    let status: SyncStatus;
    try {
      const before = await fingerprint(this.options.workspace()!);
      const report = await active.engine.syncNow();
      // A revoked membership and a dead session look alike to the server (no access): only
      // the latter is true when there is no session left to send.
      const expired = report.status.state === 'error' && (report.status.reason === 'session' || report.status.reason === 'revoked') && !(await this.sessionIsAlive());
      if (expired) await this.expireSession();
      // Unchanged by others during the sync: what is on disk now is what was synced.
      this.syncedFingerprint = report.status.state === 'synced' || report.status.state === 'conflict' ? await fingerprint(this.options.workspace()!) : before;
      status = expired ? { state: 'signed_out', reason: 'session', message: SESSION_EXPIRED } : toContractStatus(report.status);
      if (report.status.state !== 'offline' && report.status.state !== 'error' && (await this.account.read()).pushRuns) {
        const records = (await active.state.load())?.records ?? {};
        await this.uploader.upload(this.client!.client, active.workspaceId, (connectorId) => {
          const record = records[connectorId];
          return record && record.revision > 0 ? record.remoteId : undefined;
        });
      }
    } catch (error) {
      if (!(error instanceof SyncRemoteError)) {
        status = { state: 'error', message: `Sync stopped: ${error instanceof Error ? error.message : String(error)}` };
      } else {
        status = { state: error.kind === 'offline' ? 'offline' : 'error', message: error.message };
      }
    }
    for (const event of this.heldChanges.splice(0)) this.options.emit('store.changed', event);
    // A sync is when teammates' uploads are worth looking at again.
    this.teamStats = null;
    this.publish(status);
    // Edited while the sync ran: send it soon rather than at the next period.
    if (status.state === 'pending') this.scheduleSync(this.options.changeDelayMs ?? 1500);
    return status;
  }

  /**
   * The runs teammates uploaded or the server ran for this folder's connectors (team_run_stats)
   * and each connector's last 7 days (connector_metrics) on the linked workspace, keyed by local
   * connector id; empty when signed out, unlinked or unreachable.
   */
  async teamRunStats(): Promise<Record<string, TeamRunStats>> {
    const active = await this.activeSync();
    if (!active || !this.client) return {};
    const now = Date.now();
    if (this.teamStats?.key === active.key && now - this.teamStats.at < TEAM_STATS_TTL_MS) return this.teamStats.value;
    const client = this.client.client;
    const [team, week] = await Promise.all([
      client.rpc('team_run_stats', { p_workspace_id: active.workspaceId }),
      client.rpc('connector_metrics', { p_workspace_id: active.workspaceId }),
    ]);
    if (team.error) throw new Error(`team run statistics: ${team.error.message}`);
    if (week.error) throw new Error(`connector metrics: ${week.error.message}`);
    const localIdOf = new Map(Object.entries((await active.state.load())?.records ?? {}).map(([localId, record]) => [record.remoteId, localId]));
    const value: Record<string, TeamRunStats> = {};
    for (const row of (team.data ?? []) as Array<{ connector_id: string; runs: number; successes: number; last_run_at: string | null; last_status: TeamRunStats['lastStatus'] }>) {
      const localId = localIdOf.get(row.connector_id);
      if (!localId) continue;
      value[localId] = { runs: Number(row.runs), successes: Number(row.successes), lastRunAt: row.last_run_at ? Date.parse(row.last_run_at) : null, lastStatus: row.last_status };
    }
    for (const row of (week.data ?? []) as Array<{ connector_id: string; executions_per_week: number; server_runs_per_week: number; failure_rate: number | null; p95_execution_ms: number | null }>) {
      const localId = localIdOf.get(row.connector_id);
      if (!localId) continue;
      value[localId] ??= { runs: 0, successes: 0, lastRunAt: null, lastStatus: null };
      value[localId].week = {
        executions: Number(row.executions_per_week),
        serverRuns: Number(row.server_runs_per_week),
        failureRate: row.failure_rate === null ? null : Number(row.failure_rate),
        p95DurationMs: row.p95_execution_ms === null ? null : Number(row.p95_execution_ms),
      };
    }
    this.teamStats = { key: active.key, at: now, value };
    return value;
  }

  /**
   * The linked workspace's copy of a local connector, for server runs: the signed-in client,
   * the workspace and the connector's remote id; or why there is none, in the user's terms.
   */
  async remoteConnector(localId: string): Promise<{ client: SupabaseClient; workspaceId: string; remoteId: string } | { kind: 'signed_out' | 'not_linked' | 'not_synced'; problem: string }> {
    const status = await this.status();
    if (!status.configured || !status.user) return { kind: 'signed_out', problem: 'Sign in to Supabase (Sync in the top bar) to run connectors on the server.' };
    const active = await this.activeSync();
    if (!active || !this.client) return { kind: 'not_linked', problem: 'Link this folder to a Supabase workspace (Sync in the top bar) to run connectors on the server.' };
    const record = (await active.state.load())?.records?.[localId];
    if (!record || record.revision <= 0) return { kind: 'not_synced', problem: 'Save this connector and let it sync first: the server runs the synced version.' };
    return { client: this.client.client, workspaceId: active.workspaceId, remoteId: record.remoteId };
  }

  /** Forget the cached card figures (a server run finished, so they changed). */
  forgetTeamStats(): void {
    this.teamStats = null;
  }

  private async activeSync(): Promise<ActiveSync | null> {
    const store = this.options.workspace();
    const data = await this.account.read();
    const link = this.linkFor(data);
    if (!store || !link || !data.user) return null;
    const settings = await this.options.settings();
    if (!settings.supabaseUrl || !settings.supabaseAnonKey) return null;
    const key = `${store.root}\0${link.workspaceId}\0${data.user.id}\0${settings.supabaseUrl}`;
    if (this.active?.key === key) return this.active;
    const client = await this.requireClient();
    const state = new JsonFileSyncStateStore(syncStateFile(this.dir, store.root, link.workspaceId));
    const engine = new SyncEngine({
      client,
      workspaceId: link.workspaceId,
      // Held until the sync ends: the UI refreshes once the folder is settled, not mid-pull.
      store: new WorkspaceConnectorStore(store, (event) => this.heldChanges.push(event)),
      state,
      copyOwner: displayName(data.user.email),
      userId: data.user.id,
      describeOffline: () => {
        const problem = connectionProblem(settings.supabaseUrl, this.options.networkUp ?? hasNetwork);
        return { message: problem.message, reason: problem.kind };
      },
      onStatus: (status) => this.publish(toContractStatus(status)),
    });
    this.active = { key, root: store.root, workspaceId: link.workspaceId, engine, state };
    return this.active;
  }

  private linkFor(data: AccountData) {
    const store = this.options.workspace();
    const link = store ? data.links[store.root] : undefined;
    return link && data.user && link.userId === data.user.id ? link : null;
  }

  private async notReadyStatus(): Promise<SyncStatus> {
    const status = await this.status();
    if (status.configured && !status.user && this.sessionExpired) return { state: 'signed_out', reason: 'session', message: SESSION_EXPIRED };
    const message = !status.configured
      ? 'Not connected: to share connectors, add the project URL and anon key under Sync › Supabase project.'
      : !status.user
        ? 'Signed out: your connectors stay on this computer.'
        : !this.options.workspace()
          ? 'Open a workspace folder to sync it.'
          : 'Pick a workspace to sync this folder with.';
    return { state: 'signed_out', message };
  }

  private async requireClient(): Promise<SupabaseClient> {
    const { supabaseUrl, supabaseAnonKey } = await this.options.settings();
    if (!supabaseUrl || !supabaseAnonKey) {
      throw new HostError('UNSUPPORTED', 'No Supabase project is set up.', { hint: 'Enter the project URL and anon key under Sync › Supabase project first.' });
    }
    const createAccountClient = await loadAccountClientFactory();
    const key = `${supabaseUrl}\0${supabaseAnonKey}`;
    if (this.client?.key !== key) {
      await this.client?.client.auth.stopAutoRefresh().catch(() => undefined);
      this.client = { key, client: createAccountClient(supabaseUrl, supabaseAnonKey, vaultSessionStorage(this.sessionVault)) };
    }
    return this.client.client;
  }

  private async requireSignedInClient(): Promise<SupabaseClient> {
    const client = await this.requireClient();
    const { data } = await client.auth.getSession();
    if (!data.session) {
      if ((await this.account.read()).user) {
        await this.expireSession();
        throw new HostError('UNAUTHORIZED', 'Your session expired — sign in again.', { hint: 'Your connectors and this folder\'s workspace link stay; sign in with your email and password.' });
      }
      throw new HostError('UNAUTHORIZED', 'You are signed out.', { hint: 'Sign in with your email and password first.' });
    }
    return client;
  }

  /** Whether supabase-js still holds a session (it drops one whose refresh was refused). */
  private async sessionIsAlive(): Promise<boolean> {
    if (!this.client) return false;
    const { data } = await this.client.client.auth.getSession().catch(() => ({ data: { session: null } }));
    return Boolean(data.session);
  }

  /** The session is gone for good: signed out here, the workspace links kept for the next sign-in. */
  private async expireSession(): Promise<void> {
    this.sessionExpired = true;
    await this.client?.client.auth.stopAutoRefresh().catch(() => undefined);
    this.client = null;
    this.active = null;
    await this.sessionVault.delete(SESSION_STORAGE_KEY);
    await this.account.update((data) => {
      data.user = null;
    });
  }

  private scheduleSync(delayMs: number): void {
    if (this.closed) return;
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      void this.syncNow().catch(() => undefined);
    }, delayMs);
    this.changeTimer.unref?.();
  }

  private publish(status: SyncStatus): void {
    this.lastStatus = status;
    this.options.emit('sync.status', status);
  }
}

async function fingerprint(store: WorkspaceStore): Promise<string> {
  return (await store.list()).map((entry) => `${entry.file}:${entry.hash}`).join('\n');
}

function toContractStatus(status: SyncStatusSnapshot): SyncStatus {
  return {
    state: status.state,
    pending: status.pending,
    conflicts: status.conflicts,
    lastSyncedAt: status.lastSyncedAt,
    ...(status.message ? { message: status.message } : {}),
    ...(status.setAside ? { setAside: status.setAside } : {}),
    ...(status.held ? { held: status.held } : {}),
    ...(status.reason ? { reason: status.reason } : {}),
  };
}


/** "bob.smith@example.com" → "Bob.smith": how a copy made by "Keep both" is named after its author. */
function displayName(email: string): string {
  const local = email.split('@')[0] || email;
  return local.charAt(0).toUpperCase() + local.slice(1);
}
