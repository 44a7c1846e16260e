/**
 * Header names whose values are credentials whatever they contain. Used by the redactor
 * (mask them in records) and by the fetch transport (drop them on cross-origin redirects).
 */
const SENSITIVE_HEADER_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
]);

/** Catches vendor spellings such as `X-Hubspot-Api-Key`, `X-Shopify-Access-Token`, `X-Client-Secret`. */
const SENSITIVE_HEADER_PATTERN = /(api[-_]?key|token|secret|password|passwd|session|auth)/i;

/** Answers per header name, asked for every header of every request and response. */
const known = new Map<string, boolean>();
const KNOWN_LIMIT = 500;

export function isSensitiveHeaderName(name: string): boolean {
  let sensitive = known.get(name);
  if (sensitive === undefined) {
    const lower = name.toLowerCase();
    sensitive = SENSITIVE_HEADER_NAMES.has(lower) || SENSITIVE_HEADER_PATTERN.test(lower);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(name, sensitive);
  }
  return sensitive;
}
