/** Where V8's compiled code is kept between starts: the user's cache directory, as other tools do (the CLI's is bin/connector-studio.cjs). */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function compileCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'connector-studio', 'Cache', 'compile');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'connector-studio', 'compile');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'connector-studio', 'compile');
}
