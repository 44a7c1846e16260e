import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../errors/ConnectorError.js';
import { importInterchange } from '../interchange/index.js';
import { validateConnector } from '../validation/index.js';
import { assertDocumentBounds, DOCUMENT_LIMITS, parseDocumentJson } from './documentBounds.js';
import { migrateDocument } from './migrations.js';

/** `{"a":{"a":…1…}}` nested `levels` deep: about 6 KB for 3,000 levels, enough to overflow a recursive walk. */
const nestedText = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const connectorWithBody = (body: unknown) => ({ schemaVersion: 2, id: 'deep', name: 'Deep', steps: [{ id: 's', url: 'https://x.test', method: 'POST', body: { type: 'json', value: body } }] });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('document bounds (issue 11, point 1)', () => {
  const deep = JSON.parse(nestedText(3000)) as unknown;

  it('migrateDocument refuses a 3,000-level document with INVALID_DOCUMENT instead of overflowing the stack', () => {
    const error = thrown(() => migrateDocument(connectorWithBody(deep)));
    expect(isConnectorError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_DOCUMENT', message: expect.stringMatching(/more than 64 levels deep/) });
  });

  it('validateConnector answers a problem, and importInterchange a clear error, for the same nesting', () => {
    expect(validateConnector(connectorWithBody(deep))).toMatchObject({ ok: false, issues: [{ severity: 'error', message: expect.stringMatching(/levels deep/) }] });
    const interchange = { name: 'Deep', type: 'multi-step', config: { steps: [{ id: 's', url: 'https://x.test', method: 'POST', body: deep }] } };
    expect(thrown(() => importInterchange(interchange))).toMatchObject({ code: 'INVALID_DOCUMENT', message: expect.stringMatching(/levels deep/) });
  });

  it('accepts nesting up to the limit (a deep JSON body of a real API still loads)', () => {
    const body = JSON.parse(nestedText(DOCUMENT_LIMITS.MAX_DEPTH - 6)) as unknown;
    expect(validateConnector(connectorWithBody(body)).ok).toBe(true);
  });

  it('parseDocumentJson refuses text over the size cap before parsing, and deep text after parsing', () => {
    expect(thrown(() => parseDocumentJson(`"${'x'.repeat(DOCUMENT_LIMITS.MAX_CHARS)}"`))).toMatchObject({ code: 'INVALID_DOCUMENT', message: expect.stringMatching(/too large/) });
    expect(thrown(() => parseDocumentJson(nestedText(3000)))).toMatchObject({ code: 'INVALID_DOCUMENT' });
    expect(thrown(() => parseDocumentJson('[1,2,'))).toBeInstanceOf(SyntaxError);
    expect(parseDocumentJson('\ufeff{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });

  it('counts the size of parsed values too (strings and keys), without recursion', () => {
    const wide = { rows: Array.from({ length: 200 }, () => 'y'.repeat(DOCUMENT_LIMITS.MAX_CHARS / 100)) };
    expect(thrown(() => assertDocumentBounds(wide))).toMatchObject({ code: 'INVALID_DOCUMENT', message: expect.stringMatching(/too large/) });
    const arrays = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(thrown(() => assertDocumentBounds(arrays))).toMatchObject({ code: 'INVALID_DOCUMENT' });
  });
});
