/**
 * Which tabs of a single-row tab strip go into its "More ▾" menu: tabs keep their order, as many
 * as fit are shown, and the active tab is always among them (it takes the place of the last ones
 * that fit, as in VS Code and Postman), as is the tab the arrow keys move to. Pure, so the rule is
 * tested without a browser.
 */
export interface TabStripMeasure {
  /** The width of each tab, in order. */
  widths: readonly number[];
  /** The gap between two tabs (and between the last tab and the More button). */
  gap: number;
  /** The width of the More button. */
  moreWidth: number;
  /** The room the strip has. */
  available: number;
}

/**
 * Indexes of the tabs that go into the menu (empty when every tab fits). `keep`: the tabs that must
 * stay on the row — the active one, and the one the arrow keys just moved to.
 */
export function overflowingTabs({ widths, gap, moreWidth, available }: TabStripMeasure, keep: number | readonly number[]): number[] {
  const rowWidth = (indexes: readonly number[]) => indexes.reduce((sum, i, n) => sum + (widths[i] ?? 0) + (n > 0 ? gap : 0), 0);
  const all = widths.map((_, i) => i);
  // Half a pixel of slack: measured widths are fractional.
  if (rowWidth(all) <= available + 0.5) return [];
  const room = available - moreWidth - gap + 0.5;
  const shown: number[] = [];
  for (const i of all) {
    if (rowWidth([...shown, i]) > room) break;
    shown.push(i);
  }
  const kept = [...new Set(typeof keep === 'number' ? [keep] : keep)].filter((i) => i >= 0 && i < widths.length);
  const missing = kept.filter((i) => !shown.includes(i));
  if (missing.length > 0) {
    // The kept tabs replace the last shown others until they fit (they stay even when nothing else does).
    const others = shown.filter((i) => !kept.includes(i));
    while (others.length > 0 && rowWidth([...others, ...kept]) > room) others.pop();
    shown.splice(0, shown.length, ...others, ...kept);
  }
  return all.filter((i) => !shown.includes(i));
}
