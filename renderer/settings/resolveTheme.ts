/** The theme to paint from the saved preference: "system" follows the OS's light/dark setting. */
import type { AppSettings } from '../../contract/hostApi.js';
import type { Theme } from '../store/slices/uiSlice.js';

export function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
}

export function resolveTheme(preference: AppSettings['theme'] | undefined, prefersDark = systemPrefersDark()): Theme {
  return preference === 'dark' || (preference !== 'light' && prefersDark) ? 'dark' : 'light';
}
