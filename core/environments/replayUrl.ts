/**
 * The URL a cassette matches a request on when the step uses environment variables: the
 * step's URL template and query rows resolved as for the real request, except that every
 * `{{env.x}}` stays its own placeholder. A request recorded against `sandbox` therefore has
 * the same match URL under `production`, whatever their base URLs, while any other change
 * (an input, an upstream output, the path) still tells recordings apart.
 *
 * The match URL is compared only with match URLs made here, so an API key sent in the query
 * is appended in one fixed way rather than the way the real request serialises it.
 *
 * HTTP-only on purpose: it is part of the HTTP kind's request loop (core/executor/runStep.ts), and
 * rebuilds that request's URL from its URL template and query rows. Other kinds never reach it.
 */
import type { Auth } from '../schema/connector.js';
import type { HttpStep } from '../steps/kinds/http/schema.js';
import { encodeComponent, interpolateToString } from '../template/interpolate.js';
import { interpolateUrl } from '../template/interpolateUrl.js';
import { listReferences } from '../template/listReferences.js';
import type { Scope } from '../template/scope.js';
import { envPlaceholder } from './envPlaceholder.js';

const envNames = (value: unknown) => listReferences(value).flatMap((ref) => (ref.kind === 'env' ? [ref.name] : []));

/** Undefined when neither the URL, its query rows nor a query API key refer to the environment (the URL itself is matched then). */
export function replayUrlFor(step: HttpStep, auth: Auth, scope: Scope): string | undefined {
  const queryKey = auth.type === 'api_key' && auth.in === 'query' ? auth : undefined;
  // Every step of every run comes here: most URLs name no `env.` at all, which a substring test tells.
  if (!step.url.includes('env') && !step.query.some((row) => row.key.includes('env') || row.value.includes('env')) && !queryKey?.value.includes('env')) return undefined;
  const names = envNames([step.url, step.query, queryKey?.value]);
  if (names.length === 0) return undefined;
  const neutral: Scope = { ...scope, env: Object.fromEntries(names.map((name) => [name, envPlaceholder(name)])) };
  const url = interpolateUrl(step.url, step.query, neutral);
  if (!queryKey) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${encodeComponent(queryKey.name)}=${encodeComponent(interpolateToString(queryKey.value, neutral))}`;
}
