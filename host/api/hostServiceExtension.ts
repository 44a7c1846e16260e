/**
 * What a host-services extension is and may use (createHostServices registers extensions; each
 * domain's calls live in its own module). Its own file so extensions and createHostServices
 * do not import each other.
 */
import type { Logger } from '../../core/index.js';
import type { HostCallName, HostCallParsedParams, HostCallResult } from '../../contract/hostApi.js';
import type { TeamRunStatsSource } from '../runs/teamRunStats.js';
import type { RunHistory } from '../runs/runHistory.js';
import type { SettingsStore } from '../settings/settingsStore.js';
import type { KeyProtector } from '../vault/keyProtector.js';
import type { Vault } from '../vault/vault.js';
import type { WorkspaceStore } from '../workspace/workspaceStore.js';
import type { EventHub } from './eventHub.js';

/** What an extension can use: the same stores the built-in calls use. */
export interface HostServiceContext {
  userDataDir: string;
  logger: Logger;
  settings: SettingsStore;
  vault: Vault;
  /** Protects the vault's key; extensions that keep their own encrypted files use it too. */
  protector: KeyProtector;
  history: RunHistory;
  /** The open workspace's store, or undefined when none is open. */
  workspace(): WorkspaceStore | undefined;
  emit: EventHub['emit'];
  subscribe: EventHub['subscribe'];
  /** Lets the account extension add teammates' server-recorded runs to the dashboard's figures. */
  provideTeamRunStats(source: TeamRunStatsSource): void;
  /**
   * Called before a forced save ("Keep mine") replaces a version on disk the editor had not
   * loaded: sync records the push that follows as kept over that version.
   */
  onKeepMine(listener: KeepMineListener): void;
}

/** The connector kept, and its name as kept (what the activity log calls it). */
export type KeepMineListener = (connectorId: string, name: string) => Promise<void>;

/** Calls provided by extensions rather than by this file. */
export type ExtensionCallName = Extract<HostCallName, `account.${string}` | `sync.${string}` | `serverRuns.${string}` | `admin.${string}` | `templates.${string}` | `oauth.${string}`>;
export type CallImplementation<N extends HostCallName> = (params: HostCallParsedParams<N>) => Promise<HostCallResult<N>>;
export type HostCallImplementations = { [N in HostCallName]?: CallImplementation<N> };

export type HostServiceExtension = (context: HostServiceContext) => { calls: HostCallImplementations; close?: () => Promise<void> } | Promise<{ calls: HostCallImplementations; close?: () => Promise<void> }>;

