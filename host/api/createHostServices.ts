/**
 * The host services behind the contract, used by the Electron main process and by browser
 * mode alike. Every call's payload is validated against the contract before it reaches a
 * service; everything persistent lives in the user-data folder, except connector files and
 * cassettes, which belong to the open workspace.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRateLimiterRegistry, silentLogger, type HttpTransport, type Logger } from '#core';
import { buildHostApi } from '../../contract/buildHostApi.js';
import { HostError, type HostApi, type HostEventName, type HostEvents, type HostEventSource, type PickFolderResult } from '../../contract/hostApi.js';
import { coreRunConnector, type RunConnectorFn } from '../runs/coreRunner.js';
import { createLiveTransport } from '../runs/liveTransport.js';
import { RunHistory } from '../runs/runHistory.js';
import { RunService } from '../runs/runService.js';
import type { TeamRunStatsSource } from '../runs/teamRunStats.js';
import type { NetworkInterfacesReader } from '../account/connectionProblem.js';
import { SettingsStore } from '../settings/settingsStore.js';
import type { KeyProtector } from '../vault/keyProtector.js';
import { createKeyFileProtector } from '../vault/keyFileProtector.js';
import { Vault } from '../vault/vault.js';
import { RecentWorkspaces } from '../workspace/recentWorkspaces.js';
import { WorkspaceSession } from '../workspace/workspaceSession.js';
import { EnvironmentService } from '../environments/environmentService.js';
import { createEventHub, type EventHub } from './eventHub.js';
import type { HostCallImplementations, HostServiceContext, HostServiceExtension, KeepMineListener } from './hostExtension.js';
import { alwaysOnExtensions, builtinCalls, defaultExtensions } from './hostCallRegistry.js';
import { parseCallParams } from './parseCallParams.js';
import { removeUserDataTempFiles } from './userDataTempFiles.js';

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
  /** Where "is there a network at all" is read (default: os.networkInterfaces); tells "Offline" from "the project can't be reached". */
  networkInterfaces?: NetworkInterfacesReader;
}

export interface HostServices extends HostEventSource {
  api: HostApi;
  emit<E extends HostEventName>(name: E, payload: HostEvents[E]): void;
  /** Every event, for transports that forward all of them (IPC, the WebSocket). */
  subscribeAll: EventHub['subscribeAll'];
  /** For tests and shutdown: waits for a run's record to be written. */
  runSettled(runId: string): Promise<void>;
  close(): Promise<void>;
}

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

  const impl = builtinCalls({
    logger,
    app: { mode: options.mode ?? 'browser', version: options.appVersion ?? '0.0.0' },
    ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
    settings,
    vault,
    history,
    recent,
    session,
    environments,
    runs,
    teamRunStats: () => teamRunStats(),
    keepMineListeners,
  });

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
  const chosen = options.extensions ?? defaultExtensions({ templatesDir: options.templatesDir, ...(options.networkInterfaces ? { networkInterfaces: options.networkInterfaces } : {}) });
  const always = alwaysOnExtensions(options.openExternal ? { openExternal: options.openExternal } : {});
  const extensions = await Promise.all([...chosen, ...always].map((extension) => extension(context)));
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
