/**
 * What a secret looks like: well-known token formats (checked everywhere in a document)
 * and a Shannon-entropy test for random-looking strings (checked in request values only,
 * where a literal key would be sent).
 */

export interface TokenFormat {
  id: string;
  label: string;
  pattern: RegExp;
}

/** Formats with a recognisable prefix or shape. Global flags are added where a scan needs them. */
export const KNOWN_TOKEN_FORMATS: readonly TokenFormat[] = [
  { id: 'aws_access_key', label: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { id: 'github_token', label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/ },
  { id: 'slack_token', label: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { id: 'stripe_key', label: 'a Stripe key', pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}/ },
  { id: 'google_api_key', label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  { id: 'jwt', label: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/ },
  { id: 'hubspot_private_app_token', label: 'a HubSpot private app token', pattern: /\bpat-(?:na|eu|ap)[0-9]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
  // "Bearer" followed by a literal (not a {{template}}) that looks like a token: long, with a digit.
  { id: 'bearer_literal', label: 'a literal Bearer token', pattern: /\bBearer\s+(?!\{\{)(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{12,}=*/ },
  { id: 'private_key', label: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  // Tokens that live in a URL path rather than a header: api.telegram.org/bot<id>:<secret>/…, Slack incoming webhooks.
  { id: 'telegram_bot_token', label: 'a Telegram bot token', pattern: /\b[0-9]{6,12}:AA[A-Za-z0-9_-]{30,}/ },
  { id: 'slack_webhook', label: 'a Slack webhook URL', pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]+\/[A-Z0-9]+\/[A-Za-z0-9]+/ },
];

/** The first known token format found in `text`, if any. */
export function matchKnownTokenFormat(text: string): TokenFormat | undefined {
  return KNOWN_TOKEN_FORMATS.find((format) => format.pattern.test(text));
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export const HIGH_ENTROPY_MIN_LENGTH = 20;
/** Random base64/alphanumeric keys of 20+ characters score about 4 bits; words and ids far less. */
export const HIGH_ENTROPY_BITS = 3.5;
/** Hex digests have at most 4 bits per character; random ones score about 3.6 at 20+ characters. */
export const HIGH_ENTROPY_HEX_BITS = 3.0;

const TOKEN_CHARS = /[A-Za-z0-9+/=_.~-]{20,}/g;
const HEX = /^[0-9a-fA-F-]+$/;

/**
 * Runs of token characters (no spaces, no `{{…}}` templates) of 20+ characters that look random:
 * letters and digits mixed, and entropy over the threshold for their alphabet.
 */
export function highEntropyTokens(text: string): string[] {
  // Templates and URL scheme/host/path are not secrets; a URL's query string still is checked.
  const withoutTemplates = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/[a-z][a-z0-9+.-]*:\/\/[^\s?#"']*/gi, ' ');
  const found: string[] = [];
  for (const match of withoutTemplates.matchAll(TOKEN_CHARS)) {
    const token = match[0];
    if (token.length < HIGH_ENTROPY_MIN_LENGTH) continue;
    if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) continue;
    if (/^https?:/.test(token) || /^[0-9.\-/:T+Z]+$/.test(token)) continue; // URLs, dates, numbers
    if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/|$)/i.test(token)) continue; // host names and host/paths
    if (/^\/?(?:[a-z][a-z0-9_.~-]*\/)+[a-z0-9_.~-]*$/.test(token)) continue; // lower-case URL paths such as /services/oauth2/token
    const threshold = HEX.test(token) ? HIGH_ENTROPY_HEX_BITS : HIGH_ENTROPY_BITS;
    if (shannonEntropy(token) >= threshold) found.push(token);
  }
  return found;
}
