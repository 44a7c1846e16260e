import { describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '#core';
import { sampleConnector } from '../testing/sampleConnector.js';
import { pinnedOutputsFor } from './pinnedOutputs.js';

function lastRun(body: string, outputs: Record<string, unknown>): ExecutionRecord {
  return {
    steps: [{ id: 'search', name: 'Search', status: 'success', attempts: [], outputs, response: { status: 200, headers: {}, body, sizeBytes: body.length } }],
  } as unknown as ExecutionRecord;
}

describe('pinned outputs for "Run this step only"', () => {
  it('re-extracts upstream outputs with the current JSONPath', () => {
    const doc = sampleConnector();
    // The last run used a wrong path ($.results[0].id was $.result.id): contactId came out null.
    const result = pinnedOutputsFor(doc, lastRun('{"results":[{"id":"c-42"}]}', { contactId: null }), ['details']);
    expect(result).toEqual({ ok: true, pinned: { search: { contactId: 'c-42' } } });
  });

  it('names the empty upstream output instead of sending an empty path segment', () => {
    const doc = sampleConnector();
    const result = pinnedOutputsFor(doc, lastRun('{"results":[]}', { contactId: null }), ['details']);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('Not run: "Details" (details) uses {{search.contactId}}, but the output contactId of "Search" (search) is empty in the last run ($.results[0].id found nothing in its response). Fix that output\'s path or run the whole connector again.');
  });

  it('asks for a whole run when the upstream step has not run', () => {
    const result = pinnedOutputsFor(sampleConnector(), null, ['details']);
    expect(!result.ok && result.reason).toMatch(/"Search" \(search\) has no successful result in the last run\. Run the whole connector first\.$/);
  });
});
