import { describe, expect, it } from 'vitest';
import { sampleConnector } from '../testing/sampleConnector.js';
import { runBlockedReason } from './runActions.js';

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
