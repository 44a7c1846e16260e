/** Content-Encoding lists the codings in the order they were applied; at most a few are accepted. */
const MAX_CODINGS = 3;

/** The header's codings, lower-cased, without `identity`; undefined when there are too many. */
export function parseContentCodings(header: string): string[] | undefined {
  const codings = header.split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding !== '' && coding !== 'identity');
  return codings.length > MAX_CODINGS ? undefined : codings;
}
