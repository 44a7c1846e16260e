import type { ConnectorInput } from '../schema/connector.js';
import { formatPath } from '../validation/issue.js';
import { parsePath, type PathSegment } from '../validation/location.js';

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);

/** Where each imported step came from: `config.steps[1].steps[0]`, or `config` for a single-step connector. */
function stepOrigins(raw: unknown): PathSegment[][] {
  const config = asObject(asObject(raw)?.config);
  if (asObject(raw)?.type === 'single-step') return [['config']];
  const entries = Array.isArray(config?.steps) ? config.steps : [];
  const origins: PathSegment[][] = [];
  entries.forEach((entry, i) => {
    const group = asObject(entry);
    if (group?.type === 'parallel' && Array.isArray(group.steps)) group.steps.forEach((_, j) => origins.push(['config', 'steps', i, 'steps', j]));
    else origins.push(['config', 'steps', i]);
  });
  return origins;
}

const STEP_KEYS: Record<string, PathSegment[]> = { query: ['queryParams'], condition: ['condition', 'expression'], timeoutMs: ['timeout_ms'], maxRetries: ['max_retries'] };
const SETTINGS_KEYS: Record<string, string> = { timeoutMs: 'timeout_ms', maxRetries: 'max_retries', continueOnError: 'continue_on_error' };

/**
 * Translates a path in the imported app document (`steps[3].outputs[0].path`) into the path of
 * the same thing in the interchange file it came from (`config.steps[2].steps[1].outputs.email`),
 * so that a file's problems are reported in that file's own terms. Edges have no place of their
 * own in the interchange format (they come from the order of `config.steps`), so they map there.
 */
export function toInterchangePath(raw: unknown, draft: ConnectorInput, appPath: string): string {
  const [head, index, ...rest] = parsePath(appPath);
  switch (head) {
    case 'steps': {
      if (typeof index !== 'number') return 'config.steps';
      const origin = stepOrigins(raw)[index];
      if (!origin) return 'config.steps';
      const [key, at, ...more] = rest;
      if (key === undefined) return formatPath(origin);
      if (key === 'body') return formatPath([...origin, 'body']);
      if (key === 'outputs' && typeof at === 'number') {
        const name = draft.steps[index]?.outputs?.[at]?.name;
        return formatPath(name === undefined ? [...origin, 'outputs'] : [...origin, 'outputs', name]);
      }
      const mapped = STEP_KEYS[String(key)] ?? [key];
      return formatPath([...origin, ...mapped, ...(at === undefined ? [] : [at]), ...more]);
    }
    case 'edges':
      return 'config.steps';
    case 'inputs': {
      const name = typeof index === 'number' ? draft.inputs?.[index]?.name : undefined;
      return name === undefined ? 'input_schema' : formatPath(['input_schema', name]);
    }
    case 'fieldMappings':
      return formatPath(['field_mappings', ...(index === undefined ? [] : [index]), ...rest]);
    case 'settings':
      return typeof index === 'string' && SETTINGS_KEYS[index] ? SETTINGS_KEYS[index] : '';
    case 'auth':
      return formatPath(['config', 'auth', ...(index === undefined ? [] : [index]), ...rest]);
    case 'rateLimit':
      return formatPath(['config', 'rateLimiting', ...(index === undefined ? [] : [index]), ...rest]);
    case 'name':
    case 'description':
    case 'icon':
    case 'category':
      return head;
    default:
      return '';
  }
}
