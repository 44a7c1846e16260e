// Bundles the CLI (cli/ + core/ + its npm dependencies) into dist/cli/connector-studio.mjs,
// which bin/connector-studio.js loads for a fast start, plus one chunk per lazily loaded
// command (cli/main.ts): a process parses only the code of the command it runs.
// Dependencies are bundled too: resolving and loading zod, jsonpath-plus and csv-parse
// as separate packages costs more start-up time than reading one larger file.
//
//   node cli/build.mjs               build, fail on error (npm run build:cli)
//   node cli/build.mjs --if-possible build, but only warn on error (npm's prepare: an
//                                    install must not fail; the bin then runs from source)
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { builtinsThroughRequire } from '../scripts/builtinsThroughRequire.mjs';
import { coreBoundaryEsbuild } from '../scripts/coreBoundary.mjs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_PATH = `${root}dist/cli/connector-studio.mjs`;

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

export async function buildCli() {
  await mkdir(`${root}dist/cli`, { recursive: true });
  // Build into a unique folder, then rename file by file, entry last: concurrent builds
  // (parallel test files) never leave a half-written bundle for the bin to load. Chunk
  // names carry a content hash, so a chunk an older entry still refers to is never replaced
  // by different code.
  const temporary = `${root}dist/cli/.build-${process.pid}-${Date.now()}`;
  await build({
    entryPoints: { 'connector-studio': `${root}cli/entry.ts` },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Prefer ESM builds (jsonc-parser's UMD main does dynamic requires a bundle cannot follow).
    mainFields: ['module', 'main'],
    // Full minification: a smaller file is parsed faster at every start (500 KB -> 360 KB,
    // ~3 ms of the start-up). Error names that reach users are set explicitly, never taken
    // from class names, so renaming identifiers changes no output.
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [coreBoundaryEsbuild, onlyEnglishZodMessages, builtinsThroughRequire, sideEffectFreeModules],
    // CommonJS dependencies inside an ESM bundle, and the built-ins above, call require(); write-file-atomic
    // (the credential store's writes) reads __filename.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url);" },
  });
  const chunks = (await readdir(temporary)).filter((name) => name !== 'connector-studio.mjs');
  for (const chunk of chunks) await rename(`${temporary}/${chunk}`, `${root}dist/cli/${chunk}`);
  await rename(`${temporary}/connector-studio.mjs`, BUNDLE_PATH);
  await rm(temporary, { recursive: true, force: true });
  return BUNDLE_PATH;
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
