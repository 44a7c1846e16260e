/** The stores and services behind the built-in host calls, built once by createHostServices. */
import type { KeepMineListener } from './hostExtension.js';
import type { Logger } from '#core';
import type { PickFolderResult } from '../../contract/hostApi.js';
import type { EnvironmentService } from '../environments/environmentService.js';
import type { RunHistory } from '../runs/runHistory.js';
import type { RunService } from '../runs/runService.js';
import type { TeamRunStatsSource } from '../runs/teamRunStats.js';
import type { SettingsStore } from '../settings/settingsStore.js';
import type { Vault } from '../vault/vault.js';
import type { RecentWorkspaces } from '../workspace/recentWorkspaces.js';
import type { WorkspaceSession } from '../workspace/workspaceSession.js';

export interface CoreServices {
  logger: Logger;
  app: { mode: 'electron' | 'browser'; version: string };
  /** Native folder dialog (Electron); undefined in browser mode. */
  pickFolder?: (title: string | undefined) => Promise<PickFolderResult>;
  settings: SettingsStore;
  vault: Vault;
  history: RunHistory;
  recent: RecentWorkspaces;
  session: WorkspaceSession;
  environments: EnvironmentService;
  runs: RunService;
  /** Teammates' server-recorded run figures (the account extension provides them). */
  teamRunStats: TeamRunStatsSource;
  /** Told before a forced save ("Keep mine") replaces a version the editor had not loaded (sync records it). */
  keepMineListeners: readonly KeepMineListener[];
}
