import { describe, expect, it } from 'vitest';
import { curlImportPlan } from './curlImportPlan.js';

const TOKEN = 'sk_live_9f8e7d6c5b4a39281726354453627189';

describe('curlImportPlan', () => {
  it('finds the bearer token and refers to it by the chosen credential name only', () => {
    const plan = curlImportPlan(`curl https://api.example.com/v1/people -H 'Authorization: Bearer ${TOKEN}'`, { api_token: 'crm_token' });
    expect(plan.secrets).toEqual([{ defaultName: 'api_token', name: 'crm_token', label: 'Bearer token', value: TOKEN }]);
    expect(plan.doc.steps[0]?.auth).toEqual({ type: 'bearer', token: '{{credentials.crm_token}}' });
    expect(plan.doc.credentials.map((c) => c.name)).toEqual(['crm_token']);
    expect(JSON.stringify(plan.doc)).not.toContain(TOKEN);
    expect(plan.nameProblem).toBeNull();
  });

  it('finds Basic auth user and password; no secret, nothing to store', () => {
    const basic = curlImportPlan('curl -u ada:s3cret https://api.example.com/me');
    expect(basic.secrets.map((s) => [s.name, s.value])).toEqual([['api_username', 'ada'], ['api_password', 's3cret']]);
    expect(JSON.stringify(basic.doc)).not.toContain('s3cret');
    expect(curlImportPlan('curl https://api.example.com/me').secrets).toEqual([]);
  });

  it('says when a chosen name is not usable', () => {
    expect(curlImportPlan(`curl https://a.example.com -H 'Authorization: Bearer x1'`, { api_token: 'my token' }).nameProblem).toMatch(/not a usable credential name/);
    expect(curlImportPlan('curl -u a:b https://a.example.com', { api_password: 'api_username' }).nameProblem).toMatch(/Two secrets/);
  });
});
