import { describe, expect, it } from 'vitest';
import { ConnectorSchema, type Connector, type ConnectorInput } from '../schema/connector.js';
import {
  ancestorsOf, availableVariables, descendantsOf, entrySteps, findCycle, predecessors, successors, topologicalOrder, variablesForEdge, variablesForMappings,
} from './index.js';

function connector(partial: Partial<ConnectorInput>): Connector {
  return ConnectorSchema.parse({ schemaVersion: 2, id: 'c', name: 'C', steps: [{ id: 's', url: 'https://x' }], ...partial });
}
const step = (id: string, outputs: string[] = []) => ({ id, name: id.toUpperCase(), url: 'https://x.io', outputs: outputs.map((name) => ({ name, path: `$.${name}` })) });
const edge = (source: string, target: string, condition?: string) => ({ id: `${source}->${target}`, source, target, ...(condition ? { condition } : {}) });

// d is listed first but depends on a; b and c fan out from a and join in e.
const diamond = connector({
  inputs: [{ name: 'phone', label: 'Phone' }],
  credentials: [{ name: 'crm', label: 'CRM token' }],
  auth: { type: 'bearer', token: '{{credentials.other}}' },
  steps: [step('d', ['dOut']), step('a', ['aOut']), step('b', ['bOut']), step('c', ['cOut']), step('e', ['eOut'])],
  edges: [edge('a', 'b'), edge('a', 'c'), edge('b', 'e'), edge('c', 'e'), edge('a', 'd')],
});

describe('graph queries', () => {
  it('lists predecessors, successors and entries in step order', () => {
    expect(predecessors(diamond, 'e')).toEqual(['b', 'c']);
    expect(successors(diamond, 'a')).toEqual(['d', 'b', 'c']);
    expect(entrySteps(diamond)).toEqual(['a']);
    expect(ancestorsOf(diamond, 'e')).toEqual(['a', 'b', 'c']);
    expect(ancestorsOf(diamond, 'a')).toEqual([]);
    expect(descendantsOf(diamond, 'b')).toEqual(['e']);
    expect(descendantsOf(diamond, 'a')).toEqual(['d', 'b', 'c', 'e']);
    expect(descendantsOf(diamond, 'e')).toEqual([]);
  });

  it('orders topologically, stable by the order of steps', () => {
    expect(topologicalOrder(diamond)).toEqual(['a', 'd', 'b', 'c', 'e']);
    const independent = connector({ steps: [step('z'), step('y'), step('x')] });
    expect(topologicalOrder(independent)).toEqual(['z', 'y', 'x']);
  });

  it('finds cycles and refuses to order them', () => {
    expect(findCycle(diamond)).toBeNull();
    const cyclic = connector({ steps: [step('a'), step('b'), step('c')], edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'b')] });
    expect(findCycle(cyclic)).toEqual(['b', 'c']);
    expect(() => topologicalOrder(cyclic)).toThrow(/b → c → b/);
    expect(findCycle(connector({ steps: [step('a')], edges: [edge('a', 'a')] }))).toEqual(['a']);
    expect(ancestorsOf(cyclic, 'b')).toEqual(['a', 'c']);
    expect(descendantsOf(cyclic, 'b')).toEqual(['c']);
  });

  it('ignores edges to unknown steps', () => {
    const c = connector({ steps: [step('a'), step('b')], edges: [edge('a', 'ghost'), edge('a', 'b')] });
    expect(successors(c, 'a')).toEqual(['b']);
    expect(topologicalOrder(c)).toEqual(['a', 'b']);
  });
});

describe('variables', () => {
  it('availableVariables: inputs, declared and auth-referenced credentials, ancestor outputs only', () => {
    const refs = availableVariables(diamond, 'e').map((v) => v.ref);
    expect(refs).toEqual(['phone', 'credentials.crm', 'credentials.other', 'a.aOut', 'b.bOut', 'c.cOut']);
    expect(availableVariables(diamond, 'b').map((v) => v.ref)).not.toContain('c.cOut');
    expect(availableVariables(diamond, 'b').map((v) => v.ref)).not.toContain('b.bOut');
    const aOut = availableVariables(diamond, 'b').find((v) => v.ref === 'a.aOut');
    expect(aOut).toEqual({ ref: 'a.aOut', kind: 'step', name: 'a', output: 'aOut', label: 'A → aOut', sourceStepId: 'a' });
    expect(availableVariables(diamond, 'b')[0]).toEqual({ ref: 'phone', kind: 'input', name: 'phone', label: 'Phone' });
  });

  it('variablesForEdge: the source and its ancestors', () => {
    expect(variablesForEdge(diamond, 'b->e').filter((v) => v.kind === 'step').map((v) => v.ref)).toEqual(['a.aOut', 'b.bOut']);
  });

  it('variablesForMappings: every step output', () => {
    expect(variablesForMappings(diamond).map((v) => v.ref)).toEqual(['d.dOut', 'a.aOut', 'b.bOut', 'c.cOut', 'e.eOut']);
  });
});
