import { describe, expect, it } from 'vitest';
import { interpolateUrl, type Scope } from './index.js';

const scope: Scope = { inputs: { phone: '+1 555', q: 'a&b=c', empty: null }, credentials: { key: 'k#1' }, steps: {} };

describe('interpolateUrl', () => {
  it('appends enabled rows with encoded keys and values, empty values as key=', () => {
    const url = interpolateUrl('https://x.io/search', [
      { key: 'phone', value: '{{phone}}' },
      { key: 'q x', value: '{{q}}', enabled: true },
      { key: 'blank', value: '' },
      { key: 'nullish', value: '{{empty}}' },
      { key: 'off', value: 'no', enabled: false },
      { key: '', value: 'no key' },
      { key: 'api_key', value: '{{credentials.key}}' },
    ], scope);
    expect(url).toBe('https://x.io/search?phone=%2B1%20555&q%20x=a%26b%3Dc&blank=&nullish=&api_key=k%231');
    const parsed = new URL(url);
    expect(parsed.searchParams.get('phone')).toBe('+1 555');
    expect(parsed.searchParams.get('q x')).toBe('a&b=c');
    expect(parsed.searchParams.get('blank')).toBe('');
    expect(parsed.searchParams.has('off')).toBe(false);
  });

  it('joins an existing query and keeps the fragment last', () => {
    expect(interpolateUrl('https://x.io/a?x=1#frag', [{ key: 'p', value: '{{phone}}' }], scope)).toBe('https://x.io/a?x=1&p=%2B1%20555#frag');
    expect(interpolateUrl('https://x.io/a?', [{ key: 'p', value: '1' }], scope)).toBe('https://x.io/a?p=1');
    expect(interpolateUrl('https://x.io/{{phone}}', [], scope)).toBe('https://x.io/%2B1%20555');
  });
});
