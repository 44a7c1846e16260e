#!/usr/bin/env node
// The `connector-studio` command. It starts the prebuilt bundle (built by `npm install`
// through the `prepare` script, or `npm run build:cli`) because one pre-bundled file starts
// several times faster than compiling TypeScript on the fly. Without the bundle (or with
// CONNECTOR_STUDIO_FROM_SOURCE=1, for working on cli/ or core/) it runs cli/ through tsx.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runScriptWithCodeCache } from './runScriptWithCodeCache.js';

// V8 optimises a function (TurboFan, on a background thread) once it has run "enough"; in a
// CLI process that lives for a few hundred runs that happens to dozens of core functions which
// then barely run again, and compiling them cost ~100 ms of CPU per 200-row batch. A 15x larger
// TurboFan invocation count (V8 12, Node 22) delays that until a function is really hot.
// Set here, before the bundle is compiled: V8 refuses a code cache made under other flags.
// CONNECTOR_STUDIO_V8_DEFAULTS=1 keeps V8's defaults (to compare, or if this ever misbehaves).
if (process.env.CONNECTOR_STUDIO_V8_DEFAULTS !== '1') setFlagsFromString('--invocation-count-for-turbofan=45000');

/** Where V8's compiled code is kept between runs: the user's cache directory, as other tools do. */
function compileCacheDir() {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'connector-studio', 'Cache', 'compile');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'connector-studio', 'compile');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'connector-studio', 'compile');
}

const COMMANDS = new Set(['validate', 'run', 'test', 'convert', 'import', 'enqueue', 'auth']);
const bundle = fileURLToPath(new URL('../dist/cli/connector-studio.cjs', import.meta.url));
if (process.env.CONNECTOR_STUDIO_FROM_SOURCE !== '1' && existsSync(bundle)) {
  // NODE_DISABLE_COMPILE_CACHE=1 turns the code cache off, as it does Node's own.
  const cacheDir = process.env.NODE_DISABLE_COMPILE_CACHE === '1' ? undefined : compileCacheDir();
  // One cache per command (cli/main.ts): each holds the code its command runs.
  const command = process.argv[2] ?? '';
  runScriptWithCodeCache(bundle, cacheDir, COMMANDS.has(command) ? command : 'other');
} else {
  module.enableCompileCache?.(compileCacheDir());
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../cli/entry.ts', import.meta.url).href);
}
