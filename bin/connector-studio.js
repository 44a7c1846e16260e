#!/usr/bin/env node
// The `connector-studio` command. It starts the prebuilt bundle (built by `npm install`
// through the `prepare` script, or `npm run build:cli`) because one pre-bundled file starts
// several times faster than compiling TypeScript on the fly. Without the bundle (or with
// CONNECTOR_STUDIO_FROM_SOURCE=1, for working on cli/ or core/) it runs cli/ through tsx.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where V8's compiled code is kept between runs: the user's cache directory, as other tools do. */
function compileCacheDir() {
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'connector-studio', 'Cache', 'compile');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'connector-studio', 'compile');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'connector-studio', 'compile');
}

// Node 22+ caches compiled code between runs (~7 ms of CPU per start once warm; the first run
// writes it, ~18 ms: bench/README.md). NODE_COMPILE_CACHE, if set, has already enabled it
// elsewhere, and NODE_DISABLE_COMPILE_CACHE=1 turns it off. Absent on Node 20: skipped.
if (!process.env.NODE_COMPILE_CACHE) module.enableCompileCache?.(compileCacheDir());

const bundle = new URL('../dist/cli/connector-studio.mjs', import.meta.url);
if (process.env.CONNECTOR_STUDIO_FROM_SOURCE !== '1' && existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../cli/entry.ts', import.meta.url).href);
}
