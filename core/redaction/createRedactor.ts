/**
 * Replaces credential values with `{{credentials.name}}` wherever they occur: in plain
 * text, in the encodings a request puts them in (URL, form, base64, JSON-escaped, Basic
 * auth's base64 of `user:pass`), in deep JSON values and in headers. Every run record,
 * event and cassette passes through one of these before it exists.
 */
import { base64Encode, base64UrlEncode } from './base64.js';
import { isSensitiveHeaderName } from './sensitiveHeaders.js';

export interface Redactor {
  /** Adds a value learnt during the run (an OAuth access token, a derived Basic token). */
  addSecret(name: string, value: string): void;
  redactText(text: string): string;
  /** Deep copy with every string (and object key) redacted. */
  redactValue<T>(value: T): T;
  /** Redacts values and masks headers that carry credentials by name. */
  redactHeaders(headers: Record<string, string>): Record<string, string>;
  /** True when the text still contains a known secret in any known form. */
  containsSecret(text: string): boolean;
}

export const REDACTED = '[redacted]';

export function credentialPlaceholder(name: string): string {
  return `{{credentials.${name}}}`;
}

export interface Pattern {
  needle: string;
  replacement: string;
}

function encodedForms(value: string): string[] {
  const forms = new Set<string>([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1), base64Encode(value), base64UrlEncode(value)]);
  return [...forms].filter((form) => form.length > 0);
}

const SCHEME = /^(Bearer|Basic|Token|Digest)\s+/i;
const ONLY_PLACEHOLDERS = /^(?:\{\{credentials\.[A-Za-z0-9_]+\}\}|[\s:])+$/;

/**
 * Compiled patterns by secret list, for redactors made again and again for the same secrets
 * (one per run of a batch). The caller owns it and should let it live no longer than the
 * secrets themselves (the executor keeps one per SecretResolver).
 */
export type RedactionPatternCache = Map<string, readonly Pattern[]>;
const PATTERN_CACHE_LIMIT = 16;

export function createRedactor(secrets: Record<string, string> = {}, cache?: RedactionPatternCache): Redactor {
  // A list, not a map: a refreshed token keeps the same name and the old value stays redacted.
  const values: Array<[name: string, value: string]> = [];
  let patterns: readonly Pattern[] = [];
  // Most strings in a record (statuses, content types, ids) are shorter than any needle.
  let shortestNeedle = Infinity;

  const rebuild = () => {
    load();
    shortestNeedle = patterns.reduce((shortest, { needle }) => Math.min(shortest, needle.length), Infinity);
  };

  const load = () => {
    if (!cache) {
      patterns = compile();
      return;
    }
    const key = JSON.stringify(values);
    const cached = cache.get(key);
    if (cached) {
      patterns = cached;
      return;
    }
    patterns = compile();
    if (cache.size >= PATTERN_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, patterns);
  };

  const compile = (): Pattern[] => {
    const next: Pattern[] = [];
    for (const [name, value] of values) {
      for (const form of encodedForms(value)) next.push({ needle: form, replacement: credentialPlaceholder(name) });
    }
    // Basic auth sends base64("user:pass"); either half may be a credential.
    for (const [userName, user] of values) {
      for (const [passName, pass] of values) {
        const placeholder = `${credentialPlaceholder(userName)}:${credentialPlaceholder(passName)}`;
        next.push({ needle: base64Encode(`${user}:${pass}`), replacement: placeholder });
      }
    }
    // Longest first so a value inside a longer encoded form does not break it apart.
    next.sort((a, b) => b.needle.length - a.needle.length);
    return next;
  };

  const redactText = (text: string): string => {
    if (text.length < shortestNeedle) return text;
    let out = text;
    for (const { needle, replacement } of patterns) {
      if (out.includes(needle)) out = out.split(needle).join(replacement);
    }
    return out;
  };

  const redactValue = <T>(value: T): T => {
    if (typeof value === 'string') return redactText(value) as T;
    if (Array.isArray(value)) return value.map((item) => redactValue(item)) as T;
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[redactText(key)] = redactValue(item);
      return out as T;
    }
    return value;
  };

  const maskSensitive = (value: string): string => {
    const redacted = redactText(value);
    const scheme = SCHEME.exec(redacted)?.[0] ?? '';
    const rest = redacted.slice(scheme.length);
    // "Bearer {{credentials.crm_token}}" says which credential was used and is safe to keep.
    if (rest.length > 0 && ONLY_PLACEHOLDERS.test(rest)) return redacted;
    return `${scheme}${REDACTED}`;
  };

  for (const [name, value] of Object.entries(secrets)) if (value) values.push([name, value]);
  rebuild();

  return {
    addSecret(name, value) {
      // Already covered (e.g. a Basic token built from two known credentials): keep the more telling placeholder.
      if (!value || values.some(([, known]) => known === value) || patterns.some(({ needle }) => needle === value)) return;
      values.push([name, value]);
      rebuild();
    },
    redactText,
    redactValue,
    redactHeaders(headers) {
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) out[name] = isSensitiveHeaderName(name) ? maskSensitive(value) : redactText(value);
      return out;
    },
    containsSecret(text) {
      return patterns.some(({ needle }) => text.includes(needle));
    },
  };
}
