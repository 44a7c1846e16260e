import type { KeyValue } from '../schema/connector.js';
import { encodeComponent, interpolateToString } from './interpolate.js';
import type { Scope } from './scope.js';

export type QueryRow = Pick<KeyValue, 'key' | 'value'> & { enabled?: boolean | undefined };

/**
 * Builds the final request URL: the URL template in `url` mode, then the enabled query rows
 * appended with key and value each percent-encoded as one component (templates in keys and values
 * are resolved first). A row with an empty value is still sent as `key=`; disabled rows and rows
 * with an empty key are skipped. Rows go before any `#fragment`, after any query already in the URL.
 */
export function interpolateUrl(url: string, query: readonly QueryRow[], scope: Scope): string {
  const resolved = interpolateToString(url, scope, { mode: 'url' });
  const pairs: string[] = [];
  for (const row of query) {
    if (row.enabled === false) continue;
    const key = interpolateToString(row.key, scope);
    if (key === '') continue;
    pairs.push(`${encodeComponent(key)}=${encodeComponent(interpolateToString(row.value, scope))}`);
  }
  if (pairs.length === 0) return resolved;
  const hashAt = resolved.indexOf('#');
  const base = hashAt === -1 ? resolved : resolved.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : resolved.slice(hashAt);
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${pairs.join('&')}${fragment}`;
}
