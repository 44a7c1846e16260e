import { parse as parseYaml } from 'yaml';
import { ConnectorError } from '#core';
import { SPEC_LIMITS } from './specLimits.js';

const fail = (message: string, hint: string): never => {
  throw new ConnectorError('INVALID_DOCUMENT', message, { hint });
};

function checkNesting(value: unknown, where: string): void {
  // Iterative, so a deeply nested document cannot overflow the stack here.
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (depth > SPEC_LIMITS.maxNesting) fail(`${where} is nested more than ${SPEC_LIMITS.maxNesting} levels deep.`, 'This is not a spec the importer accepts; check that it is the right file.');
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
}

/** JSON or YAML text (the spec or a document it refers to) as plain data, within the size and shape caps. */
export function parseSpecText(text: string, where: string): unknown {
  if (Buffer.byteLength(text) > SPEC_LIMITS.maxDocumentBytes) {
    fail(`${where} is larger than ${SPEC_LIMITS.maxDocumentBytes / 1024 / 1024} MB.`, 'Import a smaller spec, or split it.');
  }
  const trimmed = text.trimStart();
  let value: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      fail(`${where} is not valid JSON: ${(error as Error).message}.`, 'Fix the syntax, or export the spec again from its source.');
    }
  } else {
    try {
      value = parseYaml(text, { maxAliasCount: SPEC_LIMITS.maxYamlAliases, prettyErrors: true, merge: true });
    } catch (error) {
      fail(`${where} is neither JSON nor valid YAML: ${(error as Error).message.split('\n')[0]}`, 'Fix the syntax, or export the spec again from its source.');
    }
  }
  checkNesting(value, where);
  return value;
}
