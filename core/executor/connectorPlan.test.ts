import { describe, expect, it } from 'vitest';
import { makeConnector } from '../test-helpers/connectors.js';
import { connectorPlan } from './connectorPlan.js';

const step = (id: string) => ({ id, name: id, method: 'GET' as const, url: `https://api.example.test/${id}` });

describe('connectorPlan', () => {
  it('derives order, incoming edges and ancestors, and reuses them for the same connector', () => {
    const connector = makeConnector({ steps: [step('c'), step('a'), step('b')], edges: [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'b', target: 'c' }] });
    const plan = connectorPlan(connector);
    expect(plan.order).toEqual(['a', 'b', 'c']);
    expect(plan.ancestors.get('c')).toEqual(['a', 'b']);
    expect(plan.incoming.get('b')?.map((edge) => edge.id)).toEqual(['e1']);
    expect(connectorPlan(connector)).toBe(plan);
  });

  it('is rebuilt when the connector was changed in place', () => {
    const connector = makeConnector({ steps: [step('a'), step('b')], edges: [] });
    expect(connectorPlan(connector).order).toEqual(['a', 'b']);
    connector.edges.push({ id: 'e1', source: 'b', target: 'a' });
    expect(connectorPlan(connector).order).toEqual(['b', 'a']);
    (connector.edges[0] as { source: string }).source = 'a';
    (connector.edges[0] as { target: string }).target = 'b';
    expect(connectorPlan(connector).order).toEqual(['a', 'b']);
    connector.steps[0]!.id = 'z';
    expect(connectorPlan(connector).steps.has('z')).toBe(true);
  });

  it('keeps the cycle error as the order', () => {
    const connector = makeConnector({ steps: [step('a'), step('b')], edges: [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'b', target: 'a' }] });
    const { order } = connectorPlan(connector);
    expect(Array.isArray(order)).toBe(false);
    expect(order).toMatchObject({ code: 'INVALID_DOCUMENT' });
  });
});
