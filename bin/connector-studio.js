#!/usr/bin/env node
// The `connector-studio` command. It starts the prebuilt bundle (built by `npm install`
// through the `prepare` script, or `npm run build:cli`) because one pre-bundled file starts
// several times faster than compiling TypeScript on the fly. Without the bundle (or with
// CONNECTOR_STUDIO_FROM_SOURCE=1, for working on cli/ or core/) it runs cli/ through tsx.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22+ caches compiled code between runs; on Node 20 this is absent and skipped.
module.enableCompileCache?.();

const bundle = new URL('../dist/cli/connector-studio.mjs', import.meta.url);
if (process.env.CONNECTOR_STUDIO_FROM_SOURCE !== '1' && existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../cli/entry.ts', import.meta.url).href);
}
