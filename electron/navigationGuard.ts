/**
 * No navigation away from the app, no new windows (security checklist 13–14). External
 * links the app itself produced (documentation, the Supabase dashboard) open in the
 * user's browser, and only https URLs on the allow-list.
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './appOrigin.js';

/** Hosts the app itself links to. Anything else is refused even if it is https. */
export const EXTERNAL_LINK_HOSTS = ['github.com', 'supabase.com', 'app.supabase.com', 'www.electronjs.org', 'developer.mozilla.org'] as const;

export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && allowedHosts.includes(parsed.hostname) && (parsed.port === '' || parsed.port === '443');
  } catch {
    return false;
  }
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny' } | { action: 'open-external'; url: string };

/** A navigation inside the window: our own origin only (e.g. a reload); allowed external links go to the browser. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  if (isAllowedExternalUrl(url)) return { action: 'open-external', url };
  return { action: 'deny' };
}

/** window.open / target=_blank: never a new Electron window. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, { action: 'allow' }> {
  return isAllowedExternalUrl(url) ? { action: 'open-external', url } : { action: 'deny' };
}

export function installNavigationGuard(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-external') openExternal(decision.url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.action === 'open-external') openExternal(decision.url);
    return { action: 'deny' };
  });
}
