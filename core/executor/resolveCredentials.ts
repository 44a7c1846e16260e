/**
 * Resolves, before the first request, every credential the steps that will run refer to
 * (URLs, query, headers, bodies, auth, conditions), so a missing one stops the run with a
 * message naming it instead of failing halfway.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { SecretResolver } from '../ports/index.js';
import type { Connector, Step } from '../schema/connector.js';
import { listReferences } from '../template/listReferences.js';
import { listExpressionReferences } from '../expression/listExpressionReferences.js';

function referencedCredentials(connector: Connector, steps: readonly Step[]): string[] {
  const names = new Set<string>();
  const ids = new Set(steps.map((step) => step.id));
  const collect = (value: unknown) => {
    for (const ref of listReferences(value)) if (ref.kind === 'credential') names.add(ref.name);
  };
  const collectCondition = (condition: string | undefined) => {
    if (!condition) return;
    for (const ref of listExpressionReferences(condition)) if (ref.kind === 'credential') names.add(ref.name);
  };
  for (const step of steps) {
    collect([step.url, step.query, step.headers, step.body, step.auth ?? connector.auth]);
    collectCondition(step.condition);
  }
  for (const edge of connector.edges) if (ids.has(edge.target)) collectCondition(edge.condition);
  return [...names];
}

export async function resolveCredentials(connector: Connector, steps: readonly Step[], secrets: SecretResolver): Promise<Record<string, string>> {
  const resolved: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of referencedCredentials(connector, steps)) {
    const value = await secrets.get(name);
    if (typeof value === 'string' && value !== '') resolved[name] = value;
    else missing.push(name);
  }
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ConnectorError('MISSING_CREDENTIAL', `The credential${missing.length > 1 ? 's' : ''} ${list} ${missing.length > 1 ? 'have' : 'has'} no value.`, {
      path: `credentials.${missing[0]}`,
      hint: `Set ${missing.length > 1 ? 'them' : 'it'} in the app's Credentials panel, or pass --credential ${missing[0]}=… on the command line.`,
    });
  }
  return resolved;
}
