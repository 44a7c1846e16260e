import { describe, expect, it } from 'vitest';
import { ConnectorSchema } from '../schema/connector.js';
import { credentialIssues } from './credentialRules.js';

const connector = (overrides: Record<string, unknown> = {}) => ConnectorSchema.parse({
  schemaVersion: 2, id: 'c', name: 'C',
  auth: { type: 'bearer', token: '{{credentials.crm_token}}' },
  steps: [
    { id: 'step_1', name: 'Search', url: 'https://api.example.com/s' },
    { id: 'step_2', name: 'Verify email', url: 'https://v.example.com/check', headers: [{ key: 'X-Key', value: '{{credentials.verify_key}}' }], auth: { type: 'none' } },
  ],
  edges: [{ id: 'e1', source: 'step_1', target: 'step_2' }],
  ...overrides,
});

describe('credentialIssues', () => {
  it('reports each credential without a stored value once, where it is first used, in step names', () => {
    const issues = credentialIssues(connector(), () => false);
    expect(issues.map((i) => [i.credential, i.path, i.severity])).toEqual([['crm_token', 'auth.token', 'error'], ['verify_key', 'steps[1].headers[0].value', 'error']]);
    expect(issues[1]?.message).toBe('Verify email (step_2): Header "X-Key" uses the credential "verify_key", which has no stored value.');
    expect(issues[1]?.stepId).toBe('step_2');
    expect(issues[0]?.message).toBe('Auth: Token uses the credential "crm_token", which has no stored value.');
  });

  it('is quiet when every credential has a value', () => {
    expect(credentialIssues(connector(), () => true)).toEqual([]);
  });

  it('reports bearer auth that names no credential, on the connector or a step', () => {
    const issues = credentialIssues(connector({ auth: { type: 'bearer', token: '' } }), () => true);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'auth.token', authField: 'auth.token' });
    expect(issues[0]?.message).toMatch(/names no credential\.$/);
    const onStep = credentialIssues(connector({ steps: [{ id: 'step_1', name: 'Search', url: 'https://a.example.com', auth: { type: 'bearer', token: ' ' } }] }), () => true);
    expect(onStep.map((i) => [i.path, i.stepId])).toEqual([['steps[0].auth.token', 'step_1']]);
  });

  it('ignores the connector auth when every step overrides it', () => {
    const doc = connector({ steps: [{ id: 'step_1', name: 'Search', url: 'https://a.example.com', auth: { type: 'none' } }] });
    expect(credentialIssues(doc, () => false)).toEqual([]);
  });
});
