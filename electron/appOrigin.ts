/**
 * The renderer is served from a custom `app://renderer/` scheme rather than file://.
 * Why: file:// pages share one opaque origin with every local file and get lax defaults;
 * a privileged standard scheme gives the app a real origin to check IPC senders and
 * navigations against, lets the protocol handler attach the CSP header to every response,
 * and confines what can be loaded to dist/renderer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of our own renderer origin. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
