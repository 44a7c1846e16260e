/**
 * The CSP of the Electron window: the same policy as browser mode (host/server), on every
 * response of the session, so nothing the renderer loads escapes it (checklist 7).
 */
import type { Session } from 'electron';
import { contentSecurityPolicy } from '../host/server/contentSecurityPolicy.js';

export const ELECTRON_CSP = contentSecurityPolicy();

export function installContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP], 'X-Content-Type-Options': ['nosniff'] } });
  });
}
