import { parseTemplate, hasTemplate } from './parseTemplate.js';
import type { Reference } from './reference.js';

/**
 * Every `{{…}}` reference in a JSON value (strings, arrays, object values; keys are not templates),
 * in document order, duplicates included. Throws INVALID_TEMPLATE on a malformed template.
 */
export function listReferences(value: unknown): Reference[] {
  const found: Reference[] = [];
  collect(value, found);
  return found;
}

function collect(value: unknown, found: Reference[]): void {
  if (typeof value === 'string') {
    if (!hasTemplate(value)) return;
    for (const part of parseTemplate(value)) if (part.type === 'reference') found.push(part.ref);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, found);
  }
}
