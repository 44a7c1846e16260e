/** Turns a Supabase (PostgREST) error into the HostError the renderer shows, keeping the server's words. */
import { HostError } from '../../contract/hostApi.js';

interface PostgrestLikeError {
  code?: string;
  message?: string;
  hint?: string | null;
}

/** The cause of the error remoteError makes for a request that got no answer at all. */
const UNANSWERED = Symbol('unanswered');

/** Whether the server never answered (offline, or the project unreachable), rather than refused. */
export function isUnanswered(error: unknown): boolean {
  return error instanceof HostError && error.cause === UNANSWERED;
}

export function remoteError(what: string, error: PostgrestLikeError | Error | unknown): HostError {
  const e = (error ?? {}) as PostgrestLikeError;
  const message = e.message ?? String(error);
  const hint = e.hint ?? undefined;
  switch (e.code) {
    case '42501':
      return new HostError('UNAUTHORIZED', `${what}: the server refused (${message}).`, { hint: hint ?? 'Only the template\'s publisher or a SaaS admin may do this.' });
    case 'PT404':
    case 'PGRST116':
      return new HostError('NOT_FOUND', `${what}: ${message}.`, { hint: hint ?? 'It may have been hidden or deleted; reload the marketplace.' });
    case '23505':
      return new HostError('ALREADY_EXISTS', `${what}: ${message}.`, { hint: hint ?? 'Nothing was changed.' });
    case '22023':
    case '23514':
      return new HostError('INVALID_PAYLOAD', `${what}: ${message}.`, { hint: hint ?? 'Fix the template and try again.' });
    case undefined:
    case '':
      // No code: the request never got an answer (the fetch error's words, "TypeError: fetch failed", help nobody).
      return new HostError('IO_ERROR', `${what}: the Supabase project cannot be reached`, { hint: 'Check your connection; the built-in templates keep working offline.', cause: UNANSWERED });
    default:
      return new HostError('IO_ERROR', `${what}: ${message}.`, { hint: hint ?? 'Try again; if it keeps failing, sign out and in again.' });
  }
}
