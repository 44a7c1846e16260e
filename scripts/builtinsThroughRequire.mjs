/**
 * esbuild plugin for browser mode's server bundle (scripts/build.mjs), an ESM bundle whose
 * banner defines `require`. (The CLI bundle is CommonJS: there esbuild's own handling of
 * built-ins already gives plain require()s, see cli/build.mjs.)
 */
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Node built-ins are loaded with require(), not import: an ESM import of a built-in builds
 * its module namespace by reading every export, and node:http's exports include lazy getters
 * (WebSocket, MessageEvent…) that load Node's whole bundled undici, about 10-20 ms of
 * start-up for nothing (measured with --cpu-prof; see bench/README.md). A built-in becomes a
 * one-line CommonJS module that esbuild's interop imports like any other.
 */
export const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path)) return undefined;
      return args.namespace === 'builtin-require' ? { path: args.path, external: true } : { path: args.path, namespace: 'builtin-require' };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};
