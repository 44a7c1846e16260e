/**
 * Electron smoke test through Playwright's `_electron`: runs where the Electron binary exists
 * (and a display), and is reported as skipped, with the reason, where it does not.
 */
import { _electron as electron } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

function electronBinary(): { path: string } | { reason: string } {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(pathFile)) return { reason: 'the Electron binary is not installed (npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline)' };
  const path = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron') : join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(path)) return { reason: `the Electron binary is missing at ${path}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset); run under xvfb-run' };
  return { path };
}

const binary = electronBinary();

test('the Electron app starts with a hardened window and a working bridge', async ({ userDataDir }, testInfo) => {
  if ('reason' in binary) {
    console.log(`electron-smoke skipped: ${binary.reason}`);
    testInfo.annotations.push({ type: 'skip-reason', description: binary.reason });
    test.skip(true, binary.reason);
    return;
  }
  const home = await mkdtemp(join(tmpdir(), 'cs-electron-home-'));
  const app = await electron.launch({ executablePath: binary.path, args: [root, `--user-data-dir=${userDataDir}`], env: { ...process.env, HOME: home } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('app-ready')).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/renderer\//);
    // Not in Electron's typings, but present at runtime: the preferences the window was created with.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      return contents.getLastWebPreferences?.() ?? null;
    });
    if (prefs) expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    // The renderer has no Node, and the bridge exposes named functions only.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const bridge = await window.evaluate(() => Object.keys((window as unknown as { connectorStudio: object }).connectorStudio).sort());
    expect(bridge).toContain('connectors');
    expect(bridge).not.toContain('invoke');
    const info = await window.evaluate(() => (window as unknown as { connectorStudio: { app: { info(): Promise<unknown> } } }).connectorStudio.app.info());
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
  } finally {
    await app.close();
    await rm(home, { recursive: true, force: true });
  }
});
