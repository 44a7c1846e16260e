/**
 * Watches a workspace folder for connector files changed by someone else (git pull, a text
 * editor) and reports them once each. Our own writes are recognised by content hash and not
 * reported; write-file-atomic's temp files are ignored by name.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { HostEvents } from '../../contract/hostApi.js';
import { contentHash } from '../fs/contentHash.js';
import { isConnectorFileName } from './connectorFileName.js';
import { readConnectorDocument } from './readConnectorDocument.js';
import type { WorkspaceStore } from './workspaceStore.js';

export interface WorkspaceWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchWorkspace(store: WorkspaceStore, onChange: (event: HostEvents['store.changed']) => void): WorkspaceWatcher {
  const watcher: FSWatcher = watch(store.root, {
    depth: 0,
    ignoreInitial: true,
    // Editors often write in several steps; report the settled content.
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
    ignored: (path, stats) => path !== store.root && (stats?.isDirectory() === true || (stats?.isFile() === true && !isConnectorFileName(basename(path)))),
  });

  const report = async (kind: 'added' | 'changed' | 'removed', path: string) => {
    const file = basename(path);
    if (!isConnectorFileName(file)) return;
    store.invalidate(file);
    if (kind === 'removed') {
      if (!store.isOwnChange(file, null)) onChange({ kind, file });
      return;
    }
    let text: string;
    try {
      text = await readFile(join(store.root, file), 'utf8');
    } catch {
      return; // gone again before we could read it: the unlink event follows
    }
    const hash = contentHash(text);
    if (store.isOwnChange(file, hash)) return;
    const read = readConnectorDocument(text);
    onChange({ kind, file, hash, ...(read.ok ? { id: read.connector.id } : {}) });
  };

  watcher.on('add', (path) => void report('added', path));
  watcher.on('change', (path) => void report('changed', path));
  watcher.on('unlink', (path) => void report('removed', path));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { ready, close: () => watcher.close() };
}
