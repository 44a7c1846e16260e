/**
 * Turns what fetch throws into a ConnectorError. Node's fetch (undici) rejects with
 * `TypeError('fetch failed')` whose `cause` carries the socket error code (ECONNREFUSED,
 * ECONNRESET, ENOTFOUND, UND_ERR_SOCKET…): the code goes into the message, because
 * "fetch failed" alone tells the user nothing.
 */
import { ConnectorError, isConnectorError, toConnectorError } from '../errors/ConnectorError.js';
import { abortReason } from '../ports/index.js';

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function causeMessage(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause instanceof Error ? cause.message : undefined;
}

const FRIENDLY: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (is the server running and the port right?)',
  ECONNRESET: 'the server reset the connection',
  UND_ERR_SOCKET: 'the server closed the connection (ECONNRESET)',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed, so it is not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain ends in an untrusted self-signed certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate could not be verified (an intermediate certificate may be missing)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate was issued by an authority this computer does not trust",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for a different host name",
};

export function toTransportError(error: unknown, signal: AbortSignal, what: string): ConnectorError {
  if (signal.aborted) return abortReason(signal);
  if (isConnectorError(error)) return toConnectorError(error);
  const code = causeCode(error);
  const detail = code ? `${code}: ${FRIENDLY[code] ?? causeMessage(error) ?? 'network error'}` : (causeMessage(error) ?? (error instanceof Error ? error.message : String(error)));
  return new ConnectorError('NETWORK_ERROR', `${what} failed: ${detail}.`, {
    hint: 'Check the URL and your network connection; the request is retried automatically when the method is idempotent.',
    cause: error,
  });
}
