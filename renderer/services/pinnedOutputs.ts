/**
 * Upstream outputs for "Run this step only": taken from the last run, but re-extracted from
 * its recorded responses with the outputs' current JSONPaths (the user may have just fixed
 * one), and checked so a missing value is reported by name instead of being sent as an empty
 * URL segment.
 */
import { extractPath, listReferences, type Connector, type ExecutionRecord } from '#core';

export type PinnedOutputs =
  | { ok: true; pinned: Record<string, Record<string, unknown>> }
  | { ok: false; reason: string };

function reExtracted(doc: Connector, record: ExecutionRecord['steps'][number]): Record<string, unknown> {
  const step = doc.steps.find((s) => s.id === record.id);
  const body = record.response?.body;
  if (!step || body === undefined || record.response?.bodyTruncated) return record.outputs;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return record.outputs;
  }
  return Object.fromEntries(step.outputs.map((o) => [o.name, extractPath(json, o.path)]));
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

export function pinnedOutputsFor(doc: Connector, last: ExecutionRecord | null, runIds: readonly string[]): PinnedOutputs {
  const pinned: Record<string, Record<string, unknown>> = {};
  for (const step of last?.steps ?? []) {
    if (step.status === 'success' && !runIds.includes(step.id)) pinned[step.id] = reExtracted(doc, step);
  }
  const label = (id: string) => {
    const step = doc.steps.find((s) => s.id === id);
    return step?.name ? `"${step.name}" (${id})` : id;
  };
  for (const id of runIds) {
    const step = doc.steps.find((s) => s.id === id);
    if (!step) continue;
    let references;
    try {
      references = listReferences({ ...step, outputs: [] });
    } catch {
      continue; // A malformed template is the validator's to report.
    }
    for (const ref of references) {
      if (ref.kind !== 'step' || runIds.includes(ref.name) || !ref.output) continue;
      const outputs = pinned[ref.name];
      if (!outputs) {
        return { ok: false, reason: `Not run: ${label(id)} uses ${ref.raw}, but ${label(ref.name)} has no successful result in the last run. Run the whole connector first.` };
      }
      if (isEmpty(outputs[ref.output])) {
        const path = doc.steps.find((s) => s.id === ref.name)?.outputs.find((o) => o.name === ref.output)?.path;
        return {
          ok: false,
          reason: `Not run: ${label(id)} uses ${ref.raw}, but the output ${ref.output} of ${label(ref.name)} is empty in the last run${path ? ` (${path} found nothing in its response)` : ''}. Fix that output's path or run the whole connector again.`,
        };
      }
    }
  }
  return { ok: true, pinned };
}
