#!/usr/bin/env node
// The `connector-studio` command. It starts the prebuilt bundle (built by `npm install`
// through the `prepare` script, or `npm run build:cli`) because one pre-bundled file starts
// several times faster than compiling TypeScript on the fly. Without the bundle (or with
// CONNECTOR_STUDIO_FROM_SOURCE=1, for working on cli/ or core/) it runs cli/ through tsx.
// CommonJS, not an ES module: Node's ES module loader, and the namespace objects it builds
// for the built-ins imported (node:fs's reads every export, loading its streams), cost
// several ms of every start (bench/README.md).
'use strict';
const { existsSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { runScriptWithCodeCache } = require('./runScriptWithCodeCache.cjs');

/** Where V8's compiled code is kept between runs: the user's cache directory, as other tools do. */
function compileCacheDir() {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE;
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'connector-studio', 'Cache', 'compile');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'connector-studio', 'compile');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'connector-studio', 'compile');
}

const command = process.argv[2] ?? '';
const fullBundle = join(__dirname, '../dist/cli/connector-studio.cjs');
// A command's own bundle leaves the other commands out (cli/build.mjs); help, --version and
// anything unknown run the full one.
const commandBundle = /^[a-z]+$/.test(command) ? join(__dirname, `../dist/cli/connector-studio-${command}.cjs`) : undefined;
const ownBundle = commandBundle !== undefined && existsSync(commandBundle);
const bundle = ownBundle ? commandBundle : fullBundle;
// undici parses HTTP with llhttp in WebAssembly. V8 recompiles hot WebAssembly with its optimising
// tier on background threads, and Node waits for those jobs before it exits: ~50–60 ms after
// the last line of a short run. The baseline tier (Liftoff) parses a small JSON answer fast
// enough. Set before any compile: V8 refuses a code cache made under other flags.
require('node:v8').setFlagsFromString('--liftoff-only');
if (process.env.CONNECTOR_STUDIO_FROM_SOURCE !== '1' && (ownBundle || existsSync(fullBundle))) {
  // NODE_DISABLE_COMPILE_CACHE=1 turns the code cache off, as it does Node's own.
  const cacheDir = process.env.NODE_DISABLE_COMPILE_CACHE === '1' ? undefined : compileCacheDir();
  // One cache per command (cli/main.ts): each holds the code its command runs.
  runScriptWithCodeCache(bundle, cacheDir, ownBundle ? command : 'other');
} else {
  require('node:module').enableCompileCache?.(compileCacheDir());
  void (async () => {
    const { register } = await import('tsx/esm/api');
    register();
    await import(require('node:url').pathToFileURL(join(__dirname, '../cli/entry.ts')).href);
  })();
}
