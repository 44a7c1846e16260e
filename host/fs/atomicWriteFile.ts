/**
 * Crash-safe file replacement: write-file-atomic writes a temp file, fsyncs it and renames
 * it over the target (so a reader sees the old or the new content, never half of one).
 * It does not fsync the directory, so the rename itself could be lost on power failure;
 * we add that fsync here. Windows cannot open directories: the rename is durable enough there.
 */
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

// Loaded on the first write: write-file-atomic brings signal-exit, which installs process
// signal handlers when loaded — about 8 ms of a CLI run's start-up that reads but never writes.
type WriteFileAtomic = typeof import('write-file-atomic');
let library: Promise<WriteFileAtomic> | undefined;
const loadWriteFileAtomic = () => (library ??= import('write-file-atomic').then((module) => module.default));

export async function atomicWriteFile(file: string, content: string, options: { mode?: number } = {}): Promise<void> {
  const writeFileAtomic = await loadWriteFileAtomic();
  await writeFileAtomic(file, content, { encoding: 'utf8', fsync: true, ...(options.mode === undefined ? {} : { mode: options.mode }) });
  await fsyncDirectory(dirname(file));
}

export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
