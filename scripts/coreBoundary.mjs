/**
 * Outside core/, the core is one module: `#core` (package.json "imports" → core/index.ts, plus the
 * test helpers' entries). tsc refuses a deep `#core/...` path because the map does not have it;
 * this check refuses the other way in, a relative path into core/ (`../core/schema/connector.js`),
 * in every build and in the test runner: the Vite renderer build, Vitest, and the esbuild bundles
 * of the desktop app, browser mode and the CLI. ESLint says the same while editing.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const coreDir = resolve(root, 'core');
const imports = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).imports ?? {};
/** The core files an outside module may reach: the targets of the "imports" map. */
const entries = new Set(Object.values(imports).map((target) => withoutExtension(resolve(root, target))));

function withoutExtension(path) {
  return path.replace(/\.(m?[jt]sx?)$/, '');
}

const inside = (path, dir) => path === dir || path.startsWith(dir + sep);

/**
 * The message for a refused import, or null when it is allowed. `importerDir`: the folder the import
 * is resolved from; `importer`: the importing file, for the message.
 */
export function coreBoundaryProblem(importerDir, source, importer = importerDir) {
  if (!source.startsWith('.') || !importerDir || inside(importerDir, coreDir) || inside(importerDir, resolve(root, 'node_modules'))) return null;
  const target = resolve(importerDir, source);
  if (!inside(target, coreDir)) return null;
  const bare = withoutExtension(target);
  if (entries.has(bare) || entries.has(`${bare}/index`)) return null;
  return `${isAbsolute(importer) ? relative(root, importer) : importer} imports "${source}", a file inside core/. Outside core/, import the core as '#core' (core/index.ts); export what you need from there.`;
}

/** For esbuild (scripts/build.mjs, cli/build.mjs). */
export const coreBoundaryEsbuild = {
  name: 'core-boundary',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const problem = coreBoundaryProblem(args.resolveDir, args.path, args.importer);
      return problem ? { errors: [{ text: problem }] } : undefined;
    });
  },
};

/** For Vite and Vitest. */
export const coreBoundaryVite = {
  name: 'core-boundary',
  enforce: 'pre',
  resolveId(source, importer) {
    const file = importer?.split('?')[0];
    const problem = file && file.startsWith('/') ? coreBoundaryProblem(dirname(file), source, file) : null;
    if (problem) this.error(problem);
    return null;
  },
};
