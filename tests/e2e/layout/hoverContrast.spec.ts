/**
 * A hovered button keeps readable text: WCAG's 4.5:1 between its text and its background, in
 * the light and the dark theme, for the primary button (white on the accent) and a plain one.
 * axe checks contrast at rest only; a hover rule once put the light surface behind white text.
 */
import { expect, test } from '../fixtures.js';

/** 0–1 channels of a colour as getComputedStyle gives it: `rgb(…)`, or `color(srgb …)` for color-mix(). */
function channels(css: string): number[] {
  const numbers = (css.match(/[\d.]+/g) ?? []).map(Number);
  if (css.startsWith('color(srgb')) return numbers.slice(0, 3);
  if (css.startsWith('rgb')) return numbers.slice(0, 3).map((v) => v / 255);
  throw new Error(`Unexpected colour format: ${css}`);
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = channels(css).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

for (const theme of ['light', 'dark'] as const) {
  test(`hovered buttons keep 4.5:1 text contrast (${theme} theme)`, async ({ page, app, shell, chooser, workspaceDir }) => {
    await page.emulateMedia({ colorScheme: theme });
    await shell.open(app.url);
    await chooser.open(workspaceDir);
    for (const button of [page.getByTestId('new-connector-button'), page.getByRole('button', { name: 'Import…' }).first()]) {
      await button.hover();
      // Colours are read after the hover has applied (a transition would otherwise be caught half-way).
      await expect.poll(async () => {
        const { color, background } = await button.evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
        return contrast(color, background);
      }).toBeGreaterThanOrEqual(4.5);
    }
  });
}
