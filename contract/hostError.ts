/**
 * The one error that crosses the host boundary (IPC or HTTP). Core failures keep their
 * ConnectorError code; host failures use the host codes below. `name` survives
 * serialisation, so `isHostError` works on both sides of the bridge. Free of zod and of core at
 * run time: the renderer's host client loads it before anything else (renderer/app/startupCalls.ts).
 */
import type { ConnectorErrorCode } from '#core';

export const HOST_ERROR_CODES = [
  'INVALID_PAYLOAD', // the call's parameters did not match the contract
  'UNKNOWN_CALL', // no such host call
  'NO_WORKSPACE', // the call needs an open workspace
  'NOT_FOUND', // connector, run or credential does not exist
  'ALREADY_EXISTS',
  'CONFLICT', // the file changed on disk since the caller read it
  'IO_ERROR', // the disk refused (permissions, full disk, …)
  'VAULT_INSECURE', // the OS offers only plaintext key storage and the user has not opted in
  'VAULT_LOCKED', // the vault key cannot be unwrapped (wrong key, tampered file)
  'UNSUPPORTED', // not available in this mode (e.g. a native dialog in browser mode)
  'UNAUTHORIZED', // browser mode: missing or wrong token, foreign origin
  'SECRET_LEAK', // a record about to be written contained a vault value
  'CONFIRMATION_REQUIRED', // the action needs the user's explicit confirmation first (e.g. a credential sent to a new host)
] as const;
export type HostOnlyErrorCode = (typeof HOST_ERROR_CODES)[number];
export type HostErrorCode = HostOnlyErrorCode | ConnectorErrorCode;

export interface SerializedHostError {
  name: 'HostError';
  code: HostErrorCode;
  message: string;
  hint?: string | undefined;
  path?: string | undefined;
}

export class HostError extends Error {
  override name = 'HostError' as const;
  readonly code: HostErrorCode;
  readonly hint: string | undefined;
  readonly path: string | undefined;

  constructor(code: HostErrorCode, message: string, options: { hint?: string | undefined; path?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.path = options.path;
  }

  toJSON(): SerializedHostError {
    return { name: 'HostError', code: this.code, message: this.message, hint: this.hint, path: this.path };
  }
}

/** Checks `name` as well as `instanceof`, so errors that crossed IPC or HTTP still match. */
export function isHostError(value: unknown): value is HostError {
  return value instanceof HostError || (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'HostError');
}

/** Rebuilds a throwable error from its serialised form (renderer side). */
export function fromSerializedHostError(value: SerializedHostError): HostError {
  return new HostError(value.code, value.message, { hint: value.hint, path: value.path });
}
