/**
 * The host services behind the contract, used by the Electron main process and by browser
 * mode alike. Every call's payload is validated against the contract before it reaches a
 * service; everything persistent lives in the user-data folder, except connector files and
 * cassettes, which belong to the open workspace.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRateLimiterRegistry, silentLogger, type HttpTransport, type Logger } from '../../core/index.js';
import { buildHostApi } from '../../contract/buildHostApi.js';
import {
  HOST_API_VERSION,
  HostError,
  type ConnectorListEntry,
  type HostApi,
  type HostCallName,
  type HostEventName,
  type HostEvents,
  type HostEventSource,
  type PickFolderResult,
} from '../../contract/hostApi.js';
import { coreRunConnector, type RunConnectorFn } from '../runs/coreRunner.js';
import { createLiveTransport } from '../runs/liveTransport.js';
import { RunHistory } from '../runs/runHistory.js';
import { RunService } from '../runs/runService.js';
import { mergeTeamRunStats, type TeamRunStats, type TeamRunStatsSource } from '../runs/teamRunStats.js';
import { SettingsStore } from '../settings/settingsStore.js';
import type { KeyProtector } from '../vault/keyProtector.js';
import { createKeyFileProtector } from '../vault/keyFileProtector.js';
import { Vault } from '../vault/vault.js';
import { RecentWorkspaces } from '../workspace/recentWorkspaces.js';
import { WorkspaceSession } from '../workspace/workspaceSession.js';
import { exportConnector, parseImport } from './connectorTransfer.js';
import { createEventHub, type EventHub } from './eventHub.js';
import type { CallImplementation, ExtensionCallName, HostCallImplementations, HostServiceContext, HostServiceExtension, KeepMineListener } from './hostServiceExtension.js';
import { accountWithTemplates } from './accountWithTemplates.js';
import { oauthExtension } from '../oauth/oauthExtension.js';
import { parseCallParams } from './parseCallParams.js';
import { removeUserDataTempFiles } from './userDataTempFiles.js';
import { convertOpenApi, inspectOpenApi } from '../openapi/openApiCalls.js';
import { EnvironmentService } from '../environments/environmentService.js';
import { isEnvironmentSecretKey } from '../environments/environmentsFile.js';

export interface HostServicesOptions {
  /** Settings, vault, run history and recent workspaces live here. */
  userDataDir: string;
  /** Protects the vault's data key; default: an owner-only key file in userDataDir. Receives the user's opt-in for insecure storage. */
  keyProtector?: KeyProtector | ((context: { allowInsecure: () => boolean }) => KeyProtector);
  mode?: 'electron' | 'browser';
  appVersion?: string;
  /** Native folder dialog (Electron); browser mode answers `unsupported`. */
  pickFolder?: (title: string | undefined) => Promise<PickFolderResult>;
  /** Open this workspace at start (the `--workspace` option), else the most recent one when `openMostRecent`. */
  workspace?: string;
  openMostRecent?: boolean;
  logger?: Logger;
  runConnector?: RunConnectorFn;
  liveTransport?: () => HttpTransport;
  historyCap?: number;
  /** Services that implement further calls of the contract (account and sync, issue 5). */
  extensions?: HostServiceExtension[];
  /** The built-in templates' folder (default: resolved from the app's resources; null: none). */
  templatesDir?: string | null;
  /** Opens a URL in the system browser (Electron: shell.openExternal), for OAuth sign-ins. */
  openExternal?: (url: string) => Promise<void>;
}

export type { ExtensionCallName, HostCallImplementations, HostServiceContext, HostServiceExtension, KeepMineListener } from './hostServiceExtension.js';

export interface HostServices extends HostEventSource {
  api: HostApi;
  emit<E extends HostEventName>(name: E, payload: HostEvents[E]): void;
  /** Every event, for transports that forward all of them (IPC, the WebSocket). */
  subscribeAll: EventHub['subscribeAll'];
  /** For tests and shutdown: waits for a run's record to be written. */
  runSettled(runId: string): Promise<void>;
  close(): Promise<void>;
}

type Implementations = { [N in Exclude<HostCallName, ExtensionCallName>]: CallImplementation<N> };

export async function createHostServices(options: HostServicesOptions): Promise<HostServices> {
  const logger = options.logger ?? silentLogger;
  await mkdir(options.userDataDir, { recursive: true, mode: 0o700 });
  await removeUserDataTempFiles(options.userDataDir);
  const hub = createEventHub((error) => logger.error('event handler failed', { error: String(error) }));
  const settings = new SettingsStore(options.userDataDir);
  await settings.get();
  const allowInsecure = () => settings.peek()?.allowInsecureKeyStorage ?? false;
  const protector =
    typeof options.keyProtector === 'function'
      ? options.keyProtector({ allowInsecure })
      : options.keyProtector ?? createKeyFileProtector(join(options.userDataDir, 'vault.key'));
  const vault = new Vault(options.userDataDir, protector);
  const history = new RunHistory(options.userDataDir, { cap: options.historyCap });
  let teamRunStats: TeamRunStatsSource = async () => ({});
  const keepMineListeners: KeepMineListener[] = [];
  const recent = new RecentWorkspaces(options.userDataDir);
  const session = new WorkspaceSession(
    recent,
    (event) => hub.emit('store.changed', event),
    (workspace) => hub.emit('workspace.changed', { workspace }),
  );
  const environments = new EnvironmentService(() => session.current().root, vault);
  const runs = new RunService({
    environments,
    runConnector: options.runConnector ?? coreRunConnector,
    vault,
    history,
    store: () => session.current(),
    emit: (payload) => hub.emit('run.event', payload),
    logger,
    rateLimiter: createRateLimiterRegistry(),
    liveTransport: options.liveTransport ?? (() => createLiveTransport(settings.peek()?.proxy ?? '')),
  });

  const impl: Implementations = {
    'app.info': async () => ({
      name: 'Connector Studio',
      version: options.appVersion ?? '0.0.0',
      mode: options.mode ?? 'browser',
      platform: process.platform,
      apiVersion: HOST_API_VERSION,
      vault: vault.status(),
    }),

    'workspace.current': async () => session.info(),
    'workspace.open': async ({ path }) => session.open(path),
    'workspace.create': async ({ path }) => session.create(path),
    'workspace.recent': async () => recent.list(),
    'workspace.pickFolder': async (params) =>
      options.pickFolder ? options.pickFolder(params?.title) : { status: 'unsupported', reason: 'Browser mode has no folder dialog: type the folder path instead.' },

    'connectors.list': async () => {
      const [entries, team] = await Promise.all([
        session.current().list(),
        teamRunStats().catch((error: unknown) => {
          logger.warn('team run statistics unavailable', { error: String(error) });
          return {} as Record<string, TeamRunStats>;
        }),
      ]);
      const stats = await history.statsOf(entries.flatMap((e) => (e.kind === 'connector' ? [e.connector.id] : [])));
      return entries.map((entry): ConnectorListEntry =>
          entry.kind === 'invalid'
            ? { kind: 'invalid', file: entry.file, error: entry.error, modifiedAt: entry.modifiedAt }
            : {
                kind: 'connector',
                id: entry.connector.id,
                file: entry.file,
                hash: entry.hash,
                name: entry.connector.name,
                description: entry.connector.description,
                icon: entry.connector.icon,
                category: entry.connector.category,
                enabled: entry.connector.enabled,
                stepCount: entry.connector.steps.length,
                errorCount: entry.issues.filter((i) => i.severity === 'error').length,
                modifiedAt: entry.modifiedAt,
                stats: mergeTeamRunStats(stats.get(entry.connector.id)!, team[entry.connector.id]),
              },
      );
    },
    'connectors.get': async ({ id }) => {
      const entry = await session.current().get(id);
      return { id, file: entry.file, hash: entry.hash, connector: entry.connector, issues: entry.issues };
    },
    'connectors.save': async ({ connector, baseHash, force }) => {
      const store = session.current();
      if (force) {
        // "Keep mine": the version on disk that this save replaces (not the one the editor loaded) is told first.
        const replaced = await store.find(connector.id);
        if (replaced && replaced.hash !== baseHash) {
          for (const listener of keepMineListeners) {
            await listener(connector.id, connector.name).catch((error: unknown) => logger.warn('keep mine not recorded for sync', { error: String(error) }));
          }
        }
      }
      return store.save(connector, { baseHash, force });
    },
    'connectors.delete': async ({ id, baseHash }) => ({ deleted: await session.current().delete(id, baseHash) }),
    'connectors.import': async ({ content, format }) => {
      const store = session.current();
      const { connector, issues } = parseImport(content, format);
      const clash = await store.find(connector.id);
      const toSave = clash ? { ...connector, id: `${connector.id}-${randomUUID().slice(0, 8)}` } : connector;
      const saved = await store.save(toSave);
      if (saved.status !== 'saved') throw new HostError('ALREADY_EXISTS', saved.message);
      return { id: saved.id, file: saved.file, hash: saved.hash, issues };
    },
    'connectors.export': async ({ id, format, environment }) => {
      const entry = await session.current().get(id);
      return exportConnector(entry.connector, format, entry.file, environment ? await environments.forExport(environment) : undefined);
    },

    'openapi.inspect': async (params) => inspectOpenApi(params),
    'openapi.convert': async (params) => convertOpenApi(params),

    'environments.list': async () => environments.list(),
    'environments.save': async ({ name, ...environment }) => environments.save(name, environment),
    'environments.delete': async ({ name }) => environments.delete(name),
    'environments.rename': async ({ name, to }) => environments.rename(name, to),
    'environments.setSecret': async ({ environment, name, value }) => environments.setSecret(environment, name, value),

    // Environment secrets share the vault but are managed under Environments.
    'credentials.list': async () => (await vault.list()).filter((c) => !isEnvironmentSecretKey(c.name)),
    'credentials.set': async ({ name, value }) => vault.set(name, value),
    'credentials.delete': async ({ name }) => ({ deleted: await vault.delete(name) }),

    'runs.start': async (params) => runs.start(params),
    'runs.cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'runs.history': async ({ connectorId, limit }) => history.list(connectorId, limit),
    'runs.get': async ({ connectorId, runId }) => history.get(connectorId, runId),
    'runs.cassettes': async ({ connectorId, connectorName }) => runs.cassettes(connectorId, connectorName),
    'runs.prune': async ({ connectorId, keep }) => ({ removed: await history.prune(connectorId, keep) }),

    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
  };

  const context: HostServiceContext = {
    userDataDir: options.userDataDir,
    logger,
    settings,
    vault,
    protector,
    history,
    workspace: () => {
      try {
        return session.current();
      } catch {
        return undefined;
      }
    },
    emit: hub.emit,
    subscribe: hub.subscribe,
    provideTeamRunStats: (source) => {
      teamRunStats = source;
    },
    onKeepMine: (listener) => {
      keepMineListeners.push(listener);
    },
  };
  // OAuth sign-ins need only the vault: always there, whichever account/templates extensions a caller picks.
  const oauth = oauthExtension(options.openExternal ? { openExternal: options.openExternal } : {});
  const extensions = await Promise.all([...(options.extensions ?? [accountWithTemplates(options.templatesDir === undefined ? {} : { templates: { builtinDir: options.templatesDir } })]), oauth].map((extension) => extension(context)));
  const calls: HostCallImplementations = { ...Object.assign({}, ...extensions.map((e) => e.calls)), ...impl };

  const api = buildHostApi(async (name, raw) => {
    const params = parseCallParams(name, raw);
    const fn = calls[name] as ((p: unknown) => Promise<unknown>) | undefined;
    if (!fn) throw new HostError('UNSUPPORTED', `${name} is not available in this build.`, { hint: 'Update Connector Studio, or use a build that includes this feature.' });
    return fn(params);
  });

  const startAt = options.workspace ?? (options.openMostRecent ? await recent.mostRecent() : undefined);
  if (startAt) {
    try {
      await session.open(startAt);
    } catch (error) {
      // A moved or deleted folder must not stop the app: the chooser shows instead.
      if (options.workspace) throw error;
      logger.warn('could not reopen the last workspace', { path: startAt, error: String(error) });
    }
  }

  return {
    api,
    subscribe: hub.subscribe,
    subscribeAll: hub.subscribeAll,
    emit: hub.emit,
    runSettled: (runId) => runs.settled(runId),
    async close() {
      await runs.cancelAll();
      for (const extension of extensions) await extension.close?.();
      await session.close();
    },
  };
}
