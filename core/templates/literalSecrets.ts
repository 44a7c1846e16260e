/**
 * Literal credential-looking values in the places a step sends them (its kind's request parts:
 * headers, query parameters, the URL, the body), found with the publish check's detectors (known
 * token formats, random-looking strings, sensitive headers holding a literal), and the one-step fix: the
 * value becomes a credential and every request field that held it refers to it instead.
 * Sync holds such a connector back from the team until it is fixed.
 */
import type { Connector } from '../schema/connector.js';
import { stepKindOf, type StepKindRegistry } from '../steps/registry.js';
import type { StepPartRole, StepRequestPart } from '../steps/stepKind.js';
import { SECRET_HEADER_NAME } from '../validation/templateFields.js';
import { highEntropyTokens, matchKnownTokenFormat } from './secretPatterns.js';

export interface LiteralSecret {
  /** Where in the document: `steps[0].headers[1].value`, `steps[0].query[0].value`, `steps[0].url`. */
  path: string;
  /** In words: `the "Authorization" header of step lookup`. */
  where: string;
  /** The literal text to move into a credential. */
  secret: string;
  /** The credential name the fix suggests (free among the connector's declared credentials). */
  suggestedName: string;
}

const AUTH_SCHEME = /^(Bearer|Basic|Token)\s+/i;
const HAS_TEMPLATE = /\{\{[^}]*\}\}/;

/** The secret inside one request value, if it holds one. */
function secretIn(value: string, sensitiveKey: boolean): string | null {
  const format = matchKnownTokenFormat(value);
  if (format) {
    const match = value.match(format.pattern)![0];
    return match.replace(AUTH_SCHEME, '');
  }
  const [random] = highEntropyTokens(value);
  if (random) return random;
  // A sensitive header (Authorization, X-Api-Key…) with a literal and no template at all.
  const literal = value.replace(AUTH_SCHEME, '').trim();
  if (sensitiveKey && literal.length >= 8 && !HAS_TEMPLATE.test(value)) return literal;
  return null;
}

/** A parameter whose name says it holds a secret, as a sensitive header's does. */
const SECRET_PARAMETER_NAME = new RegExp(`${SECRET_HEADER_NAME.source}|^(api_?key|access_?token|token|key|secret)$`, 'i');

/** Every string inside a JSON value (object keys are names, not values). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

interface Found {
  secret: string;
  /** The place in words, before `of step <id>`: `the "Authorization" header`. */
  place: string;
  /** What the suggested credential name is made from. */
  nameFrom: string;
}

function inNamedPart(part: StepRequestPart, sensitiveName: RegExp, what: string): Found[] {
  if (typeof part.value !== 'string') return [];
  const key = (part.name ?? '').trim();
  const secret = secretIn(part.value, sensitiveName.test(key));
  return secret ? [{ secret, place: `the "${part.name ?? ''}" ${what}`, nameFrom: key || what }] : [];
}

/** Where each kind of request part can hide a secret, searched in this order: named places first, so a secret pasted in a header and the URL is named after the header. */
const FINDERS: ReadonlyArray<[StepPartRole, (part: StepRequestPart) => Found[]]> = [
  ['header', (part) => inNamedPart(part, SECRET_HEADER_NAME, 'header')],
  ['parameter', (part) => inNamedPart(part, SECRET_PARAMETER_NAME, 'query parameter')],
  // The URL's query string and path segments (some APIs take the key there).
  // Piece by piece: `key=<secret>` must move only the secret.
  ['address', (part) => (typeof part.value !== 'string' ? [] : part.value.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[/?&#=]/)
    .flatMap((piece) => { const secret = piece ? secretIn(piece, false) : null; return secret ? [{ secret, place: `the ${part.label}`, nameFrom: 'api_key' }] : []; }))],
  // Content (a body, a computed value): every string inside, with the same detectors.
  ['content', (part) => stringsIn(part.value)
    .flatMap((text) => { const secret = secretIn(text, false); return secret ? [{ secret, place: `the ${part.label}`, nameFrom: (part.name ?? '').trim() || 'api_key' }] : []; })],
];

/** `X-Api-Key` → `x_api_key`; Authorization → `api_token`. */
function nameFor(key: string): string {
  if (/^(proxy-)?authorization$/i.test(key)) return 'api_token';
  const slug = key.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(slug) ? slug : `key_${slug || 'value'}`;
}

function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** `stepKinds`: the registry the document was read with (default: the app's kinds). */
export function findLiteralSecrets(connector: Connector, stepKinds?: StepKindRegistry): LiteralSecret[] {
  const found: LiteralSecret[] = [];
  const taken = new Set(connector.credentials.map((slot) => slot.name));
  const add = (path: string, where: string, secret: string, key: string) => {
    if (found.some((other) => other.secret === secret)) return; // one fix covers every place it appears
    const suggestedName = uniqueName(nameFor(key), taken);
    taken.add(suggestedName);
    found.push({ path, where, secret, suggestedName });
  };
  connector.steps.forEach((step, i) => {
    const parts = stepKindOf(step, stepKinds).requestParts(step);
    for (const [role, find] of FINDERS) {
      for (const part of parts.filter((p) => p.role === role)) {
        for (const { secret, place, nameFrom } of find(part)) add(`steps[${i}].${part.path}`, `${place} of step ${step.id}`, secret, nameFrom);
      }
    }
  });
  return found;
}

/** Replaces `secret` with `{{credentials.<name>}}` in every string of `value`. */
function replaceIn<T>(value: T, secret: string, reference: string): T {
  if (typeof value === 'string') return value.split(secret).join(reference) as T;
  if (Array.isArray(value)) return value.map((item) => replaceIn(item, secret, reference)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceIn(item, secret, reference)])) as T;
  }
  return value;
}

/**
 * The connector with `found.secret` replaced by a reference to credential `name` in every
 * step and the auth (the value may be pasted in several places), and the credential declared.
 */
export function moveLiteralSecret(connector: Connector, found: Pick<LiteralSecret, 'secret' | 'where'>, name: string): Connector {
  const reference = `{{credentials.${name}}}`;
  const declared = connector.credentials.some((slot) => slot.name === name);
  return {
    ...connector,
    steps: replaceIn(connector.steps, found.secret, reference),
    auth: replaceIn(connector.auth, found.secret, reference),
    credentials: declared ? connector.credentials : [...connector.credentials, { name, label: `Moved from ${found.where}` }],
  };
}
