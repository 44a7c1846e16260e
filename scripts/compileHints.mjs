/**
 * V8's explicit compile hints for the renderer's start-up chunks (scripts/startupChunks.mjs): a
 * file that starts with `//# allFunctionsCalledOnLoad` has all its functions compiled on the
 * background thread that streams it (Chromium 136+, so Electron 36+), instead of lazily on the
 * main thread the first time each one runs. The start-up chunks run nearly all their code while
 * the app starts and as the user types, so their lazy compiles were main-thread work (measured
 * in bench/README.md: without the hints, keystroke latency 12.6 → 16.0 ms); lazily loaded chunks
 * (Monaco above all) are left as they are.
 */
import { startupChunks } from './startupChunks.mjs';

const HINT = '//# allFunctionsCalledOnLoad\n';

export const compileHintsVite = {
  name: 'compile-hints',
  apply: 'build',
  enforce: 'post',
  // After Vite's own generateBundle work (the preload helper fills in its dependency lists there).
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      for (const fileName of startupChunks(bundle)) {
        const chunk = bundle[fileName];
        if (!chunk.code.startsWith(HINT)) chunk.code = HINT + chunk.code;
      }
    },
  },
};
