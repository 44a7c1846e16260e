import { authKindOf } from '../auth/kinds/registry.js';
import { ConnectorError } from '../errors/ConnectorError.js';
import { findCycle, predecessors } from '../graph/index.js';
import { isSystemContactField, type Connector, type Edge, type KeyValue, type Step } from '../schema/connector.js';
import { CONNECTOR_LIMITS } from '../schema/limits.js';
import { credentialsToWorkspace } from './credentialSpelling.js';
import { SINGLE_STEP_ID } from './importInterchange.js';
import { mapEnvironmentForExport, type ExportEnvironment } from './environmentExport.js';
import { stepLabel } from '../validation/location.js';
import { stepKindOf, type StepKindRegistry } from '../steps/registry.js';
import type { InterchangeParallel, InterchangeStep } from './schema.js';

type Json = Record<string, unknown>;

const unsupported = (message: string, hint: string) => new ConnectorError('UNSUPPORTED_EXPORT', message, { hint });
/** Steps named as the editor shows them ("Verify email (step_3)"), for messages that say what to change there. */
const labelOf = (c: Connector, id: string) => stepLabel(c.steps.find((s) => s.id === id), id);
const labels = (c: Connector, ids: readonly string[]) => ids.map((id) => labelOf(c, id)).join(', ');

/**
 * Writes a connector in the interchange format, or throws ConnectorError('UNSUPPORTED_EXPORT')
 * with a hint when the SaaS could not run it the same way. Expressible graphs are layered:
 * every step of layer k+1 depends on exactly every step of layer k (one step, or a parallel group
 * of at most 3), which is what the format's series list of entries means.
 *
 * - `single-step` when there is one step with no condition (its id becomes `step_1`, and field
 *   mappings from it are renamed to match); otherwise `multi-step`.
 * - Edge conditions are folded into the target's step condition when all of that step's incoming
 *   edges carry the same condition (`(edge) && (step)`); different conditions are unsupported.
 * - `{{credentials.x}}` is written `{{workspace.x}}`. Disabled query/header rows are not written.
 * - Not expressible: form bodies, a JSON body that is a string (it would read back as raw text),
 *   auth kinds and step kinds whose registry entry says the SaaS format cannot carry them
 *   (OAuth 2.0). The format has no step kind: every step it holds is an HTTP request, so `kind`
 *   is not written, and import gives `kind: 'http'`.
 * - Not written (app-only, no effect on what the SaaS runs): positions, mocks, stored tests,
 *   `logResponseData`, credential slot labels, the template origin, the `enabled` flag.
 * - `{{env.x}}`: mapped from `options.environment`, or refused (see environmentExport.ts).
 */
export function exportInterchange(connector: Connector, options: { environment?: ExportEnvironment | undefined; stepKinds?: StepKindRegistry | undefined } = {}): Json {
  for (const step of connector.steps) {
    const mapping = stepKindOf(step, options.stepKinds).interchange;
    if (mapping.export === 'unsupported') throw unsupported(`${labelOf(connector, step.id)} is a ${stepKindOf(step, options.stepKinds).label} step: ${mapping.reason}.`, mapping.hint);
  }
  const c = mapEnvironmentForExport(connector, options.environment, options.stepKinds);
  const cycle = findCycle(c);
  if (cycle) throw unsupported(`The steps form a cycle (${cycle.map((id) => labelOf(c, id)).join(' → ')}).`, 'In the editor, click one of the links of the cycle and press Delete.');
  checkAuth(c.auth, 'the connector');
  const folded = foldEdgeConditions(c);
  const only = c.steps[0];
  const single = c.steps.length === 1 && only !== undefined && folded.get(only.id) === undefined;

  const doc: Json = {
    name: c.name,
    description: c.description,
    icon: c.icon,
    category: c.category,
    type: single ? 'single-step' : 'multi-step',
    input_schema: Object.fromEntries(c.inputs.map((input) => [input.name, inputSpec(input)])),
    config: {},
    field_mappings: c.fieldMappings.map((m) => ({
      // A single-step document has no step ids: its step is always step_1.
      source: single && only && m.source.startsWith(`${only.id}.`) ? `${SINGLE_STEP_ID}${m.source.slice(only.id.length)}` : m.source,
      target: m.target,
      // The name decides (system field or custom); the flag only when the name would mislead.
      ...(m.custom === isSystemContactField(m.target) ? { custom: m.custom } : {}),
      ...(m.coerce !== 'none' ? { coerce: m.coerce } : {}),
      ...(m.merge !== 'overwrite' ? { merge: m.merge } : {}),
    })),
    timeout_ms: c.settings.timeoutMs,
    max_retries: c.settings.maxRetries,
    continue_on_error: c.settings.continueOnError,
  };
  const config: Json = {};
  if (single && only) {
    const request = stepEntry(only, undefined);
    const { id: _id, name: _name, auth, timeout_ms, max_retries, idempotent, ...fields } = request;
    if (idempotent !== undefined) throw unsupported(`${labelOf(c, only.id)} is marked idempotent, which a single-step connector cannot say in the interchange format.`, `In the editor, clear ${labelOf(c, only.id)} › Advanced › Idempotent, or add a second step.`);
    config.auth = auth ?? c.auth;
    Object.assign(config, fields);
    if (timeout_ms !== undefined) doc.timeout_ms = timeout_ms;
    if (max_retries !== undefined) doc.max_retries = max_retries;
  } else {
    config.auth = c.auth;
    let groups = 0;
    config.steps = layers(c).map((layer) => {
      const entries = layer.map((step) => stepEntry(step, folded.get(step.id)));
      if (entries.length === 1) return entries[0]!;
      return { id: `parallel_group_${++groups}`, type: 'parallel', steps: entries } satisfies InterchangeParallel;
    });
  }
  if (c.rateLimit.enabled || c.rateLimit.maxRequestsPerMinute !== undefined || c.rateLimit.maxRequestsPerHour !== undefined || c.rateLimit.serviceKey !== undefined) {
    config.rateLimiting = { ...c.rateLimit };
  }
  doc.config = config;
  return credentialsToWorkspace(doc);
}

/** Groups steps into consecutive layers and checks that every layer fully depends on the one before. */
function layers(c: Connector): Step[][] {
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const d = Math.max(-1, ...predecessors(c, id).map(depthOf)) + 1;
    depth.set(id, d);
    return d;
  };
  const result: Step[][] = [];
  for (const step of c.steps) (result[depthOf(step.id)] ??= []).push(step);
  result.forEach((layer, k) => {
    if (layer.length > CONNECTOR_LIMITS.MAX_PARALLEL_STEPS) {
      const [first, second] = layer;
      throw unsupported(
        `${layer.length} steps (${labels(c, layer.map((s) => s.id))}) would run as one parallel group; the format allows ${CONNECTOR_LIMITS.MAX_PARALLEL_STEPS}.`,
        `In the editor, chain some of them: drag from ${labelOf(c, first!.id)}'s right handle onto ${labelOf(c, second!.id)} so one runs after the other, or export in the app format.`,
      );
    }
    if (k === 0) return;
    const previous = result[k - 1]!.map((s) => s.id);
    for (const step of layer) {
      const before = predecessors(c, step.id);
      if ([...before].sort().join(',') === [...previous].sort().join(',')) continue;
      const toLink = previous.filter((id) => !before.includes(id));
      const toUnlink = before.filter((id) => !previous.includes(id));
      const what = [
        toLink.length > 0 ? `link ${labels(c, toLink)} to ${labelOf(c, step.id)} too (drag from ${toLink.length === 1 ? 'its' : 'each one\'s'} right handle onto it)` : '',
        toUnlink.length > 0 ? `remove the link${toUnlink.length === 1 ? '' : 's'} from ${labels(c, toUnlink)} to ${labelOf(c, step.id)} (click it and press Delete)` : '',
      ].filter(Boolean).join(' and ');
      throw unsupported(
        `${labelOf(c, step.id)} runs after ${labels(c, before)} only, but the interchange format can only say "after every step of the previous group" (${labels(c, previous)}).`,
        `In the editor, ${what}, or export in the app format.`,
      );
    }
  });
  return result;
}

/** The condition each step gets from its incoming edges, when they agree. */
function foldEdgeConditions(c: Connector): Map<string, string> {
  const byTarget = new Map<string, Edge[]>();
  for (const edge of c.edges) byTarget.set(edge.target, [...(byTarget.get(edge.target) ?? []), edge]);
  const folded = new Map<string, string>();
  for (const step of c.steps) {
    const incoming = byTarget.get(step.id) ?? [];
    const conditions = new Set(incoming.map((e) => e.condition?.trim() || ''));
    if (conditions.size > 1) {
      const label = labelOf(c, step.id);
      throw unsupported(`The links into ${label} carry different conditions.`, `In the editor, give every link into ${label} the same condition (click a link to edit it), or clear them and set the condition on ${label} itself (Run only if).`);
    }
    const edgeCondition = [...conditions][0];
    const parts = [edgeCondition, step.condition?.trim()].filter((p): p is string => !!p);
    if (parts.length === 1) folded.set(step.id, parts[0]!);
    if (parts.length === 2) folded.set(step.id, `(${parts[0]}) && (${parts[1]})`);
  }
  return folded;
}

function stepEntry(step: Step, condition: string | undefined): InterchangeStep & { id: string } {
  const label = stepLabel(step);
  if (step.auth) checkAuth(step.auth, label);
  const entry: Json = { id: step.id };
  if (step.name) entry.name = step.name;
  entry.method = step.method;
  entry.url = step.url;
  const query = rows(step.query);
  if (query.length > 0) entry.queryParams = query;
  const headers = rows(step.headers);
  if (step.body.type === 'form') {
    throw unsupported(`${label} sends a form body, which the interchange format cannot express.`, `In the editor, set ${label}'s Body to JSON, or to raw text with a Content-Type header of application/x-www-form-urlencoded.`);
  }
  if (step.body.type === 'json') {
    if (typeof step.body.value === 'string') throw unsupported(`${label} sends a JSON string body, which would read back as raw text.`, `In the editor, set ${label}'s Body to raw, or make the JSON an object.`);
    if (step.body.value !== undefined && step.body.value !== null) entry.body = step.body.value;
  }
  if (step.body.type === 'raw') {
    entry.body = step.body.text;
    const hasType = headers.some((h) => h.key.toLowerCase() === 'content-type');
    if (!hasType && step.body.contentType !== 'text/plain') headers.push({ key: 'Content-Type', value: step.body.contentType });
  }
  if (headers.length > 0) entry.headers = headers;
  if (step.outputs.length > 0) entry.outputs = Object.fromEntries(step.outputs.map((o) => [o.name, o.path]));
  if (condition) entry.condition = { enabled: true, expression: condition };
  if (step.auth) entry.auth = step.auth;
  if (step.timeoutMs !== undefined) entry.timeout_ms = step.timeoutMs;
  if (step.maxRetries !== undefined) entry.max_retries = step.maxRetries;
  if (step.idempotent !== undefined) entry.idempotent = step.idempotent;
  return entry as InterchangeStep & { id: string };
}

function rows(list: KeyValue[]): Array<{ key: string; value: string }> {
  return list.filter((r) => r.enabled).map((r) => ({ key: r.key, value: r.value }));
}

function inputSpec(input: Connector['inputs'][number]): Json {
  return {
    type: input.type,
    ...(input.label ? { label: input.label } : {}),
    ...(input.required ? { required: true } : {}),
    ...(input.default !== undefined ? { default: input.default } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
}

/** Asks the auth kind whether the interchange format can carry it. */
function checkAuth(auth: Connector['auth'], where: string): void {
  const { interchange } = authKindOf(auth);
  if (interchange.export === 'unsupported') throw unsupported(`${interchange.reason} (used by ${where}).`, interchange.hint);
}
