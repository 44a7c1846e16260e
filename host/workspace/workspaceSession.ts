/**
 * The currently open workspace: its store and watcher, switched as a unit. Opening checks
 * the folder, starts watching it and remembers it among the recent workspaces.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { HostError, type HostEvents, type WorkspaceInfo } from '../../contract/hostApi.js';
import { removeStaleTempFiles } from '../fs/staleTempFiles.js';
import { isConnectorFileName } from './connectorFileName.js';
import type { RecentWorkspaces } from './recentWorkspaces.js';
import { watchWorkspace, type WorkspaceWatcher } from './workspaceWatcher.js';
import { WorkspaceStore } from './workspaceStore.js';

export class WorkspaceSession {
  private store: WorkspaceStore | undefined;
  private watcher: WorkspaceWatcher | undefined;

  constructor(
    private readonly recent: RecentWorkspaces,
    private readonly onStoreChanged: (event: HostEvents['store.changed']) => void,
    private readonly onWorkspaceChanged: (workspace: WorkspaceInfo | null) => void,
  ) {}

  info(): WorkspaceInfo | null {
    return this.store ? { path: this.store.root, name: basename(this.store.root) } : null;
  }

  /** The open store; NO_WORKSPACE tells the UI to show the workspace chooser. */
  current(): WorkspaceStore {
    if (!this.store) throw new HostError('NO_WORKSPACE', 'No workspace is open.', { hint: 'Open or create a workspace folder first.' });
    return this.store;
  }

  async open(path: string): Promise<WorkspaceInfo> {
    const dir = normalise(path);
    let info;
    try {
      info = await stat(dir);
    } catch {
      throw new HostError('NOT_FOUND', `The folder ${dir} does not exist.`, { hint: 'Check the path, or use "Create workspace" to make a new folder.' });
    }
    if (!info.isDirectory()) throw new HostError('NOT_FOUND', `${dir} is a file, not a folder.`, { hint: 'Choose the folder that holds your .connector.json files.' });
    await this.switchTo(dir);
    return this.info()!;
  }

  async create(path: string): Promise<WorkspaceInfo> {
    const dir = normalise(path);
    const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      if (error.code === 'ENOTDIR') throw new HostError('ALREADY_EXISTS', `${dir} is a file.`, { hint: 'Choose another path for the new workspace.' });
      throw error;
    });
    if (existing && existing.some((name) => !name.startsWith('.'))) {
      throw new HostError('ALREADY_EXISTS', `${dir} already exists and is not empty.`, { hint: 'Use "Open workspace" to open an existing folder, or choose a new path.' });
    }
    await mkdir(dir, { recursive: true });
    await this.switchTo(dir);
    return this.info()!;
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = undefined;
    this.store = undefined;
  }

  private async switchTo(dir: string): Promise<void> {
    if (this.store?.root === dir) {
      await this.recent.remember(dir);
      return;
    }
    await this.close();
    await removeWorkspaceTempFiles(dir);
    const store = new WorkspaceStore(dir);
    await store.list(); // fails early on an unreadable folder
    this.store = store;
    this.watcher = watchWorkspace(store, this.onStoreChanged);
    await this.watcher.ready;
    await this.recent.remember(dir);
    this.onWorkspaceChanged(this.info());
  }
}

/** Temp files of interrupted saves: connector files in the folder, cassettes in `<slug>.cassettes/`. */
async function removeWorkspaceTempFiles(dir: string): Promise<void> {
  await removeStaleTempFiles(dir, { isOwnTarget: isConnectorFileName });
  const folders = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory() && entry.name.endsWith('.cassettes'));
  for (const folder of folders) await removeStaleTempFiles(join(dir, folder.name), { isOwnTarget: (target) => target.endsWith('.json') });
}

function normalise(path: string): string {
  const trimmed = path.trim();
  const expanded = trimmed === '~' ? homedir() : trimmed.startsWith('~/') ? resolve(homedir(), trimmed.slice(2)) : trimmed;
  if (!isAbsolute(expanded)) throw new HostError('INVALID_PAYLOAD', `"${path}" is not an absolute path.`, { hint: 'Give the full path, e.g. /home/you/connectors or ~/connectors.' });
  return resolve(expanded);
}
