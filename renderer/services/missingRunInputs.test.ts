import { describe, expect, it } from 'vitest';
import type { Connector } from '#core';
import { isMissingRunInputsReason, missingRunInputs, missingRunInputsReason } from './missingRunInputs.js';

const inputs: Connector['inputs'] = [
  { name: 'phone', label: 'Phone', type: 'phone', required: true },
  { name: 'email', type: 'email', required: true },
  { name: 'region', type: 'string', required: true, default: 'eu' },
  { name: 'vip', type: 'boolean', required: true },
  { name: 'note', type: 'string', required: false },
] as Connector['inputs'];

describe('missingRunInputs', () => {
  it('names the empty required inputs by their label, a default or false counting as filled', () => {
    expect(missingRunInputs(inputs, { vip: false }).map((i) => i.name)).toEqual(['phone', 'email']);
    expect(missingRunInputsReason(inputs, { vip: false, email: '' })).toBe('Not run: fill in Phone and email first.');
    expect(missingRunInputsReason(inputs, { phone: '+1555', email: 'a@b.co' })).toBe('Not run: fill in vip first.');
  });

  it('lets the run go once every required input has a value', () => {
    expect(missingRunInputsReason(inputs, { phone: '+1555', email: 'a@b.co', vip: true, region: '' })).toBeNull();
  });

  it('recognises its own refusal and no other', () => {
    expect(isMissingRunInputsReason(missingRunInputsReason(inputs, {}))).toBe(true);
    expect(isMissingRunInputsReason('Not run: fix the connector first. …')).toBe(false);
    expect(isMissingRunInputsReason(null)).toBe(false);
  });
});
