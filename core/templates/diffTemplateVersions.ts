/**
 * What changed between two versions of a template, in words a user can read before
 * deciding to update an installed connector: steps, inputs, credentials, mappings and
 * tests are matched by their id or name (so reordering is not a change), and a unified
 * text patch of the stable JSON is included for the full picture.
 */
import { createTwoFilesPatch } from 'diff';
import type { ConnectorInput } from '../schema/connector.js';
import { stableStringify } from './stableStringify.js';

export interface TemplateChange {
  /** `steps[get_contact].url`, `inputs[email]`, `rateLimit.maxRequestsPerMinute`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** One readable line. */
  summary: string;
}

export interface TemplateDiff {
  changes: TemplateChange[];
  /** Unified diff of the two documents as stable JSON (empty when equal). */
  patch: string;
}

/** Lists keyed by identity; everything else is compared field by field. */
const KEYED_LISTS: Record<string, (item: Record<string, unknown>) => string> = {
  steps: (s) => String(s.id),
  edges: (e) => String(e.id ?? `${String(e.source)}->${String(e.target)}`),
  inputs: (i) => String(i.name),
  credentials: (c) => String(c.name),
  outputs: (o) => String(o.name),
  fieldMappings: (m) => `${m.custom ? 'custom:' : ''}${String(m.target)}`,
  tests: (t) => String(t.name),
  query: (r) => String(r.key),
  headers: (r) => String(r.key),
  fields: (r) => String(r.key),
};

/** Not part of what a template author changes: identity, provenance, canvas layout. */
const IGNORED = new Set(['id', 'template', 'position']);

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(before: unknown, after: unknown, path: string, field: string, out: TemplateChange[]): void {
  if (stableStringify(before, 0) === stableStringify(after, 0)) return;
  const keyOf = KEYED_LISTS[field];
  if (keyOf && Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(isObject)) {
    const left = new Map(before.map((item) => [keyOf(item as Record<string, unknown>), item]));
    const right = new Map(after.map((item) => [keyOf(item as Record<string, unknown>), item]));
    for (const [key, item] of left) {
      if (!right.has(key)) out.push({ path: `${path}[${key}]`, kind: 'removed', before: item, summary: `Removed ${singular(field)} "${key}".` });
    }
    for (const [key, item] of right) {
      const at = `${path}[${key}]`;
      if (!left.has(key)) out.push({ path: at, kind: 'added', after: item, summary: `Added ${singular(field)} "${key}".` });
      else walk(left.get(key), item, at, '', out);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (IGNORED.has(key)) continue;
      const at = path ? `${path}.${key}` : key;
      if (!(key in before)) out.push({ path: at, kind: 'added', after: after[key], summary: `${at}: set to ${preview(after[key])}.` });
      else if (!(key in after)) out.push({ path: at, kind: 'removed', before: before[key], summary: `${at}: removed (was ${preview(before[key])}).` });
      else walk(before[key], after[key], at, key, out);
    }
    return;
  }
  out.push({ path: path || '$', kind: 'changed', before, after, summary: `${path || 'document'}: ${preview(before)} → ${preview(after)}.` });
}

function singular(field: string): string {
  const words: Record<string, string> = { steps: 'step', edges: 'edge', inputs: 'input', credentials: 'credential', outputs: 'output', fieldMappings: 'field mapping', tests: 'test', query: 'query parameter', headers: 'header', fields: 'form field' };
  return words[field] ?? 'item';
}

export function diffTemplateVersions(oldDoc: ConnectorInput, newDoc: ConnectorInput, labels: { old?: string; new?: string } = {}): TemplateDiff {
  const changes: TemplateChange[] = [];
  walk(oldDoc, newDoc, '', '', changes);
  const strip = (doc: ConnectorInput) => {
    const { id: _id, template: _template, ...rest } = doc as Record<string, unknown>;
    return stableStringify(rest);
  };
  const left = strip(oldDoc);
  const right = strip(newDoc);
  const patch = left === right ? '' : createTwoFilesPatch(labels.old ?? 'installed', labels.new ?? 'latest', `${left}\n`, `${right}\n`, '', '', { context: 3 });
  return { changes, patch };
}
