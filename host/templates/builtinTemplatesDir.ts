/**
 * Where the templates shipped with the app live: `process.resourcesPath/templates` in a
 * packaged Electron app (electron-builder's extraResources), `resources/templates` of the
 * source tree in development and browser mode. Callers may pass their own folder instead.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function moduleDir(): string | undefined {
  try {
    // Undefined in a CommonJS bundle (the Electron main); the other candidates cover it.
    const url = import.meta.url as string | undefined;
    return url ? dirname(fileURLToPath(url)) : undefined;
  } catch {
    return undefined;
  }
}

export function builtinTemplateDirCandidates(env: { resourcesPath?: string | undefined; cwd?: string; moduleDir?: string | undefined } = {}): string[] {
  const resourcesPath = env.resourcesPath ?? (process as { resourcesPath?: string }).resourcesPath;
  const here = env.moduleDir ?? moduleDir();
  const candidates: string[] = [];
  if (resourcesPath) candidates.push(join(resourcesPath, 'templates'));
  if (here) {
    // host/templates/ (source) and dist/host/ (bundle) are both two levels below the root.
    candidates.push(resolve(here, '..', '..', 'resources', 'templates'), resolve(here, '..', '..', '..', 'resources', 'templates'));
  }
  candidates.push(resolve(env.cwd ?? process.cwd(), 'resources', 'templates'));
  return candidates;
}

/** The first candidate that exists, or null (the marketplace then lists remote templates only). */
export function resolveBuiltinTemplatesDir(env?: Parameters<typeof builtinTemplateDirCandidates>[0]): string | null {
  return builtinTemplateDirCandidates(env).find((dir) => existsSync(dir)) ?? null;
}
