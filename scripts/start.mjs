#!/usr/bin/env node
/**
 * `npm start`: the Electron app when its binary is installed; otherwise says why and starts
 * browser mode instead (same options as `npm run web`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, isBuildUpToDate } from './build.mjs';
import { startBrowserMode } from './web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const EXECUTABLE = { linux: 'electron', darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/**
 * The Electron binary's path, or the reason it cannot be used. Read from the electron
 * package's path.txt directly: `require('electron')` would try to download it.
 */
export function findElectron(env = process.env, platform = process.platform) {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install).' };
  }
  let binary;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, EXECUTABLE[platform] ?? 'electron');
  else if (existsSync(join(electronDir, 'path.txt'))) binary = join(electronDir, 'dist', readFileSync(join(electronDir, 'path.txt'), 'utf8').trim());
  else {
    return { reason: 'the Electron binary was never downloaded (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or without network). Where downloads work: node node_modules/electron/install.js' };
  }
  if (!existsSync(binary)) return { reason: `the Electron binary is missing at ${binary}.` };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'there is no graphical display (DISPLAY/WAYLAND_DISPLAY unset).' };
  return { binary };
}

async function main() {
  const args = process.argv.slice(2);
  const electron = findElectron();
  if ('reason' in electron) {
    console.log(`Cannot start the desktop app: ${electron.reason}\nStarting browser mode instead.\n`);
    return startBrowserMode(args);
  }
  if (!isBuildUpToDate()) {
    console.log('Building Connector Studio…');
    await buildAll({ renderer: true });
  }
  const child = spawn(electron.binary, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
