import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_ERROR_CODES } from '#core';

/** The codes written between the error-codes markers of a Markdown file, in order. */
function documentedCodes(file: string): string[] {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const section = /<!-- error-codes:start -->([\s\S]*?)<!-- error-codes:end -->/.exec(text)?.[1];
  if (section === undefined) throw new Error(`${file} has no error-codes section`);
  return [...section.matchAll(/`([A-Z][A-Z_]+)`/g)].map((match) => match[1] as string);
}

describe('run --json error codes in the docs', () => {
  it.each(['cli/README.md', 'README.md'])('%s lists exactly the codes of ConnectorErrorCode', (file) => {
    expect(documentedCodes(file)).toEqual([...CONNECTOR_ERROR_CODES]);
  });
});
