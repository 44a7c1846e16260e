import type { Plugin as VitePlugin } from 'vite';
import type { OutputBundle } from 'rollup';

export function startupChunks(bundle: OutputBundle): Set<string>;
export const preloadStartupChunksVite: VitePlugin;
