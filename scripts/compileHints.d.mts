import type { Plugin as VitePlugin } from 'vite';

export const compileHintsVite: VitePlugin;
