import type { Plugin as VitePlugin, Rollup } from 'vite';

export function startupChunks(bundle: Rollup.OutputBundle): Set<string>;
export const preloadStartupChunksVite: VitePlugin;
