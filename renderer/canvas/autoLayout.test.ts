import { describe, expect, it } from 'vitest';
import { sampleConnector } from '../testing/sampleConnector.js';
import { autoLayout, conditionLabelSize } from './autoLayout.js';

describe('autoLayout', () => {
  it('puts the steps of a chain left to right, with room between two steps for the label of their link', async () => {
    const doc = sampleConnector();
    const plain = { ...doc, edges: doc.edges.map((e) => ({ ...e, condition: undefined })) };
    const withLabel = { ...doc, edges: doc.edges.map((e, i) => (i === 0 ? { ...e, condition: '{{search.contactId}} !== null && {{search.contactId}} !== "x"' } : { ...e, condition: undefined })) };
    const [first] = doc.edges;
    const gap = (positions: Record<string, { x: number }>) => positions[first!.target]!.x - positions[first!.source]!.x;
    const before = await autoLayout(plain);
    const after = await autoLayout(withLabel);
    expect(gap(before)).toBeGreaterThan(0);
    expect(gap(after) - gap(before)).toBeGreaterThanOrEqual(conditionLabelSize(withLabel.edges[0]!.condition!).width);
  });

  it('sizes a label as the canvas draws it: one line up to 260 px, then wrapped', () => {
    expect(conditionLabelSize('{{a.id}} !== null')).toEqual({ width: 144, height: 19 });
    const long = conditionLabelSize('x'.repeat(100));
    expect(long.width).toBe(260);
    expect(long.height).toBe(3 * 15 + 4);
  });
});
