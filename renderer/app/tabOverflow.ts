/**
 * Which tabs of a single-row tab strip go into its "More ▾" menu: tabs keep their order, as many
 * as fit are shown, and the active tab is always among them (it takes the place of the last ones
 * that fit, as in VS Code and Postman). Pure, so the rule is tested without a browser.
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

/** Indexes of the tabs that go into the menu (empty when every tab fits). */
export function overflowingTabs({ widths, gap, moreWidth, available }: TabStripMeasure, activeIndex: number): number[] {
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
  if (activeIndex >= 0 && activeIndex < widths.length && !shown.includes(activeIndex)) {
    // The active tab replaces the last shown ones until it fits (it stays even when nothing else does).
    while (shown.length > 0 && rowWidth([...shown, activeIndex]) > room) shown.pop();
    shown.push(activeIndex);
  }
  return all.filter((i) => !shown.includes(i));
}
