/**
 * Renderer build. Monaco is bundled from node_modules (never a CDN) and loaded lazily,
 * so the initial chunk stays small; its workers are separate ESM files loaded with
 * `new Worker(new URL(...))`, which also keeps the build compatible with a strict CSP
 * (`script-src 'self'`, no inline scripts: Vite emits only external module scripts).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { compileHintsVite } from './scripts/compileHints.mjs';
import { coreBoundaryVite } from './scripts/coreBoundary.mjs';
import { preloadStartupChunksVite } from './scripts/startupChunks.mjs';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react(), coreBoundaryVite, compileHintsVite, preloadStartupChunksVite],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Monaco's chunk is large by nature; it is split out and loaded on demand.
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // core/ and contract/ only define things (as cli/build.mjs marks them): imported through
      // the `#core` barrel, a module whose top level builds zod schemas would otherwise count as
      // having side effects, and every chunk that touches core would keep (and evaluate) all of it.
      treeshake: { moduleSideEffects: (id) => id.includes('node_modules') || !/[\\/](core|contract)[\\/]/.test(id) },
      output: {
        codeSplitting: {
          groups: [
            // The first screen's host calls (app/startupCalls.ts) and the host client they need, in a
            // chunk with no dependencies: it is evaluated first, so the calls go out before the
            // other chunks (React, zod, core) are evaluated.
            { name: 'startup', test: /renderer[\\/]app[\\/]startupCalls\.ts$/ },
            // Modal dialogs (app/Dialog.tsx on Radix's Dialog, its focus trap and scroll lock) in a
            // chunk of their own: only lazily loaded screens and panels open one, and grouped with the
            // shared code the first screen imports they were loaded and compiled at every start.
            // Without their dependencies (React), or this chunk would be a start-up chunk itself.
            { name: 'dialog', test: /[\\/]renderer[\\/]app[\\/]Dialog\.tsx$|[\\/]node_modules[\\/](@radix-ui[\\/]react-(dialog|focus-scope|focus-guards)|react-remove-scroll(-bar)?|aria-hidden|use-sidecar|react-style-singleton|get-nonce|use-callback-ref)[\\/]/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
