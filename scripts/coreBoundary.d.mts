import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function coreBoundaryProblem(importerDir: string, source: string, importer?: string): string | null;
export const coreBoundaryEsbuild: EsbuildPlugin;
export const coreBoundaryVite: VitePlugin;
