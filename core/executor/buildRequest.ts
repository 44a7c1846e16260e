/**
 * Builds a step's HTTP request from its templates: method, URL with query rows, headers
 * and body (JSON, form or raw). Auth is applied separately, per attempt (an OAuth token
 * may be refreshed between attempts).
 */
import type { Step } from '../schema/connector.js';
import { interpolate, interpolateToString } from '../template/interpolate.js';
import { interpolateUrl } from '../template/interpolateUrl.js';
import { listReferences } from '../template/listReferences.js';
import type { Scope } from '../template/scope.js';

export interface PreparedRequest {
  method: string;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Headers whose template uses a `{{credentials.*}}` reference (lower-case names). */
  credentialHeaders: string[];
  body?: string | undefined;
  warnings: string[];
}

const NO_BODY_METHODS = new Set(['GET', 'HEAD']);

export function buildRequest(step: Step, scope: Scope): PreparedRequest {
  const warnings: string[] = [];
  const url = interpolateUrl(step.url, step.query, scope);
  const headers: Record<string, string> = {};
  const credentialHeaders: string[] = [];
  for (const row of step.headers) {
    if (row.enabled === false || row.key.trim() === '') continue;
    const name = row.key.trim().toLowerCase();
    headers[name] = interpolateToString(row.value, scope);
    if (listReferences(row.value).some((ref) => ref.kind === 'credential')) credentialHeaders.push(name);
  }
  let body: string | undefined;
  let contentType: string | undefined;
  switch (step.body.type) {
    case 'none':
      break;
    case 'json':
      body = JSON.stringify(interpolate(step.body.value, scope, { mode: 'text' }) ?? null);
      contentType = 'application/json';
      break;
    case 'form': {
      const form = new URLSearchParams();
      for (const field of step.body.fields) {
        if (field.enabled === false || field.key === '') continue;
        form.append(interpolateToString(field.key, scope), interpolateToString(field.value, scope));
      }
      body = form.toString();
      contentType = 'application/x-www-form-urlencoded';
      break;
    }
    case 'raw':
      body = interpolateToString(step.body.text, scope);
      contentType = step.body.contentType;
      break;
  }
  if (body !== undefined && NO_BODY_METHODS.has(step.method)) {
    warnings.push(`The ${step.body.type} body was not sent: ${step.method} requests cannot carry a body.`);
    body = undefined;
    contentType = undefined;
  }
  if (contentType && headers['content-type'] === undefined) headers['content-type'] = contentType;
  return { method: step.method, url, headers, credentialHeaders, body, warnings };
}
