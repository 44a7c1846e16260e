/**
 * Menus and truncated-text tooltips mount their Radix parts on first use (a dashboard card has
 * three of them, and mounting them all was a large part of the dashboard's first render). In
 * real Chromium: before use they are plain elements; the first press, key or hover behaves as
 * the Radix component always did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import { bundleHarness, launchChromium } from '../testing/chromiumHarness.js';

const HARNESS = `
import { createRoot } from 'react-dom/client';
import { Menu } from './Menu.js';
import { TruncatedText } from './Tooltip.js';

window.events = [];
const log = (event) => window.events.push(event);
createRoot(document.getElementById('root')).render(
  <>
    <button type="button" data-testid="before">before</button>
    <Menu trigger="Actions ▾" triggerTestId="menu" onOpenChange={(open) => log('open ' + open)} items={[
      { id: 'a', testId: 'item-a', label: 'First', onSelect: () => log('select a') },
      { id: 'b', testId: 'item-b', label: 'Second', onSelect: () => log('select b') },
    ]} />
    <div style={{ width: 80 }}><TruncatedText testId="cut" text="A name far too long to fit in eighty pixels" /></div>
    <div style={{ width: 600 }}><TruncatedText testId="whole" text="Short" /></div>
  </>,
);
`;

describe('menus and tooltips that mount on first use, in real Chromium', () => {
  let browser: Browser;
  let script: string;
  beforeAll(async () => {
    script = await bundleHarness(HARNESS, new URL('.', import.meta.url).pathname, 'popupsHarness.tsx');
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
    // The app's own .truncate rules: they are what cuts the text.
    await page.addStyleTag({ path: new URL('../styles/controls.css', import.meta.url).pathname });
    await page.addScriptTag({ content: script });
    await page.getByTestId('menu').waitFor();
    return { page, errors };
  }
  const events = (page: Page) => page.evaluate(() => (window as unknown as { events: string[] }).events);

  it('a menu is a plain menu button until pressed, then opens, picks and closes as Radix does', async () => {
    const { page, errors } = await open();
    const button = page.getByTestId('menu');
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('data-state')).toBeNull(); // no Radix trigger yet
    await button.click();
    await expect.poll(() => page.getByRole('menuitem').count()).toBe(2);
    expect(await events(page)).toEqual(['open true']);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    // Focus is back on the (now Radix) button, and it opens again from the keyboard.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu');
    await page.keyboard.press('Enter');
    await page.getByTestId('item-a').click();
    expect(await events(page)).toEqual(['open true', 'open false', 'open true', 'select a', 'open false']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opened first from the keyboard, the menu focuses its first item, and arrows and Enter pick', async () => {
    const { page, errors } = await open();
    await page.getByTestId('before').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('item-a');
    await page.keyboard.press('ArrowDown');
    // Radix's roving focus moves on the next task, as it does in the app.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('item-b');
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await events(page)).toEqual(['open true', 'select b', 'open false']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hovering text that is cut shows all of it after the usual delay; text that fits shows nothing', async () => {
    const { page, errors } = await open();
    await page.getByTestId('whole').hover();
    await page.waitForTimeout(700);
    expect(await page.getByTestId('tooltip').count()).toBe(0);
    await page.getByTestId('cut').hover();
    await expect.poll(() => page.getByTestId('tooltip').first().textContent({ timeout: 2000 }).catch(() => null)).toContain('A name far too long to fit in eighty pixels');
    await page.mouse.move(400, 400);
    await page.getByTestId('tooltip').waitFor({ state: 'detached' });
    // A second hover uses the mounted Radix tooltip.
    await page.getByTestId('cut').hover();
    await expect.poll(() => page.getByTestId('tooltip').first().textContent({ timeout: 2000 }).catch(() => null)).toContain('A name far too long to fit in eighty pixels');
    expect(errors).toEqual([]);
    await page.close();
  });
});
