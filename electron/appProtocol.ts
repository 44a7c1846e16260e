/** Serves dist/renderer on app://renderer/ with the CSP header (see appOrigin.ts for why not file://). */
import type { Protocol } from 'electron';
import { resolveStaticFile } from '../host/server/staticFiles.js';
import { APP_HOST, APP_SCHEME } from './appOrigin.js';
import { ELECTRON_CSP } from './contentSecurity.js';

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function handleAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': ELECTRON_CSP, 'x-content-type-options': 'nosniff' },
    });
  });
}
