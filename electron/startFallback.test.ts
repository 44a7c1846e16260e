// `npm start` decides between the Electron app and browser mode with findElectron().
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { findElectron } from '../scripts/start.mjs';
import { browserOpenCommand } from '../host/server/openInBrowser.js';

let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'cs-electron-dist-'));
});
afterAll(() => rm(dist, { recursive: true, force: true }));

describe('npm start fallback', () => {
  it('explains why when the Electron binary was never downloaded (as on this machine)', () => {
    const result = findElectron({ ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' }, 'linux');
    // Either the binary is genuinely installed here, or the reason names the cause and the fix.
    if ('reason' in result) expect(result.reason).toMatch(/Electron binary|display/);
    else expect(result.binary).toMatch(/electron/);
  });

  it('uses an installed binary, and refuses it without a display on Linux', async () => {
    await mkdir(dist, { recursive: true });
    await writeFile(join(dist, 'electron'), '');
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':99' }, 'linux')).toEqual({ binary: join(dist, 'electron') });
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux')).toEqual({ reason: expect.stringContaining('no graphical display') });
    expect(findElectron({ ELECTRON_OVERRIDE_DIST_PATH: join(dist, 'nope'), DISPLAY: ':0' }, 'linux')).toEqual({ reason: expect.stringContaining('missing') });
  });

  it('opens a browser only where one can be shown', () => {
    expect(browserOpenCommand('linux', {})).toEqual({ reason: expect.stringContaining('no graphical display') });
    expect(browserOpenCommand('linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [] });
    expect(browserOpenCommand('darwin', {})).toEqual({ command: 'open', args: [] });
  });
});
