/**
 * docs/guide/keyboard.md and the shortcut list of the ? dialog (EDITOR_SHORTCUTS) say the same:
 * a shortcut in one and not in the other, or described differently, fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EDITOR_SHORTCUTS } from '../../renderer/editor/shortcuts.js';

const GUIDE = fileURLToPath(new URL('../../docs/guide/keyboard.md', import.meta.url));

/** The rows of the guide's `| keys | what they do |` table, cells unescaped. */
function guideRows(markdown: string): { keys: string; does: string }[] {
  const lines = markdown.split('\n');
  const header = lines.findIndex((line) => /^\|\s*keys\s*\|\s*what they do\s*\|\s*$/.test(line));
  if (header < 0) throw new Error('docs/guide/keyboard.md has no "| keys | what they do |" table.');
  const rows: { keys: string; does: string }[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined).split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
    if (cells.length !== 2) throw new Error(`docs/guide/keyboard.md: a row with ${cells.length} cells: ${line}`);
    rows.push({ keys: cells[0]!, does: cells[1]! });
  }
  return rows;
}

describe('keyboard shortcuts', () => {
  const rows = guideRows(readFileSync(GUIDE, 'utf8'));

  it('the guide lists every shortcut of the ? dialog, and nothing else', () => {
    const inGuide = new Set(rows.map((r) => r.keys));
    const inDialog = new Set(EDITOR_SHORTCUTS.map((s) => s.keys));
    expect({ missingFromGuide: [...inDialog].filter((k) => !inGuide.has(k)), missingFromDialog: [...inGuide].filter((k) => !inDialog.has(k)) })
      .toEqual({ missingFromGuide: [], missingFromDialog: [] });
  });

  it('each shortcut is described the same, in the same order, once', () => {
    expect(rows).toEqual(EDITOR_SHORTCUTS.map(({ keys, does }) => ({ keys, does })));
    expect(new Set(rows.map((r) => r.keys)).size).toBe(rows.length);
  });

  it('reads the table as a user sees it (escaped pipes are text, not cells)', () => {
    expect(guideRows('| keys | what they do |\n|---|---|\n| A \\| B | Does \\| that. |\n\nAfter.')).toEqual([{ keys: 'A | B', does: 'Does | that.' }]);
  });
});
