/** Builds the renderer and the browser-mode server once before any spec (skipped when up to date). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function globalSetup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-needed'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed; e2e tests need dist/renderer and dist/host/server.mjs.');
}
