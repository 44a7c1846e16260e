import { describe, expect, it } from 'vitest';
import { ConnectorSchema, type Input } from '#core';
import { createAppStore } from '../store/createAppStore.js';
import { sampleConnector } from '../testing/sampleConnector.js';
import { cassetteInputsText, cassetteLabel } from '../runs/cassetteLabel.js';
import { applyCassetteInputs, planCassetteInputs } from './cassetteInputs.js';

const inputs: Input[] = ConnectorSchema.shape.inputs.parse([
  { name: 'phone', type: 'phone', required: true, label: 'Phone' },
  { name: 'country', type: 'string', default: 'FR' },
  { name: 'vip', type: 'boolean' },
]);

describe('planCassetteInputs', () => {
  it('takes the recorded values of the inputs the connector declares, naming the ones whose shown value changes', () => {
    const plan = planCassetteInputs(inputs, { phone: '+1' }, { phone: '+331', country: 'FR', vip: true, gone: 'x' });
    expect(plan.next).toEqual({ phone: '+331', vip: true });
    // country already shows FR (its default): not a change.
    expect(plan.changed).toEqual(['Phone', 'vip']);
  });

  it('leaves inputs the cassette lacks as they are; nothing changes for a cassette without inputs', () => {
    expect(planCassetteInputs(inputs, { phone: '+1', vip: false }, { phone: '+2' }).next).toEqual({ phone: '+2', vip: false });
    expect(planCassetteInputs(inputs, { phone: '+1' }, undefined)).toEqual({ next: { phone: '+1' }, changed: [] });
  });

  it('with onlyEmpty fills only what shows nothing (not a default, not what the user typed)', () => {
    const plan = planCassetteInputs(inputs, { phone: '' }, { phone: '+331', country: 'DE', vip: true }, true);
    expect(plan.next).toEqual({ phone: '+331', vip: true });
    expect(plan.changed).toEqual(['Phone', 'vip']);
  });
});

describe('applyCassetteInputs', () => {
  const connector = sampleConnector({ inputs });
  const cassette = { name: 'ada', recordedAt: '2026-01-01T00:00:00.000Z', interactions: 2, inputs: { phone: '+331', vip: true } };

  it('sets the run bar from the cassette and offers to undo it, back to what the user had typed', () => {
    const store = createAppStore({ route: { name: 'editor', connectorId: connector.id } });
    store.getState().openDocument(connector);
    store.getState().setRunInput('phone', '+1 typed');
    applyCassetteInputs(store, cassette);
    expect(store.getState().runInputs).toEqual({ phone: '+331', vip: true });
    const notice = store.getState().notices.at(-1)!;
    expect(notice.message).toBe('Inputs set from the cassette "ada" (Phone, vip), as it was recorded with them.');
    notice.action!.run();
    expect(store.getState().runInputs).toEqual({ phone: '+1 typed' });
  });

  it('says nothing when nothing changes, for an older cassette without inputs, or an unreadable one', () => {
    const store = createAppStore({ route: { name: 'editor', connectorId: connector.id } });
    store.getState().openDocument(connector);
    store.getState().setRunInputs({ phone: '+331', vip: true });
    applyCassetteInputs(store, cassette);
    applyCassetteInputs(store, { name: 'old', recordedAt: null, interactions: 1 });
    applyCassetteInputs(store, { name: 'bad', recordedAt: null, interactions: 0, error: 'not JSON', inputs: { phone: '+9' } });
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().runInputs).toEqual({ phone: '+331', vip: true });
  });

  it('fills only blanks, quietly, when asked to', () => {
    const store = createAppStore({ route: { name: 'editor', connectorId: connector.id } });
    store.getState().openDocument(connector);
    store.getState().setRunInput('vip', false);
    applyCassetteInputs(store, cassette, { onlyEmpty: true });
    expect(store.getState().runInputs).toEqual({ phone: '+331', vip: false });
    expect(store.getState().notices).toEqual([]);
  });
});

describe('cassetteLabel', () => {
  const date = () => 'DATE';
  it('names the inputs a cassette was recorded with, cut when long; older cassettes read as before', () => {
    expect(cassetteLabel({ name: 'ada', recordedAt: 'x', interactions: 2, environment: 'sandbox', inputs: { phone: '+331', vip: true, empty: '' } }, date))
      .toBe('ada · inputs: phone +331, vip true · DATE · recorded in sandbox · 2 requests');
    expect(cassetteLabel({ name: 'old', recordedAt: 'x', interactions: 1 }, date)).toBe('old · DATE · 1 request');
    expect(cassetteLabel({ name: 'bad', recordedAt: null, interactions: 0, error: 'x' }, date)).toBe('bad (unreadable)');
    const long = cassetteInputsText({ note: 'n'.repeat(100) });
    expect(long).toHaveLength(48);
    expect(long.endsWith('…')).toBe(true);
  });
});
