#!/usr/bin/env node
/**
 * `npm run web [-- --port N --user-data DIR --workspace DIR --no-open]`: browser mode.
 * Builds first when the build is missing or older than the sources.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, isBuildUpToDate } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function startBrowserMode(args) {
  if (!isBuildUpToDate()) {
    console.log('Building Connector Studio (renderer and host)…');
    await buildAll({ renderer: true });
  }
  const child = spawn(process.execPath, [join(root, 'dist/host/server.mjs'), ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startBrowserMode(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
