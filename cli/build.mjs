// Bundles the CLI (cli/ + core/ + its npm dependencies) into dist/cli/connector-studio.cjs,
// one CommonJS script that bin/connector-studio.cjs runs with a V8 code cache made after a run
// (bin/runScriptWithCodeCache.cjs): a warm start neither parses nor compiles the code it runs.
// Commands are still loaded lazily (cli/main.ts): a command's modules are evaluated only
// when it runs, and with the cache the code of the others is never even parsed.
// Each command also gets a bundle of its own, dist/cli/connector-studio-<command>.cjs, without
// the other commands' modules, which the bin prefers: `run` then reads, deserializes and
// evaluates 0.44 MB instead of 1.1 MB (the OpenAPI import alone brings ~0.5 MB).
// Dependencies are bundled too: resolving and loading zod, jsonpath-plus and csv-parse
// as separate packages costs more start-up time than reading one larger file.
//
//   node cli/build.mjs               build, fail on error (npm run build:cli)
//   node cli/build.mjs --if-possible build, but only warn on error (npm's prepare: an
//                                    install must not fail; the bin then runs from source)
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { coreBoundaryEsbuild } from '../scripts/coreBoundary.mjs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE_PATH = `${root}dist/cli/connector-studio.cjs`;
const commandBundlePath = (command) => `${root}dist/cli/connector-studio-${command}.cjs`;

/** Each command of cli/main.ts and the module it loads (the bin picks a bundle by the command's name). */
const COMMAND_MODULES = {
  validate: 'validate',
  run: 'run',
  test: 'test',
  convert: 'convert',
  import: 'importOpenApi',
  enqueue: 'enqueue',
  auth: 'authLogin',
};

/**
 * undici's HTTP/2 client requires node:http2 when its module loads, and node:http2 loads TLS and
 * crypto with it: ~50 of Node's internal modules, ~15 ms of every start. The CLI's transport
 * never enables HTTP/2 (undici's `allowH2` is off), so its client-h2 module gets what undici
 * itself falls back to where node:http2 is missing: `{ constants: {} }`.
 */
const noHttp2InUndici = {
  name: 'no-http2-in-undici',
  setup(build) {
    build.onResolve({ filter: /^node:http2$/ }, (args) =>
      /[\\/]node_modules[\\/]undici[\\/]/.test(args.importer) ? { path: 'node:http2', namespace: 'undici-no-http2' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'undici-no-http2' }, () => ({ contents: 'module.exports = { constants: {} };', loader: 'js' }));
  },
};

/**
 * undici calls node:assert as `assert(value)` only, as a check on its own state, and node:assert
 * loads 7 of Node's internal modules (its diff, colours and error formatting) when it is
 * required: ~2 ms of every start. undici's modules get a function that requires node:assert only
 * when a check fails, so a failed check still throws node:assert's own AssertionError.
 * cli/undiciAssert.test.ts fails if undici starts using any other part of node:assert.
 */
const lazyAssertInUndici = {
  name: 'lazy-assert-in-undici',
  setup(build) {
    build.onResolve({ filter: /^node:assert$/ }, (args) =>
      /[\\/]node_modules[\\/]undici[\\/]/.test(args.importer) ? { path: 'node:assert', namespace: 'undici-lazy-assert' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'undici-lazy-assert' }, () => ({
      contents: "module.exports = function assert(value, message) { if (!value) require('node:assert')(value, message); };",
      loader: 'js',
    }));
  },
};

/**
 * zod's namespace export carries ~50 message locales (about half its size in the bundle);
 * nothing here switches locale, so `zod/v4/locales/index.js` becomes a module with English only.
 */
const onlyEnglishZodMessages = {
  name: 'only-english-zod-messages',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: `${args.resolveDir}/../locales/en.js`, namespace: 'zod-locales' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: root,
    }));
  },
};

/**
 * core/ and contract/ are imported through barrels (`core/index.ts`), and a module whose
 * top level builds zod schemas counts as having side effects, so every command's chunk
 * evaluated all of core (the OpenAPI builder, the template manifest's schemas, the test
 * runner…). Their modules only define things: marked free of side effects, a chunk keeps the
 * modules it uses. (cli/ is not marked: cli/entry.ts imports modules for their effect.)
 */
const sideEffectFreeModules = {
  name: 'side-effect-free-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData?.resolving || args.importer.includes('/node_modules/')) return undefined;
      const result = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      if (result.errors.length > 0 || !/^(core|contract)\//.test(relative(root, result.path))) return result;
      return { ...result, sideEffects: false };
    });
  },
};

/**
 * A command's own bundle: cli/main.ts's other commands become a module that throws (the bin
 * starts this bundle only for its command, so they are never loaded).
 */
function onlyCommand(moduleName) {
  return {
    name: 'only-command',
    setup(build) {
      build.onResolve({ filter: /^\.\/commands\/\w+\.js$/ }, (args) => {
        if (relative(root, args.importer).replaceAll('\\', '/') !== 'cli/main.ts') return undefined;
        return args.path === `./commands/${moduleName}.js` ? undefined : { path: args.path, namespace: 'other-command' };
      });
      build.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`This bundle holds only cli/commands/${moduleName}.ts, not ${args.path}.`)});`,
        loader: 'js',
      }));
    },
  };
}

export async function buildCli() {
  await mkdir(`${root}dist/cli`, { recursive: true });
  await Promise.all([
    buildBundle(BUNDLE_PATH, []),
    ...Object.entries(COMMAND_MODULES).map(([command, moduleName]) => buildBundle(commandBundlePath(command), [onlyCommand(moduleName)])),
  ]);
  // The ES-module chunks and the command bundles of older builds are never loaded again.
  const current = new Set([BUNDLE_PATH, ...Object.keys(COMMAND_MODULES).map(commandBundlePath)]);
  for (const name of await readdir(`${root}dist/cli`)) {
    const path = `${root}dist/cli/${name}`;
    if (name.endsWith('.mjs') || (/^connector-studio-.*\.cjs$/.test(name) && !current.has(path))) await rm(path, { force: true });
  }
  return BUNDLE_PATH;
}

async function buildBundle(outputPath, extraPlugins) {
  // Build into a unique file, then rename it into place: concurrent builds (parallel test
  // files) never leave a half-written bundle for the bin to load.
  const temporary = `${outputPath}.build-${process.pid}-${Date.now()}.tmp`;
  await build({
    entryPoints: [`${root}cli/entry.ts`],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    // A script, not ES modules: only a vm.Script can be given a code cache made after it ran.
    // The bin's wrapper provides require, module and __filename. Node built-ins stay external
    // (platform 'node'): a named import becomes a plain require(). Wrapped as a bundled module
    // instead (scripts/builtinsThroughRequire.mjs, for ESM bundles), each is copied into a
    // namespace object, and merely reading node:util's property descriptors loads ~30 of Node's
    // internal modules (worker_threads, streams, diff…): ~11 ms of every `run`.
    format: 'cjs',
    target: 'node22',
    // Prefer ESM builds (jsonc-parser's UMD main does dynamic requires a bundle cannot follow).
    mainFields: ['module', 'main'],
    // Full minification: a smaller file is read and hashed faster at every start. Error names
    // that reach users are set explicitly, never taken from class names, so renaming
    // identifiers changes no output.
    minify: true,
    legalComments: 'none',
    // Every character outside ASCII escaped (esbuild's default, set so it stays): the bin reads the
    // bundle as latin1, which gives V8 its one-byte string without decoding UTF-8 (~0.8 ms of 0.7 MB).
    charset: 'ascii',
    logLevel: 'warning',
    plugins: [coreBoundaryEsbuild, onlyEnglishZodMessages, noHttp2InUndici, lazyAssertInUndici, sideEffectFreeModules, ...extraPlugins],
  });
  await rename(temporary, outputPath);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lenient = process.argv.includes('--if-possible');
  try {
    await buildCli();
  } catch (error) {
    if (!lenient) throw error;
    console.warn(`connector-studio: the CLI bundle was not built (${error instanceof Error ? error.message.split('\n')[0] : error}); the command will run from source through tsx.`);
  }
}
