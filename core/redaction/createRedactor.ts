/**
 * Replaces credential values with `{{credentials.name}}` wherever they occur: in plain
 * text, in every encoding a secret can come back in — JSON escapes (`\/` as PHP writes it,
 * `\uXXXX`, in any mixture, also escaped twice), URL and form encoding, base64 and base64url of
 * the value and of derived values (Basic auth's `user:pass`, the value inside a longer encoded
 * text) —, in deep JSON values and in headers. Every run record, event, log line, cassette and
 * publish check passes through one of these.
 */
import { base64Encode, base64UrlEncode, base64EncodeBytes, toBase64Url } from './base64.js';
import { isSensitiveHeaderName } from './sensitiveHeaders.js';
import { asWritten, hasEscapes, unescapeAgain, unescapeWithMap, type DecodedText } from './unescapeWithMap.js';

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

/** True for an offline run's stand-in text (`{{credentials.x}}`): it names a secret, it is not one. */
export function isCredentialPlaceholder(value: string): boolean {
  return /^\{\{credentials\.[A-Za-z_][\w-]*\}\}$/.test(value);
}

export interface Pattern {
  needle: string;
  replacement: string;
}

/** Shortest base64 run worth matching for a value inside a longer encoded text: 6 bytes. */
const MIN_ALIGNED_BASE64 = 8;

/**
 * The forms to look for once escapes are undone: the value, its base64 and base64url, and the
 * base64 of the value as part of a longer encoded text. There its encoding depends on where it
 * starts (offset mod 3): for each of the three alignments the whole 3-byte groups of the value
 * encode the same way whatever surrounds them, so those are matched (at most 2 bytes at either
 * end stay, which reveal nothing usable).
 */
function encodedForms(value: string): string[] {
  const forms = new Set<string>([value, base64Encode(value), base64UrlEncode(value)]);
  const bytes = new TextEncoder().encode(value);
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole <= 0) continue;
    const aligned = base64EncodeBytes(bytes.subarray(skip, skip + whole));
    if (aligned.length < MIN_ALIGNED_BASE64) continue;
    forms.add(aligned);
    forms.add(toBase64Url(aligned));
  }
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
  // Form encoding writes a space as `+`: only worth decoding that way when a needle has a space.
  let plusIsSpace = false;

  const rebuild = () => {
    load();
    shortestNeedle = patterns.reduce((shortest, { needle }) => Math.min(shortest, needle.length), Infinity);
    plusIsSpace = patterns.some(({ needle }) => needle.includes(' '));
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

  /** The text with its escapes undone, in every reading that could hide a needle. */
  const decodings = (text: string): DecodedText[] => {
    // As written too, for secrets that themselves contain `%41` or a backslash (see redactEscaped).
    const jsonReadings = [asWritten(text)];
    if (text.includes('\\')) {
      const once = unescapeWithMap(text, { json: true });
      jsonReadings.push(once);
      // Escaped twice (a JSON document inside a JSON string): one more level.
      if (once.text.includes('\\')) jsonReadings.push(unescapeAgain(once, { json: true }));
    }
    const readings = [...jsonReadings];
    for (const reading of jsonReadings) {
      const plus = plusIsSpace && reading.text.includes('+');
      // Without the `+` reading too: base64 keeps its `+` where a form would mean a space.
      if (reading.text.includes('%') || plus) readings.push(unescapeAgain(reading, { percent: true }));
      if (plus) readings.push(unescapeAgain(reading, { percent: true, plusIsSpace: true }));
    }
    return readings;
  };

  const redactEscaped = (text: string): string => {
    // Every match in every reading, as a span of the original text; the widest spans win, so
    // a match of the whole escaped form beats a shorter one inside it.
    const found: Array<{ start: number; end: number; replacement: string }> = [];
    for (const [index, reading] of decodings(text).entries()) {
      for (const { needle, replacement } of patterns) {
        // A needle without an escape character is found by the decoded readings wherever it is
        // written plainly; only one that contains `\` or `%` needs the text as written.
        if (index === 0 && !needle.includes('\\') && !needle.includes('%')) continue;
        for (let at = reading.text.indexOf(needle); at !== -1; at = reading.text.indexOf(needle, at + needle.length)) {
          found.push({ start: reading.starts[at] as number, end: reading.ends[at + needle.length - 1] as number, replacement });
        }
      }
    }
    if (found.length === 0) return text;
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const spans: typeof found = [];
    for (const span of found) if (!spans.some((kept) => span.start < kept.end && kept.start < span.end)) spans.push(span);
    spans.sort((a, b) => a.start - b.start);
    let out = '';
    let from = 0;
    for (const span of spans) {
      out += text.slice(from, span.start) + span.replacement;
      from = span.end;
    }
    return out + text.slice(from);
  };

  const redactText = (text: string): string => {
    if (text.length < shortestNeedle) return text;
    if (hasEscapes(text, plusIsSpace)) return redactEscaped(text);
    let out = text;
    // Indexed: runs for every string of every record (see scopeFor in executor/runConnector.ts).
    for (let i = 0; i < patterns.length; i++) {
      const { needle, replacement } = patterns[i] as Pattern;
      if (out.includes(needle)) out = out.split(needle).join(replacement);
    }
    return out;
  };

  const containsSecret = (text: string): boolean => {
    if (text.length < shortestNeedle) return false;
    const readings = hasEscapes(text, plusIsSpace) ? decodings(text).map((reading) => reading.text) : [text];
    return patterns.some(({ needle }) => readings.some((reading) => reading.includes(needle)));
  };

  // Every record and event passes through here, so plain loops (no entries arrays, no closures).
  const redactValue = <T>(value: T): T => {
    if (typeof value === 'string') return redactText(value) as T;
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = redactValue(value[i]);
      return out as T;
    }
    const out: Record<string, unknown> = {};
    const object = value as Record<string, unknown>;
    // Own enumerable string keys, in the order Object.entries gives them.
    for (const key in object) if (Object.hasOwn(object, key)) out[redactText(key)] = redactValue(object[key]);
    return out as T;
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
      // An offline run's stand-in for an unset credential names a secret, it is not one: redacting it
      // would make the record look like a leak. Already covered (e.g. a Basic token built from two
      // known credentials): keep the more telling placeholder.
      if (!value || isCredentialPlaceholder(value) || values.some((known) => known[1] === value) || patterns.some(({ needle }) => needle === value)) return;
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
    containsSecret,
  };
}
