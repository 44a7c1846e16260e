/**
 * atomicWriteFile (write-file-atomic) writes `<target>.<n>` next to the target, where n is an
 * unsigned 32-bit number in decimal, and renames it over the target. A crash between the two
 * leaves the temp file behind for good. On start (workspace open, host start for the user-data
 * folder and its vault) we remove the ones we left: only names of that exact shape, whose
 * target is one of our own files, and only when they are old enough that no other process
 * (a second window on the same folder) can still be about to rename them.
 */
import { lstat, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** `<target>.<n>`: write-file-atomic's temp name (readUInt32BE of a sha1, in decimal). */
const ATOMIC_TEMP_NAME = /^(.+)\.(\d{1,10})$/;

/** A write takes milliseconds; a temp file this old belongs to a write that will never finish. */
export const STALE_TEMP_AGE_MS = 60_000;

/** The target file name a temp file of atomicWriteFile stands for, or undefined when `name` is not one. */
export function atomicTempTarget(name: string): string | undefined {
  const match = ATOMIC_TEMP_NAME.exec(name);
  if (!match || Number(match[2]) > 0xffff_ffff) return undefined;
  return match[1];
}

export interface StaleTempOptions {
  /** Which targets are ours (e.g. `*.connector.json`); temp files of other names are never touched. */
  isOwnTarget: (target: string) => boolean;
  now?: number;
  olderThanMs?: number;
}

/** Removes the stale temp files of our own atomic writes directly in `dir`; returns their names. */
export async function removeStaleTempFiles(dir: string, options: StaleTempOptions): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const now = options.now ?? Date.now();
  const olderThanMs = options.olderThanMs ?? STALE_TEMP_AGE_MS;
  const removed: string[] = [];
  for (const name of names) {
    const target = atomicTempTarget(name);
    if (target === undefined || !options.isOwnTarget(target)) continue;
    const file = join(dir, name);
    try {
      const info = await lstat(file);
      if (!info.isFile() || now - info.mtimeMs < olderThanMs) continue;
      await unlink(file);
      removed.push(name);
    } catch {
      // Gone already or not ours to remove: nothing to clean.
    }
  }
  return removed;
}
