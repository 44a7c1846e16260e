/**
 * The Content-Encoding rule both Node transports read a body by: the codings in the order they
 * were applied, lower-cased, without `identity`; at most a few, each one this app can undo.
 */
import { ConnectorError } from '#core';

/** What fetch accepts (and what node:zlib undoes). */
const SUPPORTED = new Set(['gzip', 'x-gzip', 'deflate', 'br']);
const MAX_CODINGS = 3;
// Most answers name no coding: nothing is allocated for them.
const NONE: readonly string[] = [];

/** Throws NETWORK_ERROR for a header with too many codings or one that cannot be undone. */
export function contentCodings(header: string | undefined, url: string): readonly string[] {
  if (header === undefined) return NONE;
  const codings = header.split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_CODINGS || codings.some((coding) => !SUPPORTED.has(coding))) {
    throw new ConnectorError('NETWORK_ERROR', `The response from ${url} uses a content encoding this app cannot decode (${header}).`, {
      hint: 'Send an Accept-Encoding header the API honours, such as "gzip" or "identity".',
    });
  }
  return codings;
}
