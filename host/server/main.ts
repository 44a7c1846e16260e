/**
 * Browser mode entry point (bundled to dist/host/server.mjs):
 *   node dist/host/server.mjs [--port N] [--user-data DIR] [--workspace DIR] [--renderer DIR] [--no-open]
 * Prints the URL with the per-launch token; opens it in a browser unless --no-open.
 * Test-only: --simulate-offline-file FILE reports no network while FILE exists (simulatedOffline.ts).
 */
import { existsSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Logger } from '#core';
import { compileCacheDir } from '../fs/compileCacheDir.js';
import { defaultUserDataDir } from '../fs/defaultUserDataDir.js';
import { listenOnKeptPort } from './keptPort.js';
import { openInBrowser } from './openInBrowser.js';
import { simulatedOfflineInterfaces } from './simulatedOffline.js';

// Node 22+ keeps V8's compiled code between starts, as the CLI does (bin/connector-studio.cjs).
// It only covers modules loaded after this line, so the host services and the server (nearly all
// of the code) are imported below, not statically. NODE_COMPILE_CACHE, if set, has already
// enabled it; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
if (!process.env.NODE_COMPILE_CACHE) module.enableCompileCache?.(compileCacheDir());

const USAGE = `Usage: npm run web -- [--port N] [--user-data DIR] [--workspace DIR] [--no-open]\n(without --port, the port of the last launch is used again; --port 0 takes a random one)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'user-data': { type: 'string' },
      workspace: { type: 'string' },
      renderer: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'simulate-offline-file': { type: 'string' },
      version: { type: 'string', default: process.env.npm_package_version ?? '0.1.0' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const requestedPort = values.port === undefined ? undefined : Number(values.port);
  if (requestedPort !== undefined && (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65_535)) {
    throw new Error(`--port must be a port number, not "${values.port}".\n${USAGE}`);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(values.renderer ?? join(here, '..', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The built renderer is missing (${rendererDir}/index.html). Run \`npm run build\` first.`);
  }
  const userDataDir = resolve(values['user-data'] ?? defaultUserDataDir());
  const logger: Logger = {
    debug: () => {},
    info: (m) => console.log(m),
    warn: (m, d) => console.warn(`warning: ${m}`, d ?? ''),
    error: (m, d) => console.error(`error: ${m}`, d ?? ''),
  };
  const [{ createHostServices }, { startBrowserServer }] = await Promise.all([import('../api/createHostServices.js'), import('./browserServer.js')]);
  const services = await createHostServices({
    userDataDir,
    mode: 'browser',
    appVersion: values.version,
    ...(values.workspace ? { workspace: resolve(values.workspace) } : { openMostRecent: true }),
    logger,
    ...(values['simulate-offline-file'] ? { networkInterfaces: simulatedOfflineInterfaces(resolve(values['simulate-offline-file'])) } : {}),
  });
  if (values['simulate-offline-file']) console.log(`Test switch: offline (no network) while ${resolve(values['simulate-offline-file'])} exists.`);
  const server = await listenOnKeptPort(userDataDir, requestedPort, logger, (port) => startBrowserServer({ services, rendererDir, port }));
  console.log(`Connector Studio (browser mode) is running at:\n\n  ${server.url}\n\nUser data: ${userDataDir}\nPress Ctrl+C to stop.`);
  if (!values['no-open']) openInBrowser(server.url, (line) => console.log(line));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
