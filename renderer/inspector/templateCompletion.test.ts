import { describe, expect, it } from 'vitest';
import { availableVariables } from '#core';
import { applyCompletion, templateCompletion } from './templateCompletion.js';
import { sampleConnector } from '../testing/sampleConnector.js';

describe('template completion', () => {
  const doc = sampleConnector();

  it('offers exactly the variables core allows for the step', () => {
    const vars = availableVariables(doc, 'company');
    const completion = templateCompletion('https://x/{{', 12, vars);
    expect(completion?.items.map((v) => v.ref)).toEqual(['phone', 'search.contactId', 'details.companyId']);
    // A parallel sibling's outputs are not offered to `verify`.
    const forVerify = templateCompletion('{{', 2, availableVariables(doc, 'verify'));
    expect(forVerify?.items.map((v) => v.ref)).toEqual(['phone', 'search.contactId']);
  });

  it('filters by what was typed and inserts the closing braces once', () => {
    const vars = availableVariables(doc, 'company');
    const text = 'a/{{det}}/b';
    const completion = templateCompletion(text, 7, vars);
    expect(completion?.items.map((v) => v.ref)).toEqual(['details.companyId']);
    const applied = applyCompletion(text, completion!, completion!.items[0]!);
    expect(applied.text).toBe('a/{{details.companyId}}/b');
    expect(applied.caret).toBe('a/{{details.companyId}}'.length);
  });

  it('stays quiet outside an open template', () => {
    const vars = availableVariables(doc, 'company');
    expect(templateCompletion('{{phone}} x', 11, vars)).toBeNull();
    expect(templateCompletion('plain', 5, vars)).toBeNull();
    expect(templateCompletion('{{a b', 5, vars)).toBeNull();
  });
});
