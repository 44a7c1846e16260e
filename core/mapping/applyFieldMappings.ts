/**
 * Turns step outputs into a contact patch. A null or missing output, or one that can't be
 * coerced, never overwrites; `if_empty` keeps a non-empty value the contact already has.
 * Custom fields share the flat namespace (validation keeps names distinct).
 */
import type { Connector } from '../schema/connector.js';
import { coerceValue } from './coerce.js';

export type StepOutputs = Record<string, Record<string, unknown>>;

export interface MappingSkip {
  source: string;
  target: string;
  reason: string;
}

export interface MappingResult {
  patch: Record<string, unknown>;
  /** Mappings that set nothing, and why (for the run view's "why is this field empty?"). */
  skipped: MappingSkip[];
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

export function mapFields(connector: Pick<Connector, 'fieldMappings'>, stepOutputs: StepOutputs, contactBefore: Record<string, unknown> = {}): MappingResult {
  // Prototype-less: contact field names, custom ones included, are keys.
  const patch: Record<string, unknown> = Object.create(null);
  const skipped: MappingSkip[] = [];
  for (const mapping of connector.fieldMappings) {
    const [stepId = '', output = ''] = mapping.source.split('.');
    const outputs = Object.hasOwn(stepOutputs, stepId) ? stepOutputs[stepId] : undefined;
    const raw = outputs && Object.hasOwn(outputs, output) ? outputs[output] : undefined;
    const skip = (reason: string) => skipped.push({ source: mapping.source, target: mapping.target, reason });
    if (raw === undefined || raw === null) {
      skip(`${mapping.source} is null`);
      continue;
    }
    const value = coerceValue(raw, mapping.coerce);
    if (value === undefined) {
      skip(`${JSON.stringify(raw)} can't be read as a ${mapping.coerce}`);
      continue;
    }
    if (mapping.merge === 'if_empty' && !isEmpty(contactBefore[mapping.target])) {
      skip(`the contact already has ${mapping.target} (merge: only if empty)`);
      continue;
    }
    patch[mapping.target] = value;
  }
  return { patch, skipped };
}

export function applyFieldMappings(connector: Pick<Connector, 'fieldMappings'>, stepOutputs: StepOutputs, contactBefore?: Record<string, unknown>): Record<string, unknown> {
  return mapFields(connector, stepOutputs, contactBefore).patch;
}
