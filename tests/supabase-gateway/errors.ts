/**
 * PostgREST-shaped errors: `{code, message, details, hint}` with the HTTP status PostgREST
 * gives the SQLSTATE (docs.postgrest.org, "Errors"), including custom `PTxxx` codes.
 */
export interface PostgrestErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export const postgrestError = (status: number, code: string, message: string, details: string | null = null, hint: string | null = null) =>
  new HttpError(status, { code, message, details, hint } satisfies PostgrestErrorBody);

interface PgErrorLike {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
}

export function statusForSqlState(code: string, role: string): number {
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  if (code === '42501') return role === 'anon' ? 401 : 403;
  if (code === '23503' || code === '23505') return 409;
  if (code === '25006') return 405;
  if (code === '42883' || code === '42P01') return 404;
  if (code === '42P17' || code === '53400') return 500;
  if (code === 'P0001') return 400;
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500, '3B': 500,
    '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500, P0: 500, XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

export function fromDatabaseError(error: unknown, role: string): HttpError {
  const pgError = (typeof error === 'object' && error !== null ? error : {}) as PgErrorLike;
  if (!pgError.code) {
    return postgrestError(500, 'PGRST000', pgError.message ?? String(error));
  }
  return postgrestError(statusForSqlState(pgError.code, role), pgError.code, pgError.message ?? '', pgError.detail ?? null, pgError.hint ?? null);
}
