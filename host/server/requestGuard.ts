/**
 * Who may talk to the browser-mode server. A local server is reachable by every web page
 * the user visits (through fetch, forms, DNS rebinding), so every API request must carry the
 * per-launch token, name our exact host:port in Host (a rebinding attacker's page sends its
 * own domain) and, when the browser sends an Origin, come from our own origin.
 */
import { timingSafeEqual } from 'node:crypto';
import { BROWSER_TOKEN_PROTOCOL_PREFIX } from '../../contract/hostCallNames.js';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** Absent Origin is allowed (same-origin GETs, curl); a present one must be ours exactly. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function tokensMatch(provided: string | undefined | null, expected: string): boolean {
  if (!provided) return false;
  const a = Buffer.from(provided, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenCookieName(port: number): string {
  // Cookies are shared across ports of one host: the port keeps launches apart.
  return `cs_token_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The event socket's subprotocols: this one, plus BROWSER_TOKEN_PROTOCOL_PREFIX + the token. */
export { BROWSER_EVENTS_PROTOCOL as EVENTS_PROTOCOL } from '../../contract/hostCallNames.js';

/** The token a WebSocket handshake offers as a subprotocol, if any. */
export function socketProtocolToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return undefined;
  for (const protocol of value.split(',')) {
    const trimmed = protocol.trim();
    if (trimmed.startsWith(BROWSER_TOKEN_PROTOCOL_PREFIX)) return trimmed.slice(BROWSER_TOKEN_PROTOCOL_PREFIX.length);
  }
  return undefined;
}
