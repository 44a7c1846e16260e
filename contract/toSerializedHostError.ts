/** The host's side of the error boundary: anything thrown becomes a SerializedHostError (core's errors keep their code). */
import { isConnectorError, type ConnectorErrorCode } from '#core';
import { isHostError, type HostError, type SerializedHostError } from './hostError.js';

/** Turns anything thrown in the host into a plain, serialisable error (the one normaliser at the boundary). */
export function toSerializedHostError(value: unknown): SerializedHostError {
  if (isHostError(value)) {
    const v = value as HostError;
    return { name: 'HostError', code: v.code, message: v.message, hint: v.hint, path: v.path };
  }
  if (isConnectorError(value)) {
    const v = value as { code: ConnectorErrorCode; message: string; hint?: string; path?: string };
    return { name: 'HostError', code: v.code, message: v.message, hint: v.hint, path: v.path };
  }
  const code = (value as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ENOENT'].includes(code)) {
    return { name: 'HostError', code: 'IO_ERROR', message: value instanceof Error ? value.message : String(value), hint: 'Check that the folder exists and that you may write to it.' };
  }
  return { name: 'HostError', code: 'INTERNAL', message: value instanceof Error ? value.message : String(value) };
}
