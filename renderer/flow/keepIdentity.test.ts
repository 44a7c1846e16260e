import { describe, expect, it } from 'vitest';
import { documentToFlow } from './documentToFlow.js';
import { keepIdentity, mergeNodes } from './keepIdentity.js';
import { blankConnector } from '../services/newConnector.js';
import { addStep, updateStep } from './graphEdits.js';
import type { Connector } from '#core';

function twoSteps(): Connector {
  const first = addStep(blankConnector('Two'), { position: { x: 300, y: 0 } });
  if (!first.ok) throw new Error(first.reason);
  const second = addStep(first.doc, { position: { x: 600, y: 0 } });
  if (!second.ok) throw new Error(second.reason);
  return second.doc;
}

describe('keepIdentity', () => {
  it('keeps the objects of nodes and edges an edit left alone, and replaces the edited one', () => {
    const doc = twoSteps();
    const before = documentToFlow(doc);
    const [a, b] = doc.steps;
    const edited = updateStep(doc, b!.id, { url: 'https://api.example.com/other' });
    const after = documentToFlow(edited);
    const nodes = keepIdentity(before.nodes, after.nodes);
    expect(nodes.find((n) => n.id === a!.id)).toBe(before.nodes.find((n) => n.id === a!.id));
    expect(nodes.find((n) => n.id === b!.id)).not.toBe(before.nodes.find((n) => n.id === b!.id));
    expect(nodes.find((n) => n.id === b!.id)?.data).toMatchObject({ step: { url: 'https://api.example.com/other' } });
    expect(keepIdentity(before.edges, after.edges)).toBe(before.edges);
  });

  it('keeps every node through a rename: the name is not in node data (the label reads it from the document)', () => {
    const doc = twoSteps();
    const before = documentToFlow(doc);
    const renamed = documentToFlow(updateStep(doc, doc.steps[1]!.id, { name: 'Renamed' }));
    expect(renamed.nodes.every((n) => n.type !== 'step' || !('name' in n.data.step))).toBe(true);
    expect(keepIdentity(before.nodes, renamed.nodes)).toBe(before.nodes);
    expect(keepIdentity(before.edges, renamed.edges)).toBe(before.edges);
  });

  it('compares issue lists by content, so a fresh but equal list keeps the node', () => {
    const doc = twoSteps();
    const id = doc.steps[0]!.id;
    const issues = () => ({ [id]: [{ message: 'URL is required', path: 'steps[0].url', severity: 'error' as const }] });
    const before = documentToFlow(doc, { stepIssues: issues() });
    expect(keepIdentity(before.nodes, documentToFlow(doc, { stepIssues: issues() }).nodes)).toBe(before.nodes);
    const changed = keepIdentity(before.nodes, documentToFlow(doc, { stepIssues: {} }).nodes);
    expect(changed.find((n) => n.id === id)).not.toBe(before.nodes.find((n) => n.id === id));
  });
});

describe('mergeNodes', () => {
  it('keeps what React Flow measured: the shown object for untouched nodes, the size for changed ones', () => {
    const doc = twoSteps();
    const previous = documentToFlow(doc).nodes;
    const shown = previous.map((n) => ({ ...n, measured: { width: 200, height: 80 } }));
    const editedId = doc.steps[1]!.id;
    const next = keepIdentity(previous, documentToFlow(updateStep(doc, editedId, { url: 'https://api.example.com/other' })).nodes);
    const merged = mergeNodes(shown, previous, next);
    expect(merged.find((n) => n.id === doc.steps[0]!.id)).toBe(shown.find((n) => n.id === doc.steps[0]!.id));
    const edited = merged.find((n) => n.id === editedId)!;
    expect(edited.measured).toEqual({ width: 200, height: 80 });
    expect(edited.data).toMatchObject({ step: { url: 'https://api.example.com/other' } });
  });

  it('takes the document version when the selection or position differs from what is shown', () => {
    const doc = twoSteps();
    const previous = documentToFlow(doc).nodes;
    const id = doc.steps[0]!.id;
    const shown = previous.map((n) => (n.id === id ? { ...n, position: { x: 999, y: 999 } } : n));
    const merged = mergeNodes(shown, previous, previous);
    expect(merged.find((n) => n.id === id)?.position).toEqual(previous.find((n) => n.id === id)?.position);
  });
});
