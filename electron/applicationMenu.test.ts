import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type AppCommand } from './applicationMenu.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const build = (isDevelopment: boolean, platform: NodeJS.Platform = 'linux') => {
  const sent: AppCommand[] = [];
  let opened = 0;
  const items = flatten(buildMenuTemplate({ isDevelopment, platform, send: (c) => sent.push(c), openWorkspace: () => (opened += 1) }));
  return { items, sent, opened: () => opened };
};

describe('application menu', () => {
  it('has the expected shortcuts and sends them to the renderer', () => {
    const { items, sent, opened } = build(false);
    const byLabel = (label: string) => items.find((i) => i.label === label)!;
    expect(byLabel('New Connector').accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel('Save').accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel('Run Test').accelerator).toBe('CmdOrCtrl+Enter');
    expect(byLabel('Undo').accelerator).toBe('CmdOrCtrl+Z');
    for (const label of ['New Connector', 'Save', 'Run Test', 'Undo', 'Redo']) (byLabel(label).click as () => void)();
    expect(sent).toEqual(['new', 'save', 'run', 'undo', 'redo']);
    (byLabel('Open Workspace…').click as () => void)();
    expect(opened()).toBe(1);
  });

  it('offers reload and DevTools in development only', () => {
    expect(build(false).items.some((i) => i.role === 'reload' || i.role === 'toggleDevTools')).toBe(false);
    expect(build(true).items.filter((i) => i.role === 'reload' || i.role === 'toggleDevTools')).toHaveLength(2);
  });

  it('uses the macOS conventions on macOS', () => {
    const { items } = build(false, 'darwin');
    expect(items[0]?.role).toBe('appMenu');
    expect(items.find((i) => i.label === 'Redo')?.accelerator).toBe('Shift+Cmd+Z');
  });
});
