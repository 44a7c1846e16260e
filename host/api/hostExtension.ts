/**
 * What a domain's host calls are registered as: a `HostServiceExtension` receives the shared
 * stores (`HostServiceContext`) and returns its calls. These types live apart from
 * createHostServices.ts so the domain modules (host/<domain>/<domain>Extension.ts, listed in
 * hostCallRegistry.ts) and createHostServices import this file, never each other.
 */
import type { Logger } from '#core';
import type { HostCallName, HostCallParsedParams, HostCallResult } from '../../contract/hostApi.js';
import type { RunHistory } from '../runs/runHistory.js';
import type { TeamRunStatsSource } from '../runs/teamRunStats.js';
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

type CallImplementation<N extends HostCallName> = (params: HostCallParsedParams<N>) => Promise<HostCallResult<N>>;
/** Some of the contract's calls, as implemented by one extension. */
export type HostCallImplementations = { [N in HostCallName]?: CallImplementation<N> };
/** Exactly the calls `N` (e.g. `Extract<HostCallName, `templates.${string}`>`): the compiler rejects a missing one. */
export type DomainCalls<N extends HostCallName> = { [K in N]: CallImplementation<K> };

/** A started extension: its calls, what it frees on close, and the service it offers to the extensions after it. */
export interface StartedExtension<S = unknown> {
  calls: HostCallImplementations;
  close?: () => Promise<void>;
  service?: S;
}

export type HostServiceExtension<S = unknown> = (context: HostServiceContext) => StartedExtension<S> | Promise<StartedExtension<S>>;
