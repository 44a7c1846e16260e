/**
 * V8's explicit compile hints for the renderer's initial chunks: a file that starts with
 * `//# allFunctionsCalledOnLoad` has all its functions compiled on the background thread that
 * streams it (Chromium 136+, so Electron 36+), instead of lazily on the main thread the first time
 * each one runs. The initial chunks (the entry and what it imports statically) run nearly all
 * their code during start-up, so their lazy compiles were main-thread work before the first
 * screen; lazily loaded chunks (Monaco above all) are left as they are.
 */
const HINT = '//# allFunctionsCalledOnLoad\n';

/** The entry chunks and every chunk they import statically, by file name. */
function initialChunks(bundle) {
  const initial = new Set();
  const visit = (fileName) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || initial.has(fileName)) return;
    initial.add(fileName);
    for (const imported of chunk.imports) visit(imported);
  };
  for (const output of Object.values(bundle)) if (output.type === 'chunk' && output.isEntry) visit(output.fileName);
  return initial;
}

export const compileHintsVite = {
  name: 'compile-hints',
  apply: 'build',
  enforce: 'post',
  // After Vite's own generateBundle work (the preload helper fills in its dependency lists there).
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      for (const fileName of initialChunks(bundle)) {
        const chunk = bundle[fileName];
        if (!chunk.code.startsWith(HINT)) chunk.code = HINT + chunk.code;
      }
    },
  },
};
