import { describe, expect, it } from 'vitest';
import { documentToFlow, stepColumns } from './documentToFlow.js';
import { END_NODE_ID, START_NODE_ID } from './flowTypes.js';
import { sampleConnector } from '../testing/sampleConnector.js';

describe('documentToFlow', () => {
  it('makes a start node, one node per step and an end node', () => {
    const { nodes } = documentToFlow(sampleConnector());
    expect(nodes.map((n) => n.id)).toEqual([START_NODE_ID, 'search', 'details', 'verify', 'company', END_NODE_ID]);
    expect(nodes.map((n) => n.type)).toEqual(['start', 'step', 'step', 'step', 'step', 'end']);
  });

  it('turns dependencies into edges and styles conditional ones with their expression', () => {
    const { edges } = documentToFlow(sampleConnector());
    const conditional = edges.find((e) => e.id === 'e3');
    expect(conditional?.className).toBe('edge-conditional');
    expect(conditional?.label).toBe('{{details.companyId}} !== null');
    expect(edges.find((e) => e.id === 'e1')?.className).toBe('edge-plain');
  });

  it('links entry steps to start and leaf steps to end with undeletable drawn-only edges', () => {
    const { edges } = documentToFlow(sampleConnector());
    const virtual = edges.filter((e) => e.data?.virtual);
    expect(virtual.map((e) => e.id).sort()).toEqual(['__start->search', 'company->__end', 'verify->__end']);
    expect(virtual.every((e) => e.deletable === false)).toBe(true);
  });

  it('lays out unplaced steps by dependency depth so parallel branches share a column', () => {
    const columns = stepColumns(sampleConnector());
    expect(columns).toEqual({ search: 0, details: 1, verify: 1, company: 2 });
    const { nodes } = documentToFlow(sampleConnector());
    const details = nodes.find((n) => n.id === 'details');
    const verify = nodes.find((n) => n.id === 'verify');
    expect(details?.position.x).toBe(verify?.position.x);
    expect(details?.position.y).not.toBe(verify?.position.y);
  });

  it('uses saved positions and carries run status and issues', () => {
    const doc = sampleConnector();
    doc.steps[0] = { ...doc.steps[0]!, position: { x: 40, y: 80 } };
    const { nodes } = documentToFlow(doc, {
      live: { search: { status: 'success', attempt: 1, durationMs: 12 } },
      stepIssues: { details: [{ message: 'bad', path: 'steps[1].url', severity: 'error' }] },
    });
    const search = nodes.find((n) => n.id === 'search');
    expect(search?.position).toEqual({ x: 40, y: 80 });
    expect(search?.type === 'step' && search.data.live?.status).toBe('success');
    const details = nodes.find((n) => n.id === 'details');
    expect(details?.type === 'step' && details.data.issues.length).toBe(1);
  });

  it('survives a cycle in an invalid document', () => {
    const doc = sampleConnector();
    doc.edges.push({ id: 'loop', source: 'company', target: 'search' });
    expect(() => documentToFlow(doc)).not.toThrow();
  });
});
