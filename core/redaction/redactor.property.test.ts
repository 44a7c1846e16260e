/**
 * Property: whatever the secret and whichever encoding it comes back in, the redacted text no
 * longer reveals it. Each encoding has its own independent decoder (JSON.parse, URL decoding,
 * base64 at every alignment) that plays the reader of a record trying to get the secret back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Encode } from './base64.js';
import { createRedactor } from './createRedactor.js';

const secretChar = fc.oneof(
  fc.constantFrom('/', '+', '=', '&', '%', '"', '\\', ' ', ':', '?', '#', '-', '_', '.', '~', 'ü', 'é', '€', '😀', '\n'),
  fc.stringMatching(/^[A-Za-z0-9]$/),
);
const secret = fc.string({ unit: secretChar, minLength: 6, maxLength: 40 });
const bytesOf = (text: string) => new TextEncoder().encode(text);
const binary = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
const bytesB64 = (bytes: Uint8Array) => btoa(binary(bytes));

/** PHP's json_encode defaults: `/` as `\/`, every non-ASCII UTF-16 unit as lower-case `\uXXXX`. */
function phpJson(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Each character JSON-escaped as usual or as \uXXXX by the flags, in upper or lower case. */
function mixedJson(text: string, flags: boolean[], upper: boolean): string {
  return [...text]
    .map((ch, i) => {
      if (!flags[i % flags.length]) return JSON.stringify(ch).slice(1, -1);
      const hex = Array.from({ length: ch.length }, (_, unit) => ch.charCodeAt(unit).toString(16).padStart(4, '0'));
      return hex.map((digits) => `\\u${upper ? digits.toUpperCase() : digits}`).join('');
    })
    .join('');
}

const jsonReveals = (secretText: string, redacted: string, levels = 1) => {
  let text = redacted;
  for (let i = 0; i < levels; i++) text = JSON.parse(`"${text}"`) as string;
  return text.includes(secretText);
};

/** True when some window of a base64(url) run, at any alignment, decodes to the secret's middle. */
function base64Reveals(secretText: string, redacted: string): boolean {
  const bytes = bytesOf(secretText);
  const target = binary(bytes.length >= 8 ? bytes.subarray(2, bytes.length - 2) : bytes);
  for (const run of redacted.match(/[A-Za-z0-9+/_=-]+/g) ?? []) {
    const plain = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=/g, '');
    for (let offset = 0; offset < 4; offset++) {
      const chunk = plain.slice(offset);
      try {
        if (atob(chunk.slice(0, chunk.length - (chunk.length % 4))).includes(target)) return true;
      } catch {
        // Not base64 at this alignment.
      }
    }
  }
  return false;
}

interface Encoding {
  name: string;
  /** Only secrets of at least this many UTF-8 bytes (base64 inside a longer text needs whole groups). */
  minBytes?: number;
  encode: (secret: string, extra: { flags: boolean[]; upper: boolean; around: string }) => string;
  reveals: (secret: string, redacted: string) => boolean;
  /**
   * The plain text encoded before the secret. Base64 is redacted in whole groups, so up to two of
   * the secret's first bytes stay beside this text: when that already holds the secret's middle
   * (the user "call" before the secret "//callaa"), decoding it reveals nothing secret.
   */
  before?: (around: string) => string;
}

/** The secret's middle, as base64Reveals looks for it, is already in the text before it. */
function middleIsBefore(secretText: string, before: string): boolean {
  const bytes = bytesOf(secretText);
  return binary(bytesOf(before)).concat(binary(bytes.subarray(0, 2))).includes(binary(bytes.subarray(2, bytes.length - 2)));
}

const ENCODINGS: Encoding[] = [
  { name: 'as is', encode: (s) => s, reveals: (s, r) => r.includes(s) },
  { name: 'JSON.stringify', encode: (s) => JSON.stringify(s).slice(1, -1), reveals: (s, r) => jsonReveals(s, r) },
  { name: "PHP json_encode (\\/ and \\uXXXX)", encode: phpJson, reveals: (s, r) => jsonReveals(s, r) },
  { name: 'JSON with any units as \\uXXXX, either case', encode: (s, x) => mixedJson(s, x.flags, x.upper), reveals: (s, r) => jsonReveals(s, r) },
  { name: 'JSON escaped twice (PHP inside a JSON string)', encode: (s) => JSON.stringify(phpJson(s)).slice(1, -1), reveals: (s, r) => jsonReveals(s, r, 2) },
  { name: 'encodeURIComponent', encode: (s) => encodeURIComponent(s), reveals: (s, r) => decodeURIComponent(r).includes(s) },
  { name: 'percent-encoding, lower-case hex', encode: (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), reveals: (s, r) => decodeURIComponent(r).includes(s) },
  { name: 'form encoding', encode: (s) => new URLSearchParams({ v: s }).toString().slice(2), reveals: (s, r) => (new URLSearchParams(`v=${r}`).get('v') ?? '').includes(s) },
  { name: 'base64', encode: (s) => base64Encode(s), reveals: base64Reveals },
  { name: 'base64url', encode: (s) => base64Encode(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), reveals: base64Reveals },
  { name: 'base64 as PHP echoes it (\\/)', encode: (s) => base64Encode(s).replace(/\//g, '\\/'), reveals: (s, r) => base64Reveals(s, JSON.parse(`"${r}"`) as string) },
  { name: 'Basic auth: base64(user:secret) for a user that is no secret', minBytes: 8, encode: (s, x) => base64Encode(`${x.around}:${s}`), reveals: base64Reveals, before: (around) => `${around}:` },
  { name: 'base64url(user:secret)', minBytes: 8, encode: (s, x) => base64Encode(`${x.around}:${s}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), reveals: base64Reveals, before: (around) => `${around}:` },
  { name: 'base64 of a longer text holding the secret', minBytes: 8, encode: (s, x) => bytesB64(bytesOf(`{"k":"${x.around}","token":"${s}","n":1}`)), reveals: base64Reveals, before: (around) => `{"k":"${around}","token":"` },
];

describe('redaction over random secrets and encodings', () => {
  for (const encoding of ENCODINGS) {
    it(`leaves nothing of the secret recoverable: ${encoding.name}`, () => {
      fc.assert(
        fc.property(secret, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.boolean(), fc.stringMatching(/^[a-z0-9]{0,12}$/), (value, flags, upper, around) => {
          fc.pre(bytesOf(value).length >= (encoding.minBytes ?? 0));
          fc.pre(!encoding.before || !middleIsBefore(value, encoding.before(around)));
          const redactor = createRedactor({ token: value, other: 'unrelated-credential-42' });
          const text = `id=7 ${encoding.encode(value, { flags, upper, around })} ok`;
          const redacted = redactor.redactText(text);
          expect(encoding.reveals(value, redacted), `${JSON.stringify(text)} → ${JSON.stringify(redacted)}`).toBe(false);
          expect(redacted).toContain('{{credentials.token}}');
          expect(redactor.containsSecret(text)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('finds Basic auth of two credentials as both placeholders', () => {
    fc.assert(
      fc.property(secret, secret, (user, pass) => {
        fc.pre(user !== pass);
        const redactor = createRedactor({ user, pass });
        expect(redactor.redactText(`Basic ${base64Encode(`${user}:${pass}`)}`)).toBe('Basic {{credentials.user}}:{{credentials.pass}}');
      }),
      { numRuns: 100 },
    );
  });

  it('leaves text without the secret as it was, escapes included', () => {
    fc.assert(
      fc.property(secret, fc.string({ unit: secretChar, maxLength: 60 }), (value, other) => {
        fc.pre(!other.includes(value) && value.length > 0);
        const redactor = createRedactor({ token: value });
        const text = phpJson(other);
        fc.pre(!redactor.containsSecret(text));
        expect(redactor.redactText(text)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
