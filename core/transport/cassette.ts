/**
 * A cassette is a recorded live run, saved next to the connector and replayed offline.
 * Everything in it is redacted: credential values appear only as `{{credentials.name}}`.
 */
import type { SerializedConnectorError } from '../errors/ConnectorError.js';
import type { InputValue } from '../executor/types.js';

export interface CassetteInteraction {
  stepId: string;
  /** `matchUrl`: the URL with environment variables as `{{env.x}}`, when the step uses them (what replay matches on). */
  request: { method: string; url: string; matchUrl?: string | undefined; headers: Record<string, string>; body?: string | undefined };
  /** Absent when the attempt failed without an answer (then `error` says how). */
  response?: { status: number; headers: Record<string, string>; bodyText: string } | undefined;
  error?: SerializedConnectorError | undefined;
}

export interface Cassette {
  version: 1;
  connectorId: string;
  /** ISO date. */
  recordedAt: string;
  /** The environment the run was recorded against (its name only); it replays under any. */
  environment?: string | undefined;
  /**
   * The run's inputs, redacted like the rest (a credential value typed into an input is stored as
   * `{{credentials.name}}`), so a replay can start from them. Absent in cassettes recorded before.
   */
  inputs?: Record<string, InputValue> | undefined;
  interactions: CassetteInteraction[];
}

/** Percent-escapes decoded, so `%7B%7Bcredentials.k%7D%7D` and `{{credentials.k}}` compare equal. */
export function normaliseUrl(url: string): string {
  return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escaped) => {
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped;
    }
  });
}

export function interactionKey(stepId: string, method: string, url: string): string {
  return `${stepId} ${method.toUpperCase()} ${normaliseUrl(url)}`;
}

/** A cassette's inputs when they are a map of plain values (string, number, boolean, null); undefined otherwise. */
export function cassetteInputs(cassette: Cassette): Record<string, InputValue> | undefined {
  const inputs: unknown = cassette.inputs;
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) return undefined;
  const entries = Object.entries(inputs as Record<string, unknown>);
  const plain = (value: unknown): value is InputValue => value === null || ['string', 'number', 'boolean'].includes(typeof value);
  return entries.every(([, value]) => plain(value)) ? Object.fromEntries(entries) as Record<string, InputValue> : undefined;
}

/** A light structural check so a hand-edited or foreign file gets a clear error. */
export function isCassette(value: unknown): value is Cassette {
  const v = value as Partial<Cassette> | null;
  return typeof v === 'object' && v !== null && v.version === 1 && typeof v.connectorId === 'string' && Array.isArray(v.interactions);
}
