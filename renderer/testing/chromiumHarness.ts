/**
 * Component tests in real Chromium: a harness source (a TSX module that mounts the app's own
 * components) bundled with esbuild into one page script, and Debian's Chromium to run it in.
 * Stylesheets are left out (a test adds the app's rules it needs), and so is Monaco, which loads
 * only when a body editor is first used (renderer/monaco/loadMonaco.ts).
 */
import { build } from 'esbuild';
import { chromium, type Browser } from '@playwright/test';

const noMonaco = {
  name: 'no-monaco',
  setup(b: import('esbuild').PluginBuild) {
    b.onResolve({ filter: /^monaco-editor/ }, () => ({ path: 'monaco', namespace: 'no-monaco' }));
    b.onLoad({ filter: /.*/, namespace: 'no-monaco' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** `contents` resolved from `resolveDir`, as one script for `page.addScriptTag`. */
export async function bundleHarness(contents: string, resolveDir: string, sourcefile: string): Promise<string> {
  const bundled = await build({
    stdin: { contents, resolveDir, loader: 'tsx', sourcefile },
    bundle: true, write: false, format: 'iife', platform: 'browser', jsx: 'automatic', logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
    loader: { '.css': 'empty' },
    plugins: [noMonaco],
  });
  return bundled.outputFiles[0]!.text;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}
