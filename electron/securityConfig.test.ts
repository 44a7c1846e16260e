/**
 * The Electron security settings, verified from the code: every window is created with the
 * shared secure webPreferences, nothing weakens them, and the preload exposes named
 * functions only. Runs without the Electron binary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CALL_NAMES } from '../contract/hostCallNames.js';
import { REQUIRED_SECURE_PREFERENCES } from './secureWebPreferences.js';

const electronDir = new URL('.', import.meta.url).pathname;
const sources = readdirSync(electronDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(electronDir, f), 'utf8') }));

const captured = vi.hoisted(() => ({ windows: [] as Array<Record<string, unknown>>, exposed: {} as Record<string, unknown>, invoked: [] as Array<[string, unknown]> }));

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: Record<string, unknown>) {
      captured.windows.push(options);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (captured.exposed[key] = api) },
    ipcRenderer: { invoke: async (channel: string, params: unknown) => captured.invoked.push([channel, params]), on() {}, removeListener() {} },
  };
});

beforeEach(() => {
  captured.windows.length = 0;
  captured.invoked.length = 0;
});

describe('Electron security configuration (static)', () => {
  it('creates every window (and view) through the secure webPreferences factory', () => {
    let windows = 0;
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/new\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(/g)) {
        windows += 1;
        const call = text.slice(match.index, match.index + 600);
        expect(call, `${file}: ${match[0]} must use webPreferences: secureWebPreferences(...)`).toMatch(/webPreferences:\s*secureWebPreferences\(/);
      }
    }
    expect(windows).toBeGreaterThan(0);
  });

  it('never weakens a security setting anywhere in electron/', () => {
    const weakening = [
      /nodeIntegration\w*\s*:\s*true/,
      /contextIsolation\s*:\s*false/,
      /sandbox\s*:\s*false/,
      /webSecurity\s*:\s*false/,
      /allowRunningInsecureContent\s*:\s*true/,
      /webviewTag\s*:\s*true/,
      /experimentalFeatures\s*:\s*true/,
      /enableBlinkFeatures/,
      /setPermissionRequestHandler\([^)]*callback\(true\)/,
      /executeJavaScript\(/,
      /insertCSS\(/,
    ];
    for (const { file, text } of sources) for (const pattern of weakening) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
  });

  it('never exposes a generic invoke/send in the preload', () => {
    const preload = sources.find((s) => s.file === 'preload.ts')!.text;
    expect(preload).toMatch(/exposeInMainWorld\('connectorStudio'/);
    // The only channel passed to invoke is the per-call constant computed from the contract's names.
    expect([...preload.matchAll(/ipcRenderer\.invoke\(([^,]+),/g)].map((m) => m[1])).toEqual(['channel']);
    expect(preload).not.toMatch(/ipcRenderer\.send\(/);
  });
});

describe('Electron security configuration (behaviour, electron mocked)', () => {
  it('createMainWindow passes the required secure webPreferences', async () => {
    const { createMainWindow } = await import('./createMainWindow.js');
    createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs' });
    expect(captured.windows).toHaveLength(1);
    expect(captured.windows[0]?.webPreferences).toMatchObject({ ...REQUIRED_SECURE_PREFERENCES, preload: '/app/dist/electron/preload.cjs' });
  });

  it('the preload exposes exactly the contract calls, each bound to its own channel, plus subscribe', async () => {
    await import('./preload.js');
    const api = captured.exposed.connectorStudio as Record<string, Record<string, (p?: unknown) => Promise<unknown>> | ((...a: unknown[]) => unknown)>;
    const exposed = Object.entries(api).flatMap(([ns, value]) => (typeof value === 'function' ? [ns] : Object.keys(value).map((m) => `${ns}.${m}`)));
    expect(exposed.sort()).toEqual([...HOST_CALL_NAMES, 'subscribe'].sort());
    await (api.connectors as Record<string, (p?: unknown) => Promise<unknown>>).get!({ id: 'x' });
    expect(captured.invoked).toEqual([['host:call:connectors.get', { id: 'x' }]]);
    expect(() => (api.subscribe as (n: string, h: () => void) => void)('shell.exec', () => {})).toThrow('Unknown host event');
  });
});
