import { describe, expect, it } from 'vitest';
import { CONNECTOR_LIMITS } from '#core';
import { addStep, connectSteps, copySteps, duplicateSteps, moveSteps, pasteSteps, reconnectEdge, removeElements, renameStepId } from './graphEdits.js';
import { sampleConnector } from '../testing/sampleConnector.js';

describe('graph edits', () => {
  it('adds a step linked after another, snapped to the grid', () => {
    const result = addStep(sampleConnector(), { after: 'verify', position: { x: 101, y: 49 } });
    if (!result.ok) throw new Error(result.reason);
    const id = result.ids?.[0];
    expect(id).toBe('step_5');
    expect(result.doc.steps.at(-1)?.position).toEqual({ x: 100, y: 40 });
    expect(result.doc.edges.at(-1)).toMatchObject({ source: 'verify', target: id });
  });

  it('refuses a step beyond the limit and explains the advanced option', () => {
    let doc = sampleConnector();
    const first = addStep(doc);
    if (!first.ok) throw new Error(first.reason);
    doc = first.doc;
    expect(doc.steps.length).toBe(CONNECTOR_LIMITS.MAX_STEPS);
    const refused = addStep(doc);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/at most 5 steps/);
    expect(addStep({ ...doc, advanced: true }).ok).toBe(true);
  });

  it('refuses a link that closes a loop, and self links', () => {
    const doc = sampleConnector();
    const loop = connectSteps(doc, 'company', 'search');
    expect(loop.ok).toBe(false);
    expect(!loop.ok && loop.reason).toMatch(/loop/);
    expect(connectSteps(doc, 'verify', 'verify').ok).toBe(false);
    const fine = connectSteps(doc, 'verify', 'company');
    expect(fine.ok && fine.doc.edges.length).toBe(4);
  });

  it('reconnects an edge keeping its id and condition', () => {
    const result = reconnectEdge(sampleConnector(), 'e3', 'verify', 'company');
    if (!result.ok) throw new Error(result.reason);
    expect(result.doc.edges.find((e) => e.id === 'e3')).toMatchObject({ source: 'verify', target: 'company', condition: '{{details.companyId}} !== null' });
  });

  it('removes steps with their links and mappings, but never the last step', () => {
    const result = removeElements(sampleConnector(), ['company'], []);
    if (!result.ok) throw new Error(result.reason);
    expect(result.doc.steps.map((s) => s.id)).toEqual(['search', 'details', 'verify']);
    expect(result.doc.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(result.doc.fieldMappings).toEqual([]);
    const doc = sampleConnector();
    expect(removeElements(doc, doc.steps.map((s) => s.id), []).ok).toBe(false);
  });

  it('pastes copies with fresh ids and the links among them', () => {
    const doc = removeElements(sampleConnector(), ['verify', 'company'], []);
    if (!doc.ok) throw new Error(doc.reason);
    const result = pasteSteps(doc.doc, copySteps(doc.doc, ['search', 'details']));
    if (!result.ok) throw new Error(result.reason);
    expect(result.ids).toEqual(['search_copy', 'details_copy']);
    expect(result.doc.edges.at(-1)).toMatchObject({ source: 'search_copy', target: 'details_copy' });
    expect(duplicateSteps(sampleConnector(), ['search', 'details']).ok).toBe(false);
  });

  it('moves steps and reports no change when positions are equal', () => {
    const doc = sampleConnector();
    const moved = moveSteps(doc, { search: { x: 1, y: 2 } });
    expect(moved.steps[0]?.position).toEqual({ x: 1, y: 2 });
    expect(moveSteps(moved, { search: { x: 1, y: 2 } })).toBe(moved);
  });

  it('renames a step id everywhere it is referenced', () => {
    const result = renameStepId(sampleConnector(), 'details', 'contact');
    if (!result.ok) throw new Error(result.reason);
    expect(result.doc.steps.find((s) => s.id === 'company')?.url).toBe('https://api.example.com/companies/{{contact.companyId}}');
    expect(result.doc.edges.find((e) => e.id === 'e3')).toMatchObject({ source: 'contact', condition: '{{contact.companyId}} !== null' });
    expect(renameStepId(sampleConnector(), 'details', 'search').ok).toBe(false);
  });
});
