/** Where one (workspace folder, remote workspace) pair keeps its sync state in the user-data folder. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function syncStateFile(accountDir: string, workspaceRoot: string, workspaceId: string): string {
  const key = createHash('sha256').update(`${workspaceRoot}\0${workspaceId}`).digest('hex').slice(0, 24);
  return join(accountDir, 'sync', `${key}.json`);
}
