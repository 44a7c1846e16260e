import { describe, expect, it } from 'vitest';
import { sampleConnector } from '../testing/sampleConnector.js';
import { runBlockedReason, runErrorAfterEdit } from './runActions.js';

describe('runBlockedReason', () => {
  it('lets a valid connector run', () => {
    expect(runBlockedReason(sampleConnector())).toBeNull();
  });

  it('refuses a hostile step condition with the validation problem', () => {
    const doc = sampleConnector();
    doc.steps[1] = { ...doc.steps[1]!, condition: "constructor.constructor('alert(1)')()" };
    const reason = runBlockedReason(doc);
    expect(reason).toMatch(/^Not run: fix the connector first\. .* \(\w+\): Condition \(Run only if\) does not parse: /);
  });

  it('counts the other errors', () => {
    const doc = sampleConnector();
    doc.steps[1] = { ...doc.steps[1]!, condition: '{{search.__proto__}}' };
    doc.edges[2] = { ...doc.edges[2]!, condition: 'constructor.constructor()' };
    expect(runBlockedReason(doc)).toContain('(and 1 more in the problems list)');
  });
});

describe('runErrorAfterEdit', () => {
  it('clears a "fix the connector first" refusal once the connector is fixed, and follows it otherwise', () => {
    const broken = sampleConnector();
    broken.steps[1] = { ...broken.steps[1]!, condition: 'constructor.constructor()' };
    const refusal = runBlockedReason(broken);
    expect(runErrorAfterEdit(refusal, sampleConnector())).toBeNull();
    expect(runErrorAfterEdit(refusal, broken)).toBe(refusal);
  });
  it('drops other refusals after an edit and keeps host errors', () => {
    expect(runErrorAfterEdit('Not run: "Details" (details) uses {{search.contactId}}, but …', sampleConnector())).toBeNull();
    expect(runErrorAfterEdit('The host did not answer.', sampleConnector())).toBe('The host did not answer.');
  });
});
