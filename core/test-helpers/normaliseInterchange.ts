/**
 * The normalisation under which an interchange document round-trips (import → export) equal.
 * Documented in core/interchange/README.md; each rule is something the format lets a file say
 * in two ways, of which export writes one:
 *
 * 1. Defaults are filled in (zod's InterchangeSchema): `description` "", `icon`, `category`,
 *    `method` GET (and upper-cased), `auth` none, `timeout_ms`/`max_retries`/`continue_on_error`,
 *    an input's `type` string / `label` "" / `required` false, a mapping's `coerce`/`merge`.
 * 2. Empty things are absent: a step `name` "", `queryParams`/`headers` [], `outputs` {}, `body` null.
 * 3. Rows with `enabled: false` are dropped (not sent, so not written); `enabled: true` is implied.
 * 4. A condition that is disabled or blank is dropped (it never skips anything); an expression is trimmed.
 * 5. Step ids left out are `step_<n>` (n counts every step so far); parallel groups are numbered
 *    `parallel_group_<k>` in order; a parallel group of one step is that step; `"type": "step"` is implied.
 * 6. A mapping's `custom` flag is implied by its target's name (system field or not) and kept only
 *    where it says otherwise.
 * 7. `config.rateLimiting` gets its defaults and is absent when it is off and sets no limit.
 * 8. `{{credentials.x}}` is the app's spelling of `{{workspace.x}}`.
 * 9. Keys the format does not define (a connectors row's `id`, `workspace_id`, …) are dropped.
 *
 * Not covered (export rewrites them; the generators do not produce them): a multi-step document
 * with a single unconditional step (written as single-step), `idempotent` on a single-step request.
 */
import { isSystemContactField } from '../schema/connector.js';
import { InterchangeSchema } from '../interchange/schema.js';

type Json = Record<string, unknown>;

export function normaliseInterchange(raw: unknown): Json {
  const doc = JSON.parse(JSON.stringify(InterchangeSchema.parse(raw)).replace(/\{\{(\s*)credentials(\s*)\./g, '{{$1workspace$2.')) as Json;
  const config = doc.config as Json;
  if (doc.type === 'single-step') Object.assign(config, request(config));
  if (Array.isArray(config.steps)) {
    let count = 0;
    let groups = 0;
    config.steps = (config.steps as Json[]).map((entry) => {
      if (entry.type === 'parallel') {
        const steps = (entry.steps as Json[]).map((s) => step(s, ++count));
        return steps.length === 1 ? steps[0] : { id: `parallel_group_${++groups}`, type: 'parallel', steps };
      }
      return step(entry, ++count);
    });
  }
  const rate = config.rateLimiting as Json | undefined;
  if (rate) {
    const full: Json = { enabled: false, strategy: 'queue', ...rate };
    if (!full.enabled && full.maxRequestsPerMinute === undefined && full.maxRequestsPerHour === undefined && full.serviceKey === undefined) delete config.rateLimiting;
    else config.rateLimiting = full;
  }
  doc.field_mappings = (doc.field_mappings as Json[]).map((m) => {
    const { custom, ...rest } = m;
    return custom === undefined || custom === !isSystemContactField(String(m.target)) ? rest : { ...rest, custom };
  });
  return doc;
}

function step(raw: Json, n: number): Json {
  const { type: _type, ...s } = raw;
  void _type;
  const out: Json = { ...s, id: s.id ?? `step_${n}`, ...request(s) };
  if (out.name === '') delete out.name;
  const condition = out.condition as { enabled: boolean; expression: string } | undefined;
  if (condition && (!condition.enabled || condition.expression.trim() === '')) delete out.condition;
  else if (condition) out.condition = { enabled: true, expression: condition.expression.trim() };
  return out;
}

function request(s: Json): Json {
  const out: Json = {};
  for (const key of ['queryParams', 'headers'] as const) {
    const rows = ((s[key] as Array<{ key: string; value: string; enabled?: boolean }> | undefined) ?? []).filter((r) => r.enabled !== false).map((r) => ({ key: r.key, value: r.value }));
    out[key] = rows.length > 0 ? rows : undefined;
  }
  const outputs = s.outputs as Json | undefined;
  out.outputs = outputs && Object.keys(outputs).length > 0 ? outputs : undefined;
  out.body = s.body === null ? undefined : s.body;
  return out;
}
