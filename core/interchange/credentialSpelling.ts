/**
 * The interchange format writes credentials as `{{workspace.name}}`, the app as
 * `{{credentials.name}}`. These rewrite the namespace inside `{{…}}` only, in every string of a
 * JSON value (object keys are left alone).
 */
const WORKSPACE = /\{\{(\s*)workspace(\s*)\./g;
const CREDENTIALS = /\{\{(\s*)credentials(\s*)\./g;

export function workspaceToCredentials<T>(value: T): T {
  return mapStrings(value, (s) => s.replace(WORKSPACE, '{{$1credentials$2.')) as T;
}

export function credentialsToWorkspace<T>(value: T): T {
  return mapStrings(value, (s) => s.replace(CREDENTIALS, '{{$1workspace$2.')) as T;
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, fn)]));
  }
  return value;
}
