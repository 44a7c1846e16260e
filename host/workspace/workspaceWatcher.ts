/**
 * Watches a workspace folder for connector files changed by someone else (git pull, a text
 * editor) and reports them once each. Our own writes are recognised by content hash and not
 * reported; write-file-atomic's temp files are ignored by name.
 *
 * A workspace is one flat folder, so this is Node's own fs.watch on that folder (one inotify /
 * FSEvents / ReadDirectoryChangesW watch), which names the file of each event. chokidar was
 * used before: after every burst of events it re-read the whole folder with an lstat per
 * entry, so a first sync writing 1,000 files spent 17 of its 21 seconds in those rescans.
 * Here each event costs one read of the file it names, once the file has been quiet for
 * SETTLE_MS (editors write in several steps; we report the settled content).
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostEvents } from '../../contract/hostApi.js';
import { contentHash } from '../fs/contentHash.js';
import { isConnectorFileName } from './connectorFileName.js';
import { readConnectorDocument } from './readConnectorDocument.js';
import type { WorkspaceStore } from './workspaceStore.js';

export interface WorkspaceWatcher {
  /** Resolves once the folder is listed and changes are being reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** How long a file must stay quiet before it is read and reported. */
const SETTLE_MS = 150;

export function watchWorkspace(store: WorkspaceStore, onChange: (event: HostEvents['store.changed']) => void): WorkspaceWatcher {
  /** Connector files present as last seen, with the hash last reported (undefined: not read yet). */
  const known = new Map<string, string | undefined>();
  const pending = new Map<string, NodeJS.Timeout>();
  let closed = false;
  let watcher: FSWatcher | undefined;

  const report = async (file: string) => {
    let text: string | undefined;
    try {
      text = await readFile(join(store.root, file), 'utf8');
    } catch {
      text = undefined; // gone (or not a file): a removal, if we knew it
    }
    if (closed) return;
    store.invalidate(file);
    if (text === undefined) {
      if (!known.delete(file)) {
        store.isOwnChange(file, null); // it came and went between two looks (ours, or nothing to say)
        return;
      }
      if (!store.isOwnChange(file, null)) onChange({ kind: 'removed', file });
      return;
    }
    const hash = contentHash(text);
    const kind = known.has(file) ? 'changed' : 'added';
    if (known.get(file) === hash) return; // touched, not changed
    known.set(file, hash);
    if (store.isOwnChange(file, hash)) return;
    const read = readConnectorDocument(text);
    onChange({ kind, file, hash, ...(read.ok ? { id: read.connector.id } : {}) });
  };

  const settle = (file: string) => {
    clearTimeout(pending.get(file));
    pending.set(file, setTimeout(() => {
      pending.delete(file);
      void report(file);
    }, SETTLE_MS));
  };

  /** When a platform does not name the file (allowed by fs.watch), look at everything. */
  const rescan = async () => {
    const names = await readdir(store.root).catch(() => [] as string[]);
    for (const file of new Set([...names.filter(isConnectorFileName), ...known.keys()])) settle(file);
  };

  const ready = (async () => {
    for (const file of await readdir(store.root)) if (isConnectorFileName(file)) known.set(file, undefined);
    if (closed) return;
    watcher = watch(store.root, { persistent: true }, (_event, filename) => {
      if (closed) return;
      if (filename === null) void rescan();
      else if (isConnectorFileName(filename)) settle(filename);
    });
    // The folder was removed or became unreadable: stop quietly; opening a workspace reports it.
    watcher.on('error', () => watcher?.close());
  })();

  return {
    ready,
    close: async () => {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      watcher?.close();
    },
  };
}
