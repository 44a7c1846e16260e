// Runs the CLI bundle (one CommonJS file) as a vm.Script with a V8 code cache made AFTER a
// run, so it holds every function that run compiled. Node's own compile cache
// (module.enableCompileCache) is made when a module is compiled: it holds only the top level,
// and the ~800 functions V8 compiles lazily (zod, the engine, the transport) were parsed and
// compiled again by every process (bench/README.md). Each command has its own cache file, made
// by its first run; V8 refuses one made from another bundle or under other V8 flags, and the
// file is then made again. The cache holds compiled code only, never data.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

/**
 * @param {string} path the bundle
 * @param {string | undefined} cacheDir where cache files live; undefined runs without a cache
 * @param {string} name the command, so each command's cache holds the code that command runs
 */
function runScriptWithCodeCache(path, cacheDir, name) {
  // The bundle is ASCII (cli/build.mjs sets esbuild's charset): latin1 reads it without decoding UTF-8.
  const source = readFileSync(path, 'latin1');
  // The bundle's size and time identify a build (cli/build.mjs renames a new build into place);
  // its path, one install among others (two checkouts must not replace each other's cache).
  const { size, mtimeMs } = statSync(path);
  const dir = cacheDir && join(cacheDir, `connector-studio-${process.version}-${process.arch}`);
  const prefix = `${name}-${hashOf(path)}-`;
  const cachePath = dir && join(dir, `${prefix}${size}-${Math.round(mtimeMs)}.bin`);
  let cachedData;
  try {
    if (cachePath) cachedData = readFileSync(cachePath);
  } catch {
    // No cache yet: this run makes it.
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (dir && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', () => saveCodeCache(script, dir, cachePath, prefix));
  const cjsModule = { exports: {} };
  script.runInThisContext()(cjsModule.exports, createRequire(path), cjsModule, path, dirname(path));
}

/** Written at exit, once the run has compiled what it needs; a failure only costs the next run its cache. */
function saveCodeCache(script, dir, cachePath, prefix) {
  try {
    mkdirSync(dir, { recursive: true });
    // Concurrent processes may write at once: a unique temporary file, then an atomic rename.
    const temporary = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cachePath);
    // Caches of older builds of this command and install are never read again.
    for (const file of readdirSync(dir)) {
      if (file.startsWith(prefix) && file.endsWith('.bin') && join(dir, file) !== cachePath) rmSync(join(dir, file), { force: true });
    }
  } catch {
    // A read-only or full cache directory: run without a cache.
  }
}

/** FNV-1a of a short text, in hex: node:crypto alone would cost a few ms of every start. */
function hashOf(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

module.exports = { runScriptWithCodeCache };
