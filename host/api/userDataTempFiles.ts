/**
 * The user-data folder holds only our own files (settings, the vault and its key file,
 * recent workspaces, run history in `runs/`, account and sync state in `account/` and `account/sync/`, published
 * templates in `templates/`), all written with
 * atomicWriteFile; temp files an interrupted write left there are removed at start.
 */
import { join } from 'node:path';
import { removeStaleTempFiles } from '../fs/staleTempFiles.js';

const OWN_FILE = /\.(?:json|jsonl|key)$/;
const FOLDERS = ['.', 'runs', 'account', 'account/sync', 'templates'];

export async function removeUserDataTempFiles(userDataDir: string): Promise<void> {
  const isOwnTarget = (target: string) => OWN_FILE.test(target);
  for (const folder of FOLDERS) await removeStaleTempFiles(join(userDataDir, folder), { isOwnTarget });
}
