#!/usr/bin/env node
/**
 * Bundles the Node side with esbuild:
 *   electron/main.ts     → dist/electron/main.cjs     (Electron main, CommonJS)
 *   electron/preload.ts  → dist/electron/preload.cjs  (one file: a sandboxed preload cannot require siblings)
 *   host/server/main.ts  → dist/host/server.mjs       (browser mode; lazily loaded parts in dist/host/server-chunk-*.mjs)
 * `--renderer` also runs `vite build` first (dist/renderer, owned by the renderer's config).
 * `--if-needed` skips everything when the outputs are newer than the sources.
 */
import { build } from 'esbuild';
import { builtinsThroughRequire } from './builtinsThroughRequire.mjs';
import { coreBoundaryEsbuild } from './coreBoundary.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

const OUTPUTS = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/host/server.mjs'];
const SOURCES = ['core', 'contract', 'host', 'electron', 'renderer', 'vite.config.ts', 'package.json'];

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const info = statSync(full);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(full)) {
    if (name === 'node_modules' || name.endsWith('.test.ts') || name.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function isBuildUpToDate() {
  if (!OUTPUTS.every((o) => existsSync(join(root, o)))) return false;
  const oldestOutput = Math.min(...OUTPUTS.map((o) => statSync(join(root, o)).mtimeMs));
  return Math.max(...SOURCES.map(newestMtime)) <= oldestOutput;
}

export async function buildAll({ renderer = true } = {}) {
  if (renderer) {
    const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    if (vite.status !== 0) throw new Error('vite build failed (see above).');
  }
  // Chunk names carry a content hash: drop the previous build's so only the live ones remain.
  const hostOut = join(root, 'dist/host');
  if (existsSync(hostOut)) for (const name of readdirSync(hostOut)) if (name.startsWith('server-chunk-')) rmSync(join(hostOut, name));
  await Promise.all(bundleOptions().map((options) => build(options)));
}

/** The esbuild options of the three Node bundles; `outRoot` lets tests build elsewhere than dist/. */
export function bundleOptions(outRoot = 'dist') {
  const common = { plugins: [coreBoundaryEsbuild], bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: root, legalComments: 'none' };
  return [
    { ...common, entryPoints: ['electron/main.ts'], outfile: join(outRoot, 'electron/main.cjs'), format: 'cjs', external: ['electron', 'bufferutil', 'utf-8-validate', 'fsevents'] },
    { ...common, entryPoints: ['electron/preload.ts'], outfile: join(outRoot, 'electron/preload.cjs'), format: 'cjs', external: ['electron'] },
    {
      ...common,
      // Split: what the first page does not need (OpenAPI parsers, undici, supabase-js) sits in
      // chunks loaded on first use, so start-up compiles and runs less. Chunks stay beside
      // server.mjs (code that finds files from its own location expects dist/host/).
      entryPoints: [{ in: 'host/server/main.ts', out: 'server' }],
      outdir: join(outRoot, 'host'),
      splitting: true,
      chunkNames: 'server-chunk-[hash]',
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      external: ['bufferutil', 'utf-8-validate', 'fsevents'],
      // Start-up: node:http's namespace would load Node's bundled undici (see the plugin).
      plugins: [coreBoundaryEsbuild, builtinsThroughRequire],
      // Bundled CommonJS dependencies call require() for Node built-ins (ws) and use __filename (write-file-atomic's temp names).
      banner: {
        js: [
          "import { createRequire as __csCreateRequire } from 'node:module';",
          "import { fileURLToPath as __csFileURLToPath } from 'node:url';",
          'const require = __csCreateRequire(import.meta.url);',
          'const __filename = __csFileURLToPath(import.meta.url);',
          "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
        ].join(' '),
      },
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (args.has('--if-needed') && isBuildUpToDate()) {
    console.log('build: up to date');
  } else {
    await buildAll({ renderer: args.has('--renderer') || args.has('--if-needed') });
    console.log('build: dist/electron/main.cjs, dist/electron/preload.cjs, dist/host/server.mjs');
  }
}
